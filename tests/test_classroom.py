"""Classroom exports (Kahoot, Wayground, Blooket, Gimkit, Quizlet, Blackboard, Brightspace) read back as users'
tools read them.

Spreadsheets are opened with openpyxl, CSV and tab-separated files with the ``csv`` module, and
every rule of each template is checked: header rows, columns, limits, answer numbers pointing at
filled answers that are the right ones, encoding, formula injection, and the items left out.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from quizgen.export import ItemNote, get_exporter, item_notes
from quizgen.export.classroom import ClassroomExporter
from quizgen.export.games import BlooketExporter, GimkitExporter, KahootExporter, QuizletExporter, WaygroundExporter
from quizgen.export.pools import BlackboardExporter, BrightspaceExporter
from quizgen.export.render import cloze_as_choice
from quizgen.model import BLANK, GROUP_TYPES, Blank, Cloze, Item, MultipleChoice, Quiz, TrueFalse
from quizgen.quizfile import dumps
from quizgen.read import find_documents
from tests.conftest import SEEDS, CliRun
from tests.samples import HOSTILE, SOURCE, hostile_quiz, mcq, pipeline_quizzes, plain_quiz, quiz_of, sample_quiz

FORMATS = ("kahoot", "quizizz", "blooket", "gimkit", "quizlet", "blackboard", "brightspace")
SUFFIXES = {
    "kahoot": ".kahoot.xlsx",
    "quizizz": ".quizizz.xlsx",
    "blooket": ".blooket.csv",
    "gimkit": ".gimkit.csv",
    "quizlet": ".quizlet.txt",
    "blackboard": ".blackboard.txt",
    "brightspace": ".brightspace.csv",
}
EXPORTERS: dict[str, type[ClassroomExporter]] = {
    "kahoot": KahootExporter,
    "quizizz": WaygroundExporter,
    "blooket": BlooketExporter,
    "gimkit": GimkitExporter,
    "quizlet": QuizletExporter,
    "blackboard": BlackboardExporter,
    "brightspace": BrightspaceExporter,
}
BOM = b"\xef\xbb\xbf"
FORMULA = "=1+1"


def flat(text: str) -> str:
    return " ".join(text.split())


def formula_quiz() -> Quiz:
    """Text that a spreadsheet would run: a formula question, formula-like options, answers and a statement."""
    return quiz_of(
        "formulas",
        '=HYPERLINK("http://x")',
        [
            mcq("mcq-formula", FORMULA, (FORMULA, "@SUM(A1)", "+x", "-40"), "A", f"{FORMULA} explained", cited=SOURCE),
            TrueFalse("tf-formula", f"{FORMULA} is two.", True, "-1+1 is zero", SOURCE),
            Cloze("cloze-formula", "Type {{1}} here.", (Blank(1, "=cmd", accept=("cmd",)),), "", SOURCE),
            Cloze("cloze-only-formula", "Type {{1}} there.", (Blank(1, "@x"),), "", SOURCE),
        ],
    )


def limits_quiz() -> Quiz:
    """Items at and over Kahoot's limits: question 120/121 characters, answers 75/76, five options."""
    q120, q121 = "Q" + "x" * 118 + "?", "Q" + "x" * 119 + "?"
    long_wrong, long_right = "w" * 76, "r" * 76
    return quiz_of(
        "limits",
        "Limits",
        [
            mcq("fits", q120, ("a" * 75, "b", "c", "d"), "A", cited=SOURCE),
            mcq("long-question", q121, ("a", "b", "c", "d"), "B", cited=SOURCE),
            mcq("long-wrong", "Which?", ("right", long_wrong, "c", "d"), "A", cited=SOURCE),
            mcq("long-right", "Which one?", ("a", long_right, "c", "d"), "B", cited=SOURCE),
            mcq("five", "Which of five?", ("a", "b", "c", "d", "e"), "E", cited=SOURCE),
            mcq("two-long", "Which of two?", ("ok", long_wrong), "A", cited=SOURCE),
        ],
    )


