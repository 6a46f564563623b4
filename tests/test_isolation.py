"""One bad file never costs the others (issue 17).

Each test is a case a hostile or unlucky user met: text that looks like quizgen's or Anki's own
markup, control characters, odd tags and file names, files that are not files, races and limits.
The promise under test is the README's: a bad input gets one line naming it and exit 1, every
other document is still written in every format, and nothing in a document ever acts.
"""

from __future__ import annotations

import html
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pytest

from quizgen.errors import QuizgenError
from quizgen.export import get_exporter
from quizgen.export.anki import NOTE_TYPES, deck_names
from quizgen.export.files import write_atomic
from quizgen.export.player import render_player
from quizgen.model import Cloze, MultipleChoice, cloze_parts
from quizgen.quizfile import dumps, load_quiz
from quizgen.read.layout import split_lines
from tests.conftest import REFERENCE_SEED, CliRun, Run
from tests.samples import sample_quiz, shortens

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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
    kept_literal = False
    for item in quiz.items:
        assert isinstance(item, Cloze)
        answers = {blank.id: blank.answer for blank in item.blanks}
        parts = cloze_parts(item.text)
        assert [part for part in parts if isinstance(part, int)] == [1], item.text
        filled = "".join(answers[part] if isinstance(part, int) else part for part in parts)
        assert shortens(filled, item.source.sentence), (filled, item.source.sentence)
        kept_literal = kept_literal or "{{" in filled
    assert kept_literal, "some item keeps a literal marker of its sentence as text"
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


# --- 6. atomic writes never follow a link swapped in --------------------------------------------------------------


def test_a_temporary_file_swapped_for_a_link_is_never_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "private.txt"
    victim.write_text("the victim's secret", encoding="utf-8")
    victim.chmod(0o600)
    out = tmp_path / "share"
    out.mkdir()
    real_fdopen = os.fdopen

    class Swapping:
        """The open temporary file; once it is written, another user swaps its name for a link."""

        def __init__(self, handle: BinaryIO) -> None:
            self.handle = handle

        def __enter__(self) -> Swapping:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            written = self.handle.write(data)
            [temporary] = out.glob(".*.part")
            temporary.unlink()
            temporary.symlink_to(victim)
            return written

        def flush(self) -> None:
            self.handle.flush()

        def fileno(self) -> int:
            return self.handle.fileno()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Swapping(real_fdopen(fd, "wb")))

    with pytest.raises(QuizgenError, match=r"a\.quiz\.json"):
        write_atomic(out / "a.quiz.json", "{}")

    assert stat.S_IMODE(victim.stat().st_mode) == 0o600
    assert not (out / "a.quiz.json").is_symlink()
    assert victim.read_text(encoding="utf-8") == "the victim's secret"
    assert not list(out.glob(".*.part"))


# --- 7. Anki markup in a document never acts --------------------------------------------------------------------

ANKI_MARKUP = r"[sound:alarm.mp3] [latex]\input{/etc/passwd}[/latex] [$]x^2[/$] [$$]y[/$$] \(a+b\) \[c\]"


