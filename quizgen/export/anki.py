"""Exporter for Anki decks (``.apkg``) that re-import as updates, never as duplicates.

A build becomes one package holding a sub-deck ``Quizgen::<title>`` per document
(or, with ``split``, one package per document). Every identity Anki matches on is
fixed or derived from content, never from the clock or a random source:

* note types have hard-coded ids (:data:`CLOZE_MODEL_ID` and friends) and fields
  that must never change under those ids;
* a deck's id is derived from its document id (:func:`deck_id`);
* a note's GUID is derived from the document id, item type, source sentence and
  answer (:func:`note_guid`), not from the rendered fields, so rewording an
  explanation or an edit elsewhere in the document updates the note in place.

Each document's notes are stamped with when that document (or a template) last changed
(:func:`~quizgen.export.files.content_time`), so a rebuild updates only the notes of documents
that changed; the sqlite file and the zip around it are written so that the same quizzes and time give the same bytes.
See ``docs/anki.md`` for what a student sees.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import count
from pathlib import Path
from typing import Any

import genanki

from quizgen.errors import QuizgenError
from quizgen.export import ExportOptions
from quizgen.export.each import QuizByQuiz
from quizgen.export.files import content_time, content_times, zip_bytes
from quizgen.export.render import (
    answer_text,
    explanation_beside_source,
    render_cloze,
    shuffled_events,
    shuffled_rights,
)
from quizgen.export.templating import read_template
from quizgen.model import (
    TAG_SECTION,
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
    item_sources,
    parse_tag,
    slug,
)

__all__ = [
    "CLOZE_MODEL_ID",
    "DECK_PREFIX",
    "MULTIPLE_CHOICE_MODEL_ID",
    "NOTE_TYPES",
    "PACKAGE_NAME",
    "TEMPLATE_FOLDER",
    "TRUE_FALSE_MODEL_ID",
    "AnkiExporter",
    "AnkiOptions",
    "NoteType",
    "anki_tags",
    "cloze_field",
    "deck_id",
    "deck_names",
    "load_models",
    "note_fields",
    "note_guid",
    "options_html",
    "package_bytes",
]

CLOZE_MODEL_ID = 1078704548
"""Note type "Quizgen Cloze". Fixed forever: a new id would duplicate the note type."""

MULTIPLE_CHOICE_MODEL_ID = 1619314849
"""Note type "Quizgen Multiple Choice". Fixed forever."""

TRUE_FALSE_MODEL_ID = 1719534394
"""Note type "Quizgen True/False". Fixed forever."""

MATCHING_MODEL_ID = 1820411675
"""Note type "Quizgen Matching". Fixed forever."""

ORDERING_MODEL_ID = 1820411676
"""Note type "Quizgen Ordering". Fixed forever."""

MULTIPLE_ANSWER_MODEL_ID = 1820411677
"""Note type "Quizgen Multiple Answer". Fixed forever."""

DECK_PREFIX = "Quizgen"
"""Parent deck of every document's deck."""

PACKAGE_NAME = "quizgen.apkg"
"""File name of the one package per build (without ``split``)."""

TEMPLATE_FOLDER = "anki"
"""Sub-folder of the templates folder holding the card templates and ``style.css``."""

_DECK_ID_RANGE = (1 << 30, 1 << 31)
"""Derived deck ids fall here, far below Anki's own (millisecond timestamps)."""


@dataclass(frozen=True)
class AnkiOptions(ExportOptions):
    """Options of the Anki exporter."""

    split: bool = False
    """One package per document (``<id>.apkg``) instead of one per build (``--split``)."""


@dataclass(frozen=True)
class NoteType:
    """One quizgen note type: its fixed id, name, fields, and template file stem."""

    model_id: int
    name: str
    card_name: str
    fields: tuple[str, ...]
    stem: str
    model_type: int = genanki.Model.FRONT_BACK


