"""Matching, ordering and multiple-answer items: what the builder finds in the seeds, the quiz file, and
what every exporter makes of them (carried, or left out with a note)."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.export import get_exporter, item_notes, note_lines
from quizgen.export.gift import render_gift
from quizgen.export.moodle import render_moodle
from quizgen.export.qti import render_qti
from quizgen.generate import BuildOptions, build_quiz
from quizgen.generate.words import normalise
from quizgen.model import (
    GROUP_TYPES,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    Quiz,
    item_sources,
)
from quizgen.quizfile import FORMAT_VERSION, dumps, quiz_from_json, quiz_to_json
from quizgen.read import read_document
from tests.conftest import CORPUS, SEEDS, CliRun, needs_corpus
from tests.samples import group_quiz, multiple_answer_item, pipeline_quiz, quiz_of

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pygiftparser import answer as gift_answers  # type: ignore[import-untyped]
    from pygiftparser import parser as gift_parser


def seed(name: str) -> Quiz:
    return pipeline_quiz(SEEDS / name)


def only(quiz: Quiz, item_type: type[Item]) -> Item:
    [item] = [item for item in quiz.items if isinstance(item, item_type)]
    return item


def in_sentence(text: str, sentence: str) -> bool:
    """Whether ``text`` is a span of ``sentence`` (its first letter's case aside)."""
    return text in sentence or (text[:1].upper() + text[1:]) in sentence


# --- The builder, on the seeds ----------------------------------------------------------------------------------


def test_water_cycle_matches_the_terms_it_names_to_what_it_says_they_are() -> None:
    item = only(seed("water_cycle.txt"), Matching)
    assert isinstance(item, Matching)

    assert {pair.left: pair.right for pair in item.pairs} == {
        "water vapour": "an invisible gas",
        "runoff": "water that flows over the surface into streams, rivers and lakes",
        "aquifer": "a layer of permeable rock, sand or gravel that stores groundwater and lets it flow",
    }
    assert item.prompt == "Match each term with what the text says it is."
    for pair in item.pairs:
        assert in_sentence(pair.left, pair.source.sentence) and in_sentence(pair.right, pair.source.sentence)
        others = [other.left for other in item.pairs if other is not pair]
        assert not any(normalise(left) in normalise(pair.right) for left in others), "a match names another term"


def test_french_revolution_orders_its_dated_events_without_their_dates() -> None:
    item = only(seed("french_revolution.txt"), Ordering)
    assert isinstance(item, Ordering)

    assert [(event.date, event.text) for event in item.events] == [
        ("1789", "The Revolution began during the reign of King Louis XVI"),
        ("September 1792", "The monarchy was abolished, and France became a republic"),
        ("January 1793", "Louis XVI was executed by guillotine"),
        ("July 1794", "Robespierre himself was guillotined"),
        ("November 1799", "Napoleon Bonaparte seized power in a coup"),
    ]
    for event in item.events:
        assert event.date is not None and event.date in event.source.sentence
        assert not re.search(r"\d", event.text), "the event gives its date away"
    assert item.explanation.startswith("In order: 1789: The Revolution began")


def test_water_cycle_asks_which_forms_of_precipitation_the_text_lists() -> None:
    item = only(seed("water_cycle.txt"), MultipleAnswer)
    assert isinstance(item, MultipleAnswer)

    assert sorted(item.answer_texts) == ["hail", "rain", "sleet", "snow"]
    assert (
        item.question.startswith("Water that falls") and "air. Which of the following fill the blank?" in item.question
    )
    assert item.question.endswith("Select all that apply.") and "_____" in item.question
    wrong = [option.text for option in item.options if option.id not in item.answers]
    assert 2 <= len(wrong) <= 3
    assert not any(normalise(text) in normalise(item.source.sentence) for text in wrong), "a wrong option is listed"
    assert all(in_sentence(text, item.source.sentence) for text in item.answer_texts)


def test_a_document_without_the_material_gets_none() -> None:
    quiz = seed("colombia_soviet_relations.txt")

    assert not [item for item in quiz.items if type(item) in GROUP_TYPES]


def test_the_list_of_a_sentence_is_asked_and_its_definition_left_out_of_the_matching() -> None:
    quiz = seed("water_cycle.txt")
    chosen, matching = only(quiz, MultipleAnswer), only(quiz, Matching)
    assert isinstance(chosen, MultipleAnswer) and isinstance(matching, Matching)

    assert "is called precipitation" in chosen.question
    assert "precipitation" not in [pair.left for pair in matching.pairs], "the stem would give the pair away"


def test_no_other_item_asks_a_sentence_an_item_of_several_facts_cites() -> None:
    for name in ("water_cycle.txt", "french_revolution.txt"):
        quiz = seed(name)
        cited = {s.sentence for item in quiz.items if type(item) in GROUP_TYPES for s in item_sources(item)}
        singles = [item for item in quiz.items if type(item) not in GROUP_TYPES]
        assert cited and singles
        assert not [item.id for item in singles if item.source.sentence in cited]


def test_types_choose_the_new_types_alone_or_leave_them_out() -> None:
    document = read_document(SEEDS / "water_cycle.txt")

    alone = build_quiz(document, BuildOptions(types=frozenset({Matching})))
    without = build_quiz(document, BuildOptions(types=frozenset({MultipleChoice})))

    assert [item.type for item in alone.items] == ["matching"]
    assert {item.type for item in without.items} == {"multiple_choice"}


def test_a_quiz_of_three_items_has_no_room_for_them() -> None:
    quiz = build_quiz(read_document(SEEDS / "water_cycle.txt"), BuildOptions(max_items=3))

    assert len(quiz.items) == 3 and not [item for item in quiz.items if type(item) in GROUP_TYPES]


def test_the_command_line_takes_the_new_type_names(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", SEEDS / "french_revolution.txt", "--out", tmp_path, "--types", "ordering,ma,matching")

    assert result.exit_code == 0, result.stderr
    written = json.loads((tmp_path / "french-revolution.quiz.json").read_text(encoding="utf-8"))
    assert [item["type"] for item in written["items"]] == ["ordering"]


# --- The quiz file --------------------------------------------------------------------------------------------


def test_the_quiz_file_round_trips_every_new_type() -> None:
    for quiz in (group_quiz(), group_quiz(hostile=True), seed("water_cycle.txt"), seed("french_revolution.txt")):
        text = dumps(quiz)

        assert quiz_from_json(json.loads(text)) == quiz
        assert json.loads(text)["format_version"] == FORMAT_VERSION == "1.3"


def test_the_quiz_file_writes_each_pair_and_event_with_its_source() -> None:
    data = quiz_to_json(group_quiz())
    matching, ordering, chosen = data["items"][1:]

    assert matching["pairs"][0] == {
        "left": "water vapour",
        "right": "an invisible gas",
        "source": {
            "section": "Evaporation",
            "sentence": "Evaporation turns liquid water into an invisible gas called water vapour.",
        },
    }
    assert ordering["events"][0]["date"] == "14 July 1789" and "source" not in ordering
    assert chosen["answers"] == ["A", "C", "D"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"answers": ["A", "Z"]}, "items[0].answers: 'Z' is not one of the options"),
        ({"answers": ["A", "B", "C", "D", "E"]}, "every option is correct"),
        ({"answers": []}, "items[0].answers"),
    ],
)
def test_a_broken_multiple_answer_item_is_refused(change: dict[str, object], problem: str) -> None:
    data = quiz_to_json(quiz_of("ma", "MA", [multiple_answer_item()]))
    data["items"][0].update(change)

    with pytest.raises(QuizgenError, match=re.escape(problem)):
        quiz_from_json(data)


