"""The item-writing flaws rules can find, after the published checklists.

The flaws are those of the common checklist of 19 flaws in multiple-choice items (Tarrant et al.
2006, after Haladyna, Downing and Rodriguez 2002) that a rule can see in the text alone: the
answer longest, grammatical cues, a stem word repeated in the answer, absolute terms, a negative
stem, "all/none of the above", numeric options out of order, duplicate and overlapping options, a
stem that needs text the student does not have, more than one correct answer, and options of
mixed kinds. Each rule stays silent where the surface form cannot tell: a flaw it misses costs
less than a good item the builder drops.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import combinations

from quizgen.check.asked import Asked, Choice
from quizgen.check.registry import rule
from quizgen.check.text import (
    STOPWORDS,
    bare_integer,
    capitalised,
    comparison_key,
    contains_words,
    content_stems,
    content_words,
    grammatical_number,
    interval,
    kind_of,
    number_value,
    number_word,
    word_stem,
    words,
)
from quizgen.english import indefinite_article, one_family

QUOTED_CHARACTERS = 60
"""Longest text a message quotes whole; a longer one is cut with an ellipsis."""


def _q(text: str) -> str:
    """``text`` in quotation marks, for a message: one line, cut at :data:`QUOTED_CHARACTERS`."""
    line = " ".join(text.split())
    shown = line if len(line) <= QUOTED_CHARACTERS else line[: QUOTED_CHARACTERS - 1].rstrip() + "…"
    return f"“{shown}”"


def _quoted(texts: Sequence[str]) -> str:
    return ", ".join(_q(text) for text in texts)


def _shown(asked: Asked, at_least: int = 2) -> Iterator[Choice]:
    """The choices of ``asked`` that show at least ``at_least`` wrong options."""
    return (choice for choice in asked.choices if len(choice.wrong) >= at_least)


# --- Cues in the options -------------------------------------------------------------------------------

LONGEST_RATIO = 1.5
"""The answer is *clearly* the longest when it has this many times the characters of the longest
wrong option, and more content words than any (*The Pickwick Papers* is not clearly longer than
*Oliver Twist*)."""


LONGEST_BY = 4
"""...and at least this many characters more (*ah* is not clearly longer than *p*)."""


@rule("answer-longest", "The answer is clearly longer than every other option.")
def answer_longest(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked):
        if choice.matched:
            continue
        longest = max(len(text) for text in choice.wrong)
        most_words = max(len(content_words(text)) for text in choice.wrong)
        clearly = len(choice.answer) >= max(LONGEST_RATIO * longest, longest + LONGEST_BY)
        if clearly and len(content_words(choice.answer)) > most_words:
            yield f"the answer {_q(choice.answer)} is much longer than every other option"


_ARTICLE_END = re.compile(r"\b(an?)\s*$", re.IGNORECASE)


@rule("article-cue", "The a/an before the blank fits the answer but not every option.")
def article_cue(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked, 1):
        article = _ARTICLE_END.search(choice.before) if choice.has_blank else None
        if article is None:
            continue
        word = article.group(1)
        misfits = [text for text in choice.options if indefinite_article(text) != word.lower()]
        if choice.answer in misfits:
            yield f"{_q(word)} before the blank does not fit the answer {_q(choice.answer)}"
        elif misfits:
            yield f"{_q(word)} before the blank rules out {_quoted(misfits)}"


_SINGULAR_BEFORE = frozenset("a an one each every another either neither".split())
_PLURAL_BEFORE = frozenset(
    "these those many several few both various numerous multiple two three four five six seven eight nine ten".split()
)
_SINGULAR_AFTER = frozenset("is was has does".split())
_PLURAL_AFTER = frozenset("are were have do".split())


def _more_than_one(word: str) -> bool:
    """Whether ``word`` is digits for a number above 1 (however many digits)."""
    return word.isdecimal() and word.lstrip("0") not in ("", "1")


def _number_asked(choice: Choice) -> tuple[str, str] | None:
    """The grammatical number the stem asks of the blank, and the word that asks it."""
    before, after = words(choice.before)[-1:], words(choice.after)[:1]
    if before and before[0] in _SINGULAR_BEFORE:
        return "singular", before[0]
    if before and (before[0] in _PLURAL_BEFORE or _more_than_one(before[0])):
        return "plural", before[0]
    if after and not choice.after.lstrip().startswith((",", ";", "(")):
        if after[0] in _SINGULAR_AFTER:
            return "singular", after[0]
        if after[0] in _PLURAL_AFTER:
            return "plural", after[0]
    return None


@rule("number-cue", "The stem asks for a singular or a plural that only some options are.")
def number_cue(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked, 1):
        asks = _number_asked(choice) if choice.has_blank else None
        if asks is None or grammatical_number(choice.answer) != asks[0]:
            continue
        other = "plural" if asks[0] == "singular" else "singular"
        misfits = [text for text in choice.wrong if grammatical_number(text) == other]
        if misfits:
            yield f"{_q(asks[1])} beside the blank asks for a {asks[0]}, which rules out {_quoted(misfits)}"


SHORT_OPTION_WORDS = 4
"""Capitals tell a name from a thing only in short options; in a clause a capital is just its first word."""
_NAME_CONNECTORS = frozenset("of the and de del la le du da von van y al bin".split())


def _terms(choice: Choice) -> bool:
    """Whether every option is a short term (not a clause, not *A and B*), so its capitals mean something."""
    return not choice.at_sentence_start and all(
        len(text.split()) <= SHORT_OPTION_WORDS and not _COMBINATION.match(text) for text in choice.options
    )


def looks_like_name(text: str) -> bool:
    """Whether an option is written like a name of two words or more (*Thomas Jefferson*, *Bay of Bengal*)."""
    found = [word for word in text.split() if word.lower() not in _NAME_CONNECTORS]
    return len(text.split()) > 1 and all(word[:1].isupper() for word in found)


def _capital_odd_one(choice: Choice) -> str | None:
    """The one option whose first letter is a capital where every other's is not, or the other way round."""
    styles = {text: capitalised(text) for text in choice.options}
    for text, style in styles.items():
        others = {styles[other] for other in choice.options if other != text} - {None}
        if style is not None and others == {not style}:
            return text
    return None