# Field names and order are part of each note type's identity in Anki: changing
# them makes re-imported notes "conflicting" instead of updated. Add a new note
# type with a new id rather than edit one of these.
NOTE_TYPES: dict[str, NoteType] = {
    Cloze.type: NoteType(
        CLOZE_MODEL_ID,
        "Quizgen Cloze",
        "Cloze",
        ("Text", "Explanation", "Source", "Section"),
        "cloze",
        genanki.Model.CLOZE,
    ),
    MultipleChoice.type: NoteType(
        MULTIPLE_CHOICE_MODEL_ID,
        "Quizgen Multiple Choice",
        "Multiple choice",
        ("Question", "Options", "Answer", "Explanation", "Source", "Section"),
        "multiple_choice",
    ),
    TrueFalse.type: NoteType(
        TRUE_FALSE_MODEL_ID,
        "Quizgen True/False",
        "True or false",
        ("Statement", "Answer", "Explanation", "Source", "Section"),
        "true_false",
    ),
    Matching.type: NoteType(
        MATCHING_MODEL_ID,
        "Quizgen Matching",
        "Matching",
        ("Prompt", "Terms", "Matches", "Pairs", "Explanation", "Source", "Section"),
        "matching",
    ),
    Ordering.type: NoteType(
        ORDERING_MODEL_ID,
        "Quizgen Ordering",
        "Ordering",
        ("Prompt", "Events", "Order", "Explanation", "Source", "Section"),
        "ordering",
    ),
    MultipleAnswer.type: NoteType(
        MULTIPLE_ANSWER_MODEL_ID,
        "Quizgen Multiple Answer",
        "Select all that apply",
        ("Question", "Options", "Marked", "Answer", "Explanation", "Source", "Section"),
        "multiple_answer",
    ),
}
"""The note type of each item type."""


class AnkiExporter:
    """Writes Anki packages: one per build, or one per document with ``split``."""

    name = "anki"
    description = "Anki deck (.apkg), a Quizgen::<title> sub-deck per document; re-import updates notes"
    options_type = AnkiOptions

    def __init__(self, options: AnkiOptions | None = None) -> None:
        self.options = options or AnkiOptions()

    def export(self, quizzes: Sequence[Quiz], out_dir: Path) -> list[Path]:
        """Write ``quizgen.apkg`` (or ``<quiz id>.apkg`` per quiz with ``split``) into ``out_dir``."""
        models = load_models(self.options.templates)
        stamp = content_time(self.options)
        times_by_file = content_times(self.options, {quiz.source.file for quiz in quizzes})
        note_times = {quiz.id: times_by_file[quiz.source.file] for quiz in quizzes}
        outcome = QuizByQuiz()
        split = self.options.split
        names = {q.id: deck_names([q])[q.id] for q in quizzes} if split else deck_names(quizzes)
        guids: Counter[str] = Counter()
        decks = outcome.each(quizzes, lambda quiz: _deck(quiz, names[quiz.id], models, guids))
        if split:
            batches = [(f"{quiz.id}.apkg", [(quiz, deck)]) for quiz, deck in decks]
        else:
            batches = [(PACKAGE_NAME, decks)] if decks else []
        for name, batch in batches:
            held = [quiz for quiz, _ in batch]
            times = {deck_id(quiz.id): int(note_times[quiz.id]) for quiz in held}
            write = partial(_package, [deck for _, deck in batch], stamp, times)
            outcome.write(held, out_dir / name, outcome.attempt(held, write))
        return outcome.result()


def load_models(templates: Path | None = None) -> dict[str, Any]:
    """A genanki model per item type, its card templates found along the one template search
    (:mod:`quizgen.export.templating`)."""
    css = _template(templates, "style.css")
    return {
        item_type: genanki.Model(
            model_id=note_type.model_id,
            name=note_type.name,
            fields=[{"name": field} for field in note_type.fields],
            templates=[
                {
                    "name": note_type.card_name,
                    "qfmt": _template(templates, f"{note_type.stem}.front.html"),
                    "afmt": _template(templates, f"{note_type.stem}.back.html"),
                }
            ],
            css=css,
            model_type=note_type.model_type,
        )
        for item_type, note_type in NOTE_TYPES.items()
    }


def _template(templates: Path | None, name: str) -> str:
    return read_template(TEMPLATE_FOLDER, name, templates)


