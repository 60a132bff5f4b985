//! Zip archives of several files (brat pairs, WebAnno TSVs), in memory:
//! rawzip for the archive, miniz_oxide for DEFLATE. Written archives are
//! deterministic (no dates, entries in the order given), so the app and
//! the CLI write the same bytes.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use rawzip::{CompressionMethod, DataDescriptorOutput, ZipArchive, ZipArchiveWriter};
use std::io::Write;

/// No entry is inflated past this (a zip bomb is refused, not read).
const MAX_ENTRY: usize = 256 << 20;

/// One file of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Its path inside the archive (`/`-separated).
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Whether the bytes start like a zip archive.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// An archive of `files`, each deflated.
pub(crate) fn write(files: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut archive = ZipArchiveWriter::new(&mut out);
    for f in files {
        let deflated = compress_to_vec(&f.bytes, 6);
        let descriptor = DataDescriptorOutput::new(rawzip::crc32(&f.bytes), f.bytes.len() as u64);
        let started = archive.new_file(f.name.as_str()).compression_method(CompressionMethod::DEFLATE).start();
        let (mut entry, _) = started.expect("writing to memory does not fail");
        entry.write_all(&deflated).expect("writing to memory does not fail");
        entry.finish(descriptor).expect("writing to memory does not fail");
    }
    archive.finish().expect("writing to memory does not fail");
    out
}

/// The names of the files in an archive (none if it is not one).
pub(crate) fn names(bytes: &[u8]) -> Vec<String> {
    let Ok(archive) = ZipArchive::from_slice(bytes) else { return Vec::new() };
    let mut entries = archive.entries();
    let mut out = Vec::new();
    while let Ok(Some(e)) = entries.next_entry() {
        if !e.is_dir() {
            out.push(String::from_utf8_lossy(e.file_path().as_ref()).into_owned());
        }
    }
    out
}

/// The files of an archive, and a message for each that could not be read
/// (the others are still taken); `Err` when it is no archive at all.
pub(crate) fn read(bytes: &[u8]) -> Result<(Vec<Entry>, Vec<String>), String> {
    let archive = ZipArchive::from_slice(bytes).map_err(|e| format!("not a readable zip archive ({e})"))?;
    let mut entries = archive.entries();
    let (mut files, mut bad) = (Vec::new(), Vec::new());
    loop {
        let record = match entries.next_entry() {
            Ok(Some(r)) => r,
            Ok(None) => break,
            Err(e) => {
                bad.push(format!("the archive's list of files is damaged ({e}); the files after it were not read"));
                break;
            }
        };
        if record.is_dir() {
            continue;
        }
        let name = match record.file_path().try_normalize() {
            Ok(p) => p.as_ref().to_string(),
            Err(_) => {
                let raw = String::from_utf8_lossy(record.file_path().as_ref()).into_owned();
                bad.push(format!("{raw}: a path that leaves the archive or is not UTF-8; not read"));
                continue;
            }
        };
        let content = archive
            .get_entry(record.wayfinder())
            .map_err(|e| e.to_string())
            .and_then(|local| contents(record.compression_method(), local.data(), record.crc32()));
        match content {
            Ok(bytes) => files.push(Entry { name, bytes }),
            Err(why) => bad.push(format!("{name}: {why}; not read")),
        }
    }
    Ok((files, bad))
}

/// An entry's bytes, inflated and checked against its CRC.
fn contents(method: CompressionMethod, data: &[u8], crc: u32) -> Result<Vec<u8>, String> {
    let bytes = match method {
        CompressionMethod::STORE => data.to_vec(),
        CompressionMethod::DEFLATE => decompress_to_vec_with_limit(data, MAX_ENTRY)
            .map_err(|e| format!("cannot be inflated ({:?}; over {} MiB?)", e.status, MAX_ENTRY >> 20))?,
        other => return Err(format!("compressed by {other}; only stored and deflated files are read")),
    };
    if rawzip::crc32(&bytes) != crc {
        return Err("its checksum does not match: the archive is damaged".into());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_reads_back_the_same_files_and_bytes_are_stable() {
        let files = vec![
            Entry {
                name: "docs/ایمیدرو.txt".into(), bytes: "شرکت ایران(ایمیدرو)".repeat(50).into_bytes()
            },
            Entry { name: "docs/empty.ann".into(), bytes: Vec::new() },
        ];
        let zip = write(&files);
        assert!(is_zip(&zip));
        assert_eq!(zip, write(&files), "deterministic");
        assert_eq!(names(&zip), ["docs/ایمیدرو.txt", "docs/empty.ann"]);
        assert_eq!(read(&zip).unwrap(), (files, Vec::new()));
        assert!(read(b"PK\x03\x04 not really").is_err());
    }

    #[test]
    fn a_damaged_entry_is_named_and_the_others_read() {
        let files = vec![
            Entry { name: "a.txt".into(), bytes: b"aaaa".to_vec() },
            Entry { name: "b.txt".into(), bytes: b"bbbb".to_vec() },
        ];
        let mut zip = write(&files);
        let at = zip.windows(4).position(|w| w == b"b.tx").unwrap() + 5 + 3; // into b's data
        zip[at] ^= 0xff;
        let (good, bad) = read(&zip).unwrap();
        assert_eq!(good, files[..1]);
        assert_eq!(bad.len(), 1);
        assert!(bad[0].starts_with("b.txt: "), "{bad:?}");
    }
}
