"""Printable worksheets and answer keys, checked the way a teacher would look at them.

The HTML is checked for structure (every item once, continuous numbers, no
answer on the student sheet, every answer on the key). The PDF tests print in
the system's headless Chromium and check page counts, paper size, and that no
question is cut by a page break; they skip with the reason where Chromium or
Playwright is missing, and fail instead in CI (CI set). The hand-built quizzes
come from tests/samples.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.export import get_exporter
from quizgen.export.pdf import PdfPrinter
from quizgen.export.render import shuffled_events, shuffled_rights
from quizgen.export.templating import bundled_templates
from quizgen.export.worksheet import (
    Paper,
    WorksheetExporter,
    WorksheetOptions,
    load_templates,
    render_page,
    sheets_for,
)
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
    item_sources,
)
from quizgen.read import find_documents
from tests.conftest import CORPUS, SEEDS, CliRun, corpus_files, needs_corpus
from tests.samples import HOSTILE, classroom_quiz, group_quiz, long_quiz, pipeline_quiz, quiz_of, short_quiz, source

# --------------------------------------------------------------------------- quizzes

SEED_DOCUMENTS = sorted(find_documents([SEEDS]))
PIPELINE_DOCUMENTS = [
    *[pytest.param(path, id=path.name) for path in SEED_DOCUMENTS],
    *[pytest.param(path, id=path.name, marks=needs_corpus) for path in corpus_files()],
]


def export(quizzes: Sequence[Quiz], out_dir: Path, options: WorksheetOptions | None = None) -> list[Path]:
    """Run the html exporter as the CLI does."""
    return WorksheetExporter(options).export(quizzes, out_dir)


# --------------------------------------------------------------------------- reading HTML


@dataclass
class Node:
    """An element of a parsed page, enough to query by class and read its text."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        """The text a reader sees, whitespace collapsed."""
        parts = [child if isinstance(child, str) else child.text() for child in self.children]
        return " ".join("".join(parts).split())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, class_name: str) -> list[Node]:
        return [node for node in self.walk() if class_name in node.classes]

    def tags(self, tag: str) -> list[Node]:
        return [node for node in self.walk() if node.tag == tag]


VOID_TAGS = {"meta", "link", "br", "img", "hr", "input"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """The page as a tree; fails on a tag closed out of order."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def questions(page: Node) -> list[Node]:
    return page.find_all("question")


def numbers(page: Node) -> list[int]:
    return [int(question.attrs["data-number"]) for question in questions(page)]


def printed_number(question: Node) -> str:
    return question.find_all("number")[0].text()


# --------------------------------------------------------------------------- structure


def check_pair(quiz: Quiz, worksheet_html: str, key_html: str) -> None:
    """What a teacher checks on any worksheet and key of ``quiz``."""
    worksheet, key = parse(worksheet_html), parse(key_html)
    count = len(quiz.items)
    for page in (worksheet, key):
        assert sorted(q.attrs["data-item-id"] for q in questions(page)) == sorted(item.id for item in quiz.items)
        assert numbers(page) == list(range(1, count + 1))
        assert [printed_number(q) for q in questions(page)] == [f"{n}." for n in range(1, count + 1)]
        assert page.tags("h1")[0].text() == " ".join(quiz.title.split())
    by_id = {item.id: item for item in quiz.items}
    for question in questions(worksheet):
        check_student_question(by_id[question.attrs["data-item-id"]], question)
    answers_at_a_glance = key.find_all("glance")[0].text() if count else ""
    for question in questions(key):
        item = by_id[question.attrs["data-item-id"]]
        check_key_question(item, question)
        assert f"{question.attrs['data-number']}. {key_answer(item)}" in answers_at_a_glance


