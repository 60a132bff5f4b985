"""The spaCy pipeline component ``barchasb_ner``.

>>> import spacy
>>> nlp = spacy.blank("fa")
>>> ner = nlp.add_pipe("barchasb_ner")            # the rules
>>> # nlp.add_pipe("barchasb_ner", config={"model": "news.model"})

It sets ``doc.ents`` from barchasb's spans, on spaCy's own tokens: a span
becomes an entity only where its start and end fall on token boundaries
(``doc.char_span(..., alignment_mode="strict")``; spaCy's character offsets
are code points, as barchasb's). The spans that could not be set are never
dropped silently: each document's count is ``doc.user_data["barchasb_unaligned"]``
(their spans in ``doc.user_data["barchasb_unaligned_spans"]``), the
component counts them over all documents (``.unaligned``, ``.spans``), and
a warning on the ``barchasb`` logger names each document that had some.

The factory is registered by the ``spacy_factories`` entry point of the
``barchasb`` package, so ``add_pipe`` finds it without an import.
"""

from __future__ import annotations

import logging
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import Extractor

log = logging.getLogger("barchasb")


class BarchasbNER:
    """Sets ``doc.ents`` from barchasb's rules, or a model combined with them."""

    def __init__(self, name: str = "barchasb_ner", model: Optional[str] = None):
        self.name = name
        self.model = model
        self.extractor = Extractor(model)
        #: Spans found over all documents so far.
        self.spans = 0
        #: Of them, those not set because they do not fall on spaCy's tokens.
        self.unaligned = 0

    def __call__(self, doc: Doc) -> Doc:
        ents, missed = [], []
        for s in self.extractor.extract(doc.text):
            ent = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            if ent is None:
                missed.append(s)
            else:
                ents.append(ent)
        doc.ents = ents
        doc.user_data["barchasb_unaligned"] = len(missed)
        doc.user_data["barchasb_unaligned_spans"] = missed
        self.spans += len(ents) + len(missed)
        self.unaligned += len(missed)
        if missed:
            where = ", ".join(f"{doc.text[s['start']:s['end']]!r} ({s['label']}, {s['start']}..{s['end']})" for s in missed)
            log.warning("%s: %d span(s) not on spaCy's token boundaries, not set: %s", self.name, len(missed), where)
        return doc


@Language.factory("barchasb_ner", default_config={"model": None})
def make_barchasb_ner(nlp: Language, name: str, model: Optional[str]) -> BarchasbNER:
    """The ``barchasb_ner`` factory: ``model`` is the path of a ``.model``
    file (``barchasb train``), or ``None`` for the rules alone."""
    return BarchasbNER(name, model)
