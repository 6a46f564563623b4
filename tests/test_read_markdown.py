"""The Markdown reader: front matter, title, key-point lists, sections, literal HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.model import Document
from quizgen.read import read_document

NOTES = """\
---
title: Cells and Their Parts
subject: Biology
grade: 7
tags: [cells, life-science]
---

# Cells

All living things are made of **cells**, the smallest units of life.
Robert Hooke named them in 1665.

- The *nucleus* holds the cell's DNA.
- Mitochondria release energy from food.

## Plant Cells

Plant cells have a cell wall made of `cellulose` and chloroplasts for photosynthesis.

- Chloroplasts are green because of chlorophyll.

## Animal Cells

Animal cells have no cell wall. <script>alert(1)</script> stays text.
"""


def read_notes(tmp_path: Path, text: str = NOTES, name: str = "cells.md") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_markdown_notes_are_read_into_their_parts(tmp_path: Path) -> None:
    document = read_notes(tmp_path)

    assert document.title == "Cells and Their Parts"
    assert (
        document.lead
        == "All living things are made of cells, the smallest units of life. Robert Hooke named them in 1665."
    )
    assert [p.text for p in document.key_points] == [
        "The nucleus holds the cell's DNA.",
        "Mitochondria release energy from food.",
    ]
    assert [s.heading for s in document.sections] == ["Plant Cells", "Animal Cells"]
    assert document.sections[0].paragraphs == (
        "Plant cells have a cell wall made of cellulose and chloroplasts for photosynthesis.",
        "Chloroplasts are green because of chlorophyll.",
    )


def test_front_matter_becomes_metadata(tmp_path: Path) -> None:
    metadata = read_notes(tmp_path).metadata

    assert (metadata.subject, metadata.grade, metadata.tags) == ("Biology", "7", ("cells", "life-science"))


def test_raw_html_stays_literal_text(tmp_path: Path) -> None:
    document = read_notes(tmp_path)

    assert "<script>alert(1)</script>" in document.sections[1].paragraphs[0]


def test_title_from_heading_without_front_matter(tmp_path: Path) -> None:
    document = read_notes(tmp_path, NOTES.split("---\n", 2)[2])

    assert document.title == "Cells"
    assert document.metadata.subject is None


def test_markdown_in_a_txt_file_is_recognised(tmp_path: Path) -> None:
    document = read_notes(
        tmp_path, "# Rivers\n\nRivers carry water to the sea.\n\n- The Amazon is the largest.\n", "rivers.txt"
    )

    assert document.title == "Rivers"
    assert [p.text for p in document.key_points] == ["The Amazon is the largest."]


def test_broken_front_matter_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="front matter is not valid YAML"):
        read_notes(tmp_path, "---\ntitle: [unclosed\n---\n# T\n\nText here.\n")
