"""What is worth asking in a sentence: answer spans, their kind, and how informative they are.

An answer is a span of the source sentence: a named entity (person, place,
organisation, group, event), a date or number, or a key term (a rare noun
phrase). Its *kind* decides which wrong options may stand beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from quizgen.generate.ideas import idea_answers
from quizgen.generate.importance import (
    answer_span,
    attached_by_hyphen,
    in_a_side_clause,
    modifies_a_noun,
    of_a_family,
    opposite_in,
    role_weight,
)
from quizgen.generate.lexicon import Category, Lexicon
from quizgen.generate.numbers import CURRENT_YEAR
from quizgen.generate.questions import stands_for_earlier
from quizgen.generate.types import (
    ENTITY_KINDS,
    IDEA_KINDS,
    PERSON_KINDS,
    TITLES,
    Answer,
    AnswerKind,
    ParsedSentence,
)
from quizgen.generate.words import contains_run, letter_words, normalise, words, zipf

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
NUMERIC_KINDS_ASKED: frozenset[AnswerKind] = frozenset(
    {"year", "decade", "century", "number", "percent", "number_word"}
)
"""Kinds of a fact-sheet value never asked: an exact area or elevation is not worth a question."""

KIND_WEIGHT: dict[AnswerKind, float] = {
    "person": 3.0,
    "year": 3.0,
    "decade": 2.6,
    "century": 2.6,
    "event": 2.6,
    "number": 2.4,
    "percent": 2.4,
    "place": 2.4,
    "organisation": 2.2,
    "group": 2.0,
    "title": 2.0,
    "law": 2.0,
    "language": 2.0,
    "named": 1.6,
    "name": 1.6,
    "term": 1.4,
    "number_word": 1.2,
}
PART_BONUS = {"key_point": 1.5, "lead": 1.0, "body": 0.0}

NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()

_YEAR = re.compile(r"(?<![\d–-])\b(\d{3,4})(s?)(?:\s+(BCE|BC|CE|AD))?\b(?![–-]\d)")
_CENTURY = re.compile(r"\b(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\s+century\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d")

COMMON_TERM_ZIPF = 4.3
"""Nouns more frequent than this (Zipf scale) are too common to be worth a blank."""

COMMON_WORD_ZIPF = 2.5
"""A one-word "name" more frequent than this as a lower-case word is likely a tagging error."""

COMMON_MODIFIER_ZIPF = 4.5
"""Leading modifiers at least this common ("huge", "few", "global") are left out of a term."""

PLACE_WORDS = frozenset(
    "glacier river mount mountain mountains lake lago nevado volcano sea ocean bay gulf island islands isle cape "
    "valley desert plain plains basin peninsula current strait canal falls fort port coast "
    "upper lower northern southern eastern western north south east west new".split()
)
_ERA_MARKERS = frozenset({"bce", "bc", "ce", "ad", "a.d.", "b.c.", "b.c.e."})
_OBJECTIVE_VERBS = frozenset(
    "describe explain discuss identify analyze analyse compare contrast assess explore differentiate define list "
    "evaluate summarize summarise outline understand recognize recognise examine investigate name state".split()
)
_CONTEXT_WORDS = frozenset("it this these they he she such those that its their his her".split())
_HYPHENATED_NAMES = re.compile(r"[A-Z]\w*[-–][A-Z]")
_WORD_BEFORE = re.compile(r"(\w+)\.?\s+$")
_LIST_LINKS = frozenset({"conj", "appos"})
FACT_LABEL = re.compile(r"^[A-Z][\w ,()-]{0,40}: ")
"""A fact-sheet line ("Climate: temperate; ..."): pieces of facts, not a statement."""
_NAMING = re.compile(r"\b(called|known as|termed|named|referred to as)(\s+(a|an|the))?\s+$", re.IGNORECASE)
NAMED_TERM_BONUS = 1.5
"""Score added to a term the sentence names ("a process called sublimation"): what the sentence teaches."""
_ERA_AFTER = re.compile(r"\s+(BCE|BC|CE|AD)\b")


@dataclass(frozen=True)
class DocumentContext:
    """What a document gives away by itself (title, headings) and the people it names."""

    title_words: frozenset[str]
    headings: frozenset[str]
    people: frozenset[str] = frozenset()
    """Full and last names of the people the document names, to correct entity labels."""
    noun_mentions: Mapping[str, int] | None = None
    """For each noun lemma, how many sentences of the document use it (``None``: not known, so every
    term is taken as worth asking; see :func:`specific_term`)."""
    title: str = ""
    """The document's title as written: what a fact-sheet line is about ("Japan")."""
    objective_words: frozenset[str] = frozenset()
    """The nouns of the document's learning objectives (*Explain the significance of the Louisiana
    Purchase*), lower-cased: what its author says matters."""

    def in_objectives(self, text: str) -> bool:
        """Whether the head word of ``text`` is, or is of a family with, a noun of a learning objective."""
        head = letter_words(text)[-1:]
        return bool(head) and (head[0] in self.objective_words or _of_a_family(head[0], self.objective_words))

    def gives_away(self, text: str) -> bool:
        """Whether ``text`` is a heading or made of the title's words or their families ("geography" in a
        text titled "Africa's Geography and Climate", "Icelandic" in one titled "Iceland"): a student
        fills that blank from the quiz's own title."""
        words = set(normalise(text).split())
        if normalise(text) in self.headings:
            return True
        return bool(words) and all(word in self.title_words or _of_a_family(word, self.title_words) for word in words)


