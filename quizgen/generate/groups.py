"""Items made of several facts: matching, ordering and multiple answer.

While a document's parse is alive, :func:`find_material` collects what these items need: its
definitions (``X is a Y that...``, ``X, a Y, ...``, ``a Y called X``, ``Y is known as X``), its dated
events (a sentence naming one year, in a date phrase that can be taken out), and its coordinated
lists of three to five nouns of one kind (``rain, snow, sleet or hail``). :func:`group_items` then
makes at most one item of each type per document, and only where the material is good enough:

* **matching**: three to five terms and what the text says they are, no definition naming another
  pair's term;
* **ordering**: three to five events with different years, each told without its date;
* **multiple answer**: the list's members as the correct options and two or three wrong options of
  the members' kind and class (see :class:`~quizgen.generate.distractors.Distractors`), none named
  in the sentence.

Every left and right of a pair, every event and every correct option is a span of its sentence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.generate.answers import FACT_LABEL
from quizgen.generate.distractors import Distractors
from quizgen.generate.lexicon import Lexicon
from quizgen.generate.numbers import year_value, years_in
from quizgen.generate.options import BuildOptions
from quizgen.generate.questions import tokens_text
from quizgen.generate.stems import around_answer, may_name_a_person
from quizgen.generate.types import ENTITY_KINDS, Answer, AnswerKind, ParsedSentence, Sentence
from quizgen.generate.words import normalise, words
from quizgen.model import (
    BLANK,
    Event,
    Item,
    Matching,
    MultipleAnswer,
    Option,
    Ordering,
    Pair,
    Source,
    item_id,
    item_sources,
    item_tags,
    option_letter,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["GroupMaterial", "find_material", "group_items", "uncited"]

MOST_IN_GROUP = 5
"""Pairs of a matching item, events of an ordering item, list members of a multiple-answer item, at most."""
FEWEST_IN_GROUP = 3
"""... and at least."""

MOST_WORDS = 16
"""Longest definition or event (in words) put in an item: a longer one is a reading exercise."""

MOST_STEM_WORDS = 30
"""Longest sentence (in words) a multiple-answer question quotes."""

WRONG_OPTIONS = 3
"""Wrong options of a multiple-answer item, at most (at least two)."""

MATCHING_PROMPT = "Match each term with what the text says it is."
ORDERING_PROMPT = "Put these events in the order they happened, earliest first."

_GENERIC_HEADS = frozenset("process way thing type kind form method part one idea theory name term word period".split())
"""Nouns that say nothing by themselves: "a process" is no definition of sublimation."""

_CONTEXT_WORDS = frozenset("it its they them their this these that those he she his her such".split())
"""First words that point at text the student does not have."""
_PERSONAL_WORDS = frozenset("he him his she her hers".split())

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"(?:(?:the\s+)?(?:early|late|mid-?)\s*)?(?:\d{{1,2}}\s+)?(?:(?:{_MONTHS})\s+)?(?:\d{{1,2}},\s+)?"
    r"\d{3,4}(?:\s+(?:BCE|BC|CE|AD))?",
    re.IGNORECASE,
)
"""A date phrase that names one year: ``1789``, ``14 July 1789``, ``January 1793``, ``early 1850``,
``300 BCE`` (not a decade such as ``the 1780s``, which orders nothing precisely)."""

_DATE_PREPOSITIONS = frozenset({"in", "on", "by", "during", "around"})


@dataclass(frozen=True)
class Definition:
    """A term and what its sentence says it is, both spans of the sentence."""

    term: str
    meaning: str
    sentence: Sentence


@dataclass(frozen=True)
class DatedEvent:
    """A sentence's event told without its date phrase, the date as written and its year."""

    text: str
    date: str
    year: int
    sentence: Sentence


@dataclass(frozen=True)
class Listing:
    """A coordinated list of a sentence: the whole list as one span, and each member's span."""

    whole: Answer
    members: tuple[Answer, ...]


@dataclass(frozen=True)
class GroupMaterial:
    """What a document offers for the items of several facts (kept after its parse is gone)."""

    definitions: tuple[Definition, ...] = ()
    events: tuple[DatedEvent, ...] = ()
    listings: tuple[Listing, ...] = ()


