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

from quizgen.english import indefinite_article
from quizgen.generate.nlp import pipeline
from quizgen.generate.questions import WHAT_PREPOSITIONS, claim_around, clause_around, shorter_around, wh_question
from quizgen.generate.types import PERSON_KINDS, Answer
from quizgen.model import BLANK

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def with_stem(answer: Answer, span: Span) -> Answer:
    """``answer`` with its question stem phrased from the parsed sentence ``span`` (see :func:`question_stem`),
    and the answer's clause (see :func:`~quizgen.generate.questions.clause_around`), unless it already has
    a stem (a definition, a reason or a fact-sheet line: see :mod:`quizgen.generate.ideas`)."""
    if answer.stem:
        return answer
    answer = replace(answer, clause=clause_around(answer, span), claim=claim_around(answer, span))
    if len(blank_stem(answer).split()) > LONG_STEM:
        shorter = shorter_around(answer, span)
        if shorter is not None and len(f"{shorter[0]} x {shorter[1]}".split()) < len(blank_stem(answer).split()):
            answer = replace(answer, clause=shorter)
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
    r"on the other hand|by contrast|in contrast|at the same time),|and|but|yet|so)\s+",
    re.IGNORECASE,
)
"""A word that links the sentence to the one before it, which the student does not have (not *Up to this
point,* nor *At that time,*: left out, they change the claim, so the sentence points back and is not asked)."""

_INSIDE_CONNECTIVE = re.compile(
    r",\s*(?:however|therefore|thus|moreover|furthermore|nevertheless|nonetheless|by contrast|in contrast|"
    r"for example|for instance|in turn|in fact|though|too|instead),(?=\s)",
    re.IGNORECASE,
)
"""The same link between commas inside the sentence ("Membranes in prokaryotes, by contrast, are ...")."""


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
    before, after = _INSIDE_CONNECTIVE.sub("", before), _INSIDE_CONNECTIVE.sub("", after)
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


def claim(answer: Answer, replacement: str) -> str | None:
    """The answer's claim in other words (see :func:`~quizgen.generate.questions.claim_around`) with the
    answer's span replaced, or ``None`` when the clause could not be reworded."""
    if answer.claim is None:
        return None
    before, after = answer.claim
    if not before:
        replacement = replacement[:1].upper() + replacement[1:]
    return f"{before}{replacement}{after}"


LONG_STEM = 30
"""A stem of more words than this is too long to read as one question (issue 13: at most 5% of them)."""


def short_parts(answer: Answer) -> tuple[str, str]:
    """The text before and after the answer that an item shows: its clause (see :func:`around_answer`), or,
    when that runs over :data:`LONG_STEM` words, its claim in other words where that is shorter (an
    opening description, an apposition or a second claim left out: see
    :func:`~quizgen.generate.questions.claim_around`)."""
    before, after = around_answer(answer)
    if answer.claim is None or len(f"{before} x {after}".split()) <= LONG_STEM:
        return before, after
    short = answer.claim
    return short if len(f"{short[0]} x {short[1]}".split()) < len(f"{before} x {after}".split()) else (before, after)


def blank_stem(answer: Answer) -> str:
    """The source sentence with the answer replaced by a blank (and no leading connective), shortened to
    its claim when too long (see :func:`short_parts`)."""
    before, after = short_parts(answer)
    return f"{before}{BLANK}{after}"


def stem_for_options(answer: Answer, options: Sequence[str]) -> str:
    """The stem to show beside ``options``: the question, unless it names the answer's own noun as its class
    ("At which boundary ...?") and an option is not one of that noun, when it asks *<preposition> what*
    where that preposition allows ("By which molecules is energy absorbed?" -> "By what is energy
    absorbed?"; see :data:`~quizgen.generate.questions.WHAT_PREPOSITIONS`), else the blank stem is shown."""
    words = answer.text.split()
    if answer.kind != "term" or len(words) < 2 or f" which {words[-1]} " not in f" {answer.stem.lower()} ":
        return answer.stem
    noun = words[-1].lower()
    if all(option.lower().split()[-1:] == [noun] for option in options):
        return answer.stem
    found = re.search(rf"\b(\w+) which {re.escape(words[-1])}\b", answer.stem, re.IGNORECASE)
    if found is None or found.group(1).lower() not in WHAT_PREPOSITIONS:
        return blank_stem(answer)
    return f"{answer.stem[: found.start()]}{found.group(1)} what{answer.stem[found.end() :]}"


