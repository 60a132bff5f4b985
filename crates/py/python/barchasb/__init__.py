"""barchasb: Persian news entity annotation, from Python.

The same normalizer, tokenizer, rules, tagger and file formats as the
``barchasb`` command line and the annotation app, with every offset in
**code points** of the original text: the frame Python's ``str`` indexes
in, so ``text[span["start"]:span["end"]]`` is a span's surface.

>>> import barchasb
>>> text = "روسلان بایمیشو معاون وزیر صنعت قزاقستان"
>>> [text[s["start"]:s["end"]] for s in barchasb.extract(text)][-1]
'قزاقستان'

Errors are :class:`barchasb.Error` (or a subclass) carrying the message the
CLI prints for the same input.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _barchasb
from ._barchasb import Error, Extractor, Normalized, Tagger, Token, normalize, tokenize

__all__ = [
    "Error",
    "ReadError",
    "WriteError",
    "Extractor",
    "Normalized",
    "Tagger",
    "Token",
    "normalize",
    "tokenize",
    "extract",
    "read",
    "write",
    "FORMATS",
]

log = logging.getLogger("barchasb")

#: The format names ``read`` and ``write`` take, as the CLI's ``--from``/``--to``.
FORMATS: List[str] = _barchasb.formats()

Model = Union[str, "os.PathLike[str]", Tagger, None]
Doc = Dict[str, Any]


class ReadError(Error):
    """Some of a file could not be read. ``problems`` are the CLI's
    messages, each naming the file and line; ``docs`` are the documents
    that were read all the same (nothing is dropped silently)."""

    def __init__(self, problems: List[str], docs: List[Doc]):
        super().__init__("\n".join(problems))
        self.problems = problems
        self.docs = docs


class WriteError(Error):
    """Documents could not be written as the format asks (a span that is
    not on token boundaries, say); nothing was written. ``problems`` are
    the CLI's messages."""

    def __init__(self, problems: List[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


_extractors: Dict[Any, Extractor] = {}


def extract(text: str, model: Model = None) -> List[Dict[str, Any]]:
    """The spans of ``text`` as dicts ``{"start", "end", "label"}`` in code
    points, sorted and never overlapping: the rules', or with ``model`` (a
    :class:`Tagger` or the path of a ``.model`` file) the model's combined
    with the rules, as ``barchasb extract [--model MODEL]`` gives them.

    A model path is read once and kept; for many texts an
    :class:`Extractor` of your own does the same."""
    key = model if isinstance(model, Tagger) or model is None else os.fspath(model)
    x = _extractors.get(key) if not isinstance(key, Tagger) else None
    if x is None:
        x = Extractor(model)
        if not isinstance(key, Tagger):
            _extractors[key] = x
    return x.extract(text)


def read(path: Union[str, "os.PathLike[str]"], format: Optional[str] = None, *, errors: str = "raise") -> List[Doc]:
    """Reads the documents of a file, as ``barchasb convert [--from FORMAT]``
    reads an input: ``format`` is one of :data:`FORMATS` (aliases as the
    CLI's), or ``None`` to tell it by the file's name and content. A brat
    ``.ann`` is read with the ``.txt`` beside it, CoNLL and Hugging Face
    files with the sidecars their export wrote.

    Documents are dicts in the native JSONL frame (``id``, ``text``,
    ``spans``, ``status``, and any other field). An id used twice gets a new
    one (``a (2)``), logged on the ``barchasb`` logger.

    Bad lines: with ``errors="raise"`` (the default) a :class:`ReadError`
    whose ``docs`` hold the good documents; with ``errors="warn"`` each
    problem is a warning and the good documents are returned."""
    if errors not in ("raise", "warn"):
        raise ValueError(f'errors must be "raise" or "warn", not {errors!r}')
    lines, problems, notes = _barchasb.read(os.fspath(path), format)
    for note in notes:
        log.warning("%s", note)
    docs = [json.loads(line) for line in lines]
    if problems:
        if errors == "raise":
            raise ReadError(problems, docs)
        for p in problems:
            warnings.warn(p, stacklevel=2)
    return docs


def write(
    docs: Iterable[Doc],
    path: Union[str, "os.PathLike[str]"],
    format: Optional[str] = None,
    *,
    labels: Optional[Sequence[str]] = None,
    scheme: str = "iob2",
    suggestions: bool = False,
    from_name: str = "label",
    to_name: str = "text",
) -> List[str]:
    """Writes documents (dicts with ``text`` and, usually, ``id`` and
    ``spans`` in code points) to ``path`` as ``barchasb convert --to FORMAT
    -o PATH`` writes them, and returns the paths written (sidecars beside
    ``path``). ``format`` is one of :data:`FORMATS`, or ``None`` to tell it
    by the extension (``.jsonl``, ``.spacy``, ``.hf.jsonl``, …).

    ``labels`` orders the label names (Hugging Face tag ids, Label Studio's
    config), by default the app's label set; ``scheme`` is ``"iob2"`` or
    ``"biluo"`` (CoNLL); ``suggestions`` writes them too.

    A bad document raises :class:`Error`; a span the format cannot hold
    raises :class:`WriteError` and nothing is written."""
    path = os.fspath(path)
    if format is None:
        format = _format_of(path)
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    written, problems = _barchasb.write(
        lines, path, format, None if labels is None else list(labels), scheme, suggestions, from_name, to_name
    )
    if problems:
        raise WriteError(problems)
    return written


def _format_of(path: str) -> str:
    name = _barchasb.format_of(path)
    if name is None:
        raise ValueError(
            f"cannot tell the format of {path!r} by its extension; give format= (one of {', '.join(FORMATS)})"
        )
    return name
