"""The data model every stage speaks: documents in, quizzes out.

``read`` turns files into :class:`Document`; ``build`` turns a document into a
:class:`Quiz` of items; ``export`` writes quizzes to files. The JSON quiz file
(:mod:`quizgen.quizfile`) is the faithful serialization of :class:`Quiz`.

All types are frozen dataclasses holding tuples, so a value can be shared
between stages without anyone changing it underneath another.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Literal, NoReturn, TypeAlias

LEAD_SECTION = "Introduction"
"""Section name used in item sources for the lead paragraph and untitled text."""

KEY_POINTS_SECTION = "Key points"
"""Section name used in item sources for the document's key points."""


@dataclass(frozen=True)
class SourceFile:
    """The input file a document was read from: its name and content hash."""

    file: str
    sha256: str


@dataclass(frozen=True)
class KeyPoint:
    """One short key-point line of a document (a bullet or a plain short line)."""

    text: str


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it.

    ``heading`` is ``None`` for body text that stands before the first heading.
    """

    heading: str | None
    paragraphs: tuple[str, ...]

    @property
    def name(self) -> str:
        """The name items cite as their section."""
        return self.heading if self.heading is not None else LEAD_SECTION


@dataclass(frozen=True)
class Metadata:
    """Optional facts about a document, e.g. from Markdown front matter."""

    subject: str | None = None
    grade: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A study document as the reader understood it."""

    id: str
    title: str
    lead: str
    key_points: tuple[KeyPoint, ...]
    sections: tuple[Section, ...]
    source: SourceFile
    metadata: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True)
class Source:
    """Where an item comes from: the section name and the exact source sentence."""

    section: str
    sentence: str


@dataclass(frozen=True)
class Option:
    """One lettered option of a multiple-choice item."""

    id: str
    text: str


@dataclass(frozen=True)
class Blank:
    """One blank of a cloze item: ``{{id}}`` in the text, its answer and accepted variants."""

    id: int
    answer: str
    accept: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    """Plausible wrong answers of the blank's kind and class, best first (may be fewer than three)."""


Difficulty: TypeAlias = Literal["easy", "medium", "hard"]


@dataclass(frozen=True)
class MultipleChoice:
    """A question with lettered options, exactly one of which is the answer."""

    type: ClassVar[str] = "multiple_choice"

    id: str
    question: str
    options: tuple[Option, ...]
    answer: str
    explanation: str
    source: Source
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None

    @property
    def answer_text(self) -> str:
        """The text of the correct option."""
        return next(option.text for option in self.options if option.id == self.answer)


@dataclass(frozen=True)
class Cloze:
    """A sentence with numbered blanks written as ``{{1}}``, ``{{2}}``... (see :func:`cloze_text`)."""

    type: ClassVar[str] = "cloze"

    id: str
    text: str
    blanks: tuple[Blank, ...]
    explanation: str
    source: Source
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None

    @property
    def blanks_in_order(self) -> list[Blank]:
        """The blanks in the order they stand in the text."""
        by_id = {blank.id: blank for blank in self.blanks}
        return [by_id[number] for number in marked_blanks(self.text)]


@dataclass(frozen=True)
class TrueFalse:
    """A statement the student marks true or false."""

    type: ClassVar[str] = "true_false"

    id: str
    statement: str
    answer: bool
    explanation: str
    source: Source
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None


@dataclass(frozen=True)
class Pair:
    """One pair of a matching item: a term (or person) on the left, what it is (or did) on the right,
    both spans of the source sentence."""

    left: str
    right: str
    source: Source