def find_answers(sentence: ParsedSentence, context: DocumentContext, lexicon: Lexicon) -> list[Answer]:
    """The answer candidates of ``sentence``, best first, none that the sentence gives away.

    Whether the sentence is a full clause is worked out here from the parse; the question
    stem is phrased by :func:`quizgen.generate.stems.with_stem`, also while the parse is alive.
    """
    if FACT_LABEL.match(sentence.text):
        return fact_answers(sentence, context, lexicon)
    if not usable(sentence):
        return []
    found = [
        *idea_answers(sentence),
        *_entity_answers(sentence, context, lexicon),
        *_term_answers(sentence, context, lexicon),
    ]
    found += _listed_answers(sentence, lexicon, found)
    weighed = [
        _weighed(sentence, answer, context) for answer in found if not _predictable(sentence, answer, context, lexicon)
    ]
    kept: list[Answer] = []
    for answer in sorted((answer for answer in weighed if answer is not None), key=lambda a: -a.score):
        if any(answer.start < other.end and other.start < answer.end for other in kept):
            continue
        kept.append(answer)
    full_clause = has_subject(sentence)
    return [replace(answer, full_clause=full_clause) for answer in kept]


def _predictable(sentence: ParsedSentence, answer: Answer, context: DocumentContext, lexicon: Lexicon) -> bool:
    """Whether a student fills the blank without the text: from the title (its words, their family, the
    noun of a described term: *Exploring Africa's diverse _____* in *Africa's Geography*, the continent of
    the country it names), from the rest of the sentence (the answer again, its family,
    its opposite, its list, the name it then gives: see :data:`_NAMED_NEXT`) or because it is half a
    hyphenated word."""
    return (
        _given_by_title(answer, context, lexicon)
        or _repeated_in_sentence(answer)
        or lexicon.nation_named(answer.text, answer.rest)  # "France's Napoleon ... an extensive _____": French Empire
        or opposite_in(answer)
        or attached_by_hyphen(answer.sentence.text, answer.start, answer.end)
        or _in_a_list(sentence, answer)
        or (answer.text[:1].islower() and bool(_NAMED_NEXT.match(sentence.text[answer.end :])))
        or famous_by_a_relation(sentence.text[: answer.start], answer)
        or famous_by_a_relation(_clause_after(sentence.text[answer.end :]), answer)
        or _a_definite_count(sentence, answer)
    )


_RANKING = re.compile(
    r"\b(?:[a-z]+-)?(?:highest|lowest|longest|largest|biggest|tallest|deepest|greatest|capital|"
    r"(?:north|south|east|west)(?:ern)?most)\b",
    re.IGNORECASE,
)
"""A generic relation a famous place is known by (*the highest point of Japan*, *the capital of Iceland*, *the
second-longest in the world after the Amazon*)."""
RELATION_WORDS = 8
"""How many words before the answer a generic relation may stand and still be what asks for it."""
FAMOUS_NAME_ZIPF = 2.7
"""A name at least this frequent in English (Zipf scale: *Fuji* 3.2, *Reykjavik* 2.8, *Amazon* 4.6; not
*Huascaran*, *Titicaca*) is one students know from outside the text."""


_NOT_FAMOUS_KINDS = PERSON_KINDS | NUMERIC_KINDS_ASKED | {"term", "defined", "reason"}
"""Answers never famous places: people (asked by their deeds), figures, and terms (*the Congo rainforest is
the second largest* teaches which rainforest)."""


