//! Bytes of a file to text: UTF-8 (with or without a BOM), UTF-16 with a
//! BOM (by the standard library), or Windows-1256, the common legacy
//! encoding of Persian text. Windows-1256 is decoded by a [`Windows1256`]
//! function: `encoding_rs` natively ([`windows_1256`], feature
//! `encoding_rs`, on by default); the web app hands in the browser's own
//! WHATWG `TextDecoder`, which keeps `encoding_rs`'s tables out of its
//! wasm. What is none of these is refused with a message, never read as
//! U+FFFD replacement characters.

/// Decodes Windows-1256 bytes; `None` if a byte has no character.
pub type Windows1256 = fn(&[u8]) -> Option<String>;

/// Windows-1256 by `encoding_rs`.
#[cfg(feature = "encoding_rs")]
pub fn windows_1256(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

const UTF_16LE: &str = "UTF-16LE";
const UTF_16BE: &str = "UTF-16BE";
const WINDOWS_1256: &str = "windows-1256";

/// A file's text and, when it was not UTF-8, the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// `None` for UTF-8; else the name of the encoding (`"UTF-16LE"`,
    /// `"windows-1256"`), for the message that says so.
    pub encoding: Option<&'static str>,
}

/// Why bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecodable {
    /// UTF-8 with invalid bytes: the first is at `line` (1-based), `byte`
    /// bytes into the file.
    #[allow(missing_docs)]
    BadUtf8 { line: usize, byte: usize },
    /// Neither UTF-8, nor UTF-16 with a BOM, nor text that reads as
    /// Persian in Windows-1256.
    Unknown,
}

impl std::fmt::Display for Undecodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Undecodable::BadUtf8 { line, byte } => {
                write!(f, "line {line}: the text is not valid UTF-8 (byte {byte} of the file); save the file as UTF-8")
            }
            Undecodable::Unknown => f.write_str(
                "the file is not UTF-8 text, nor UTF-16 with a byte order mark, nor Persian in Windows-1256; \
                 save it as UTF-8",
            ),
        }
    }
}

/// Decodes a file, Windows-1256 by `encoding_rs`.
#[cfg(feature = "encoding_rs")]
pub fn decode(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    decode_with(bytes, windows_1256)
}

/// Decodes a file. UTF-8 text that has a few invalid bytes is refused
/// ([`Undecodable::BadUtf8`]); [`lines_lossless`] takes the good lines of
/// such a JSONL file.
pub fn decode_with(bytes: &[u8], w1256: Windows1256) -> Result<Decoded, Undecodable> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_with(rest, w1256);
    }
    for (bom, le) in [(b"\xFF\xFE", true), (b"\xFE\xFF", false)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return utf16(rest, le).ok_or(Undecodable::Unknown);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_string(), encoding: None });
    }
    if mostly_utf8(bytes) {
        // Mostly UTF-8: another encoding would turn its letters into mojibake.
        let at = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
        return Err(Undecodable::BadUtf8 { line: line_at(bytes, at), byte: at });
    }
    if let Some(d) = utf16_without_bom(bytes) {
        return Ok(d);
    }
    if let Some(text) = w1256(bytes).filter(|t| reads_as_persian(t)) {
        return Ok(Decoded { text, encoding: Some(WINDOWS_1256) });
    }
    if utf8_sequence_bytes(bytes) > 0 {
        let at = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
        return Err(Undecodable::BadUtf8 { line: line_at(bytes, at), byte: at });
    }
    Err(Undecodable::Unknown)
}

/// The 1-based line of byte `at`.
pub fn line_at(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())].iter().filter(|&&b| b == b'\n').count()
}

/// The lines of a file that is UTF-8 but for some lines: each line's
/// number (1-based) and its text, or the byte (in the file) where it stops
/// being UTF-8. A `\r` before the `\n` is removed.
pub fn lines_lossless(bytes: &[u8]) -> Vec<(usize, Result<&str, usize>)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        out.push((i + 1, std::str::from_utf8(line).map_err(|e| offset + e.valid_up_to())));
        offset += raw.len() + 1;
    }
    out
}

/// UTF-16 of either byte order; `None` for an odd length or a lone
/// surrogate.
fn utf16(bytes: &[u8], le: bool) -> Option<Decoded> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units =
        bytes
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    Some(Decoded { text, encoding: Some(if le { UTF_16LE } else { UTF_16BE }) })
}

/// At least 90% of the bytes above ASCII are in valid multi-byte UTF-8
/// sequences. (Windows-1256 Persian makes a few such pairs by chance: ر
/// then گ is D1 90.)
fn mostly_utf8(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    utf8_sequence_bytes(bytes) * 10 >= high * 9
}

/// How many bytes are in valid multi-byte UTF-8 sequences.
fn utf8_sequence_bytes(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let len = match bytes[i] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if len > 1 && i + len <= bytes.len() && std::str::from_utf8(&bytes[i..i + len]).is_ok() {
            n += len;
            i += len;
        } else {
            i += 1;
        }
    }
    n
}

