//! WebAnno TSV 3.3, the tab-separated format INCEpTION (and WebAnno)
//! import and export: one `.tsv` per document, several in a zip with
//! `barchasb-documents.jsonl` ([`crate::manifest`]).
//!
//! Followed from the format's specification in INCEpTION's user guide
//! (`inception-io-webanno-tsv/…/user-guide/webannotsv.adoc`) and its
//! reader (`Tsv3XDeserializer.java`) and escaping (`Escaping.java`):
//!
//! - `#FORMAT=WebAnno TSV 3.3`, one span layer
//!   `#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value`,
//!   then exactly two empty lines; sentences are separated by one empty
//!   line and the file ends with the last token line (INCEpTION's reader
//!   refuses an empty line at the end).
//! - **Offsets are UTF-16 code units** of the document text ("the offsets
//!   used in the TSV format currently represent offsets of the 16bit units
//!   in UTF-16 strings"): an emoji counts 2. They are converted from and to
//!   code points through [`barchasb_core::OffsetTable`].
//! - Tokens are the project's own ([`crate::tokens`]), so every span is
//!   whole tokens (the export gate checks it): `1-2\t4-8\tword\tORG` for a
//!   span of one token, `ORG[3]` on each token of a span of several (its
//!   disambiguation id, counted from 1 in each file), `_` for none.
//! - Sentences are the text's lines: a sentence starts at its line's first
//!   token and runs to the line break before the next sentence's line, so
//!   that empty lines stay in the sentence before them (`#Text=` lines are
//!   the sentence split at its line breaks). The reader rebuilds the text as
//!   INCEpTION's does: each sentence at its first token's offset, one line
//!   break after it, spaces up to the next sentence. A text whose lines are
//!   indented by spaces (or not at all) comes back exactly from the TSV;
//!   other white space before a line, or before the first token, comes back
//!   as spaces at the same offsets (so INCEpTION shows spaces there), and a
//!   text without tokens comes back empty. For those texts the manifest
//!   line holds the text, so that reading the archive back gives it exactly.
//! - `#Text=` lines are escaped as `escapeText` does (`\t`, `\r`, `\f`,
//!   `\b`, other control characters and `\` behind a backslash); token texts
//!   and labels as `escapeValue` (`\ [ ] | _ -> ; * \t \n`).
//!
//! Reading takes the `value` of the NamedEntity layer; other layers (POS,
//! lemmas, relations, chains) are said in a note and not imported. A token
//! whose text is not the text at its offsets, stacked or unlabelled named
//! entities and overlapping ones are named by file and line. Status: a TSV
//! without a manifest line is confirmed work (`done`).

use crate::archive::{self, Entry};
use crate::brat::keep_disjoint;
use crate::decode::{decode_with, Windows1256};
use crate::export::{ExportOptions, OutFile};
use crate::manifest::{self, Manifest};
use crate::problem::Problem;
use crate::read::{stem, Parsed};
use crate::tokens::{doc_tokens, token_span, Tok};
use barchasb_core::{Document, OffsetTable, Span, Status};
use std::collections::BTreeMap;

/// The named-entity layer and its feature, as INCEpTION names them.
const NAMED_ENTITY: &str = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";

/// Writes one TSV per document, with the manifest, in a zip.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let stems = manifest::stems(docs);
    let tsvs: Vec<String> = docs.iter().map(|d| tsv(d, opts.suggestions)).collect();
    // A text the TSV does not give back (white space before its first token
    // or indenting a line, or no token at all) goes in the manifest.
    let texts: Vec<Option<&str>> =
        docs.iter().zip(&tsvs).map(|(d, t)| (rebuilt(t) != d.text).then_some(d.text.as_str())).collect();
    let mut files: Vec<Entry> =
        tsvs.into_iter().zip(&stems).map(|(t, s)| Entry { name: format!("{s}.tsv"), bytes: t.into_bytes() }).collect();
    files.push(manifest::write(docs, &stems, opts, &texts));
    vec![OutFile {
        name: format!("{}.{}", opts.base, crate::Format::Webanno.extension()),
        bytes: archive::write(&files),
    }]
}

