"""What the LMS exporters (player, QTI, Moodle XML, GIFT) share, so none writes it again.

Each of them writes one file per quiz (:class:`~quizgen.export.each.PerQuizExporter`), lists a blank's
accepted answers the same way, names questions the same way, and the two XML
formats build and serialize their trees with the same helpers.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from quizgen.export.render import prompt_text
from quizgen.model import Blank, Item, Quiz

NAME_LENGTH = 60
"""Longest question name (in characters) written for an LMS question bank."""

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks too) as one space, ends trimmed."""
    return " ".join(text.split())


def normalise_answer(text: str) -> str:
    """``text`` as answers are compared: case ignored, runs of whitespace as one space, ends trimmed."""
    return one_line(text).casefold()


def accepted_answers(blank: Blank) -> list[str]:
    """The blank's answer, then its ``accept`` alternatives, leaving out any that compare equal to an earlier one."""
    seen: set[str] = set()
    answers: list[str] = []
    for text in (blank.answer, *blank.accept):
        key = normalise_answer(text)
        if key not in seen:
            seen.add(key)
            answers.append(one_line(text))
    return answers


ID_TAG = "quizgen-id"
"""Key of the tag that carries an item's id into Moodle, which drops ``<idnumber>`` on some question types."""


def moodle_answer(text: str) -> str:
    """An accepted answer as Moodle's short-answer matcher must get it: ``*`` (its wildcard) escaped as ``\\*``."""
    return text.replace("*", "\\*")


def moodle_tags(item: Item) -> list[str]:
    """The tags written for Moodle: the item's own, then ``quizgen-id:<id>``, which every Moodle version keeps."""
    return [*item.tags, f"{ID_TAG}:{item.id}"]


def question_name(item: Item) -> str:
    """A short name for the question bank: the start of its prompt, cut at a word."""
    text = one_line(prompt_text(item))
    if len(text) <= NAME_LENGTH:
        return text
    cut = text[: NAME_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def moodle_category(quiz: Quiz) -> str:
    """Moodle's question category for ``quiz``: ``$course$/top/<title>``, a ``/`` in the title doubled."""
    return "$course$/top/" + one_line(quiz.title).replace("/", "//")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (most control characters)."""
    return _XML_INVALID.sub("", text)


def html_text(text: str) -> str:
    """Plain ``text`` as HTML that shows it literally: ``<``, ``>`` and ``&`` escaped."""
    return html.escape(xml_text(text), quote=False)


def bracket_safe_html(text: str) -> str:
    """Plain ``text`` as HTML in which no ``[word]`` can be taken for a blank: brackets as character references."""
    return html_text(text).replace("[", "&#91;").replace("]", "&#93;")


def element(
    parent: ET.Element, tag: str, text: str | None = None, attrs: Mapping[str, str] | None = None
) -> ET.Element:
    """Append a ``tag`` child to ``parent`` with ``text`` and attributes, all made safe for XML."""
    child = ET.SubElement(parent, tag, {key: xml_text(value) for key, value in (attrs or {}).items()})
    if text is not None:
        child.text = xml_text(text)
    return child


def xml_bytes(root: ET.Element) -> bytes:
    """``root`` as an indented UTF-8 XML document with its declaration."""
    ET.indent(root, space="  ")
    document: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True, short_empty_elements=False)
    return document + b"\n"


_MOODLE_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}
"""The share of the mark for one of N options, as Moodle's list of grades has it (no other value imports)."""


def moodle_fractions(right: int, wrong: int) -> tuple[str, str]:
    """The fraction (percent) a right and a wrong option of a multiple-answer question are worth in
    Moodle: the right ones share 100, the wrong ones share -100, so ticking every box scores nothing."""
    return _moodle_share(right), f"-{_moodle_share(wrong)}" if wrong else "0"


def _moodle_share(count: int) -> str:
    return _MOODLE_FRACTIONS.get(count) or f"{100 / count:.5f}"