@rule("capital-cue", "One option alone is capitalised, or alone is not.")
def capital_cue(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked):
        odd = _capital_odd_one(choice) if _terms(choice) and not choice.matched else None
        if odd is None or (odd != choice.answer and capitalised(odd) and looks_like_name(odd)):  # kind-mix
            continue
        alone = "the only capitalised option" if capitalised(odd) else "the only option not capitalised"
        yield f"{'the answer ' if odd == choice.answer else ''}{_q(odd)} is {alone}"


@rule("stem-word-in-answer", "The answer repeats a word of the stem that no wrong option has.")
def stem_word_in_answer(asked: Asked) -> Iterator[str]:
    for choice in asked.choices:
        stem = f"{choice.before} {choice.after}"
        if _whole_in(stem, choice.answer):
            yield f"the answer {_q(choice.answer)} stands in the stem itself"
            continue
        if not choice.wrong:
            continue
        cued = _family_in(content_stems(choice.answer), content_stems(stem))
        cued -= set().union(*(_family_in(content_stems(text), content_stems(stem)) for text in choice.wrong))
        if cued:
            repeated = sorted(word for word in words(choice.answer) if word_stem(word) in cued)
            yield f"the answer repeats {_quoted(list(dict.fromkeys(repeated)))} from the stem; no wrong option does"


def _family_in(option: set[str], stem: set[str]) -> set[str]:
    """The stems of an option's words that have a word of their family in the stem (*bubonic* beside
    *buboes*, *sunlight* beside *Sun*; see :func:`quizgen.english.one_family`)."""
    return {word for word in option if any(one_family(word, other) for other in stem)}


def _whole_in(stem: str, answer: str) -> bool:
    """Whether the answer's words, with content, stand together in the stem (*the Nile* ... blank: Nile)."""
    found, wanted = words(stem), words(answer)
    if not wanted or all(word in STOPWORDS for word in wanted):
        return False
    size = len(wanted)
    return any(found[start : start + size] == wanted for start in range(len(found) - size + 1))


# --- Wording of stems and options ----------------------------------------------------------------------

_ABSOLUTE = re.compile(
    r"(?<![\w-])(always|never|all|none|every|everyone|everything|everybody|nobody|nothing|no one|entirely|"
    r"completely|totally|absolutely|invariably|forever)(?![\w-])(?! else)",
    re.IGNORECASE,
)
_NOT_ABSOLUTE = re.compile(
    r"\b(?:not only|if only|at all|above all|all of the above|none of the above|all but|once and for all|the only"
    r"|(?:almost|nearly|virtually|practically|not|hardly|just about) (?:all|every\w*|always|never|none|nothing)"
    r"|every (?:other |single )?(?:day|night|morning|evening|week|weekend|month|year|summer|winter|spring|autumn|"
    r"time|hour|minute|second|decade|century|few \w+))\b",
    re.IGNORECASE,
)


def absolute_terms(text: str) -> list[str]:
    """The absolute words of ``text`` (*always*, *never*, *all*...), not counting set phrases (*not only*,
    *almost all*, *every year*). *Only* is not counted: it mostly restricts (*only a few centimetres*)."""
    return [match.group(1).lower() for match in _ABSOLUTE.finditer(_NOT_ABSOLUTE.sub(" ", text))]


