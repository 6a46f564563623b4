"""The ``generate`` stage: documents in, one :class:`~quizgen.model.Quiz` per document out.

Sentences are parsed with spaCy (:mod:`~quizgen.generate.nlp`), answer candidates found in each
(:mod:`~quizgen.generate.answers`) and given a question stem (:mod:`~quizgen.generate.stems`)
while the parse is alive; wrong options are drawn from the document, the run, curated lists and
lexical knowledge (:mod:`~quizgen.generate.distractors`), and items chosen across sections
(:mod:`~quizgen.generate.plan`). The stage's own types are in :mod:`~quizgen.generate.types`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from quizgen.check import Finding, check_item
from quizgen.generate.answers import (
    PLACE_WORDS,
    DocumentContext,
    document_terms,
    find_answers,
    noun_mentions,
    objective_nouns,
)
from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.groups import find_material, group_items, uncited
from quizgen.generate.ideas import document_reasons
from quizgen.generate.knowledge import Knowledge, load_knowledge, single_threaded_maths
from quizgen.generate.lexicon import Lexicon, lexicon
from quizgen.generate.nlp import MAX_SENTENCE_CHARS, analyse, document_texts, overlong_sentences
from quizgen.generate.options import ALL_TYPES, MAX_ITEMS_PER_DOCUMENT, BuildOptions
from quizgen.generate.plan import PlanStats, plan_items, shown_by
from quizgen.generate.references import Resolution, resolutions
from quizgen.generate.revise import ItemReviser
from quizgen.generate.stems import (
    means_someone_unnamed,
    naming_the_country,
    points_back,
    with_its_subject,
    with_stem,
)
from quizgen.generate.types import Analysed, Answer, ParsedSentence
from quizgen.generate.words import normalise
from quizgen.model import GROUP_TYPES, Document, Item, Quiz

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = [
    "ALL_TYPES",
    "MAX_ITEMS_PER_DOCUMENT",
    "BuildOptions",
    "Built",
    "ItemReviser",
    "QuizBuilder",
    "analyse_documents",
    "build_quiz",
    "build_quizzes",
    "document_distractors",
    "item_reviser",
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
        self._built: list[DocumentQuiz] = []
        self.stats = PlanStats()
        """How the items of this run were planned (see :class:`~quizgen.generate.plan.PlanStats`)."""
        self.flagged: dict[str, list[Finding]] = {}
        """What the flaw checker found in the items it kept out of each document's quiz, by document id."""

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
            for document, made in zip(documents, self._quizzes(documents, jobs), strict=True):
                self._built.append(made)
                _count(self.stats, made.stats)
                if made.flagged:
                    self.flagged[document.id] = list(made.flagged)
                if done is not None:
                    done(document)

    def _quizzes(self, documents: Sequence[Document], jobs: int) -> Iterator[DocumentQuiz]:
        """Each document's quiz with its notes and counts, as soon as it is made (in order)."""
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
        quizzes = tuple(made.quiz for made in self._built)
        return Built(quizzes, tuple(note for made in self._built for note in made.notes))


@dataclass(frozen=True)
class DocumentQuiz:
    """One document's quiz as a worker makes it, with what the run reports of it."""

    quiz: Quiz
    notes: tuple[str, ...]
    stats: PlanStats
    flagged: tuple[Finding, ...]
    """What the flaw checker found in the items it kept out of the quiz."""


def build_documents(documents: Sequence[Document], options: BuildOptions, lexicon: Lexicon) -> list[DocumentQuiz]:
    """Each document's quiz, with the packaged lexical knowledge (runs in worker processes: the
    documents are independent)."""
    with single_threaded_maths():
        knowledge = load_knowledge() if options.semantic else None
        return [
            _document_quiz(document, _analyse(document, sentences, lexicon), options, lexicon, knowledge)
            for document, sentences in analyse(documents)
        ]


def _document_quiz(
    document: Document, analysed: Analysed, options: BuildOptions, lexicon: Lexicon, knowledge: Knowledge | None
) -> DocumentQuiz:
    stats = PlanStats()
    distractors = document_distractors(document, analysed, lexicon, knowledge)
    items, flagged = _passed(_items(analysed, distractors, options, stats))
    quiz = _quiz(document, items)
    notes = _notes(quiz, options) + _long_sentence_notes(document) + _flagged_notes(document, flagged)
    return DocumentQuiz(quiz, tuple(notes), stats, tuple(flagged))


def document_distractors(
    document: Document, analysed: Analysed, lexicon: Lexicon, knowledge: Knowledge | None
) -> Distractors:
    """Where the wrong options of ``document``'s items come from: its own answers, terms and reasons,
    the curated lists and the lexical knowledge (the same for the whole quiz and for one item rebuilt)."""
    pool = Pool()
    for sentence_answers in analysed.answers:
        pool.add_all(sentence_answers)
    pool.add_terms(analysed.terms, document.id)
    pool.add_terms(analysed.reasons, document.id, kind="reason")
    for text, _, _ in document_texts(document):
        pool.add_text(text, document.id)
    pool.add_title(document.title, document.id)
    return Distractors(pool, lexicon, knowledge)


