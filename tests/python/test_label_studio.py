"""The Label Studio export, read by the Label Studio SDK itself: the
labelling config parses and validates, every annotation and prediction
validates against it, the SDK's converter turns the tasks into JSON-MIN and
CoNLL, and every region slices its text exactly by Python's code points."""

import json

from label_studio_sdk.converter import Converter
from label_studio_sdk.label_interface import LabelInterface
from label_studio_sdk.label_interface.objects import PredictionValue

from exchange_docs import inputs, spans_of


def export(barchasb, tmp_path, fixtures):
    files, docs = inputs(tmp_path, fixtures)
    out = tmp_path / "tasks.label-studio.json"
    barchasb("convert", "--to", "label-studio", "--suggestions", *files, "-o", out)
    config = (tmp_path / "tasks.label-config.xml").read_text(encoding="utf-8")
    return out, json.loads(out.read_text(encoding="utf-8")), config, docs


def test_the_sdk_validates_the_config_every_annotation_and_prediction(barchasb, tmp_path, fixtures):
    _, tasks, config, docs = export(barchasb, tmp_path, fixtures)
    li = LabelInterface(config)
    li.validate()
    assert len(tasks) == len(docs)
    predictions = 0
    for task in tasks:
        # validate_task itself calls validate_annotation() without its argument in SDK 2.1.2
        assert all(task["data"].get(o.value_name) is not None for o in li.objects if o.value_is_variable)
        for ann in task["annotations"]:
            assert li.validate_annotation(ann), task["data"]["id"]
        for pred in task.get("predictions", []):
            predictions += 1
            assert li.validate_prediction(pred, return_errors=True) == [], task["data"]["id"]
            assert PredictionValue(**pred).result == pred["result"]
    assert predictions == 1


def test_regions_slice_the_text_by_code_points_and_match_the_input(barchasb, tmp_path, fixtures):
    _, tasks, _, docs = export(barchasb, tmp_path, fixtures)
    by_id = {d["id"]: d for d in docs}
    total = 0
    for task in tasks:
        text, doc = task["data"]["text"], by_id[task["data"]["id"]]
        assert text == doc["text"]
        regions = [r["value"] for a in task["annotations"] for r in a["result"]]
        for v in regions:
            assert text[v["start"] : v["end"]] == v["text"]
        assert sorted((v["start"], v["end"], v["labels"][0]) for v in regions) == spans_of(doc)
        total += len(regions)
    assert total == sum(len(d["spans"]) for d in docs) > 300
    emoji = next(t for t in tasks if t["data"]["id"] == "emoji-1")
    texts = [r["value"]["text"] for r in emoji["annotations"][0]["result"]]
    assert texts == ["ایران", "ایمیدرو", "Rio Tinto", "سازمان توسعه"]
    assert emoji["predictions"][0]["result"][0]["value"]["text"] == "1402"
    assert emoji["meta"] == {"status": "in_progress"}


def test_the_sdk_converter_reads_the_tasks_into_json_min_and_conll(barchasb, tmp_path, fixtures):
    out, tasks, config, docs = export(barchasb, tmp_path, fixtures)
    conv = Converter(config=config, project_dir=None)
    conv.convert(str(out), str(tmp_path / "min"), "JSON_MIN", is_dir=False)
    rows = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    annotated = [t for t in tasks if t["annotations"]]
    assert len(rows) == len(annotated)
    by_id = {d["id"]: d for d in docs}
    for row in rows:
        doc = by_id[next(t for t in tasks if t["id"] == row["id"])["data"]["id"]]
        labels = row.get("label", [])
        assert sorted((r["start"], r["end"], r["labels"][0]) for r in labels) == spans_of(doc)
        assert all(row["text"][r["start"] : r["end"]] == r["text"] for r in labels)
    conv.convert(str(out), str(tmp_path / "conll"), "CONLL2003", is_dir=False)
    conll = (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8")
    assert conll.startswith("-DOCSTART-") and conll.count(" B-") > 300


def test_a_label_studio_export_reads_back(barchasb, tmp_path, fixtures):
    out, _, _, docs = export(barchasb, tmp_path, fixtures)
    back = barchasb("convert", "--from", "label-studio", "--to", "doccano", out).stdout.decode("utf-8")
    lines = [json.loads(line) for line in back.splitlines()]
    assert [line["id"] for line in lines] == [d["id"] for d in docs]
    for line, doc in zip(lines, docs):
        assert sorted(map(tuple, line["label"])) == spans_of(doc)
        assert line["status"] == doc.get("status", "new")
