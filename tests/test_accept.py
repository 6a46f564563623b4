"""Accepted answers of a cloze blank: the forms of a name, a place, a species and a head noun a student
rightly writes, on small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.generate import BuildOptions
from quizgen.generate.accept import InDocument, head_is_clear, name_forms, species_forms
from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.items import _accepted, _place_forms
from quizgen.generate.knowledge import load_knowledge
from quizgen.generate.lexicon import lexicon
from quizgen.generate.plan import _in_the_other_number
from quizgen.model import Cloze
from tests.samples import answer_in, quiz_from_text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Charles de Gaulle", ["de Gaulle"]),
        ("Franklin D. Roosevelt", ["Roosevelt", "Franklin Roosevelt"]),
        ("Alfonso López Michelsen", ["López Michelsen", "Lopez Michelsen", "Alfonso Lopez Michelsen"]),
        ("Jose Pedro CASTILLO Terrones", ["Castillo", "Pedro Castillo", "Jose Pedro Castillo"]),
        ("Martin Luther King Jr.", ["King", "Martin Luther King"]),
    ],
)
def test_a_full_name_accepts_its_surname_and_given_name_forms(name: str, expected: list[str]) -> None:
    forms = name_forms(name)
    assert set(expected) <= set(forms), forms
    assert name not in forms


def test_castillo_is_not_written_with_his_surnames_swapped() -> None:
    assert "Jose Pedro Terrones Castillo" not in name_forms("Jose Pedro CASTILLO Terrones")


def test_a_surname_alone_accepts_the_full_name_the_document_gives() -> None:
    document = InDocument(people=("Martin Alberto VIZCARRA Cornejo", "Alan GARCIA Perez"))
    assert "Martin Vizcarra" in name_forms("VIZCARRA", document)
    assert name_forms("Napoleon", document) == []


def test_a_surname_two_people_of_the_document_share_is_not_accepted_alone() -> None:
    document = InDocument(people=("Theodore Roosevelt", "Franklin Roosevelt"))
    assert "Roosevelt" not in name_forms("Franklin Roosevelt", document)
    assert name_forms("Roosevelt", document) == []
    assert "Roosevelt" in name_forms("Franklin Roosevelt", InDocument(people=("Franklin Roosevelt",)))


@pytest.mark.parametrize(
    ("place", "forms"),
    [
        ("Nevado Huascaran", ["Huascaran", "Mount Huascaran", "Mt. Huascaran"]),
        ("Cerro Aconcagua", ["Aconcagua", "Mount Aconcagua"]),
        ("Mount Fuji", ["Fuji", "Mt. Fuji"]),
    ],
)
def test_a_spanish_generic_place_word_may_be_left_out(place: str, forms: list[str]) -> None:
    assert set(forms) <= set(_place_forms(place))


def test_a_listed_desert_or_river_named_alone_accepts_its_generic_word() -> None:
    assert "Sahara Desert" in lexicon().full_names("Sahara")
    assert "Nile River" in lexicon().full_names("Nile")
    assert "Sahara" in lexicon().full_names("Sahara Desert")


def test_a_binomial_accepts_its_abbreviated_genus_and_the_other_way_round() -> None:
    assert "Y. pestis" in species_forms("Yersinia pestis")
    assert species_forms("Heterotrophic organisms") == []  # words, not Latin
    assert species_forms("E. coli", InDocument(names=("Escherichia coli",))) == ["Escherichia coli"]
    assert species_forms("E. coli") == []


def test_the_head_noun_alone_only_where_the_document_names_no_other_kind() -> None:
    other_kind = InDocument(terms=("phototrophic organisms", "heterotrophic organisms"))
    assert not head_is_clear("heterotrophic organisms", "organisms", other_kind)
    same_kind = InDocument(terms=("obligate intracellular parasites", "Coolidge parasites"))
    assert head_is_clear("intracellular parasites", "parasites", same_kind)


def test_a_cloze_accepts_the_head_noun_only_when_it_is_clear(tmp_path: Path) -> None:
    text = (
        "Energy\n\nPlants and other phototrophic organisms capture the energy of sunlight in chloroplasts.\n\n"
        "Food\n\nHeterotrophic organisms rely on the chemical energy stored in carbohydrate molecules.\n"
    )
    quiz = quiz_from_text(tmp_path, text, BuildOptions(types=frozenset({Cloze})))
    blanks = [b for item in quiz.items if isinstance(item, Cloze) for b in item.blanks if "organisms" in b.answer]
    assert blanks
    assert all("organisms" not in blank.accept for blank in blanks), blanks


def test_a_cloze_accepts_the_noun_of_an_ic_adjective_of_a_class() -> None:
    knowledge = load_knowledge()
    assert knowledge.noun_of_adjective("heterotrophic organisms", plural=True) == "heterotrophs"
    assert knowledge.noun_of_adjective("volcanic rocks", plural=True) is None  # a volcano is no rock


def test_an_island_country_is_no_wrong_word_for_an_island_country_of_an_island_claim() -> None:
    sentence = "Iceland is an island nation in the North Atlantic Ocean."
    iceland = answer_in(sentence, "Iceland", "countries")
    distractors = Distractors(Pool(), lexicon())
    assert not distractors.acceptable(iceland, "Madagascar", [])
    assert distractors.acceptable(iceland, "Norway", [])


def test_a_river_near_in_length_is_no_wrong_word_for_a_longest_claim() -> None:
    danube = answer_in("The Danube is the longest river of the European Union.", "Danube", "rivers")
    distractors = Distractors(Pool(), lexicon())
    assert not distractors.acceptable(danube, "Ganges", [])  # two places apart
    assert distractors.acceptable(danube, "Thames", [])
    other_claim = answer_in("The Danube flows through Vienna.", "Danube", "rivers")
    assert distractors.acceptable(other_claim, "Ganges", [])


@pytest.mark.parametrize(
    ("sentence", "term", "other"),
    [
        ("Magma rises through the conduits of the volcano.", "conduits", "conduit"),
        ("Water flows out of the glacier in summer.", "glacier", "glaciers"),
        ("The glacier melts in summer.", "glacier", None),  # the verb says one
        ("Magma rises through one of the conduits of the volcano.", "conduits", None),  # counted
        ("More land is covered by glaciers than in Europe.", "glaciers", None),  # no article: a glacier
    ],
)
def test_a_term_the_sentence_does_not_count_accepts_the_other_number(
    sentence: str, term: str, other: str | None
) -> None:
    answer = answer_in(sentence, term, "term", plural=term.endswith("s"))
    assert _in_the_other_number(answer, load_knowledge()) == other


def test_a_surname_the_tagger_took_for_a_term_accepts_the_full_name() -> None:
    answer = answer_in("The Congress impeached VIZCARRA for a second time.", "VIZCARRA", "term")
    document = InDocument(people=("Martin Alberto VIZCARRA Cornejo",))
    assert "Martin Vizcarra" in _accepted(answer, lexicon(), document)
    assert _accepted(answer_in("The Congress met in Lima.", "Lima", "cities"), lexicon(), document) == []
