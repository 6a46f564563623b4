"""Wrong options of multiple-choice items (issue 12): enough of them, of the answer's kind, and as often in
the text as the answer, so "pick the option the text mentions" finds nothing."""

from __future__ import annotations

import random

from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.knowledge import load_knowledge
from quizgen.generate.lexicon import lexicon
from tests.samples import answer_in

ICELAND = (
    "Settlers from Norway reached Iceland in the ninth century. "
    "Iceland was ruled by Denmark until 1944. "
    "Its fishing fleet competes with those of Sweden and Finland."
)


def _distractors(text: str) -> tuple[Distractors, Pool]:
    pool = Pool()
    pool.add_text(text, "doc")
    return Distractors(pool, lexicon(), load_knowledge()), pool


def test_a_list_member_the_text_mentions_counts_as_the_documents_own() -> None:
    denmark = answer_in("Iceland was ruled by Denmark until 1944.", "Denmark", "countries", category="countries/Europe")
    bare = Distractors(Pool(), lexicon(), load_knowledge())
    assert bare.choose(denmark, random.Random(0), from_document=1) is None  # the text's own answers have no country
    distractors, _ = _distractors(ICELAND)
    wrong = distractors.choose(denmark, random.Random(0), from_document=1)
    assert wrong is not None
    assert {"Norway", "Sweden", "Finland"} & set(wrong)


def test_the_text_is_matched_word_for_word() -> None:
    _, pool = _distractors(ICELAND)
    assert pool.mentions("doc", "fishing fleet")
    assert pool.mentions("doc", "the ninth century")
    assert not pool.mentions("doc", "fleet fishing")
    assert not pool.mentions("doc", "Nor")  # a part of a word is no mention
    assert not pool.mentions("other", "Norway")  # another document's text is not this one's


OCEAN = "Most of the rain on the planet falls over the ocean."


def test_a_word_of_degree_is_no_wrong_option_for_a_noun() -> None:
    # WordNet knows "much" (a great amount) and "deep" (the sea) as rare nouns; read as options they are
    # words of degree, which a student rules out beside "the ocean" by their kind alone
    distractors, _ = _distractors(OCEAN)
    ocean = answer_in(OCEAN, "the ocean", "term")
    assert not distractors.acceptable(ocean, "much", [])
    assert not distractors.acceptable(ocean, "deep", [])
    assert distractors.acceptable(ocean, "sea", [])
    wrong = distractors.choose(ocean, random.Random(0))
    assert wrong is not None and not {"much", "deep", "little", "high"} & set(wrong)


def test_a_verbs_ing_form_is_no_wrong_option_for_a_noun_that_is_none() -> None:
    sentence = "Hard work is the key to success in any field."
    distractors, _ = _distractors(sentence)
    success = answer_in(sentence, "success", "term")
    assert not distractors.acceptable(success, "coming", [])
    assert not distractors.acceptable(success, "taking", [])
    assert distractors.acceptable(success, "career", [])


def test_a_name_takes_no_phrase_in_lower_case_as_a_wrong_option() -> None:
    sentence = "In the election the Democrats won a majority in the House."
    distractors, _ = _distractors(sentence)
    democrats = answer_in(sentence, "Democrats", "group", plural=True)
    assert not distractors.acceptable(democrats, "Little giants", [])  # a common noun phrase, capitalised
    assert distractors.acceptable(democrats, "Republicans", [])
    duchy = answer_in("William was the Duke of the Duchy of Normandy.", "Duchy of Normandy", "place")
    assert not distractors.acceptable(duchy, "Duchy of small farms", [])


def test_an_answer_that_opens_with_a_preposition_takes_options_that_do() -> None:
    sentence = "The talks are due to take place in April."
    distractors, _ = _distractors(sentence)
    april = answer_in(sentence, "in April", "term")
    assert not distractors.acceptable(april, "month", [])
    assert not distractors.acceptable(april, "next spring", [])


def test_the_documents_subject_is_never_a_wrong_option() -> None:
    # a fact sheet's fragment takes its subject in the stem ("Peru shares ..."), which the sentence lacks
    sentence = "Shares control of Lago Titicaca, world's highest navigable lake, with Bolivia."
    distractors, pool = _distractors(f"Peru. {sentence}")
    pool.add_title("Peru", "doc")
    bolivia = answer_in(sentence, "Bolivia", "countries", category="countries/South America")
    assert not distractors.acceptable(bolivia, "Peru", [])
    assert distractors.acceptable(bolivia, "Chile", [])
    wrong = distractors.choose(bolivia, random.Random(0))
    assert wrong is not None and "Peru" not in wrong
    assert pool.is_title("doc", "peru")
    viruses, egypt = Pool(), Pool()
    viruses.add_title("Viruses", "doc")
    egypt.add_title("Ancient Egypt", "doc")
    assert viruses.is_title("doc", "virus")  # the title's word in another form
    assert not egypt.is_title("doc", "Egypt")  # a part of the title is still a fair option
