"""What a run did, as values: notes and failures, what was written, and the exit code they give.

The CLI and the studio only wire stages together; each stage hands its outcome back here
instead of printing it, as black's report does, so the exit code is computed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


@dataclass
class Report:
    """Collects one run's notes (worth saying, not failures) and failures (each one line naming its input)."""

    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    quizzes: int = 0
    """Quizzes written in every format asked for."""
    items: int = 0
    """Items in those quizzes."""
    unwritten: int = 0
    """Quizzes that were built or loaded but failed in at least one format."""
    flaws: int = 0
    """Item-writing flaws found (by ``quizgen check``)."""

    def note(self, message: str) -> None:
        """Record something the user should hear that does not make the run fail."""
        self.notes.append(message)

    def fail(self, message: str) -> None:
        """Record a failed input or output; the run goes on with the others."""
        self.failures.append(message)

    def wrote(self, quizzes: int, items: int) -> None:
        """Record quizzes written."""
        self.quizzes += quizzes
        self.items += items

    def not_written(self, quizzes: int) -> None:
        """Record quizzes that failed in at least one format (each failure is recorded with :meth:`fail`)."""
        self.unwritten += quizzes

    def flawed(self, findings: int) -> None:
        """Record item-writing flaws found; any makes the run fail, as a linter's findings do."""
        self.flaws += findings

    @property
    def exit_code(self) -> int:
        """:data:`EXIT_OK` when nothing failed and no flaw was found, else :data:`EXIT_SOME_FAILED`."""
        return EXIT_SOME_FAILED if self.failures or self.flaws else EXIT_OK
