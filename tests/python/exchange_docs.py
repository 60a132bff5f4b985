"""Documents the exchange-format tests add to the project's fixtures: an
emoji before an entity (code points and UTF-16 part there), ایران(ایمیدرو)
(one word for a whitespace tokenizer), Latin names, Persian and Latin
digits, a span across a line break, a suggestion and the statuses."""

import json

EXTRA = [
    {
        "id": "emoji-1",
        "text": "🙂 شرکت ایران(ایمیدرو) در 1402 با Rio Tinto 👍🏽 قرارداد بست\n\nسازمان توسعه گفت",
        "spans": [
            {"start": 7, "end": 12, "label": "LOC"},
            {"start": 13, "end": 20, "label": "ORG"},
            {"start": 33, "end": 42, "label": "ORG"},
            {"start": 59, "end": 71, "label": "ORG"},
        ],
        "suggestions": [{"start": 25, "end": 29, "label": "DATE"}],
        "status": "in_progress",
    },
    {
        "id": "lines/2",
        "text": "سازمان توسعه و نوسازی معادن\nو صنایع معدنی ایران در ۱۴۰۲ گفت",
        "spans": [{"start": 0, "end": 47, "label": "ORG"}, {"start": 51, "end": 55, "label": "DATE"}],
        "status": "done",
    },
]


def inputs(tmp_path, fixtures):
    """The input files (the fixtures and one of EXTRA) and their documents."""
    extra = tmp_path / "extra.jsonl"
    extra.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in EXTRA), encoding="utf-8")
    files = [*fixtures, extra]
    docs = [json.loads(line) for f in files for line in open(f, encoding="utf-8") if line.strip()]
    return files, docs


def spans_of(doc, key="spans"):
    """A document's spans as sorted (start, end, label)."""
    return sorted((s["start"], s["end"], s["label"]) for s in doc.get(key, []))


def doccano_lines(text):
    """The documents of doccano JSONL output."""
    return [json.loads(line) for line in text.splitlines()]
