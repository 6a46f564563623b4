"""English spelling rules that more than one stage needs: the builder picks wrong options that agree
with the stem by them, and the item-flaw checker (:mod:`quizgen.check`) finds options that do not."""

from __future__ import annotations

import re

STEM_SHARE = 0.7
"""Share of the shorter word two words must have in common at the start to be forms of one word."""

COMPOUND_REST = 4
"""Letters a word must have after a shorter word it starts with to be a compound of it (*sun*, *sunlight*)."""

COMPOUND_REST_ZIPF = 3.5
"""How common (Zipf) that rest must be as a word of its own: *light* of *sunlight*, not *ennae* of *antennae*."""

_ELEVEN_EIGHTEEN = re.compile(r"^1[18](\d{2})?(\D|$)")
_VOWEL_SOUND_H = re.compile(r"^(hour|honest|honou?r|heir)")
_CONSONANT_SOUND_VOWEL = re.compile(r"^(uni|use|usu|uti|eu|ewe|one\b|once|ur[aeiou]|uk)")


def indefinite_article(text: str) -> str:
    """``a`` or ``an`` for ``text``, by the sound of its first word (*an hour*, *a university*, *an 8*, *an FBI*)."""
    word = text.split()[0] if text.split() else ""
    lowered = word.lower()
    if not word:
        return "a"
    if word[0].isdigit():
        return "an" if lowered.startswith("8") or _ELEVEN_EIGHTEEN.match(lowered) else "a"
    if len(word) > 1 and word.isupper():
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    if _VOWEL_SOUND_H.match(lowered):
        return "an"
    if _CONSONANT_SOUND_VOWEL.match(lowered):
        return "a"
    return "an" if lowered[0] in "aeiou" else "a"


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


def one_family(first: str, second: str) -> bool:
    """Two words of one family, as a student sees it: forms of one word (:func:`same_stem`: *buboe*,
    *bubonic*), or a compound that starts with the other word (*sun*, *sunlight*; *ice*, *icefields*)."""
    if same_stem(first, second):
        return True
    shorter, longer = sorted((first.lower(), second.lower()), key=len)
    if len(shorter) < 3 or not longer.startswith(shorter) or len(longer) - len(shorter) < COMPOUND_REST:
        return False
    from wordfreq import zipf_frequency  # only here: most checks never need the frequency table

    return bool(zipf_frequency(longer[len(shorter) :], "en") >= COMPOUND_REST_ZIPF)  # not *ennae* of *antennae*
