"""Errors that quizgen reports to the user as one clear line."""

from __future__ import annotations

from pathlib import Path


class QuizgenError(Exception):
    """A problem the user can fix; the CLI prints it without a traceback."""


class InputError(QuizgenError):
    """A file that cannot be read as a document or quiz."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem
