"""The JSON quiz file: the faithful serialization of :class:`~quizgen.model.Quiz`.

Every file written and read is validated against the published JSON Schema
(``quizgen/schemas/quiz.schema.json``, draft 2020-12), then against the rules a
schema cannot state (an answer names an existing option, ids are unique).
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from dataclasses import fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen.errors import InputError, QuizgenError
from quizgen.inputfile import read_limited
from quizgen.model import (
    ITEM_TYPES,
    Blank,
    Cloze,
    Event,
    Item,
    Matching,
    Metadata,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Pair,
    Quiz,
    Source,
    SourceFile,
    TrueFalse,
    clean_text,
    marked_blanks,
)

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

FORMAT_VERSION = "1.3"
"""Version of the JSON quiz format written; see ``docs/quiz-format.md`` for its history."""

JsonObject = dict[str, Any]


@cache
def schema() -> JsonObject:
    """The JSON Schema of the quiz format, as published in the package."""
    text = resources.files("quizgen").joinpath("schemas/quiz.schema.json").read_text(encoding="utf-8")
    loaded: JsonObject = json.loads(text)
    return loaded


@cache
def _validator() -> Draft202012Validator:
    """The reference validator (``jsonschema``): for files read, and for the message naming a file's worst error."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


@cache
def _compiled_validator() -> Callable[[Any], object]:
    """The schema compiled to Python once (``fastjsonschema``): about 13 times faster than
    :func:`_validator`, for every file written."""
    import fastjsonschema

    validate: Callable[[Any], object] = fastjsonschema.compile(schema())
    return validate


_VALIDATED: dict[int, weakref.ref[Quiz]] = {}
"""The quizzes whose files were validated in this process, by identity (a quiz is immutable): writing one
quiz in several formats (the JSON file, the player) validates it once."""


def quiz_to_json(quiz: Quiz) -> JsonObject:
    """The JSON object for ``quiz``; optional fields that are unset are left out."""
    data: JsonObject = {
        "format_version": FORMAT_VERSION,
        "id": quiz.id,
        "title": quiz.title,
        "source": {"file": quiz.source.file, "sha256": quiz.source.sha256},
    }
    if quiz.metadata.subject:
        data["subject"] = quiz.metadata.subject
    if quiz.metadata.grade:
        data["grade"] = quiz.metadata.grade
    if quiz.metadata.tags:
        data["tags"] = list(quiz.metadata.tags)
    data["items"] = [item_to_json(item) for item in quiz.items]
    return data


def item_to_json(item: Item) -> JsonObject:
    """The JSON object for one item, with its ``type`` first."""
    data: JsonObject = {"id": item.id, "type": item.type}
    for field in fields(item):
        if field.name == "id":
            continue
        value = getattr(item, field.name)
        if value is None:
            continue
        data[field.name] = _plain(value)
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(element) for element in value]
    if isinstance(value, (Source, Option, Pair, Event)):
        return {
            field.name: _plain(getattr(value, field.name))
            for field in fields(value)
            if getattr(value, field.name) is not None
        }
    if isinstance(value, Blank):
        blank: JsonObject = {"id": value.id, "answer": value.answer}
        if value.accept:
            blank["accept"] = list(value.accept)
        if value.distractors:
            blank["distractors"] = list(value.distractors)
        return blank
    return value


def dumps(quiz: Quiz) -> str:
    """Serialize ``quiz`` as validated, stable, human-editable JSON text."""
    data = quiz_to_json(quiz)
    known = _VALIDATED.get(id(quiz))
    if known is None or known() is not quiz:
        _check(data, "quiz")
        key = id(quiz)
        _VALIDATED[key] = weakref.ref(quiz, lambda _: _VALIDATED.pop(key, None))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


MAX_QUIZ_FILE_BYTES = 8 * 1024 * 1024
"""Largest quiz file read: far more than the longest quiz quizgen writes (300 items)."""


