"""Small helpers every exporter needs to present items, so none writes them again."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from quizgen.model import Blank, Cloze, Item, MultipleChoice, TrueFalse

_BLANK_MARKER = re.compile(r"\{\{([0-9]+)\}\}")

T = TypeVar("T")


def split_cloze(text: str) -> list[str | int]:
    """The cloze ``text`` as a list of literal strings and blank ids, in order."""
    parts: list[str | int] = []
    position = 0
    for match in _BLANK_MARKER.finditer(text):
        parts.append(text[position : match.start()])
        parts.append(int(match.group(1)))
        position = match.end()
    parts.append(text[position:])
    return [part for part in parts if part != ""]


def render_cloze(item: Cloze, blank: Callable[[Blank], str], text: Callable[[str], str] = str) -> str:
    """Render a cloze item: literal parts through ``text`` (e.g. an escaper), blanks through ``blank``."""
    blanks = {b.id: b for b in item.blanks}
    return "".join(blank(blanks[part]) if isinstance(part, int) else text(part) for part in split_cloze(item.text))


def answer_text(item: Item) -> str:
    """The correct answer as a student would write it: option text, blank answers, or True/False."""
    if isinstance(item, MultipleChoice):
        return item.answer_text
    if isinstance(item, Cloze):
        return "; ".join(blank.answer for blank in item.blanks)
    return "True" if item.answer else "False"


def prompt_text(item: Item) -> str:
    """The item's prompt as plain text, blanks shown as ``_____``."""
    if isinstance(item, MultipleChoice):
        return item.question
    if isinstance(item, TrueFalse):
        return item.statement
    return render_cloze(item, lambda _: "_____")


def version_label(index: int) -> str:
    """``0 -> "A"``, ``1 -> "B"``... for worksheet versions."""
    return chr(ord("A") + index)


def shuffled(values: Sequence[T], seed: int, salt: str) -> list[T]:
    """A copy of ``values`` in an order fixed by ``seed`` and ``salt`` (e.g. a quiz id and version)."""
    result = list(values)
    random.Random(f"{seed}:{salt}").shuffle(result)
    return result
