"""The CoNLL export scored by seqeval: against itself it is perfect, its
entities are the spans at the tokens the JSONL export names, and the rules'
output against the gold gives the micro F1 `barchasb eval` gives."""

import json
import re

import pytest
from seqeval.metrics import f1_score
from seqeval.scheme import BILOU, IOB2, Entities

from conftest import SHARED
from exchange_docs import inputs


def conll_docs(path):
    """The tag sequences of a CoNLL file, one list per -DOCSTART- document,
    and its tokens (a reader of the file's lines; seqeval scores them)."""
    docs = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            docs.append(([], []))
        elif line:
            token, tag = line.rsplit(" ", 1)
            docs[-1][0].append(token)
            docs[-1][1].append(tag)
    return docs


def jsonl_lines(barchasb, *files):
    out = barchasb("convert", "--to", "jsonl", *files).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("scheme", ["iob2", "biluo"])
def test_entities_are_the_spans_on_their_tokens_and_score_one_against_themselves(
    barchasb, tmp_path, fixtures, scheme
):
    files, _ = inputs(tmp_path, fixtures)
    out = tmp_path / "all.conll"
    barchasb("convert", "--to", "conll", "--scheme", scheme, *files, "-o", out)
    docs = conll_docs(out)
    lines = jsonl_lines(barchasb, *files)
    assert len(docs) == len(lines)
    tags = [t for _, t in docs]
    mode = {"iob2": IOB2, "biluo": BILOU}[scheme]
    assert f1_score(tags, tags, mode="strict", scheme=mode) == 1.0
    total = 0
    entities = Entities(tags, mode).entities
    for (tokens, _), line, ents in zip(docs, lines, entities):
        assert tokens == [t["text"] for t in line["tokens"]]
        want = sorted((s["label"], s["token_start"], s["token_end"]) for s in line["spans"])
        assert sorted((e.tag, e.start, e.end - 1) for e in ents) == want, line["id"]
        total += len(want)
    assert total == sum(len(line["spans"]) for line in lines) > 300




@pytest.mark.parametrize("gold", ["seeds", "news-dev"])
def test_the_rules_score_the_same_in_seqeval_as_in_barchasb_eval(barchasb, tmp_path, fixtures, gold):
    path = fixtures[0] if gold == "seeds" else SHARED / "news-dev" / "gold.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    golds = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    preds = [json.loads(line) for line in barchasb("extract", path).stdout.decode("utf-8").splitlines()]
    assert [g["id"] for g in golds] == [p["id"] for p in preds]
    # Token formats split a token where a span cuts it (gold that cuts a
    # name out of words run together): each side is written with the other's
    # spans as suggestions, so that both are cut at the same places.
    for name, docs, others in [("gold", golds, preds), ("pred", preds, golds)]:
        lines = [{**d, "suggestions": o["spans"]} for d, o in zip(docs, others)]
        f = tmp_path / f"{name}.jsonl"
        f.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
        barchasb("convert", "--to", "conll", "--suggestions", f, "-o", tmp_path / f"{name}.conll")
    y_true = [t for _, t in conll_docs(tmp_path / "gold.conll")]
    y_pred = [t for _, t in conll_docs(tmp_path / "pred.conll")]
    assert [len(t) for t in y_true] == [len(t) for t in y_pred]
    report = barchasb("eval", path).stdout.decode("utf-8").strip().splitlines()[-1]
    ours = float(re.search(r"F1=([0-9.]+)", report).group(1))
    theirs = f1_score(y_true, y_pred)
    print(f"{gold}: barchasb eval F1={ours:.4f}, seqeval F1={theirs:.4f}")
    assert round(theirs, 3) == round(ours, 3)
    if gold == "news-dev":
        assert theirs < 0.95  # real news the rules were not written for
