"""The rules the checker runs: each a code, a one-line description and a function, in one registry.

A rule is registered with :func:`rule`; the checker runs every registered rule on every item, in the
order they were registered. A rule function takes an :class:`~quizgen.check.asked.Asked` and yields
one message per flaw it finds (a line a teacher understands, naming the words at fault).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from quizgen.check.asked import Asked

RuleCheck = Callable[[Asked], Iterable[str]]

_CODE = re.compile(r"^[a-z]+(-[a-z]+)*$")


@dataclass(frozen=True)
class Rule:
    """One item-writing flaw the checker detects."""

    code: str
    """A short, stable name of the flaw (``answer-longest``): what ``quizgen check`` prints."""
    description: str
    """One line: what the flaw is."""
    check: RuleCheck


RULES: dict[str, Rule] = {}
"""Every rule, by code, in the order registered."""


def rule(code: str, description: str) -> Callable[[RuleCheck], RuleCheck]:
    """Register the decorated function as the rule ``code``."""
    if not _CODE.match(code):
        raise ValueError(f"a rule code is lower-case words joined by hyphens, not {code!r}")

    def register(check: RuleCheck) -> RuleCheck:
        if code in RULES:
            raise ValueError(f"rule {code!r} is registered twice")
        RULES[code] = Rule(code, description, check)
        return check

    return register
