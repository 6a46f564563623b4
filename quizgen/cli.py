"""The ``quizgen`` command line: it only wires read -> build -> export together."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TypeVar

import click

from quizgen import __version__
from quizgen.errors import QuizgenError
from quizgen.export import ExportFailed, available_formats, get_exporter, item_notes, note_lines
from quizgen.export.files import remove_stale_temporaries
from quizgen.model import ITEM_CLASSES, Document, ItemClass, Quiz
from quizgen.report import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_SOME_FAILED, Report

PROGRESS_FROM = 10
"""Show a progress bar from this many documents on."""

EXIT_CODES_HELP = """\b
Exit codes:
  0  every input was built and written
  1  an input or output failed (the others were still written)
  2  the command line was wrong (unknown option or format)
  3  internal error (a bug: please report it)
  130  interrupted (Ctrl-C or SIGTERM)"""


def _fail(message: str, code: int = EXIT_SOME_FAILED) -> NoReturn:
    _say(f"quizgen: error: {terminal_safe(message)}")
    sys.exit(code)


# Control characters (and line and bidirectional-text breaks) from a document or a file name would act
# on the terminal: change its title, write the clipboard (OSC 52), forge a second message line.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every character that would act on a terminal shown as an escape (``\\x1b``);
    line breaks too, unless ``text`` is several lines quizgen laid out itself (then see :func:`_say`)."""
    return _TERMINAL_UNSAFE.sub(_escaped, text).replace("\n", "\\n")


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def _say(message: str, *, err: bool = True) -> None:
    """Print ``message`` (lines quizgen laid out, each made :func:`terminal_safe`)."""
    click.echo("\n".join(terminal_safe(line) for line in message.split("\n")), err=err)


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
        previous = _on_sigterm(_interrupt)
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
        finally:
            _on_sigterm(previous)


SignalHandler = Callable[[int, FrameType | None], Any] | int | None


def _interrupt(_signal: int, _frame: FrameType | None) -> NoReturn:
    """SIGTERM (from ``timeout``, systemd, CI) stops a run as Ctrl-C does: temporary files removed, exit 130."""
    raise KeyboardInterrupt


def _on_sigterm(handler: SignalHandler) -> SignalHandler:
    """Handle SIGTERM with ``handler`` (from the main thread only, where Python allows it); the one before."""
    if threading.current_thread() is not threading.main_thread() or handler is None:
        return None
    return signal.signal(signal.SIGTERM, handler)


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
    default=",".join(ITEM_CLASSES),
    show_default=True,
    callback=_item_types,
    help="Item types to build: mcq (multiple choice), cloze, tf (true/false), and at most one each per document "
    "of matching, ordering, ma (multiple answer: select all that apply).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes that build quizzes at once (each document in one of them); 0 uses every core.",
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
    from quizgen.read import find_documents

    out_dir, formats = settings.pop("out_dir"), settings.pop("formats")
    paths = list(find_documents(inputs or (Path("seeds"),), skip=(out_dir,)))
    if not paths:
        _fail(f"no documents (.txt, .md) found in {', '.join(map(str, inputs))}")
    report = Report()
    documents, sources = _read_all(paths, report)
    builder = QuizBuilder(BuildOptions(seed=settings["seed"], max_items=max_items, types=types))
    try:
        with _progress(len(documents), "Building") as advance:
            builder.add(documents, jobs or os.cpu_count() or 1, done=advance)
        built = builder.build()
    except QuizgenError as error:
        _fail(str(error))
    for note in built.notes:
        report.note(note)
    _export(built.quizzes, out_dir, formats, _export_settings(settings, paths), report, sources)
    _finish(report, out_dir, formats)


def _read_all(paths: Iterable[Path], report: Report) -> tuple[list[Document], dict[str, Path]]:
    """Every document that could be read, and the input file of each by its id; each one that could not
    is reported."""
    from quizgen.read import read_document

    documents = _each_unique(paths, read_document, report, "has the same file name as")
    return [document for _, document in documents], {document.id: path for path, document in documents}


