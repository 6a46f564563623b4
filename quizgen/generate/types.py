"""The generate stage's own model: sentences, answer spans and the kinds of answer.

Every part of the stage speaks these types. The kinds are declared here, with the sets of kinds
that share a rule beside them; a curated list in ``data/lexicon.json`` only serves answers of a
kind named in :data:`LIST_KINDS`, so adding a list to the data file never creates a kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

from quizgen.generate.words import normalise

if TYPE_CHECKING:
    from spacy.tokens import Span

    from quizgen.generate.groups import GroupMaterial

Part: TypeAlias = Literal["key_point", "lead", "body"]
"""Where a sentence stands: a key point, the lead paragraph, or the body under a heading."""

NameKind: TypeAlias = Literal[
    "person", "place", "group", "organisation", "event", "title", "law", "language", "named", "name"
]
"""Named entities; ``named`` is a product or other thing with a name, ``name`` a one-word name of unsure kind."""

NumericKind: TypeAlias = Literal["year", "decade", "century", "number", "percent", "number_word"]

ListKind: TypeAlias = Literal[
    "countries",
    "historical_states",
    "continents",
    "regions",
    "oceans_and_seas",
    "rivers",
    "mountain_ranges",
    "deserts",
    "cities",
    "us_states",
    "months",
    "weekdays",
    "seasons",
    "ordinals",
    "planets",
    "religions",
    "ideologies",
    "chemical_elements",
    "organelles",
    "biomolecules",
    "gases",
]
"""Answers found in a curated list of ``data/lexicon.json``: the kind is the list's name."""

IdeaKind: TypeAlias = Literal["defined", "reason"]
"""A term the sentence defines, and a reason or purpose it gives (see :mod:`quizgen.generate.ideas`)."""

AnswerKind: TypeAlias = NameKind | NumericKind | ListKind | IdeaKind | Literal["term"]
"""What an answer is; it decides which wrong options may stand beside it (``term``: a key noun phrase)."""

LIST_KINDS: frozenset[ListKind] = frozenset(get_args(ListKind))
NUMERIC_KINDS: frozenset[NumericKind] = frozenset(get_args(NumericKind))
IDEA_KINDS: frozenset[IdeaKind] = frozenset(get_args(IdeaKind))
ANSWER_KINDS: frozenset[str] = frozenset(get_args(NameKind)) | NUMERIC_KINDS | LIST_KINDS | IDEA_KINDS | {"term"}

ENTITY_KINDS: dict[str, NameKind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "ORG": "organisation",
    "EVENT": "event",
    "WORK_OF_ART": "title",
    "LAW": "law",
    "LANGUAGE": "language",
    "PRODUCT": "named",
}
"""The kind of a spaCy named-entity label."""

PERSON_KINDS: frozenset[AnswerKind] = frozenset({"person", "group"})
"""Answers asked with *who*, and never looked up in the curated lists."""

YEAR_KINDS: frozenset[AnswerKind] = frozenset({"year", "decade"})
COUNT_KINDS: frozenset[AnswerKind] = frozenset({"number", "percent"})

DOCUMENT_ONLY_KINDS: frozenset[AnswerKind] = frozenset(
    {"term", "place", "organisation", "named", "name", "title", "law", "event"}
)
"""Kinds whose candidates from another subject's document rarely fit: only the answer's own
document serves, plus names from the run that end in the same word ("Nile River", "Congo River")."""

SEMANTIC_KINDS: frozenset[AnswerKind] = DOCUMENT_ONLY_KINDS | {"group"}
"""Kinds that get candidates from lexical knowledge after the document's (see :mod:`quizgen.generate.knowledge`)."""

TITLES = frozenset(
    "president king queen emperor empress pharaoh general admiral sir dr doctor professor prince princess pope "
    "saint st lord lady chancellor senator governor minister premier".split()
)
"""Words that stand before a person's name as a title: "President _____" asks for a president."""

CHOICE_KINDS: frozenset[AnswerKind] = NUMERIC_KINDS | LIST_KINDS | IDEA_KINDS | {"person"}
"""Kinds whose wrong options are easiest to make right (a year near the answer, another president, a
country of the same continent): they ask for multiple choice where other kinds ask for cloze."""

CLASS_KINDS: frozenset[AnswerKind] = SEMANTIC_KINDS
"""Kinds whose wrong options must be of the answer's semantic class (see
:meth:`quizgen.generate.knowledge.Knowledge.same_class`): "place" or "term" says little by itself
(a glacier, a current and a continent are all places)."""

