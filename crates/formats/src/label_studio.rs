//! Label Studio tasks JSON (a list of tasks), with the labelling config
//! that goes with it as a sidecar (`BASE.label-config.xml`).
//!
//! **Offsets.** `value.start`/`value.end` are code points of `data.text`.
//! Checked in Label Studio's own source: its editor's end-to-end test
//! `web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts` ("Should calculate
//! offsets by code points in text", data in `…/data/ner/emoji.ts`) selects
//! `test` in `🐱 Warning: This is a test text` and expects `start: 21,
//! end: 25`, code points (UTF-16 would give 22–26), under both settings of
//! its feature flag; PR HumanSignal/label-studio#1559 ("store code points
//! instead of js length") began it. Older exports may hold UTF-16 offsets:
//! a region whose code points do not cover its `value.text` but whose UTF-16
//! units do is converted, and a note says so.
//!
//! **Written.** Each document is a task `{"id": n, "data": {"text", "id":
//! the document's id, …its other fields}, "annotations": [{"result":
//! [regions]}], "predictions": [{"model_version", "score"?, "result"}],
//! "meta": {"status"}}`. Confirmed spans are the one annotation (a new
//! document with none has no annotation; a done one with none has an empty
//! one); suggestions, when asked for, are the one prediction. Regions are
//! `{"id","from_name","to_name","type":"labels","value":{"start","end","text","labels":[L]}}`
//! with `from_name`/`to_name` from the options. Documents carry no model
//! score: a prediction's `model_version` and `score` are written only when
//! a document kept them from Label Studio (`meta.prediction`).
//!
//! **Read.** Label Studio exports (the JSON above, one task object, or
//! JSON-MIN's flat rows): the last annotation that was not cancelled gives
//! the spans (others are named and left out), the first prediction gives
//! the suggestions, `meta.status` the status (else done when an annotation
//! was taken, new otherwise). A task whose every annotation was cancelled
//! reads with no spans as new, with a note. Label Studio's bookkeeping
//! (task, annotation and user ids, dates, lead times) is not kept; the
//! document id is `data.id`, else the task's `id`.

use crate::decode::{decode_with, line_at, Windows1256};
use crate::export::{label_names, ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::{stem, Parsed, Record};
use crate::units::{locate, slice, Unit};
use barchasb_core::{Document, OffsetTable, Span, Status};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};

#[derive(Serialize)]
struct Task<'a> {
    id: usize,
    data: Data<'a>,
    annotations: Vec<Annotation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    predictions: Vec<Prediction<'a>>,
    meta: TaskMeta,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    id: &'a str,
    #[serde(flatten)]
    meta: Map<String, Value>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Region<'a>>,
}

#[derive(Serialize)]
struct Prediction<'a> {
    model_version: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<Value>,
    result: Vec<Region<'a>>,
}

#[derive(Serialize)]
struct TaskMeta {
    status: Status,
}

#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'a str,
    to_name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: RegionValue<'a>,
}

#[derive(Serialize)]
struct RegionValue<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

/// The document meta key under which a prediction's `model_version` and
/// `score` are kept.
const PREDICTION: &str = "prediction";

/// The `model_version` of the predictions written here.
const OWN_MODEL: &str = "barchasb";

/// Writes the tasks and the labelling config.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let tasks: Vec<Task> = docs.iter().enumerate().map(|(k, d)| task(k + 1, d, opts)).collect();
    let mut json = serde_json::to_string_pretty(&tasks).expect("tasks always serialize");
    json.push('\n');
    vec![
        OutFile { name: format!("{}.{}", opts.base, crate::Format::LabelStudio.extension()), bytes: json.into_bytes() },
        OutFile { name: format!("{}.label-config.xml", opts.base), bytes: config(docs, opts).into_bytes() },
    ]
}

fn task<'a>(id: usize, d: &'a Document, opts: &'a ExportOptions) -> Task<'a> {
    let table = OffsetTable::new(&d.text);
    let regions = |spans: &'a [Span], prefix: &str| -> Vec<Region<'a>> {
        spans.iter().enumerate().map(|(k, s)| region(format!("{prefix}{}", k + 1), &d.text, &table, s, opts)).collect()
    };
    let annotations = if d.status == Status::New && d.spans.is_empty() {
        Vec::new()
    } else {
        vec![Annotation { result: regions(&d.spans, "s") }]
    };
    let kept = d.meta.get(PREDICTION);
    let predictions = if opts.suggestions && !d.suggestions.is_empty() {
        vec![Prediction {
            model_version: kept.and_then(|p| p.get("model_version")).cloned().unwrap_or_else(|| OWN_MODEL.into()),
            score: kept.and_then(|p| p.get("score")).cloned(),
            result: regions(&d.suggestions, "p"),
        }]
    } else {
        Vec::new()
    };
    let meta = d.meta.iter().filter(|(k, _)| !["text", "id", PREDICTION].contains(&k.as_str()));
    Task {
        id,
        data: Data { text: &d.text, id: &d.id, meta: meta.map(|(k, v)| (k.clone(), v.clone())).collect() },
        annotations,
        predictions,
        meta: TaskMeta { status: d.status },
    }
}

