"""Table-driven unit tests of the parts of the generate stage (numbers, distractors, lexicon, plan, stems,
difficulty) and of the model's shared contracts, each on small hand-made inputs."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from itertools import combinations

import pytest

from quizgen.generate.answers import DocumentContext, find_answers, noun_mentions, usable
from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.items import difficulty
from quizgen.generate.lexicon import Lexicon
from quizgen.generate.lexicon import lexicon as packaged_lexicon
from quizgen.generate.nlp import analyse
from quizgen.generate.numbers import CURRENT_YEAR, numeric_value, variants, years_in
from quizgen.generate.options import ALL_TYPES, BuildOptions
from quizgen.generate.plan import PlanStats, _preferred_type, plan_items
from quizgen.generate.stems import blank_stem, means_someone_unnamed, points_back, question_stem, with_stem
from quizgen.generate.types import Answer, AnswerKind, ParsedSentence, Part, Sentence
from quizgen.model import (
    BLANK,
    GROUP_TYPES,
    ITEM_CLASSES,
    Cloze,
    Document,
    Item,
    ItemClass,
    MultipleChoice,
    Section,
    SourceFile,
    TrueFalse,
    cloze_marker,
    cloze_parts,
    item_id,
    item_tags,
    marked_blanks,
    parse_tag,
    slug,
)
from tests.samples import answer_in, parsed_paragraphs

DOCUMENT_ID = "doc"

SMALL_LEXICON_DATA: dict[str, object] = {
    "countries": {"South America": ["Peru", "Chile", "Colombia"], "Europe": ["France"]},
    "aliases": {"United States": ["US", "USA"]},
}


def small_lexicon() -> Lexicon:
    return Lexicon(SMALL_LEXICON_DATA)


# --- 1. Number variants ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "form", "low", "high"),
    [
        # Years: same digit count, within 30 years, never the current year passed without an era.
        ("year", "1935", r"\d{4}", 1905, 1965),
        ("year", "2020", r"\d{4}", 1990, CURRENT_YEAR),
        ("year", "950", r"\d{3}", 920, 980),
        ("year", "1010", r"\d{4}", 1000, 1040),  # never a three-digit year for a four-digit one
        ("year", "317 BCE", r"\d{3} BCE", -347, -287),
        ("year", "483 BC", r"\d{3} BC", -513, -453),
        # A round year before the common era gets years as round, as near as its roundness allows.
        ("year", "480 BC", r"\d{2}0 BC", -780, -180),
        ("year", "3150 BCE", r"\d{2}[05]0 BCE", -4650, -1650),
        # Decades: decades (a multiple of ten plus "s"), at most 300 years away, none in the future.
        ("decade", "1960s", r"\d{3}0s", 1660, 2020),
        ("decade", "2010s", r"\d{3}0s", 1710, 1990),
        # Counts keep their comma format and decimals; percents stay at most 100.
        ("number", "103,000", r"\d{2,3},\d{3}", 50_000, 260_000),
        ("number", "3.5", r"\d\.\d", 1.7, 8.8),
        ("number", "7", r"\d{1,2}", 4, 12),
        ("percent", "80%", r"\d{1,3}%", 1, 100),
        ("percent", "90", r"\d{1,3}", 1, 100),
        ("percent", "45.5%", r"\d{1,3}\.\d%", 1, 100),
        # Centuries keep their ordinal style and stay between the 1st and the 21st.
        ("century", "19th century", r"\d{1,2}(st|nd|rd|th) century", 16, 21),
        ("century", "nineteenth century", r"[a-z-]+ century", 16, 21),
        ("century", "Twentieth century", r"[A-Z][a-z-]+ century", 17, 21),
        ("century", "5th centuries", r"\d(st|nd|rd|th) centuries", 2, 7),
        # Number words stay words, in the answer's capitalisation.
        ("number_word", "three", r"[a-z]+", 2, 7),
        ("number_word", "Ten", r"[A-Z][a-z]+", 6, 12),
    ],
)
def test_variants_keep_the_form_and_range(kind: str, text: str, form: str, low: float, high: float) -> None:
    found = variants(kind, text, random.Random(7))
    assert len(found) >= 2
    assert text not in found
    assert len(set(found)) == len(found)
    for variant in found:
        assert re.fullmatch(form, variant), variant
        value = numeric_value(variant)
        assert value is not None, variant
        assert low <= value <= high, variant


@pytest.mark.parametrize(("text", "roundness"), [("3150 BCE", 50), ("3000 BCE", 100), ("480 BC", 10)])
def test_a_round_ancient_year_has_no_precise_wrong_year_beside_it(text: str, roundness: int) -> None:
    for variant in variants("year", text, random.Random(3)):
        value = numeric_value(variant)
        assert value is not None and value % roundness == 0, variant


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        # Scaled by 0.5 .. 2.5 and rounded to the answer's three significant digits, commas kept.
        (
            "number",
            "103,000",
            {"51,500", "61,800", "77,200", "82,400", "129,000", "144,000", "154,000", "206,000", "258,000"},
        ),
        ("number", "7", {"4", "5", "6", "8", "9", "10", "11", "12"}),
        ("number", "2", {"1", "3", "4", "5", "6", "7"}),
        ("percent", "80%", {"40%", "50%", "60%", "100%"}),  # 112% and above are dropped
        ("century", "19th century", {f"{n}th century" for n in (16, 17, 18, 20)} | {"21st century"}),
        ("century", "3rd century", {"1st century", "2nd century", "4th century", "5th century"}),
        ("century", "12th century", {"9th century", "10th century", "11th century", "13th century", "14th century"}),
        ("century", "first century", {"second century", "third century"}),
        (
            "century",
            "Twentieth century",
            {"Seventeenth century", "Eighteenth century", "Nineteenth century", "Twenty-first century"},
        ),
        ("century", "21st century", {"18th century", "19th century", "20th century"}),
        ("number_word", "three", {"two", "four", "five", "six", "seven"}),
        ("number_word", "Twelve", {"Eight", "Nine", "Ten", "Eleven"}),
        # Nothing the kind's format does not match, and nothing for kinds that are not numbers.
        ("year", "around 1935", set()),
        ("year", "44 BC", set()),
        ("number", "about ten", set()),
        ("century", "the century", set()),
        ("term", "1935", set()),
        ("person", "Ada Lovelace", set()),
    ],
)
def test_variants_exact_sets(kind: str, text: str, expected: set[str]) -> None:
    assert set(variants(kind, text, random.Random(3))) == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In May 1789, the first since 1614.", [1789, 1614]),
        ("On 14 July 1789, crowds stormed the Bastille.", [1789]),
        ("The crowd was 1,789 strong and the peak 1789.5 m high.", []),
        ("The 1780s were hard.", []),
    ],
)
def test_years_in_finds_a_year_before_a_comma_but_no_part_of_a_number(text: str, years: list[int]) -> None:
    assert years_in(text) == years


@pytest.mark.parametrize(("kind", "text"), [("year", "1935"), ("year", "1200 CE"), ("decade", "1850s")])
def test_year_variants_nearest_first_and_seeded(kind: str, text: str) -> None:
    found = variants(kind, text, random.Random(11))
    assert found == variants(kind, text, random.Random(11))
    step = 10 if kind == "decade" else 1
    year = numeric_value(text)
    assert year is not None
    values = [numeric_value(variant) for variant in found]
    gaps = [abs(value - year) / step for value in values if value is not None]
    assert len(gaps) == len(found)
    # The twelve nearest (2..7 steps either side) come first, then the rest; 1 step away never.
    assert sorted(gaps[:12]) == [2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7]
    assert min(gaps[12:]) >= 8
    assert 1 not in gaps


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1935", 1935.0),
        ("1960s", 1960.0),
        ("103,000", 103_000.0),
        ("3.5", 3.5),
        ("80%", 80.0),
        ("300 BCE", -300.0),
        ("44 BC", -44.0),
        ("AD 1066", 1066.0),
        ("19th century", 19.0),
        ("nineteenth century", 19.0),
        ("Twenty-first century", 21.0),
        ("two", 2.0),
        ("Twelve", 12.0),
        ("first", 1.0),
        ("none", None),
        ("", None),
        ("Peru", None),
    ],
)
def test_numeric_value(text: str, value: float | None) -> None:
    assert numeric_value(text) == value


# --- 2. Distractor acceptance --------------------------------------------------------------------------

TREATY = "Colombia signed a treaty with the United States in 1935."
LEADER = "President Alfonso López Michelsen led the initiative."
PLANTS = "Plants store energy in chloroplasts during photosynthesis."
CELLS = "Cells copy their DNA before dividing."
CROWD = "Roughly 103,000 people attended the ceremony."
PERU = "The treaty was signed in Peru."
INSIDE = "Photosynthesis happens inside chloroplasts."
ALLIANCE = "Turkey joined NATO in 1952."
CANALS = "Farmers dug canals because the rivers flooded."


@pytest.mark.parametrize(
    ("answer", "candidate", "chosen", "accepted"),
    [
        # The answer itself, with or without an article, or an alias of it.
        (answer_in(TREATY, "United States", "place"), "United States", [], False),
        (answer_in(TREATY, "United States", "place"), "the United States", [], False),
        (answer_in(TREATY, "United States", "place"), "USA", [], False),
        (answer_in(TREATY, "United States", "place"), "US", [], False),
        (answer_in(PERU, "Peru", "countries", category="countries/South America"), "USA", ["United States"], False),
        # A word the sentence already has.
        (answer_in(TREATY, "United States", "place"), "Colombia", [], False),
        (answer_in(CROWD, "103,000", "number"), "people", [], False),
        # Already chosen, or overlapping a chosen option.
        (answer_in(TREATY, "United States", "place"), "Soviet Union", ["Soviet Union"], False),
        (answer_in(TREATY, "United States", "place"), "Soviet Union", ["the Soviet Union"], False),
        # Plural beside singular, and the reverse number for a plural term.
        (answer_in(PLANTS, "chloroplasts", "term", plural=True), "chloroplast", [], False),
        (answer_in(PLANTS, "chloroplasts", "term", plural=True), "ribosome", [], False),
        (answer_in(PLANTS, "chloroplasts", "term", plural=True), "ribosomes", ["ribosome"], False),
        # Capitalised beside lower case.
        (answer_in(PLANTS, "chloroplasts", "term", plural=True), "Ribosomes", [], False),
        # Acronym beside a word, and the reverse.
        (answer_in(PLANTS, "chloroplasts", "term", plural=True), "DNA", [], False),
        (answer_in(CELLS, "DNA", "term"), "protein", [], False),
        (answer_in(TREATY, "United States", "place"), "USSR", [], False),
        (answer_in(ALLIANCE, "NATO", "organisation"), "Warsaw Pact", [], False),
        # Years less than three apart from the answer or a chosen one.
        (answer_in(TREATY, "1935", "year"), "1936", [], False),
        (answer_in(TREATY, "1935", "year"), "1937", [], False),
        (answer_in(TREATY, "1935", "year"), "1941", ["1940"], False),
        (answer_in(TREATY, "1935", "year"), "1935", [], False),
        # Years that make the options span more than a period a student could not rule out.
        (answer_in(TREATY, "1935", "year"), "1900", [], False),
        (answer_in(TREATY, "1935", "year"), "1960", ["1920"], False),
        (answer_in("Menes united Egypt in 3150 BCE.", "3150 BCE", "year"), "1200 BCE", [], False),
        # Part of the answer's name, or the same shape spelled differently.
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "Michelsen", [], False),
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "López Michelsen", [], False),
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "Turbay", [], False),
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "Julio César TURBAY", [], False),
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "César Turbay", ["Julio César Turbay"], False),
        (answer_in(CROWD, "103,000", "number"), "103,000", [], False),
        (answer_in(CROWD, "103,000", "number"), "103,000 tonnes", [], False),  # the answer inside it
        # An absolute word in a wrong option only marks it wrong.
        (answer_in(CANALS, "because the rivers flooded", "reason"), "due to droughts on every farm", [], False),
        # Fine candidates.
        (answer_in(TREATY, "United States", "place"), "Soviet Union", [], True),
        (answer_in(PERU, "Peru", "countries", category="countries/South America"), "Chile", [], True),
        (answer_in(PERU, "Peru", "countries", category="countries/South America"), "Chile", ["USA"], True),
        (answer_in(PLANTS, "chloroplasts", "term", plural=True), "ribosomes", [], True),
        (answer_in(CELLS, "DNA", "term"), "RNA", [], True),
        (answer_in(TREATY, "1935", "year"), "1938", [], True),
        (answer_in(TREATY, "1935", "year"), "1941", ["1929"], True),
        (answer_in(TREATY, "1935", "year"), "1959", ["1929"], True),
        (answer_in("Menes united Egypt in 3150 BCE.", "3150 BCE", "year"), "2686 BCE", [], True),
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "Julio César Turbay", [], True),
        (answer_in(LEADER, "Alfonso López Michelsen", "person"), "Misael Pastrana", ["Julio César Turbay"], True),
        (answer_in(CROWD, "103,000", "number"), "77,000", [], True),
        (answer_in(ALLIANCE, "NATO", "organisation"), "SEATO", [], True),
        (answer_in(CANALS, "because the rivers flooded", "reason"), "due to droughts on each farm", [], True),
    ],
    ids=lambda value: repr(value.text) if isinstance(value, Answer) else None,
)
def test_acceptable(answer: Answer, candidate: str, chosen: list[str], accepted: bool) -> None:
    distractors = Distractors(Pool(), small_lexicon(), knowledge=None)
    assert distractors.acceptable(answer, candidate, chosen) is accepted


def test_choose_from_the_category_without_the_answer_or_its_aliases() -> None:
    """With only the small lexicon, a South American country gets the other South American countries first."""
    distractors = Distractors(Pool(), small_lexicon(), knowledge=None)
    answer = answer_in(PERU, "Peru", "countries", category="countries/South America")
    ranked = distractors.rank(answer, random.Random(0), limit=10)
    assert sorted(ranked[:2]) == ["Chile", "Colombia"]
    assert ranked[2:] == ["France"]
    assert distractors.choose(answer, random.Random(0)) == [*ranked[:2], "France"]
    assert distractors.choose(answer, random.Random(0), from_document=1) is None  # nothing from the document


# --- 3. The lexicon's lists ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"colours": ["red", "green"]},
        {"colours": {"warm": ["red"], "cold": ["blue"]}},
        {"Countries": ["Peru"]},  # kinds are case-sensitive
        {"countries": ["Peru"], "capitals": ["Lima"]},
    ],
)
def test_unknown_list_key_raises(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="not an answer kind"):
        Lexicon(data)


@pytest.mark.parametrize(
    ("data", "text", "category", "kind"),
    [
        ({"months": ["January", "February"]}, "january", "months", "months"),
        (SMALL_LEXICON_DATA, "Chile", "countries/South America", "countries"),
        (SMALL_LEXICON_DATA, "the France", "countries/Europe", "countries"),
        ({"rivers": ["Nile River"]}, "Nile", "rivers", "rivers"),
        ({"_comment": "notes", "units": {"km": "length"}, "demonyms": {"Peru": "Peruvian"}}, "km", None, None),
        (SMALL_LEXICON_DATA, "USA", None, None),  # an alias only, in no list
    ],
)
def test_lexicon_categories(data: dict[str, object], text: str, category: str | None, kind: str | None) -> None:
    found = Lexicon(data).category_of(text)
    assert (found.name if found else None) == category
    assert (found.kind if found else None) == kind


def test_lexicon_aliases_and_wider() -> None:
    lexicon = small_lexicon()
    assert lexicon.aliases_of("USA") == ["United States", "US"]
    assert lexicon.aliases_of("Peru") == []
    assert lexicon.same_thing("us", "The United States")
    assert not lexicon.same_thing("US", "Peru")
    south = lexicon.category("countries/South America")
    assert south is not None
    assert south.members == ("Peru", "Chile", "Colombia")
    assert south.wider == ("France",)
    assert lexicon.category("units") is None


# --- 4. Type planning ------------------------------------------------------------------------------------

TYPE_SUBSETS: list[frozenset[ItemClass]] = [
    frozenset(subset)
    for size in (1, 2, 3)
    for subset in combinations([cls for cls in ITEM_CLASSES.values() if cls not in GROUP_TYPES], size)
]

PLANNED = [
    answer_in(TREATY, "1935", "year"),
    answer_in(TREATY, "United States", "place"),
    answer_in(LEADER, "Alfonso López Michelsen", "person"),
    answer_in(PLANTS, "chloroplasts", "term", plural=True),
    answer_in(CELLS, "DNA", "term"),
    answer_in(CROWD, "103,000", "number"),
    answer_in(PERU, "Peru", "countries"),
    answer_in("Plants release oxygen through stomata.", "oxygen", "term"),
    answer_in("Plants release oxygen through stomata.", "stomata", "term"),
]


def _subset_id(types: frozenset[ItemClass]) -> str:
    return "+".join(sorted(cls.type for cls in types))


@pytest.mark.parametrize("types", TYPE_SUBSETS, ids=_subset_id)
@pytest.mark.parametrize("answer", PLANNED, ids=lambda answer: answer.text)
def test_preferred_type_is_allowed_and_stable(answer: Answer, types: frozenset[ItemClass]) -> None:
    preferred = _preferred_type(answer, types)
    assert preferred in types
    if len(types) == 1:
        assert preferred is next(iter(types))
    # Leaving a type out changes only the answers that asked for it.
    unrestricted = _preferred_type(answer, ALL_TYPES)
    if unrestricted in types:
        assert preferred is unrestricted


@pytest.mark.parametrize("answer", [a for a in PLANNED if _preferred_type(a, ALL_TYPES) is MultipleChoice])
def test_preferred_type_without_multiple_choice_is_cloze(answer: Answer) -> None:
    """An answer that asks for multiple choice becomes cloze when only cloze and true/false are allowed."""
    assert _preferred_type(answer, frozenset({Cloze, TrueFalse})) is Cloze
    assert _preferred_type(answer, frozenset({TrueFalse})) is TrueFalse


def test_preferred_types_are_mixed() -> None:
    """Over the table's answers every type is preferred at least once (the hash does spread them)."""
    assert {_preferred_type(answer, ALL_TYPES) for answer in PLANNED} == {MultipleChoice, Cloze, TrueFalse}


