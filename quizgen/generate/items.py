"""Turning a chosen answer into a multiple-choice, cloze or true/false item.

Difficulty is a count of what makes an item harder, documented in docs/builder.md:
+1 when the sentence comes from the body rather than the key points or lead,
+1 when the answer is a number or date (exact recall), +1 when the answer is a
rare word (Zipf frequency under 3), +1 for cloze (recall, not recognition),
-1 for true/false. At most 0 is easy, 1 medium, 2 or more hard.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import TypedDict

from quizgen.generate.accept import InDocument, head_is_clear, name_forms, species_forms
from quizgen.generate.lexicon import Lexicon
from quizgen.generate.numbers import number_spellings, numeric_value
from quizgen.generate.stems import claim, short_parts, standing_alone, stem_for_options
from quizgen.generate.types import LIST_KINDS, NUMERIC_KINDS, Answer, AnswerKind
from quizgen.generate.words import spelling_variants, zipf
from quizgen.model import (
    Blank,
    Cloze,
    Difficulty,
    MultipleChoice,
    Option,
    Source,
    TrueFalse,
    cloze_text,
    item_id,
    item_tags,
    option_letter,
)

RARE_ZIPF = 3.0


def item_random(seed: int, answer: Answer) -> random.Random:
    """Random choices for one item, fixed by the seed and the item alone (not by its neighbours)."""
    return random.Random(f"{seed}\x1f{answer.sentence.document_id}\x1f{answer.sentence.text}\x1f{answer.text}")


def multiple_choice(answer: Answer, distractors: list[str], rng: random.Random) -> MultipleChoice:
    """A four-option item; numeric options in ascending order, others shuffled."""
    texts = [answer.text, *distractors]
    if answer.kind == "reason":  # "Because of its location ..." opened its sentence, the others did not
        texts = [text[:1].upper() + text[1:] for text in texts]
    correct = texts[0]
    if answer.kind in NUMERIC_KINDS and all(numeric_value(text) is not None for text in texts):
        texts.sort(key=lambda text: numeric_value(text) or 0.0)
    else:
        rng.shuffle(texts)
    options = tuple(Option(option_letter(index), text) for index, text in enumerate(texts))
    return MultipleChoice(
        question=stem_for_options(answer, distractors),
        options=options,
        answer=option_letter(texts.index(correct)),
        **_common(answer, MultipleChoice.type),
    )


def cloze(
    answer: Answer,
    lexicon: Lexicon,
    distractors: Sequence[str] = (),
    synonyms: Sequence[str] = (),
    document: InDocument | None = None,
) -> Cloze:
    """The sentence with the answer as blank 1; other names for it (in ``lexicon``, and ``synonyms``: other
    words for it in the sentence's sense; the forms ``document``, what the answer's document names, allows)
    are accepted too, and ``distractors`` (plausible wrong answers, best first) are kept for word banks."""
    found = _accepted(answer, lexicon, document)
    accepted = [name for name in dict.fromkeys([*found, *synonyms]) if name != answer.text]
    return Cloze(
        text=_cloze_text(answer),
        blanks=(Blank(1, answer.text, tuple(accepted), tuple(distractors)),),
        **_common(answer, Cloze.type),
    )


def true_false(answer: Answer, wrong: str, rng: random.Random) -> TrueFalse:
    """The claim of the sentence as it stands (true) or with the answer swapped for ``wrong`` (false), by the seed.

    The claim is the sentence without a leading connective ("However,", "For example,") that points
    at text the student does not have.
    """
    is_true = rng.random() < 0.5
    replacement = answer.text if is_true else wrong
    statement = claim(answer, replacement) or standing_alone(answer, replacement)
    return TrueFalse(statement=statement, answer=is_true, **_common(answer, TrueFalse.type))


class _Common(TypedDict):
    id: str
    explanation: str
    source: Source
    tags: tuple[str, ...]
    difficulty: Difficulty


def _common(answer: Answer, item_type: str) -> _Common:
    """The fields every item type shares, all derived from the answer and its sentence."""
    return _Common(
        id=item_id(answer.sentence.document_id, answer.sentence.text, answer.text),
        explanation=explanation(answer),
        source=_source(answer),
        tags=_tags(answer, item_type),
        difficulty=difficulty(answer, item_type),
    )


def _replaced(answer: Answer, replacement: str) -> str:
    """The source sentence with the answer's span replaced."""
    text = answer.sentence.text
    return f"{text[: answer.start]}{replacement}{text[answer.end :]}".strip()


def _cloze_text(answer: Answer) -> str:
    """The source sentence with the answer's span as blank 1, standing alone, its other text escaped
    (see :func:`~quizgen.model.cloze_text`)."""
    before, after = short_parts(answer)
    return cloze_text([_ARTICLE_BEFORE_BLANK.sub(_either_article, before), 1, after])


_ARTICLE_BEFORE_BLANK = re.compile(r"\b([Aa])n?(\s+)$")
"""*a* or *an* just before a blank: it tells the student whether the answer starts with a vowel."""


def _either_article(found: re.Match[str]) -> str:
    return f"{found.group(1)}(n){found.group(2)}"


