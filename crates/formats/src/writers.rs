//! Dispatch from a [`Format`] to its writer and reader modules.

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::format::Format;
use crate::read::Parsed;
use crate::{brat, doccano, hf, label_studio, native, spacy, webanno};
use barchasb_core::Document;

/// Writes documents that passed the gate.
pub(crate) fn write(format: Format, docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    match format {
        Format::Jsonl => native::write(docs, opts),
        Format::Spacy => spacy::write(docs, opts),
        Format::Conll => crate::conll::write(docs, opts),
        Format::Hf => hf::write(docs, opts),
        Format::Doccano => doccano::write(docs, opts),
        Format::LabelStudio => label_studio::write(docs, opts),
        Format::Brat => brat::write(docs, opts),
        Format::Webanno => webanno::write(docs, opts),
    }
}

/// Reads one file known to be in `format`.
pub(crate) fn read(format: Format, name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    match format {
        Format::Jsonl => native::read(name, bytes, w1256),
        Format::Spacy => spacy::read(name, bytes, w1256),
        Format::Conll => crate::conll::read(name, bytes, w1256),
        Format::Hf => hf::read(name, bytes, w1256),
        Format::Doccano => doccano::read(name, bytes, w1256),
        Format::LabelStudio => label_studio::read(name, bytes, w1256),
        Format::Brat => brat::read(name, bytes, w1256),
        Format::Webanno => webanno::read(name, bytes, w1256),
    }
}
