"""Plausible wrong numbers, years, decades and centuries, in the answer's own format.

A year gets nearby years (1935 -> 1929, 1941...), a decade nearby decades, a
count scaled values rounded like the answer (103,000 -> 77,000, 150,000), so
no option stands out by its form.
"""

from __future__ import annotations

import random
import re
from math import floor, log10

CURRENT_YEAR = 2026
ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first"
).split()
_NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
_YEAR = re.compile(r"^(\d{3,4})(s?)((?:\s+(?:BCE|BC|CE|AD))?)$")
_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)$")
_CENTURY = re.compile(r"^(\w+)(\s+centur(?:y|ies))$", re.IGNORECASE)


def variants(kind: str, text: str, rng: random.Random) -> list[str]:
    """Wrong values of the same kind and format as ``text``, most plausible first."""
    if kind in ("year", "decade"):
        return _year_variants(text, rng)
    if kind == "century":
        return _century_variants(text, rng)
    if kind == "number":
        return _number_variants(text, rng)
    if kind == "percent":
        return _number_variants(text, rng, most=100.0)
    if kind == "number_word":
        return _word_variants(text, rng)
    return []


def _year_variants(text: str, rng: random.Random) -> list[str]:
    match = _YEAR.match(text)
    if not match:
        return []
    year, decade, era = int(match.group(1)), match.group(2), match.group(3)
    step = 10 if decade else _ancient_roundness(year) if era.strip() in ("BCE", "BC") else 1
    offsets = [step * n for n in range(-30, 31) if n != 0 and abs(n) >= 2]
    rng.shuffle(offsets)
    offsets.sort(key=lambda offset: abs(offset) // (step * 8))  # prefer years within a few decades
    results = []
    for offset in offsets:
        value = year + offset
        before_common_era = era.strip() in ("BCE", "BC")
        if value <= 0 or (not before_common_era and value > CURRENT_YEAR) or len(str(value)) != len(str(year)):
            continue
        results.append(f"{value}{decade}{era}")
    return results


def _ancient_roundness(year: int) -> int:
    """The step between wrong years for a year before the common era: an ancient date is known to its decade or
    century (*around 3150 BCE*), so wrong years are as round as it (3100, 3250 BCE), never a precise 3144 BCE
    beside the only round option."""
    return next((step for step in (100, 50, 10) if year % step == 0), 1)


def _number_variants(text: str, rng: random.Random, most: float | None = None) -> list[str]:
    match = _NUMBER.match(text)
    if not match:
        return []
    digits, fraction, percent = match.group(1), match.group(2) or "", match.group(3)
    value = float(digits.replace(",", "") + fraction)
    decimals = len(fraction) - 1 if fraction else 0
    if value < 10 and not decimals:
        candidates = [value + step for step in (-3, -2, -1, 1, 2, 3, 4, 5) if value + step > 0]
        rng.shuffle(candidates)
    else:
        factors = [0.5, 0.6, 0.75, 0.8, 1.25, 1.4, 1.5, 2.0, 2.5]
        rng.shuffle(factors)
        candidates = [_round_like(value * factor, value, decimals) for factor in factors]
    if percent:
        most = 100.0
    if most is not None:
        candidates = [candidate for candidate in candidates if candidate <= most]
    formatted = [_format(candidate, decimals, "," in digits) + percent for candidate in candidates]
    return [number for number in dict.fromkeys(formatted) if number != text]


def _round_like(value: float, original: float, decimals: int) -> float:
    """Round ``value`` to as many significant digits as ``original`` shows."""
    if decimals:
        return round(value, decimals)
    significant = len(str(int(original)).rstrip("0")) or 1
    magnitude = floor(log10(abs(value))) if value else 0
    return float(round(value, -(magnitude - significant + 1)))


def _format(value: float, decimals: int, commas: bool) -> str:
    if decimals:
        return f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    return f"{int(value):,}" if commas else str(int(value))  # the answer's own format: 7500 -> 9000, not 9,000


def _century_variants(text: str, rng: random.Random) -> list[str]:
    match = _CENTURY.match(text)
    if not match:
        return []
    ordinal, rest = match.group(1), match.group(2)
    number = _ordinal_number(ordinal)
    if number is None:
        return []
    offsets = [-3, -2, -1, 1, 2]
    rng.shuffle(offsets)
    offsets.sort(key=abs)
    results = []
    for offset in offsets:
        value = number + offset
        if 1 <= value <= 21:
            word = _ordinal_text(value, numeric=ordinal[0].isdigit())
            results.append((word.capitalize() if ordinal[0].isupper() else word) + rest)
    return results


def _ordinal_number(ordinal: str) -> int | None:
    digits = re.match(r"^(\d+)(st|nd|rd|th)$", ordinal.lower())
    if digits:
        return int(digits.group(1))
    lowered = ordinal.lower()
    return ORDINAL_WORDS.index(lowered) + 1 if lowered in ORDINAL_WORDS else None


def _ordinal_text(number: int, numeric: bool) -> str:
    if not numeric:
        return ORDINAL_WORDS[number - 1]
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _word_variants(text: str, rng: random.Random) -> list[str]:
    lowered = text.lower()
    if lowered not in _NUMBER_WORDS:
        return []
    index = _NUMBER_WORDS.index(lowered)
    nearby = [word for i, word in enumerate(_NUMBER_WORDS) if i != index and abs(i - index) <= 4]
    rng.shuffle(nearby)
    nearby.sort(key=lambda word: abs(_NUMBER_WORDS.index(word) - index))
    return [word.capitalize() if text[0].isupper() else word for word in nearby]


_SMALL_NUMBERS = ("zero", "one", *_NUMBER_WORDS)


def number_spellings(text: str) -> list[str]:
    """The other way to write a small whole number: ``six`` -> ``6``, ``6`` -> ``six`` (zero to twelve)."""
    lowered = text.lower()
    if lowered in _SMALL_NUMBERS:
        return [str(_SMALL_NUMBERS.index(lowered))]
    if text.isdigit() and int(text) < len(_SMALL_NUMBERS):
        return [_SMALL_NUMBERS[int(text)]]
    return []


_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])\b\d{3,4}\b(?!\d|[,.]\d)")


def years_in(text: str) -> list[int]:
    """The years ``text`` names: its numbers of three or four digits that are no part of a larger number."""
    return [int(found) for found in _YEAR_IN_TEXT.findall(text)]


def year_value(text: str) -> int | None:
    """The year ``text`` names, negative before the common era; ``None`` when it names none."""
    found = re.search(r"\d{3,4}", text)
    if found is None:
        return None
    return -int(found.group()) if re.search(r"\bBC", text) else int(found.group())


def numeric_value(text: str) -> float | None:
    """The number an option stands for, to sort numeric options in order."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if match:
        value = float(match.group().replace(",", ""))
        return -value if re.search(r"\bBC", text) else value
    lowered = text.lower().split()[0] if text.split() else ""
    if lowered in ORDINAL_WORDS:
        return float(ORDINAL_WORDS.index(lowered) + 1)
    if lowered in _NUMBER_WORDS:
        return float(_NUMBER_WORDS.index(lowered) + 2)
    return None
