"""The ``export`` stage: quizzes in, files out.

Every exporter has the same small interface (:class:`Exporter`) and knows
nothing of the others. Exporters are found by format name in a registry that
imports each one only when it is used, so commands that do not export stay fast.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol, TypeVar, runtime_checkable

from quizgen.errors import QuizgenError
from quizgen.model import Quiz

__all__ = [
    "ExportFailed",
    "ExportOptions",
    "Exporter",
    "ItemNote",
    "QuizFailure",
    "available_formats",
    "get_exporter",
    "item_notes",
    "note_lines",
    "register_exporter",
]

OptionsT = TypeVar("OptionsT", bound="ExportOptions")


@dataclass(frozen=True)
class ExportOptions:
    """What every exporter may be given; an exporter with choices of its own subclasses this.

    Build one from the command line's values with :meth:`from_settings`.
    """

    templates: Path | None = None
    """A folder of templates (``--templates``): each file is looked up there before the bundled one
    (see :mod:`quizgen.export.templating`)."""

    inputs: tuple[Path, ...] = ()
    """The files the quizzes were made from, for exporters that stamp when their content last
    changed (see :func:`quizgen.export.files.content_time`)."""

    @classmethod
    def from_settings(cls: type[OptionsT], settings: Mapping[str, Any]) -> OptionsT:
        """These options from ``settings``, taking the values whose names are fields of the class."""
        names = {field.name for field in dataclasses.fields(cls)}
        return cls(**{name: value for name, value in settings.items() if name in names})


@dataclass(frozen=True)
class QuizFailure:
    """What an exporter could not write: the quizzes it cost (one, or all in a shared file) and why."""

    quiz_ids: tuple[str, ...]
    problem: str
    """One line; it names the output file where the problem is one."""


class ExportFailed(QuizgenError):
    """Some quizzes could not be written; every other quiz was (``written``)."""

    def __init__(self, written: Sequence[Path], failures: Sequence[QuizFailure]) -> None:
        super().__init__("; ".join(failure.problem for failure in failures))
        self.written = list(written)
        self.failures = list(failures)


class Exporter(Protocol):
    """Writes quizzes in one file format. An exporter class takes its options when made:
    ``SomeExporter(SomeExporter.options_type(...))``."""

    name: ClassVar[str]
    """The format name users pass to ``--format``."""

    description: ClassVar[str]
    """One line for ``--help``."""

    options_type: ClassVar[type[ExportOptions]]
    """The options the exporter takes."""

    def export(self, quizzes: Sequence[Quiz], out_dir: Path) -> list[Path]:
        """Write ``quizzes`` into ``out_dir`` and return the paths written.

        Each quiz is written on its own: one that fails costs no other. When any failed, every other
        quiz is still written and :class:`ExportFailed` then lists what failed (see
        :class:`~quizgen.export.each.QuizByQuiz`). Any other :class:`QuizgenError` is a problem of the
        whole format (no Chromium to print with, a broken template): it cost every quiz.
        """
        ...


@dataclass(frozen=True)
class ItemNote:
    """What an exporter did to one item its format cannot hold as it is: left it out, shortened it, or
    changed it into a type the format has (an ordering item as matching to positions).

    Exporters never raise for such an item; they record a note and go on, and the CLI prints one
    line per note.
    """

    format: str
    quiz: str
    item: str
    """The item's id."""
    name: str
    """The item's question name (the start of its prompt), so a teacher can find it."""
    action: Literal["left out", "shortened", "changed"]
    reason: str

    def __str__(self) -> str:
        return f"{self.format}: {self.quiz}: {self.action} {self.item} ({self.name!r}): {self.reason}"


@runtime_checkable
class NotesItems(Protocol):
    """An exporter that may leave items out or shorten them: after ``export``, ``notes`` says which."""

    notes: list[ItemNote]


def item_notes(exporter: Exporter) -> list[ItemNote]:
    """What ``exporter`` left out or shortened in its last ``export`` (nothing for most formats)."""
    return list(exporter.notes) if isinstance(exporter, NotesItems) else []


def note_lines(notes: Sequence[ItemNote]) -> list[str]:
    """One line per format, quiz, action and reason, naming every item it concerns (one note: as it stands)."""
    groups: dict[tuple[str, str, str, str], list[ItemNote]] = {}
    for note in notes:
        groups.setdefault((note.format, note.quiz, note.action, note.reason), []).append(note)
    lines = []
    for (format_name, quiz, action, reason), group in groups.items():
        if len(group) == 1:
            lines.append(str(group[0]))
        else:
            items = ", ".join(note.item for note in group)
            lines.append(f"{format_name}: {quiz}: {action} {len(group)} items ({items}): {reason}")
    return lines


_REGISTRY: dict[str, str] = {
    "json": "quizgen.export.json_quiz:JsonQuizExporter",
    "anki": "quizgen.export.anki:AnkiExporter",
    "html": "quizgen.export.worksheet:WorksheetExporter",
    "player": "quizgen.export.player:PlayerExporter",
    "qti": "quizgen.export.qti:QtiExporter",
    "moodle": "quizgen.export.moodle:MoodleXmlExporter",
    "gift": "quizgen.export.gift:GiftExporter",
    "kahoot": "quizgen.export.games:KahootExporter",
    "quizizz": "quizgen.export.games:WaygroundExporter",
    "blooket": "quizgen.export.games:BlooketExporter",
    "gimkit": "quizgen.export.games:GimkitExporter",
    "quizlet": "quizgen.export.games:QuizletExporter",
    "blackboard": "quizgen.export.pools:BlackboardExporter",
    "brightspace": "quizgen.export.pools:BrightspaceExporter",
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


def get_exporter(name: str, settings: Mapping[str, Any] | None = None) -> Exporter:
    """The exporter for format ``name``, given the options it reads from ``settings``.

    Raises :class:`QuizgenError` if there is no such format.
    """
    try:
        module_name, class_name = _REGISTRY[name].split(":")
    except KeyError:
        raise QuizgenError(f"unknown format {name!r} (available: {', '.join(available_formats())})") from None
    exporter_class = getattr(importlib.import_module(module_name), class_name)
    exporter: Exporter = exporter_class(exporter_class.options_type.from_settings(settings or {}))
    return exporter