FOREIGN_OPTIONS_KINDS: frozenset[AnswerKind] = frozenset({"person"})
"""Kinds whose wrong options may all come from other documents: a text often names one person only,
and a question about who did something is worth asking even then."""

STATEMENT_KINDS_EXCLUDED: frozenset[AnswerKind] = IDEA_KINDS | {"term", "number", "percent", "number_word", "ordinals"}
"""Kinds never swapped to make a false true/false statement: even a term of the answer's class can make
nonsense of a sentence ("oxidation upon excitation" -> "... upon erection"), and a count or share changed
(*about 200 of the islands*, *60% of the world's volcanoes*, *the three hemispheres*) asks an exact figure
or is false on its face: reviewers rejected nearly all of them. A rank is a count too (*the kingdom that first
emerged* -> *that eighth emerged*)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document and where it stands: what an item cites."""

    text: str
    """The sentence exactly as it stands in the document."""
    document_id: str
    section: str
    part: Part
    position: int
    """Order of the sentence in its document."""


@dataclass(frozen=True, eq=False)
class ParsedSentence:
    """A sentence with its spaCy parse, alive only while the document is analysed."""

    span: Span
    sentence: Sentence
    chunks: tuple[Span, ...] | None = None
    """The sentence's base noun phrases, when the parser's stage found them for the whole block at once."""

    @property
    def noun_chunks(self) -> tuple[Span, ...]:
        """The sentence's base noun phrases (spaCy's ``Span.noun_chunks`` finds those of the whole parsed
        block on every call, so they are found once per block where possible)."""
        return self.chunks if self.chunks is not None else tuple(self.span.noun_chunks)

    @property
    def text(self) -> str:
        """The sentence exactly as it stands in the document."""
        return self.sentence.text

    @property
    def part(self) -> Part:
        """Whether the sentence is a key point, in the lead, or in the body."""
        return self.sentence.part


@dataclass(frozen=True)
class Analysed:
    """What the builder keeps of a document once its parse is gone."""

    answers: tuple[tuple[Answer, ...], ...]
    """The answer candidates of each sentence, best first."""
    terms: tuple[str, ...]
    """The document's other key nouns ("rainforests", "aquifers"): never asked, but fit to stand as
    wrong options beside an answer of their class."""
    groups: GroupMaterial | None = None
    """The document's definitions, dated events and lists, for items of several facts (see
    :mod:`quizgen.generate.groups`)."""
    reasons: tuple[str, ...] = ()
    """The reasons every sentence of the document gives ("because of its location"): wrong options of
    its *why* questions (see :mod:`quizgen.generate.ideas`)."""


@dataclass(frozen=True, eq=False)
class Answer:
    """A span of a sentence that could be blanked or asked about."""

    sentence: Sentence
    start: int
    """Character offset in the sentence text."""
    end: int
    kind: AnswerKind
    score: float
    category_name: str | None = None
    """The curated list the answer is in (see :mod:`quizgen.generate.lexicon`), if any."""
    plural: bool = False
    stem: str = ""
    """The question to ask for it (set by :func:`quizgen.generate.stems.with_stem`): a wh-question where
    the parse allows, else the sentence with a blank."""
    full_clause: bool = False
    """Whether the sentence has a subject, so a changed copy still reads as a statement."""
    title: str = ""
    """The title word that stands before a person's name in the sentence ("president"), if any."""
    clause: tuple[str, str] | None = None
    """The text before and after the answer in its clause, with what the clause does not need left out
    (set by :func:`quizgen.generate.stems.with_stem`; see :func:`quizgen.generate.questions.clause_around`);
    ``None``: the whole sentence."""
    claim: tuple[str, str] | None = None
    """The text before and after the answer in its clause's claim said in other words (set by
    :func:`quizgen.generate.stems.with_stem`; see :func:`quizgen.generate.questions.claim_around`): what a
    true/false statement says; ``None``: the clause could not be reworded."""
    head: str = ""
    """For a term that is adjectives and a noun ("lush grasslands"), the noun alone, which a student
    may rightly write; else empty."""

    @property
    def text(self) -> str:
        """The answer exactly as the sentence has it."""
        return self.sentence.text[self.start : self.end]

    @property
    def key(self) -> str:
        """What two answers must share to count as the same answer."""
        return normalise(self.text)

    @property
    def rest(self) -> str:
        """The sentence without the answer: what an item about it shows of the sentence."""
        text = self.sentence.text
        return f"{text[: self.start]} {text[self.end :]}"
