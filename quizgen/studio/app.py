"""The studio's pages and actions: Starlette routes over :class:`~quizgen.studio.store.Studio`.

Every page is rendered on the server from ``templates/studio/``; every action is a plain form post
that works without JavaScript (it redirects back to the page). ``studio.js`` only sends the same
forms in the background, so the page keeps its place, and says in a live region what was saved. No
question is made here: the library's functions read, build, revise, check and export.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from quizgen.check import Finding, check_quiz
from quizgen.errors import QuizgenError
from quizgen.export import ExportFailed, get_exporter
from quizgen.export.files import zip_bytes
from quizgen.export.templating import read_template, render_template, template_environment
from quizgen.generate import BuildOptions, ItemReviser, QuizBuilder, item_reviser
from quizgen.model import ITEM_CLASSES, Document, Item, MultipleChoice, Quiz
from quizgen.studio.edits import OWN_SECTION, edited, own_item, with_option
from quizgen.studio.security import MAX_UPLOAD_FILES, PREVIEW_POLICY, Guard, TooLarge
from quizgen.studio.store import NoSuchQuiz, Project, Settings, StaleRevision, Studio, StudioError, with_item
from quizgen.studio.views import document_blocks, item_view

_LABELS = {
    "mcq": "Multiple choice",
    "cloze": "Fill in the blank",
    "tf": "True or false",
    "matching": "Matching",
    "ordering": "Put in order",
    "ma": "Select all that apply",
}
TYPE_LABELS = {name: _LABELS.get(name, name) for name in ITEM_CLASSES}
"""The kinds of item the setup offers: every one the model has (``--types`` names), in its words."""

DOWNLOADS: list[tuple[str, str]] = [
    ("worksheet-pdf", "Worksheet (PDF)"),
    ("key-pdf", "Answer key (PDF)"),
    ("worksheet-html", "Worksheet (HTML)"),
    ("key-html", "Answer key (HTML)"),
    ("anki", "Anki deck (.apkg)"),
    ("player", "Quiz player (HTML)"),
    ("qti", "QTI 1.2 (Canvas, Blackboard… .zip)"),
    ("moodle", "Moodle XML"),
    ("gift", "GIFT (Moodle)"),
    ("json", "JSON quiz file"),
    ("kahoot", "Kahoot! (.xlsx)"),
    ("quizizz", "Wayground / Quizizz (.xlsx)"),
    ("blooket", "Blooket (.csv)"),
    ("gimkit", "Gimkit (.csv)"),
    ("quizlet", "Quizlet (.txt)"),
    ("blackboard", "Blackboard Learn (.txt)"),
    ("brightspace", "Brightspace (.csv)"),
]
"""What the download menu offers: the worksheet's pages one by one, then every format quizgen writes."""

_PAGES = {
    "worksheet-pdf": ".worksheet.pdf",
    "key-pdf": ".key.pdf",
    "worksheet-html": ".worksheet.html",
    "key-html": ".key.html",
}
"""The downloads that are some of the worksheet exporter's files, by how their names end."""

DONE = {
    "accept": "Item accepted.",
    "reject": "Item rejected: it is left out of every download (restore it from the list below).",
    "restore": "The item is back in the quiz, at the end.",
    "edit": "Item saved.",
    "swap": "Option swapped.",
    "regenerate": "The item was regenerated.",
    "add": "Your item was added at the end of the quiz.",
}
"""What the page says after each action when it was posted without the page's script (the script
says more: which item, which option). Only these are shown, so a link cannot make the page say anything."""

Handler = Callable[[Request, FormData], Response]
Endpoint = Callable[[Request], Awaitable[Response]]


