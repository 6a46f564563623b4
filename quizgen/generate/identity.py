"""Stable identities and tags for items."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def item_id(document_id: str, sentence: str, answer: str) -> str:
    """An id that survives edits elsewhere in the document: it hashes only what the item asks.

    The item's type is left out on purpose, so an item that turns from multiple
    choice into cloze (when the run's wrong options change) keeps its identity.
    """
    key = "\x1f".join((document_id, sentence, answer))
    return f"q-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def slug(text: str) -> str:
    """``text`` as a lowercase, hyphenated tag word with no spaces."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "untitled"


def item_tags(document_id: str, section: str, item_type: str) -> tuple[str, ...]:
    """The tags every item carries: its document, section and type."""
    return (f"doc:{document_id}", f"section:{slug(section)}", f"type:{item_type}")
