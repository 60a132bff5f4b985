"""The brat export: a zip that Python's zipfile opens, one .txt/.ann pair
per document, every text-bound line of which slices its .txt exactly by
code points (brat's server checks `text[start:end]` the same way), and
which reads back, as a zip and as a lone pair beside its text."""

import json
import zipfile

from exchange_docs import EXTRA, inputs, spans_of


def export(barchasb, tmp_path, fixtures):
    files, docs = inputs(tmp_path, fixtures)
    out = tmp_path / "corpus.brat.zip"
    barchasb("convert", "--to", "brat", *files, "-o", out)
    return out, docs


def parse_ann(ann):
    """(start, end, type, fragments, text) of each T line; nothing else is written."""
    found = []
    for line in ann.splitlines():
        tid, middle, text = line.split("\t")
        assert tid.startswith("T"), line
        label, offsets = middle.split(" ", 1)
        frags = [tuple(map(int, f.split(" "))) for f in offsets.split(";")]
        found.append((frags[0][0], frags[-1][1], label, frags, text))
    return found


def test_every_ann_line_slices_its_txt_from_the_zip(barchasb, tmp_path, fixtures):
    out, docs = export(barchasb, tmp_path, fixtures)
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        names = z.namelist()
        manifest = [json.loads(line) for line in z.read("barchasb-documents.jsonl").decode("utf-8").splitlines()]
        conf = z.read("annotation.conf").decode("utf-8")
        pairs = {m["id"]: (z.read(m["file"] + ".txt").decode("utf-8"), z.read(m["file"] + ".ann").decode("utf-8")) for m in manifest}
    assert len(names) == 2 * len(docs) + 2
    labels = {s["label"] for d in docs for s in d["spans"]}
    assert labels <= set(conf.split("[relations]")[0].split())
    total = 0
    for doc in docs:
        text, ann = pairs[doc["id"]]
        assert text == doc["text"]
        found = parse_ann(ann)
        for start, end, _, frags, claimed in found:
            assert " ".join(text[a:b] for a, b in frags) == claimed
            assert all("\n" not in text[a:b] for a, b in frags)
        assert sorted((s, e, l) for s, e, l, _, _ in found) == spans_of(doc)
        total += len(found)
    assert total == sum(len(d["spans"]) for d in docs) > 300
    emoji = parse_ann(pairs["emoji-1"][1])
    assert [f[4] for f in emoji] == ["ایران", "ایمیدرو", "Rio Tinto", "سازمان توسعه"]
    assert [f[3] for f in parse_ann(pairs["lines/2"][1])] == [[(0, 27), (28, 47)], [(51, 55)]]


def test_the_zip_reads_back_with_ids_and_statuses(barchasb, tmp_path, fixtures):
    out, docs = export(barchasb, tmp_path, fixtures)
    back = barchasb("convert", "--from", "brat", "--to", "doccano", out).stdout.decode("utf-8")
    lines = [json.loads(line) for line in back.splitlines()]
    assert [line["id"] for line in lines] == [d["id"] for d in docs]
    for line, doc in zip(lines, docs):
        assert line["text"] == doc["text"]
        assert sorted(map(tuple, line["label"])) == spans_of(doc)
        assert line["status"] == doc.get("status", "new")


def test_a_lone_pair_is_read_with_the_text_beside_it(barchasb, tmp_path, fixtures):
    out, docs = export(barchasb, tmp_path, fixtures)
    with zipfile.ZipFile(out) as z:
        z.extract("lines_2.txt", tmp_path / "pair")
        z.extract("lines_2.ann", tmp_path / "pair")
    ann = tmp_path / "pair" / "lines_2.ann"
    back = json.loads(barchasb("convert", "--to", "doccano", ann).stdout)
    assert back["id"] == "lines_2" and back["status"] == "done"
    assert sorted(map(tuple, back["label"])) == spans_of(EXTRA[1])
    (tmp_path / "pair" / "lines_2.txt").unlink()
    p = barchasb("convert", "--to", "doccano", ann, check=False)
    assert p.returncode != 0 and "lines_2.txt" in p.stderr.decode()