fn region<'a>(id: String, text: &'a str, table: &OffsetTable, s: &'a Span, opts: &'a ExportOptions) -> Region<'a> {
    let covered = slice(text, table, s.start..s.end).expect("the gate checked every span");
    Region {
        id,
        from_name: &opts.from_name,
        to_name: &opts.to_name,
        kind: "labels",
        value: RegionValue { start: s.start, end: s.end, text: covered, labels: [&s.label] },
    }
}

/// The labelling config: one `Labels` control over one `Text` object.
fn config(docs: &[Document], opts: &ExportOptions) -> String {
    let mut xml =
        format!("<View>\n  <Labels name=\"{}\" toName=\"{}\">\n", escape(&opts.from_name), escape(&opts.to_name));
    for l in label_names(docs, opts) {
        xml.push_str(&format!("    <Label value=\"{}\"/>\n", escape(&l)));
    }
    xml.push_str(&format!("  </Labels>\n  <Text name=\"{}\" value=\"$text\"/>\n</View>\n", escape(&opts.to_name)));
    xml
}

/// Text as an XML attribute value.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// Reads a Label Studio export; a bad task is named by its line and the
/// others are taken.
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    let text = match decode_with(bytes, w1256) {
        Ok(d) => d.text,
        Err(e) => {
            out.problems.push(Problem::undecodable(name, &e));
            return out;
        }
    };
    let tasks = match tasks(&text) {
        Ok(t) => t,
        Err(e) => {
            out.problems.push(Problem::line(name, e.line(), format!("not valid Label Studio JSON: {e}")));
            return out;
        }
    };
    for (k, (line, task)) in tasks.into_iter().enumerate() {
        let fallback = format!("{}-{}", stem(name), k + 1);
        match read_task(name, line, &fallback, task, &mut out.notes) {
            Ok(r) => out.records.push(r),
            Err(p) => out.problems.push(p),
        }
    }
    if out.records.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::file(name, "the file has no tasks"));
    }
    out
}

/// Each task with the line it starts on: a list of tasks, or one task.
fn tasks(text: &str) -> Result<Vec<(usize, Value)>, serde_json::Error> {
    let body = text.trim_start_matches('\u{feff}');
    if body.trim_start().starts_with('{') {
        return Ok(vec![(1, serde_json::from_str(body)?)]);
    }
    let raw: Vec<&RawValue> = serde_json::from_str(body)?;
    let base = body.as_ptr() as usize;
    raw.into_iter()
        .map(|r| {
            let line = line_at(body.as_bytes(), r.get().as_ptr() as usize - base);
            Ok((line, serde_json::from_str(r.get())?))
        })
        .collect()
}

/// One task as a record, through the native line reader (which checks and
/// names each span); `line` is where the task starts.
fn read_task(file: &str, line: usize, fallback: &str, task: Value, notes: &mut Vec<String>) -> Result<Record, Problem> {
    let at = |m: String| Problem::line(file, line, m);
    let Value::Object(mut task) = task else {
        return Err(at("the task is not a JSON object".into()));
    };
    let mut problems = Vec::new();
    let native = match task.remove("data") {
        Some(Value::Object(data)) => full_task(data, task, &at, &mut problems, notes),
        Some(_) => return Err(at("\"data\" must be an object with a \"text\"".into())),
        None if task.contains_key("text") => min_row(task, &at, &mut problems, notes),
        None => return Err(at("the task has no \"data\" with a \"text\"".into())),
    }?;
    let json = serde_json::to_string(&Value::Object(native)).expect("a value always serializes");
    let mut record = crate::jsonl::read_line(file, line, &json, fallback)?;
    problems.append(&mut record.problems);
    record.problems = problems;
    Ok(record)
}

type At<'a> = &'a dyn Fn(String) -> Problem;

