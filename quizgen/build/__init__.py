"""The ``build`` stage: documents in, one :class:`~quizgen.model.Quiz` per document out.

Sentences are parsed with spaCy (:mod:`quizgen.build.nlp`), answer candidates
found in each (:mod:`quizgen.build.answers`), wrong options drawn from the
document, the run and curated lists (:mod:`quizgen.build.distractors`), and
items chosen across sections (:mod:`quizgen.build.plan`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.build.answers import PLACE_WORDS, Answer, DocumentContext, find_answers
from quizgen.build.distractors import Pool
from quizgen.build.lexicon import normalise
from quizgen.build.nlp import Sentence, analyse
from quizgen.build.plan import ALL_TYPES, CLOZE, MCQ, TRUE_FALSE, ItemTypes, PlanStats, plan_items
from quizgen.model import Document, Quiz

__all__ = ["ALL_TYPES", "CLOZE", "MCQ", "TRUE_FALSE", "BuildOptions", "QuizBuilder", "build_quiz", "build_quizzes"]


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked of the builder.

    ``seed`` fixes every random choice, so the same input and seed give the
    same quiz; ``max_items`` caps the items per document (``None``: no cap);
    ``types`` limits the item types (``mcq``, ``cloze``, ``tf``).
    """

    seed: int = 0
    max_items: int | None = None
    types: ItemTypes = ALL_TYPES


class QuizBuilder:
    """Builds the quizzes of one run: add documents, then ask for their quizzes.

    Wrong options may come from any document added, so quizzes are made only
    once every document is in.
    """

    def __init__(self, options: BuildOptions | None = None) -> None:
        self.options = options or BuildOptions()
        self._documents: list[tuple[Document, list[list[Answer]]]] = []
        self._pool = Pool()
        self.stats = PlanStats()
        """How the items of this run were planned (see :class:`~quizgen.build.plan.PlanStats`)."""

    def add(self, document: Document) -> None:
        """Analyse ``document`` and remember its answer candidates."""
        sentences = next(analyse([document]))
        context = _context(document, sentences)
        answers = [find_answers(sentence, context) for sentence in sentences]
        for sentence_answers in answers:
            self._pool.add_all(sentence_answers)
        self._documents.append((document, answers))

    def quizzes(self) -> list[Quiz]:
        """One quiz per document added, in the order they were added."""
        options = self.options
        return [
            Quiz(
                id=document.id,
                title=document.title,
                source=document.source,
                items=tuple(
                    plan_items(answers, self._pool, options.seed, options.types, options.max_items, self.stats)
                ),
                metadata=document.metadata,
            )
            for document, answers in self._documents
        ]


def build_quizzes(documents: Sequence[Document], options: BuildOptions | None = None) -> list[Quiz]:
    """Build a quiz for each document; wrong options may come from any document of the run."""
    builder = QuizBuilder(options)
    for document in documents:
        builder.add(document)
    return builder.quizzes()


def build_quiz(document: Document, options: BuildOptions | None = None) -> Quiz:
    """Build the quiz for one document on its own."""
    return build_quizzes([document], options)[0]


def _context(document: Document, sentences: list[Sentence]) -> DocumentContext:
    people = {
        name
        for sentence in sentences
        for entity in sentence.span.ents
        if entity.label_ == "PERSON" and len(entity) > 1 and not PLACE_WORDS & set(normalise(entity.text).split())
        for name in (normalise(entity.text), normalise(entity[0].text), normalise(entity[-1].text))
    }
    return DocumentContext(
        title_words=frozenset(normalise(document.title).replace("–", " ").split()) - {"of", "and", "the", "from", "to"},
        headings=frozenset(normalise(section.heading) for section in document.sections if section.heading),
        people=frozenset(people),
    )
