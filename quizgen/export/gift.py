"""Exporter for GIFT, the plain-text question format Moodle (and others) import.

Every text is written in Moodle's ``[plain]`` format, so it shows literally
(``<b>`` stays ``<b>``), with GIFT's specials ``~ = # { } :`` and the backslash
escaped and line breaks written as ``\\n``, as Moodle's own GIFT writer does.
GIFT has one blank per question: a cloze item with several blanks becomes one
question per blank, the other blanks filled in (as Anki shows cloze cards). A matching item is
GIFT's matching question (``=left -> right``), a multiple-answer item a multiple choice whose right
options share 100% and wrong ones -100%. GIFT has no ordering question: an ordering item is left
out, with a note (the Moodle XML file carries it), as is a matching item whose text holds ``->``,
which GIFT cannot escape.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.export.each import PerQuizExporter
from quizgen.export.lms import (
    accepted_answers,
    moodle_answer,
    moodle_category,
    moodle_fractions,
    moodle_tags,
    one_line,
    question_name,
)
from quizgen.export.render import cloze_asking
from quizgen.model import (
    GIFT_SUFFIX,
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

LeftOut = Callable[[Item, str], None]
"""Told of each item GIFT cannot hold, and why."""

_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """``text`` with GIFT's specials (and the backslash) escaped and line breaks as ``\\n``."""
    one_kind_of_break = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPECIAL.sub(r"\\\1", one_kind_of_break).replace("\n", "\\n")


def _literal(text: str) -> str:
    """Escaped ``text`` that Moodle will not read as a ``[format]`` marker or a ``%weight%``."""
    escaped = escape(text.strip())
    return f"[plain]{escaped}" if escaped.startswith(("[", "%")) else escaped


def render_gift(quiz: Quiz, left_out: LeftOut | None = None) -> str:
    """The GIFT text for ``quiz``: a category line, then its questions separated by blank lines.

    ``left_out`` is told of each item GIFT cannot hold (an ordering item), which is not written.
    """
    header = (
        f"// {one_line(quiz.title)} (quizgen, from {one_line(quiz.source.file)})\n$CATEGORY: {moodle_category(quiz)}"
    )
    questions = []
    for item in quiz.items:
        problem = _cannot_hold(item)
        if problem is None:
            questions += _questions(item)
        elif left_out is not None:
            left_out(item, problem)
    return "\n\n".join([header, *questions]) + "\n"


def _cannot_hold(item: Item) -> str | None:
    """Why GIFT cannot hold ``item``, if it cannot."""
    if isinstance(item, Ordering):
        return "GIFT has no ordering question (the Moodle XML file has it)"
    if isinstance(item, Matching) and any("->" in text for pair in item.pairs for text in (pair.left, pair.right)):
        return "a pair holds '->', which GIFT cannot escape in a matching question (use Moodle XML)"
    return None


def _questions(item: Item) -> list[str]:
    """The GIFT questions for one item: one, or one per blank of a cloze item (none for ordering)."""
    match item:
        case MultipleChoice():
            choices = [("=" if option.id == item.answer else "~") + _literal(option.text) for option in item.options]
            return [_question(item, question_name(item), item.question, choices)]
        case TrueFalse():
            return [_question(item, question_name(item), item.statement, ["TRUE" if item.answer else "FALSE"])]
        case Cloze():
            blanks = item.blanks_in_order
            if len(blanks) == 1:
                return [_blank_question(item, blanks[0], question_name(item))]
            return [
                _blank_question(item, blank, f"{question_name(item)} (blank {number} of {len(blanks)})")
                for number, blank in enumerate(blanks, 1)
            ]
        case Matching():
            pairs = [f"={_literal(pair.left)} -> {_literal(pair.right)}" for pair in item.pairs]
            return [_question(item, question_name(item), item.prompt, pairs)]
        case MultipleAnswer():
            right, wrong = moodle_fractions(len(item.answers), len(item.options) - len(item.answers))
            weights = [f"~%{right if option.id in item.answers else wrong}%" for option in item.options]
            choices = [weight + _literal(option.text) for weight, option in zip(weights, item.options, strict=True)]
            return [_question(item, question_name(item), item.question, choices)]
        case Ordering():
            return []
        case _:
            assert_never(item)


def _blank_question(item: Cloze, asked: Blank, name: str) -> str:
    """A short-answer question for the blank ``asked``, any other blanks filled in with their answers."""
    answers = ["=" + _literal(moodle_answer(answer)) for answer in accepted_answers(asked)]
    return _question(item, name, cloze_asking(item, asked), answers)


def _question(item: Item, name: str, text: str, answers: list[str]) -> str:
    """``::name::[plain]text{answers ####explanation}``, after Moodle's ``// [id:...] [tag:...]`` comment."""
    lines = [_id_and_tags(item), f"::{escape(name)}::[plain]{escape(text.strip())}{{"]
    lines += [f"\t{answer}" for answer in answers]
    if item.explanation.strip():
        lines.append(f"\t####{_literal(item.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _id_and_tags(item: Item) -> str:
    """The comment Moodle reads an id number and tags from: ``// [id:q-1] [tag:doc:x]``."""
    fields = [f"[id:{_bracketed(item.id)}]", *(f"[tag:{_bracketed(tag)}]" for tag in moodle_tags(item))]
    return "// " + " ".join(fields)


def _bracketed(text: str) -> str:
    """``text`` inside Moodle's ``[id:...]`` or ``[tag:...]``: on one line, ``\\`` and ``]`` escaped."""
    return one_line(text).replace("\\", "\\\\").replace("]", "\\]")


class GiftExporter(PerQuizExporter):
    """Writes ``<quiz id>.gift.txt`` for each quiz."""

    name = "gift"
    description = "GIFT text per document, for Moodle's question bank import"
    suffix = GIFT_SUFFIX

    def render(self, quiz: Quiz) -> str:
        """The GIFT text for ``quiz``; each item left out is noted."""
        return render_gift(quiz, lambda item, reason: self.note(quiz, item, "left out", reason))