/// One document as WebAnno TSV 3.3.
pub(crate) fn tsv(d: &Document, suggestions: bool) -> String {
    let table = OffsetTable::new(&d.text);
    let chars: Vec<char> = d.text.chars().collect();
    let toks = doc_tokens(d, suggestions);
    let labels = token_labels(&toks, &d.spans);
    let mut out = format!("#FORMAT=WebAnno TSV 3.3\n#T_SP={NAMED_ENTITY}|value\n\n");
    let sentences = sentences(&chars, &toks);
    for (k, (range, first)) in sentences.iter().enumerate() {
        out.push('\n');
        let text: String = chars[range.clone()].iter().collect();
        for line in text.split('\n') {
            out.push_str(&format!("#Text={}\n", escape_text(line)));
        }
        let end = sentences.get(k + 1).map_or(toks.len(), |s| s.1);
        for (j, t) in toks[*first..end].iter().enumerate() {
            let (b, e) = (table.char_to_utf16(t.start), table.char_to_utf16(t.end));
            out.push_str(&format!("{}-{}\t{b}-{e}\t{}\t{}\n", k + 1, j + 1, escape_value(&t.text), labels[first + j]));
        }
    }
    out
}

/// The text a reader rebuilds from `tsv` (one this module wrote).
fn rebuilt(tsv: &str) -> String {
    Tsv::parse("", tsv, &mut Vec::new()).map(|t| t.finish("").0).unwrap_or_default()
}

/// Each token's column: `LABEL`, `LABEL[n]` inside a span of several
/// tokens, `_` outside spans.
fn token_labels(toks: &[Tok], spans: &[Span]) -> Vec<String> {
    let mut col = vec!["_".to_string(); toks.len()];
    let mut id = 0;
    for s in spans {
        let Some((a, b)) = token_span(toks, s) else { continue }; // the gate let none through
        let label = escape_value(&s.label);
        let tag = if a == b {
            label
        } else {
            id += 1;
            format!("{label}[{id}]")
        };
        col[a..=b].iter_mut().for_each(|c| *c = tag.clone());
    }
    col
}

/// The sentences: each one's code point range and first token. A sentence
/// starts at the first token of a line and ends at the line break before
/// the next sentence's line (the text's end for the last one).
fn sentences(chars: &[char], toks: &[Tok]) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut line_of = Vec::with_capacity(toks.len());
    let (mut line, mut at) = (0, 0);
    for t in toks {
        line += chars[at..t.start].iter().filter(|&&c| c == '\n').count();
        at = t.start;
        line_of.push(line);
    }
    let firsts: Vec<usize> = (0..toks.len()).filter(|&i| i == 0 || line_of[i] != line_of[i - 1]).collect();
    firsts
        .iter()
        .enumerate()
        .map(|(k, &f)| {
            let end = match firsts.get(k + 1) {
                Some(&next) => chars[..toks[next].start].iter().rposition(|&c| c == '\n').unwrap_or(toks[next].start),
                None => chars.len(),
            };
            (toks[f].start..end, f)
        })
        .collect()
}

/// Escaping a feature value or token text (`Escaping.escapeValue`).
const VALUE_ESCAPES: [(&str, &str); 10] = [
    ("\\", "\\\\"),
    ("[", "\\["),
    ("]", "\\]"),
    ("|", "\\|"),
    ("_", "\\_"),
    ("->", "\\->"),
    (";", "\\;"),
    ("\t", "\\t"),
    ("\n", "\\n"),
    ("*", "\\*"),
];

/// Escaping sentence text (`Escaping.escapeText`): control characters
/// other than 8–13 behind a backslash; tab, line feed, form feed, carriage
/// return, backspace and backslash as readable escapes. (Vertical tab, 11,
/// is left as it is, as there.)
fn text_escapes() -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = (0u8..32)
        .filter(|c| !(8..14).contains(c))
        .map(|c| ((c as char).to_string(), format!("\\{}", c as char)))
        .collect();
    for (c, e) in [("\t", "\\t"), ("\n", "\\n"), ("\u{c}", "\\f"), ("\r", "\\r"), ("\u{8}", "\\b"), ("\\", "\\\\")] {
        pairs.push((c.into(), e.into()));
    }
    pairs
}

