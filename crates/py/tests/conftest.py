"""Fixtures of the Python package's tests: the CLI to compare with (built by
scripts/test, named by BARCHASB) and the project's annotated texts.

Run: BARCHASB=$CARGO_TARGET_DIR/release/barchasb .venv/bin/python -m pytest -q crates/py/tests"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def cli():
    """Runs the barchasb CLI; returns the CompletedProcess (text mode)."""
    exe = os.environ.get("BARCHASB") or str(ROOT / "target" / "release" / "barchasb")
    if not Path(exe).exists():
        pytest.exit(f"{exe} is missing: build it with `cargo build --release -p barchasb-cli`", 2)

    def run(*args, cwd=None, check=True, input=None):
        p = subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=cwd, input=input)
        if check and p.returncode not in (0, 1):
            raise AssertionError(f"barchasb {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr}")
        return p

    return run


def fixture_files():
    """The seeds' gold and the rules' news fixtures."""
    found = [ROOT / "seeds" / "gold.jsonl"] + sorted((ROOT / "crates").glob("*/tests/fixtures/*.jsonl"))
    return [p for p in found if p.exists()]


@pytest.fixture(scope="session")
def fixture_docs():
    """Every fixture document (dicts), with texts that put a character past
    the BMP and a ZWNJ-joined word first, so that code points, UTF-16 units
    and bytes all differ."""
    docs = []
    for f in fixture_files():
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs.append({"id": d["id"], "text": d["text"]})
                docs.append({"id": d["id"] + "+emoji", "text": "🙂 می‌گوید: " + d["text"]})
    assert len(docs) >= 6, "the fixtures are missing"
    return docs


@pytest.fixture
def docs_file(tmp_path, fixture_docs):
    """The fixture documents as one JSONL file, `{"id", "text"}` a line."""
    p = tmp_path / "docs.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in fixture_docs), encoding="utf-8")
    return p