def package_bytes(
    quizzes: Sequence[Quiz], models: dict[str, Any], content_time: float, note_times: Mapping[str, float] | None = None
) -> bytes:
    """The ``.apkg`` bytes of a package with one deck per quiz, stamped ``content_time``.

    ``note_times`` (by quiz id) stamps each quiz's notes and cards with when its own document last
    changed, so rebuilding after one document changed updates only that document's notes in Anki
    ("update if newer"); a quiz missing from it gets ``content_time``.
    """
    names = deck_names(quizzes)
    guids: Counter[str] = Counter()
    times = {deck_id(quiz.id): int((note_times or {}).get(quiz.id, content_time)) for quiz in quizzes}
    return _package([_deck(quiz, names[quiz.id], models, guids) for quiz in quizzes], content_time, times)


def _package(decks: Sequence[Any], content_time: float, deck_times: Mapping[int, int]) -> bytes:
    """The ``.apkg`` bytes of a package of ``decks``, stamped ``content_time`` (each deck's notes ``deck_times``)."""
    package = genanki.Package(decks)
    # genanki numbers notes and cards from the timestamp: a fixed start keeps ids reproducible.
    first_id = max(1, int(content_time * 1000))
    collection = _sqlite_bytes(package, content_time, count(first_id), deck_times)
    return zip_bytes([("collection.anki2", collection), ("media", b"{}")])


def deck_names(quizzes: Sequence[Quiz]) -> dict[str, str]:
    """``Quizgen::<title>`` per quiz id; titles shared within a package get `` (<id>)`` added."""
    titles = Counter(_deck_title(quiz.title) for quiz in quizzes)
    names = {}
    for quiz in quizzes:
        title = _deck_title(quiz.title)
        names[quiz.id] = f"{DECK_PREFIX}::{title}" + (f" ({quiz.id})" if titles[title] > 1 else "")
    return names


def _deck_title(title: str) -> str:
    # "::" (or ":::") would nest the deck one level deeper.
    return " ".join(re.sub(":{2,}", ":", title).split()) or "Untitled"


def deck_id(quiz_id: str) -> int:
    """The deck id of a document: derived from its id, so every build targets the same deck."""
    low, high = _DECK_ID_RANGE
    return low + _hash_int(f"quizgen-deck\x1f{quiz_id}") % (high - low)


