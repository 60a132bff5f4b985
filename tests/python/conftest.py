"""Shared fixtures of the Python tests: the real readers (spaCy, datasets,
seqeval, the Label Studio SDK, krippendorff, scikit-learn) run against what
the barchasb CLI writes.

`scripts/test` builds the CLI in release mode and points BARCHASB at it."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def _cli():
    exe = os.environ.get("BARCHASB") or str(ROOT / "target" / "release" / "barchasb")
    if not Path(exe).exists():
        pytest.exit(f"{exe} is missing: build it with `cargo build --release -p barchasb-cli`", 2)
    return exe


@pytest.fixture(scope="session")
def barchasb():
    """Runs the CLI: barchasb("convert", "--to", "spacy", ..., check=True)."""
    exe = _cli()

    def run(*args, check=True, input=None):
        p = subprocess.run([exe, *map(str, args)], capture_output=True, input=input)
        if check and p.returncode != 0:
            raise AssertionError(f"barchasb {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr.decode()}")
        return p

    return run


@pytest.fixture(scope="session")
def fixtures():
    """The project's annotated fixtures: the seeds' gold and the news fixtures."""
    found = [ROOT / "seeds" / "gold.jsonl"]
    found += sorted(p for p in (ROOT / "crates").glob("*/tests/fixtures/*.jsonl"))
    return [p for p in found if p.exists()]
