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
from quizgen.export.each import PerQuizExporter
from quizgen.export.templating import render_template, template_environment
from quizgen.model import Quiz
from quizgen.quizfile import dumps

TEMPLATE_FOLDER = "player"
"""The player's folder inside ``templates/``: ``player.html``, ``player.css``, ``player.js``."""

PAGE = "player.html"

# JSON may hold "</script>" or "<!--"; as \u escapes these characters cannot end or disturb the element.
# (str.replace, one character after the other: no escape holds another's character, and str.translate
# with a mapping costs as much as writing the whole JSON file.)
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def embedded_json(quiz: Quiz) -> Markup:
    """The quiz's JSON file, validated, with ``<``, ``>`` and ``&`` escaped so it can sit inside ``<script>``."""
    text = dumps(quiz)
    for character, escape in _SCRIPT_SAFE:
        text = text.replace(character, escape)
    return Markup(text)


def load_templates(folder: Path | None) -> jinja2.Environment:
    """The player's templates (found by the one template search), autoescaping everything."""
    return template_environment(TEMPLATE_FOLDER, folder)


def render_player(quiz: Quiz, templates: Path | None = None, environment: jinja2.Environment | None = None) -> str:
    """The player page for ``quiz`` (``environment``: the templates already loaded, else they are loaded)."""
    context = {"title": quiz.title, "quiz_json": embedded_json(quiz)}
    return render_template(environment or load_templates(templates), PAGE, context, "player template")


class PlayerExporter(PerQuizExporter):
    """Writes ``<quiz id>.player.html`` for each quiz (the templates loaded and compiled once per export)."""

    name = "player"
    description = "self-contained HTML quiz player per document, to embed in an LMS page"
    suffix = ".player.html"

    def __init__(self, options: ExportOptions | None = None) -> None:
        super().__init__(options)
        self._environment: jinja2.Environment | None = None

    def render(self, quiz: Quiz) -> str:
        """The player page for ``quiz``."""
        if self._environment is None:
            self._environment = load_templates(self.options.templates)
        return render_player(quiz, environment=self._environment)