def check_student_question(item: Item, question: Node) -> None:
    """The student sees the prompt and where to answer, never the answer."""
    text = question.text().removeprefix(printed_number(question))  # item 3 may ask for a 3
    if isinstance(item, Cloze):
        blanks = question.find_all("blank")
        assert len(blanks) == len(item.blanks)
        assert all(blank.text() == "" for blank in blanks), "a blank shows its answer"
        literal = "".join(part for part in re.split(r"\{\{[0-9]+\}\}", item.text))
        for blank in item.blanks:
            assert literal.count(blank.answer) == text.count(blank.answer), f"answer {blank.answer!r} visible"
    elif isinstance(item, (MultipleChoice, MultipleAnswer)):
        assert " ".join(item.question.split()) in text
        bubbles = [bubble.text() for bubble in question.find_all("bubble")]
        assert bubbles == [option.id for option in item.options]
        assert [li.text() for li in question.tags("li")] == [f"{o.id}{' '.join(o.text.split())}" for o in item.options]
        assert bool(question.find_all("boxes")) == isinstance(item, MultipleAnswer), "select all: square boxes"
    elif isinstance(item, Matching):
        assert [node.text() for node in question.find_all("left-text")] == [flat(p.left) for p in item.pairs]
        assert len(question.find_all("match-line")) == len(item.pairs)
        rights = [node.text() for node in question.find_all("choice-text")]
        assert sorted(rights) == sorted(flat(p.right) for p in item.pairs)
        assert rights != [flat(p.right) for p in item.pairs], "each term stands beside its own match"
    elif isinstance(item, Ordering):
        shown = [node.text() for node in question.find_all("choice-text")]
        assert sorted(shown) == sorted(flat(e.text) for e in item.events)
        assert shown != [flat(e.text) for e in item.events], "the events are printed in order"
        assert len(question.find_all("order-box")) == len(item.events)
        assert not any(e.date and e.date in text for e in item.events), "a date is printed"
    else:
        assert " ".join(item.statement.split()) in text
        assert [bubble.text() for bubble in question.find_all("bubble")] == ["T", "F"]


def flat(text: str) -> str:
    return " ".join(text.split())


def key_answer(item: Item) -> str:
    """How the key gives the answer at a glance."""
    if isinstance(item, MultipleChoice):
        return item.answer
    if isinstance(item, MultipleAnswer):
        return ", ".join(item.answers)
    if isinstance(item, Matching):
        letters = {text: chr(ord("A") + n) for n, text in enumerate(shuffled_rights(item))}
        return ", ".join(f"{number}–{letters[pair.right]}" for number, pair in enumerate(item.pairs, 1))
    if isinstance(item, Ordering):
        letters = {event.text: chr(ord("A") + n) for n, event in enumerate(shuffled_events(item))}
        return ", ".join(letters[event.text] for event in item.events)
    if isinstance(item, Cloze):
        return " ".join("; ".join(blank.answer for blank in item.blanks).split())
    return "True" if item.answer else "False"


def check_key_question(item: Item, question: Node) -> None:
    """The key gives the answer, and cites the source sentence."""
    answer = question.find_all("answer")[0].text()
    if isinstance(item, Cloze):
        assert [node.text() for node in question.find_all("filled")] == [b.answer for b in item.blanks]
    elif isinstance(item, MultipleChoice):
        assert answer.startswith(item.answer) and " ".join(item.answer_text.split()) in answer
    elif isinstance(item, (MultipleAnswer, Matching, Ordering)):
        assert answer.startswith(key_answer(item)), (answer, key_answer(item))
    else:
        assert answer.startswith("True" if item.answer else "False")
    cited = [node.text() for node in question.find_all("source")]
    assert len(cited) == len(item_sources(item))
    assert all(flat(s.sentence) in line for s, line in zip(item_sources(item), cited, strict=True))


