"""What a student is asked, whatever the item's type: the one place the checker looks at item types.

Every rule reads an :class:`Asked`: the stem as the student reads it and, for each answer the student
picks or writes, a :class:`Choice` (the text around its blank, the key, the wrong options shown and
the other right answers). A new item type needs one more arm in :func:`asked`, and every rule then
checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quizgen.model import (
    BLANK,
    Blank,
    Cloze,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    Quiz,
    TrueFalse,
    assert_never,
    cloze_parts,
)

CLOZE_OPTIONS = 3
"""Wrong answers of a cloze blank shown as options where a format needs options (the blank's best three:
see :func:`quizgen.export.render.cloze_as_choice`); with fewer, the blank is only ever written in."""

Form = Literal["choice", "cloze", "statement", "parts"]
"""How the student answers: picks options (multiple choice, multiple answer), writes in blanks, marks a
statement true or false, or joins or orders parts (matching, ordering)."""


@dataclass(frozen=True)
class Choice:
    """One answer the student gives: the text around its blank, the key, what else is offered and accepted."""

    before: str
    """The stem up to the blank (the whole question where it has no blank)."""
    after: str
    """The stem after the blank (empty where it has none)."""
    has_blank: bool
    answer: str
    wrong: tuple[str, ...]
    """Wrong options the student sees beside the answer (none where the answer is written in)."""
    accepted: tuple[str, ...] = ()
    """Other answers marked right (a cloze blank's accepted variants)."""
    kept_wrong: tuple[str, ...] = ()
    """Every wrong answer the item keeps, shown or not (a cloze blank's word-bank candidates)."""
    matched: bool = False
    """Whether the answer is picked from one list shared by every part (matching), so its length or its
    capital says nothing of where it goes."""
    listed: tuple[str, ...] | None = None
    """The options in the order the student sees them, where that order is fixed (multiple choice);
    ``None`` where a format shuffles them."""

    @property
    def options(self) -> tuple[str, ...]:
        """The answer and the wrong options shown, in the order listed where there is one."""
        if self.listed is not None:
            return self.listed
        return (self.answer, *self.wrong) if self.wrong else ()

    @property
    def at_sentence_start(self) -> bool:
        """Whether the blank opens a sentence, so its answer is capitalised there whatever it is."""
        return self.has_blank and (not self.before.strip() or self.before.rstrip()[-1] in '.!?:;—“"…')


@dataclass(frozen=True)
class Asked:
    """An item as the rules read it."""

    item: Item
    form: Form
    stem: str
    """What the student reads, every blank as ``_____``."""
    choices: tuple[Choice, ...]
    """One per answer the student gives (none for a true/false statement or an ordering item)."""
    quiz: Quiz | None = None
    parts: tuple[str, ...] = ()
    """The texts of the item's parts the student reads besides the stem (a matching item's definitions,
    an ordering item's events)."""

    @property
    def texts(self) -> tuple[str, ...]:
        """Everything the student reads that must stand on its own: the stem and the parts."""
        return (self.stem, *self.parts)


def asked(item: Item, quiz: Quiz | None = None) -> Asked:
    """What ``item`` asks of a student."""
    match item:
        case MultipleChoice():
            return Asked(item, "choice", item.question, (_question_choice(item),), quiz)
        case Cloze():
            parts = cloze_parts(item.text)
            stem = "".join(BLANK if isinstance(part, int) else part for part in parts)
            by_id = {blank.id: blank for blank in item.blanks}
            choices = tuple(_blank_choice(parts, index, by_id[part]) for index, part in _blanks(parts))
            return Asked(item, "cloze", stem, choices, quiz)
        case TrueFalse():
            return Asked(item, "statement", item.statement, (), quiz)
        case MultipleAnswer():
            return Asked(item, "choice", item.question, _answers_choices(item), quiz)
        case Matching():
            return Asked(item, "parts", item.prompt, _matching_choices(item), quiz, tuple(p.right for p in item.pairs))
        case Ordering():
            return Asked(item, "parts", item.prompt, (), quiz, tuple(event.text for event in item.events))
        case _:
            assert_never(item)


def _question_choice(item: MultipleChoice) -> Choice:
    before, blank, after = item.question.partition(BLANK)
    wrong = tuple(option.text for option in item.options if option.id != item.answer)
    listed = tuple(option.text for option in item.options)
    return Choice(before, after, bool(blank), item.answer_text, wrong, kept_wrong=wrong, listed=listed)


def _matching_choices(item: Matching) -> tuple[Choice, ...]:
    """A matching item as one choice per definition: its term against the other terms of the shared list."""
    terms = tuple(pair.left for pair in item.pairs)
    return tuple(
        Choice(pair.right, "", False, pair.left, others, kept_wrong=others, matched=True, listed=terms)
        for pair in item.pairs
        for others in [tuple(term for term in terms if term != pair.left)]
    )


def _answers_choices(item: MultipleAnswer) -> tuple[Choice, ...]:
    """A multiple-answer item as one choice per correct option, each against the wrong options."""
    before, blank, after = item.question.partition(BLANK)
    wrong = tuple(option.text for option in item.options if option.id not in item.answers)
    listed = tuple(option.text for option in item.options)
    return tuple(
        Choice(before, after, bool(blank), answer, wrong, kept_wrong=wrong, listed=listed)
        for answer in item.answer_texts
    )


def _blanks(parts: list[str | int]) -> list[tuple[int, int]]:
    return [(index, part) for index, part in enumerate(parts) if isinstance(part, int)]


def _blank_choice(parts: list[str | int], index: int, blank: Blank) -> Choice:
    def text(section: list[str | int]) -> str:
        return "".join(BLANK if isinstance(part, int) else part for part in section)

    shown = blank.distractors[:CLOZE_OPTIONS] if len(blank.distractors) >= CLOZE_OPTIONS else ()
    return Choice(
        text(parts[:index]), text(parts[index + 1 :]), True, blank.answer, shown, blank.accept, blank.distractors
    )
