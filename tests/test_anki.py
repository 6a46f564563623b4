"""Anki decks as a student gets them: imported into a real collection by Anki's own library."""

from __future__ import annotations

import html
import os
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from quizgen.export import get_exporter
from quizgen.export.anki import (
    CLOZE_MODEL_ID,
    MATCHING_MODEL_ID,
    MULTIPLE_CHOICE_MODEL_ID,
    PACKAGE_NAME,
    TRUE_FALSE_MODEL_ID,
    deck_names,
    note_guid,
)
from quizgen.export.render import answer_text
from quizgen.model import Cloze, Item, Matching, MultipleAnswer, MultipleChoice, Ordering, Quiz, marked_blanks
from quizgen.quizfile import load_quiz
from tests.conftest import PROJECT, REFERENCE_SEED, SEEDS, CliRun
from tests.samples import HOSTILE, group_quiz, pipeline_quiz, sample_quiz, source

BUILT = 1_700_000_000.0
"""Content time of a first build; later builds add to it."""

LOG_KINDS = ("new", "updated", "duplicate", "conflicting", "first_field_match", "missing_notetype", "missing_deck")


def cards_implied(items: Sequence[Item]) -> int:
    """One card per item, except a cloze: one per distinct blank in its text."""
    return sum(len(set(marked_blanks(i.text))) if isinstance(i, Cloze) else 1 for i in items)


# --- the real client --------------------------------------------------------------------------------------------


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A fresh, empty Anki collection in a temporary folder (its media folder lands there too)."""
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def import_deck(col: Collection, path: Path) -> dict[str, int]:
    """Import ``path`` with Anki's default options; how many notes landed in each outcome."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    return {kind: len(getattr(log, kind)) for kind in LOG_KINDS}


def clean(new: int) -> dict[str, int]:
    """The import outcome with ``new`` new notes and nothing else: no duplicates, conflicts or misses."""
    return {kind: new if kind == "new" else 0 for kind in LOG_KINDS}


@dataclass(frozen=True)
class Card:
    """One card as Anki renders it."""

    note_type: str
    ord: int
    front: str
    back: str
    fields: dict[str, str]
    guid: str


def rendered_cards(col: Collection) -> list[Card]:
    """Every card of the collection, rendered by Anki's template engine."""
    cards = []
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        output = card.render_output()
        note = card.note()
        fields = dict(zip(note.keys(), note.fields, strict=True))
        name = card.note_type()["name"]
        cards.append(Card(name, card.ord, output.question_text, output.answer_text, fields, note.guid))
    return cards


def find_card(cards: Sequence[Card], note_type: str, text: str, ord_: int = 0) -> Card:
    """The card of ``note_type`` and ordinal ``ord_`` whose first field contains ``text``."""
    [card] = [c for c in cards if c.note_type == note_type and c.ord == ord_ and text in next(iter(c.fields.values()))]
    return card


def visible(page: str) -> str:
    """The text a student reads on a rendered card: tags dropped, entities decoded, spaces collapsed."""
    spaced = re.sub(r"</?(?:div|p|li|ol|ul|hr|br|table|tr|td)\b[^>]*>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", spaced)).split())


def notes_by_guid(col: Collection) -> dict[str, tuple[int, int, str]]:
    """Each note's GUID -> (note id, modification time, all its fields in one string)."""
    assert col.db is not None
    rows = col.db.all("select guid, id, mod, flds from notes")
    return {guid: (note_id, mod, fields) for guid, note_id, mod, fields in rows}


def write_document(path: Path, text: str, modified: int) -> None:
    """Write a study document as if last saved at ``modified`` (the CLI stamps notes with it)."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, (modified, modified))


def export(quizzes: Sequence[Quiz], out_dir: Path, content_time: float = BUILT, templates: Path | None = None) -> Path:
    """Export one package through the registry, as the command line does, from an input last changed at
    ``content_time``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / "source.txt"
    write_document(source, "The input these quizzes came from.", int(content_time))
    [path] = get_exporter("anki", {"inputs": (source,), "templates": templates}).export(quizzes, out_dir)
    return path


