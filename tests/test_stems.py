"""Question stems a teacher would accept: the clause shapes the parse gives that become real questions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.generate import build_quiz
from quizgen.generate.answers import DocumentContext, find_answers
from quizgen.generate.nlp import analyse
from quizgen.generate.stems import blank_stem, naming_the_country, stem_for_options, with_stem
from quizgen.generate.types import ParsedSentence
from quizgen.model import BLANK, Document, MultipleChoice, Section, SourceFile
from quizgen.read import read_document
from tests.conftest import SEEDS
from tests.samples import answer_in, parsed_paragraphs
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
    return parsed_paragraphs({text for text, _, _ in CASES} | {SEMICOLON})


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
    # A participle is left out only where it ends at a comma: "called stomata" would hang on transpiration.
    (
        "Plants add more vapour through transpiration, releasing water through tiny pores in their leaves "
        "called stomata, and a large oak tree can transpire roughly 150,000 litres of water in a year.",
        "vapour",
        f"Plants add more {BLANK} through transpiration, releasing water through tiny pores in their leaves "
        "called stomata.",
    ),
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
    # A second verb phrase joined by *as well as* and a closing purpose say more than the item needs.
    (
        "President Woodrow Wilson subsequently appointed Hoover head of the U.S. Food Administration to "
        "coordinate rationing efforts in America as well as to secure essential food items for the Allied "
        "forces and citizens in Europe.",
        "America",
        f"President Woodrow Wilson subsequently appointed Hoover head of the U.S. Food Administration to "
        f"coordinate rationing efforts in {BLANK}.",
    ),
    (
        "In the spirit of normalcy that defined the Republican ascendancy of the 1920s, Hoover planned to "
        "immediately overhaul federal regulations with the intention of allowing the nation’s economy to grow "
        "unfettered by any controls.",
        "1920s",
        f"In the spirit of normalcy that defined the Republican ascendancy of the {BLANK}, Hoover planned to "
        "immediately overhaul federal regulations.",
    ),
    # A relative clause whose parse holds the main clause is not left out: the sentence stays whole.
    (
        "Unlike the city-states of Mesopotamia, which were not organized into an empire until the time of "
        "Sargon of Akkad, the peoples of the Nile River valley were brought together under a single ruler "
        "around 3150 BCE.",
        "3150 BCE",
        "Unlike the city-states of Mesopotamia, which were not organized into an empire until the time of "
        f"Sargon of Akkad, the peoples of the Nile River valley were brought together under a single ruler "
        f"around {BLANK}.",
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


DEFINITIONS = [
    # A term and what it is in a relative clause after a comma (a name with *of* is one term).
    (
        "Peru is one of the countries along the Ring of Fire, which is a belt bordering the Pacific Ocean "
        "that contains most of the world's volcanoes.",
        "Ring of Fire",
        "What is the name of a belt bordering the Pacific Ocean that contains most of the world's volcanoes?",
    ),
    (
        "The city lies near the delta, which is a landform that forms at the mouth of a river.",
        "delta",
        "What is the name for a landform that forms at the mouth of a river?",
    ),
    # A name given after a comma to what the clause says happens.
    (
        "Ice and snow can also turn straight into vapour without melting, a process called sublimation.",
        "sublimation",
        "What is the name for the process in which ice and snow can turn straight into vapour without melting?",
    ),
]


@pytest.fixture(scope="module")
def defined_parsed() -> dict[str, ParsedSentence]:
    document = Document(
        id="doc",
        title="Stems",
        lead="",
        key_points=(),
        sections=tuple(Section("Science", (text,)) for text, _, _ in DEFINITIONS),
        source=SourceFile("defined.txt", "0" * 64),
    )
    [(_, sentences)] = list(analyse([document]))
    return {sentence.text: sentence for sentence in sentences}


@pytest.mark.parametrize(("text", "answer_text", "stem"), DEFINITIONS)
def test_definitions_are_asked_by_what_the_text_says_the_term_is(
    defined_parsed: dict[str, ParsedSentence], text: str, answer_text: str, stem: str
) -> None:
    sentence = defined_parsed[text]
    answers = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    defined = [answer for answer in answers if answer.kind == "defined"]
    assert [(answer.text, answer.stem) for answer in defined] == [(answer_text, stem)]


def test_a_relative_clause_that_is_no_definition_gives_none(defined_parsed: dict[str, ParsedSentence]) -> None:
    """*which is important* says nothing of what the noun is: no definition."""
    document = Document(
        id="doc",
        title="Stems",
        lead="",
        key_points=(),
        sections=(Section("Science", ("Farmers grow maize near the delta, which is important for the region.",)),),
        source=SourceFile("none.txt", "0" * 64),
    )
    [(_, [sentence])] = list(analyse([document]))
    answers = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    assert not [answer for answer in answers if answer.kind == "defined"]


def test_a_relative_definition_is_shown_as_the_definition(defined_parsed: dict[str, ParsedSentence]) -> None:
    """The cloze of *the delta, which is a landform ...* says what the text says the term is, not where the
    city lies."""
    text = DEFINITIONS[1][0]
    sentence = defined_parsed[text]
    answers = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    [defined] = [answer for answer in answers if answer.kind == "defined"]
    assert (
        blank_stem(with_stem(defined, sentence.span))
        == f"The {BLANK} is a landform that forms at the mouth of a river."
    )


def test_a_question_names_its_class_only_where_every_option_has_it() -> None:
    """*By which molecules* beside options that are no molecules asks *By what*; *At which boundary* has no
    such form and shows the blank stem."""
    text = "Energy from sunlight is absorbed by pigment molecules in the membranes."
    answer = replace(
        answer_in(text, "pigment molecules", "term", plural=True), stem="By which molecules is energy absorbed?"
    )
    assert stem_for_options(answer, ["lipid molecules", "water molecules", "sugars"]) == "By what is energy absorbed?"
    assert stem_for_options(answer, ["lipid molecules", "water molecules", "sugar molecules"]) == answer.stem
    boundary = "At a convergent boundary, plates push together."
    at = replace(answer_in(boundary, "convergent boundary", "term"), stem="At which boundary do plates push together?")
    assert (
        stem_for_options(at, ["divergent boundary", "rift valley", "transform fault"])
        == f"At a {BLANK}, plates push together."
    )


def test_a_common_noun_after_the_auxiliary_is_in_lower_case() -> None:
    """*Stress released along the fault caused the 1906 ... earthquake* (the tagger took *Stress* for a name in
    its paragraph) is asked *In what year did stress cause ...?*, not *did Stress*."""
    quiz = build_quiz(read_document(SEEDS / "plate_tectonics.md"))
    questions = [item.question for item in quiz.items if isinstance(item, MultipleChoice)]
    assert any("did stress" in question for question in questions), questions
    assert not any("did Stress" in question for question in questions)


def test_a_head_of_government_is_said_of_the_text_s_country() -> None:
    """In a text about Peru, *Who was elected president in 2011?* does not say of which country."""
    sentence = "Former army officer Ollanta HUMALA Tasso was elected president in 2011."
    answer = replace(answer_in(sentence, "Ollanta HUMALA Tasso", "person"), stem="Who was elected president in 2011?")
    assert naming_the_country(answer, "Peru").stem == "Who was elected president of Peru in 2011?"
    titled = replace(answer, stem="In what year did President Alberto FUJIMORI win the election?")
    assert naming_the_country(titled, "Peru").stem == titled.stem  # a title before a name is no role to place
    assert naming_the_country(answer, "").stem == answer.stem
