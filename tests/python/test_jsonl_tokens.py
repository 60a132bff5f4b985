"""The native JSONL export: each line's tokens (Prodigy's
`{text,start,end,id,ws}`) slice the text by code points, each span's `text`
is its slice and its `token_start`/`token_end` (inclusive) are the tokens it
covers, and a complete DATE carries its ISO 8601 `value`."""

import datetime
import json
import re

from exchange_docs import inputs


def test_tokens_spans_and_date_values_slice_the_text(barchasb, tmp_path, fixtures):
    files, docs = inputs(tmp_path, fixtures)
    out = barchasb("convert", "--to", "jsonl", "--suggestions", *files).stdout.decode("utf-8")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == [d["id"] for d in docs]
    values = 0
    for line, doc in zip(lines, docs):
        text = line["text"]
        assert text == doc["text"]
        toks = line["tokens"]
        assert [t["id"] for t in toks] == list(range(len(toks)))
        for t, after in zip(toks, toks[1:] + [None]):
            assert text[t["start"] : t["end"]] == t["text"] and t["text"].strip() == t["text"] != ""
            assert t["ws"] == (t["end"] < len(text) and text[t["end"]].isspace())
            gap = text[t["end"] : after["start"] if after else len(text)]
            assert gap.strip() == "", "the tokens are the text without its white space"
        for key in ["spans", "suggestions"]:
            assert [(s["start"], s["end"], s["label"]) for s in line.get(key, [])] == [
                (s["start"], s["end"], s["label"]) for s in sorted(doc.get(key, []), key=lambda s: s["start"])
            ]
            for s in line.get(key, []):
                assert s["text"] == text[s["start"] : s["end"]]
                assert toks[s["token_start"]]["start"] == s["start"]
                assert toks[s["token_end"]]["end"] == s["end"]
                if "value" in s:
                    assert s["label"] == "DATE"
                    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s["value"]), s
                    if len(s["value"]) == 10:
                        datetime.date.fromisoformat(s["value"])
                    values += 1
    print(f"{values} DATE values")
    assert values > 0
