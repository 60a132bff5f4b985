//! A project file (`project.json`), served beside the app: what a lead
//! sets for a team.
//!
//! ```json
//! {"id": "q4-mining", "name": "Mining news, Q4",
//!  "labels": [{"name": "ORG", "key": "2", "colour": "#3cb44b"}],
//!  "guidelines": "guidelines.md",
//!  "documents": ["batch-1.jsonl", "extra/note.txt"],
//!  "annotators": {"sara": ["batch-1.jsonl"]},
//!  "shared": ["extra/note.txt"]}
//! ```
//!
//! `id` and `documents` are required; `labels` (default: the guidelines'
//! set), `guidelines`, `annotators` (who gets which document paths; without
//! it everyone gets all) and `shared` (done by everyone, for agreement) are
//! not. Paths are relative to the project file, and may not leave its
//! folder's site: no scheme, no `//`, no leading `/`. A bad file is one
//! [`Problem`] naming the field (`labels[2].key: …`).

use crate::problem::Problem;
use barchasb_core::{Label, LabelSet};
use serde_json::{Map, Value};

/// A project as read from its file (serde: it travels from the formats
/// worker to the page).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Project {
    /// Names the project's stored work (unique on a host).
    pub id: String,
    /// Shown to annotators; the id when absent.
    pub name: String,
    /// The labels, in order.
    pub labels: LabelSet,
    /// The guidelines' Markdown path, if any.
    pub guidelines: Option<String>,
    /// The document paths, in order.
    pub documents: Vec<String>,
    /// Who gets which document paths; empty: everyone gets all.
    pub annotators: Vec<(String, Vec<String>)>,
    /// Document paths done by everyone.
    pub shared: Vec<String>,
}

impl Project {
    /// The document paths `annotator` gets: theirs and the shared ones, in
    /// the project's order; all when the project assigns none.
    pub fn documents_for(&self, annotator: &str) -> Vec<&str> {
        if self.annotators.is_empty() {
            return self.documents.iter().map(String::as_str).collect();
        }
        let mine = self.annotators.iter().find(|(a, _)| a == annotator).map(|(_, d)| &d[..]).unwrap_or(&[]);
        self.documents.iter().filter(|d| mine.contains(d) || self.shared.contains(d)).map(String::as_str).collect()
    }
}

/// Reads a project file (`name` for messages).
pub fn read_project(name: &str, bytes: &[u8]) -> Result<Project, Problem> {
    let bad = |field: &str, why: String| Problem::file(name, format!("{field}: {why}"));
    let v: Value = serde_json::from_slice(bytes)
        .map_err(|e| Problem::line(name, e.line().max(1), format!("not valid JSON: {e}")))?;
    let Value::Object(o) = v else { return Err(Problem::file(name, "a project file is a JSON object")) };
    let id =
        string(&o, "id", &bad)?.ok_or_else(|| bad("id", "missing (a name for the project's stored work)".into()))?;
    if id.trim().is_empty() {
        return Err(bad("id", "is empty".into()));
    }
    let name_ = string(&o, "name", &bad)?.unwrap_or_else(|| id.clone());
    let guidelines = string(&o, "guidelines", &bad)?.map(|p| path(&p, "guidelines", &bad)).transpose()?;
    let documents = paths(o.get("documents"), "documents", &bad)?
        .ok_or_else(|| bad("documents", "missing (a list of .jsonl/.txt paths)".into()))?;
    if documents.is_empty() {
        return Err(bad("documents", "is empty".into()));
    }
    let labels = match o.get("labels") {
        None | Some(Value::Null) => LabelSet::default(),
        Some(v) => labels(v, &bad)?,
    };
    let known = |field: String, list: &[String]| match list.iter().find(|p| !documents.contains(p)) {
        Some(p) => Err(bad(&field, format!("{p:?} is not one of \"documents\""))),
        None => Ok(()),
    };
    let shared = paths(o.get("shared"), "shared", &bad)?.unwrap_or_default();
    known("shared".into(), &shared)?;
    let mut annotators = Vec::new();
    match o.get("annotators") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => {
            for (who, v) in m {
                let field = format!("annotators.{who}");
                let list = paths(Some(v), &field, &bad)?.unwrap_or_default();
                known(field, &list)?;
                annotators.push((who.clone(), list));
            }
        }
        Some(_) => return Err(bad("annotators", "must be an object: annotator name → list of document paths".into())),
    }
    Ok(Project { id, name: name_, labels, guidelines, documents, annotators, shared })
}

type Bad<'a> = &'a dyn Fn(&str, String) -> Problem;

fn string(o: &Map<String, Value>, field: &str, bad: Bad) -> Result<Option<String>, Problem> {
    match o.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(bad(field, format!("must be a string, not {other}"))),
    }
}

/// A path relative to the project file, on the same site.
fn path(p: &str, field: &str, bad: Bad) -> Result<String, Problem> {
    let off_site = p.contains("://") || p.starts_with("//") || p.starts_with('/') || p.contains('\\');
    if p.trim().is_empty() || off_site || p.starts_with("data:") || p.starts_with("javascript:") {
        return Err(bad(field, format!("{p:?} must be a path relative to the project file, on the same site")));
    }
    Ok(p.to_string())
}

