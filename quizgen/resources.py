"""Where the files that ship with quizgen are found."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import QuizgenError

_PACKAGE = Path(__file__).parent


def default_templates_dir() -> Path:
    """The bundled ``templates/`` folder.

    An installed wheel has it inside the package; a source checkout (and an
    editable install of it) has it beside the package, at the project's top level.
    """
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise QuizgenError("the bundled templates folder is missing; reinstall quizgen")