SOVIET = "Colombia and the Soviet Union opened relations in 1935."
SENTENCE_ANSWERS: list[list[Answer]] = [
    [
        answer_in(SOVIET, "1935", "year", position=0, section="Introduction", part="lead", score=4.0),
        answer_in(SOVIET, "Soviet Union", "place", position=0, section="Introduction", part="lead", score=3.4),
    ],
    [answer_in("The embassy in Bogotá closed after a dispute.", "Bogotá", "place", position=1, score=3.0)],
    [
        answer_in(
            "Relations resumed under Carlos Lleras Restrepo.", "Carlos Lleras Restrepo", "person", position=2, score=3.2
        )
    ],
    [answer_in("A second agreement was signed in 1935.", "1935", "year", position=3, section="Trade", score=3.9)],
    [answer_in("Trade grew steadily with Bulgaria.", "Bulgaria", "place", position=4, section="Trade", score=3.1)],
    [answer_in(INSIDE, "chloroplasts", "term", position=5, section="Biology", score=2.0, plural=True)],
]


def planning_distractors(answers: list[list[Answer]]) -> Distractors:
    pool = Pool()
    pool.add_all(answer for sentence in answers for answer in sentence)
    return Distractors(pool, Lexicon({}), knowledge=None)


def asked(item: Item, answers: list[list[Answer]]) -> Answer:
    """The answer ``item`` asks about, found by its id."""
    by_id = {item_id(a.sentence.document_id, a.sentence.text, a.text): a for sentence in answers for a in sentence}
    return by_id[item.id]


