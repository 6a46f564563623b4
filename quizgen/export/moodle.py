"""Exporter for Moodle XML, the richest format Moodle's question bank imports.

Multiple choice becomes ``multichoice`` (one answer, options in the quiz's order,
lettered A, B, C...), true/false ``truefalse``, a cloze item with one blank
``shortanswer`` (case-insensitive, every accepted answer worth 100%) and one with
several blanks Moodle's ``cloze`` type with a ``SHORTANSWER`` part per blank. A multiple-answer item
is a ``multichoice`` with ``single`` false (right options share 100%, wrong ones -100%), a matching
item ``matching`` (a ``subquestion`` per pair), and an ordering item ``ordering`` (the Ordering
question type, qtype_ordering: the events in the correct order, all to be put in place).
Texts are HTML with the document's text escaped, so ``<b>`` shows as written.
The first "question" names a category, used when the teacher ticks "Get
category from file" on import.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.export.each import PerQuizExporter
from quizgen.export.lms import (
    accepted_answers,
    element,
    html_text,
    moodle_answer,
    moodle_category,
    moodle_fractions,
    moodle_tags,
    question_name,
    xml_bytes,
    xml_text,
)
from quizgen.export.render import prompt_text, render_cloze
from quizgen.model import (
    Blank,
    Cloze,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    Quiz,
    TrueFalse,
    assert_never,
)

PENALTY = "0.3333333"
"""Share of the mark lost per wrong try in interactive quizzes (Moodle's default)."""

# Characters that Moodle's cloze parser reads as syntax ({1:SHORTANSWER:=a~=b#feedback}),
# or that its HTML editor or html_entity_decode() would change, written as numeric entities.
_CLOZE_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in "&<>\"'{}~#\\"})


def render_moodle(quiz: Quiz) -> bytes:
    """The Moodle XML document for ``quiz``."""
    root = ET.Element("quiz")
    category = element(root, "question", attrs={"type": "category"})
    _text(category, "category", moodle_category(quiz))
    for item in quiz.items:
        _question(root, item)
    return xml_bytes(root)


def _question(root: ET.Element, item: Item) -> None:
    """Append the ``<question>`` for ``item``."""
    match item:
        case MultipleChoice():
            question = _header(root, item, "multichoice", html_text(item.question))
            _multichoice(question, item)
        case TrueFalse():
            question = _header(root, item, "truefalse", html_text(item.statement))
            _truefalse(question, item)
        case Cloze() if len(item.blanks) == 1:
            question = _header(root, item, "shortanswer", html_text(prompt_text(item)))
            _shortanswer(question, item.blanks[0])
        case Cloze():
            question = _header(root, item, "cloze", render_cloze(item, _cloze_blank, _cloze_literal))
        case MultipleAnswer():
            question = _header(root, item, "multichoice", html_text(item.question))
            _multiple_answer(question, item)
        case Matching():
            question = _header(root, item, "matching", html_text(item.prompt))
            _matching(question, item)
        case Ordering():
            question = _header(root, item, "ordering", html_text(item.prompt))
            _ordering(question, item)
        case _:
            assert_never(item)
    _tags(question, item)


def _header(root: ET.Element, item: Item, kind: str, question_html: str) -> ET.Element:
    """A ``<question>`` with what every type has: name, text, general feedback, grade, id number."""
    question = element(root, "question", attrs={"type": kind})
    _text(question, "name", question_name(item))
    _text(question, "questiontext", question_html, "html")
    _text(question, "generalfeedback", html_text(item.explanation), "html")
    element(question, "defaultgrade", str(_worth(item)))
    element(question, "penalty", "1" if kind == "truefalse" else PENALTY)
    element(question, "hidden", "0")
    element(question, "idnumber", item.id)
    return question


def _worth(item: Item) -> int:
    """The item's points in Moodle: 1, except a ``cloze`` question, which Moodle always makes worth one per blank."""
    return len(item.blanks) if isinstance(item, Cloze) and len(item.blanks) > 1 else 1


