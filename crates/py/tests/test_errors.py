"""Bad input raises (or warns) with the CLI's messages, and the good part
is still taken: every case of tests/bad-input/, against the CLI run live."""

import json
import logging
import warnings

import pytest

import barchasb
from conftest import ROOT

BAD = ROOT / "tests" / "bad-input"
CASES = json.loads((BAD / "manifest.json").read_text(encoding="utf-8"))
READ = [c["file"] for c in CASES if not c["file"].startswith(("model/", "project/"))]
MODELS = [c["file"] for c in CASES if c["file"].startswith("model/")]


def plain(doc):
    return doc["id"], doc["text"], [(s["start"], s["end"], s["label"]) for s in doc.get("spans", [])]


def cli_read(cli, file):
    """What the CLI says reading `file` (stderr lines of its reading only)
    and the documents it takes."""
    p = cli("convert", "--to", "jsonl", file, cwd=BAD)
    said = [
        line
        for line in p.stderr.splitlines()
        if not line.endswith("document(s) written as jsonl") and "is not in the label set" not in line
    ]
    return said, [json.loads(line) for line in p.stdout.splitlines()], p.returncode


@pytest.mark.parametrize("file", READ)
def test_read_says_what_the_cli_says(file, cli, monkeypatch, caplog):
    said, cli_docs, code = cli_read(cli, file)
    monkeypatch.chdir(BAD)
    with caplog.at_level(logging.INFO, logger="barchasb"):
        try:
            docs, problems = barchasb.read(file), []
        except barchasb.ReadError as e:
            docs, problems = e.docs, e.problems
            assert str(e) == "\n".join(problems)
        except barchasb.Error as e:
            # The file (or the text of a brat .ann) could not be read at all.
            docs, problems = [], [str(e)]
    notes = [r.getMessage() for r in caplog.records if r.name == "barchasb"]
    assert notes + problems == said
    assert bool(problems) == (code == 1)
    assert [plain(d) for d in docs] == [plain(d) for d in cli_docs]


def test_errors_warn_keeps_the_good_documents(monkeypatch):
    monkeypatch.chdir(BAD)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        docs = barchasb.read("jsonl/invalid-json.jsonl", errors="warn")
    assert [d["id"] for d in docs] == ["a", "c"]
    assert [str(x.message) for x in w] == [
        "jsonl/invalid-json.jsonl:2: the line is not complete JSON: it ends too early (at column 24)"
    ]


@pytest.mark.parametrize("file", MODELS)
def test_a_bad_model_raises_the_clis_message(file, cli, monkeypatch):
    p = cli("extract", "--model", file, cwd=BAD, check=False, input="")
    assert p.returncode == 2
    (line,) = p.stderr.splitlines()
    monkeypatch.chdir(BAD)
    with pytest.raises(barchasb.Error) as e:
        barchasb.Tagger.load(file)
    assert "barchasb: " + str(e.value) == line
    with pytest.raises(barchasb.Error) as e2:
        barchasb.Extractor(file)
    assert str(e2.value) == str(e.value)


def test_a_missing_file_is_named(tmp_path, cli):
    missing = tmp_path / "nowhere.jsonl"
    p = cli("convert", "--to", "jsonl", missing)
    with pytest.raises(barchasb.Error) as e:
        barchasb.read(missing)
    assert p.stderr.splitlines()[0] == str(e.value)
