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
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

from quizgen.generate.answers import Answer
from quizgen.generate.distractors import Pool, choose_distractors
from quizgen.generate.items import cloze, item_random, multiple_choice, true_false
from quizgen.generate.lexicon import normalise
from quizgen.model import Cloze, Item

ItemTypes = frozenset[str]
MCQ_OPTIONS_FROM_DOCUMENT = 1
"""Wrong options of a multiple-choice item that must come from its own document (see choose_distractors)."""

FOREIGN_OPTIONS_KINDS = frozenset({"person"})
"""Kinds whose wrong options may all come from other documents: a text often names one person only,
and a question about who did something is worth asking even then."""
MCQ, CLOZE, TRUE_FALSE = "mcq", "cloze", "tf"
ALL_TYPES: ItemTypes = frozenset({MCQ, CLOZE, TRUE_FALSE})


@dataclass
class PlanStats:
    """Counts for the quality report: how often multiple choice had to fall back to cloze."""

    wanted_choice: int = 0
    """Items that asked to be multiple choice or true/false."""
    fell_back: int = 0
    """Of those, items that became cloze for want of three good wrong options."""
    by_document: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The same two counts for each document, by its id."""

    def record(self, document_id: str, fell_back: bool) -> None:
        """Count one item that asked to be multiple choice or true/false, and whether it became cloze."""
        self.wanted_choice += 1
        self.fell_back += fell_back
        wanted, fell = self.by_document.get(document_id, (0, 0))
        self.by_document[document_id] = (wanted + 1, fell + fell_back)


def plan_items(
    sentence_answers: Sequence[list[Answer]],
    pool: Pool,
    seed: int,
    types: ItemTypes = ALL_TYPES,
    max_items: int | None = None,
    stats: PlanStats | None = None,
) -> list[Item]:
    """The items for one document, in document order."""
    stats = stats if stats is not None else PlanStats()
    chosen: list[tuple[int, Item]] = []
    asked: set[str] = set()
    used: Counter[str] = Counter()
    for answers in _in_rounds(sentence_answers):
        for answer in answers:
            if answer.key in asked:
                continue
            preferred = _preferred_type(answer, types)
            item = _make_item(answer, pool, seed, preferred, types, used)
            if item is not None and preferred != CLOZE:
                stats.record(answer.sentence.document_id, isinstance(item, Cloze))
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


def _make_item(
    answer: Answer, pool: Pool, seed: int, preferred: str, types: ItemTypes, used: Counter[str]
) -> Item | None:
    rng = item_random(seed, answer)
    if preferred == CLOZE:
        return cloze(answer)
    can_be_statement = TRUE_FALSE in types and answer.kind != "term" and answer.full_clause
    if preferred == MCQ or not can_be_statement:
        from_document = 0 if answer.kind in FOREIGN_OPTIONS_KINDS else MCQ_OPTIONS_FROM_DOCUMENT
        options = choose_distractors(answer, pool, rng, from_document=from_document, used=used)
        if options is not None and MCQ in types:
            used.update(normalise(option) for option in options)
            return multiple_choice(answer, options, rng)
    if can_be_statement:
        wrong = choose_distractors(answer, pool, rng)
        if wrong is not None:
            return true_false(answer, wrong[0], rng)
    return cloze(answer) if CLOZE in types else None
