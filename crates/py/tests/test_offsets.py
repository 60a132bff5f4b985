"""The package's offsets are the CLI's, and Python's str indices agree."""

import json
import barchasb


def test_extract_is_the_clis_line_by_line(cli, docs_file, fixture_docs):
    out = cli("extract", docs_file).stdout.splitlines()
    assert len(out) == len(fixture_docs)
    x = barchasb.Extractor()
    for i, (line, doc) in enumerate(zip(out, fixture_docs)):
        got = json.loads(line)
        assert got["id"] == doc["id"]
        assert barchasb.extract(doc["text"]) == got["spans"], doc["id"]
        # The Spark job's path: the same bytes as the CLI's line.
        assert x.extract_line(json.dumps(doc, ensure_ascii=False), "docs.jsonl", i + 1) == (line, [])
    assert sum(len(json.loads(line)["spans"]) for line in out) > 20


def test_span_surfaces_are_python_slices(tmp_path, fixture_docs):
    # The jsonl writer puts each span's text, cut in Rust, beside its offsets.
    docs = [dict(d, spans=barchasb.extract(d["text"])) for d in fixture_docs]
    path = tmp_path / "out.jsonl"
    barchasb.write(docs, path)
    n = 0
    for line, doc in zip(path.read_text(encoding="utf-8").splitlines(), docs):
        for s in json.loads(line)["spans"]:
            assert doc["text"][s["start"] : s["end"]] == s["text"]
            n += 1
    assert n > 20


def test_tokens_are_python_slices(fixture_docs):
    for d in fixture_docs:
        toks = barchasb.tokenize(d["text"])
        assert toks, d["id"]
        for t in toks:
            assert d["text"][t.start : t.end] == t.text
        assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))
    t = barchasb.tokenize("🙂 ایران")[-1]
    assert (t.start, t.end, t.text, t.kind) == (2, 7, "ایران", "word")


def test_normalized_maps_back_to_the_original():
    text = "🙂 رئيس هیأت‌ها ســلام ۱۲ كشور"
    n = barchasb.normalize(text)
    assert n.original == text
    assert len(n.alignment) == len(n.text)
    assert n.alignment is n.alignment, "made once, not at every access"
    i = n.text.index("12")
    assert text[slice(*n.to_original(i, i + 2))] == "۱۲"
    j = n.text.index("کشور")
    assert text[slice(*n.to_original(j, j + 4))] == "كشور"
    # tatweel is removed, and the word maps back over it
    k = n.text.index("سلام")
    assert text[slice(*n.to_original(k, k + 4))] == "ســلام"
    for c, (a, b) in zip(n.text, n.alignment):
        assert 0 <= a < b <= len(text)
        # each normalized character comes from what the original has there
        assert c in barchasb.normalize(text[a:b]).text
    assert n.to_original(len(n.text), len(n.text)) == (len(text), len(text))
    try:
        n.to_original(0, len(n.text) + 1)
    except ValueError as e:
        assert "not a range of the normalized text" in str(e)
    else:
        raise AssertionError("a range past the text must raise")


def test_model_suggestions_are_the_clis(cli, tmp_path, docs_file, fixture_docs):
    model = tmp_path / "seeds.model"
    gold = barchasb.read(barchasb_root() / "seeds" / "gold.jsonl")
    assert gold and any(d["spans"] for d in gold)
    cli("train", "--jsonl", barchasb_root() / "seeds" / "gold.jsonl", "--out", model, "--epochs", "3")
    tagger = barchasb.Tagger.load(str(model))
    assert tagger.labels
    out = cli("extract", "--model", model, docs_file).stdout.splitlines()
    x = barchasb.Extractor(model)
    for line, doc in zip(out, fixture_docs):
        spans = json.loads(line)["spans"]
        assert tagger.suggest(doc["text"]) == spans
        assert x.extract(doc["text"]) == spans
        assert barchasb.extract(doc["text"], model=tagger) == spans


def barchasb_root():
    from conftest import ROOT

    return ROOT
