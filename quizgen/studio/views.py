"""What the review page shows of items and documents, shaped for the templates (no HTML here: jinja
escapes every text as it renders it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgen.check import Finding
from quizgen.model import (
    BLANK,
    Cloze,
    Document,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    TrueFalse,
    assert_never,
    cloze_parts,
)


@dataclass(frozen=True)
class ItemView:
    """One item as the review page lays it out."""

    item: Item
    kind: str
    """The template partial that edits it (``mcq``, ``cloze``, ``tf``)."""
    label: str
    """What a teacher calls its type."""
    prompt: str
    """The question as a student reads it."""
    status: str
    """``new``, ``accepted`` or ``rejected``."""
    number: int
    flaws: tuple[Finding, ...] = ()
    """What the item-flaw checker (:mod:`quizgen.check`) finds in the item as it stands."""

    @property
    def sentences(self) -> list[str]:
        """The sentences the item cites (see :func:`cited_sentences`)."""
        return cited_sentences(self.item)


def item_view(item: Item, number: int, status: str, flaws: tuple[Finding, ...] = ()) -> ItemView:
    """The view of ``item``, the ``number``-th of its quiz, with the flaws found in it."""
    match item:
        case MultipleChoice():
            return ItemView(item, "mcq", "Multiple choice", item.question, status, number, flaws)
        case Cloze():
            prompt = "".join(BLANK if isinstance(part, int) else part for part in cloze_parts(item.text))
            return ItemView(item, "cloze", "Fill in the blank", prompt, status, number, flaws)
        case TrueFalse():
            return ItemView(item, "tf", "True or false", item.statement, status, number, flaws)
        case Matching():
            return ItemView(item, "matching", "Matching", item.prompt, status, number, flaws)
        case Ordering():
            return ItemView(item, "ordering", "Put in order", item.prompt, status, number, flaws)
        case MultipleAnswer():
            return ItemView(item, "multi", "Select all that apply", item.question, status, number, flaws)
        case _:
            assert_never(item)


def cited_sentences(item: Item) -> list[str]:
    """The sentences ``item`` cites: one, or one per pair or event of an item of several facts."""
    match item:
        case Matching() | Ordering():
            return [source.sentence for source in item.sources]
        case MultipleChoice() | Cloze() | TrueFalse() | MultipleAnswer():
            return [item.source.sentence]
        case _:
            assert_never(item)


@dataclass(frozen=True)
class Piece:
    """A run of a paragraph: plain text, or a source sentence of the items listed."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """A heading, key point or paragraph of the document, in pieces."""

    role: str
    """``title``, ``lead``, ``key_point``, ``heading`` or ``paragraph``."""
    pieces: tuple[Piece, ...] = field(default_factory=tuple)


def document_blocks(document: Document, items: list[Item]) -> list[Block]:
    """The document as it was read, each item's source sentence marked with the items that cite it."""
    sentences: dict[str, list[str]] = {}
    for item in items:
        for sentence in cited_sentences(item):
            sentences.setdefault(sentence, []).append(item.id)
    blocks = [Block("title", (Piece(document.title),))]
    if document.lead:
        blocks.append(Block("lead", _pieces(document.lead, sentences)))
    blocks += [Block("key_point", _pieces(point.text, sentences)) for point in document.key_points]
    for section in document.sections:
        if section.heading is not None:
            blocks.append(Block("heading", (Piece(section.heading),)))
        blocks += [Block("paragraph", _pieces(paragraph, sentences)) for paragraph in section.paragraphs]
    return blocks


def _pieces(text: str, sentences: dict[str, list[str]]) -> tuple[Piece, ...]:
    """``text`` cut around every source sentence it holds (each marked once, where it first stands)."""
    found = sorted((start, sentence) for sentence in sentences if sentence and (start := text.find(sentence)) >= 0)
    pieces: list[Piece] = []
    position = 0
    for start, sentence in found:
        if start < position:
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(Piece(sentence, tuple(sentences[sentence])))
        position = start + len(sentence)
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return tuple(pieces)
