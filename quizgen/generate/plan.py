"""Choosing which answers become items, and of which type.

Every sentence gives at most one item and every answer is asked once, so no
two items test the same thing. Sentences are taken in rounds across sections
(the best remaining sentence of each section per round), so a long section
does not crowd out the others. Each answer's type is fixed by a hash of the answer
and its sentence (half multiple choice, three in ten cloze, one in five
true/false; dates, numbers, people and members of curated lists, whose wrong
options are easiest to make right, ask for multiple choice where others ask for
cloze), and falls back to cloze when three good wrong options cannot be found.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import zip_longest

from quizgen.check import check_item
from quizgen.check.asked import asked as what_is_asked
from quizgen.generate.distractors import Distractors
from quizgen.generate.importance import of_a_family
from quizgen.generate.items import cloze, item_random, multiple_choice, true_false
from quizgen.generate.knowledge import Knowledge
from quizgen.generate.numbers import numeric_value, years_in
from quizgen.generate.options import BuildOptions
from quizgen.generate.stems import claim
from quizgen.generate.types import (
    CHOICE_KINDS,
    CLASS_KINDS,
    COUNT_KINDS,
    FOREIGN_OPTIONS_KINDS,
    NUMERIC_KINDS,
    PERSON_KINDS,
    STATEMENT_KINDS_EXCLUDED,
    YEAR_KINDS,
    Answer,
)
from quizgen.generate.words import contains_run, letter_words, normalise, surnames, words, zipf
from quizgen.model import Cloze, Item, ItemClass, MultipleChoice, TrueFalse

MCQ_OPTIONS_FROM_DOCUMENT = 1
"""Wrong options of a multiple-choice item that must come from its own document (see Distractors.choose)."""

CLASS_OPTIONS_FROM_DOCUMENT = 2
"""The same for answers that need options of their semantic class (terms, places, groups...): the
document's own words of the class are on its topic and in its sense, where the lexical knowledge may
take another sense of the word ("box", "bucket" for a stack of thylakoids)."""


@dataclass
class PlanStats:
    """Counts for the quality report: how often multiple choice had to fall back to cloze."""

    wanted_choice: int = 0
    """Items that asked to be multiple choice or true/false."""
    fell_back: int = 0
    """Of those, items that became cloze for want of three good wrong options."""
    by_document: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The same two counts for each document, by its id."""
    many_right_words: dict[str, int] = field(default_factory=dict)
    """For each document, the blanks not asked because a student could rightly write many other words
    for them and no word bank or multiple-choice item could be made (see :func:`_cloze`)."""

    def record(self, document_id: str, fell_back: bool) -> None:
        """Count one item that asked to be multiple choice or true/false, and whether it became cloze."""
        self.wanted_choice += 1
        self.fell_back += fell_back
        wanted, fell = self.by_document.get(document_id, (0, 0))
        self.by_document[document_id] = (wanted + 1, fell + fell_back)


def plan_items(
    sentence_answers: Sequence[Sequence[Answer]],
    distractors: Distractors,
    options: BuildOptions,
    stats: PlanStats | None = None,
    shown: Sequence[str] = (),
) -> list[Item]:
    """The items for one document, in document order (at most ``options.item_limit``); none whose answer
    stands in ``shown``, what the quiz's other items show (see :func:`shown_by`)."""
    stats = stats if stats is not None else PlanStats()
    chosen: list[tuple[int, Item]] = []
    asked: set[str] = set()
    asked_answers: list[Answer] = []
    used: Counter[str] = Counter()
    texts = [answers[0].sentence.text for answers in sentence_answers if answers]
    numbers_left = _numeric_quota(len(texts), options.item_limit)
    rounds = _in_rounds(sentence_answers)
    for index, answers in enumerate(rounds):
        later = [other[0] for other in rounds[index + 1 :]]
        candidates = _unnamed_elsewhere_first(answers, texts)
        for answer in sorted(candidates, key=lambda candidate: _spoils_better(candidate, later)):
            if answer.key in asked or _gives_away(answer, asked_answers) or _given_by_its_sentence(answer):
                continue
            if any(_names(text, answer) for text in shown):
                continue
            if answer.kind in NUMERIC_KINDS and numbers_left <= 0:
                continue
            preferred = _preferred_type(answer, options.types)
            item = _make_item(answer, distractors, options, preferred, used)
            if item is not None and check_item(item):
                item = None  # the last gate would leave it out unreplaced: the sentence's next answer instead
            if item is None and _has_many_right_words(answer, distractors):
                document = answer.sentence.document_id
                stats.many_right_words[document] = stats.many_right_words.get(document, 0) + 1
            if item is not None and preferred is not Cloze:
                stats.record(answer.sentence.document_id, isinstance(item, Cloze))
            if item is not None:
                chosen.append((answer.sentence.position, item))
                asked.add(answer.key)
                asked_answers.append(answer)
                used[normalise(answer.text)] += 1  # another item's answer as a wrong option only when nothing else fits
                numbers_left -= answer.kind in NUMERIC_KINDS
                break
        if len(chosen) >= options.item_limit:
            break
    chosen = _without_answers_as_options(chosen, asked_answers, distractors, options, used)
    return [item for _, item in sorted(chosen, key=lambda pair: pair[0])]


