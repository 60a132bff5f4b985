//! spaCy v3's `DocBin`, the `.spacy` file `spacy train` reads: zlib over
//! one MessagePack map (spaCy's `spacy/tokens/_serialize.py`):
//!
//! - `attrs`: the attribute ids of the token columns, ORTH first; written
//!   ORTH (65), ENT_IOB (77), ENT_TYPE (78).
//! - `tokens`: every token's row of `attrs` values, unsigned 64-bit
//!   little-endian, C order, all documents one after another; `lengths`:
//!   each document's token count (int32); `spaces`: one byte per token, 1
//!   when a space follows it.
//! - `strings`: every string the rows refer to by spaCy's id, MurmurHash64A
//!   of its UTF-8 with seed 1 (`spacy/strings.pyx`, `hash_string`).
//! - `cats`, `flags` (`has_unknown_spaces`), `span_groups` and `user_data`:
//!   one item per document; a user_data item is MessagePack of the doc's
//!   `user_data` dict, a span_groups item that of its `doc.spans`.
//!
//! **Tokens.** The project's own, split where a span starts or ends inside
//! one ([`crate::tokens::doc_tokens`]), so every span is whole tokens. White space is
//! laid out as spaCy's tokenizer lays it: one space after a token is its
//! `whitespace_`; any other white space between tokens (two spaces, a line
//! break) is a token of its own, so `doc.text` is the document's text
//! exactly and no entity starts or ends on a white-space token.
//!
//! **Entities** are `doc.ents` (ENT_IOB B=3, I=1, O=2 on every other token,
//! so a document's annotation is complete; ENT_TYPE the label's id). Each
//! doc's `user_data` holds `id`, `status` and the document's other fields
//! (`doc.user_data["id"]`); suggestions, when written, are the span group
//! `suggestions` (`doc.spans["suggestions"]`).
//!
//! **Reading** takes any DocBin (spaCy's own too): the text is the words and
//! their spaces, spans are the entities in code points, id and status come
//! from `user_data` when it has them (else `FILE-N` and `done`). Other
//! layers (tags, lemmas, parses, other span groups, categories, extension
//! attributes) are said in a note. A cut or corrupt file is named, never a
//! panic; problems name the file and the document's number.

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::{stem, Parsed, Record};
use crate::tokens::{doc_tokens, Tok};
use barchasb_core::{Document, Span};
use rmpv::Value;
use serde_json::{json, Map};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// spaCy's attribute ids (`spacy/attrs.pxd`).
const ORTH: u64 = 65;
const ENT_IOB: u64 = 77;
const ENT_TYPE: u64 = 78;
/// Columns whose values are other layers than entities, for the note.
const OTHER_LAYERS: [(u64, &str); 6] =
    [(73, "lemmas"), (74, "part-of-speech"), (75, "tags"), (76, "dependencies"), (79, "heads"), (453, "morphology")];
/// ENT_IOB values: `Token.iob_strings()` is `("", "I", "O", "B")`.
const IOB_I: u64 = 1;
const IOB_O: u64 = 2;
const IOB_B: u64 = 3;
/// The span group suggestions are written in.
const SUGGESTIONS: &str = "suggestions";
/// `srsly.msgpack_dumps([])`: a document without span groups.
const NO_SPAN_GROUPS: &[u8] = &[0x90];
/// No DocBin is inflated past this (a zip bomb is refused, not read).
const MAX_INFLATED: usize = 1 << 30;

/// spaCy's symbols (`spacy/symbols.pyx`, `NAMES`): strings whose id is
/// their place in this list, not their hash (`ORG` is 383, `ORTH` 65, `_`
/// 456). 0–18 are these, 19–63 `FLAG19`–`FLAG63`, 64–103 the next ones,
/// 104–379 `DEPRECATED001`–`DEPRECATED276`, 380–456 the last ones.
#[rustfmt::skip]
const SYMBOLS_HEAD: [&str; 19] = [
    "", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER", "LIKE_URL",
    "LIKE_NUM", "LIKE_EMAIL", "IS_STOP", "IS_OOV_DEPRECATED", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT", "IS_CURRENCY",
];
#[rustfmt::skip]
const SYMBOLS_MID: [&str; 40] = [
    "ID", "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "CLUSTER", "LEMMA", "POS", "TAG", "DEP",
    "ENT_IOB", "ENT_TYPE", "HEAD", "SENT_START", "SPACY", "PROB", "LANG", "ADJ", "ADP", "ADV", "AUX", "CONJ", "CCONJ",
    "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "EOL", "SPACE",
];
#[rustfmt::skip]
const SYMBOLS_TAIL: [&str; 77] = [
    "PERSON", "NORP", "FACILITY", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE", "LAW", "DATE",
    "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "acomp", "advcl", "advmod", "agent", "amod",
    "appos", "attr", "aux", "auxpass", "cc", "ccomp", "complm", "conj", "cop", "csubj", "csubjpass", "dep", "det",
    "dobj", "expl", "hmod", "hyph", "infmod", "intj", "iobj", "mark", "meta", "neg", "nmod", "nn", "npadvmod",
    "nsubj", "nsubjpass", "num", "number", "oprd", "obj", "obl", "parataxis", "partmod", "pcomp", "pobj", "poss",
    "possessive", "preconj", "prep", "prt", "punct", "quantmod", "relcl", "rcmod", "root", "xcomp", "acl",
    "ENT_KB_ID", "MORPH", "ENT_ID", "IDX", "_",
];

