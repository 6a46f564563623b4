"""quizgen studio's server without a browser: who may drive it, what it keeps, and how bad input is answered."""

from __future__ import annotations

import json
import re
import shutil
import socket
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from quizgen.errors import InputError
from quizgen.model import ITEM_CLASSES, Cloze, Item, Matching, MultipleAnswer, MultipleChoice, Ordering, TrueFalse
from quizgen.quizfile import item_to_json, load_quiz
from quizgen.read import read_document
from quizgen.studio import allowed_hosts
from quizgen.studio.app import create_app
from quizgen.studio.security import MAX_REQUEST_BYTES
from quizgen.studio.store import StudioError, safe_file_name
from tests.conftest import SEEDS, CliRun

HOST = "studio.test:8000"
ORIGIN = f"http://{HOST}"
SEED = SEEDS / "french_revolution.txt"
QUIZ_ID = "french-revolution"
SETTINGS = {"type-mcq": "1", "type-cloze": "1", "type-tf": "1", "max_items": "12", "seed": "0", "paper": "a4"}
SETTINGS["versions"] = "1"


def client(folder: Path) -> TestClient:
    return TestClient(create_app(folder, [HOST]), base_url=ORIGIN, headers={"origin": ORIGIN})


def upload(browser: TestClient, name: str, data: bytes) -> tuple[int, str]:
    response = browser.post("/documents", files={"files": (name, data, "text/plain")}, follow_redirects=False)
    return response.status_code, response.text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A studio folder holding the French Revolution seed, read and made into a quiz."""
    folder = tmp_path_factory.mktemp("built") / "studio"
    browser = client(folder)
    assert upload(browser, SEED.name, SEED.read_bytes())[0] == 303
    response = browser.post(f"/quiz/{QUIZ_ID}/build", data={"revision": "0", **SETTINGS}, follow_redirects=False)
    assert response.status_code == 303
    return folder


@pytest.fixture
def studio(built: Path, tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    """A fresh copy of the built studio folder, and a client of a studio serving it."""
    folder = tmp_path / "studio"
    shutil.copytree(built, folder)
    yield client(folder), folder


def revision(folder: Path) -> str:
    notes = json.loads((folder / ".studio" / f"{QUIZ_ID}.json").read_text(encoding="utf-8"))
    return str(notes["revision"])


def quiz_bytes(folder: Path) -> bytes:
    return (folder / f"{QUIZ_ID}.quiz.json").read_bytes()


def first(folder: Path, kind: type) -> str:
    quiz = load_quiz(folder / f"{QUIZ_ID}.quiz.json")
    return next(item.id for item in quiz.items if isinstance(item, kind))


def act(browser: TestClient, folder: Path, item: str, action: str, **fields: str) -> tuple[int, dict[str, object]]:
    data = {"revision": revision(folder), **fields}
    response = browser.post(f"/quiz/{QUIZ_ID}/item/{item}/{action}", data=data, headers={"accept": "application/json"})
    return response.status_code, response.json()


# --- who may drive it ---------------------------------------------------------------------------------------


def test_a_request_naming_another_host_is_refused(tmp_path: Path) -> None:
    """DNS rebinding: a site whose name resolves to 127.0.0.1 still sends its own name as the Host."""
    browser = client(tmp_path)
    assert browser.get("/").status_code == 200
    response = browser.get("/", headers={"host": "evil.example:8000"})
    assert response.status_code == 421
    assert "own address" in response.text


def test_a_form_posted_from_another_site_changes_nothing(tmp_path: Path) -> None:
    browser = client(tmp_path)
    files = {"files": ("notes.txt", SEED.read_bytes(), "text/plain")}
    response = browser.post("/documents", files=files, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    response = browser.post("/documents", files=files, headers={"origin": "null"})
    assert response.status_code == 403
    assert not (tmp_path / "documents").exists()


def test_a_cross_site_request_without_origin_is_refused(tmp_path: Path) -> None:
    browser = TestClient(create_app(tmp_path, [HOST]), base_url=ORIGIN)
    files = {"files": ("notes.txt", SEED.read_bytes(), "text/plain")}
    assert browser.post("/documents", files=files, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert browser.post("/documents", files=files, headers={"sec-fetch-site": "same-site"}).status_code == 403
    assert not (tmp_path / "documents").exists()


def test_pages_forbid_framing_by_others_and_anything_from_elsewhere(tmp_path: Path) -> None:
    response = client(tmp_path).get("/")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'self'" in policy and "script-src 'self'" in policy and "default-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_previews_run_sandboxed(studio: tuple[TestClient, Path]) -> None:
    browser, _ = studio
    for what in ("worksheet", "key", "player"):
        response = browser.get(f"/quiz/{QUIZ_ID}/preview/{what}")
        assert response.status_code == 200
        assert response.headers["content-security-policy"].startswith("sandbox allow-scripts")


def test_it_answers_at_the_loopback_names_and_the_names_allowed() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == ["127.0.0.1:8000", "localhost:8000", "[::1]:8000"]
    assert allowed_hosts("0.0.0.0", 80, ["quiz.school.lan"]) == [
        "quiz.school.lan:80",
        "127.0.0.1:80",
        "localhost:80",
        "[::1]:80",
    ]
    assert allowed_hosts("10.0.0.5", 80) == ["10.0.0.5:80"]


# --- uploads --------------------------------------------------------------------------------------------------


def test_an_upload_over_the_limit_is_refused_before_it_is_kept(tmp_path: Path) -> None:
    browser = client(tmp_path)
    status, text = upload(browser, "big.txt", b"word " * (MAX_REQUEST_BYTES // 5 + 1000))
    assert status == 413
    assert "takes at most" in text
    assert not list(tmp_path.rglob("big*"))


def test_a_body_without_a_length_is_counted_as_it_arrives(tmp_path: Path) -> None:
    browser = client(tmp_path)

    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_REQUEST_BYTES // 65536 + 2):
            yield b"x" * 65536

    boundary = "studio-boundary"
    response = browser.post(
        "/documents",
        content=chunks(),
        headers={"content-type": f"multipart/form-data; boundary={boundary}", "accept": "application/json"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("name", "kept"),
    [("../../x.txt", "x.txt"), ("..\\..\\win.md", "win.md"), ("/etc/passwd.txt", "passwd.txt"), ("..txt", None)],
)
def test_an_uploaded_name_never_leads_out_of_the_studio_folder(tmp_path: Path, name: str, kept: str | None) -> None:
    folder = tmp_path / "a" / "studio"
    status, _ = upload(client(folder), name, SEED.read_bytes())
    assert status == 303
    files = [path for path in tmp_path.rglob("*") if path.is_file() and path.parent.name == "documents"]
    assert len(files) == 1 and files[0].parent == folder / "documents"
    if kept is not None:
        assert files[0].name == kept
    assert not [path for path in tmp_path.rglob("*") if path.is_file() and not path.is_relative_to(folder)]


def test_only_documents_are_taken() -> None:
    with pytest.raises(StudioError, match=r"\.txt and \.md"):
        safe_file_name("report.pdf")
    assert safe_file_name("C:\\Users\\me\\notes.MD") == "notes.md"


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", "Caf\u00e9 notes\n".encode("latin-1"), b"Title only\n"],
)
def test_bad_documents_get_the_same_message_as_the_cli(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "cli").mkdir()
    path = tmp_path / "cli" / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_document(path)
    reason = str(raised.value).split("notes.txt: ", 1)[1]
    status, text = upload(client(tmp_path / "studio"), "notes.txt", data)
    assert status == 400
    assert reason in _visible(text)
    assert not list((tmp_path / "studio" / "documents").glob("*"))


def test_a_document_over_the_readers_limit_is_refused_as_the_cli_refuses_it(tmp_path: Path) -> None:
    status, text = upload(client(tmp_path), "long.txt", b"Long\n\n" + b"A sentence of text. " * 30_000)
    assert status == 400
    assert "over the 512 KB limit" in _visible(text)


def test_pasted_text_becomes_a_document(tmp_path: Path) -> None:
    browser = client(tmp_path)
    text = SEED.read_text(encoding="utf-8")
    response = browser.post("/documents", data={"text": text, "name": "pasted notes"}, follow_redirects=False)
    assert response.status_code == 303
    assert (tmp_path / "documents" / "pasted notes.txt").read_text(encoding="utf-8") == text.strip()
    assert "The French Revolution" in browser.get(response.headers["location"]).text


def test_markup_in_a_document_is_shown_as_text(tmp_path: Path) -> None:
    browser = client(tmp_path)
    hostile = b"Rivers <script>alert(1)</script>\n\nThe Nile <img src=x onerror=alert(2)> flows north into the sea.\n"
    status, _ = upload(browser, "rivers.txt", hostile)
    assert status == 303
    page = browser.get("/quiz/rivers/setup").text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- the quiz, kept ---------------------------------------------------------------------------------------------


def test_a_stale_change_is_refused_and_changes_nothing(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    item = first(folder, MultipleChoice)
    before = quiz_bytes(folder)
    data = {"revision": str(int(revision(folder)) - 1), "question": "A stale edit?"}
    response = browser.post(f"/quiz/{QUIZ_ID}/item/{item}/edit", data=data, headers={"accept": "application/json"})
    assert response.status_code == 409
    assert response.json()["stale"] is True and "another tab" in response.json()["error"]
    assert quiz_bytes(folder) == before
    page = browser.post(f"/quiz/{QUIZ_ID}/item/{item}/edit", data=data)
    assert page.status_code == 409 and "This change was not saved" in page.text


def test_a_change_without_a_revision_is_refused(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    item = first(folder, MultipleChoice)
    response = browser.post(f"/quiz/{QUIZ_ID}/item/{item}/accept", data={}, headers={"accept": "application/json"})
    assert response.status_code == 400 and "revision" in response.json()["error"]


def test_edits_are_saved_to_the_quiz_file_and_keep_the_items_id(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    item = first(folder, MultipleChoice)
    quiz = load_quiz(folder / f"{QUIZ_ID}.quiz.json")
    original = next(i for i in quiz.items if i.id == item)
    assert isinstance(original, MultipleChoice)
    fields = {f"option-{o.id}": o.text for o in original.options}
    fields["option-A"] = "A teacher's option"
    status, answer = act(browser, folder, item, "edit", question="  Reworded   by the teacher? ", answer="A", **fields)
    assert status == 200 and answer["ok"] is True
    saved = next(i for i in load_quiz(folder / f"{QUIZ_ID}.quiz.json").items if i.id == item)
    assert isinstance(saved, MultipleChoice)
    assert saved.question == "Reworded by the teacher?"
    assert saved.options[0].text == "A teacher's option" and saved.answer == "A"


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        (MultipleChoice, {"question": "   "}, "cannot be empty"),
        (MultipleChoice, {"question": "Q?", "answer": "Z"}, "right answer"),
        (Cloze, {"text": "No blank left here."}, "keep each blank"),
        (TrueFalse, {"statement": "Fine.", "answer": "maybe"}, "true or false"),
    ],
)
def test_an_edit_that_breaks_the_item_is_refused_with_what_to_fix(
    studio: tuple[TestClient, Path], kind: type, fields: dict[str, str], message: str
) -> None:
    browser, folder = studio
    item = first(folder, kind)
    quiz = load_quiz(folder / f"{QUIZ_ID}.quiz.json")
    current = next(i for i in quiz.items if i.id == item)
    defaults: dict[str, str] = {}
    if isinstance(current, MultipleChoice):
        defaults = {f"option-{o.id}": o.text for o in current.options}
    if isinstance(current, Cloze):
        defaults = {f"blank-{b.id}-answer": b.answer for b in current.blanks}
    before = quiz_bytes(folder)
    status, answer = act(browser, folder, item, "edit", **{**defaults, **fields})
    assert status == 400 and message in str(answer["error"])
    assert quiz_bytes(folder) == before


def test_reject_and_restore(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    item = first(folder, Cloze)
    assert act(browser, folder, item, "reject")[0] == 200
    assert item not in {i.id for i in load_quiz(folder / f"{QUIZ_ID}.quiz.json").items}
    assert "Rejected items (1)" in browser.get(f"/quiz/{QUIZ_ID}").text
    assert act(browser, folder, item, "restore")[0] == 200
    assert item in {i.id for i in load_quiz(folder / f"{QUIZ_ID}.quiz.json").items}
    assert act(browser, folder, item, "restore")[0] == 400


def test_swap_takes_a_ranked_candidate_and_never_the_right_answer(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    page = browser.get(f"/quiz/{QUIZ_ID}").text
    found = re.search(r'action="/quiz/[^/]+/item/(q-[0-9a-f]+)/swap"', page)
    assert found is not None, "no item offers a swap"
    item = found.group(1)
    current = next(i for i in load_quiz(folder / f"{QUIZ_ID}.quiz.json").items if i.id == item)
    assert isinstance(current, MultipleChoice)
    wrong = next(o.id for o in current.options if o.id != current.answer)
    status, _ = act(browser, folder, item, "swap", option=current.answer, candidate="Anything")
    assert status == 400
    assert act(browser, folder, item, "swap", option=wrong, candidate="1785")[0] == 200
    swapped = next(i for i in load_quiz(folder / f"{QUIZ_ID}.quiz.json").items if i.id == item)
    assert isinstance(swapped, MultipleChoice)
    assert next(o.text for o in swapped.options if o.id == wrong) == "1785"


def test_regenerate_puts_another_item_of_the_same_sentence_in_its_place(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    quiz = load_quiz(folder / f"{QUIZ_ID}.quiz.json")
    item = quiz.items[3]
    status, answer = act(browser, folder, item.id, "regenerate")
    after = load_quiz(folder / f"{QUIZ_ID}.quiz.json")
    if status == 400:
        assert "no other item" in str(answer["error"])
        assert after == quiz
        return
    assert status == 200
    assert len(after.items) == len(quiz.items) and after.items[3] != item
    assert after.items[3].source.sentence == item.source.sentence


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "mcq", "question": "Who?", "option-0": "Me", "option-1": "You", "answer": "1"},
        {"type": "cloze", "text": "The capital of France is [Paris].", "accept": "paris\nPARIS"},
        {"type": "tf", "statement": "Paris is in France.", "truth": "true"},
    ],
)
def test_a_teachers_own_item_joins_the_quiz(studio: tuple[TestClient, Path], fields: dict[str, str]) -> None:
    browser, folder = studio
    count = len(load_quiz(folder / f"{QUIZ_ID}.quiz.json").items)
    response = browser.post(
        f"/quiz/{QUIZ_ID}/items", data={"revision": revision(folder), **fields}, headers={"accept": "application/json"}
    )
    assert response.status_code == 200, response.text
    quiz = load_quiz(folder / f"{QUIZ_ID}.quiz.json")
    assert len(quiz.items) == count + 1
    added = quiz.items[-1]
    if isinstance(added, MultipleChoice):
        assert added.answer_text == "You"
    elif isinstance(added, Cloze):
        assert added.blanks[0].answer == "Paris" and added.blanks[0].accept == ("paris", "PARIS")
    else:
        assert isinstance(added, TrueFalse) and added.answer is True


def test_a_cloze_of_ones_own_needs_its_answer_in_brackets(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    data = {"revision": revision(folder), "type": "cloze", "text": "No answer marked."}
    response = browser.post(f"/quiz/{QUIZ_ID}/items", data=data, headers={"accept": "application/json"})
    assert response.status_code == 400 and "square brackets" in response.json()["error"]


@pytest.mark.parametrize(
    ("change", "message"),
    [({"max_items": "0"}, "Max items"), ({"seed": "x"}, "Seed"), ({"paper": "a3"}, "Paper"), ({"type-mcq": ""}, "")],
)
def test_bad_settings_are_refused_with_a_message(
    studio: tuple[TestClient, Path], change: dict[str, str], message: str
) -> None:
    browser, folder = studio
    settings = {**SETTINGS, **change}
    if change.get("type-mcq") == "":
        settings = {key: value for key, value in settings.items() if not key.startswith("type-")}
        message = "at least one kind"
    response = browser.post(f"/quiz/{QUIZ_ID}/build", data={"revision": revision(folder), **settings})
    assert response.status_code == 400 and message in response.text


def test_earlier_quizzes_are_listed_by_a_new_studio_on_the_folder(studio: tuple[TestClient, Path]) -> None:
    _, folder = studio
    page = client(folder).get("/").text
    assert 'href="/quiz/french-revolution"' in page and "The French Revolution" in page


def test_downloads_are_what_the_exporters_write(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    response = browser.get(f"/quiz/{QUIZ_ID}/download", params={"target": "json"})
    assert response.status_code == 200
    assert response.content == quiz_bytes(folder)
    assert "french-revolution.quiz.json" in response.headers["content-disposition"]
    keys = browser.get(f"/quiz/{QUIZ_ID}/download", params={"target": "key-html"})
    assert keys.content.startswith(b"<!DOCTYPE html>") and b"Answer key" in keys.content
    everything = browser.get("/download", params={"target": "gift"})
    assert everything.status_code == 200
    assert "french-revolution.gift.txt" in everything.headers["content-disposition"]
    assert "::" in everything.text
    assert browser.get("/download", params={"target": "nonsense"}).status_code == 404


def test_html_downloads_of_several_files_come_as_one_zip(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    data = {"revision": revision(folder), **SETTINGS, "versions": "2"}
    assert browser.post(f"/quiz/{QUIZ_ID}/build", data=data, follow_redirects=False).status_code == 303
    response = browser.get(f"/quiz/{QUIZ_ID}/download", params={"target": "worksheet-html"})
    with zipfile.ZipFile(BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == [
            "french-revolution-A.worksheet.html",
            "french-revolution-B.worksheet.html",
        ]


def test_an_unknown_quiz_or_action_is_answered_plainly(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    assert browser.get("/quiz/no-such-quiz").status_code == 404
    assert browser.get("/quiz/..%2F..%2Fetc").status_code == 404
    item = first(folder, MultipleChoice)
    assert act(browser, folder, item, "explode")[0] == 400
    assert act(browser, folder, "q-000000000000", "accept")[0] == 400


def test_the_command_says_when_its_port_is_taken(cli: CliRun, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("studio", "--no-browser", "--port", str(port), "--folder", tmp_path / "studio")
    assert result.exit_code == 1
    assert "cannot listen at 127.0.0.1" in result.stderr and "Traceback" not in result.stderr


def _visible(page: str) -> str:
    """The text of a page as read: tags dropped, entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_a_plain_form_post_comes_back_to_the_item_with_what_was_saved(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    item = first(folder, TrueFalse)
    data = {"revision": revision(folder)}
    response = browser.post(f"/quiz/{QUIZ_ID}/item/{item}/accept", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"#item-{item}")
    page = browser.get(response.headers["location"]).text
    assert re.search(r'role="status"[^>]*>Item accepted\.', page)
    spoofed = browser.get(f"/quiz/{QUIZ_ID}", params={"done": "Your studio was hacked", "saved": "Call 555"}).text
    assert "hacked" not in spoofed and "555" not in spoofed


def test_the_checkers_findings_are_shown_on_the_item(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    item = first(folder, MultipleChoice)
    current = next(i for i in load_quiz(folder / f"{QUIZ_ID}.quiz.json").items if i.id == item)
    assert isinstance(current, MultipleChoice)
    assert 'class="flaws"' not in browser.get(f"/quiz/{QUIZ_ID}").text, "the builder passes only clean items"
    wrong = next(o.id for o in current.options if o.id != current.answer)
    fields = {f"option-{o.id}": ("All of the above" if o.id == wrong else o.text) for o in current.options}
    assert act(browser, folder, item, "edit", question=current.question, answer=current.answer, **fields)[0] == 200
    page = browser.get(f"/quiz/{QUIZ_ID}").text
    card = page[page.index(f'id="item-{item}"') :]
    card = card[: card.index("</article>")]
    assert "<code>all-none-above</code>" in card and re.search(r"badge flawed\">\d+ flaws?<", card)
    assert "1 with flaws" in page


def test_what_the_builder_says_is_shown_with_the_quiz(tmp_path: Path) -> None:
    browser = client(tmp_path)
    long_sentence = "The river " + "flows and bends " * 200 + "to the sea"
    text = f"Rivers\n\nThe Nile is the longest river in Africa. {long_sentence}\n".encode()
    assert upload(browser, "rivers.txt", text)[0] == 303
    response = browser.post("/quiz/rivers/build", data={"revision": "0", **SETTINGS})
    assert response.status_code == 200
    assert "What the builder said" in response.text
    assert "Left out 1 sentence too long to ask about" in response.text


def test_pdf_downloads_are_greyed_out_where_nothing_can_print_them(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quizgen.studio.app.can_print", lambda: False)
    folder = tmp_path / "studio"
    shutil.copytree(built, folder)
    page = client(folder).get(f"/quiz/{QUIZ_ID}").text
    assert '<option value="worksheet-pdf" disabled>Worksheet (PDF): needs Chromium and Playwright</option>' in page
    assert '<option value="worksheet-html">Worksheet (HTML)</option>' in page


def test_a_quiz_file_broken_by_hand_is_named_with_what_is_wrong(studio: tuple[TestClient, Path]) -> None:
    browser, folder = studio
    path = folder / f"{QUIZ_ID}.quiz.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["items"][0]["question" if "question" in data["items"][0] else "explanation"] = 5
    path.write_text(json.dumps(data), encoding="utf-8")
    home = browser.get("/")
    assert home.status_code == 200
    assert "cannot be read" in home.text and "items[0]" in home.text
    review = browser.get(f"/quiz/{QUIZ_ID}")
    assert review.status_code == 400 and "items[0]" in review.text


ALL_TYPES = {f"type-{name}": "1" for name in ITEM_CLASSES}


@pytest.fixture(scope="module")
def several_facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A studio folder with the water cycle and French Revolution seeds made with every kind of item."""
    folder = tmp_path_factory.mktemp("several") / "studio"
    browser = client(folder)
    for name in ("water_cycle.txt", "french_revolution.txt"):
        assert upload(browser, name, (SEEDS / name).read_bytes())[0] == 303
        quiz_id = name.removesuffix(".txt").replace("_", "-")
        data = {"revision": "0", **{**SETTINGS, "max_items": "20"}, **ALL_TYPES}
        assert browser.post(f"/quiz/{quiz_id}/build", data=data, follow_redirects=False).status_code == 303
    return folder


def items_of(folder: Path, kind: type) -> list[tuple[str, Item]]:
    found = []
    for path in sorted(folder.glob("*.quiz.json")):
        quiz = load_quiz(path)
        found += [(quiz.id, item) for item in quiz.items if isinstance(item, kind)]
    return found


def test_every_kind_of_item_is_shown_and_edited(several_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "studio"
    shutil.copytree(several_facts, folder)
    browser = client(folder)
    kinds = {Matching: "Matching", Ordering: "Put in order", MultipleAnswer: "Select all that apply"}
    for kind, label in kinds.items():
        found = items_of(folder, kind)
        assert found, f"no {kind.__name__} item was made from the seeds"
        quiz_id, item = found[0]
        page = browser.get(f"/quiz/{quiz_id}").text
        card = page[page.index(f'id="item-{item.id}"') :]
        card = card[: card.index("</article>")]
        assert label in card
        fields = _fields_of(card)
        notes = json.loads((folder / ".studio" / f"{quiz_id}.json").read_text(encoding="utf-8"))
        fields["revision"] = str(notes["revision"])
        first_text = next(name for name in fields if name.startswith(("pair-0-left", "event-0", "option-A")))
        fields[first_text] = "Edited by the teacher"
        url = f"/quiz/{quiz_id}/item/{item.id}/edit"
        response = browser.post(url, data=fields, headers={"accept": "application/json"})
        assert response.status_code == 200, response.text
        saved = next(i for i in load_quiz(folder / f"{quiz_id}.quiz.json").items if i.id == item.id)
        assert "Edited by the teacher" in json.dumps(item_to_json(saved))
        assert "regenerate" not in card


def test_a_multiple_answer_item_needs_a_right_answer(several_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "studio"
    shutil.copytree(several_facts, folder)
    browser = client(folder)
    quiz_id, item = items_of(folder, MultipleAnswer)[0]
    assert isinstance(item, MultipleAnswer)
    notes = json.loads((folder / ".studio" / f"{quiz_id}.json").read_text(encoding="utf-8"))
    fields = {"revision": str(notes["revision"]), "question": item.question}
    fields |= {f"option-{option.id}": option.text for option in item.options}
    response = browser.post(f"/quiz/{quiz_id}/item/{item.id}/edit", data=fields, headers={"accept": "application/json"})
    assert response.status_code == 400 and "at least one option" in response.json()["error"]
    fields |= {f"right-{option.id}": "1" for option in item.options[:1]}
    response = browser.post(f"/quiz/{quiz_id}/item/{item.id}/edit", data=fields, headers={"accept": "application/json"})
    assert response.status_code == 200
    saved = next(i for i in load_quiz(folder / f"{quiz_id}.quiz.json").items if i.id == item.id)
    assert isinstance(saved, MultipleAnswer) and saved.answers == (item.options[0].id,)


def _fields_of(card: str) -> dict[str, str]:
    """The values the card's edit form would send as it stands (text fields, textareas, ticked boxes)."""
    import html

    form = card[card.index('class="edit"') : card.index("</form>")]
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="text"[^>]*name="([^"]+)" value="([^"]*)"', form)
    }
    fields |= {
        name: html.unescape(value)
        for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', form)
    }
    fields |= dict.fromkeys(re.findall(r'type="checkbox"[^>]*name="([^"]+)" value="1" checked', form), "1")
    return fields