def _without_answers_as_options(
    chosen: list[tuple[int, Item]],
    answers: Sequence[Answer],
    distractors: Distractors,
    options: BuildOptions,
    used: Counter[str],
) -> list[tuple[int, Item]]:
    """The chosen items, each multiple-choice item that offers a later item's answer as a wrong option (930
    beside the item that asks for 930) made again with every answer of the quiz counted as used; kept as it
    was where nothing else fits, unless it is multiple choice only for want of a true/false statement,
    when it becomes the cloze it would otherwise be."""
    keys = [normalise(answer.text) for answer in answers]
    result: list[tuple[int, Item]] = []
    for (position, item), answer, key in zip(chosen, answers, keys, strict=True):
        if any(option in keys and option != key for option in _wrong_options(item)):
            # Options used elsewhere count once and answers more, so any option comes before another's answer.
            seen = Counter({option: 1 for option in used if used[option]})
            seen.update(dict.fromkeys(keys, ANSWER_AS_USED))
            again = _make_item(answer, distractors, options, MultipleChoice, seen)
            item = again if isinstance(again, MultipleChoice) and not check_item(again) else item
            fallen_back = _preferred_type(answer, options.types) is not MultipleChoice
            if fallen_back and any(option in keys and option != key for option in _wrong_options(item)):
                item = _as_cloze(answer, distractors, options, item)
            used.update(_wrong_options(item))
        result.append((position, item))
    return result


def _as_cloze(answer: Answer, distractors: Distractors, options: BuildOptions, item: Item) -> Item:
    """``item`` as a cloze where one can be made of its answer, else ``item``."""
    if Cloze not in options.types or answer.kind == "reason":
        return item
    made = _cloze(answer, distractors, item_random(options.seed, answer))
    return made if made is not None and not check_item(made) else item


def _wrong_options(item: Item) -> list[str]:
    """A multiple-choice item's wrong options, normalised (none for other types)."""
    return [normalise(o.text) for o in item.options if o.id != item.answer] if isinstance(item, MultipleChoice) else []


ANSWER_AS_USED = 2
"""How many uses an answer of the quiz counts as when an item is made again, where an option already used
counts as one (the ranking caps uses at two)."""


NUMERIC_SHARE = 0.25
"""At most about this share of a quiz asks for a date or a number: a text full of figures (a fact sheet,
a chronology) would otherwise give a quiz of recall of figures, where its ideas are what matters."""


def _numeric_quota(sentences: int, limit: int) -> int:
    """How many items of a quiz may ask for a date or a number (at least one)."""
    return max(1, round(min(sentences, limit) * NUMERIC_SHARE))


_NUMBER = re.compile(r"\d+(?:\.\d+)?")

TOPIC_MENTIONS = 3
"""An answer that this many other sentences of the document name is its topic ("the Sun" in a text on
the seasons): a blank for it is filled from general knowledge of the text, and it would rule out every
other item that mentions it."""


def _unnamed_elsewhere_first(answers: Sequence[Answer], texts: Sequence[str]) -> list[Answer]:
    """The sentence's answers that are not the document's topic, those no other sentence names first:
    asking a name the rest of the text keeps repeating would rule out every other item that mentions it."""
    mentions = {id(a): sum(_names(text, a) for text in texts if text != a.sentence.text) for a in answers}
    kept = [answer for answer in answers if mentions[id(answer)] < TOPIC_MENTIONS]
    return sorted(kept, key=lambda answer: mentions[id(answer)] > 0)


def _given_by_its_sentence(answer: Answer) -> bool:
    """Whether the rest of the sentence gives the answer: a share that another share completes to
    100, or a count of what the sentence then lists ("in three stages: ..." is counted, not known)."""
    return _completes_a_whole(answer) or _counts_a_listing(answer)


_COUNTED = re.compile(r"^[^:;,.]{1,40}:")
"""A count followed by what it counts and a colon: "three sequential stages: ..."."""