/// A task of the full export: `data`, `annotations`, `predictions`, `meta`.
fn full_task(
    mut data: Map<String, Value>,
    mut task: Map<String, Value>,
    at: At,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<String>,
) -> Result<Map<String, Value>, Problem> {
    let Some(Value::String(text)) = data.remove("text") else {
        return Err(at("the task has no \"data.text\" string".into()));
    };
    let table = OffsetTable::new(&text);
    let id = data.remove("id").filter(|v| !v.is_null()).or_else(|| task.remove("id")).unwrap_or(Value::Null);
    let mut native = data;
    let annotation = pick_annotation(task.remove("annotations"), at, problems, notes);
    let taken = annotation.is_some();
    let spans =
        annotation.map(|a| regions_as_spans(a.get("result"), &text, &table, at, problems, notes)).unwrap_or_default();
    let mut predictions = match task.remove("predictions") {
        Some(Value::Array(p)) => p,
        _ => Vec::new(),
    };
    if predictions.len() > 1 {
        problems.push(at(format!("{} predictions; the first was taken, the others not imported", predictions.len())));
    }
    if !predictions.is_empty() {
        let p = predictions.swap_remove(0);
        native.insert(
            "suggestions".into(),
            Value::Array(regions_as_spans(p.get("result"), &text, &table, at, problems, notes)),
        );
        // What another model wrote; this project's own name is not worth keeping.
        let kept: Map<String, Value> = ["model_version", "score"]
            .iter()
            .filter_map(|k| Some((k.to_string(), p.get(*k).filter(|v| *v != OWN_MODEL)?.clone())))
            .collect();
        if !kept.is_empty() {
            native.insert(PREDICTION.into(), Value::Object(kept));
        }
    }
    let status = task.get("meta").and_then(|m| m.get("status")).cloned();
    let status = status.unwrap_or_else(|| if taken { "done" } else { "new" }.into());
    native.extend([("id".into(), id), ("text".into(), text.into()), ("spans".into(), spans.into())]);
    native.insert("status".into(), status);
    Ok(native)
}

/// The annotation that gives the spans: the last one not cancelled.
fn pick_annotation(v: Option<Value>, at: At, problems: &mut Vec<Problem>, notes: &mut Vec<String>) -> Option<Value> {
    let Some(Value::Array(all)) = v else { return None };
    let cancelled = |a: &Value| ["was_cancelled", "skipped"].iter().any(|k| a.get(*k) == Some(&Value::Bool(true)));
    let n = all.len();
    let mut kept: Vec<Value> = all.into_iter().filter(|a| !cancelled(a)).collect();
    if kept.is_empty() && n > 0 {
        notes.push(
            at("every annotation was cancelled (skipped) in Label Studio; read with no spans, as new".into())
                .to_string(),
        );
    }
    kept.sort_by(|a, b| created(a).cmp(created(b)));
    if kept.len() > 1 {
        problems.push(at(format!("{} annotations; the last made was taken, the others not imported", kept.len())));
    }
    kept.pop()
}

fn created(a: &Value) -> &str {
    a.get("created_at").and_then(Value::as_str).unwrap_or("")
}

/// The labelled regions of a `result` as native span objects; other
/// regions (choices, relations, text areas) are named and left out.
fn regions_as_spans(
    result: Option<&Value>,
    text: &str,
    table: &OffsetTable,
    at: At,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<String>,
) -> Vec<Value> {
    let items = result.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::new();
    for (k, r) in items.iter().enumerate() {
        let value = r.get("value").unwrap_or(r);
        let Some(labels) = value.get("labels").and_then(Value::as_array) else {
            let why = match r.get("type").and_then(Value::as_str) {
                None | Some("labels") => "has no labels".to_string(),
                Some(kind) => format!("is a {kind}, not a labelled span"),
            };
            problems.push(at(format!("result {} {why}; not imported", k + 1)));
            continue;
        };
        if labels.len() > 1 {
            problems.push(at(format!("result {} has {} labels; the first was taken", k + 1, labels.len())));
        }
        let mut span = json!({"start": value.get("start"), "end": value.get("end"), "label": labels.first()});
        if let Some(claimed) = value.get("text").and_then(Value::as_str) {
            span["text"] = claimed.into();
            let (s, e) = (value.get("start").and_then(Value::as_u64), value.get("end").and_then(Value::as_u64));
            if let (Some(s), Some(e)) = (s, e) {
                if let Some((r, Unit::Utf16)) = locate(text, table, s as usize, e as usize, claimed) {
                    notes.push(
                        at(format!("result {} ({s}–{e}) counts UTF-16 units; read as {}–{}", k + 1, r.start, r.end))
                            .to_string(),
                    );
                    span["start"] = r.start.into();
                    span["end"] = r.end.into();
                }
            }
        }
        out.push(span);
    }
    out
}

/// Label Studio bookkeeping in a JSON-MIN row, not kept.
const MIN_BOOKKEEPING: [&str; 6] = ["annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement"];

