//! What the token formats (CoNLL, Hugging Face) hold of a document: its
//! words, where its sentences start, and its entities as token ranges; and
//! the sidecar `BASE.documents.jsonl` they are written with, which gives
//! each document back its id, its exact text (white space and line breaks
//! included), its status, suggestions and other fields. Read without the
//! sidecar (files from elsewhere), a document's text is its words joined by
//! spaces, its sentences by line breaks.

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::{read_jsonl_with, Parsed, Record};
use barchasb_core::{Document, Span, Status};

/// The sidecar's extension, after the export's base name.
pub(crate) const SIDECAR: &str = "documents.jsonl";

/// One document as a token format holds it.
#[derive(Debug, Default, Clone)]
pub(crate) struct TokenDoc {
    /// Its line in the file (1-based), for messages.
    pub line: usize,
    /// Its id, when the format carries one.
    pub id: Option<String>,
    /// Its words.
    pub words: Vec<String>,
    /// The words that start a sentence (after the first).
    pub sentence_starts: Vec<usize>,
    /// Entities: first word, last word (inclusive), label.
    pub ents: Vec<(usize, usize, String)>,
}

/// The sidecar of `docs`: their native lines without spans (the token file
/// has them), with suggestions when they are written.
pub(crate) fn sidecar(docs: &[Document], opts: &ExportOptions) -> OutFile {
    let mut out = String::new();
    for d in docs {
        let mut line = d.clone();
        line.spans.clear();
        if !opts.suggestions {
            line.suggestions.clear();
        }
        out.push_str(&line.to_json_line());
        out.push('\n');
    }
    OutFile { name: format!("{}.{SIDECAR}", opts.base), bytes: out.into_bytes() }
}

/// Documents from what a token file held, with the sidecar's texts, ids
/// and statuses where it is given and fits (its tokens are the file's
/// words); problems name the token file's line or the sidecar's.
pub(crate) fn build(name: &str, docs: Vec<TokenDoc>, sidecar: Option<(&str, &[u8])>, w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    let mut side: Vec<Option<Record>> = Vec::new();
    if let Some((side_name, bytes)) = sidecar {
        let parsed = read_jsonl_with(side_name, bytes, w1256);
        out.problems.extend(parsed.all_problems().into_iter().cloned());
        side = parsed.records.into_iter().map(Some).collect();
        if side.len() != docs.len() {
            out.problems.push(Problem::file(
                side_name,
                format!(
                    "has {} document(s) where {name} has {}; the documents were read without it",
                    side.len(),
                    docs.len()
                ),
            ));
            side.clear();
        }
    }
    side.resize(docs.len(), None);
    for (k, (td, s)) in docs.into_iter().zip(side).enumerate() {
        let fallback = || td.id.clone().unwrap_or_else(|| format!("{}-{}", crate::read::stem(name), k + 1));
        let record = match s.map(|s| with_sidecar(&td, s)) {
            Some(Ok(r)) => r,
            Some(Err(p)) => {
                out.problems.push(p);
                joined(name, &td, fallback())
            }
            None => joined(name, &td, fallback()),
        };
        out.records.push(record);
    }
    if out.records.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::file(name, "the file is empty: it has no documents"));
    }
    out
}

/// A document whose text is its words joined by spaces, its sentences by
/// line breaks; done (token files hold finished work).
fn joined(name: &str, td: &TokenDoc, id: String) -> Record {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(td.words.len());
    let mut at = 0;
    for (i, w) in td.words.iter().enumerate() {
        if i > 0 {
            text.push(if td.sentence_starts.contains(&i) { '\n' } else { ' ' });
            at += 1;
        }
        text.push_str(w);
        let n = w.chars().count();
        bounds.push((at, at + n));
        at += n;
    }
    let mut doc = Document::new(id, text);
    doc.spans = td.ents.iter().map(|(a, b, l)| Span::new(bounds[*a].0, bounds[*b].1, l.clone())).collect();
    doc.status = Status::Done;
    Record { doc, file: name.to_string(), line: td.line, annotated: true, problems: Vec::new() }
}

/// The sidecar's document with the token file's entities, when the file's
/// words are its text without its white space, in order.
fn with_sidecar(td: &TokenDoc, mut side: Record) -> Result<Record, Problem> {
    let found = align(&side.doc.text, &td.words).filter(|_| td.id.as_ref().is_none_or(|id| *id == side.doc.id));
    let Some(bounds) = found else {
        return Err(Problem::line(
            &side.file,
            side.line,
            format!(
                "document {} is not the one at line {} of the token file (its id or its words differ); that \
                 one was read without its sidecar line",
                side.doc.id, td.line
            ),
        ));
    };
    side.doc.spans = td.ents.iter().map(|(a, b, l)| Span::new(bounds[*a].0, bounds[*b].1, l.clone())).collect();
    side.annotated = true;
    Ok(side)
}

