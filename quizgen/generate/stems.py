"""Question stems: a real wh-question where the parse allows it (see :mod:`quizgen.generate.questions`),
else the sentence with a blank, trimmed to the answer's clause and without a leading connective.

The blank stem is always grammatical because it is the source sentence itself; cloze items and
true/false statements use the same trimmed sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from quizgen.generate.questions import clause_around, wh_question
from quizgen.generate.types import PERSON_KINDS, Answer
from quizgen.model import BLANK

if TYPE_CHECKING:
    from spacy.tokens import Span


def with_stem(answer: Answer, span: Span) -> Answer:
    """``answer`` with its question stem phrased from the parsed sentence ``span`` (see :func:`question_stem`),
    and the answer's clause (see :func:`~quizgen.generate.questions.clause_around`), unless it already has
    a stem (a definition, a reason or a fact-sheet line: see :mod:`quizgen.generate.ideas`)."""
    if answer.stem:
        return answer
    answer = replace(answer, clause=clause_around(answer, span))
    question = wh_question(answer, span)
    if question is None:
        return replace(answer, stem=blank_stem(answer))
    return replace(answer, stem=question, score=answer.score + ASKABLE_BONUS)


ASKABLE_BONUS = 1.0
"""Score added to an answer a real question can ask for: the subject, object or a phrase of its clause,
what a person writing questions about the text asks about (see bench/README.md, answer targets)."""


_CONNECTIVE = re.compile(
    r"^(?:(?:however|therefore|thus|moreover|furthermore|nevertheless|nonetheless|meanwhile|instead|also|"
    r"finally|still|yet|indeed|consequently|as a result|in addition|in fact|for example|for instance|in turn|"
    r"on the other hand|by contrast|in contrast|at the same time|at that time|up to this point),|and|but|yet|so)\s+",
    re.IGNORECASE,
)
"""A word that links the sentence to the one before it, which the student does not have."""


_PRONOUN_START = re.compile(
    r"(?:[Ii]n terms of \w+, )?(?:it|its|they|their|them|he|his|she|her|this|these)\b", re.IGNORECASE
)


def around_answer(answer: Answer) -> tuple[str, str]:
    """The text before and after the answer in its clause of the source sentence (clauses joined by ``;``
    each state a fact of their own, and the others only lengthen the question), without a leading
    connective ("However,", "As a result,", "And") that points at text the student does not have."""
    text = answer.sentence.text
    before, after = answer.clause or (text[: answer.start].lstrip(), text[answer.end :].rstrip())
    clause_start = before.rfind("; ")
    if clause_start >= 0 and _PRONOUN_START.match(_CONNECTIVE.sub("", before[clause_start + 2 :], count=1)):
        clause_start = -1  # "...; however, their origin ...": what "their" means is in the clause before
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


def stem_for_options(answer: Answer, options: Sequence[str]) -> str:
    """The stem to show beside ``options``: the question, unless it names the answer's own noun as its class
    ("At which boundary ...?") and an option is not one of that noun, when the blank stem is shown instead."""
    words = answer.text.split()
    if answer.kind != "term" or len(words) < 2 or f" which {words[-1]} " not in f" {answer.stem.lower()} ":
        return answer.stem
    noun = words[-1].lower()
    return answer.stem if all(option.lower().split()[-1:] == [noun] for option in options) else blank_stem(answer)


_POINTING_BACK = re.compile(r"\b(?:this|these)\s+[a-z]|\bsuch\s+(?!as\b)[a-z]|\bthe (?:latter|former)\b", re.IGNORECASE)


def points_back(answer: Answer) -> bool:
    """Whether what a student would read of the answer's item (its question, or its clause with a blank)
    points at text the student does not have: "this development", "these discoveries", "such waves",
    "the latter" (not "such as"). Checked on the trimmed clause, so a reference in a part left out
    ("Prior to this agreement, ...") does not count."""
    return any(_POINTING_BACK.search(text) for text in (answer.stem, standing_alone(answer, answer.text)))


_PERSONAL = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_OF_THE_SUBJECT = frozenset({"he", "his", "himself", "she", "her", "hers", "herself"})


def means_someone_unnamed(answer: Answer, span: Span) -> bool:
    """Whether what a student would read of the answer's item says *he*, *him* or *his* of a person the
    sentence never names ("Most _____ rejected his idea"; "President _____ appointed him"): the person
    is in a sentence the student does not have. A person asked for may be what *he* or *his* stands for
    ("Napoleon abandoned his plans")."""
    said = {
        word.lower() for text in (answer.stem, standing_alone(answer, answer.text)) for word in _PERSONAL.findall(text)
    }
    if not said:
        return False
    offset = span.start_char
    names = [
        token
        for token in span
        if not answer.start <= token.idx - offset < answer.end
        and (token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PEOPLE))
    ]
    return not names and not (answer.kind in PERSON_KINDS | NAME_LIKE and said <= _OF_THE_SUBJECT)


_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "EVENT", "LAW", "LANGUAGE"})
"""Entity types a proper noun stands in that never stand for the person a pronoun means."""
NAME_LIKE = frozenset({"organisation", "name", "named"})
"""Kinds a tagger gives a person's name too ("France's _____ abandoned his quest": Napoleon)."""


_THE_COUNTRY = re.compile(r"\b([Tt])he (country|nation)\b(?!['’])")


def naming_the_country(answer: Answer, country: str) -> Answer:
    """``answer`` with "the country" in its stem and clause replaced by ``country``, the subject of the
    document ("In what year did the country join ...?" -> "... did Iceland join ...?"): the student does
    not have the sentences that said which country is meant."""
    text = answer.sentence.text
    before, after = answer.clause or (text[: answer.start].lstrip(), text[answer.end :].rstrip())
    if not country or not any(_THE_COUNTRY.search(part) for part in (answer.stem, before, after)):
        return answer
    clause = (_THE_COUNTRY.sub(country, before), _THE_COUNTRY.sub(country, after))
    return replace(answer, stem=_THE_COUNTRY.sub(country, answer.stem), clause=clause)


def question_stem(answer: Answer, span: Span) -> str:
    """A wh-question for ``answer`` in the parsed sentence ``span`` where the parse allows (see
    :mod:`quizgen.generate.questions`), else the blank stem."""
    return wh_question(answer, span) or blank_stem(replace(answer, clause=clause_around(answer, span)))