def test_matching_ordering_and_multiple_answer_print_as_a_teacher_expects(tmp_path: Path) -> None:
    quiz = group_quiz()
    export([quiz], tmp_path)
    worksheet_html = (tmp_path / "water.worksheet.html").read_text(encoding="utf-8")
    key_html = (tmp_path / "water.key.html").read_text(encoding="utf-8")

    check_pair(quiz, worksheet_html, key_html)
    worksheet, key = parse(worksheet_html), parse(key_html)
    headings = [node.text() for node in worksheet.tags("h2")]
    assert headings == [
        "Part 1: Multiple choice",
        "Part 2: Select all that apply",
        "Part 3: Matching",
        "Part 4: Put in order",
    ]
    glance = key.find_all("glance")[0].text()
    assert "2. A, C, D" in glance
    ordering = next(q for q in questions(key) if q.attrs["data-item-id"] == "order-1")
    assert "Crowds in Paris stormed the Bastille → Louis XVI was executed" in ordering.text()
    assert len(ordering.find_all("source")) == 3


@pytest.mark.parametrize("path", PIPELINE_DOCUMENTS)
def test_pipeline_quiz_prints_every_item_once_and_hides_the_answers(path: Path, tmp_path: Path) -> None:
    quiz = pipeline_quiz(path)
    export([quiz], tmp_path)

    assert quiz.items, f"{path.name} gave no items"
    check_pair(quiz, *(tmp_path.joinpath(f"{quiz.id}.{kind}.html").read_text("utf-8") for kind in ("worksheet", "key")))


def test_hand_built_quiz_shows_every_item_type_as_a_teacher_expects(tmp_path: Path) -> None:
    quiz = classroom_quiz()
    export([quiz], tmp_path)
    worksheet_html = (tmp_path / "hand-made.worksheet.html").read_text("utf-8")
    key_html = (tmp_path / "hand-made.key.html").read_text("utf-8")

    check_pair(quiz, worksheet_html, key_html)
    worksheet, key = parse(worksheet_html), parse(key_html)
    assert [h2.text() for h2 in worksheet.tags("h2")] == [
        "Part 1: Multiple choice",
        "Part 2: True or false",
        "Part 3: Fill in the blanks",
    ]
    assert [q.attrs["data-item-id"].split("-")[0] for q in questions(worksheet)] == ["mc"] * 3 + ["tf"] * 2 + [
        "cloze"
    ] * 3
    assert "Geography · Grade 8 · 8 questions" in worksheet.find_all("about")[0].text()
    student = worksheet.find_all("student")[0].text()
    assert all(label in student for label in ("Name", "Class", "Date", "Score / 8"))
    two_blanks = next(q for q in questions(worksheet) if q.attrs["data-item-id"] == "cloze-two")
    assert [n.text() for n in two_blanks.find_all("blank-number")] == ["(1)", "(2)"]
    assert [w.text() for w in worksheet.find_all("word")] == ["100", "Mediterranean Sea", "Nile", "Sahara"]
    assert not key.find_all("word-bank") and not key.find_all("student")
    assert "Answer key" in key.find_all("key-label")[0].text()
    assert "Also accept (1): River Nile" in key.text()
    assert "Both names are in the first paragraph." in key.text()


def test_word_bank_is_left_out_when_it_would_give_the_answers_away(tmp_path: Path) -> None:
    quiz = classroom_quiz()
    two_blanks_only = replace(quiz, items=quiz.items[:1])
    export([two_blanks_only], tmp_path)

    assert not parse((tmp_path / "hand-made.worksheet.html").read_text("utf-8")).find_all("word-bank")


def test_document_text_is_printed_never_run_or_rendered(tmp_path: Path) -> None:
    quiz = classroom_quiz(title=f"Title {HOSTILE}")
    export([quiz, long_quiz()], tmp_path, WorksheetOptions(versions=2))

    for path in tmp_path.glob("*.html"):
        html = path.read_text("utf-8")
        page = parse(html)
        assert not page.tags("script") and not page.tags("b"), path.name
        assert html.count("</style>") == 1 and "49" not in page.tags("title")[0].text()
        if path.name.startswith("hand-made"):
            assert page.text().count(HOSTILE) >= 3
            assert page.tags("title")[0].text().startswith(f"Title {HOSTILE}")