def _clause_after(after: str) -> str:
    """The words after an answer up to the end of its clause, reversed, so the nearest come last (as
    :func:`famous_by_a_relation` reads them): *_____ is the northernmost national capital*."""
    clause = re.split(r"[;,]", after, maxsplit=1)[0].split()[:RELATION_WORDS]
    return " ".join(reversed(clause))


def famous_by_a_relation(before: str, answer: Answer) -> bool:
    """Whether a famous place is asked by a generic relation (*The highest point of Japan is _____*, *the
    capital of _____*, *the second-longest river after the _____*): general knowledge, not the text's."""
    if answer.kind in _NOT_FAMOUS_KINDS or not answer.text[:1].isupper():
        return False
    clause = before.rsplit(";", 1)[-1].split()[-RELATION_WORDS:]
    return bool(_RANKING.search(" ".join(clause))) and zipf(answer.text.lower()) >= FAMOUS_NAME_ZIPF


_UNITS = frozenset(
    "m km cm mm µm μm nm ft mi in. sq square cubic miles mile metres meters metre meter kilometres kilometers "
    "feet foot inches kg g mg tonnes tons litres liters ml °c °f degrees hectares acres".split()
)
"""Units of measure: a number before one is a measurement (*a pore size of 0.1 µm*), an incidental detail."""


def _a_definite_count(sentence: ParsedSentence, answer: Answer) -> bool:
    """Whether a number is a measurement (*a pore size of 0.1 µm*) or the count of a set the sentence takes as
    known (*the two hemispheres*, *the 14,125 islands*): a detail, or one the student fills without the text."""
    if answer.kind not in ("number", "number_word"):
        return False
    before = sentence.text[: answer.start].split()[-1:]
    after = sentence.text[answer.end :].split()[:1]
    return [word.lower() for word in before] == ["the"] or (bool(after) and after[0].lower().strip(",.;") in _UNITS)


_NAMED_NEXT = re.compile(r"^,?\s+(called|known as|termed|named|referred to as)\s", re.IGNORECASE)
"""A common noun the sentence then names (*egg-shaped _____ known as buboes*, *a _____ called oxygen*): the
blank asks the generic word, which many words fill, where the name is what the sentence teaches. A name
before *called* is its verb's subject (*Louis XVI called a meeting*), so only a lower-case answer counts."""


def _given_by_title(answer: Answer, context: DocumentContext, lexicon: Lexicon) -> bool:
    """Whether the document's title gives the answer away: its words or their family, or the continent of
    the country it names (a fact-sheet value is asked about the title, so these are its checks)."""
    return (
        context.gives_away(answer.text)
        or (bool(answer.head) and context.gives_away(answer.head))
        or _continent_of_title(answer, context, lexicon)
    )


def _continent_of_title(answer: Answer, context: DocumentContext, lexicon: Lexicon) -> bool:
    """Whether the answer names the continent of the country the document is about (*Strategic location
    in northeast _____* in a text on Japan): general knowledge, not the text's."""
    category = lexicon.category_of(context.title) if context.title else None
    if category is None or category.kind != "countries" or "/" not in category.name:
        return False
    continent = normalise(category.name.split("/", 1)[1])
    return contains_run(words(answer.text), words(continent))


def _listed_answers(sentence: ParsedSentence, lexicon: Lexicon, found: list[Answer]) -> list[Answer]:
    """Names of a curated list the tagger did not take for entities (*Buddhism is the state's largest
    non-Christian religion*), as answers of the list's kind, where no other answer covers them."""
    offset = sentence.span.start_char
    listed = []
    for chunk in sentence.span.noun_chunks:
        tokens = [token for token in chunk if token.pos_ not in ("DET", "PRON", "PUNCT") and token.dep_ != "poss"]
        if not tokens or any(token.ent_type_ for token in tokens) or tokens[-1].pos_ != "PROPN":
            continue
        start, end = tokens[0].idx - offset, tokens[-1].idx + len(tokens[-1].text) - offset
        category = lexicon.category_of(sentence.text[start:end])
        if category is None or any(start < other.end and other.start < end for other in found):
            continue
        listed.append(_make(sentence, start, end, category.kind, category=category))
    return listed


OBJECTIVE_BONUS = 1.5
"""Score added to an answer a learning objective of the document names (as much as a key point's)."""


