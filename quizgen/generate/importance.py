"""How much an answer matters in its sentence, and whether the sentence or the topic predicts it.

A blank is worth asking where it is what the sentence is about: the subject or object of its main
verb, not a word that only describes another (*the _____ economy*, *a 2023 _____ survey*, *Sargon of
_____*). A blank is not worth asking where a student fills it without the text: a word of the same
family stands in the sentence or the title (*viruses ... the field of _____*: virology; *Iceland*:
Icelandic), or its opposite does (*brief intervals of _____ ..., Egypt remained united*: disunity).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from quizgen.english import same_stem
from quizgen.generate.types import Answer, ParsedSentence
from quizgen.generate.words import letter_words, zipf

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAIN_ROLE_BONUS = 1.0
"""Score added to an answer that is the subject, object or complement of the sentence's main verb."""

NESTED_PENALTY = 0.3
"""Score taken from an answer for each noun phrase it is nested in below the main clause (*the
families of _____*): the deeper a blank, the less it is what the sentence says."""

MOST_NESTED_PENALTY = 0.9
"""The most the nesting takes: a rare term deep in a sentence (*the bacterium Yersinia pestis*) is still
what it teaches."""

MODIFIER_PENALTY = 2.5
"""Score taken from an answer that only describes a noun outside it (*the _____ coast*, *_____'s
decision*, *Sargon of _____*): the noun it describes is what the sentence is about."""

APPOSITION_PENALTY = 1.0
"""Score taken from a common noun in apposition (*a chloroplast, an _____ that arose ...*): the class of
what it stands beside, which the sentence names; the named thing is the content."""

