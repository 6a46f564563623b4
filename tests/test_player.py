"""The embeddable player in headless Chromium: answer, score, feedback, keyboard, screen-reader names, loading files.

Chromium is the system's, found as ``--pdf`` finds it (never a download), and started once for the module by the
``browser`` fixture of conftest.py; without it the tests skip and say why, and in CI (CI set) they fail instead.
Every test fails on a console error, a script error, an alert or any request beyond the page itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, FrameLocator, Locator, Page, expect

from quizgen.export.player import PlayerExporter, render_player
from quizgen.model import Cloze, Item, Matching, MultipleAnswer, MultipleChoice, Ordering, Quiz
from quizgen.quizfile import dumps
from tests.samples import HOSTILE, group_quiz, hostile_quiz, multiple_answer_item, pipeline_quizzes, plain_quiz

MARKER = re.compile(r"\{\{([0-9]+)\}\}")


@dataclass
class Watched:
    """A page and everything it did that a self-contained, well-behaved player must not do."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)

    def refuse(self, dialog: Dialog) -> None:
        """An alert, confirm or prompt: the sign of a script injected through the document's text."""
        self.errors.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, path: Path) -> Page:
        self.opened.append(path.as_uri())
        self.page.goto(path.as_uri())
        return self.page


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context()
    page = context.new_page()
    watched = Watched(page)
    page.on("console", lambda message: watched.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("dialog", watched.refuse)
    page.on("request", lambda request: watched.requests.append(request.url))
    yield watched
    context.close()
    assert watched.errors == []
    assert set(watched.requests) <= set(watched.opened), "the page fetched something"


def open_player(watched: Watched, quiz: Quiz, folder: Path) -> Page:
    """Write the player with ``quizgen``'s exporter and open it from disk."""
    (path,) = PlayerExporter().export([quiz], folder)
    return watched.open(path)


Scope = Page | FrameLocator | Locator


def question(scope: Scope, index: int, total: int) -> Locator:
    """The fieldset of question ``index`` (0-based), found by its accessible name as a screen reader would."""
    return scope.get_by_role("group", name=re.compile(rf"^Question {index + 1} of {total}\b"))


def blanks_in_text_order(item: Cloze) -> list[tuple[str, ...]]:
    blanks = {blank.id: blank for blank in item.blanks}
    return [(blanks[int(number)].answer, *blanks[int(number)].accept) for number in MARKER.findall(item.text)]


def typed_variant(answer: str) -> str:
    """An accepted answer as a student might type it: other case, extra spaces."""
    return "  " + "   ".join(answer.upper().split()) + " "


def answer(scope: Scope, quiz: Quiz, correctly: bool) -> None:
    """Answer every item through its accessible controls, right (using alternatives and odd case) or wrong."""
    for index, item in enumerate(quiz.items):
        group = question(scope, index, len(quiz.items))
        if isinstance(item, MultipleChoice):
            chosen = next(o for o in item.options if (o.id == item.answer) == correctly)
            group.get_by_role("radio", name=f"{chosen.id}. {chosen.text}", exact=True).check()
        elif isinstance(item, Cloze):
            accepted = blanks_in_text_order(item)
            for number, answers in enumerate(accepted, 1):
                name = f"Question {index + 1}, blank" + (f" {number} of {len(accepted)}" if len(accepted) > 1 else "")
                text = typed_variant(answers[number % len(answers)]) if correctly else "not this"
                group.get_by_role("textbox", name=name, exact=True).fill(text)
        elif isinstance(item, MultipleAnswer):
            right = [o for o in item.options if o.id in item.answers]
            wrong = [o for o in item.options if o.id not in item.answers]
            for option in right if correctly else wrong[:1] + right[1:]:
                group.get_by_role("checkbox", name=f"{option.id}. {option.text}", exact=True).check()
        elif isinstance(item, Matching):
            rights = [pair.right for pair in item.pairs]
            for number, pair in enumerate(item.pairs):
                menu = group.get_by_role("combobox", name=f"Question {index + 1}, match for {pair.left}", exact=True)
                menu.select_option(pair.right if correctly else rights[(number + 1) % len(rights)])
        elif isinstance(item, Ordering):
            for number, event in enumerate(item.events):
                menu = group.get_by_role("combobox", name=f"Question {index + 1}, place of {event.text}", exact=True)
                menu.select_option(str((number if correctly else number + 1) % len(item.events) + 1))
        else:
            group.get_by_role("radio", name=str(item.answer == correctly), exact=True).check()


def check(scope: Scope) -> str:
    scope.get_by_role("button", name="Check answers").click()
    return scope.get_by_role("status").inner_text()


def correct_answer(item: Item) -> str:
    if isinstance(item, MultipleChoice):
        return f"{item.answer}. {item.answer_text}"
    if isinstance(item, Cloze):
        answers = [answers[0] for answers in blanks_in_text_order(item)]
        return answers[0] if len(answers) == 1 else "; ".join(f"blank {n}: {a}" for n, a in enumerate(answers, 1))
    if isinstance(item, MultipleAnswer):
        return "; ".join(f"{o.id}. {o.text}" for o in item.options if o.id in item.answers)
    if isinstance(item, Matching):
        return "; ".join(f"{pair.left} → {pair.right}" for pair in item.pairs)
    if isinstance(item, Ordering):
        return "; ".join(f"{number}. {event.text}" for number, event in enumerate(item.events, 1))
    return str(item.answer)


def feedback_texts(scope: Scope, quiz: Quiz) -> list[str]:
    return [
        (question(scope, i, len(quiz.items)).locator(".feedback").text_content() or "") for i in range(len(quiz.items))
    ]


def test_answering_everything_right_scores_100_percent(watched: Watched, tmp_path: Path) -> None:
    for quiz in [hostile_quiz(), plain_quiz(), group_quiz(), group_quiz(hostile=True), *pipeline_quizzes()]:
        page = open_player(watched, quiz, tmp_path)

        answer(page, quiz, correctly=True)
        score = check(page)

        assert score == f"Score: {len(quiz.items)} of {len(quiz.items)} correct (100%).", quiz.id
        assert all(text.startswith("✓ Correct.") for text in feedback_texts(page, quiz))


def test_wrong_answers_show_the_right_answer_and_the_explanation(watched: Watched, tmp_path: Path) -> None:
    for quiz in [hostile_quiz(), group_quiz(), *pipeline_quizzes()]:
        page = open_player(watched, quiz, tmp_path)

        answer(page, quiz, correctly=False)
        score = check(page)

        assert score == f"Score: 0 of {len(quiz.items)} correct (0%).", quiz.id
        for item, text in zip(quiz.items, feedback_texts(page, quiz), strict=True):
            assert text.startswith("✗ Not quite.")
            assert f"Correct answer: {correct_answer(item)}" in text
            assert item.explanation in text


def test_document_text_is_shown_literally_and_never_run(watched: Watched, tmp_path: Path) -> None:
    quiz = hostile_quiz()

    page = open_player(watched, quiz, tmp_path)

    assert page.title() == quiz.title
    assert page.get_by_role("heading", level=1).text_content() == quiz.title
    assert page.locator("script").count() == 2
    assert page.locator("main b, main i, main [onerror], main iframe").count() == 0
    first, choice = question(page, 0, len(quiz.items)), quiz.items[0]
    assert isinstance(choice, MultipleChoice) and "<b>" in choice.options[0].text
    assert first.get_by_role("radio", name=f"A. {choice.options[0].text}", exact=True).count() == 1
    assert HOSTILE in (first.locator("legend").text_content() or "")


def test_unanswered_questions_count_as_wrong_and_start_again_clears(watched: Watched, tmp_path: Path) -> None:
    quiz = plain_quiz()
    page = open_player(watched, quiz, tmp_path)

    assert check(page) == "Score: 0 of 3 correct (0%)."
    assert all(text.startswith("✗ Not answered.") for text in feedback_texts(page, quiz))
    assert page.get_by_role("textbox").get_attribute("aria-invalid") == "true"

    page.get_by_role("button", name="Start again").click()

    assert page.get_by_role("status").inner_text() == ""
    assert page.locator(".feedback:visible").count() == 0
    assert page.get_by_role("textbox").get_attribute("aria-invalid") is None


def test_the_whole_quiz_can_be_done_with_the_keyboard(watched: Watched, tmp_path: Path) -> None:
    page = open_player(watched, plain_quiz(), tmp_path)

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('label').textContent.trim()") == "A. Lyon"
    page.keyboard.press("ArrowDown")  # moves to and selects "B. Paris"
    page.keyboard.press("Tab")
    page.keyboard.type("ROMA")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "True"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Check answers"

    assert page.evaluate("document.activeElement.getAttribute('role')") == "status"
    assert page.get_by_role("status").inner_text() == "Score: 3 of 3 correct (100%)."


def test_another_quiz_file_can_be_opened_or_dropped(watched: Watched, tmp_path: Path) -> None:
    page = open_player(watched, hostile_quiz(), tmp_path)
    quiz_file = tmp_path / "capitals.quiz.json"
    quiz_file.write_text(dumps(plain_quiz()), encoding="utf-8")
    bad_file = tmp_path / "notes.json"
    bad_file.write_text('{"items": 3}', encoding="utf-8")

    page.get_by_text("Open another quiz file").click()
    page.get_by_label("Quiz file").set_input_files(bad_file)
    expect(page.get_by_role("alert")).to_contain_text("notes.json could not be opened: format_version")
    page.get_by_label("Quiz file").set_input_files(quiz_file)
    page.get_by_role("heading", name="Capitals").wait_for()
    assert page.get_by_role("group", name=re.compile("^Question")).count() == 3

    dropped = page.evaluate_handle(
        "text => { const data = new DataTransfer();"
        " data.items.add(new File([text], 'hostile.quiz.json', {type: 'application/json'})); return data; }",
        dumps(hostile_quiz()),
    )
    page.dispatch_event(".quizgen-player", "drop", {"dataTransfer": dropped})
    page.get_by_role("heading", name=hostile_quiz().title).wait_for()
    answer(page, hostile_quiz(), correctly=True)
    assert check(page) == "Score: 5 of 5 correct (100%)."


def test_player_works_in_a_sandboxed_iframe_as_an_lms_embeds_it(watched: Watched, tmp_path: Path) -> None:
    quiz = plain_quiz()
    host = tmp_path / "lms-page.html"
    iframe = f'<iframe title="Quiz" sandbox="allow-scripts" srcdoc="{html.escape(render_player(quiz))}"></iframe>'
    host.write_text(f'<!DOCTYPE html><html lang="en"><title>Course page</title><h1>Week 3</h1>{iframe}</html>')
    watched.open(host)
    frame = watched.page.frame_locator("iframe")

    answer(frame, quiz, correctly=True)

    assert check(frame) == "Score: 3 of 3 correct (100%)."


HOST_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Week 3</title></head><body><h1>Week 3</h1>'
    '<p>Read the notes, then try the quizzes.</p><button type="button">Mark as done</button>{}</body></html>'
)
HOST_STYLES = """['h1', 'p', 'button', 'body'].map(selector => {
    const style = getComputedStyle(document.querySelector(selector));
    return ['font', 'color', 'background-color', 'margin', 'padding', 'border', 'box-sizing', 'outline']
        .map(name => style.getPropertyValue(name));
})"""


