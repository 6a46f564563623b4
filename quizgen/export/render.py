"""Small helpers every exporter needs to present items, so none writes them again."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from quizgen.model import (
    BLANK,
    Blank,
    Cloze,
    Event,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    TrueFalse,
    assert_never,
    cloze_parts,
    option_letter,
)

T = TypeVar("T")

_QUOTES_AND_BRACKETS = re.compile(r"[\[\]\"'“”‘’«»]")
"""Left out when telling whether an explanation only quotes the source sentence."""


def render_cloze(item: Cloze, blank: Callable[[Blank], str], text: Callable[[str], str] = str) -> str:
    """Render a cloze item: literal parts through ``text`` (e.g. an escaper), blanks through ``blank``."""
    blanks = {b.id: b for b in item.blanks}
    return "".join(blank(blanks[part]) if isinstance(part, int) else text(part) for part in cloze_parts(item.text))


def cloze_asking(item: Cloze, asked: Blank) -> str:
    """The cloze text asking for blank ``asked`` alone: it as :data:`~quizgen.model.BLANK`, the others filled in."""
    return render_cloze(item, lambda blank: BLANK if blank.id == asked.id else blank.answer)


def answer_text(item: Item) -> str:
    """The correct answer as a student would write it: option text, blank answers, or True/False."""
    match item:
        case MultipleChoice():
            return item.answer_text
        case Cloze():
            return "; ".join(blank.answer for blank in item.blanks)
        case TrueFalse():
            return "True" if item.answer else "False"
        case Matching():
            return "; ".join(f"{pair.left} – {pair.right}" for pair in item.pairs)
        case Ordering():
            return " → ".join(event.text for event in item.events)
        case MultipleAnswer():
            return "; ".join(item.answer_texts)
        case _:
            assert_never(item)


def prompt_text(item: Item) -> str:
    """The item's prompt as plain text, blanks shown as :data:`~quizgen.model.BLANK`."""
    match item:
        case MultipleChoice():
            return item.question
        case TrueFalse():
            return item.statement
        case Cloze():
            return render_cloze(item, lambda _: BLANK)
        case Matching() | Ordering():
            return item.prompt
        case MultipleAnswer():
            return item.question
        case _:
            assert_never(item)


def shuffled_rights(item: Matching) -> list[str]:
    """The right-hand texts of a matching item in an order fixed by its id, never its own order
    (where the texts allow another), so the first left does not face its answer."""
    return _scrambled([pair.right for pair in item.pairs], item.id)


def shuffled_events(item: Ordering) -> list[Event]:
    """The events of an ordering item in an order fixed by its id, never the correct one."""
    return _scrambled(list(item.events), item.id)


def _scrambled(values: Sequence[T], salt: str) -> list[T]:
    for attempt in range(20):
        order = shuffled(values, attempt, salt)
        if all(first != second for first, second in zip(order, values, strict=True)) or len(values) < 2:
            return order
    return list(values[1:]) + list(values[:1])


def ordinal(number: int) -> str:
    """``1 -> "1st"``, ``2 -> "2nd"``, ``11 -> "11th"``."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def cloze_as_choice(item: Cloze) -> MultipleChoice | None:
    """A one-blank cloze item as multiple choice, for formats that need options: the sentence with the
    blank, the answer and the blank's three best wrong answers, in an order fixed by the item's id.
    ``None`` when the item has several blanks or fewer than three wrong answers kept."""
    if len(item.blanks) != 1 or len(item.blanks[0].distractors) < 3:
        return None
    blank = item.blanks[0]
    texts = shuffled([blank.answer, *blank.distractors[:3]], 0, item.id)
    options = tuple(Option(option_letter(index), text) for index, text in enumerate(texts))
    return MultipleChoice(
        id=item.id,
        question=prompt_text(item),
        options=options,
        answer=option_letter(texts.index(blank.answer)),
        explanation=item.explanation,
        source=item.source,
        tags=item.tags,
        difficulty=item.difficulty,
    )


def explanation_beside_source(item: Item) -> str:
    """The explanation to show where the format also shows the item's source sentence.

    The one rule for every exporter: formats that print the source sentence (the worksheet key,
    the back of an Anki card) leave out an explanation that only quotes it (brackets and quotes
    aside), so a student never reads the same sentence twice; formats that do not show the source
    (QTI, Moodle, GIFT, the player) give the explanation as it is.
    """
    explanation = item.explanation.strip()
    quotes_only = _plain_words(item.source.sentence) in _plain_words(explanation)
    return "" if not explanation or quotes_only else explanation


def _plain_words(text: str) -> str:
    return " ".join(_QUOTES_AND_BRACKETS.sub("", text).casefold().split())


def version_label(index: int) -> str:
    """``0 -> "A"``, ``1 -> "B"``... for worksheet versions."""
    return chr(ord("A") + index)


def shuffled(values: Sequence[T], seed: int, salt: str) -> list[T]:
    """A copy of ``values`` in an order fixed by ``seed`` and ``salt`` (e.g. a quiz id and version)."""
    result = list(values)
    random.Random(f"{seed}:{salt}").shuffle(result)
    return result
