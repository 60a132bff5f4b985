//! The exchange formats by name, and which one a file is.

use std::fmt;
use std::str::FromStr;

/// Every format barchasb reads and writes (see the README's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The native line, with tokens, span texts and DATE values.
    Jsonl,
    /// A spaCy v3 `DocBin` (`.spacy`).
    Spacy,
    /// CoNLL-2003 style `token TAG`, IOB2 or BILUO.
    Conll,
    /// Hugging Face token classification JSONL (`tokens`, `ner_tags`).
    Hf,
    /// doccano sequence labelling JSONL.
    Doccano,
    /// Label Studio tasks JSON.
    LabelStudio,
    /// brat standoff, `.txt` + `.ann` pairs in a `.zip`.
    Brat,
    /// WebAnno TSV 3.3 (INCEpTION), one `.tsv` per document in a `.zip`.
    Webanno,
}

impl Format {
    /// All formats, in the order they are listed to users.
    pub const ALL: [Format; 8] = [
        Format::Jsonl,
        Format::Spacy,
        Format::Conll,
        Format::Hf,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
        Format::Webanno,
    ];

    /// The name used on the command line and in the app.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Spacy => "spacy",
            Format::Conll => "conll",
            Format::Hf => "hf",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::Webanno => "webanno",
        }
    }

    /// The extension of the main file written, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Spacy => "spacy",
            Format::Conll => "conll",
            Format::Hf => "hf.jsonl",
            Format::Doccano => "doccano.jsonl",
            Format::LabelStudio => "label-studio.json",
            Format::Brat => "brat.zip",
            Format::Webanno => "webanno.zip",
        }
    }

    /// The base a file of this format is named by: `name` without the
    /// format's extension (`out/train.hf.jsonl` → `out/train`), or else
    /// without its last one; the base of its sidecars.
    pub fn base(self, name: &str) -> &str {
        match name.strip_suffix(self.extension()).and_then(|b| b.strip_suffix('.')) {
            Some(b) if !b.is_empty() && !b.ends_with('/') => b,
            _ => name.rsplit_once('.').filter(|(b, _)| !b.is_empty() && !b.ends_with('/')).map_or(name, |(b, _)| b),
        }
    }

    /// Whether the format carries tokens: the project's, split where a span
    /// cuts one ([`crate::tokens::doc_tokens`]), so that a span that starts
    /// or ends with white space cannot be written.
    pub fn token_based(self) -> bool {
        matches!(self, Format::Spacy | Format::Conll | Format::Hf | Format::Webanno)
    }

    /// Whether the format is one stream of bytes (stdin/stdout work).
    pub fn one_stream(self) -> bool {
        !matches!(self, Format::Brat | Format::Spacy | Format::Webanno)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`]; its message lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(f, "unknown format {:?}; the formats are {}", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        let lower = s.trim().to_ascii_lowercase();
        let alias = match lower.as_str() {
            "labelstudio" | "label_studio" | "ls" => "label-studio",
            "huggingface" | "hugging-face" => "hf",
            "inception" | "webanno-tsv" => "webanno",
            "docbin" => "spacy",
            "iob" | "iob2" | "bio" | "conll2003" => "conll",
            other => other,
        };
        Format::ALL.into_iter().find(|f| f.name() == alias).ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_unknown_ones_list_the_known() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert_eq!(Format::Hf.base("out/train.hf.jsonl"), "out/train");
        assert_eq!(Format::Hf.base("train.jsonl"), "train");
        assert_eq!((Format::Spacy.base("corpus"), Format::Conll.base(".conll")), ("corpus", ".conll"));
        let e = "excel".parse::<Format>().unwrap_err().to_string();
        assert!(e.contains("\"excel\"") && e.contains("jsonl, spacy, conll, hf"), "{e}");
    }
}