YEARS_AND_PLACES: list[list[Answer]] = [
    [
        answer_in(
            f"The treaty of {place} was signed in {year}.", str(year), "year", position=n, section=f"S{n}", score=4.0
        ),
        answer_in(
            f"The treaty of {place} was signed in {year}.", place, "place", position=n, section=f"S{n}", score=2.4
        ),
    ]
    for n, (year, place) in enumerate(
        [
            (1648, "Westphalia"),
            (1713, "Utrecht"),
            (1763, "Paris"),
            (1814, "Ghent"),
            (1871, "Frankfurt"),
            (1905, "Portsmouth"),
            (1919, "Versailles"),
            (1920, "Trianon"),
        ]
    )
]


def test_a_false_statement_swaps_in_only_a_name_of_its_own_document() -> None:
    """A false statement with a name from elsewhere ("France's Hitler abandoned his quest") is one no
    reader takes for true: with no other name of its kind in the document, no true/false item."""
    text = "The Franks abandoned their plans for an empire in America."
    reworded = ("Plans for an empire in America were given up by the ", ".")
    franks = replace(answer_in(text, "Franks", "group", plural=True), claim=reworded)
    elsewhere = [
        replace(
            answer_in(f"The {name} ruled a state.", name, "group", plural=True),
            sentence=Sentence(f"The {name} ruled a state.", "b", "S", "body", n),
        )
        for n, name in enumerate(("Huns", "Vandals", "Goths", "Avars"))
    ]
    pool = Pool()
    pool.add_all([franks, *elsewhere])
    options = BuildOptions(types=frozenset({TrueFalse}))
    assert plan_items([[franks]], Distractors(pool, Lexicon({}), knowledge=None), options) == []
    pool.add_all([answer_in("The Saxons defeated an army.", "Saxons", "group", position=1, plural=True)])
    [item] = plan_items([[franks]], Distractors(pool, Lexicon({}), knowledge=None), options)
    assert isinstance(item, TrueFalse)
    assert item.answer or "Saxons" in item.statement


