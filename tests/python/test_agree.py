"""`barchasb agree` against the reference implementations: scikit-learn's
Cohen's kappa, statsmodels' Fleiss' kappa, the krippendorff package's
nominal alpha, span F1 as a set computation and the one-to-one overlap
matching as scipy's maximum bipartite matching.

The annotators are made from the project's fixtures (the seeds' gold, the
news-dev gold where it is, the exchange tests' extra documents) by
perturbing their spans with a seeded RNG: dropped, relabelled, boundaries
moved to other token boundaries, new spans. The tokens are barchasb's own,
from `barchasb convert --to jsonl` of the texts without spans; the BIO tags
over them are made here by the definition (a token takes the first span
that shares a code point with it: B- where the token before it is not in
that span, I- where it is, O where no span touches it)."""

import json
import random
import re

import krippendorff
import numpy as np
import pytest
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_bipartite_matching
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

from conftest import ROOT, SHARED
from exchange_docs import EXTRA

TOL = 1e-6  # stricter than the 4 decimals asked for


@pytest.fixture(scope="module")
def base():
    """The fixture documents (id, text, spans) and barchasb's tokens of each text."""
    files = [ROOT / "seeds" / "gold.jsonl", SHARED / "news-dev" / "gold.jsonl"]
    docs = [json.loads(line) for f in files if f.exists() for line in open(f, encoding="utf-8") if line.strip()]
    docs += EXTRA
    docs = [{"id": d["id"], "text": d["text"], "spans": d.get("spans", [])} for d in docs]
    assert len({d["id"] for d in docs}) == len(docs)
    return docs


@pytest.fixture(scope="module")
def tokens(base, barchasb, tmp_path_factory):
    """id -> [(start, end)] of barchasb's tokens (a text without spans, so no
    token is split for a span's sake)."""
    plain = tmp_path_factory.mktemp("agree") / "plain.jsonl"
    write(plain, [{"id": d["id"], "text": d["text"]} for d in base])
    out = barchasb("convert", "--to", "jsonl", plain).stdout.decode("utf-8")
    lines = [json.loads(line) for line in out.splitlines()]
    return {line["id"]: [(t["start"], t["end"]) for t in line["tokens"]] for line in lines}


