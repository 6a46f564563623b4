"""The item-flaw checker: each rule finds its flaw in a flawed item and nothing in a clean one, the builder
never emits an item it flags, and ``quizgen check`` reports flaws in a hand-written quiz file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.check import RULES, Finding, check_item, check_quiz
from quizgen.generate import QuizBuilder
from quizgen.model import (
    Blank,
    Cloze,
    Event,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Pair,
    TrueFalse,
)
from quizgen.quizfile import dumps
from quizgen.read import find_documents, read_document
from tests.conftest import SEEDS, CliRun
from tests.samples import HOSTILE, SOURCE, classroom_quiz, hostile_quiz, plain_quiz, quiz_of, sample_quiz


def choice(question: str, *options: str, answer: int = 0) -> MultipleChoice:
    """A multiple-choice item listing ``options`` in order; the one at ``answer`` is right."""
    lettered = tuple(Option(chr(ord("A") + index), text) for index, text in enumerate(options))
    return MultipleChoice("q-choice", question, lettered, lettered[answer].id, "", SOURCE)


def blank(text: str, answer: str, distractors: tuple[str, ...] = (), accept: tuple[str, ...] = ()) -> Cloze:
    """A one-blank cloze item: ``text`` holds ``{{1}}``."""
    return Cloze("q-blank", text, (Blank(1, answer, accept, distractors),), "", SOURCE)


def statement(text: str, answer: bool = True) -> TrueFalse:
    return TrueFalse("q-statement", text, answer, "", SOURCE)


def matching(*pairs: tuple[str, str]) -> Matching:
    """A matching item: each pair a term and what the text says it is."""
    return Matching(
        "q-matching",
        "Match each term with what the text says it is.",
        tuple(Pair(left, right, SOURCE) for left, right in pairs),
        "",
    )


def ordering(*events: str) -> Ordering:
    return Ordering(
        "q-ordering",
        "Put these events in the order they happened, earliest first.",
        tuple(Event(text, SOURCE) for text in events),
        "",
    )


def select_all(question: str, right: tuple[str, ...], wrong: tuple[str, ...]) -> MultipleAnswer:
    """A multiple-answer item: the ``right`` options first, then the ``wrong`` ones."""
    lettered = tuple(Option(chr(ord("A") + index), text) for index, text in enumerate((*right, *wrong)))
    answers = tuple(option.id for option in lettered[: len(right)])
    return MultipleAnswer("q-select", question, lettered, answers, "", SOURCE)


def flaws(item: Item) -> list[str]:
    return [finding.flaw for finding in check_item(item)]


# Each rule: items with the flaw, then items a teacher would hand out that the rule must leave alone.
FLAWED: dict[str, list[Item]] = {
    "answer-longest": [
        choice("Which gas do plants take in?", "carbon dioxide from the air", "oxygen", "helium", "argon"),
        blank("Plants take in {{1}}.", "carbon dioxide gas", ("oxygen", "helium", "argon")),
    ],
    "article-cue": [
        select_all(
            "Which of the following complete “a _____ of the cell”? Select all that apply.",
            ("part", "wall"),
            ("organ", "enzyme"),
        ),
        choice("A penguin is an _____.", "bird", "insect", "amphibian", "eel", answer=1),
        choice("The fox is a _____.", "mammal", "insect", "amphibian", "eel"),
    ],
    "number-cue": [
        choice("Several _____ orbit Jupiter.", "moons", "comet", "asteroid", "star"),
        choice("_____ are the powerhouse of the cell.", "mitochondria", "nucleus", "ribosome", "vacuole"),
        blank("Each {{1}} has a nucleus.", "cell", ("tissues", "organs", "systems")),
    ],
    "capital-cue": [
        choice("The Bastille was stormed in _____.", "Paris", "lyon", "nice", "marseille"),
        choice("Which city is the capital of Peru?", "lima", "Cusco", "Arequipa", "Trujillo"),
        choice("A yolk sac replaces the _____ of a marsupial embryo.", "placenta", "uterus", "yolk", "Stomach"),
    ],
    "stem-word-in-answer": [
        matching(
            ("water vapour", "water as an invisible gas"),
            ("runoff", "water that flows over land"),
            ("aquifer", "rock that holds water"),
        ),
        choice("The largest ocean on Earth is the _____.", "Pacific Ocean", "Atlantic", "Indian", "Arctic"),
        blank("The Nile is the longest river; every year the {{1}} floods its valley.", "Nile"),
        choice(
            "What raises egg-shaped swellings known as buboes?", "bubonic plague", "influenza", "smallpox", "cholera"
        ),
        choice(
            "In June the Northern Hemisphere leans into the Sun and gets more direct _____.",
            "sunlight",
            "heat",
            "rain",
            "wind",
        ),
    ],
    "absolute-terms": [
        statement("Volcanoes always form at plate boundaries.", False),
        statement("None of the planets has rings except Saturn.", False),
        choice("Plants make food by _____.", "photosynthesis", "never eating", "always hunting", "digestion"),
    ],
    "negative-stem": [
        choice("Which of these is not a mammal?", "shark", "whale", "bat", "dog"),
        choice(
            "All of these are gases EXCEPT _____ apart from nitrogen, which isn't.", "iron", "neon", "argon", "xenon"
        ),
    ],
    "all-none-above": [
        choice("Which are planets?", "Mars", "Venus", "Earth", "All of the above", answer=3),
        choice("Which is a noble gas?", "neon", "iron", "carbon", "None of these"),
        choice("Which are mammals?", "whale", "bat", "A and B", "shark", answer=2),
    ],
    "numeric-order": [
        choice("The Bastille fell in _____.", "1792", "1789", "1795", "1799", answer=1),
        choice("Everest is about _____ metres high.", "8,849", "16,000", "4,000", "12,000"),
    ],
    "duplicate-options": [
        choice("The capital of France is _____.", "Paris", "Lyon", "lyon", "Nice"),
        choice("Water boils at _____ degrees Celsius.", "100", "1,000", "1000", "10"),
    ],
    "overlapping-options": [
        choice("The Pacific is the largest _____.", "ocean", "sea", "lake", "inland sea"),
        choice("Many people _____.", "have seen a comet", "have seen a comet at night", "saw no comet", "fear comets"),
        choice("The First World War lasted from _____.", "1914–1918", "1910–1915", "1920–1925", "1930–1935"),
        choice("The city has _____ inhabitants.", "more than 100,000", "more than 50,000", "fewer than 10,000", "9"),
    ],
    "more-than-one-correct": [
        choice("The USSR was also called the _____.", "Soviet Union", "soviet union", "Warsaw Pact", "Comecon"),
        blank("Rome is the capital of {{1}}.", "Italy", ("Italia", "Spain", "Greece"), accept=("Italia",)),
        choice("Japan has _____ main islands.", "four", "4", "five", "six"),
    ],
    "kind-mix": [
        choice(
            "The French Revolution began with the storming of the _____.", "Bastille", "Louvre", "1789", "Tuileries"
        ),
        choice("Plants release _____.", "oxygen", "nitrogen", "Napoleon Bonaparte", "helium"),
        choice("The Declaration of Independence was signed in _____.", "1776", "1781", "the Louvre", "1791"),
    ],
    "needs-context": [
        ordering("Louis XVI was executed", "This war ended", "the Bastille was stormed"),
        matching(("magma", "this molten rock"), ("lava", "molten rock at the surface"), ("basalt", "a dark rock")),
        statement("This process releases oxygen."),
        blank("Therefore, the Estates-General met at {{1}}.", "Versailles"),
        choice("As mentioned above, the capital of Peru is _____.", "Lima", "Cusco", "Quito", "La Paz"),
        blank("The latter was built in {{1}}.", "1889"),
        statement("He was elected president in 2011."),
        blank("They crossed the Alps in {{1}}.", "218 BCE"),
        blank("Chloroplasts hold {{1}} (see Figure 3).", "chlorophyll"),
        statement("In either case, the plates move."),
        statement("As a result, the monarchy fell."),
        statement("However the plates move slowly."),
    ],
}

CLEAN: list[Item] = [
    choice("Chlorophyll is held in the _____ of a leaf cell.", "chloroplasts", "nuclei", "vacuoles", "cell walls"),
    choice("The Sun heats the land more than the _____.", "sea", "sky", "rock", "air"),
    choice("Ants use their _____ to detect chemicals.", "antennae", "legs", "eyes", "wings"),
    matching(
        ("water vapour", "the gas evaporation makes"),
        ("runoff", "rain that flows over land"),
        ("aquifer", "rock that holds groundwater"),
    ),
    matching(
        ("Alfred Wegener", "proposed continental drift"),
        ("Harry Hess", "described seafloor spreading"),
        ("Tuzo Wilson", "named transform faults"),
    ),
    ordering("the Bastille was stormed", "Louis XVI was executed", "Napoleon seized power"),
    select_all(
        "Which of the following complete “rain, _____ and hail”? Select all that apply.",
        ("snow", "sleet"),
        ("wind", "sunshine"),
    ),
    choice("What was Dickens' first big success?", "Oliver Twist", "Hard Times", "The Pickwick Papers", answer=2),
    choice(
        "The writer thinks _____.", "Bed ZED is a good example", "people should not build villages", "green is hard"
    ),
    choice("Not surprisingly, millipedes live on _____.", "land", "water", "ice", "trees"),
    choice("Fossils of the same small _____, Mesosaurus, are found in Africa.", "reptile", "bird", "fish", "mammal"),
    statement("Almost all land was once joined in one supercontinent."),
    statement("The festival takes place every year in August."),
    statement("For centuries Europeans believed that an all-water route crossed North America."),
    statement("Plants move only a few centimetres per year."),
    statement("Still water freezes sooner than running water."),
    statement("As a result of the war, the monarchy fell."),
    statement("Besides gold, Kush traded ivory and ebony."),
    choice("Which gas do plants take in for photosynthesis?", "carbon dioxide", "nitrogen", "oxygen", "water vapour"),
    choice("A penguin is a _____.", "bird", "fish", "mammal", "reptile"),
    choice("An ostrich is an _____.", "animal", "item", "organ", "element"),
    choice("Several _____ orbit Jupiter.", "moons", "comets", "asteroids", "rings"),
    choice("The Bastille was stormed in _____.", "Paris", "Lyon", "Nice", "Marseille"),
    choice("_____ is the capital of Peru.", "Lima", "Cusco", "Arequipa", "Trujillo"),
    blank("{{1}} is the process by which plants make food.", "Photosynthesis", ("respiration", "digestion", "decay")),
    choice(
        "The largest ocean on Earth is the _____.", "Pacific Ocean", "Atlantic Ocean", "Indian Ocean", "Arctic Ocean"
    ),
    statement("Volcanoes often form at plate boundaries.", True),
    statement("Not only plants but also algae make oxygen.", True),
    statement("The Nile is the longest river in Africa, and the only one flowing north through the Sahara."),
    choice("Which of these is a mammal?", "whale", "shark", "trout", "eel"),
    choice("Which of the following is NOT a mammal?", "shark", "whale", "bat", "dog"),
    choice("The Bastille fell in _____.", "1776", "1789", "1792", "1799", answer=1),
    choice("The Bastille fell in _____.", "1799", "1792", "1789", "1776", answer=2),
    choice("The First World War lasted from _____.", "1914–1918", "1919–1923", "1904–1908", "1939–1945"),
    choice("Japan occupied Manchuria in 1931-32 and invaded China in _____.", "1937", "1941", "1945", "1950"),
    choice("Mount Everest is _____ metres high.", "8,849", "6,962", "5,895", "4,808"),
    choice("The Pacific is the largest _____.", "ocean", "sea", "lake", "river"),
    blank("Rome is the capital of {{1}}.", "Italy", ("Spain", "Greece", "Portugal"), accept=("Italia",)),
    choice("Japan has _____ main islands.", "three", "four", "five", "six", answer=1),
    choice("The population of Iceland is about _____.", "1200", "35,000", "400,000", "2,000,000", answer=2),
    blank("In 1912 the German scientist Alfred Wegener proposed the idea of {{1}}.", "continental drift"),
    statement("Alfred Wegener said he had found fossils of Mesosaurus on both sides of the Atlantic."),
    blank(
        "Maps of the ocean floor showed that the {{1}} was spreading, and these discoveries became a theory.",
        "seafloor",
    ),
    blank("Plants need sunlight, water and {{1}}, such as nitrogen, to grow.", "nutrients"),
    blank("{{1}} was reelected prime minister in 2012, and he began economic reforms.", "Abe Shinzo"),
    blank("The capital of Italy is {{1}}.", "Rome"),
]


@pytest.mark.parametrize(("code", "item"), [(code, item) for code, items in FLAWED.items() for item in items])
def test_rule_finds_its_flaw(code: str, item: Item) -> None:
    assert code in flaws(item), check_item(item)


@pytest.mark.parametrize("item", CLEAN, ids=lambda item: str(getattr(item, "question", None) or item))
def test_clean_items_have_no_flaw(item: Item) -> None:
    assert check_item(item) == []


def test_every_rule_has_flawed_examples() -> None:
    assert set(FLAWED) == set(RULES)
    assert all(known.description and known.description.endswith(".") for known in RULES.values())


def test_a_finding_names_the_item_and_the_words_at_fault() -> None:
    item = choice("The Bastille fell in _____.", "1792", "1789", "1795", "1799", answer=1)

    assert check_item(item) == [
        Finding(
            "q-choice",
            "numeric-order",
            "the numbers “1792”, “1789”, “1795”, “1799” are not in order: list them from lowest to highest",
        )
    ]


_TEXT = st.one_of(
    st.text(max_size=40), st.sampled_from([HOSTILE, "_____", "1,000", "1914–1918", "more than 5", "A and B"])
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=2, max_size=5, unique=True), _TEXT, st.integers(min_value=0, max_value=4))
def test_any_item_is_checked_without_error(options: list[str], stem: str, answer: int) -> None:
    items: list[Item] = [
        choice(stem, *options, answer=answer % len(options)),
        blank(f"{stem} {{{{1}}}} {stem}", options[0], tuple(options[1:])),
        statement(stem or "."),
        matching(*((text, stem or ".") for text in options)),
        ordering(*options),
        select_all(stem, tuple(options[:1]), tuple(options[1:])),
    ]
    for item in items:
        for finding in check_item(item):
            assert finding.flaw in RULES and finding.item_id == item.id
            assert finding.message and "\n" not in finding.message


def test_the_sample_quizzes_are_checked_without_error() -> None:
    for quiz in (plain_quiz(), sample_quiz(), hostile_quiz(), classroom_quiz()):
        assert all(finding.flaw in RULES for finding in check_quiz(quiz))


def test_check_quiz_lists_findings_item_by_item() -> None:
    flawed = statement("This process always releases oxygen.")
    quiz = quiz_of("q", "Q", [*plain_quiz().items, flawed])

    assert [(finding.item_id, finding.flaw) for finding in check_quiz(quiz)] == [
        ("q-statement", "absolute-terms"),
        ("q-statement", "needs-context"),
    ]


def _built(paths: list[Path]) -> QuizBuilder:
    builder = QuizBuilder()
    builder.add([read_document(path) for path in paths])
    return builder


def test_builder_never_emits_an_item_the_checker_flags() -> None:
    builder = _built(list(find_documents([SEEDS])))
    quizzes = builder.build().quizzes

    assert all(quiz.items for quiz in quizzes)
    assert [finding for quiz in quizzes for finding in check_quiz(quiz)] == []


GATED = """Cell membranes

