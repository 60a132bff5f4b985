#!/usr/bin/env python3
"""Documents per second of examples/spark_preannotate.py in Spark local
mode with 1 and 2 cores, on generated news-like documents (the seeds'
sentences with variations, ~480 characters each), beside the same
extraction in one Python process and the CLI.

    .venv/bin/python crates/py/bench/bench_spark.py [N_DOCS]     (default 40000)

The job's rate is its own clock (from reading the input to the last part
file written), without the JVM's start (~5 s)."""

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "crates" / "py" / "tests"))

from gen_docs import generate, write_jsonl  # noqa: E402


def main():
    import barchasb

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    docs = generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        for k in range(8):
            write_jsonl(docs[k * n // 8 : (k + 1) * n // 8], tmp / "in" / f"docs-{k}.jsonl")
        print(f"{n:,} documents, {sum(len(d['text']) for d in docs) / n:.0f} characters each on average")

        x = barchasb.Extractor()
        t, cpu = time.perf_counter(), time.process_time()
        for d in docs:
            x.extract(d["text"])
        py, py_cpu = n / (time.perf_counter() - t), n / (time.process_time() - cpu)
        # Per CPU second: what one core gives when it is not shared.
        print(f"{'python, one process (Extractor.extract)':<46} {py:8.0f} docs/s   ({py_cpu:.0f} per CPU second)")

        for master in ("local[1]", "local[2]"):
            out = tmp / f"out-{master[6]}"
            t = time.perf_counter()
            p = subprocess.run(
                [sys.executable, ROOT / "examples" / "spark_preannotate.py", str(tmp / "in"), str(out), "--master", master],
                capture_output=True,
                text=True,
            )
            wall = time.perf_counter() - t
            m = re.search(r"(\d+) document\(s\) annotated in ([\d.]+) s", p.stderr)
            if p.returncode != 0 or not m:
                sys.exit(f"the job failed:\n{p.stderr}")
            rate = int(m.group(1)) / float(m.group(2))
            print(f"{'spark ' + master + ' (the job, its own clock)':<46} {rate:8.0f} docs/s   ({wall:.1f} s with the JVM)")

        import os

        exe = os.environ.get("BARCHASB") or str(ROOT / "target" / "release" / "barchasb")
        if Path(exe).exists():
            allin = b"".join(p.read_bytes() for p in sorted((tmp / "in").iterdir()))
            for threads in (1, 2):
                t = time.perf_counter()
                subprocess.run([exe, "extract", "--threads", str(threads)], input=allin, capture_output=True, check=True)
                rate = n / (time.perf_counter() - t)
                print(f"{f'barchasb extract --threads {threads} (the CLI)':<46} {rate:8.0f} docs/s")


if __name__ == "__main__":
    main()
