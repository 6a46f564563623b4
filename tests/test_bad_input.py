"""Bad input gets one clear line naming the file, a non-zero exit, and no partial output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.read import read_document
from tests.conftest import REFERENCE_SEED, CliRun

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "file is empty"),
    "blank.txt": (b"  \n\n\t\n", "file is empty"),
    "binary.txt": (bytes(range(256)) * 4, "binary file"),
    "latin1.txt": ("Économie\nLa économie française était forte.\n".encode("latin-1"), "not valid UTF-8"),
    "title-only.txt": (b"Just a Title\n", "no text to ask questions about"),
    "symbols.txt": (b"----\n####\n", "no readable text"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_reader_names_the_problem(tmp_path: Path, name: str) -> None:
    content, problem = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(InputError, match=problem) as caught:
        read_document(path)

    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_missing_path_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nowhere.txt")


def test_bad_files_are_reported_and_the_good_one_still_builds(tmp_path: Path, cli: CliRun) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, (content, _) in BAD_FILES.items():
        (inputs / name).write_bytes(content)
    (inputs / "good.txt").write_text(REFERENCE_SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"

    result = cli("build", inputs, tmp_path / "missing.txt", "--out", out)

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("quizgen: error:")]
    assert len(errors) == len(BAD_FILES) + 1, result.stderr
    for name, (_, problem) in BAD_FILES.items():
        assert any(name in line and problem in line for line in errors), name
    assert any("missing.txt" in line and "no such file" in line for line in errors)
    assert sorted(path.name for path in out.iterdir()) == ["good.quiz.json"]


def test_no_traceback_from_the_installed_command(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    completed = subprocess.run(
        [sys.executable, "-m", "quizgen", "build", str(binary), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert completed.stderr.splitlines()[0] == f"quizgen: error: {binary}: looks like a binary file, not text"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_unwritable_output_folder_is_a_clear_error(tmp_path: Path, cli: CliRun) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output folder should be")

    result = cli("build", REFERENCE_SEED, "--out", blocked / "sub")

    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_documents_in_folder(tmp_path: Path, cli: CliRun) -> None:
    (tmp_path / "README.md").write_text("# Not a document\n\nNotes about this folder.\n")

    result = cli("build", tmp_path, "--out", tmp_path / "out")

    assert result.exit_code == 1
    assert "no documents" in result.stderr


def test_two_documents_with_the_same_name_are_not_merged(tmp_path: Path, cli: CliRun) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.txt").write_text(REFERENCE_SEED.read_text(encoding="utf-8"))

    result = cli("build", tmp_path / "a", tmp_path / "b", "--out", tmp_path / "out")

    assert result.exit_code == 1
    assert "same file name" in result.stderr
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["notes.quiz.json"]
