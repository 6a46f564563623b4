"""The question builder: grounded items, options of the answer's kind, stable and deterministic."""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path

import pytest

from quizgen.english import same_stem
from quizgen.errors import QuizgenError
from quizgen.generate import BuildOptions, Built, QuizBuilder, build_quiz, build_quizzes, nlp
from quizgen.generate.lexicon import lexicon
from quizgen.generate.numbers import year_value
from quizgen.generate.references import resolutions
from quizgen.generate.types import CLASS_KINDS
from quizgen.generate.words import normalise
from quizgen.model import (
    ITEM_TYPES,
    Cloze,
    Document,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    Quiz,
    TrueFalse,
    item_sources,
)
from quizgen.read import find_documents, read_document
from tests.conftest import CORPUS, REFERENCE_SEED, SEEDS, corpus_files
from tests.samples import rewords, shortens
from tests.test_targets import assert_no_item_gives_another_away

YEAR = re.compile(r"^\d{3,4}( BCE| BC| CE| AD)?$")
DECADE = re.compile(r"^\d{3,4}s$")
CENTURY = re.compile(r"^(\d{1,2}(st|nd|rd|th)|[a-z-]+) century$", re.IGNORECASE)
NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?%?$")


@cache
def run_documents() -> tuple[Document, ...]:
    """The seeds and, where present, the shared corpus: one run, as `quizgen build` would make it."""
    paths = list(find_documents([SEEDS])) + corpus_files()
    return tuple(read_document(path) for path in paths)


@cache
def run_build() -> tuple[QuizBuilder, Built]:
    """The run's builder (its :attr:`~QuizBuilder.flagged` filled) and what it built."""
    builder = QuizBuilder()
    builder.add(run_documents())
    return builder, builder.build()


def run_quizzes() -> tuple[Quiz, ...]:
    return run_build()[1].quizzes


def quiz_for(document_id: str) -> Quiz:
    return next(quiz for quiz in run_quizzes() if quiz.id == document_id)


def all_items() -> list[tuple[Document, Item]]:
    return [
        (document, item) for document, quiz in zip(run_documents(), run_quizzes(), strict=True) for item in quiz.items
    ]


def document_text(document: Document) -> str:
    parts = [document.lead, *(point.text for point in document.key_points)]
    parts += [paragraph for section in document.sections for paragraph in section.paragraphs]
    return "\n".join(parts)


def mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def answer_kind(item: Item) -> str:
    return next(tag.split(":", 1)[1] for tag in item.tags if tag.startswith("answer:"))


# --- The seed, item by item -------------------------------------------------------------


@cache
def mcq_quizzes() -> tuple[Quiz, ...]:
    """The same run with multiple choice only, so every answer that can be one is one."""
    return tuple(build_quizzes(run_documents(), BuildOptions(types=frozenset({MultipleChoice}))))


def test_a_president_named_alone_gets_no_other_documents_names_as_options() -> None:
    """The seed names one president; Napoleon or Wegener from other seeds would be ruled out by any student."""
    quiz = next(quiz for quiz in mcq_quizzes() if quiz.id == "colombia-soviet-relations")
    sentence = "President Alfonso López Michelsen led the initiative."

    person_items = [i for i in quiz.items if isinstance(i, MultipleChoice) and _kind_of(i) == "person"]
    assert all(i.source.sentence != sentence for i in person_items), [i.options for i in person_items]
    own_text = REFERENCE_SEED.read_text(encoding="utf-8")
    for item in person_items:
        assert all(option.text in own_text for option in item.options), item.options


def _kind_of(item: Item) -> str:
    return next(tag.split(":", 1)[1] for tag in item.tags if tag.startswith("answer:"))


ANDES = """The Andes
The Andes run along the western edge of South America for about 7,000 kilometres.

Countries of the Andes
The range begins in Venezuela and crosses the whole of Colombia.
The ancient city of Cusco lies high in the mountains of Peru.
Lake Titicaca sits on the border between Peru and Bolivia.
The highest peak of the range, Aconcagua, stands in Argentina.
The southern Andes form the long border of Chile.
"""


