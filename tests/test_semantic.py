"""Lexical knowledge for wrong options: packaged data, co-hyponyms, senses, filters, and the science corpus."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from quizgen.english import same_stem
from quizgen.generate import BuildOptions, build_quizzes
from quizgen.generate.knowledge import load_knowledge
from quizgen.generate.types import SEMANTIC_KINDS
from quizgen.model import Cloze, MultipleChoice, Quiz
from quizgen.read import read_document
from tests.conftest import PROJECT, REFERENCE_SEED, SEEDS, corpus_files, needs_corpus
from tests.samples import quiz_from_text

DATA_FILES = (
    "glove-50d-int8.npy",
    "glove-vocab.txt.gz",
    "wordnet-nouns.tsv.gz",
    "wordnet-noun-index.tsv.gz",
    "wordnet-noun-exceptions.tsv",
    "WORDNET-LICENSE",
    "GLOVE-NOTICE",
)


def texts(answer: str, sentence: str, limit: int = 10) -> list[str]:
    return [text for text, _ in load_knowledge().candidates(answer, sentence, limit)]


def test_the_data_and_its_notices_ship_inside_the_package() -> None:
    folder = resources.files("quizgen.generate").joinpath("data")
    for name in DATA_FILES:
        assert folder.joinpath(name).is_file(), name
    assert "Princeton University" in folder.joinpath("WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "PDDL" in folder.joinpath("GLOVE-NOTICE").read_text(encoding="utf-8")
    size = sum(folder.joinpath(name).stat().st_size for name in DATA_FILES)  # type: ignore[attr-defined]
    assert size < 10_000_000


def test_knowledge_loads_and_knows_words_and_nouns() -> None:
    knowledge = load_knowledge()

    assert knowledge.vectors.vector("photosynthesis") is not None
    assert knowledge.wordnet.lemma("mitochondria") == "mitochondrion"
    assert knowledge.wordnet.lemma("fungi", plural=True) == "fungus"
    assert knowledge.wordnet.senses("dog")
    assert "n" in knowledge.vectors.part_of_speech("lungs")
    assert knowledge.wordnet.written("peru") == "Peru"


@pytest.mark.parametrize(
    ("first", "second", "related"),
    [
        ("dog", "mammal", True),  # hypernym
        ("dog", "puppy", True),  # hyponym
        ("communism", "ideology", True),
        ("communism", "Marxism", True),
        ("accord", "agreement", True),  # synonym in one sense
        ("mitochondria", "mitochondrion", True),  # the same lemma
        ("dog", "cat", False),
        ("communism", "capitalism", False),
        ("lungs", "kidneys", False),
    ],
)
def test_related_means_synonym_hypernym_or_hyponym(first: str, second: str, related: bool) -> None:
    assert load_knowledge().related(first, second) is related
    assert load_knowledge().related(second, first) is related


def test_communism_gets_other_systems_not_its_hypernym_or_kinds() -> None:
    found = texts("communism", "Colombia sought closer relations with countries under communism.")

    assert {"capitalism", "fascism", "totalitarianism", "socialism", "democracy"} & set(found), found
    assert not {"ideology", "marxism", "political theory", "communism"} & {text.lower() for text in found}


def test_dog_gets_other_animals_not_mammal_or_puppy() -> None:
    found = texts("dog", "The dog barked at the postman every morning.", 20)

    assert {"cat", "wolf", "fox", "pig"} & set(found), found
    assert not {"mammal", "puppy", "canine", "animal", "domestic dog", "dogs"} & set(found)


def test_sense_is_chosen_from_the_sentence() -> None:
    biology = texts("virus", "The virus infected the cells of the host and multiplied inside them.", 20)
    computing = texts("virus", "The virus deleted files on the computer and spread through email attachments.", 20)

    assert "bacteria" in biology and "worm" in computing
    assert "worm" not in biology[:5] and "bacteria" not in computing


def test_candidates_take_the_answers_number_and_case() -> None:
    plural = texts("lungs", "Air enters the lungs through the trachea.")
    proper = texts("Nile", "The Nile flows north into the Mediterranean Sea.")

    assert "kidneys" in plural and all(text.endswith("s") for text in plural)
    assert proper and all(text[:1].isupper() for text in proper)


def test_no_candidate_shares_a_stem_with_the_answer_or_its_sentence() -> None:
    found = texts("photosynthesis", "Plants make sugars by photosynthesis in their leaves.", 30)

    assert found
    for text in found:
        assert not any(
            same_stem(word, other)
            for word in text.split()
            for other in ("photosynthesis", "sugars", "plants", "leaves")
        )
    assert "synthesis" not in found


def test_same_stem_spots_word_forms_only() -> None:
    assert same_stem("reduced", "reducing")
    assert same_stem("lung", "lungs")
    assert same_stem("synthesis", "photosynthesis")
    assert not same_stem("chloroplast", "chlorophyll")
    assert not same_stem("mitosis", "mycosis")


def test_commands_that_build_nothing_do_not_load_the_data() -> None:
    probe = (
        "import sys; from click.testing import CliRunner; from quizgen.cli import main;"
        f"CliRunner().invoke(main, ['inspect', {str(REFERENCE_SEED)!r}]);"
        "CliRunner().invoke(main, ['--help']);"
        "from quizgen.generate.knowledge import load_knowledge;"
        "print(load_knowledge.cache_info().currsize, 'numpy' in sys.modules)"
    )
    completed = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True, check=True)

    assert completed.stdout.split() == ["0", "False"], completed.stderr


# --- The science corpus: multiple choice on terms, never a related option -------------------


def science_files() -> list[Path]:
    return [path for path in corpus_files() if path.name.startswith("science_")]


@cache
def science_quizzes() -> tuple[Quiz, ...]:
    return tuple(build_quizzes([read_document(path) for path in science_files()]))


def _kind(item: MultipleChoice | Cloze) -> str:
    return next(tag.split(":", 1)[1] for tag in item.tags if tag.startswith("answer:"))


def _choice_items(quiz: Quiz) -> list[MultipleChoice]:
    return [item for item in quiz.items if isinstance(item, MultipleChoice)]


@needs_corpus
def test_science_term_questions_offer_only_wrong_options_of_the_answers_class() -> None:
    assert len(science_quizzes()) == 3
    terms = [item for quiz in science_quizzes() for item in _choice_items(quiz) if _kind(item) == "term"]
    assert terms, "the science documents give multiple choice on terms"
    for item in terms:
        wrong = [option.text for option in item.options if option.id != item.answer]
        assert all(load_knowledge().same_class(item.answer_text, text) for text in wrong), (item.answer_text, wrong)


def _wrong_answers(quiz: Quiz) -> list[tuple[str, str]]:
    """(answer, wrong option) of every multiple-choice item and every cloze word bank of ``quiz``,
    for answers of a semantic class (terms, places, groups...)."""
    pairs = []
    semantic = frozenset[str](SEMANTIC_KINDS)
    for item in quiz.items:
        if isinstance(item, MultipleChoice) and (_kind(item) in semantic or item.answer_text.islower()):
            pairs += [(item.answer_text, option.text) for option in item.options if option.id != item.answer]
        elif isinstance(item, Cloze) and _kind(item) in semantic:
            pairs += [(blank.answer, wrong) for blank in item.blanks for wrong in blank.distractors]
    return pairs


@needs_corpus
def test_no_science_distractor_is_a_synonym_hypernym_or_hyponym_of_its_answer() -> None:
    """Over the science documents and the science seeds (whose definition items ask for terms too)."""
    seeds = build_quizzes([read_document(SEEDS / name) for name in ("water_cycle.txt", "plate_tectonics.md")])
    pairs = [pair for quiz in (*science_quizzes(), *seeds) for pair in _wrong_answers(quiz)]
    for answer, wrong in pairs:
        assert not load_knowledge().related(answer, wrong), (answer, wrong)
    assert len(pairs) >= 6


def test_lexical_knowledge_gives_wrong_options_beside_the_documents_own(tmp_path: Path) -> None:
    path = tmp_path / "body.txt"
    path.write_text(
        "The Human Body\nEnzymes in saliva begin the digestion of starch.\nMuscles burn glucose for energy.\n"
        "Hormones travel through the bloodstream to distant organs.\n"
        "The small intestine absorbs most of the nutrients from food.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    text = path.read_text(encoding="utf-8").lower()

    items = _choice_items(build_quizzes([document], BuildOptions(types=frozenset({MultipleChoice, Cloze})))[0])

    assert items
    for item in items:
        wrong = [option.text for option in item.options if option.id != item.answer]
        assert not any(load_knowledge().related(item.answer_text, option) for option in wrong)
        assert any(option.lower() in text for option in wrong), "one wrong option comes from the document"
        assert any(option.lower() not in text for option in wrong), "the others from lexical knowledge"


def test_a_cloze_accepts_no_synonym_its_sentence_defines_the_answer_by(tmp_path: Path) -> None:
    """WordNet has *pore* for *stoma*, but "tiny pores ... called stomata" asks for the name, so
    writing "pores" in the blank is no answer."""
    text = (
        "Leaves\n\nPlants lose water.\n\n"
        "How leaves work\nPlants release vapour through tiny pores in their leaves called stomata.\n"
    )
    quiz = quiz_from_text(tmp_path, text, BuildOptions(types=frozenset({Cloze})))
    [blank] = [blank for item in quiz.items if isinstance(item, Cloze) for blank in item.blanks]
    assert blank.answer == "stomata"
    assert "pores" not in blank.accept


@pytest.mark.parametrize(
    ("option", "answer", "as_much"),
    [
        ("homes", "crowded dwellings", True),  # the head's synonym: as right as the answer
        ("lush grasslands", "savannas", True),  # a wider class of the head
        ("proteins", "pigment molecules", False),  # a narrower class is wrong here
        ("light-independent reactions", "light-dependent reactions", False),  # one head: told apart by the rest
        ("black rat", "rat flea", False),
        ("sea", "the ocean", False),  # one in a rare sense only
    ],
)
def test_an_option_that_names_the_answer_by_its_head(option: str, answer: str, as_much: bool) -> None:
    assert load_knowledge().names_as_much(option, answer) is as_much
