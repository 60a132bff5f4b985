//! The bad-input catalogue (issue 14): every file of `tests/bad-input/`
//! read by the CLI, the exact messages it shows and what it keeps checked
//! against `tests/bad-input/manifest.json`, and `docs/bad-input.md` (the
//! table people read) checked to be the manifest's rendering. Two inputs
//! are too big to commit and are written here: a 20 MB line and 100,000
//! documents in one file.
//!
//! After a change of message, on purpose:
//! `BLESS=1 cargo test -p barchasb-cli --test bad_input` rewrites the
//! manifest's `exit`, `stderr` and `kept` and the doc; review the diff.
//! Whatever is blessed, each message must name the file it is about.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The command of an entry: its `args` (by default `convert --to jsonl`)
/// and the file.
fn args(entry: &Value) -> Vec<String> {
    let mut a: Vec<String> = match entry.get("args") {
        Some(v) => v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect(),
        None => ["convert", "--to", "jsonl"].map(String::from).to_vec(),
    };
    a.push(entry["file"].as_str().unwrap().to_string());
    a
}

/// Writes a generated input under `dir` (its `file` path), as its
/// `generate` says.
fn generate(kind: &str, path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut out = String::new();
    match kind {
        // A good short line, a 20 MB line with a span, the 20 MB line cut short.
        "long-line" => {
            let mut text = String::from("ایران ");
            while text.len() < 20 << 20 {
                text.push_str("و چین و روسیه ");
            }
            let long = json!({"id": "long", "text": text, "spans": [{"start": 0, "end": 5, "label": "LOC"}]});
            let long = long.to_string();
            out.push_str("{\"id\":\"short\",\"text\":\"تهران\"}\n");
            out.push_str(&long);
            out.push('\n');
            out.push_str(&long[..long.len() / 2]);
            out.push('\n');
        }
        // 100,000 documents, one span each, line 50,000 broken.
        "100k-documents" => {
            for i in 1..=100_000 {
                if i == 50_000 {
                    out.push_str("{\"id\":\"n50000\",\"text\":\n");
                    continue;
                }
                let text = format!("خبر {i} از تهران");
                let end = text.chars().count();
                let line = json!({"id": format!("n{i}"), "text": text, "spans": [{"start": end - 5, "end": end, "label": "LOC"}]});
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
        other => panic!("no generator {other:?}"),
    }
    std::fs::write(path, out).unwrap();
}

/// What a run kept, in words: each document with its spans (label and
/// text), or a count when there are many; a project's first line; nothing.
fn kept(stdout: &str) -> String {
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return "nothing".into();
    }
    let docs: Vec<Value> = match lines.iter().map(|l| serde_json::from_str::<Value>(l)).collect() {
        Ok(d) => d,
        Err(_) => return lines[0].to_string(),
    };
    let spans = |d: &Value| -> Vec<String> {
        let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        let cover = |a: u64, b: u64| text[a as usize..b as usize].iter().collect::<String>();
        match (d.get("spans"), d.get("label")) {
            (Some(Value::Array(s)), _) => s
                .iter()
                .map(|s| {
                    let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                    format!("{} «{}»", s["label"].as_str().unwrap(), cover(a, b))
                })
                .collect(),
            (_, Some(Value::Array(l))) => l
                .iter()
                .map(|s| {
                    format!("{} «{}»", s[2].as_str().unwrap(), cover(s[0].as_u64().unwrap(), s[1].as_u64().unwrap()))
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    if docs.len() > 6 {
        let n: usize = docs.iter().map(|d| spans(d).len()).sum();
        return format!("{} documents, {n} spans", docs.len());
    }
    let each: Vec<String> = docs
        .iter()
        .map(|d| {
            let s = spans(d);
            let s = if s.is_empty() { "no spans".to_string() } else { s.join(", ") };
            format!("{} ({s})", d["id"].as_str().unwrap())
        })
        .collect();
    each.join("; ")
}

/// Runs one entry from `dir`: exit code, stderr lines, what was kept.
fn run(dir: &Path, entry: &Value) -> (i64, Vec<String>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_barchasb"))
        .args(args(entry))
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap().lines().map(String::from).collect();
    (out.status.code().unwrap().into(), stderr, kept(&String::from_utf8(out.stdout).unwrap()))
}

/// Each message is about the file: it names it (an archive's member, or a
/// brat .txt beside its .ann, by the same stem). The count of documents
/// written is not a message about a place.
fn assert_named(file: &str, stderr: &[String]) {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    for line in stderr {
        if line.ends_with(" written as jsonl") || line.ends_with(" written as doccano") {
            continue;
        }
        assert!(line.contains(stem), "{file}: a message that does not name the file: {line:?}");
    }
}

fn cell(lines: &[String]) -> String {
    let shown: Vec<String> = lines.iter().map(|l| format!("`{}`", l.replace('|', "\\|"))).collect();
    shown.join("<br>")
}

/// `docs/bad-input.md` from the manifest.
fn render(entries: &[Value]) -> String {
    let mut md = String::from(
        "# Bad input, catalogued\n\n\
         Every file of `tests/bad-input/` (and two generated by the test: a 20 MB line and 100,000 \
         documents in one file), what the CLI says about it and what it keeps. \
         `crates/cli/tests/bad_input.rs` runs each command from `tests/bad-input/` and checks the \
         messages, the exit code and what was kept against `tests/bad-input/manifest.json`, and that \
         this page is that manifest (it is generated: `BLESS=1 cargo test -p barchasb-cli --test \
         bad_input` rewrites both after a change of message on purpose). The app reads the same files \
         with the same readers (`barchasb-formats`); its browser test of this catalogue is separate.\n\n\
         Exit codes: 0 all read, 1 some input was bad and the rest was taken, 2 nothing could be done.\n\
         \"Kept\" lists each document written (id, then its spans as label «text»).\n\n\
         | file | what is wrong | command | messages (stderr) | exit | kept |\n\
         |---|---|---|---|---|---|\n",
    );
    for e in entries {
        let file = e["file"].as_str().unwrap();
        let shown_file = match e.get("generate") {
            Some(_) => format!("`{file}` (generated)"),
            None => format!("[`{file}`](../tests/bad-input/{file})"),
        };
        let command = format!("`barchasb {}`", args(e).join(" "));
        let stderr: Vec<String> = e["stderr"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().into()).collect();
        md.push_str(&format!(
            "| {shown_file} | {} | {command} | {} | {} | {} |\n",
            e["case"].as_str().unwrap(),
            cell(&stderr),
            e["exit"],
            e["kept"].as_str().unwrap().replace('|', "\\|"),
        ));
    }
    md
}

#[test]
fn every_bad_input_is_named_and_the_good_part_kept() {
    let dir = root().join("tests/bad-input");
    let manifest_path = dir.join("manifest.json");
    let mut entries: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    let bless = std::env::var_os("BLESS").is_some();
    let generated = std::env::temp_dir().join(format!("barchasb-bad-input-{}", std::process::id()));
    let mut failures = Vec::new();
    for e in entries.iter_mut() {
        let file = e["file"].as_str().unwrap().to_string();
        let from = match e.get("generate").and_then(Value::as_str) {
            Some(kind) => {
                generate(kind, &generated.join(&file));
                generated.clone()
            }
            None => {
                assert!(dir.join(&file).is_file(), "{file} is in the manifest but not in tests/bad-input/");
                dir.clone()
            }
        };
        let (exit, stderr, kept) = run(&from, e);
        assert_named(&file, &stderr);
        if bless {
            e["exit"] = json!(exit);
            e["stderr"] = json!(stderr);
            e["kept"] = json!(kept);
            continue;
        }
        let want = (e["exit"].as_i64(), e["stderr"].clone(), e["kept"].as_str().map(String::from));
        if want != (Some(exit), json!(stderr), Some(kept.clone())) {
            failures.push(format!("{file}:\n  exit {exit}\n  stderr {stderr:#?}\n  kept {kept}"));
        }
    }
    let _ = std::fs::remove_dir_all(&generated);
    let doc_path = root().join("docs/bad-input.md");
    if bless {
        let mut text = serde_json::to_string_pretty(&entries).unwrap();
        text.push('\n');
        std::fs::write(&manifest_path, text).unwrap();
        std::fs::write(&doc_path, render(&entries)).unwrap();
    }
    assert!(failures.is_empty(), "not as tests/bad-input/manifest.json says:\n{}", failures.join("\n"));
    let doc = std::fs::read_to_string(&doc_path).unwrap_or_default();
    assert!(doc == render(&entries), "docs/bad-input.md is not the manifest's table (BLESS=1 regenerates it)");
}

#[test]
fn the_catalogue_has_every_file_and_forty_or_more() {
    let dir = root().join("tests/bad-input");
    let entries: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let listed: Vec<&str> = entries.iter().map(|e| e["file"].as_str().unwrap()).collect();
    let mut on_disk = Vec::new();
    for sub in std::fs::read_dir(&dir).unwrap() {
        let sub = sub.unwrap().path();
        if !sub.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            on_disk.push(f.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
    // a brat .txt is read with its .ann
    let unlisted: Vec<&String> = on_disk
        .iter()
        .filter(|f| !listed.contains(&f.as_str()))
        .filter(|f| !(f.ends_with(".txt") && f.starts_with("brat/") && on_disk.contains(&f.replace(".txt", ".ann"))))
        .collect();
    assert!(unlisted.is_empty(), "files of tests/bad-input/ not in its manifest: {unlisted:?}");
    assert!(entries.len() >= 40, "{} entries", entries.len());
}

#[test]
fn a_good_project_file_is_summed_up() {
    let out = Command::new(env!("CARGO_BIN_EXE_barchasb"))
        .args(["project", "fuzz/seeds/project/full.json"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().next(), Some("project \"q4-mining\" (Mining news, Q4): 2 labels (ORG, PER)"));
    assert!(text.lines().any(|l| l == "sara: batch-1.jsonl, extra/note.txt"), "{text}");
}
