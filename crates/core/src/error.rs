//! The core's one error type.

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
    /// What went wrong, for code that decides what to do.
    pub kind: ErrorKind,
    /// What went wrong, for a person.
    pub message: String,
}

impl Error {
    /// An error of this kind with this message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