def find_material(sentences: Sequence[ParsedSentence], lexicon: Lexicon) -> GroupMaterial:
    """The definitions, dated events and lists of a document's parsed ``sentences``."""
    kept = [sentence for sentence in sentences if _standing_alone(sentence)]
    return GroupMaterial(
        definitions=tuple(found for sentence in kept for found in _definitions(sentence)),
        events=tuple(found for sentence in kept for found in _events(sentence)),
        listings=tuple(found for sentence in kept for found in _listings(sentence, lexicon)),
    )


# --- Finding the material ------------------------------------------------------------------------------------


def _standing_alone(sentence: ParsedSentence) -> bool:
    """Whether a sentence is a statement a student can read without the text before it.

    Unlike :func:`~quizgen.generate.answers.usable`, a relative ``that`` ("water that falls") is fine;
    what each phrase taken from the sentence points at is checked where the phrase is taken.
    """
    tokens = [token for token in sentence.span if not token.is_punct]
    if not 5 <= len(tokens) <= 45 or sentence.text.rstrip().endswith("?") or FACT_LABEL.match(sentence.text):
        return False
    text = sentence.text
    return tokens[0].lower_ not in _CONTEXT_WORDS and text.count("(") == text.count(")")


def _points_elsewhere(span: Span, first: int, last: int) -> bool:
    """Whether tokens ``first`` to ``last`` hold a demonstrative ("this saturated zone") or start with a pronoun."""
    tokens = span.doc[first : last + 1]
    if not len(tokens) or tokens[0].pos_ == "PRON":
        return True
    return any(token.dep_ == "det" and token.lower_ in ("this", "these", "that", "those") for token in tokens)


def _text(span: Span, first: int, last: int) -> str:
    """The sentence's text of tokens ``first`` to ``last`` (document indices, both included); empty when
    they point at text the student does not have, or are not one run of words."""
    if _points_elsewhere(span, first, last) or any(
        t.pos_ in ("ADV", "CCONJ", "VERB") for t in span.doc[first : first + 1]
    ):
        return ""
    text = span.doc[first : last + 1].text.strip(" ,;:")
    starts_sentence = first == span.start and span.doc[first].pos_ != "PROPN"
    return text[:1].lower() + text[1:] if starts_sentence else text


def _phrase_start(token: Token) -> int:
    """Where the noun phrase of ``token`` starts: its determiner, adjectives and compounds on the left."""
    return min([token.i, *(child.left_edge.i for child in token.lefts if child.dep_ not in ("punct", "cc"))])


def _definitions(sentence: ParsedSentence) -> Iterator[Definition]:
    span = sentence.span
    for token in span:
        found = _copular(span, token) or _appositive(span, token) or _named_as(span, token)
        if found is None:
            continue
        term, meaning = _without_article(found[0]), found[1]
        if any(word in ("and", "or", "but") for word in words(term)):
            continue
        if term and meaning and _fit_definition(term, meaning):
            yield Definition(term, meaning, sentence.sentence)


def _copular(span: Span, token: Token) -> tuple[str, str] | None:
    """``X is a Y ...``: the subject and the attribute, when the attribute starts with an article."""
    if token.dep_ != "ROOT" or token.lemma_ != "be":
        return None
    subjects = [child for child in token.children if child.dep_ == "nsubj"]
    attributes = [child for child in token.children if child.dep_ == "attr"]
    if len(subjects) != 1 or not attributes or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    subject, attribute = subjects[0], attributes[0]
    if not _starts_with_article(span, attribute):
        return None
    return _text(span, subject.left_edge.i, subject.right_edge.i), _meaning(span, attribute)


def _appositive(span: Span, token: Token) -> tuple[str, str] | None:
    """``X, a Y, ...``: a noun and the appositive after it that starts with an article."""
    head = token.head
    if token.dep_ != "appos" or head.pos_ not in ("NOUN", "PROPN") or not _starts_with_article(span, token):
        return None
    if token.left_edge.i < 1 or span.doc[token.left_edge.i - 1].text != ",":
        return None
    return _text(span, _phrase_start(head), head.i), _meaning(span, token)


