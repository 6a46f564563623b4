"""Printable worksheets and answer keys: HTML from jinja2 templates, optionally printed to PDF.

For each quiz and version the exporter writes a student worksheet and its
answer key; a build of several quizzes also gets one combined pair. The
templates receive a small view of each quiz (:class:`Sheet`, :class:`Part`,
:class:`Question`...), numbered, grouped by item type and, for versions,
shuffled. Everything from a document reaches the page through jinja2's
autoescaping, so a document's ``<script>`` prints as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from quizgen.export import ExportOptions
from quizgen.export.each import QuizByQuiz
from quizgen.export.files import content_time
from quizgen.export.render import (
    answer_text,
    explanation_beside_source,
    prompt_text,
    shuffled,
    shuffled_events,
    shuffled_rights,
    version_label,
)
from quizgen.export.templating import render_template, template_environment
from quizgen.model import (
    Blank,
    Cloze,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Quiz,
    TrueFalse,
    assert_never,
    cloze_parts,
    item_sources,
    option_letter,
)

__all__ = [
    "COMBINED_NAME",
    "Choice",
    "Part",
    "Question",
    "Section",
    "Sheet",
    "WorksheetExporter",
    "WorksheetOptions",
    "css_string",
    "load_templates",
    "output_stem",
    "render_page",
    "sheets_for",
]

TEMPLATE_FOLDER = "worksheet"
"""The worksheet's folder inside ``templates/``."""

Paper = Literal["a4", "letter"]

COMBINED_NAME = "all"
"""File name stem of the combined worksheet and key of a build of several documents."""

KINDS = ("worksheet", "key")
"""The two files of a pair; each is rendered by the template ``<kind>.html``."""

SECTION_ORDER = (
    MultipleChoice.type,
    MultipleAnswer.type,
    TrueFalse.type,
    Cloze.type,
    Matching.type,
    Ordering.type,
)
"""Questions are grouped by type in this order and numbered continuously."""

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
"""CSS ``@page size`` for each ``--paper`` choice."""

SHORT_CHOICE = 28
"""Options at most this many characters long are set two to a line."""

BLANK_MM_PER_CHARACTER = 2.6
BLANK_MM_RANGE = (35, 110)
"""A blank is as wide as the longest answer on the sheet needs to be handwritten, within this range."""

SHUFFLE_ATTEMPTS = 12
"""How often a version is reshuffled when it came out the same as an earlier one."""


@dataclass(frozen=True)
class WorksheetOptions(ExportOptions):
    """Options of the worksheet exporter."""

    paper: Paper = "a4"
    """Paper size (``--paper``)."""

    versions: int = 1
    """How many versions (A, B, ...), each shuffled, each with its own key (``--versions``)."""

    pdf: bool = False
    """Also print every page to PDF with the system's Chromium (``--pdf``)."""

    seed: int = 0
    """Fixes the shuffle of the versions: same seed, same bytes."""


@dataclass(frozen=True)
class Choice:
    """A bubble to fill: a multiple-choice option (``letter`` "A"...) or True / False (``letter`` "T"/"F");
    for matching, a lettered right-hand text; for ordering, a lettered event."""

    letter: str
    text: str
    correct: bool


@dataclass(frozen=True)
class Part:
    """A piece of a cloze sentence: literal ``text``, or a blank with its ``number`` and ``answer``."""

    text: str = ""
    number: int | None = None
    answer: str = ""
    accept: tuple[str, ...] = ()

    @property
    def is_blank(self) -> bool:
        """Whether this part is a blank to write in."""
        return self.number is not None


@dataclass(frozen=True)
class Question:
    """One numbered item as printed: see docs/worksheets.md for each field."""

    number: int
    id: str
    type: str
    text: str
    choices: tuple[Choice, ...]
    parts: tuple[Part, ...]
    answer: str
    answer_text: str
    explanation: str
    source_section: str
    source_sentence: str
    short_choices: bool
    lefts: tuple[str, ...] = ()
    """The numbered left-hand texts of a matching question (empty for other types)."""
    sources: tuple[tuple[str, str], ...] = ()
    """Every source the item cites, as (section, sentence): several for matching and ordering."""

    @property
    def blanks(self) -> tuple[Part, ...]:
        """The blanks of a cloze question, in reading order (empty for other types)."""
        return tuple(part for part in self.parts if part.is_blank)


