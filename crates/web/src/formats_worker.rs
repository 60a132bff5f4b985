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
use serde_bytes::ByteBuf;

/// The worker's loader (`www/worker.js`, which loads `formats-worker.js`, unhashed:
/// Trunk names worker files after the bin), relative to the page, so the
/// site works under any sub-path. Spawned with gloo's `spawn_with_loader`:
/// its own loader is a `blob:` script the page's Trusted Types refuse.
pub const SCRIPT: &str = "worker.js?name=formats-worker";

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
    Read(Vec<(String, ByteBuf)>),
    /// Fetch and read the project file at this absolute URL and its documents.
    Project(String),
    /// Read annotators' exports (name, bytes) and merge them for review.
    Review(Vec<(String, ByteBuf)>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    /// The files written (main file first), or each span that could not be.
    Exported(Result<Vec<(String, Vec<u8>)>, Vec<String>>),
    /// What was read of each file ([`Wire`]).
    Read(Vec<Wire>),
    /// The project, or why it cannot be opened (naming the file and field).
    Project(Result<ProjectWire, String>),
    /// The merged exports.
    Review(ReviewWire),
}

/// A project as fetched: what the page needs of its file (the labels as
/// JSON, read by the page as it reads its stored labels), who gets which
/// paths, and what was read of each path. Plain strings and [`Wire`]s, so
/// that the page's wasm holds no decoder of the project's own types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectWire {
    /// As the page's `?project=` gives it (the worker sets the URL).
    pub path: String,
    pub id: String,
    pub name: String,
    /// The [`barchasb_core::LabelSet`], as JSON.
    pub labels: String,
    /// The guidelines' absolute URL.
    pub guidelines: Option<String>,
    /// Each annotator named by the project with their paths (shared ones
    /// included), and `""` with the paths of anyone else.
    pub assigned: Vec<(String, Vec<String>)>,
    /// Each document path with what was read of it.
    pub documents: Vec<(String, Wire)>,
}

impl ProjectWire {
    /// The paths `user` annotates, in the project's order.
    pub fn paths_for(&self, user: &str) -> &[String] {
        let find = |n: &str| self.assigned.iter().find(|(a, _)| a == n).map(|(_, p)| &p[..]);
        find(user).or_else(|| find("")).unwrap_or(&[])
    }
}

/// One file's [`Parsed`] as it travels: each document as its native line
/// (the page reads it back with the JSONL reader it has), each problem as
/// (file, line, message).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wire {
    /// Each document: file, line, whether the line was annotated, native line.
    records: Vec<(String, usize, bool, String)>,
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
        let records = p.records.into_iter().map(|r| (r.file, r.line, r.annotated, r.doc.to_json_line())).collect();
        Wire { records, problems, notes: p.notes }
    }

    /// In the page: the same, read back (a record's problems are the file's;
    /// each line was checked by the reader, so the page's wasm needs only
    /// the core's line decoder, not the readers).
    pub fn into_parsed(self) -> Parsed {
        let mut out = Parsed { notes: self.notes, ..Default::default() };
        out.problems = self.problems.into_iter().map(problem).collect();
        for (file, line, annotated, json) in self.records {
            match Document::from_json_line(&json, "") {
                Ok(doc) => {
                    out.records.push(barchasb_formats::Record { doc, file, line, annotated, problems: Vec::new() })
                }
                Err(e) => out.problems.push(barchasb_formats::Problem::line(&file, line, e.to_string())),
            }
        }
        out
    }
}

pub struct FormatsWorker;

impl Worker for FormatsWorker {
    type Message = ();
    /// Numbered: a project's fetches answer later than a read sent after it.
    type Input = (u32, Request);
    type Output = (u32, Response);

    fn create(_scope: &WorkerScope<Self>) -> Self {
        FormatsWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, (n, msg): (u32, Request), id: HandlerId) {
        let out = match msg {
            Request::Project(url) => {
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    scope.respond(id, (n, Response::Project(fetch_project(&url).await)));
                });
                return;
            }
            Request::Review(files) => {
                Response::Review(review(barchasb_formats::read_together(unbuf(files), windows_1256)))
            }
            Request::Export { format, docs, which, suggestions, labels } => {
                let read = barchasb_formats::read_jsonl_with("documents", docs.as_bytes(), windows_1256);
                let docs: Vec<Document> = read.records.into_iter().map(|r| r.doc).collect();
                let format = format.parse().unwrap_or(Format::Jsonl);
                Response::Exported(export_files(&docs, format, which, suggestions, labels))
            }
            Request::Read(files) => Response::Read(
                barchasb_formats::read_together(unbuf(files), windows_1256)
                    .into_iter()
                    .map(Wire::from_parsed)
                    .collect(),
            ),
        };
        scope.respond(id, (n, out));
    }
}

