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


# --- 2. control characters -----------------------------------------------------------------------------------------

CONTROLS = "\x1f\x01\x0b\x00\x7f\x9b"
"""Anki's field separator, other C0 controls, NUL, DEL and a C1 control (an 8-bit escape sequence)."""


def control_text(controls: str) -> str:
    """The reference seed with ``controls`` in its title, lead and every key point."""
    title, lead, *rest = SEED_TEXT.split("\n")
    title = f"Colombia{controls.replace(chr(11), '')} Relations"  # a vertical tab would end the line
    return "\n".join([title, f"{lead[:40]}{controls}{lead[40:]}", *rest]).replace("\n- ", f"\n- {controls}")


def assert_no_controls(out: Path, quiz_id: str) -> None:
    """The text outputs of ``quiz_id`` hold no control character but line breaks and tabs."""
    for suffix in (".quiz.json", ".gift.txt", ".moodle.xml", ".worksheet.html", ".key.html", ".player.html"):
        text = (out / f"{quiz_id}{suffix}").read_text(encoding="utf-8")
        found = sorted({hex(ord(c)) for c in text if (ord(c) < 32 and c not in "\n\t") or 127 <= ord(c) < 160})
        assert not found, f"{quiz_id}{suffix}: {found}"


def test_control_characters_are_dropped_when_reading(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "controls.txt").write_text(control_text(CONTROLS.replace("\x00", "")), encoding="utf-8")
    (tmp_path / "in" / "nul.txt").write_text(control_text(CONTROLS), encoding="utf-16")
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out)

    assert result.exit_code == 0, result.stderr
    for quiz_id in ("controls", "nul", OTHER):
        assert_written(out, quiz_id)
    for quiz_id in ("controls", "nul"):
        assert_no_controls(out, quiz_id)
        assert load_quiz(out / f"{quiz_id}.quiz.json").title == "Colombia Relations"
    notes = anki_fields(out / "quizgen.apkg")
    assert len(notes) > 10
    for note_type, fields in notes:
        assert len(fields) == len(next(t.fields for t in NOTE_TYPES.values() if t.name == note_type))


def test_control_characters_in_an_edited_quiz_file_are_dropped(tmp_path: Path, cli: CliRun) -> None:
    cli("build", REFERENCE_SEED, "--out", tmp_path / "built")
    path = tmp_path / "built" / "colombia-soviet-relations.quiz.json"
    quiz = json.loads(path.read_text(encoding="utf-8"))
    quiz["title"] += CONTROLS
    for item in quiz["items"]:
        item["explanation"] = f"{CONTROLS}{item['explanation']}"
    path.write_text(json.dumps(quiz), encoding="utf-8")
    out = tmp_path / "out"

    result = cli("export", path, "--out", out, "--format", ALL_FORMATS)

    assert result.exit_code == 0, result.stderr
    assert_no_controls(out, "colombia-soviet-relations")
    for note_type, fields in anki_fields(out / "quizgen.apkg"):
        assert len(fields) == len(next(t.fields for t in NOTE_TYPES.values() if t.name == note_type))


# --- 3. front-matter tags ------------------------------------------------------------------------------------------


def test_front_matter_tags_with_spaces_and_repeats_are_normalised(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    body = SEED_TEXT.split("\n", 1)[1]
    document = f"---\ntags: [earth science, tectonics, ' tectonics ', Earth  Science]\n---\n# Plates\n\n{body}"
    (tmp_path / "in" / "plates.md").write_text(document, encoding="utf-8")
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out)

    assert result.exit_code == 0, result.stderr
    assert_written(out, "plates")
    assert_written(out, OTHER)
    assert load_quiz(out / "plates.quiz.json").metadata.tags == ("earth-science", "tectonics")
    assert "Wrote 2 quizzes" in result.stderr


# --- 4. long file names --------------------------------------------------------------------------------------------


def test_a_very_long_file_name_gets_a_bounded_id_and_file_names(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    long_name = "notes on " + "the colombian soviet relations " * 7 + "in detail"
    assert len(long_name.encode()) > 230
    (tmp_path / "in" / f"{long_name}.txt").write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out)

    assert result.exit_code == 0, result.stderr
    [quiz_file] = [path for path in out.glob("notes-on-*.quiz.json")]
    quiz_id = quiz_file.name.removesuffix(".quiz.json")
    assert len(quiz_id) <= 100
    assert quiz_id.startswith("notes-on-the-colombian-soviet-relations")
    assert_written(out, quiz_id)
    assert_written(out, OTHER)
    assert max(len(path.name.encode()) for path in out.iterdir()) <= 255


# --- 5. every exporter handles every quiz on its own ---------------------------------------------------------------


def test_a_quiz_one_exporter_cannot_write_costs_no_other_quiz(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blocked.txt").write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for suffix in (".quiz.json", ".player.html", ".gift.txt"):
        (out / f"blocked{suffix}").mkdir()  # the output name is taken by a folder: that write fails

    result = build(cli, tmp_path / "in", out)

    assert result.exit_code == 1
    assert_written(out, OTHER)
    lines = errors(result)
    assert len(lines) == 3, result.stderr
    assert all("blocked.txt" in line for line in lines), lines
    assert (out / "blocked.worksheet.html").is_file() and (out / "blocked.qti.zip").is_file()
    assert "Wrote 1 quiz " in result.stderr and "1 quiz failed" in result.stderr