/// One pass of replacements, as `StringUtils.replaceEach`: at each place,
/// the first pattern (in order) that matches there.
fn replace_each<P: AsRef<str>>(s: &str, pairs: &[(P, P)]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in pairs {
            if let Some(r) = rest.strip_prefix(from.as_ref()) {
                out.push_str(to.as_ref());
                rest = r;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn escape_value(s: &str) -> String {
    replace_each(s, &VALUE_ESCAPES)
}

fn unescape_value(s: &str) -> String {
    let back: Vec<(&str, &str)> = VALUE_ESCAPES.iter().map(|(a, b)| (*b, *a)).collect();
    replace_each(s, &back)
}

fn escape_text(s: &str) -> String {
    replace_each(s, &text_escapes())
}

fn unescape_text(s: &str) -> String {
    let back: Vec<(String, String)> = text_escapes().into_iter().map(|(a, b)| (b, a)).collect();
    replace_each(s, &back)
}

/// Reads one TSV, or a zip of them with their manifest.
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    if !archive::is_zip(bytes) {
        let tsv = Entry { name: name.into(), bytes: bytes.to_vec() };
        read_tsv(name, &tsv, stem(name), &Manifest::default(), w1256, &mut out);
        return out;
    }
    let (entries, bad) = match archive::read(bytes) {
        Ok(e) => e,
        Err(e) => {
            out.problems.push(Problem::file(name, e));
            return out;
        }
    };
    out.problems.extend(bad.into_iter().map(|b| Problem::file(name, b)));
    let (manifest, problems) = Manifest::read(name, entries.iter().find(|e| e.name == manifest::NAME), w1256);
    out.problems.extend(problems);
    for e in &entries {
        let place = format!("{name}/{}", e.name);
        match e.name.strip_suffix(".tsv") {
            Some(stem) => read_tsv(&place, e, stem, &manifest, w1256, &mut out),
            None if e.name == manifest::NAME => {}
            None => out.notes.push(format!("{place}: not a .tsv; passed over")),
        }
    }
    if out.records.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::file(name, "the archive has no .tsv files"));
    }
    out
}

fn read_tsv(place: &str, tsv: &Entry, stem: &str, manifest: &Manifest, w1256: Windows1256, out: &mut Parsed) {
    let src = match decode_with(&tsv.bytes, w1256) {
        Ok(d) => d.text,
        Err(e) => return out.problems.push(Problem::undecodable(place, &e)),
    };
    let parsed = match Tsv::parse(place, &src, &mut out.notes) {
        Ok(t) => t,
        Err(p) => return out.problems.push(p),
    };
    let (text, spans, problems) = parsed.finish(place);
    match manifest.document(stem, place, text, spans, Status::Done) {
        Ok(mut r) => {
            r.problems.splice(0..0, problems);
            out.records.push(r);
        }
        Err(p) => out.problems.extend(problems.into_iter().chain([p])),
    }
}

/// A token or sub-token line of the body.
struct Unit {
    line: usize,
    /// UTF-16 offsets.
    begin: usize,
    end: usize,
    text: String,
}

/// A TSV read line by line: the text rebuilt, the units and the named
/// entities on them.
#[derive(Default)]
struct Tsv {
    text: String,
    len16: usize,
    units: Vec<Unit>,
    /// Named entities by disambiguation id: label, first and last unit.
    multi: BTreeMap<String, (String, usize, usize)>,
    /// Named entities on one unit: label, unit.
    single: Vec<(String, usize)>,
    problems: Vec<Problem>,
}

