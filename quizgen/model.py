"""The data model every stage speaks: documents in, quizzes out.

``read`` turns files into :class:`Document`; ``build`` turns a document into a
:class:`Quiz` of items; ``export`` writes quizzes to files. The JSON quiz file
(:mod:`quizgen.quizfile`) is the faithful serialization of :class:`Quiz`.

All types are frozen dataclasses holding tuples, so a value can be shared
between stages without anyone changing it underneath another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal, TypeAlias

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
    """A sentence with numbered blanks written as ``{{1}}``, ``{{2}}``..."""

    type: ClassVar[str] = "cloze"

    id: str
    text: str
    blanks: tuple[Blank, ...]
    explanation: str
    source: Source
    tags: tuple[str, ...] = ()
    difficulty: Difficulty | None = None


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


Item: TypeAlias = MultipleChoice | Cloze | TrueFalse

ITEM_TYPES: dict[str, type[MultipleChoice] | type[Cloze] | type[TrueFalse]] = {
    cls.type: cls for cls in (MultipleChoice, Cloze, TrueFalse)
}
"""Item classes by their ``type`` value in the JSON quiz format."""


@dataclass(frozen=True)
class Quiz:
    """The items built from one document, with what is needed to cite it."""

    id: str
    title: str
    source: SourceFile
    items: tuple[Item, ...]
    metadata: Metadata = field(default_factory=Metadata)
