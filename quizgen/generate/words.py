"""Word helpers for the whole stage: comparison keys, word splitting, frequency and stems.

Everything else in :mod:`quizgen.generate` imports these; this module imports nothing of the stage.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

STEM_SHARE = 0.7
"""Share of the shorter word two words must have in common at the start to be forms of one word."""

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[A-Za-z]+")


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


def same_stem(first: str, second: str) -> bool:
    """Two forms of one word: a shared start of at least four letters and 70% of the shorter word
    (*reduced*, *reducing*; *lung*, *lungs*; not *chloroplast*, *chlorophyll*), or one inside the other
    (*synthesis*, *photosynthesis*)."""
    a, b = first.lower(), second.lower()
    shorter = min(len(a), len(b))
    if shorter >= 5 and (a in b or b in a):
        return True
    if shorter < 4 or a[:4] != b[:4]:
        return False
    common = next((index for index, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= STEM_SHARE * shorter