def test_country_options_are_countries_of_the_same_continent(tmp_path: Path) -> None:
    (tmp_path / "andes.txt").write_text(ANDES, encoding="utf-8")
    andes = build_quizzes([read_document(tmp_path / "andes.txt")], BuildOptions(types=frozenset({MultipleChoice})))
    items = [
        item
        for quiz in [*mcq_quizzes(), *andes]
        for item in quiz.items
        if isinstance(item, MultipleChoice) and answer_kind(item) == "countries"
    ]

    assert items, "the run asks about countries"
    for item in items:
        continent = lexicon().category_of(item.answer_text)
        assert continent is not None and continent.name.startswith("countries/")
        assert all(lexicon().category_of(option.text) == continent for option in item.options), item.options


def test_seed_items_cover_key_points_lead_and_sections() -> None:
    quiz = quiz_for("colombia-soviet-relations")
    sections = {item.source.section for item in quiz.items}

    assert {"Key points", "Introduction", "What Happened?"} <= sections
    # At least 5 (474 words), before the flaw checker leaves out those that point back ("this development"):
    # its title gives away "the Soviets", its general prose has few specific terms, and what "Why Does it
    # Matter?" offers only describes a noun ("a _____ nation", "_____ foreign policy") in a text on Colombia.
    assert len(quiz.items) + _left_out("colombia-soviet-relations") >= 5
    assert not {"South American", "Latin American"} & {_answer(item) for item in quiz.items}
    assert quiz.items[0].source.section in ("Introduction", "Key points"), "key points and lead come first"


@cache
def _people_named_in_run() -> frozenset[str]:
    names: set[str] = set()
    for _, sentences in nlp.analyse(run_documents()):
        for sentence in sentences:
            for entity in sentence.span.ents:
                words = [token for token in entity if token.tag_ != "POS"]
                if entity.label_ == "PERSON" and words:
                    names |= {normalise(" ".join(t.text for t in words)), normalise(words[0].text)}
                    names |= {normalise(words[-1].text)}
    return frozenset(names)


# --- Questions a teacher would write: real stems, definitions, reasons ---------------------------------


@cache
def _choice_quiz(document_id: str) -> Quiz:
    """The document's quiz of multiple choice only (so no other type takes the sentences asked)."""
    document = next(d for d in run_documents() if d.id == document_id)
    return build_quiz(document, BuildOptions(types=frozenset({MultipleChoice})))


def _choice(document_id: str, question: str) -> MultipleChoice:
    found = [item for item in _choice_quiz(document_id).items if isinstance(item, MultipleChoice)]
    matching = [item for item in found if item.question == question]
    assert matching, [item.question for item in found]
    return matching[0]


def test_seed_dates_are_asked_as_questions() -> None:
    item = _choice("french-revolution", "In what year was the monarchy abolished?")
    assert item.answer_text == "1792"
    assert all(option.text.isdigit() for option in item.options)


def test_seed_definitions_ask_for_the_term_among_the_documents_other_defined_terms() -> None:
    text = document_text(next(d for d in run_documents() if d.id == "water-cycle"))
    item = _choice("water-cycle", "What is the name for the process in which some rain soaks into the ground?")
    assert item.answer_text == "infiltration"
    assert all(mentions(text, option.text) for option in item.options)
    falls = _choice("water-cycle", "What is the name for water that falls from clouds?")
    assert falls.answer_text == "precipitation"
    defined_elsewhere = {"runoff", "infiltration", "aquifer", "sublimation", "water cycle"}  # its other definitions
    assert len({option.text for option in falls.options} & defined_elsewhere) >= 2


REASONS = """Canals of Mesopotamia
Farmers dug long canals because the rivers flooded at the wrong time of year.
The kings built high walls around their cities in order to keep out raiders from the hills.
Many villages moved closer to the rivers due to the long droughts of the third millennium.
Merchants travelled to distant lands to trade grain for timber and metal.
Scribes kept careful records so that the temples could collect taxes from each farm.
"""


