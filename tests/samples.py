"""Sample quizzes for the tests: built by hand (every item type, several blanks, hostile text) or by the pipeline.

Every builder returns a new quiz; tests that check a particular text take it from
the constants and quizzes here rather than typing it again.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from quizgen.generate import BuildOptions, build_quiz
from quizgen.generate.answers import FACT_LABEL
from quizgen.generate.nlp import analyse
from quizgen.generate.types import Answer, AnswerKind, ParsedSentence, Part, Sentence
from quizgen.model import (
    Blank,
    Cloze,
    Difficulty,
    Document,
    Event,
    Item,
    Matching,
    Metadata,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Pair,
    Quiz,
    Section,
    Source,
    SourceFile,
    TrueFalse,
)
from quizgen.read import find_documents, read_document
from tests.conftest import SEEDS

HOSTILE = (
    "Tom & Jerry's \"show\" <script>alert('x')</script></script><!-- <b>bold</b> </style> {{ 7*7 }} {{c9::x}} "
    "~ = # { } : \\ [blank1] {1:SA:=x} 50%"
)
"""Text that breaks naive handling of HTML, XML, JSON inside ``<script>``, CSS, jinja2, Anki cloze markers,
GIFT, Moodle's cloze syntax or Canvas blanks."""


def source(sentence: str = "A sentence.", section: str = "Key points") -> Source:
    """An item's source: ``section`` and the ``sentence`` the item was made from."""
    return Source(section=section, sentence=sentence)


SOURCE = source()


def mcq(
    item_id: str,
    question: str,
    options: Sequence[str],
    answer: str,
    explanation: str = "",
    *,
    cited: Source | None = None,
    tags: tuple[str, ...] = (),
    difficulty: Difficulty | None = None,
) -> MultipleChoice:
    """A multiple-choice item with its ``options`` lettered A, B, C...; ``answer`` is a letter.

    Without ``cited`` the source sentence is the question followed by the correct option.
    """
    lettered = tuple(Option(id=chr(ord("A") + index), text=text) for index, text in enumerate(options))
    correct = next(option.text for option in lettered if option.id == answer)
    cited = cited or source(f"{question} {correct}")
    return MultipleChoice(item_id, question, lettered, answer, explanation, cited, tags, difficulty)


def quiz_of(quiz_id: str, title: str, items: Sequence[Item], metadata: Metadata | None = None) -> Quiz:
    """A quiz of ``items`` read from ``<quiz_id>.txt``."""
    return Quiz(quiz_id, title, SourceFile(f"{quiz_id}.txt", "0" * 64), tuple(items), metadata or Metadata())


# --- small quizzes of every item type ----------------------------------------------------------------------------


def plain_quiz() -> Quiz:
    """A small ordinary quiz, as a teacher might write by hand: one item of each type, a cloze with an alternative."""
    return quiz_of(
        "capitals",
        "Capitals",
        [
            mcq(
                "mcq-1",
                "What is the capital of France?",
                ("Lyon", "Paris", "Nice"),
                "B",
                "Paris has been the capital since 508.",
                cited=SOURCE,
            ),
            Cloze("cloze-1", "The capital of Italy is {{1}}.", (Blank(1, "Rome", accept=("Roma",)),), "", SOURCE),
            TrueFalse("tf-1", "Berlin is in Germany.", True, "", SOURCE),
        ],
    )


def sample_quiz(quiz_id: str = "colombia", title: str = "Colombia & the USSR") -> Quiz:
    """One item of each type with tags and difficulty, a two-blank cloze with an alternative, a cloze with hostile text.

    Items: ``mcq-1`` (answer C), ``cloze-2`` (blanks 1935 and Soviet Union), ``tf-3`` (false), ``cloze-4`` (hostile).
    """
    what_happened = "What Happened?"
    return quiz_of(
        quiz_id,
        title,
        [
            mcq(
                "mcq-1",
                "Who led the initiative?",
                ("Getúlio Vargas", "Juan Perón", "Alfonso López Michelsen", "Lázaro Cárdenas"),
                "C",
                "The key points name him as the president in charge.",
                cited=source("President Alfonso López Michelsen led the initiative."),
                tags=(f"doc:{quiz_id}", "section:key-points", "type:multiple_choice"),
                difficulty="easy",
            ),
            Cloze(
                "cloze-2",
                "Relations were established in {{1}} with the {{2}}.",
                (Blank(1, "1935", accept=("nineteen thirty-five",)), Blank(2, "Soviet Union")),
                "Both facts come from the first paragraph.",
                source("Relations were established in 1935 with the Soviet Union.", what_happened),
                (f"doc:{quiz_id}", "section:what-happened", "type:cloze"),
                "medium",
            ),
            TrueFalse(
                "tf-3",
                "The accord was signed in 1950.",
                False,
                "It was signed in 1935.",
                source("The 1935 accord symbolized Colombia's willingness to engage.", what_happened),
                difficulty="hard",
            ),
            Cloze(
                "cloze-4",
                f"{HOSTILE} is served with {{{{1}}}}.",
                (Blank(1, 'salt & "vinegar" {{c2::no}}'),),
                HOSTILE,
                source(f'{HOSTILE} is served with salt & "vinegar" {{{{c2::no}}}}.', "<b>Menu</b>"),
            ),
        ],
        Metadata(subject="History", grade="10", tags=("cold-war",)),
    )