/// A JSON-MIN row: the task's data flattened, each control's regions as a
/// list of `{start,end,text,labels}`.
fn min_row(
    row: Map<String, Value>,
    at: At,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<String>,
) -> Result<Map<String, Value>, Problem> {
    let Some(Value::String(text)) = row.get("text").cloned() else {
        return Err(at("\"text\" must be a string".into()));
    };
    let table = OffsetTable::new(&text);
    let mut native = Map::new();
    let mut all = Vec::new();
    for (k, v) in row {
        let regions = v.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(|r| r.get("labels").is_some()));
        if regions {
            all.extend(regions_as_spans(Some(&v), &text, &table, at, problems, notes));
        } else if !MIN_BOOKKEEPING.contains(&k.as_str()) {
            native.insert(k, v);
        }
    }
    native.insert("spans".into(), all.into());
    native.insert("status".into(), "done".into());
    Ok(native)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn an_export_reads_back_with_ids_statuses_suggestions_and_its_config() {
        let mut d = Document::new("08", "🙂 ایران(ایمیدرو) & <co>");
        d.spans = vec![Span::new(2, 7, "LOC"), Span::new(8, 15, "ORG")];
        d.suggestions = vec![Span::new(19, 23, "ORG")];
        d.status = Status::InProgress;
        d.meta.insert("source".into(), "irna".into());
        let opts = ExportOptions { suggestions: true, labels: vec!["PER".into()], ..Default::default() };
        let files = write(std::slice::from_ref(&d), &opts);
        assert_eq!(files[1].name, "barchasb-export.label-config.xml");
        let xml = String::from_utf8(files[1].bytes.clone()).unwrap();
        assert!(
            xml.contains("<Label value=\"PER\"/>\n    <Label value=\"LOC\"/>\n    <Label value=\"ORG\"/>"),
            "{xml}"
        );
        let p = read("t.json", &files[0].bytes, w1256);
        assert!(p.all_problems().is_empty() && p.notes.is_empty(), "{p:?}");
        assert_eq!(p.records[0].doc, d);
    }

    #[test]
    fn from_name_and_to_name_come_from_the_options() {
        let mut d = Document::new("1", "ایمیدرو");
        d.spans = vec![Span::new(0, 7, "ORG")];
        let opts = ExportOptions { from_name: "ner".into(), to_name: "doc\"x".into(), ..Default::default() };
        let files = write(std::slice::from_ref(&d), &opts);
        let xml = String::from_utf8(files[1].bytes.clone()).unwrap();
        assert_eq!(
            xml,
            "<View>\n  <Labels name=\"ner\" toName=\"doc&quot;x\">\n    <Label value=\"ORG\"/>\n  </Labels>\n  \
             <Text name=\"doc&quot;x\" value=\"$text\"/>\n</View>\n"
        );
        let tasks: Value = serde_json::from_slice(&files[0].bytes).unwrap();
        let region = &tasks[0]["annotations"][0]["result"][0];
        assert_eq!((&region["from_name"], &region["to_name"]), (&json!("ner"), &json!("doc\"x")));
    }

    #[test]
    fn cancelled_utf16_and_other_regions_are_said() {
        let json = r#"[
  {"id": 5, "data": {"text": "🙂 ایمیدرو"},
   "annotations": [{"was_cancelled": true, "result": []}]},
  {"id": 6, "data": {"text": "🙂 ایمیدرو"},
   "annotations": [{"result": [
     {"type": "labels", "value": {"start": 3, "end": 10, "text": "ایمیدرو", "labels": ["ORG"]}},
     {"type": "choices", "value": {"choices": ["news"]}}]}]},
  {"text": "ایران", "label": [{"start": 0, "end": 5, "text": "ایران", "labels": ["LOC"]}], "annotator": 1}
]"#;
        let p = read("x.json", json.as_bytes(), w1256);
        let docs: Vec<&Document> = p.records.iter().map(|r| &r.doc).collect();
        assert_eq!(
            docs.iter().map(|d| (d.id.as_str(), d.status)).collect::<Vec<_>>(),
            [("5", Status::New), ("6", Status::Done), ("x-3", Status::Done)]
        );
        assert_eq!(docs[1].spans, [Span::new(2, 9, "ORG")]);
        assert_eq!(docs[2].spans, [Span::new(0, 5, "LOC")]);
        let problems: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["x.json:4: result 2 is a choices, not a labelled span; not imported"]);
        assert_eq!(p.notes.len(), 2, "{:?}", p.notes);
        assert!(p.notes[0].starts_with("x.json:2: every annotation was cancelled"), "{:?}", p.notes);
        assert!(p.notes[1].contains("result 1 (3–10) counts UTF-16 units; read as 2–9"), "{:?}", p.notes);
    }
}
