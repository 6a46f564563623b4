"""quizgen studio as a teacher uses it: the real ``quizgen studio`` command, driven in the system's Chromium.

The whole flow of the issue runs in one test (upload the seed, check the parse, reject, edit, swap, add,
reload, a second tab, download the worksheet PDF, the Anki deck and the QTI zip, and check each
download); hostile input in another. Chromium is found as ``--pdf`` finds it (see conftest.py's
``browser``): without it these tests skip and say why, and in CI they fail instead. Each step's
screenshot is written to ``tmp_path``, or to ``$QUIZGEN_STUDIO_SHOTS`` where that is set (for docs/images).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect

from quizgen.quizfile import load_quiz
from tests.conftest import SEEDS

SEED = SEEDS / "french_revolution.txt"
EDITED_STEM = "EDITED BY THE TEACHER: in which year was the French monarchy abolished?"
OWN_SENTENCE = "The Tennis Court Oath was sworn by the deputies in [June 1789]."
WAIT_MS = 20_000


@dataclass
class Studio:
    """A running ``quizgen studio`` and its folder."""

    url: str
    folder: Path
    process: subprocess.Popen[str]


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Studio]:
    """``quizgen studio --no-browser --port N`` in a fresh folder, started as a teacher's machine would."""
    root = tmp_path_factory.mktemp("studio")
    folder = root / "deep" / "quizgen-studio"
    port = _free_port()
    command = [sys.executable, "-m", "quizgen", "studio", "--no-browser", "--port", str(port), "--folder", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in first, first + (process.stderr.read() if process.poll() is not None else "")
    url = f"http://127.0.0.1:{port}"
    _wait_until_up(url)
    yield Studio(url, folder, process)
    process.terminate()
    assert process.wait(timeout=10) == 0, "stopping the studio is no error"
    assert process.stdout.read().startswith("It has no login")


def _free_port() -> int:
    from quizgen.studio import free_port

    return free_port()


def _wait_until_up(url: str) -> None:
    for _ in range(100):
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the studio did not answer at {url}")


@dataclass
class Teacher:
    """One browser window on the studio, failing the test on any script error, alert or outside request."""

    page: Page
    studio: Studio
    shots: Path
    errors: list[str] = field(default_factory=list)

    def shot(self, name: str) -> None:
        self.page.screenshot(path=self.shots / f"{name}.png")

    def status(self) -> Locator:
        return self.page.locator("#status")

    def card(self, index: int) -> Locator:
        return self.page.locator("article.item").nth(index)


@pytest.fixture
def teacher(browser: Browser, studio: Studio, tmp_path: Path) -> Iterator[Teacher]:
    shots = Path(os.environ.get("QUIZGEN_STUDIO_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 860})
    teacher = Teacher(context.new_page(), studio, shots)
    _watch(teacher.page, teacher.errors, studio.url)
    yield teacher
    context.close()
    assert teacher.errors == []


def _watch(page: Page, errors: list[str], url: str) -> None:
    def refuse(dialog: Dialog) -> None:
        errors.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: None if request.url.startswith((url, "data:")) else errors.append(request.url))


def test_a_teacher_makes_reviews_and_downloads_a_quiz(teacher: Teacher, tmp_path: Path) -> None:
    page, studio = teacher.page, teacher.studio
    page.goto(studio.url + "/")
    expect(page.get_by_role("heading", name="Make a quiz from your notes")).to_be_visible()
    assert _unlabelled(page) == []
    teacher.shot("studio-1-start")

    # Bring the document and check how it was read.
    page.get_by_label("Choose or drop text files").set_input_files(SEED)
    page.get_by_role("button", name="Read the document").click()
    expect(page.get_by_role("heading", name="How the document was read")).to_be_visible()
    expect(page.locator(".parse")).to_contain_text("Key points (4)")
    expect(page.locator(".parse")).to_contain_text("What Happened?")
    expect(page.locator(".parse")).to_contain_text("Why Does it Matter?")
    assert _unlabelled(page) == []
    page.get_by_label("Number of items (at most)").fill("12")
    # Without an ordering item the French Revolution's dated sentences stay with single items, among
    # them the true/false statement edited below (an ordering item's events are asked by no other item).
    page.get_by_label("Put in order").uncheck()
    teacher.shot("studio-2-setup")
    page.get_by_role("button", name="Make the quiz").click()
    expect(page.get_by_role("heading", name="Review the items")).to_be_visible(timeout=WAIT_MS)

    assert _unlabelled(page) == []
    page.set_viewport_size({"width": 768, "height": 1024})  # a tablet: nothing runs off the side
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 860})

    # Reject the first item.
    first = teacher.card(0)
    rejected_sentence = first.locator(".source a").inner_text()
    rejected_id = first.get_attribute("data-item")
    first.get_by_role("button", name="Reject item 1").click()
    expect(teacher.status()).to_contain_text("Item rejected")
    expect(page.locator(f"#item-{rejected_id}")).to_have_count(0)
    expect(teacher.card(0).locator("h3")).to_be_focused()  # the keyboard goes on with the next item

    # Edit a multiple-choice stem (saved when the field is left), then swap one of its wrong options.
    choice = page.locator("article.item:has(form.swap)").first
    choice_id = choice.get_attribute("data-item")
    choice.get_by_label("Question").fill(EDITED_STEM)
    choice.get_by_label("Question").press("Tab")
    expect(teacher.status()).to_contain_text("saved")
    expect(page.locator(f"mark#src-{choice_id}.current")).to_have_count(1)
    teacher.shot("studio-3-review")
    choice = page.locator(f"#item-{choice_id}")
    candidate = choice.get_by_label("for", exact=True).locator("option").first.inner_text()
    swapped_out = choice.get_by_label("Swap wrong option").locator("option").first.inner_text().split(": ", 1)[1]
    choice.get_by_role("button", name=re.compile("^Swap")).click()
    expect(teacher.status()).to_contain_text("Option swapped")
    choice = page.locator(f"#item-{choice_id}")
    expect(choice.locator(f'input[type=text][value="{candidate}"]')).to_have_count(1)
    teacher.shot("studio-4-swapped")

    # A flaw the edit brings in is shown on the item: an absolute word in a true/false statement.
    statement = page.locator("article.item:has(input[value=true])").first
    statement_id = statement.get_attribute("data-item")
    statement.get_by_label("Statement").fill(statement.get_by_label("Statement").input_value() + " It was always so.")
    statement.get_by_label("Statement").press("Tab")
    expect(teacher.status()).to_contain_text("saved")
    page.reload()
    expect(page.locator(f"#item-{statement_id} .flaws")).to_contain_text("absolute-terms")
    page.locator(f"#item-{statement_id}").screenshot(path=teacher.shots / "studio-flaw.png")

    # Accept one with the keyboard alone.
    page.locator(f"#item-{choice_id}").get_by_role("button", name=re.compile("^Accept")).focus()
    page.keyboard.press("Enter")
    expect(teacher.status()).to_contain_text("accepted")
    expect(page.locator(f"#item-{choice_id} .badge")).to_have_text("Accepted")

    # Add an item of one's own.
    adding = page.locator("section.add")
    adding.get_by_label("Fill in the blank").check()
    adding.get_by_label("Sentence, with the answer in [square brackets]").fill(OWN_SENTENCE)
    adding.get_by_role("button", name="Add the item").click()
    expect(teacher.status()).to_contain_text("added")
    expect(page.locator("article.item").last).to_contain_text("The Tennis Court Oath")
    expect(page.locator("article.item").last.locator(".source")).to_have_text("Written by you.")

    # Reload mid-review: nothing is lost.
    page.reload()
    expect(page.locator(f"#item-{choice_id}").get_by_label("Question")).to_have_value(EDITED_STEM)
    expect(page.locator(f"#item-{choice_id}").locator(f'input[value="{candidate}"]')).to_have_count(1)
    expect(page.locator(".rejected summary")).to_contain_text("Rejected items (1)")
    expect(page.locator("article.item").last).to_contain_text("The Tennis Court Oath")

    # Two tabs: the second one's change, made against an older revision, is refused and it is told.
    other = page.context.new_page()
    _watch(other, teacher.errors, studio.url)
    other.goto(page.url)
    second = teacher.card(1)
    second_field = second.locator("textarea").first
    first_tab_text = "Changed in the first tab: " + second_field.input_value()
    second_field.fill(first_tab_text)
    second.get_by_role("button", name=re.compile("^Save changes")).click()
    expect(teacher.status()).to_contain_text("saved")
    stale = other.locator("article.item").nth(1).locator("textarea").first
    stale.fill("Changed in the second tab")
    other.locator("article.item").nth(1).get_by_role("button", name=re.compile("^Save changes")).click()
    expect(other.locator("#status")).to_contain_text("changed in another tab")
    expect(other.locator("#status").get_by_role("button", name="Reload the page")).to_be_visible()
    other.screenshot(path=teacher.shots / "studio-5-stale.png")
    other.close()
    page.reload()
    expect(teacher.card(1).locator("textarea").first).to_have_value(first_tab_text)

    # The quiz file in the folder is what the CLI would export.
    quiz = load_quiz(studio.folder / "french-revolution.quiz.json")
    assert rejected_id not in {item.id for item in quiz.items}
    assert any(getattr(item, "question", "") == EDITED_STEM for item in quiz.items)

    # The previews open as they will print and play, with the edit and without the rejected item.
    links = {"Preview the worksheet": "The French Revolution", "Preview the answer key": "Answer key"}
    links["Try the quiz player"] = "The French Revolution"
    for link, heading in links.items():
        with page.context.expect_page() as opened:
            page.get_by_role("link", name=link).click()
        preview = opened.value
        preview.on("pageerror", lambda error: teacher.errors.append(str(error)))
        expect(preview.locator("body")).to_contain_text(heading)
        if "player" not in link:
            expect(preview.locator("body")).to_contain_text(EDITED_STEM)
            assert rejected_sentence.split(",")[0][:40] not in _words(preview.locator("body").inner_text())
        preview.close()

    # Downloads, each checked as a teacher's next program would read it.
    finish = page.locator("section:has(#finish-title)")
    finish.scroll_into_view_if_needed()
    teacher.shot("studio-6-download")
    saved = {target: _download(page, target, tmp_path) for target in ("worksheet-pdf", "anki", "qti")}
    _check_pdf(saved["worksheet-pdf"], rejected_sentence)
    _check_deck(saved["anki"], tmp_path, candidate, swapped_out)
    _check_qti(saved["qti"], rejected_id)


