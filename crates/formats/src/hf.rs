//! The `hf` format (being written: each function below is a placeholder
//! that refuses).

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::Parsed;
use barchasb_core::Document;

/// Writes documents that passed the gate.
pub(crate) fn write(_docs: &[Document], _opts: &ExportOptions) -> Vec<OutFile> {
    Vec::new()
}

/// Reads one file.
pub(crate) fn read(name: &str, _bytes: &[u8], _w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    out.problems.push(Problem::file(name, "this format cannot be read yet"));
    out
}