def shown_answer(item: Item, ord_: int) -> str:
    """What the back of card ``ord_`` of ``item``'s note must show as the answer."""
    if isinstance(item, Cloze):
        return next(blank.answer for blank in item.blanks if blank.id == ord_ + 1)
    if isinstance(item, MultipleChoice):
        return f"Answer: {item.answer}"
    if isinstance(item, MultipleAnswer):
        return f"Answer: {', '.join(item.answers)}"
    if isinstance(item, Matching):
        return " ".join(f"{pair.left} {pair.right}" for pair in item.pairs)
    if isinstance(item, Ordering):
        return " ".join(event.text + (f" ({event.date})" if event.date else "") for event in item.events)
    return answer_text(item)


# --- the seeds, through the command line ------------------------------------------------------------------------


@pytest.mark.filterwarnings("error")
def test_seed_deck_imports_with_every_item_and_no_errors(
    tmp_path: Path, cli: CliRun, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(BUILT)))
    result = cli("build", SEEDS, "--format", "anki,json", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    quizzes = [load_quiz(path) for path in sorted((tmp_path / "out").glob("*.quiz.json"))]
    items = [item for quiz in quizzes for item in quiz.items]
    assert len(quizzes) >= 3 and items

    log = import_deck(collection, tmp_path / "out" / PACKAGE_NAME)

    assert log == clean(len(items))
    assert collection.note_count() == len(items)
    assert collection.card_count() == cards_implied(items)
    problems, ok = collection.fix_integrity()
    assert ok, problems
    decks = {deck.name for deck in collection.decks.all_names_and_ids()}
    assert {f"Quizgen::{quiz.title}" for quiz in quizzes} <= decks
    for quiz in quizzes:
        deck = collection.decks.id_for_name(f"Quizgen::{quiz.title}")
        assert len(collection.find_notes(f"did:{deck}")) == len(quiz.items)
    items_by_guid = {note_guid(quiz.id, item): item for quiz in quizzes for item in quiz.items}
    for card in rendered_cards(collection):
        front, back = visible(card.front), visible(card.back)
        answer = shown_answer(items_by_guid[card.guid], card.ord)
        assert answer in back and "Answer:" not in front, (front, back)


def test_same_input_and_seed_give_a_byte_identical_deck(
    tmp_path: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(BUILT)))
    for run in ("first", "second"):
        assert cli("build", SEEDS, "--format", "anki", "--seed", "5", "--out", tmp_path / run).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(BUILT) + 60))
    assert cli("build", SEEDS, "--format", "anki", "--seed", "5", "--out", tmp_path / "edited").exit_code == 0

    first, second, edited = (tmp_path / run / PACKAGE_NAME for run in ("first", "second", "edited"))
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != edited.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_split_writes_one_deck_file_per_document(tmp_path: Path, cli: CliRun, collection: Collection) -> None:
    result = cli("build", SEEDS, "--format", "anki,json", "--split", "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    quizzes = [load_quiz(path) for path in sorted(tmp_path.glob("*.quiz.json"))]

    assert sorted(path.name for path in tmp_path.glob("*.apkg")) == sorted(f"{quiz.id}.apkg" for quiz in quizzes)
    for quiz in quizzes:
        assert import_deck(collection, tmp_path / f"{quiz.id}.apkg") == clean(len(quiz.items))
        deck = collection.decks.id_for_name(f"Quizgen::{quiz.title}")
        assert len(collection.find_notes(f"did:{deck}")) == len(quiz.items)
    assert collection.note_count() == sum(len(quiz.items) for quiz in quizzes)


def test_rebuilding_after_an_edit_elsewhere_updates_notes_in_place(
    tmp_path: Path, cli: CliRun, collection: Collection
) -> None:
    original = REFERENCE_SEED.read_text(encoding="utf-8")
    old_phrase, new_phrase = "was pivotal in opening", "was decisive in opening"
    assert old_phrase in original
    document = tmp_path / REFERENCE_SEED.name
    edited_at = int(BUILT) + 3600

    write_document(document, original, int(BUILT))
    assert cli("build", document, "--format", "anki", "--out", tmp_path / "v1").exit_code == 0
    first = import_deck(collection, tmp_path / "v1" / PACKAGE_NAME)
    before = notes_by_guid(collection)
    write_document(document, original.replace(old_phrase, new_phrase), edited_at)
    assert cli("build", document, "--format", "anki", "--out", tmp_path / "v2").exit_code == 0
    second = import_deck(collection, tmp_path / "v2" / PACKAGE_NAME)
    after = notes_by_guid(collection)

    assert first == clean(len(before)) and before
    assert second["duplicate"] == second["conflicting"] == 0
    kept = {guid for guid, (_, _, fields) in before.items() if old_phrase not in fields}
    assert kept and second["updated"] >= len(kept)
    for guid in kept:
        assert after[guid][0] == before[guid][0], "a note must keep its id, and with it its review history"
        assert after[guid][1] == edited_at, "the note must be stamped with the edit's time"
    assert all(new_phrase in after[guid][2] for guid in after.keys() - before.keys())


def test_rebuilding_after_one_document_changed_leaves_the_other_documents_notes_alone(
    tmp_path: Path, cli: CliRun, collection: Collection
) -> None:
    inputs = tmp_path / "notes"
    inputs.mkdir()
    unchanged, changed = inputs / "water_cycle.txt", inputs / "plate_tectonics.md"
    for seed in (unchanged, changed):
        write_document(seed, (SEEDS / seed.name).read_text(encoding="utf-8"), int(BUILT))
    assert cli("build", inputs, "--format", "anki", "--out", tmp_path / "v1").exit_code == 0
    import_deck(collection, tmp_path / "v1" / PACKAGE_NAME)
    before = notes_by_guid(collection)
    write_document(changed, changed.read_text(encoding="utf-8") + "\n", int(BUILT) + 3600)
    assert cli("build", inputs, "--format", "anki", "--out", tmp_path / "v2").exit_code == 0
    import_deck(collection, tmp_path / "v2" / PACKAGE_NAME)
    after = notes_by_guid(collection)

    assert collection.db is not None
    rows = collection.db.all("select distinct n.guid, c.did from notes n join cards c on c.nid = n.id")
    decks: dict[str, int] = {str(guid): int(deck) for guid, deck in rows}
    water = collection.decks.id_for_name(deck_names_by_file()["water_cycle.txt"])
    assert water and {guid for guid, deck in decks.items() if deck == water}
    for guid, deck in decks.items():
        wanted = int(BUILT) if deck == water else int(BUILT) + 3600
        assert after[guid][1] == wanted, "each document's notes carry its own input's time"
        assert before[guid][1] == int(BUILT)


def deck_names_by_file() -> dict[str, str]:
    quizzes = [pipeline_quiz(SEEDS / name) for name in ("plate_tectonics.md", "water_cycle.txt")]
    names = deck_names(quizzes)
    return {quiz.source.file: names[quiz.id] for quiz in quizzes}


# --- hand-built quizzes: every note type ------------------------------------------------------------------------


def test_every_item_becomes_a_note_with_one_card_per_cloze_deletion(tmp_path: Path, collection: Collection) -> None:
    quizzes = [sample_quiz(), sample_quiz("second", "Second document")]
    path = export(quizzes, tmp_path)

    assert path.name == PACKAGE_NAME
    assert import_deck(collection, path) == clean(8)
    assert collection.card_count() == cards_implied(quizzes[0].items) * 2 == 10
    two_blanks = [card for card in rendered_cards(collection) if "1935" in card.fields.get("Text", "")]
    assert sorted(card.ord for card in two_blanks) == [0, 0, 1, 1]


def test_note_types_keep_their_documented_ids_and_fields(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, export([sample_quiz()], tmp_path))

    note_types = {model["name"]: model for model in collection.models.all()}
    documented = {
        "Quizgen Cloze": (1078704548, ["Text", "Explanation", "Source", "Section"]),
        "Quizgen Multiple Choice": (1619314849, ["Question", "Options", "Answer", "Explanation", "Source", "Section"]),
        "Quizgen True/False": (1719534394, ["Statement", "Answer", "Explanation", "Source", "Section"]),
    }
    for name, (model_id, fields) in documented.items():
        assert note_types[name]["id"] == model_id
        assert [field["name"] for field in note_types[name]["flds"]] == fields
    assert note_types["Quizgen Cloze"]["type"] == 1  # Anki's cloze kind: one card per {{cN::...}}
    assert (CLOZE_MODEL_ID, MULTIPLE_CHOICE_MODEL_ID, TRUE_FALSE_MODEL_ID) == (1078704548, 1619314849, 1719534394)
    docs = (PROJECT / "docs" / "anki.md").read_text(encoding="utf-8")
    assert all(str(model_id) in docs and name in docs for name, (model_id, _) in documented.items())


def test_each_card_shows_its_answer_on_the_back_only(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, export([sample_quiz()], tmp_path))
    cards = rendered_cards(collection)

    choice = find_card(cards, "Quizgen Multiple Choice", "Who led")
    assert "Answer: C" not in visible(choice.front) and "correct-" not in choice.front
    assert "A Getúlio Vargas B Juan Perón C Alfonso López Michelsen D Lázaro Cárdenas" in visible(choice.front)
    assert "Answer: C" in visible(choice.back)
    assert re.search(r'class="correct-C".*class="option option-C"', choice.back, re.DOTALL)
    assert "president in charge" in visible(choice.back) and "president in charge" not in visible(choice.front)

    for ord_, answer, other in ((0, "1935", "Soviet Union"), (1, "Soviet Union", "1935")):
        cloze = find_card(cards, "Quizgen Cloze", "Relations", ord_)
        assert answer not in visible(cloze.front) and "[...]" in visible(cloze.front)
        assert other in visible(cloze.front)
        assert "established in 1935 with the Soviet Union" in visible(cloze.back)

    verdict = find_card(cards, "Quizgen True/False", "accord")
    assert visible(verdict.front) == "The accord was signed in 1950. True or false?"
    assert "False" in visible(verdict.back) and "It was signed in 1935." in visible(verdict.back)
    assert all("<script" not in card.front + card.back and "http" not in card.front + card.back for card in cards)


def test_hostile_text_shows_as_text_on_the_card(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, export([sample_quiz()], tmp_path))
    hostile = sample_quiz().items[3]
    card = find_card(rendered_cards(collection), "Quizgen Cloze", "alert")

    assert HOSTILE in hostile.source.sentence and "<b>" in hostile.source.section
    assert "<script" not in card.front + card.back and "<b>Menu" not in card.back
    assert visible(card.front) == f"{HOSTILE} is served with [...]."
    assert hostile.source.sentence in visible(card.back)
    assert hostile.source.section in visible(card.back)
    assert collection.card_count() == 5, "text that looks like a cloze marker must not add cards"


def test_rebuilding_a_reworded_item_updates_its_note_and_keeps_the_others(
    tmp_path: Path, collection: Collection
) -> None:
    quiz = sample_quiz()
    import_deck(collection, export([quiz], tmp_path / "v1"))
    before = notes_by_guid(collection)
    choice = quiz.items[0]
    assert isinstance(choice, MultipleChoice)
    reworded = replace(choice, question="Which president led the initiative?", explanation="Named in the key points.")
    edited = replace(quiz, items=(reworded, *quiz.items[1:]))

    log = import_deck(collection, export([edited], tmp_path / "v2", content_time=BUILT + 60))
    after = notes_by_guid(collection)

    assert log == {**clean(0), "updated": 4}
    assert {guid: note_id for guid, (note_id, _, _) in after.items()} == {
        guid: note_id for guid, (note_id, _, _) in before.items()
    }
    [card] = [card for card in rendered_cards(collection) if card.note_type == "Quizgen Multiple Choice"]
    assert "Which president led the initiative?" in visible(card.front)
    assert "Named in the key points." in visible(card.back)


def test_guid_follows_document_sentence_and_answer_not_wording() -> None:
    quiz = sample_quiz()
    choice = quiz.items[0]
    assert isinstance(choice, MultipleChoice)
    guid = note_guid(quiz.id, choice)

    shown_only = replace(choice, question="Reworded?", explanation="New.", tags=(), difficulty="hard")
    assert note_guid(quiz.id, replace(shown_only, source=source(choice.source.sentence, "Renamed"))) == guid
    assert note_guid("other-document", choice) != guid
    assert note_guid(quiz.id, replace(choice, source=source("A different sentence."))) != guid
    assert note_guid(quiz.id, replace(choice, answer="A")) != guid


def test_identical_items_stay_separate_notes_that_both_update(tmp_path: Path, collection: Collection) -> None:
    quiz = sample_quiz()
    twice = replace(quiz, items=(quiz.items[2], quiz.items[2]))

    assert import_deck(collection, export([twice], tmp_path / "v1")) == clean(2)
    log = import_deck(collection, export([twice], tmp_path / "v2", content_time=BUILT + 60))

    assert log == {**clean(0), "updated": 2}
    assert [modified for _, modified, _ in notes_by_guid(collection).values()] == [int(BUILT) + 60] * 2


def test_tags_name_document_section_type_and_difficulty(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, export([sample_quiz()], tmp_path))

    [statement] = collection.find_notes('"note:Quizgen True/False"')
    assert collection.get_note(statement).tags == [
        "quizgen::difficulty::hard",
        "quizgen::doc::colombia",
        "quizgen::section::what-happened",
        "quizgen::type::true_false",
    ]
    assert len(collection.find_notes("tag:quizgen::type::cloze")) == 2
    assert len(collection.find_notes("tag:quizgen::section::key-points")) == 1
    assert not any(" " in tag for tag in collection.tags.all())


def test_documents_with_the_same_title_get_separate_decks() -> None:
    names = deck_names([sample_quiz("one", "Chapter 1"), sample_quiz("two", "Chapter 1"), sample_quiz("x", "A::B")])

    assert names == {"one": "Quizgen::Chapter 1 (one)", "two": "Quizgen::Chapter 1 (two)", "x": "Quizgen::A:B"}


def test_a_templates_folder_restyles_the_cards(tmp_path: Path, collection: Collection) -> None:
    folder = tmp_path / "templates" / "anki"
    folder.mkdir(parents=True)
    (folder / "style.css").write_text(".card { color: rebeccapurple; }", encoding="utf-8")

    import_deck(collection, export([sample_quiz()], tmp_path / "out", templates=folder.parent))

    note_types = [model for model in collection.models.all() if model["name"].startswith("Quizgen")]
    assert len(note_types) == 3
    assert all(model["css"] == ".card { color: rebeccapurple; }" for model in note_types)
    bundled = (PROJECT / "templates" / "anki" / "cloze.front.html").read_text(encoding="utf-8")
    assert any(template["qfmt"] == bundled for model in note_types for template in model["tmpls"])


def test_matching_ordering_and_multiple_answer_import_as_their_own_note_types(
    tmp_path: Path, collection: Collection
) -> None:
    quiz = group_quiz()
    log = import_deck(collection, export([quiz], tmp_path))

    assert log == clean(len(quiz.items))
    cards = rendered_cards(collection)
    assert sorted(card.note_type for card in cards) == [
        "Quizgen Matching",
        "Quizgen Multiple Answer",
        "Quizgen Multiple Choice",
        "Quizgen Ordering",
    ]
    matching = find_card(cards, "Quizgen Matching", "Match each term")
    front, back = visible(matching.front), visible(matching.back)
    assert "water vapour" in front and "an invisible gas" in front and "water vapour an invisible gas" not in front
    assert "water vapour an invisible gas runoff water that flows over the surface into streams" in back
    assert "Evaporation turns liquid water into an invisible gas called water vapour." in back
    ordering = find_card(cards, "Quizgen Ordering", "Put these events")
    assert "(14 July 1789)" not in visible(ordering.front)
    assert "Crowds in Paris stormed the Bastille (14 July 1789) Louis XVI" in visible(ordering.back)
    chosen = find_card(cards, "Quizgen Multiple Answer", "Which of the following")
    assert "Answer: A, C, D" in visible(chosen.back) and "Answer:" not in visible(chosen.front)
    assert chosen.back.count('class="option option-') == 5 and chosen.back.count(' right"') == 3
    models = {model["name"]: model["id"] for model in collection.models.all()}
    assert models["Quizgen Matching"] == MATCHING_MODEL_ID
