"""What a user may ask of the generate stage."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.model import ITEM_CLASSES, MAX_ITEMS_PER_DOCUMENT, ItemClass

__all__ = ["ALL_TYPES", "MAX_ITEMS_PER_DOCUMENT", "BuildOptions"]

ALL_TYPES: frozenset[ItemClass] = frozenset(ITEM_CLASSES.values())


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked of the builder, handed to it whole.

    ``seed`` fixes every random choice (option order, true or false), so the same input and
    seed give the same quiz; ``max_items`` caps the items per document (``None``: only
    :data:`MAX_ITEMS_PER_DOCUMENT`); ``types`` limits the item types; ``semantic`` turns the
    lexical knowledge for wrong options (:mod:`quizgen.generate.knowledge`) on or off.
    """

    seed: int = 0
    max_items: int | None = None
    types: frozenset[ItemClass] = ALL_TYPES
    semantic: bool = True

    @property
    def item_limit(self) -> int:
        """Items kept per document: ``max_items``, never more than :data:`MAX_ITEMS_PER_DOCUMENT`."""
        return min(self.max_items or MAX_ITEMS_PER_DOCUMENT, MAX_ITEMS_PER_DOCUMENT)