def _named_as(span: Span, token: Token) -> tuple[str, str] | None:
    """``a Y called X``, ``Y is called X``, ``Y is known as X``: the name and what it names."""
    if token.tag_ != "VBN" or token.lemma_ not in ("call", "know"):
        return None
    names = [child for child in token.children if child.dep_ == "oprd"]
    if token.lemma_ == "know":
        names = [grand for child in token.children if child.lower_ == "as" for grand in child.children]
    if len(names) != 1:
        return None
    name = names[0]
    term = _text(span, name.left_edge.i, name.i)
    if token.dep_ == "ROOT":
        subjects = [child for child in token.children if child.dep_ == "nsubjpass"]
        if len(subjects) != 1:
            return None
        return term, _text(span, subjects[0].left_edge.i, subjects[0].right_edge.i)
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        head = token.head
        return term, _text(span, _phrase_start(head), token.i - 1)
    return None


def _starts_with_article(span: Span, token: Token) -> bool:
    return span.doc[token.left_edge.i].lower_ in ("a", "an", "the")


def _meaning(span: Span, token: Token) -> str:
    """The noun phrase of ``token`` with what follows it; without its clauses when that is too long."""
    whole = _text(span, token.left_edge.i, token.right_edge.i)
    if len(whole.split()) <= MOST_WORDS:
        return whole
    clauses = [child.left_edge.i for child in token.rights if child.dep_ in ("relcl", "acl", "punct", "cc", "conj")]
    return _text(span, token.left_edge.i, min(clauses, default=token.right_edge.i + 1) - 1)


def _without_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in ("a", "an") and rest else text


def _fit_definition(term: str, meaning: str) -> bool:
    """Whether a term and its meaning make a pair worth matching."""
    term_words, meaning_words = words(term), words(meaning)
    if not term_words or len(term_words) > 4 or not 3 <= len(meaning_words) <= MOST_WORDS:
        return False
    if any(c.isdigit() for c in term + meaning) or meaning_words[-1] in ("notably", "especially", "also"):
        return False
    if len(meaning_words) <= 3 and meaning_words[-1] in _GENERIC_HEADS:
        return False
    return not set(term_words) & set(meaning_words) - {"the", "of", "a", "an", "and"}


def _events(sentence: ParsedSentence) -> Iterator[DatedEvent]:
    span = sentence.span
    offset = span.start_char
    text = sentence.text
    for entity in span.ents:
        if entity.label_ != "DATE" or not _DATE.fullmatch(entity.text):
            continue
        year = year_value(entity.text)
        before = span.doc[entity.start - 1] if entity.start > span.start else None
        if year is None or before is None or before.lower_ not in _DATE_PREPOSITIONS or not _says_whom(span):
            continue
        ahead = span.doc[before.i - 1] if before.i > span.start else None
        first = ahead if ahead is not None and ahead.dep_ == "advmod" and ahead.head.i == before.head.i else before
        start, end = first.idx - offset, entity.end_char - offset  # "later in 1891": "later" goes with its date
        told = None
        if not years_in(_without(text, start, end)):
            # A long sentence is cut at its first comma after the main verb and the date ("Jefferson bought
            # the territory from France, effectively doubling ..."), never before its main verb.
            cut = text.find(", ", max(span.root.idx - offset, end))
            whole = [text] if cut < 0 else [text, text[:cut]]
            told = next((event for event in (_without(part, start, end) for part in whole) if _fit_event(event)), None)
        told = told or _dated_clause(span, before)
        if told is not None:
            yield DatedEvent(told, entity.text, year, sentence.sentence)


def _dated_clause(span: Span, preposition: Token) -> str | None:
    """The main clause a date phrase belongs to, told without the date and without the clauses joined to
    it ("Peru declared its independence in 1821, and remaining Spanish forces were defeated in 1824"
    gives "Peru declared its independence" and "Remaining Spanish forces were defeated")."""
    verb = preposition.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj"):
        return None
    left_out = {t.i for t in preposition.subtree}
    for child in verb.children:
        if child.dep_ in ("conj", "cc") or (child.dep_ == "advmod" and child.i == preposition.i - 1):
            left_out |= {t.i for t in child.subtree}  # "later in 2020": "later" says nothing without its date
    tokens = [t for t in verb.subtree if t.i not in left_out]
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in tokens):
        return None  # "... and carried on the policies": the subject was in the clause left out
    told = _SPACE_BEFORE_STOP.sub(r"\1", tokens_text(tokens)).strip(" ,;:.")
    told = told[:1].upper() + told[1:]
    return told if _fit_event(told) and not years_in(told) else None