def test_files_of_earlier_versions_still_read() -> None:
    data = quiz_to_json(seed("colombia_soviet_relations.txt"))
    for version in ("1.0", "1.1", "1.2"):
        assert quiz_from_json({**data, "format_version": version}).items


# --- LMS formats ----------------------------------------------------------------------------------------------


def test_gift_carries_matching_and_multiple_answer_and_notes_the_ordering_it_leaves_out(tmp_path: Path) -> None:
    exporter = get_exporter("gift")
    [path] = exporter.export([group_quiz()], tmp_path)

    questions = gift_parser.parseFile(io.StringIO(path.read_text(encoding="utf-8")))

    kinds = [type(question.answers) for question in questions]
    assert kinds == [gift_answers.SelectSet, gift_answers.MatchingSet, gift_answers.MultipleChoicesSet]
    pairs = [(a.question.strip(), a.answer.strip()) for a in questions[1].answers.answers]
    assert pairs == [(pair.left, pair.right) for pair in group_quiz().items[1].pairs]  # type: ignore[union-attr]
    fractions = {a.answer: a.fraction for a in questions[2].answers.answers}
    assert fractions == {"rain": 33.33333, "wind": -50, "snow": 33.33333, "hail": 33.33333, "sunshine": -50}
    assert note_lines(item_notes(exporter)) == [
        "gift: water: left out order-1 ('Put these events in the order they happened, earliest first.'): "
        "GIFT has no ordering question (the Moodle XML file has it)"
    ]


