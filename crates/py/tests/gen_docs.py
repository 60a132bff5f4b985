"""Generated news-like documents from the seeds' texts, with the variations
real archives have (Arabic ي/ك, digits of another script, ZWNJ written as a
space, tatweel, an emoji, sentences in another order), for the Spark test
and the benchmarks. Deterministic for a seed."""

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def sentences():
    texts = [json.loads(line)["text"] for line in (ROOT / "seeds" / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    found = [s.strip() for t in texts for s in re.split(r"(?<=[.!؟?])\s+|\n+", t) if len(s.strip()) > 20]
    assert len(found) > 10, "the seeds are missing"
    return found


PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_LETTERS = str.maketrans("یک", "يك")


def vary(s, rng):
    r = rng.random()
    if r < 0.15:
        s = s.translate(ARABIC_LETTERS)
    elif r < 0.3:
        s = s.translate(PERSIAN_DIGITS)
    elif r < 0.4:
        s = s.replace("\u200c", " ")
    elif r < 0.5:
        s = s.replace("ا", "ـا", 1)
    return s


def generate(n, seed=15):
    """`n` documents `{"id", "text"}`, 1 to 6 sentences each."""
    rng = random.Random(seed)
    pool = sentences()
    docs = []
    for i in range(n):
        text = " ".join(vary(rng.choice(pool), rng) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.05:
            text = "🙂 " + text
        docs.append({"id": f"gen-{i}", "text": text})
    return docs


def write_jsonl(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