Identified = TypeVar("Identified", Document, Quiz)


def _each_unique(
    paths: Iterable[Path], read: Callable[[Path], Identified], report: Report, same: str
) -> list[tuple[Path, Identified]]:
    """Each input ``read`` from ``paths`` with its path; one that cannot be read, or whose id an earlier
    one has (so both would be written to the same files), is reported by name and left out."""
    found: list[tuple[Path, Identified]] = []
    paths_by_id: dict[str, Path] = {}
    for path, value in _each_read(paths, read, report):
        if value.id in paths_by_id:
            report.fail(f"{path}: {same} {paths_by_id[value.id]} (both would be written as {value.id!r}); rename one")
            continue
        paths_by_id[value.id] = path
        found.append((path, value))
    return found


def _each_read(
    paths: Iterable[Path], read: Callable[[Path], Identified], report: Report
) -> Iterator[tuple[Path, Identified]]:
    """Each input ``read`` from ``paths`` with its path; one that cannot be read is reported by name."""
    for path in paths:
        try:
            yield path, read(path)
        except QuizgenError as error:
            report.fail(str(error))


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
    from quizgen.quizfile import load_quiz

    loaded = _each_unique(quiz_files, load_quiz, report, "has the same quiz id as")
    quizzes, sources = [quiz for _, quiz in loaded], {quiz.id: path for path, quiz in loaded}
    _export(quizzes, out_dir, formats, _export_settings(settings, quiz_files), report, sources)
    _finish(report, out_dir, formats)


def _export(
    quizzes: Sequence[Quiz],
    out_dir: Path,
    formats: list[str],
    settings: dict[str, Any],
    report: Report,
    sources: Mapping[str, Path],
) -> None:
    """Run each exporter, recording in ``report`` what was written, each quiz that failed, named by its
    input file (``sources``: by quiz id), and each item an exporter left out or shortened."""
    if not quizzes:
        return
    remove_stale_temporaries(out_dir)
    failed: set[str] = set()
    for name in formats:
        try:
            exporter = get_exporter(name, settings)
            exporter.export(quizzes, out_dir)
        except ExportFailed as error:
            for failure in error.failures:
                failed.update(failure.quiz_ids)
                named = [str(sources[quiz_id]) for quiz_id in failure.quiz_ids if quiz_id in sources]
                where = f"{named[0]}: " if len(named) == 1 else ""
                report.fail(f"{where}{failure.problem}")
        except QuizgenError as error:
            failed.update(quiz.id for quiz in quizzes)
            report.fail(str(error))
            continue
        for line in note_lines(item_notes(exporter)):
            report.note(line)
    written = [quiz for quiz in quizzes if quiz.id not in failed]
    report.wrote(len(written), sum(len(quiz.items) for quiz in written))
    report.not_written(len(quizzes) - len(written))