def test_each_blank_is_wide_enough_for_the_longest_answer_and_all_the_same_width(tmp_path: Path) -> None:
    short = quiz_of("short", "Short", classroom_quiz().items[4:5])
    long_answer = "Union of Soviet Socialist Republics"
    long_cloze = Cloze("c-long", "It was the {{1}}.", (Blank(1, long_answer),), "", source("It."))
    long = quiz_of("long", "Long", (*short.items, long_cloze))
    export([short], tmp_path / "short")
    export([long], tmp_path / "long")

    def width(path: Path) -> int:
        style = parse(path.read_text("utf-8")).find_all("sheet")[0].attrs["style"]
        return int(re.search(r"--blank-width: ([0-9]+)mm", style).group(1))  # type: ignore[union-attr]

    assert width(tmp_path / "short" / "short.worksheet.html") >= 35
    assert width(tmp_path / "long" / "long.worksheet.html") >= len(long_answer) * 2.5


# --------------------------------------------------------------------------- files and versions


def test_build_seeds_as_html_writes_a_worksheet_and_key_per_document_and_a_combined_pair(
    tmp_path: Path, cli: CliRun
) -> None:
    result = cli("build", SEEDS, "--out", tmp_path, "--format", "html")

    assert result.exit_code == 0, result.stderr
    ids = [pipeline_quiz(path).id for path in SEED_DOCUMENTS]
    expected = {f"{stem}.{kind}.html" for stem in [*ids, "all"] for kind in ("worksheet", "key")}
    assert {path.name for path in tmp_path.iterdir()} == expected
    combined = parse((tmp_path / "all.worksheet.html").read_text("utf-8"))
    assert [sheet.find_all("question")[0].attrs["data-number"] for sheet in combined.find_all("sheet")] == ["1"] * 4
    assert [h1.text() for h1 in combined.tags("h1")] == [pipeline_quiz(path).title for path in SEED_DOCUMENTS]


