"""The studio folder: each document the teacher brought, its JSON quiz file and the studio's notes on it.

Layout of the folder (default ``./quizgen-studio``)::

    documents/<file name>     the document as uploaded or pasted (``quizgen build`` reads it too)
    <quiz id>.quiz.json       the quiz under review: the items kept, as ``quizgen export`` reads it
    .studio/<quiz id>.json    the studio's notes: revision, settings, accepted and rejected items

Every write goes through :func:`~quizgen.export.files.write_atomic`, so a crash never leaves half a
file. Each change raises the quiz's *revision*; a change made against an older revision (a second
tab, a second teacher) is refused with :class:`StaleRevision` instead of silently undoing the other.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quizgen.errors import QuizgenError
from quizgen.export.files import write_atomic
from quizgen.model import ITEM_CLASSES, Document, Item, Quiz, clean_text, slug
from quizgen.quizfile import dumps, load_quiz, quiz_from_json, quiz_to_json
from quizgen.read import DOCUMENT_SUFFIXES, document_id, read_document

NOTES_FOLDER = ".studio"
DOCUMENTS_FOLDER = "documents"
QUIZ_SUFFIX = ".quiz.json"

_ID = re.compile(r"^[a-z0-9_][a-z0-9_-]{0,99}$")
_NAME_PARTS = re.compile(r"[\\/]")


class StudioError(QuizgenError):
    """A request the studio cannot carry out; the message is for the teacher, as it stands."""


class StaleRevision(StudioError):
    """A change was made against an older revision of the quiz than the one saved."""


class NoSuchQuiz(StudioError):
    """No quiz of that id in the studio folder."""


@dataclass(frozen=True)
class Settings:
    """What the teacher set up for a quiz: how it is built and how its worksheets are printed."""

    types: tuple[str, ...] = tuple(ITEM_CLASSES)
    max_items: int = 20
    seed: int = 0
    paper: str = "a4"
    versions: int = 1


@dataclass
class Project:
    """One document in the studio and everything about its quiz (``quiz`` is ``None`` until built)."""

    id: str
    document_file: str
    settings: Settings = field(default_factory=Settings)
    revision: int = 0
    quiz: Quiz | None = None
    accepted: set[str] = field(default_factory=set)
    rejected: list[Item] = field(default_factory=list)
    own_items: int = 0
    """Items the teacher wrote, counted, so each gets an id of its own."""
    notes: list[str] = field(default_factory=list)
    """What the builder said when it made the quiz (items left out, sentences too long)."""
    problem: str | None = None
    """Why the quiz cannot be read (its file was edited by hand and broken), if it cannot."""


class Studio:
    """The studio folder, read and written for the web layer (one :class:`Studio` per server)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    @property
    def documents(self) -> Path:
        """Where the documents are kept."""
        return self.folder / DOCUMENTS_FOLDER

    def projects(self) -> list[Project]:
        """Every quiz in the folder, the most recently changed first; one that cannot be read says why."""
        notes = self.folder / NOTES_FOLDER
        paths = sorted(notes.glob("*.json"), key=lambda path: -path.stat().st_mtime) if notes.is_dir() else []
        found = []
        for path in paths:
            try:
                found.append(self.load(path.stem))
            except QuizgenError as error:
                found.append(Project(id=path.stem, document_file=path.stem, problem=str(error)))
        return found

    def add_document(self, file_name: str, data: bytes) -> tuple[Project, Document]:
        """Keep an uploaded document under a safe name and read it as ``quizgen build`` would.

        The name is cut to its last part (no folder, no ``..``), so it never leads out of the
        documents folder; a name taken by another document gets a number. Raises
        :class:`~quizgen.errors.InputError` (nothing kept) when the document cannot be read.
        """
        name = safe_file_name(file_name)
        path = self._free_path(name)
        write_atomic(path, data)
        try:
            document = read_document(path)
        except QuizgenError:
            path.unlink(missing_ok=True)
            raise
        project = Project(id=document.id, document_file=path.name)
        self._write_notes(project)
        return project, document

    def _free_path(self, name: str) -> Path:
        stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
        for number in range(1, 1000):
            candidate = self.documents / (name if number == 1 else f"{stem}-{number}{suffix}")
            quiz_id = document_id(candidate)
            if not candidate.exists() and not (self.folder / NOTES_FOLDER / f"{quiz_id}.json").exists():
                return candidate
        raise StudioError(f"too many documents named {name}; rename the file")

    def document(self, project: Project) -> Document:
        """The project's document, read again from the studio folder."""
        return read_document(self.documents / project.document_file)

    def document_path(self, project: Project) -> Path:
        """The file the project's document is kept in."""
        return self.documents / project.document_file

    def load(self, quiz_id: str) -> Project:
        """The project ``quiz_id``; :class:`NoSuchQuiz` when there is none."""
        if not _ID.match(quiz_id):
            raise NoSuchQuiz(f"no quiz {quiz_id!r} in {self.folder}")
        notes_path = self.folder / NOTES_FOLDER / f"{quiz_id}.json"
        try:
            notes = json.loads(notes_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NoSuchQuiz(f"no quiz {quiz_id!r} in {self.folder}") from None
        except (OSError, ValueError) as error:
            raise StudioError(f"the studio's notes on {quiz_id} cannot be read ({error})") from None
        project = _project_from_notes(quiz_id, notes)
        quiz_path = self.quiz_path(quiz_id)
        if quiz_path.is_file():
            project.quiz = load_quiz(quiz_path)
        return project

    def quiz_path(self, quiz_id: str) -> Path:
        """The JSON quiz file of ``quiz_id``."""
        return self.folder / f"{quiz_id}{QUIZ_SUFFIX}"

    @contextmanager
    def change(self, quiz_id: str, revision: int | None) -> Iterator[Project]:
        """The project to change in the ``with`` block; saved, one revision on, when the block ends.

        ``revision`` is the one the change was made against; an older one raises
        :class:`StaleRevision` before anything is changed (``None``: no check, for the server's own
        changes). Changes to one quiz are made one at a time.
        """
        with self._lock(quiz_id):
            project = self.load(quiz_id)
            if revision is not None and revision != project.revision:
                raise StaleRevision(
                    "This quiz was changed in another tab or window since this page was loaded, so this "
                    "change was not saved. Reload the page to see the latest version, then make it again."
                )
            yield project
            if project.quiz is not None:
                dumps(project.quiz)  # validates before anything is written
            project.revision += 1
            if project.quiz is not None:
                write_atomic(self.quiz_path(quiz_id), dumps(project.quiz))
            self._write_notes(project)

    def _lock(self, quiz_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(quiz_id, threading.Lock())

    def _write_notes(self, project: Project) -> None:
        write_atomic(self.folder / NOTES_FOLDER / f"{project.id}.json", json.dumps(_notes(project), indent=2) + "\n")


def safe_file_name(file_name: str) -> str:
    """The last part of an uploaded file's name, fit to keep in the documents folder.

    ``../../x.txt`` and ``C:\\Users\\x.txt`` become ``x.txt``; a name with no ending of a document
    (``.txt``, ``.md``, ``.markdown``) is refused, and so is one with nothing left.
    """
    name = clean_text(_NAME_PARTS.split(file_name)[-1]).strip().replace("\n", " ")
    suffix = Path(name).suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise StudioError(f"{name or 'the file'}: the studio reads .txt and .md documents; save it as one of those")
    stem = name[: -len(suffix)].strip(". ")
    if not stem:
        return f"{slug(name)}{suffix}"
    return f"{stem[:100]}{suffix}"


def with_item(quiz: Quiz, old: Item, new: Item) -> Quiz:
    """``quiz`` with ``old`` replaced by ``new`` where it stands."""
    return replace(quiz, items=tuple(new if item is old else item for item in quiz.items))


def _notes(project: Project) -> dict[str, Any]:
    settings = project.settings
    return {
        "revision": project.revision,
        "document": project.document_file,
        "settings": {
            "types": list(settings.types),
            "max_items": settings.max_items,
            "seed": settings.seed,
            "paper": settings.paper,
            "versions": settings.versions,
        },
        "accepted": sorted(project.accepted),
        "rejected": _rejected_json(project),
        "own_items": project.own_items,
        "build_notes": project.notes,
    }


def _project_from_notes(quiz_id: str, notes: dict[str, Any]) -> Project:
    try:
        raw = notes["settings"]
        settings = Settings(
            types=tuple(raw["types"]),
            max_items=int(raw["max_items"]),
            seed=int(raw["seed"]),
            paper=str(raw["paper"]),
            versions=int(raw["versions"]),
        )
        rejected = _rejected_items(notes["rejected"])
        return Project(
            id=quiz_id,
            document_file=safe_file_name(str(notes["document"])),
            settings=settings,
            revision=int(notes["revision"]),
            accepted=set(map(str, notes["accepted"])),
            rejected=rejected,
            own_items=int(notes["own_items"]),
            notes=[str(note) for note in notes.get("build_notes", [])],
        )
    except (KeyError, TypeError, ValueError, QuizgenError) as error:
        raise StudioError(f"the studio's notes on {quiz_id} are damaged ({error})") from None


def _rejected_json(project: Project) -> Any:
    """The rejected items, kept as a quiz of their own so the quiz file's rules check them too."""
    if project.quiz is None or not project.rejected:
        return None
    return quiz_to_json(replace(project.quiz, items=tuple(project.rejected)))


def _rejected_items(data: Any) -> list[Item]:
    return list(quiz_from_json(data).items) if data is not None else []