def load_quiz(path: Path) -> Quiz:
    """Read and validate a JSON quiz file; :class:`InputError` names the bad field.

    Control characters in its texts are dropped, as the reader drops them from documents.
    """
    data = read_limited(path, MAX_QUIZ_FILE_BYTES, "a quiz file is never this large")
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(path, f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise InputError(path, "is not a quiz: its JSON is nested too deeply") from None
    except ValueError as error:  # an integer of thousands of digits
        raise InputError(path, f"is not a quiz: {error}") from None
    try:
        return quiz_from_json(_cleaned(parsed, "top level"))
    except QuizgenError as error:
        raise InputError(path, str(error)) from None


def _cleaned(value: Any, where: str) -> Any:
    """Parsed JSON with every string passed through :func:`~quizgen.model.clean_text`."""
    if isinstance(value, str):
        try:
            return clean_text(value)
        except ValueError as error:
            raise QuizgenError(f"invalid quiz: {where.removeprefix('top level.')}: {error}") from None
    if isinstance(value, list):
        return [_cleaned(element, f"{where}[{index}]") for index, element in enumerate(value)]
    if isinstance(value, dict):
        return {_cleaned(key, where): _cleaned(element, f"{where}.{key}") for key, element in value.items()}
    return value


def quiz_from_json(data: Any) -> Quiz:
    """Build a :class:`Quiz` from parsed JSON, validating it first."""
    _check(data, "quiz")
    items = tuple(_item_from_json(item) for item in data["items"])
    return Quiz(
        id=data["id"],
        title=data["title"],
        source=SourceFile(file=data["source"]["file"], sha256=data["source"]["sha256"]),
        items=items,
        metadata=Metadata(subject=data.get("subject"), grade=data.get("grade"), tags=tuple(data.get("tags", ()))),
    )


def _item_from_json(data: JsonObject) -> Item:
    common = {
        "id": data["id"],
        "explanation": data.get("explanation", ""),
        "tags": tuple(data["tags"]),
        "difficulty": data.get("difficulty"),
    }
    item_class = ITEM_TYPES[data["type"]]
    if item_class is Matching:
        pairs = tuple(Pair(pair["left"], pair["right"], _source(pair["source"])) for pair in data["pairs"])
        return Matching(prompt=data["prompt"], pairs=pairs, **common)
    if item_class is Ordering:
        events = tuple(Event(event["text"], _source(event["source"]), event.get("date")) for event in data["events"])
        return Ordering(prompt=data["prompt"], events=events, **common)
    source = _source(data["source"])
    if item_class is MultipleChoice:
        return MultipleChoice(
            question=data["question"], options=_options(data), answer=data["answer"], source=source, **common
        )
    if item_class is MultipleAnswer:
        answers = tuple(data["answers"])
        return MultipleAnswer(
            question=data["question"], options=_options(data), answers=answers, source=source, **common
        )
    if item_class is Cloze:
        blanks = tuple(
            Blank(b["id"], b["answer"], tuple(b.get("accept", ())), tuple(b.get("distractors", ())))
            for b in data["blanks"]
        )
        return Cloze(text=data["text"], blanks=blanks, source=source, **common)
    return TrueFalse(statement=data["statement"], answer=data["answer"], source=source, **common)


def _source(data: JsonObject) -> Source:
    return Source(section=data["section"], sentence=data["sentence"])


def _options(data: JsonObject) -> tuple[Option, ...]:
    return tuple(Option(id=option["id"], text=option["text"]) for option in data["options"])


def _check(data: Any, what: str) -> None:
    """Raise :class:`QuizgenError` naming the first problem of ``data``: the compiled schema checks, and only
    for data it rejects does the reference validator find the most telling error (and say where)."""
    import fastjsonschema

    try:
        _compiled_validator()(data)
    except fastjsonschema.JsonSchemaException as fast_error:
        from jsonschema.exceptions import best_match

        error = best_match(_validator().iter_errors(data))
        raise QuizgenError(f"invalid {what}: {_describe(error) if error is not None else fast_error}") from None
    problem = _consistency_problem(data)
    if problem:
        raise QuizgenError(f"invalid {what}: {problem}")


def _describe(error: ValidationError) -> str:
    location = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    field = location.lstrip(".") or "top level"
    return f"{field}: {error.message}"


def _consistency_problem(data: JsonObject) -> str | None:
    """The first rule a schema cannot express that ``data`` breaks, if any."""
    seen_ids: set[str] = set()
    for index, item in enumerate(data["items"]):
        where = f"items[{index}]"
        if item["id"] in seen_ids:
            return f"{where}.id: {item['id']!r} is used by an earlier item"
        seen_ids.add(item["id"])
        if item["type"] == MultipleChoice.type:
            option_ids = [option["id"] for option in item["options"]]
            if len(set(option_ids)) != len(option_ids):
                return f"{where}.options: option ids repeat ({', '.join(option_ids)})"
            if item["answer"] not in option_ids:
                return f"{where}.answer: {item['answer']!r} is not one of the options ({', '.join(option_ids)})"
        elif item["type"] == MultipleAnswer.type:
            problem = _options_problem(where, item["options"], item["answers"])
            if problem:
                return problem
        elif item["type"] == Cloze.type:
            blank_ids = sorted(blank["id"] for blank in item["blanks"])
            if len(set(blank_ids)) != len(blank_ids):
                return f"{where}.blanks: blank ids repeat ({', '.join(map(str, blank_ids))})"
            marked = sorted(marked_blanks(item["text"]))
            if blank_ids != marked:
                return f"{where}.text: blanks marked in the text {marked} do not match the blanks listed {blank_ids}"
    return None


def _options_problem(where: str, options: list[JsonObject], answers: list[str]) -> str | None:
    """What is wrong with a multiple-answer item's options and answers, if anything."""
    option_ids = [option["id"] for option in options]
    if len(set(option_ids)) != len(option_ids):
        return f"{where}.options: option ids repeat ({', '.join(option_ids)})"
    missing = [answer for answer in answers if answer not in option_ids]
    if missing:
        return f"{where}.answers: {missing[0]!r} is not one of the options ({', '.join(option_ids)})"
    if len(answers) == len(option_ids):
        return f"{where}.answers: every option is correct, so nothing is asked"
    return None
