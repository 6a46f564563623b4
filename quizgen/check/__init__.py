"""The item-flaw checker: the item-writing flaws that rules can find, in any quiz.

The same code is the builder's last gate (the builder never emits an item it flags) and the command
``quizgen check QUIZ.json...`` for any quiz file, including one a teacher wrote by hand::

    from quizgen.check import check_quiz

    for finding in check_quiz(quiz):
        print(finding.item_id, finding.flaw, finding.message)

Each rule is a part in :data:`RULES` (a code, a one-line description and a function; see
:mod:`quizgen.check.rules`); :func:`rule` registers another. The checker reads only the data model.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.check import rules as _rules  # noqa: F401  (registers the rules)
from quizgen.check.asked import Asked, Choice, asked
from quizgen.check.registry import RULES, Rule, RuleCheck, rule
from quizgen.model import Item, Quiz

__all__ = ["RULES", "Asked", "Choice", "Finding", "Rule", "RuleCheck", "check_item", "check_quiz", "rule"]


@dataclass(frozen=True)
class Finding:
    """One flaw of one item."""

    item_id: str
    flaw: str
    """The rule's code, short and stable (``answer-longest``)."""
    message: str
    """One line a teacher understands, naming the words at fault."""


def check_item(item: Item, quiz: Quiz | None = None) -> list[Finding]:
    """Every flaw the rules find in ``item`` (of ``quiz``, where a rule needs the rest of it), in rule order."""
    seen = asked(item, quiz)
    findings = (
        Finding(item.id, code, " ".join(message.split()))  # one line, whatever the options hold
        for code, known in RULES.items()
        for message in known.check(seen)
    )
    return list(dict.fromkeys(findings))


def check_quiz(quiz: Quiz) -> list[Finding]:
    """Every flaw the rules find in the items of ``quiz``, item by item in the quiz's order."""
    return [finding for item in quiz.items for finding in check_item(item, quiz)]
