"""The JSON quiz format: schema, faithful round trip, and errors that name the field."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quizgen.errors import InputError
from quizgen.model import MultipleChoice, Quiz
from quizgen.quizfile import FORMAT_VERSION, dumps, load_quiz, quiz_from_json, quiz_to_json, schema
from tests.conftest import PROJECT, REFERENCE_SEED
from tests.samples import classroom_quiz, hostile_quiz, long_quiz, pipeline_quiz, plain_quiz, sample_quiz


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(
    "quiz", [sample_quiz(), hostile_quiz(), plain_quiz(), classroom_quiz(), long_quiz()], ids=lambda quiz: quiz.id
)
def test_round_trip_is_faithful(quiz: Quiz) -> None:
    assert quiz_from_json(json.loads(dumps(quiz))) == quiz


def test_written_file_has_the_published_shape() -> None:
    quiz = sample_quiz()
    data = json.loads(dumps(quiz))

    Draft202012Validator(schema()).validate(data)
    assert list(data)[:4] == ["format_version", "id", "title", "source"]
    assert data["format_version"] == FORMAT_VERSION
    assert (data["subject"], data["grade"], data["tags"]) == ("History", "10", ["cold-war"])
    choice = quiz.items[0]
    assert isinstance(choice, MultipleChoice)
    mcq = data["items"][0]
    assert (mcq["type"], mcq["id"], mcq["difficulty"]) == ("multiple_choice", "mcq-1", "easy")
    assert mcq["options"][0] == {"id": "A", "text": choice.options[0].text}
    assert mcq["answer"] == "C"
    assert mcq["source"] == {"section": "Key points", "sentence": choice.source.sentence}
    assert data["items"][1]["blanks"] == [
        {"id": 1, "answer": "1935", "accept": ["nineteen thirty-five"]},
        {"id": 2, "answer": "Soviet Union"},
    ]
    assert "difficulty" not in data["items"][3] and "accept" not in data["items"][3]["blanks"][0]


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in parsed JSON, the root's children and down."""
    children: list[tuple[str | int, Any]] = []
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    return [p for key, child in children for p in [(*path, key), *_paths(child, (*path, key))]]


_WRONG_VALUES: list[Any] = ["", " ", "x\ny", "Z", "AA", "1.x", "a" * 201, 0, -1, 1.5, True, None, [], {}, [""], ["a b"]]


def test_the_compiled_schema_accepts_and_rejects_what_the_reference_validator_does() -> None:
    """Files are checked with the schema compiled by fastjsonschema; jsonschema only names the error, so the
    two must agree on every value a hand edit could leave in any field (and on added or missing keys)."""
    from quizgen.quizfile import _compiled_validator

    reference = Draft202012Validator(schema())
    original = quiz_to_json(sample_quiz())
    variants = []
    for path in _paths(original):
        for wrong in [*_WRONG_VALUES, "remove"]:
            data = copy.deepcopy(original)
            parent: Any = data
            for key in path[:-1]:
                parent = parent[key]
            if wrong == "remove":
                del parent[path[-1]]
            else:
                parent[path[-1]] = wrong
            variants.append(data)
    variants.append({**copy.deepcopy(original), "unknown": 1})
    disagree = []
    for data in variants:
        try:
            _compiled_validator()(data)
            compiled = True
        except ValueError:  # fastjsonschema's JsonSchemaValueException
            compiled = False
        if compiled != reference.is_valid(data):
            disagree.append(data)
    assert len(variants) > 500
    assert not disagree, json.dumps(disagree[0])[:400]


def test_seed_quiz_validates_and_round_trips() -> None:
    quiz = pipeline_quiz(REFERENCE_SEED)
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
        (lambda d: d["items"][0].update(tags=["fine", "has space"]), r"items\[0\]\.tags\[1\]"),
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
