"""The ``export`` stage: quizzes in, files out.

Every exporter has the same small interface (:class:`Exporter`) and knows
nothing of the others. Exporters are found by format name in a registry that
imports each one only when it is used, so commands that do not export stay fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from quizgen.errors import QuizgenError
from quizgen.model import Quiz

__all__ = ["ExportOptions", "Exporter", "Paper", "available_formats", "get_exporter", "register_exporter"]


Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class ExportOptions:
    """Choices shared by all exporters; each reads only what concerns it."""

    seed: int = 0
    """Fixes every random choice (option order, versions): same seed, same bytes."""

    content_time: float = 0.0
    """When the inputs last changed (seconds since the epoch). Exporters that must
    stamp a time (Anki's note modification time) use it, so output stays
    byte-identical for unchanged input yet newer after an edit."""

    templates: Path | None = None
    """A folder of templates that replaces the bundled ones (``--templates``)."""

    paper: Paper = "a4"
    """Paper size for printable output (``--paper``)."""

    versions: int = 1
    """How many versions (A, B, ...) of printable output, each shuffled (``--versions``)."""

    pdf: bool = False
    """Also render printable output to PDF (``--pdf``)."""

    split: bool = False
    """One file per document where a format otherwise bundles a whole build (``--split``)."""


class Exporter(Protocol):
    """Writes quizzes in one file format."""

    name: str
    """The format name users pass to ``--format``."""

    description: str
    """One line for ``--help``."""

    def export(self, quizzes: Sequence[Quiz], out_dir: Path, options: ExportOptions) -> list[Path]:
        """Write ``quizzes`` into ``out_dir`` and return the paths written."""
        ...


_REGISTRY: dict[str, str] = {
    "json": "quizgen.export.json_quiz:JsonQuizExporter",
    "anki": "quizgen.export.anki:AnkiExporter",
    "html": "quizgen.export.worksheet:WorksheetExporter",
    "player": "quizgen.export.player:PlayerExporter",
    "qti": "quizgen.export.qti:QtiExporter",
    "moodle": "quizgen.export.moodle:MoodleXmlExporter",
    "gift": "quizgen.export.gift:GiftExporter",
}


def register_exporter(name: str, target: str) -> None:
    """Make an exporter available as ``--format name``.

    ``target`` is ``"package.module:ClassName"``; the module is imported the
    first time the format is used.
    """
    _REGISTRY[name] = target


def available_formats() -> list[str]:
    """The registered format names, sorted."""
    return sorted(_REGISTRY)


def get_exporter(name: str) -> Exporter:
    """The exporter for format ``name``; :class:`QuizgenError` if there is none."""
    try:
        module_name, class_name = _REGISTRY[name].split(":")
    except KeyError:
        raise QuizgenError(f"unknown format {name!r} (available: {', '.join(available_formats())})") from None
    exporter: Exporter = getattr(importlib.import_module(module_name), class_name)()
    return exporter