def test_players_pasted_into_a_page_work_apart_and_leave_the_page_alone(watched: Watched, tmp_path: Path) -> None:
    quizzes = [plain_quiz(), hostile_quiz()]
    snippets = [re.search(r'<main class="quizgen-player".*?</main>', render_player(quiz), re.S) for quiz in quizzes]
    control, host = tmp_path / "control.html", tmp_path / "course.html"
    control.write_text(HOST_PAGE.format(""), encoding="utf-8")
    host.write_text(HOST_PAGE.format("".join(snippet[0] for snippet in snippets if snippet)), encoding="utf-8")
    page_styles = watched.open(control).evaluate(HOST_STYLES)

    page = watched.open(host)
    first, second = page.locator(".quizgen-player").all()
    answer(first, quizzes[0], correctly=True)
    answer(second, quizzes[1], correctly=False)

    assert check(first) == "Score: 3 of 3 correct (100%)."
    assert second.get_by_role("status").inner_text() == ""
    assert check(second) == "Score: 0 of 5 correct (0%)."
    assert first.get_by_role("status").inner_text() == "Score: 3 of 3 correct (100%)."
    assert page.title() == "Week 3"
    assert page.evaluate(HOST_STYLES) == page_styles


def test_matching_ordering_and_multiple_answer_can_be_done_with_the_keyboard(watched: Watched, tmp_path: Path) -> None:
    quiz = group_quiz()
    page = open_player(watched, quiz, tmp_path)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # "B. the Sun"
    for index in (1, 2):  # matching, then ordering: each menu chosen by typing its answer
        item = quiz.items[index]
        for _ in range(question(page, index, len(quiz.items)).get_by_role("combobox").count()):
            page.keyboard.press("Tab")
            page.keyboard.type(
                keyboard_answer(item, page.evaluate("document.activeElement.getAttribute('aria-label')"))
            )
    for option in multiple_answer_item().options:  # A, C and D of five check boxes
        page.keyboard.press("Tab")
        if option.id in multiple_answer_item().answers:
            page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    assert page.get_by_role("status").inner_text() == "Score: 4 of 4 correct (100%)."


def test_ordering_rows_never_stand_in_the_right_order(watched: Watched, tmp_path: Path) -> None:
    quizzes = [group_quiz(), *(quiz for quiz in pipeline_quizzes() if any(isinstance(i, Ordering) for i in quiz.items))]
    for quiz in quizzes:
        page = open_player(watched, quiz, tmp_path)
        for index, item in enumerate(quiz.items):
            if isinstance(item, Ordering):
                rows = question(page, index, len(quiz.items)).locator(".menu-text").all_text_contents()
                assert sorted(rows) == sorted(event.text for event in item.events)
                assert rows != [event.text for event in item.events], quiz.id


def keyboard_answer(item: Item, label: str) -> str:
    """What to type on a focused menu (named ``label``) to choose its right answer."""
    if isinstance(item, Matching):
        return next(pair.right for pair in item.pairs if label.endswith(f"match for {pair.left}"))
    assert isinstance(item, Ordering)
    return next(str(n) for n, event in enumerate(item.events, 1) if label.endswith(f"place of {event.text}"))
