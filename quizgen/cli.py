"""The ``quizgen`` command line: it only wires read -> build -> export together."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from quizgen import __version__
from quizgen.errors import QuizgenError
from quizgen.export import available_formats, get_exporter, item_notes
from quizgen.model import ITEM_CLASSES, Document, ItemClass, Quiz
from quizgen.quizfile import load_quiz, schema
from quizgen.read import find_documents, read_document
from quizgen.report import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_SOME_FAILED, Report

PROGRESS_FROM = 10
"""Show a progress bar from this many documents on."""

EXIT_CODES_HELP = """\b
Exit codes:
  0  every input was built and written
  1  an input or output failed (the others were still written)
  2  the command line was wrong (unknown option or format)
  3  internal error (a bug: please report it)
  130  interrupted (Ctrl-C)"""


def _fail(message: str, code: int = EXIT_SOME_FAILED) -> NoReturn:
    click.echo(f"quizgen: error: {message}", err=True)
    sys.exit(code)


def _item_types(_ctx: click.Context, _param: click.Parameter, value: str) -> frozenset[ItemClass]:
    names = frozenset(name.strip() for name in value.split(",") if name.strip())
    unknown = sorted(names - ITEM_CLASSES.keys())
    if unknown or not names:
        choices = ", ".join(ITEM_CLASSES)
        raise click.BadParameter(f"unknown type {', '.join(unknown) or '(none)'}; choose from {choices}")
    return frozenset(ITEM_CLASSES[name] for name in names)


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in available_formats()]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format {', '.join(map(repr, unknown)) or '(none)'}; choose from {', '.join(available_formats())}"
        )
    return list(dict.fromkeys(names))


_EXPORT_OPTIONS = (
    click.option(
        "--out",
        "-o",
        "out_dir",
        default=Path("output"),
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder to write into; created if missing.",
    ),
    click.option(
        "--format",
        "-f",
        "formats",
        default="json",
        show_default=True,
        callback=_formats,
        help="Comma-separated output formats: " + ", ".join(available_formats()) + ".",
    ),
    click.option(
        "--seed",
        default=0,
        show_default=True,
        type=int,
        help="Fixes every random choice (options, true or false, versions): same input and seed, same bytes.",
    ),
    click.option(
        "--templates",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Folder of templates replacing the bundled ones (copy templates/ to start).",
    ),
    click.option(
        "--paper",
        type=click.Choice(["a4", "letter"]),
        default="a4",
        show_default=True,
        help="Paper size of printable worksheets.",
    ),
    click.option(
        "--versions",
        type=click.IntRange(1, 26),
        default=1,
        show_default=True,
        help="Printable versions (A, B, ...) with shuffled questions and options, each with its own key.",
    ),
    click.option("--pdf", is_flag=True, help="Also print worksheets to PDF (needs Chromium)."),
    click.option("--split", is_flag=True, help="One Anki deck file per document instead of one per build."),
)


def _export_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the options every exporting command shares."""
    for option in reversed(_EXPORT_OPTIONS):
        command = option(command)
    return command


def _export_settings(settings: dict[str, Any], inputs: Sequence[Path]) -> dict[str, Any]:
    """The values every exporter picks its own options from (see ``ExportOptions.from_settings``)."""
    return {**settings, "inputs": tuple(inputs)}