@needs_corpus
def test_build_corpus_as_html_writes_every_pair(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", CORPUS, "--out", tmp_path, "--format", "html")

    assert result.exit_code == 0, result.stderr
    assert len(list(tmp_path.glob("*.worksheet.html"))) == len(corpus_files()) + 1
    assert len(list(tmp_path.glob("*.key.html"))) == len(corpus_files()) + 1


def test_two_versions_shuffle_questions_and_options_and_each_has_its_own_key(tmp_path: Path) -> None:
    quiz = long_quiz(12)
    written = export([quiz], tmp_path, WorksheetOptions(versions=2, seed=5))

    assert sorted(path.name for path in written) == [
        f"long-quiz-{version}.{kind}.html" for version in "AB" for kind in ("key", "worksheet")
    ]
    orders, options = [], []
    for version in "AB":
        worksheet_html = (tmp_path / f"long-quiz-{version}.worksheet.html").read_text("utf-8")
        key_html = (tmp_path / f"long-quiz-{version}.key.html").read_text("utf-8")
        check_pair(version_quiz(quiz, worksheet_html), worksheet_html, key_html)
        worksheet = parse(worksheet_html)
        assert f"Version {version}" in worksheet.find_all("about")[0].text()
        orders.append([q.attrs["data-item-id"] for q in questions(worksheet)])
        options.append([li.text() for li in worksheet.tags("li")])
    assert orders[0] != orders[1]
    assert options[0] != options[1]


def test_versions_shuffle_select_all_options_and_key_them_again(tmp_path: Path) -> None:
    quiz = group_quiz()
    export([quiz], tmp_path, WorksheetOptions(versions=3, seed=1))

    printed = []
    for version in "ABC":
        worksheet_html = (tmp_path / f"water-{version}.worksheet.html").read_text("utf-8")
        key_html = (tmp_path / f"water-{version}.key.html").read_text("utf-8")
        check_pair(version_quiz(quiz, worksheet_html), worksheet_html, key_html)
        chosen = next(q for q in questions(parse(worksheet_html)) if q.attrs["data-item-id"] == "ma-1")
        printed.append(tuple(node.text() for node in chosen.find_all("choice-text")))
    assert len(set(printed)) > 1, "the options of a select-all question stay in one order in every version"


def version_quiz(quiz: Quiz, worksheet_html: str) -> Quiz:
    """``quiz`` with each question's options as the version printed them, for checking its key."""
    printed = {q.attrs["data-item-id"]: q for q in questions(parse(worksheet_html))}
    items: list[Item] = []
    for item in quiz.items:
        if isinstance(item, MultipleChoice):
            texts = [node.text() for node in printed[item.id].find_all("choice-text")]
            options = tuple(Option(chr(ord("A") + index), text) for index, text in enumerate(texts))
            answer = options[texts.index(item.answer_text)].id
            item = MultipleChoice(item.id, item.question, options, answer, item.explanation, item.source)
        elif isinstance(item, MultipleAnswer):
            texts = [node.text() for node in printed[item.id].find_all("choice-text")]
            options = tuple(Option(chr(ord("A") + index), text) for index, text in enumerate(texts))
            answers = tuple(option.id for option in options if option.text in item.answer_texts)
            item = replace(item, options=options, answers=answers)
        items.append(item)
    return Quiz(quiz.id, quiz.title, quiz.source, tuple(items))


@pytest.mark.parametrize("seed", range(8))
def test_versions_differ_even_when_a_quiz_has_only_two_orders(seed: int) -> None:
    quiz = classroom_quiz()
    two_items = quiz_of("tiny", "Tiny", (quiz.items[2], quiz.items[5]))
    first, second = sheets_for(two_items, versions=2, seed=seed)

    assert [q.id for q in first.questions] != [q.id for q in second.questions]


def test_same_seed_gives_identical_files_and_another_seed_another_order(tmp_path: Path) -> None:
    quizzes = [classroom_quiz(), long_quiz()]
    for run, seed in (("first", 1), ("second", 1), ("third", 2)):
        export(quizzes, tmp_path / run, WorksheetOptions(versions=3, seed=seed))

    first, second, third = (sorted((tmp_path / run).iterdir()) for run in ("first", "second", "third"))
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    assert [path.read_bytes() for path in first] != [path.read_bytes() for path in third]


def test_a_quiz_without_items_still_gets_a_sheet_saying_so(tmp_path: Path) -> None:
    empty = quiz_of("empty", "Nothing Here", ())
    export([empty], tmp_path)

    worksheet = parse((tmp_path / "empty.worksheet.html").read_text("utf-8"))
    assert not questions(worksheet)
    assert "No questions could be made" in worksheet.find_all("empty")[0].text()


def test_a_document_named_like_the_combined_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match=r"all\.worksheet\.html.*rename"):
        export([classroom_quiz("all"), long_quiz()], tmp_path)


def test_paper_size_reaches_the_print_style(tmp_path: Path) -> None:
    export([classroom_quiz()], tmp_path / "letter", WorksheetOptions(paper="letter"))
    export([classroom_quiz()], tmp_path / "a4", WorksheetOptions(paper="a4"))

    assert "size: letter;" in (tmp_path / "letter" / "hand-made.worksheet.html").read_text("utf-8")
    assert "size: A4;" in (tmp_path / "a4" / "hand-made.key.html").read_text("utf-8")


def test_bundled_print_style_needs_no_colour() -> None:
    style = (bundled_templates() / "worksheet" / "style.css").read_text("utf-8").split("@media screen")[0]

    colours = re.findall(r"#([0-9a-fA-F]{3,6})\b", style)
    assert colours, "expected explicit black and white"
    assert all(len(set(c if len(c) == 3 else (c[0:2], c[2:4], c[4:6]))) == 1 for c in colours), colours
    assert not re.search(r"\b(rgb|hsl)a?\(|\bcolor:\s*(red|blue|green)", style)


# --------------------------------------------------------------------------- templates