@dataclass(frozen=True)
class Section:
    """The questions of one type, in the order printed."""

    type: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Sheet:
    """One document's worksheet (or key) in one version."""

    id: str
    title: str
    subject: str | None
    grade: str | None
    version: str | None
    sections: tuple[Section, ...]
    word_bank: tuple[str, ...]
    blank_width_mm: int

    @property
    def grade_label(self) -> str | None:
        """The grade as printed: "Grade 8" for a bare "8", else the grade as written ("Year 9")."""
        if self.grade is None or any(char.isalpha() for char in self.grade.replace("K", "")):
            return self.grade
        return f"Grade {self.grade}"

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question of the sheet, in the order printed."""
        return tuple(question for section in self.sections for question in section.questions)


class WorksheetExporter:
    """Writes a student worksheet and an answer key per document and version, as HTML (and PDF)."""

    name = "html"
    description = "printable worksheet and answer key per document (HTML; --pdf, --paper, --versions)"
    options_type = WorksheetOptions

    def __init__(self, options: WorksheetOptions | None = None) -> None:
        self.options = options or WorksheetOptions()

    def export(self, quizzes: Sequence[Quiz], out_dir: Path) -> list[Path]:
        """Write the worksheets and keys of ``quizzes`` into ``out_dir``; also PDFs with ``options.pdf``.

        Each quiz is written on its own; the combined pair of a build of several holds those that could be.
        """
        options = self.options
        environment = load_templates(options.templates)
        outcome = QuizByQuiz()
        pages: list[tuple[Path, list[Quiz], str]] = []
        for stem, held, sheets in _files(quizzes, options, outcome):
            for kind in KINDS:
                path = out_dir / f"{stem}.{kind}.html"
                page = outcome.attempt(held, partial(render_page, environment, kind, sheets, options))
                if outcome.write(held, path, page) and page is not None:
                    pages.append((path, held, page))
        if options.pdf and pages:
            _print_all(pages, content_time(options), outcome)
        return outcome.result()


def _files(
    quizzes: Sequence[Quiz], options: WorksheetOptions, outcome: QuizByQuiz
) -> list[tuple[str, list[Quiz], list[Sheet]]]:
    """Each output file's name stem, the quizzes it holds and their sheets.

    A quiz whose file would take the name of another's, or of the combined pair (``all``), fails alone.
    """
    versions = outcome.each(quizzes, lambda quiz: sheets_for(quiz, options.versions, options.seed))
    labels = [sheet.version for sheet in versions[0][1]] if versions else []
    taken = {output_stem(COMBINED_NAME, label) for label in labels} if len(versions) > 1 else set()
    files: list[tuple[str, list[Quiz], list[Sheet]]] = []
    held: list[tuple[Quiz, list[Sheet]]] = []
    for quiz, sheets in versions:
        stems = [output_stem(sheet.id, sheet.version) for sheet in sheets]
        clash = next((stem for stem in stems if stem in taken), None)
        if clash is not None:
            problem = f"{clash}.worksheet.html is another file's name (the combined worksheet is {COMBINED_NAME})"
            outcome.fail([quiz], f"{problem}; rename the document")
            continue
        taken.update(stems)
        files += [(stem, [quiz], [sheet]) for stem, sheet in zip(stems, sheets, strict=True)]
        held.append((quiz, sheets))
    if len(versions) > 1:
        for index, label in enumerate(labels):
            files.append((output_stem(COMBINED_NAME, label), [q for q, _ in held], [s[index] for _, s in held]))
    return files


def output_stem(name: str, version: str | None) -> str:
    """The file name stem for a quiz id (or :data:`COMBINED_NAME`) and version: ``water-cycle-B``."""
    return name if version is None else f"{name}-{version}"


def sheets_for(quiz: Quiz, versions: int, seed: int) -> list[Sheet]:
    """The quiz as printed in each version; a single version keeps the quiz's own order.

    With several versions every one is shuffled (questions within their group,
    and options), and one that comes out the same as an earlier version is
    reshuffled while another order exists.
    """
    if versions == 1:
        return [_sheet(quiz, None, list(quiz.items))]
    sheets: list[Sheet] = []
    seen: set[tuple[tuple[str, tuple[str, ...]], ...]] = set()
    for index in range(versions):
        label = version_label(index)
        for attempt in range(SHUFFLE_ATTEMPTS):
            items = _shuffle_items(quiz, seed, f"{quiz.id}:{label}:{attempt}")
            if _arrangement(items) not in seen:
                break
        seen.add(_arrangement(items))
        sheets.append(_sheet(quiz, label, items))
    return sheets


def _arrangement(items: Sequence[Item]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What tells two versions apart: the order of the questions and of their options."""
    return tuple(
        (item.id, tuple(option.text for option in item.options) if isinstance(item, CHOICE_TYPES) else ())
        for item in _grouped(items)
    )