def _weighed(sentence: ParsedSentence, answer: Answer, context: DocumentContext) -> Answer | None:
    """The answer scored for its place in the sentence (:func:`role_weight`), or ``None`` where it only
    describes a noun outside it (*the _____ economy*, *a 2023 _____ survey*): the noun is the content,
    and the blank is either given by it or not worth knowing. A person who owns what the sentence is
    about (*Fujimori's election*) is its subject in all but form and stays."""
    if answer.kind in IDEA_KINDS:
        return answer
    if context.in_objectives(answer.text):
        answer = replace(answer, score=answer.score + OBJECTIVE_BONUS)
    span = answer_span(sentence, answer)
    if span is not None and modifies_a_noun(span):
        return answer if answer.kind == "person" and span.root.dep_ == "poss" else None
    if span is not None and in_a_side_clause(span):
        return None
    return replace(answer, score=answer.score + role_weight(sentence, answer))


MAX_TITLE_WORDS = 3
"""A fact sheet's title names its subject ("Japan", "South Africa"); a longer one is no subject to ask about."""
_AFTER_FACT = re.compile(r"^(\s*\([^)]*\))?\s*([\d,.]+\s*\w*)?\s*$|^[,;]")


def fact_answers(sentence: ParsedSentence, context: DocumentContext, lexicon: Lexicon) -> list[Answer]:
    """A fact-sheet line whose value opens with a name ("Highest point: Mount Fuji 3,776 m") asked as a
    question about the document's subject ("What is the highest point of Japan?"); its cloze and
    true/false statement read "The highest point of Japan is _____."."""
    label = FACT_LABEL.match(sentence.text)
    title = context.title.strip()
    if label is None or not title or len(title.split()) > MAX_TITLE_WORDS or len(label.group().split()) > 4:
        return []
    value_start = label.end()
    for answer in _entity_answers(sentence, context, lexicon):
        if (
            answer.start == value_start
            and answer.kind not in NUMERIC_KINDS_ASKED
            and _AFTER_FACT.match(sentence.text[answer.end :])
            and not _given_by_title(answer, context, lexicon)  # "Location: Western South America" in "Peru"
            and not famous_by_a_relation(label.group(), answer)  # "Highest point: Mount Fuji"
        ):
            topic = f"the {label.group()[:-2].lower()} of {title}"
            stem = f"What is {topic}?"
            return [replace(answer, stem=stem, clause=(f"{topic[:1].upper()}{topic[1:]} is ", "."), full_clause=True)]
    return []


def _in_a_list(sentence: ParsedSentence, answer: Answer) -> bool:
    """Whether the answer is one of coordinated items ("a membrane, _____, a nucleus"; "hunting and _____"):
    its siblings are as true as it is, and the list gives the blank away."""
    span = answer_span(sentence, answer)
    if span is None:
        return False
    root = span.root
    if root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children):
        return True
    return len(_listed_with(root)) >= 3  # the parser often links "a membrane, a cell wall, a nucleus" as appositions


def _listed_with(token: Token) -> set[int]:
    """The tokens linked to ``token`` by chains of coordination or apposition, itself included."""
    seen, todo = {token.i}, [token]
    while todo:
        current = todo.pop()
        linked = [child for child in current.children if child.dep_ in _LIST_LINKS]
        if current.dep_ in _LIST_LINKS:
            linked.append(current.head)
        for other in linked:
            if other.i not in seen:
                seen.add(other.i)
                todo.append(other)
    return seen


def usable(sentence: ParsedSentence) -> bool:
    """Whether a sentence can stand alone as a question: a complete, self-contained statement."""
    return why_unusable(sentence) is None


def why_unusable(sentence: ParsedSentence) -> str | None:
    """Why a sentence cannot stand alone as a question (a short label), or ``None`` when it can."""
    span = sentence.span
    tokens = list(span)
    words = [token for token in tokens if not token.is_punct]
    if not 5 <= len(words) <= 45:
        return "length"
    if sentence.text.rstrip().endswith("?"):
        return "question"
    if FACT_LABEL.match(sentence.text):
        return "fact-label"  # "Highest point: Mount Fuji 3,776 m": a fact-sheet line, no sentence to ask from
    subject = [token for head in _subject(span) for token in head.subtree]
    if words[0].lower_ in _CONTEXT_WORDS or any(
        _refers_back(token) and not _stands_for_earlier(token, tokens) for token in subject
    ):
        return "refers-back"
    if any(_object_refers_back(token, tokens) for token in tokens):
        return "object-refers-back"  # "Iceland sits on top of it": what "it" is was said before
    if _points_back(subject) or words[0].lower_ in _OPENING_REFERENCES:
        return "points-back"  # "Here arose ...", "Other symptoms include ...": "here" or "other" was said before
    if is_objective(sentence):  # a learning objective "Describe the ...": what to learn, not a fact
        return "objective"
    lowered = {token.lower_ for token in span}
    if lowered & {"you", "your", "figure", "table", "chapter"}:
        return "outside-text"  # addresses the reader or points at something not in the text
    if any(token.lower_ in ("we", "i", "our") for token in _subject(span)) or _authors_relative(span):
        return "author"  # "We thus divide the year ...", "two effects we need to consider": the author speaking
    if _opening_pronoun_unmatched(span):
        return "refers-back"  # "Despite their small size the discovery ...": "their" is not the discovery
    text = sentence.text
    return None if text.count("(") == text.count(")") and text.count('"') % 2 == 0 else "unbalanced"