class _CitedPartByPart:
    """An item whose parts (pairs, events) each cite their own sentence."""

    @property
    def parts(self) -> tuple[Pair, ...] | tuple[Event, ...]:
        """The parts, each with its ``source``."""
        raise NotImplementedError

    @property
    def source(self) -> Source:
        """The first part's source (every part has its own: :attr:`sources`)."""
        return self.parts[0].source

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sentences the item cites, each once, in the order of its parts."""
        return tuple(dict.fromkeys(part.source for part in self.parts))


@dataclass(frozen=True)
class Matching(_CitedPartByPart):
    """Pairs to match: the student joins each left-hand text to its right-hand one.

    Every pair cites its own sentence; :attr:`source` is the first pair's.
    """

    type: ClassVar[str] = "matching"

    id: str
    prompt: str
    pairs: tuple[Pair, ...]
    explanation: str
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None

    @property
    def parts(self) -> tuple[Pair, ...]:
        """The pairs."""
        return self.pairs


@dataclass(frozen=True)
class Event:
    """One event of an ordering item, as its sentence has it without the date, with the date if known."""

    text: str
    source: Source
    date: str | None = None
    """The date the sentence gives ("1789"), shown in the key and the explanation, never beside the event."""


@dataclass(frozen=True)
class Ordering(_CitedPartByPart):
    """Events (or steps) to put in order; :attr:`events` lists them in the correct order.

    Every event cites its own sentence; :attr:`source` is the first event's.
    """

    type: ClassVar[str] = "ordering"

    id: str
    prompt: str
    events: tuple[Event, ...]
    explanation: str
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None

    @property
    def parts(self) -> tuple[Event, ...]:
        """The events, in the correct order."""
        return self.events


@dataclass(frozen=True)
class MultipleAnswer:
    """A question with lettered options, any number of which (at least one) are correct: *Select all that apply*."""

    type: ClassVar[str] = "multiple_answer"

    id: str
    question: str
    options: tuple[Option, ...]
    answers: tuple[str, ...]
    """The ids of the correct options, in option order."""
    explanation: str
    source: Source
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None

    @property
    def answer_texts(self) -> tuple[str, ...]:
        """The texts of the correct options, in option order."""
        return tuple(option.text for option in self.options if option.id in self.answers)


Item: TypeAlias = MultipleChoice | Cloze | TrueFalse | Matching | Ordering | MultipleAnswer
ItemClass: TypeAlias = (
    type[MultipleChoice] | type[Cloze] | type[TrueFalse] | type[Matching] | type[Ordering] | type[MultipleAnswer]
)

ITEM_CLASSES: dict[str, ItemClass] = {
    "mcq": MultipleChoice,
    "cloze": Cloze,
    "tf": TrueFalse,
    "matching": Matching,
    "ordering": Ordering,
    "ma": MultipleAnswer,
}
"""The one table of item types: the short name users give (``--types mcq,cloze``) for each class."""

ITEM_TYPES: dict[str, ItemClass] = {cls.type: cls for cls in ITEM_CLASSES.values()}
"""Item classes by their ``type`` value in the JSON quiz format."""


GROUP_TYPES: frozenset[ItemClass] = frozenset({Matching, Ordering, MultipleAnswer})
"""Item types made from several facts of a document (or a list in one sentence) rather than one answer span."""


def item_sources(item: Item) -> tuple[Source, ...]:
    """Every sentence ``item`` cites, each once: one for most types, one per pair or event for matching and ordering."""
    match item:
        case MultipleChoice() | Cloze() | TrueFalse() | MultipleAnswer():
            return (item.source,)
        case Matching() | Ordering():
            return item.sources
        case _:
            assert_never(item)


def assert_never(value: NoReturn) -> NoReturn:
    """Mark the end of an exhaustive ``match`` on item types: strict mypy reports any type left out."""
    raise AssertionError(f"unhandled item type: {value!r}")


@dataclass(frozen=True)
class Quiz:
    """The items built from one document, with what is needed to cite it."""

    id: str
    title: str
    source: SourceFile
    items: tuple[Item, ...]
    metadata: Metadata = field(default_factory=Metadata)


# --- Contracts every stage shares -------------------------------------------------------------------
# The builder writes these and the exporters and the quiz file read them; each has one writer and
# one reader here, so no stage copies another's string convention.

MAX_ITEMS_PER_DOCUMENT = 300
"""Items a quiz holds at most: the builder keeps no more, and a quiz file with more is refused."""

GIFT_SUFFIX = ".gift.txt"
"""Ending of the GIFT files quizgen writes."""

QUIZLET_SUFFIX = ".quizlet.txt"
"""Ending of the Quizlet import files quizgen writes."""

BLACKBOARD_SUFFIX = ".blackboard.txt"
"""Ending of the Blackboard question pools quizgen writes."""

OUTPUT_TEXT_SUFFIXES = (GIFT_SUFFIX, QUIZLET_SUFFIX, BLACKBOARD_SUFFIX)
"""Endings of files quizgen writes that end like a document: the reader skips them in a folder, so a
second ``quizgen build .`` does not read the first one's output."""

BLANK = "_____"
"""How a blank is printed where a format has no box to type in."""

OPTION_LETTERS = string.ascii_uppercase
"""Multiple-choice options are lettered A, B, C... in the order they are listed."""

MAX_BLANK_ID = 999
"""Highest blank id: every format can carry it (Anki numbers its cloze deletions, Canvas its blanks)."""

CLOZE_MARKER = re.compile(r"\{\{([0-9]{1,9})\}\}")
"""A blank in a cloze text: ``{{N}}``, N the blank's id. (Nine digits at most, so a run of digits is
never turned into a huge number; ids above :data:`MAX_BLANK_ID` are refused by the quiz format.)"""

_CLOZE_TOKEN = re.compile(r"\\([\\{])|" + CLOZE_MARKER.pattern)
"""What a cloze text is read as: ``\\{`` a literal ``{``, ``\\\\`` a literal backslash, or a marker."""

_CLOZE_SPECIAL = re.compile(r"([\\{])")


def option_letter(index: int) -> str:
    """The letter of the option at ``index`` (0 -> ``A``)."""
    return OPTION_LETTERS[index]


def cloze_marker(blank_id: int) -> str:
    """The marker that stands for blank ``blank_id`` in a cloze text: ``{{1}}``."""
    return f"{{{{{blank_id}}}}}"