class _Commands(click.Group):
    """Turns an unexpected error into one line on stderr, never a traceback (unless QUIZGEN_DEBUG is set)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_INTERRUPTED)
        except Exception as error:
            if os.environ.get("QUIZGEN_DEBUG"):
                raise
            _fail(
                f"internal error ({type(error).__name__}: {error}); "
                "run again with QUIZGEN_DEBUG=1 for details, and please report it",
                EXIT_INTERNAL,
            )


@click.group(cls=_Commands, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="quizgen")
def main() -> None:
    """Turn study texts into quizzes, worksheets and flashcards, offline.

    \b
    Examples:
      quizgen build                       # every document in seeds/ -> output/
      quizgen build notes/ -o quizzes     # a folder of .txt and .md notes
      quizgen inspect notes/cells.md      # see how a document was understood
      quizgen export output/*.quiz.json   # re-export quizzes you edited
    """


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@_export_options
@click.option("--max-items", type=click.IntRange(min=1), help="Keep at most this many items per document.")
@click.option(
    "--types",
    default="mcq,cloze,tf",
    show_default=True,
    callback=_item_types,
    help="Item types to build: mcq (multiple choice), cloze, tf (true/false).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes that analyse documents at once; 0 uses every core.",
)
def build(
    inputs: tuple[Path, ...], max_items: int | None, types: frozenset[ItemClass], jobs: int, **settings: Any
) -> None:
    """Read documents, build a quiz from each, and write it in every format asked for.

    INPUTS are files or folders (default: seeds/). In a folder, every .txt, .md
    and .markdown file is read, except README files. A document that cannot be
    read is reported and skipped; the others are still built.

    \b
    Examples:
      quizgen build
      quizgen build seeds/french_revolution.txt --seed 7
      quizgen build notes/ --out quizzes --max-items 20
    """
    from quizgen.generate import BuildOptions, QuizBuilder

    paths = list(find_documents(inputs or (Path("seeds"),)))
    if not paths:
        _fail(f"no documents (.txt, .md) found in {', '.join(map(str, inputs))}")
    out_dir, formats = settings.pop("out_dir"), settings.pop("formats")
    report = Report()
    documents = _read_all(paths, report)
    builder = QuizBuilder(BuildOptions(seed=settings["seed"], max_items=max_items, types=types))
    try:
        with _progress(len(documents), "Building") as advance:
            builder.add(documents, jobs or os.cpu_count() or 1, done=advance)
        built = builder.build()
    except QuizgenError as error:
        _fail(str(error))
    for note in built.notes:
        report.note(note)
    _export(built.quizzes, out_dir, formats, _export_settings(settings, paths), report)
    _finish(report, out_dir, formats)


def _read_all(paths: Iterable[Path], report: Report) -> list[Document]:
    """Every document that could be read; each one that could not is reported."""
    documents: list[Document] = []
    sources_by_id: dict[str, Path] = {}
    for path in paths:
        try:
            document = read_document(path)
        except QuizgenError as error:
            report.fail(str(error))
            continue
        if document.id in sources_by_id:
            report.fail(
                f"{path}: has the same file name as {sources_by_id[document.id]} "
                f"(both would be written as {document.id!r}); rename one"
            )
            continue
        sources_by_id[document.id] = path
        documents.append(document)
    return documents


@main.command(name="export", epilog=EXIT_CODES_HELP)
@click.argument("quiz_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_export_options
def export_command(quiz_files: tuple[Path, ...], **settings: Any) -> None:
    """Write JSON quiz files (for example after editing them) in other formats.

    \b
    Examples:
      quizgen export output/french-revolution.quiz.json --format json -o edited
      quizgen export output/*.quiz.json --out print
    """
    out_dir, formats = settings.pop("out_dir"), settings.pop("formats")
    report = Report()
    quizzes: list[Quiz] = []
    for path in quiz_files:
        try:
            quizzes.append(load_quiz(path))
        except QuizgenError as error:
            report.fail(str(error))
    _export(quizzes, out_dir, formats, _export_settings(settings, quiz_files), report)
    _finish(report, out_dir, formats)


def _export(
    quizzes: Sequence[Quiz], out_dir: Path, formats: list[str], settings: dict[str, Any], report: Report
) -> None:
    """Run each exporter, recording in ``report`` what was written, what failed, and each item left out or shortened."""
    if not quizzes:
        return
    for name in formats:
        exporter = get_exporter(name, settings)
        try:
            exporter.export(quizzes, out_dir)
        except QuizgenError as error:
            report.fail(str(error))
        for note in item_notes(exporter):
            report.note(str(note))
    report.wrote(len(quizzes), sum(len(quiz.items) for quiz in quizzes))


def _finish(report: Report, out_dir: Path, formats: list[str]) -> NoReturn:
    """Print the report's notes, failures and summary line, and exit with its code."""
    for note in report.notes:
        click.echo(f"quizgen: note: {note}", err=True)
    for failure in report.failures:
        click.echo(f"quizgen: error: {failure}", err=True)
    noun = "quiz" if report.quizzes == 1 else "quizzes"
    click.echo(f"Wrote {report.quizzes} {noun} ({report.items} items) to {out_dir}/ as {', '.join(formats)}.", err=True)
    sys.exit(report.exit_code)


@contextmanager
def _progress(count: int, label: str) -> Iterator[Callable[[object], None]]:
    """A function to call as each of ``count`` things is done: a progress bar from :data:`PROGRESS_FROM` on."""
    if count < PROGRESS_FROM:
        yield lambda _: None
        return
    with click.progressbar(length=count, label=label, file=sys.stderr) as bar:
        yield lambda _: bar.update(1)


@main.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed structure as JSON.")
def inspect(document: Path, as_json: bool) -> None:
    """Show how a document was understood: title, lead, key points, sections.

    Use it to see why a heading was missed or a key point taken for a paragraph.

    \b
    Example:
      quizgen inspect seeds/colombia_soviet_relations.txt
    """
    try:
        parsed = read_document(document)
    except QuizgenError as error:
        _fail(str(error))
    click.echo(_inspect_json(parsed) if as_json else _inspect_text(parsed))


def _inspect_text(document: Document) -> str:
    lines = [f"Title: {document.title}", f"Id:    {document.id}"]
    meta = document.metadata
    for label, value in (("Subject", meta.subject), ("Grade", meta.grade), ("Tags", ", ".join(meta.tags))):
        if value:
            lines.append(f"{label}: {value}")
    lines.append(f"Lead ({len(document.lead.split())} words): {_shorten(document.lead) or '(none)'}")
    lines.append(f"Key points ({len(document.key_points)}):")
    lines += [f"  {number}. {point.text}" for number, point in enumerate(document.key_points, 1)]
    lines.append(f"Sections ({len(document.sections)}):")
    for section in document.sections:
        heading = section.heading if section.heading is not None else "(untitled, before the first heading)"
        count = len(section.paragraphs)
        lines.append(f"  {heading} ({count} paragraph{'s' if count != 1 else ''})")
        lines += [f"      {_shorten(paragraph)}" for paragraph in section.paragraphs]
    return "\n".join(lines)


def _inspect_json(document: Document) -> str:
    data = {
        "id": document.id,
        "title": document.title,
        "lead": document.lead,
        "key_points": [point.text for point in document.key_points],
        "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in document.sections],
        "subject": document.metadata.subject,
        "grade": document.metadata.grade,
        "tags": list(document.metadata.tags),
        "source": {"file": document.source.file, "sha256": document.source.sha256},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _shorten(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@main.command(name="schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) that every JSON quiz file follows."""
    click.echo(json.dumps(schema(), ensure_ascii=False, indent=2))
