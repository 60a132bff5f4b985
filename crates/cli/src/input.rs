//! Reading documents from files and stdin. Bad lines are reported with the
//! file and line number and skipped; the good ones are still returned.

use barchasb_core::Document;
use barchasb_formats::Format;
use std::io::Read;

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

/// Reads a file in any format barchasb knows, told by its name and content
/// (`barchasb_formats::read_any`): `.txt` as one document (id: the file
/// stem), JSONL line by line. `-` is stdin, as JSONL. Decoding, bad lines
/// and bad spans follow `barchasb_formats` (the app's rules); an id used
/// twice gets a new one (`a (2)`), said on stderr.
pub fn load(path: &str) -> Loaded {
    load_as(path, None)
}

/// [`load`] in a given format (`None`: told by name and content).
pub fn load_as(path: &str, format: Option<Format>) -> Loaded {
    let bytes = match read(path) {
        Ok(b) => b,
        Err(e) => return Loaded { docs: vec![], errors: vec![e] },
    };
    let name = if path == "-" { "<stdin>" } else { path };
    let w1256 = barchasb_formats::decode::windows_1256;
    let parsed = match format {
        // A brat .ann is read with the .txt beside it.
        None | Some(Format::Brat) if path.to_lowercase().ends_with(".ann") => {
            let txt = format!("{}.txt", &path[..path.len() - 4]);
            match read(&txt) {
                Ok(text) => barchasb_formats::read_brat_pair(name, &text, &bytes, w1256),
                Err(e) => return Loaded { docs: vec![], errors: vec![format!("{e} (the text of {path})")] },
            }
        }
        None if path == "-" => barchasb_formats::read_jsonl(name, &bytes),
        given => match given.or_else(|| barchasb_formats::detect(name, &bytes)) {
            // CoNLL and Hugging Face files are read with the files written beside them.
            Some(f) => barchasb_formats::read_with(f, name, &bytes, &beside(f, path), w1256),
            None => barchasb_formats::read_any(name, &bytes, w1256),
        },
    };
    let errors = parsed.all_problems().iter().map(|p| p.to_string()).collect();
    for note in &parsed.notes {
        eprintln!("{note}");
    }
    let merged = barchasb_formats::merge_alone(parsed);
    for line in &merged.report {
        eprintln!("{line}");
    }
    Loaded { docs: merged.add, errors }
}

/// The files an export of `format` wrote beside `path` that are there.
fn beside(format: Format, path: &str) -> Vec<(String, Vec<u8>)> {
    if path == "-" {
        return Vec::new();
    }
    barchasb_formats::companions(format, path)
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::read(&p).ok()?)))
        .collect()
}

/// A reader over a JSONL input that starts as UTF-8 (stdin, or a `.jsonl`
/// file), to be streamed; `None` for anything else (a `.txt`, another
/// encoding), which [`load`] reads whole.
pub fn utf8_jsonl_stream(path: &str) -> anyhow::Result<Option<Box<dyn std::io::BufRead>>> {
    use std::io::BufRead;
    if path != "-" && !barchasb_formats::is_jsonl(path) {
        return Ok(None);
    }
    let mut reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin()))
    } else {
        let f = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("{path}: cannot read: {e}"))?;
        Box::new(std::io::BufReader::with_capacity(1 << 20, f))
    };
    let head = reader.fill_buf()?;
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multi-byte character cut at the end of the buffer is still UTF-8.
        Err(e) => e.error_len().is_none(),
    };
    if path == "-" || (utf8 && !utf16) {
        return Ok(Some(reader));
    }
    Ok(None)
}

/// Refuses to write `out` when it is one of the `inputs` (the CLI never
/// writes over what it reads).
pub fn check_not_input(out: &str, inputs: &[&String]) -> anyhow::Result<()> {
    let canon = |p: &str| std::fs::canonicalize(p).ok();
    let Some(o) = canon(out) else { return Ok(()) };
    match inputs.iter().find(|i| canon(i).as_ref() == Some(&o)) {
        Some(i) => anyhow::bail!("{out} is also an input ({i}); write the output to another file"),
        None => Ok(()),
    }
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
    let (docs, problems) = barchasb_formats::parse_conll(name, text);
    Loaded { docs, errors: problems.iter().map(ToString::to_string).collect() }
}

/// Reads a model file written by `barchasb train`.
pub fn load_model(path: &str) -> anyhow::Result<barchasb_tagger::Tagger> {
    let bytes = read(path).map_err(anyhow::Error::msg)?;
    barchasb_tagger::Tagger::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{path}: {e}"))
}

/// Parses JSONL bytes line by line (as [`load`] does a file).
#[cfg(test)]
pub fn parse_jsonl(name: &str, bytes: &[u8]) -> Loaded {
    let parsed = barchasb_formats::read_jsonl(name, bytes);
    Loaded {
        errors: parsed.all_problems().iter().map(|p| p.to_string()).collect(),
        docs: parsed.records.into_iter().map(|r| r.doc).collect(),
    }
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
        assert!(l.errors[0].starts_with("in.jsonl:2: the line is not valid JSON"), "{:?}", l.errors);
        assert!(l.errors[1].starts_with("in.jsonl:4: the line has no \"text\""), "{:?}", l.errors);
        assert!(l.errors[2].starts_with("in.jsonl:5: the line is not valid UTF-8"), "{:?}", l.errors);
    }

    #[test]
    fn duplicate_ids_are_renamed_and_outputs_never_overwrite_inputs() {
        let dir = std::env::temp_dir().join(format!("barchasb-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("in.jsonl");
        std::fs::write(&f, "{\"id\":\"a\",\"text\":\"یک\"}\n{\"id\":\"a\",\"text\":\"دو\"}\n").unwrap();
        let path = f.to_string_lossy().into_owned();
        let l = load(&path);
        assert_eq!(l.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "a (2)"]);
        let e = check_not_input(&path, &[&path]).unwrap_err().to_string();
        assert!(e.contains("is also an input"), "{e}");
        let other = dir.join("out.model").to_string_lossy().into_owned();
        assert!(check_not_input(&other, &[&path]).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
