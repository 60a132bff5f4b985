"""The spaCy component: entities equal to extract's spans where spaCy's
tokens align, and the others counted."""

import logging
import subprocess
import sys

import pytest

import barchasb

spacy = pytest.importorskip("spacy")


def aligned(doc, spans):
    """The spans whose ends fall on spaCy's token boundaries."""
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    return [s for s in spans if s["start"] in starts and s["end"] in ends]


def test_entities_are_extracts_where_tokens_align(fixture_docs, caplog):
    nlp = spacy.blank("fa")
    ner = nlp.add_pipe("barchasb_ner")
    total = unaligned = 0
    with caplog.at_level(logging.WARNING, logger="barchasb"):
        for d in fixture_docs:
            doc = nlp(d["text"])
            spans = barchasb.extract(d["text"])
            want = aligned(nlp.make_doc(d["text"]), spans)
            got = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
            assert got == want, d["id"]
            assert all(e.text == d["text"][e.start_char : e.end_char] for e in doc.ents)
            missed = [s for s in spans if s not in want]
            assert doc.user_data["barchasb_unaligned"] == len(missed)
            assert doc.user_data["barchasb_unaligned_spans"] == missed
            total += len(spans)
            unaligned += len(missed)
    assert (ner.spans, ner.unaligned) == (total, unaligned)
    assert total - unaligned > 20, "most spans should be set"
    warned = [r for r in caplog.records if "not on spaCy's token boundaries" in r.getMessage()]
    assert len(warned) == sum(1 for d in fixture_docs if barchasb.extract(d["text"]) != aligned(nlp.make_doc(d["text"]), barchasb.extract(d["text"])))


def test_a_span_inside_a_token_is_counted_not_set(caplog):
    nlp = spacy.blank("fa")
    ner = nlp.add_pipe("barchasb_ner")
    # spaCy's Persian tokenizer keeps "قبلی(سال" one token; barchasb's DATE starts inside it.
    text = "طبق نامه های قبلی(سال 2016) در تهران"
    spans = barchasb.extract(text)
    assert {"start": 18, "end": 26, "label": "DATE"} in spans, spans
    with caplog.at_level(logging.WARNING, logger="barchasb"):
        doc = nlp(text)
    assert [(e.text, e.label_) for e in doc.ents] == [("تهران", "LOC")]
    assert doc.user_data["barchasb_unaligned"] == 1 == ner.unaligned
    assert doc.user_data["barchasb_unaligned_spans"] == [{"start": 18, "end": 26, "label": "DATE"}]
    assert "'سال 2016' (DATE, 18..26)" in caplog.text


def test_registered_by_entry_point_and_takes_a_model(cli, tmp_path):
    from conftest import ROOT

    model = tmp_path / "m.model"
    cli("train", "--jsonl", ROOT / "seeds" / "gold.jsonl", "--out", model, "--epochs", "2")
    # A fresh interpreter that never imports barchasb itself: the entry point finds the factory.
    code = (
        "import spacy, sys, json\n"
        "nlp = spacy.blank('fa')\n"
        "nlp.add_pipe('barchasb_ner', config={'model': sys.argv[1]})\n"
        "doc = nlp(sys.argv[2])\n"
        "print(json.dumps([[e.start_char, e.end_char, e.label_] for e in doc.ents]))\n"
    )
    text = "روسلان بایمیشو معاون وزیر صنعت قزاقستان در تهران"
    p = subprocess.run([sys.executable, "-c", code, str(model), text], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    import json

    doc = spacy.blank("fa").make_doc(text)
    want = [[s["start"], s["end"], s["label"]] for s in aligned(doc, barchasb.extract(text, model=str(model)))]
    assert json.loads(p.stdout) == want and want


def test_a_saved_pipeline_loads_with_the_component(tmp_path):
    nlp = spacy.blank("fa")
    nlp.add_pipe("barchasb_ner")
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == ["barchasb_ner"]
    text = "روسلان بایمیشو معاون وزیر صنعت قزاقستان در تهران"
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents] == [
        (s["start"], s["end"], s["label"]) for s in aligned(loaded.make_doc(text), barchasb.extract(text))
    ]