class StudioApp:
    """The routes of one studio folder."""

    def __init__(self, folder: Path) -> None:
        self.studio = Studio(folder)
        self.templates = template_environment("studio", None, trim=True)
        self._revisers: dict[tuple[str, str, Settings], ItemReviser] = {}
        self._build_lock = threading.Lock()
        self.pdf = can_print()
        """Whether worksheets can be printed to PDF here (Playwright and the system's Chromium)."""

    # --- pages --------------------------------------------------------------------------------------

    def home(self, request: Request, form: FormData) -> Response:
        """The start page: bring documents, and every quiz made before."""
        return self.home_with([], 200)

    def setup(self, request: Request, form: FormData) -> Response:
        """How the document was read, and the quiz's settings."""
        project = self._project(request)
        document = self.studio.document(project)
        return self.page("setup.html", project=project, document=document, types=TYPE_LABELS, problem=None)

    def review(self, request: Request, form: FormData) -> Response:
        """Every item beside its source sentence, to accept, reject, edit, swap, regenerate or add to."""
        project = self._project(request)
        if project.quiz is None:
            return RedirectResponse(f"/quiz/{project.id}/setup", status_code=303)
        saved = DONE.get(request.query_params.get("done", ""), "")
        return self.page("review.html", saved=saved, **self._review_context(project))

    def _review_context(self, project: Project) -> dict[str, Any]:
        assert project.quiz is not None
        document = self.studio.document(project)
        quiz = project.quiz
        flaws: dict[str, list[Finding]] = {}
        for finding in check_quiz(quiz):
            flaws.setdefault(finding.item_id, []).append(finding)
        views = [
            item_view(item, number, _status(project, item), tuple(flaws.get(item.id, ())))
            for number, item in enumerate(quiz.items, 1)
        ]
        reviser = self._reviser(project, document)
        choices = [item for item in quiz.items if isinstance(item, MultipleChoice)]
        candidates = {item.id: reviser.option_candidates(item) for item in choices}
        return {
            "project": project,
            "quiz": quiz,
            "items": views,
            "rejected": [item_view(item, number, "rejected") for number, item in enumerate(project.rejected, 1)],
            "candidates": candidates,
            "blocks": document_blocks(document, list(quiz.items)),
            "downloads": DOWNLOADS,
            "pdf": self.pdf,
            "own_section": OWN_SECTION,
        }

    def preview(self, request: Request, form: FormData) -> Response:
        """The worksheet, answer key or player as it will print or play, for a frame or a new tab."""
        project = self._project(request)
        what = request.path_params["what"]
        suffix = {"worksheet": ".worksheet.html", "key": ".key.html", "player": ".player.html"}.get(what)
        if suffix is None or project.quiz is None:
            return self.error(404, "There is no such preview.")
        fmt = "player" if what == "player" else "html"
        files = self._export([project], fmt, {**_export_settings(project.settings), "versions": 1})
        page = next(data for name, data in files if name.endswith(suffix))
        headers = {"content-security-policy": PREVIEW_POLICY}
        return Response(page, media_type="text/html; charset=utf-8", headers=headers)

    def download(self, request: Request, form: FormData) -> Response:
        """One format (``?target=``) of one quiz (``/quiz/ID/download``) or of every quiz (``/download``)."""
        target = request.query_params.get("target", "")
        if target not in dict(DOWNLOADS):
            return self.error(404, f"There is no download called {target!r}.")
        if "quiz_id" in request.path_params:
            projects = [self._project(request)]
            name = projects[0].id
            settings = projects[0].settings
        else:
            projects = [project for project in self.studio.projects() if project.quiz is not None]
            name, settings = "quizgen-studio", Settings()
        if not projects or any(project.quiz is None for project in projects):
            return self.error(404, "Make a quiz first: there is nothing to download yet.")
        fmt = "html" if target in _PAGES else target
        export_settings = {**_export_settings(settings), "pdf": target.endswith("-pdf")}
        files = self._export(projects, fmt, export_settings)
        if target in _PAGES:
            files = [(file, data) for file, data in files if file.endswith(_PAGES[target])]
        return _attachment(files, f"{name}-{target}")

    # --- actions ------------------------------------------------------------------------------------

    def upload(self, request: Request, form: FormData) -> Response:
        """Keep and read the documents chosen, dropped or pasted; then set up the first one."""
        uploads: list[tuple[str, bytes]] = []
        for value in form.getlist("files"):
            if isinstance(value, UploadFile) and value.filename:
                uploads.append((value.filename, value.file.read()))
        pasted = str(form.get("text") or "").strip()
        if pasted:
            title = str(form.get("name") or "").strip() or pasted.splitlines()[0][:60]
            uploads.append((f"{title}.txt", pasted.encode("utf-8")))
        if not uploads:
            return self.home_with([("", "Choose a .txt or .md file, or paste your text, first.")], 400)
        added, problems = [], []
        for file_name, data in uploads:
            try:
                added.append(self.studio.add_document(file_name, data)[0])
            except QuizgenError as error:
                problems.append((file_name, _without_folder(str(error), self.studio.documents)))
        if problems:
            return self.home_with(problems, 400 if not added else 200)
        if len(added) == 1:
            return RedirectResponse(f"/quiz/{added[0].id}/setup", status_code=303)
        return RedirectResponse("/", status_code=303)

    def home_with(self, problems: list[tuple[str, str]], status: int) -> Response:
        """The start page with what went wrong in an upload."""
        context = {"projects": self.studio.projects(), "problems": problems, "downloads": DOWNLOADS, "pdf": self.pdf}
        return self.page("home.html", status=status, **context)

    def build(self, request: Request, form: FormData) -> Response:
        """Make the quiz with the settings chosen (replacing the items of an earlier one)."""
        try:
            settings = _settings(form)
        except StudioError as error:
            project = self._project(request)
            document = self.studio.document(project)
            context = {"project": project, "document": document, "types": TYPE_LABELS, "problem": str(error)}
            return self.page("setup.html", status=400, **context)
        with self.studio.change(request.path_params["quiz_id"], _revision(form)) as project:
            document = self.studio.document(project)
            with self._build_lock:
                builder = QuizBuilder(_build_options(settings))
                builder.add([document])
                built = builder.build()
            (project.quiz,) = built.quizzes
            project.notes = [_without_file(note, project.document_file) for note in built.notes]
            project.settings, project.accepted, project.rejected = settings, set(), []
        return RedirectResponse(f"/quiz/{project.id}", status_code=303)

    def item_action(self, request: Request, form: FormData) -> Response:
        """Accept, reject, restore, edit, swap an option of, or regenerate one item."""
        action, item_id = request.path_params["action"], request.path_params["item_id"]
        with self.studio.change(request.path_params["quiz_id"], _revision(form)) as project:
            message = self._apply(project, action, item_id, _fields(form))
        return self._done(request, project, message, item_id, action)

    def add_item(self, request: Request, form: FormData) -> Response:
        """Add an item the teacher wrote, at the end of the quiz."""
        with self.studio.change(request.path_params["quiz_id"], _revision(form)) as project:
            quiz = _quiz(project)
            item = own_item(project.id, project.own_items + 1, _fields(form))
            project.own_items += 1
            project.quiz = replace(quiz, items=(*quiz.items, item))
            project.accepted.add(item.id)
        return self._done(request, project, DONE["add"], item.id, "add")

    def _apply(self, project: Project, action: str, item_id: str, form: dict[str, str]) -> str:
        quiz = _quiz(project)
        if action == "restore":
            item = next((item for item in project.rejected if item.id == item_id), None)
            if item is None:
                raise StudioError("That item is not among the rejected ones (it may have been restored already).")
            project.rejected.remove(item)
            project.quiz = replace(quiz, items=(*quiz.items, item))
            return DONE["restore"]
        item = next((item for item in quiz.items if item.id == item_id), None)
        if item is None:
            raise StudioError("That item is no longer in the quiz (it may have been changed in another tab).")
        if action == "accept":
            project.accepted.add(item.id)
            return f"Item {quiz.items.index(item) + 1} accepted."
        if action == "reject":
            project.quiz = replace(quiz, items=tuple(other for other in quiz.items if other is not item))
            project.rejected.append(item)
            project.accepted.discard(item.id)
            return DONE["reject"]
        new = self._changed(project, item, action, form)
        project.quiz = with_item(quiz, item, new)
        if new.id != item.id:
            project.accepted.discard(item.id)
        number = quiz.items.index(item) + 1
        if action == "swap":
            return f"Option swapped: item {number} now offers “{form.get('candidate', '').strip()}”."
        return f"Item {number} saved." if action == "edit" else f"Item {number} was regenerated."

    def _changed(self, project: Project, item: Item, action: str, form: dict[str, str]) -> Item:
        if action == "edit":
            return edited(item, form)
        if action == "swap":
            if not isinstance(item, MultipleChoice):
                raise StudioError("Only a multiple-choice item has options to swap.")
            return with_option(item, form.get("option", ""), form.get("candidate", ""))
        if action == "regenerate":
            quiz = _quiz(project)
            reviser = self._reviser(project, self.studio.document(project))
            taken = {other.id for other in quiz.items if other is not item} | {other.id for other in project.rejected}
            new = reviser.rebuild_item(item, taken)
            if new is None:
                raise StudioError("The builder can make no other item from this sentence; edit it or reject it.")
            return new
        raise StudioError(f"Unknown action {action!r}.")

    def _done(self, request: Request, project: Project, message: str, item_id: str, action: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"ok": True, "message": message, "revision": project.revision})
        return RedirectResponse(f"/quiz/{project.id}?done={quote(action)}#item-{item_id}", status_code=303)

    # --- helpers ------------------------------------------------------------------------------------

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """The template ``name`` rendered with ``context``."""
        return HTMLResponse(render_template(self.templates, name, context, "studio template"), status_code=status)

    def error(self, status: int, message: str, request: Request | None = None) -> Response:
        """A page, or a JSON answer for the page's script, that says what went wrong."""
        if request is not None and _wants_json(request):
            return JSONResponse({"ok": False, "error": message, "stale": status == 409}, status_code=status)
        return self.page("error.html", status=status, message=message, stale=status == 409)

    def _project(self, request: Request) -> Project:
        return self.studio.load(request.path_params["quiz_id"])

    def _reviser(self, project: Project, document: Document) -> ItemReviser:
        key = (project.id, document.source.sha256, project.settings)
        if key not in self._revisers:
            with self._build_lock:
                self._revisers[key] = item_reviser(document, _build_options(project.settings))
        return self._revisers[key]

    def _export(self, projects: Sequence[Project], fmt: str, settings: dict[str, Any]) -> list[tuple[str, bytes]]:
        quizzes = [_quiz(project) for project in projects]
        inputs = tuple(self.studio.document_path(project) for project in projects)
        with tempfile.TemporaryDirectory(prefix="quizgen-studio-") as folder:
            try:
                get_exporter(fmt, {**settings, "inputs": inputs}).export(quizzes, Path(folder))
            except ExportFailed as error:
                raise StudioError(f"Some of it could not be written: {error}") from None
            written = sorted(path for path in Path(folder).rglob("*") if path.is_file())
            return [(str(path.relative_to(folder)), path.read_bytes()) for path in written]

    def static(self, request: Request, form: FormData) -> Response:
        """The page's own stylesheet and script."""
        name = request.path_params["name"]
        media = {"studio.css": "text/css", "studio.js": "text/javascript"}.get(name)
        if media is None:
            return self.error(404, "No such file.")
        return Response(read_template("studio", name, None), media_type=f"{media}; charset=utf-8")


