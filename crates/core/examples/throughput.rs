//! Throughput of [`barchasb_core::normalize`] and [`barchasb_core::tokenize`]
//! over one UTF-8 file, for `scripts/bench-peers` (not a pass/fail test).
//!
//! ```text
//! cargo run --release -p barchasb-core --example throughput -- FILE [--reps N] [--min-secs S]
//! ```
//!
//! Each of normalize, tokenize and the two one after the other over the same
//! text is warmed up once, then measured `--reps` times (5 by default); a
//! repetition runs the operation in a loop for at least `--min-secs` seconds
//! (1 by default). It prints the median of the repetitions as MB/s, MB being
//! 10^6 bytes of UTF-8 input, one machine-readable line each:
//!
//! ```text
//! input bytes 2000000
//! normalize MB/s 66.1
//! tokenize MB/s 25.0
//! normalize+tokenize MB/s 18.0
//! ```

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use barchasb_core::{normalize, tokenize};

struct Args {
    path: String,
    reps: usize,
    min_time: Duration,
}

fn parse_args() -> Result<Args, String> {
    let mut path = None;
    let mut reps = 5;
    let mut min_secs = 1.0_f64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reps" => {
                let v = args.next().ok_or("--reps needs a value")?;
                reps = v.parse().map_err(|_| format!("--reps: not a count: {v}"))?;
                if reps == 0 {
                    return Err("--reps must be at least 1".into());
                }
            }
            "--min-secs" => {
                let v = args.next().ok_or("--min-secs needs a value")?;
                min_secs = v.parse().map_err(|_| format!("--min-secs: not a number: {v}"))?;
                if !(min_secs.is_finite() && min_secs >= 0.0) {
                    return Err("--min-secs must be a number of seconds ≥ 0".into());
                }
            }
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let path = path.ok_or("missing FILE")?;
    Ok(Args { path, reps, min_time: Duration::from_secs_f64(min_secs) })
}

/// Median MB/s of `reps` repetitions of `op` over `bytes` bytes of input,
/// each repetition looping for at least `min_time`.
fn measure(bytes: usize, reps: usize, min_time: Duration, mut op: impl FnMut()) -> f64 {
    op(); // warm-up: page in the code and let allocations settle
    let mut rates: Vec<f64> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            let mut iterations = 0u64;
            loop {
                op();
                iterations += 1;
                if start.elapsed() >= min_time {
                    break;
                }
            }
            let secs = start.elapsed().as_secs_f64();
            (bytes as f64 * iterations as f64) / secs / 1e6
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    let mid = rates.len() / 2;
    if rates.len() % 2 == 1 {
        rates[mid]
    } else {
        (rates[mid - 1] + rates[mid]) / 2.0
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("throughput: {e}");
            }
            eprintln!("usage: throughput FILE [--reps N] [--min-secs S]");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read(&args.path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            eprintln!("throughput: {}: not UTF-8: {e}", args.path);
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("throughput: {}: {e}", args.path);
            return ExitCode::FAILURE;
        }
    };
    if text.is_empty() {
        eprintln!("throughput: {}: empty file", args.path);
        return ExitCode::FAILURE;
    }
    let text = text.as_str();
    let bytes = text.len();
    println!("input bytes {bytes}");

    let norm = measure(bytes, args.reps, args.min_time, || {
        black_box(normalize(black_box(text)));
    });
    println!("normalize MB/s {norm:.1}");

    let tok = measure(bytes, args.reps, args.min_time, || {
        black_box(tokenize(black_box(text)));
    });
    println!("tokenize MB/s {tok:.1}");

    let both = measure(bytes, args.reps, args.min_time, || {
        black_box(normalize(black_box(text)));
        black_box(tokenize(black_box(text)));
    });
    println!("normalize+tokenize MB/s {both:.1}");
    ExitCode::SUCCESS
}