def _counts_a_listing(answer: Answer) -> bool:
    return answer.kind in ("number", "number_word") and bool(_COUNTED.match(answer.sentence.text[answer.end :]))


def _completes_a_whole(answer: Answer) -> bool:
    """Whether a share is what another share of the sentence leaves of 100 ("about _____ percent is salt
    water, and less than 3 percent is fresh"): the blank is sums, not knowledge."""
    if answer.kind not in COUNT_KINDS:
        return False
    value = numeric_value(answer.text)
    others = [numeric_value(found) for found in _NUMBER.findall(answer.rest)]
    return value is not None and any(other is not None and abs(value + other - 100) < 1e-9 for other in others)


def _gives_away(answer: Answer, asked: Sequence[Answer]) -> bool:
    """Whether ``answer`` and an item already chosen would give each other away or ask one thing twice:
    the other item's sentence names this answer, this answer's sentence names the other's (a person by
    surname too), or the two answers are one term (*rat flea*, *fleas*)."""
    return any(
        _names(_shown(other), answer) or _names(_shown(answer), other) or _same_term(answer, other) for other in asked
    )


def _spoils_better(answer: Answer, later: Sequence[Answer]) -> bool:
    """Whether an item of ``answer`` would show the best answer of a sentence still to come that scores
    higher (*Wegener named the supercontinent _____* before the key point *a supercontinent called
    Pangaea*): a sentence asks first an answer that spoils no better one."""
    shown = _shown(answer)
    return any(other.score > answer.score and _names(shown, other) for other in later)


def _shown(answer: Answer) -> str:
    """What an item of ``answer`` may show of its sentence besides the answer: its question and its cut
    clause (a clause the cut leaves out is never read, so it gives nothing away)."""
    if answer.clause is None:
        return f"{answer.stem} {answer.rest}"
    before, after = answer.clause
    return f"{answer.stem} {before} {after}"


def _names(text: str, answer: Answer) -> bool:
    found = words(text)
    return any(form and contains_run(found, form) for form in _forms(answer))


def _forms(answer: Answer) -> list[tuple[str, ...]]:
    """The words that name ``answer``: all of them and, for a person, the surname alone (the last word,
    or a word written in capitals as reference works write surnames: *VIZCARRA* of *Martin Alberto
    VIZCARRA Cornejo*)."""
    forms = [words(answer.text)]
    if answer.kind in PERSON_KINDS and len(forms[0]) > 1:
        forms += surnames(answer.text)
    return forms


def _same_term(answer: Answer, other: Answer) -> bool:
    """Whether two answers name one thing: one holds the other's words (*Duchy*, *Duchy of Normandy*), or
    two terms have heads of one family (*rat flea*, *fleas*): one fact asked twice."""
    mine, theirs = words(answer.text), words(other.text)
    numeric = not mine or not theirs or mine[0].isdigit() or theirs[0].isdigit()
    if not numeric and (contains_run(mine, theirs) or contains_run(theirs, mine)):
        return True
    if answer.kind not in TERM_KINDS or other.kind not in TERM_KINDS:
        return False
    heads = [letter_words(found.text)[-1:] for found in (answer, other)]
    return all(heads) and of_a_family(heads[0][0], heads[1])


TERM_KINDS = frozenset({"term", "defined"})
"""Answers named by a common noun, whose forms (*flea*, *fleas*) name one thing."""


def shown_by(items: Sequence[Item]) -> tuple[str, ...]:
    """Everything a student reads in ``items`` (stems, parts and options): an item of the same quiz whose
    answer stands there is given away by them. (Their own keys may stand in another item's stem: a
    matching item lists its terms itself, and one of a multiple-answer item's keys named elsewhere tells
    nothing of the others.)"""
    texts: list[str] = []
    for item in items:
        read = what_is_asked(item)
        texts += read.texts
        texts += [option for choice in read.choices for option in (choice.answer, *choice.wrong)]
    return tuple(texts)


def _in_rounds(sentence_answers: Sequence[Sequence[Answer]]) -> list[Sequence[Answer]]:
    """Sentences with answers, best first within each section, sections interleaved."""
    by_section: dict[str, list[Sequence[Answer]]] = defaultdict(list)
    for answers in sentence_answers:
        if answers:
            by_section[answers[0].sentence.section].append(answers)
    queues = [sorted(group, key=lambda answers: -answers[0].score) for group in by_section.values()]
    queues.sort(key=lambda queue: -queue[0][0].score)
    return [answers for round_ in zip_longest(*queues) for answers in round_ if answers is not None]


