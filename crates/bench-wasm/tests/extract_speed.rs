//! `extract` over 1 MB of news (the seeds repeated, as in the rules'
//! criterion bench), timed run by run with the platform's clock; the median
//! of [`RUNS`] after one warm-up run (which builds the lexicons). Natively
//! an ignored test (`cargo test --release -p barchasb-bench-wasm -- --ignored
//! --nocapture`); in wasm a wasm-bindgen test in a dedicated worker of
//! headless Chromium. `scripts/bench-wasm` runs both.

#[path = "../../rules/benches/common/corpus.rs"]
mod corpus;

const RUNS: usize = 7;

/// MB/s of the median run and the number of spans found (the same on both sides).
fn measure(now: impl Fn() -> f64) -> (f64, usize) {
    let text = corpus::corpus();
    let found = barchasb_rules::extract(&text).len();
    let mut ms: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = now();
            let spans = barchasb_rules::extract(&text);
            let took = now() - t;
            assert_eq!(spans.len(), found);
            took
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (text.len() as f64 / 1e6 / (ms[RUNS / 2] / 1000.0), found)
}

fn line(side: &str, (mbs, found): (f64, usize)) -> String {
    format!("extract 1 MB {side}: {mbs:.2} MB/s, median of {RUNS} runs, {found} spans")
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore = "a benchmark: scripts/bench-wasm"]
fn extract_native() {
    let start = std::time::Instant::now();
    println!("{}", line("native", measure(|| start.elapsed().as_secs_f64() * 1000.0)));
}

#[cfg(target_arch = "wasm32")]
mod in_a_worker {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
    wasm_bindgen_test_configure!(run_in_dedicated_worker);

    #[wasm_bindgen_test]
    fn extract_wasm() {
        let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
        let clock = scope.performance().expect("performance in the worker");
        console_log!("{}", super::line("wasm (dedicated worker)", super::measure(|| clock.now())));
    }
}
