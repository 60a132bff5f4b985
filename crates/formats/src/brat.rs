//! brat standoff: for each document `STEM.txt` (the text) and `STEM.ann`
//! (`T1\tORG 11 18\tایمیدرو`, one text-bound annotation a line), several
//! documents in one `.zip` with brat's `annotation.conf` (the entity types)
//! and `barchasb-documents.jsonl` ([`crate::manifest`]: ids, statuses,
//! suggestions and other fields, which brat has no place for).
//!
//! **Offsets.** Characters of the `.txt` as brat's server reads it, which
//! is code points: `server/src/annotation.py` opens the text with
//! `codecs.open(…, encoding='utf8')` in universal-newline mode and checks
//! each span as `self._document_text[start:end]` against the text written
//! after it. Universal newlines make `\r\n` one character, so a span after
//! a `\r\n` cannot be written (the export gate names it) and a `.txt` read
//! here has its `\r\n` and `\r` made `\n` first, as brat does. brat on a
//! narrow Python 2 build counts UTF-16 units instead: a span whose code
//! points miss its text but whose UTF-16 units cover it is converted, with
//! a note.
//!
//! **Spans.** A span that crosses a line break is written as brat writes
//! one, fragments around the break (`T1\tORG 0 5;6 9\tایران چین`), and a
//! discontinuous span whose gaps are only white space reads back as one
//! span. Other discontinuous spans, relations, events, attributes,
//! normalizations and notes are not this project's model: each is named by
//! file and line, and the rest of the file is taken.
//!
//! **Ids and status.** brat keeps none: a pair without a manifest line is
//! named by its path in the archive without `.txt` (`news/08`) and is
//! confirmed work (`done`); a `.txt` without its `.ann` is `new`.

use crate::archive::{self, Entry};
use crate::decode::{decode_with, Windows1256};
use crate::export::{label_names, ExportOptions, OutFile};
use crate::manifest::{self, Manifest};
use crate::problem::Problem;
use crate::read::{stem, Parsed};
use crate::units::{locate, slice, Unit};
use barchasb_core::{Document, OffsetTable, Span, Status};

/// brat's configuration files, read by brat and passed over here.
const CONFIGS: [&str; 4] = ["annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf"];

/// Writes the documents' pairs, `annotation.conf` and the manifest in a zip.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let stems = manifest::stems(docs);
    let mut files = Vec::new();
    for (d, stem) in docs.iter().zip(&stems) {
        files.push(Entry { name: format!("{stem}.txt"), bytes: d.text.clone().into_bytes() });
        files.push(Entry { name: format!("{stem}.ann"), bytes: ann(d).into_bytes() });
    }
    files.push(Entry { name: "annotation.conf".into(), bytes: conf(docs, opts).into_bytes() });
    files.push(manifest::write(docs, &stems, opts, &[]));
    vec![OutFile { name: format!("{}.{}", opts.base, crate::Format::Brat.extension()), bytes: archive::write(&files) }]
}

/// The `.ann` of a document: one `T` line per span.
fn ann(d: &Document) -> String {
    let table = OffsetTable::new(&d.text);
    let mut out = String::new();
    for (k, s) in d.spans.iter().enumerate() {
        let parts = fragments(&d.text, &table, s);
        let offsets: Vec<String> = parts.iter().map(|(a, b)| format!("{a} {b}")).collect();
        let texts: Vec<&str> = parts.iter().filter_map(|&(a, b)| slice(&d.text, &table, a..b)).collect();
        out.push_str(&format!("T{}\t{} {}\t{}\n", k + 1, s.label, offsets.join(";"), texts.join(" ")));
    }
    out
}

/// A span's parts between its line breaks, as brat makes a selection
/// across lines; the gate keeps spans from starting or ending at a break.
fn fragments(text: &str, table: &OffsetTable, s: &Span) -> Vec<(usize, usize)> {
    let covered = slice(text, table, s.start..s.end).unwrap_or_default();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in covered.chars().enumerate() {
        match (is_break(c), open) {
            (true, Some(a)) => {
                parts.push((s.start + a, s.start + i));
                open = None;
            }
            (false, None) => open = Some(i),
            _ => {}
        }
    }
    if let Some(a) = open {
        parts.push((s.start + a, s.end));
    }
    parts
}