def test_a_teachers_copy_of_the_templates_changes_the_wording(tmp_path: Path, cli: CliRun) -> None:
    copy = tmp_path / "my-templates"
    shutil.copytree(bundled_templates(), copy)
    wording = copy / "worksheet" / "wording.html"
    wording.write_text(wording.read_text("utf-8").replace("Circle the letter", "Ring the letter"), "utf-8")

    result = cli("build", SEEDS / "water_cycle.txt", "--out", tmp_path / "out", "--format", "html", "--templates", copy)

    assert result.exit_code == 0, result.stderr
    assert "Ring the letter of the best answer." in (tmp_path / "out" / "water-cycle.worksheet.html").read_text()


def test_a_copy_of_the_worksheet_folder_alone_works_too(tmp_path: Path) -> None:
    shutil.copytree(bundled_templates() / "worksheet", tmp_path / "worksheet-only")
    environment = load_templates(tmp_path / "worksheet-only")
    sheets = sheets_for(classroom_quiz(), 1, 0)

    assert "Rivers &amp; Lakes" in render_page(environment, "worksheet", sheets, WorksheetOptions())


def test_a_broken_template_is_reported_in_one_line_naming_it(tmp_path: Path, cli: CliRun) -> None:
    copy = tmp_path / "broken"
    shutil.copytree(bundled_templates() / "worksheet", copy)
    (copy / "key.html").write_text("{% extends 'base.html' %}{% block content %}{% if %}{% endblock %}", "utf-8")

    result = cli("build", SEEDS / "water_cycle.txt", "--out", tmp_path / "out", "--format", "html", "--templates", copy)

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 2 and "key.html, line 1" in result.stderr  # the error, then the summary


def test_one_replaced_file_keeps_the_bundled_rest(tmp_path: Path) -> None:
    """The one template rule: DIR/worksheet/name, then DIR/name, then the bundled file."""
    mine = tmp_path / "mine"
    (mine / "worksheet").mkdir(parents=True)
    (mine / "style.css").write_text("/* from DIR */", "utf-8")
    wording = (bundled_templates() / "worksheet" / "wording.html").read_text("utf-8")
    (mine / "worksheet" / "wording.html").write_text(wording.replace("Circle the letter", "Ring the letter"), "utf-8")

    [worksheet, *_] = export([classroom_quiz()], tmp_path / "out", WorksheetOptions(templates=mine))

    page = worksheet.read_text("utf-8")
    assert "/* from DIR */" in page and "Ring the letter" in page
    assert "Rivers &amp; Lakes" in page  # worksheet.html and base.html still come from the bundled folder


# --------------------------------------------------------------------------- PDF


def test_pdf_without_chromium_says_how_to_install_it(
    tmp_path: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))
    monkeypatch.delenv("QUIZGEN_CHROMIUM", raising=False)

    result = cli("build", SEEDS / "water_cycle.txt", "--out", tmp_path / "out", "--format", "html", "--pdf")

    assert result.exit_code == 1
    error = result.stderr.splitlines()[0]
    assert error.startswith("quizgen: error: printing to PDF needs Chromium") and "apt-get install chromium" in error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "water-cycle.key.html",
        "water-cycle.worksheet.html",
    ]


@dataclass(frozen=True)
class PrintedPage:
    width: float
    height: float
    links: tuple[str, ...]


def pdf_pages(pdf: bytes) -> list[PrintedPage]:
    """The pages of a Chromium (Skia) PDF in order, with their size and the link targets on each."""
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(?m)^([0-9]+) 0 obj\n(.*?)\nendobj", pdf, re.S)}

    def references(body: bytes, key: bytes) -> list[int]:
        found = re.search(rb"/" + key + rb" \[([^\]]*)\]", body)
        return [int(n) for n in re.findall(rb"([0-9]+) 0 R", found.group(1))] if found else []

    def leaves(number: int) -> Iterator[bytes]:
        body = objects[number]
        if re.search(rb"/Type /Pages\b", body):
            for kid in references(body, b"Kids"):
                yield from leaves(kid)
        else:
            yield body

    root = next(n for n, body in objects.items() if re.search(rb"/Type /Pages\b", body) and b"/Parent" not in body)
    pages = []
    for body in leaves(root):
        box = [float(v) for v in re.search(rb"/MediaBox \[([^\]]*)\]", body).group(1).split()]  # type: ignore[union-attr]
        uris = [re.search(rb"/URI \(([^)]*)\)", objects[n]) for n in references(body, b"Annots")]
        links = tuple(uri.group(1).decode() for uri in uris if uri is not None)
        pages.append(PrintedPage(box[2] - box[0], box[3] - box[1], links))
    return pages


