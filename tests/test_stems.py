"""Question stems a teacher would accept: the clause shapes the parse gives that become real questions."""

from __future__ import annotations

import pytest

from quizgen.generate.answers import DocumentContext, find_answers
from quizgen.generate.nlp import analyse
from quizgen.generate.stems import with_stem
from quizgen.generate.types import ParsedSentence
from quizgen.model import BLANK, Document, Section, SourceFile
from tests.test_generate_parts import STEM_LEXICON

CASES = [
    # A name the parse split between two subjects ("officer Ollanta HUMALA" / "Tasso") is still the subject.
    (
        "Former army officer Ollanta HUMALA Tasso was elected president in 2011.",
        "Ollanta HUMALA Tasso",
        "Who was elected president in 2011?",
    ),
    # A clause the parse hung on the next one across a semicolon is a clause of its own.
    (
        "In 2019, Shinzo Abe became the longest-serving prime minister; he resigned in 2020.",
        "2019",
        "In what year did Shinzo Abe become the longest-serving prime minister?",
    ),
    # A joined participle shares the auxiliary of the verb before it.
    (
        "Louis XVI was put on trial for treason and executed by guillotine in January 1793.",
        "1793",
        "In what year was Louis XVI executed by guillotine?",
    ),
    # A description in apposition to the answer is left out of the question, as from its clause.
    (
        "The bubonic plague, the most common variant of the disease, raises egg-shaped swellings near the lymph nodes.",
        "bubonic plague",
        "What raises egg-shaped swellings near the lymph nodes?",
    ),
    # A term after *from*, *by*, *into*... is asked with that preposition and *what*.
    ("People draw water from aquifers through wells.", "aquifers", "From what do people draw water through wells?"),
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedSentence]:
    texts = sorted({text for text, _, _ in CASES} | {SEMICOLON})
    document = Document(
        id="doc",
        title="Stems",
        lead="",
        key_points=(),
        sections=tuple(Section("History", (text,)) for text in texts),
        source=SourceFile("stems.txt", "0" * 64),
    )
    [(_, sentences)] = list(analyse([document]))
    return {sentence.text: sentence for sentence in sentences}


def _stem(parsed: dict[str, ParsedSentence], text: str, answer_text: str) -> str:
    sentence = parsed[text]
    answers = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    found = [answer for answer in answers if answer.text == answer_text]
    assert found, [answer.text for answer in answers]
    return with_stem(found[0], sentence.span).stem


@pytest.mark.parametrize(("text", "answer_text", "stem"), CASES)
def test_question_stems(parsed: dict[str, ParsedSentence], text: str, answer_text: str, stem: str) -> None:
    assert _stem(parsed, text, answer_text) == stem


SEMICOLON = (
    "Jose Pedro CASTILLO Terrones won the election in 2021 but was ousted the following year; "
    "his vice president, Dina BOLUARTE, assumed the presidency in 2022."
)


def test_a_question_names_no_one_its_pronoun_stood_for(parsed: dict[str, ParsedSentence]) -> None:
    """The first clause asks alone; the second's *his* stood for the man of the first, so it is no question."""
    assert _stem(parsed, SEMICOLON, "2021") == "In what year did Jose Pedro CASTILLO Terrones win the election?"
    assert BLANK in _stem(parsed, SEMICOLON, "2022")


LONG = [
    # A clause with a subject of its own joined after the answer's goes from a long stem.
    (
        "Plants add more vapour through transpiration, releasing water through tiny pores in their leaves "
        "called stomata, and a large oak tree can transpire roughly 150,000 litres of water in a year.",
        "stomata",
        f"Plants add more vapour through transpiration, releasing water through tiny pores in their leaves "
        f"called {BLANK}.",
    ),
    # A description in apposition to the answer goes; the condition the claim depends on stays.
    (
        "Shortly before Lewis and Clark set out on their expedition for the U.S. government, Alexander "
        "Mackenzie, an officer of the British North West Company, a fur trading outfit, had attempted to "
        "discover the route.",
        "Alexander Mackenzie",
        f"Shortly before Lewis and Clark set out on their expedition for the U.S. government, {BLANK} had "
        "attempted to discover the route.",
    ),
    # A relative clause whose parse holds the main clause is not left out: the sentence stays whole.
    (
        "Unlike the city-states of Mesopotamia, which were not organized into an empire until the time of "
        "Sargon of Akkad, the peoples of the Nile River valley were brought together under a single ruler "
        "around 3150 BCE.",
        "Mesopotamia",
        f"Unlike the city-states of {BLANK}, which were not organized into an empire until the time of "
        "Sargon of Akkad, the peoples of the Nile River valley were brought together under a single ruler "
        "around 3150 BCE.",
    ),
]


@pytest.fixture(scope="module")
def long_parsed() -> dict[str, ParsedSentence]:
    document = Document(
        id="doc",
        title="Stems",
        lead="",
        key_points=(),
        sections=tuple(Section("History", (text,)) for text, _, _ in LONG),
        source=SourceFile("long.txt", "0" * 64),
    )
    [(_, sentences)] = list(analyse([document]))
    return {sentence.text: sentence for sentence in sentences}


@pytest.mark.parametrize(("text", "answer_text", "stem"), LONG)
def test_long_stems_lose_what_the_item_does_not_need(
    long_parsed: dict[str, ParsedSentence], text: str, answer_text: str, stem: str
) -> None:
    assert _stem(long_parsed, text, answer_text) == stem