/// A character that ends a line in brat's `.ann` (and in its text).
pub(crate) fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// brat's `annotation.conf`: the labels as entity types.
fn conf(docs: &[Document], opts: &ExportOptions) -> String {
    let mut out = String::from("[entities]\n");
    for l in label_names(docs, opts) {
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    out
}

/// Reads a zip of brat pairs. A lone `.ann` needs its `.txt`
/// ([`read_brat_pair`]).
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    if name.to_lowercase().ends_with(".ann") && !archive::is_zip(bytes) {
        out.problems.push(Problem::file(name, "a brat .ann is read with its .txt: give X.ann with X.txt beside it"));
        return out;
    }
    match archive::read(bytes) {
        Ok((entries, bad)) => {
            out.problems.extend(bad.into_iter().map(|b| Problem::file(name, b)));
            read_entries(name, &entries, w1256, &mut out);
        }
        Err(e) => out.problems.push(Problem::file(name, e)),
    }
    if out.records.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::file(name, "the archive has no brat .txt files"));
    }
    out
}

/// A lone brat pair: `name` is the `.ann`'s path (the document is named
/// after its stem), `txt` and `ann` the two files' bytes.
pub fn read_brat_pair(name: &str, txt: &[u8], ann: &[u8], w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    let txt_name = format!("{}.txt", name.strip_suffix(".ann").unwrap_or(name));
    let pair = Pair { stem: stem(name), txt_place: &txt_name, txt, ann: Some((name, ann)) };
    pair.read(&Manifest::default(), w1256, &mut out);
    out
}

fn read_entries(archive: &str, entries: &[Entry], w1256: Windows1256, out: &mut Parsed) {
    let (manifest, problems) = Manifest::read(archive, entries.iter().find(|e| e.name == manifest::NAME), w1256);
    out.problems.extend(problems);
    let without = |e: &Entry, ext: &str| e.name.strip_suffix(ext).map(str::to_string);
    for e in entries {
        let place = format!("{archive}/{}", e.name);
        if let Some(stem) = without(e, ".txt") {
            let ann = entries.iter().find(|a| without(a, ".ann").as_ref() == Some(&stem));
            let ann_place = ann.map(|a| format!("{archive}/{}", a.name));
            let ann = ann.zip(ann_place.as_deref()).map(|(a, p)| (p, a.bytes.as_slice()));
            Pair { stem: &stem, txt_place: &place, txt: &e.bytes, ann }.read(&manifest, w1256, out);
        } else if let Some(stem) = without(e, ".ann") {
            if !entries.iter().any(|t| without(t, ".txt").as_ref() == Some(&stem)) {
                out.problems.push(Problem::file(&place, format!("no {stem}.txt beside it; not imported")));
            }
        } else if e.name != manifest::NAME && !CONFIGS.iter().any(|c| e.name.ends_with(c)) {
            out.notes.push(format!("{place}: not a brat .txt or .ann; passed over"));
        }
    }
}

/// A document's two files.
struct Pair<'a> {
    stem: &'a str,
    txt_place: &'a str,
    txt: &'a [u8],
    /// The `.ann`'s place and bytes; `None` for a text not annotated yet.
    ann: Option<(&'a str, &'a [u8])>,
}

impl Pair<'_> {
    fn read(&self, manifest: &Manifest, w1256: Windows1256, out: &mut Parsed) {
        let text = match decode_with(self.txt, w1256) {
            Ok(d) => universal_newlines(self.txt_place, d.text, &mut out.notes),
            Err(e) => return out.problems.push(Problem::undecodable(self.txt_place, &e)),
        };
        let (spans, problems, place, status) = match self.ann {
            Some((place, bytes)) => match decode_with(bytes, w1256) {
                Ok(d) => {
                    let (spans, problems) = parse_ann(place, &d.text, &text, &mut out.notes);
                    (spans, problems, place, Status::Done)
                }
                Err(e) => return out.problems.push(Problem::undecodable(place, &e)),
            },
            None => (Vec::new(), Vec::new(), self.txt_place, Status::New),
        };
        match manifest.document(self.stem, place, text, spans, status) {
            Ok(mut r) => {
                r.problems.splice(0..0, problems);
                out.records.push(r);
            }
            Err(p) => out.problems.extend(problems.into_iter().chain([p])),
        }
    }
}