def create_app(folder: Path, hosts: Sequence[str]) -> Guard:
    """The studio for ``folder``, answering only at ``hosts`` (``host:port`` as browsers send them)."""
    app = StudioApp(folder)

    def guarded(handler: Handler) -> Endpoint:
        async def run(request: Request) -> Response:
            try:
                form = await _form(request) if request.method == "POST" else FormData()
                return await run_in_threadpool(handler, request, form)
            except StaleRevision as error:
                return app.error(409, str(error), request)
            except NoSuchQuiz:
                return app.error(404, "There is no such quiz in this studio folder.", request)
            except TooLarge as error:
                return app.error(413, str(error), request)
            except QuizgenError as error:
                return app.error(400, str(error), request)

        return run

    routes = [
        Route("/", guarded(app.home)),
        Route("/documents", guarded(app.upload), methods=["POST"]),
        Route("/static/{name}", guarded(app.static)),
        Route("/download", guarded(app.download)),
        Route("/quiz/{quiz_id}", guarded(app.review)),
        Route("/quiz/{quiz_id}/setup", guarded(app.setup)),
        Route("/quiz/{quiz_id}/build", guarded(app.build), methods=["POST"]),
        Route("/quiz/{quiz_id}/items", guarded(app.add_item), methods=["POST"]),
        Route("/quiz/{quiz_id}/item/{item_id}/{action}", guarded(app.item_action), methods=["POST"]),
        Route("/quiz/{quiz_id}/preview/{what}", guarded(app.preview)),
        Route("/quiz/{quiz_id}/download", guarded(app.download)),
    ]
    return Guard(Starlette(routes=routes), hosts)


