"""What the checker's rules read in an option or a stem: comparison keys, words, numbers, years, number.

Only surface forms, with no language model: the checker runs on a quiz file a teacher wrote by
hand as on the builder's output, and a rule that cannot tell is silent rather than wrong.
"""

from __future__ import annotations

import math
import re
from typing import Literal

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_LOWER_ARTICLE = re.compile(r"^(the|a|an)\s+")
_NOT_KEY = re.compile(r"[^\w\s%]")

STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either even few for from
    further had has have having he her here hers him his how however i if in into is it its itself just
    least less like many may might more most much must my near neither no nor not now of off on once one
    only onto or other our out over own per same several she should since so some such than that the their
    theirs them then there these they this those though through to too toward towards under until up upon
    us very was we well were what when where whether which while who whom whose why will with within
    without would yet you your""".split()
)
"""Words that carry no content: a stem and an answer that share only these share nothing."""


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (letters and digits; an apostrophe inside a word keeps it whole)."""
    return [word.replace("’", "'") for word in _WORD.findall(text.lower())]


def word_stem(word: str) -> str:
    """A crude stem, enough to see *plant* in *plants* and *Egypt* in *Egypt's*: no possessive, no plural -s."""
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content (no stop words, no one-letter words)."""
    return [word for word in words(text) if word not in STOPWORDS and len(word) > 1]


def content_stems(text: str) -> set[str]:
    """The stems of the words of ``text`` that carry content (no stop words, no one-letter words)."""
    return {word_stem(word) for word in content_words(text)}


def comparison_key(text: str) -> str:
    """``text`` as two options are compared: case, punctuation, spacing and a leading article aside,
    ``&`` as ``and``, a number by its value (``1,000`` and ``1000``)."""
    value = number_value(text)
    if value is not None:
        return f"#{value:g}"
    text = _LEADING_ARTICLE.sub("", text.strip().replace("&", " and "))
    return " ".join(_NOT_KEY.sub(" ", text.casefold().replace("’", "'").replace("'", "")).split())


def contains_words(longer: str, shorter: str) -> bool:
    """Whether the words of ``shorter`` stand together, in order, among those of ``longer`` (leading
    articles aside; never for no words)."""
    big, small = words(_LEADING_ARTICLE.sub("", longer)), words(_LEADING_ARTICLE.sub("", shorter))
    size = len(small)
    return 0 < size < len(big) and any(big[start : start + size] == small for start in range(len(big) - size + 1))


# --- Numbers and years -------------------------------------------------------------------------------

_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ERA_BEFORE = ("bce", "bc", "b.c.", "b.c.e.")
_ERAS = (*_ERA_BEFORE, "ce", "ad", "a.d.", "c.e.")
_APPROXIMATELY = ("about", "around", "approximately", "roughly", "c.", "ca.", "circa", "some", "~")
_BOUNDED = re.compile(
    r"^(?:nearly|almost|near|over|under|above|below|more than|less than|fewer than|at least|at most|up to)\s+",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_UNIT = re.compile(r"^(%|percent|per cent|[a-zµ°²³/.]+)$", re.IGNORECASE)
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?\d{3}0s$", re.IGNORECASE)
_ORDINAL_CENTURY = re.compile(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+century(?:\s+(?:bce|bc|ce|ad))?$", re.IGNORECASE)

Kind = Literal["year", "number", "text"]


def _tokens(text: str) -> list[str]:
    return text.strip().replace("−", "-").split()


def number_value(text: str) -> float | None:
    """The value of an option that is one number, as digits or a number word, with at most a scale
    (*2 million*), a unit (*km*, *%*, *people*) and an era (*BCE*: negative) around it; else ``None``."""
    tokens = [token.lower() for token in _tokens(text)]
    while tokens and tokens[0] in _APPROXIMATELY:
        tokens = tokens[1:]
    if not tokens:
        return None
    head, rest = tokens[0].rstrip("%"), tokens[1:]
    if _NUMBER.match(head):
        value = float(head.replace(",", "").replace("+", ""))
    elif head in _NUMBER_WORDS and all(token in _SCALES for token in rest):  # "Two Cities" is a title
        value = float(_NUMBER_WORDS[head])
    else:
        return None
    if rest and rest[0] in _SCALES:
        value, rest = value * _SCALES[rest[0]], rest[1:]
    if rest and rest[-1] in _ERAS:
        value, rest = (-value if rest[-1] in _ERA_BEFORE else value), rest[:-1]
    if len(rest) > 1 or (rest and not _UNIT.match(rest[0])):
        return None
    return value if math.isfinite(value) else None


def is_year(text: str) -> bool:
    """Whether an option names a year, a decade or a century (*1789*, *3150 BCE*, *AD 930*, *the 1920s*,
    *20th century*)."""
    stripped = text.strip()
    if _DECADE.match(stripped) or _ORDINAL_CENTURY.match(stripped):
        return True
    tokens = [token.lower() for token in _tokens(stripped)]
    while tokens and tokens[0] in _APPROXIMATELY:
        tokens = tokens[1:]
    if len(tokens) == 2 and tokens[0] in _ERAS:
        tokens = tokens[::-1]
    if len(tokens) == 2 and tokens[1] in _ERAS:
        return tokens[0].isdecimal() and len(tokens[0]) <= 4
    return len(tokens) == 1 and tokens[0].isdecimal() and len(tokens[0]) == 4 and 1000 <= int(tokens[0]) <= 2100


def kind_of(text: str) -> Kind:
    """An option's coarse kind: a year, another number (*over 150* too), or words (*50 years ago*)."""
    if is_year(text):
        return "year"
    bare = _BOUNDED.sub("", text.strip().rstrip("."))
    return "number" if number_value(bare) is not None or interval(bare) is not None else "text"