def _says_whom(span: Span) -> bool:
    """Whether every *he*, *his* or *her* of a sentence follows a person it names ("Large protests forced
    his resignation" does not say whose)."""
    people = [token.i for token in span if may_name_a_person(token)]
    return all(any(person < t.i for person in people) for t in span if t.lower_ in _PERSONAL_WORDS)


_SPACE_BEFORE_STOP = re.compile(r"\s+([,.;:!?])")
"""Space a phrase left out leaves before a stop or comma."""


def _without(text: str, start: int, end: int) -> str:
    """``text`` without characters ``start`` to ``end`` (a date phrase), as a statement with no end stop."""
    after = text[end:].lstrip(" ,") if start == 0 else text[end:].lstrip()
    rest = _SPACE_BEFORE_STOP.sub(r"\1", f"{text[:start].rstrip()} {after}".strip()).rstrip(" .;:,")
    return rest[:1].upper() + rest[1:]


def _fit_event(text: str) -> bool:
    found = words(text)
    return 3 <= len(found) <= MOST_WORDS and found[0] not in _CONTEXT_WORDS and not any(c.isdigit() for c in text)


def _listings(sentence: ParsedSentence, lexicon: Lexicon) -> Iterator[Listing]:
    span = sentence.span
    for token in span:
        if token.dep_ == "conj" or not list(token.conjuncts):
            continue
        members = sorted([token, *token.conjuncts], key=lambda member: member.i)
        if not FEWEST_IN_GROUP <= len(members) <= MOST_IN_GROUP:
            continue
        if any(member.pos_ not in ("NOUN", "PROPN") for member in members):
            continue
        found = _listing(sentence, members, lexicon)
        if found is not None:
            yield found


def _listing(sentence: ParsedSentence, members: Sequence[Token], lexicon: Lexicon) -> Listing | None:
    """The list of ``members`` as answers of one kind, when nothing but commas, ``and``/``or`` and articles
    stands between them."""
    span = sentence.span
    offset = span.start_char
    starts = [_name_start(member) for member in members]
    inside: set[int] = set()
    for start, member in zip(starts, members, strict=True):
        inside.update(range(start, member.i + 1))
    between = [t for t in span.doc[starts[0] : members[-1].i + 1] if t.i not in inside]
    if any(
        t.pos_ not in ("PUNCT", "CCONJ", "DET") or t.text not in (",", "and", "or", "the", "a", "an") for t in between
    ):
        return None
    texts = [span.doc[start : member.i + 1].text for start, member in zip(starts, members, strict=True)]
    if len({normalise(text) for text in texts}) != len(texts) or any(len(text.split()) > 3 for text in texts):
        return None
    kind = _kind(span, members, texts, lexicon)
    if kind is None:
        return None
    category = lexicon.category_of(texts[0])
    name = category.name if category is not None and kind != "term" else None
    answers = tuple(
        Answer(sentence.sentence, span.doc[start].idx - offset, member.idx + len(member.text) - offset, kind, 0.0, name)
        for start, member in zip(starts, members, strict=True)
    )
    article = [child for child in members[0].lefts if child.dep_ == "det" and child.i == starts[0] - 1]
    whole_start = article[0].idx - offset if article else answers[0].start
    whole = Answer(sentence.sentence, whole_start, answers[-1].end, kind, 0.0)
    return Listing(whole, answers)


def _name_start(member: Token) -> int:
    """Where a list member's name starts: its compounds on the left ("sea salt"), not its article or adjectives."""
    start = member.i
    for child in sorted(member.lefts, key=lambda t: -t.i):
        if child.dep_ == "compound" and child.i == start - 1:
            start = child.i
    return start


def _kind(span: Span, members: Sequence[Token], texts: Sequence[str], lexicon: Lexicon) -> AnswerKind | None:
    """The one kind of every member (a named-entity kind, a curated list, or a common noun); ``None`` if mixed."""
    labels = {member.ent_type_ for member in members}
    if len(labels) == 1 and (label := next(iter(labels))):
        return ENTITY_KINDS.get(label)
    if labels != {""}:
        return None
    categories = [lexicon.category_of(text) for text in texts]
    kinds = {category.kind for category in categories if category is not None}
    if len(kinds) == 1 and None not in categories:
        return next(iter(kinds))
    return "term" if all(member.pos_ == "NOUN" for member in members) else None