async def _form(request: Request) -> FormData:
    try:
        return await request.form(max_files=MAX_UPLOAD_FILES, max_fields=200)
    except TooLarge:
        raise
    except Exception as error:  # python-multipart's and Starlette's own complaints about a broken form
        raise StudioError(f"The form could not be read ({error}).") from None


def _fields(form: FormData) -> dict[str, str]:
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _revision(form: FormData) -> int:
    value = form.get("revision")
    if not isinstance(value, str) or not value.isdigit():
        raise StudioError("The page sent no revision; reload it and try again.")
    return int(value)


def _settings(form: FormData) -> Settings:
    types = tuple(name for name in ITEM_CLASSES if form.get(f"type-{name}"))
    if not types:
        raise StudioError("Choose at least one kind of item.")
    numbers = {}
    for name, low, high in (("max_items", 1, 300), ("seed", 0, 2**31 - 1), ("versions", 1, 26)):
        value = str(form.get(name) or "").strip()
        if not value.isdigit() or not low <= int(value) <= high:
            raise StudioError(f"{name.replace('_', ' ').capitalize()} must be a whole number from {low} to {high}.")
        numbers[name] = int(value)
    paper = str(form.get("paper") or "a4")
    if paper not in ("a4", "letter"):
        raise StudioError("Paper size must be A4 or Letter.")
    return Settings(types=types, paper=paper, **numbers)