def test_gift_leaves_out_a_matching_item_whose_text_holds_an_arrow() -> None:
    quiz = group_quiz()
    matching = quiz.items[1]
    assert isinstance(matching, Matching)
    arrow = replace(matching, pairs=(replace(matching.pairs[0], left="A -> B"), *matching.pairs[1:]))
    left_out: list[str] = []

    text = render_gift(replace(quiz, items=(arrow,)), lambda item, reason: left_out.append(item.id))

    assert left_out == ["match-1"] and "->" not in text


def test_moodle_xml_writes_multichoice_matching_and_ordering_questions() -> None:
    root = ET.fromstring(render_moodle(group_quiz()))
    questions = {question.findtext("idnumber"): question for question in root.findall("question")[1:]}

    chosen = questions["ma-1"]
    assert chosen.get("type") == "multichoice" and chosen.findtext("single") == "false"
    fractions = [(a.findtext("text"), a.get("fraction")) for a in chosen.findall("answer")]
    assert fractions == [
        ("rain", "33.33333"),
        ("wind", "-50"),
        ("snow", "33.33333"),
        ("hail", "33.33333"),
        ("sunshine", "-50"),
    ]
    matching = questions["match-1"]
    assert matching.get("type") == "matching"
    pairs = [(sub.findtext("text"), sub.findtext("answer/text")) for sub in matching.findall("subquestion")]
    assert pairs[1] == ("runoff", "water that flows over the surface into streams")
    ordering = questions["order-1"]
    assert ordering.get("type") == "ordering" and ordering.findtext("selecttype") == "ALL"
    assert [(a.get("fraction"), a.findtext("text")) for a in ordering.findall("answer")] == [
        ("1", "Crowds in Paris stormed the Bastille"),
        ("2", "Louis XVI was executed by guillotine"),
        ("3", "Napoleon Bonaparte seized power in a coup"),
    ]


QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def test_qti_writes_canvas_types_and_notes_the_ordering_it_writes_as_matching(tmp_path: Path) -> None:
    exporter = get_exporter("qti")
    [path] = exporter.export([group_quiz()], tmp_path)
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("water/water.xml"))

    types = {
        str(item.get("ident")): item.findtext(
            f".//{QTI}qtimetadatafield[{QTI}fieldlabel='question_type']/{QTI}fieldentry"
        )
        for item in root.iter(f"{QTI}item")
    }
    assert types == {
        "mcq-1": "multiple_choice_question",
        "match-1": "matching_question",
        "order-1": "matching_question",
        "ma-1": "multiple_answers_question",
    }
    [chosen] = [item for item in root.iter(f"{QTI}item") if item.get("ident") == "ma-1"]
    lid = chosen.find(f".//{QTI}response_lid")
    assert lid is not None and lid.get("rcardinality") == "Multiple"
    [ordering] = [item for item in root.iter(f"{QTI}item") if item.get("ident") == "order-1"]
    places = [label.findtext(f".//{QTI}mattext") for label in ordering.find(f".//{QTI}render_choice") or []]
    assert places == ["1st", "2nd", "3rd"]
    assert [note.action for note in item_notes(exporter)] == ["changed"]
    assert render_qti(group_quiz()) == path.read_bytes()


# --- Classroom formats ----------------------------------------------------------------------------------------


def export_one(name: str, folder: Path, quiz: Quiz | None = None) -> tuple[bytes, list[str]]:
    exporter = get_exporter(name)
    [path] = exporter.export([quiz or group_quiz()], folder)
    return path.read_bytes(), note_lines(item_notes(exporter))