def test_reasons_ask_why_with_the_documents_other_reasons_as_options(tmp_path: Path) -> None:
    path = tmp_path / "canals.txt"
    path.write_text(REASONS, encoding="utf-8")
    quiz = build_quiz(read_document(path), BuildOptions(types=frozenset({MultipleChoice})))
    why = [item for item in quiz.items if isinstance(item, MultipleChoice) and item.question.startswith("Why ")]
    assert why, [item.question for item in quiz.items if isinstance(item, MultipleChoice)]
    item = next(item for item in why if item.question == "Why did farmers dig long canals?")
    assert item.answer_text == "Because the rivers flooded at the wrong time of year"
    assert all(option.text.split()[0] in ("Because", "Due", "In", "So", "To") for option in item.options)
    assert all(mentions(REASONS, option.text) for option in item.options)


# --- Rules every item of every document follows -------------------------------------


def assert_spans_of_their_sentences(item: Matching | Ordering | MultipleAnswer) -> None:
    """Each pair, event (its date too) and correct option of an item of several facts is a span of its sentence."""

    def within(part: str, sentence: str) -> bool:
        return part in sentence or part[:1].upper() + part[1:] in sentence

    if isinstance(item, Matching):
        assert all(within(p.left, p.source.sentence) and within(p.right, p.source.sentence) for p in item.pairs)
    elif isinstance(item, Ordering):
        assert all(e.date and e.date in e.source.sentence for e in item.events), item.id
        assert [year_value(e.date or "") for e in item.events] == sorted(
            year_value(e.date or "") or 0 for e in item.events
        )
    else:
        assert all(within(answer, item.source.sentence) for answer in item.answer_texts), item.id


def _kin(answer: str, text: str) -> bool:
    """Whether ``text`` has the answer's head word, or another form of it, of five letters or more
    ("condensation nuclei" beside "condenses" still asks the nuclei)."""
    head = re.findall(r"[a-z]+", answer.lower())[-1:]
    return (
        bool(head) and len(head[0]) >= 5 and any(same_stem(head[0], w) for w in re.findall(r"[a-z]{5,}", text.lower()))
    )


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_no_blank_is_given_by_a_word_of_its_family(document: Document) -> None:
    """ "... to American commerce" gives away "Many _____ dreamed"; "the Mongols' protection" gives "Pax _____"."""
    for item in quiz_for(document.id).items:
        if isinstance(item, Cloze):
            rest = re.sub(r"\{\{\d+\}\}", " ", item.text)
            for blank in item.blanks:
                assert not _kin(blank.answer, rest), (item.id, blank.answer, item.text)


_FRONTED = re.compile(r"^(.+?), (?:in what year|when|where|who|whom|what|which|how many|how much|why)\b", re.IGNORECASE)


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_a_question_keeps_only_phrases_its_sentence_sets_off(document: Document) -> None:
    """A phrase before the question word is one the sentence sets off with a comma ("In 1912, ..."), never
    part of a name the parse split ("Former army officer Ollanta HUMALA, in what year was Tasso ...")."""
    for item in quiz_for(document.id).items:
        if isinstance(item, MultipleChoice) and item.question.endswith("?"):
            fronted = _FRONTED.match(item.question)
            if fronted:
                assert f"{fronted.group(1)}," in item.source.sentence, item.question


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_word_banks_of_terms_and_names_hold_only_the_documents_own_words(document: Document) -> None:
    """A word bank shows its words side by side with no question to steer them: for a term, place or
    other name outside the curated lists, a lexical neighbour in another sense would read as absurd
    ("anger" beside "excitation"), so only the document's own words stand there."""
    text = document_text(document)
    for item in quiz_for(document.id).items:
        if isinstance(item, Cloze) and answer_kind(item) in CLASS_KINDS:
            for blank in item.blanks:
                assert all(mentions(text, wrong) for wrong in blank.distractors), (item.id, blank.distractors)