# --- Making the items ----------------------------------------------------------------------------------------


def group_items(material: GroupMaterial, distractors: Distractors, options: BuildOptions) -> list[Item]:
    """At most one matching, one ordering and one multiple-answer item from ``material``, those the
    options' types allow and the material supports; no two of them cite the same sentence (a stem
    quoting a sentence would give away the pair or event taken from it), and a sentence's list is
    served before its definition."""
    items: list[Item] = []
    taken: set[str] = set()

    def add(item: Item | None) -> None:
        if item is not None:
            items.append(item)
            taken.update(source.sentence for source in item_sources(item))

    if MultipleAnswer in options.types:  # lists are the rarest material, so they are served first
        add(_multiple_answer(material.listings, distractors, options.seed))
    if Ordering in options.types:
        add(_ordering([event for event in material.events if event.sentence.text not in taken]))
    if Matching in options.types:
        add(_matching([found for found in material.definitions if found.sentence.text not in taken]))
    return sorted(items, key=lambda item: GROUP_ORDER.index(type(item)))


GROUP_ORDER = (Matching, Ordering, MultipleAnswer)
"""The order the items of several facts stand in at the end of a quiz."""


def uncited(sentence_answers: Sequence[Sequence[Answer]], items: Sequence[Item]) -> list[Sequence[Answer]]:
    """``sentence_answers`` without the sentences ``items`` cite, so no other item asks their facts again."""
    cited = {source.sentence for item in items for source in item_sources(item)}
    return [answers for answers in sentence_answers if not answers or answers[0].sentence.text not in cited]


_PART_ORDER = {"key_point": 0, "lead": 1, "body": 2}


def _rank(sentence: Sentence) -> tuple[int, int]:
    """Key points first, then the lead, then the body; within each, in reading order."""
    return _PART_ORDER[sentence.part], sentence.position


def _source(sentence: Sentence) -> Source:
    return Source(section=sentence.section, sentence=sentence.text)


def _matching(definitions: Sequence[Definition]) -> Matching | None:
    chosen: list[Definition] = []
    for definition in sorted(definitions, key=lambda found: _rank(found.sentence)):
        if len(chosen) == MOST_IN_GROUP:
            break
        if not any(_clashes(definition, other) for other in chosen):
            chosen.append(definition)
    if len(chosen) < FEWEST_IN_GROUP:
        return None
    chosen.sort(key=lambda found: found.sentence.position)
    pairs = tuple(Pair(found.term, found.meaning, _source(found.sentence)) for found in chosen)
    first = chosen[0].sentence
    return Matching(
        id=_group_id(first.document_id, [found.sentence for found in chosen], [found.term for found in chosen]),
        prompt=MATCHING_PROMPT,
        pairs=pairs,
        explanation=_quoted([found.sentence for found in chosen]),
        tags=item_tags(first.document_id, first.section, Matching.type, "term"),
        difficulty="medium",
    )


def _clashes(first: Definition, second: Definition) -> bool:
    """Whether two pairs cannot stand in one item: the same term or sentence, or one names the other's term."""
    if normalise(first.term) == normalise(second.term) or first.sentence == second.sentence:
        return True
    return _mentions(first.meaning, second.term) or _mentions(second.meaning, first.term)


def _mentions(text: str, term: str) -> bool:
    found, wanted = words(text), words(term)
    return any(found[index : index + len(wanted)] == wanted for index in range(len(found) - len(wanted) + 1))


def _ordering(events: Sequence[DatedEvent]) -> Ordering | None:
    chosen: list[DatedEvent] = []
    for event in sorted(events, key=lambda found: _rank(found.sentence)):
        if len(chosen) == MOST_IN_GROUP:
            break
        if all(event.year != other.year and normalise(event.text) != normalise(other.text) for other in chosen):
            chosen.append(event)
    if len(chosen) < FEWEST_IN_GROUP:
        return None
    chosen.sort(key=lambda found: found.year)
    first = chosen[0].sentence
    in_order = "; ".join(f"{event.date}: {event.text}" for event in chosen)
    return Ordering(
        id=_group_id(first.document_id, [event.sentence for event in chosen], [event.date for event in chosen]),
        prompt=ORDERING_PROMPT,
        events=tuple(Event(event.text, _source(event.sentence), event.date) for event in chosen),
        explanation=f"In order: {in_order}.",
        tags=item_tags(first.document_id, first.section, Ordering.type, "event"),
        difficulty="hard",
    )


