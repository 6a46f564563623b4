"""Accept rules of a cloze blank that need more than the answer: the names its document gives, the forms of
a person's name, of a place's, of a species' (documented in docs/builder.md, section 6).

:mod:`quizgen.generate.items` gathers these with the rules that need only the answer and the lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from quizgen.generate.words import words, zipf

_ROMAN = re.compile(r"^[IVXLCDM]+$")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "junior", "senior"})
PARTICLES = frozenset("de da di du del della der des do dos das van von ter ten le la bin ibn al el".split())
"""Words that begin a surname after the given names (*Charles de Gaulle*, *Ludwig van Beethoven*)."""


@dataclass(frozen=True)
class InDocument:
    """What the answer's document names, for the accept rules that depend on it."""

    people: tuple[str, ...] = ()
    """Every person's name the document gives, as it gives it."""
    terms: tuple[str, ...] = ()
    """The document's key noun phrases (see :func:`quizgen.generate.answers.document_terms`)."""
    names: tuple[str, ...] = ()
    """Every other answer-like span of the document (places, species, groups...)."""


def name_forms(name: str, document: InDocument | None = None) -> list[str]:
    """The ways a student rightly writes a person's name: the surname alone (with its particle: *de Gaulle*),
    the given name and surname (*John Kennedy* for *John Fitzgerald Kennedy*, *Pedro Castillo* for *Jose Pedro
    CASTILLO Terrones*), a surname in capitals in ordinary case and the given names first (*Shinzo Abe* for
    *ABE Shinzo*); for a surname alone, the full names the document gives that person by. Where the document
    names two people by that surname, the surname alone says neither."""
    if len(name.split()) == 1:
        return _full_names_of(name, document)
    forms = _capitals_forms(name) or _plain_forms(name)
    if document is not None and _shared_surname(name, document):
        forms = [form for form in forms if len(form.split()) > 1 and normalise_case(form) != _surname_key(name)]
    return [form for form in _without_accents([name, *forms]) if form != name]


def _plain_forms(name: str) -> list[str]:
    """A name in ordinary case: the surname alone (with its particle), and the given name with it where there
    are middle names."""
    full = name.split()
    core = list(full)
    while len(core) > 1 and (_ROMAN.match(core[-1]) or core[-1].lower().rstrip(",") in _SUFFIXES):
        core.pop()  # "Louis XVI", "Martin Luther King Jr."
    if len(core) < 2:
        return []  # "Louis" alone says no king
    start = next((index for index in range(1, len(core) - 1) if core[index].lower() in PARTICLES), len(core) - 1)
    surname = core[start:]
    forms = [" ".join(surname)]
    if len(surname) > 1:
        forms.append(core[-1])  # "Gaulle" beside "de Gaulle"
    if start > 1:
        forms.append(" ".join([core[0], *surname]))  # "John Kennedy", "Franklin Roosevelt"
        if core[start - 1][:1].isupper() and not core[start - 1].endswith("."):
            forms.append(" ".join(core[start - 1 :]))  # "López Michelsen": a double surname
    if core != full:
        forms.append(" ".join(core))
    return forms


def _capitals_forms(name: str) -> list[str]:
    """Where a reference work writes the surname in capitals (*ABE Shinzo*, *Jose Pedro CASTILLO Terrones*):
    that surname alone, the whole name in ordinary case, the given names then the surname, the last given
    name then the surname, and the surname with the names after it."""
    words_ = name.split()
    capitals = [index for index, word in enumerate(words_) if _in_capitals(word)]
    if not capitals:
        return []
    first, last = capitals[0], capitals[-1]
    surname = " ".join(word.title() for word in words_[first : last + 1])
    ordinary = " ".join(word.title() if index in capitals else word for index, word in enumerate(words_))
    if first == 0:  # the surname first, as in Japan: the given names after it
        given = words_[last + 1 :]
        return [surname, ordinary, " ".join([*given, surname])] if given else [surname]
    given, after = words_[:first], words_[last + 1 :]
    forms = [surname, ordinary, " ".join([*given, surname])]
    if len(given) > 1:
        forms += [f"{given[-1]} {surname}", f"{given[0]} {surname}"]
    if after:
        forms.append(" ".join([surname, *after]))
    return forms


