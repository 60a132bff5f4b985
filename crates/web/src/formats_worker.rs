//! The exchange formats' web worker: every export, and the import of files
//! in other tools' formats, run here, so that the app's own wasm holds none
//! of their writers and readers (nor the rules' `date_value`). Loaded the
//! first time a user exports or opens such a file.
//!
//! Built twice, as `tagger_worker` is: as the `formats-worker` bin
//! (which registers [`FormatsWorker`]) and inside the app, which spawns it.
//! Documents travel as JSON text (their flattened extra fields are not
//! bincode-friendly).

use barchasb_core::{Document, Status};
use barchasb_formats::{ExportOptions, Format, Parsed};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

/// The worker's script, relative to the page.
pub const SCRIPT: &str = "formats-worker.js";

/// Which documents an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Which {
    /// Every document.
    #[default]
    All,
    /// The documents marked done.
    Done,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Export `docs` (native JSONL lines) as `format`.
    Export { format: String, docs: String, which: Which, suggestions: bool, labels: Vec<String> },
    /// Read files chosen or dropped together (name, bytes).
    Read(Vec<(String, Vec<u8>)>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    /// The files written (main file first), or each span that could not be.
    Exported(Result<Vec<(String, Vec<u8>)>, Vec<String>>),
    /// What was read of each file ([`Wire`]).
    Read(Vec<Wire>),
}

/// One file's [`Parsed`] as it travels: each document as its native line
/// (the page reads it back with the JSONL reader it has), each problem as
/// (file, line, message).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Wire {
    records: Vec<(String, usize, String)>,
    problems: Vec<(String, Option<usize>, String)>,
    notes: Vec<String>,
}

type WireProblem = (String, Option<usize>, String);

fn wire_problem(p: &barchasb_formats::Problem) -> WireProblem {
    (p.file_name().to_string(), p.line_number(), p.message().to_string())
}

fn problem((file, line, message): WireProblem) -> barchasb_formats::Problem {
    match line {
        Some(n) => barchasb_formats::Problem::line(&file, n, message),
        None => barchasb_formats::Problem::file(&file, message),
    }
}

impl Wire {
    /// In the worker: what a reader gave.
    pub fn from_parsed(p: Parsed) -> Wire {
        let mut problems: Vec<WireProblem> = p.problems.iter().map(wire_problem).collect();
        problems.extend(p.records.iter().flat_map(|r| r.problems.iter().map(wire_problem)));
        let records = p.records.into_iter().map(|r| (r.file, r.line, r.doc.to_json_line())).collect();
        Wire { records, problems, notes: p.notes }
    }

    /// In the page: the same, read back (a record's problems are the file's).
    pub fn into_parsed(self) -> Parsed {
        let mut out = Parsed { notes: self.notes, ..Default::default() };
        out.problems = self.problems.into_iter().map(problem).collect();
        for (file, line, json) in self.records {
            match barchasb_formats::read_line(&file, line, &json, "") {
                Ok(r) => out.records.push(r),
                Err(p) => out.problems.push(p),
            }
        }
        out
    }
}

pub struct FormatsWorker;

impl Worker for FormatsWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        FormatsWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let out = match msg {
            Request::Export { format, docs, which, suggestions, labels } => {
                let read = barchasb_formats::read_jsonl_with("documents", docs.as_bytes(), windows_1256);
                let docs: Vec<Document> = read.records.into_iter().map(|r| r.doc).collect();
                let format = format.parse().unwrap_or(Format::Jsonl);
                Response::Exported(export_files(&docs, format, which, suggestions, labels))
            }
            Request::Read(files) => Response::Read(
                barchasb_formats::read_together(files, windows_1256).into_iter().map(Wire::from_parsed).collect(),
            ),
        };
        scope.respond(id, out);
    }
}

/// Windows-1256 by the browser's WHATWG `TextDecoder` (fatal: `None` on a
/// byte with no character), for the readers of `barchasb_formats`; the
/// page and the worker both have one.
pub fn windows_1256(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("windows-1256", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// The files of an export in `format` (the main one first, named
/// `barchasb-export.<ext>`, then its sidecars), as `barchasb convert --to
/// FORMAT` writes them; or every span it cannot write, named.
pub fn export_files(
    docs: &[Document],
    format: Format,
    which: Which,
    suggestions: bool,
    labels: Vec<String>,
) -> Result<Vec<(String, Vec<u8>)>, Vec<String>> {
    let docs: Vec<Document> =
        docs.iter().filter(|d| which == Which::All || d.status == Status::Done).cloned().collect();
    let opts =
        ExportOptions { suggestions, labels, date_value: Some(barchasb_rules::date_value), ..Default::default() };
    match barchasb_formats::export(format, &docs, &opts) {
        Ok(files) => Ok(files.into_iter().map(|f| (f.name, f.bytes)).collect()),
        Err(bad) => Err(bad.iter().map(|b| b.to_string()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::Span;
    use barchasb_formats::read_file;

    fn export_jsonl(d: &Document, suggestions: bool) -> String {
        let files = export_files(std::slice::from_ref(d), Format::Jsonl, Which::All, suggestions, Vec::new()).unwrap();
        assert_eq!(files[0].0, "barchasb-export.jsonl");
        String::from_utf8(files[0].1.clone()).unwrap()
    }

    #[test]
    fn export_round_trips_and_hides_suggestions_unless_asked() {
        let mut d = Document::new("a", "<img src=x onerror=alert(1)> ایران 🙂 و چین");
        d.spans = vec![Span::new(29, 34, "LOC")];
        d.suggestions = vec![Span::new(39, 42, "LOC")];
        d.status = Status::InProgress;
        let plain = export_jsonl(&d, false);
        assert!(!plain.contains("suggestions"));
        assert!(plain.contains(r#""text":"ایران","token_start":"#), "{plain}");
        let back = read_file("barchasb-export.jsonl", plain.as_bytes());
        assert!(back.all_problems().is_empty());
        let back = &back.records[0].doc;
        assert_eq!(back.spans, d.spans);
        assert_eq!(back.status, Status::InProgress);
        assert_eq!(back.span_text(&back.spans[0]), "ایران");
        let full = export_jsonl(&d, true);
        assert_eq!(read_file("x.jsonl", full.as_bytes()).records[0].doc, d);
    }

    #[test]
    fn only_done_documents_when_asked_and_every_format_writes() {
        let mut a = Document::new("a", "ایمیدرو در تهران");
        a.spans = vec![Span::new(0, 7, "ORG")];
        a.status = Status::Done;
        let b = Document::new("b", "چین");
        let docs = [a, b];
        let done = export_files(&docs, Format::Jsonl, Which::Done, false, Vec::new()).unwrap();
        assert_eq!(String::from_utf8_lossy(&done[0].1).lines().count(), 1);
        for f in Format::ALL {
            let files = export_files(&docs, f, Which::All, true, vec!["ORG".into()]).unwrap();
            assert_eq!(files[0].0, format!("barchasb-export.{}", f.extension()));
        }
    }
}