_INTERVAL_BOUNDS = (
    (re.compile(r"^(?:between\s+)?(.+?)\s*(?:–|—|-|\bto\b|\band\b)\s*(.+)$", re.IGNORECASE), "range"),
    (re.compile(r"^(?:more than|over|above|at least|greater than|upwards of)\s+(.+)$", re.IGNORECASE), "low"),
    (re.compile(r"^(?:less than|under|below|at most|fewer than|up to)\s+(.+)$", re.IGNORECASE), "high"),
)


def interval(text: str) -> tuple[float, float] | None:
    """The numbers an option that states a range stands for: *1914–1918*, *between 5 and 10*, *more than
    40* (up to infinity), *under 3*; ``None`` for one number or none."""
    stripped = text.strip().removeprefix("from ").removeprefix("From ")
    for pattern, shape in _INTERVAL_BOUNDS:
        match = pattern.match(stripped)
        if not match:
            continue
        bounds = [value for value in (number_value(part) for part in match.groups()) if value is not None]
        if len(bounds) < len(match.groups()):
            continue
        if shape == "range":
            low, high = bounds[0], _abbreviated_end(match.group(1), match.group(2), bounds[1])
            return (min(low, high), max(low, high))
        return (bounds[0], math.inf) if shape == "low" else (-math.inf, bounds[0])
    return None


def _abbreviated_end(start: str, end: str, value: float) -> float:
    """The end of a range written short (*1931-32*: 1932)."""
    start, end = start.strip(), end.strip()
    if start.isdecimal() and end.isdecimal() and len(end) < len(start) <= 4 and int(end) < int(start):
        return float(start[: len(start) - len(end)] + end)
    return value


def number_word(text: str) -> bool:
    """Whether an option is a number written as one word (*one*, *Two.*), which may stand among quantities."""
    return text.strip().rstrip(".").lower() in _NUMBER_WORDS


def bare_integer(text: str) -> bool:
    """Whether an option is digits alone (*1500* may be a year or a count)."""
    return text.strip().isdecimal()


# --- Grammatical number ------------------------------------------------------------------------------

_IRREGULAR_PLURALS = frozenset(
    "people children men women feet teeth mice geese oxen data media bacteria criteria phenomena fungi nuclei "
    "cacti alumni radii stimuli mitochondria larvae algae antennae vertebrae stomata indices matrices vertices "
    "police cattle".split()
)
_NUMBERLESS = frozenset(
    "species series means news sheep fish deer aircraft offspring headquarters corps lens bias atlas canvas "
    "chaos alias pancreas gas yes thus".split()
)
_SINGULAR_ENDINGS = ("ss", "us", "is", "ics", "ous", "ness", "sis")

Number = Literal["singular", "plural"]


def grammatical_number(text: str) -> Number | None:
    """Whether an option is a singular or a plural noun phrase, by its last word; ``None`` where the form
    cannot tell (names, numbers, *species*)."""
    found = text.split()
    last = found[-1].strip(".,;:!?") if found else ""
    if not last.isalpha() or not last.islower() or last in _NUMBERLESS:
        return None
    if last in _IRREGULAR_PLURALS:
        return "plural"
    if last.endswith(_SINGULAR_ENDINGS) or len(last) <= 3:
        return "singular"
    return "plural" if last.endswith("s") else "singular"


def capitalised(text: str) -> bool | None:
    """Whether an option's first letter, after a lower-case article, is a capital (*the US* is); ``None`` for
    one that starts with a digit or has no letter."""
    first = next((character for character in _LOWER_ARTICLE.sub("", text.strip()) if character.isalnum()), None)
    return None if first is None or not first.isalpha() else first.isupper()
