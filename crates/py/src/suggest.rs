//! Suggestions: the rules ([`Extractor`]) or a trained model ([`Tagger`]),
//! as the CLI's `extract` makes them.

use crate::Error;
use barchasb_core::Span;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// Reads a file as the CLI does, with its message on failure.
pub(crate) fn read_bytes(path: &str) -> PyResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::new_err(format!("{path}: cannot read: {e}")))
}

/// Spans as the JSON frame's dicts `{"start", "end", "label"}`.
pub(crate) fn span_dicts<'py>(py: Python<'py>, spans: &[Span]) -> PyResult<Vec<Bound<'py, PyDict>>> {
    spans
        .iter()
        .map(|s| {
            let d = PyDict::new(py);
            d.set_item("start", s.start)?;
            d.set_item("end", s.end)?;
            d.set_item("label", &s.label)?;
            Ok(d)
        })
        .collect()
}

/// A trained model (a `.model` file of `barchasb train`), combined with
/// the rules as the CLI's `extract --model` combines them.
#[pyclass(module = "barchasb", frozen)]
pub struct Tagger {
    inner: Arc<barchasb_tagger::Tagger>,
}

#[pymethods]
impl Tagger {
    /// Loads a model file; raises `barchasb.Error` with the CLI's message
    /// when it cannot be read or is not a model.
    #[staticmethod]
    fn load(py: Python<'_>, path: &str) -> PyResult<Tagger> {
        let bytes = read_bytes(path)?;
        let tagger = py
            .detach(|| barchasb_tagger::Tagger::from_bytes(&bytes))
            .map_err(|e| Error::new_err(format!("{path}: {e}")))?;
        Ok(Tagger { inner: Arc::new(tagger) })
    }

    /// The spans suggested for `text`: dicts `{"start", "end", "label"}`
    /// in code points, sorted and never overlapping.
    fn suggest<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let spans = py.detach(|| self.inner.suggest(text));
        span_dicts(py, &spans)
    }

    /// The labels the model knows.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.labels().to_vec()
    }

    /// How many documents the model learned from.
    #[getter]
    fn documents_learned(&self) -> u32 {
        self.inner.documents_learned()
    }
}

/// Where suggestions come from.
#[derive(Clone)]
enum Source {
    Rules(Arc<barchasb_rules::Extractor>),
    Model(Arc<barchasb_tagger::Tagger>),
}

impl Source {
    fn suggest(&self, text: &str) -> Vec<Span> {
        match self {
            Source::Rules(x) => x.extract(text),
            Source::Model(t) => t.suggest(text),
        }
    }
}

/// The rules' extractor, compiled once per process.
fn rules() -> Arc<barchasb_rules::Extractor> {
    static RULES: OnceLock<Arc<barchasb_rules::Extractor>> = OnceLock::new();
    RULES.get_or_init(|| Arc::new(barchasb_rules::Extractor::new())).clone()
}

/// The line `barchasb extract` writes for a document.
#[derive(Serialize)]
struct Prediction<'a> {
    id: &'a str,
    text: &'a str,
    spans: &'a [Span],
}

/// Suggests spans: the rules, or a model (a `Tagger` or the path of a
/// `.model` file) combined with them. Build one and keep it: the rules'
/// lexicons are compiled once per process, a model is read once per
/// extractor.
#[pyclass(module = "barchasb", frozen)]
pub struct Extractor {
    source: Source,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (model=None))]
    fn new(py: Python<'_>, model: Option<&Bound<'_, PyAny>>) -> PyResult<Extractor> {
        let source = match model {
            None => Source::Rules(py.detach(rules)),
            Some(m) if m.is_none() => Source::Rules(py.detach(rules)),
            Some(m) => match m.cast::<Tagger>() {
                Ok(t) => Source::Model(t.get().inner.clone()),
                Err(_) => {
                    let path: std::path::PathBuf = m.extract()?;
                    let path = path.to_string_lossy().into_owned();
                    Source::Model(Tagger::load(py, &path)?.inner)
                }
            },
        };
        Ok(Extractor { source })
    }

    /// The spans of `text`: dicts `{"start", "end", "label"}` in code
    /// points of `text`, sorted and never overlapping (`text[start:end]`
    /// is the span's surface).
    fn extract<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let spans = py.detach(|| self.source.suggest(text));
        span_dicts(py, &spans)
    }

    /// One JSONL line in (`{"id", "text", …}`), the line `barchasb extract`
    /// writes for it out (`{"id", "text", "spans"}`, the same bytes), and
    /// the problems met in the line that did not stop it (a bad span).
    /// `name` and `line` name the place in messages; a line without an id
    /// gets `{stem of name}-{line}`, as in the CLI. Raises `barchasb.Error`
    /// with the CLI's message for a line that is not a document.
    #[pyo3(signature = (json_line, name="<stdin>", line=1))]
    fn extract_line(
        &self,
        py: Python<'_>,
        json_line: &str,
        name: &str,
        line: usize,
    ) -> PyResult<(String, Vec<String>)> {
        py.detach(|| {
            let json_line = json_line.trim_start_matches('\u{feff}').trim_end_matches(['\n', '\r']);
            let fallback = format!("{}-{line}", barchasb_formats::stem(name));
            let rec = barchasb_formats::read_line(name, line, json_line, &fallback)
                .map_err(|p| Error::new_err(p.to_string()))?;
            let spans = self.source.suggest(&rec.doc.text);
            let out = serde_json::to_string(&Prediction { id: &rec.doc.id, text: &rec.doc.text, spans: &spans })
                .expect("serializes");
            Ok((out, rec.problems.iter().map(|p| p.to_string()).collect()))
        })
    }
}
