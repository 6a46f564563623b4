"""Turning a chosen answer into a multiple-choice, cloze or true/false item.

Difficulty is a count of what makes an item harder, documented in docs/builder.md:
+1 when the sentence comes from the body rather than the key points or lead,
+1 when the answer is a number or date (exact recall), +1 when the answer is a
rare word (Zipf frequency under 3), +1 for cloze (recall, not recognition),
-1 for true/false. At most 0 is easy, 1 medium, 2 or more hard.
"""

from __future__ import annotations

import random
from typing import TypedDict

from quizgen.generate.lexicon import Lexicon
from quizgen.generate.numbers import numeric_value
from quizgen.generate.types import NUMERIC_KINDS, Answer
from quizgen.generate.words import zipf
from quizgen.model import (
    Blank,
    Cloze,
    Difficulty,
    MultipleChoice,
    Option,
    Source,
    TrueFalse,
    cloze_text,
    item_id,
    item_tags,
    option_letter,
)

RARE_ZIPF = 3.0


def item_random(seed: int, answer: Answer) -> random.Random:
    """Random choices for one item, fixed by the seed and the item alone (not by its neighbours)."""
    return random.Random(f"{seed}\x1f{answer.sentence.document_id}\x1f{answer.sentence.text}\x1f{answer.text}")


def multiple_choice(answer: Answer, distractors: list[str], rng: random.Random) -> MultipleChoice:
    """A four-option item; numeric options in ascending order, others shuffled."""
    texts = [answer.text, *distractors]
    if answer.kind in NUMERIC_KINDS and all(numeric_value(text) is not None for text in texts):
        texts.sort(key=lambda text: numeric_value(text) or 0.0)
    else:
        rng.shuffle(texts)
    options = tuple(Option(option_letter(index), text) for index, text in enumerate(texts))
    return MultipleChoice(
        question=answer.stem,
        options=options,
        answer=option_letter(texts.index(answer.text)),
        **_common(answer, MultipleChoice.type),
    )


def cloze(answer: Answer, lexicon: Lexicon) -> Cloze:
    """The sentence with the answer as blank 1; other names for it (in ``lexicon``) are accepted too."""
    return Cloze(
        text=_cloze_text(answer),
        blanks=(Blank(1, answer.text, tuple(_accepted(answer, lexicon))),),
        **_common(answer, Cloze.type),
    )


def true_false(answer: Answer, wrong: str, rng: random.Random) -> TrueFalse:
    """The sentence as it stands (true) or with the answer swapped for ``wrong`` (false), by the seed."""
    is_true = rng.random() < 0.5
    statement = answer.sentence.text.strip() if is_true else _replaced(answer, wrong)
    return TrueFalse(statement=statement, answer=is_true, **_common(answer, TrueFalse.type))


class _Common(TypedDict):
    id: str
    explanation: str
    source: Source
    tags: tuple[str, ...]
    difficulty: Difficulty


def _common(answer: Answer, item_type: str) -> _Common:
    """The fields every item type shares, all derived from the answer and its sentence."""
    return _Common(
        id=item_id(answer.sentence.document_id, answer.sentence.text, answer.text),
        explanation=explanation(answer),
        source=_source(answer),
        tags=_tags(answer, item_type),
        difficulty=difficulty(answer, item_type),
    )


def _replaced(answer: Answer, replacement: str) -> str:
    """The source sentence with the answer's span replaced."""
    text = answer.sentence.text
    return f"{text[: answer.start]}{replacement}{text[answer.end :]}".strip()


def _cloze_text(answer: Answer) -> str:
    """The source sentence with the answer's span as blank 1, its other text escaped (see :func:`cloze_text`)."""
    text = answer.sentence.text
    before, after = text[: answer.start], text[answer.end :]
    return cloze_text([before.lstrip(), 1, after.rstrip()])


def explanation(answer: Answer) -> str:
    """The source sentence with the answer marked in square brackets, and where it stands."""
    return f"The text says: “{_replaced(answer, f'[{answer.text}]')}” ({answer.sentence.section})"


def difficulty(answer: Answer, item_type: str) -> Difficulty:
    """Easy, medium or hard by the documented count (see the module docstring)."""
    points = 0
    points += answer.sentence.part == "body"
    points += answer.kind in NUMERIC_KINDS
    points += answer.kind == "term" and zipf(answer.text.split()[-1].lower()) < RARE_ZIPF
    points += item_type == Cloze.type
    points -= item_type == TrueFalse.type
    return "easy" if points <= 0 else "medium" if points == 1 else "hard"


def _accepted(answer: Answer, lexicon: Lexicon) -> list[str]:
    accepted = lexicon.aliases_of(answer.text)
    if answer.kind == "number" and "," in answer.text:
        accepted.append(answer.text.replace(",", ""))
    return accepted


def _source(answer: Answer) -> Source:
    return Source(section=answer.sentence.section, sentence=answer.sentence.text)


def _tags(answer: Answer, item_type: str) -> tuple[str, ...]:
    return item_tags(answer.sentence.document_id, answer.sentence.section, item_type, answer.kind)