@pytest.fixture(scope="module")
def seeds_quizzes() -> tuple[Quiz, ...]:
    """The seeds' quizzes with their items of one answer each (matching, ordering and multiple answer are
    tested in test_item_groups.py)."""
    return tuple(single_answer_items(quiz) for quiz in pipeline_quizzes())


def single_answer_items(quiz: Quiz) -> Quiz:
    return replace(quiz, items=tuple(item for item in quiz.items if type(item) not in GROUP_TYPES))


def all_quizzes(seeds: Sequence[Quiz]) -> list[Quiz]:
    return [hostile_quiz(), plain_quiz(), sample_quiz(), formula_quiz(), limits_quiz(), *seeds]


def render(name: str, quiz: Quiz) -> tuple[bytes, list[ItemNote]]:
    exporter = EXPORTERS[name]()
    data = exporter.render(quiz)
    assert isinstance(data, bytes)
    return data, exporter.notes


def written_items(quiz: Quiz, notes: list[ItemNote]) -> list[Item]:
    left_out = {note.item for note in notes if note.action == "left out"}
    assert left_out <= {item.id for item in quiz.items}
    return [item for item in quiz.items if item.id not in left_out]


def as_choice(item: Item) -> MultipleChoice | TrueFalse:
    """The item as a choice format writes it: a cloze item through its kept wrong answers."""
    if isinstance(item, Cloze):
        choice = cloze_as_choice(item)
        assert choice is not None, f"{item.id}: a cloze item without three wrong answers is left out"
        return choice
    assert isinstance(item, (MultipleChoice, TrueFalse)), "items of several facts: see test_item_groups.py"
    return item


def right_answer(item: Item) -> str:
    choice = as_choice(item)
    if isinstance(choice, MultipleChoice):
        return flat(choice.answer_text)
    return "True" if choice.answer else "False"


def choice_texts(item: Item) -> set[str]:
    choice = as_choice(item)
    if isinstance(choice, MultipleChoice):
        return {flat(option.text) for option in choice.options}
    return {"True", "False"}


def prompt(item: Item) -> str:
    if isinstance(item, MultipleChoice):
        return flat(item.question)
    if isinstance(item, TrueFalse):
        return flat(item.statement)
    assert isinstance(item, Cloze), "items of several facts: see test_item_groups.py"
    return flat(re.sub(r"\{\{[0-9]+\}\}", BLANK, item.text))


def accepted(blank: Blank) -> list[str]:
    return [flat(text) for text in (blank.answer, *blank.accept)]


def unneutralised(text: str) -> str:
    """What the platform should show: the text, without the apostrophe guarding a formula-like field."""
    return text[1:] if text[:2] in {"'=", "'+", "'-", "'@"} else text


# ---------------------------------------------------------------------------------------------------------------
# Readers, as the user's tools read these files.


def read_sheet(data: bytes) -> Worksheet:
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Sheet1"]
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    return sheet


def values(sheet: Worksheet, first_row: int, width: int) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(min_row=first_row, max_col=width, values_only=True)]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM), "CSV for these platforms is UTF-8 with a BOM"
    assert not data.startswith(BOM * 2)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_tab_separated(data: bytes) -> list[list[str]]:
    assert not data.startswith(BOM), "no BOM: it would stick to the first field"
    text = data.decode("utf-8")
    assert text.endswith("\n") and "\n\n" not in text and "\r" not in text, "no blank lines, one record per line"
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def numbers(cell: object) -> list[int]:
    assert isinstance(cell, (str, int)), cell
    return [int(part) for part in str(cell).split(",")]


# ---------------------------------------------------------------------------------------------------------------
# Kahoot!

KAHOOT_HEADERS = [
    None,
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]


