"""Interim builder: one cloze item per key point, by a plain rule.

This is the placeholder the foundation ships until the linguistic question
builder lands. Its rule is deliberately simple and says what it does: in each
key point it blanks the longest number (a year, an area, a count); failing that,
the longest run of capitalised words that does not open the sentence (a name).
Key points with neither give no item.
"""

from __future__ import annotations

import re

from quizgen.build.identity import item_id, item_tags
from quizgen.model import KEY_POINTS_SECTION, Blank, Cloze, Document, Item, Source

_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\d(?![\w])|(?<![\w.])\d(?![\w.,])")
_NAME = re.compile(r"(?<=\s)[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)*")


def key_point_cloze_items(document: Document) -> list[Item]:
    """One cloze item for each key point that has a number or a name to blank."""
    items: list[Item] = []
    for key_point in document.key_points:
        span = _answer_span(key_point.text)
        if span is None:
            continue
        start, end = span
        sentence = key_point.text
        answer = sentence[start:end]
        items.append(
            Cloze(
                id=item_id("cloze", document.id, sentence, answer),
                text=f"{sentence[:start]}{{{{1}}}}{sentence[end:]}",
                blanks=(Blank(id=1, answer=answer),),
                explanation=sentence,
                source=Source(section=KEY_POINTS_SECTION, sentence=sentence),
                tags=item_tags(document.id, KEY_POINTS_SECTION, Cloze.type),
            )
        )
    return items


def _answer_span(sentence: str) -> tuple[int, int] | None:
    numbers = list(_NUMBER.finditer(sentence))
    if numbers:
        return max(numbers, key=lambda match: len(match.group())).span()
    names = list(_NAME.finditer(sentence))
    if not names:
        return None
    longest = max(names, key=lambda match: len(match.group()))
    return longest.start(), longest.end() - _possessive_length(longest.group())


def _possessive_length(name: str) -> int:
    return 2 if name.endswith(("’s", "'s")) else 0