def _in_capitals(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and word.isupper() and not _ROMAN.match(word)


def _surname_key(name: str) -> str:
    """A full name's surname, lower-cased: the word in capitals where there is one, else the last word."""
    capitals = [word for word in name.split() if _in_capitals(word)]
    return (capitals[0] if capitals else name.split()[-1]).lower()


def _shared_surname(name: str, document: InDocument) -> bool:
    """Whether the document names another person (another given name) by the same surname."""
    key = _surname_key(name)
    given = normalise_case(name).replace(key, "").split()
    return any(
        len(other.split()) > 1
        and _surname_key(other) == key
        and not set(normalise_case(other).replace(key, "").split()) & set(given)
        for other in document.people
    )


def _full_names_of(surname: str, document: InDocument | None) -> list[str]:
    """For a surname alone, the document's one full name of that person and its forms: *Martin Vizcarra* for
    *VIZCARRA* where the document names *Martin Alberto VIZCARRA Cornejo*."""
    if document is None:
        return []
    key = surname.lower()
    full = list(
        dict.fromkeys(other for other in document.people if len(other.split()) > 1 and _surname_key(other) == key)
    )
    if len(full) != 1:
        return []  # no full name, or two people of that surname: only the surname says who
    forms = [full[0], *name_forms(full[0])]
    return _without_accents([form for form in forms if form.lower() != key])


def normalise_case(text: str) -> str:
    """``text`` lower-cased, runs of spaces as one."""
    return " ".join(text.lower().split())


def _without_accents(forms: list[str]) -> list[str]:
    """``forms``, each followed by itself without accents where it has any (*Lopez* for *López*): what a
    student types on a keyboard without them."""
    found: list[str] = []
    for form in forms:
        plain = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
        found += [form, plain] if plain != form else [form]
    return list(dict.fromkeys(found))


SPECIES_ZIPF = 2.5
"""A genus and species rarer than this (Zipf) are Latin (*Yersinia pestis*), not words (*Heterotrophic organisms*)."""
_BINOMIAL = re.compile(r"^([A-Z])[a-z]{2,} ([a-z]{3,})$")
_ABBREVIATED = re.compile(r"^([A-Z])\. ?([a-z]{3,})$")


def species_forms(text: str, document: InDocument | None = None) -> list[str]:
    """A species' binomial with its genus abbreviated (*Y. pestis* for *Yersinia pestis*), and an abbreviated
    one in full where the document writes it so (*Escherichia coli* for *E. coli*)."""
    found = _BINOMIAL.match(text)
    if found and zipf(text.split()[0].lower()) < SPECIES_ZIPF and zipf(found.group(2)) < SPECIES_ZIPF:
        return [f"{found.group(1)}. {found.group(2)}", f"{found.group(1)} {found.group(2)}"]
    found = _ABBREVIATED.match(text)
    if not found or document is None:
        return []
    initial, species = found.groups()
    return [
        name
        for name in dict.fromkeys([*document.names, *document.terms])
        if (match := _BINOMIAL.match(name)) and match.group(1) == initial and match.group(2) == species
    ]


def head_is_clear(answer: str, head: str, document: InDocument | None) -> bool:
    """Whether the head noun alone names what ``answer`` does in its document: no other of the document's
    terms has that head with other words before it (*organisms* is no answer for *heterotrophic organisms*
    in a text that also names *phototrophic organisms*)."""
    if document is None:
        return True
    mine = _singular(head.lower())
    modifiers = words(answer)[:-1]
    for term in document.terms:
        other, named = words(term), term.split()[:-1]
        if len(other) < 2 or _singular(other[-1]) != mine or any(word[:1].isupper() for word in named):
            continue  # "Coolidge prosperity" is a name for the same prosperity
        before = other[:-1]
        if before[-len(modifiers) :] != modifiers and modifiers[-len(before) :] != before:
            return False  # not "obligate intracellular parasites" beside "intracellular parasites"
    return True


def _singular(word: str) -> str:
    """A rough singular, enough to compare two forms of one noun (*fleas*, *flea*)."""
    for ending, plain in (("ies", "y"), ("es", "e"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + plain
    return word
