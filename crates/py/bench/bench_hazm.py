#!/usr/bin/env python3
"""barchasb against hazm from Python: normalize and tokenize the same ~1 MB
of Persian news (the seeds' texts, repeated), best of 5, as a ratio.

    python3 crates/py/bench/bench_hazm.py

hazm pins numpy 1.24, which the project's .venv (spaCy, datasets) cannot
take, so this makes its own venv, crates/py/bench/.venv-hazm (pins in
requirements-hazm.txt, barchasb built from crates/py into it), and runs
there. The two do not do the same work: hazm's Normalizer rewrites more
(affix spacing, punctuation) and returns a string; barchasb's normalize
folds letters, digits, marks and joiners for matching and returns the
alignment of every code point to the original too. Tokenizers: hazm's
word_tokenize (regex based) against barchasb's tokenize (Token objects with
code point offsets)."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
VENV = HERE / ".venv-hazm"
PY = VENV / "bin" / "python"


def ensure_venv():
    pins = HERE / "requirements-hazm.txt"
    stamp = VENV / ".pins"
    if not PY.exists() or not stamp.exists() or stamp.read_text() != pins.read_text():
        print(f"making {VENV} (hazm and its pins, barchasb from crates/py; a few minutes the first time)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        pip = [PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run(pip + ["-r", pins], check=True)
        stamp.write_text(pins.read_text())
    # Always the current barchasb (a no-op build when nothing changed).
    subprocess.run([PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", ROOT / "crates" / "py"], check=True)


def corpus(target_bytes=1_000_000):
    texts = [json.loads(line)["text"] for line in (ROOT / "seeds" / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    one = "\n".join(texts)
    reps = -(-target_bytes // len(one.encode()))
    return "\n".join([one] * reps)


def best(f, *args, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = f(*args)
        times.append(time.perf_counter() - t)
    return min(times), out


def main():
    if Path(sys.prefix).resolve() != VENV.resolve():
        ensure_venv()
        os.execv(PY, [str(PY), __file__, *sys.argv[1:]])
    from importlib import metadata

    import barchasb
    import hazm

    text = corpus()
    mb = len(text.encode()) / 1e6
    normalizer = hazm.Normalizer()
    print(f"text: {len(text.encode()):,} bytes UTF-8, {len(text):,} code points (the seeds' texts repeated)")
    print(f"hazm {metadata.version('hazm')}, barchasb {metadata.version('barchasb')}; best of 5, one thread\n")
    print(f"{'':>10} {'barchasb':>12} {'hazm':>12} {'hazm/barchasb':>14}")
    rows = [
        ("normalize", barchasb.normalize, normalizer.normalize, lambda r: len(r.text), len),
        ("tokenize", barchasb.tokenize, hazm.word_tokenize, len, len),
    ]
    for name, ours, theirs, n_ours, n_theirs in rows:
        t_ours, r_ours = best(ours, text)
        t_theirs, r_theirs = best(theirs, text)
        print(
            f"{name:>10} {t_ours * 1000:9.1f} ms {t_theirs * 1000:9.1f} ms {t_theirs / t_ours:13.1f}x"
            f"   ({mb / t_ours:.1f} vs {mb / t_theirs:.1f} MB/s; {n_ours(r_ours):,} vs {n_theirs(r_theirs):,}"
            f" {'chars' if name == 'normalize' else 'tokens'})"
        )


if __name__ == "__main__":
    main()
