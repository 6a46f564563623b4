"""Wrong options of the same kind as the answer, never also correct, never giving it away.

Candidates come, in this order, from the answer's own document, from the other
documents of the same run (:class:`Pool`), from the curated lists (:mod:`quizgen.generate.lexicon`),
from lexical knowledge (:mod:`quizgen.generate.knowledge`: WordNet co-hyponyms and
word-vector neighbours, for terms and names the document cannot serve) and from
generated variants (:mod:`quizgen.generate.numbers`). Each candidate must pass every
filter in :meth:`Distractors.acceptable`; among those left, the ones closest to the answer in
meaning (where lexical knowledge is on), length and word frequency are chosen.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from quizgen.check.rules import absolute_terms
from quizgen.english import indefinite_article, same_stem
from quizgen.generate.accept import InDocument
from quizgen.generate.knowledge import Knowledge
from quizgen.generate.lexicon import Category, Lexicon
from quizgen.generate.numbers import CURRENT_YEAR, numeric_value, variants, year_value, years_in
from quizgen.generate.types import (
    CLASS_KINDS,
    COUNT_KINDS,
    DOCUMENT_ONLY_KINDS,
    IDEA_KINDS,
    NUMERIC_KINDS,
    SEMANTIC_KINDS,
    YEAR_KINDS,
    Answer,
    Sentence,
)
from quizgen.generate.words import contains_run, normalise, surnames, words, zipf

DISTRACTOR_COUNT = 3
NUMBERED_KINDS = frozenset({"term", "group", "defined"})
"""Kinds whose wrong options take the answer's number (singular or plural)."""
WORD_CLASS_KINDS = frozenset({"term", "defined"})
"""Kinds whose one-word wrong options must read as the answer's part of speech (see :func:`_other_word_class`)."""
_SHORTLIST = 12
LIFETIME_MARGIN = 5
"""A wrong year of an event of people the text dates lies at most this far outside the years it ties to them."""
MODERN_YEARS = 1500
"""From this year on, the people of a text are dated closely enough for :data:`LIFETIME_MARGIN`."""
NEAR_YEARS = 30
"""Years from the run this close to the answer are plausible wrong years; farther ones are not."""
_ARTICLE_BEFORE = re.compile(r"\b(an?)\s+$", re.IGNORECASE)
SEMANTIC_CANDIDATES = 60
"""Candidates asked of the lexical knowledge per answer."""
MENTION_WORDS = 5
"""The longest wrong option :meth:`Pool.mentions` finds in a document's text."""


@dataclass(frozen=True)
class Candidate:
    """A possible wrong option and where it came from."""

    text: str
    tier: int
    """0: same document, 1: same run, 2: curated list, lexical knowledge or generated, 3: wider list."""
    score: float | None = None
    """Lexical fit with the answer in its sentence (see :mod:`quizgen.generate.knowledge`); ``None`` when unscored."""