UNLABELLED = """() => [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button")]
    .filter((control) => !(control.labels && control.labels.length) && !control.getAttribute("aria-label")
        && !(control.tagName === "BUTTON" && control.textContent.trim()))
    .map((control) => control.outerHTML.slice(0, 120))"""


def _unlabelled(page: Page) -> list[str]:
    """The controls of the page a screen reader would announce without a name."""
    found: list[str] = page.evaluate(UNLABELLED)
    return found


def _download(page: Page, target: str, folder: Path) -> Path:
    page.get_by_label("Download this quiz as").select_option(target)
    with page.expect_download(timeout=WAIT_MS * 2) as info:
        page.get_by_role("button", name="Download", exact=True).click()
    path = folder / f"{target}-{info.value.suggested_filename}"
    info.value.save_as(path)
    return path


def _words(text: str) -> str:
    return " ".join(text.split())


def _check_pdf(path: Path, rejected_sentence: str) -> None:
    assert path.read_bytes().startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (Debian poppler-utils, installed by `make test` as root) is not installed")
    text = _words(subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout)
    assert _words(EDITED_STEM) in text
    assert "Tennis Court Oath" in text
    shown_part = rejected_sentence.split(",")[0][:40]
    assert shown_part not in text, "the rejected item is on the worksheet"