def _finish(report: Report, out_dir: Path, formats: list[str]) -> NoReturn:
    """Print the report's notes, failures and summary line, and exit with its code."""
    for note in report.notes:
        _say(f"quizgen: note: {terminal_safe(note)}")
    for failure in report.failures:
        _say(f"quizgen: error: {terminal_safe(failure)}")
    noun = "quiz" if report.quizzes == 1 else "quizzes"
    summary = f"Wrote {report.quizzes} {noun} ({report.items} items) to {out_dir}/ as {', '.join(formats)}"
    if report.unwritten:
        summary += f"; {report.unwritten} {'quiz' if report.unwritten == 1 else 'quizzes'} failed in some format"
    _say(f"{terminal_safe(summary)}.")
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
        from quizgen.read import read_document

        parsed = read_document(document)
    except QuizgenError as error:
        _fail(str(error))
    _say(_inspect_json(parsed) if as_json else _inspect_text(parsed), err=False)


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
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # JSON escapes C0 controls itself; the rest that would act on a terminal, as valid JSON escapes.
    return _TERMINAL_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _shorten(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


CHECK_EXIT_CODES_HELP = """\b
Exit codes:
  0  no flaw found in any quiz
  1  a flaw was found, or a quiz file could not be read
  2  the command line was wrong
  3  internal error (a bug: please report it)
  130  interrupted (Ctrl-C or SIGTERM)"""


@main.command(epilog=CHECK_EXIT_CODES_HELP)
@click.argument("quiz_files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rules", "list_rules", is_flag=True, help="List the flaws checked, with their codes, and stop.")
def check(quiz_files: tuple[Path, ...], list_rules: bool) -> None:
    """List the item-writing flaws rules can find in JSON quiz files, one line each.

    Any quiz file can be checked, one quizgen built or one a teacher wrote or
    edited by hand; a folder stands for every .quiz.json file in it. Each
    finding is printed as FILE: ITEM ID: FLAW: MESSAGE.

    \b
    Examples:
      quizgen check output/
      quizgen check edited/rocks.quiz.json
      quizgen check --rules
    """
    from quizgen.check import RULES, check_quiz
    from quizgen.quizfile import load_quiz

    if list_rules:
        _say("\n".join(f"{code}: {known.description}" for code, known in RULES.items()), err=False)
        return
    if not quiz_files:
        raise click.UsageError("give at least one QUIZ.json file (or --rules)")
    report, flawed = Report(), set()
    for path, quiz in _each_read(_quiz_paths(quiz_files, report), load_quiz, report):
        findings = check_quiz(quiz)
        for finding in findings:
            _say(f"{path}: {finding.item_id}: {finding.flaw}: {finding.message}", err=False)
        report.flawed(len(findings))
        report.wrote(1, len(quiz.items))
        flawed |= {(path, finding.item_id) for finding in findings}
    for failure in report.failures:
        _say(f"quizgen: error: {failure}")
    _say(_check_summary(report, len(flawed)))
    sys.exit(report.exit_code)


def _quiz_paths(paths: Iterable[Path], report: Report) -> list[Path]:
    """``paths`` with each folder replaced by the ``.quiz.json`` files in it (a folder with none is reported)."""
    found: list[Path] = []
    for path in paths:
        inside = sorted(path.glob("*.quiz.json")) if path.is_dir() else [path]
        if not inside:
            report.fail(f"{path}: no .quiz.json file in this folder")
        found += inside
    return found


def _check_summary(report: Report, flawed_items: int) -> str:
    checked = f"Checked {report.quizzes} {'quiz' if report.quizzes == 1 else 'quizzes'} ({report.items} items)"
    flaws = f"{report.flaws} flaw{'s' if report.flaws != 1 else ''}"
    found = f"{flaws} in {flawed_items} item{'s' if flawed_items != 1 else ''}" if report.flaws else "no flaw found"
    unread = len(report.failures)
    failed = f"; {unread} input{'s' if unread != 1 else ''} could not be read" if unread else ""
    return f"{checked}: {found}{failed}."


@main.command(name="schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) that every JSON quiz file follows."""
    from quizgen.quizfile import schema

    _say(json.dumps(schema(), ensure_ascii=False, indent=2), err=False)


@main.command()
@click.option(
    "--folder",
    default=Path("quizgen-studio"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the documents and quiz files are kept in; created if missing.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port to listen on (default: a free one).")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; only this computer can reach 127.0.0.1. The studio has no login.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    help="Another name the studio may be reached by (a school server's name); repeat for more.",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser.")
def studio(folder: Path, port: int, host: str, allow_hosts: tuple[str, ...], no_browser: bool) -> None:
    """Start quizgen studio: a page in the browser to make, review and download quizzes.

    Everything stays on this computer: documents and quizzes are kept in FOLDER
    (the JSON quiz files `quizgen export` reads). It has no login, so keep it on
    127.0.0.1, or on a trusted network or behind one.

    \b
    Examples:
      quizgen studio
      quizgen studio --folder ~/quizzes --no-browser --port 8765
    """
    from quizgen.studio import serve

    try:
        serve(folder, host, port, open_browser=not no_browser, allow_hosts=allow_hosts, say=_said)
    except QuizgenError as error:
        _fail(str(error))


def _said(line: str) -> None:
    _say(line, err=False)
