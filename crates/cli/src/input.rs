//! Reading documents from files and stdin. Bad lines are reported with the
//! file and line number and skipped; the good ones are still returned.

use barchasb_core::Document;
use std::io::Read;
use std::path::Path;

/// Documents read from one source, and the problems met on the way.
#[derive(Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub errors: Vec<String>,
}

impl Loaded {
    /// Prints the problems to stderr; true when there were any.
    pub fn report_errors(&self) -> bool {
        for e in &self.errors {
            eprintln!("{e}");
        }
        !self.errors.is_empty()
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    res.map(|_| bytes).map_err(|e| format!("{path}: cannot read: {e}"))
}

/// Reads a `.txt` file as one document (id: the file stem) or any other
/// file as JSONL. `-` is stdin, as JSONL.
pub fn load(path: &str) -> Loaded {
    let bytes = match read(path) {
        Ok(b) => b,
        Err(e) => return Loaded { docs: vec![], errors: vec![e] },
    };
    let name = if path == "-" { "<stdin>" } else { path };
    if path.ends_with(".txt") {
        return match std::str::from_utf8(&bytes) {
            Ok(text) => {
                let text = text.to_string();
                let id = Path::new(path).file_stem().map_or(path.to_string(), |s| s.to_string_lossy().into_owned());
                Loaded { docs: vec![Document::new(id, text)], errors: vec![] }
            }
            Err(e) => {
                let at = e.valid_up_to();
                let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
                Loaded { docs: vec![], errors: vec![format!("{name}:{line}: not valid UTF-8 (byte {at})")] }
            }
        };
    }
    parse_jsonl(name, &bytes)
}

/// Reads a CoNLL/IOB file (`-`: stdin): one done document per sentence.
pub fn load_conll(path: &str) -> Loaded {
    let bytes = match read(path) {
        Ok(b) => b,
        Err(e) => return Loaded { docs: vec![], errors: vec![e] },
    };
    let name = if path == "-" { "<stdin>" } else { path };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            return Loaded { docs: vec![], errors: vec![format!("{name}:{line}: not valid UTF-8 (byte {at})")] };
        }
    };
    let (docs, errors) = barchasb_core::tagger::parse_conll(name, text);
    Loaded { docs, errors }
}

/// Reads a model file written by `barchasb train`.
pub fn load_model(path: &str) -> anyhow::Result<barchasb_core::tagger::Tagger> {
    let bytes = read(path).map_err(anyhow::Error::msg)?;
    barchasb_core::tagger::Tagger::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{path}: {e}"))
}

/// Parses JSONL bytes line by line; blank lines are skipped.
pub fn parse_jsonl(name: &str, bytes: &[u8]) -> Loaded {
    let mut out = Loaded::default();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l.trim_start_matches('\u{feff}'),
            Err(e) => {
                out.errors.push(format!("{name}:{n}: not valid UTF-8 (column {})", e.valid_up_to() + 1));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match Document::from_json_line(line, &format!("{name}:{n}")) {
            Ok(doc) => out.docs.push(doc),
            Err(e) => out.errors.push(format!("{name}:{n}: {e}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_named_and_good_ones_kept() {
        let input =
            b"{\"id\":\"a\",\"text\":\"\xd8\xa7\"}\n{oops\n\n{\"id\":\"b\"}\n\xff\xfe\n{\"id\":\"c\",\"text\":\"x\"}\n";
        let l = parse_jsonl("in.jsonl", input);
        assert_eq!(l.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(l.errors.len(), 3);
        assert!(l.errors[0].starts_with("in.jsonl:2: invalid JSON"));
        assert!(l.errors[1].starts_with("in.jsonl:4: missing \"text\""));
        assert!(l.errors[2].starts_with("in.jsonl:5: not valid UTF-8"));
    }
}