def _shuffle_items(quiz: Quiz, seed: int, salt: str) -> list[Item]:
    items = shuffled(quiz.items, seed, salt)
    return [
        _shuffle_options(item, seed, f"{salt}:{item.id}") if isinstance(item, CHOICE_TYPES) else item for item in items
    ]


CHOICE_TYPES = (MultipleChoice, MultipleAnswer)
"""Items whose lettered options a version shuffles."""


def _shuffle_options(item: MultipleChoice | MultipleAnswer, seed: int, salt: str) -> MultipleChoice | MultipleAnswer:
    """``item`` with its options shuffled and lettered again A, B, C... in their new order."""
    order = shuffled(item.options, seed, salt)
    letters = {option.id: option_letter(index) for index, option in enumerate(order)}
    options = tuple(Option(id=letters[option.id], text=option.text) for option in order)
    if isinstance(item, MultipleChoice):
        return replace(item, options=options, answer=letters[item.answer])
    return replace(item, options=options, answers=tuple(sorted(letters[answer] for answer in item.answers)))


def _grouped(items: Sequence[Item]) -> list[Item]:
    """``items`` grouped by type in :data:`SECTION_ORDER`, keeping their order within a group."""
    return sorted(items, key=lambda item: SECTION_ORDER.index(item.type))


def _sheet(quiz: Quiz, version: str | None, items: Sequence[Item]) -> Sheet:
    numbered = list(enumerate(_grouped(items), start=1))
    sections = tuple(
        Section(kind, tuple(_question(number, item) for number, item in numbered if item.type == kind))
        for kind in SECTION_ORDER
        if any(item.type == kind for item in items)
    )
    blanks = [blank for item in items if isinstance(item, Cloze) for blank in item.blanks]
    answers = [blank.answer for blank in blanks]
    bank = [*answers, *_extra_words(blanks)]
    return Sheet(
        id=quiz.id,
        title=quiz.title,
        subject=quiz.metadata.subject,
        grade=quiz.metadata.grade,
        version=version,
        sections=sections,
        word_bank=tuple(sorted(set(bank), key=lambda word: (word.casefold(), word))),
        blank_width_mm=_blank_width(bank),
    )


EXTRA_WORDS_PER_BLANK = 0.25
"""Wrong words added to a word bank, per blank (at least one where any blank has a wrong answer kept)."""


def _extra_words(blanks: Sequence[Blank]) -> list[str]:
    """A few blanks' best wrong answers for the word bank, so its last word is not found by elimination;
    never a word that is right for any blank of the sheet."""
    right = {text.casefold() for blank in blanks for text in (blank.answer, *blank.accept)}
    wanted = max(1, round(len(blanks) * EXTRA_WORDS_PER_BLANK)) if len(blanks) > 1 else 0
    extras: list[str] = []
    for blank in blanks:
        word = next((text for text in blank.distractors if text.casefold() not in right), None)
        if word is not None and word not in extras and len(extras) < wanted:
            extras.append(word)
    return extras


def _blank_width(answers: Sequence[str]) -> int:
    """One width for every blank of a sheet, so a blank's length gives no answer away."""
    low, high = BLANK_MM_RANGE
    longest = max((len(answer) for answer in answers), default=0)
    return max(low, min(high, round(longest * BLANK_MM_PER_CHARACTER + 8)))


