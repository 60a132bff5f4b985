"""The doccano export: JSONL lines `{"id","text","label":[[s,e,L]],…}`
whose every span slices its text by Python's code points (doccano's
convention for its files), which read back unchanged, and doccano's other
export (the `entities` form of its relation projects) reads the same."""

import json

from exchange_docs import EXTRA, doccano_lines, inputs, spans_of


def export(barchasb, tmp_path, fixtures, *extra):
    files, docs = inputs(tmp_path, fixtures)
    out = barchasb("convert", "--to", "doccano", *extra, *files).stdout.decode("utf-8")
    return out, docs


def test_every_label_slices_its_text_and_ids_statuses_fields_are_kept(barchasb, tmp_path, fixtures):
    out, docs = export(barchasb, tmp_path, fixtures)
    lines = doccano_lines(out)
    assert [line["id"] for line in lines] == [d["id"] for d in docs]
    total = 0
    for line, doc in zip(lines, docs):
        assert line["text"] == doc["text"]
        assert sorted(map(tuple, line["label"])) == spans_of(doc)
        want = {(s["start"], s["end"]): doc["text"][s["start"] : s["end"]] for s in doc["spans"]}
        assert {(s, e): line["text"][s:e] for s, e, _ in line["label"]} == want
        assert line["status"] == doc.get("status", "new")
        assert "suggestions" not in line
        total += len(line["label"])
    assert total == sum(len(d["spans"]) for d in docs) > 300
    emoji = next(line for line in lines if line["id"] == "emoji-1")
    assert [emoji["text"][s:e] for s, e, _ in emoji["label"]] == ["ایران", "ایمیدرو", "Rio Tinto", "سازمان توسعه"]


def test_the_export_reads_back_unchanged_with_its_suggestions(barchasb, tmp_path, fixtures):
    out, _ = export(barchasb, tmp_path, fixtures, "--suggestions")
    assert sorted(map(tuple, doccano_lines(out)[-2]["suggestions"])) == spans_of(EXTRA[0], "suggestions")
    path = tmp_path / "back.jsonl"
    path.write_text(out, encoding="utf-8")
    again = barchasb("convert", "--from", "doccano", "--to", "doccano", "--suggestions", path)
    assert again.stdout.decode("utf-8") == out
    assert "outside the Basic Multilingual Plane" in again.stderr.decode("utf-8")


def test_the_entities_form_reads_the_same(barchasb, tmp_path, fixtures):
    out, _ = export(barchasb, tmp_path, fixtures)
    rows = []
    for k, line in enumerate(doccano_lines(out)):
        entities = [
            {"id": 10 * k + i, "label": label, "start_offset": s, "end_offset": e}
            for i, (s, e, label) in enumerate(line["label"])
        ]
        rows.append({"id": line["id"], "text": line["text"], "entities": entities, "relations": [], "Comments": []})
    path = tmp_path / "relations.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    back = doccano_lines(barchasb("convert", "--to", "doccano", path).stdout.decode("utf-8"))
    for b, line in zip(back, doccano_lines(out)):
        assert (b["id"], b["text"], b["label"], b["status"], b["Comments"]) == (
            line["id"],
            line["text"],
            line["label"],
            "done",
            [],
        )