Cells are wrapped in membranes made of lipids.

Structure
In either case, embedded within the thylakoid membranes are chlorophyll molecules organized into photosystems.
Mitochondria release energy from glucose through cellular respiration.
"""


def test_a_flagged_item_is_never_written(tmp_path: Path) -> None:
    """ "In either case, ..." points at text the student does not have: the builder checks each item as
    it plans it, so the flagged item is never written (the sentence's next answer, if any, is asked
    instead), and nothing in the quiz is left for the last gate to flag."""
    path = tmp_path / "cells.txt"
    path.write_text(GATED, encoding="utf-8")
    builder = _built([path])
    built = builder.build()

    assert [finding for quiz in built.quizzes for finding in check_quiz(quiz)] == []
    cited = [item.source.sentence for quiz in built.quizzes for item in quiz.items if hasattr(item, "source")]
    assert not [sentence for sentence in cited if sentence.startswith("In either case")]
    assert built.quizzes[0].items  # the other sentences still give items


# --- quizgen check -------------------------------------------------------------------------------------


def _hand_written(path: Path, items: list[Item]) -> Path:
    path.write_text(dumps(quiz_of("hand", "By hand", items)), encoding="utf-8")
    return path


def test_check_command_reports_each_flaw_and_fails(tmp_path: Path, cli: CliRun) -> None:
    flawed = _hand_written(
        tmp_path / "flawed.quiz.json",
        [
            choice("Which of these is not a planet?", "Mars", "Venus", "The Moon", "All of the above", answer=2),
            statement("These rocks always float."),
        ],
    )
    clean = _hand_written(tmp_path / "clean.quiz.json", list(plain_quiz().items))

    result = cli("check", clean, flawed)

    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        f"{flawed}: q-choice: negative-stem: the question asks with “not”: ask positively, or write it in capitals"
        in lines
    )
    assert any(line.startswith(f"{flawed}: q-choice: all-none-above: ") for line in lines)
    assert any(line.startswith(f"{flawed}: q-statement: absolute-terms: ") for line in lines)
    assert any(line.startswith(f"{flawed}: q-statement: needs-context: ") for line in lines)
    assert str(clean) not in result.stdout
    assert "Checked 2 quizzes (5 items): 4 flaws in 2 items." in result.stderr


def test_check_command_passes_a_clean_file(tmp_path: Path, cli: CliRun) -> None:
    clean = _hand_written(tmp_path / "clean.quiz.json", list(plain_quiz().items))

    result = cli("check", clean)

    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "Checked 1 quiz (3 items): no flaw found." in result.stderr


def test_check_command_passes_the_builders_own_output(tmp_path: Path, cli: CliRun) -> None:
    assert cli("build", SEEDS, "--out", tmp_path, "--seed", "3").exit_code == 0

    result = cli("check", tmp_path)

    assert result.exit_code == 0, result.stdout
    assert f"Checked {len(list(tmp_path.glob('*.quiz.json')))} quizzes" in result.stderr


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "is not valid JSON"),
        (b'{"format_version": "1.2"}', "invalid quiz"),
        (b"\xff\xfe\x00", "is not UTF-8"),
    ],
)
def test_check_command_names_an_unreadable_file(tmp_path: Path, cli: CliRun, content: bytes, problem: str) -> None:
    bad = tmp_path / "bad.quiz.json"
    bad.write_bytes(content)
    clean = _hand_written(tmp_path / "clean.quiz.json", list(plain_quiz().items))

    result = cli("check", bad, clean)

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("quizgen: error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and problem in errors[0]
    assert "Traceback" not in result.stderr
    assert "Checked 1 quiz (3 items)" in result.stderr


def test_check_command_names_an_empty_folder(tmp_path: Path, cli: CliRun) -> None:
    result = cli("check", tmp_path)

    assert result.exit_code == 1
    assert f"quizgen: error: {tmp_path}: no .quiz.json file in this folder" in result.stderr


def test_check_command_lists_its_rules(cli: CliRun) -> None:
    result = cli("check", "--rules")

    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == list(RULES)


def test_check_command_needs_a_file(cli: CliRun) -> None:
    assert cli("check").exit_code == 2
