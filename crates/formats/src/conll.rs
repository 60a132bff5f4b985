//! CoNLL/IOB (`token TAG` per line, a blank line between sentences): read
//! as [`Document`]s, tokens joined by single spaces, entities as code point
//! spans (the conlleval convention: an `I-X` that does not continue an `X`
//! starts one); and written back from documents ([`to_conll`]).

use crate::decode::{decode_with, Windows1256};
use crate::export::{ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::Parsed;
use crate::token_docs::{build, parse_tag, sidecar, tags, EntityRun, TokenDoc};
use crate::tokens::doc_tokens;
use crate::Format;
use barchasb_core::Document;

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
    let (mut sentences, problems) = scan(name, input, true);
    for s in &mut sentences {
        s.id = Some(format!("{name}:{}", s.line));
    }
    let parsed = build(name, sentences, None, |_| None);
    (parsed.records.into_iter().map(|r| r.doc).collect(), problems)
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

/// Writes documents that passed the gate: `-DOCSTART- O` and a blank line
/// before each document, one `token TAG` line per token, a blank line
/// after each sentence (a sentence ends at a line break that no span
/// crosses); and the sidecar with each document's id, text and status.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let mut out = String::new();
    for d in docs {
        out.push_str("-DOCSTART- O\n\n");
        let toks = doc_tokens(d, opts.suggestions);
        let tags = tags(d, &toks, opts.scheme);
        let chars: Vec<char> = d.text.chars().collect();
        for (i, (t, tag)) in toks.iter().zip(&tags).enumerate() {
            let inside = tag.starts_with("I-") || tag.starts_with("L-");
            if i > 0 && !inside && chars[toks[i - 1].end..t.start].contains(&'\n') {
                out.push('\n');
            }
            out.push_str(&t.text);
            out.push(' ');
            out.push_str(tag);
            out.push('\n');
        }
        if !toks.is_empty() {
            out.push('\n');
        }
    }
    let main = OutFile { name: format!("{}.{}", opts.base, Format::Conll.extension()), bytes: out.into_bytes() };
    vec![main, sidecar(docs, opts)]
}

/// Reads one CoNLL file, without a sidecar.
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    read_with(name, bytes, None, w1256)
}

/// Reads a CoNLL file: documents between `-DOCSTART-` lines (each sentence
/// is one where the file has none), the token in the first column and the
/// tag in the last (IOB2, IOB1, BILUO or IOBES); with the sidecar written
/// beside it, each document gets its id, text and status back.
pub(crate) fn read_with(name: &str, bytes: &[u8], side: Option<(&str, &[u8])>, w1256: Windows1256) -> Parsed {
    let text = match decode_with(bytes, w1256) {
        Ok(d) => d.text,
        Err(e) => return Parsed { problems: vec![Problem::undecodable(name, &e)], ..Default::default() },
    };
    let by_docstart = text.lines().any(|l| l.trim_start_matches('\u{feff}').starts_with("-DOCSTART-"));
    let (docs, problems) = scan(name, &text, !by_docstart);
    let mut out = build(name, docs, side, w1256);
    out.problems.extend(problems);
    out
}

/// The documents of a CoNLL text: one per sentence (`per_sentence`) or
/// one between `-DOCSTART-` lines; each bad line is a problem.
fn scan(name: &str, text: &str, per_sentence: bool) -> (Vec<TokenDoc>, Vec<Problem>) {
    let mut docs: Vec<TokenDoc> = Vec::new();
    let mut problems = Vec::new();
    let mut cur: Option<TokenDoc> = None;
    let mut run = EntityRun::default();
    let mut sentence_open = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.starts_with("-DOCSTART-") || (line.is_empty() && per_sentence) {
            // Between -DOCSTART- lines a document may have no tokens (an empty text).
            docs.extend(cur.take().filter(|d| !per_sentence || !d.words.is_empty()));
            if !per_sentence {
                cur = Some(TokenDoc { line: n, ..Default::default() });
            }
            run.close();
            sentence_open = false;
            continue;
        }
        if line.is_empty() {
            run.close();
            sentence_open = false;
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 2 {
            problems.push(Problem::line(name, n, format!("expected \"token TAG\", found {line:?}; left out")));
            continue;
        }
        let d = cur.get_or_insert_with(|| TokenDoc { line: n, ..Default::default() });
        if !sentence_open && !d.words.is_empty() {
            d.sentence_starts.push(d.words.len());
        }
        sentence_open = true;
        let tag = fields[fields.len() - 1];
        let parsed = parse_tag(tag).unwrap_or_else(|()| {
            let why = format!("unknown tag {tag:?} (expected O, B-X, I-X, L-X or U-X); read as O");
            problems.push(Problem::line(name, n, why));
            None
        });
        // ARMAN's lower-case names are this project's labels; others are kept.
        let label = |l: &str| if l.chars().any(char::is_uppercase) { l.to_string() } else { conll_label(l) };
        let parsed = parsed.map(|(p, l)| (p, label(l)));
        run.push(&mut d.ents, d.words.len(), parsed.as_ref().map(|(p, l)| (*p, l.as_str())));
        d.words.push(fields[0].to_string());
    }
    docs.extend(cur.take().filter(|d| !per_sentence || !d.words.is_empty()));
    (docs, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::Span;

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
