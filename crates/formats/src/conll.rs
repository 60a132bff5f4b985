//! CoNLL/IOB (`token TAG` per line, a blank line between sentences): read
//! as [`Document`]s, tokens joined by single spaces, entities as code point
//! spans (the conlleval convention: an `I-X` that does not continue an `X`
//! starts one); and written back from documents ([`to_conll`]).

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::Parsed;
use barchasb_core::{Document, Span, Status};

/// A CoNLL tag name as a project label: ARMAN's `pers`, `org`, `loc`, `fac`,
/// `event`, `pro` become PER, ORG, LOC, FAC, EVENT, AGREEMENT; any other name
/// is upper-cased.
pub fn conll_label(name: &str) -> String {
    match name.to_ascii_lowercase().as_str() {
        "pers" | "per" => "PER".into(),
        "org" => "ORG".into(),
        "loc" => "LOC".into(),
        "fac" => "FAC".into(),
        "event" => "EVENT".into(),
        "pro" => "AGREEMENT".into(),
        _ => name.to_uppercase(),
    }
}

/// Parses CoNLL text. Each sentence becomes a done [`Document`] with id
/// `NAME:LINE` (its first line). Each bad line is a [`Problem`] of that line
/// (shown `NAME:LINE: message`); a token whose tag is unreadable is kept as
/// `O`.
pub fn parse_conll(name: &str, input: &str) -> (Vec<Document>, Vec<Problem>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut sent: Option<Sentence> = None;
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if let Some(s) = sent.take() {
                docs.push(s.finish());
            }
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 2 {
            errors.push(Problem::line(name, n, format!("expected \"token TAG\", found {line:?}")));
            continue;
        }
        let (token, tag) = (fields[0], fields[fields.len() - 1]);
        let s = sent.get_or_insert_with(|| Sentence::new(format!("{name}:{n}")));
        let parsed = match tag.split_once('-') {
            _ if tag == "O" => Some(None),
            Some(("B", l)) if !l.is_empty() => Some(Some((true, l))),
            Some(("I", l)) if !l.is_empty() => Some(Some((false, l))),
            _ => None,
        };
        let parsed = parsed.unwrap_or_else(|| {
            errors.push(Problem::line(name, n, format!("unknown tag {tag:?} (expected O, B-X or I-X); read as O")));
            None
        });
        s.push(token, parsed.map(|(b, l)| (b, conll_label(l))));
    }
    if let Some(s) = sent.take() {
        docs.push(s.finish());
    }
    (docs, errors)
}

/// Documents as CoNLL: tokens split at white space, `B-`/`I-LABEL` for the
/// tokens a span starts or covers, a blank line after each document. For
/// documents read from CoNLL ([`parse_conll`]) this gives their sentences
/// back.
pub fn to_conll(docs: &[Document]) -> String {
    let mut out = String::new();
    for d in docs {
        let mut at = 0; // code points before the current token
        let mut rest = d.text.as_str();
        while let Some(i) = rest.find(|c: char| !c.is_whitespace()) {
            at += rest[..i].chars().count();
            rest = &rest[i..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            let len = token.chars().count();
            let tag = match d.spans.iter().find(|s| s.start < at + len && at < s.end) {
                Some(s) if s.start >= at => format!("B-{}", s.label),
                Some(s) => format!("I-{}", s.label),
                None => "O".to_string(),
            };
            out.push_str(token);
            out.push(' ');
            out.push_str(&tag);
            out.push('\n');
            at += len;
            rest = &rest[end..];
        }
        out.push('\n');
    }
    out
}

/// Writes documents that passed the gate (placeholder: being written).
pub(crate) fn write(_docs: &[Document], _opts: &ExportOptions) -> Vec<OutFile> {
    Vec::new()
}

/// Reads one CoNLL file (placeholder: being written).
pub(crate) fn read(name: &str, _bytes: &[u8], _w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    out.problems.push(Problem::file(name, "this format cannot be read yet"));
    out
}

struct Sentence {
    id: String,
    text: String,
    chars: usize,
    spans: Vec<Span>,
    open: bool,
}

impl Sentence {
    fn new(id: String) -> Self {
        Sentence { id, text: String::new(), chars: 0, spans: Vec::new(), open: false }
    }

    fn push(&mut self, token: &str, tag: Option<(bool, String)>) {
        if !self.text.is_empty() {
            self.text.push(' ');
            self.chars += 1;
        }
        let start = self.chars;
        self.text.push_str(token);
        self.chars += token.chars().count();
        match tag {
            Some((false, label)) if self.open && self.spans.last().is_some_and(|s| s.label == label) => {
                self.spans.last_mut().unwrap().end = self.chars;
            }
            Some((_, label)) => {
                self.spans.push(Span::new(start, self.chars, label));
                self.open = true;
            }
            None => self.open = false,
        }
    }

    fn finish(self) -> Document {
        let mut d = Document::new(self.id, self.text);
        d.spans = self.spans;
        d.status = Status::Done;
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_spans_and_errors() {
        let input = "دیدار O\nحسن B-pers\nروحانی I-pers\nدر O\nتهران B-loc\n\nسازمان B-org\nملل I-org\nبد\nبرنامه I-pro\nخبر X-foo\n";
        let (docs, errors) = parse_conll("a.txt", input);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "a.txt:1");
        assert_eq!(docs[0].text, "دیدار حسن روحانی در تهران");
        let spans: Vec<String> =
            docs[0].spans.iter().map(|s| format!("{}:{}", docs[0].span_text(s), s.label)).collect();
        assert_eq!(spans, ["حسن روحانی:PER", "تهران:LOC"]);
        // the I-pro after an ORG starts an AGREEMENT (conlleval)
        assert_eq!(docs[1].text, "سازمان ملل برنامه خبر");
        assert_eq!(docs[1].spans, [Span::new(0, 10, "ORG"), Span::new(11, 17, "AGREEMENT")]);
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().starts_with("a.txt:9: expected"), "{errors:?}");
        assert!(errors[1].to_string().starts_with("a.txt:11: unknown tag"), "{errors:?}");
    }

    #[test]
    fn conll_written_reads_back_the_same() {
        let input = "دیدار O\nحسن B-pers\nروحانی I-pers\nدر O\nتهران B-loc\n\nسازمان B-org\nملل I-org\n";
        let (docs, _) = parse_conll("a", input);
        let (again, errors) = parse_conll("a", &to_conll(&docs));
        assert!(errors.is_empty());
        assert_eq!(again, docs);
    }

    #[test]
    fn label_mapping() {
        assert_eq!(conll_label("pers"), "PER");
        assert_eq!(conll_label("pro"), "AGREEMENT");
        assert_eq!(conll_label("misc"), "MISC");
    }
}