def _hash_int(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


def _deck(quiz: Quiz, name: str, models: dict[str, Any], guids: Counter[str]) -> Any:
    deck = genanki.Deck(deck_id(quiz.id), name, description=_deck_description(quiz))
    for position, item in enumerate(quiz.items):
        key = note_guid(quiz.id, item)
        guids[key] += 1
        # Two items with the same key would be one note to Anki; the second gets its own GUID.
        guid = key if guids[key] == 1 else note_guid(quiz.id, item, occurrence=guids[key])
        deck.add_note(
            genanki.Note(
                model=models[item.type],
                fields=note_fields(item),
                tags=anki_tags(quiz.id, item),
                guid=guid,
                due=position,
            )
        )
    return deck


def _deck_description(quiz: Quiz) -> str:
    count_text = f"{len(quiz.items)} question{'s' if len(quiz.items) != 1 else ''}"
    return _escape(f"Built by quizgen from {quiz.source.file} ({count_text}).")


def note_guid(quiz_id: str, item: Item, occurrence: int = 1) -> str:
    """The GUID Anki matches a note by on re-import.

    It hashes the document id, the item type, the source sentence (whitespace
    collapsed) and the answer text; ``occurrence`` (2, 3...) separates items that
    share all four. Fields that are only shown (question wording, options,
    explanation, section, tags) are left out, so changing them updates the note.
    """
    sentence = " ".join(item.source.sentence.split())
    parts = ["quizgen", quiz_id, item.type, sentence, answer_text(item)]
    if occurrence > 1:
        parts.append(str(occurrence))
    guid: str = genanki.guid_for(*parts)
    return guid


def anki_tags(quiz_id: str, item: Item) -> list[str]:
    """The note's tags: ``quizgen::<key>::<value>`` for the document, section, type, difficulty.

    The item's own ``key:value`` tags are carried over the same way (a tag with
    no colon becomes ``quizgen::<tag>``). Words are lowercased and every run of
    characters other than letters, digits, ``-`` and ``_`` becomes ``-``, so tags
    never hold spaces and a section name reads as the builder's ``section:`` tag.
    """
    pairs: list[tuple[str, ...]] = [(key, value) if key else (value,) for key, value in map(parse_tag, item.tags)]
    pairs += [("doc", quiz_id), ("type", item.type)]
    if not any(pair[0] == TAG_SECTION for pair in pairs):
        pairs.append((TAG_SECTION, item.source.section))
    if item.difficulty is not None:
        pairs.append(("difficulty", item.difficulty))
    return sorted({"::".join(["quizgen", *map(slug, pair)]) for pair in pairs})


def note_fields(item: Item) -> list[str]:
    """The note's field values (HTML, document text escaped) in its note type's field order.

    The back shows the source sentence, so the explanation follows the rule for formats that do
    (:func:`~quizgen.export.render.explanation_beside_source`).
    """
    explanation = _escape(explanation_beside_source(item))
    sources = item_sources(item)
    sentences = "<br>".join(_escape(source.sentence) for source in sources)
    source = [sentences, _escape(", ".join(dict.fromkeys(source.section for source in sources)))]
    match item:
        case Cloze():
            return [cloze_field(item), explanation, *source]
        case MultipleChoice():
            return [_escape(item.question), options_html(item), _escape(item.answer), explanation, *source]
        case TrueFalse():
            return [_escape(item.statement), answer_text(item), explanation, *source]
        case Matching():
            terms = _list("terms", [pair.left for pair in item.pairs])
            matches = _list("matches", shuffled_rights(item))
            return [_escape(item.prompt), terms, matches, _pairs_html(item), explanation, *source]
        case Ordering():
            events = _list("events", [event.text for event in shuffled_events(item)])
            return [_escape(item.prompt), events, _order_html(item), explanation, *source]
        case MultipleAnswer():
            options = [_escape(item.question), options_html(item), options_html(item, item.answers)]
            return [*options, _escape(", ".join(item.answers)), explanation, *source]
        case _:
            assert_never(item)


def _list(css_class: str, texts: Sequence[str]) -> str:
    rows = "".join(f"<li>{_escape(text)}</li>" for text in texts)
    return f'<ol class="{css_class}">{rows}</ol>'


def _pairs_html(item: Matching) -> str:
    """The pairs as a table: each term beside its match."""
    rows = "".join(
        f'<tr><td class="left">{_escape(pair.left)}</td><td class="right">{_escape(pair.right)}</td></tr>'
        for pair in item.pairs
    )
    return f'<table class="pairs">{rows}</table>'


def _order_html(item: Ordering) -> str:
    """The events in order, each with its date where the text gives one."""
    dates = [f' <span class="date">({_escape(event.date)})</span>' if event.date else "" for event in item.events]
    rows = "".join(f"<li>{_escape(event.text)}{date}</li>" for event, date in zip(item.events, dates, strict=True))
    return f'<ol class="order">{rows}</ol>'


def cloze_field(item: Cloze) -> str:
    """The cloze text with each ``{{N}}`` blank as Anki's ``{{cN::answer}}``."""
    return render_cloze(item, _cloze_deletion, _cloze_literal)


def _cloze_deletion(blank: Blank) -> str:
    # ":" could end the answer early ("::" starts a hint), so it is written as an entity too.
    return f"{{{{c{blank.id}::{_cloze_literal(blank.answer).replace(':', '&#58;')}}}}}"


def _cloze_literal(text: str) -> str:
    # Braces in the document must not read as cloze markers to Anki or genanki.
    return _escape(text).replace("{", "&#123;").replace("}", "&#125;")


def options_html(item: MultipleChoice | MultipleAnswer, right: Sequence[str] = ()) -> str:
    """The lettered options as a list whose items the back's CSS can highlight by letter (and those
    whose ids are in ``right`` by the class ``right``)."""
    rows = "".join(
        f'<li class="option option-{option.id}{" right" if option.id in right else ""}">'
        f'<span class="letter">{option.id}</span> '
        f'<span class="text">{_escape(option.text)}</span></li>'
        for option in item.options
    )
    return f'<ol class="options">{rows}</ol>'


# Anki reads markup of its own in field text: [sound:x.mp3] plays, [latex]...[/latex], [$]...[/$] and
# [$$]...[/$$] are compiled by the desktop's LaTeX toolchain, and MathJax renders \(...\) and \[...\].
# Square brackets as entities are never its markup; a word joiner after a backslash breaks MathJax's
# delimiters (which it finds in the text as shown, entities decoded) without changing what a student sees.
_SQUARE_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})
_MATHJAX_DELIMITER = re.compile(r"\\(?=[()\[\]])")