/// The text as brat reads it: `\r\n` and `\r` made `\n`.
fn universal_newlines(place: &str, text: String, notes: &mut Vec<String>) -> String {
    if !text.contains('\r') {
        return text;
    }
    notes.push(format!("{place}: line ends \\r\\n and \\r were read as \\n, as brat reads them"));
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The spans of an `.ann`, sorted and without overlaps; a problem for each
/// line not taken.
fn parse_ann(place: &str, ann: &str, text: &str, notes: &mut Vec<String>) -> (Vec<Span>, Vec<Problem>) {
    let table = OffsetTable::new(text);
    let mut found: Vec<(usize, Span)> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let at = |m: String| Problem::line(place, n, m);
        match kind(line) {
            None => match text_bound(line, text, &table) {
                Ok((span, Unit::CodePoints)) => found.push((n, span)),
                Ok((span, Unit::Utf16)) => {
                    notes.push(at(format!("counts UTF-16 units; read as {}–{}", span.start, span.end)).to_string());
                    found.push((n, span));
                }
                Err(why) => problems.push(at(why)),
            },
            Some(what) => {
                problems.push(at(format!("is a brat {what}; barchasb keeps entities only, so it was not imported")))
            }
        }
    }
    let (spans, mut overlaps) = keep_disjoint(place, found);
    problems.append(&mut overlaps);
    problems.sort_by_key(|p| p.line_number());
    (spans, problems)
}

/// The spans found (each with its line, in the file's order) without
/// overlaps: a span that overlaps one taken before it is left out, and
/// named; the rest sorted.
pub(crate) fn keep_disjoint(place: &str, found: Vec<(usize, Span)>) -> (Vec<Span>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut kept: Vec<(usize, Span)> = Vec::new();
    for (n, s) in found {
        let at = kept.partition_point(|(_, k)| k.start < s.start);
        let clash = [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .find_map(|i| kept.get(i).filter(|(_, k)| k.overlaps(&s)));
        match clash {
            Some((pn, p)) => problems.push(Problem::line(
                place,
                n,
                format!(
                    "{} {}–{} overlaps {} {}–{} (line {pn}), which was kept",
                    s.label, s.start, s.end, p.label, p.start, p.end
                ),
            )),
            None => kept.insert(at, (n, s)),
        }
    }
    (kept.into_iter().map(|(_, s)| s).collect(), problems)
}

/// What a line that is not a text-bound annotation is; `None` for a `T` line.
fn kind(line: &str) -> Option<&'static str> {
    Some(match line.chars().next()? {
        'T' => return None,
        'R' => "relation",
        'E' => "event",
        'A' | 'M' => "attribute",
        'N' => "normalization",
        '*' => "equivalence",
        '#' => "note",
        _ => "line of no kind brat has (lines start T, R, E, A, M, N, * or #)",
    })
}