def _multiple_answer(listings: Sequence[Listing], distractors: Distractors, seed: int) -> MultipleAnswer | None:
    for listing in sorted(listings, key=lambda found: _rank(found.whole.sentence)):
        item = _listing_item(listing, distractors, seed)
        if item is not None:
            return item
    return None


def _listing_item(listing: Listing, distractors: Distractors, seed: int) -> MultipleAnswer | None:
    sentence = listing.whole.sentence
    before, after = around_answer(listing.whole)
    if not before or words(before)[0] in _CONTEXT_WORDS:
        return None
    rng = random.Random(f"{seed}\x1f{sentence.document_id}\x1f{sentence.text}\x1fmultiple_answer")
    right = [member.text for member in listing.members]
    wrong = _wrong_options(listing, distractors, rng)
    if len(wrong) < 2:
        return None
    texts = [*right, *wrong]
    rng.shuffle(texts)
    options = tuple(Option(option_letter(index), text) for index, text in enumerate(texts))
    blanked = f"{before}{BLANK}{_own_clause(after)}"
    if len(blanked.split()) > MOST_STEM_WORDS:
        return None
    question = f"{blanked} {MULTIPLE_ANSWER_PROMPT}"
    return MultipleAnswer(
        id=_group_id(sentence.document_id, [sentence], right),
        question=question,
        options=options,
        answers=tuple(option.id for option in options if option.text in right),
        explanation=_quoted([sentence]),
        source=_source(sentence),
        tags=item_tags(sentence.document_id, sentence.section, MultipleAnswer.type, listing.whole.kind),
        difficulty="medium",
    )


MULTIPLE_ANSWER_PROMPT = "Which of the following fill the blank? Select all that apply."
"""Asked after the blanked sentence: a question that quotes the sentence inside it reads badly."""

_NEXT_CLAUSE = re.compile(r",\s+(?:but|while|whereas|although|yet)\b")
"""Where a contrasting clause starts after a list (``and`` is left alone: it may join more of the list's clause)."""


def _own_clause(after: str) -> str:
    """What follows a list, up to the end of the list's clause: "..., but surveillance ... remain the
    most effective approaches" is another fact, which only lengthens the question."""
    found = _NEXT_CLAUSE.search(after)
    return f"{after[: found.start()]}." if found else after


def _wrong_options(listing: Listing, distractors: Distractors, rng: random.Random) -> list[str]:
    """Up to :data:`WRONG_OPTIONS` wrong options of the members' kind and class, none the sentence names."""
    sentence = normalise(listing.whole.sentence.text)
    taken = {normalise(member.text) for member in listing.members}
    wrong: list[str] = []
    for member in listing.members:
        for text in distractors.rank(member, rng, WRONG_OPTIONS + len(listing.members)):
            key = normalise(text)
            if key in taken or f" {key} " in f" {sentence} " or not _same_class(distractors, listing, text):
                continue
            taken.add(key)
            wrong.append(text)
        if len(wrong) >= WRONG_OPTIONS:
            break
    return wrong[:WRONG_OPTIONS]


def _same_class(distractors: Distractors, listing: Listing, text: str) -> bool:
    """Whether a wrong option is of the class of every member (by the lexical knowledge, for common nouns):
    "smoke" and "dust" are matter, "infiltration" a process, and a process among specks gives itself away."""
    knowledge = distractors.knowledge
    if listing.whole.kind != "term" or knowledge is None:
        return True
    return all(knowledge.same_class(member.text, text) for member in listing.members)


def _group_id(document_id: str, sentences: Sequence[Sentence], answers: Sequence[str]) -> str:
    """The id of an item of several facts: its sentences and answers, so it survives edits elsewhere."""
    return item_id(document_id, "\x1e".join(sentence.text for sentence in sentences), "\x1e".join(answers))


def _quoted(sentences: Sequence[Sentence]) -> str:
    """``The text says: “...” (section) “...” (section)``."""
    return "The text says: " + " ".join(f"“{sentence.text}” ({sentence.section})" for sentence in sentences)