def check_kahoot(quiz: Quiz) -> list[ItemNote]:
    data, notes = render("kahoot", quiz)
    sheet = read_sheet(data)
    assert sheet["B2"].value == "Quiz template"
    assert str(sheet["B3"].value).startswith("Add questions, at least two answer alternatives")
    assert "questions have a limit of 120 characters and answers can have 75 characters max" in str(sheet["B4"].value)
    assert {str(cells) for cells in sheet.merged_cells.ranges} == {"B3:H3", "B4:H4", "B6:H6"}
    assert values(sheet, 1, 8)[0] == [None] * 8 and values(sheet, 7, 8)[0] == [None] * 8
    assert values(sheet, 8, 8)[0] == KAHOOT_HEADERS
    rows = values(sheet, 9, 8)
    items = written_items(quiz, notes)
    assert len(rows) == len(items), quiz.id
    for number, (row, item) in enumerate(zip(rows, items, strict=True), 1):
        sequence, question, *answers, time, correct = row
        assert sequence == number
        assert question == prompt(item) and len(question) <= 120
        filled = [answer for answer in answers if answer is not None]
        assert answers[: len(filled)] == filled, "answers fill the first columns"
        assert 2 <= len(filled) <= 4 and all(isinstance(a, str) and len(a) <= 75 for a in filled)
        assert set(filled) <= choice_texts(item)
        assert time in (5, 10, 20, 30, 60, 90, 120, 240)
        assert isinstance(correct, str), "the answer numbers are text, so a spreadsheet cannot turn 1,3 into a number"
        assert [filled[n - 1] for n in numbers(correct)] == [right_answer(item)]
    for note in notes:
        assert note.format == "kahoot" and note.reason
    return notes