_POINTING_BACK = re.compile(r"\b(?:this|these)\s+[a-z]|\bsuch\s+(?!as\b)[a-z]|\bthe (?:latter|former)\b", re.IGNORECASE)


def points_back(answer: Answer) -> bool:
    """Whether what a student would read of the answer's item (its question, or its clause with a blank)
    points at text the student does not have: "this development", "these discoveries", "such waves",
    "the latter" (not "such as"). Checked on the trimmed clause, so a reference in a part left out
    ("Prior to this agreement, ...") does not count."""
    shown = standing_alone(answer, answer.text)
    return any(_POINTING_BACK.search(text) for text in (answer.stem, shown)) or _names_what_was_cut(answer, shown)


_BARE_DEFINITE = re.compile(r"\b[Tt]he ([a-z]{3,}s)\b(?! of\b)")
"""*the islands*: a plural said with nothing that tells which ones (no *of* phrase after it)."""


def _names_what_was_cut(answer: Answer, shown: str) -> bool:
    """Whether the item's clause says *the N* of things that only the part of its sentence the trim cut
    introduced (*...only the 14,125 islands with a circumference of at least 100 m were officially counted;
    about 260 of the islands are inhabited*): shown alone, the student cannot tell which ones are meant."""
    sentence = [word.lower() for word in re.findall(r"[A-Za-z]+", answer.sentence.text)]
    said = [word.lower() for word in re.findall(r"[A-Za-z]+", shown)]
    for found in _BARE_DEFINITE.finditer(shown):
        forms = {found.group(1).lower(), found.group(1).lower()[:-1]}
        if sum(word in forms for word in sentence) > sum(word in forms for word in said):
            return True
    return False


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
        token for token in span if not answer.start <= token.idx - offset < answer.end and may_name_a_person(token)
    ]
    many = answer.plural or answer.text.endswith("s")  # "Americans hoped he ...": *he* is not Americans
    may_be_meant = answer.kind in PERSON_KINDS | NAME_LIKE and not (answer.kind == "group" and many)
    return not names and not (may_be_meant and said <= _OF_THE_SUBJECT)


def may_name_a_person(token: Token) -> bool:
    """Whether ``token`` is, or may be, part of a person's name: what *he* or *his* can stand for (the
    tagger calls some surnames organisations: "KUCZYNSKI")."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PEOPLE)


_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "EVENT", "LAW", "LANGUAGE"})
"""Entity types a proper noun stands in that never stand for the person a pronoun means."""
NAME_LIKE = frozenset({"organisation", "name", "named"})
"""Kinds a tagger gives a person's name too ("France's _____ abandoned his quest": Napoleon)."""


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})


