//! `extract` over JSONL of any size: lines are read in chunks (bounded
//! memory), each chunk is tagged on every core (scoped threads, one
//! contiguous part each) and written in input order. Bad lines and bad spans
//! are named as `load` names them; an id used again gets `id (2)`.

use barchasb_core::Document;
use barchasb_formats::{import::repeated_id, read_line};
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::io::{BufRead, Write};

/// Lines per chunk: enough to keep every thread busy, small enough to bound memory.
const CHUNK_LINES: usize = 2048;
/// Bytes per chunk, whichever comes first.
const CHUNK_BYTES: usize = 8 << 20;

/// Reads `input` (named `name` in messages) line by line, and writes one
/// line per document: `tag(doc)` on `threads` threads, in input order.
/// Returns the problems met (already printed to stderr).
pub fn extract_lines<R: BufRead, W: Write, F>(
    name: &str,
    mut input: R,
    out: &mut W,
    threads: usize,
    tag: F,
) -> anyhow::Result<usize>
where
    F: Fn(&Document) -> String + Sync,
{
    let mut ids = Ids::default();
    let mut problems = 0;
    let mut line_no = 0;
    loop {
        let (chunk, done) = read_chunk(&mut input, &mut line_no)?;
        let docs = parse_chunk(name, chunk, &mut ids, &mut problems);
        for line in tag_all(&docs, threads, &tag) {
            writeln!(out, "{line}")?;
        }
        if done {
            break;
        }
    }
    Ok(problems)
}

/// Lines of input with their numbers.
type Chunk = Vec<(usize, Vec<u8>)>;

/// Up to a chunk of `(line number, bytes)`; true at the end of the input.
fn read_chunk<R: BufRead>(input: &mut R, line_no: &mut usize) -> std::io::Result<(Chunk, bool)> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
        let mut buf = Vec::new();
        if input.read_until(b'\n', &mut buf)? == 0 {
            return Ok((chunk, true));
        }
        *line_no += 1;
        bytes += buf.len();
        chunk.push((*line_no, buf));
    }
    Ok((chunk, false))
}

/// The documents of a chunk; bad lines are printed and counted.
fn parse_chunk(name: &str, chunk: Chunk, ids: &mut Ids, problems: &mut usize) -> Vec<Document> {
    let mut docs = Vec::with_capacity(chunk.len());
    for (n, raw) in chunk {
        let raw = raw.strip_suffix(b"\n").unwrap_or(&raw);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(line) = std::str::from_utf8(raw) else {
            eprintln!("{name}:{n}: the line is not valid UTF-8; it was not read");
            *problems += 1;
            continue;
        };
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let fallback = format!("{}-{n}", barchasb_formats::stem(name));
        match read_line(name, n, line, &fallback) {
            Ok(mut r) => {
                for p in &r.problems {
                    eprintln!("{p}");
                }
                *problems += r.problems.len();
                ids.unique(&mut r.doc, name, n);
                docs.push(r.doc);
            }
            Err(p) => {
                eprintln!("{p}");
                *problems += 1;
            }
        }
    }
    docs
}

/// Tags documents on `threads` scoped threads, each a contiguous part, and
/// returns their lines in order.
fn tag_all<F: Fn(&Document) -> String + Sync>(docs: &[Document], threads: usize, tag: &F) -> Vec<String> {
    if threads <= 1 || docs.len() < 2 {
        return docs.iter().map(tag).collect();
    }
    let part = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> =
            docs.chunks(part).map(|c| s.spawn(move || c.iter().map(tag).collect::<Vec<_>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("a tagging thread panicked")).collect()
    })
}

/// Ids seen so far, as 64-bit hashes with the line where each was first
/// (16 bytes a document, so memory stays small on a 1 GB input); a
/// repeated one is renamed as the import rules do (`id (2)`).
#[derive(Default)]
struct Ids {
    first_line: HashMap<u64, usize>,
}

impl Ids {
    fn hash(id: &str) -> u64 {
        BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
    }

    fn unique(&mut self, doc: &mut Document, name: &str, line: usize) {
        if let Some(first) = self.first_line.get(&Self::hash(&doc.id)) {
            let new = (2..)
                .map(|k| format!("{} ({k})", doc.id))
                .find(|c| !self.first_line.contains_key(&Self::hash(c)))
                .expect("a free id exists");
            eprintln!("{}", repeated_id(&format!("{name}:{line}"), &doc.id, &format!("{name}:{first}"), &new));
            doc.id = new;
        }
        self.first_line.insert(Self::hash(&doc.id), line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keeps_input_order_on_any_number_of_threads_and_names_bad_lines() {
        let mut input = String::new();
        for k in 0..5000 {
            input.push_str(&format!("{{\"id\":\"d{}\",\"text\":\"متن {k}\"}}\n", k % 4000));
        }
        input.push_str("{broken\n");
        let tag = |d: &Document| format!("{}|{}", d.id, d.text);
        let run = |threads| {
            let mut out = Vec::new();
            let problems = extract_lines("in.jsonl", input.as_bytes(), &mut out, threads, tag).unwrap();
            (String::from_utf8(out).unwrap(), problems)
        };
        let (one, p1) = run(1);
        let (four, p4) = run(4);
        assert_eq!(one, four);
        assert_eq!((p1, p4), (1, 1));
        let lines: Vec<&str> = one.lines().collect();
        assert_eq!(lines.len(), 5000);
        assert_eq!(lines[0], "d0|متن 0");
        assert_eq!(lines[4000], "d0 (2)|متن 4000", "a repeated id is renamed, across chunks");
        assert_eq!(lines[4999], "d999 (2)|متن 4999");
    }
}