impl Tsv {
    fn parse(place: &str, src: &str, notes: &mut Vec<String>) -> Result<Tsv, Problem> {
        let mut lines = src.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).enumerate().peekable();
        let first = lines.next().map(|(_, l)| l.trim_start_matches('\u{feff}')).unwrap_or("");
        if !first.starts_with("#FORMAT=WebAnno TSV 3") {
            return Err(Problem::line(
                place,
                1,
                "not WebAnno TSV 3: the file does not start with #FORMAT=WebAnno TSV 3.x",
            ));
        }
        let mut column = None;
        let mut col = 0;
        let mut others = Vec::new();
        while let Some((_, l)) = lines.next_if(|(_, l)| l.starts_with("#T_")) {
            let decl = l.split_once('=').map_or("", |(_, d)| d);
            let mut fields = decl.split('|');
            let layer = fields.next().unwrap_or("");
            let features: Vec<&str> = fields.collect();
            match features.iter().position(|f| *f == "value") {
                Some(i) if layer == NAMED_ENTITY && l.starts_with("#T_SP=") => column = Some(col + i),
                _ => others.push(layer.rsplit('.').next().unwrap_or(layer).to_string()),
            }
            col += features.len().max(1);
        }
        if !others.is_empty() {
            notes.push(format!(
                "{place}: layer(s) {} not imported (barchasb reads NamedEntity values)",
                others.join(", ")
            ));
        }
        if column.is_none() {
            notes.push(format!("{place}: no NamedEntity layer with a value; read as text without spans"));
        }
        let mut t = Tsv::default();
        let mut sentence: Option<String> = None;
        for (i, l) in lines {
            let n = i + 1;
            if let Some(frag) = l.strip_prefix("#Text=") {
                let s = sentence.get_or_insert_with(String::new);
                s.push_str(&unescape_text(frag));
                s.push('\n');
            } else if l.is_empty() || l.starts_with('#') {
                continue;
            } else {
                t.unit(place, n, l, column, &mut sentence);
            }
        }
        Ok(t)
    }

    /// One token line: the pending sentence text goes in first, at the
    /// token's offset, as INCEpTION's reader places it.
    fn unit(&mut self, place: &str, n: usize, l: &str, column: Option<usize>, sentence: &mut Option<String>) {
        let fields: Vec<&str> = l.split('\t').collect();
        let offsets = fields.get(1).and_then(|o| o.split_once('-'));
        let Some((Ok(begin), Ok(end))) = offsets.map(|(a, b)| (a.parse::<usize>(), b.parse::<usize>())) else {
            return self.problems.push(Problem::line(place, n, "expected SENT-TOKEN<TAB>BEGIN-END<TAB>TOKEN…"));
        };
        if let Some(s) = sentence.take() {
            if self.len16 == begin + 1 && self.text.ends_with('\n') {
                self.text.pop();
                self.len16 -= 1;
            } else if self.len16 > begin {
                self.problems.push(Problem::line(
                    place,
                    n,
                    format!("the sentence starts at {begin}, inside the one before it"),
                ));
            }
            let pad = begin.saturating_sub(self.len16);
            self.text.extend(std::iter::repeat_n(' ', pad));
            self.len16 += pad + s.encode_utf16().count();
            self.text.push_str(&s);
        }
        let unit = self.units.len();
        let text = unescape_value(fields.get(2).copied().unwrap_or(""));
        self.units.push(Unit { line: n, begin, end, text });
        let value = column.and_then(|c| fields.get(3 + c)).copied().unwrap_or("_");
        self.entities(place, n, unit, value);
    }

    /// The named entities of a unit's column: `_`, `LABEL`, `LABEL[n]`,
    /// stacked with `|`.
    fn entities(&mut self, place: &str, n: usize, unit: usize, value: &str) {
        if value == "_" {
            return;
        }
        let stacked = split_unescaped(value, '|');
        if stacked.len() > 1 {
            let msg = format!("{} stacked named entities ({value}); the first was taken", stacked.len());
            self.problems.push(Problem::line(place, n, msg));
        }
        let v = stacked[0];
        let (label, id) = match v.strip_suffix(']').filter(|_| !v.ends_with("\\]")).and_then(|s| s.rsplit_once('[')) {
            Some((label, id)) => (label, Some(id)),
            None => (v, None),
        };
        if label == "*" || label.is_empty() {
            return self.problems.push(Problem::line(place, n, "a named entity without a value; not imported"));
        }
        let label = unescape_value(label);
        match id {
            Some(id) => {
                let e = self.multi.entry(id.to_string()).or_insert((label, unit, unit));
                e.2 = unit;
            }
            None => self.single.push((label, unit)),
        }
    }

    /// The text (without the line break the last sentence gets), the spans
    /// in code points and the problems.
    fn finish(mut self, place: &str) -> (String, Vec<Span>, Vec<Problem>) {
        if self.text.ends_with('\n') {
            self.text.pop();
        }
        let table = OffsetTable::new(&self.text);
        let chars = |a: usize, b: usize| Some(table.utf16_to_char(a)?..table.utf16_to_char(b)?);
        for u in &self.units {
            let covered = chars(u.begin, u.end).and_then(|r| crate::units::slice(&self.text, &table, r));
            if covered != Some(u.text.as_str()) {
                let msg = format!(
                    "token «{}» at {}–{} is not the text there («{}»); are the offsets UTF-16 units?",
                    u.text,
                    u.begin,
                    u.end,
                    covered.unwrap_or("")
                );
                self.problems.push(Problem::line(place, u.line, msg));
            }
        }
        let mut found = Vec::new();
        let all = self.single.iter().map(|(l, u)| (l, *u, *u)).chain(self.multi.values().map(|(l, a, b)| (l, *a, *b)));
        for (label, a, b) in all {
            let (first, last) = (&self.units[a], &self.units[b]);
            match chars(first.begin, last.end) {
                Some(r) if r.start < r.end => found.push((first.line, Span::new(r.start, r.end, label.clone()))),
                _ => self.problems.push(Problem::line(place, first.line, format!("{label}: offsets outside the text"))),
            }
        }
        found.sort_by_key(|(line, _)| *line);
        let (spans, mut overlaps) = keep_disjoint(place, found);
        self.problems.append(&mut overlaps);
        self.problems.sort_by_key(|p| p.line_number());
        (self.text, spans, self.problems)
    }
}

