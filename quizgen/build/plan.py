"""Choosing which answers become items, and of which type.

Every sentence gives at most one item and every answer is asked once, so no
two items test the same thing. Sentences are taken in rounds across sections
(the best remaining sentence of each section per round), so a long section
does not crowd out the others. Each answer's type is fixed by a hash of the answer
and its sentence (half multiple choice, three in ten cloze, one in five
true/false), and falls back to cloze when three good wrong options cannot be
found.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from itertools import zip_longest

from quizgen.build.answers import Answer, has_subject
from quizgen.build.distractors import Pool, choose_distractors
from quizgen.build.items import cloze, item_random, multiple_choice, true_false
from quizgen.model import Item

ItemTypes = frozenset[str]
MCQ, CLOZE, TRUE_FALSE = "mcq", "cloze", "tf"
ALL_TYPES: ItemTypes = frozenset({MCQ, CLOZE, TRUE_FALSE})


def plan_items(
    sentence_answers: Sequence[list[Answer]],
    pool: Pool,
    seed: int,
    types: ItemTypes = ALL_TYPES,
    max_items: int | None = None,
) -> list[Item]:
    """The items for one document, in document order."""
    chosen: list[tuple[int, Item]] = []
    asked: set[str] = set()
    for answers in _in_rounds(sentence_answers):
        for answer in answers:
            if answer.key in asked:
                continue
            item = _make_item(answer, pool, seed, _preferred_type(answer, types), types)
            if item is not None:
                chosen.append((answer.sentence.position, item))
                asked.add(answer.key)
                break
        if max_items is not None and len(chosen) >= max_items:
            break
    return [item for _, item in sorted(chosen, key=lambda pair: pair[0])]


def _in_rounds(sentence_answers: Sequence[list[Answer]]) -> list[list[Answer]]:
    """Sentences with answers, best first within each section, sections interleaved."""
    by_section: dict[str, list[list[Answer]]] = defaultdict(list)
    for answers in sentence_answers:
        if answers:
            by_section[answers[0].sentence.section].append(answers)
    queues = [sorted(group, key=lambda answers: -answers[0].score) for group in by_section.values()]
    queues.sort(key=lambda queue: -queue[0][0].score)
    return [answers for round_ in zip_longest(*queues) for answers in round_ if answers is not None]


def _preferred_type(answer: Answer, types: ItemTypes) -> str:
    """The type an answer asks to become, fixed by the answer alone.

    Deriving it from the item rather than its position keeps every other item's
    type (and so its identity in Anki) unchanged when one sentence is edited.
    """
    slot = int(hashlib.sha256(f"{answer.sentence.text}\x1f{answer.text}".encode()).hexdigest(), 16) % 20
    if slot < 4 and TRUE_FALSE in types:
        return TRUE_FALSE
    if slot < 10 and CLOZE in types:
        return CLOZE
    return MCQ if MCQ in types else next(iter(sorted(types)))


def _make_item(answer: Answer, pool: Pool, seed: int, preferred: str, types: ItemTypes) -> Item | None:
    rng = item_random(seed, answer)
    if preferred == CLOZE:
        return cloze(answer)
    distractors = choose_distractors(answer, pool, rng)
    if distractors is not None and preferred == TRUE_FALSE and answer.kind != "term" and has_subject(answer.sentence):
        return true_false(answer, distractors[0], rng)
    if distractors is not None and MCQ in types:
        return multiple_choice(answer, distractors, rng)
    return cloze(answer) if CLOZE in types else None