/// The symbols by id, and their ids by name.
fn symbols() -> &'static (Vec<String>, HashMap<String, u64>) {
    static SYMBOLS: OnceLock<(Vec<String>, HashMap<String, u64>)> = OnceLock::new();
    SYMBOLS.get_or_init(|| {
        let names: Vec<String> = SYMBOLS_HEAD
            .iter()
            .map(|s| s.to_string())
            .chain((19..=63).map(|n| format!("FLAG{n}")))
            .chain(SYMBOLS_MID.iter().map(|s| s.to_string()))
            .chain((1..=276).map(|n| format!("DEPRECATED{n:03}")))
            .chain(SYMBOLS_TAIL.iter().map(|s| s.to_string()))
            .collect();
        let ids = names.iter().enumerate().map(|(i, s)| (s.clone(), i as u64)).collect();
        (names, ids)
    })
}

/// spaCy's id of a string (`StringStore.add`): a symbol's place, else
/// MurmurHash64A of its UTF-8 with seed 1 (`hash_string`).
fn string_id(s: &str) -> u64 {
    symbols().1.get(s).copied().unwrap_or_else(|| murmur2::murmur64a(s.as_bytes(), 1))
}

/// One token as spaCy holds it: its text, its code points, and whether one
/// space follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    text: String,
    start: usize,
    end: usize,
    space: bool,
}

/// The words of `text` for spaCy: its tokens `toks` (in order, as
/// [`doc_tokens`] gives them), with the white space between them laid out
/// as spaCy's tokenizer does: the first space after a token is its
/// `whitespace_`, the rest of the gap one token.
fn words(text: &str, toks: &[Tok]) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| Word { text: chars[a..b].iter().collect(), start: a, end: b, space: false };
    let mut out: Vec<Word> = Vec::with_capacity(toks.len());
    let gap = |out: &mut Vec<Word>, mut a: usize, b: usize| {
        if a < b && chars[a] == ' ' {
            if let Some(last) = out.last_mut() {
                last.space = true;
                a += 1;
            }
        }
        if a < b {
            out.push(piece(a, b));
        }
    };
    let mut at = 0;
    for t in toks {
        gap(&mut out, at, t.start);
        out.push(piece(t.start, t.end));
        at = t.end;
    }
    gap(&mut out, at, chars.len());
    out
}

/// The first and last word (inclusive) of a span on word boundaries.
fn word_range(words: &[Word], s: &Span) -> Option<(usize, usize)> {
    let first = words.binary_search_by_key(&s.start, |w| w.start).ok()?;
    let last = words.binary_search_by_key(&s.end, |w| w.end).ok()?;
    (first <= last).then_some((first, last))
}

fn bin(bytes: Vec<u8>) -> Value {
    Value::Binary(bytes)
}

fn pack(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    rmpv::encode::write_value(&mut out, v).expect("writing to memory does not fail");
    out
}

fn map(pairs: Vec<(&str, Value)>) -> Value {
    Value::Map(pairs.into_iter().map(|(k, v)| (Value::from(k), v)).collect())
}

/// Writes documents that passed the gate as one DocBin.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let mut strings: BTreeSet<String> = BTreeSet::new();
    let (mut rows, mut spaces, mut lengths) = (Vec::new(), Vec::new(), Vec::new());
    let (mut span_groups, mut user_data, mut cats, mut flags) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for d in docs {
        let suggestions: &[Span] = if opts.suggestions { &d.suggestions } else { &[] };
        let ws = words(&d.text, &doc_tokens(d, opts.suggestions));
        let mut ents = vec![(IOB_O, 0u64); ws.len()];
        for s in &d.spans {
            let Some((a, b)) = word_range(&ws, s) else { continue }; // the gate let none through
            let label = string_id(&s.label);
            strings.insert(s.label.clone());
            ents[a] = (IOB_B, label);
            ents[a + 1..=b].iter_mut().for_each(|e| *e = (IOB_I, label));
        }
        for (w, (iob, label)) in ws.iter().zip(&ents) {
            for v in [string_id(&w.text), *iob, *label] {
                rows.extend_from_slice(&v.to_le_bytes());
            }
            spaces.push(u8::from(w.space));
            strings.insert(w.text.clone());
        }
        lengths.extend_from_slice(&(ws.len() as i32).to_le_bytes());
        span_groups.push(bin(suggestion_group(&ws, suggestions, &mut strings)));
        user_data.push(bin(pack(&doc_user_data(d))));
        cats.push(Value::Map(Vec::new()));
        flags.push(map(vec![("has_unknown_spaces", Value::from(false))]));
    }
    let msg = map(vec![
        ("version", Value::from("0.1")),
        ("attrs", Value::Array(vec![ORTH.into(), ENT_IOB.into(), ENT_TYPE.into()])),
        ("tokens", bin(rows)),
        ("spaces", bin(spaces)),
        ("lengths", bin(lengths)),
        ("strings", Value::Array(strings.into_iter().map(Value::from).collect())),
        ("cats", Value::Array(cats)),
        ("flags", Value::Array(flags)),
        ("span_groups", Value::Array(span_groups)),
        ("user_data", Value::Array(user_data)),
    ]);
    let bytes = miniz_oxide::deflate::compress_to_vec_zlib(&pack(&msg), 6);
    vec![OutFile { name: format!("{}.{}", opts.base, crate::Format::Spacy.extension()), bytes }]
}