def hostile_quiz(for_pygiftparser: bool = False) -> Quiz:
    """Every item type, a multi-blank cloze (blanks listed out of text order) with accepted alternatives,
    and hostile text in every field, including GIFT's specials in options and answers.

    ``for_pygiftparser`` leaves "}" and "->" out of options and answers: pygiftparser ends an answer
    at an escaped "}" and takes any "->" for a matching pair, where Moodle does neither in these questions.
    """
    brace, arrow = ("", "=>") if for_pygiftparser else ("}", "->")
    options = ("<b>bold</b> & ~tilde", 'equals = hash # colon : "quoted" \\ back', "% of voters")
    return quiz_of(
        "0-hostile",
        f"Rock & Roll </script><script>alert(1)</script> {{x}} a/b {HOSTILE}",
        [
            mcq(
                "mcq-hostile",
                f"Which is right? {HOSTILE}",
                (*options, f"[html] {{curly{brace} {arrow} arrow"),
                "B",
                f"Because {HOSTILE}",
                cited=SOURCE,
                tags=("doc:hostile", "type:multiple_choice"),
                difficulty="easy",
            ),
            TrueFalse("tf-true", f"This statement is true. {HOSTILE}", True, "It says so.", SOURCE),
            TrueFalse("tf-false", "The Moon is made of cheese.", False, "", SOURCE),
            Cloze(
                "cloze-one",
                f"The {{{{1}}}} accord came first. {HOSTILE}",
                (Blank(1, "1935", accept=("nineteen thirty-five",)),),
                "",
                SOURCE,
            ),
            Cloze(
                "cloze-two",
                f"Signed in {{{{2}}}} & <i>{{{{1}}}}</i> ~ {HOSTILE} end.",
                (
                    Blank(1, f"C:\\ & <x> #1{brace}", accept=("see colon",)),
                    Blank(2, "Moscow", accept=("Moskva", "the capital")),
                ),
                f"Two blanks. {HOSTILE}",
                SOURCE,
                ("type:cloze",),
            ),
        ],
    )


# --- quizzes shaped for printing ---------------------------------------------------------------------------------


def classroom_quiz(quiz_id: str = "hand-made", title: str = "Rivers & Lakes") -> Quiz:
    """Eight items in mixed order, as a teacher might write for a worksheet, with a subject and grade.

    Three multiple-choice, two true/false and three cloze items; ``cloze-two`` has two blanks and an
    alternative answer; ``mc-hostile`` and ``tf-false`` carry hostile text.
    """
    items: list[Item] = [
        Cloze(
            "cloze-two",
            "The {{1}} flows into the {{2}}.",
            (Blank(1, "Nile", ("River Nile",)), Blank(2, "Mediterranean Sea")),
            "Both names are in the first paragraph.",
            source("The Nile flows into the Mediterranean Sea.", "Rivers"),
        ),
        mcq("mc-longest", "Which river is the longest?", ("Amazon", "Nile", "Thames", "Danube"), "B"),
        TrueFalse("tf-true", "Lake Baikal is the deepest lake.", True, "", source("Lake Baikal is the deepest lake.")),
        mcq("mc-hostile", f"Which text is printed as it is? {HOSTILE}", ("<b>bold</b>", HOSTILE, "plain", "none"), "B"),
        Cloze("cloze-one", "Water boils at {{1}} degrees.", (Blank(1, "100"),), "", source("Water boils at 100.")),
        TrueFalse("tf-false", f"False statement {HOSTILE}", False, HOSTILE, source(f"Source {HOSTILE}", HOSTILE)),
        mcq("mc-capital", "What is the capital of Egypt?", ("Cairo", "Giza", "Luxor", "Aswan"), "A"),
        Cloze("cloze-three", "The {{1}} is a desert.", (Blank(1, "Sahara"),), "", source("The Sahara is a desert.")),
    ]
    return quiz_of(quiz_id, title, items, Metadata("Geography", "8"))