def csv_rows(data: bytes, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_kahoot_marks_several_right_answers_and_leaves_out_matching_and_ordering(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data, notes = export_one("kahoot", tmp_path)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=9)]

    assert [row[1] for row in rows] == ["What drives the water cycle?", multiple_answer_item().question]
    assert rows[1][2:6] == ["rain", "wind", "snow", "hail"] and rows[1][7] == "1,3,4"
    assert len(notes) == 3
    assert any(n.startswith("kahoot: water: shortened ma-1") for n in notes)
    assert any(n.endswith("wrong option 'sunshine' dropped: Kahoot holds 4 answers") for n in notes)
    assert (
        "kahoot: water: left out match-1 ('Match each term with what the text says it is.'): "
        "Kahoot has no matching question"
    ) in notes
    assert (
        "kahoot: water: left out order-1 ('Put these events in the order they happened, earliest first.'): "
        "Kahoot has no ordering question"
    ) in notes


def test_blooket_and_wayground_mark_several_answers_and_gimkit_leaves_them_out(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    blooket, _ = export_one("blooket", tmp_path)
    assert csv_rows(blooket)[3][2:8] == ["rain", "wind", "snow", "hail", "20", "1,3,4"]

    wayground, _ = export_one("quizizz", tmp_path)
    sheet = load_workbook(io.BytesIO(wayground)).active
    assert sheet is not None
    row = [cell.value for cell in sheet[4]]
    assert row[1:8] == ["Checkbox", "rain", "wind", "snow", "hail", "sunshine", "1,3,4"]

    gimkit, notes = export_one("gimkit", tmp_path)
    assert [row[0] for row in csv_rows(gimkit)[2:]] == ["What drives the water cycle?"]
    assert any("left out ma-1" in line and "several right answers" in line for line in notes)


def test_quizlet_makes_a_card_of_each_pair_and_of_the_order(tmp_path: Path) -> None:
    data, notes = export_one("quizlet", tmp_path)
    cards = [line.split("\t") for line in data.decode("utf-8").splitlines()]

    assert ["water vapour", "an invisible gas"] in cards
    assert ["runoff", "water that flows over the surface into streams"] in cards
    order = next(card for card in cards if card[0].startswith("Put these events"))
    assert order[1] == (
        "Crowds in Paris stormed the Bastille → Louis XVI was executed by guillotine → "
        "Napoleon Bonaparte seized power in a coup"
    )
    assert [card[1] for card in cards if card[0] == multiple_answer_item().question] == ["rain; snow; hail"]
    assert notes == []


def test_blackboard_writes_ma_mat_and_ord_lines(tmp_path: Path) -> None:
    data, notes = export_one("blackboard", tmp_path)
    lines = {line.split("\t")[0]: line.split("\t") for line in data.decode("utf-8").splitlines()}

    assert lines["MA"][2:] == [
        "rain",
        "correct",
        "wind",
        "incorrect",
        "snow",
        "correct",
        "hail",
        "correct",
        "sunshine",
        "incorrect",
    ]
    assert lines["MAT"][2:4] == ["water vapour", "an invisible gas"]
    assert lines["ORD"][2:] == [
        "Crowds in Paris stormed the Bastille",
        "Louis XVI was executed by guillotine",
        "Napoleon Bonaparte seized power in a coup",
    ]
    assert notes == []


def test_brightspace_writes_multi_select_matching_and_ordering_records(tmp_path: Path) -> None:
    data, notes = export_one("brightspace", tmp_path)
    rows = [row for row in csv_rows(data) if any(row)]
    kinds = [row[1] for row in rows if row[0] == "NewQuestion"]

    assert kinds == ["MC", "M", "O", "MS"]
    assert ["Option", "1", "rain", "", ""] in rows and ["Option", "0", "wind", "", ""] in rows
    assert ["Choice", "2", "runoff", "", ""] in rows
    assert ["Match", "2", "water that flows over the surface into streams", "", ""] in rows
    assert ["Item", "Louis XVI was executed by guillotine", "NOT HTML", "", ""] in rows
    assert notes == []


CARRIES = {
    "kahoot": {"multiple_answer"},
    "quizizz": {"multiple_answer"},
    "blooket": {"multiple_answer"},
    "gimkit": set(),
    "quizlet": {"matching", "ordering", "multiple_answer"},
    "blackboard": {"matching", "ordering", "multiple_answer"},
    "brightspace": {"matching", "ordering", "multiple_answer"},
    "gift": {"matching", "multiple_answer"},
    "moodle": {"matching", "ordering", "multiple_answer"},
    "qti": {"matching", "ordering", "multiple_answer"},
}


@pytest.mark.parametrize("name", sorted(CARRIES))
def test_each_format_carries_the_seeds_new_items_or_notes_each_it_leaves_out(name: str, tmp_path: Path) -> None:
    quizzes = [seed("water_cycle.txt"), seed("french_revolution.txt")]
    exporter = get_exporter(name)
    exporter.export(quizzes, tmp_path)

    left_out = {note.item for note in item_notes(exporter) if note.action == "left out"}
    groups = [item for quiz in quizzes for item in quiz.items if type(item) in GROUP_TYPES]
    assert {item.type for item in groups} == {"matching", "ordering", "multiple_answer"}
    reasons = {note.item: note.reason for note in item_notes(exporter) if note.action == "left out"}
    for item in groups:
        if item.type not in CARRIES[name]:
            assert item.id in left_out, (name, item.type)
        elif item.id in left_out:  # a type the format has, but not this item: the note says which limit
            assert name in ("kahoot", "blooket"), (name, item.type, reasons[item.id])
            assert "over the 120 Kahoot allows" in reasons[item.id] or "leave no wrong one" in reasons[item.id]


@needs_corpus
def test_on_unseen_texts_a_list_keeps_its_own_clause_and_a_long_dated_sentence_its_main_one() -> None:
    plague = pipeline_quiz(CORPUS / "history_the_black_death_from_east_to_west.txt")
    japan = pipeline_quiz(CORPUS / "geography_japan_factbook.txt")

    chosen = only(plague, MultipleAnswer)
    assert isinstance(chosen, MultipleAnswer)
    assert chosen.question == (
        "Outbreaks have occurred more recently in parts of _____. Which of the following fill the blank? "
        "Select all that apply."
    )
    assert sorted(chosen.answer_texts) == ["Africa", "Asia", "Latin America"]
    ordering = only(japan, Ordering)
    assert isinstance(ordering, Ordering)
    assert [event.date for event in ordering.events] == ["1941", "2011", "2012", "2021"]
    assert ordering.events[0].text == "Japan attacked US forces at Pearl Harbor, Hawaii"


def test_each_clause_of_a_sentence_with_two_dates_is_an_event_and_one_that_needs_its_context_is_not(
    tmp_path: Path,
) -> None:
    text = tmp_path / "chile.txt"
    text.write_text(
        "A Short History of Chile\n\n"
        "Chile is a long country on the Pacific coast of South America.\n\n"
        "History\n\n"
        "Chile declared its independence in 1818, and the last Spanish forces were defeated in 1826. "
        "The country fought the War of the Pacific against Peru and Bolivia in 1879. "
        "Large protests forced his resignation later in 1891. "
        "A peace treaty with Bolivia was signed later in 1884. "
        "Salvador Allende was elected president in 1970 and began a program of nationalisation.\n",
        encoding="utf-8",
    )
    ordering = only(pipeline_quiz(text), Ordering)
    assert isinstance(ordering, Ordering)

    told = [(event.date, event.text) for event in ordering.events]
    assert ("1818", "Chile declared its independence") in told
    assert ("1826", "The last Spanish forces were defeated") in told
    assert any(event.startswith("Salvador Allende was elected president") for _, event in told)
    assert ("1884", "A peace treaty with Bolivia was signed") in told, "'later' goes with its date"
    assert all(date != "1891" for date, _ in told), "whose resignation, the event does not say"


def test_an_event_told_from_its_clause_keeps_the_sentence_s_spacing(tmp_path: Path) -> None:
    text = tmp_path / "pacific.txt"
    text.write_text(
        "The War of the Pacific\n\nChile fought Peru and Bolivia over the nitrate deserts.\n\nHistory\n\n"
        "Bolivia raised a tax on Chilean nitrate companies in 1878. "
        "Chile's navy defeated the fleet of Peru in 1879, and Bolivia lost its coast "
        "in 1883. Peru signed the Treaty of Ancon in 1883. Bolivia signed a truce with Chile in 1884.\n",
        encoding="utf-8",
    )
    ordering = only(pipeline_quiz(text), Ordering)
    assert isinstance(ordering, Ordering)

    assert "Chile's navy defeated the fleet of Peru" in [event.text for event in ordering.events]