/// A document's `doc.spans` as `SpanGroups.to_bytes` writes it: a map from
/// each group's bytes to its keys; the group `{"name","attrs","spans"}`
/// with each span packed as `>QQQllll` (id, kb_id, label, start and end
/// token, start and end character).
fn suggestion_group(ws: &[Word], suggestions: &[Span], strings: &mut BTreeSet<String>) -> Vec<u8> {
    if suggestions.is_empty() {
        return NO_SPAN_GROUPS.to_vec();
    }
    let mut spans = Vec::new();
    for s in suggestions {
        let Some((a, b)) = word_range(ws, s) else { continue }; // the gate let none through
        strings.insert(s.label.clone());
        let mut packed = Vec::with_capacity(40);
        for q in [0, 0, string_id(&s.label)] {
            packed.extend_from_slice(&q.to_be_bytes());
        }
        for l in [a, b + 1, s.start, s.end] {
            packed.extend_from_slice(&(l as i32).to_be_bytes());
        }
        spans.push(bin(packed));
    }
    let group = map(vec![
        ("name", Value::from(SUGGESTIONS)),
        ("attrs", Value::Map(Vec::new())),
        ("spans", Value::Array(spans)),
    ]);
    pack(&Value::Map(vec![(bin(pack(&group)), Value::Array(vec![Value::from(SUGGESTIONS)]))]))
}

/// A document's `user_data`: its id, status and other fields.
fn doc_user_data(d: &Document) -> Value {
    let status = json!(d.status);
    let status = Value::from(status.as_str().unwrap_or("new"));
    let mut fields = vec![(Value::from("id"), Value::from(d.id.as_str())), (Value::from("status"), status)];
    for (k, v) in &d.meta {
        if !["id", "status", "text", "spans", "suggestions"].contains(&k.as_str()) {
            fields.push((Value::from(k.as_str()), from_json(v)));
        }
    }
    Value::Map(fields)
}

fn from_json(v: &serde_json::Value) -> Value {
    use serde_json::Value as J;
    match v {
        J::Null => Value::Nil,
        J::Bool(b) => Value::from(*b),
        J::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Value::from(u),
            (_, Some(i)) => Value::from(i),
            _ => Value::from(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => Value::from(s.as_str()),
        J::Array(a) => Value::Array(a.iter().map(from_json).collect()),
        J::Object(o) => Value::Map(o.iter().map(|(k, v)| (Value::from(k.as_str()), from_json(v))).collect()),
    }
}

/// A MessagePack value as JSON, when it has a JSON form (maps with names
/// as keys, no bytes or extension types).
fn to_json(v: &Value) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    Some(match v {
        Value::Nil => J::Null,
        Value::Boolean(b) => J::Bool(*b),
        Value::Integer(i) => match (i.as_u64(), i.as_i64()) {
            (Some(u), _) => J::from(u),
            (_, Some(i)) => J::from(i),
            _ => return None,
        },
        Value::F32(f) => serde_json::Number::from_f64(f64::from(*f)).map(J::Number)?,
        Value::F64(f) => serde_json::Number::from_f64(*f).map(J::Number)?,
        Value::String(s) => J::String(s.as_str()?.to_string()),
        Value::Array(a) => J::Array(a.iter().map(to_json).collect::<Option<_>>()?),
        Value::Map(m) => {
            J::Object(m.iter().map(|(k, v)| Some((k.as_str()?.to_string(), to_json(v)?))).collect::<Option<_>>()?)
        }
        Value::Binary(_) | Value::Ext(..) => return None,
    })
}

/// The value of `key` in a MessagePack map.
fn get<'a>(m: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    m.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
}

/// A DocBin's top level, checked.
struct DocBin {
    attrs: Vec<u64>,
    /// Every token's row, all documents in turn.
    rows: Vec<u64>,
    spaces: Vec<bool>,
    lengths: Vec<usize>,
    strings: HashMap<u64, String>,
    /// Per document, where given.
    unknown_spaces: Vec<bool>,
    span_groups: Vec<Option<Vec<u8>>>,
    user_data: Vec<Option<Vec<u8>>>,
    /// Documents with text categories.
    with_cats: usize,
}