def test_kahoot_sheet_is_the_template_with_every_rule_kept(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        notes = check_kahoot(quiz)

        clozes = {item.id for item in quiz.items if isinstance(item, Cloze) and cloze_as_choice(item) is None}
        assert clozes <= {note.item for note in notes if note.action == "left out"}, "a cloze has no options"


def test_kahoot_leaves_out_what_does_not_fit_and_drops_only_wrong_options() -> None:
    quiz = limits_quiz()

    notes = check_kahoot(quiz)

    left_out = {note.item for note in notes if note.action == "left out"}
    assert left_out == {"long-question", "long-right", "two-long"}
    shortened = {note.item: note.reason for note in notes if note.action == "shortened"}
    assert set(shortened) == {"long-wrong", "five"}
    assert "76 characters, over 75" in shortened["long-wrong"]
    rows = values(read_sheet(render("kahoot", quiz)[0]), 9, 8)
    assert rows[0][1] == "Q" + "x" * 118 + "?" and rows[0][2] == "a" * 75, "text at the limit is kept whole"
    assert rows[1][2:6] == ["right", "c", "d", None] and rows[1][7] == "1"
    assert rows[2][2:6] == ["a", "b", "c", "e"] and rows[2][7] == "4", "the right answer is never the one dropped"
    assert next(n for n in notes if n.item == "long-question").name.startswith("Qxxx")


# ---------------------------------------------------------------------------------------------------------------
# Wayground (Quizizz)

WAYGROUND_HEADERS = [
    "Question Text",
    "Question Type",
    "Option 1",
    "Option 2",
    "Option 3",
    "Option 4",
    "Option 5",
    "Correct Answer",
    "Time in seconds",
    "Image Link",
    "Answer explanation",
]


def test_wayground_sheet_has_its_eleven_columns_and_fill_in_the_blank(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        data, notes = render("quizizz", quiz)
        sheet = read_sheet(data)

        assert sheet.max_column == 11
        assert values(sheet, 1, 11)[0] == WAYGROUND_HEADERS
        assert str(values(sheet, 2, 11)[0][0]).startswith("Text of the question")
        rows = values(sheet, 3, 11)
        items = written_items(quiz, notes)
        assert len(rows) == len(items)
        for row, item in zip(rows, items, strict=True):
            question, kind, *options, correct, time, image, explanation = row
            filled = [option for option in options if option is not None]
            assert options[: len(filled)] == filled and 1 <= len(filled) <= 5
            assert question == prompt(item) and isinstance(time, int) and image is None
            assert explanation == (flat(item.explanation) or None)
            if isinstance(item, Cloze):
                assert kind == "Fill-in-the-Blank" and correct is None
                assert len(item.blanks) == 1
                assert filled[0] == flat(item.blanks[0].answer) and set(filled) <= set(accepted(item.blanks[0]))
            else:
                assert kind == "Multiple Choice" and isinstance(correct, int)
                assert len(filled) >= 2 and filled[correct - 1] == right_answer(item)
        multi_blank = {item.id for item in quiz.items if isinstance(item, Cloze) and len(item.blanks) > 1}
        assert multi_blank == {note.item for note in notes if note.action == "left out"}


# ---------------------------------------------------------------------------------------------------------------
# Blooket and Gimkit


def test_blooket_csv_has_its_title_and_header_rows_and_answer_numbers(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        data, notes = render("blooket", quiz)
        title, headers, *rows = read_csv(data)

        assert title == ["Blooket\nImport Template"] + [""] * 7
        assert headers[:2] == ["Question #", "Question Text"] and len(headers) == 8
        assert headers[6] == "Time Limit (sec)\n(Max: 300 seconds)"
        assert headers[7] == "Correct Answer(s)\n(Only include Answer #)"
        items = written_items(quiz, notes)
        assert len(rows) == len(items)
        for number, (row, item) in enumerate(zip(rows, items, strict=True), 1):
            sequence, question, *answers, time, correct = row
            filled = [unneutralised(answer) for answer in answers if answer]
            assert len(row) == 8 and sequence == str(number) and unneutralised(question) == prompt(item)
            assert 2 <= len(filled) <= 4 and answers[: len(filled)] == [a for a in answers if a]
            assert 1 <= int(time) <= 300
            assert [filled[n - 1] for n in numbers(correct)] == [right_answer(item)]


def test_gimkit_csv_gives_the_right_answer_as_text_and_the_wrong_ones_after(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        data, notes = render("gimkit", quiz)
        title, headers, *rows = read_csv(data)

        assert title == ["Gimkit Spreadsheet Import Template", "", "", "", ""]
        assert headers == [
            "Question",
            "Correct Answer",
            "Incorrect Answer 1",
            "Incorrect Answer 2 (Optional)",
            "Incorrect Answer 3 (Optional)",
        ]
        items = written_items(quiz, notes)
        assert len(rows) == len(items)
        for row, item in zip(rows, items, strict=True):
            question, right, *wrong = (unneutralised(field) for field in row)
            filled = [text for text in wrong if text]
            assert unneutralised(question) == prompt(item) and right == right_answer(item)
            assert 1 <= len(filled) <= 3 and right not in filled and set(filled) <= choice_texts(item)
            assert wrong[: len(filled)] == filled


# ---------------------------------------------------------------------------------------------------------------
# Quizlet


def card(item: Cloze, asked: int) -> list[str]:
    """The card for one blank: its answer, then the text with that blank empty and the others filled in."""
    answers = {blank.id: flat(blank.answer) for blank in item.blanks}
    text = re.sub(r"\{\{([0-9]+)\}\}", lambda m: BLANK if int(m[1]) == asked else answers[int(m[1])], item.text)
    return [answers[asked], flat(text)]


def test_quizlet_cards_are_term_tab_definition_one_per_line(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        data, notes = render("quizlet", quiz)
        cards = [[unneutralised(side) for side in card] for card in read_tab_separated(data)]

        assert not notes
        wanted: list[list[str]] = []
        for item in quiz.items:
            if isinstance(item, Cloze):
                wanted += [card(item, int(asked)) for asked in re.findall(r"\{\{([0-9]+)\}\}", item.text)]
            else:
                wanted.append([prompt(item), right_answer(item)])
        assert cards == wanted


# ---------------------------------------------------------------------------------------------------------------
# Blackboard


def test_blackboard_upload_has_one_question_per_line_in_its_record_formats(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        data, notes = render("blackboard", quiz)
        lines = read_tab_separated(data)

        items = written_items(quiz, notes)
        assert len(lines) == len(items)
        for (code, text, *fields), item in zip(lines, items, strict=True):
            shown = html.unescape(unneutralised(text))
            assert "<" not in text and ">" not in text, "document text is escaped, never HTML"
            if isinstance(item, MultipleChoice):
                assert code == "MC" and shown == prompt(item)
                pairs = list(zip(fields[::2], fields[1::2], strict=True))
                assert [mark for _, mark in pairs].count("correct") == 1
                assert {mark for _, mark in pairs} <= {"correct", "incorrect"}
                right = [html.unescape(unneutralised(t)) for t, mark in pairs if mark == "correct"]
                assert right == [right_answer(item)]
            elif isinstance(item, TrueFalse):
                assert code == "TF" and shown == prompt(item) and fields == [str(item.answer).lower()]
            elif isinstance(item, Cloze) and len(item.blanks) == 1:
                assert code == "FIB" and shown == prompt(item)
                assert fields and set(fields) <= set(accepted(item.blanks[0]))
                assert fields[0] == flat(item.blanks[0].answer) or item.id == "cloze-formula"
            else:
                assert code == "FIB_PLUS" and isinstance(item, Cloze)
                variables = re.findall(r"\[([^\]]+)\]", text)
                groups = "\t".join(fields).split("\t\t")
                assert [group.split("\t")[0] for group in groups] == variables, "each [var] once, in text order"
                blanks = {f"b{blank.id}": blank for blank in item.blanks}
                for group in groups:
                    variable, *answers = group.split("\t")
                    assert answers == accepted(blanks[variable])
                filled = re.sub(r"\[[^\]]+\]", BLANK, text)
                assert html.unescape(filled) == prompt(item)


# ---------------------------------------------------------------------------------------------------------------
# Brightspace


def brightspace_records(data: bytes) -> list[list[list[str]]]:
    rows = read_csv(data)
    assert all(len(row) == 5 for row in rows), "every row has five fields"
    records: list[list[list[str]]] = [[]]
    for row in rows:
        if row == [""] * 5:
            records.append([])
        else:
            records[-1].append(row)
    assert records[-1] == [], "the last record ends with an empty row"
    return records[:-1]


def test_brightspace_csv_is_new_question_records_of_five_fields(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        data, notes = render("brightspace", quiz)
        records = brightspace_records(data)

        items = written_items(quiz, notes)
        assert len(records) == len(items)
        for record, item in zip(records, items, strict=True):
            fields = {row[0]: row[1:] for row in record}
            assert record[0][:2] == [
                "NewQuestion",
                {"multiple_choice": "MC", "true_false": "TF", "cloze": "SA"}[item.type],
            ]
            assert fields["ID"][0] == item.id and fields["Points"][0] == "1" and fields["Title"][0]
            assert unneutralised(fields["QuestionText"][0]) == prompt(item) and fields["QuestionText"][1] == ""
            if item.explanation.strip():
                assert unneutralised(fields["Feedback"][0]) == flat(item.explanation)
            if isinstance(item, MultipleChoice):
                options = [(int(row[1]), unneutralised(row[2])) for row in record if row[0] == "Option"]
                assert [text for weight, text in options if weight == 100] == [right_answer(item)]
                assert {weight for weight, _ in options} == {0, 100}
            elif isinstance(item, TrueFalse):
                assert fields["TRUE"][0] == ("100" if item.answer else "0")
                assert fields["FALSE"][0] == ("0" if item.answer else "100")
            else:
                assert isinstance(item, Cloze)
                answers = [row[2] for row in record if row[0] == "Answer"]
                assert answers and set(answers) <= set(accepted(item.blanks[0]))
        multi_blank = {item.id for item in quiz.items if isinstance(item, Cloze) and len(item.blanks) > 1}
        assert multi_blank <= {note.item for note in notes if note.action == "left out"}


# ---------------------------------------------------------------------------------------------------------------
# What every classroom format shares: formula injection, encoding, reproducible bytes, notes.

RISKY = re.compile(r"[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)*%?")


@pytest.mark.parametrize("name", ["blooket", "gimkit", "quizlet", "blackboard", "brightspace"])
def test_no_delimited_field_starts_like_a_formula(name: str) -> None:
    for quiz in (formula_quiz(), hostile_quiz(), sample_quiz()):
        data, _ = render(name, quiz)
        rows = read_tab_separated(data) if name in ("quizlet", "blackboard") else read_csv(data)

        for field in (field for row in rows for field in row):
            assert not RISKY.match(field) or PLAIN_NUMBER.fullmatch(field), f"{name}: {field!r}"
    data, _ = render(name, formula_quiz())
    assert b"'" + FORMULA.encode() in data, "the formula is kept, behind an apostrophe"
    if name != "quizlet":  # a card shows only the right answer
        assert b"-40" in data and b"'-40" not in data, "a plain negative number is not a formula"


@pytest.mark.parametrize("name", ["kahoot", "quizizz"])
def test_no_spreadsheet_cell_is_a_formula(name: str) -> None:
    data, _ = render(name, formula_quiz())
    sheet = read_sheet(data)

    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type in ("s", "n") for cell in cells)
    formulas = [cell for cell in cells if str(cell.value).startswith(("=", "+", "@"))]
    assert formulas and all(cell.data_type == "s" and cell.quotePrefix for cell in formulas)
    assert FORMULA in [cell.value for cell in cells]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_typed_answers_that_start_like_a_formula_are_dropped_from_delimited_files() -> None:
    for name in ("blackboard", "brightspace"):
        data, notes = render(name, formula_quiz())

        assert ("cloze-formula", "shortened") in {(note.item, note.action) for note in notes}
        assert ("cloze-only-formula", "left out") in {(note.item, note.action) for note in notes}
        assert b"=cmd" not in data and b"cmd" in data
    sheet = read_sheet(render("quizizz", formula_quiz())[0])
    assert ["=cmd", "cmd"] in [row[2:4] for row in values(sheet, 3, 11)], "xlsx cells hold it as typed"


@pytest.mark.parametrize("name", FORMATS)
def test_non_ascii_text_survives_in_the_encoding_each_platform_reads(name: str) -> None:
    data, _ = render(name, sample_quiz())

    if name in ("kahoot", "quizizz"):
        texts = {str(cell.value) for row in read_sheet(data).iter_rows() for cell in row}
        assert any("Getúlio Vargas" in text for text in texts)
    else:
        assert data.startswith(BOM) == (name in ("blooket", "gimkit", "brightspace"))
        assert "Getúlio Vargas".encode() in data or "López".encode() in data
        assert "Lázaro Cárdenas".encode() in data or name == "quizlet"


@pytest.mark.parametrize("name", FORMATS)
def test_the_same_quiz_gives_the_same_bytes(name: str) -> None:
    assert render(name, hostile_quiz())[0] == render(name, hostile_quiz())[0]
    assert render(name, hostile_quiz())[0] != render(name, sample_quiz())[0]


def test_xlsx_is_stamped_with_the_content_time_and_fixed_zip_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data, _ = render("kahoot", plain_quiz())

    workbook = load_workbook(io.BytesIO(data))
    assert workbook.properties.created is not None and workbook.properties.created.isoformat() == "2023-11-14T22:13:20"
    assert workbook.properties.modified == workbook.properties.created
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000001")
    assert render("kahoot", plain_quiz())[0] != data


def test_hostile_text_is_written_whole() -> None:
    quizlet = read_tab_separated(render("quizlet", hostile_quiz())[0])
    gimkit = read_csv(render("gimkit", hostile_quiz())[0])

    for rows in (quizlet, gimkit):
        assert any(field.endswith(flat(HOSTILE)) for row in rows for field in row)


def test_a_new_export_starts_with_no_notes(tmp_path: Path) -> None:
    exporter = get_exporter("kahoot")
    exporter.export([limits_quiz()], tmp_path)
    first = item_notes(exporter)

    exporter.export([plain_quiz()], tmp_path)

    assert len(first) == 5 and [note.item for note in item_notes(exporter)] == ["cloze-1"]
    assert item_notes(get_exporter("json")) == []
    assert str(item_notes(exporter)[0]) == (
        "kahoot: capitals: left out cloze-1 ('The capital of Italy is _____.'): "
        "a cloze item has no options to choose from, and Kahoot needs them"
    )


# ---------------------------------------------------------------------------------------------------------------
# The command line.


def test_build_writes_every_classroom_format_for_every_seed(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", SEEDS, "--out", tmp_path, "--format", ",".join(FORMATS))

    assert result.exit_code == 0, result.stderr
    ids = [quiz.id for quiz in pipeline_quizzes()]
    assert len(ids) == len(list(find_documents([SEEDS])))
    for quiz_id in ids:
        for name in FORMATS:
            assert (tmp_path / f"{quiz_id}{SUFFIXES[name]}").stat().st_size > 0
    blooket = read_csv((tmp_path / f"{ids[0]}.blooket.csv").read_bytes())
    assert len(blooket) > 2


def test_the_cli_prints_one_note_per_item_left_out(tmp_path: Path, cli: CliRun) -> None:
    quiz_file = tmp_path / "limits.quiz.json"
    quiz_file.write_text(dumps(limits_quiz()), encoding="utf-8")

    result = cli("export", quiz_file, "--out", tmp_path / "out", "--format", "kahoot,gimkit")

    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("quizgen: note: kahoot: limits: left out")]
    assert sorted(re.findall(r"left out ([\w-]+)", "\n".join(notes))) == ["long-question", "long-right", "two-long"]
    assert "quizgen: note: kahoot: limits: shortened five ('Which of five?'): " in result.stderr
    assert not any("gimkit: limits: left out" in line for line in result.stderr.splitlines())


def test_two_builds_give_byte_identical_files(tmp_path: Path, cli: CliRun) -> None:
    seed = SEEDS / "water_cycle.txt"
    runs: list[dict[str, bytes]] = []
    for run in ("a", "b"):
        result = cli("build", seed, "--out", tmp_path / run, "--format", ",".join(FORMATS))
        assert result.exit_code == 0, result.stderr
        runs.append({path.name: path.read_bytes() for path in sorted((tmp_path / run).iterdir())})

    assert len(runs[0]) == len(FORMATS)
    assert runs[0] == runs[1]


def test_items_left_out_for_one_reason_share_one_line_naming_each(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", SEEDS / "water_cycle.txt", "--out", tmp_path, "--format", "json,kahoot")

    assert result.exit_code == 0, result.stderr
    quiz = json.loads((tmp_path / "water-cycle.quiz.json").read_text(encoding="utf-8"))
    cloze_ids = [
        item["id"]
        for item in quiz["items"]
        if item["type"] == "cloze" and len(item["blanks"][0].get("distractors", [])) < 3
    ]
    assert len(cloze_ids) > 1
    [line] = [line for line in result.stderr.splitlines() if "cloze item has no options" in line]
    assert f"left out {len(cloze_ids)} items" in line
    assert all(item_id in line for item_id in cloze_ids)


def test_a_cloze_with_three_kept_wrong_answers_becomes_a_game_question() -> None:
    """Game formats need options: a one-blank cloze offers its answer and its three kept wrong answers."""
    blank = Blank(1, "sublimation", (), ("evaporation", "condensation", "melting"))
    item = Cloze("cloze-options", "Ice turning straight into vapour is called {{1}}.", (blank,), "", SOURCE)

    data, notes = render("kahoot", quiz_of("options", "Options", [item]))

    assert not notes
    [row] = [row for row in values(read_sheet(data), 9, 8) if any(row)]
    _, question, *answers, _, correct = row
    assert question == f"Ice turning straight into vapour is called {BLANK}."
    assert set(answers) == {"sublimation", "evaporation", "condensation", "melting"}
    assert answers[int(str(correct)) - 1] == "sublimation"
