"""What the classroom exporters (Kahoot, Wayground, Blooket, Gimkit, Quizlet, Blackboard, Brightspace) share.

Each lays out one row (or record) per item. A format that cannot hold an item as it is makes
the layout raise :class:`DoesNotFit`; the exporter then leaves the item out and records an
:class:`~quizgen.export.ItemNote` naming it, instead of failing or cutting text. The only
shortening ever done keeps the item correct: wrong options that are too long or too many are
dropped (never the right one), and accepted answers beyond what a format holds are dropped (never
the main one). No text is ever cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from quizgen.export import ExportOptions
from quizgen.export.each import PerQuizExporter
from quizgen.export.lms import accepted_answers
from quizgen.export.render import cloze_as_choice
from quizgen.export.sheets import Cell, cell_text, formula_risk
from quizgen.model import (
    Blank,
    Cloze,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Quiz,
    TrueFalse,
    assert_never,
)

T = TypeVar("T")

TRUE_FALSE = ("True", "False")
"""The two answers of a true/false item where a format has no true/false type."""


class DoesNotFit(Exception):
    """Raised while laying out an item the format cannot hold; the message says why, for the note."""


@dataclass(frozen=True)
class Choices:
    """The answers of a choice question as a format holds them, and the 1-based number of the right one."""

    texts: tuple[str, ...]
    correct: int

    @property
    def correct_text(self) -> str:
        """The text of the right answer."""
        return self.texts[self.correct - 1]

    @property
    def wrong(self) -> tuple[str, ...]:
        """The wrong answers, in order."""
        return tuple(text for number, text in enumerate(self.texts, 1) if number != self.correct)


class ClassroomExporter(PerQuizExporter):
    """Base of the classroom exporters: one file per quiz, items that do not fit left out and noted."""

    platform: ClassVar[str]
    """The platform's name, for notes."""

    delimited: ClassVar[bool] = True
    """Whether the file is CSV or tab-separated text, where a formula-like field gets an apostrophe."""

    def __init__(self, options: ExportOptions | None = None) -> None:
        super().__init__(options)
        self._shortened: list[str] = []

    def fitted(self, quiz: Quiz, layout: Callable[[Item], T]) -> list[T]:
        """``layout(item)`` for every item of ``quiz`` that fits, noting each item left out or shortened."""
        laid_out: list[T] = []
        for item in quiz.items:
            self._shortened = []
            try:
                laid_out.append(layout(item))
            except DoesNotFit as error:
                self.note(quiz, item, "left out", str(error))
                continue
            for shortening in self._shortened:
                self.note(quiz, item, "shortened", shortening)
        return laid_out

    def shortened(self, reason: str) -> None:
        """Record, while laying out an item, that it was shortened (in a way that keeps it correct)."""
        self._shortened.append(reason)

    def text(self, text: str, what: str, limit: int | None = None) -> str:
        """``text`` for one cell; :class:`DoesNotFit` if it is longer than ``limit`` characters (never cut)."""
        written = cell_text(text)
        if limit is not None and len(written) > limit:
            raise DoesNotFit(f"{what} is {len(written)} characters, over the {limit} {self.platform} allows")
        if not written:
            raise DoesNotFit(f"{what} is empty")
        return written

    def explanation(self, item: Item) -> str | None:
        """The item's explanation for one cell, or ``None`` where it has none."""
        return cell_text(item.explanation) or None

    def choice_question(
        self, item: Item, most: int | None = None, question_limit: int | None = None, answer_limit: int | None = None
    ) -> tuple[str, Choices]:
        """The question and answers of a multiple-choice or true/false item; a cloze item has no answers to choose."""
        match item:
            case MultipleChoice():
                return self.text(item.question, "the question", question_limit), self.choices(item, most, answer_limit)
            case TrueFalse():
                return self.text(item.statement, "the statement", question_limit), self.true_false(item)
            case Cloze():
                choice = cloze_as_choice(item)  # the blank's kept wrong answers as options, where it has three
                if choice is None:
                    raise DoesNotFit(f"a cloze item has no options to choose from, and {self.platform} needs them")
                return self.choice_question(choice, most, question_limit, answer_limit)
            case MultipleAnswer():
                raise DoesNotFit(f"{self.platform} has no question with several right answers")
            case Matching():
                raise DoesNotFit(f"{self.platform} has no matching question")
            case Ordering():
                raise DoesNotFit(f"{self.platform} has no ordering question")
            case _:
                assert_never(item)

    def selection(
        self,
        item: MultipleAnswer,
        most: int | None = None,
        question_limit: int | None = None,
        answer_limit: int | None = None,
    ) -> tuple[str, tuple[str, ...], str]:
        """The question, options and right option numbers (``"1,3"``) of a multiple-answer item, for formats
        that mark several answers right; wrong options are dropped as :meth:`choices` drops them, never a right one."""
        question = self.text(item.question, "the question", question_limit)
        kept: list[Option] = []
        for option in item.options:
            text = cell_text(option.text)
            if option.id in item.answers:
                self.text(option.text, "a right answer", answer_limit)
            elif answer_limit is not None and len(text) > answer_limit:
                self.shortened(f"wrong option {option.id} dropped: {len(text)} characters, over {answer_limit}")
                continue
            kept.append(Option(option.id, text))
        while most is not None and len(kept) > most:
            drop = max(number for number, option in enumerate(kept) if option.id not in item.answers)
            self.shortened(f"wrong option {kept[drop].text!r} dropped: {self.platform} holds {most} answers")
            del kept[drop]
        if all(option.id in item.answers for option in kept):
            raise DoesNotFit(
                f"{len(item.answers)} right answers leave no wrong one in the {most} {self.platform} holds"
            )
        numbers = ",".join(str(number) for number, option in enumerate(kept, 1) if option.id in item.answers)
        return question, tuple(option.text for option in kept), numbers

    def choices(self, item: MultipleChoice, most: int | None = None, limit: int | None = None) -> Choices:
        """The item's options as at most ``most`` answers of at most ``limit`` characters, the right one kept.

        Wrong options over the limit, and then the last wrong ones beyond ``most``, are dropped
        (noted as shortening); a right answer over the limit, or fewer than two answers left, leave
        the item out.
        """
        right = self.text(item.answer_text, "the right answer", limit)
        kept: list[tuple[bool, str]] = []
        for option in item.options:
            text = right if option.id == item.answer else cell_text(option.text)
            if option.id != item.answer and limit is not None and len(text) > limit:
                self.shortened(f"wrong option {option.id} dropped: {len(text)} characters, over {limit}")
            elif text:
                kept.append((option.id == item.answer, text))
        while most is not None and len(kept) > most:
            drop = max(number for number, (is_right, _) in enumerate(kept) if not is_right)
            self.shortened(f"wrong option {kept[drop][1]!r} dropped: {self.platform} holds {most} answers")
            del kept[drop]
        if len(kept) < 2:
            raise DoesNotFit("fewer than two answers are left to choose from")
        return Choices(tuple(text for _, text in kept), next(n for n, (is_right, _) in enumerate(kept, 1) if is_right))

    def true_false(self, item: TrueFalse) -> Choices:
        """A true/false item as a two-answer choice: ``True``, ``False``."""
        return Choices(TRUE_FALSE, 1 if item.answer else 2)

    def typed_answers(self, blank: Blank, most: int | None = None) -> list[str]:
        """The blank's accepted answers a student can type as written: none that a spreadsheet would alter.

        An answer that starts like a formula gets an apostrophe in delimited files (see
        :func:`~quizgen.export.sheets.neutralise`), which the student would then have to type, so
        it is dropped; with none left the item is left out. Beyond ``most`` the last are dropped.
        """
        answers = []
        for answer in accepted_answers(blank):
            if self.delimited and formula_risk(answer):
                self.shortened(f"answer {answer!r} dropped: it starts like a spreadsheet formula")
            else:
                answers.append(answer)
        if not answers:
            raise DoesNotFit("every accepted answer starts like a spreadsheet formula")
        if most is not None and len(answers) > most:
            self.shortened(f"{len(answers) - most} accepted answer(s) dropped: {self.platform} holds {most}")
            answers = answers[:most]
        return answers


def padded(values: Sequence[str], width: int) -> list[Cell]:
    """``values`` then empty cells, ``width`` cells in all."""
    return [*values, *[None] * (width - len(values))]


def numbered(rows: Sequence[Sequence[Cell]]) -> list[list[Cell]]:
    """``rows``, each after its number (1, 2, 3...), for templates whose first column counts the questions."""
    return [[number, *row] for number, row in enumerate(rows, 1)]
