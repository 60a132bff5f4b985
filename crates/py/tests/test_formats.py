"""Round trips through every format, and the same bytes as the CLI writes."""

import json

import pytest

import barchasb


def plain(doc):
    return doc["id"], doc["text"], [(s["start"], s["end"], s["label"]) for s in doc.get("spans", [])]


@pytest.fixture
def annotated(fixture_docs):
    """Gold documents and the fixtures with the rules' spans, a text past the BMP among them."""
    from conftest import ROOT

    gold = barchasb.read(ROOT / "seeds" / "gold.jsonl")
    assert any(d["spans"] for d in gold)
    return gold + [dict(d, id="rules:" + d["id"], spans=barchasb.extract(d["text"])) for d in fixture_docs]


def main_file(fmt):
    return "out." + {"hf": "hf.jsonl", "doccano": "doccano.jsonl", "label-studio": "label-studio.json",
                     "brat": "brat.zip", "webanno": "webanno.zip"}.get(fmt, fmt)


@pytest.mark.parametrize("fmt", barchasb.FORMATS)
def test_write_then_read_gives_the_same_docs(fmt, tmp_path, annotated):
    path = tmp_path / main_file(fmt)
    written = barchasb.write(annotated, path, format=fmt)
    assert written[0] == str(path)
    back = barchasb.read(path, format=fmt)
    assert [plain(d) for d in back] == [plain(d) for d in annotated]
    # told by name and content, too
    assert [plain(d) for d in barchasb.read(path)] == [plain(d) for d in annotated]


@pytest.mark.parametrize("fmt", barchasb.FORMATS)
def test_the_same_bytes_as_the_cli(fmt, cli, tmp_path, annotated):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in annotated), encoding="utf-8")
    (tmp_path / "py").mkdir()
    (tmp_path / "cli").mkdir()
    mine = barchasb.write(annotated, tmp_path / "py" / main_file(fmt), format=fmt)
    cli("convert", "--to", fmt, "-o", tmp_path / "cli" / main_file(fmt), src)
    theirs = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert sorted(p.rsplit("/", 1)[1] for p in mine) == theirs
    for name in theirs:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def test_a_span_the_format_cannot_hold_is_refused_as_the_cli_refuses_it(cli, tmp_path):
    # A span that starts on a space cannot be put on tokens.
    doc = {"id": "a", "text": "سفر به تهران", "spans": [{"start": 3, "end": 12, "label": "LOC"}]}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    p = cli("convert", "--to", "conll", "-o", tmp_path / "cli.conll", src)
    assert p.returncode == 1
    with pytest.raises(barchasb.WriteError) as e:
        barchasb.write([doc], tmp_path / "py.conll")
    assert e.value.problems == p.stderr.splitlines()
    assert not (tmp_path / "py.conll").exists()


def test_format_names_and_errors(tmp_path):
    assert barchasb.FORMATS == ["jsonl", "spacy", "conll", "hf", "doccano", "label-studio", "brat", "webanno"]
    with pytest.raises(ValueError, match="unknown format \"xml\"; the formats are jsonl, spacy"):
        barchasb.write([], tmp_path / "a.jsonl", format="xml")
    with pytest.raises(ValueError, match="cannot tell the format"):
        barchasb.write([], tmp_path / "a.txt")
    with pytest.raises(barchasb.Error, match=r"<docs>:1: the line has no \"text\" field"):
        barchasb.write([{"id": "a"}], tmp_path / "a.jsonl")