def _check_deck(path: Path, tmp_path: Path, candidate: str, swapped_out: str) -> None:
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
        log = col.import_anki_package(request).log
        assert len(log.new) > 5 and not log.conflicting and not log.missing_notetype
        fields = [" ".join(col.get_note(note_id).fields) for note_id in col.find_notes("")]
        edited = [html.unescape(text) for text in fields if "EDITED BY THE TEACHER" in text]
        assert len(edited) == 1
        assert candidate in edited[0] and swapped_out not in edited[0].split("EDITED BY THE TEACHER")[1]
        assert any("Tennis Court Oath" in text for text in fields)
    finally:
        col.close()


def _check_qti(path: Path, rejected_id: str | None) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        texts = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")]
    everything = "\n".join(texts)
    assert EDITED_STEM in html.unescape(everything)
    assert rejected_id is not None and rejected_id not in everything


def test_hostile_input_is_escaped_refused_and_contained(teacher: Teacher, tmp_path: Path) -> None:
    page, studio = teacher.page, teacher.studio
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Notes on <script>alert('title')</script> rivers\n\n"
        "The Nile is the river of ancient Egypt <img src=x onerror=alert('doc')>. "
        "It flows north into the Mediterranean Sea.\n\n"
        "The Amazon carries more water than any other river.\n",
        encoding="utf-8",
    )
    page.goto(studio.url + "/")
    page.get_by_label("Choose or drop text files").set_input_files(
        {"name": "../../x.txt", "mimeType": "text/plain", "buffer": hostile.read_bytes()}
    )
    page.get_by_role("button", name="Read the document").click()
    expect(page.locator(".parse")).to_contain_text("<script>alert('title')</script>")
    assert (studio.folder / "documents" / "x.txt").is_file()
    assert not (studio.folder.parent / "x.txt").exists() and not (studio.folder.parent.parent / "x.txt").exists()
    page.get_by_role("button", name="Make the quiz").click()
    expect(page.get_by_role("heading", name="Review the items")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator(".document")).to_contain_text("<img src=x onerror=alert('doc')>")

    asked = teacher.card(1)  # the multiple-choice item on the Amazon (the first is a cloze on the Nile)
    stem = asked.locator("textarea").first
    stem.fill("<script>alert('stem')</script> Which river?")
    asked.get_by_role("button", name=re.compile("^Save changes")).click()
    expect(teacher.status()).to_contain_text("saved")
    page.reload()
    expect(teacher.card(1).locator("textarea").first).to_have_value("<script>alert('stem')</script> Which river?")
    assert page.locator("script:not([src])").count() == 0

    # A 50 MB upload is refused with the limit, and nothing of it is kept.
    page.goto(studio.url + "/")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (10 * 1024 * 1024))
    page.get_by_label("Choose or drop text files").set_input_files(big)
    page.get_by_role("button", name="Read the document").click()
    expect(page.locator("body")).to_contain_text("takes at most")
    assert not (studio.folder / "documents" / "big.txt").exists()
    teacher.page.screenshot(path=teacher.shots / "studio-7-too-large.png")


def test_the_review_works_without_javascript(browser: Browser, studio: Studio) -> None:
    """Every action is a plain form: with scripts off, it posts, the page reloads, and the change is there."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(studio.url + "/")
        page.locator("a[href^='/quiz/']").first.click()
        cards = page.locator("article.item")
        expect(cards.first).to_be_visible()
        count = cards.count()
        cards.first.get_by_role("button", name=re.compile("^Reject")).click()
        expect(page.locator("#status")).to_contain_text("Item rejected")
        expect(page.locator("article.item")).to_have_count(count - 1)
    finally:
        context.close()
