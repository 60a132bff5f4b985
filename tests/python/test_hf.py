"""The Hugging Face export: `datasets.load_dataset("json")` reads it, with
the features file written beside it or by casting `ner_tags` to the
`ClassLabel` names, and every span is the entity of its tokens; with the
files beside it, it reads back into barchasb unchanged."""

import json

from datasets import ClassLabel, Features, Sequence, load_dataset
from seqeval.scheme import IOB2, Entities

from exchange_docs import inputs


def export(barchasb, tmp_path, fixtures):
    files, docs = inputs(tmp_path, fixtures)
    out = tmp_path / "hf" / "train.hf.jsonl"
    out.parent.mkdir()
    barchasb("convert", "--to", "hf", *files, "-o", out)
    native = barchasb("convert", "--to", "jsonl", *files).stdout.decode("utf-8")
    return out, [json.loads(line) for line in native.splitlines()]


def check_entities(ds, lines):
    names = ds.features["ner_tags"].feature.names
    assert names[0] == "O"
    tags = [[names[i] for i in row["ner_tags"]] for row in ds]
    total = 0
    for row, line, ents in zip(ds, lines, Entities(tags, IOB2).entities):
        assert row["id"] == line["id"]
        assert row["tokens"] == [t["text"] for t in line["tokens"]]
        want = sorted((s["label"], s["token_start"], s["token_end"]) for s in line["spans"])
        assert sorted((e.tag, e.start, e.end - 1) for e in ents) == want, line["id"]
        total += len(want)
    assert total == sum(len(line["spans"]) for line in lines) > 300


def test_load_dataset_reads_it_with_the_features_written_beside_it(barchasb, tmp_path, fixtures):
    out, lines = export(barchasb, tmp_path, fixtures)
    features = Features.from_dict(json.loads((out.parent / "train.features.json").read_text(encoding="utf-8")))
    ds = load_dataset("json", data_files=str(out), features=features, split="train")
    assert len(ds) == len(lines)
    assert isinstance(ds.features["ner_tags"].feature, ClassLabel)
    check_entities(ds, lines)


def test_load_dataset_reads_it_alone_and_casts_to_the_class_label_names(barchasb, tmp_path, fixtures):
    out, lines = export(barchasb, tmp_path, fixtures)
    ds = load_dataset("json", data_files=str(out), split="train")
    names = json.loads((out.parent / "train.features.json").read_text(encoding="utf-8"))
    names = names["ner_tags"]["feature"]["names"]
    ds = ds.cast_column("ner_tags", Sequence(ClassLabel(names=names)))
    labels = {s["label"] for line in lines for s in line["spans"]}
    assert set(names) >= {"O"} | {f"{p}-{label}" for label in labels for p in "BI"}
    assert names[1:3] == ["B-PER", "I-PER"]  # the project's label set, in its order
    check_entities(ds, lines)


def test_it_reads_back_unchanged_with_the_files_beside_it(barchasb, tmp_path, fixtures):
    out, lines = export(barchasb, tmp_path, fixtures)
    back = barchasb("convert", "--to", "jsonl", out).stdout.decode("utf-8")
    assert [json.loads(line) for line in back.splitlines()] == lines
