//! The project file reader: a project whose every field holds what its
//! doc promises, or one problem naming the file.
#![no_main]
use barchasb_formats::read_project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match read_project("project.json", data) {
        Ok(p) => {
            assert!(!p.id.trim().is_empty(), "a project without an id");
            assert!(!p.documents.is_empty(), "a project without documents");
            let on_site = |s: &str| !s.contains("://") && !s.starts_with('/') && !s.starts_with("//") && !s.is_empty();
            for d in p.documents.iter().chain(&p.shared).chain(p.guidelines.iter()) {
                assert!(on_site(d), "a path off the site: {d:?}");
            }
            for (who, docs) in &p.annotators {
                assert!(docs.iter().all(|d| p.documents.contains(d)), "{who} gets a document not in documents");
                let mine = p.documents_for(who);
                assert!(mine.iter().all(|d| p.documents.iter().any(|x| x == d)));
            }
            assert!(p.shared.iter().all(|d| p.documents.contains(d)), "a shared document not in documents");
            let names: Vec<&str> = p.labels.names().collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            assert!(sorted.windows(2).all(|w| w[0] != w[1]), "a label twice: {names:?}");
        }
        Err(e) => {
            assert_eq!(e.file_name(), "project.json", "{e}");
            assert!(!e.message().is_empty());
        }
    }
});
