"""Wrong options the document itself makes right: a part of the answer, a kind of it, or a narrower or
broader phrase with the same head noun. Small texts, the checks of :meth:`Distractors.acceptable`."""

from __future__ import annotations

from quizgen.generate.distractors import Distractors, Pool, narrower_kind
from quizgen.generate.lexicon import lexicon
from tests.samples import answer_in

CELL_TEXT = (
    "Photosynthesis takes place in the chloroplast. Within the chloroplast is a third membrane that forms "
    "stacked structures called thylakoids. Pigments are embedded within the thylakoid membranes or other "
    "photosynthetic bacterial membranes. Plant cells have organelles such as mitochondria."
)


def _distractors(text: str = CELL_TEXT) -> Distractors:
    pool = Pool()
    pool.add_text(text, "doc")
    return Distractors(pool, lexicon())


def test_what_the_text_puts_within_the_answer_is_no_wrong_option_for_it() -> None:
    chloroplast = answer_in("Light is absorbed in the chloroplast.", "chloroplast", "term")
    thylakoids = answer_in("Light is absorbed in the thylakoids.", "thylakoids", "term")
    distractors = _distractors()
    assert not distractors.acceptable(chloroplast, "thylakoids", [])
    assert not distractors.acceptable(thylakoids, "chloroplast", [])
    assert distractors.acceptable(chloroplast, "nucleus", [])


def test_a_kind_the_text_names_of_the_answer_is_no_wrong_option_for_it() -> None:
    membranes = answer_in("Pigments sit in photosynthetic membranes.", "photosynthetic membranes", "term")
    organelles = answer_in("Cells hold organelles.", "organelles", "term")
    distractors = _distractors()
    assert not distractors.acceptable(membranes, "thylakoid membranes", [])
    assert not distractors.acceptable(organelles, "mitochondria", [])
    assert distractors.pool.kind_of("doc", "mitochondria", "organelles")
    assert not distractors.pool.kind_of("doc", "organelles", "mitochondria")


def test_a_phrase_with_the_answers_head_and_all_its_modifiers_is_as_right_as_it() -> None:
    assert narrower_kind("photosynthetic bacterial membranes", "photosynthetic membranes")
    assert narrower_kind("flea", "rat flea")
    assert not narrower_kind("thylakoid membranes", "photosynthetic membranes")
    assert not narrower_kind("Upper Egypt", "Lower Egypt")
    membranes = answer_in("Pigments sit in photosynthetic membranes.", "photosynthetic membranes", "term")
    assert not Distractors(Pool(), lexicon()).acceptable(membranes, "photosynthetic bacterial membranes", [])