impl DocBin {
    /// The DocBin in `bytes`, or why it is not one.
    fn parse(bytes: &[u8]) -> Result<DocBin, String> {
        if bytes.is_empty() {
            return Err("the file is empty".into());
        }
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_INFLATED).map_err(|e| {
            use miniz_oxide::inflate::TINFLStatus as S;
            let why = match e.status {
                S::FailedCannotMakeProgress | S::NeedsMoreInput => "it is cut short".to_string(),
                S::Adler32Mismatch => "its checksum does not match (damaged?)".to_string(),
                S::HasMoreOutput => format!("it unpacks to over {} MiB", MAX_INFLATED >> 20),
                _ => "it is not zlib data".to_string(),
            };
            format!("not a spaCy DocBin: the file is not whole zlib data: {why}")
        })?;
        let top = rmpv::decode::read_value(&mut &raw[..])
            .map_err(|e| format!("not a spaCy DocBin: its MessagePack cannot be read ({e})"))?;
        let Value::Map(m) = top else { return Err("not a spaCy DocBin: it holds no map of attrs and tokens".into()) };
        let need = |key: &str| get(&m, key).ok_or_else(|| format!("not a spaCy DocBin: it has no \"{key}\""));
        let bytes_of = |key: &str| match need(key)? {
            Value::Binary(b) => Ok(b.as_slice()),
            _ => Err(format!("the DocBin's \"{key}\" is not bytes")),
        };
        let attrs: Vec<u64> = match need("attrs")? {
            Value::Array(a) => a.iter().map(Value::as_u64).collect::<Option<_>>(),
            _ => None,
        }
        .filter(|a: &Vec<u64>| a.contains(&ORTH))
        .ok_or("the DocBin's \"attrs\" is not a list of attribute ids with ORTH")?;
        let lengths = bytes_of("lengths")?;
        if lengths.len() % 4 != 0 {
            return Err(format!("the DocBin's \"lengths\" is {} bytes, not int32s", lengths.len()));
        }
        let lengths: Vec<usize> = lengths
            .chunks_exact(4)
            .map(|c| usize::try_from(i32::from_le_bytes(c.try_into().expect("4 bytes"))).ok())
            .collect::<Option<_>>()
            .ok_or("the DocBin's \"lengths\" has a negative length")?;
        let too_many = || "the DocBin's \"lengths\" add up to more tokens than a file can hold".to_string();
        let total = lengths.iter().try_fold(0usize, |t, &n| t.checked_add(n)).ok_or_else(too_many)?;
        let size = total.checked_mul(attrs.len() * 8).ok_or_else(too_many)?;
        let tokens = bytes_of("tokens")?;
        if tokens.len() != size {
            return Err(format!(
                "the DocBin's \"tokens\" is {} bytes where {total} tokens of {} attributes take {size}; \
                 is the file cut short?",
                tokens.len(),
                attrs.len(),
            ));
        }
        let rows = tokens.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect();
        let spaces = bytes_of("spaces")?;
        if spaces.len() != total {
            return Err(format!("the DocBin's \"spaces\" has {} values for {total} tokens", spaces.len()));
        }
        let strings = match need("strings")? {
            Value::Array(a) => a.iter().map(|s| s.as_str().map(|s| (string_id(s), s.to_string()))).collect(),
            _ => None,
        }
        .ok_or("the DocBin's \"strings\" is not a list of strings")?;
        let list = |key: &str| match get(&m, key) {
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        };
        let blobs = |key: &str| list(key).iter().map(|v| v.as_slice().map(<[u8]>::to_vec)).collect();
        Ok(DocBin {
            rows,
            spaces: spaces.iter().map(|&b| b != 0).collect(),
            strings,
            unknown_spaces: list("flags")
                .iter()
                .map(|f| f.as_map().and_then(|f| get(f, "has_unknown_spaces")).and_then(Value::as_bool) == Some(true))
                .collect(),
            span_groups: blobs("span_groups"),
            user_data: blobs("user_data"),
            with_cats: list("cats").iter().filter(|c| c.as_map().is_some_and(|c| !c.is_empty())).count(),
            attrs,
            lengths,
        })
    }

    /// Reads every document into `out`.
    fn documents(&self, name: &str, out: &mut Parsed) {
        let col = |a: u64| self.attrs.iter().position(|&x| x == a);
        let (orth, iob, typ) = (col(ORTH).expect("checked in parse"), col(ENT_IOB), col(ENT_TYPE));
        let n_attrs = self.attrs.len();
        let mut layers = BTreeSet::new();
        let mut notes = Notes::default();
        let mut first = 0;
        for (k, &len) in self.lengths.iter().enumerate() {
            let rows: Vec<&[u64]> = self.rows[first * n_attrs..(first + len) * n_attrs].chunks(n_attrs).collect();
            let spaces = &self.spaces[first..first + len];
            first += len;
            for &(attr, layer) in &OTHER_LAYERS {
                if col(attr).is_some_and(|c| rows.iter().any(|r| r[c] != 0)) {
                    layers.insert(layer);
                }
            }
            let doc = Doc { bin: self, name, n: k + 1, rows, orth, iob, typ };
            let unknown = self.unknown_spaces.get(k).copied().unwrap_or(false);
            match doc.read(spaces, unknown, &mut notes) {
                Ok(r) => out.records.push(r),
                Err(p) => out.problems.push(p),
            }
        }
        notes.say(name, self, layers, &mut out.notes);
    }
}

/// What a DocBin held that barchasb does not read, gathered for notes.
#[derive(Default)]
struct Notes {
    unknown_spaces: Vec<usize>,
    span_groups: BTreeSet<String>,
    /// user_data entries whose key is not a name (spaCy's extension
    /// attributes) or whose value has no JSON form.
    user_data: Vec<usize>,
}

