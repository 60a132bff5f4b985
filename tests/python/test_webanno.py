"""The WebAnno TSV 3.3 export (what INCEpTION imports): a zip of one .tsv
per document whose token offsets are UTF-16 code units of the text (an
emoji counts two), whose layout is the one INCEpTION's reader accepts, and
whose text, rebuilt from the #Text= lines as that reader does, is the
document's own."""

import json
import re
import zipfile

from exchange_docs import EXTRA, inputs, spans_of

EMOJI = EXTRA[0]

VALUE_ESCAPES = [("\\\\", "\\"), ("\\[", "["), ("\\]", "]"), ("\\|", "|"), ("\\_", "_"), ("\\->", "->"),
                 ("\\;", ";"), ("\\t", "\t"), ("\\n", "\n"), ("\\*", "*")]


def unescape(s, pairs):
    out, i = [], 0
    while i < len(s):
        for esc, raw in pairs:
            if s.startswith(esc, i):
                out.append(raw)
                i += len(esc)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def u16(text, cp):
    return len(text[:cp].encode("utf-16-le")) // 2


def export(barchasb, tmp_path, fixtures):
    files, docs = inputs(tmp_path, fixtures)
    out = tmp_path / "corpus.webanno.zip"
    barchasb("convert", "--to", "webanno", *files, "-o", out)
    with zipfile.ZipFile(out) as z:
        manifest = [json.loads(line) for line in z.read("barchasb-documents.jsonl").decode("utf-8").splitlines()]
        tsvs = {m["id"]: z.read(m["file"] + ".tsv").decode("utf-8") for m in manifest}
    return out, docs, tsvs


def parse(tsv):
    """Sentences (their #Text= lines) and token rows of a TSV, checking the
    layout INCEpTION's reader needs: the header, two empty lines, one empty
    line between sentences, none at the end."""
    head, body = tsv.split("\n\n\n", 1)
    assert head.split("\n") == [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value",
    ]
    assert tsv.endswith("\n") and not tsv.endswith("\n\n")
    sentences = []
    for block in body[:-1].split("\n\n"):
        lines = block.split("\n")
        texts = [line[len("#Text="):] for line in lines if line.startswith("#Text=")]
        rows = [line.split("\t") for line in lines if not line.startswith("#")]
        assert texts and rows and len(texts) + len(rows) == len(lines)
        sentences.append((texts, rows))
    return sentences


def rebuild(sentences):
    """The text as INCEpTION's Tsv3XDeserializer rebuilds it: each sentence
    at its first token's offset (UTF-16), a line break after each #Text=
    line, spaces to fill a gap."""
    text = ""
    for texts, rows in sentences:
        begin = int(rows[0][1].split("-")[0])
        size = len(text.encode("utf-16-le")) // 2
        if size > begin:
            assert size == begin + 1 and text.endswith("\n")
            text = text[:-1]
        text += " " * (begin - len(text.encode("utf-16-le")) // 2)
        text += "".join(t.replace("\\\\", "\\") + "\n" for t in texts)
    return text


def test_offsets_are_utf16_code_units(barchasb, tmp_path, fixtures):
    _, docs, tsvs = export(barchasb, tmp_path, fixtures)
    rows = [r for _, rs in parse(tsvs["emoji-1"]) for r in rs]
    units = EMOJI["text"].encode("utf-16-le")
    for sent_tok, offsets, token, _ in rows:
        s, e = map(int, offsets.split("-"))
        assert units[2 * s : 2 * e].decode("utf-16-le") == unescape(token, VALUE_ESCAPES)
    by_token = {r[2]: r for r in rows}
    assert by_token["ایمیدرو"][1] == "14-21"  # code points 13–20: the emoji counts two
    assert by_token["ایمیدرو"][3] == "ORG" and by_token["ایران"][3] == "LOC"
    assert by_token["Rio"][3] == by_token["Tinto"][3] == "ORG[1]"
    assert by_token["بست"][0].startswith("1-") and by_token["سازمان"][0] == "2-1"
    assert by_token["سازمان"][3] == by_token["توسعه"][3] == "ORG[2]"


def test_every_token_and_entity_of_the_fixtures(barchasb, tmp_path, fixtures):
    _, docs, tsvs = export(barchasb, tmp_path, fixtures)
    assert len(tsvs) == len(docs)
    total = 0
    for doc in docs:
        text, sentences = doc["text"], parse(tsvs[doc["id"]])
        assert rebuild(sentences) == text + "\n", doc["id"]
        units = text.encode("utf-16-le")
        found, multi = [], {}
        for _, rows in sentences:
            for _, offsets, token, value in rows:
                s, e = map(int, offsets.split("-"))
                assert units[2 * s : 2 * e].decode("utf-16-le") == unescape(token, VALUE_ESCAPES)
                m = re.fullmatch(r"(.+)\[(\d+)\]", value)
                if m:
                    first = multi.setdefault(m.group(2), [s, e, m.group(1)])
                    first[1] = e
                elif value != "_":
                    found.append((s, e, value))
        found += [tuple(v) for v in multi.values()]
        want = sorted((u16(text, x["start"]), u16(text, x["end"]), x["label"]) for x in doc["spans"])
        assert sorted(found) == want, doc["id"]
        total += len(found)
    assert total == sum(len(d["spans"]) for d in docs) > 300


def test_the_zip_and_a_lone_tsv_read_back(barchasb, tmp_path, fixtures):
    out, docs, tsvs = export(barchasb, tmp_path, fixtures)
    back = barchasb("convert", "--from", "webanno", "--to", "doccano", out).stdout.decode("utf-8")
    lines = [json.loads(line) for line in back.splitlines()]
    assert [line["id"] for line in lines] == [d["id"] for d in docs]
    for line, doc in zip(lines, docs):
        assert line["text"] == doc["text"]
        assert sorted(map(tuple, line["label"])) == spans_of(doc)
        assert line["status"] == doc.get("status", "new")
    lone = tmp_path / "emoji-1.tsv"
    lone.write_text(tsvs["emoji-1"], encoding="utf-8")
    one = json.loads(barchasb("convert", "--to", "doccano", lone).stdout)
    assert (one["id"], one["text"], one["status"]) == ("emoji-1", EMOJI["text"], "done")
    assert sorted(map(tuple, one["label"])) == spans_of(EMOJI)