def _question(number: int, item: Item) -> Question:
    choices = _choices(item)
    return Question(
        number=number,
        id=item.id,
        type=item.type,
        text=prompt_text(item),
        choices=choices,
        parts=_parts(item) if isinstance(item, Cloze) else (),
        answer=_answer(item, choices),
        answer_text=answer_text(item),
        explanation=explanation_beside_source(item),
        source_section=item.source.section,
        source_sentence=item.source.sentence,
        short_choices=all(len(choice.text) <= SHORT_CHOICE for choice in choices),
        lefts=tuple(pair.left for pair in item.pairs) if isinstance(item, Matching) else (),
        sources=tuple((source.section, source.sentence) for source in item_sources(item)),
    )


def _answer(item: Item, choices: Sequence[Choice]) -> str:
    """The answer as the key gives it at a glance: a letter, letters, number-letter pairs, or the answer."""
    letters = {choice.text: choice.letter for choice in choices}
    match item:
        case MultipleChoice():
            return item.answer
        case MultipleAnswer():
            return ", ".join(item.answers)
        case Matching():
            return ", ".join(f"{number}–{letters[pair.right]}" for number, pair in enumerate(item.pairs, 1))
        case Ordering():
            return ", ".join(letters[event.text] for event in item.events)
        case Cloze() | TrueFalse():
            return answer_text(item)
        case _:
            assert_never(item)


def _choices(item: Item) -> tuple[Choice, ...]:
    match item:
        case MultipleChoice():
            return tuple(Choice(option.id, option.text, option.id == item.answer) for option in item.options)
        case TrueFalse():
            return (Choice("T", "True", item.answer), Choice("F", "False", not item.answer))
        case Cloze():
            return ()
        case MultipleAnswer():
            return tuple(Choice(option.id, option.text, option.id in item.answers) for option in item.options)
        case Matching():
            return _lettered(shuffled_rights(item))
        case Ordering():
            return _lettered([event.text for event in shuffled_events(item)])
        case _:
            assert_never(item)


def _lettered(texts: Sequence[str]) -> tuple[Choice, ...]:
    return tuple(Choice(option_letter(index), text, False) for index, text in enumerate(texts))


def _parts(item: Cloze) -> tuple[Part, ...]:
    blanks = {blank.id: blank for blank in item.blanks}
    parts: list[Part] = []
    for piece in cloze_parts(item.text):
        if isinstance(piece, str):
            parts.append(Part(text=piece))
        else:
            number = sum(part.is_blank for part in parts) + 1
            parts.append(Part(number=number, answer=blanks[piece].answer, accept=blanks[piece].accept))
    return tuple(parts)


def load_templates(folder: Path | None) -> jinja2.Environment:
    """The jinja2 environment for the worksheet templates (found by the one template search), autoescaping
    everything; ``folder`` is ``--templates``."""
    environment = template_environment(TEMPLATE_FOLDER, folder, trim=True)
    environment.filters["css_string"] = css_string
    return environment


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string, every character but ASCII letters and digits escaped.

    Safe inside a ``<style>`` element: it can never close the element or the string.
    Each escape ends in a space, which CSS takes as part of the escape.
    """
    escaped = "".join(char if char.isascii() and char.isalnum() else f"\\{ord(char):x} " for char in str(value))
    return Markup(f'"{escaped}"')


def render_page(environment: jinja2.Environment, kind: str, sheets: Sequence[Sheet], options: WorksheetOptions) -> str:
    """The HTML of one file: the ``kind`` ("worksheet" or "key") of ``sheets``."""
    context: dict[str, Any] = {
        "kind": kind,
        "sheets": list(sheets),
        "paper": options.paper,
        "page_size": PAGE_SIZES[options.paper],
        "title": sheets[0].title if len(sheets) == 1 else "Worksheets",
        "version": sheets[0].version,
    }
    return render_template(environment, f"{kind}.html", context)


def _print_all(pages: Sequence[tuple[Path, list[Quiz], str]], when: float, outcome: QuizByQuiz) -> None:
    """Print every page to a PDF beside its HTML file, each on its own (no Chromium: the format fails)."""
    from quizgen.export.pdf import PdfPrinter

    with PdfPrinter() as printer:
        for path, held, html in pages:
            outcome.write(held, path.with_suffix(".pdf"), outcome.attempt(held, partial(printer.print, html, when)))
