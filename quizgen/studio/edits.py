"""A teacher's edits to an item, from the review page's form fields to the model's items.

Only the wording a teacher sees changes (stem, options, answers, accepted answers); an item keeps its
id, source and tags, so its Anki note and LMS question stay the same one. Every text is cleaned as the
reader cleans documents, and an edit that would make the item unusable (an empty stem, a blank with no
answer) is refused with a message saying what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TypedDict

from quizgen.model import (
    Blank,
    Cloze,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Source,
    TrueFalse,
    assert_never,
    clean_text,
    cloze_text,
    item_id,
    item_tags,
    marked_blanks,
    option_letter,
)
from quizgen.studio.store import StudioError

OWN_SECTION = "Written by the teacher"
"""The section an item the teacher wrote cites."""

MAX_FIELD_CHARS = 3000
"""Longest text a field takes: the longest sentence the builder asks about."""

_BRACKETED = re.compile(r"\[([^\[\]]+)\]")

Form = Mapping[str, str]


def edited(item: Item, form: Form) -> Item:
    """``item`` with the wording in ``form`` (the fields the review page shows for its type)."""
    match item:
        case MultipleChoice():
            options = _options(item.options, form)
            answer = form.get("answer", item.answer)
            if answer not in {option.id for option in options}:
                raise StudioError("choose which option is the right answer")
            return replace(item, question=_text(form, "question", "the question"), options=options, answer=answer)
        case Cloze():
            text = _text(form, "text", "the sentence")
            if sorted(marked_blanks(text)) != sorted(blank.id for blank in item.blanks):
                markers = ", ".join(f"{{{{{blank.id}}}}}" for blank in item.blanks)
                raise StudioError(f"keep each blank in the sentence as it was marked ({markers})")
            blanks = tuple(_blank(blank, form) for blank in item.blanks)
            return replace(item, text=text, blanks=blanks)
        case TrueFalse():
            return replace(item, statement=_text(form, "statement", "the statement"), answer=_truth(form))
        case Matching():
            pairs = tuple(
                replace(
                    pair,
                    left=_text(form, f"pair-{index}-left", f"the left side of pair {index + 1}"),
                    right=_text(form, f"pair-{index}-right", f"the right side of pair {index + 1}"),
                )
                for index, pair in enumerate(item.pairs)
            )
            return replace(item, prompt=_text(form, "prompt", "the instruction"), pairs=pairs)
        case Ordering():
            events = tuple(
                replace(event, text=_text(form, f"event-{index}", f"event {index + 1}"))
                for index, event in enumerate(item.events)
            )
            return replace(item, prompt=_text(form, "prompt", "the instruction"), events=events)
        case MultipleAnswer():
            options = _options(item.options, form)
            answers = tuple(option.id for option in options if form.get(f"right-{option.id}"))
            if not answers:
                raise StudioError("mark at least one option as right")
            return replace(item, question=_text(form, "question", "the question"), options=options, answers=answers)
        case _:
            assert_never(item)


def _options(options: tuple[Option, ...], form: Form) -> tuple[Option, ...]:
    return tuple(Option(option.id, _text(form, f"option-{option.id}", f"option {option.id}")) for option in options)


def with_option(item: MultipleChoice, option_id: str, text: str) -> MultipleChoice:
    """``item`` with the wrong option ``option_id`` replaced by ``text`` (a candidate the builder ranked)."""
    if option_id == item.answer:
        raise StudioError("that option is the right answer; swap a wrong one")
    if option_id not in {option.id for option in item.options}:
        raise StudioError(f"the item has no option {option_id}")
    text = _clean(text, "the new option")
    options = tuple(Option(option.id, text) if option.id == option_id else option for option in item.options)
    return replace(item, options=options)


def own_item(quiz_id: str, number: int, form: Form) -> Item:
    """A new item the teacher wrote (``number``: how many they wrote before), of the type in ``form``.

    Multiple choice takes a question, up to six options and which is right; cloze a sentence with the
    answer in ``[square brackets]``; true/false a statement and whether it is true.
    """
    kind = form.get("type", "")
    key = f"teacher-{number}"
    if kind == "mcq":
        question = _text(form, "question", "the question")
        texts = [clean_text(form.get(f"option-{index}", "")).strip() for index in range(6)]
        texts = [text for text in texts if text]
        if len(texts) < 2:
            raise StudioError("write at least two options")
        right = form.get("answer", "0")
        index = int(right) if right.isdigit() else 0
        if index >= len(texts):
            raise StudioError("choose which option is the right answer")
        options = tuple(Option(option_letter(i), text) for i, text in enumerate(texts))
        common = _own(quiz_id, key, question, MultipleChoice.type, texts[index])
        return MultipleChoice(question=question, options=options, answer=option_letter(index), **common)
    if kind == "cloze":
        sentence = _text(form, "text", "the sentence")
        found = _BRACKETED.search(sentence)
        if found is None:
            raise StudioError("put the answer in [square brackets] in the sentence")
        answer = found.group(1).strip()
        text = cloze_text([sentence[: found.start()], 1, sentence[found.end() :]])
        plain = sentence[: found.start()] + answer + sentence[found.end() :]
        common = _own(quiz_id, key, plain, Cloze.type, answer)
        return Cloze(text=text, blanks=(Blank(1, answer, _accepted(form)),), **common)
    if kind == "tf":
        statement = _text(form, "statement", "the statement")
        truth = _truth(form, "truth")
        common = _own(quiz_id, key, statement, TrueFalse.type, "true" if truth else "false")
        return TrueFalse(statement=statement, answer=truth, **common)
    raise StudioError("choose the kind of item: multiple choice, cloze or true/false")


class _Own(TypedDict):
    id: str
    explanation: str
    source: Source
    tags: tuple[str, ...]


def _own(quiz_id: str, key: str, sentence: str, item_type: str, answer: str) -> _Own:
    """What an item the teacher wrote has beside its wording: an id of its own, and its section and tags."""
    return _Own(
        id=item_id(quiz_id, key, answer),
        explanation="",
        source=Source(OWN_SECTION, sentence),
        tags=item_tags(quiz_id, OWN_SECTION, item_type, "teacher"),
    )


def _blank(blank: Blank, form: Form) -> Blank:
    answer = _text(form, f"blank-{blank.id}-answer", f"the answer of blank {blank.id}")
    accepted = _accepted(form, f"blank-{blank.id}-accept")
    return replace(blank, answer=answer, accept=tuple(text for text in accepted if text != answer))


def _accepted(form: Form, name: str = "accept") -> tuple[str, ...]:
    """Other right answers, one per line or separated by ``;``."""
    raw = clean_text(form.get(name, ""))[:MAX_FIELD_CHARS]
    return tuple(dict.fromkeys(part.strip() for part in re.split(r"[\n;]", raw) if part.strip()))


def _truth(form: Form, name: str = "answer") -> bool:
    value = form.get(name, "")
    if value not in ("true", "false"):
        raise StudioError("choose whether the statement is true or false")
    return value == "true"


def _text(form: Form, name: str, what: str) -> str:
    return _clean(form.get(name, ""), what)


def _clean(value: str, what: str) -> str:
    try:
        text = " ".join(clean_text(value).split())
    except ValueError:
        raise StudioError(f"{what} holds a character that is not text") from None
    if not text:
        raise StudioError(f"{what} cannot be empty")
    if len(text) > MAX_FIELD_CHARS:
        raise StudioError(f"{what} is over {MAX_FIELD_CHARS:,} characters; shorten it")
    return text