/// `s` split at each `sep` that no backslash escapes.
fn split_unescaped(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut from, mut prev) = (0, None);
    for (i, c) in s.char_indices() {
        if c == sep && prev != Some('\\') {
            parts.push(&s[from..i]);
            from = i + c.len_utf8();
        }
        prev = Some(c);
    }
    parts.push(&s[from..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn utf16_offsets_sentences_per_line_and_ids_on_spans_of_several_tokens() {
        let mut d = Document::new("x", "🙂 شرکت ایران(ایمیدرو)\n\n  سازمان توسعه گفت");
        d.spans = vec![Span::new(7, 12, "LOC"), Span::new(13, 20, "ORG"), Span::new(25, 37, "ORG")];
        let tsv = tsv(&d, false);
        assert_eq!(
            tsv,
            "#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\n\n\
             #Text=🙂 شرکت ایران(ایمیدرو)\n#Text=\n\
             1-1\t0-2\t🙂\t_\n1-2\t3-7\tشرکت\t_\n1-3\t8-13\tایران\tLOC\n1-4\t13-14\t(\t_\n\
             1-5\t14-21\tایمیدرو\tORG\n1-6\t21-22\t)\t_\n\n\
             #Text=سازمان توسعه گفت\n\
             2-1\t26-32\tسازمان\tORG[1]\n2-2\t33-38\tتوسعه\tORG[1]\n2-3\t39-42\tگفت\t_\n"
        );
        let p = read("x.tsv", tsv.as_bytes(), w1256);
        assert!(p.all_problems().is_empty() && p.notes.is_empty(), "{p:?}");
        let back = &p.records[0].doc;
        assert_eq!((back.text.as_str(), back.status), (d.text.as_str(), Status::Done));
        assert_eq!(back.spans, d.spans);
    }

    #[test]
    fn a_text_the_tsv_cannot_hold_comes_back_from_the_manifest() {
        let mut d = Document::new("a", "\n\tشرکت ایران\n\t\tگفت");
        d.spans = vec![Span::new(7, 12, "LOC")];
        let blank = Document::new("b", " \n");
        let plain = Document::new("c", "شرکت\n  گفت");
        let docs = [d, blank, plain];
        let files = write(&docs, &ExportOptions::default());
        let p = read(&files[0].name, &files[0].bytes, w1256);
        assert!(p.all_problems().is_empty(), "{:?}", p.all_problems());
        let back: Vec<_> = p.records.iter().map(|r| (r.doc.text.as_str(), r.doc.spans.clone())).collect();
        assert_eq!(back, docs.iter().map(|d| (d.text.as_str(), d.spans.clone())).collect::<Vec<_>>());
        // the TSV alone gives spaces at the same offsets; the manifest has only the texts it needs
        assert_eq!(rebuilt(&tsv(&docs[0], false)), "  شرکت ایران\n  گفت");
        let (entries, _) = archive::read(&files[0].bytes).unwrap();
        let m = String::from_utf8(entries.iter().find(|e| e.name == manifest::NAME).unwrap().bytes.clone()).unwrap();
        assert_eq!(m.matches("\"text\"").count(), 2, "{m}");
    }

    #[test]
    fn a_manifest_text_that_is_not_the_tsv_s_is_named_and_the_tsv_kept() {
        let d = Document::new("a", "\tشرکت");
        let mut files = write(&[d], &ExportOptions::default());
        let (mut entries, _) = archive::read(&files[0].bytes).unwrap();
        let m = entries.iter_mut().find(|e| e.name == manifest::NAME).unwrap();
        m.bytes = String::from_utf8(m.bytes.clone()).unwrap().replace("\\tشرکت", "\\tعراق").into_bytes();
        files[0].bytes = archive::write(&entries);
        let p = read("w.zip", &files[0].bytes, w1256);
        assert_eq!(p.records[0].doc.text, " شرکت");
        let why = p.all_problems().iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert_eq!(why.len(), 1, "{why:?}");
        assert!(why[0].contains("w.zip/barchasb-documents.jsonl") && why[0].contains("differs"), "{why:?}");
    }

    #[test]
    fn escapes_go_both_ways() {
        for s in ["a_b|c[1]", "x->y;z*", "\\", "tab\there"] {
            assert_eq!(unescape_value(&escape_value(s)), s);
        }
        assert_eq!(escape_value("a_b->c"), "a\\_b\\->c");
        assert_eq!(escape_text("a\tb\\c\r\u{1}"), "a\\tb\\\\c\\r\\\u{1}");
        assert_eq!(unescape_text("a\\tb\\\\c\\r\\\u{1}"), "a\tb\\c\r\u{1}");
        assert_eq!(split_unescaped("A[1]|B\\|C|D", '|'), ["A[1]", "B\\|C", "D"]);
    }

    #[test]
    fn an_inception_file_reads_with_other_layers_noted_and_bad_lines_named() {
        let tsv = "#FORMAT=WebAnno TSV 3.3\n\
                   #T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n\
                   #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n\
                   #Text=Ms. Haag plays\n\
                   1-1\t0-3\tMs.\tNNP\t*\tPER[1]|OTH[2]\n1-2\t4-8\tHaag\tNNP\t*\tPER[1]\n\
                   1-3\t9-14\tplays\tVBZ\t_\t_\n1-3.1\t9-13\tplay\t_\t*\t*\n\n\
                   #Text=Ok\n1-1\t16-18\tOk\t_\t_\t_";
        let p = read("inc.tsv", tsv.as_bytes(), w1256);
        let d = &p.records[0].doc;
        assert_eq!(d.text, "Ms. Haag plays\n Ok");
        assert_eq!(d.spans, [Span::new(0, 8, "PER")]);
        let problems: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("inc.tsv:7: 2 stacked named entities"), "{problems:?}");
        assert!(problems[1].starts_with("inc.tsv:10: a named entity without a value"), "{problems:?}");
        assert_eq!(p.notes, ["inc.tsv: layer(s) POS not imported (barchasb reads NamedEntity values)"]);
    }
}