def cloze_text(parts: Iterable[str | int]) -> str:
    """The cloze text of literal strings and blank ids: the one writer of :func:`cloze_parts`' format.

    A ``{`` and a backslash in the literal text are escaped with a backslash, so text that looks
    like a marker (``{{1}}`` in notes about templates) is never read as a blank.
    """
    return "".join(cloze_marker(part) if isinstance(part, int) else _CLOZE_SPECIAL.sub(r"\\\1", part) for part in parts)


def cloze_parts(text: str) -> list[str | int]:
    """A cloze ``text`` as its literal strings and blank ids, in reading order.

    ``{{N}}`` is blank N; ``\\{`` and ``\\\\`` are a literal brace and backslash; every other
    character (a lone ``{``, a backslash before anything else) stands for itself.
    """
    parts: list[str | int] = []
    literal: list[str] = []
    position = 0
    for match in _CLOZE_TOKEN.finditer(text):
        literal.append(text[position : match.start()])
        position = match.end()
        escaped, blank = match.groups()
        if escaped is not None:
            literal.append(escaped)
            continue
        parts.append("".join(literal))
        parts.append(int(blank))
        literal = []
    literal.append(text[position:])
    parts.append("".join(literal))
    return [part for part in parts if part != ""]


def marked_blanks(text: str) -> list[int]:
    """The blank ids marked in a cloze ``text``, in reading order."""
    return [part for part in cloze_parts(text) if isinstance(part, int)]


def item_id(document_id: str, sentence: str, answer: str) -> str:
    """An item's id: it hashes only what the item asks, so it survives edits elsewhere in the document.

    The item's type is left out on purpose, so an item that turns from multiple
    choice into cloze (when the run's wrong options change) keeps its identity.
    """
    key = "\x1f".join((document_id, sentence, answer))
    return f"q-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


TAG_DOCUMENT, TAG_SECTION, TAG_TYPE, TAG_ANSWER = "doc", "section", "type", "answer"
"""Keys of the ``key:value`` tags the builder gives every item."""


def tag(key: str, value: str) -> str:
    """One ``key:value`` tag."""
    return f"{key}:{value}"


def parse_tag(text: str) -> tuple[str | None, str]:
    """A tag's key and value: ``("section", "key-points")``; a tag with no colon has no key."""
    key, colon, value = text.partition(":")
    return (key, value) if colon else (None, text)


def item_tags(document_id: str, section: str, item_type: str, answer_kind: str) -> tuple[str, ...]:
    """The tags the builder gives every item: its document, section, type and kind of answer."""
    return (
        tag(TAG_DOCUMENT, document_id),
        tag(TAG_SECTION, slug(section)),
        tag(TAG_TYPE, item_type),
        tag(TAG_ANSWER, answer_kind),
    )


MAX_SLUG_LENGTH = 80
"""Longest slug (so id, tag and file name): a longer one is cut and ends in a hash of the whole text,
so every output name stays far below the 255 bytes a file system allows."""


def slug(text: str) -> str:
    """``text`` as a lowercase ASCII word for ids, tags and file names: ``Économie politique`` ->
    ``economie-politique``.

    Accents are dropped and every run of characters other than letters, digits and ``_`` becomes
    ``-``. Text with nothing left (``日本語``) gets ``untitled-`` and a short hash of it, so two such
    texts still differ. A slug longer than :data:`MAX_SLUG_LENGTH` is cut and given a short hash.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9_]+", "-", ascii_text.lower()).strip("-_")
    if not words:
        return f"untitled-{_short_hash(text)}"
    if len(words) > MAX_SLUG_LENGTH:
        return f"{words[: MAX_SLUG_LENGTH - 9].rstrip('-_')}-{_short_hash(text)}"
    return words


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def document_tags(values: Iterable[str]) -> tuple[str, ...]:
    """A document's own tags as every format can carry them: each run of whitespace as ``-``, empty
    ones dropped, and a tag that repeats an earlier one (case aside) left out: ``earth science`` ->
    ``earth-science``."""
    tags: dict[str, str] = {}
    for value in values:
        words = "-".join(clean_text(value).split())
        if words:
            tags.setdefault(words.casefold(), words)
    return tuple(tags.values())


# Line breaks other than "\n" become "\n"; every other control character (C0, DEL, C1) but the tab
# is dropped: Anki splits fields at \x1f, XML cannot hold most of them, terminals obey them.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x85\u2028\u2029", "\n"))
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\r]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without control characters, as every stage may rely on: the reader and the quiz file
    pass everything they read through it.

    Raises :class:`ValueError` for a lone surrogate (``"\\ud800"`` in JSON or YAML), which is no
    character at all and cannot be written as UTF-8.
    """
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise ValueError(f"holds a lone surrogate (\\u{ord(surrogate.group()):04x}), which is not text")
    return _CONTROLS.sub("", text.translate(_LINE_BREAKS))