/// Files as sent (each one's bytes one run, [`ByteBuf`]) as the readers take them.
fn unbuf(files: Vec<(String, ByteBuf)>) -> Vec<(String, Vec<u8>)> {
    files.into_iter().map(|(name, bytes)| (name, bytes.into_vec())).collect()
}

/// Fetches the project file at `url`, then its documents (each path's
/// problems are its own: a missing file does not stop the others).
async fn fetch_project(url: &str) -> Result<ProjectWire, String> {
    let name = url.rsplit('/').next().unwrap_or(url);
    let bytes = crate::fetch::bytes(url).await.map_err(|e| format!("{url} {e}"))?;
    let project = barchasb_formats::read_project(name, &bytes).map_err(|p| p.to_string())?;
    let guidelines = match &project.guidelines {
        Some(p) => Some(crate::fetch::resolve(p, url)?),
        None => None,
    };
    let own = |who: &str| project.documents_for(who).into_iter().map(String::from).collect::<Vec<_>>();
    let mut assigned: Vec<(String, Vec<String>)> =
        project.annotators.iter().map(|(a, _)| (a.clone(), own(a))).collect();
    assigned.push((String::new(), if project.annotators.is_empty() { own("") } else { project.shared.clone() }));
    let mut documents = Vec::new();
    for path in &project.documents {
        let read = match crate::fetch::resolve(path, url) {
            Ok(u) => match crate::fetch::bytes(&u).await {
                Ok(bytes) => barchasb_formats::read_file_with(path, &bytes, windows_1256),
                Err(e) => Parsed { problems: vec![barchasb_formats::Problem::file(path, e)], ..Default::default() },
            },
            Err(e) => Parsed { problems: vec![barchasb_formats::Problem::file(path, e)], ..Default::default() },
        };
        documents.push((path.clone(), Wire::from_parsed(read)));
    }
    let labels = serde_json::to_string(&project.labels).expect("labels always serialize");
    Ok(ProjectWire {
        path: url.to_string(),
        id: project.id,
        name: project.name,
        labels,
        guidelines,
        assigned,
        documents,
    })
}

/// Annotators' exports merged for review: one document per id with the
/// spans all annotators share as its spans; its line also holds
/// `annotators`, each one's `annotations`, its `agreement` (mean pairwise
/// exact F1) and its `disputes` (taken out by the page).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReviewWire {
    /// The annotators, in the order first met.
    pub annotators: Vec<String>,
    /// The merged documents, as native lines.
    pub docs: Vec<String>,
    /// The agreement over all shared documents, as the JSON of a
    /// [`ReportView`] (the page stores it as it is).
    pub report: String,
    /// Problems of the files, and documents refused (their texts differ).
    pub problems: Vec<String>,
}

/// An agreement report as the app shows it: the CLI's figures, as text,
/// in titled tables (`overall`, `labels`, `pairs`, `confusion` with the
/// label names as its first row, `progress`: name, done, assigned).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportView {
    pub annotators: Vec<String>,
    pub tables: Vec<(String, Vec<Vec<String>>)>,
}

impl ReportView {
    /// The rows of the table `title` (none when absent).
    pub fn table(&self, title: &str) -> &[Vec<String>] {
        self.tables.iter().find(|(t, _)| t == title).map(|(_, rows)| &rows[..]).unwrap_or(&[])
    }
}

/// Who made a record: its `annotator` field, or else its file's name.
fn annotator_of(r: &barchasb_formats::Record) -> String {
    r.doc.meta.get("annotator").and_then(|v| v.as_str()).unwrap_or(&r.file).to_string()
}