def _text(parent: ET.Element, tag: str, text: str, text_format: str | None = None) -> ET.Element:
    """``<tag format="..."><text>text</text></tag>``, the way Moodle XML wraps every text."""
    wrapper = element(parent, tag, attrs={"format": text_format} if text_format else None)
    element(wrapper, "text", text)
    return wrapper


def _answer(question: ET.Element, fraction: int | str, text: str, text_format: str) -> None:
    answer = element(question, "answer", attrs={"fraction": str(fraction), "format": text_format})
    element(answer, "text", text)
    _text(answer, "feedback", "", "html")


def _multichoice(question: ET.Element, item: MultipleChoice) -> None:
    _choices(question, True, [(option.text, "100" if option.id == item.answer else "0") for option in item.options])


def _multiple_answer(question: ET.Element, item: MultipleAnswer) -> None:
    right, wrong = moodle_fractions(len(item.answers), len(item.options) - len(item.answers))
    _choices(question, False, [(option.text, right if option.id in item.answers else wrong) for option in item.options])


def _choices(question: ET.Element, single: bool, options: list[tuple[str, str]]) -> None:
    """The options of a ``multichoice`` question, each with its fraction, lettered A, B, C, not shuffled."""
    element(question, "single", str(single).lower())
    element(question, "shuffleanswers", "false")
    element(question, "answernumbering", "ABCD")
    for text, fraction in options:
        _answer(question, fraction, html_text(text), "html")


def _matching(question: ET.Element, item: Matching) -> None:
    """A ``subquestion`` per pair: the left as HTML, the right as the plain answer Moodle lists in its menus."""
    element(question, "shuffleanswers", "true")
    for pair in item.pairs:
        subquestion = _text(question, "subquestion", html_text(pair.left), "html")
        element(element(subquestion, "answer"), "text", pair.right)


def _ordering(question: ET.Element, item: Ordering) -> None:
    """The events as answers in the correct order (``fraction`` their position), every one to be placed."""
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        element(question, tag, value)
    for feedback in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(question, feedback, "", "html")
    element(question, "shownumcorrect", "1")  # without it, some Moodle versions store hints with no format
    for position, event in enumerate(item.events, 1):
        _answer(question, position, html_text(event.text), "html")


def _truefalse(question: ET.Element, item: TrueFalse) -> None:
    for value in (True, False):
        _answer(question, 100 if value == item.answer else 0, str(value).lower(), "moodle_auto_format")


def _shortanswer(question: ET.Element, blank: Blank) -> None:
    element(question, "usecase", "0")
    for text in accepted_answers(blank):
        _answer(question, 100, moodle_answer(text), "moodle_auto_format")


def _cloze_blank(blank: Blank) -> str:
    """A blank of a ``cloze`` question: ``{1:SHORTANSWER:=answer~=alternative}`` (one mark, any case)."""
    answers = ("=" + _cloze_literal(moodle_answer(text)) for text in accepted_answers(blank))
    return "{1:SHORTANSWER:" + "~".join(answers) + "}"


def _cloze_literal(text: str) -> str:
    """Text inside a ``cloze`` question, as HTML in which no character can be read as cloze syntax."""
    return xml_text(text).translate(_CLOZE_ENTITIES)


def _tags(question: ET.Element, item: Item) -> None:
    tags = element(question, "tags")
    for tag in moodle_tags(item):
        _text(tags, "tag", tag)


class MoodleXmlExporter(PerQuizExporter):
    """Writes ``<quiz id>.moodle.xml`` for each quiz."""

    name = "moodle"
    description = "Moodle XML per document, for Moodle's question bank import"
    suffix = ".moodle.xml"

    def render(self, quiz: Quiz) -> bytes:
        """The Moodle XML document for ``quiz``."""
        return render_moodle(quiz)
