"""One bad file never costs the others (issue 17).

Each test is a case a hostile or unlucky user met: text that looks like quizgen's or Anki's own
markup, control characters, odd tags and file names, files that are not files, races and limits.
The promise under test is the README's: a bad input gets one line naming it and exit 1, every
other document is still written in every format, and nothing in a document ever acts.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quizgen.export.anki import NOTE_TYPES
from quizgen.model import Cloze, cloze_parts
from quizgen.quizfile import load_quiz
from tests.conftest import REFERENCE_SEED, CliRun, Run

ALL_FORMATS = "json,html,anki,player,qti,moodle,gift"
SEED_TEXT = REFERENCE_SEED.read_text(encoding="utf-8")
OTHER = "zz-other"
"""The well-formed document built beside each hostile one; it sorts last, after the one that fails."""

PER_QUIZ_FILES = (".quiz.json", ".worksheet.html", ".key.html", ".player.html", ".qti.zip", ".moodle.xml", ".gift.txt")


def build(cli: CliRun, folder: Path, out: Path, *options: str) -> Run:
    """Build every document in ``folder`` (plus the reference seed as ``zz-other.txt``) in every format."""
    (folder / f"{OTHER}.txt").write_text(SEED_TEXT, encoding="utf-8")
    return cli("build", folder, "--out", out, "--format", ALL_FORMATS, *options)


def errors(result: Run) -> list[str]:
    """The run's error lines."""
    return [line for line in result.stderr.splitlines() if line.startswith("quizgen: error:")]


def assert_written(out: Path, quiz_id: str) -> None:
    """Every per-quiz file of ``quiz_id`` is there."""
    missing = [suffix for suffix in PER_QUIZ_FILES if not (out / f"{quiz_id}{suffix}").is_file()]
    assert not missing, f"{quiz_id}: not written as {missing}"


def anki_fields(package: Path) -> list[tuple[str, list[str]]]:
    """Each note of an ``.apkg`` as (its note type's name, its fields split the way Anki splits them)."""
    with zipfile.ZipFile(package) as archive:
        data = archive.read("collection.anki2")
    database = package.parent / f"{package.name}.anki2"
    database.write_bytes(data)
    connection = sqlite3.connect(database)
    try:
        models = json.loads(connection.execute("select models from col").fetchone()[0])
        rows = connection.execute("select mid, flds from notes").fetchall()
    finally:
        connection.close()
        database.unlink()
    return [(models[str(mid)]["name"], fields.split("\x1f")) for mid, fields in rows]


# --- 1. a literal cloze marker -------------------------------------------------------------------------------------

MARKER_TEXT = """Anki Templates
Anki was first released in 2006 by Damien Elmes, and a card template writes {{1}} where the first field goes.

- In 2008 Damien Elmes let templates write {{2}} for the second field.
- A backslash \\{{1}} in Windows paths was fixed in 2010 by Damien Elmes.
"""


def test_a_literal_cloze_marker_in_a_document_stays_text(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "templates.txt").write_text(MARKER_TEXT, encoding="utf-8")
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out, "--types", "cloze")

    assert result.exit_code == 0, result.stderr
    assert_written(out, "templates")
    assert_written(out, OTHER)
    quiz = load_quiz(out / "templates.quiz.json")
    assert quiz.items
    for item in quiz.items:
        assert isinstance(item, Cloze)
        answers = {blank.id: blank.answer for blank in item.blanks}
        parts = cloze_parts(item.text)
        assert [part for part in parts if isinstance(part, int)] == [1], item.text
        filled = "".join(answers[part] if isinstance(part, int) else part for part in parts)
        assert filled == item.source.sentence
    key = (out / "templates.key.html").read_text(encoding="utf-8")
    assert "{{1}}" in key and "{{2}}" in key