def _preferred_type(answer: Answer, types: frozenset[ItemClass]) -> ItemClass:
    """The type an answer asks to become, fixed by the answer alone.

    Deriving it from the item rather than its position keeps every other item's
    type (and so its identity in Anki) unchanged when one sentence is edited.
    """
    slot = int(hashlib.sha256(f"{answer.sentence.text}\x1f{answer.text}".encode()).hexdigest(), 16) % 20
    if slot < 4 and TrueFalse in types:
        return TrueFalse
    if slot < 10 and Cloze in types and answer.kind not in CHOICE_KINDS:
        return Cloze
    if MultipleChoice in types:
        return MultipleChoice
    return next(cls for cls in (Cloze, TrueFalse) if cls in types)


def _dates_elsewhere(answer: Answer) -> bool:
    """Whether a year answer's sentence names other years, which a swapped year could contradict
    ("In 1668, John Needham (1713–1781)...")."""
    if answer.kind not in YEAR_KINDS:
        return False
    return bool(years_in(answer.rest))


def _from_document(answer: Answer) -> int:
    if answer.kind in FOREIGN_OPTIONS_KINDS:
        return 0
    return CLASS_OPTIONS_FROM_DOCUMENT if answer.kind in CLASS_KINDS else MCQ_OPTIONS_FROM_DOCUMENT


def _make_item(
    answer: Answer, distractors: Distractors, options: BuildOptions, preferred: ItemClass, used: Counter[str]
) -> Item | None:
    rng = item_random(options.seed, answer)
    types = options.types
    if preferred is Cloze:
        made = _cloze(answer, distractors, rng) if answer.kind != "reason" else None
        if made is None and MultipleChoice in types and answer.kind == "term":
            return _choice_of_many_right_words(answer, distractors, rng, used)
        return made
    can_be_statement = (
        TrueFalse in types
        and answer.kind not in STATEMENT_KINDS_EXCLUDED
        and answer.full_clause
        and not _dates_elsewhere(answer)
        and reworded(answer)
    )
    if preferred is MultipleChoice or not can_be_statement:
        from_document = _from_document(answer)
        wrong = distractors.choose(answer, rng, from_document=from_document, used=used)
        if wrong is not None and MultipleChoice in types:
            used.update(normalise(option) for option in wrong)
            return multiple_choice(answer, wrong, rng)
    if can_be_statement:
        # A false statement swaps in one of the document's own names or dates: one from elsewhere ("France's
        # Hitler abandoned his quest") makes a statement no reader takes for true, a nudged date (1533 -> 1536)
        # tests a detail, not the fact, and one the statement names already contradicts it.
        lure = distractors.lure(answer, rng)
        if lure is not None and not contains_run(words(claim(answer, answer.text) or ""), words(lure)):
            return true_false(answer, lure, rng)
    return _cloze(answer, distractors, rng) if Cloze in types and answer.kind != "reason" else None


def _choice_of_many_right_words(
    answer: Answer, distractors: Distractors, rng: random.Random, used: Counter[str]
) -> MultipleChoice | None:
    """A multiple-choice item for a word a cloze cannot ask (many right words, no word bank), when three
    wrong options of its class are found and none is a near synonym of it (*recession* for *slowdown*)."""
    knowledge = distractors.knowledge
    wrong = distractors.choose(answer, rng, from_document=_from_document(answer), used=used)
    if knowledge is None or wrong is None or any(knowledge.close_in_meaning(answer.text, w) for w in wrong):
        return None
    used.update(normalise(option) for option in wrong)
    return multiple_choice(answer, wrong, rng)


def reworded(answer: Answer) -> bool:
    """Whether a true/false statement of ``answer`` says its claim in other words: the claim exists and its
    words are not the sentence's own in the sentence's order (*The kingdom stretched from the Nile delta*, the
    sentence with its opening link and an apposition cut, is the sentence copied: a student recognises it
    without understanding it)."""
    said = claim(answer, answer.text)
    return said is not None and not _in_order(words(said), words(answer.sentence.text))


