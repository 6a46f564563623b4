"""Shared fixtures: the project's seeds, the shared evaluation corpus, and a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main

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
