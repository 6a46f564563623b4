"""The ``read`` stage: files in, :class:`~quizgen.model.Document` out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from quizgen.errors import InputError
from quizgen.model import OUTPUT_TEXT_SUFFIXES, Document, Metadata, slug
from quizgen.read.layout import parse_layout
from quizgen.read.markdown import looks_like_markdown, parse_markdown
from quizgen.read.text import read_text

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")
"""File endings taken from a folder; a file named on the command line is read whatever its ending."""

MARKDOWN_SUFFIXES = (".md", ".markdown")

__all__ = ["DOCUMENT_SUFFIXES", "document_id", "find_documents", "read_document"]


def read_document(path: Path) -> Document:
    """Read the study document at ``path``.

    Raises :class:`~quizgen.errors.InputError` with a one-line reason when the
    file is missing, empty, binary, not UTF-8, or has no text to ask about.
    """
    text, source = read_text(path)
    if path.suffix.lower() in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        layout, metadata = parse_markdown(path, text)
    else:
        layout, metadata = parse_layout(text), Metadata()
    if not layout.lead and not layout.key_points and not layout.sections:
        raise InputError(path, "has a title but no text to ask questions about")
    if layout.title and not any(char.isalpha() for char in layout.title):
        raise InputError(path, "has no readable text (no letters in its first line)")
    return Document(
        id=document_id(path),
        title=layout.title or title_from_file_name(path),
        lead=layout.lead,
        key_points=layout.key_points,
        sections=layout.sections,
        source=source,
        metadata=metadata,
    )


def title_from_file_name(path: Path) -> str:
    """A title for a document that has none: its file name, in words."""
    words = path.stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() or "Untitled"


def document_id(path: Path) -> str:
    """A stable id from the file name, so editing a document keeps its id (``_`` separates words in file names)."""
    return slug(path.stem.replace("_", " "))


def find_documents(inputs: Iterable[Path], skip: Iterable[Path] = ()) -> Iterator[Path]:
    """Expand folders into the documents they hold, sorted; pass files through.

    In a folder, files with another ending, hidden files, ``README*`` notes and quizgen's own output
    (:data:`~quizgen.model.OUTPUT_TEXT_SUFFIXES`, anything in the folders ``skip``, such as ``--out``)
    are left out, and so is a link that leads out of the folder (a file named itself is read wherever
    it leads). A missing path, and a sub-folder that cannot be listed, are passed through so reading
    them reports them.
    """
    skipped = {_resolved(path) for path in skip}
    for path in inputs:
        if path.is_dir():
            yield from sorted(_folder_documents(path, skipped))
        else:
            yield path


def _folder_documents(folder: Path, skipped: set[Path]) -> Iterator[Path]:
    root = _resolved(folder)
    unlistable: list[Path] = []
    for parent, folders, files in os.walk(folder, onerror=lambda error: unlistable.append(Path(str(error.filename)))):
        here = Path(parent)
        folders[:] = [name for name in folders if not name.startswith(".") and _resolved(here / name) not in skipped]
        for name in files:
            candidate = here / name
            if _is_document(candidate) and _resolved(candidate).is_relative_to(root) and candidate.is_file():
                yield candidate
    yield from unlistable


def _is_document(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in DOCUMENT_SUFFIXES
        and not name.startswith(".")
        and not name.upper().startswith("README")
        and not name.lower().endswith(OUTPUT_TEXT_SUFFIXES)
    )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return path.absolute()
