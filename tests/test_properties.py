"""Properties of the reader and the builder over generated texts (hypothesis)."""

from __future__ import annotations

import json
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from quizgen.errors import InputError
from quizgen.generate import build_quiz
from quizgen.model import Cloze, Document, MultipleChoice, TrueFalse
from quizgen.quizfile import dumps, quiz_from_json, schema
from quizgen.read import read_document
from tests.samples import rewords

NAMES = ["Ada Lovelace", "Marie Curie", "Simón Bolívar", "Nelson Mandela", "Charles Darwin", "Jane Austen"]
PLACES = ["Peru", "Kenya", "Norway", "Japan", "Egypt", "Chile", "Canada", "Vietnam"]
TERMS = ["photosynthesis", "erosion", "tectonics", "monsoon", "glaciers", "tariffs", "chloroplasts", "democracy"]
VERBS = ["studied", "described", "visited", "changed", "explained", "shaped"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A plain factual sentence built from names, places, years, numbers and terms."""
    subject = draw(st.sampled_from([*NAMES, *PLACES, "The council", "Many farmers"]))
    verb = draw(st.sampled_from(VERBS))
    thing = draw(st.sampled_from([*TERMS, *PLACES]))
    year = draw(st.integers(min_value=800, max_value=2020))
    number = draw(st.integers(min_value=2, max_value=900_000))
    tail = draw(
        st.sampled_from([f" in {year}", f" for {number:,} people", f" near {draw(st.sampled_from(PLACES))}", ""])
    )
    return f"{subject} {verb} {thing}{tail}."


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document in the reference layout: title, lead, key points, sections."""
    title = draw(st.sampled_from(["Rivers", "The Age of Steam", "Volcanoes", "Trade Routes"]))
    lead = " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))
    points = draw(st.lists(sentences(), min_size=0, max_size=4))
    bullet = draw(st.sampled_from(["", "- ", "* "]))
    sections = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4), min_size=0, max_size=3))
    lines = [title, lead, *(bullet + point for point in points)]
    for number, paragraph in enumerate(sections, 1):
        lines += [f"Part {number} of the Story", " ".join(paragraph)]
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return separator.join(lines)


def read(text: str | bytes, name: str = "doc.txt") -> Document:
    with TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return read_document(path)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400)), st.sampled_from(["doc.txt", "doc.md"]))
def test_reader_reads_or_says_why(data: str | bytes, name: str) -> None:
    try:
        document = read(data, name)
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert document.title.strip()
    assert document.lead or document.key_points or document.sections


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_built_item_is_grounded_and_the_quiz_file_valid(text: str) -> None:
    document = read(text)
    quiz = build_quiz(document)

    body = " ".join(
        [document.lead, *(p.text for p in document.key_points), *(p for s in document.sections for p in s.paragraphs)]
    )
    for item in quiz.items:
        assert item.source.sentence in body
        if isinstance(item, MultipleChoice):
            assert item.answer_text in item.source.sentence
            assert len({option.text for option in item.options}) == len(item.options) == 4
        elif isinstance(item, Cloze):
            filled = item.text.replace("{{1}}", item.blanks[0].answer)
            assert filled in item.source.sentence or rewords(filled, item.source.sentence)
        elif isinstance(item, TrueFalse) and item.answer:
            assert rewords(item.statement, item.source.sentence)  # the claim in other words, nothing more
    data = json.loads(dumps(quiz))
    Draft202012Validator(schema()).validate(data)
    assert quiz_from_json(data) == quiz
