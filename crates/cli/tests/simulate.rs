//! `barchasb simulate` as a command: the rows and the last line
//! `actions per gold span: rules R, learning L (±P%)` (issue 11).

use std::path::{Path, PathBuf};
use std::process::Command;

fn simulate(gold: &Path, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_barchasb")).arg("simulate").arg(gold).args(extra).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Rules and learning from the last line.
fn last_line(out: &str) -> (f64, f64) {
    let last = out.lines().last().unwrap();
    let rest = last.strip_prefix("actions per gold span: rules ").unwrap_or_else(|| panic!("{last:?}"));
    let (r, rest) = rest.split_once(", learning ").unwrap();
    let (l, pct) = rest.split_once(" (").unwrap();
    assert!(pct.ends_with("%)") && pct.parse::<f64>().is_err(), "{last:?}");
    pct.trim_end_matches("%)").parse::<f64>().unwrap();
    for x in [r, l] {
        assert_eq!(x.split_once('.').map(|(_, d)| d.len()), Some(3), "three decimals: {last:?}");
    }
    (r.parse().unwrap(), l.parse().unwrap())
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gold.jsonl")
}

#[test]
fn simulate_on_the_seeds_prints_a_row_per_document_and_a_parseable_last_line() {
    let docs = std::fs::read_to_string(seeds()).unwrap().lines().filter(|l| !l.trim().is_empty()).count();
    for order in [&[][..], &["--order", "uncertain"][..]] {
        let out = simulate(&seeds(), order);
        // header, rows, second half, last line
        assert_eq!(out.lines().count(), docs + 3, "{out}");
        let (r, l) = last_line(&out);
        assert!(r >= 0.0 && l >= 0.0);
    }
}

#[test]
fn learning_needs_no_more_actions_than_the_rules_when_names_repeat() {
    // The same names in every document, labelled against the rules (a
    // country as ORG) and with a rule suggestion deleted (no LOC for مسکو):
    // once confirmed, the memory suggests them as the annotator had them.
    let texts = ["هیئت ایران به مسکو رفت.", "مسکو و ايران گفتگو کردند.", "ایران به مسکو رفت."];
    let mut lines = String::new();
    for (k, t) in texts.iter().enumerate() {
        let cps: Vec<char> = t.chars().collect();
        let at = (0..cps.len())
            .find(|&i| {
                cps[i..].starts_with(&['ا', 'ی', 'ر', 'ا', 'ن']) || cps[i..].starts_with(&['ا', 'ي', 'ر', 'ا', 'ن'])
            })
            .unwrap();
        lines += &format!(
            "{{\"id\":\"d{k}\",\"text\":\"{t}\",\"spans\":[{{\"start\":{at},\"end\":{},\"label\":\"ORG\"}}]}}\n",
            at + 5
        );
    }
    let dir = std::env::temp_dir().join(format!("barchasb-simulate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, lines).unwrap();
    let out = simulate(&gold, &[]);
    std::fs::remove_dir_all(&dir).ok();
    let (r, l) = last_line(&out);
    assert!(l <= r, "{out}");
    assert!(r > 0.0, "the rules get these wrong: {out}");
    // the repeated names are learned: fewer actions, not only no more
    assert!(l < r, "{out}");
}