@cache
def resolved_texts(document_id: str) -> dict[str, str]:
    """Each sentence of the document whose pointing subject is named (see :mod:`quizgen.generate.references`),
    with the text its items are made from."""
    document = next(document for document in run_documents() if document.id == document_id)
    category = lexicon().category_of(document.title)
    country = document.title if category is not None and category.kind == "countries" else ""
    ((_, sentences),) = list(nlp.analyse([document]))
    return {
        sentence.text: resolution.parsed.text
        for sentence, resolution in zip(sentences, resolutions(sentences, country), strict=True)
        if resolution is not None
    }


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_every_item_is_grounded_in_its_source_sentence(document: Document) -> None:
    text = document_text(document)
    for item in quiz_for(document.id).items:
        assert all(s.sentence in text for s in item_sources(item)), f"{item.id}: source sentence not in the document"
        sentence = item.source.sentence
        # "the country" may be named: the student has not the sentences that said which country is meant
        named = re.sub(r"\b[Tt]he (country|nation)\b(?!['’])", document.title, sentence)
        # and so may what a pointing subject stands for ("It originates ..." -> "The Nile originates ...")
        named = resolved_texts(document.id).get(sentence, named)
        if isinstance(item, (Matching, Ordering, MultipleAnswer)):
            assert_spans_of_their_sentences(item)
            continue
        if isinstance(item, MultipleChoice):
            assert mentions(sentence, item.answer_text), f"{item.id}: answer not in its sentence"
        elif isinstance(item, Cloze):
            filled = item.text.replace("{{1}}", item.blanks[0].answer)
            # a fact-sheet fragment may be given the country as its subject ("Peru shares control of ...")
            filled = re.sub(rf"^{re.escape(document.title)} (?:has (?:an? )?|is )?", "", filled)
            # (a long one may be its claim reworded: a phrase moved, a passive made active)
            assert any(check(filled, said) for check in (shortens, rewords) for said in (sentence, named)), (
                f"{item.id}: cloze says what its sentence does not"
            )
        elif item.answer:
            assert rewords(item.statement, sentence) or rewords(item.statement, named), f"{item.id}: true statement"
        else:
            assert not shortens(item.statement, sentence)
        assert item.source.sentence in item.explanation.replace("[", "").replace("]", "")


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_multiple_choice_options_are_four_distinct_and_absent_from_the_stem(document: Document) -> None:
    for item in quiz_for(document.id).items:
        if not isinstance(item, MultipleChoice):
            continue
        texts = [option.text for option in item.options]
        assert [option.id for option in item.options] == ["A", "B", "C", "D"]
        assert len({normalise(text) for text in texts}) == 4, texts
        assert item.answer in "ABCD"
        for text in texts:
            assert not mentions(item.question, text), f"{item.id}: {text!r} stands in the stem {item.question!r}"
        for text in texts:
            others = [other for other in texts if other != text]
            assert not any(mentions(other, text) for other in others), f"{item.id}: {text!r} is part of another option"


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_options_are_of_the_answers_kind(document: Document) -> None:
    mcq_only = next(quiz for quiz in mcq_quizzes() if quiz.id == document.id)
    for item in [*quiz_for(document.id).items, *mcq_only.items]:
        if isinstance(item, MultipleChoice):
            _assert_same_kind(item, answer_kind(item), [option.text for option in item.options])