def short_quiz() -> Quiz:
    """:func:`classroom_quiz` without its hostile items: six short questions of every type, for a quick check."""
    quiz = classroom_quiz("short-quiz", "A Short Quiz")
    items = tuple(item for item in quiz.items if item.id not in {"mc-hostile", "tf-false"})
    return Quiz(quiz.id, quiz.title, quiz.source, items, quiz.metadata)


def long_quiz(count: int = 36) -> Quiz:
    """``count`` long items, the three types in turn, each cloze with two blanks: enough to fill several pages."""
    filler = "a sentence long enough to wrap over two printed lines when the page is as narrow as A4 is"
    items: list[Item] = []
    for number in range(count):
        kind = number % 3
        if kind == 0:
            options = (f"first option {number}", f"second option {number}", f"third {number}", f"fourth {number}")
            items.append(mcq(f"mc-{number}", f"Question {number} is {filler}?", options, "ABCD"[number % 4]))
        elif kind == 1:
            statement = f"Statement {number} is {filler}."
            items.append(TrueFalse(f"tf-{number}", statement, number % 2 == 0, "", source(statement)))
        else:
            text = f"Cloze {number} is {{{{1}}}} {filler} and {{{{2}}}}."
            blanks = (Blank(1, f"answer{number}a"), Blank(2, f"answer{number}b"))
            items.append(Cloze(f"cloze-{number}", text, blanks, "", source(text)))
    return quiz_of("long-quiz", "A Long Quiz", items)


# --- quizzes the real pipeline makes -----------------------------------------------------------------------------


@functools.cache
def pipeline_quiz(path: Path) -> Quiz:
    """The quiz the real read and build stages make from ``path`` (built once per run; quizzes are immutable)."""
    return build_quiz(read_document(path))


@functools.cache
def pipeline_quizzes() -> tuple[Quiz, ...]:
    """The quizzes of every document in seeds/, each with items."""
    quizzes = tuple(pipeline_quiz(path) for path in sorted(find_documents([SEEDS])))
    assert quizzes and all(quiz.items for quiz in quizzes)
    return quizzes


# --- the generate stage's own inputs -----------------------------------------------------------------------------


def answer_in(
    text: str,
    part_of: str,
    kind: AnswerKind,
    *,
    position: int = 0,
    section: str = "History",
    part: Part = "body",
    score: float = 3.0,
    category: str | None = None,
    plural: bool = False,
    full_clause: bool = True,
    title: str = "",
) -> Answer:
    """An answer spanning the first occurrence of ``part_of`` in the sentence ``text`` (of document ``doc``)."""
    start = text.index(part_of)
    sentence = Sentence(text, "doc", section, part, position)
    # a clause of a full sentence stands for one the builder could reword (see questions.claim_around)
    claim = (text[:start], text[start + len(part_of) :]) if full_clause else None
    return Answer(
        sentence,
        start,
        start + len(part_of),
        kind,
        score,
        category,
        plural,
        full_clause=full_clause,
        title=title,
        claim=claim,
    )


