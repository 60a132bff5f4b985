//! A file's bytes to documents: decoded ([`crate::decode`]), then read by
//! its kind: `.jsonl` (and `.json` lines) line by line, anything else as one
//! plain-text document named after the file.

use crate::decode::{decode_with, lines_lossless, Undecodable, Windows1256};
use crate::jsonl;
use crate::problem::Problem;
use barchasb_core::Document;

/// One document read, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The document, with its good spans only.
    pub doc: Document,
    /// The file it came from, as named.
    pub file: String,
    /// Its line (1-based; 1 for a plain-text file).
    pub line: usize,
    /// The line carries annotations (`spans`, or a status other than new);
    /// false for plain text.
    pub annotated: bool,
    /// What was wrong in it but did not stop it (a bad span, say).
    pub problems: Vec<Problem>,
}

impl Record {
    /// `file:line`, for messages.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Everything read from one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The documents, in file order.
    pub records: Vec<Record>,
    /// Lines (or the whole file) that gave no document.
    pub problems: Vec<Problem>,
    /// Things worth saying that are not problems (`read as Windows-1256`).
    pub notes: Vec<String>,
}

impl Parsed {
    /// Every problem, of the file and of its records, in line order.
    pub fn all_problems(&self) -> Vec<&Problem> {
        let mut all: Vec<&Problem> =
            self.problems.iter().chain(self.records.iter().flat_map(|r| r.problems.iter())).collect();
        all.sort_by_key(|p| p.line_number());
        all
    }
}

/// Whether a file name is read as JSONL.
pub fn is_jsonl(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower == "-" || lower == "<stdin>"
}

/// The file name without its folder and last extension.
pub fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    }
}

/// Reads one file: `.jsonl` line by line, anything else as plain text.
#[cfg(feature = "encoding_rs")]
pub fn read_file(name: &str, bytes: &[u8]) -> Parsed {
    read_file_with(name, bytes, crate::decode::windows_1256)
}

/// A JSONL file ([`read_file`] of a `.jsonl`).
#[cfg(feature = "encoding_rs")]
pub fn read_jsonl(name: &str, bytes: &[u8]) -> Parsed {
    read_jsonl_with(name, bytes, crate::decode::windows_1256)
}

/// [`read_file`] with another Windows-1256 decoder (the browser's).
pub fn read_file_with(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    if is_jsonl(name) {
        read_jsonl_with(name, bytes, w1256)
    } else {
        read_txt(name, bytes, w1256)
    }
}

/// A plain-text file: one document, id the file's stem, `\r\n` made `\n`.
fn read_txt(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    let decoded = match decode_with(bytes, w1256) {
        Ok(d) => d,
        Err(e) => {
            out.problems.push(Problem::undecodable(name, &e));
            return out;
        }
    };
    note_encoding(&mut out, name, decoded.encoding);
    if decoded.text.trim().is_empty() {
        out.problems.push(Problem::file(name, "the file is empty"));
        return out;
    }
    let text = if decoded.text.contains('\r') {
        out.notes.push(format!("{name}: line ends \\r\\n were read as \\n"));
        decoded.text.replace("\r\n", "\n")
    } else {
        decoded.text
    };
    let doc = Document::new(stem(name), text);
    out.records.push(Record { doc, file: name.to_string(), line: 1, annotated: false, problems: Vec::new() });
    out
}

/// A JSONL file: one document per non-blank line; a bad line is reported
/// and the others are taken.
pub fn read_jsonl_with(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    read_jsonl_by(name, bytes, w1256, jsonl::read_line)
}

/// Reads one JSONL line (file, 1-based line, the line, the id of a line
/// without one) as a document, or names what is wrong with it.
pub(crate) type LineReader = fn(&str, usize, &str, &str) -> Result<Record, Problem>;

/// [`read_jsonl_with`] with another reader of each line (doccano's, say):
/// decoding, bad UTF-8 lines and blank lines as for the native JSONL.
pub(crate) fn read_jsonl_by(name: &str, bytes: &[u8], w1256: Windows1256, read_line: LineReader) -> Parsed {
    let mut out = Parsed::default();
    let mut records = Vec::new();
    for_each_line(name, bytes, w1256, &mut out, |n, line, problems| {
        let fallback = format!("{}-{n}", stem(name));
        match read_line(name, n, line, &fallback) {
            Ok(r) => records.push(r),
            Err(p) => problems.push(p),
        }
    });
    out.records = records;
    if out.records.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::file(name, "the file is empty: it has no documents"));
    }
    out
}

/// Calls `each` with every non-blank line of a line-based file (1-based
/// number, the line without `\r` or a BOM, the problems to add to): the
/// file decoded, its encoding noted; in a file that is UTF-8 but for some
/// lines, those lines are named and the others still read.
pub(crate) fn for_each_line(
    name: &str,
    bytes: &[u8],
    w1256: Windows1256,
    out: &mut Parsed,
    mut each: impl FnMut(usize, &str, &mut Vec<Problem>),
) {
    let mut take = |n: usize, line: Result<&str, usize>, problems: &mut Vec<Problem>| match line {
        Ok(l) => {
            let l = l.trim_start_matches('\u{feff}');
            if !l.trim().is_empty() {
                each(n, l, problems);
            }
        }
        Err(byte) => problems.push(Problem::line(
            name,
            n,
            format!("the line is not valid UTF-8 (byte {byte} of the file); it was not imported"),
        )),
    };
    match decode_with(bytes, w1256) {
        Ok(d) => {
            note_encoding(out, name, d.encoding);
            for (i, l) in d.text.split('\n').enumerate() {
                take(i + 1, Ok(l.strip_suffix('\r').unwrap_or(l)), &mut out.problems);
            }
        }
        // Mostly UTF-8: the lines that are UTF-8 are still taken.
        Err(Undecodable::BadUtf8 { .. }) => {
            for (n, l) in lines_lossless(bytes) {
                take(n, l, &mut out.problems);
            }
        }
        Err(e) => out.problems.push(Problem::undecodable(name, &e)),
    }
}

fn note_encoding(out: &mut Parsed, name: &str, encoding: Option<&str>) {
    if let Some(enc) = encoding {
        out.notes.push(format!("{name}: read as {enc} (not UTF-8)"));
    }
}
