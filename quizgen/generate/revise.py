"""Revising one item of a built quiz: the next-best wrong options the builder ranked, and a fresh item.

A teacher reviewing a quiz swaps a weak wrong option for another candidate, or asks for another
question from the same sentence. Both need the document's analysis (the answer candidates of each
sentence and the pool of wrong options), which :func:`quizgen.generate.item_reviser` makes once per
document and an :class:`ItemReviser` keeps. An item is matched to the answer it was built from by its id (see
:func:`~quizgen.model.item_id`), so an item whose wording the teacher edited is still found; an item
the teacher wrote themselves has no answer in the document, and gets no candidates.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from quizgen.check import check_item
from quizgen.generate.distractors import Distractors
from quizgen.generate.items import item_random
from quizgen.generate.options import BuildOptions
from quizgen.generate.plan import item_of_type
from quizgen.generate.types import Analysed, Answer
from quizgen.generate.words import normalise
from quizgen.model import (
    Cloze,
    Item,
    ItemClass,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    TrueFalse,
    assert_never,
    item_id,
)

__all__ = ["ItemReviser", "shown_texts"]

SINGLE_ANSWER_TYPES: tuple[ItemClass, ...] = (MultipleChoice, Cloze, TrueFalse)
"""The item types made of one answer of one sentence, which one item can be rebuilt as."""

CANDIDATES = 6
"""Wrong options offered for a swap, by default."""


class ItemReviser:
    """The builder's view of one document, kept to revise its quiz's items one at a time.

    Made by :func:`quizgen.generate.item_reviser` from the document's analysis and its pool of wrong
    options; ``options`` should be those the quiz was built with (its seed and item types).
    """

    def __init__(self, analysed: Analysed, distractors: Distractors, options: BuildOptions) -> None:
        self.options = options
        self._answers = analysed.answers
        self._distractors = distractors

    def answer_of(self, item: Item) -> Answer | None:
        """The answer candidate ``item`` was built from, or ``None`` (an item the teacher wrote)."""
        return next((answer for answer in self._sentence(item.source.sentence) if _id(answer) == item.id), None)

    def option_candidates(self, item: Item, limit: int = CANDIDATES) -> list[str]:
        """Up to ``limit`` more wrong options for ``item``, best first, that it does not already show.

        They are the builder's own ranking for the item's answer (every filter a wrong option
        passes when the quiz is built), so none is also right; an item with no answer in the
        document gets none.
        """
        answer = self.answer_of(item)
        if answer is None:
            return []
        shown = {normalise(text) for text in (answer.text, *shown_texts(item))}
        rng = item_random(self.options.seed, answer)
        ranked = self._distractors.rank(answer, rng, limit + len(shown))
        return [text for text in ranked if normalise(text) not in shown][:limit]

    def rebuild_item(self, item: Item, taken: Collection[str] = (), attempt: int = 1) -> Item | None:
        """Another item from ``item``'s sentence, or ``None`` when the builder can make no other.

        The candidates are each answer of the sentence in each item type the options allow, the
        item's own answer first; ``attempt`` (1, 2, ...) walks on through them, so asking again gives
        the next one, and the choices of its options are drawn afresh. An answer whose item id is in
        ``taken`` (the quiz's other items) is skipped, so no two items ask the same, and an item the
        flaw checker flags is passed over, as the builder passes it over.
        """
        answers = self._sentence(item.source.sentence)
        current = self.answer_of(item)
        ordered = sorted(answers, key=lambda answer: answer is not current)
        usable = [answer for answer in ordered if answer is current or _id(answer) not in taken]
        types = [cls for cls in SINGLE_ANSWER_TYPES if cls in self.options.types]
        pairs = [(answer, cls) for answer in usable for cls in types]
        here = [index for index, (answer, cls) in enumerate(pairs) if answer is current and cls is type(item)]
        start = here[0] if here else -1
        options = replace(self.options, seed=self.options.seed + attempt)
        if not pairs:
            return None
        for step in range(1, len(pairs) + 1):
            answer, cls = pairs[(start + attempt - 1 + step) % len(pairs)]
            rebuilt = item_of_type(answer, self._distractors, options, cls)
            if rebuilt is not None and rebuilt != item and not check_item(rebuilt):
                return rebuilt
        return None

    def _sentence(self, text: str) -> tuple[Answer, ...]:
        return next((answers for answers in self._answers if answers and answers[0].sentence.text == text), ())


def shown_texts(item: Item) -> list[str]:
    """The answer texts ``item`` shows or accepts: its options, or its blanks' answers and wrong answers."""
    match item:
        case MultipleChoice():
            return [option.text for option in item.options]
        case Cloze():
            return [text for blank in item.blanks for text in (blank.answer, *blank.accept, *blank.distractors)]
        case MultipleAnswer():
            return [option.text for option in item.options]
        case TrueFalse() | Matching() | Ordering():
            return []
        case _:
            assert_never(item)


def _id(answer: Answer) -> str:
    return item_id(answer.sentence.document_id, answer.sentence.text, answer.text)
