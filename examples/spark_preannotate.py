#!/usr/bin/env python3
"""Pre-annotates a JSONL archive with barchasb on Spark.

    spark-submit examples/spark_preannotate.py INPUT OUTPUT [--model MODEL] [--partitions N]
    python examples/spark_preannotate.py INPUT OUTPUT --master 'local[2]'     # no cluster

INPUT is a JSONL file, a folder of them or a glob (``archive/2024-*.jsonl``),
one ``{"id", "text", …}`` a line. OUTPUT is a folder of ``part-NNNNN``
files, JSONL the app imports: for each document the very line ``barchasb
extract [--model MODEL]`` writes for it (``{"id", "text", "spans"}``,
spans in code points). Documents keep the input's order (part files in
name order, lines in order within them).

The extractor is built once per partition (``mapPartitionsWithIndex``),
not once per row: the rules' lexicons are compiled once per Python worker
and a model is read once per partition. Nothing is dropped silently: a line
that is not a document is left out of OUTPUT and named, with the CLI's
message, in ``OUTPUT/_problems/`` (Spark's readers skip ``_`` folders), as
are bad spans of kept documents; the counts are printed at the end. Places
in messages are ``part-P:N``, the N-th line of input partition P, and a line
without an id is named ``part-P-N`` (the CLI says ``FILE-N``). Unlike the
CLI, an id used twice is not renamed: ids are unique per archive here.

Each executor needs the ``barchasb`` package (a native wheel): see the
README's "Python" section for shipping it with ``--archives`` (a packed venv).
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def annotate_partition(model):
    """The function mapPartitionsWithIndex runs: one Extractor per partition."""

    def run(index, lines):
        import barchasb  # on the executor

        extractor = barchasb.Extractor(model)
        name = f"part-{index:05d}"
        n = 0
        for line in lines:
            n += 1
            if not line.strip():
                continue
            try:
                out, problems = extractor.extract_line(line, name, n)
            except barchasb.Error as e:
                yield ("problem", str(e))
                continue
            for p in problems:
                yield ("problem", p)
            yield ("doc", out)

    return run


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a JSONL file, a folder of them or a glob")
    ap.add_argument("output", help="the output folder (must not exist)")
    ap.add_argument("--model", help="a .model file of `barchasb train`, on every executor (or shipped with --files)")
    ap.add_argument("--partitions", type=int, help="input partitions at least (default: Spark's)")
    ap.add_argument("--master", help="e.g. local[2]; spark-submit's --master otherwise")
    args = ap.parse_args(argv)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    if args.master and args.master.startswith("local"):
        # Local workers run this interpreter, which has barchasb.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("barchasb-preannotate").config("spark.ui.enabled", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    try:
        start = time.perf_counter()
        lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
        results = lines.mapPartitionsWithIndex(annotate_partition(args.model)).persist(StorageLevel.MEMORY_AND_DISK)
        docs = sc.accumulator(0)
        problems = sc.accumulator(0)

        def keep(r):
            if r[0] == "doc":
                docs.add(1)
                return True
            problems.add(1)
            return False

        results.filter(keep).map(lambda r: r[1]).saveAsTextFile(args.output)
        if problems.value:
            results.filter(lambda r: r[0] == "problem").map(lambda r: r[1]).saveAsTextFile(
                os.path.join(args.output, "_problems")
            )
        seconds = time.perf_counter() - start
        print(
            f"barchasb: {docs.value} document(s) annotated in {seconds:.1f} s "
            f"({docs.value / seconds:.0f}/s), {problems.value} problem(s)"
            + (f" in {os.path.join(args.output, '_problems')}" if problems.value else ""),
            file=sys.stderr,
        )
        return 1 if problems.value else 0
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
