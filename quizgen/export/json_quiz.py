"""Exporter for the JSON quiz file, quizgen's own editable format."""

from __future__ import annotations

from quizgen.export.each import PerQuizExporter
from quizgen.model import Quiz
from quizgen.quizfile import dumps


class JsonQuizExporter(PerQuizExporter):
    """Writes ``<quiz id>.quiz.json`` for each quiz, validated against the schema."""

    name = "json"
    description = "JSON quiz file per document (editable; re-export with `quizgen export`)"
    suffix = ".quiz.json"

    def render(self, quiz: Quiz) -> str:
        """The JSON quiz file for ``quiz``."""
        return dumps(quiz)