def quiz_from_text(folder: Path, text: str, options: BuildOptions | None = None, name: str = "notes.txt") -> Quiz:
    """The quiz built from ``text`` saved as ``folder/name``, as `quizgen build` reads a teacher's file."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return build_quiz(read_document(path), options)


# --- items of several facts ----------------------------------------------------------------------------------

WATER = "The Water Cycle"
VAPOUR = source("Evaporation turns liquid water into an invisible gas called water vapour.", "Evaporation")
RUNOFF = source("Water that flows over the surface into streams is called runoff.", "Runoff")
AQUIFER = source("A layer of rock that stores groundwater is called an aquifer.", "Groundwater")
BASTILLE = source("Crowds in Paris stormed the Bastille on 14 July 1789.")
EXECUTION = source("Louis XVI was executed by guillotine in January 1793.")
COUP = source("Napoleon Bonaparte seized power in a coup in November 1799.")
FORMS = source("Precipitation reaches the ground as rain, snow or hail.", "Precipitation")


def matching_item(item_id: str = "match-1", left: str = "water vapour") -> Matching:
    """Three terms of the water cycle and what they are (``left`` the first term)."""
    return Matching(
        item_id,
        "Match each term with what the text says it is.",
        (
            Pair(left, "an invisible gas", VAPOUR),
            Pair("runoff", "water that flows over the surface into streams", RUNOFF),
            Pair("aquifer", "A layer of rock that stores groundwater", AQUIFER),
        ),
        "The text says what each term is.",
        ("doc:water", "section:evaporation", "type:matching", "answer:term"),
        "medium",
    )


def ordering_item(item_id: str = "order-1") -> Ordering:
    """Three dated events of the French Revolution, in order."""
    return Ordering(
        item_id,
        "Put these events in the order they happened, earliest first.",
        (
            Event("Crowds in Paris stormed the Bastille", BASTILLE, "14 July 1789"),
            Event("Louis XVI was executed by guillotine", EXECUTION, "January 1793"),
            Event("Napoleon Bonaparte seized power in a coup", COUP, "November 1799"),
        ),
        "In order: 1789, 1793, 1799.",
        ("doc:water", "section:key-points", "type:ordering", "answer:event"),
        "hard",
    )


def multiple_answer_item(item_id: str = "ma-1") -> MultipleAnswer:
    """Forms of precipitation: A rain, C snow, D hail are right; B wind and E sunshine are not."""
    options = tuple(
        Option(letter, text) for letter, text in zip("ABCDE", ("rain", "wind", "snow", "hail", "sunshine"), strict=True)
    )
    return MultipleAnswer(
        item_id,
        "Precipitation reaches the ground as _____. Which of the following fill the blank? Select all that apply.",
        options,
        ("A", "C", "D"),
        "The text says: “Precipitation reaches the ground as rain, snow or hail.” (Precipitation)",
        FORMS,
        ("doc:water", "section:precipitation", "type:multiple_answer", "answer:term"),
        "medium",
    )


def group_quiz(quiz_id: str = "water", hostile: bool = False) -> Quiz:
    """One matching, one ordering and one multiple-answer item (with :data:`HOSTILE` text as a term when
    ``hostile``), beside a multiple-choice item."""
    left = f"{HOSTILE} vapour" if hostile else "water vapour"
    items: list[Item] = [
        mcq("mcq-1", "What drives the water cycle?", ("the Moon", "the Sun", "the wind", "the tides"), "B"),
        matching_item(left=left),
        ordering_item(),
        multiple_answer_item(),
    ]
    return quiz_of(quiz_id, WATER, items)


_WORD = re.compile(r"\w+")


def rewords(text: str, sentence: str) -> bool:
    """Whether ``text`` says only what ``sentence`` says in its words, in any order: each of its words is a
    word of the sentence, used no more often, or one a rewording adds (a claim reworded: a phrase moved,
    a passive made active)."""
    said = Counter(_WORD.findall(sentence.lower()))
    extra = Counter(_WORD.findall(text.lower())) - said
    # the words a rewording adds: "was ... by" of a passive, a verb's other form ("caused" -> "causes")
    return all(word in _REWORDING or any(word[:4] == other[:4] for other in said) for word in extra)


_REWORDING = frozenset({"was", "were", "by"})


def shortens(text: str, sentence: str) -> bool:
    """Whether ``text`` says only what ``sentence`` says: its words, in order, are words of the sentence
    (a statement trimmed to the answer's clause, a leading connective or an aside left out); a
    fact-sheet line ("Highest point: Mount Fuji 3,776 m") may read "The highest point of <subject> is
    Mount Fuji."."""
    fact = FACT_LABEL.match(sentence)
    if fact:
        label = fact.group()[:-2].lower()
        said = re.fullmatch(rf"The {re.escape(label)} of .+ is (.+)\.", text)
        return said is not None and said.group(1) in sentence[fact.end() :]
    if re.search(r"\ba\(n\)", text, flags=re.IGNORECASE):  # a cloze's "a(n)" stands for "a" or "an"
        text = re.sub(r"\b(a)\(n\)", r"\1", text, flags=re.IGNORECASE)
        sentence = re.sub(r"\b(a)n\b", r"\1", sentence, flags=re.IGNORECASE)
    words = iter(_WORD.findall(sentence.lower()))
    return all(word in words for word in _WORD.findall(text.lower()))


def parsed_paragraphs(texts: Iterable[str], document_id: str = "doc") -> dict[str, ParsedSentence]:
    """Each of ``texts`` parsed by the real pipeline as a paragraph of its own, by its text."""
    document = Document(
        id=document_id,
        title="Stems",
        lead="",
        key_points=(),
        sections=tuple(Section("History", (text,)) for text in sorted(texts)),
        source=SourceFile("stems.txt", "0" * 64),
    )
    [(_, sentences)] = list(analyse([document]))
    return {sentence.text: sentence for sentence in sentences}