/// UTF-16 without a BOM: text whose every other byte is mostly zero (Latin)
/// or mostly 0x06 (Arabic script), decoded without errors.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let high = |odd: bool| {
        let n = bytes.iter().skip(odd as usize).step_by(2).filter(|&&b| b == 0 || b == 6).count();
        n * 10 >= bytes.len() / 2 * 9
    };
    if high(true) {
        utf16(bytes, true)
    } else if high(false) {
        utf16(bytes, false)
    } else {
        None
    }
}

/// At least 60% of the letters outside ASCII are of the Arabic script,
/// hardly any Arabic letter touches a Latin one (German `ä` read as
/// Windows-1256 is ن, inside a Latin word), hardly any character is one of
/// the Latin-1 signs that UTF-8 read as Windows-1256 is full of (ا, D8 A7 in
/// UTF-8, reads as ط§), and there is no control character but tab, line and
/// page ends (binary bytes map to letters too). ASCII reads the same in
/// every encoding, so its letters (a JSONL file's keys) do not count.
fn reads_as_persian(text: &str) -> bool {
    let (mut letters, mut arabic, mut signs, mut touching) = (0usize, 0usize, 0usize, 0usize);
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            return false;
        }
        if c.is_alphabetic() && !c.is_ascii() {
            letters += 1;
            if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') {
                arabic += 1;
                let next = chars.peek().copied().unwrap_or(' ');
                touching += (prev.is_ascii_alphabetic() || next.is_ascii_alphabetic()) as usize;
            }
        }
        signs += matches!(c, '\u{A2}'..='\u{BF}' if !matches!(c, '\u{AB}' | '\u{BB}')) as usize;
        prev = c;
    }
    letters > 0 && arabic * 10 >= letters * 6 && signs * 50 <= letters && touching * 50 <= arabic
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1256;

    const FA: &str = "سازمان توسعه و نوسازی معادن ایران\nگفت: ۱۴۰۲";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(FA.as_bytes()).unwrap(), Decoded { text: FA.into(), encoding: None });
        let bom = [b"\xEF\xBB\xBF".as_slice(), FA.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap().text, FA);
    }

    #[test]
    fn windows_1256_is_read_and_named() {
        // Windows-1256 has Arabic ي, not Persian ی, and no Persian digits.
        let text = "سازمان توسعه و نوسازي معادن ايران\nگفت: 1402";
        let (bytes, _, bad) = WINDOWS_1256.encode(text);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, Some("windows-1256"));
    }

    #[test]
    fn utf16_with_a_bom_both_orders_and_without_one() {
        for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
            let le = enc == UTF_16LE;
            let units: Vec<u16> = FA.encode_utf16().collect();
            let body: Vec<u8> = units.iter().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
            let d = decode(&[bom, &body].concat()).unwrap();
            assert_eq!(d.text, FA);
            assert_eq!(d.encoding, Some(enc));
            let pure: String = FA.chars().filter(|c| !c.is_ascii()).collect();
            let body: Vec<u8> = pure.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            assert_eq!(decode(&body).unwrap().text, pure, "UTF-16LE without a BOM");
        }
    }

    #[test]
    fn broken_utf8_is_refused_with_its_line_never_replaced() {
        let bytes = [FA.as_bytes(), b"\n\xFF\xFE tail"].concat();
        assert_eq!(decode(&bytes), Err(Undecodable::BadUtf8 { line: 3, byte: FA.len() + 1 }));
        let lines = lines_lossless(&bytes);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[2], (3, Err(FA.len() + 1)));
        assert!(lines[0].1.is_ok());
    }

    #[test]
    fn latin1_bytes_are_not_taken_for_persian() {
        // "café crème" in Latin-1: high bytes, no UTF-8, not Arabic script.
        assert_eq!(decode(b"caf\xE9 cr\xE8me"), Err(Undecodable::Unknown));
        // "Mädchen, Käse": Latin-1 ä is Windows-1256 ن, inside Latin words.
        assert_eq!(decode(b"M\xE4dchen, K\xE4se"), Err(Undecodable::Unknown));
    }

    /// tests/bad-input/jsonl/windows-1256.jsonl: the keys' ASCII letters
    /// outnumbered the Persian ones, so a Windows-1256 JSONL file was
    /// refused as no known encoding; and binary bytes (with NULs) map to
    /// Arabic letters in Windows-1256, so they were taken for Persian.
    #[test]
    fn windows_1256_jsonl_is_read_and_binary_is_not() {
        let line = "{\"id\":\"a\",\"text\":\"ايران و چين\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"LOC\"}]}\n";
        let (bytes, _, bad) = WINDOWS_1256.encode(line);
        assert!(!bad);
        assert_eq!(decode(&bytes).unwrap().text, line);
        let binary = [0x81u8, 0xFF, 0xFE, 0x00, 0x90, 0x8D, 0x9D, 0xFE].repeat(8);
        assert_eq!(decode(&binary), Err(Undecodable::Unknown));
    }
}