fn paths(v: Option<&Value>, field: &str, bad: Bad) -> Result<Option<Vec<String>>, Problem> {
    let Some(v) = v.filter(|v| !v.is_null()) else { return Ok(None) };
    let Value::Array(items) = v else { return Err(bad(field, "must be a list of paths".into())) };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let f = format!("{field}[{i}]");
        match item {
            Value::String(s) => out.push(path(s, &f, bad)?),
            other => return Err(bad(&f, format!("must be a path (a string), not {other}"))),
        }
    }
    Ok(Some(out))
}

fn labels(v: &Value, bad: Bad) -> Result<LabelSet, Problem> {
    let Value::Array(items) = v else { return Err(bad("labels", "must be a list of {name, key, colour}".into())) };
    let mut set = LabelSet { labels: Vec::new() };
    for (i, item) in items.iter().enumerate() {
        let f = |k: &str| format!("labels[{i}].{k}");
        let Value::Object(o) = item else { return Err(bad(&format!("labels[{i}]"), "must be an object".into())) };
        let get = |k: &str| -> Result<Option<String>, Problem> { string(o, k, &|_, why| bad(&f(k), why)) };
        let name = get("name")?.filter(|n| !n.trim().is_empty() && !n.contains(char::is_whitespace));
        let name = name.ok_or_else(|| bad(&f("name"), "missing, or holds white space".into()))?;
        let key = get("key")?.ok_or_else(|| bad(&f("key"), "missing (one character)".into()))?;
        if key.chars().count() != 1 {
            return Err(bad(&f("key"), format!("{key:?} must be one character")));
        }
        let color = get("colour")?.or(get("color")?).unwrap_or_else(|| "#888888".into());
        let hex = color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !hex {
            return Err(bad(&f("colour"), format!("{color:?} must be #rrggbb")));
        }
        if set.get(&name).is_some() || set.by_key(&key).is_some() {
            return Err(bad(&format!("labels[{i}]"), format!("{name} or key {key} is used twice")));
        }
        let description = get("description")?.unwrap_or_default();
        set.labels.push(Label { name, key, color, description });
    }
    if set.labels.is_empty() {
        return Err(bad("labels", "is empty".into()));
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r##"{"id":"q4","name":"Q4","labels":[{"name":"ORG","key":"2","colour":"#3cb44b"},
        {"name":"LOC","key":"3","color":"#4363d8"}],"guidelines":"g.md","documents":["a.jsonl","b.txt","c.txt"],
        "annotators":{"sara":["a.jsonl"],"reza":["b.txt"]},"shared":["c.txt"]}"##;

    #[test]
    fn a_project_gives_each_annotator_theirs_and_the_shared() {
        let p = read_project("project.json", GOOD.as_bytes()).unwrap();
        assert_eq!((p.id.as_str(), p.name.as_str(), p.guidelines.as_deref()), ("q4", "Q4", Some("g.md")));
        assert_eq!(p.labels.names().collect::<Vec<_>>(), ["ORG", "LOC"]);
        assert_eq!(p.documents_for("sara"), ["a.jsonl", "c.txt"]);
        assert_eq!(p.documents_for("nobody"), ["c.txt"]);
        let all = read_project("p", br#"{"id":"x","documents":["a.txt"]}"#).unwrap();
        assert_eq!(all.documents_for("anyone"), ["a.txt"]);
        assert_eq!(all.labels, LabelSet::default());
    }

    #[test]
    fn a_bad_project_names_the_field() {
        let cases = [
            (r#"{"documents":["a.txt"]}"#, "p.json: id: missing"),
            (r#"{"id":"x"}"#, "p.json: documents: missing"),
            (r#"{"id":"x","documents":["a.txt",3]}"#, "p.json: documents[1]: must be a path"),
            (r#"{"id":"x","documents":["https://evil.example/a.txt"]}"#, "p.json: documents[0]: \"https://evil"),
            (r#"{"id":"x","documents":["//evil.example/a"]}"#, "p.json: documents[0]:"),
            (r#"{"id":"x","documents":["a.txt"],"labels":[{"name":"ORG","key":"22"}]}"#, "p.json: labels[0].key:"),
            (
                r#"{"id":"x","documents":["a.txt"],"labels":[{"name":"ORG","key":"2","colour":"red"}]}"#,
                "labels[0].colour",
            ),
            (r#"{"id":"x","documents":["a.txt"],"labels":[{"key":"2"}]}"#, "p.json: labels[0].name: missing"),
            (r#"{"id":"x","documents":["a.txt"],"shared":["b.txt"]}"#, "p.json: shared: \"b.txt\" is not one of"),
            (r#"{"id":"x","documents":["a.txt"],"annotators":{"s":["z"]}}"#, "p.json: annotators.s: \"z\""),
            (r#"{"id":7,"documents":["a.txt"]}"#, "p.json: id: must be a string"),
            ("{\"id\":\n", "p.json:2: not valid JSON"),
        ];
        for (input, want) in cases {
            let e = read_project("p.json", input.as_bytes()).unwrap_err().to_string();
            assert!(e.contains(want), "{input}: {e}");
        }
    }
}