def test_anki_markup_in_a_document_shows_as_text(tmp_path: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    quiz = sample_quiz()
    quiz = replace(quiz, items=tuple(replace(item, explanation=ANKI_MARKUP) for item in quiz.items))
    first = quiz.items[0]
    assert isinstance(first, MultipleChoice)
    quiz = replace(quiz, items=(replace(first, question=f"Who led it? {ANKI_MARKUP}"), *quiz.items[1:]))
    [package] = get_exporter("anki").export([quiz], tmp_path)
    folder = tmp_path / "profile"
    folder.mkdir()
    collection = Collection(str(folder / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
        collection.import_anki_package(request)
        for card_id in collection.find_cards(""):
            output = collection.get_card(card_id).render_output()
            shown = output.question_text + output.answer_text
            assert not output.question_av_tags and not output.answer_av_tags, "a [sound:] tag would play"
            assert "latex-" not in shown, "LaTeX would be compiled"
            assert "\\(" not in html.unescape(shown) and "\\[" not in html.unescape(shown), "MathJax would render"
            assert "[sound:" not in shown, "the text shows as text, its brackets as entities"
    finally:
        collection.close()


# --- 8. links in a folder that lead out of it ----------------------------------------------------------------------


def test_a_link_leading_out_of_the_input_folder_is_not_followed(tmp_path: Path, cli: CliRun) -> None:
    private = tmp_path / "private"
    private.mkdir()
    (private / "diary.txt").write_text("My Diary\nMy secret PIN is 4711, written down in 2024 in Berlin.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "diary.txt").symlink_to(private / "diary.txt")
    (tmp_path / "in" / "private").symlink_to(private, target_is_directory=True)
    (tmp_path / "in" / "inside.txt").symlink_to(tmp_path / "in" / f"{OTHER}.txt")
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out)

    assert result.exit_code == 0, result.stderr
    assert {path.name for path in out.glob("*.quiz.json")} == {f"{OTHER}.quiz.json", "inside.quiz.json"}
    assert "4711" not in "".join(path.read_text(errors="replace") for path in out.iterdir() if path.is_file())
    named = cli("build", tmp_path / "in" / "diary.txt", "--out", tmp_path / "named", "--format", "json")
    assert named.exit_code == 0, "a link named on the command line is the user's own choice"


# --- 9. nothing from a document or file name acts on the terminal ---------------------------------------------------


def test_inspect_and_messages_escape_control_characters(tmp_path: Path, cli: CliRun) -> None:
    document = tmp_path / "title.md"
    document.write_text('---\ntitle: "Rivers \\e]0;owned\\a \\e]52;c;ZWNobyBvd25lZA==\\a"\n---\nThe Nile is long.\n')
    forged = tmp_path / "bad\nquizgen: error: forged.txt"
    forged.write_bytes(b"")

    shown = cli("inspect", document)
    failed = cli("build", forged, "--out", tmp_path / "out")

    assert shown.exit_code == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "Rivers" in shown.stdout
    assert failed.exit_code == 1
    assert len(failed.stderr.strip().splitlines()) == 2, failed.stderr  # the error and the summary
    assert "\\n" in failed.stderr.splitlines()[0]


# --- 10. files that are not regular files --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "inspect", "export"])
def test_a_fifo_or_device_is_refused_at_once(tmp_path: Path, cli: CliRun, command: str) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    extra = ["--out", str(tmp_path / "out")] if command != "inspect" else []

    for path in (fifo, Path("/dev/zero")):
        result = run_with_timeout(cli, command, str(path), *extra)
        assert result.exit_code == 1, result.stderr
        assert str(path) in result.stderr and "not a regular file" in result.stderr


def run_with_timeout(cli: CliRun, *args: str, seconds: int = 5) -> Run:
    """Run the command in-process, failing the test (rather than hanging it) after ``seconds``."""

    def hang(*_: object) -> None:
        raise AssertionError(f"quizgen {' '.join(args)} still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        return cli(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- 11 and 12. front matter and quiz files that are bombs; environment errors -----------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
)


def bad_quiz_files(folder: Path) -> dict[str, str]:
    """Quiz files an editor or an attacker could write, each with the problem it must be refused for."""
    quiz = json.loads((folder / "good.quiz.json").read_text(encoding="utf-8"))
    cloze = next(index for index, item in enumerate(quiz["items"]) if item["type"] == "cloze")
    cases: dict[str, str] = {
        "surrogate": json.dumps(quiz).replace('"title": "', '"title": "\\ud800', 1),
        "deep": "[" * 100_000 + "]" * 100_000,
        "digits": '{"format_version": "1.0", "id": ' + "9" * 5000 + "}",
    }
    for name, blank_id in (("huge-blank", 2**63), ("over-anki", 70_000)):
        changed = json.loads(json.dumps(quiz))
        changed["items"][cloze]["text"] = f"{{{{{blank_id}}}}} was first."
        changed["items"][cloze]["blanks"] = [{"id": blank_id, "answer": "x"}]
        cases[name] = json.dumps(changed)
    repeated = json.loads(json.dumps(quiz))
    repeated["items"][cloze]["text"] = "{{1}} and {{1}}."
    repeated["items"][cloze]["blanks"] = [{"id": 1, "answer": "x"}, {"id": 1, "answer": "y"}]
    cases["repeated-blank"] = json.dumps(repeated)
    many = json.loads(json.dumps(quiz))
    many["items"] = [dict(many["items"][0], id=f"q-{index}") for index in range(301)]
    cases["301-items"] = json.dumps(many)
    cases["8-MB"] = json.dumps(dict(quiz, title="x" * (8 * 1024 * 1024)))
    return cases


def test_bad_quiz_files_are_refused_by_name_and_the_good_one_exported(tmp_path: Path, cli: CliRun) -> None:
    cli("build", REFERENCE_SEED, "--out", tmp_path, "--format", "json")
    (tmp_path / "colombia-soviet-relations.quiz.json").rename(tmp_path / "good.quiz.json")
    cases = bad_quiz_files(tmp_path)
    for name, text in cases.items():
        (tmp_path / f"{name}.quiz.json").write_text(text, encoding="utf-8", errors="surrogatepass")
    copy = tmp_path / "copy.quiz.json"
    copy.write_bytes((tmp_path / "good.quiz.json").read_bytes())
    out = tmp_path / "out"

    result = cli("export", tmp_path / "good.quiz.json", copy, *sorted(tmp_path.glob("[!gc]*.quiz.json")), "-o", out)

    assert result.exit_code == 1, result.stderr
    lines = errors(result)
    assert len(lines) == len(cases) + 1, result.stderr
    for name in [*cases, "copy"]:
        assert any(f"{name}.quiz.json" in line for line in lines), name
    assert "same quiz id as" in next(line for line in lines if "copy.quiz.json" in line)
    assert [path.name for path in out.iterdir()] == ["colombia-soviet-relations.quiz.json"]


def test_front_matter_bombs_are_refused_by_name(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    bombs = {
        "alias": ALIAS_BOMB + "subject: *i\n",
        "nested": "subject: " + "[" * 5000 + "]" * 5000 + "\n",
        "digits": "subject: " + "9" * 5000 + "\n",
        "surrogate": 'subject: "\\ud800"\n',
    }
    for name, front_matter in bombs.items():
        (tmp_path / "in" / f"{name}.md").write_text(f"---\n{front_matter}---\n# Bomb\n\nThe Nile is long.\n")
    out = tmp_path / "out"

    started = time.monotonic()
    result = build(cli, tmp_path / "in", out, "--format", "json")

    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.stderr
    lines = errors(result)
    assert len(lines) == len(bombs), result.stderr
    assert all(any(f"{name}.md" in line for line in lines) for name in bombs)
    assert (out / f"{OTHER}.quiz.json").is_file()


def test_a_huge_source_date_epoch_is_an_environment_error(
    tmp_path: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 40)

    result = cli("build", REFERENCE_SEED, "--out", tmp_path, "--format", "json,anki")

    assert result.exit_code == 1, result.stderr
    assert "SOURCE_DATE_EPOCH" in errors(result)[0]
    assert (tmp_path / "colombia-soviet-relations.quiz.json").is_file()


# --- 14. signals ---------------------------------------------------------------------------------------------------


def test_sigterm_stops_a_run_like_ctrl_c_and_stale_temporaries_are_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".zz-other.quiz.json.999999999-abcdefgh.part"  # left by a run killed with SIGKILL
    stale.write_text("half a quiz")
    foreign = out / ".notes.part"  # not quizgen's pattern: never touched
    foreign.write_text("someone else's")
    script = (
        "import signal, sys, time\n"
        "import quizgen.generate as generate\n"
        "def slow(self, *args, **kwargs):\n"
        "    print('building', flush=True)\n"
        "    time.sleep(30)\n"
        "generate.QuizBuilder.add = slow\n"
        "from quizgen.cli import main\n"
        "sys.exit(main())\n"
    )
    command = [sys.executable, "-c", script, "build", str(REFERENCE_SEED), "--out", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "building"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=20)

    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr

    result = subprocess.run([*command[:1], "-m", "quizgen", *command[3:]], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and foreign.exists()
    assert not [path for path in out.iterdir() if path.suffix == ".part" and path != foreign]


# --- 15. smaller ---------------------------------------------------------------------------------------------------


def test_building_a_folder_twice_never_reads_its_own_output(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "notes.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()

    first = cli("build", tmp_path, "--out", tmp_path / "output", "--format", ALL_FORMATS)
    cli("build", tmp_path, "--out", tmp_path / "elsewhere", "--format", "gift")
    second = cli("build", tmp_path, "--out", tmp_path / "output", "--format", ALL_FORMATS)

    assert first.exit_code == second.exit_code == 0, second.stderr
    assert "Wrote 1 quiz " in second.stderr
    assert [path.name for path in (tmp_path / "output").glob("*.quiz.json")] == ["notes.quiz.json"]


def test_a_title_with_colons_makes_one_deck_not_nested_ones() -> None:
    names = deck_names([sample_quiz("one", "Vectors ::: Matrices"), sample_quiz("two", "A:::::B")])

    assert names == {"one": "Quizgen::Vectors : Matrices", "two": "Quizgen::A:B"}


def test_an_unlistable_sub_folder_is_reported(tmp_path: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "locked" / "hidden.txt").write_text(SEED_TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out, "--format", "json")

    assert result.exit_code == 1
    [line] = errors(result)
    assert "locked" in line and "cannot be listed" in line
    assert (out / f"{OTHER}.quiz.json").is_file()


def test_non_latin_file_names_are_different_documents(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    for name in ("日本語", "中文", "русский"):
        (tmp_path / "in" / f"{name}.txt").write_text(SEED_TEXT, encoding="utf-8")

    result = build(cli, tmp_path / "in", tmp_path / "out", "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.quiz.json"))) == 4


def test_a_document_named_all_costs_only_its_own_worksheet(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "all.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "in" / "water.txt").write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"

    result = build(cli, tmp_path / "in", out)

    assert result.exit_code == 1
    [line] = errors(result)
    assert "all.txt" in line and "rename" in line
    assert_written(out, "water")
    assert_written(out, OTHER)
    assert (out / "all.quiz.json").is_file()
    combined = (out / "all.worksheet.html").read_text(encoding="utf-8")
    assert combined.count('class="sheet') >= 2 or "Worksheets" in combined


def test_a_utf32_file_is_read_as_utf32(tmp_path: Path, cli: CliRun) -> None:
    path = tmp_path / "utf32.txt"
    path.write_text(SEED_TEXT, encoding="utf-32")

    result = cli("build", path, "--out", tmp_path / "out", "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert load_quiz(tmp_path / "out" / "utf32.quiz.json").title == SEED_TEXT.split("\n", 1)[0]


def test_the_player_calls_an_item_type_named_like_a_prototype_key_unknown(tmp_path: Path, browser: Browser) -> None:
    player = tmp_path / "player.html"
    player.write_text(render_player(sample_quiz()), encoding="utf-8")
    quiz = json.loads(dumps(sample_quiz()))
    quiz["items"][0]["type"] = "constructor"
    upload = tmp_path / "edited.quiz.json"
    upload.write_text(json.dumps(quiz), encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(player.as_uri())
        page.set_input_files("[data-part=file]", str(upload))
        page.wait_for_function("document.querySelector('[data-part=load-error]').textContent !== ''", timeout=5000)
        assert "unknown item type" in (page.locator("[data-part=load-error]").text_content() or "")
    finally:
        page.close()


# --- 16. hostile sizes ---------------------------------------------------------------------------------------------


def test_a_long_hard_wrapped_paragraph_reads_in_linear_time() -> None:
    line = "the river carries silt and sand down from the mountains to the"
    text = "Rivers\n" + "\n".join([line] * 8000) + "\nsea.\n"
    assert len(text) > 500_000

    started = time.monotonic()
    [paragraph] = [line.text for line in split_lines(text)][1:]

    assert time.monotonic() - started < 2
    assert paragraph.startswith(line) and paragraph.endswith("to the sea.")


def test_one_huge_sentence_is_skipped_with_a_note(tmp_path: Path, cli: CliRun) -> None:
    words = " ".join(f"word{index}" for index in range(40_000))
    path = tmp_path / "sentence.txt"
    path.write_text(
        f"Rivers\nThe Nile flows north through Egypt to the Mediterranean Sea.\n\nFlow\n\nThe {words} end.\n"
    )
    out = tmp_path / "out"

    started = time.monotonic()
    result = cli("build", path, "--out", out, "--format", "json")

    assert time.monotonic() - started < 20
    assert result.exit_code == 0, result.stderr
    assert "sentence.txt" in result.stderr and "too long" in result.stderr
