"""How items a teacher hands out unedited read: true/false statements that are not the sentence copied,
accept lists that take the other right answers, and no free recall of a word with many right answers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.generate import BuildOptions, build_quizzes
from quizgen.generate.answers import DocumentContext, find_answers
from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.items import _accepted
from quizgen.generate.knowledge import load_knowledge
from quizgen.generate.lexicon import lexicon
from quizgen.generate.nlp import analyse, pipeline
from quizgen.generate.plan import item_of_type
from quizgen.generate.questions import claim_around
from quizgen.generate.stems import around_answer, claim, standing_alone, with_its_subject
from quizgen.model import BLANK, Cloze, TrueFalse
from quizgen.read import read_document
from tests.conftest import SEEDS
from tests.samples import answer_in, quiz_from_text, rewords, shortens


def _claim(sentence: str, answer: str, kind: str = "year") -> str | None:
    found = answer_in(sentence, answer, kind)  # type: ignore[arg-type]
    found = replace(found, claim=claim_around(found, pipeline()(sentence)[:]))
    return claim(found, found.text)


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "expected"),
    [
        (
            "In April 1803, Jefferson bought the Louisiana Territory from France.",
            "1803",
            "year",
            "Jefferson bought the Louisiana Territory from France in April 1803.",
        ),
        (
            "Iceland was ruled by Norway and Denmark until 1918.",
            "1918",
            "year",
            "Norway and Denmark ruled Iceland until 1918.",
        ),
        (
            "The Nile is the longest river in Africa, and the second-longest in the world after the Amazon.",
            "Africa",
            "place",
            "The longest river in Africa is the Nile.",
        ),
        (
            "KISHIDA Fumio became prime minister in 2021.",
            "2021",
            "year",
            "In 2021, KISHIDA Fumio became prime minister.",
        ),
        (
            "The kingdom that first emerged in Nubia was called Kush.",
            "Kush",
            "place",
            "Kush was the kingdom that first emerged in Nubia.",
        ),
        (
            "President Alfonso Lopez led the initiative.",
            "Alfonso Lopez",
            "person",
            "The initiative was led by President Alfonso Lopez.",
        ),
    ],
)
def test_a_true_statement_says_the_claim_in_other_words(sentence: str, answer: str, kind: str, expected: str) -> None:
    said = _claim(sentence, answer, kind)
    assert said == expected
    assert said not in sentence and rewords(said, sentence)  # not copied, and nothing the text does not say


def test_a_means_is_not_made_the_doer_and_a_phrase_never_moves_after_another_verb() -> None:
    """*executed by guillotine* names no doer (*Guillotine executed Louis XVI* is nonsense), and a date moved
    after *that the continents had drifted apart* would date the drift, not the suggestion."""
    executed = _claim("Louis XVI was executed by guillotine in January 1793.", "1793")
    assert executed == "In January 1793, Louis XVI was executed by guillotine."
    said = _claim("In 1912, Alfred Wegener suggested that the continents had drifted apart.", "1912")
    assert said is None or not said.endswith("drifted apart in 1912."), said


def test_a_condition_the_claim_needs_is_never_dropped() -> None:
    # "Sunlight hits us at a more direct angle" alone is not what the text says.
    sentence = "When we lean into the Sun, sunlight hits us at a more direct angle."
    said = _claim(sentence, "sunlight", "term")
    assert said is None or "when we lean into the Sun" in said


def test_true_false_statements_of_a_quiz_are_reworded(tmp_path: Path) -> None:
    text = (
        "Iceland\n\nIceland was settled in the ninth century.\n\nHistory\n\n"
        "In 1918, Iceland became a sovereign state under the Danish crown.\n"
        "In 1944, Iceland became a republic after a referendum.\n"
        "In 1994, Iceland joined the European Economic Area.\n"
        "In 1262, the island was ruled by Norway, and later by Denmark.\n"
    )
    quiz = quiz_from_text(tmp_path, text, BuildOptions(types=frozenset({TrueFalse})))
    statements = [item for item in quiz.items if isinstance(item, TrueFalse)]
    assert statements
    for item in statements:
        assert item.statement.rstrip(".") not in item.source.sentence, item.statement


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "also"),
    [
        ("Peru is in Western South America.", "Western South America", "place", "South America"),
        ("The highest point of Japan is Mount Fuji.", "Mount Fuji", "place", "Mt. Fuji"),
        ("The rat flea became a major plague vector.", "rat flea", "term", "flea"),
        ("Peru shares control of Lago Titicaca with Bolivia.", "Lago Titicaca", "place", "Titicaca"),
        ("Peru shares control of Lago Titicaca with Bolivia.", "Lago Titicaca", "place", "Lake Titicaca"),
        ("After its defeat in World War II, Japan recovered.", "World War II", "event", "WWII"),
        ("After its defeat in World War II, Japan recovered.", "World War II", "event", "the Second World War"),
        ("At the outset of World War I, Hoover led the relief effort.", "World War I", "event", "WWI"),
        # a place with or without its generic word, whatever kind the tagger gave it
        ("Americans dreamed of opening the Pacific to American commerce.", "Pacific", "place", "Pacific Ocean"),
        ("The Nile is second only to the Amazon.", "Amazon", "rivers", "Amazon River"),
        ("The southern boundary of Ancient Egypt was the first cataract.", "Ancient Egypt", "organisation", "Egypt"),
    ],
)
def test_a_cloze_accepts_the_other_right_answers(sentence: str, answer: str, kind: str, also: str) -> None:
    assert also in _accepted(answer_in(sentence, answer, kind), lexicon())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "sentence", "many"),
    [
        ("slowdown", "Japan's economy experienced a major slowdown starting in the 1990s.", True),
        ("dissatisfaction", "Popular dissatisfaction with the government grew.", True),
        ("boulders", "The presence of boulders makes the river impassable by boats.", True),
        ("thylakoids", "The membrane forms stacked structures called thylakoids.", False),
        ("virions", "The components form new virus particles called virions.", False),
    ],
)
def test_a_common_word_with_many_right_answers_is_told_apart(word: str, sentence: str, many: bool) -> None:
    assert load_knowledge().many_right_words(word, sentence, word.endswith("s")) is many


def test_a_free_recall_blank_is_never_a_word_with_many_right_answers(tmp_path: Path) -> None:
    text = (
        "The Japanese Economy\n\nAfter decades of growth, Japan's economy experienced a major slowdown.\n\n"
        "Trade\n\nJapan exports cars and electronics to many countries.\n"
    )
    quiz = quiz_from_text(tmp_path, text)
    for item in quiz.items:
        blanks = getattr(item, "blanks", ())
        assert all(blank.answer != "slowdown" or len(blank.distractors) >= 3 for blank in blanks)


def test_a_link_inside_the_sentence_is_left_out() -> None:
    sentence = "Photosynthetic membranes in prokaryotes, by contrast, are not organized into organelles."
    before, after = around_answer(answer_in(sentence, "prokaryotes", "term"))
    assert "contrast" not in before + after


@pytest.mark.parametrize(
    ("fragment", "answer", "expected"),
    [
        (
            "Shares control of Lago Titicaca, world's highest navigable lake, with Bolivia",
            "Lago Titicaca",
            "Peru shares control of _____, world's highest navigable lake, with Bolivia.",
        ),
        (
            "Strategic location in western South America; a remote slope is the source of the Amazon River",
            "South America",
            "Peru has a strategic location in western _____.",
        ),
    ],
)
def test_a_fact_sheet_fragment_gains_its_subject(fragment: str, answer: str, expected: str) -> None:
    found = answer_in(fragment, answer, "place", full_clause=False)
    given = with_its_subject(found, pipeline()(fragment)[:], "Peru")
    assert given is not None and standing_alone(given, BLANK) == expected


def test_a_fragment_about_no_country_is_not_asked() -> None:
    fragment = "Shares control of Lago Titicaca with Bolivia"
    assert with_its_subject(answer_in(fragment, "Lago Titicaca", "place"), pipeline()(fragment)[:], "") is None


def test_he_never_stands_for_a_people(tmp_path: Path) -> None:
    text = (
        "The Crash of 1929\n\nHerbert Hoover became president at a time of prosperity.\n\nHopes\n\n"
        "Americans hoped he would continue to lead the country through more economic growth.\n"
        "Hoover had led the Food Administration during the war in Europe.\n"
    )
    quiz = quiz_from_text(tmp_path, text)
    assert not [item for item in quiz.items if "hoped he" in str(item)]


def test_a_true_statement_is_never_the_sentence_trimmed(tmp_path: Path) -> None:
    """A statement that is its sentence with an opening link and an apposition cut (*The kingdom stretched
    from the Nile delta ...*) is recognised, not understood: no true/false item is made of it."""
    text = (
        "Kush\n\nKush was a kingdom of Nubia.\n\nHistory\n\n"
        "At that time, the kingdom stretched from the Nile delta to Khartoum, the capital of Sudan.\n"
        "Across the center of Africa lies a swath of wet land that reaches Guinea.\n"
        "Meroe later became the capital of Kush, replacing Napata.\n"
    )
    quiz = quiz_from_text(tmp_path, text, BuildOptions(types=frozenset({TrueFalse})))
    for item in quiz.items:
        assert isinstance(item, TrueFalse)
        assert not shortens(item.statement, item.source.sentence), item.statement


@pytest.mark.parametrize(
    ("sentence", "answer", "kind"),
    [
        ("About 260 of the islands are inhabited.", "260", "number"),
        ("The belt contains about 75% of the world's volcanoes.", "75", "percent"),
        ("In March, the two hemispheres are equally favored with sunshine.", "two", "number_word"),
    ],
)
def test_a_count_or_share_is_never_changed_to_make_a_false_statement(sentence: str, answer: str, kind: str) -> None:
    """*About 200 of the islands are inhabited* asks an exact figure, and *the three hemispheres* is false
    on its face: a count or a share is asked another way, never as a true/false item."""
    found = answer_in(sentence, answer, kind)  # type: ignore[arg-type]
    pool = Pool()
    pool.add_all([found])
    item = item_of_type(found, Distractors(pool, lexicon(), knowledge=None), BuildOptions(), TrueFalse)
    assert item is None


def test_a_false_date_is_one_of_the_documents_own() -> None:
    """A false statement changes a date only for another date the document gives (*the end of the Bronze Age
    in about 3150 BCE*, the date of Egypt's unification), never a nudged one (1533 -> 1536)."""
    text = "Ancient Peru was ruled by the Incas, whose empire the Spanish captured in 1533."
    reworded = ("The Spanish captured the empire of the Incas in ", ".")
    capture = replace(answer_in(text, "1533", "year"), claim=reworded)
    pool = Pool()
    pool.add_all([capture])
    distractors = Distractors(pool, lexicon(), knowledge=None)
    assert item_of_type(capture, distractors, BuildOptions(), TrueFalse) is None
    pool.add_all([answer_in("The last Inca ruler was executed in 1572.", "1572", "year", position=1)])
    for seed in range(6):
        item = item_of_type(capture, distractors, BuildOptions(seed=seed), TrueFalse)
        assert isinstance(item, TrueFalse)
        assert item.answer or "1572" in item.statement


def test_a_fact_sheet_line_is_not_asked_for_what_the_title_gives_away(tmp_path: Path) -> None:
    """*The location of Peru is _____* (Western South America) is general knowledge, not the text's: a
    fact-sheet value, asked about the title, passes the title's give-away checks (here, the continent of
    the country it names)."""
    text = (
        "Peru\n\nPeru declared its independence in 1821.\n\n"
        "- Location: Western South America, bordering the South Pacific Ocean\n"
        "- Highest point: Nevado Huascaran 6,746 m\n"
    )
    quiz = quiz_from_text(tmp_path, text)
    asked = [item for item in quiz.items if "South America" in item.explanation.split("[", 1)[1].split("]")[0]]
    assert not asked
    assert any("Huascaran" in item.explanation for item in quiz.items)


def test_the_generic_noun_before_a_name_is_never_the_blank(tmp_path: Path) -> None:
    """*egg-shaped _____ known as buboes* asks a word many words fill (*lumps*); the name is what it teaches."""
    path = tmp_path / "plague.txt"
    path.write_text(
        "The Plague\n\nThe plague spread across Europe.\n\nSymptoms\n\n"
        "The bubonic plague raises egg-shaped swellings known as buboes near the lymph nodes.\n"
        "Leaves release a colourless gas called oxygen into the air during the day.\n"
        "In 1789, Louis XVI called a meeting of the Estates-General at Versailles.\n",
        encoding="utf-8",
    )
    ((_, sentences),) = list(analyse([read_document(path)]))
    found = [a.text for s in sentences for a in find_answers(s, DocumentContext(frozenset(), frozenset()), lexicon())]
    assert "oxygen" in found and "Louis XVI" in found, found  # a name before "called" is its subject
    assert "swellings" not in found and "gas" not in found, found


def test_a_cloze_offers_two_wrong_words_or_none() -> None:
    """A blank with one wrong word beside its answer is a choice of two (the Colombia and plate tectonics
    seeds had them): it keeps two or three wrong words, or none and is free recall."""
    quizzes = build_quizzes([read_document(path) for path in sorted(SEEDS.iterdir()) if path.suffix in (".txt", ".md")])
    banks = [
        len(blank.distractors)
        for quiz in quizzes
        for item in quiz.items
        if isinstance(item, Cloze)
        for blank in item.blanks
    ]
    assert 0 in banks and any(size >= 2 for size in banks), banks
    assert 1 not in banks, banks


def test_an_opening_date_is_not_moved_past_a_coordination() -> None:
    """At the end, the date would be said of the last phrase alone: *... and later by Denmark in 1262*."""
    said = _claim("In 1262, the island was ruled by Norway, and later by Denmark.", "1262")
    assert said is None or not said.endswith("Denmark in 1262."), said
    assert _claim("In 1803, Jefferson bought the Louisiana Territory.", "1803") == (
        "Jefferson bought the Louisiana Territory in 1803."
    )


def test_a_passive_with_two_agents_is_not_made_active() -> None:
    """*... was ruled by Norway, and later by Denmark* has two agents: *Norway ruled the island, and later by
    Denmark* does not read."""
    said = _claim("In 1262, the island was ruled by Norway, and later by Denmark.", "1262")
    assert said is None or not said.startswith("Norway ruled"), said
    assert _claim("In 1262, Iceland was ruled by Norway.", "1262") == "Norway ruled Iceland in 1262."