MARK_QUESTIONS = """<script>
function mark(element, name) {
  const link = document.createElement("a");
  link.href = "https://quizgen.invalid/" + name;
  link.style.cssText = "display: block; color: inherit; text-decoration: none";
  while (element.firstChild) link.appendChild(element.firstChild);
  element.appendChild(link);
}
document.querySelectorAll(".question").forEach((question) => mark(question, question.id));
document.querySelectorAll(".part > h2").forEach((heading, index) => mark(heading, "part-" + index));
</script>"""
"""Wraps each question's and part heading's content in a link, so the PDF records on which page(s) each lies."""


@pytest.fixture(scope="module")
def printer(chromium: Path) -> Iterator[PdfPrinter]:
    """One headless Chromium printer for the module (see the ``chromium`` fixture of conftest.py)."""
    with PdfPrinter(chromium) as started:
        yield started


def print_marked(printer: PdfPrinter, html: str) -> tuple[list[PrintedPage], list[PrintedPage]]:
    """The pages of ``html`` as printed, and as printed with each question marked (the same layout)."""
    plain = pdf_pages(printer.print(html))
    marked = pdf_pages(printer.print(html.replace("</body>", MARK_QUESTIONS + "</body>")))
    assert len(plain) == len(marked), "marking the questions changed the layout"
    return plain, marked


def assert_no_question_crosses_a_page(html: str, pages: list[PrintedPage]) -> None:
    """Each question lies on one page, in order, and each part's heading on the page of its first question."""
    page = parse(html)
    ids = [question.attrs["id"] for question in questions(page)]
    on_pages = {name: printed_on(pages, name) for name in ids}
    split = {name: where for name, where in on_pages.items() if len(where) != 1}
    assert not split, f"questions printed on more or less than one page: {split}"
    assert [on_pages[name] for name in ids] == sorted(on_pages[name] for name in ids)
    for index, part in enumerate(page.find_all("part")):
        first_question = questions(part)[0].attrs["id"]
        assert printed_on(pages, f"part-{index}") == on_pages[first_question], f"heading {index} left behind"


def printed_on(pages: list[PrintedPage], name: str) -> list[int]:
    """The numbers of the pages on which the marked element ``name`` lies."""
    return [number for number, page in enumerate(pages, 1) if f"https://quizgen.invalid/{name}" in page.links]


PAPER_POINTS = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_printed_worksheets_keep_every_question_on_one_page(paper: Paper, printer: PdfPrinter) -> None:
    options = WorksheetOptions(paper=paper)
    environment = load_templates(None)
    quizzes = [
        short_quiz(),
        long_quiz(),
        classroom_quiz(),
        group_quiz(),
        *(pipeline_quiz(path) for path in SEED_DOCUMENTS),
    ]
    page_counts: dict[str, list[int]] = {"worksheet": [], "key": []}
    for quiz in quizzes:
        for kind in ("worksheet", "key"):
            html = render_page(environment, kind, sheets_for(quiz, 1, 0), options)
            plain, marked = print_marked(printer, html)
            assert_no_question_crosses_a_page(html, marked)
            assert all(abs(p.width - PAPER_POINTS[paper][0]) < 1.5 for p in plain), paper
            assert all(abs(p.height - PAPER_POINTS[paper][1]) < 1.5 for p in plain), paper
            page_counts[kind].append(len(plain))
    assert page_counts["worksheet"][0] == page_counts["key"][0] == 1, "six short questions fit on one page"
    assert 4 <= page_counts["worksheet"][1] <= 9, "36 long questions take a few pages, not one per question"
    combined = [sheets_for(quiz, 1, 0)[0] for quiz in quizzes]
    for kind in ("worksheet", "key"):
        html = render_page(environment, kind, combined, options)
        plain, marked = print_marked(printer, html)
        assert len(plain) == sum(page_counts[kind]), "each document starts on a new page"
        assert_no_question_crosses_a_page(html, marked)


