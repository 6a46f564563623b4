"""The command line as a teacher uses it: build, inspect, edit and re-export, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from quizgen.quizfile import schema
from quizgen.read import find_documents
from tests.conftest import CORPUS, REFERENCE_SEED, SEEDS, CliRun, corpus_files, needs_corpus


def quiz_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.quiz.json"))


def test_build_seeds_writes_one_valid_quiz_per_document(tmp_path: Path, cli: CliRun) -> None:
    documents = list(find_documents([SEEDS]))

    result = cli("build", SEEDS, "--out", tmp_path)

    assert result.exit_code == 0, result.stderr
    assert len(documents) >= 3
    written = quiz_files(tmp_path)
    assert len(written) == len(documents)
    validator = Draft202012Validator(schema())
    for path in written:
        data = json.loads(path.read_text(encoding="utf-8"))
        validator.validate(data)
        assert data["items"], f"{path.name} has no items"
    assert "README" not in " ".join(path.name for path in written)
    assert f"Wrote {len(documents)} quizzes" in result.stderr


@needs_corpus
def test_build_corpus_writes_one_valid_quiz_per_document(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", CORPUS, "--out", tmp_path)

    assert result.exit_code == 0, result.stderr
    written = quiz_files(tmp_path)
    assert len(written) == len(corpus_files())
    for path in written:
        Draft202012Validator(schema()).validate(json.loads(path.read_text(encoding="utf-8")))


def test_same_input_and_seed_give_identical_bytes(tmp_path: Path, cli: CliRun) -> None:
    for run in ("first", "second"):
        assert cli("build", SEEDS, "--out", tmp_path / run, "--seed", "3").exit_code == 0

    first, second = quiz_files(tmp_path / "first"), quiz_files(tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))


def test_item_ids_survive_an_edit_elsewhere_in_the_document(tmp_path: Path, cli: CliRun) -> None:
    original = REFERENCE_SEED.read_text(encoding="utf-8")
    document = tmp_path / "colombia.txt"
    document.write_text(original, encoding="utf-8")
    cli("build", document, "--out", tmp_path / "before")
    document.write_text(original.replace("was pivotal in opening", "was decisive in opening"), encoding="utf-8")
    cli("build", document, "--out", tmp_path / "after")

    before = json.loads((tmp_path / "before" / "colombia.quiz.json").read_text(encoding="utf-8"))
    after = json.loads((tmp_path / "after" / "colombia.quiz.json").read_text(encoding="utf-8"))
    assert before["source"]["sha256"] != after["source"]["sha256"]
    assert [item["id"] for item in before["items"]] == [item["id"] for item in after["items"]]


def test_export_reflects_a_teachers_edit(tmp_path: Path, cli: CliRun) -> None:
    cli("build", REFERENCE_SEED, "--out", tmp_path / "built")
    quiz_path = tmp_path / "built" / "colombia-soviet-relations.quiz.json"
    quiz = json.loads(quiz_path.read_text(encoding="utf-8"))
    assert len(quiz["items"]) >= 2
    removed = quiz["items"].pop(0)
    reworded = quiz["items"][0]
    field = {"multiple_choice": "question", "true_false": "statement", "cloze": "text"}[reworded["type"]]
    wording = "A wording the teacher preferred: {{1}}." if field == "text" else "A wording the teacher preferred."
    reworded[field] = wording
    quiz_path.write_text(json.dumps(quiz, ensure_ascii=False, indent=2), encoding="utf-8")

    result = cli("export", quiz_path, "--format", "json", "--out", tmp_path / "again")

    assert result.exit_code == 0, result.stderr
    exported = json.loads((tmp_path / "again" / quiz_path.name).read_text(encoding="utf-8"))
    assert removed["id"] not in [item["id"] for item in exported["items"]]
    assert wording in [item.get(field) for item in exported["items"]]
    assert exported == quiz


def test_export_rejects_an_invalid_quiz_naming_the_field(tmp_path: Path, cli: CliRun) -> None:
    cli("build", REFERENCE_SEED, "--out", tmp_path)
    quiz_path = tmp_path / "colombia-soviet-relations.quiz.json"
    quiz = json.loads(quiz_path.read_text(encoding="utf-8"))
    index = next(i for i, item in enumerate(quiz["items"]) if item["type"] == "cloze")
    del quiz["items"][index]["blanks"]
    quiz_path.write_text(json.dumps(quiz), encoding="utf-8")

    result = cli("export", quiz_path, "--out", tmp_path / "again")

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"quizgen: error: {quiz_path}: invalid quiz: items[{index}]: 'blanks' is a required property"
    )
    assert not (tmp_path / "again").exists()


def test_inspect_shows_the_parsed_structure(cli: CliRun) -> None:
    result = cli("inspect", REFERENCE_SEED)

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Title: Establishment of Colombia–Soviet Union Relations"
    assert "Key points (4):" in lines
    assert "  2. President Alfonso López Michelsen led the initiative." in lines
    assert "  What Happened? (3 paragraphs)" in lines
    assert "  Why Does it Matter? (1 paragraph)" in lines


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_inspect_json_on_corpus(cli: CliRun, path: Path) -> None:
    result = cli("inspect", path, "--json")

    parsed = json.loads(result.stdout)
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert parsed["title"] == lines[0]
    assert parsed["key_points"] == [line[2:] for line in lines if line.startswith("- ")]
    headings = [s["heading"] for s in parsed["sections"] if s["heading"]]
    assert all(heading in lines for heading in headings)
    assert all(len(heading.split()) <= 12 and not heading.endswith(".") for heading in headings)


def test_inspect_of_a_bad_file_is_one_line(tmp_path: Path, cli: CliRun) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")

    result = cli("inspect", empty)

    assert result.exit_code == 1
    assert result.stderr == f"quizgen: error: {empty}: file is empty\n"


def test_schema_command_prints_the_published_schema(cli: CliRun) -> None:
    result = cli("schema")

    assert json.loads(result.stdout) == schema()


def test_unknown_format_is_a_usage_error(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", REFERENCE_SEED, "--format", "json,pdfx", "--out", tmp_path)

    assert result.exit_code == 2
    assert "unknown format 'pdfx'" in result.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("command", [[], ["build"], ["export"], ["inspect"], ["schema"]])
def test_help_everywhere(cli: CliRun, command: list[str]) -> None:
    result = cli(*command, "--help")

    assert result.exit_code == 0
    assert "Usage: quizgen" in result.stdout
    if command != ["schema"]:
        assert "Example" in result.stdout


def test_max_items_caps_each_quiz(tmp_path: Path, cli: CliRun) -> None:
    cli("build", REFERENCE_SEED, "--out", tmp_path, "--max-items", "1")

    quiz = json.loads((tmp_path / "colombia-soviet-relations.quiz.json").read_text(encoding="utf-8"))
    assert len(quiz["items"]) == 1