def test_plan_items_ask_few_dates() -> None:
    """Dates and numbers are at most about a quarter of a quiz: once that share is asked, a sentence
    asks its next answer instead (here its place), even where the date scores higher."""
    items = plan_items(YEARS_AND_PLACES, planning_distractors(YEARS_AND_PLACES), BuildOptions())
    kinds = [asked(item, YEARS_AND_PLACES).kind for item in items]
    assert len(items) == len(YEARS_AND_PLACES)
    assert kinds.count("year") == 2  # a quarter of eight
    assert kinds.count("place") == 6


@pytest.mark.parametrize(
    ("max_items", "positions"),
    [
        # Rounds across sections (Introduction, Trade, History, Biology by their best score):
        # round one takes sentences 0, (3: 1935 already asked), 2, 5; round two 4, then 1.
        (1, [0]),
        (2, [0, 2]),
        (3, [0, 2, 5]),
        (4, [0, 2, 4, 5]),
        (None, [0, 1, 2, 4, 5]),
        (100, [0, 1, 2, 4, 5]),
    ],
)
def test_plan_items_limit_order_and_once(max_items: int | None, positions: list[int]) -> None:
    options = BuildOptions(max_items=max_items)
    items = plan_items(SENTENCE_ANSWERS, planning_distractors(SENTENCE_ANSWERS), options)
    answers = [asked(item, SENTENCE_ANSWERS) for item in items]
    assert len(items) <= options.item_limit
    assert [answer.sentence.position for answer in answers] == positions
    assert len({answer.key for answer in answers}) == len(answers)  # each answer asked once
    assert [item.source.sentence for item in items] == [answer.sentence.text for answer in answers]


@pytest.mark.parametrize(
    ("answer", "types", "preferred", "made"),
    [
        # No wrong options at all (empty pool, no list): multiple choice and true/false fall back to cloze.
        (answer_in("Plants release oxygen through stomata.", "oxygen", "term"), ALL_TYPES, MultipleChoice, Cloze),
        (
            answer_in("Plants release oxygen through stomata.", "oxygen", "term"),
            frozenset({MultipleChoice, Cloze}),
            MultipleChoice,
            Cloze,
        ),
        (
            answer_in("Plants release oxygen through stomata.", "oxygen", "term"),
            frozenset({MultipleChoice}),
            None,
            None,
        ),
        (answer_in(INSIDE, "chloroplasts", "term", plural=True), ALL_TYPES, TrueFalse, Cloze),
        (answer_in(INSIDE, "chloroplasts", "term", plural=True), frozenset({MultipleChoice, TrueFalse}), None, None),
        (answer_in(INSIDE, "chloroplasts", "term", plural=True), frozenset({TrueFalse}), None, None),
        (answer_in(INSIDE, "chloroplasts", "term", plural=True), frozenset({Cloze}), Cloze, Cloze),
        # A year always has generated wrong years, and the same document gives the one it must give.
        (answer_in("Trade grew steadily after 1972.", "1972", "year"), ALL_TYPES, MultipleChoice, MultipleChoice),
    ],
    ids=lambda value: value.text if isinstance(value, Answer) else None,
)
def test_plan_falls_back_to_cloze(
    answer: Answer, types: frozenset[ItemClass], preferred: ItemClass | None, made: ItemClass | None
) -> None:
    if preferred is not None:
        assert _preferred_type(answer, types) is preferred  # the case tests what it says it tests
    same_document = [answer_in("The embassy in Bogotá closed in 1948.", "1948", "year", position=1)]
    distractors = planning_distractors([[answer], same_document])
    stats = PlanStats()
    items = plan_items([[answer]], distractors, BuildOptions(types=types), stats)
    assert [type(item) for item in items] == ([made] if made else [])
    if preferred is not None and preferred is not Cloze:
        assert (stats.wanted_choice, stats.fell_back) == (1, int(made is Cloze))
        assert stats.by_document == {DOCUMENT_ID: (1, int(made is Cloze))}
    if made is Cloze:
        cloze_item = items[0]
        assert isinstance(cloze_item, Cloze)
        assert cloze_item.blanks[0].answer == answer.text
        assert cloze_item.text == answer.sentence.text.replace(answer.text, cloze_marker(1))


# --- 5. Question stems, on the real spaCy parse ----------------------------------------------------------

STEM_LEXICON = Lexicon(
    {
        "countries": {"South America": ["Peru", "Chile", "Colombia"]},
        "cities": {"South America": ["Lima", "Bogotá", "Santiago"]},
        "gases": {"gases": ["oxygen", "nitrogen", "carbon dioxide"]},
    }
)

