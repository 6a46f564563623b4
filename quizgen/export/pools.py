"""Exporters for the question pools of two more LMSs: Blackboard Learn (upload file) and D2L Brightspace (CSV).

Blackboard's "Upload Questions" takes a tab-delimited text file, one question per line (``MC``,
``TF``, ``FIB``, ``FIB_PLUS``, and ``MA``, ``MAT``, ``ORD`` for the items of several facts);
Brightspace's Question Library takes a CSV of ``NewQuestion`` records (``MC``, ``TF``, ``SA``, and
``MS``, ``M``, ``O``), which cannot hold a question with several blanks.
"""

from __future__ import annotations

from quizgen.export.classroom import Choices, ClassroomExporter, DoesNotFit
from quizgen.export.lms import bracket_safe_html, html_text, question_name
from quizgen.export.render import prompt_text, render_cloze
from quizgen.export.sheets import Cell, Row, csv_bytes, tab_separated_bytes
from quizgen.model import (
    BLACKBOARD_SUFFIX,
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

# --- Blackboard ---------------------------------------------------------------------------------------------

BLACKBOARD_ANSWERS = 100
"""Most answers (options of MC, accepted answers of FIB) Blackboard Ultra takes."""
BLACKBOARD_BLANKS = 10
"""Most blanks (variables) of a ``FIB_PLUS`` question."""


def blackboard_variable(blank: Blank) -> str:
    """The variable naming ``blank`` in a ``FIB_PLUS`` question: ``b1``."""
    return f"b{blank.id}"


class BlackboardExporter(ClassroomExporter):
    """Writes ``<quiz id>.blackboard.txt``: Blackboard's tab-delimited question upload, one question per line.

    Texts shown to students are HTML with ``<``, ``>`` and ``&`` escaped (Blackboard shows uploaded
    text as HTML); accepted answers are plain text, as students type them.
    """

    name = "blackboard"
    platform = "Blackboard"
    description = "Blackboard Learn question upload (tab-delimited .txt) per document"
    suffix = BLACKBOARD_SUFFIX

    def render(self, quiz: Quiz) -> bytes:
        """The upload file for ``quiz``."""
        return tab_separated_bytes(self.fitted(quiz, self._line))

    def _line(self, item: Item) -> Row:
        match item:
            case MultipleChoice():
                choices = self.choices(item, BLACKBOARD_ANSWERS)
                marked = [
                    field
                    for number, text in enumerate(choices.texts, 1)
                    for field in (html_text(text), "correct" if number == choices.correct else "incorrect")
                ]
                return ["MC", html_text(self.text(item.question, "the question")), *marked]
            case TrueFalse():
                return ["TF", html_text(self.text(item.statement, "the statement")), str(item.answer).lower()]
            case Cloze() if len(item.blanks) == 1:
                answers = self.typed_answers(item.blanks[0], BLACKBOARD_ANSWERS)
                return ["FIB", html_text(self.text(prompt_text(item), "the text")), *answers]
            case Cloze():
                return ["FIB_PLUS", *self._blanks(item)]
            case MultipleAnswer():
                question = html_text(self.text(item.question, "the question"))
                marked = [
                    field
                    for option in item.options
                    for field in (html_text(self.text(option.text, "an option")), _marked(option.id in item.answers))
                ]
                return ["MA", question, *marked]
            case Matching():
                pairs = [
                    html_text(self.text(text, "a pair")) for pair in item.pairs for text in (pair.left, pair.right)
                ]
                return ["MAT", html_text(self.text(item.prompt, "the prompt")), *pairs]
            case Ordering():
                events = [html_text(self.text(event.text, "an event")) for event in item.events]
                return ["ORD", html_text(self.text(item.prompt, "the prompt")), *events]
            case _:
                assert_never(item)

    def _blanks(self, item: Cloze) -> list[Cell]:
        """A ``FIB_PLUS`` question: ``[b1]``... in the text, then each variable, its answers and an empty field."""
        blanks = item.blanks_in_order
        if len(blanks) > BLACKBOARD_BLANKS:
            raise DoesNotFit(f"{len(blanks)} blanks, over the {BLACKBOARD_BLANKS} Blackboard allows")
        text = render_cloze(item, lambda blank: f"[{blackboard_variable(blank)}]", bracket_safe_html)
        fields: list[Cell] = [self.text(text, "the text")]
        for number, blank in enumerate(blanks):
            fields += [*([""] if number else []), blackboard_variable(blank), *self.typed_answers(blank)]
        return fields


# --- Brightspace --------------------------------------------------------------------------------------------

BRIGHTSPACE_WIDTH = 5
"""Every row of a Brightspace question CSV has five fields (``Keyword,v1,v2,v3,v4``)."""
BRIGHTSPACE_INPUT_BOX = (1, 40)
"""Rows and columns of a short answer's input box."""


class BrightspaceExporter(ClassroomExporter):
    """Writes ``<quiz id>.brightspace.csv``: a ``NewQuestion`` record per item for Brightspace's Question Library.

    Texts are plain (the format field left empty), so they show as written.
    """

    name = "brightspace"
    platform = "Brightspace"
    description = "D2L Brightspace Question Library import (.csv) per document"
    suffix = ".brightspace.csv"

    def render(self, quiz: Quiz) -> bytes:
        """The CSV file for ``quiz``."""
        records = self.fitted(quiz, self._record)
        return csv_bytes([[*row, *[None] * (BRIGHTSPACE_WIDTH - len(row))] for record in records for row in record])

    def _record(self, item: Item) -> list[Row]:
        kind, text, answers = self._answers(item)
        head: list[Row] = [
            ("NewQuestion", kind),
            ("ID", item.id),
            ("Title", self.text(question_name(item), "the title")),
            ("QuestionText", text),
            ("Points", 1),
        ]
        explanation = self.explanation(item)
        feedback: list[Row] = [("Feedback", explanation)] if explanation else []
        return [*head, *answers, *feedback, ()]

    def _answers(self, item: Item) -> tuple[str, str, list[Row]]:
        """The item's question type, its text, and the rows of its answers."""
        match item:
            case MultipleChoice():
                choices = self.choices(item)
                return "MC", self.text(item.question, "the question"), _options(choices)
            case TrueFalse():
                weights = (100, 0) if item.answer else (0, 100)
                return "TF", self.text(item.statement, "the statement"), [("TRUE", weights[0]), ("FALSE", weights[1])]
            case Cloze() if len(item.blanks) == 1:
                answers = [("Answer", 100, answer) for answer in self.typed_answers(item.blanks[0])]
                return "SA", self.text(prompt_text(item), "the text"), [("InputBox", *BRIGHTSPACE_INPUT_BOX), *answers]
            case Cloze():
                raise DoesNotFit(
                    f"Brightspace's CSV import has no question type with {len(item.blanks)} blanks (import the QTI zip)"
                )
            case MultipleAnswer():  # Multi-select: 1 marks a right option
                options: list[Row] = [
                    ("Option", int(option.id in item.answers), self.text(option.text, "an option"))
                    for option in item.options
                ]
                return "MS", self.text(item.question, "the question"), [("Scoring", "RightAnswers"), *options]
            case Matching():  # a Choice per left, and the Match that names its number
                rows: list[Row] = []
                for number, pair in enumerate(item.pairs, 1):
                    rows += [("Choice", number, self.text(pair.left, "a term"))]
                    rows += [("Match", number, self.text(pair.right, "its match"))]
                return "M", self.text(item.prompt, "the prompt"), [("Scoring", "EquallyWeighted"), *rows]
            case Ordering():  # the items in the correct order
                events: list[Row] = [("Item", self.text(event.text, "an event"), "NOT HTML") for event in item.events]
                return "O", self.text(item.prompt, "the prompt"), [("Scoring", "RightMinusWrong"), *events]
            case _:
                assert_never(item)


def _marked(correct: bool) -> str:
    """Blackboard's mark of an option: ``correct`` or ``incorrect``."""
    return "correct" if correct else "incorrect"


def _options(choices: Choices) -> list[Row]:
    """``Option,<weight>,<text>`` rows: 100 for the right answer, 0 for the others."""
    return [("Option", 100 if number == choices.correct else 0, text) for number, text in enumerate(choices.texts, 1)]
