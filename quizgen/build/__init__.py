"""The ``build`` stage: a :class:`~quizgen.model.Document` in, a :class:`~quizgen.model.Quiz` out."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.build.keypoints import key_point_cloze_items
from quizgen.model import Document, Quiz

__all__ = ["BuildOptions", "build_quiz"]


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked of the builder.

    ``seed`` fixes every random choice, so the same input and seed give the
    same quiz; ``max_items`` caps the items per document (``None``: no cap).
    """

    seed: int = 0
    max_items: int | None = None


def build_quiz(document: Document, options: BuildOptions | None = None) -> Quiz:
    """Build the quiz for one document."""
    options = options or BuildOptions()
    items = key_point_cloze_items(document)
    if options.max_items is not None:
        items = items[: options.max_items]
    return Quiz(
        id=document.id,
        title=document.title,
        source=document.source,
        items=tuple(items),
        metadata=document.metadata,
    )