STEM_CASES: list[tuple[str, str, str]] = [
    # Subject questions: the answer is the whole subject (a title or description before a name left out).
    (LEADER, "Alfonso López Michelsen", "Who led the initiative?"),
    (
        "Gregor Mendel founded the modern science of genetics.",
        "Gregor Mendel",
        "Who founded the modern science of genetics?",
    ),
    ("Colombia exported large amounts of coffee.", "Colombia", "Which country exported large amounts of coffee?"),
    (
        "Colombia seeks diverse international partnerships.",
        "Colombia",
        "Which country seeks diverse international partnerships?",
    ),
    (
        "Colombia had sought diverse international partnerships.",
        "Colombia",
        "Which country had sought diverse international partnerships?",
    ),
    ("The young scientist Marie Curie discovered radium.", "Marie Curie", "Who discovered radium?"),
    ("Abraham Lincoln was born in Kentucky.", "Abraham Lincoln", "Who was born in Kentucky?"),
    ("Alexander Fleming (a Scottish doctor) discovered penicillin.", "Alexander Fleming", "Who discovered penicillin?"),
    # Object questions: the answer is the whole direct object; "do" carries the tense, the verb its base form.
    (
        "Alexander Fleming discovered the antibiotic penicillin.",
        "antibiotic penicillin",
        "What did Alexander Fleming discover?",
    ),
    (
        "The young scientist Marie Curie discovered radium.",
        "radium",
        "What did the young scientist Marie Curie discover?",
    ),
    ("Plants release oxygen into the air.", "oxygen", "Which gas do plants release into the air?"),
    # Copular: what the subject is.
    ("The seat of government of Peru is Lima.", "Lima", "Which city is the seat of government of Peru?"),
    # A phrase after a preposition: when (a year hangs on its month), where, and a passive's auxiliary moved.
    (
        "In 1935, Colombia recognised the Soviet Union.",
        "Colombia",
        "Which country recognised the Soviet Union in 1935?",
    ),
    ("In 1935, Colombia recognised the Soviet Union.", "1935", "In what year did Colombia recognise the Soviet Union?"),
    ("The Bastille was stormed on 14 July 1789.", "1789", "In what year was the Bastille stormed?"),
    ("Abraham Lincoln was born in Kentucky.", "Kentucky", "Where was Abraham Lincoln born?"),
    ("The rainforest was cleared in the 1990s.", "1990s", "In which decade was the rainforest cleared?"),
    # Only the answer's clause: a joined clause's pronoun subject is the first clause's subject, a participle
    # phrase after a comma and a subordinate clause's opening word are left out.
    (
        "In 1931, Peru occupied the islands, and in 1937, it launched a full-scale invasion of Chile.",
        "1937",
        "In what year did Peru launch a full-scale invasion of Chile?",
    ),
    (
        "Peru attacked the port in 1941, triggering a long war.",
        "1941",
        "In what year did Peru attack the port?",
    ),
    (
        "The economy grew after Chile joined the trade pact in 1994.",
        "1994",
        "In what year did Chile join the trade pact?",
    ),
    # A phrase that points at earlier text is dropped from the question ("Eventually," says no time).
    (
        "Prior to this agreement, Colombia had kept a cautious stance towards communism.",
        "Colombia",
        "Which country had kept a cautious stance towards communism?",
    ),
    ("Eventually, Gregor Mendel studied peas in 1856.", "1856", "In what year did Gregor Mendel study peas?"),
    # A singular count noun with no article is a headline's, no question's; a mass noun needs none.
    (
        "Jose Pedro CASTILLO Terrones won presidential election in 2021.",
        "Jose Pedro CASTILLO Terrones",
        f"{BLANK} won presidential election in 2021.",
    ),
    (
        "Jose Pedro CASTILLO Terrones won the presidential election in 2021.",
        "Jose Pedro CASTILLO Terrones",
        "Who won the presidential election in 2021?",
    ),
    (
        "Marie Curie received formal education in Warsaw in 1880.",
        "1880",
        "In what year did Marie Curie receive formal education in Warsaw?",
    ),
    # Blank stems: no fact ("If ..."), two years in the question, an object with more than the answer.
    (
        "If Peru had joined the pact in 1994, the economy would have grown.",
        "1994",
        f"If Peru had joined the pact in {BLANK}, the economy would have grown.",
    ),
    (
        "Colombia granted home rule in 1874 and independence in 1944.",
        "1944",
        f"Colombia granted home rule in 1874 and independence in {BLANK}.",
    ),
    (
        "Gregor Mendel studied inheritance in pea plants.",
        "inheritance",
        f"Gregor Mendel studied {BLANK} in pea plants.",
    ),
]

OBJECT_SENTENCE = "Colombia sought diverse international partnerships."


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedSentence]:
    """Every sentence of the stem table, parsed once by the real pipeline (one paragraph each)."""
    return parsed_paragraphs({text for text, _, _ in STEM_CASES} | {OBJECT_SENTENCE}, DOCUMENT_ID)


@pytest.mark.parametrize(("text", "answer_text", "stem"), STEM_CASES)
def test_question_stem(parsed: dict[str, ParsedSentence], text: str, answer_text: str, stem: str) -> None:
    sentence = parsed[text]
    answers = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    found = [answer for answer in answers if answer.text == answer_text]
    assert found, [answer.text for answer in answers]
    answer = found[0]
    assert question_stem(answer, sentence.span) == stem
    assert with_stem(answer, sentence.span).stem == stem
    if BLANK in stem:
        assert blank_stem(answer) == stem


def test_object_stem_from_the_docstring(parsed: dict[str, ParsedSentence]) -> None:
    """The module's own example: find_answers takes no term from it (its head, *partnership*, is too
    common), but the object shape is asked as documented when the object is the answer."""
    sentence = parsed[OBJECT_SENTENCE]
    found = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    assert [answer.text for answer in found] == ["Colombia"]
    answer = answer_in(OBJECT_SENTENCE, "diverse international partnerships", "term", plural=True)
    assert question_stem(answer, sentence.span) == "What did Colombia seek?"
    assert blank_stem(answer) == f"Colombia sought {BLANK}."


def _terms_asked(paragraphs: list[str]) -> set[str]:
    """The term answers (a defined term's too) found in a document of ``paragraphs``, with what the
    document says of its nouns."""
    document = Document(
        id=DOCUMENT_ID,
        title="Earth",
        lead="",
        key_points=(),
        sections=(Section("Body", tuple(paragraphs)),),
        source=SourceFile("terms.txt", "0" * 64),
    )
    [(_, sentences)] = list(analyse([document]))
    context = DocumentContext(frozenset({"earth"}), frozenset(), noun_mentions=noun_mentions(sentences))
    found = [a for sentence in sentences for a in find_answers(sentence, context, STEM_LEXICON)]
    return {a.text for a in found if a.kind in ("term", "defined")}


