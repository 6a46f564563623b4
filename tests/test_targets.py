"""What a quiz asks about: no blank the stem, the title or general knowledge fills, no detail that only
describes what the sentence is about, one fact asked once, and no item that prints another's answer.

Each text here is small and written for the test; the items are built as `quizgen build` builds them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.check.asked import asked
from quizgen.generate import build_quiz
from quizgen.model import Item, Quiz, TrueFalse
from quizgen.read import read_document


def _quiz(tmp_path: Path, title: str, *paragraphs: str) -> Quiz:
    name = re.sub(r"\W+", "_", title.lower())
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join([title, *paragraphs]) + "\n", encoding="utf-8")
    return build_quiz(read_document(path))


def answers_of(item: Item) -> list[str]:
    """What the student must give: each choice's key, or a true/false statement's span in brackets."""
    if isinstance(item, TrueFalse):
        return re.findall(r"\[([^\]]+)\]", item.explanation)[:1]
    return [choice.answer for choice in asked(item).choices]


def _asked(quiz: Quiz) -> list[str]:
    return [answer.lower() for item in quiz.items for answer in answers_of(item)]


PREDICTABLE = [
    pytest.param(
        "Viruses",
        "Dmitri Ivanovski was a Russian botanist who studied the mosaic disease of tobacco plants in 1892. "
        "Ivanovski is credited as the original discoverer of viruses and a founder of the field of virology. "
        "Martinus Beijerinck later called the infectious agent a contagium vivum fluidum.",
        {"virology"},
        id="the title's family",
    ),
    pytest.param(
        "The Kingdom of Kush",
        "The traditional southern boundary of Ancient Egypt was the first cataract of the Nile. "
        "The cataract served as a physical barrier and largely limited Egyptian influence in the south. "
        "Tourism to the pyramids of Meroe collapsed during the COVID-19 pandemic.",
        # "limited _____ influence": the influence is what the sentence says; "the _____ pandemic" is known
        {"egyptian", "covid-19"},
        id="a word that only describes a noun",
    ),
    pytest.param(
        "Ancient Egypt",
        "Although brief intervals of disunity occurred, Egypt remained a united and powerful kingdom until the "
        "end of the Bronze Age. The pharaohs built monumental pyramids at Giza as tombs.",
        {"disunity"},
        id="the opposite in the sentence",
    ),
    pytest.param(
        "Japan",
        "Japan is an island country with a strategic location in northeast Asia. "
        "In 1603, the Tokugawa shogunate ushered in a long period of political stability.",
        {"asia"},
        id="the continent of the text's country",
    ),
    pytest.param(
        "Lewis and Clark",
        "With the success of the Haitian Revolution, an uprising of enslaved people against the French, "
        "France's Napoleon abandoned his quest to re-establish an extensive French Empire in America. "
        "Jefferson bought the Louisiana Territory from France in 1803.",
        {"french empire"},
        id="a people's adjective beside its country",
    ),
]


@pytest.mark.parametrize(("title", "text", "predictable"), PREDICTABLE)
def test_a_blank_a_student_fills_without_the_text_is_not_asked(
    tmp_path: Path, title: str, text: str, predictable: set[str]
) -> None:
    quiz = _quiz(tmp_path, title, text)

    assert quiz.items, "the text has other facts worth asking"
    assert not predictable & set(_asked(quiz)), quiz.items


def test_one_term_is_asked_once_whatever_its_form(tmp_path: Path) -> None:
    quiz = _quiz(
        tmp_path,
        "The Black Death",
        "Although in its bubonic form the plague could not be spread from human to human, the rat flea became a "
        "major plague vector. The black rat was one of the most capable animal hosts for the plague-carrying "
        "fleas. The bacterium Yersinia pestis causes the disease.",
    )

    fleas = [answer for answer in _asked(quiz) if "flea" in answer]
    assert len(fleas) <= 1, quiz.items


def test_a_surname_in_capitals_is_not_printed_beside_its_question(tmp_path: Path) -> None:
    quiz = _quiz(
        tmp_path,
        "Peru",
        "KUCZYNSKI offered his resignation in 2018, and First Vice President Martin Alberto VIZCARRA Cornejo "
        "was sworn in as president. The Congress impeached VIZCARRA for a second time in 2020 and removed him "
        "from office.",
    )

    assert quiz.items
    assert_no_item_gives_another_away(quiz)


def assert_no_item_gives_another_away(quiz: Quiz) -> None:
    """No answer of an item of one key (or, for a person, the surname) stands in what another item of the quiz
    states (a matching item lists its terms itself, and one key of a multiple-answer item named elsewhere
    says nothing of the others): its
    stem and its parts (a wrong option may be another item's key: it is shown as wrong, as is the name a false
    statement swaps in)."""
    for item in quiz.items:
        keys = answers_of(item)
        for answer in keys if len(keys) == 1 else []:
            capitals = (word for word in answer.split() if len(word) > 1 and word.isupper() and word not in _ERAS)
            names = [answer, *capitals]  # a surname in capitals (VIZCARRA); not the era of "3150 BCE"
            for other in quiz.items:
                if other is item:
                    continue
                shown = _stated(other)
                found = [name for name in names if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", shown, re.I)]
                assert not found, f"{other.id} shows {found} that {item.id} asks"


_ERAS = frozenset({"BCE", "BC", "CE", "AD"})


def _stated(item: Item) -> str:
    """What ``item`` states: its stem and parts, and of a false statement only the words of its source."""
    if isinstance(item, TrueFalse) and not item.answer:
        source = set(item.source.sentence.split())
        return " ".join(word for word in item.statement.split() if word in source)
    return " ".join(asked(item).texts)