def _escape(text: str) -> str:
    """Document text as field HTML that shows it literally: HTML escaped, and no Anki markup left to act."""
    escaped = _MATHJAX_DELIMITER.sub("\\\\\u2060", html.escape(text, quote=True))
    return escaped.translate(_SQUARE_BRACKETS)


def _sqlite_bytes(package: Any, timestamp: float, ids: Iterator[int], deck_times: Mapping[int, int]) -> bytes:
    """The package's collection database as bytes, written by genanki in memory (so no scratch file is
    ever left behind, and a full TMPDIR costs nothing; through a scratch file before Python 3.11), each
    deck's notes and cards then stamped with its time in ``deck_times`` (genanki stamps all ``timestamp``)."""
    if sys.version_info >= (3, 11):
        connection = sqlite3.connect(":memory:")
        try:
            _write_collection(package, connection, timestamp, ids, deck_times)
            data: bytes = connection.serialize()
            return data
        finally:
            connection.close()
    try:
        with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
            path = Path(folder) / "collection.anki2"
            connection = sqlite3.connect(path)
            try:
                _write_collection(package, connection, timestamp, ids, deck_times)
            finally:
                connection.close()
            return path.read_bytes()
    except OSError as error:
        raise QuizgenError(f"cannot make the Anki deck in the scratch folder (TMPDIR): {error.strerror}") from None


def _write_collection(
    package: Any, connection: sqlite3.Connection, timestamp: float, ids: Iterator[int], deck_times: Mapping[int, int]
) -> None:
    cursor = connection.cursor()
    genanki.Package([]).write_to_db(cursor, timestamp, ids)  # the tables and the collection row
    (decks_text,) = cursor.execute("SELECT decks FROM col").fetchone()
    table = _DeckTable(json.loads(decks_text))
    for deck in package.decks:
        _write_deck(deck, cursor, timestamp, ids, table)
    for deck, stamp in deck_times.items():
        connection.execute("UPDATE cards SET mod = ? WHERE did = ?", (stamp, deck))
        connection.execute("UPDATE notes SET mod = ? WHERE id IN (SELECT nid FROM cards WHERE did = ?)", (stamp, deck))
    connection.commit()


class _DeckTable:
    """The collection's deck table as JSON text, kept encoded deck by deck: adding a deck encodes that deck
    only, where genanki decodes and re-encodes the whole table for each deck (quadratic in a build's
    documents). The text is the same, character for character, as ``json.dumps`` of the table."""

    def __init__(self, decks: dict[str, Any]) -> None:
        self._encoded = {key: _json_entry(key, value) for key, value in decks.items()}

    def add(self, key: str, value: dict[str, Any]) -> str:
        """Add (or replace) deck ``key``; the table's text."""
        self._encoded[key] = _json_entry(key, value)
        return "{" + ", ".join(self._encoded.values()) + "}"


def _json_entry(key: str, value: Any) -> str:
    return f"{json.dumps(key)}: {json.dumps(value)}"


def _write_deck(deck: Any, cursor: sqlite3.Cursor, timestamp: float, ids: Iterator[int], table: _DeckTable) -> None:
    """genanki's ``Deck.write_to_db``, statement for statement (so the database's bytes are the same), with the
    deck table from ``table``."""
    cursor.execute("UPDATE col SET decks = ?", (table.add(str(deck.deck_id), deck.to_json()),))
    (models_text,) = cursor.execute("SELECT models from col").fetchone()
    models = json.loads(models_text)
    for note in deck.notes:
        deck.add_model(note.model)
    models.update({model.model_id: model.to_json(timestamp, deck.deck_id) for model in deck.models.values()})
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))
    for note in deck.notes:
        note.write_to_db(cursor, timestamp, deck.deck_id, ids)