impl Notes {
    fn say(self, name: &str, bin: &DocBin, layers: BTreeSet<&str>, notes: &mut Vec<String>) {
        let docs = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
        if !layers.is_empty() {
            let layers: Vec<&str> = layers.into_iter().collect();
            notes.push(format!("{name}: {} not imported (barchasb reads entities)", layers.join(", ")));
        }
        if !self.span_groups.is_empty() {
            let groups: Vec<String> = self.span_groups.into_iter().collect();
            notes.push(format!("{name}: span group(s) {} not imported (barchasb reads entities)", groups.join(", ")));
        }
        if bin.with_cats > 0 {
            notes.push(format!("{name}: the text categories of {} document(s) were not imported", bin.with_cats));
        }
        if !self.unknown_spaces.is_empty() {
            notes.push(format!(
                "{name}: document(s) {} say their spaces are unknown; a space was put after each token, as spaCy does",
                docs(&self.unknown_spaces)
            ));
        }
        if !self.user_data.is_empty() {
            notes.push(format!(
                "{name}: document(s) {} have user_data entries that are not named fields of plain values \
                 (spaCy extension attributes, bytes); those were not imported",
                docs(&self.user_data)
            ));
        }
    }
}

/// One document of a DocBin being read.
struct Doc<'a> {
    bin: &'a DocBin,
    name: &'a str,
    /// Its number in the file, from 1.
    n: usize,
    rows: Vec<&'a [u64]>,
    orth: usize,
    iob: Option<usize>,
    typ: Option<usize>,
}

