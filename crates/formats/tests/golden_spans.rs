//! Golden files of the text formats: the native JSONL, CoNLL, Hugging
//! Face, doccano, Label Studio, brat and WebAnno, each the export of
//! `tests/golden/spans-input.jsonl` (Persian, Latin and Persian digits, an
//! emoji before an entity, `ایران(ایمیدرو)`, a span across a line break,
//! TSV's reserved characters, a suggestion, the three statuses), byte for
//! byte. The files of a zip are kept unzipped, so that a change reads as a
//! diff. `BLESS=1 cargo test -p barchasb-formats --test golden_spans`
//! writes them anew; review the diff before committing it.

use barchasb_core::Document;
use barchasb_formats::{export, read_jsonl, read_with, ExportOptions, Format};
use std::path::{Path, PathBuf};

const FORMATS: [Format; 7] =
    [Format::Jsonl, Format::Conll, Format::Hf, Format::Doccano, Format::LabelStudio, Format::Brat, Format::Webanno];

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn input() -> Vec<Document> {
    let bytes = std::fs::read(golden().join("spans-input.jsonl")).unwrap();
    let parsed = read_jsonl("spans-input.jsonl", &bytes);
    assert!(parsed.all_problems().is_empty(), "{:?}", parsed.all_problems());
    parsed.records.into_iter().map(|r| r.doc).collect()
}

fn options() -> ExportOptions {
    let labels = ["PER", "ORG", "LOC", "DATE"].map(String::from).to_vec();
    ExportOptions { suggestions: true, labels, base: "golden".into(), ..Default::default() }
}

/// The files a format writes, a zip's as the files in it.
fn written(format: Format) -> Vec<(String, Vec<u8>)> {
    let files = export(format, &input(), &options()).unwrap_or_else(|bad| panic!("{format}: {bad:?}"));
    files
        .into_iter()
        .flat_map(|f| if f.name.ends_with(".zip") { unzip(&f.bytes) } else { vec![(f.name, f.bytes)] })
        .collect()
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let archive = rawzip::ZipArchive::from_slice(bytes).unwrap();
    let mut entries = archive.entries();
    let mut out = Vec::new();
    while let Some(e) = entries.next_entry().unwrap() {
        let name = e.file_path().try_normalize().unwrap().as_ref().to_string();
        let data = archive.get_entry(e.wayfinder()).unwrap().data();
        assert_eq!(e.compression_method(), rawzip::CompressionMethod::DEFLATE, "{name}");
        out.push((name, miniz_oxide::inflate::decompress_to_vec(data).unwrap()));
    }
    out
}

#[test]
fn each_format_writes_its_golden_files_byte_for_byte() {
    let bless = std::env::var_os("BLESS").is_some();
    for format in FORMATS {
        let dir = golden().join(format.name());
        let files = written(format);
        if bless {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for (name, bytes) in &files {
                std::fs::write(dir.join(name), bytes).unwrap();
            }
            continue;
        }
        let mut on_disk: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        on_disk.sort();
        let mut names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
        names.sort();
        assert_eq!(names, on_disk, "{format}: other files than the golden ones (BLESS=1 to rewrite)");
        for (name, bytes) in &files {
            let want = std::fs::read(dir.join(name)).unwrap();
            assert!(
                *bytes == want,
                "{format}/{name} differs from the golden file (BLESS=1 to rewrite):\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn each_golden_export_reads_back_the_input() {
    let docs = input();
    for format in FORMATS {
        let files = export(format, &docs, &options()).unwrap();
        let beside: Vec<(String, Vec<u8>)> = files[1..].iter().map(|f| (f.name.clone(), f.bytes.clone())).collect();
        let w1256 = barchasb_formats::decode::windows_1256;
        let parsed = read_with(format, &files[0].name, &files[0].bytes, &beside, w1256);
        assert!(parsed.all_problems().is_empty(), "{format}: {:?}", parsed.all_problems());
        let back: Vec<&Document> = parsed.records.iter().map(|r| &r.doc).collect();
        assert_eq!(back.len(), docs.len(), "{format}");
        for (b, d) in back.iter().zip(&docs) {
            assert_eq!(
                (&b.id, &b.spans, b.status, &b.suggestions),
                (&d.id, &d.spans, d.status, &d.suggestions),
                "{format}"
            );
            assert_eq!((&b.text, &b.meta), (&d.text, &d.meta), "{format}");
        }
    }
}