@dataclass
class Pool:
    """Every answer-like span seen in a run, by kind, remembering its document.

    The texts are indexed by kind and document and the other documents' texts kept sorted (by kind, and
    by last word for the kinds that take only those), each list made once after the last addition, so
    asking for an answer's candidates costs the answer's own document, not the whole run.
    """

    _entries: dict[str, dict[str, dict[str, str]]] = field(default_factory=lambda: defaultdict(dict))
    _years_of_people: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    """By document and a person's last name: the years named in the sentences that name the person."""
    _full_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Every multi-word person name seen, by each of its words: two parts of one name are one person."""
    _titles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """The titles each person's name was seen with ("president"), by the name and its last word."""
    _own: dict[tuple[str, str], list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    """By kind and document: each text with the position of its key among the kind's keys."""
    _positions: dict[tuple[str, str], int] = field(default_factory=dict)
    """By kind and key: the key's position among the kind's keys."""
    _sorted: dict[tuple[str, str | None, str], list[tuple[str, dict[str, str]]]] = field(default_factory=dict)
    """Made on demand, emptied on every addition: by kind (last word or ``None``, and title or "") the keys'
    first texts, sorted, each with the documents that have the key."""
    _titles_of_documents: dict[str, str] = field(default_factory=dict)
    """By document: its title (see :meth:`is_title`)."""
    _phrases: dict[str, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))
    """By document: every run of up to :data:`MENTION_WORDS` words of its text (see :meth:`mentions`)."""
    _relating: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))
    """By document: the words of each of its sentences that may put one thing within another or name a kind
    of another (see :meth:`part_of` and :meth:`kind_of`)."""

    def add(self, answer: Answer) -> None:
        """Remember ``answer`` as a candidate for answers of its kind (a person's last name too; a defined
        term for other terms as well)."""
        self._add(answer.kind, answer.text, answer.sentence.document_id)
        if answer.kind == "defined":
            self._add("term", answer.text, answer.sentence.document_id)
        if answer.title:
            self._titles[answer.key].add(answer.title)
            self._titles[normalise(answer.text.split()[-1])].add(answer.title)
            self._sorted.clear()
        if answer.kind == "person":
            for surname, *_ in surnames(answer.text):
                self._years_of_people[answer.sentence.document_id, surname].update(years_in(answer.sentence.text))
        if answer.kind == "person" and len(answer.text.split()) > 1:
            self._add(answer.kind, answer.text.split()[-1], answer.sentence.document_id)
            for word in words(answer.text):
                self._full_names[word].add(answer.key)

    def titled(self, text: str, title: str) -> bool:
        """Whether the person ``text`` was seen with ``title`` ("president") in the run."""
        return title in self._titles.get(normalise(text), set()) | self._titles.get(normalise(text.split()[-1]), set())

    def same_person(self, first: str, second: str) -> bool:
        """Whether two names are parts of one full name seen in the run ("Napoleon", "Bonaparte")."""
        return bool(self._names_containing(first) & self._names_containing(second))

    def _names_containing(self, text: str) -> set[str]:
        found = words(text)
        if not found:
            return set()
        return {name for name in self._full_names.get(found[0], ()) if _overlaps(text, name)}

    def _add(self, kind: str, text: str, document_id: str) -> None:
        keys = self._entries[kind]
        key = normalise(text)
        if key not in keys:
            keys[key] = {}
            self._positions[kind, key] = len(keys) - 1
        if document_id not in keys[key]:
            keys[key][document_id] = text
            self._own[kind, document_id].append((self._positions[kind, key], text))
            self._sorted.clear()

    def latest_year(self, document_id: str) -> int | None:
        """The latest year (of the common era) the document names, if any."""
        years = [year_value(text) for _, text in self._own.get(("year", document_id), ())]
        found = [year for year in years if year is not None and year > 0]
        return max(found) if found else None

    def years_of_people_in(self, sentence: Sentence) -> set[int]:
        """The years the document ties to the people ``sentence`` names (by last name), in any sentence."""
        found = set(words(sentence.text))
        return {
            year
            for (document_id, surname), years in self._years_of_people.items()
            if document_id == sentence.document_id and surname in found
            for year in years
        }

    def add_terms(self, terms: Iterable[str], document_id: str, kind: str = "term") -> None:
        """Remember a document's other key nouns (or other phrases of ``kind``, such as its reasons) as
        candidates for its answers of that kind."""
        for term in terms:
            self._add(kind, term, document_id)

    def add_text(self, text: str, document_id: str) -> None:
        """Remember what the document says, so a wrong option it mentions counts as one of its own."""
        found = words(text)
        self._phrases[document_id].update(
            found[start : start + size]
            for size in range(1, MENTION_WORDS + 1)
            for start in range(len(found) - size + 1)
        )
        self._relating[document_id].extend(
            sentence for sentence in map(words, _SENTENCE_END.split(text)) if _RELATING.intersection(sentence)
        )

    def part_of(self, document_id: str, part: str, whole: str) -> bool:
        """Whether a sentence of the document names ``part`` and puts something *within* or *inside* ``whole``
        (*Within the chloroplast is a third membrane that forms ... thylakoids*): a thylakoid is no wrong answer
        for where the chloroplast's work is done, nor the chloroplast for the thylakoid's."""
        part_words, whole_words = words(part), words(whole)
        return bool(part_words and whole_words) and any(
            _run_at(sentence, part_words) and _placed_within(sentence, whole_words)
            for sentence in self._relating.get(document_id, ())
        )

    def kind_of(self, document_id: str, narrower: str, broader: str) -> bool:
        """Whether the document names ``narrower`` as a kind of ``broader`` (*thylakoid membranes or other
        photosynthetic membranes*, *membranes such as thylakoid membranes*, *..., including thylakoid
        membranes*): then it is as right as the other."""
        part, whole = words(narrower), words(broader)
        return bool(part and whole) and any(
            _kind_named(sentence, part, whole) for sentence in self._relating.get(document_id, ())
        )

    def add_title(self, title: str, document_id: str) -> None:
        """Remember the document's title: what the text is about, never a wrong option of its items."""
        self._titles_of_documents[document_id] = title

    def is_title(self, document_id: str, text: str) -> bool:
        """Whether ``text`` is the document's title, word for word up to the form of each (*virus* for a text
        titled "Viruses"; not *Egypt* for one titled "Ancient Egypt")."""
        title = self._titles_of_documents.get(document_id, "")
        return len(words(text)) == len(words(title)) and _variant(text, title)

    def mentions(self, document_id: str, text: str) -> bool:
        """Whether the document's text has ``text``, word for word (see :meth:`add_text`)."""
        return words(text) in self._phrases.get(document_id, set())

    def in_document(self, document_id: str) -> InDocument:
        """What the document names: its people, its key terms and its other answers (for accept rules)."""
        own = {
            kind: [text for _, text in texts]
            for (kind, document), texts in self._own.items()
            if document == document_id
        }
        people = tuple(own.get("person", ()))
        terms = tuple([*own.get("term", []), *own.get("defined", [])])
        names = tuple(text for kind, texts in own.items() if kind not in ("person", "term", "reason") for text in texts)
        return InDocument(people, terms, names)

    def add_all(self, answers: Iterable[Answer]) -> None:
        """Remember every answer in ``answers``."""
        for answer in answers:
            self.add(answer)

    def candidates(self, answer: Answer, last_word: bool = False) -> list[Candidate]:
        """Texts of the same kind, the answer's own document first (in the order their keys were first
        seen), then the other documents' (by text). ``last_word``: of the other documents' texts only
        those of several words that end in the answer's last word (the answer being of several words).
        For an answer with a title ("President _____"), only names seen with that title."""
        document = answer.sentence.document_id
        own = [text for _, text in sorted(self._own.get((answer.kind, document), ()))]
        if answer.title:
            own = [text for text in own if self.titled(text, answer.title)]
        answer_words = answer.text.split()
        if last_word and len(answer_words) < 2:
            return [Candidate(text, 0) for text in own]
        others = self._others(answer.kind, answer_words[-1].lower() if last_word else None, answer.title)
        if answer.kind == "person":
            others = self._of_form(answer, others)
        return [Candidate(text, 0) for text in own] + [
            Candidate(text, 1) for text, documents in others if document not in documents
        ]

    def _others(self, kind: str, last_word: str | None, title: str) -> list[tuple[str, dict[str, str]]]:
        """The first text of each key of ``kind`` with the documents that have it, sorted by text: those
        ending in ``last_word`` where it is given, those seen with ``title`` where it is given."""
        found = self._sorted.get((kind, last_word, title))
        if found is None:
            firsts = [(next(iter(texts.values())), texts) for texts in self._entries.get(kind, {}).values()]
            if last_word is not None:
                firsts = [(text, texts) for text, texts in firsts if _last_word(text) == last_word]
            if title:
                firsts = [(text, texts) for text, texts in firsts if self.titled(text, title)]
            found = self._sorted[kind, last_word, title] = sorted(firsts, key=lambda pair: pair[0])
        return found

    def _of_form(self, answer: Answer, others: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
        """Of a person's ``others``, only the names :func:`_same_form` lets stand beside the answer (the
        rest would be rejected one by one): made once per form of name, so an answer's cost does not grow
        with the other documents' names of other forms."""
        text = answer.text
        form = (text[:1].isupper(), _is_acronym(text), len(text.split()), _has_capitalised_word(text))
        key = (answer.kind, None, f"{answer.title}\0{form}")
        found = self._sorted.get(key)
        if found is None:
            found = self._sorted[key] = [pair for pair in others if _same_form(answer, pair[0])]
        return found


def _last_word(text: str) -> str | None:
    """The last word of a text of several words, lower-cased (``None`` for one word)."""
    split = text.split()
    return split[-1].lower() if len(split) > 1 else None


class Distractors:
    """Chooses wrong options for the answers of a run, from its :class:`Pool`, the curated lists and,
    where ``knowledge`` is given, the lexical knowledge."""

    def __init__(self, pool: Pool, lexicon: Lexicon, knowledge: Knowledge | None = None) -> None:
        self.pool = pool
        self.lexicon = lexicon
        self.knowledge = knowledge

    def choose(
        self, answer: Answer, rng: random.Random, from_document: int = 0, used: Counter[str] | None = None
    ) -> list[str] | None:
        """Three wrong options for ``answer``, or ``None`` when three good ones cannot be found.

        ``from_document`` is how many of them must come from the answer's own document:
        when every wrong option is foreign to the text, "pick the one the text mentions"
        finds the answer without reading the question. ``used`` counts how often each
        option (normalised) already served in this quiz; fresh ones are preferred, so
        one word is not a wrong option on every other question of a sheet.
        """
        shortlist = self._shortlist(answer, rng, _SHORTLIST, used or Counter())
        if len(shortlist) < DISTRACTOR_COUNT or sum(c.tier == 0 for c in shortlist) < from_document:
            return None
        own = [c.text for c in shortlist if c.tier == 0][:from_document]
        rest = [c.text for c in shortlist if c.text not in own]
        return _not_standing_out(answer.text, own + rest, keep=len(own))

    def lure(self, answer: Answer, rng: random.Random) -> str | None:
        """The wrong answer a false true/false statement swaps in: the best-ranked of the document's own
        candidates of the answer's kind and class (another year, another person or place the text names), or
        ``None``. One from elsewhere reads false on its face (*The first cataract of the Ganges*), and a
        statement needs one lure, not three."""
        own = self._shortlist(answer, rng, 1, Counter(), own_only=True)
        return own[0].text if own else None

    def rank(self, answer: Answer, rng: random.Random, limit: int) -> list[str]:
        """Up to ``limit`` acceptable wrong options for ``answer``, best first."""
        return [candidate.text for candidate in self._shortlist(answer, rng, limit, Counter())]

    def word_bank(self, answer: Answer, rng: random.Random, limit: int) -> list[str]:
        """Up to ``limit`` wrong answers for a cloze's word bank, best first. For an answer of a semantic
        class outside the curated lists, only the document's own words: a word bank shows its words side
        by side with no question to steer them, where a lexical neighbour in another sense reads as
        absurd, or worse ("anger" beside "excitation")."""
        own_only = answer.kind in CLASS_KINDS and self._category(answer) is None
        return [candidate.text for candidate in self._shortlist(answer, rng, limit, Counter(), own_only)]

    def _shortlist(
        self, answer: Answer, rng: random.Random, limit: int, used: Counter[str], own_only: bool = False
    ) -> list[Candidate]:
        shortlist: list[Candidate] = []
        answer = self._in_its_number(answer)
        candidates = self._as_own(answer, self._candidates(answer, rng))
        if own_only:
            candidates = [candidate for candidate in candidates if candidate.tier == 0]
        candidates = [c for c in candidates if c.tier == 0 or not UNSUITABLE_WORDS.intersection(words(c.text))]
        if self.knowledge is not None and self._uses_semantics(answer):
            candidates = _with_lexical_scores(self.knowledge, answer, candidates)
        for candidate in _ranked(answer, candidates, used):
            chosen = [c.text for c in shortlist]
            if self.acceptable(answer, candidate.text, chosen) and not any(
                self.pool.same_person(candidate.text, other) for other in [answer.text, *chosen]
            ):
                shortlist.append(candidate)
            if len(shortlist) >= limit:
                break
        return shortlist

    def _as_own(self, answer: Answer, candidates: list[Candidate]) -> list[Candidate]:
        """``candidates``, those from the curated lists, the lexical knowledge or generated that the answer's
        document mentions anyway counted as its own (tier 0): a student who picks "the option the text
        mentions" finds them beside the answer, and they are on the text's topic. A wider list's member (a
        country of another continent) stays where it was: the text naming it makes it no closer to the answer."""
        document = answer.sentence.document_id
        own = 1 if answer.kind == "defined" else 0  # a definition's terms stand after its other definitions
        return [replace(c, tier=own) if c.tier == 2 and self.pool.mentions(document, c.text) else c for c in candidates]

    def _in_its_number(self, answer: Answer) -> Answer:
        """``answer``, plural where its parse missed it but its form says so: a term whose last word WordNet
        knows only as the plural of another (*lipids*, *fungi*), so its wrong options are plural too."""
        if answer.plural or self.knowledge is None or answer.kind not in NUMBERED_KINDS:
            return answer
        last = answer.text.split()[-1].lower()
        lemma = self.knowledge.wordnet.lemma(last)
        return replace(answer, plural=True) if lemma is not None and lemma != last else answer

    def _category(self, answer: Answer) -> Category | None:
        return self.lexicon.category(answer.category_name) if answer.category_name else None

    def _candidates(self, answer: Answer, rng: random.Random) -> list[Candidate]:
        candidates = self.pool.candidates(answer, last_word=answer.kind in DOCUMENT_ONLY_KINDS)
        if answer.kind in YEAR_KINDS:
            near = [c for c in candidates if _years_apart(c.text, answer.text) <= NEAR_YEARS * (1 + 2 * (c.tier == 0))]
            candidates = near + [Candidate(text, 2) for text in variants(answer.kind, answer.text, rng)]
        elif answer.kind in COUNT_KINDS:
            alike = [c for c in candidates if c.tier == 0 and _comparable_numbers(c.text, answer.text)]
            candidates = alike + [Candidate(text, 2) for text in variants(answer.kind, answer.text, rng)]
        elif answer.kind in NUMERIC_KINDS:
            candidates = [Candidate(text, 2) for text in variants(answer.kind, answer.text, rng)]
        elif answer.kind in IDEA_KINDS:
            candidates = [c for c in candidates if c.tier == 0] + self._terms_of_class(answer, rng)
        category = self._category(answer)
        if category is not None:
            members = list(category.members)
            rng.shuffle(members)
            wider = list(category.wider)
            rng.shuffle(wider)
            related = {normalise(member) for member in members}
            candidates = (
                [c for c in candidates if normalise(c.text) in related]
                + [Candidate(text, 2) for text in members]
                + [Candidate(text, 3) for text in wider]
            )
        elif self.knowledge is not None and answer.kind in SEMANTIC_KINDS:
            found = self.knowledge.candidates(answer.text, answer.sentence.text, SEMANTIC_CANDIDATES, answer.plural)
            candidates += [Candidate(text, 2, score) for text, score in found]
        return candidates

    def _terms_of_class(self, answer: Answer, rng: random.Random) -> list[Candidate]:
        """For a defined term, the candidates of a term (after the document's other defined terms), those
        that lexical knowledge can place only when of the answer's class."""
        if answer.kind != "defined":
            return []
        terms = self._candidates(replace(answer, kind="term"), rng)
        knowledge = self.knowledge
        return [  # after the other defined terms: a tier below the document's own
            replace(c, tier=max(c.tier, 1))
            for c in terms
            if knowledge is None or c.score is not None or knowledge.same_class(answer.text, c.text)
        ]

    def _fits_the_timeline(self, answer: Answer, text: str) -> bool:
        """Whether a wrong year stands on the same side as the answer of every other year in the sentence,
        and no later than the latest year the document names (a text written in 2024 knows no 2026)."""
        value, answer_value = year_value(text), year_value(answer.text)
        if value is None or answer_value is None:
            return True
        for other in years_in(answer.rest):
            if (value > other) != (answer_value > other) or value == other:
                return False
        lived = self.pool.years_of_people_in(answer.sentence) | {answer_value}
        if (
            answer_value >= MODERN_YEARS
            and len(lived) > 1
            and not (min(lived) - LIFETIME_MARGIN <= value <= max(lived) + LIFETIME_MARGIN)
        ):
            return False  # he won in 2016, so he did not resign in 1990: the text dates the people it names
        latest = self.pool.latest_year(answer.sentence.document_id)
        return value <= max(latest, answer_value) if latest is not None else True

    def _uses_semantics(self, answer: Answer) -> bool:
        return answer.kind in SEMANTIC_KINDS or answer.kind == "defined" or answer.category_name is not None

    def acceptable(self, answer: Answer, text: str, chosen: list[str]) -> bool:
        """Whether ``text`` may stand as a wrong option beside ``answer`` and the options ``chosen``.

        With lexical knowledge, a synonym, hypernym or hyponym of the answer or of a chosen option
        (in WordNet, any sense) is rejected too: "mammal" is no wrong answer for "dog".
        """
        key = normalise(text)
        lexicon = self.lexicon
        if not key or key == answer.key or lexicon.same_thing(text, answer.text):
            return False
        if _overlaps(key, answer.key) or _mentioned(text, answer.sentence.text) or _mentioned(text, _shown(answer)):
            return False  # the stem may name more than its sentence: "him" named as "Herbert Hoover"
        if self.pool.is_title(answer.sentence.document_id, text):
            return False  # "Peru" beside "Bolivia" in a text on Peru: what every claim is about is no wrong answer
        if any(_overlaps(key, normalise(other)) or lexicon.same_thing(text, other) for other in chosen):
            return False
        if _also_in_the_claim(lexicon, answer, text):
            return False  # "Madagascar" for "the island nation of _____", "Amazon" for "the longest river"
        if lexicon.member_of_named(text, answer.text) or lexicon.member_of_named(answer.text, text):
            return False  # "vacuoles" is an organelle: no wrong answer for "organelles"
        document_id = answer.sentence.document_id
        if answer.kind not in NUMERIC_KINDS and (
            self.pool.part_of(document_id, text, answer.text) or self.pool.part_of(document_id, answer.text, text)
        ):
            return False  # the text puts the thylakoids within the chloroplast: one is where the other is
        if answer.kind not in NUMERIC_KINDS and (
            narrower_kind(text, answer.text)
            or self.pool.kind_of(document_id, text, answer.text)
            or self.pool.kind_of(document_id, answer.text, text)
        ):
            return False  # "thylakoid membranes or other photosynthetic membranes": as right as the answer
        if answer.kind not in NUMERIC_KINDS and any(_variant(text, other) for other in [answer.text, *chosen]):
            return False  # "electrons" beside "electron", "carbohydrate molecules" beside "carbohydrates"
        if answer.kind in YEAR_KINDS and any(_years_apart(text, other) < 3 for other in [answer.text, *chosen]):
            return False  # 1597 beside 1598 looks generated
        if answer.kind in YEAR_KINDS and not self._fits_the_timeline(answer, text):
            return False  # "In 1931-32 ... and in _____" rules out 1854
        if answer.kind in YEAR_KINDS and not _within_a_span(answer.text, [text, *chosen]):
            return False  # 1937 beside 2016, 2021 and Kishida: the outlier is never the answer
        if answer.title and not self.pool.titled(text, answer.title):
            return False  # "President _____" asks for a president: every option must be one
        if not _article_agrees(answer, text):
            return False  # "an _____" beside "widespread famine"
        if answer.kind not in NUMERIC_KINDS and _repeats_stem_word(answer, text):
            return False  # an option that echoes the stem stands out
        if absolute_terms(text) and not absolute_terms(answer.text):
            return False  # "... from every farm" among wrong options only: absolutes mark them wrong
        if not _same_form(answer, text):
            return False
        if answer.kind == "reason" and _marker_stands_out(answer.text, text, chosen):
            return False  # "In order to survive" beside "To form ..." and "To carry out ...": the odd one out
        knowledge = self.knowledge  # the costly look-ups last, for the few candidates left
        if knowledge is not None and self._uses_semantics(answer):
            if answer.kind in CLASS_KINDS and not knowledge.same_class(answer.text, text):
                return False  # "rainforests" is no wrong option for "flocks"
            if answer.kind in WORD_CLASS_KINDS and _other_word_class(knowledge, answer.text, text):
                return False  # "much" and "deep" read as words of degree beside "the ocean", "coming" as a verb
            if knowledge.names_as_much(text, answer.text):
                return False  # "homes" beside "crowded dwellings": as right as the answer
            return not any(knowledge.related(text, other) for other in [answer.text, *chosen])
        return True


_ISLAND_CLAIM = re.compile(r"\b(islands?|archipelago|isles?)\b", re.IGNORECASE)
_LENGTH_CLAIM = re.compile(r"\b(long|longer|longest|length)\b", re.IGNORECASE)


def _also_in_the_claim(lexicon: Lexicon, answer: Answer, text: str) -> bool:
    """Whether ``text`` is as right as the answer for what the sentence says of it: another island country
    where the sentence says the answer is an island, a river near the answer's length in a claim of length."""
    sentence = answer.sentence.text
    if answer.kind == "countries" and _ISLAND_CLAIM.search(sentence):
        return lexicon.island_country(answer.text) and lexicon.island_country(text)
    if answer.kind == "rivers" and _LENGTH_CLAIM.search(sentence):
        return lexicon.near_in_length(answer.text, text)
    return False


UNSUITABLE_WORDS = frozenset(
    "erection erections erotic eroticism orgasm orgasms arousal sex sexual sexuality porn pornography "
    "genitals genitalia penis vagina masturbation intercourse prostitute prostitution rape".split()
)
"""Words the lexical knowledge may offer as a neighbour of a school term (*excitation*: *erection*)
that never stand as a wrong option a quizgen proposes; a document's own words are its teacher's."""


def _other_word_class(knowledge: Knowledge, answer: str, text: str) -> bool:
    """Whether the one-word option ``text``, read on its own, is of another part of speech than the answer for
    all the noun WordNet also knows it as: an adverb (*much*, *deep*) beside an answer that cannot be one, or
    a verb's *-ing* form (*coming*, *taking*) beside an answer that is none (it stands out by its form too)."""
    if knowledge.adverb(text) and not knowledge.adverb(answer):
        return True
    return knowledge.gerund(text) and not answer.lower().endswith("ing")


def _with_lexical_scores(knowledge: Knowledge, answer: Answer, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with their lexical fit to the answer in its sentence (those of the lexical layer have one)."""
    unscored = [c.text for c in candidates if c.score is None]
    found = knowledge.scores(answer.text, answer.sentence.text, unscored, answer.plural)
    scores = dict(zip(unscored, found, strict=True))
    return [c if c.score is not None else replace(c, score=scores[c.text]) for c in candidates]


def _ranked(answer: Answer, candidates: list[Candidate], used: Counter[str]) -> list[Candidate]:
    """Same-tier candidates ordered by how fresh they are in this quiz, then by their lexical score where
    they have one (it weighs form too), else by how alike they look to the answer."""
    if answer.kind in NUMERIC_KINDS:  # already in order of plausibility: fresh ones first, so the
        return sorted(candidates, key=lambda c: min(used[normalise(c.text)], 1))  # wrong years vary
    length = len(answer.text)
    rarity = zipf(answer.text.split()[-1].lower()) if answer.kind == "term" else 0.0

    def distance(candidate: Candidate) -> tuple[int, int, float]:
        shape = -0.5 * _same_last_word(candidate.text, answer.text)
        if candidate.score is not None:
            shape -= candidate.score
        else:
            shape += abs(len(candidate.text) - length) / max(length, 1)
            if answer.kind == "term":
                shape += abs(zipf(candidate.text.split()[-1].lower()) - rarity) / 4
        return candidate.tier, min(used[normalise(candidate.text)], 2), round(shape, 3)

    return sorted(candidates, key=distance)


def _article_agrees(answer: Answer, text: str) -> bool:
    """Whether ``text`` takes the indefinite article that stands before the blank, if one does."""
    before = _ARTICLE_BEFORE.search(answer.sentence.text[: answer.start])
    return before is None or indefinite_article(text) == before.group(1).lower()


def _repeats_stem_word(answer: Answer, text: str) -> bool:
    """Whether ``text`` has a word of four letters or more that the stem has too, singular or plural (*rats*
    beside "the black rat"), and the answer has not."""
    stem = _stem_forms(answer.rest)
    own = set(words(answer.text))
    return any(len(word) >= 4 and word in stem for word in set(words(text)) - own)


@lru_cache(maxsize=1 << 12)
def _stem_forms(rest: str) -> frozenset[str]:
    """The stem's words of three letters or more, each also as its plural and as the singular it is the
    plural of: one word, or one the other's plural (*rats*, *rat*; *farm* and *farmers* are two words).
    Made once per stem, as every candidate of its answer is checked against it."""
    forms: set[str] = set()
    for word in words(rest):
        if len(word) >= 3:
            forms.update((word, f"{word}s", f"{word}es"))
            forms.update(word[: -len(ending)] for ending in ("s", "es") if word.endswith(ending))
    return frozenset(forms)


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_WITHIN = frozenset({"within", "inside"})
_RELATING = _WITHIN | {"other", "such", "including"}
_PHRASE_WORDS = 4
"""How many words after *other* or before *such as* may name the broader kind."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


def _same_words(found: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    return len(found) == len(phrase) and all(x == y or same_stem(x, y) for x, y in zip(found, phrase, strict=True))


def _run_at(sentence: tuple[str, ...], phrase: tuple[str, ...]) -> list[int]:
    """Where ``phrase`` starts in ``sentence``, word for word up to the form of each word."""
    return [
        start
        for start in range(len(sentence) - len(phrase) + 1)
        if _same_words(sentence[start : start + len(phrase)], phrase)
    ]


def _placed_within(sentence: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``sentence`` has *within* or *inside* (and a determiner) just before ``whole``."""
    for start in _run_at(sentence, whole):
        before = sentence[max(0, start - 2) : start]
        if before[-1:] and before[-1] in _DETERMINERS:
            before = before[:-1]
        if before[-1:] and before[-1] in _WITHIN:
            return True
    return False


def _kind_named(sentence: tuple[str, ...], narrower: tuple[str, ...], broader: tuple[str, ...]) -> bool:
    """Whether ``sentence`` says *narrower or other B*, *B such as narrower* or *B including narrower*, where
    B is ``broader`` or a narrower kind of it."""
    for start in _run_at(sentence, narrower):
        end = start + len(narrower)
        if sentence[end : end + 2] in (("or", "other"), ("and", "other")):
            following = sentence[end + 2 : end + 2 + _PHRASE_WORDS]
            if any(_at_most_as_broad(following[:size], broader) for size in range(1, len(following) + 1)):
                return True
        marker = (
            2
            if sentence[max(0, start - 2) : start] == ("such", "as")
            else int(sentence[start - 1 : start] == ("including",))
        )
        if marker:
            preceding = sentence[max(0, start - marker - _PHRASE_WORDS) : start - marker]
            if any(_at_most_as_broad(preceding[-size:], broader) for size in range(1, len(preceding) + 1)):
                return True
    return False


def _at_most_as_broad(phrase: tuple[str, ...], broader: tuple[str, ...]) -> bool:
    """Whether ``phrase`` is ``broader`` or a narrower kind of it: the same head noun, with all of its
    modifiers and maybe more (*photosynthetic bacterial membranes* for *photosynthetic membranes*)."""
    if not phrase or not _same_words(phrase[-1:], broader[-1:]):
        return False
    return all(any(_same_words((word,), (other,)) for other in phrase[:-1]) for word in broader[:-1])


def narrower_kind(first: str, second: str) -> bool:
    """Whether one of two noun phrases is a narrower kind of the other by its words alone: the same head noun,
    with every modifier of one among the other's (*photosynthetic bacterial membranes* and *photosynthetic
    membranes*; not *thylakoid membranes*)."""
    one, other = words(first), words(second)
    return one != other and (_at_most_as_broad(one, other) or _at_most_as_broad(other, one))


def _variant(first: str, second: str) -> bool:
    """One phrase inside the other, word for word up to the form of each word ("electron" / "electrons",
    "carbohydrates" / "carbohydrate molecules"; see :func:`~quizgen.english.same_stem`)."""
    shorter, longer = sorted((words(first), words(second)), key=len)
    size = len(shorter)
    return size > 0 and any(
        all(x == y or same_stem(x, y) for x, y in zip(shorter, longer[start : start + size], strict=True))
        for start in range(len(longer) - size + 1)
    )


def _overlaps(first: str, second: str) -> bool:
    """One is a run of whole words of the other (``Michelsen`` / ``Alfonso López Michelsen``)."""
    shorter, longer = sorted((words(first), words(second)), key=len)
    return contains_run(longer, shorter)


def _mentioned(text: str, sentence: str) -> bool:
    return contains_run(words(sentence), words(text))


def _shown(answer: Answer) -> str:
    """What an item of ``answer`` shows besides its sentence's own words: its question and its clause, which
    name a reference the sentence only points at (see :mod:`quizgen.generate.references`)."""
    return " ".join((answer.stem, *(answer.clause or ())))


def _same_form(answer: Answer, text: str) -> bool:
    """Capitalisation, number and size alike, so the form does not point at the answer."""
    if text[:1].isupper() != answer.text[:1].isupper() and answer.kind not in NUMERIC_KINDS and answer.kind != "reason":
        return False
    if _is_acronym(text) != _is_acronym(answer.text):
        return False
    if answer.kind in NUMBERED_KINDS and _looks_plural(text) != answer.plural:
        return False
    count, answer_count = len(text.split()), len(answer.text.split())
    if answer.kind == "person" and (count > 1) != (answer_count > 1):
        return False  # "Alfred Wegener" beside "Wegener"-style single names stands out
    if answer.kind == "person" and _has_capitalised_word(text) != _has_capitalised_word(answer.text):
        return False  # "Jose Pedro CASTILLO Terrones" beside "Alfonso López Michelsen" stands out
    if answer.kind in PROPER_KINDS and _has_common_word(text) != _has_common_word(answer.text):
        return False  # "Little giants" is no name beside "Democrats" and "Republicans"
    if answer.kind != "reason" and _opens_with_preposition(text) != _opens_with_preposition(answer.text):
        return False  # "month" beside "In April": options alike in form
    return abs(count - answer_count) <= max(1, answer_count // 2)


_REASON_MARKERS = ("in order to", "so that", "because of", "due to", "owing to", "as a result of", "because", "to")


def _reason_marker(text: str) -> str:
    """The words a reason or purpose opens with ("in order to", "because"), or "" for none of them."""
    lowered = f"{' '.join(text.lower().split())} "
    return next((marker for marker in _REASON_MARKERS if lowered.startswith(f"{marker} ")), "")


def _marker_stands_out(answer: str, text: str, chosen: list[str]) -> bool:
    """Whether ``text`` would open with the same marker as a wrong option chosen ("to") where the answer's
    differs ("in order to"): wrong options that share a form the answer lacks point at the answer."""
    marker = _reason_marker(text)
    return marker != _reason_marker(answer) and any(_reason_marker(other) == marker for other in chosen)


_PREPOSITIONS = frozenset("in on at by for from to with during after before since until within".split())


def _opens_with_preposition(text: str) -> bool:
    """Whether ``text`` opens with a preposition (*In April*, *at noon*): an option without one beside it
    stands out by its form."""
    found = text.split()
    return len(found) > 1 and found[0].lower() in _PREPOSITIONS


PROPER_KINDS = frozenset({"person", "group", "place", "organisation", "named", "name", "event", "law"})
"""Kinds whose answers are names, every word capitalised but the words that join them (titles of works aside)."""
_JOINING_WORDS = frozenset(
    "of the and for on in at de del la le les von van der da das do dos du des di al el y bin ibn".split()
)


def _has_common_word(text: str) -> bool:
    """Whether a word of ``text`` is in lower case and joins no name's words (*giants* of "Little giants";
    not *of* in "Duchy of Normandy"): a name's form has none."""
    return any(word[:1].islower() and word not in _JOINING_WORDS for word in re.findall(r"[^\W\d_]+", text))


def _has_capitalised_word(text: str) -> bool:
    """Whether a word is written in capitals, as surnames are in some reference works."""
    return any(len(word) > 1 and word.isalpha() and word.isupper() for word in text.split())


def _is_acronym(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _same_last_word(first: str, second: str) -> bool:
    a, b = first.split(), second.split()
    return len(a) > 1 and len(b) > 1 and a[-1].lower() == b[-1].lower()


def _looks_plural(text: str) -> bool:
    last = text.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "sis", "ous"))


def _comparable_numbers(first: str, second: str) -> bool:
    """Numbers of one document that could stand for each other: same format, within a factor of five."""
    a, b = numeric_value(first), numeric_value(second)
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    same_format = all((mark in first) == (mark in second) for mark in (".", ",", "%"))
    return same_format and 0.2 <= a / b <= 5


YEAR_SPAN = 30
"""The widest span of a question's years in recent history; older answers allow a quarter of their
distance from the present (a century around 1066, a millennium around 3150 BCE)."""


def _within_a_span(answer: str, options: list[str]) -> bool:
    """Whether the answer's year and the wrong ones lie close enough together that none stands out
    as an outlier a student rules out by the period alone."""
    value = year_value(answer)
    values = [year_value(option) for option in options]
    if value is None or any(other is None for other in values):
        return True
    span = max(YEAR_SPAN, (CURRENT_YEAR - value) // 4)
    years = [value, *(other for other in values if other is not None)]
    return max(years) - min(years) <= span


def _years_apart(first: str, second: str) -> int:
    """How many years lie between two years (a very large number across the start of the era)."""
    a, b = year_value(first), year_value(second)
    if a is None or b is None or (a < 0) != (b < 0):
        return 10**6
    return abs(a - b)


def _not_standing_out(answer: str, shortlist: list[str], keep: int = 0) -> list[str]:
    """The best three, swapping in a longer one when the answer would be the longest option.

    The first ``keep`` options are never swapped out.
    """
    chosen = shortlist[:DISTRACTOR_COUNT]
    if all(len(answer) > len(other) for other in chosen) and keep < DISTRACTOR_COUNT:
        longer = [text for text in shortlist[DISTRACTOR_COUNT:] if len(text) >= len(answer)]
        if longer:
            chosen[-1] = longer[0]
    return chosen