@rule(
    "absolute-terms",
    "Absolute words (always, never, all, none...) in wrong options only, or in a true/false statement.",
)
def absolute_words(asked: Asked) -> Iterator[str]:
    if asked.form == "statement":
        found = absolute_terms(asked.stem)
        if found:
            said = _quoted(list(dict.fromkeys(found)))
            yield f"the statement says {said}: students guess that absolute statements are false"
        return
    for choice in _shown(asked, 1):
        if absolute_terms(choice.answer):
            continue
        flagged = [text for text in choice.wrong if absolute_terms(text)]
        if flagged:
            yield f"only wrong options use absolute words: {_quoted(flagged)}"


_NEGATIVE = re.compile(r"\b(not|never|except|cannot|none|no longer|\w+n['’]t)\b", re.IGNORECASE)
_NOT_NEGATIVE = re.compile(r"\b(?:not (?:surprisingly|only|least|yet)|if not|whether or not)\b", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*?|__?|<(?:b|strong|em|i|u)>)\s*$", re.IGNORECASE)


@rule("negative-stem", "The question asks with not/except without setting the word apart.")
def negative_stem(asked: Asked) -> Iterator[str]:
    if asked.form != "choice":
        return
    stem = _NOT_NEGATIVE.sub(lambda found: " " * len(found.group()), asked.stem)
    for match in _NEGATIVE.finditer(stem):
        word = match.group(1)
        if word.isupper() or _EMPHASIS.search(stem[: match.start()]):
            continue
        yield f"the question asks with {_q(word)}: ask positively, or write it in capitals"
        return


_COMBINATION = re.compile(
    r"^\s*(?:(all|none|both|neither|any) (?:of )?(?:the )?(above|following|these|those|them)"
    r"|(?:both )?[A-F](?:\s*(?:,|and|&|or)\s*[A-F])+)\s*\.?\s*$",
    re.IGNORECASE,
)


@rule("all-none-above", "An option is “all/none of the above” or a combination of other options.")
def all_none_above(asked: Asked) -> Iterator[str]:
    for choice in asked.choices:
        flagged = [text for text in choice.options if _COMBINATION.match(text)]
        if flagged:
            yield f"{_quoted(flagged)} rewards partial knowledge: give options that each stand alone"


# --- The options as a set ------------------------------------------------------------------------------


@rule("numeric-order", "Numeric options are not listed in order.")
def numeric_order(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked):
        if choice.listed is None:
            continue
        values = [number_value(text) for text in choice.options]
        listed = [value for value in values if value is not None]
        if len(listed) == len(values) and listed != sorted(listed) and listed != sorted(listed, reverse=True):
            yield f"the numbers {_quoted(list(choice.options))} are not in order: list them from lowest to highest"


@rule("duplicate-options", "Two wrong options say the same thing.")
def duplicate_options(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked, 1):
        counts = Counter(comparison_key(text) for text in choice.wrong)
        repeated = [text for text in choice.wrong if counts[comparison_key(text)] > 1]
        if repeated:
            yield f"the options {_quoted(list(dict.fromkeys(repeated)))} are the same"


@rule("overlapping-options", "One option contains another, or two numeric ranges overlap.")
def overlapping_options(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked, 1):
        parts, ranges = [], []
        for first, second in combinations(choice.options, 2):
            if comparison_key(first) == comparison_key(second):
                continue
            if contains_words(first, second) or contains_words(second, first):
                shorter, longer = sorted((first, second), key=lambda text: len(words(text)))
                parts.append(f"{_q(shorter)} is part of {_q(longer)}")
            elif _ranges_overlap(first, second):
                ranges.append(f"{_q(first)} and {_q(second)} overlap")
        if parts or ranges:
            yield "options overlap: " + "; ".join([*parts, *ranges])


def _ranges_overlap(first: str, second: str) -> bool:
    """Whether two options, one at least a range (*1914–1918*, *more than 40*), share a value."""
    if interval(first) is None and interval(second) is None:
        return False
    spans = _span(first), _span(second)
    if spans[0] is None or spans[1] is None:
        return False
    return max(spans[0][0], spans[1][0]) <= min(spans[0][1], spans[1][1])


def _span(text: str) -> tuple[float, float] | None:
    value = number_value(text)
    return interval(text) or (None if value is None else (value, value))


