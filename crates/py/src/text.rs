//! `normalize` and `tokenize`, with code point offsets.

use barchasb_core::{OffsetTable, TokenKind};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::sync::OnceLock;

/// A text seen through barchasb's matching normalization, aligned to the
/// original: `text` is the normalized text and `alignment[i]` the
/// `(start, end)` code points of the original that the normalized code
/// point `i` came from.
#[pyclass(module = "barchasb", frozen)]
pub struct Normalized {
    /// The original text.
    #[pyo3(get)]
    original: String,
    /// The normalized text.
    #[pyo3(get)]
    text: String,
    /// For each code point of `text`, its range in `original` (code points).
    alignment: Vec<(usize, usize)>,
    /// `alignment` as a Python tuple, made at the first access and kept (a
    /// getter that built it anew would make `n.alignment[i]` in a loop quadratic).
    alignment_list: OnceLock<Py<PyTuple>>,
}

#[pymethods]
impl Normalized {
    /// For each code point of `text`, the `(start, end)` code points of the
    /// original it came from.
    #[getter]
    fn alignment(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        if let Some(l) = self.alignment_list.get() {
            return Ok(l.clone_ref(py));
        }
        let list = PyTuple::new(py, &self.alignment)?.unbind();
        Ok(self.alignment_list.get_or_init(|| list).clone_ref(py))
    }

    /// The original code point range of the normalized range `start..end`;
    /// an empty range maps to an empty range at its place.
    ///
    /// Raises `ValueError` for a range outside the normalized text.
    fn to_original(&self, start: usize, end: usize) -> PyResult<(usize, usize)> {
        if start > end || end > self.alignment.len() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{start}..{end} is not a range of the normalized text (0..{})",
                self.alignment.len()
            )));
        }
        if start == end {
            let at = self.alignment.get(start).map_or_else(|| self.original.chars().count(), |a| a.0);
            return Ok((at, at));
        }
        Ok((self.alignment[start].0, self.alignment[end - 1].1))
    }

    fn __repr__(&self) -> String {
        format!("Normalized(text={:?})", self.text)
    }
}

/// Normalizes `text` for matching (Arabic ي/ك, digits, harakat, tatweel,
/// ZWNJ and space variants), keeping the way back to the original.
#[pyfunction]
pub fn normalize(text: &str) -> Normalized {
    let n = barchasb_core::normalize(text);
    let orig = OffsetTable::new(text);
    let alignment = n
        .text()
        .char_indices()
        .map(|(b, _)| {
            let r = n.origin_of(b).expect("every normalized byte has an origin");
            let c = orig.to_chars(r);
            (c.start, c.end)
        })
        .collect();
    Normalized { original: text.to_string(), text: n.text().to_string(), alignment, alignment_list: OnceLock::new() }
}

/// A token of the original text: `text[start:end]` is its surface.
#[pyclass(module = "barchasb", frozen, get_all)]
pub struct Token {
    /// The first code point.
    start: usize,
    /// The code point after the last one.
    end: usize,
    /// Its surface, `text[start:end]`.
    text: String,
    /// `"word"`, `"number"`, `"latin"` or `"punct"`.
    kind: &'static str,
    /// Its matching key (normalized, without ZWNJ).
    norm: String,
    /// Whether a line break separates it from the previous token.
    line_start: bool,
}

#[pymethods]
impl Token {
    fn __repr__(&self) -> String {
        format!("Token({}, {}, {:?}, {:?})", self.start, self.end, self.text, self.kind)
    }
}

fn kind_name(k: TokenKind) -> &'static str {
    match k {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Latin => "latin",
        TokenKind::Punct => "punct",
    }
}

/// The tokens of `text` (words, numbers, Latin runs, punctuation) with
/// code point offsets.
#[pyfunction]
pub fn tokenize(py: Python<'_>, text: &str) -> Vec<Token> {
    py.detach(|| {
        let table = OffsetTable::new(text);
        barchasb_core::tokenize(text)
            .into_iter()
            .map(|t| {
                let c = table.to_chars(t.range);
                Token {
                    start: c.start,
                    end: c.end,
                    text: text[t.range.as_range()].to_string(),
                    kind: kind_name(t.kind),
                    norm: t.norm,
                    line_start: t.line_start,
                }
            })
            .collect()
    })
}