/// A `T` line as a span: `ID\tTYPE START END[;START END…]\tTEXT`.
fn text_bound(line: &str, text: &str, table: &OffsetTable) -> Result<(Span, Unit), String> {
    let mut cols = line.splitn(3, '\t');
    let (_id, Some(middle), claimed) = (cols.next(), cols.next(), cols.next()) else {
        return Err("expected \"ID<TAB>TYPE START END<TAB>TEXT\"".into());
    };
    let (label, offsets) = middle.split_once(' ').ok_or("has no offsets after its type")?;
    if label.is_empty() {
        return Err("has no entity type before its offsets".into());
    }
    let parts = offsets
        .split(';')
        .map(|p| {
            let (a, b) = p.trim().split_once(' ').ok_or(())?;
            Ok::<_, ()>((a.parse::<usize>().map_err(|_| ())?, b.parse::<usize>().map_err(|_| ())?))
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| format!("has offsets {offsets:?}, not START END pairs of whole numbers"))?;
    let (start, end) = (parts[0].0, parts[parts.len() - 1].1);
    let n = table.char_len();
    if parts.iter().any(|&(a, b)| b <= a || b > n) || parts.windows(2).any(|w| w[1].0 < w[0].1) {
        return Err(format!("has offsets {offsets} that are empty, reversed or past the text's end ({n} characters)"));
    }
    if parts.len() > 1
        && !parts.windows(2).all(|w| slice(text, table, w[0].1..w[1].0).is_some_and(|g| g.trim().is_empty()))
    {
        return Err(format!("is a discontinuous span ({offsets}), which is not one span here; not imported"));
    }
    let span = |r: std::ops::Range<usize>| Span::new(r.start, r.end, label);
    let Some(claimed) = claimed.map(|c| c.trim_end_matches('\r')) else {
        return Ok((span(start..end), Unit::CodePoints));
    };
    if parts.len() == 1 {
        if let Some((r, unit)) = locate(text, table, start, end, claimed) {
            return Ok((span(r), unit));
        }
    }
    let covered: Vec<&str> = parts.iter().filter_map(|&(a, b)| slice(text, table, a..b)).collect();
    let covered = covered.join(" ");
    if covered == claimed {
        return Ok((span(start..end), Unit::CodePoints));
    }
    Err(format!("({offsets}) says its text is «{claimed}» but covers «{covered}»; are its offsets in another unit?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn a_pair_reads_its_spans_and_names_what_it_leaves() {
        let txt = "🙂 شرکت ایران(ایمیدرو)\nدر تهران";
        let ann = "T1\tORG 13 20\tایمیدرو\nT2\tLOC 7 12\tایران\nR1\tPart Arg1:T1 Arg2:T2\n\
                   T3\tLOC 8 20\tیران(ایمیدرو\nT4\tLOC 14 21\tایمیدرو\nT5\tLOC 7 12;22 24\tایران در\n\
                   T6\tLOC 25 30\tتهران\n#1\tAnnotatorNotes T1\tok\n";
        let p = read_brat_pair("x/08.ann", txt.as_bytes(), ann.as_bytes(), w1256);
        let d = &p.records[0].doc;
        assert_eq!((d.id.as_str(), d.status), ("08", Status::Done));
        assert_eq!(d.spans, [Span::new(7, 12, "LOC"), Span::new(13, 20, "ORG"), Span::new(25, 30, "LOC")]);
        let problems: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems[0].starts_with("x/08.ann:3: is a brat relation"), "{problems:#?}");
        assert!(problems[1].starts_with("x/08.ann:4: LOC 8–20 overlaps"), "{problems:#?}");
        assert!(problems[2].starts_with("x/08.ann:5: LOC 13–20 overlaps"), "UTF-16 read: {problems:#?}");
        assert!(problems[3].starts_with("x/08.ann:6: is a discontinuous span (7 12;22 24)"), "{problems:#?}");
        assert!(problems[4].starts_with("x/08.ann:8: is a brat note"), "{problems:#?}");
        assert_eq!(p.notes, ["x/08.ann:5: counts UTF-16 units; read as 13–20"]);
    }

    /// Found by `fuzz/` (brat_ann): a `T` line with no type (`T4\t 33 44`)
    /// gave a span with an empty label.
    #[test]
    fn a_span_without_a_type_is_named_not_taken() {
        let p =
            read_brat_pair("x.ann", "ایران و چین".as_bytes(), "T1\t 0 5\tایران\nT2\tLOC 8 11\tچین\n".as_bytes(), w1256);
        assert_eq!(p.records[0].doc.spans, [Span::new(8, 11, "LOC")]);
        let problems: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["x.ann:1: has no entity type before its offsets"]);
    }

    #[test]
    fn a_zip_from_brat_reads_its_pairs_and_says_what_it_passes_over() {
        let e = |name: &str, text: &str| Entry { name: name.into(), bytes: text.as_bytes().to_vec() };
        let zip = archive::write(&[
            e("data/news/a.txt", "ایمیدرو\r\nگفت"),
            e("data/news/a.ann", "T1\tORG 0 7\tایمیدرو\n"),
            e("data/news/b.txt", "متن"),
            e("data/news/c.ann", "T1\tORG 0 1\tx\n"),
            e("data/news/annotation.conf", "[entities]\nORG\n"),
            e("data/readme.md", "hi"),
        ]);
        let p = read("c.zip", &zip, w1256);
        let docs: Vec<(&str, &str, Status, usize)> = p
            .records
            .iter()
            .map(|r| (r.doc.id.as_str(), r.doc.text.as_str(), r.doc.status, r.doc.spans.len()))
            .collect();
        assert_eq!(docs, [("data/news/a", "ایمیدرو\nگفت", Status::Done, 1), ("data/news/b", "متن", Status::New, 0)]);
        let problems: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["c.zip/data/news/c.ann: no data/news/c.txt beside it; not imported"]);
        assert_eq!(p.notes.len(), 2, "{:?}", p.notes);
        assert!(p.notes[0].contains("a.txt: line ends"), "{:?}", p.notes);
        assert_eq!(p.notes[1], "c.zip/data/readme.md: not a brat .txt or .ann; passed over");
    }

    #[test]
    fn a_span_across_a_line_break_is_fragments_and_reads_back_whole() {
        let mut d = Document::new("n", "سازمان ایمیدرو \nایران گفت");
        d.spans = vec![Span::new(7, 21, "ORG")];
        assert_eq!(ann(&d), "T1\tORG 7 15;16 21\tایمیدرو  ایران\n");
        let p = read_brat_pair("n.ann", d.text.as_bytes(), ann(&d).as_bytes(), w1256);
        assert!(p.all_problems().is_empty(), "{p:?}");
        assert_eq!(p.records[0].doc.spans, d.spans);
    }
}