def _in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether the words ``part`` stand among ``whole`` in the same order (gaps allowed)."""
    rest = iter(whole)
    return all(word in rest for word in part)


CLOZE_DISTRACTORS = 3
"""Plausible wrong answers a cloze blank keeps (for a worksheet's word bank), when there are any."""

CLOZE_DISTRACTORS_AT_LEAST = 2
"""Fewer wrong answers than this and a cloze blank keeps none: it is asked as free recall."""


def _cloze(answer: Answer, distractors: Distractors, rng: random.Random) -> Cloze | None:
    """A cloze item, or ``None`` when its blank is a common word with many near synonyms (*slowdown*:
    recession, downturn...) and three plausible wrong answers for a word bank cannot be found: as free
    recall, a student writing a right word would be marked wrong."""
    knowledge = distractors.knowledge
    term = knowledge is not None and answer.kind == "term"
    synonyms = knowledge.synonyms(answer.text, answer.sentence.text, answer.plural) if knowledge and term else []
    rest = words(answer.rest)
    # A synonym the sentence itself uses is the word it defines the answer by ("tiny pores ... called
    # stomata"), so writing it in the blank is no answer; a rare one ("retardation") is no word a student writes.
    synonyms = [s for s in synonyms if not contains_run(rest, words(s)) and _written_by_students(s, answer.text)]
    noun = knowledge.noun_of_adjective(answer.text, answer.plural) if knowledge and term else None
    synonyms += [noun] if noun else []  # "heterotrophs" for "heterotrophic organisms"
    other = _in_the_other_number(answer, knowledge) if knowledge and term else None
    synonyms += [other] if other else []
    bank = distractors.word_bank(answer, rng, CLOZE_DISTRACTORS)
    if len(bank) < CLOZE_DISTRACTORS_AT_LEAST:
        bank = []  # one wrong word beside the answer is a choice of two: reviews rated nearly all of them C
    open_word = knowledge is not None and term and len(bank) < CLOZE_DISTRACTORS
    if (
        open_word
        and knowledge is not None
        and knowledge.many_right_words(answer.text, answer.sentence.text, answer.plural)
    ):
        return None
    return cloze(answer, distractors.lexicon, bank, synonyms, distractors.pool.in_document(answer.sentence.document_id))


_NUMBERLESS_BEFORE = re.compile(r"(?<![\w-])(?:the|its|their|his|her|our)\s+$", re.IGNORECASE)
_COUNTED_BEFORE = re.compile(r"\b(?:one|each|many|some|all|most|both|few|several|none|any)\s+of\s+\w+\s+$", re.I)
_NUMBERLESS_AFTER = re.compile(r"^\s*(?:$|[,;:.)]|(?:of|in|on|at|from|to|with|by|for|within|across|into|near)\b)")


def _in_the_other_number(answer: Answer, knowledge: Knowledge) -> str | None:
    """A term in the other number (*glacier* for *glaciers*), where the sentence says nothing of its number: after
    *the* or an owner and before a preposition or the clause's end, not the subject of a verb (*the flea became*)
    nor counted (*one of the fleas*)."""
    text = answer.sentence.text
    before, after = text[: answer.start], text[answer.end :]
    if not _NUMBERLESS_BEFORE.search(before) or _COUNTED_BEFORE.search(before) or not _NUMBERLESS_AFTER.match(after):
        return None
    *modifiers, last = answer.text.split()
    plural = answer.plural or knowledge.wordnet.lemma(last.lower(), True) not in (None, last.lower())
    other = knowledge.wordnet.lemma(last.lower(), True) if plural else knowledge.plural_of(last.lower())
    if not other or other == last.lower() or " " in other:
        return None
    return " ".join([*modifiers, other[:1].upper() + other[1:] if last[:1].isupper() else other])


def _has_many_right_words(answer: Answer, distractors: Distractors) -> bool:
    knowledge = distractors.knowledge
    return (
        knowledge is not None
        and answer.kind == "term"
        and knowledge.many_right_words(answer.text, answer.sentence.text, answer.plural)
    )


SYNONYM_ZIPF = 2.5
"""A WordNet synonym rarer than this (Zipf frequency) is not accepted: no student writes it."""
SAME_SPELLING = 6
"""A synonym whose first this many letters are the answer's is another spelling of it (*conquistadores*)."""


def _written_by_students(synonym: str, answer: str) -> bool:
    """Whether a student may write ``synonym`` for ``answer``: a common enough word, or another spelling."""
    spelling = synonym[:SAME_SPELLING].lower() == answer[:SAME_SPELLING].lower()
    return spelling or zipf(synonym.split()[-1]) >= SYNONYM_ZIPF


def item_of_type(answer: Answer, distractors: Distractors, options: BuildOptions, item_type: ItemClass) -> Item | None:
    """An item of ``item_type`` alone for ``answer``, as the plan would make it, or ``None`` when that type
    cannot be made of it (too few good wrong options): how one item is rebuilt on its own."""
    only = replace(options, types=frozenset({item_type}))
    return _make_item(answer, distractors, only, item_type, Counter())