def _build_options(settings: Settings) -> BuildOptions:
    types = frozenset(ITEM_CLASSES[name] for name in settings.types)
    return BuildOptions(seed=settings.seed, max_items=settings.max_items, types=types)


def _export_settings(settings: Settings) -> dict[str, Any]:
    return {"seed": settings.seed, "paper": settings.paper, "versions": settings.versions, "pdf": False}


def _status(project: Project, item: Item) -> str:
    return "accepted" if item.id in project.accepted else "new"


def _quiz(project: Project) -> Quiz:
    if project.quiz is None:
        raise StudioError("Make the quiz first (Set up, then Make the quiz).")
    return project.quiz


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _without_folder(message: str, folder: Path) -> str:
    """A reader's message without the studio's own folder in it (the teacher knows the file by its name)."""
    return message.replace(f"{folder}/", "")


def _without_file(note: str, file_name: str) -> str:
    """A builder's note without the file name it starts with (the page is about that one document)."""
    rest = note.removeprefix(f"{file_name}: ")
    return rest[:1].upper() + rest[1:]


def _attachment(files: list[tuple[str, bytes]], name: str) -> Response:
    if not files:
        raise StudioError("Nothing was written in that format.")
    if len(files) == 1:
        file_name, data = files[0]
        file_name = Path(file_name).name
    else:
        file_name, data = f"{name}.zip", zip_bytes(files)
    disposition = f"attachment; filename*=UTF-8''{quote(file_name)}"
    return Response(data, media_type="application/octet-stream", headers={"content-disposition": disposition})


def can_print() -> bool:
    """Whether the worksheet exporter can print PDFs: Playwright is installed and Chromium found."""
    from quizgen.export.pdf import find_chromium

    try:
        import playwright.sync_api  # noqa: F401

        find_chromium()
    except (ImportError, QuizgenError):
        return False
    return True
