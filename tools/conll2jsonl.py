#!/usr/bin/env python3
"""CoNLL (`token TAG`, IOB2, blank line between sentences) to barchasb JSONL.

Each sentence becomes one line `{"id", "text", "spans"}`: tokens joined with
single spaces, spans in code points (end exclusive). ARMAN's classes map to
the project's labels: pers→PER, org→ORG, loc→LOC, fac→FAC, event→EVENT,
pro→AGREEMENT. `--labels PER,ORG` keeps only those gold labels.

Usage: python3 tools/conll2jsonl.py IN.txt [--labels L1,L2] > /tmp/out.jsonl
       python3 tools/conll2jsonl.py --jsonl PRED.jsonl --labels L1,L2 > /tmp/pred.jsonl
       (the second form only filters the spans of JSONL lines, e.g. predictions,
       so both sides of an evaluation keep the same labels)

Write the output to /tmp: corpora such as ARMAN are licensed for research
use only and must never be committed.
"""
import argparse
import json
import sys

LABELS = {"pers": "PER", "org": "ORG", "loc": "LOC", "fac": "FAC", "event": "EVENT", "pro": "AGREEMENT"}


def sentences(lines):
    sent = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        tok, _, tag = line.rpartition(" ")
        if not tok:
            sys.exit(f"line {n}: expected 'token TAG', got {line!r}")
        sent.append((tok, tag))
    if sent:
        yield sent


def to_doc(idx, sent):
    text, spans, cur = "", [], None
    for tok, tag in sent:
        if text:
            text += " "
        start = len(text)
        text += tok
        prefix, _, cls = tag.partition("-")
        label = LABELS.get(cls.lower(), cls.upper()) if cls else None
        if prefix == "I" and cur is not None and cur["label"] == label:
            cur["end"] = len(text)
            continue
        cur = None
        if prefix in ("B", "I") and label:  # a stray I- starts a span (conlleval)
            cur = {"start": start, "end": len(text), "label": label}
            spans.append(cur)
    return {"id": f"s{idx}", "text": text, "spans": spans}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("--labels", help="comma-separated gold labels to keep (default: all)")
    ap.add_argument("--jsonl", action="store_true", help="input is JSONL already: only filter its spans")
    args = ap.parse_args()
    keep = set(args.labels.split(",")) if args.labels else None
    with open(args.input, encoding="utf-8") as f:
        docs = (json.loads(line) for line in f if line.strip()) if args.jsonl else (
            to_doc(i, sent) for i, sent in enumerate(sentences(f), 1))
        for doc in docs:
            if keep is not None:
                doc["spans"] = [s for s in doc["spans"] if s["label"] in keep]
            print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main()