def is_objective(sentence: ParsedSentence) -> bool:
    """Whether the sentence is an instruction such as a learning objective (*Describe the ...*)."""
    first = next((token for token in sentence.span if not token.is_punct), None)
    return first is not None and (first.tag_ == "VB" or first.lower_ in _OBJECTIVE_VERBS)


def objective_nouns(sentences: Iterable[ParsedSentence]) -> frozenset[str]:
    """The lower-cased nouns and names of the learning objectives among ``sentences``."""
    return frozenset(
        token.lower_
        for sentence in sentences
        if is_objective(sentence)
        for token in sentence.span
        if token.pos_ in ("NOUN", "PROPN") and token.is_alpha
    )


_POINTING = frozenset({"this", "these", "those", "such"})
_OPENING_REFERENCES = frozenset({"here", "other", "another"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her"})


def _refers_back(token: Token) -> bool:
    """Whether a word of the subject stands for something named before: "these rocks", "such waves",
    "it", "their leader" ("that" only as a determiner, never the relative pronoun of "water that falls";
    a pronoun only as the subject or its owner, not inside a clause that says which one)."""
    if token.lower_ == "such" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "as":
        return False  # "regions, such as the savannas": an example follows, nothing is pointed back at
    if token.lower_ in _POINTING or (token.lower_ == "that" and token.dep_ == "det"):
        return True
    return token.lower_ in _PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss") and token.head.dep_ != "relcl"


_OBJECT_PRONOUNS = frozenset({"it", "them"})


def _object_refers_back(token: Token, tokens: list[Token]) -> bool:
    """Whether *it* or *them* after a preposition stands for nothing the sentence names before it (*Iceland
    sits on top of it*); a verb's own *it* is often no reference at all (*made it to the Pacific*)."""
    if token.lower_ not in _OBJECT_PRONOUNS or token.dep_ != "pobj":
        return False
    return not stands_for_earlier(token, tokens)


def _stands_for_earlier(token: Token, tokens: list[Token]) -> bool:
    """Whether a pronoun of the subject stands for something the sentence names before it
    (see :func:`~quizgen.generate.questions.stands_for_earlier`); never "this" or "these"."""
    return token.lower_ not in _POINTING and token.lower_ != "that" and stands_for_earlier(token, tokens)


_BACK_REFERENCES = frozenset({"latter", "former", "second", "third", "fourth", "fifth", "other", "same"})
"""Words that, after *the* at the start of a subject, point at something the text said before."""


def _points_back(subject: list[Token]) -> bool:
    """Whether the subject is "The latter", "The second effect", "The same process": a reference to
    earlier text. "The second half of the century" (the ordinal said of what follows) is not."""
    if len(subject) < 2 or subject[0].lower_ != "the" or subject[1].lower_ not in _BACK_REFERENCES:
        return False
    noun = subject[1].head
    return not any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children)


_PLANNING_VERBS = frozenset("consider discuss examine study explore describe explain cover look see learn".split())
"""What an author says *we* will do with the text (*the two effects we need to consider*); not what *we* do
in the world (*the farther from the equator we travel*)."""


def _authors_relative(span: Span) -> bool:
    """Whether a relative clause has the author as subject planning the text (*There are two effects we need
    to consider*): the author's plan, not a fact of the text."""
    for token in span:
        if token.lower_ in ("we", "i") and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
            verbs = [token.head, *(c for c in token.head.children if c.dep_ == "xcomp")]
            if any(verb.lemma_ in _PLANNING_VERBS for verb in verbs):
                return True
    return False


_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_SINGULAR_PRONOUNS = frozenset({"it", "its"})


def _opening_pronoun_unmatched(span: Span) -> bool:
    """Whether a pronoun before the main clause's subject cannot stand for that subject, so it stands for
    something said before (*Despite their small size the discovery ... dates back to 1892*); *Despite their
    small size, viruses ...* says what *their* means."""
    subjects = _subject(span)
    if not subjects:
        return False
    subject = subjects[0]
    start = min(token.i for token in subject.subtree)
    plural = subject.tag_ in ("NNS", "NNPS") or any(child.dep_ == "conj" for child in subject.children)
    for token in span:
        if token.i >= start or any(t.pos_ in ("NOUN", "PROPN") for t in span if t.i < token.i):
            continue  # "before Lewis and Clark set out on their expedition": it may stand for what comes before
        if (token.lower_ in _PLURAL_PRONOUNS and not plural) or (token.lower_ in _SINGULAR_PRONOUNS and plural):
            return True
    return False


def _subject(span: Span) -> list[Token]:
    return [child for child in span.root.children if child.dep_ in ("nsubj", "nsubjpass")]


def has_subject(sentence: ParsedSentence) -> bool:
    """Whether the sentence is a full clause, not a fragment like "Indicated a shift in ..."."""
    return bool(_subject(sentence.span))


def _repeated_in_sentence(answer: Answer) -> bool:
    """Whether the rest of the sentence says the answer again, or a word of its head's family ("American
    commerce ... before _____ took up": Americans; "the Mongols' protection ... the Pax _____")."""
    pattern = re.compile(rf"(?<!\w){re.escape(answer.text)}(?!\w)", re.IGNORECASE)
    if len(pattern.findall(answer.sentence.text)) > 1:
        return True
    head = letter_words(answer.text)[-1:]  # "condensation nuclei" beside "condenses" still asks the nuclei
    return bool(head) and _of_a_family(head[0], letter_words(answer.rest))


def _of_a_family(word: str, others: Iterable[str]) -> bool:
    """Whether ``word`` and one of ``others`` are forms of one word or derived one from the other
    (*Mongols*, *Mongolica*; *Iceland*, *Icelandic*; *viruses*, *virology*; not *chloroplasts*,
    *chlorophyll*): see :func:`~quizgen.generate.importance.of_a_family`."""
    return of_a_family(word, others)


def _make(
    sentence: ParsedSentence,
    start: int,
    end: int,
    kind: AnswerKind,
    *,
    category: Category | None = None,
    plural: bool = False,
    bonus: float = 0.0,
) -> Answer:
    score = KIND_WEIGHT.get(kind, 1.5) + PART_BONUS[sentence.part] + bonus
    if _NAMING.search(sentence.text[:start]):
        score += NAMED_TERM_BONUS  # "... is called a granum": the word the sentence teaches
    return Answer(sentence.sentence, start, end, kind, score, category.name if category else None, plural)


def _entity_answers(sentence: ParsedSentence, context: DocumentContext, lexicon: Lexicon) -> Iterator[Answer]:
    offset = sentence.span.start_char
    for entity in sentence.span.ents:
        start, end = entity.start_char - offset, entity.end_char - offset
        label = str(entity.label_)
        if label == "DATE" and _a_month(entity.text, lexicon):
            yield _make(sentence, start, end, "months", category=lexicon.category_of(entity.text))
        elif label == "DATE":
            yield from _date_answer(sentence, entity, start)
        elif label in NUMBER_LABELS:
            yield from _number_answer(sentence, entity)
        elif label == "ORDINAL":
            yield from _ordinal_answer(sentence, start, end, lexicon)
        elif label in ENTITY_KINDS and entity.text[:1].isupper():
            kind: AnswerKind = "person" if normalise(entity.text) in context.people else ENTITY_KINDS[label]
            yield from _named_answer(sentence, entity, start, end, kind, context, lexicon)


def _a_month(text: str, lexicon: Lexicon) -> bool:
    """Whether a date is a month alone (*closest to the Sun in January*): a name of the curated months, asked
    against the other months, where a date with a year asks its year."""
    category = lexicon.category_of(text)
    return category is not None and category.kind == "months"


def _named_answer(
    sentence: ParsedSentence,
    entity: Span,
    start: int,
    end: int,
    kind: AnswerKind,
    context: DocumentContext,
    lexicon: Lexicon,
) -> Iterator[Answer]:
    text = sentence.text[start:end]
    if text.lower().startswith("the "):
        start += 4
        text = text[4:]
    if text.endswith(("'s", "’s")):
        end -= 2
        text = text[:-2]
    if len(text) < 2 or not any(char.isalpha() for char in text) or _HYPHENATED_NAMES.search(text):
        return
    if normalise(text) in _ERA_MARKERS:
        return
    if kind == "person" and PLACE_WORDS & set(normalise(text).split()):
        kind = "place"  # "Vatnajokull Glacier", "Lago Titicaca": a place the tagger calls a person
    if kind == "person" and len(text.split()) == 1 and normalise(text) not in context.people:
        if start == 0 or zipf(text.lower()) > COMMON_WORD_ZIPF:
            return  # likely a common word taken for a name ("Noteworthy is the timing ...")
        kind = "name"  # a single word the tagger calls a person: maybe a place or a thing
    category = lexicon.category_of(text) if kind not in PERSON_KINDS else None
    if category is not None:
        kind = category.kind
    plural = entity.root.tag_ in ("NNS", "NNPS") or (kind == "group" and text.endswith("s"))
    found = _make(sentence, start, end, kind, category=category, plural=plural)
    yield replace(found, title=_title_before(sentence.text, start)) if kind == "person" else found


def _title_before(text: str, start: int) -> str:
    """The title word standing right before ``start`` ("President" in "President Hoover"), lower-cased, if any."""
    before = _WORD_BEFORE.search(text[:start])
    word = before.group(1).lower() if before else ""
    return word if word in TITLES else ""


_DURATION = re.compile(
    r"\b(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\s+(days?|weeks?|months?|years?|decades?|centuries)\b", re.IGNORECASE
)
"""A length of time ("within three days", "for over 300 years"): its count is asked, as a number."""


def _date_answer(sentence: ParsedSentence, entity: Span, start: int) -> Iterator[Answer]:
    text = str(entity.text)
    duration = _DURATION.search(text)
    if duration:
        kind: AnswerKind = "number" if duration.group(1)[0].isdigit() else "number_word"
        yield _make(sentence, start + duration.start(1), start + duration.end(1), kind)
        return
    year = _YEAR.search(text)
    if year:
        kind = "decade" if year.group(2) else "year"
        end = start + year.end()
        era = _ERA_AFTER.match(sentence.text, end)  # "about 3150 BCE": the tagger may leave the era out
        yield _make(sentence, start + year.start(), era.end() if era and not year.group(3) else end, kind)
        return
    century = _CENTURY.search(text)
    if century:
        yield _make(sentence, start + century.start(), start + century.end(), "century")


def _ordinal_answer(sentence: ParsedSentence, start: int, end: int, lexicon: Lexicon) -> Iterator[Answer]:
    """A rank the curated ordinals know (*ranked _____ in Australia*: second), asked against other ranks."""
    category = lexicon.category_of(sentence.text[start:end])
    if category is not None and category.kind == "ordinals":
        yield _make(sentence, start, end, category.kind, category=category)


def _number_answer(sentence: ParsedSentence, entity: Span) -> Iterator[Answer]:
    offset = sentence.span.start_char
    for token in entity:
        if token.i > 0 and token.nbor(-1).pos_ == "PROPN" and token.nbor(-1).text[:1].isupper():
            return  # part of a name ("Apollo 11", "Saturn V"), not a count
        if token.like_num and _DIGITS.search(token.text):
            following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            kind: AnswerKind = "percent" if following in ("percent", "%", "per") else "number"
            kind = "year" if kind == "number" and _a_bare_year(token) else kind
            yield _make(sentence, token.idx - offset, token.idx - offset + len(token.text), kind)
            return
        if token.lower_ in NUMBER_WORDS:
            yield _make(sentence, token.idx - offset, token.idx - offset + len(token.text), "number_word")
            return


def _a_bare_year(token: Token) -> bool:
    """Whether a number the tagger took for a count is a year: three or four digits up to this year, after a
    preposition of time and before no noun it counts (*established in 930*; not *in 930 households*)."""
    if not (token.text.isdigit() and 3 <= len(token.text) <= 4 and 100 <= int(token.text) <= CURRENT_YEAR):
        return False
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return before in _YEAR_PREPOSITIONS and (after is None or after.pos_ not in ("NOUN", "PROPN"))


_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "till", "from", "after", "before", "around", "circa"})


