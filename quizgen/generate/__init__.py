"""The ``generate`` stage: documents in, one :class:`~quizgen.model.Quiz` per document out.

Sentences are parsed with spaCy (:mod:`~quizgen.generate.nlp`), answer candidates found in each
(:mod:`~quizgen.generate.answers`) and given a question stem (:mod:`~quizgen.generate.stems`)
while the parse is alive; wrong options are drawn from the document, the run, curated lists and
lexical knowledge (:mod:`~quizgen.generate.distractors`), and items chosen across sections
(:mod:`~quizgen.generate.plan`). The stage's own types are in :mod:`~quizgen.generate.types`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from quizgen.generate.answers import PLACE_WORDS, DocumentContext, document_terms, find_answers
from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.knowledge import Knowledge, load_knowledge, single_threaded_maths
from quizgen.generate.lexicon import Lexicon, lexicon
from quizgen.generate.nlp import MAX_SENTENCE_CHARS, analyse, overlong_sentences
from quizgen.generate.options import ALL_TYPES, MAX_ITEMS_PER_DOCUMENT, BuildOptions
from quizgen.generate.plan import PlanStats, plan_items
from quizgen.generate.stems import with_stem
from quizgen.generate.types import Analysed, ParsedSentence
from quizgen.generate.words import normalise
from quizgen.model import Document, Item, Quiz

__all__ = [
    "ALL_TYPES",
    "MAX_ITEMS_PER_DOCUMENT",
    "BuildOptions",
    "Built",
    "QuizBuilder",
    "build_documents",
    "build_quiz",
    "build_quizzes",
]

BATCH_DOCUMENTS = 16
"""Documents a worker process analyses per task with ``jobs``."""


@dataclass(frozen=True)
class Built:
    """What a build gives back: a quiz per document, in order, and a note per document that needs one."""

    quizzes: tuple[Quiz, ...]
    notes: tuple[str, ...]
    """One line each, naming the document's file: a quiz cut at the limit, a text with no question."""


