"""The JSON quiz format: schema, faithful round trip, and errors that name the field."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quizgen.build import build_quiz
from quizgen.errors import InputError
from quizgen.model import Blank, Cloze, MultipleChoice, Option, Quiz, Source, SourceFile, TrueFalse
from quizgen.quizfile import FORMAT_VERSION, dumps, load_quiz, quiz_from_json, quiz_to_json, schema
from quizgen.read import read_document
from tests.conftest import PROJECT, REFERENCE_SEED

SOURCE = Source(section="What Happened?", sentence="The 1935 accord symbolized Colombia's willingness.")


def sample_quiz() -> Quiz:
    return Quiz(
        id="sample",
        title="Sample <b>& Title</b>",
        source=SourceFile(file="sample.txt", sha256="0" * 64),
        items=(
            MultipleChoice(
                id="mcq-1",
                question="Which year did the accord date from?",
                options=(Option("A", "1935"), Option("B", "1945"), Option("C", "1925"), Option("D", "1955")),
                answer="A",
                explanation="The 1935 accord ...",
                source=SOURCE,
                tags=("doc:sample", "type:multiple_choice"),
                difficulty="easy",
            ),
            Cloze(
                id="cloze-1",
                text="The {{1}} accord symbolized Colombia's willingness.",
                blanks=(Blank(1, "1935", accept=("1935 accord",)),),
                explanation="",
                source=SOURCE,
                tags=("type:cloze",),
            ),
            TrueFalse(
                id="tf-1",
                statement="The 1945 accord symbolized Colombia's willingness.",
                answer=False,
                explanation="The text says 1935.",
                source=SOURCE,
            ),
        ),
    )


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_round_trip_is_faithful() -> None:
    quiz = sample_quiz()

    assert quiz_from_json(json.loads(dumps(quiz))) == quiz


def test_written_file_has_the_published_shape() -> None:
    data = json.loads(dumps(sample_quiz()))

    Draft202012Validator(schema()).validate(data)
    assert list(data)[:4] == ["format_version", "id", "title", "source"]
    assert data["format_version"] == FORMAT_VERSION
    mcq = data["items"][0]
    assert mcq["options"][0] == {"id": "A", "text": "1935"}
    assert mcq["answer"] == "A"
    assert mcq["source"] == {"section": "What Happened?", "sentence": SOURCE.sentence}
    assert data["items"][1]["blanks"] == [{"id": 1, "answer": "1935", "accept": ["1935 accord"]}]


def test_seed_quiz_validates_and_round_trips() -> None:
    quiz = build_quiz(read_document(REFERENCE_SEED))
    data = json.loads(dumps(quiz))

    Draft202012Validator(schema()).validate(data)
    assert data["source"]["file"] == "colombia_soviet_relations.txt"
    assert quiz_from_json(data) == quiz


def broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(quiz_to_json(sample_quiz()))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["items"][0].pop("answer"), r"items\[0\]: 'answer' is a required property"),
        (lambda d: d["items"][0].update(answer="E"), r"items\[0\]\.answer: 'E' is not one of the options"),
        (lambda d: d["items"][0]["options"][1].update(text=42), r"items\[0\]\.options\[1\]\.text: 42 is not of type"),
        (lambda d: d["items"][1].update(text="No blank here."), r"items\[1\]\.text"),
        (lambda d: d["items"][2].update(answer="yes"), r"items\[2\]\.answer: 'yes' is not of type 'boolean'"),
        (lambda d: d["items"][2].update(type="essay"), r"items\[2\]\.type: 'essay' is not one of"),
        (lambda d: d["items"][1].update(id="mcq-1"), r"items\[1\]\.id: 'mcq-1' is used by an earlier item"),
        (lambda d: d.update(format_version="2.0"), r"format_version: '2.0' does not match"),
        (lambda d: d.pop("title"), r"'title' is a required property"),
        (lambda d: d["items"][0]["tags"].append("has space"), r"items\[0\]\.tags\[2\]"),
    ],
)
def test_invalid_quiz_is_rejected_naming_the_field(tmp_path: Path, change: Any, message: str) -> None:
    path = tmp_path / "edited.quiz.json"
    path.write_text(json.dumps(broken(change)), encoding="utf-8")

    with pytest.raises(InputError, match=message):
        load_quiz(path)


def test_not_json_is_rejected_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.quiz.json"
    path.write_text('{"id": "x",\n  "title": }', encoding="utf-8")

    with pytest.raises(InputError, match=r"is not valid JSON \(line 2"):
        load_quiz(path)


def test_documented_example_is_a_valid_quiz() -> None:
    text = (PROJECT / "docs" / "quiz-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.DOTALL)
    assert example is not None
    quiz = quiz_from_json(json.loads(example.group(1).replace("<64 hex digits>", "0" * 64)))

    assert [item.type for item in quiz.items] == ["multiple_choice", "cloze", "true_false"]