/// Where each word is in `text` (code points), when the words are the
/// text's characters other than white space, in order.
fn align(text: &str, words: &[String]) -> Option<Vec<(usize, usize)>> {
    let mut rest = text.chars().enumerate().peekable();
    let mut bounds = Vec::with_capacity(words.len());
    for w in words {
        // (a word cut by a span may start with a ZWNJ: it is the word's then)
        let first = w.chars().next();
        while rest.next_if(|(_, c)| between_tokens(*c) && Some(*c) != first).is_some() {}
        let start = rest.peek().map(|(i, _)| *i)?;
        for c in w.chars() {
            rest.next_if(|(_, t)| *t == c)?;
        }
        bounds.push((start, start + w.chars().count()));
    }
    rest.all(|(_, c)| between_tokens(c)).then_some(bounds)
}

/// What the tokenizer leaves between tokens: white space, and the
/// invisible joiners and direction marks it skips (ZWNJ, LRM, RLM, …), which
/// Persian text from the web is full of.
fn between_tokens(c: char) -> bool {
    use barchasb_core::normalize::{unify_joiners, Edit, ZWNJ};
    c.is_whitespace() || c == ZWNJ || unify_joiners(c) == Edit::Remove
}

/// A tag's prefix and label: `O` is `None`; `B-`, `I-`, `L-`/`E-`, `U-`/`S-`
/// (IOB2, IOB1, BILUO, IOBES) are read; anything else is an error.
pub(crate) fn parse_tag(tag: &str) -> Result<Option<(char, &str)>, ()> {
    if tag == "O" {
        return Ok(None);
    }
    match tag.split_once('-') {
        Some((p, l)) if !l.is_empty() && matches!(p, "B" | "I" | "L" | "E" | "U" | "S") => {
            let p = match p {
                "E" => 'L',
                "S" => 'U',
                other => other.chars().next().unwrap_or('I'),
            };
            Ok(Some((p, l)))
        }
        _ => Err(()),
    }
}

/// Collects entities from a word's tag, as conlleval does: an `I-`/`L-`
/// that does not continue an entity of its label starts one; `L-`/`U-` end
/// the one they are in.
#[derive(Default)]
pub(crate) struct EntityRun {
    open: bool,
}

impl EntityRun {
    /// Adds word `i` with its parsed tag to `ents`.
    pub(crate) fn push(&mut self, ents: &mut Vec<(usize, usize, String)>, i: usize, tag: Option<(char, &str)>) {
        match tag {
            None => self.open = false,
            Some((p, label)) => {
                let continues = matches!(p, 'I' | 'L') && self.open && ents.last().is_some_and(|e| e.2 == label);
                if continues {
                    ents.last_mut().expect("an open entity").1 = i;
                } else {
                    ents.push((i, i, label.to_string()));
                }
                self.open = matches!(p, 'B' | 'I');
            }
        }
    }

    /// A sentence or document ends: no entity continues across it.
    pub(crate) fn close(&mut self) {
        self.open = false;
    }
}

/// The tag of each token of `doc` (prefix and label) in `scheme`; the
/// spans have passed the gate, so each starts and ends on a token.
pub(crate) fn tags(doc: &Document, toks: &[crate::tokens::Tok], scheme: crate::Scheme) -> Vec<String> {
    let mut tags = vec!["O".to_string(); toks.len()];
    for s in &doc.spans {
        let (a, b) = crate::tokens::token_span(toks, s).expect("the gate let only spans on tokens through");
        for (i, tag) in tags.iter_mut().enumerate().take(b + 1).skip(a) {
            let p = match scheme {
                crate::Scheme::Biluo if a == b => 'U',
                crate::Scheme::Biluo if i == b => 'L',
                _ if i == a => 'B',
                _ => 'I',
            };
            *tag = format!("{p}-{}", s.label);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_of_every_scheme_read_as_conlleval_does() {
        let mut ents = Vec::new();
        let mut run = EntityRun::default();
        for (i, t) in ["B-PER", "L-PER", "I-PER", "U-LOC", "O", "I-ORG", "E-ORG", "S-ORG"].iter().enumerate() {
            run.push(&mut ents, i, parse_tag(t).unwrap());
        }
        let e: Vec<(usize, usize, &str)> = ents.iter().map(|(a, b, l)| (*a, *b, l.as_str())).collect();
        assert_eq!(e, [(0, 1, "PER"), (2, 2, "PER"), (3, 3, "LOC"), (5, 6, "ORG"), (7, 7, "ORG")]);
        assert!(parse_tag("X-PER").is_err() && parse_tag("B-").is_err() && parse_tag("PER").is_err());
    }
}
