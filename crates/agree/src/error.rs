//! The one error type of barchasb-agree: documents that cannot be compared.

use std::fmt;

/// Why annotations could not be compared; more kinds may come.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer than two annotators were given.
    TooFewAnnotators,
    /// No document id is held by every annotator.
    NoSharedDocuments,
    /// Two annotators hold different texts under one id: their spans do
    /// not point into the same characters, so they are not compared.
    TextsDiffer {
        /// The document's id.
        id: String,
        /// The two annotators whose texts differ (the first holding it, then the other).
        annotators: [String; 2],
    },
    /// An annotator's spans are out of range, unsorted or overlapping.
    BadSpans {
        /// The annotator.
        annotator: String,
        /// The document's id.
        id: String,
    },
}

/// An error of barchasb-agree: its [`ErrorKind`] and a message in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }

    /// What went wrong, for code that decides what to do.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// What went wrong, for a person (also the `Display` text).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
