//! The one error type of the barchasb libraries that read documents and
//! models (the core and the tagger): a kind for code and a message for
//! people, both behind accessors so that either may grow.

use std::fmt;

/// What went wrong; more kinds may come.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The line is not valid JSON, or not of the expected shape.
    Json,
    /// A required field is missing.
    MissingField(&'static str),
    /// Spans out of range, unsorted or overlapping.
    BadSpans,
    /// A model file of another version, or a corrupt one.
    Model,
}

/// An error of any barchasb library crate that reads documents or models:
/// its [`ErrorKind`] and a message in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// An error of this kind with this message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
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