class QuizBuilder:
    """Builds the quizzes of one run: add documents, then :meth:`build`.

    Each document's quiz depends on that document alone (its wrong options come from its own
    answers, the curated lists and the lexical knowledge, never from the other documents of the
    run), so a quiz is the same built alone or in a batch, and in one process or several. Each
    document's quiz is made as soon as it is parsed, and only the quiz is kept (never the parse),
    so memory grows slowly with the run. ``lexicon`` and ``knowledge`` default to the data packaged
    with quizgen (``knowledge`` only when ``options.semantic``, loaded on first use); a test may pass
    small ones (then documents are built in this process only).
    """

    def __init__(
        self,
        options: BuildOptions | None = None,
        *,
        lexicon: Lexicon | None = None,
        knowledge: Knowledge | None = None,
    ) -> None:
        self.options = options or BuildOptions()
        self._lexicon = lexicon
        self._knowledge = knowledge
        self._built: list[tuple[Quiz, list[str]]] = []
        self.stats = PlanStats()
        """How the items of this run were planned (see :class:`~quizgen.generate.plan.PlanStats`)."""

    @property
    def lexicon(self) -> Lexicon:
        """The curated lists this builder uses."""
        if self._lexicon is None:
            self._lexicon = lexicon()
        return self._lexicon

    def add(self, documents: Sequence[Document], jobs: int = 1, done: Callable[[Document], None] | None = None) -> None:
        """Build the quiz of each of ``documents`` (in ``jobs`` processes at once) and remember it.

        ``done`` is called with each document as its quiz is made (for a progress bar).
        """
        with single_threaded_maths():
            for document, (quiz, notes, stats) in zip(documents, self._quizzes(documents, jobs), strict=True):
                self._built.append((quiz, notes))
                _count(self.stats, stats)
                if done is not None:
                    done(document)

    def _quizzes(self, documents: Sequence[Document], jobs: int) -> Iterator[tuple[Quiz, list[str], PlanStats]]:
        """Each document's quiz, notes and planning counts, as soon as it is made (in order)."""
        own_data = self._knowledge is not None and self.options.semantic
        if jobs <= 1 or len(documents) < 2 or own_data:
            knowledge = self._knowledge
            for document, sentences in analyse(documents):
                analysed = _analyse(document, sentences, self.lexicon)
                if knowledge is None and self.options.semantic:
                    knowledge = load_knowledge()
                yield _document_quiz(document, analysed, self.options, self.lexicon, knowledge)
            return
        size = min(BATCH_DOCUMENTS, -(-len(documents) // jobs))
        batches = [documents[start : start + size] for start in range(0, len(documents), size)]
        with ProcessPoolExecutor(max_workers=jobs) as executor:
            work = partial(build_documents, options=self.options, lexicon=self.lexicon)
            for built in executor.map(work, batches):
                yield from built

    def build(self) -> Built:
        """One quiz per document added, in the order they were added, with the notes they need."""
        quizzes = tuple(quiz for quiz, _ in self._built)
        return Built(quizzes, tuple(note for _, notes in self._built for note in notes))


def build_documents(
    documents: Sequence[Document], options: BuildOptions, lexicon: Lexicon
) -> list[tuple[Quiz, list[str], PlanStats]]:
    """Each document's quiz, notes and planning counts, with the packaged lexical knowledge (runs in
    worker processes: the documents are independent)."""
    with single_threaded_maths():
        knowledge = load_knowledge() if options.semantic else None
        return [
            _document_quiz(document, _analyse(document, sentences, lexicon), options, lexicon, knowledge)
            for document, sentences in analyse(documents)
        ]


def _document_quiz(
    document: Document, analysed: Analysed, options: BuildOptions, lexicon: Lexicon, knowledge: Knowledge | None
) -> tuple[Quiz, list[str], PlanStats]:
    pool = Pool()
    for sentence_answers in analysed.answers:
        pool.add_all(sentence_answers)
    pool.add_terms(analysed.terms, document.id)
    stats = PlanStats()
    quiz = _quiz(document, plan_items(analysed.answers, Distractors(pool, lexicon, knowledge), options, stats))
    return quiz, _notes(quiz, options) + _long_sentence_notes(document), stats


def _count(total: PlanStats, stats: PlanStats) -> None:
    """Add one document's planning counts to the run's."""
    total.wanted_choice += stats.wanted_choice
    total.fell_back += stats.fell_back
    total.by_document.update(stats.by_document)


def _quiz(document: Document, items: Sequence[Item]) -> Quiz:
    return Quiz(
        id=document.id,
        title=document.title,
        source=document.source,
        items=tuple(items),
        metadata=document.metadata,
    )


def _notes(quiz: Quiz, options: BuildOptions) -> list[str]:
    asked_for_more = options.max_items is None or options.max_items > MAX_ITEMS_PER_DOCUMENT
    if len(quiz.items) == MAX_ITEMS_PER_DOCUMENT and asked_for_more:
        return [f"{quiz.source.file}: kept the first {MAX_ITEMS_PER_DOCUMENT} items (the limit)"]
    if not quiz.items:
        return [f"{quiz.source.file}: no question could be made from this text"]
    return []


def _long_sentence_notes(document: Document) -> list[str]:
    skipped = overlong_sentences(document)
    if not skipped:
        return []
    sentences = f"{skipped} sentence{'s' if skipped != 1 else ''}"
    limit = f"over {MAX_SENTENCE_CHARS:,} characters with no sentence end"
    return [f"{document.source.file}: left out {sentences} too long to ask about ({limit})"]


def _analyse(document: Document, sentences: list[ParsedSentence], lexicon: Lexicon) -> Analysed:
    context = _context(document, sentences)
    answers = tuple(
        tuple(with_stem(answer, sentence.span) for answer in find_answers(sentence, context, lexicon))
        for sentence in sentences
    )
    terms = tuple(dict.fromkeys(term for sentence in sentences for term in document_terms(sentence)))
    return Analysed(answers, terms)


def build_quizzes(documents: Sequence[Document], options: BuildOptions | None = None) -> list[Quiz]:
    """Build a quiz for each document (each the same as if built alone)."""
    builder = QuizBuilder(options)
    builder.add(documents)
    return list(builder.build().quizzes)


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
