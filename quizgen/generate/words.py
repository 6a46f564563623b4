"""Word helpers for the whole stage: comparison keys, word splitting, frequency and stems.

Everything else in :mod:`quizgen.generate` imports these; this module imports nothing of the stage.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower-case, single-spaced, without a leading article: the key for comparing names."""
    words = text.lower().replace("’", "'").split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The lower-cased words of ``text`` (runs of letters, digits and ``_``)."""
    return tuple(_WORD.findall(text.lower()))


def surnames(name: str) -> list[tuple[str, ...]]:
    """The words a text may name a person by again, each as its words: the last word, and any word written
    in capitals as reference works write surnames (*VIZCARRA* of *Martin Alberto VIZCARRA Cornejo*)."""
    forms = [words(name)[-1:]] if words(name) else []
    forms += [words(part) for part in name.split() if len(part) > 1 and part.isalpha() and part.isupper()]
    return list(dict.fromkeys(form for form in forms if form))


def contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether the words ``shorter`` stand together, in order, among ``longer`` (never for no words)."""
    size = len(shorter)
    if size < 2:
        return size == 1 and shorter[0] in longer
    first = shorter[0]  # only where the first word stands: most texts have it nowhere
    return any(
        longer[start : start + size] == shorter for start in range(len(longer) - size + 1) if longer[start] == first
    )


def letter_words(text: str) -> list[str]:
    """The lower-cased runs of ASCII letters in ``text``: the words a word-vector table can know."""
    return [word.lower() for word in _LETTERS.findall(text)]


@cache
def zipf(word: str) -> float:
    """How common an English word is (0 rare .. 8 very common)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def rarity(word: str) -> float:
    """Smooth inverse frequency: about 0 for *the*, 0.5 at Zipf 5, about 1 for rare words."""
    return 1.0 / (1.0 + 10 ** (zipf(word) - 5.0))


_OUR_STEMS = "col|fav|hon|lab|neighb|harb|hum|rum|vap|behavi|od|vig|arm|endeav|sav|tum|val|flav|splend|glam"
_RE_STEMS = "cent|met|lit|theat|fib|calib|somb|spect|lust|meag|sab|manoeuv"
_BRITISH_TO_AMERICAN = (
    (re.compile(r"^([a-z]{3,}i)s(ation|ations|e|ed|es|ing)$"), r"\1z\2"),
    (re.compile(rf"^({_OUR_STEMS})our(s|ed|ing|able|ite|ites)?$"), r"\1or\2"),
    (re.compile(rf"^({_RE_STEMS})re(s|d)?$"), r"\1er\2"),
    (re.compile(r"^([a-z]{3,})ogue(s)?$"), r"\1og\2"),
)
_AMERICAN_TO_BRITISH = (
    (re.compile(r"^([a-z]{3,}i)z(ation|ations|e|ed|es|ing)$"), r"\1s\2"),
    (re.compile(rf"^({_OUR_STEMS})or(s|ed|ing|able|ite|ites)?$"), r"\1our\2"),
    (re.compile(rf"^({_RE_STEMS})er(s)?$"), r"\1re\2"),
)
_NOT_SPELLING_PAIRS = frozenset(
    "advertise advise compromise exercise expertise franchise otherwise premise revise supervise surprise televise "
    "enterprise merchandise chastise despise devise disguise excise incise improvise precise concise paradise "
    "promise cruise bruise four hour pour tour your flour detour devour contour troubadour acre ogre genre".split()
)


def spelling_variants(text: str) -> list[str]:
    """``text`` in the other of British and American spelling, where a word has a regular variant
    (*colonisation* / *colonization*, *vapour* / *vapor*, *centre* / *center*); empty when none."""
    variants = []
    for rules in (_BRITISH_TO_AMERICAN, _AMERICAN_TO_BRITISH):
        changed = [_respelled(word, rules) for word in text.split(" ")]
        candidate = " ".join(changed)
        if candidate != text:
            variants.append(candidate)
    return variants


def _respelled(word: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    if word.lower() in _NOT_SPELLING_PAIRS or not word.isalpha() or not word.islower():
        return word
    for pattern, replacement in rules:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word
