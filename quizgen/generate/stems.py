"""Question stems: a real wh-question where the parse allows it, else the sentence with a blank.

Only simple, well-understood shapes are turned into wh-questions:

- the answer is the whole subject of a past or third-person-present main verb:
  ``President Alfonso López Michelsen led the initiative.`` -> ``Who led the initiative?``
- the answer is the whole direct object at the end of the sentence:
  ``Colombia sought diverse international partnerships.`` -> ``What did Colombia seek?``

Anything else (clauses, passives, inversions) keeps the blank stem, which is
always grammatical because it is the source sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from quizgen.generate.types import PERSON_KINDS, TITLES, Answer, AnswerKind
from quizgen.model import BLANK

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WHICH: dict[AnswerKind, str] = {
    "countries": "Which country",
    "historical_states": "Which state",
    "cities": "Which city",
    "us_states": "Which state",
    "continents": "Which continent",
    "oceans_and_seas": "Which body of water",
    "rivers": "Which river",
    "mountain_ranges": "Which mountain range",
    "deserts": "Which desert",
}


def with_stem(answer: Answer, span: Span) -> Answer:
    """``answer`` with its question stem phrased from the parsed sentence ``span`` (see :func:`question_stem`)."""
    return replace(answer, stem=question_stem(answer, span))


_CONNECTIVE = re.compile(
    r"^(?:(?:however|therefore|thus|moreover|furthermore|nevertheless|nonetheless|meanwhile|instead|also|"
    r"finally|still|yet|indeed|consequently|as a result|in addition|in fact|for example|for instance|in turn|"
    r"on the other hand|by contrast|in contrast|at the same time|at that time|up to this point),|and|but|yet|so)\s+",
    re.IGNORECASE,
)
"""A word that links the sentence to the one before it, which the student does not have."""


def around_answer(answer: Answer) -> tuple[str, str]:
    """The text before and after the answer in its clause of the source sentence (clauses joined by ``;``
    each state a fact of their own, and the others only lengthen the question), without a leading
    connective ("However,", "As a result,", "And") that points at text the student does not have."""
    text = answer.sentence.text
    before, after = text[: answer.start].lstrip(), text[answer.end :].rstrip()
    clause_start = before.rfind("; ")
    if clause_start >= 0:
        before = before[clause_start + 2 :]
    clause_end = after.find("; ")
    if clause_end >= 0:
        after = after[:clause_end].rstrip(",: ") + "."
    trimmed = _CONNECTIVE.sub("", before, count=1)
    if trimmed != before or clause_start >= 0:
        before = trimmed[:1].upper() + trimmed[1:]
    return before, after


def standing_alone(answer: Answer, replacement: str) -> str:
    """The source sentence with the answer's span replaced, standing alone (see :func:`around_answer`)."""
    before, after = around_answer(answer)
    if not before:
        replacement = replacement[:1].upper() + replacement[1:]
    return f"{before}{replacement}{after}"


def blank_stem(answer: Answer) -> str:
    """The source sentence with the answer replaced by a blank (and no leading connective)."""
    return standing_alone(answer, BLANK)


def question_stem(answer: Answer, span: Span) -> str:
    """A wh-question for ``answer`` in the parsed sentence ``span`` if it has a simple shape, else the blank stem."""
    return _subject_question(answer, span) or _object_question(answer, span) or blank_stem(answer)


def _wh_word(answer: Answer) -> str:
    if answer.kind in PERSON_KINDS:
        return "Who"
    return _WHICH.get(answer.kind, "What")


def _tokens(answer: Answer, span: Span) -> list[Token]:
    offset = span.start_char
    return [token for token in span if answer.start <= token.idx - offset < answer.end]


def _main_verb(span: Span) -> Token | None:
    root = span.root
    if root.pos_ != "VERB" or root.tag_ not in ("VBD", "VBZ"):
        return None
    if any(child.dep_ in ("aux", "auxpass", "neg") for child in root.children):
        return None
    return root


def _subject_question(answer: Answer, span: Span) -> str | None:
    verb = _main_verb(span)
    if verb is None:
        return None
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    subject = list(subjects[0].subtree)
    core = [token for token in subject if not (token.lower_ in TITLES and token.i == subject[0].i)]
    if [token.i for token in core] != [token.i for token in _tokens(answer, span)]:
        return None
    if subject[0].i != span.start or subject[-1].i + 1 != verb.i:  # "In 1935, X ..." or "X, who ..., led"
        return None
    rest = span.doc[subject[-1].i + 1 : span.end].text.rstrip(" .!")
    return f"{_wh_word(answer)} {rest}?"


def _object_question(answer: Answer, span: Span) -> str | None:
    verb = _main_verb(span)
    if verb is None:
        return None
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if len(objects) != 1 or len(subjects) != 1 or subjects[0].pos_ == "PRON":
        return None
    obj = list(objects[0].subtree)
    answer_tokens = _tokens(answer, span)
    after = [token for token in span.doc[obj[-1].i + 1 : span.end] if not token.is_punct]
    if after or not answer_tokens or answer_tokens[-1].i != obj[-1].i:
        return None
    if any(token.dep_ != "det" for token in obj if token.i < answer_tokens[0].i):
        return None
    subject = list(subjects[0].subtree)
    if subject[0].i != span.start or subject[-1].i + 1 != verb.i:
        return None
    auxiliary = "did" if verb.tag_ == "VBD" else "does"
    between = span.doc[verb.i + 1 : obj[0].i].text
    subject_text = span.doc[subject[0].i : subject[-1].i + 1].text
    if subject[0].pos_ != "PROPN":
        subject_text = subject_text[:1].lower() + subject_text[1:]
    parts = [_wh_word(answer), auxiliary, subject_text, verb.lemma_, between]
    return " ".join(part for part in parts if part) + "?"
