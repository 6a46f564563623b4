"""quizgen: turn study texts into quizzes, worksheets and flashcards, offline.

The pipeline runs one way, each stage a package named for what it does::

    import quizgen

    document = quizgen.read_document(Path("notes/cells.md"))           # read
    quiz = quizgen.build_quiz(document, quizgen.BuildOptions(seed=1))   # generate
    quizgen.get_exporter("anki").export([quiz], Path("output"))        # export

Every stage speaks the types of :mod:`quizgen.model`, re-exported here; the JSON quiz file
(:func:`dump_quiz`, :func:`load_quiz`) is their faithful serialization. The stages' functions are
imported on first use, so ``import quizgen`` stays fast and loads no language model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from quizgen.errors import InputError, QuizgenError
from quizgen.model import (
    Blank,
    Cloze,
    Document,
    Event,
    Item,
    KeyPoint,
    Matching,
    Metadata,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Pair,
    Quiz,
    Section,
    Source,
    SourceFile,
    TrueFalse,
)
from quizgen.report import Report

_EXPORTS = {
    "read_document": "quizgen.read",
    "find_documents": "quizgen.read",
    "BuildOptions": "quizgen.generate",
    "QuizBuilder": "quizgen.generate",
    "build_quiz": "quizgen.generate",
    "build_quizzes": "quizgen.generate",
    "ExportOptions": "quizgen.export",
    "get_exporter": "quizgen.export",
    "available_formats": "quizgen.export",
    "register_exporter": "quizgen.export",
    "load_quiz": "quizgen.quizfile",
}
"""Names imported on first use: the stages load spaCy, jsonschema and the Markdown parser."""
_RENAMED = {"dump_quiz": ("quizgen.quizfile", "dumps")}

__all__ = [
    "Blank",
    "BuildOptions",
    "Cloze",
    "Document",
    "Event",
    "ExportOptions",
    "InputError",
    "Item",
    "KeyPoint",
    "Matching",
    "Metadata",
    "MultipleAnswer",
    "MultipleChoice",
    "Option",
    "Ordering",
    "Pair",
    "Quiz",
    "QuizBuilder",
    "QuizgenError",
    "Report",
    "Section",
    "Source",
    "SourceFile",
    "TrueFalse",
    "__version__",
    "available_formats",
    "build_quiz",
    "build_quizzes",
    "dump_quiz",
    "find_documents",
    "get_exporter",
    "load_quiz",
    "read_document",
    "register_exporter",
]

if TYPE_CHECKING:
    from quizgen.export import ExportOptions, available_formats, get_exporter, register_exporter
    from quizgen.generate import BuildOptions, QuizBuilder, build_quiz, build_quizzes
    from quizgen.quizfile import dumps as dump_quiz
    from quizgen.quizfile import load_quiz
    from quizgen.read import find_documents, read_document


def __getattr__(name: str) -> Any:
    """Import a public name the first time it is used (PEP 562)."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    if name in _RENAMED:
        module, attribute = _RENAMED[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