@pytest.mark.parametrize(
    ("paragraphs", "asked", "not_asked"),
    [
        # A common word blanked once has synonyms a student would rightly give ("towns", "groups").
        (["Smaller clusters are found along the coast."], set(), {"clusters"}),
        # A rare word is specific wherever it stands.
        (["Ice can turn straight into vapour by sublimation."], {"sublimation"}, set()),
        # A commoner word the text names, or keeps coming back to, is what it teaches.
        (["Groups of stars held together by gravity are called clusters."], {"clusters"}, set()),
        (["Heat rises through the mantle.", "The mantle lies below the crust."], {"mantle"}, set()),
        (["Heat rises through the mantle."], set(), {"mantle"}),
    ],
)
def test_only_specific_terms_are_asked(paragraphs: list[str], asked: set[str], not_asked: set[str]) -> None:
    found = _terms_asked(paragraphs)
    assert asked <= found
    assert not (not_asked & found)


def test_title_words_are_not_asked() -> None:
    """A blank made only of the title's words is filled from the quiz's title."""
    context = DocumentContext(frozenset({"africa's", "geography", "climate"}), frozenset())
    assert context.gives_away("geography")
    assert context.gives_away("Geography")
    assert not context.gives_away("tropical climate")
    iceland = DocumentContext(frozenset({"iceland"}), frozenset())
    assert iceland.gives_away("Icelandic")  # "devastated the _____ economy" in a text on Iceland
    assert not iceland.gives_away("Icelandic sagas")


# --- 5b. Definitions, reasons, fact-sheet lines, trimmed clauses and needs-context ----------------------

IDEA_CASES: list[tuple[str, str, str, str]] = [
    # Definitions: a passive or reduced "called", a copular definition, an apposition.
    (
        "Water that falls from clouds is called precipitation.",
        "precipitation",
        "defined",
        "What is the name for water that falls from clouds?",
    ),
    (
        "Some rain soaks into the ground in a process called infiltration.",
        "infiltration",
        "defined",
        "What is the name for the process in which some rain soaks into the ground?",
    ),
    (
        "A cataract is a place in a river where the flow is upset by a waterfall.",
        "cataract",
        "defined",
        "What is the name for a place in a river where the flow is upset by a waterfall?",
    ),
    (
        "The kingdom that first emerged in Nubia was called Kush.",
        "Kush",
        "defined",
        "What is the name of the kingdom that first emerged in Nubia?",
    ),
    (  # the second of two joined "called" clauses; a lower-case name is "the name for"
        "A stack of thylakoids is called a granum, and the space surrounding the granum is called stroma.",
        "stroma",
        "defined",
        "What is the name for the space surrounding the granum?",
    ),
    (  # the object of a verb, named: the clause it is the object of says what it is
        "During the day, leaves release a gas called oxygen.",
        "oxygen",
        "defined",
        "What is the name for the gas that leaves release during the day?",
    ),
    # Reasons and purposes, with their marker: "Why ...?" for their clause, the rest of it kept.
    (
        "Most geologists rejected the idea because Wegener could not explain what force moved the continents.",
        "because Wegener could not explain what force moved the continents",
        "reason",
        "Why did most geologists reject the idea?",
    ),
    (
        "Viruses must infect a cellular host in order to survive and reproduce.",
        "in order to survive and reproduce",
        "reason",
        "Why must viruses infect a cellular host?",
    ),
    (
        "The kingdom was culturally influenced by Egypt because of its location along the Nile.",
        "because of its location along the Nile",
        "reason",
        "Why was the kingdom culturally influenced by Egypt?",
    ),
    (
        "To raise money, Louis XVI called a meeting of the Estates-General.",
        "To raise money",
        "reason",
        "Why did Louis XVI call a meeting of the Estates-General?",
    ),
]

NO_IDEA = [
    "Most geologists rejected his idea because he could not explain what force moved the continents.",  # whose idea?
    "After the war, the country recovered to become an economic power.",  # a result, not a purpose
    "Microbial photosynthesis is a significant supplier of chemical energy.",  # a judgement, not a definition
    "Evaporation happens when the Sun heats liquid water and turns it into an invisible gas called water vapour.",
]


@pytest.fixture(scope="module")
def parsed_ideas() -> dict[str, ParsedSentence]:
    return parse_texts([text for text, _, _, _ in IDEA_CASES] + NO_IDEA)


def parse_texts(texts: list[str], title: str = "Stems") -> dict[str, ParsedSentence]:
    """Each text parsed by the real pipeline as a paragraph of its own."""
    document = Document(
        id=DOCUMENT_ID,
        title=title,
        lead="",
        key_points=(),
        sections=tuple(Section("History", (text,)) for text in sorted(set(texts))),
        source=SourceFile("ideas.txt", "0" * 64),
    )
    [(_, sentences)] = list(analyse([document]))
    return {sentence.text: sentence for sentence in sentences}