def _assert_same_kind(item: MultipleChoice, kind: str, texts: list[str]) -> None:
    patterns = {"year": YEAR, "decade": DECADE, "century": CENTURY, "number": NUMBER, "percent": NUMBER}
    if kind in patterns:
        assert all(patterns[kind].match(text) for text in texts), f"{item.id} ({kind}): {texts}"
        if kind in ("number", "percent"):
            assert len({"," in text for text in texts}) == 1, f"{item.id}: one option's form stands out {texts}"
    elif (category := lexicon().category_of(item.answer_text)) is not None and category.kind == kind:
        assert all(lexicon().in_kind(text, kind) for text in texts), f"{item.id} ({kind}): {texts}"
    elif kind == "person":
        assert all(normalise(text) in _people_named_in_run() for text in texts), f"{item.id}: {texts}"
        capitals = {any(len(w) > 1 and w.isalpha() and w.isupper() for w in text.split()) for text in texts}
        assert len(capitals) == 1, f"{item.id}: a name in capitals stands out {texts}"
    else:
        capitalised = [text[:1].isupper() for text in texts]
        assert len(set(capitalised)) == 1, f"{item.id} ({kind}): mixed capitalisation {texts}"


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_enough_items(document: Document) -> None:
    quiz = quiz_for(document.id)
    words = len(document_text(document).split())

    # fewer, better: no item gives another away, so a text that repeats one name yields fewer items; and
    # the flaw checker leaves out items whose sentence points back ("this hypothesis", "As we shall show")
    gated = left_out = _left_out(document.id)
    # and a blank with many right words (*slowdown*: recession, downturn...) is asked only with options
    left_out += run_build()[0].stats.many_right_words.get(document.id, 0)
    # and a text that keeps saying "he" of one person (the 1929 crash: Hoover) gives only the sentences
    # that name whom they are about: at least one item per 100 words
    assert len(quiz.items) + left_out >= min(6, words // 100), f"{len(quiz.items)} items for {words} words"
    assert len(quiz.items) >= gated, f"the flaw checker left out {gated} of {len(quiz.items) + gated}"


def _left_out(document_id: str) -> int:
    """Items of the document that the builder's last gate, the flaw checker, left out."""
    return len({finding.item_id for finding in run_build()[0].flagged.get(document_id, [])})


RESTATED_CLAIMS = (
    "Iceland\n\nIceland was settled in the ninth century.\n\nHistory\n\n"
    "In 1918, Iceland became a sovereign state under the Danish crown.\n"
    "In 1944, Iceland became a republic after a referendum.\n"
    "In 1994, Iceland joined the European Economic Area.\n"
)
"""A text whose dated claims the builder can say in other words, with other dates of its own to swap in: true/false
is made only of such claims, and the seeds alone have none (see docs/builder.md)."""


def statements_of(text: str, seed: int) -> list[TrueFalse]:
    """The true/false items of a quiz of ``text`` built with true/false only and ``seed``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.txt"
        path.write_text(text, encoding="utf-8")
        quiz = build_quiz(read_document(path), BuildOptions(types=frozenset({TrueFalse}), seed=seed))
    return [item for item in quiz.items if isinstance(item, TrueFalse)]


def test_the_run_has_every_item_type() -> None:
    """Multiple choice only where three wrong options of the answer's class exist, so a document of terms
    alone may get cloze only; the run, with a text of claims that can be reworded, has every type."""
    types = {item.type for quiz in run_quizzes() for item in quiz.items}
    types |= {item.type for item in statements_of(RESTATED_CLAIMS, seed=0)}
    assert types == set(ITEM_TYPES)


@pytest.mark.parametrize("document", run_documents(), ids=lambda d: d.id)
def test_no_answer_or_sentence_is_asked_twice(document: Document) -> None:
    items = quiz_for(document.id).items
    sentences = [item.source.sentence for item in items]
    answers = [normalise(_answer(item)) for item in items]

    assert len(set(sentences)) == len(sentences)
    assert len(set(answers)) == len(answers)


def _answer(item: Item) -> str:
    if isinstance(item, MultipleChoice):
        return item.answer_text
    if isinstance(item, Cloze):
        return item.blanks[0].answer
    return item.explanation


def test_items_carry_tags_and_a_difficulty() -> None:
    for _, item in all_items():
        assert item.difficulty in ("easy", "medium", "hard")
        assert any(tag.startswith("doc:") for tag in item.tags)
        assert any(tag.startswith("section:") for tag in item.tags)
        assert f"type:{item.type}" in item.tags
        assert all(" " not in tag for tag in item.tags)


def test_a_false_statement_is_its_true_one_with_one_span_swapped() -> None:
    """The seed decides true or false; the false statement of an item is its true statement with the answer
    swapped for another date of the text (*... in 1944* for *... in 1918*)."""
    seeds = range(8)
    built = {seed: {item.id: item for item in statements_of(RESTATED_CLAIMS, seed)} for seed in seeds}
    pairs = [
        (truth, lie)
        for seed in seeds
        for lie in built[seed].values()
        if not lie.answer
        for truth in (built[other].get(lie.id) for other in seeds)
        if truth is not None and truth.answer
    ]
    assert pairs, "some seed should make a false statement"
    for truth, lie in pairs:
        prefix = len(_common_prefix(truth.statement, lie.statement))
        suffix = len(_common_prefix(truth.statement[::-1], lie.statement[::-1]))
        assert prefix + suffix < len(truth.statement), lie.statement
        assert truth.statement[:prefix] + truth.statement[len(truth.statement) - suffix :] == (
            lie.statement[:prefix] + lie.statement[len(lie.statement) - suffix :]
        )


def test_true_false_false_statements_swap_one_span_for_a_wrong_one() -> None:
    false_items = [item for _, item in all_items() if isinstance(item, TrueFalse) and not item.answer]
    for item in false_items:
        sentence = item.source.sentence
        prefix = len(_common_prefix(sentence, item.statement))
        suffix = len(_common_prefix(sentence[::-1], item.statement[::-1]))
        assert prefix + suffix < len(sentence), "the statement must differ from the sentence"
        assert item.statement[:prefix] == sentence[:prefix]


def _common_prefix(first: str, second: str) -> str:
    length = 0
    while length < min(len(first), len(second)) and first[length] == second[length]:
        length += 1
    return first[:length]


# --- Options, determinism, identity -------------------------------------------------


def test_same_seed_same_quiz_and_another_seed_reorders_options() -> None:
    documents = run_documents()[:4]
    first = build_quizzes(documents, BuildOptions(seed=1))
    again = build_quizzes(documents, BuildOptions(seed=1))
    other = build_quizzes(documents, BuildOptions(seed=2))

    assert first == again
    assert [item.id for quiz in first for item in quiz.items] == [item.id for quiz in other for item in quiz.items]
    assert first != other


def test_editing_one_sentence_keeps_the_other_items_and_their_types(tmp_path: Path) -> None:
    original = REFERENCE_SEED.read_text(encoding="utf-8")
    edited = original.replace("This diplomatic move was pivotal", "This diplomatic move was decisive")
    assert edited != original
    before = build_quiz(_document(tmp_path, "before", original))
    after = build_quiz(_document(tmp_path, "after", edited))

    untouched = {item.id: item.type for item in before.items if "pivotal" not in item.source.sentence}
    after_types = {item.id: item.type for item in after.items}
    assert untouched and all(after_types.get(key) == kind for key, kind in untouched.items())


def _document(tmp_path: Path, folder: str, text: str) -> Document:
    (tmp_path / folder).mkdir()
    path = tmp_path / folder / "colombia.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_types_and_max_items_are_honoured() -> None:
    document = read_document(REFERENCE_SEED)

    only_mcq = build_quizzes([*run_documents()[:4]], BuildOptions(types=frozenset({MultipleChoice})))
    capped = build_quiz(document, BuildOptions(max_items=3))

    assert all(isinstance(item, MultipleChoice) for quiz in only_mcq for item in quiz.items)
    assert len(capped.items) == 3


def test_answer_without_three_good_options_falls_back_to_cloze(tmp_path: Path) -> None:
    path = tmp_path / "zebra.txt"
    path.write_text(
        "Zebras\nZebras are African equines with distinctive black-and-white striped coats that confuse flies.\n",
        encoding="utf-8",
    )

    quiz = build_quiz(read_document(path))

    assert quiz.items, "the lead sentence is worth an item"
    assert all(isinstance(item, Cloze) for item in quiz.items)


def test_missing_language_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "MODEL_PACKAGES", ("no_such_model_package",))
    nlp.pipeline.cache_clear()
    try:
        with pytest.raises(QuizgenError, match="language model is not installed"):
            nlp.pipeline()
    finally:
        nlp.pipeline.cache_clear()


def test_corpus_is_part_of_the_run_when_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared evaluation corpus not found at {CORPUS}")
    assert len(run_documents()) == len(corpus_files()) + len(list(find_documents([SEEDS])))


def test_no_item_prints_another_items_answer() -> None:
    # Over the seeds and the corpus: a name asked in one item never stands in another's stem, parts or
    # options (review 5 found VIZCARRA blanked in one item and printed in the next).
    for quiz in run_quizzes():
        assert_no_item_gives_another_away(quiz)
