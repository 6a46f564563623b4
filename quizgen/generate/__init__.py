"""The ``generate`` stage: documents in, one :class:`~quizgen.model.Quiz` per document out.

Sentences are parsed with spaCy (:mod:`quizgen.generate.nlp`), answer candidates
found in each (:mod:`quizgen.generate.answers`), wrong options drawn from the
document, the run and curated lists (:mod:`quizgen.generate.distractors`), and
items chosen across sections (:mod:`quizgen.generate.plan`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from quizgen.generate.answers import PLACE_WORDS, Answer, DocumentContext, find_answers
from quizgen.generate.distractors import Pool
from quizgen.generate.lexicon import normalise
from quizgen.generate.nlp import ParsedSentence, analyse
from quizgen.generate.plan import ALL_TYPES, CLOZE, MCQ, TRUE_FALSE, ItemTypes, PlanStats, plan_items
from quizgen.model import Document, Quiz

__all__ = [
    "ALL_TYPES",
    "CLOZE",
    "MAX_ITEMS_PER_DOCUMENT",
    "MCQ",
    "TRUE_FALSE",
    "BuildOptions",
    "QuizBuilder",
    "analyse_documents",
    "build_quiz",
    "build_quizzes",
]


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked of the builder.

    ``seed`` fixes every random choice, so the same input and seed give the
    same quiz; ``max_items`` caps the items per document (``None``: no cap);
    ``types`` limits the item types (``mcq``, ``cloze``, ``tf``); ``semantic`` turns the
    lexical knowledge for wrong options (:mod:`quizgen.generate.semantic`) on or off.
    """

    seed: int = 0
    max_items: int | None = None
    types: ItemTypes = ALL_TYPES
    semantic: bool = True


MAX_ITEMS_PER_DOCUMENT = 300
"""Items kept per document at most, whatever ``--max-items`` says; :attr:`QuizBuilder.capped` lists cut quizzes."""


class QuizBuilder:
    """Builds the quizzes of one run: add documents, then ask for their quizzes.

    Wrong options may come from any document added, so quizzes are made only
    once every document is in. Only compact answer candidates are kept per
    document (never its parse), so memory grows slowly with the run.
    """

    def __init__(self, options: BuildOptions | None = None) -> None:
        self.options = options or BuildOptions()
        self._documents: list[tuple[Document, list[list[Answer]]]] = []
        self._pool = Pool(semantic=self.options.semantic)
        self.stats = PlanStats()
        """How the items of this run were planned (see :class:`~quizgen.generate.plan.PlanStats`)."""
        self.capped: list[str] = []
        """Ids of documents whose quiz was cut at :data:`MAX_ITEMS_PER_DOCUMENT` items."""

    def add(self, document: Document) -> None:
        """Analyse ``document`` and remember its answer candidates."""
        for _ in self.add_all([document]):
            pass

    def add_all(self, documents: Sequence[Document], jobs: int = 1) -> Iterator[Document]:
        """Analyse ``documents``, in ``jobs`` processes at once; yield each document as it is done."""
        if jobs <= 1 or len(documents) < 2 * BATCH_DOCUMENTS:
            for document, sentences in analyse(documents):
                self._keep(document, _answers(document, sentences))
                yield document
            return
        batches = [documents[start : start + BATCH_DOCUMENTS] for start in range(0, len(documents), BATCH_DOCUMENTS)]
        with ProcessPoolExecutor(max_workers=jobs) as executor:
            for batch, analysed in zip(batches, executor.map(analyse_documents, batches), strict=True):
                for document, answers in zip(batch, analysed, strict=True):
                    self._keep(document, answers)
                    yield document

    def _keep(self, document: Document, answers: list[list[Answer]]) -> None:
        for sentence_answers in answers:
            self._pool.add_all(sentence_answers)
        self._documents.append((document, answers))

    def quizzes(self) -> list[Quiz]:
        """One quiz per document added, in the order they were added."""
        return [self._quiz(document, answers) for document, answers in self._documents]

    def _quiz(self, document: Document, answers: list[list[Answer]]) -> Quiz:
        options = self.options
        limit = min(options.max_items or MAX_ITEMS_PER_DOCUMENT, MAX_ITEMS_PER_DOCUMENT)
        items = plan_items(answers, self._pool, options.seed, options.types, limit, self.stats)
        asked_for_more = options.max_items is None or options.max_items > MAX_ITEMS_PER_DOCUMENT
        if len(items) == MAX_ITEMS_PER_DOCUMENT and asked_for_more:
            self.capped.append(document.id)
        return Quiz(
            id=document.id,
            title=document.title,
            source=document.source,
            items=tuple(items),
            metadata=document.metadata,
        )


BATCH_DOCUMENTS = 16
"""Documents a worker process analyses per task with ``--jobs``."""


def analyse_documents(documents: Sequence[Document]) -> list[list[list[Answer]]]:
    """The answer candidates of each sentence of each document (runs in worker processes too)."""
    return [_answers(document, sentences) for document, sentences in analyse(documents)]


def _answers(document: Document, sentences: list[ParsedSentence]) -> list[list[Answer]]:
    context = _context(document, sentences)
    return [find_answers(sentence, context) for sentence in sentences]


def build_quizzes(documents: Sequence[Document], options: BuildOptions | None = None) -> list[Quiz]:
    """Build a quiz for each document; wrong options may come from any document of the run."""
    builder = QuizBuilder(options)
    for document in documents:
        builder.add(document)
    return builder.quizzes()


def build_quiz(document: Document, options: BuildOptions | None = None) -> Quiz:
    """Build the quiz for one document on its own."""
    return build_quizzes([document], options)[0]


def _context(document: Document, sentences: list[ParsedSentence]) -> DocumentContext:
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
