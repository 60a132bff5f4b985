//! `read` and `write`: the formats of barchasb-formats, named as the CLI
//! names them (`convert --from/--to`), read and written as the CLI's
//! `convert` does. Documents cross as JSON lines (the native frame, code
//! points); the Python side turns them into dicts.

use crate::suggest::read_bytes;
use crate::Error;
use barchasb_core::Document;
use barchasb_formats::{ExportOptions, Format, Scheme};
use pyo3::prelude::*;
use std::path::Path;

fn format_named(name: &str) -> PyResult<Format> {
    name.parse::<Format>().map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// The format names, as the CLI takes them.
#[pyfunction]
pub fn formats() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.name()).collect()
}

/// The files an export of `format` wrote beside `path` that are there.
fn beside(format: Format, path: &str) -> Vec<(String, Vec<u8>)> {
    barchasb_formats::companions(format, path)
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::read(&p).ok()?)))
        .collect()
}

/// Reads `path` as `barchasb convert` reads an input: in `format`, or
/// told by name and content. Returns the documents as JSON lines, the
/// problems (bad lines, bad spans: the CLI's stderr lines, each naming
/// file and line) and the notes (ids made unique, decodings).
#[pyfunction]
#[pyo3(signature = (path, format=None))]
pub fn read(py: Python<'_>, path: &str, format: Option<&str>) -> PyResult<(Vec<String>, Vec<String>, Vec<String>)> {
    let format = format.map(format_named).transpose()?;
    let bytes = read_bytes(path)?;
    let w1256 = barchasb_formats::decode::windows_1256;
    let brat_pair = matches!(format, None | Some(Format::Brat)) && path.to_lowercase().ends_with(".ann");
    let text_of_ann = if brat_pair {
        let txt = format!("{}.txt", &path[..path.len() - 4]);
        Some(std::fs::read(&txt).map_err(|e| Error::new_err(format!("{txt}: cannot read: {e} (the text of {path})")))?)
    } else {
        None
    };
    Ok(py.detach(|| {
        let parsed = match (text_of_ann, format.or_else(|| barchasb_formats::detect(path, &bytes))) {
            // A brat .ann is read with the .txt beside it.
            (Some(text), _) => barchasb_formats::read_brat_pair(path, &text, &bytes, w1256),
            // CoNLL and Hugging Face files are read with the files written beside them.
            (None, Some(f)) => barchasb_formats::read_with(f, path, &bytes, &beside(f, path), w1256),
            (None, None) => barchasb_formats::read_any(path, &bytes, w1256),
        };
        let problems = parsed.all_problems().iter().map(|p| p.to_string()).collect();
        let mut notes = parsed.notes.clone();
        let merged = barchasb_formats::merge_alone(parsed);
        notes.extend(merged.report);
        (merged.add.iter().map(Document::to_json_line).collect(), problems, notes)
    }))
}

/// Parses the documents handed in as JSON lines (`<docs>:N` in messages).
fn parse_docs(lines: &[String]) -> PyResult<Vec<Document>> {
    let mut docs = Vec::with_capacity(lines.len());
    let mut bad = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match barchasb_formats::read_line("<docs>", i + 1, line, &format!("doc-{}", i + 1)) {
            Ok(r) if r.problems.is_empty() => docs.push(r.doc),
            Ok(r) => bad.extend(r.problems.iter().map(|p| p.to_string())),
            Err(p) => bad.push(p.to_string()),
        }
    }
    if !bad.is_empty() {
        return Err(Error::new_err(bad.join("\n")));
    }
    Ok(docs)
}

/// Writes documents (JSON lines) to `path` in `format`, as `barchasb
/// convert --to FORMAT -o PATH` writes them: sidecars beside `path`, the
/// label order `labels` or else the app's label set. Returns the files
/// written, or (nothing written) the spans that cannot be written, each
/// named as the CLI names it.
#[pyfunction]
#[pyo3(signature = (docs, path, format, labels=None, scheme="iob2", suggestions=false, from_name="label", to_name="text"))]
#[allow(clippy::too_many_arguments)]
pub fn write(
    py: Python<'_>,
    docs: Vec<String>,
    path: &str,
    format: &str,
    labels: Option<Vec<String>>,
    scheme: &str,
    suggestions: bool,
    from_name: &str,
    to_name: &str,
) -> PyResult<(Vec<String>, Vec<String>)> {
    let to = format_named(format)?;
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "iob2" | "iob" | "bio" => Scheme::Iob2,
        "biluo" | "bilou" => Scheme::Biluo,
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown scheme {other:?}; the schemes are iob2, biluo"
            )))
        }
    };
    let docs = parse_docs(&docs)?;
    let file = Path::new(path).file_name().map_or(path.to_string(), |f| f.to_string_lossy().into_owned());
    let opts = ExportOptions {
        suggestions,
        scheme,
        // The app's label set unless told otherwise, so that both write the same.
        labels: labels.unwrap_or_else(|| barchasb_core::LabelSet::default().names().map(String::from).collect()),
        from_name: from_name.to_string(),
        to_name: to_name.to_string(),
        date_value: Some(barchasb_rules::date_value),
        base: to.base(&file).to_string(),
    };
    let files = match py.detach(|| barchasb_formats::export(to, &docs, &opts)) {
        Ok(files) => files,
        Err(bad) => {
            let mut lines: Vec<String> = bad.iter().map(|b| b.to_string()).collect();
            lines.push(format!("barchasb: {} span(s) cannot be written as {to}; nothing was written", bad.len()));
            return Ok((Vec::new(), lines));
        }
    };
    let dir = Path::new(path).parent().unwrap_or(Path::new(""));
    let mut written = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let out = if i == 0 { Path::new(path).to_path_buf() } else { dir.join(&f.name) };
        std::fs::write(&out, &f.bytes).map_err(|e| Error::new_err(format!("cannot write {}: {e}", out.display())))?;
        written.push(out.to_string_lossy().into_owned());
    }
    Ok((written, Vec::new()))
}

/// The format whose extension `path` ends with (the longest that fits:
/// `.hf.jsonl` before `.jsonl`), as `write` names its main file.
#[pyfunction]
pub fn format_of(path: &str) -> Option<&'static str> {
    let lower = path.to_lowercase();
    Format::ALL
        .iter()
        .filter(|f| lower.ends_with(&format!(".{}", f.extension())))
        .max_by_key(|f| f.extension().len())
        .map(|f| f.name())
}