def _term_answers(sentence: ParsedSentence, context: DocumentContext, lexicon: Lexicon) -> Iterator[Answer]:
    offset = sentence.span.start_char
    for chunk in sentence.noun_chunks:
        tokens = _term_tokens(chunk)
        if not tokens:
            continue
        root = tokens[-1]
        if any(token.ent_type_ and token.ent_type_ not in ("GPE", "ORG", "NORP") for token in tokens):
            continue
        if root.tag_ not in ("NN", "NNS") or any(child.dep_ == "nummod" for child in root.children):
            continue  # a unit after a number ("2.5 centimetres") is not a term
        if not root.text.islower() and not root.text.isupper():
            continue  # a capitalised name spaCy did not tag: not a term, not safely a name either
        category = lexicon.category_of(" ".join(t.text for t in tokens))
        rarity = zipf(root.lemma_.lower())
        if rarity > COMMON_TERM_ZIPF and category is None:
            continue
        if _stem_elsewhere(sentence, root):
            continue
        start, end = tokens[0].idx - offset, root.idx - offset + len(root.text)
        if start > 0 and (sentence.text[start - 1] in "-–" or sentence.text[start - 1].isalnum()):
            continue  # the tail of a hyphenated word ("anti-communist")
        if category is None and not specific_term(tokens, _NAMING.search(sentence.text[:start]) is not None, context):
            continue
        bonus = min(2.0, max(0.0, COMMON_TERM_ZIPF - rarity) * 0.6) + (0.5 if category else 0.0)
        kind: AnswerKind = category.kind if category else "term"
        found = _make(sentence, start, end, kind, category=category, plural=root.tag_ == "NNS", bonus=bonus)
        described = len(tokens) > 1 and all(token.pos_ == "ADJ" for token in tokens[:-1])
        yield replace(found, head=root.text) if described else found


