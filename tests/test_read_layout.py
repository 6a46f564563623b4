"""The plain-text reader on the reference seed, the shared corpus and tricky layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.model import Document
from quizgen.read import read_document
from tests.conftest import CORPUS, REFERENCE_SEED, needs_corpus


def write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reference_seed_is_read_into_its_parts() -> None:
    document = read_document(REFERENCE_SEED)

    assert document.title == "Establishment of Colombia–Soviet Union Relations"
    assert document.lead.startswith("The formalization of diplomatic relations")
    assert document.lead.endswith("between South America and the Soviet bloc.")
    assert [point.text for point in document.key_points] == [
        "Colombia sought diverse international partnerships.",
        "President Alfonso López Michelsen led the initiative.",
        "Focus on trade and cultural exchanges with the Soviets.",
        "Indicated a shift in Latin American foreign policy.",
    ]
    assert [section.heading for section in document.sections] == ["What Happened?", "Why Does it Matter?"]
    assert [len(section.paragraphs) for section in document.sections] == [3, 1]
    assert document.sections[1].paragraphs[0].endswith("broader trends in global diplomacy.")


def test_document_id_comes_from_the_file_name() -> None:
    assert read_document(REFERENCE_SEED).id == "colombia-soviet-relations"


# Read off the corpus files by hand: (title, number of key points, section headings;
# None is the untitled body text between the key points and the first heading).
CORPUS_LAYOUT: dict[str, tuple[str, int, list[str | None]]] = {
    "geography_africas_geography_and_climate.txt": (
        "Africa’s Geography and Climate",
        2,
        [None, "Geographic Diversity on the African Continent"],
    ),
    "geography_iceland_factbook.txt": ("Iceland", 6, ["Geography"]),
    "geography_japan_factbook.txt": ("Japan", 6, ["History", "Geography"]),
    "geography_peru_factbook.txt": ("Peru", 6, ["History", "Geography"]),
    "history_ancient_egypt.txt": ("Ancient Egypt", 3, ["The Origins of Ancient Egypt"]),
    "history_lewis_and_clark.txt": ("Lewis and Clark", 3, [None, "Jefferson’s Corps of Discovery Heads West"]),
    "history_the_black_death_from_east_to_west.txt": (
        "The Black Death from East to West",
        3,
        [None, "The Origins and Spread of the Bubonic Plague"],
    ),
    "history_the_kingdom_of_kush.txt": ("The Kingdom of Kush", 3, [None, "The Origin and Rise of the Kingdom of Kush"]),
    "history_the_stock_market_crash_of_1929.txt": (
        "The Stock Market Crash of 1929",
        3,
        [None, "The Early Days of Hoover’s Presidency"],
    ),
    "science_photosynthesis.txt": (
        "Photosynthesis",
        4,
        [None, "Photosynthetic Structures in Eukaryotes and Prokaryotes"],
    ),
    "science_the_seasons.txt": ("The Seasons", 2, [None, "The Seasons and Sunshine"]),
    "science_viruses.txt": ("Viruses", 5, [None]),
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_LAYOUT))
def test_corpus_document_layout(name: str) -> None:
    title, key_point_count, headings = CORPUS_LAYOUT[name]
    document = read_document(CORPUS / name)

    assert document.title == title
    assert document.lead, "every corpus document has a lead paragraph"
    assert len(document.key_points) == key_point_count
    assert [section.heading for section in document.sections] == headings
    assert_nothing_lost(document, (CORPUS / name).read_text(encoding="utf-8"))


def assert_nothing_lost(document: Document, text: str) -> None:
    """Every non-empty line of the file ends up somewhere in the document."""
    parts = [document.title, document.lead, *(p.text for p in document.key_points)]
    for section in document.sections:
        parts += [section.heading or "", *section.paragraphs]
    joined = "\n".join(parts)
    for line in text.splitlines():
        content = line.strip().removeprefix("- ").strip()
        assert content in joined, f"line lost: {content[:60]!r}"


def test_bulleted_key_points_and_blank_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Volcanoes\n\n"
        "Volcanoes are openings in the crust where molten rock, ash and gases escape. "
        "They form mostly along the edges of tectonic plates.\n\n"
        "* Mount Etna is one of the most active volcanoes in Europe.\n"
        "* Magma that reaches the surface is called lava.\n\n"
        "How Volcanoes Form\n"
        "Magma rises because it is less dense than the rock around it. It collects in chambers.\n",
    )
    document = read_document(path)

    assert document.title == "Volcanoes"
    assert [p.text for p in document.key_points] == [
        "Mount Etna is one of the most active volcanoes in Europe.",
        "Magma that reaches the surface is called lava.",
    ]
    assert [s.heading for s in document.sections] == ["How Volcanoes Form"]


def test_key_point_without_final_period_is_not_taken_for_a_heading(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "The Nile\n"
        "The Nile is the longest river in Africa and flows north into the Mediterranean Sea. "
        "Its floods made farming possible along its banks.\n"
        "Flows through eleven countries\n"
        "Floods deposited fertile silt each year\n"
        "Why Was It Important?\n"
        "Egyptian civilisation grew up along the river, which provided water, food and a route for trade.\n",
    )
    document = read_document(path)

    assert [p.text for p in document.key_points] == [
        "Flows through eleven countries",
        "Floods deposited fertile silt each year",
    ]
    assert [s.heading for s in document.sections] == ["Why Was It Important?"]


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Glaciers\n\n"
        "Glaciers are large, slow-moving bodies of ice that form where more snow\n"
        "falls each winter than melts each summer, over many years.\n\n"
        "- Glaciers hold about 69 percent of the world's fresh water.\n\n"
        "How Glaciers Move\n"
        "Under their own weight, glaciers flow downhill like a very thick liquid,\n"
        "moving from a few centimetres to several metres a day.\n",
    )
    document = read_document(path)

    assert document.lead == (
        "Glaciers are large, slow-moving bodies of ice that form where more snow "
        "falls each winter than melts each summer, over many years."
    )
    assert document.sections[0].paragraphs == (
        "Under their own weight, glaciers flow downhill like a very thick liquid, "
        "moving from a few centimetres to several metres a day.",
    )


def test_crlf_line_endings_and_utf8_bom(tmp_path: Path) -> None:
    original = read_document(REFERENCE_SEED)
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REFERENCE_SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode())

    document = read_document(path)

    assert (document.title, document.lead, document.key_points, document.sections) == (
        original.title,
        original.lead,
        original.key_points,
        original.sections,
    )


def test_utf16_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(REFERENCE_SEED.read_text(encoding="utf-8").encode("utf-16"))

    assert read_document(path).title == "Establishment of Colombia–Soviet Union Relations"