def write(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


def perturb(doc, toks, labels, rng):
    """The document with its spans changed as another annotator might."""
    starts = [s for s, _ in toks]
    ends = [e for _, e in toks]
    spans = []
    for s in doc["spans"]:
        start, end, label = s["start"], s["end"], s["label"]
        r = rng.random()
        if r < 0.12:
            continue
        if r < 0.25:
            label = rng.choice([x for x in labels if x != label] or [label])
        elif r < 0.45:
            # a boundary moves to a neighbouring token boundary
            if rng.random() < 0.5:
                i = min(range(len(starts)), key=lambda i: abs(starts[i] - start))
                start = starts[max(0, min(len(starts) - 1, i + rng.choice([-1, 1])))]
            else:
                i = min(range(len(ends)), key=lambda i: abs(ends[i] - end))
                end = ends[max(0, min(len(ends) - 1, i + rng.choice([-1, 1])))]
        if start < end:
            spans.append((start, end, label))
    for _ in range(rng.randrange(3)):
        i = rng.randrange(len(toks))
        j = min(len(toks) - 1, i + rng.randrange(3))
        spans.append((toks[i][0], toks[j][1], rng.choice(labels)))
    kept, last = [], 0
    for start, end, label in sorted(spans):
        if start >= last:
            kept.append({"start": start, "end": end, "label": label})
            last = end
    return {"id": doc["id"], "text": doc["text"], "spans": kept}


def bio(toks, spans):
    out, prev = [], None
    for ts, te in toks:
        hit = next((k for k, s in enumerate(spans) if s["start"] < te and ts < s["end"]), None)
        if hit is None:
            out.append("O")
        else:
            out.append(("I-" if prev == hit else "B-") + spans[hit]["label"])
        prev = hit
    return out


def codes(rows):
    """Tag strings as integer codes, one row per annotator."""
    index = {t: i for i, t in enumerate(sorted({t for row in rows for t in row}))}
    return np.array([[index[t] for t in row] for row in rows])


def kappa_alpha(rows):
    """(Cohen's kappa of each pair, Fleiss' kappa, alpha) by the references;
    nan where a reference cannot say (one category only)."""
    data = codes(rows)
    if len(np.unique(data)) < 2:
        return {}, float("nan"), float("nan")
    cohen = {(a, b): cohen_kappa_score(rows[a], rows[b]) for a in range(len(rows)) for b in range(a + 1, len(rows))}
    table, _ = aggregate_raters(data.T)
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    return cohen, fleiss_kappa(table, method="fleiss"), alpha


def max_overlap_matching(a, b):
    """The size of a maximum one-to-one matching of overlapping spans (scipy)."""
    if not a or not b:
        return 0
    graph = np.array([[int(x[0] < y[1] and y[0] < x[1]) for y in b] for x in a])
    m = maximum_bipartite_matching(csr_array(graph), perm_type="column")
    return int((m >= 0).sum())


def span_sets(annotator, shared):
    return [{(d["id"], s["start"], s["end"], s["label"]) for s in d["spans"]} for d in annotator if d["id"] in shared]


def f1(tp, na, nb):
    return None if na + nb == 0 else 2 * tp / (na + nb)


def close(ours, ref):
    if ref is None or ref != ref:  # None or nan: the measure is 0/0
        return ours is None
    return ours is not None and abs(ours - ref) < TOL


def annotators(base, tokens, n, seed, tmp_path):
    rng = random.Random(seed)
    labels = sorted({s["label"] for d in base for s in d["spans"]})
    files, anns = [], []
    for k in range(n):
        docs = [perturb(d, tokens[d["id"]], labels, rng) for d in base]
        if k == n - 1:
            docs.pop(rng.randrange(len(docs)))  # one document this annotator never did
        files.append(tmp_path / f"ann{k}.jsonl")
        write(files[-1], docs)
        anns.append(docs)
    return files, anns


# A label one pair never used: the references warn and give nan, ours None.
@pytest.mark.filterwarnings("ignore:A single label was found", "ignore::sklearn.exceptions.UndefinedMetricWarning")
@pytest.mark.parametrize("n,seed", [(2, 1), (2, 2), (2, 3), (3, 4), (3, 5), (4, 6)])
def test_agreement_equals_the_references(barchasb, base, tokens, tmp_path, n, seed):
    files, anns = annotators(base, tokens, n, seed, tmp_path)
    p = barchasb("agree", *files, "--json")
    got = json.loads(p.stdout)
    shared = set.intersection(*({d["id"] for d in a} for a in anns))
    order = [d["id"] for d in anns[0] if d["id"] in shared]
    assert got["documents"] == len(order) == len(base) - 1
    left = [d["id"] for d in anns[0] if d["id"] not in shared]
    assert got["left_out"][0] == left and left[0] in p.stderr.decode("utf-8")
    by_id = [{d["id"]: d for d in a} for a in anns]
    rows = [[t for i in order for t in bio(tokens[i], by_id[k][i]["spans"])] for k in range(n)]
    assert got["tokens"] == len(rows[0])
    labels = sorted({s["label"] for a in by_id for i in order for s in a[i]["spans"]})
    assert got["labels"] == labels

    cohen, fleiss, alpha = kappa_alpha(rows)
    assert close(got["overall"]["fleiss_kappa"], fleiss), (got["overall"], fleiss)
    assert close(got["overall"]["alpha"], alpha), (got["overall"], alpha)
    for p_ in got["pairs"]:
        assert close(p_["cohen_kappa"], cohen[(p_["a"], p_["b"])])
    assert close(got["overall"]["kappa"], cohen[(0, 1)] if n == 2 else fleiss)

    sets = [span_sets(a, shared) for a in anns]
    totals = [set().union(*s) for s in sets]
    pair_f1 = []
    for p_ in got["pairs"]:
        a, b = totals[p_["a"]], totals[p_["b"]]
        assert p_["exact"]["matched"] == len(a & b) and (p_["exact"]["a"], p_["exact"]["b"]) == (len(a), len(b))
        assert close(p_["exact"]["f1"], f1(len(a & b), len(a), len(b)))
        pair_f1.append(f1(len(a & b), len(a), len(b)))
        matched = {lab: 0 for lab in labels}
        for i in order:
            for lab in labels:
                sa = [(s["start"], s["end"]) for s in by_id[p_["a"]][i]["spans"] if s["label"] == lab]
                sb = [(s["start"], s["end"]) for s in by_id[p_["b"]][i]["spans"] if s["label"] == lab]
                matched[lab] += max_overlap_matching(sa, sb)
        for lab in labels:
            na = sum(1 for s in a if s[3] == lab)
            nb = sum(1 for s in b if s[3] == lab)
            part = p_["by_label"][lab]["partial"]
            assert (part["a"], part["b"], part["matched"]) == (na, nb, matched[lab]), lab
            exact_l = len({s for s in a & b if s[3] == lab})
            assert close(p_["by_label"][lab]["exact"]["f1"], f1(exact_l, na, nb))
        assert p_["partial"]["matched"] == sum(matched.values())
        check_confusion(p_, labels, by_id, order)
    assert close(got["overall"]["f1"], sum(pair_f1) / len(pair_f1))

    for lab in labels:
        binary = [["1" if t != "O" and t[2:] == lab else "0" for t in row] for row in rows]
        cohen_l, fleiss_l, alpha_l = kappa_alpha(binary)
        mine = got["by_label"][lab]
        assert close(mine["fleiss_kappa"], fleiss_l), lab
        assert close(mine["alpha"], alpha_l), lab
        for p_ in got["pairs"]:
            ref = cohen_l.get((p_["a"], p_["b"]), float("nan"))
            assert close(p_["by_label"][lab]["cohen_kappa"], ref), lab
        assert mine["spans"] == [sum(1 for i in order for s in a[i]["spans"] if s["label"] == lab) for a in by_id]

    last = barchasb("agree", *files).stdout.decode("utf-8").splitlines()[-1]
    o = got["overall"]
    assert last == f"overall F1={o['f1']:.4f} kappa={o['kappa']:.4f} alpha={o['alpha']:.4f}"


def check_confusion(pair, labels, by_id, order):
    """Each span of a in its label's row, each of b in its label's column;
    spans with the same bounds paired with each other."""
    cells = np.array(pair["confusion"])
    k = len(labels)
    assert cells.shape == (k + 1, k + 1) and cells[k, k] == 0
    same = np.zeros_like(cells)
    for li, lab in enumerate(labels):
        assert cells[li].sum() == sum(1 for i in order for s in by_id[pair["a"]][i]["spans"] if s["label"] == lab)
        assert cells[:, li].sum() == sum(1 for i in order for s in by_id[pair["b"]][i]["spans"] if s["label"] == lab)
    for i in order:
        b = {(s["start"], s["end"]): s["label"] for s in by_id[pair["b"]][i]["spans"]}
        for s in by_id[pair["a"]][i]["spans"]:
            if (s["start"], s["end"]) in b:
                same[labels.index(s["label"]), labels.index(b[(s["start"], s["end"])])] += 1
    assert (cells >= same).all()


def test_identical_files_agree_fully(barchasb, base, tmp_path):
    files = []
    for k in range(3):
        files.append(tmp_path / f"same{k}.jsonl")
        write(files[-1], base)
    for n in (2, 3):
        out = barchasb("agree", *files[:n]).stdout.decode("utf-8")
        assert out.splitlines()[-1] == "overall F1=1.0000 kappa=1.0000 alpha=1.0000"
        got = json.loads(barchasb("agree", *files[:n], "--json").stdout)
        assert got["overall"]["partial_f1"] == got["overall"]["fleiss_kappa"] == 1.0
        assert all(v["f1"] == v["kappa"] == v["alpha"] == 1.0 for v in got["by_label"].values())


def test_different_texts_and_nothing_shared_are_refused(barchasb, base, tmp_path):
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    write(a, base)
    changed = [dict(d) for d in base]
    victim = changed[len(changed) // 2]
    victim["text"] = victim["text"][:10] + "X" + victim["text"][11:]
    victim["spans"] = []
    write(b, changed)
    p = barchasb("agree", a, b, check=False)
    err = p.stderr.decode("utf-8")
    assert p.returncode != 0 and p.stdout == b""
    assert json.dumps(victim["id"], ensure_ascii=False) in err and str(a) in err and str(b) in err, err
    assert re.search(r"code point 10\b", err), err
    write(c, [{"id": "elsewhere", "text": "متن دیگر"}])
    p = barchasb("agree", a, c, check=False)
    assert p.returncode != 0 and "no document" in p.stderr.decode("utf-8")