impl Doc<'_> {
    fn problem(&self, msg: impl std::fmt::Display) -> Problem {
        Problem::file(self.name, format!("document {}: {msg}", self.n))
    }

    /// The string of an id, as `StringStore.__getitem__` finds it.
    fn string(&self, id: u64) -> Option<&str> {
        let names = &symbols().0;
        match usize::try_from(id).ok().and_then(|i| names.get(i)) {
            Some(symbol) => Some(symbol),
            None => self.bin.strings.get(&id).map(String::as_str),
        }
    }

    fn read(&self, spaces: &[bool], unknown_spaces: bool, notes: &mut Notes) -> Result<Record, Problem> {
        let mut problems = Vec::new();
        let mut text = String::new();
        // Each token's first code point, and the text's length last.
        let mut starts = Vec::with_capacity(self.rows.len() + 1);
        let mut at = 0;
        for (i, row) in self.rows.iter().enumerate() {
            let word = self.string(row[self.orth]).filter(|w| !w.is_empty()).ok_or_else(|| {
                self.problem(format!(
                    "token {}'s text (string id {}) is not among the file's strings; the document was not read",
                    i + 1,
                    row[self.orth]
                ))
            })?;
            starts.push(at);
            text.push_str(word);
            at += word.chars().count();
            if spaces[i] || unknown_spaces {
                text.push(' ');
                at += 1;
            }
        }
        if unknown_spaces {
            notes.unknown_spaces.push(self.n);
        }
        let ends: Vec<usize> = (0..self.rows.len())
            .map(|i| starts.get(i + 1).copied().unwrap_or(at) - usize::from(spaces[i] || unknown_spaces))
            .collect();
        let span = |a: usize, b: usize, label: &str| json!({"start": starts[a], "end": ends[b - 1], "label": label});
        let mut spans = Vec::new();
        for (a, b, id) in self.entities(&mut problems) {
            match self.string(id).filter(|l| !l.is_empty()) {
                Some(label) => spans.push(span(a, b, label)),
                None => problems.push(self.problem(format!(
                    "the entity of tokens {}–{} has a label (string id {id}) not among the file's strings; left out",
                    a + 1,
                    b
                ))),
            }
        }
        let mut suggestions = Vec::new();
        for (group, a, b, id) in self.span_groups(&mut problems) {
            if group != SUGGESTIONS {
                notes.span_groups.insert(group);
            } else if let Some(label) = self.string(id).filter(|l| !l.is_empty() && a < b && b <= self.rows.len()) {
                suggestions.push(span(a, b, label));
            } else {
                problems.push(self.problem(format!(
                    "suggestion at tokens {a}–{b} is outside the document or has no label; left out"
                )));
            }
        }
        let mut fields = self.user_data(&mut problems, notes);
        fields.insert("text".into(), text.into());
        fields.insert("spans".into(), spans.into());
        if !suggestions.is_empty() {
            fields.insert("suggestions".into(), suggestions.into());
        }
        fields.entry("status").or_insert_with(|| "done".into());
        let fallback = format!("{}-{}", stem(self.name), self.n);
        let line = serde_json::Value::Object(fields).to_string();
        let on_doc = |p: Problem| self.problem(p.message());
        let mut record = crate::jsonl::read_line(self.name, self.n, &line, &fallback).map_err(on_doc)?;
        problems.extend(std::mem::take(&mut record.problems).into_iter().map(on_doc));
        record.problems = problems;
        record.annotated = true;
        Ok(record)
    }

    /// The entities as (first token, token after the last, label id), as
    /// `Doc.ents` reads ENT_IOB and ENT_TYPE; an I that no B opens starts an
    /// entity, and says so.
    fn entities(&self, problems: &mut Vec<Problem>) -> Vec<(usize, usize, u64)> {
        let Some(iob) = self.iob else { return Vec::new() };
        let mut ents = Vec::new();
        let mut open: Option<(usize, u64)> = None;
        for (i, row) in self.rows.iter().enumerate() {
            let typ = self.typ.map_or(0, |c| row[c]);
            let value = row[iob];
            let starts = match value {
                IOB_I if open.is_none() => {
                    problems.push(self.problem(format!(
                        "token {} is inside an entity (I) that no B begins; an entity begins there",
                        i + 1
                    )));
                    true
                }
                IOB_I => false,
                IOB_B => true,
                _ => {
                    if value > IOB_B {
                        problems.push(self.problem(format!("token {} has ENT_IOB {value}; read as O", i + 1)));
                    }
                    if let Some((a, t)) = open.take() {
                        ents.push((a, i, t));
                    }
                    continue;
                }
            };
            if starts {
                if let Some((a, t)) = open.take() {
                    ents.push((a, i, t));
                }
                open = Some((i, typ));
            }
        }
        ents.extend(open.map(|(a, t)| (a, self.rows.len(), t)));
        ents
    }

    /// The spans of the document's span groups: (group, first token, token
    /// after the last, label id).
    fn span_groups(&self, problems: &mut Vec<Problem>) -> Vec<(String, usize, usize, u64)> {
        let Some(Some(bytes)) = self.bin.span_groups.get(self.n - 1) else { return Vec::new() };
        if bytes.is_empty() || bytes == NO_SPAN_GROUPS {
            return Vec::new();
        }
        let bad = |what: &str| self.problem(format!("its span groups cannot be read ({what}); none taken"));
        // A map of each group's bytes to its keys, or (older) a list of groups.
        let decoded = rmpv::decode::read_value(&mut &bytes[..]);
        let groups: Vec<(&[u8], Option<String>)> = match &decoded {
            Ok(Value::Map(m)) => m
                .iter()
                .filter_map(|(g, keys)| {
                    let key = keys.as_array().and_then(|k| k.first()).and_then(Value::as_str).map(str::to_string);
                    Some((g.as_slice()?, key))
                })
                .collect(),
            Ok(Value::Array(a)) => a.iter().filter_map(|g| Some((g.as_slice()?, None))).collect(),
            Ok(_) => {
                problems.push(bad("not a map of groups"));
                return Vec::new();
            }
            Err(e) => {
                problems.push(bad(&e.to_string()));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (g, key) in groups {
            let Ok(Value::Map(group)) = rmpv::decode::read_value(&mut &g[..]) else {
                problems.push(bad("a group is not a map"));
                continue;
            };
            let Some(name) = key.or_else(|| get(&group, "name").and_then(Value::as_str).map(str::to_string)) else {
                problems.push(bad("a group has no name"));
                continue;
            };
            for s in get(&group, "spans").and_then(Value::as_array).map_or(&[][..], Vec::as_slice) {
                let Some(p) = s.as_slice().filter(|p| p.len() == 40) else {
                    problems.push(bad("a span is not 40 bytes"));
                    continue;
                };
                let q = |i: usize| u64::from_be_bytes(p[i..i + 8].try_into().expect("8 bytes"));
                let l = |i: usize| i32::from_be_bytes(p[i..i + 4].try_into().expect("4 bytes"));
                let (a, b) = (usize::try_from(l(24)).unwrap_or(usize::MAX), usize::try_from(l(28)).unwrap_or(0));
                out.push((name.clone(), a, b, q(16)));
            }
        }
        out
    }

    /// The document's `user_data` entries that are named fields of plain
    /// values.
    fn user_data(&self, problems: &mut Vec<Problem>, notes: &mut Notes) -> Map<String, serde_json::Value> {
        let mut fields = Map::new();
        let Some(Some(bytes)) = self.bin.user_data.get(self.n - 1) else { return fields };
        let entries = match rmpv::decode::read_value(&mut &bytes[..]) {
            Ok(Value::Map(m)) => m,
            Ok(_) => return fields,
            Err(e) => {
                problems.push(self.problem(format!("its user_data cannot be read ({e}); id and status not taken")));
                return fields;
            }
        };
        let mut skipped = false;
        for (k, v) in &entries {
            match (k.as_str(), to_json(v)) {
                (Some(k), Some(v)) if !["text", "spans", "suggestions"].contains(&k) => {
                    fields.insert(k.to_string(), v);
                }
                _ => skipped = true,
            }
        }
        if skipped {
            notes.user_data.push(self.n);
        }
        fields
    }
}

/// Reads one DocBin.
pub(crate) fn read(name: &str, bytes: &[u8], _w1256: Windows1256) -> Parsed {
    let mut out = Parsed::default();
    match DocBin::parse(bytes) {
        Ok(bin) => bin.documents(name, &mut out),
        Err(why) => out.problems.push(Problem::file(name, why)),
    }
    if out.records.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem::file(name, "the DocBin has no documents"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::Status;

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    fn shown(p: &Parsed) -> Vec<String> {
        p.all_problems().iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn string_ids_are_spacys() {
        // From spaCy 3.8: `nlp.vocab.strings[s]`, `hash_string(s)` but for
        // the symbols.
        let known: [(&str, u64); 17] = [
            ("PER", 4317129024397789502),
            ("FAC", 9191306739292312949),
            ("ORG", 383),
            ("", 0),
            ("ORTH", 65),
            ("FLAG19", 19),
            ("SPACE", 103),
            ("DEPRECATED001", 104),
            ("PERSON", 380),
            ("_", 456),
            ("a", 11901859001352538922),
            ("\n", 962983613142996970),
            ("abcdefgh", 17751780907874141760),
            ("abcdefghi", 13885881106499164936),
            ("ایران", 15078143031561992780),
            ("سازمان توسعه", 3592722780458997062),
            ("🙂", 3101843886198765765),
        ];
        for (s, id) in known {
            assert_eq!(string_id(s), id, "{s:?}");
        }
        assert_eq!(symbols().0.len(), 457);
        assert_eq!(symbols().0[ENT_TYPE as usize], "ENT_TYPE");
    }

    #[test]
    fn white_space_is_laid_out_as_spacys_tokenizer_does() {
        // spaCy 3.8's blank("fa") tokenizer: [(text, whitespace_)].
        let cases: [(&str, &[(&str, bool)]); 5] = [
            ("a  b", &[("a", true), (" ", false), ("b", false)]),
            ("a\nb", &[("a", false), ("\n", false), ("b", false)]),
            ("a \n b", &[("a", true), ("\n ", false), ("b", false)]),
            ("a\n\n  b ", &[("a", false), ("\n\n  ", false), ("b", true)]),
            ("  a   ", &[("  ", false), ("a", true), ("  ", false)]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, bool)> =
                words(text, &crate::tokens::tokens(text)).into_iter().map(|w| (w.text, w.space)).collect();
            let want: Vec<(String, bool)> = want.iter().map(|(t, s)| (t.to_string(), *s)).collect();
            assert_eq!(got, want, "{text:?}");
        }
        // A span's edge inside a word splits it, without a space.
        let mut d = Document::new("07", "خبرگزاری افکارنیوزبه نقل");
        d.spans = vec![Span::new(9, 18, "ORG")];
        let ws = words(&d.text, &doc_tokens(&d, false));
        let got: Vec<(&str, bool)> = ws.iter().map(|w| (w.text.as_str(), w.space)).collect();
        assert_eq!(got, [("خبرگزاری", true), ("افکارنیوز", false), ("به", true), ("نقل", false)]);
        assert_eq!(word_range(&ws, &Span::new(9, 18, "ORG")), Some((1, 1)));
    }

    fn sample() -> Vec<Document> {
        let mut a = Document::new("a/1", "🙂 شرکت ایران(ایمیدرو)  در\n\nسازمان توسعه\nو نوسازی گفت ");
        a.spans = vec![Span::new(7, 12, "LOC"), Span::new(13, 20, "ORG"), Span::new(27, 48, "ORG")];
        a.suggestions = vec![Span::new(2, 6, "MISC")];
        a.status = Status::InProgress;
        a.meta.insert("source".into(), json!({"site": "irna", "n": [1, -2, 2.5, null, true]}));
        let mut b = Document::new("۲", "  وزیر صنعت");
        b.status = Status::Done;
        vec![a, b, Document::new("empty-text", "")]
    }

    #[test]
    fn written_docbins_read_back_whole() {
        let docs = sample();
        let opts = ExportOptions { suggestions: true, base: "x".into(), ..Default::default() };
        let files = write(&docs, &opts);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].name, "x.spacy");
        assert_eq!(crate::detect("whatever.bin", &files[0].bytes), Some(crate::Format::Spacy));
        let back = read("x.spacy", &files[0].bytes, w1256);
        assert!(back.all_problems().is_empty() && back.notes.is_empty(), "{back:?}");
        let got: Vec<Document> = back.records.iter().map(|r| r.doc.clone()).collect();
        assert_eq!(got, docs);
        assert_eq!(back.records[1].place(), "x.spacy:2");
        // Without --suggestions they are not written.
        let plain = write(&docs, &ExportOptions::default());
        let back = read("x.spacy", &plain[0].bytes, w1256);
        assert!(back.records[0].doc.suggestions.is_empty());
        assert_eq!(back.records[0].doc.spans, docs[0].spans);
    }

    #[test]
    fn a_docbin_spacy_wrote_is_read_with_what_is_not_imported_noted() {
        // tests/fixtures/from_spacy.py: blank("fa"), DocBin(store_user_data=True).
        let bytes = include_bytes!("../tests/fixtures/from-spacy.spacy");
        let p = read("from-spacy.spacy", bytes, w1256);
        assert!(p.all_problems().is_empty(), "{:?}", shown(&p));
        let [a, b] = [&p.records[0].doc, &p.records[1].doc];
        assert_eq!((a.id.as_str(), a.status), ("imidro-7", Status::InProgress));
        assert_eq!(a.text, "سازمان توسعه و نوسازی معادن ایران  با شرکت ایمیدرو\nدر تهران دیدار کرد.");
        assert_eq!(a.spans, [Span::new(0, 33, "ORG"), Span::new(43, 50, "ORG"), Span::new(54, 59, "LOC")]);
        assert_eq!((b.id.as_str(), b.status), ("from-spacy-2", Status::Done));
        assert_eq!(b.text, "وزیر صنعت قزاقستان 🙂 در ۱۴۰۲ به ایران آمد");
        assert_eq!(b.spans, [Span::new(10, 18, "LOC"), Span::new(24, 28, "DATE"), Span::new(32, 37, "LOC")]);
        assert!(a.meta.is_empty() && b.suggestions.is_empty());
        assert_eq!(
            p.notes,
            [
                "from-spacy.spacy: span group(s) sc not imported (barchasb reads entities)",
                "from-spacy.spacy: the text categories of 1 document(s) were not imported",
                "from-spacy.spacy: document(s) 1 have user_data entries that are not named fields of plain values \
                 (spaCy extension attributes, bytes); those were not imported",
            ]
        );
    }

    /// A DocBin's MessagePack with `edit` applied to its top map, zlib'd.
    fn edited(edit: impl Fn(&mut Vec<(Value, Value)>)) -> Vec<u8> {
        let file = &write(&sample(), &ExportOptions::default())[0].bytes;
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(file).unwrap();
        let Ok(Value::Map(mut m)) = rmpv::decode::read_value(&mut &raw[..]) else { panic!("not a map") };
        edit(&mut m);
        miniz_oxide::deflate::compress_to_vec_zlib(&pack(&Value::Map(m)), 6)
    }

    fn set(m: &mut [(Value, Value)], key: &str, v: Value) {
        m.iter_mut().find(|(k, _)| k.as_str() == Some(key)).unwrap().1 = v;
    }

    #[test]
    fn cut_or_corrupt_files_are_named_not_a_panic() {
        let good = &write(&sample(), &ExportOptions::default())[0].bytes;
        let one = |bytes: &[u8]| {
            let p = read("c.spacy", bytes, w1256);
            assert!(p.records.is_empty(), "{p:?}");
            let s = shown(&p);
            assert_eq!(s.len(), 1, "{s:?}");
            s[0].clone()
        };
        // tests/bad-input/spacy/truncated.spacy: said as cut short, not by miniz's status name
        assert_eq!(
            one(&good[..good.len() / 2]),
            "c.spacy: not a spaCy DocBin: the file is not whole zlib data: it is cut short"
        );
        assert!(one(b"").contains("the file is empty"));
        assert!(one(b"PK\x03\x04 not this").contains("not whole zlib data"));
        let garbage = miniz_oxide::deflate::compress_to_vec_zlib(b"\x85\xa7vers", 6);
        assert!(one(&garbage).contains("its MessagePack cannot be read"));
        let short = edited(|m| set(m, "tokens", Value::Binary(vec![0; 16])));
        let why = one(&short);
        assert!(why.contains("\"tokens\" is 16 bytes where 18 tokens of 3 attributes take 432"), "{why}");
        assert!(one(&edited(|m| m.retain(|(k, _)| k.as_str() != Some("strings")))).contains("has no \"strings\""));
        assert!(one(&edited(|m| set(m, "lengths", Value::Binary(vec![255; 4])))).contains("negative length"));
        // A token whose text is not among the strings loses its document only.
        let p = read("c.spacy", &edited(|m| set(m, "strings", Value::Array(vec![]))), w1256);
        assert_eq!(p.records.len(), 1, "the empty document is still read");
        let s = shown(&p);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].starts_with("c.spacy: document 1: token 1's text (string id "), "{s:?}");
        assert!(s[1].starts_with("c.spacy: document 2: token 1's text"), "{s:?}");
    }

    #[test]
    fn entities_as_doc_ents_reads_them_and_bad_values_are_named() {
        // Rows ORTH ENT_IOB ENT_TYPE: an I with no B before it, ENT_IOB 7,
        // and a B with no label (O to spaCy).
        let words = ["a", "b", "c", "d"];
        let mut rows = Vec::new();
        for (w, iob, typ) in [("a", IOB_I, string_id("X")), ("b", 7, 0), ("c", IOB_B, 0), ("d", IOB_B, 12345)] {
            rows.extend([string_id(w), iob, typ]);
        }
        let strings = words.iter().chain(&["X"]).map(|s| (string_id(s), s.to_string())).collect();
        let bin = DocBin {
            attrs: vec![ORTH, ENT_IOB, ENT_TYPE],
            rows,
            spaces: vec![true; 4],
            lengths: vec![4],
            strings,
            unknown_spaces: vec![],
            span_groups: vec![],
            user_data: vec![],
            with_cats: 0,
        };
        let mut out = Parsed::default();
        bin.documents("e.spacy", &mut out);
        let d = &out.records[0].doc;
        assert_eq!((d.id.as_str(), d.text.as_str()), ("e-1", "a b c d "));
        assert_eq!(d.spans, [Span::new(0, 1, "X")]);
        let s = shown(&out);
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s[0].starts_with("e.spacy: document 1: token 1 is inside an entity (I) that no B begins"), "{s:?}");
        assert!(s[1].contains("token 2 has ENT_IOB 7; read as O"), "{s:?}");
        assert!(s[2].contains("the entity of tokens 3–3 has a label (string id 0)"), "{s:?}");
        assert!(s[3].contains("the entity of tokens 4–4 has a label (string id 12345)"), "{s:?}");
    }
}