_MAIN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "agent", "dative"})
_MODIFIER_ROLES = frozenset({"amod", "compound", "nmod", "poss"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_HYPHENS = "-–"

NAMED_PLACES = frozenset(
    "volcano river lake mountain mount sea ocean bay gulf island peninsula desert valley basin plain plateau "
    "glacier strait canal delta".split()
)
"""Nouns a place's name stands before (*the Askja volcano*): the name names the place, it describes nothing."""

DERIVING_SUFFIXES = (
    "ologists",
    "ologist",
    "ology",
    "ians",
    "ian",
    "ans",
    "an",
    "ese",
    "ish",
    "ical",
    "ic",
    "ists",
    "ist",
    "ism",
    "ity",
    "al",
    "es",
    "s",
)
"""Endings that derive a word from another (*Iceland* / *Icelandic*, *virus* / *virology*, *Egypt* /
*Egyptians*): a word and what it is derived from are of one family."""

NEGATING_PREFIXES = ("dis", "un", "in", "im", "non", "anti")
"""Beginnings that make a word's opposite (*unity* / *disunity*)."""

PLAIN_WORD_ZIPF = 3.0
"""The word a negating beginning leaves must be a word in its own right (*unity*; not *dustry*)."""

BASE_LETTERS = 3
"""A derived word's base shorter than this says nothing of its family."""

FAMILY_LETTERS = 5
"""Words shorter than this ("from", "with") are compared only by derivation: by their start they are the
same word, not kin."""

SHORT_ENDING = 2
"""Letters a word may have beyond a derived word's base and still be its root (*virus* for *vir-ology*)."""


def answer_span(sentence: ParsedSentence, answer: Answer) -> Span | None:
    """The tokens of ``answer`` in its sentence's parse (``None`` where the span falls inside tokens)."""
    offset = sentence.span.start_char
    return sentence.span.doc.char_span(offset + answer.start, offset + answer.end, alignment_mode="expand")


def role_weight(sentence: ParsedSentence, answer: Answer) -> float:
    """What the answer's place in the parse adds to its score: a bonus for the main clause's subject,
    object or complement, a penalty for each noun phrase it is nested in, and a larger one for a word
    that only describes a noun outside the answer."""
    span = answer_span(sentence, answer)
    if span is None:
        return 0.0
    if modifies_a_noun(span):
        return -MODIFIER_PENALTY
    if span.root.dep_ == "appos" and span.root.pos_ == "NOUN":
        return -APPOSITION_PENALTY
    depth = nesting(span.root, sentence.span.root)
    if depth == 0 and span.root.dep_ in _MAIN_ROLES:
        return MAIN_ROLE_BONUS
    return -min(MOST_NESTED_PENALTY, NESTED_PENALTY * max(0, depth - 1))


def modifies_a_noun(span: Span) -> bool:
    """Whether the answer only describes a noun outside it: an adjective, a compound or a possessor of
    it (*the Icelandic economy*, *the COVID-19 pandemic*, *Ford's decision*), or the *of* phrase of a
    name (*Sargon of Akkad*)."""
    root = span.root
    head = root.head
    outside = head.i < span.start or head.i >= span.end
    if not outside:
        return False
    if root.dep_ == "compound" and head.lower_ in NAMED_PLACES:
        return False  # "the Askja volcano", "the Congo basin": the name of the place, not a description
    if root.dep_ in _MODIFIER_ROLES and head.pos_ in ("NOUN", "PROPN"):
        return True
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "PROPN" and head.head.ent_type_ != ""


def nesting(token: Token, root: Token) -> int:
    """How many noun phrases stand between ``token`` and the sentence's main verb (0 for its subject,
    object, or the object of a preposition of the verb)."""
    depth, current = 0, token.head
    while current.i != root.i and current.head.i != current.i:
        if current.pos_ in _NOMINAL:
            depth += 1
        if current.dep_ == "conj" and current.head.i == root.i:
            break  # the second verb of the main clause ("... and removed him")
        current = current.head
    return depth


_CONCEDING = frozenset({"although", "though", "whereas"})
"""Words opening a clause the sentence concedes or contrasts with its claim (*Even though he was not able
to see the virus ...*): background, not what the sentence says."""
_SETTING_ASIDE = frozenset({"unlike", "despite"})
"""Prepositions of a phrase the claim is set against (*Unlike the city-states of Sumer, ...*)."""


def in_a_side_clause(span: Span) -> bool:
    """Whether the answer stands in a part the sentence's claim is set against or illustrated by: a
    concession or contrast (*Even though ... the cause was not a _____, Ivanovski is credited ...*;
    *Unlike the city-states of _____, the peoples of the Nile ...*) or an example after *such as* (*More
    arid regions, such as the belts separating the _____ from ...*). A teacher asks what the sentence
    claims; these parts only frame it."""
    for token in [span.root, *span.root.ancestors]:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCEDING for c in token.children):
            return True
        if token.lower_ in _SETTING_ASIDE and token.i < span.start:
            return token.dep_ != "ROOT" or not any(t.text == "," for t in token.doc[token.i : span.start])
        if token.dep_ == "prep" and token.lower_ == "as" and token.i > 0 and token.nbor(-1).lower_ == "such":
            return True
    return False


def attached_by_hyphen(text: str, start: int, end: int) -> bool:
    """Whether the span is part of a hyphenated word (*Anglo*-Norman, the *Mexico*–United States
    border, the *10*-county definition): the blank takes half a word."""
    before = text[start - 1 : start] if start > 0 else ""
    after = text[end : end + 1]
    return (bool(before) and before in _HYPHENS) or (bool(after) and after in _HYPHENS)


def of_a_family(word: str, others: Iterable[str]) -> bool:
    """Whether ``word`` and one of ``others`` are forms of one word or one is derived from the other
    (:data:`DERIVING_SUFFIXES`: *Icelandic* / *Iceland*, *virology* / *viruses*)."""
    first = word.lower()
    return any(_kin(first, other.lower()) for other in others)


def _kin(first: str, second: str) -> bool:
    if len(first) < BASE_LETTERS + 1 or len(second) < BASE_LETTERS + 1:
        return False
    if min(len(first), len(second)) >= FAMILY_LETTERS and same_stem(first, second):
        return True
    return any(_derived(base, other) for base, other in ((_base(first), second), (_base(second), first)))


def _base(word: str) -> str:
    for suffix in DERIVING_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= BASE_LETTERS:
            return word[: -len(suffix)]
    return word


def _derived(base: str, other: str) -> bool:
    """Whether ``other`` is ``base`` or ``base`` with a short ending (*vir* of *virology* in *virus*)."""
    if not other.startswith(base):
        return False
    return len(_base(other)) - len(base) <= SHORT_ENDING


def opposite_in(answer: Answer) -> bool:
    """Whether the sentence says the answer's opposite, so the blank is its negation (*Although brief
    intervals of _____ occurred, Egypt remained a united kingdom*: disunity)."""
    rest = letter_words(answer.rest)
    for word in letter_words(answer.text):
        for prefix in NEGATING_PREFIXES:
            plain = word.removeprefix(prefix)
            if plain != word and zipf(plain) >= PLAIN_WORD_ZIPF and of_a_family(plain, rest):
                return True
    return False