/// Merges the records of every file by annotator and document id.
pub fn review(files: Vec<Parsed>) -> ReviewWire {
    let mut out = ReviewWire::default();
    let mut by_name: Vec<(String, Vec<Document>)> = Vec::new();
    for p in files {
        out.problems.extend(p.all_problems().iter().map(|p| p.to_string()));
        for r in p.records {
            let who = annotator_of(&r);
            let k = by_name.iter().position(|(n, _)| *n == who).unwrap_or_else(|| {
                by_name.push((who, Vec::new()));
                by_name.len() - 1
            });
            by_name[k].1.push(r.doc);
        }
    }
    out.annotators = by_name.iter().map(|(n, _)| n.clone()).collect();
    let mut ids: Vec<&str> = Vec::new();
    for d in by_name.iter().flat_map(|(_, docs)| docs) {
        if !ids.contains(&d.id.as_str()) {
            ids.push(&d.id);
        }
    }
    let mut refused = Vec::new();
    for id in ids {
        let held: Vec<(&str, &Document)> =
            by_name.iter().filter_map(|(n, d)| Some((n.as_str(), d.iter().find(|d| d.id == id)?))).collect();
        if let Some((other, _)) = held.iter().find(|(_, d)| d.text != held[0].1.text) {
            out.problems.push(format!(
                "document {id}: the texts of {} and {other} differ, so it is not reviewed (export both from the same project)",
                held[0].0
            ));
            refused.push(id.to_string());
            continue;
        }
        out.docs.push(merged(id, &held));
    }
    let kept: Vec<(String, Vec<Document>)> =
        by_name.into_iter().map(|(n, d)| (n, d.into_iter().filter(|d| !refused.contains(&d.id)).collect())).collect();
    let view = ReportView { annotators: out.annotators.clone(), tables: report_tables(&kept) };
    out.report = serde_json::to_string(&view).expect("a report always serializes");
    out
}

fn merged(id: &str, held: &[(&str, &Document)]) -> String {
    let versions: Vec<&[barchasb_core::Span]> = held.iter().map(|(_, d)| &d.spans[..]).collect();
    let m = barchasb_agree::merge(&versions);
    let mut doc = Document::new(id, held[0].1.text.clone());
    doc.spans = m.settled;
    let names: Vec<&str> = held.iter().map(|(n, _)| *n).collect();
    doc.meta.insert("annotators".into(), serde_json::json!(names));
    let each: serde_json::Map<String, serde_json::Value> =
        held.iter().map(|(n, d)| (n.to_string(), serde_json::json!(d.spans))).collect();
    doc.meta.insert("annotations".into(), each.into());
    let one: Vec<(String, Vec<Document>)> = held.iter().map(|(n, d)| (n.to_string(), vec![(*d).clone()])).collect();
    if let Some(r) = agreement(&one) {
        doc.meta.insert("agreement".into(), barchasb_agree::num(r.f1()).into());
    }
    doc.meta.insert("disputes".into(), serde_json::json!(m.disputes));
    doc.to_json_line()
}

fn agreement(by_name: &[(String, Vec<Document>)]) -> Option<barchasb_agree::Report> {
    let annotators: Vec<barchasb_agree::Annotator> =
        by_name.iter().map(|(n, d)| barchasb_agree::Annotator { name: n, docs: d }).collect();
    barchasb_agree::agree(&annotators).ok()
}

fn report_tables(by_name: &[(String, Vec<Document>)]) -> Vec<(String, Vec<Vec<String>>)> {
    use barchasb_agree::num;
    let progress = by_name
        .iter()
        .map(|(n, d)| {
            let done = d.iter().filter(|d| d.status == Status::Done).count();
            vec![n.clone(), done.to_string(), d.len().to_string()]
        })
        .collect();
    let Some(r) = agreement(by_name) else { return vec![("progress".into(), progress)] };
    let labels = r
        .labels
        .iter()
        .zip(&r.by_label)
        .map(|(name, l)| {
            let spans: Vec<String> = l.spans.iter().map(ToString::to_string).collect();
            vec![name.clone(), spans.join("/"), num(l.f1), num(l.partial_f1), num(l.kappa), num(l.alpha)]
        })
        .collect();
    let pairs = r
        .pairs
        .iter()
        .map(|p| {
            let names = format!("{} – {}", r.annotators[p.a], r.annotators[p.b]);
            vec![names, num(p.exact_total().f1()), num(p.partial_total().f1()), num(p.cohen_kappa)]
        })
        .collect();
    let n = r.labels.len() + 1;
    let mut cells = vec![vec![0; n]; n];
    for p in &r.pairs {
        for (i, row) in p.confusion.iter().enumerate() {
            row.iter().enumerate().for_each(|(j, c)| cells[i][j] += c);
        }
    }
    let names: Vec<String> = r.labels.iter().cloned().chain(["none".to_string()]).collect();
    let confusion =
        std::iter::once(names).chain(cells.iter().map(|r| r.iter().map(ToString::to_string).collect())).collect();
    let overall = format!("overall F1={} kappa={} alpha={}", num(r.f1()), num(r.kappa()), num(r.alpha));
    vec![
        ("overall".into(), vec![vec![overall]]),
        ("labels".into(), labels),
        ("pairs".into(), pairs),
        ("confusion".into(), confusion),
        ("progress".into(), progress),
    ]
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
