"""Type stubs of barchasb (the extension module and its Python wrapper)."""

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, TypedDict, Union

class SpanDict(TypedDict):
    start: int
    end: int
    label: str

Doc = Dict[str, Any]
PathLike = Union[str, os.PathLike[str]]

FORMATS: List[str]

class Error(Exception):
    """A barchasb error, with the message the CLI prints."""

class ReadError(Error):
    problems: List[str]
    docs: List[Doc]
    def __init__(self, problems: List[str], docs: List[Doc]) -> None: ...

class WriteError(Error):
    problems: List[str]
    def __init__(self, problems: List[str]) -> None: ...

class Normalized:
    """The normalized text and, per code point of it, the original range."""

    @property
    def original(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def alignment(self) -> Tuple[Tuple[int, int], ...]: ...
    def to_original(self, start: int, end: int) -> Tuple[int, int]: ...

class Token:
    """A token of the original text; ``text[start:end]`` is its surface."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def norm(self) -> str: ...
    @property
    def line_start(self) -> bool: ...

class Tagger:
    """A trained model (``barchasb train``), combined with the rules."""

    @staticmethod
    def load(path: str) -> Tagger: ...
    def suggest(self, text: str) -> List[SpanDict]: ...
    @property
    def labels(self) -> List[str]: ...
    @property
    def documents_learned(self) -> int: ...

Model = Union[PathLike, Tagger, None]

class Extractor:
    """The rules, or a model combined with them; build one and keep it."""

    def __init__(self, model: Model = None) -> None: ...
    def extract(self, text: str) -> List[SpanDict]: ...
    def extract_line(self, json_line: str, name: str = "<stdin>", line: int = 1) -> Tuple[str, List[str]]: ...

def normalize(text: str) -> Normalized: ...
def tokenize(text: str) -> List[Token]: ...
def extract(text: str, model: Model = None) -> List[SpanDict]: ...
def read(path: PathLike, format: Optional[str] = None, *, errors: str = "raise") -> List[Doc]: ...
def write(
    docs: Iterable[Doc],
    path: PathLike,
    format: Optional[str] = None,
    *,
    labels: Optional[Sequence[str]] = None,
    scheme: str = "iob2",
    suggestions: bool = False,
    from_name: str = "label",
    to_name: str = "text",
) -> List[str]: ...