@rule("more-than-one-correct", "A wrong option is the answer in other words, or an answer the item accepts.")
def more_than_one_correct(asked: Asked) -> Iterator[str]:
    for choice in asked.choices:
        right = {comparison_key(text) for text in (choice.answer, *choice.accepted)}
        also_right = [text for text in choice.kept_wrong if comparison_key(text) in right]
        if also_right:
            yield f"the wrong answer {_quoted(list(dict.fromkeys(also_right)))} is also right"


_KIND_NAMES = {"year": "year", "number": "number", "text": "word"}


@rule("kind-mix", "The options mix kinds: a year among words, a number among names, a name among things.")
def kind_mix(asked: Asked) -> Iterator[str]:
    for choice in _shown(asked):
        kinds = [kind_of(text) for text in choice.options]
        pairs = list(zip(choice.options, kinds, strict=True))
        if "number" in kinds:  # 1500 among counts is a count
            kinds = ["number" if bare_integer(text) else kind for text, kind in pairs]
        if "text" in kinds:  # "one" among "several", "many"
            kinds = ["text" if number_word(text) else kind for text, kind in zip(choice.options, kinds, strict=True)]
        counts = Counter(kinds)
        if len(counts) > 1:
            usual = counts.most_common(1)[0][0]
            unlike = [text for text, kind in zip(choice.options, kinds, strict=True) if kind != usual]
            verb = "is" if len(unlike) == 1 else "are"
            yield f"{_quoted(unlike)} {verb} not a {_KIND_NAMES[usual]} like the other options"
            continue
        odd = _capital_odd_one(choice) if kinds[0] == "text" and _terms(choice) else None
        if odd is not None and odd != choice.answer and capitalised(odd) and looks_like_name(odd):
            yield f"the option {_q(odd)} is a name among common words"


# --- Stems that need the text --------------------------------------------------------------------------

_POINTS_BACK = re.compile(
    r"\b(?:this|these|such)\b(?! as\b| that\b| days\b)"
    r"|\bthe (?:latter|former|above|aforementioned|preceding|foregoing)\b"
    r"|\b(?:above|below)[- ]mentioned\b"
    r"|\bas (?:mentioned|noted|stated|discussed|described|explained|shown|seen)\b"
    r"|\bas we (?:shall|will|have) (?:see|show|seen|shown)\b"
    r"|\b(?:see|shown|mentioned|described|listed|noted|discussed) (?:above|below|earlier|previously)\b"
    r"|\bin (?:either|both|each|that) case\b"
    r"|\((?:see|cf\.)\s"
    r"|\b(?:figure|fig\.|table|chapter|section|page|example)\s+\d",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]\s|,\s+(?:and|but|so|while|whereas|yet)\s")
"""Where a second clause starts: a *this* after it may point back to the first (*... and these discoveries*)."""
_OF_THE_OPTIONS = re.compile(
    r"\b(?:which|one|each|any|all|none|both) of (?:these|the following)\b"
    r"|\b(?:these|the following) (?:events|terms|steps|items|statements|options|answers|words|pairs|definitions"
    r"|names|people|dates|stages)\b",
    re.IGNORECASE,
)
"""Words that point at the item's own options or parts (*Which of these*, *Put these events in order*)."""
_POINTS_BACK_OPENING = re.compile(
    r"^(?:(?:here|then|thus|hence|therefore|however|to make matters worse)\b"
    r"|(?:moreover|furthermore|consequently|nevertheless|nonetheless|meanwhile|instead|similarly|likewise|besides|"
    r"otherwise|indeed|also|again|still|for (?:example|instance)|in addition|as a result|in contrast|by contrast|"
    r"on the other hand|in other words|at the same time|after that|even so|in turn|above all)\s*,)",
    re.IGNORECASE,
)
"""An opening that points back: a connective, with its comma where the word also opens a sentence that
stands alone (*Still water...*, *As a result of the war...*, *Besides gold...*)."""
_OPENING_PRONOUN = re.compile(r"^(?:they|their|them|he|she|his|her|him)\b", re.IGNORECASE)


def needs_context(text: str) -> str | None:
    """The words of ``text`` that point at text the student does not have, if any."""
    stripped = _OF_THE_OPTIONS.sub(" ", text).strip().lstrip("“\"'(")
    for pattern in (_POINTS_BACK_OPENING, _OPENING_PRONOUN):
        opening = pattern.match(stripped)
        if opening:
            return opening.group()
    found = _POINTS_BACK.search(_CLAUSE_BREAK.split(stripped, maxsplit=1)[0])
    if found:
        return found.group().strip(" (")
    return None


@rule("needs-context", "The stem points at text the student does not have (this, these, such, the latter...).")
def stem_needs_context(asked: Asked) -> Iterator[str]:
    for text in asked.texts:
        found = needs_context(text)
        if found:
            yield f"{_q(found)} points at text the student does not have"