@pytest.mark.parametrize(("text", "answer_text", "kind", "stem"), IDEA_CASES)
def test_definition_and_reason_items(
    parsed_ideas: dict[str, ParsedSentence], text: str, answer_text: str, kind: str, stem: str
) -> None:
    answers = find_answers(parsed_ideas[text], DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    assert (answers[0].text, answers[0].kind, answers[0].stem) == (answer_text, kind, stem)


@pytest.mark.parametrize("text", NO_IDEA)
def test_no_definition_or_reason_where_the_sentence_does_not_give_one(
    parsed_ideas: dict[str, ParsedSentence], text: str
) -> None:
    answers = find_answers(parsed_ideas[text], DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    assert not [answer for answer in answers if answer.kind in ("defined", "reason")]


CLAUSE_CASES: list[tuple[str, str, str]] = [
    # A clause joined by "and" that does not hold the answer is left out, and so is an aside.
    (
        "Peru declared its independence in 1821, and remaining Spanish forces were defeated in 1824.",
        "independence",
        f"Peru declared its {BLANK} in 1821.",
    ),
    (
        "Alexander Fleming (a Scottish doctor) discovered penicillin in a London laboratory in 1928.",
        "penicillin",
        f"Alexander Fleming discovered {BLANK} in a London laboratory in 1928.",
    ),
    (
        "The San Andreas Fault marks the boundary between two plates, which move past each other slowly.",
        "San Andreas Fault",
        f"The {BLANK} marks the boundary between two plates.",
    ),
    # Kept whole where the trim would leave out the clause's own verb.
    (
        "In September and March, Earth leans “sideways”—neither into the Sun nor away from it—so the two "
        "hemispheres are equally favored with sunshine.",
        "two",
        f"In September and March, Earth leans “sideways”—neither into the Sun nor away from it—so the {BLANK} "
        "hemispheres are equally favored with sunshine.",
    ),
    # A sign that ends the clause is part of it: "3%" keeps its "%".
    (
        "Although Earth's orbit around the Sun is an ellipse, its distance from the Sun varies by only about 3%.",
        "ellipse",
        f"Although Earth's orbit around the Sun is an {BLANK}, its distance from the Sun varies by only about 3%.",
    ),
    # Kept whole: a pronoun whose antecedent would be left out, too little left, an opening phrase that holds.
    (
        "Cloud droplets are tiny, but they can collide and merge until they are heavy enough to fall.",
        "Cloud droplets",
        f"{BLANK} are tiny, but they can collide and merge until they are heavy enough to fall.",
    ),
    (
        "At a divergent boundary, plates move apart and magma rises to form new crust.",
        "magma",
        f"At a divergent boundary, plates move apart and {BLANK} rises to form new crust.",
    ),
]


@pytest.fixture(scope="module")
def parsed_clauses() -> dict[str, ParsedSentence]:
    return parse_texts([text for text, _, _ in CLAUSE_CASES])


@pytest.mark.parametrize(("text", "answer_text", "stem"), CLAUSE_CASES)
def test_blank_stems_keep_only_the_answers_clause(
    parsed_clauses: dict[str, ParsedSentence], text: str, answer_text: str, stem: str
) -> None:
    sentence = parsed_clauses[text]
    answer = answer_in(text, answer_text, "term")
    assert blank_stem(with_stem(answer, sentence.span)) == stem


UNNAMED_CASES = [
    # "his" of a person the sentence never names: in a sentence the student does not have.
    ("Most geologists rejected his idea because he could not explain the force.", "geologists", "term", True),
    # "his" of the person asked for, or of one the sentence names.
    ("Napoleon abandoned his plans for an empire in America.", "Napoleon", "person", False),
    ("Alfred Wegener proposed his idea of continental drift in 1912.", "1912", "year", False),
    ("Plates move about as fast as fingernails grow.", "fingernails", "term", False),
]


@pytest.mark.parametrize(("text", "answer_text", "kind", "unnamed"), UNNAMED_CASES)
def test_an_item_never_says_he_of_someone_it_does_not_name(
    text: str, answer_text: str, kind: AnswerKind, unnamed: bool
) -> None:
    sentence = parse_texts([text])[text]
    answer = with_stem(answer_in(text, answer_text, kind), sentence.span)
    assert means_someone_unnamed(answer, sentence.span) is unnamed


FACT_LINES = [
    "Highest point: Mount Huascaran 6,746 m",
    "Area: 377,915 sq km",
    "Terrain: mostly rugged and mountainous",
    "Highest point: Mount Fuji 3,776 m",
]


def test_a_fact_sheet_line_asks_about_the_documents_subject() -> None:
    parsed = parse_texts(FACT_LINES, title="Peru")
    context = DocumentContext(frozenset({"peru"}), frozenset(), title="Peru")
    [answer] = find_answers(parsed[FACT_LINES[0]], context, STEM_LEXICON)
    answer = with_stem(answer, parsed[FACT_LINES[0]].span)
    assert (answer.text, answer.stem) == ("Mount Huascaran", "What is the highest point of Peru?")
    assert blank_stem(answer) == f"The highest point of Peru is {BLANK}."
    assert not find_answers(parsed[FACT_LINES[1]], context, STEM_LEXICON)  # an exact area is not worth asking
    assert not find_answers(parsed[FACT_LINES[2]], context, STEM_LEXICON)  # no name to ask for


NOT_WORTH_ASKING = [
    # A famous place asked by a generic relation: general knowledge, not the text's.
    ("Highest point: Mount Fuji 3,776 m", "Mount Fuji"),
    ("The capital of Peru is Lima.", "Lima"),
    ("Half of the population lives in and around the capital of Lima.", "Lima"),
    ("Lima is the largest city of the country.", "Lima"),
    # A measurement, and the count of a set the sentence takes as known.
    ("Porcelain filters have a pore size of 0.1 µm, small enough to stop bacteria.", "0.1"),
    ("In March the two hemispheres are equally favoured with sunshine.", "two"),
    # A part the claim is set against: a concession, a contrast, an example after *such as*.
    ("Even though Ivanovski did not see the virus, Pasteur is credited with the discovery.", "Ivanovski"),
    ("Unlike the city-states of Mesopotamia, Egypt was united under a single ruler.", "Mesopotamia"),
    ("Dry regions, such as the belts beside the savannas, have poor soil.", "savannas"),
]


@pytest.mark.parametrize(("text", "answer_text"), NOT_WORTH_ASKING)
def test_answers_a_teacher_would_not_ask_are_not_asked(text: str, answer_text: str) -> None:
    parsed = parse_texts([text], title="Peru")
    context = DocumentContext(frozenset({"peru"}), frozenset(), title="Peru")
    found = [answer.text for answer in find_answers(parsed[text], context, STEM_LEXICON)]
    assert answer_text not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "There are two effects we need to consider.",  # the author's plan of the text
        "Despite their small size the discovery of the virus dates back to 1892.",  # their: not the discovery
    ],
)
def test_a_sentence_of_the_author_or_an_unmatched_pronoun_is_not_asked(text: str) -> None:
    assert not usable(parse_texts([text])[text])


def test_a_pronoun_that_stands_for_what_comes_before_it_is_fine() -> None:
    text = "Shortly before Lewis and Clark set out on their expedition, Alexander Mackenzie had looked for the route."
    assert usable(parse_texts([text])[text])


@pytest.mark.parametrize(
    ("text", "stands_alone"),
    [
        ("The second effect has to do with the length of the day.", False),
        ("The latter spread across the whole continent within ten years.", False),
        ("These rocks formed under the sea millions of years ago.", False),
        ("Their leader signed the treaty with Colombia in 1935.", False),
        ("Such storms destroy crops along the whole coast every year.", False),
        ("The second half of the century saw rapid economic growth.", True),
        ("Water that falls from clouds is called precipitation.", True),
        ("The treaty that ended the war was signed in Paris.", True),
    ],
)
def test_a_sentence_that_points_back_is_not_asked(text: str, stands_alone: bool) -> None:
    assert usable(parse_texts([text])[text]) is stands_alone


# --- 6. Difficulty ---------------------------------------------------------------------------------------

MCQ, CLOZE, TF = MultipleChoice.type, Cloze.type, TrueFalse.type


