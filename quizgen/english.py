"""English spelling rules that more than one stage needs: the builder picks wrong options that agree
with the stem by them, and the item-flaw checker (:mod:`quizgen.check`) finds options that do not."""

from __future__ import annotations

import re

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
