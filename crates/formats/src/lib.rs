//! # barchasb-formats
//!
//! Every way documents come into barchasb and go out of it, for the CLI and
//! the app alike: decoding a file's bytes ([`decode_with`]: UTF-8, UTF-16
//! with a BOM, Windows-1256), reading it ([`read_file_with`]: the native
//! JSONL, plain text; [`parse_conll`]: CoNLL/IOB), writing CoNLL
//! ([`to_conll`]), and the rules of an import into work that is already
//! there ([`import`]). Readers never stop at the first bad line: they return
//! the good documents and a [`Problem`] for each bad part, naming the file
//! and the line. No I/O here (callers hand in bytes) and it builds for wasm32.
//! It must not know the rules or the tagger.
#![warn(missing_docs)]

mod archive;
mod brat;
mod conll;
pub mod decode;
mod detect;
mod doccano;
mod export;
mod format;
mod hf;
pub mod import;
mod jsonl;
mod label_studio;
mod manifest;
mod native;
mod problem;
mod project;
mod read;
mod spacy;
mod token_docs;
pub mod tokens;
mod units;
mod webanno;
mod writers;

pub use brat::read_brat_pair;
pub use conll::{conll_label, parse_conll, to_conll};
#[cfg(feature = "encoding_rs")]
pub use decode::decode;
pub use decode::{decode_with, Decoded, Undecodable, Windows1256};
pub use detect::{companions, detect, is_native, read_any, read_as, read_together, read_with};
pub use export::{export, gate, label_names, ExportOptions, OutFile, Scheme, Unwritable};
pub use format::{Format, UnknownFormat};
pub use import::{merge, merge_alone, questions, Choices, Conflict, Merge, OnConflict, OnUnknownLabels, Questions};
pub use jsonl::read_line;
pub use problem::Problem;
pub use project::{read_project, Project};
pub use read::{is_jsonl, read_file_with, read_jsonl_with, stem, Parsed, Record};
#[cfg(feature = "encoding_rs")]
pub use read::{read_file, read_jsonl};

#[cfg(test)]
mod tests;