def explanation(answer: Answer) -> str:
    """The source sentence with the answer marked in square brackets, and where it stands."""
    return f"The text says: “{_replaced(answer, f'[{answer.text}]')}” ({answer.sentence.section})"


def difficulty(answer: Answer, item_type: str) -> Difficulty:
    """Easy, medium or hard by the documented count (see the module docstring)."""
    points = 0
    points += answer.sentence.part == "body"
    points += answer.kind in NUMERIC_KINDS
    points += answer.kind == "term" and zipf(answer.text.split()[-1].lower()) < RARE_ZIPF
    points += item_type == Cloze.type
    points -= item_type == TrueFalse.type
    return "easy" if points <= 0 else "medium" if points == 1 else "hard"


def _accepted(answer: Answer, lexicon: Lexicon, document: InDocument | None = None) -> list[str]:
    """What else a student may rightly write: other names, the surname alone (a surname's full name), the
    number as digits or words, the other spelling (British or American), a species' abbreviated genus, the
    noun without its adjectives where the document names no other kind of it."""
    text = answer.text
    accepted = lexicon.aliases_of(text)
    if answer.kind == "number" and "," in text:
        accepted.append(text.replace(",", ""))
    if answer.kind == "person" or (" " not in text and text[:1].isupper()):
        accepted += name_forms(text, document)  # a surname the tagger took for a term: "VIZCARRA"
    accepted += species_forms(text, document)
    accepted += number_spellings(text)
    named_place = answer.kind in PLACE_KINDS or lexicon.category_of(text.partition(" ")[2]) is not None
    accepted += _in_english(text) + _place_forms(text) + lexicon.full_names(text) if named_place else []
    heads = [*(_compound_head(text) if answer.kind == "term" else []), *([answer.head] if answer.head else [])]
    accepted += spelling_variants(text)
    for head in heads:
        accepted += [head, *spelling_variants(head)] if head_is_clear(text, head, document) else []
    return [name for name in dict.fromkeys(accepted) if name != text]


PLACE_KINDS: frozenset[AnswerKind] = frozenset({"place", "name", *LIST_KINDS})
_GENERIC_NAMES = {
    "lago": "Lake",
    "lac": "Lake",
    "laguna": "Lake",
    "monte": "Mount",
    "mont": "Mount",
    "nevado": "Mount",
    "cerro": "Mount",
    "pico": "Mount",
    "volcán": "Mount",
    "volcan": "Mount",
}
"""The word a place's name begins with in Spanish, Italian, Portuguese or French, and its English one
(not *Rio*: English keeps it, as in *Rio Grande*); the name alone is right too (*Huascaran* for *Nevado
Huascaran*)."""


_PLACE_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern ancient modern upper lower".split()
)
"""Words before a place's name that narrow it (*Western South America*, *Ancient Egypt*): the name alone is
right too."""
_LAKE_WORDS = frozenset({"lake", "lago", "lac"})
_MOUNT = re.compile(r"^(?:Mount|Mt\.?)\s+(?=[A-Z])")


def _place_forms(name: str) -> list[str]:
    """A place's name without a word that narrows it ("South America" for "Western South America"), a lake's
    without *Lake* ("Titicaca" for "Lago Titicaca"), and a mountain's as *Mt.* or alone ("Mt. Fuji", "Fuji" for
    "Mount Fuji")."""
    first, _, rest = name.partition(" ")
    narrowing = first.lower() in _PLACE_QUALIFIERS or first.lower() in _LAKE_WORDS or first.lower() in _GENERIC_NAMES
    forms = [rest] if narrowing and rest[:1].isupper() else []
    english = _in_english(name)
    mountain = english[0] if english and english[0].startswith("Mount ") else name
    if _MOUNT.match(mountain):
        alone = _MOUNT.sub("", mountain)
        forms += [alone, f"Mt. {alone}", f"Mount {alone}"]
    return forms


def _compound_head(term: str) -> list[str]:
    """A two-word term's head noun alone where the first word only says which one (*flea* for *rat flea*,
    *rainforest* for *Congo rainforest*); not a name's (*Old Kingdom*)."""
    words = term.split()
    if len(words) != 2 or not words[1].islower() or not words[1].isalpha() or words[0].endswith("."):
        return []
    return [words[1]] if zipf(words[1]) >= HEAD_ZIPF else []  # not "pestis" for "Yersinia pestis"


HEAD_ZIPF = 3.0
"""A head noun rarer than this is no English word a student writes alone (*pestis*, *coli*)."""


def _in_english(name: str) -> list[str]:
    """A place's name with its generic word in English ("Lago Titicaca" -> "Lake Titicaca"), if it has one."""
    first, _, rest = name.partition(" ")
    english = _GENERIC_NAMES.get(first.lower())
    return [f"{english} {rest}"] if english and rest else []


def _name_forms(name: str) -> list[str]:
    """Other ways a student writes a full name (see :func:`quizgen.generate.accept.name_forms`)."""
    return name_forms(name)


def _source(answer: Answer) -> Source:
    return Source(section=answer.sentence.section, sentence=answer.sentence.text)


def _tags(answer: Answer, item_type: str) -> tuple[str, ...]:
    return item_tags(answer.sentence.document_id, answer.sentence.section, item_type, answer.kind)
