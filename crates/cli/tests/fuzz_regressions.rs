//! Every input that made a fuzz target crash (`fuzz/regressions/<target>/`,
//! committed once the bug was fixed) run through the same target, with the
//! same invariant checks, in the normal `cargo test`: no nightly, no
//! libFuzzer. The targets are `fuzz/src/` itself, included here.

#[allow(dead_code)]
#[path = "../../../fuzz/src/lib.rs"]
mod fuzz;

use std::path::Path;

#[test]
fn every_kept_crash_input_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut ran = 0;
    for (name, target) in fuzz::TARGETS {
        let Ok(dir) = std::fs::read_dir(root.join(name)) else { continue };
        for entry in dir {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            if let Err(e) = std::panic::catch_unwind(|| target(&data)) {
                let why = e.downcast_ref::<String>().cloned().unwrap_or_default();
                panic!("{}: {why}", path.display());
            }
            ran += 1;
        }
    }
    assert!(ran > 0, "no inputs under {}", root.display());
}