def _items(analysed: Analysed, distractors: Distractors, options: BuildOptions, stats: PlanStats) -> list[Item]:
    """The document's items: those of one answer each, then any of several facts (matching, ordering,
    multiple answer), which take their sentences out of the others' reach and count toward the limit."""
    groups = group_items(analysed.groups, distractors, options) if analysed.groups else []
    groups = groups[: options.item_limit // GROUP_SHARE]
    if not options.types - GROUP_TYPES:
        return groups
    limited = replace(options, max_items=options.item_limit - len(groups))
    singles = plan_items(uncited(analysed.answers, groups), distractors, limited, stats, shown_by(groups))
    return [*singles, *groups]


GROUP_SHARE = 4
"""A quiz holds at most one item of several facts per this many items (none in a quiz of three)."""


def _passed(items: Sequence[Item]) -> tuple[list[Item], list[Finding]]:
    """The last gate: ``items`` without those the flaw checker (:mod:`quizgen.check`) flags, and what
    it found in those."""
    kept, flagged = [], []
    for item in items:
        findings = check_item(item)
        flagged += findings
        if not findings:
            kept.append(item)
    return kept, flagged


def _flagged_notes(document: Document, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    count = len({finding.item_id for finding in findings})
    flaws = ", ".join(f"{flaw} {n}" for flaw, n in Counter(finding.flaw for finding in findings).items())
    items = f"{count} item{'s' if count != 1 else ''}"
    return [f"{document.source.file}: left out {items} the flaw checker flagged ({flaws})"]


def _count(total: PlanStats, stats: PlanStats) -> None:
    """Add one document's planning counts to the run's."""
    total.wanted_choice += stats.wanted_choice
    total.fell_back += stats.fell_back
    total.by_document.update(stats.by_document)
    total.many_right_words.update(stats.many_right_words)


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


def analyse_documents(documents: Sequence[Document], lexicon: Lexicon) -> list[Analysed]:
    """What each document gives: answer candidates per sentence, stems phrased, and its other terms
    (runs in worker processes too)."""
    return [_analyse(document, sentences, lexicon) for document, sentences in analyse(documents)]


def _analyse(document: Document, sentences: list[ParsedSentence], lexicon: Lexicon) -> Analysed:
    context = _context(document, sentences)
    category = lexicon.category_of(document.title)
    country = document.title if category is not None and category.kind == "countries" else ""
    stemmed = (
        _sentence_answers(sentence, resolution, context, lexicon, country)
        for sentence, resolution in zip(sentences, resolutions(sentences, country, document.title), strict=True)
    )
    answers = tuple(
        tuple(sorted((answer for answer in found if not points_back(answer)), key=lambda answer: -answer.score))
        for found in stemmed
    )
    terms = tuple(dict.fromkeys(term for sentence in sentences for term in document_terms(sentence)))
    reasons = tuple(dict.fromkeys(reason for sentence in sentences for reason in document_reasons(sentence)))
    return Analysed(answers, terms, groups=find_material(sentences, lexicon), reasons=reasons)


def _sentence_answers(
    sentence: ParsedSentence, resolution: Resolution | None, context: DocumentContext, lexicon: Lexicon, country: str
) -> list[Answer]:
    """The answers of one sentence with their stems, found in the sentence with its reference resolved
    where it has one (see :mod:`~quizgen.generate.references`), and pointing at the verbatim sentence."""
    parsed = resolution.parsed if resolution is not None else sentence
    found = [
        naming_the_country(subjected, country)
        for stemmed in (with_stem(answer, parsed.span) for answer in find_answers(parsed, context, lexicon))
        if not means_someone_unnamed(stemmed, parsed.span)
        and (subjected := with_its_subject(stemmed, parsed.span, country)) is not None
    ]
    if resolution is None:
        return found
    return [restored for answer in found if (restored := resolution.restored(answer)) is not None]


def build_quizzes(documents: Sequence[Document], options: BuildOptions | None = None) -> list[Quiz]:
    """Build a quiz for each document (each the same as if built alone)."""
    builder = QuizBuilder(options)
    builder.add(documents)
    return list(builder.build().quizzes)


def build_quiz(document: Document, options: BuildOptions | None = None) -> Quiz:
    """Build the quiz for one document on its own."""
    return build_quizzes([document], options)[0]


def item_reviser(
    document: Document,
    options: BuildOptions | None = None,
    *,
    lexicon: Lexicon | None = None,
    knowledge: Knowledge | None = None,
) -> ItemReviser:
    """What revises ``document``'s quiz one item at a time: the builder's ranked wrong options for a swap,
    and another item from an item's sentence (see :class:`~quizgen.generate.revise.ItemReviser`).

    ``options`` should be those the quiz was built with; ``lexicon`` and ``knowledge`` default to the
    packaged data, as for :class:`QuizBuilder`.
    """
    options = options or BuildOptions()
    lists = lexicon or _packaged_lexicon()
    (analysed,) = analyse_documents([document], lists)
    if knowledge is None and options.semantic:
        knowledge = load_knowledge()
    return ItemReviser(analysed, document_distractors(document, analysed, lists, knowledge), options)


def _packaged_lexicon() -> Lexicon:
    return lexicon()


def _capitals(entity: Span) -> list[str]:
    """A person's surname written in capitals, as reference works write it (*VIZCARRA* of *Martin Alberto
    VIZCARRA Cornejo*): a word the tagger alone may take for an organisation."""
    return [normalise(token.text) for token in entity if len(token.text) > 1 and token.text.isupper()]


def _context(document: Document, sentences: list[ParsedSentence]) -> DocumentContext:
    people = {
        name
        for sentence in sentences
        for entity in sentence.span.ents
        if entity.label_ == "PERSON" and len(entity) > 1 and not PLACE_WORDS & set(normalise(entity.text).split())
        for name in (normalise(entity.text), normalise(entity[0].text), normalise(entity[-1].text), *_capitals(entity))
    }
    return DocumentContext(
        title_words=frozenset(normalise(document.title).replace("–", " ").split()) - {"of", "and", "the", "from", "to"},
        headings=frozenset(normalise(section.heading) for section in document.sections if section.heading),
        people=frozenset(people),
        noun_mentions=noun_mentions(sentences),
        title=document.title,
        objective_words=objective_nouns(sentences),
    )
