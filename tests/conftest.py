"""Shared fixtures: the project's seeds, the shared evaluation corpus, a CLI runner, and headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.errors import QuizgenError
from quizgen.export.pdf import CHROMIUM_ARGS, find_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SHARED = Path(os.environ.get("QUIZGEN_SHARED", PROJECT.parent / "shared"))
CORPUS = SHARED / "eval" / "corpus"
REFERENCE_SEED = SEEDS / "colombia_soviet_relations.txt"


def corpus_files() -> list[Path]:
    """The shared evaluation documents, or an empty list where shared/ is absent."""
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared evaluation corpus not found at {CORPUS} (only in the team's workspace and CI)"
)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


CliRun = Callable[..., Run]


@pytest.fixture
def cli() -> CliRun:
    """Run ``quizgen ARGS...`` in-process and return its exit code, stdout and stderr."""
    runner = CliRunner()

    def run(*args: str | Path) -> Run:
        result = runner.invoke(main, [str(arg) for arg in args], prog_name="quizgen", catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture(scope="module")
def chromium() -> Path:
    """The system's Chromium, found as ``--pdf`` finds it (never downloaded).

    Where there is none (or no Playwright) the test is skipped with the reason; in CI
    (``CI`` set) it fails instead, so the browser tests cannot silently not run.
    """
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail_in_ci("Playwright is not installed (pip install 'quizgen[pdf]')")
    try:
        return find_chromium()
    except QuizgenError as error:
        _skip_or_fail_in_ci(f"no Chromium to run: {error}")


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    """One headless Chromium for the module, started with quizgen's own switches."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        started = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        yield started
        started.close()


def _skip_or_fail_in_ci(reason: str) -> NoReturn:
    """Skip the test for ``reason``; in CI, fail it."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: {reason}")
    pytest.skip(reason)