SPECIFIC_TERM_ZIPF = 3.5
"""A term with a word rarer than this (Zipf scale: "sublimation", "condensation nuclei") is specific
enough to ask wherever it stands."""

REPEATED_TERM_ZIPF = 4.0
"""A term of commoner words is asked only where the text names it ("called ...") or comes back to its
head noun in another sentence, and only while its words are rarer than this."""


def specific_term(tokens: list[Token], named: bool, context: DocumentContext) -> bool:
    """Whether a term is worth a blank: a common word blanked once ("smaller _____ are found along the
    coast": clusters; "an upward _____") has synonyms a student would rightly write, or is filled from
    the rest of the sentence, while the words a text names or keeps returning to are what it teaches."""
    if context.noun_mentions is None or named:
        return True
    rarest = min(zipf(token.lower_) for token in tokens)
    if rarest < SPECIFIC_TERM_ZIPF:
        return True
    return context.noun_mentions.get(tokens[-1].lemma_.lower(), 0) >= 2 and rarest <= REPEATED_TERM_ZIPF


def noun_mentions(sentences: list[ParsedSentence]) -> dict[str, int]:
    """For each common-noun lemma, the number of ``sentences`` that use it."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for lemma in {token.lemma_.lower() for token in sentence.span if token.tag_ in ("NN", "NNS")}:
            counts[lemma] = counts.get(lemma, 0) + 1
    return counts


TERM_OPTION_ZIPF = 5.5
"""Nouns more frequent than this ("time", "way") are no wrong options even of their class."""


def document_terms(sentence: ParsedSentence) -> list[str]:
    """The key nouns of any sentence of a document (asked or not), to stand as wrong options of their class."""
    found = []
    for chunk in sentence.noun_chunks:
        tokens = _term_tokens(chunk)
        if not tokens or any(token.ent_type_ for token in tokens):
            continue
        root = tokens[-1]
        if root.tag_ in ("NN", "NNS") and root.text.islower() and zipf(root.lemma_.lower()) <= TERM_OPTION_ZIPF:
            found.append(" ".join(token.text for token in tokens))
    return found


def _term_tokens(chunk: Span) -> list[Token]:
    """The content part of a noun chunk: no determiner, possessive or quantifier; at most three words."""
    tokens = [token for token in chunk if token.pos_ not in ("DET", "PRON", "NUM", "PUNCT") and token.dep_ != "poss"]
    while tokens and (
        tokens[0].pos_ not in ("NOUN", "PROPN", "ADJ")
        or (tokens[0].pos_ == "ADJ" and zipf(tokens[0].lower_) >= COMMON_MODIFIER_ZIPF)
        or tokens[0].tag_ in ("JJR", "JJS")  # "deadliest smallpox": a comparison, not part of the term
    ):
        tokens.pop(0)
    if not tokens or tokens[-1].pos_ != "NOUN" or not tokens[-1].is_alpha or len(tokens[-1]) < 4:
        return []
    if tokens[-1].is_stop:
        return []
    if len(tokens) > 3:
        tokens = tokens[-1:]
    first = tokens[0].i
    if any(token.i != first + index for index, token in enumerate(tokens)):
        return tokens[-1:]
    return tokens


def _stem_elsewhere(sentence: ParsedSentence, root: Token) -> bool:
    """Whether another word of the sentence shares the term's stem ("photosynthesis" / "photosynthetic")."""
    stem = root.lemma_.lower()[:6]
    return any(token.i != root.i and token.lower_.startswith(stem) for token in sentence.span)