def with_its_subject(answer: Answer, span: Span, subject: str) -> Answer | None:
    """``answer`` with a fact-sheet fragment that has no subject given the document's (``subject``, a
    country): a verb that opens it takes it (*Shares control of ...* -> *Peru shares control of ...*), a
    participle takes it and *is* (*composed of four islands* -> *Japan is composed of ...*), a noun phrase
    takes it and *has* (*more land covered by glaciers ...* -> *Iceland has more land ...*). ``None`` when
    the fragment has no verb to take a subject and the document names none, or holds a list in parentheses:
    the student cannot tell what it is about."""
    segment = _segment(answer, span)
    words = [t for t in segment if not t.is_punct]
    inside = {t.i for t in segment}
    if not words or answer.stem.endswith("?") or any(t.dep_ in _SUBJECTS and t.head.i in inside for t in segment):
        return answer
    first = words[0]
    if first.tag_ not in ("VBZ", "VBP", "VBN") and any(t.tag_ in _FINITE for t in words):
        return answer
    if not subject or any(t.text == "(" for t in segment):
        return None
    before, after = around_answer(answer)
    clause = before if before else ""
    lowered = clause[:1].lower() + clause[1:] if first.pos_ != "PROPN" else clause
    if first.tag_ in ("VBZ", "VBP") or _reads_as_verb(subject, lowered):
        prefix = f"{subject} "
    elif first.tag_ == "VBN":
        prefix = f"{subject} is "
    else:
        article = "" if first.dep_ == "det" or first.tag_ in ("JJR", "RBR", "NNS", "CD") else "a "
        prefix = f"{subject} has {indefinite_article(lowered) + ' ' if article else ''}"
    if not before:
        return None  # the answer opens the fragment: "Lago Titicaca ..." would need its own verb
    after = after if after.rstrip().endswith(".") else after.rstrip() + "."
    moved = replace(answer, clause=(prefix + lowered, after))
    return replace(moved, stem=blank_stem(moved)) if BLANK in answer.stem else moved


def _reads_as_verb(subject: str, fragment: str) -> bool:
    """Whether ``fragment`` opens with a verb once ``subject`` stands before it ("Peru shares control of
    ...": the parse of the fragment alone took *Shares* for a noun)."""
    parsed = pipeline()(f"{subject} {fragment}")
    words = subject.split()
    verb = parsed[len(words)] if len(parsed) > len(words) else None
    return verb is not None and verb.tag_ in ("VBZ", "VBP")


def _segment(answer: Answer, span: Span) -> list[Token]:
    """The tokens of the answer's part of the sentence between semicolons."""
    offset = span.start_char
    tokens = list(span)
    at = next((i for i, t in enumerate(tokens) if t.idx - offset >= answer.start), 0)
    start = max((i + 1 for i, t in enumerate(tokens[:at]) if t.text == ";"), default=0)
    end = next((i for i, t in enumerate(tokens) if i >= at and t.text == ";"), len(tokens))
    return tokens[start:end]


_THE_COUNTRY = re.compile(r"\b([Tt])he (country|nation)\b(?!['’])")


def naming_the_country(answer: Answer, country: str) -> Answer:
    """``answer`` with "the country" in its stem and clause replaced by ``country``, the subject of the
    document ("In what year did the country join ...?" -> "... did Iceland join ...?"), and a head of
    government said without a country given it ("Who was elected president in 2011?" -> "... president of
    Peru ..."): the student does not have the sentences that said which country is meant."""
    text = answer.sentence.text
    before, after = answer.clause or (text[: answer.start].lstrip(), text[answer.end :].rstrip())
    original: tuple[str, ...] = (answer.stem, before, after)
    parts = original
    if country and any(_THE_COUNTRY.search(part) for part in parts):
        parts = tuple(_THE_COUNTRY.sub(country, part) for part in parts)
    if country and not any(country in part for part in parts):
        parts = tuple(_HEAD_OF_GOVERNMENT.sub(rf"\1 of {country}", part, count=1) for part in parts)
    if parts == original:
        return answer
    stem, before, after = parts
    return replace(answer, stem=stem, clause=(before, after))


_HEAD_OF_GOVERNMENT = re.compile(r"\b((?:vice )?president|prime minister)\b(?! of\b)(?! [A-Z])")
"""A head of government in lower case (a role, not a title before a name) that no *of* says of which country."""


def question_stem(answer: Answer, span: Span) -> str:
    """A wh-question for ``answer`` in the parsed sentence ``span`` where the parse allows (see
    :mod:`quizgen.generate.questions`), else the blank stem."""
    return wh_question(answer, span) or blank_stem(replace(answer, clause=clause_around(answer, span)))
