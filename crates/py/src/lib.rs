//! # barchasb-py
//!
//! The Python module `barchasb._barchasb`, wrapped by the pure-Python
//! package `barchasb` (`python/barchasb/__init__.py`, which adds the
//! exceptions, JSON conversion and the spaCy component). Glue only: every
//! rule lives in barchasb-core, -rules, -tagger and -formats.
//!
//! Offsets cross the boundary in **code points** of the original text, the
//! frame Python's `str` indexes in: byte ranges stay inside Rust and are
//! converted with [`barchasb_core::OffsetTable`]. Long calls (extraction,
//! reading, writing) release the GIL.

mod io;
mod suggest;
mod text;

use pyo3::prelude::*;

pyo3::create_exception!(
    _barchasb,
    Error,
    pyo3::exceptions::PyException,
    "A barchasb error, with the message the CLI prints."
);

/// The extension module.
#[pymodule]
fn _barchasb(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add_class::<text::Normalized>()?;
    m.add_class::<text::Token>()?;
    m.add_function(wrap_pyfunction!(text::normalize, m)?)?;
    m.add_function(wrap_pyfunction!(text::tokenize, m)?)?;
    m.add_class::<suggest::Extractor>()?;
    m.add_class::<suggest::Tagger>()?;
    m.add_function(wrap_pyfunction!(io::read, m)?)?;
    m.add_function(wrap_pyfunction!(io::write, m)?)?;
    m.add_function(wrap_pyfunction!(io::formats, m)?)?;
    m.add_function(wrap_pyfunction!(io::format_of, m)?)?;
    Ok(())
}
