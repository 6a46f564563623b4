"""Whatever is on a teacher's disk: every input builds valid output or fails with one clear line.

Each case runs the real command with every output format. The outcome must be one of two:
exit 0 with every written quiz valid, or exit 1 with one ``quizgen: error:`` line naming the
file. Never a traceback, an internal error, or a half-written file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from quizgen.generate import MAX_ITEMS_PER_DOCUMENT
from quizgen.quizfile import schema
from quizgen.read.text import MAX_DOCUMENT_BYTES
from tests.conftest import REFERENCE_SEED, CliRun, Run

ALL_FORMATS = "json,html,anki,player,qti,moodle,gift"
SEED_TEXT = REFERENCE_SEED.read_text(encoding="utf-8")


def check_outcome(result: Run, out: Path, builds: bool) -> None:
    """The run either built valid output (``builds``) or failed cleanly, leaving nothing half-written."""
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    written = sorted(out.iterdir()) if out.exists() else []
    assert not [path for path in written if path.name.startswith(".") or path.suffix == ".part"], written
    if builds:
        assert result.exit_code == 0, result.stderr
        quizzes = [path for path in written if path.name.endswith(".quiz.json")]
        assert quizzes, "a quiz file was written"
        for path in quizzes:
            Draft202012Validator(schema()).validate(json.loads(path.read_text(encoding="utf-8")))
    else:
        assert result.exit_code == 1, result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("quizgen: error:")]
        assert len(errors) == 1, result.stderr
        assert not [path for path in written if path.name.endswith(".quiz.json")]


def write_bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def sized_file(folder: Path, name: str, size: int, text: bytes, title: bytes = b"A Title\n") -> Path:
    """A file of ``size`` bytes or a little more: ``title``, then ``text`` repeated."""
    path = folder / name
    with path.open("wb") as handle:
        handle.write(title)
        while handle.tell() < size:
            handle.write(text)
    return path


def huge_file(folder: Path) -> Path:
    return sized_file(folder, "huge.txt", 50 * 1024 * 1024, b"Rivers flow to the sea.\n" * 400)


def one_long_line(folder: Path) -> Path:
    return sized_file(folder, "line.txt", 1024 * 1024, b"Rivers flow to the sea. ", title=b"")


def key_point_list(count: int) -> str:
    points = "".join(f"- The village of Kelby {index} was founded in {1000 + index}.\n" for index in range(count))
    return f"Villages\n\nA list of villages and the years they were founded, from the county records.\n\n{points}"


CASES: dict[str, tuple[Callable[[Path], Path], bool]] = {
    "empty": (write_bytes("empty.txt", b""), False),
    "whitespace only": (write_bytes("blank.txt", b" \n\t\r\n  \n"), False),
    "binary with NUL bytes": (write_bytes("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50), False),
    "UTF-16 with BOM": (write_bytes("utf16.txt", SEED_TEXT.encode("utf-16")), True),
    "Latin-1": (write_bytes("latin1.txt", "Économie\nLa politique économique était forte.\n".encode("latin-1")), False),
    "UTF-8 BOM": (write_bytes("bom.txt", b"\xef\xbb\xbf" + SEED_TEXT.encode()), True),
    "CRLF line endings": (write_bytes("crlf.txt", SEED_TEXT.replace("\n", "\r\n").encode()), True),
    "CR line endings": (write_bytes("cr.txt", SEED_TEXT.replace("\n", "\r").encode()), True),
    "50 MB file": (
        lambda folder: sized_file(folder, "huge.txt", 50 * 1024 * 1024, b"Rivers flow to the sea. " * 400),
        False,
    ),
    "a single 1 MB line": (
        lambda folder: sized_file(folder, "line.txt", 1024 * 1024, b"Rivers flow to the sea. "),
        False,
    ),
    "headings only": (write_bytes("headings.txt", b"Rivers\nWhat Are Rivers?\nWhere Do They Flow?\nWhy Care?\n"), True),
    "no headings": (
        write_bytes(
            "plain.txt",
            b"Rivers\nThe Amazon River carries more water than any other river on Earth. "
            b"It flows east across Brazil to the Atlantic Ocean.\n"
            b"The Nile flows north through Egypt and was the lifeline of Ancient Egypt for 5,000 years.\n",
        ),
        True,
    ),
    "unbalanced Markdown": (
        write_bytes(
            "broken.md",
            b"# Broken **notes\n\n- item [link(\n- *half\n\n## Section `code\n\nText ``` with\n```\nunclosed fence\n",
        ),
        True,
    ),
    "HTML and script tags": (
        write_bytes(
            "html.txt",
            b"<b>Rivers</b>\n<p>The Amazon River <script>alert('x')</script> carries more water than any other.</p>\n"
            b"- The Nile flows through <i>Egypt</i> & Sudan.\n",
        ),
        True,
    ),
    "emoji and right-to-left text": (
        write_bytes(
            "emoji.txt",
            "Rivers 🌊\nThe Jordan River (נהר הירדן, نهر الأردن) flows into the Dead Sea 🏞️ in Israel and Jordan.\n"
            "- The Nile 🐊 flows through Egypt.\n".encode(),
        ),
        True,
    ),
    "very long words": (
        write_bytes("long.txt", b"Words\nThe " + b"x" * 20000 + b" flows into the Atlantic Ocean near Brazil.\n"),
        True,
    ),
    "file name with spaces and Unicode": (write_bytes("Révolution française notes.txt", SEED_TEXT.encode()), True),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input(tmp_path: Path, cli: CliRun, case: str) -> None:
    make, builds = CASES[case]
    inputs = tmp_path / "in"
    inputs.mkdir()
    path = make(inputs)
    out = tmp_path / "out"

    result = cli("build", path, "--out", out, "--format", ALL_FORMATS)

    check_outcome(result, out, builds)
    if not builds:
        assert path.name in result.stderr


def test_limit_message_names_the_limit(tmp_path: Path, cli: CliRun) -> None:
    path = sized_file(tmp_path, "huge.txt", MAX_DOCUMENT_BYTES + 1, b"Rivers flow to the sea. ")

    result = cli("build", path, "--out", tmp_path / "out")

    assert f"over the {MAX_DOCUMENT_BYTES // 1024} KB limit" in result.stderr


def test_one_huge_key_point_list_is_capped_with_a_note(tmp_path: Path, cli: CliRun) -> None:
    path = tmp_path / "villages.txt"
    path.write_text(key_point_list(MAX_ITEMS_PER_DOCUMENT + 40), encoding="utf-8")
    out = tmp_path / "out"

    result = cli("build", path, "--out", out, "--format", "json")

    check_outcome(result, out, builds=True)
    quiz = json.loads((out / "villages.quiz.json").read_text(encoding="utf-8"))
    assert len(quiz["items"]) == MAX_ITEMS_PER_DOCUMENT
    assert f"kept the first {MAX_ITEMS_PER_DOCUMENT} items" in result.stderr


def test_text_without_questions_says_so(tmp_path: Path, cli: CliRun) -> None:
    path = tmp_path / "headings.txt"
    path.write_text("Rivers\nWhat Are Rivers?\nWhere Do They Flow?\n", encoding="utf-8")

    result = cli("build", path, "--out", tmp_path / "out")

    assert result.exit_code == 0
    assert "no question could be made" in result.stderr


def test_duplicate_documents_build_as_two_quizzes(tmp_path: Path, cli: CliRun) -> None:
    for name in ("copy one.txt", "copy two.txt"):
        (tmp_path / name).write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"

    result = cli("build", tmp_path, "--out", out, "--format", ALL_FORMATS)

    check_outcome(result, out, builds=True)
    first, second = (json.loads((out / f"{n}.quiz.json").read_text()) for n in ("copy-one", "copy-two"))
    assert [i["question"] if "question" in i else i.get("text") for i in first["items"]] == [
        i["question"] if "question" in i else i.get("text") for i in second["items"]
    ]
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda quiz: quiz["items"][0].pop("id"), "'id' is a required property"),
        (lambda quiz: quiz["items"][0].update(tags="not-a-list"), "is not of type 'array'"),
        (lambda quiz: quiz.update(items={}), "items: {} is not of type 'array'"),
        (lambda quiz: quiz["source"].update(sha256=42), "source.sha256: 42 is not of type 'string'"),
    ],
)
def test_edited_quiz_with_broken_fields_is_rejected(
    tmp_path: Path, cli: CliRun, change: Callable[[dict[str, object]], object], field: str
) -> None:
    cli("build", REFERENCE_SEED, "--out", tmp_path / "built")
    path = tmp_path / "built" / "colombia-soviet-relations.quiz.json"
    quiz = json.loads(path.read_text(encoding="utf-8"))
    change(quiz)
    path.write_text(json.dumps(quiz), encoding="utf-8")
    out = tmp_path / "out"

    result = cli("export", path, "--out", out, "--format", ALL_FORMATS)

    assert result.exit_code == 1
    assert field in result.stderr
    assert result.stderr.count("quizgen: error:") == 1
    assert not out.exists() or not any(out.iterdir())