@pytest.mark.parametrize(
    ("part", "kind", "text", "item_type", "expected"),
    [
        # Points: body +1, number or date +1, rare term (Zipf < 3 of its last word) +1, cloze +1, true/false -1.
        ("key_point", "person", "Ada Lovelace", MCQ, "easy"),
        ("lead", "person", "Ada Lovelace", MCQ, "easy"),
        ("body", "person", "Ada Lovelace", MCQ, "medium"),
        ("key_point", "person", "Ada Lovelace", CLOZE, "medium"),
        ("key_point", "person", "Ada Lovelace", TF, "easy"),
        ("body", "person", "Ada Lovelace", TF, "easy"),
        ("key_point", "year", "1935", MCQ, "medium"),
        ("lead", "year", "1935", TF, "easy"),
        ("body", "year", "1935", MCQ, "hard"),
        ("body", "year", "1935", TF, "medium"),
        ("body", "year", "1935", CLOZE, "hard"),
        ("lead", "percent", "45%", MCQ, "medium"),
        ("lead", "number_word", "three", CLOZE, "hard"),
        ("lead", "term", "chloroplasts", MCQ, "medium"),
        ("lead", "term", "government", MCQ, "easy"),
        ("lead", "term", "photosynthetic energy", MCQ, "easy"),  # only the last word's frequency counts
        ("lead", "term", "green chloroplasts", MCQ, "medium"),
        ("lead", "term", "green chloroplasts", TF, "easy"),
        ("key_point", "term", "government", CLOZE, "medium"),
        ("body", "term", "government", CLOZE, "hard"),
        ("body", "term", "chloroplasts", TF, "medium"),
        ("body", "place", "chloroplasts", MCQ, "medium"),  # rarity counts for terms only
    ],
)
def test_difficulty(part: Part, kind: AnswerKind, text: str, item_type: str, expected: str) -> None:
    answer = answer_in(f"They wrote about {text} at length.", text, kind, part=part)
    assert difficulty(answer, item_type) == expected


# --- 7. The model's contracts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Économie politique", "economie-politique"),
        ("What Happened?", "what-happened"),
        ("multiple_choice", "multiple_choice"),
        ("Key points", "key-points"),
        ("Año 2024: ¿qué?", "ano-2024-que"),
        ("  --Hello, World--  ", "hello-world"),
        ("Ölçüm", "olcum"),
        ("__init__", "init"),
        ("_x_", "x"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize(("first", "second"), [("日本語", "中文"), ("Ελληνικά", "русский"), ("???", "!!!")])
def test_slug_without_latin_letters(first: str, second: str) -> None:
    assert re.fullmatch(r"untitled-[0-9a-f]{8}", slug(first))
    assert re.fullmatch(r"untitled-[0-9a-f]{8}", slug(second))
    assert slug(first) != slug(second)
    assert slug(first) == slug(first)  # stable across calls (a hash, not a counter)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The {{1}} flows into the {{2}}.", ["The ", 1, " flows into the ", 2, "."]),
        ("{{1}}", [1]),
        ("{{12}}{{3}} end", [12, 3, " end"]),
        ("no blanks", ["no blanks"]),
        ("a {1} b {{x}}", ["a {1} b {{x}}"]),
        ("", []),
    ],
)
def test_cloze_parts(text: str, parts: list[str | int]) -> None:
    assert cloze_parts(text) == parts
    assert marked_blanks(text) == [part for part in parts if isinstance(part, int)]
    rebuilt = "".join(cloze_marker(part) if isinstance(part, int) else part for part in parts)
    assert rebuilt == text


@pytest.mark.parametrize("blank_id", [1, 2, 10, 123])
def test_cloze_marker_round_trip(blank_id: int) -> None:
    marker = cloze_marker(blank_id)
    assert marker == "{{" + str(blank_id) + "}}"
    assert cloze_parts(f"before {marker} after") == ["before ", blank_id, " after"]


@pytest.mark.parametrize(
    ("text", "parsed_tag"),
    [
        ("section:key-points", ("section", "key-points")),
        ("plain", (None, "plain")),
        ("doc:a:b", ("doc", "a:b")),
        (":value", ("", "value")),
        ("key:", ("key", "")),
    ],
)
def test_parse_tag(text: str, parsed_tag: tuple[str | None, str]) -> None:
    assert parse_tag(text) == parsed_tag


def test_item_tags_round_trip() -> None:
    tags = item_tags("colombia", "Key points", Cloze.type, "year")
    assert tags == ("doc:colombia", "section:key-points", "type:cloze", "answer:year")
    assert dict(parse_tag(tag) for tag in tags) == {
        "doc": "colombia",
        "section": "key-points",
        "type": "cloze",
        "answer": "year",
    }


@pytest.mark.parametrize(
    ("sentence", "answer", "kind", "given"),
    [
        (
            "Photosynthesis takes place in two stages: the light reactions and the Calvin cycle.",
            "two",
            "number_word",
            True,
        ),
        ("The parliament has 63 seats: 40 elected by district.", "63", "number", True),
        ("Photosynthesis takes place in two stages in the chloroplast.", "two", "number_word", False),
        ("About 97 percent of water is salt water, and 3 percent is fresh.", "97", "percent", True),
        ("About 97 percent of water is salt water.", "97", "percent", False),
    ],
)
def test_no_item_asks_what_its_sentence_gives(sentence: str, answer: str, kind: AnswerKind, given: bool) -> None:
    """A count of what the sentence then lists, or a share another share completes to 100, is asked of
    no one: the sentence itself answers it."""
    found = answer_in(sentence, answer, kind)
    items = plan_items([[found]], planning_distractors([[found]]), BuildOptions())
    assert (not items) is given


def test_a_month_alone_is_asked_among_the_months() -> None:
    text = "Earth is actually closest to the Sun in January."
    found = find_answers(parse_texts([text])[text], DocumentContext(frozenset(), frozenset()), packaged_lexicon())
    assert [(answer.text, answer.kind) for answer in found if answer.text == "January"] == [("January", "months")]


def test_an_item_does_not_say_the_things_only_its_cut_part_introduced() -> None:
    text = (
        "A survey detected 100,000 islands, but only the 14,125 islands of at least 100 m were counted; "
        "about 260 of the islands are inhabited."
    )
    sentence = parse_texts([text])[text]
    found = find_answers(sentence, DocumentContext(frozenset(), frozenset()), packaged_lexicon())
    stems = {answer.text: with_stem(answer, sentence.span) for answer in found}
    assert "260" in stems
    assert points_back(stems["260"])


YEAR_TEXTS = {
    "The assembly of the island, the Althingi, was established in 930.": ("930", "year"),
    "The farmers of the valley kept cattle in 930 households.": ("930", "number"),
}


@pytest.mark.parametrize("text", sorted(YEAR_TEXTS))
def test_a_bare_number_after_a_preposition_of_time_is_a_year(text: str) -> None:
    sentence = parsed_paragraphs([text], DOCUMENT_ID)[text]
    answers = find_answers(sentence, DocumentContext(frozenset(), frozenset()), STEM_LEXICON)
    number, kind = YEAR_TEXTS[text]
    assert [answer.kind for answer in answers if answer.text == number] == [kind]
