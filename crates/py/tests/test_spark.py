"""examples/spark_preannotate.py in Spark local mode on 10,000 generated
documents: its output is `barchasb extract`'s, line by line."""

import json
import subprocess
import sys

from conftest import ROOT
from gen_docs import generate, write_jsonl

JOB = ROOT / "examples" / "spark_preannotate.py"


def test_spark_job_writes_what_extract_writes(cli, tmp_path):
    docs = generate(10_000)
    inp = tmp_path / "in"
    inp.mkdir()
    for k in range(4):
        write_jsonl(docs[k * 2500 : (k + 1) * 2500], inp / f"docs-{k}.jsonl")
    # A bad line among good ones: left out and named, the next line kept.
    (inp / "docs-9.jsonl").write_text('{"id": "bad", "text": \n{"id": "last", "text": "در تهران"}\n', encoding="utf-8")
    files = sorted(inp.glob("docs-*.jsonl"))
    out = tmp_path / "out"
    p = subprocess.run(
        [sys.executable, JOB, str(inp / "docs-*.jsonl"), str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 1, p.stderr  # one problem
    assert "10001 document(s) annotated" in p.stderr, p.stderr
    got = "".join(f.read_text("utf-8") for f in sorted(out.glob("part-*"))).splitlines()

    joined = tmp_path / "all.jsonl"
    joined.write_text("".join(f.read_text("utf-8") for f in files), encoding="utf-8")
    c = cli("extract", joined)
    want = c.stdout.splitlines()
    assert len(want) == len(got) == 10_001
    for k, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"line {k + 1}"
    assert sum(len(json.loads(line)["spans"]) for line in got) > 10_000

    (problem,) = "".join(f.read_text("utf-8") for f in sorted((out / "_problems").glob("part-*"))).splitlines()
    (cli_problem,) = c.stderr.splitlines()
    # The same message; the place is the partition's line instead of the file's.
    assert problem.split(": ", 1)[1] == cli_problem.split(": ", 1)[1]
    assert problem.startswith("part-0000") and cli_problem.startswith(str(joined) + ":10001:")
