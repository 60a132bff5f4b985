//! What was wrong with an input, and where, in words an annotator reads.

use crate::decode::Undecodable;
use std::fmt;

/// One problem met while reading: the file, the line (or record) when
/// there is one, and what is wrong. Shown as `08.jsonl:4: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    file: String,
    line: Option<usize>,
    message: String,
}

impl Problem {
    /// A problem of the whole file.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), line: None, message: message.into() }
    }

    /// A problem of one line (1-based).
    pub fn line(file: &str, line: usize, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), line: Some(line), message: message.into() }
    }

    /// A file that cannot be decoded: the line where UTF-8 breaks (in the
    /// same `file:line:` form as every other problem), or the whole file.
    pub fn undecodable(file: &str, e: &Undecodable) -> Self {
        match *e {
            Undecodable::BadUtf8 { line, byte } => Problem::line(
                file,
                line,
                format!("the text is not valid UTF-8 (byte {byte} of the file); save the file as UTF-8"),
            ),
            Undecodable::Unknown => Problem::file(file, e.to_string()),
        }
    }

    /// The file's name as given.
    pub fn file_name(&self) -> &str {
        &self.file
    }

    /// The line, 1-based, if the problem is on one.
    pub fn line_number(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong, without the place.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "{}:{n}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for Problem {}
