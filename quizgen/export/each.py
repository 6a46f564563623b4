"""Exporting quiz by quiz: one quiz that cannot be written costs no other.

Every exporter runs its per-quiz work through a :class:`QuizByQuiz`, which records each quiz that
fails (by id, with its one-line reason) and goes on with the others; at the end it returns the paths
written or raises :class:`~quizgen.export.ExportFailed` listing the failures beside them, so the
command line reports each by its input and counts only what was really written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar, Literal, TypeVar

from quizgen.errors import QuizgenError
from quizgen.export import ExportFailed, ExportOptions, ItemNote, QuizFailure
from quizgen.export.files import write_atomic
from quizgen.export.lms import question_name
from quizgen.model import Item, Quiz

T = TypeVar("T")

__all__ = ["PerQuizExporter", "QuizByQuiz"]


class QuizByQuiz:
    """The outcome of one export so far: the paths written and each quiz that failed."""

    def __init__(self) -> None:
        self.written: list[Path] = []
        self.failures: list[QuizFailure] = []

    def fail(self, quizzes: Sequence[Quiz], problem: str) -> None:
        """Record that ``quizzes`` could not be written, and why (one line)."""
        self.failures.append(QuizFailure(tuple(quiz.id for quiz in quizzes), problem))

    def attempt(self, quizzes: Sequence[Quiz], work: Callable[[], T]) -> T | None:
        """What ``work`` for ``quizzes`` gives, or ``None`` when it fails: then the failure costs them all."""
        try:
            return work()
        except QuizgenError as error:
            self.fail(quizzes, str(error))
            return None

    def each(self, quizzes: Sequence[Quiz], work: Callable[[Quiz], T]) -> list[tuple[Quiz, T]]:
        """``work`` done for each quiz, paired with it; a quiz whose work fails is recorded and left out."""
        done = ((quiz, self.attempt([quiz], partial(work, quiz))) for quiz in quizzes)
        return [(quiz, result) for quiz, result in done if result is not None]

    def write(self, quizzes: Sequence[Quiz], path: Path, data: bytes | str | None) -> bool:
        """Write ``data`` as the file ``path`` that holds ``quizzes`` (``None``: its rendering failed and
        is recorded already); if writing fails, it costs them all. Whether the file was written."""
        written = None if data is None else self.attempt(quizzes, partial(write_atomic, path, data))
        if written is not None:
            self.written.append(written)
        return written is not None

    def result(self) -> list[Path]:
        """The paths written; :class:`~quizgen.export.ExportFailed` (holding them too) if any quiz failed."""
        if self.failures:
            raise ExportFailed(self.written, self.failures)
        return self.written


NoteAction = Literal["left out", "shortened", "changed"]


class PerQuizExporter:
    """Base of exporters that write one file per quiz, named ``<quiz id><suffix>``.

    An item the format cannot hold as it is gets a note (:meth:`note`): after ``export``,
    :attr:`notes` says what was left out, shortened or changed (see :class:`~quizgen.export.ItemNote`).
    """

    name: ClassVar[str]
    description: ClassVar[str]
    suffix: ClassVar[str]
    options_type: ClassVar[type[ExportOptions]] = ExportOptions

    def __init__(self, options: ExportOptions | None = None) -> None:
        self.options = options or ExportOptions()
        self.notes: list[ItemNote] = []

    def note(self, quiz: Quiz, item: Item, action: NoteAction, reason: str) -> None:
        """Record that ``item`` of ``quiz`` was left out, shortened or changed, and why."""
        self.notes.append(ItemNote(self.name, quiz.id, item.id, question_name(item), action, reason))

    def export(self, quizzes: Sequence[Quiz], out_dir: Path) -> list[Path]:
        """Write one file per quiz into ``out_dir``, each on its own."""
        self.notes = []
        outcome = QuizByQuiz()
        for quiz, data in outcome.each(quizzes, self.render):
            outcome.write([quiz], out_dir / f"{quiz.id}{self.suffix}", data)
        return outcome.result()

    def render(self, quiz: Quiz) -> bytes | str:
        """The whole file for ``quiz``."""
        raise NotImplementedError
