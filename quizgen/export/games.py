"""Exporters for the classroom game and flashcard sites: Kahoot!, Wayground (Quizizz), Blooket, Gimkit, Quizlet.

Each writes one file per quiz in the layout of the platform's own import template (see
docs/classroom.md for where each layout comes from and what is unconfirmed). Kahoot, Blooket and
Gimkit take only choice questions, so cloze items are left out there and noted; Wayground has a
Fill-in-the-Blank type for one-blank cloze items; Quizlet makes a card of every item. A
multiple-answer item lists its right answers' numbers where the template allows several (Kahoot,
Wayground's Checkbox, Blooket) and is left out by Gimkit; matching and ordering items are left out
of all but Quizlet (a card per pair; one card for the order).
"""

from __future__ import annotations

from functools import cached_property

from quizgen.export.classroom import ClassroomExporter, DoesNotFit, numbered, padded
from quizgen.export.files import content_time
from quizgen.export.render import cloze_asking, prompt_text, shuffled_events
from quizgen.export.sheets import Cell, Row, Sheet, cell_text, csv_bytes, tab_separated_bytes, xlsx_bytes
from quizgen.model import (
    QUIZLET_SUFFIX,
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

# --- Kahoot! ----------------------------------------------------------------------------------------------------

KAHOOT_QUESTION_LIMIT = 120
KAHOOT_ANSWER_LIMIT = 75
KAHOOT_ANSWERS = 4
KAHOOT_TIMES = (5, 10, 20, 30, 60, 90, 120, 240)
"""The time limits (seconds) Kahoot's template allows."""
KAHOOT_TIME = 20
"""The time limit written for every question: Kahoot's default."""

KAHOOT_HEAD: tuple[Row, ...] = (
    (),
    (None, "Quiz template"),
    (
        None,
        "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). "
        "Have fun creating your awesome quiz!",
    ),
    (
        None,
        f"Remember: questions have a limit of {KAHOOT_QUESTION_LIMIT} characters and answers can have "
        f"{KAHOOT_ANSWER_LIMIT} characters max. Text will turn red in Excel or Google Docs if you exceed this limit. "
        "If several answers are correct, separate them with a comma.",
    ),
    (None, "See an example question below (don't forget to overwrite this with your first question!)"),
    (None, "And remember,  if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!"),
    (),
    (
        None,
        f"Question - max {KAHOOT_QUESTION_LIMIT} characters",
        *(f"Answer {number} - max {KAHOOT_ANSWER_LIMIT} characters" for number in range(1, KAHOOT_ANSWERS + 1)),
        f"Time limit (sec) – {', '.join(map(str, KAHOOT_TIMES[:-1]))}, or {KAHOOT_TIMES[-1]} secs",
        "Correct answer(s) - choose at least one",
    ),
)
"""Rows 1-8 of Kahoot's quiz spreadsheet template, as its importer expects them (row 8: the headers)."""

KAHOOT_WIDTHS = {"A": 12.5, "B": 49.3, "C": 31.8, "D": 31.8, "E": 31.8, "F": 31.8, "G": 26.3, "H": 33.2}


class _Workbooks(ClassroomExporter):
    """A classroom exporter whose files are workbooks, stamped with when the run's content last changed."""

    @cached_property
    def _stamp(self) -> float:
        """:func:`~quizgen.export.files.content_time` of the run, looked up once per export rather than
        once per quiz (it reads every input file's time)."""
        return content_time(self.options)


class KahootExporter(_Workbooks):
    """Writes ``<quiz id>.kahoot.xlsx``: Kahoot's quiz spreadsheet template with one question per row from row 9."""

    name = "kahoot"
    platform = "Kahoot"
    description = "Kahoot! quiz spreadsheet (.xlsx) per document: multiple choice, true/false, select all"
    suffix = ".kahoot.xlsx"
    delimited = False

    def render(self, quiz: Quiz) -> bytes:
        """The workbook for ``quiz``."""
        sheet = Sheet(
            "Sheet1",
            [*KAHOOT_HEAD, *numbered(self.fitted(quiz, self._row))],
            KAHOOT_WIDTHS,
            merged=("B3:H3", "B4:H4", "B6:H6"),
            bold_rows=frozenset({2, len(KAHOOT_HEAD)}),
        )
        return xlsx_bytes(sheet, self._stamp)

    def _row(self, item: Item) -> list[Cell]:
        limits = (KAHOOT_ANSWERS, KAHOOT_QUESTION_LIMIT, KAHOOT_ANSWER_LIMIT)
        if isinstance(
            item, MultipleAnswer
        ):  # the template: "If several answers are correct, separate them with a comma"
            question, texts, numbers = self.selection(item, *limits)
            return [question, *padded(texts, KAHOOT_ANSWERS), KAHOOT_TIME, numbers]
        question, choices = self.choice_question(item, *limits)
        return [question, *padded(choices.texts, KAHOOT_ANSWERS), KAHOOT_TIME, str(choices.correct)]


# --- Wayground (Quizizz) --------------------------------------------------------------------------------------

WAYGROUND_OPTIONS = 5
WAYGROUND_TIME = 30
"""Seconds per question: Wayground's default."""

WAYGROUND_HEAD: tuple[Row, ...] = (
    (
        "Question Text",
        "Question Type",
        *(f"Option {number}" for number in range(1, WAYGROUND_OPTIONS + 1)),
        "Correct Answer",
        "Time in seconds",
        "Image Link",
        "Answer explanation",
    ),
    (
        "Text of the question\n\n(required)",
        "Question Type\n\n(default is Multiple Choice)",
        "Text for option 1\n\n(required in all cases except open-ended & draw questions)",
        "Text for option 2\n\n(required in all cases except open-ended & draw questions)",
        "Text for option 3\n\n(optional)",
        "Text for option 4\n\n(optional)",
        "Text for option 5\n\n(optional)",
        'The correct option choice (between 1-5).\n\nLeave blank for "Open-Ended", "Poll", "Draw" and '
        '"Fill-in-the-Blank".',
        "Time in seconds\n\n(optional, default value is 30 seconds)",
        "Link of the image\n\n(optional)",
        "Explanation for the answer\n(optional)",
    ),
)
"""Rows 1-2 of Wayground's quiz template: the headers, then its instruction row."""


class WaygroundExporter(_Workbooks):
    """Writes ``<quiz id>.quizizz.xlsx``: Wayground's (formerly Quizizz's) 11-column template, data from row 3."""

    name = "quizizz"
    platform = "Wayground"
    description = "Wayground (Quizizz) quiz spreadsheet (.xlsx) per document"
    suffix = ".quizizz.xlsx"
    delimited = False

    def render(self, quiz: Quiz) -> bytes:
        """The workbook for ``quiz``."""
        widths = {column: 30.0 for column in "ABCDEFGHIJK"}
        sheet = Sheet("Sheet1", [*WAYGROUND_HEAD, *self.fitted(quiz, self._row)], widths, bold_rows=frozenset({1}))
        return xlsx_bytes(sheet, self._stamp)

    def _row(self, item: Item) -> list[Cell]:
        explanation = self.explanation(item)
        if isinstance(item, MultipleAnswer):  # Wayground's Checkbox type: the right option numbers, "1,3"
            question, texts, numbers = self.selection(item, WAYGROUND_OPTIONS)
            return [question, "Checkbox", *padded(texts, WAYGROUND_OPTIONS), numbers, WAYGROUND_TIME, None, explanation]
        if isinstance(item, Cloze):
            if len(item.blanks) > 1:
                raise DoesNotFit(
                    f"Wayground's Fill-in-the-Blank has one answer; this item has {len(item.blanks)} blanks"
                )
            answers = self.typed_answers(item.blanks[0], WAYGROUND_OPTIONS)
            question = self.text(prompt_text(item), "the text")
            return [
                question,
                "Fill-in-the-Blank",
                *padded(answers, WAYGROUND_OPTIONS),
                None,
                WAYGROUND_TIME,
                None,
                explanation,
            ]
        question, choices = self.choice_question(item, WAYGROUND_OPTIONS)
        options = padded(choices.texts, WAYGROUND_OPTIONS)
        return [question, "Multiple Choice", *options, choices.correct, WAYGROUND_TIME, None, explanation]


# --- Blooket ----------------------------------------------------------------------------------------------------

BLOOKET_ANSWERS = 4
BLOOKET_TIME = 20
"""Seconds per question (Blooket allows up to 300)."""

BLOOKET_HEAD: tuple[Row, ...] = (
    ("Blooket\nImport Template", *[None] * 7),
    (
        "Question #",
        "Question Text",
        "Answer 1",
        "Answer 2",
        "Answer 3\n(Optional)",
        "Answer 4\n(Optional)",
        "Time Limit (sec)\n(Max: 300 seconds)",
        "Correct Answer(s)\n(Only include Answer #)",
    ),
)
"""Rows 1-2 of Blooket's spreadsheet import template: its title, then the headers."""


class BlooketExporter(ClassroomExporter):
    """Writes ``<quiz id>.blooket.csv``: Blooket's import template, one question per row from row 3."""

    name = "blooket"
    platform = "Blooket"
    description = "Blooket spreadsheet import (.csv) per document: multiple choice, true/false, select all"
    suffix = ".blooket.csv"

    def render(self, quiz: Quiz) -> bytes:
        """The CSV file for ``quiz``."""
        return csv_bytes([*BLOOKET_HEAD, *numbered(self.fitted(quiz, self._row))])

    def _row(self, item: Item) -> list[Cell]:
        if isinstance(item, MultipleAnswer):  # several right answers: their numbers, comma-separated
            question, texts, numbers = self.selection(item, BLOOKET_ANSWERS)
            return [question, *padded(texts, BLOOKET_ANSWERS), BLOOKET_TIME, numbers]
        question, choices = self.choice_question(item, BLOOKET_ANSWERS)
        return [question, *padded(choices.texts, BLOOKET_ANSWERS), BLOOKET_TIME, str(choices.correct)]


# --- Gimkit -----------------------------------------------------------------------------------------------------

GIMKIT_WRONG = 3

GIMKIT_HEAD: tuple[Row, ...] = (
    ("Gimkit Spreadsheet Import Template", *[None] * 4),
    (
        "Question",
        "Correct Answer",
        "Incorrect Answer 1",
        "Incorrect Answer 2 (Optional)",
        "Incorrect Answer 3 (Optional)",
    ),
)
"""Rows 1-2 of Gimkit's CSV import template: its title, then the headers."""


class GimkitExporter(ClassroomExporter):
    """Writes ``<quiz id>.gimkit.csv``: Gimkit's import template, the right answer as text, then the wrong ones."""

    name = "gimkit"
    platform = "Gimkit"
    description = "Gimkit kit import (.csv) per document: multiple choice and true/false"
    suffix = ".gimkit.csv"

    def render(self, quiz: Quiz) -> bytes:
        """The CSV file for ``quiz``."""
        return csv_bytes([*GIMKIT_HEAD, *self.fitted(quiz, self._row)])

    def _row(self, item: Item) -> list[Cell]:
        question, choices = self.choice_question(item, GIMKIT_WRONG + 1)
        return [question, choices.correct_text, *padded(choices.wrong, GIMKIT_WRONG)]


# --- Quizlet ----------------------------------------------------------------------------------------------------


class QuizletExporter(ClassroomExporter):
    """Writes ``<quiz id>.quizlet.txt``: one ``term<TAB>definition`` card per line, for Quizlet's import box.

    Multiple choice: question -> right answer; true/false: statement -> True or False; cloze: one
    card per blank, its answer -> the sentence with that blank empty and the others filled in.
    """

    name = "quizlet"
    platform = "Quizlet"
    description = "Quizlet flashcards (tab-separated text to paste into Create > Import) per document"
    suffix = QUIZLET_SUFFIX

    def render(self, quiz: Quiz) -> bytes:
        """The text for ``quiz``."""
        return tab_separated_bytes([card for cards in self.fitted(quiz, self._cards) for card in cards])

    def _cards(self, item: Item) -> list[Row]:
        match item:
            case MultipleChoice():
                return [(self.text(item.question, "the question"), self.text(item.answer_text, "the answer"))]
            case TrueFalse():
                return [(self.text(item.statement, "the statement"), "True" if item.answer else "False")]
            case Cloze():
                return [
                    (self.text(blank.answer, "the answer"), self.text(cloze_asking(item, blank), "the text"))
                    for blank in item.blanks_in_order
                ]
            case Matching():  # a card per pair: the term, and what it is
                return [(self.text(pair.left, "a term"), self.text(pair.right, "its match")) for pair in item.pairs]
            case MultipleAnswer():
                answers = "; ".join(cell_text(text) for text in item.answer_texts)
                return [(self.text(item.question, "the question"), self.text(answers, "the answers"))]
            case Ordering():  # the events as given to put in order, and the order
                asked = f"{item.prompt} {'; '.join(event.text for event in shuffled_events(item))}"
                in_order = " → ".join(event.text for event in item.events)
                return [(self.text(asked, "the question"), self.text(in_order, "the order"))]
            case _:
                assert_never(item)
