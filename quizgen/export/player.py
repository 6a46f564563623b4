"""Exporter for the embeddable quiz player: one self-contained HTML file per quiz.

The page (``templates/player/``) carries its CSS and JavaScript inline and the
quiz as its JSON quiz file in a ``<script type="application/json">`` block, so
it needs no network and no build step. The script builds every element with
``textContent``, never ``innerHTML``, so document text is never read as HTML.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from quizgen.export import ExportOptions
from quizgen.export.lms import PerQuizExporter
from quizgen.export.templating import render_template, template_environment
from quizgen.model import Quiz
from quizgen.quizfile import dumps
from quizgen.resources import default_templates_dir

TEMPLATE_FOLDER = "player"
"""The player's folder inside ``templates/``: ``player.html``, ``player.css``, ``player.js``."""

PAGE = "player.html"

# JSON may hold "</script>" or "<!--"; as \u escapes these characters cannot end or disturb the element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def embedded_json(quiz: Quiz) -> Markup:
    """The quiz's JSON file, validated, with ``<``, ``>`` and ``&`` escaped so it can sit inside ``<script>``."""
    return Markup(dumps(quiz).translate(_SCRIPT_SAFE))


def load_templates(folder: Path | None) -> jinja2.Environment:
    """The player's templates, autoescaping everything.

    Each file is looked up in ``folder/player/``, then ``folder`` itself
    (``--templates``), then the bundled ``templates/player/``, so a teacher may
    replace just the stylesheet.
    """
    bundled = default_templates_dir() / TEMPLATE_FOLDER
    return template_environment([folder / TEMPLATE_FOLDER, folder, bundled] if folder is not None else [bundled])


def render_player(quiz: Quiz, templates: Path | None = None) -> str:
    """The player page for ``quiz``."""
    context = {"title": quiz.title, "quiz_json": embedded_json(quiz)}
    return render_template(load_templates(templates), PAGE, context, "player template")


class PlayerExporter(PerQuizExporter):
    """Writes ``<quiz id>.player.html`` for each quiz."""

    name = "player"
    description = "self-contained HTML quiz player per document, to embed in an LMS page"
    suffix = ".player.html"

    def render(self, quiz: Quiz, options: ExportOptions) -> str:
        """The player page for ``quiz``."""
        return render_player(quiz, options.templates)