@needs_corpus
def test_printed_corpus_worksheets_keep_every_question_on_one_page(printer: PdfPrinter) -> None:
    environment = load_templates(None)
    for path in corpus_files():
        for kind in ("worksheet", "key"):
            html = render_page(environment, kind, sheets_for(pipeline_quiz(path), 1, 0), WorksheetOptions())
            _, marked = print_marked(printer, html)
            assert_no_question_crosses_a_page(html, marked)


def test_pdf_option_writes_a_pdf_beside_each_html_file_dated_by_the_input(
    tmp_path: Path, cli: CliRun, printer: PdfPrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    inputs = (SEEDS / "water_cycle.txt", SEEDS / "plate_tectonics.md")
    runs = []
    for run in ("first", "second"):
        arguments = ("build", *inputs, "--out", tmp_path / run, "--format", "html", "--pdf", "--versions", "2")
        # Playwright's sync API allows one instance per thread, and the module's printer holds this one.
        with ThreadPoolExecutor(max_workers=1) as thread:
            result = thread.submit(cli, *arguments).result()
        assert result.exit_code == 0, result.stderr
        runs.append(sorted((tmp_path / run).glob("*.pdf")))

    first, second = runs
    assert len(first) == 2 * 3 * 2  # worksheet and key, of two documents and the combined pair, in two versions
    assert all(path.with_suffix(".html").is_file() for path in first)
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
    pdf = first[0].read_bytes()
    # Chromium stamps the time of printing; the exporter pins it to the input's time.
    assert pdf.startswith(b"%PDF-") and b"/CreationDate (D:20231114221320+00'00')" in pdf
    assert len(pdf_pages((tmp_path / "first" / "all-A.worksheet.pdf").read_bytes())) >= 2


def test_exporter_is_registered_as_html() -> None:
    assert isinstance(get_exporter("html"), WorksheetExporter)


def test_a_combined_file_labels_each_documents_pages(printer: PdfPrinter, tmp_path: Path) -> None:
    """In all.worksheet.pdf a page says which document it belongs to, not only where it stands in the file."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by `make test` as root) is not installed")
    quizzes = [short_quiz(), classroom_quiz()]
    html = render_page(load_templates(None), "worksheet", [sheets_for(q, 1, 0)[0] for q in quizzes], WorksheetOptions())
    pdf = tmp_path / "all.pdf"
    pdf.write_bytes(printer.print(html))

    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[: len(pdf_pages(pdf.read_bytes()))]

    assert "Document 1 of 2" in pages[0] and quizzes[0].title in pages[0]
    assert "Document 2 of 2" in pages[-1] and quizzes[1].title in pages[-1]


def test_the_word_bank_mixes_in_wrong_words_that_fit_no_blank() -> None:
    """With one word per blank, the last blank is found by elimination: a few wrong words join the bank.
    (A seed whose blanks have a wrong word that is no other blank's answer: the plate tectonics quiz asks
    all of crust, mantle and lithosphere.)"""
    quiz = pipeline_quiz(SEEDS / "colombia_soviet_relations.txt")
    [sheet] = sheets_for(quiz, 1, 0)
    blanks = [blank for item in quiz.items if isinstance(item, Cloze) for blank in item.blanks]
    right = {text.casefold() for blank in blanks for text in (blank.answer, *blank.accept)}

    extras = [word for word in sheet.word_bank if word.casefold() not in right]
    assert 1 <= len(extras) <= max(1, round(len(blanks) / 4)), (extras, len(blanks))
    assert all(any(word in blank.distractors for blank in blanks) for word in extras)
    assert {blank.answer for blank in blanks} <= set(sheet.word_bank)
