"""Exporter for the JSON quiz file, quizgen's own editable format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizgen.export import ExportOptions
from quizgen.export.files import write_atomic
from quizgen.model import Quiz
from quizgen.quizfile import dumps


class JsonQuizExporter:
    """Writes ``<quiz id>.quiz.json`` for each quiz, validated against the schema."""

    name = "json"
    description = "JSON quiz file per document (editable; re-export with `quizgen export`)"
    options_type = ExportOptions

    def __init__(self, options: ExportOptions | None = None) -> None:
        self.options = options or ExportOptions()

    def export(self, quizzes: Sequence[Quiz], out_dir: Path) -> list[Path]:
        """Write one JSON quiz file per quiz."""
        return [write_atomic(out_dir / f"{quiz.id}.quiz.json", dumps(quiz)) for quiz in quizzes]
