"""Wh-questions from the dependency parse: the answer's phrase is replaced by a question phrase and
moved to the front, the rest of its clause kept and, where the phrase is not the subject, inverted.

- subject: ``Former army officer Ollanta Humala was elected president in 2011.`` ->
  ``Who was elected president in 2011?``
- object: ``Colombia sought diverse partnerships.`` -> ``What did Colombia seek?``
- a phrase after a preposition: ``In 1937, Japan launched an invasion of China.`` ->
  ``In what year did Japan launch an invasion of China?``; ``... at Pearl Harbor`` -> ``Where ...?``
- a count: ``The war killed 25 million people.`` -> ``How many people did the war kill?``

Only the answer's clause is kept: other clauses joined to it (``..., and Japan soon occupied ...``),
participle phrases after a comma (``, triggering ...``), relative clauses between commas
(``, which lies near ...,``), parentheses and a leading connective (``However,``) are dropped, and a
phrase that opens the sentence (``After its defeat,``) moves to the end. A pronoun subject of a
joined clause (``..., and in 1937, it launched ...``) is the first clause's subject. Anything the rules
do not cover gives ``None``, and the caller keeps the sentence with a blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.generate.types import LIST_KINDS, NUMERIC_KINDS, PERSON_KINDS, TITLES, YEAR_KINDS, Answer, AnswerKind
from quizgen.generate.words import zipf

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WHICH: dict[AnswerKind, tuple[str, str]] = {
    "countries": ("country", "countries"),
    "historical_states": ("state", "states"),
    "cities": ("city", "cities"),
    "us_states": ("state", "states"),
    "continents": ("continent", "continents"),
    "oceans_and_seas": ("body of water", "bodies of water"),
    "rivers": ("river", "rivers"),
    "mountain_ranges": ("mountain range", "mountain ranges"),
    "deserts": ("desert", "deserts"),
    "regions": ("region", "regions"),
    "months": ("month", "months"),
    "weekdays": ("day", "days"),
    "seasons": ("season", "seasons"),
    "planets": ("planet", "planets"),
    "religions": ("religion", "religions"),
    "ideologies": ("ideology", "ideologies"),
    "chemical_elements": ("element", "elements"),
    "organelles": ("organelle", "organelles"),
    "biomolecules": ("kind of molecule", "kinds of molecule"),
    "gases": ("gas", "gases"),
}
"""The class noun a *which* question names for an answer of a curated list (singular, plural)."""

_NOT_PLACES: frozenset[AnswerKind] = frozenset({"months", "weekdays", "seasons", "ordinals", "religions", "ideologies"})
_PLACE: frozenset[AnswerKind] = frozenset({"place"})
PLACE_ANSWER_KINDS: frozenset[AnswerKind] = (LIST_KINDS | _PLACE) - _NOT_PLACES
_WHERE_PREPOSITIONS = frozenset({"in", "at", "on", "near"})
_YEAR_PREPOSITIONS = frozenset({"in", "during", "on"})
_FACT_MARKS = frozenset({"after", "before", "when", "while", "because", "since", "once", "although", "though"})
"""Words that open a subordinate clause stating a fact (not *if*, *unless*, *so that*)."""
_FACT_MARKS = frozenset({"after", "before", "when", "while", "because", "since", "once", "although", "though"})
"""Words that open a subordinate clause stating a fact (not *if*, *unless*, *so that*)."""
_UNSURE_KINDS: frozenset[AnswerKind] = frozenset({"organisation", "name", "named"})
"""Kinds the tagger often gives a person's name: neither *who* nor *what* is safe for them."""
_ROUGHLY = frozenset({"about", "nearly", "almost", "some", "over", "around", "roughly"})
_SINCE = frozenset({"by", "until", "since"})
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DATE_WORDS = _MONTHS | {"early", "late", "mid", "the", "about", "around", "circa", "c.", "bce", "bc", "ce", "ad"}
_CLAUSE_LINKS = frozenset({"ROOT", "conj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = frozenset({"it", "they", "he", "she"})
_LINKING_ADVERBS = frozenset(
    "however therefore thus moreover furthermore nevertheless nonetheless meanwhile instead also finally still yet "
    "indeed consequently then later eventually first second third next".split()
)
_POINTING = frozenset({"this", "these", "that", "those", "such"})
_LINKING_WORDS = _LINKING_ADVERBS | {"and", "but", "so"}
_IRREGULAR_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}
_YEAR = re.compile(r"\b\d{3,4}s?\b")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.?!)])")
_DOUBLE_COMMA = re.compile(r",(\s*,)+")


@dataclass(frozen=True)
class _Phrase:
    """The constituent a question asks for: its tokens, the question phrase, and whether it is the subject."""

    tokens: frozenset[int]
    wh: str
    subject: bool
    plural: bool = False


def wh_question(answer: Answer, span: Span) -> str | None:
    """A wh-question asking for ``answer`` in its parsed sentence ``span``, or ``None`` where no rule fits."""
    tokens = answer_tokens(answer, span)
    head = _head(tokens) or _split_head(tokens)
    if head is None:
        return None
    while answer.kind in YEAR_KINDS and head.dep_ != "pobj" and head.head.lower_ in _DATE_WORDS:
        head = head.head  # "in September 1792": the year hangs on the month
    if answer.kind == "person" and head.dep_ == "appos" and head.head.i == tokens[0].i - 1:
        head = head.head  # "The young scientist Marie Curie": the name in apposition to its description
    phrase = _subject_or_object(answer, head, tokens) or _after_preposition(answer, head, tokens)
    phrase = phrase or _year_of_a_thing(answer, head, tokens)
    phrase = phrase or _count(answer, head, tokens)
    if phrase is None:
        return None
    verb = _clause_verb(span, phrase)
    if verb is None:
        return None
    question = _question(span, verb, phrase)
    if question is not None and answer.kind in YEAR_KINDS and _YEAR.search(question):
        return None  # "... in 1874 and complete independence in 1944": which year is asked is unclear
    return question


def clause_around(answer: Answer, span: Span) -> tuple[str, str] | None:
    """The answer's clause as a statement, split at the answer: the text before it and after it (ending
    in a full stop), with the parts the clause does not need left out as for a question (see the module
    docstring); ``None`` when the answer is in a part left out or nothing would be left out."""
    tokens = answer_tokens(answer, span)
    kept = _clause_tokens(tokens, span)
    return None if kept is None else _split_text(kept, tokens, span)


def _clause_tokens(tokens: list[Token], span: Span) -> list[Token] | None:
    """The tokens of the answer's clause that :func:`clause_around` keeps, or ``None``."""
    head = _head(tokens)
    if head is None:
        return None
    verb = head
    while not _clause_link(verb) or verb.pos_ not in ("VERB", "AUX"):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    if verb.dep_ == "conj" and (verb.head.dep_ != "ROOT" or _opens_with_a_phrase(verb.head) or not _finite(verb)):
        return None  # "At a divergent boundary, plates move apart and magma rises": the opening phrase holds
    parts = _parts(span, verb, set(), frozenset(t.i for t in tokens))
    if parts is None or parts[0].pos_ == "PRON":
        return None
    subject, fronted, body = parts
    ids = {t.i for t in tokens}
    subject_tokens = [t for t in subject.subtree if t.i not in _in_parentheses(subject)]
    if subject.head.i != verb.i and ids & _subtree(subject):
        return None
    kept = sorted({*fronted, *subject_tokens, *body}, key=lambda t: t.i)
    if subject.head.i != verb.i:
        kept = [*subject_tokens, *body]  # "..., but experienced ...": the shared subject repeated
    order = [t.i for t in kept]
    if not ids <= set(order) or len(kept) >= len([t for t in span if not _final_punct(t, span)]):
        return None
    if verb.i not in order:
        return None  # "..., so the two hemispheres are favored": the clause's own verb was left out
    if sum(not t.is_punct for t in kept) < MIN_CLAUSE_WORDS:
        return None  # "Cloud droplets are tiny.": too little left to say what is asked
    if any(
        t.lower_ in _PERSONAL | _SINGULAR | _PLURAL and not stands_for_earlier(t, kept) for t in kept if t.i not in ids
    ):
        return None  # what a pronoun stands for may be in the part left out
    first, last = order.index(tokens[0].i), order.index(tokens[-1].i)
    asides = _in_parentheses(span.root)
    left_out = set(range(order[max(0, first - 2)], tokens[0].i)) - set(order)
    if left_out - asides:
        return None  # words were left out right before the answer: what it hangs on may be gone
    if (
        last + 1 < len(order)
        and set(range(tokens[-1].i + 1, order[last + 1])) - _dropped(verb, frozenset(ids)) - asides
    ):
        return None
    return kept


def _split_text(kept: list[Token], tokens: list[Token], span: Span) -> tuple[str, str]:
    """The text of ``kept`` before and after the answer's ``tokens``, the first word capitalised, ending in a
    full stop."""
    before = _tidy(tokens_text([t for t in kept if t.i < tokens[0].i]))
    after = _tidy(tokens_text([t for t in kept if t.i > tokens[-1].i])).rstrip(" ,;:")
    previous = span.doc[tokens[0].i - 1] if tokens[0].i > span.start else None
    space = " " if before and previous is not None and previous.whitespace_ else ""
    before = before[:1].upper() + before[1:] + space if before else ""
    following = next((t for t in kept if t.i > tokens[-1].i), None)
    joined = following is not None and following.i == tokens[-1].i + 1
    space = (tokens[-1].whitespace_ if joined else " ") if after and after[0] not in ",.;:')”" else ""
    return before, space + after + "."


def shorter_around(answer: Answer, span: Span) -> tuple[str, str] | None:
    """The answer's clause (see :func:`clause_around`; the sentence where it has none) without the parts a
    long stem does not need and that hold no part of the answer: a description in apposition between
    commas (*Alexander Mackenzie, an officer of the British North West Company,*; not a member of a list),
    a relative clause or participle phrase after a comma (*, which lies near ...*, *, producing land ...*),
    parentheses, and a clause with its own subject joined after the answer's (*, and a large oak tree can
    transpire ...*). ``None`` when nothing would go, fewer than :data:`MIN_CLAUSE_WORDS` words would be
    left, or a pronoun would lose what it stands for."""
    tokens = answer_tokens(answer, span)
    ids = {t.i for t in tokens}
    kept = _clause_tokens(tokens, span) or [t for t in span if not _final_punct(t, span)]
    if not tokens or not ids <= {t.i for t in kept}:
        return None
    dropped = _in_parentheses(span.root)
    for token in span:
        if not _subtree(token) & ids and _unneeded(token, tokens[-1].i):
            dropped |= _subtree(token) | _commas_around(token) | _joining(token)
    shorter = [t for t in kept if t.i not in dropped]
    order = [t.i for t in shorter]
    if len(shorter) == len(kept) or not ids <= set(order):
        return None
    first = order.index(tokens[0].i)
    if set(range(order[max(0, first - 2)], tokens[0].i)) & dropped - _in_parentheses(span.root):
        return None  # words right before the answer would go: what it hangs on may be gone
    if sum(not t.is_punct for t in shorter) < MIN_CLAUSE_WORDS:
        return None
    lost = [t for t in shorter if t.lower_ in _PERSONAL | _SINGULAR | _PLURAL and t.i not in ids]
    if any(stands_for_earlier(t, kept) and not stands_for_earlier(t, shorter) for t in lost):
        return None  # what a pronoun stood for was in a part left out
    return _split_text(shorter, tokens, span)


def _unneeded(token: Token, answer_end: int) -> bool:
    """Whether ``token`` heads a part that a long stem can do without (see :func:`shorter_around`): one
    between commas (or closing the sentence) that holds no clause with a subject of its own."""
    closed = _closed(token)
    if token.dep_ == "conj":
        if token.pos_ not in ("VERB", "AUX") or token.i < answer_end or not _joining(token) or not closed:
            return False
        own_subject = any(c.dep_ in _SUBJECTS for c in token.children)
        return len(_joining(token)) > 1 if own_subject else _both_true(token)
    if token.dep_ in ("advcl", "prep") and _gives_a_purpose(token) and closed and token.i > token.head.i:
        return True  # "..., Hoover planned to overhaul federal regulations with the intention of ...": why, not what
    if not _after_comma(token) or not closed or _holds_a_clause(token):
        return False
    if token.dep_ == "appos":
        listed = any(c.dep_ in ("appos", "conj") for c in token.children) or any(
            c.dep_ in ("appos", "conj") and c.i != token.i for c in token.head.children
        )
        return token.pos_ in ("NOUN", "PROPN") and not listed
    return token.dep_ == "relcl" or (token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN") and not _marked(token))


def _holds_a_clause(token: Token) -> bool:
    """Whether a phrase holds a verb with a subject of its own other than a relative word ("which were not
    organized ... until the time of Sargon, the peoples ... were brought together"): the parse may have
    hung the sentence's main clause on it."""
    return any(
        t.dep_ in _SUBJECTS and t.tag_ not in ("WDT", "WP", "WP$") and t.head.i != token.i
        for t in token.subtree
        if t.i != token.i
    )


def _joining(token: Token) -> set[int]:
    """The *and*, *but* or *as well as* (and its comma) that joins a clause or verb phrase to the one before it."""
    if token.dep_ != "conj":
        return set()
    joins = [c for c in token.head.children if c.dep_ == "cc" and c.i < min(_subtree(token))]
    if not joins:
        return set()
    words = _subtree(joins[-1])
    comma = min(words) - 1
    return words | {comma} if token.doc[comma].text == "," else words


_BOTH_TRUE = frozenset({"and", "but", "as"})
"""Words joining two verb phrases that each claim a fact ("was impeached and ousted", "to coordinate ... as
well as to secure ..."); not *or*, *nor*: each alone is no claim."""
_PURPOSE_NOUNS = frozenset({"intention", "aim", "goal", "purpose", "hope", "objective"})
_PURPOSE_MARKS = frozenset({"because", "so"})


def _both_true(conj: Token) -> bool:
    """Whether a verb phrase joined without a subject of its own says a fact beside the one before it."""
    joins = [c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i]
    return bool(joins) and joins[-1].lower_ in _BOTH_TRUE and not any(c.dep_ == "preconj" for c in conj.head.children)


def _gives_a_purpose(token: Token) -> bool:
    """Whether a phrase says why (*because ...*, *so that ...*, *with the intention of ...*): the claim stays
    true without it."""
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _PURPOSE_MARKS for c in token.children)
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.lower_ == "with" and len(objects) == 1 and objects[0].lemma_ in _PURPOSE_NOUNS


def stands_for_earlier(pronoun: Token, kept: list[Token]) -> bool:
    """Whether ``kept`` names, before a third-person pronoun, a subject or object it can stand for: a plural
    noun for *they*, a person for *he*, a singular thing for *it* ("While treatments existed, their
    efficacy ..."; not "At the same time, its violence ..." nor "Over thousands of years, they ...")."""
    lowered = pronoun.lower_
    earlier = [
        t for t in kept if t.i < pronoun.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj")
    ]
    verb = next((t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")), None)  # "sits on top of it"
    own = _subject_of(verb) if verb is not None else None
    if own is not None and pronoun in own.subtree:
        own = None  # "Egypt and the areas around it": within its subject, it may stand for part of it
    if pronoun.dep_ in ("dobj", "pobj", "dative") and own is not None:  # "The Congress removed him": not the Congress
        earlier = [t for t in earlier if t.i != own.i]
    if lowered in _PLURAL:
        return any(t.tag_ in ("NNS", "NNPS") for t in earlier)
    if lowered in _PERSONAL:
        return any(_may_be_person(t) for t in earlier)
    if lowered in _SINGULAR:
        return any(t.tag_ in ("NN", "NNP") and t.ent_type_ != "PERSON" for t in earlier)
    return False


def _finite(verb: Token) -> bool:
    """Whether a verb carries a tense (or has an auxiliary that does): a clause of its own, not a participle."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _opens_with_a_phrase(verb: Token) -> bool:
    """Whether a clause begins with a phrase before its subject ("At a divergent boundary, plates ...")."""
    subject = _subject_of(verb)
    return subject is not None and any(t.i < min(_subtree(subject)) for t in verb.subtree if t.dep_ != "cc")


def _tidy(text: str) -> str:
    text = _DOUBLE_COMMA.sub(",", _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text))).strip()
    return text.replace(";,", ";")


def answer_tokens(answer: Answer, span: Span) -> list[Token]:
    """The tokens of ``span`` that make up the answer."""
    offset = span.start_char
    return [token for token in span if answer.start <= token.idx - offset < answer.end]


def _head(tokens: list[Token]) -> Token | None:
    ids = {token.i for token in tokens}
    heads = [token for token in tokens if token.head.i not in ids or token.head.i == token.i]
    return heads[0] if len(heads) == 1 else None


def _split_head(tokens: list[Token]) -> Token | None:
    """The head of a name the parse split between two subjects of its verb (see :func:`_split_name`): the
    subject that ends it, when the name's other words are in the subject before it."""
    ids = {token.i for token in tokens}
    heads = [token for token in tokens if token.head.i not in ids or token.head.i == token.i]
    subjects = [token for token in heads if token.dep_ in _SUBJECTS]
    if len(subjects) != 1 or len(heads) < 2:
        return None
    before = _co_subjects(subjects[0], tokens)
    return subjects[0] if all(h.i in before for h in heads if h.i != subjects[0].i) else None


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _only_extra(extra: list[Token], allowed: frozenset[str], answer: Answer) -> bool:
    """Whether the tokens of a phrase beyond the answer are only determiners, titles or ``allowed`` words."""
    return all(
        token.dep_ == "det" or token.is_punct or token.lower_ in allowed or (token.lower_ in TITLES and answer.title)
        for token in extra
    )


def _subject_or_object(answer: Answer, head: Token, tokens: list[Token]) -> _Phrase | None:
    """The answer is the subject, the object, or what a subject is ("The capital of Peru is Lima")."""
    if head.dep_ not in (*_SUBJECTS, "dobj", "attr") or answer.kind in NUMERIC_KINDS | _UNSURE_KINDS:
        return None
    if head.dep_ == "attr" and head.head.lemma_ != "be":
        return None
    if head.dep_ == "dobj" and any(child.dep_ in ("oprd", "dative", "ccomp", "xcomp") for child in head.head.children):
        return None  # "named the supercontinent Pangaea": the object is not all the verb takes
    phrase = _subtree(head) | _co_subjects(head, tokens)
    ids = {token.i for token in tokens}
    extra = [head.doc[i] for i in sorted(phrase - ids - _in_parentheses(head) - _asides(head, ids))]
    if answer.kind == "person":  # "Former army officer Ollanta Humala": who he was is no part of the question
        before = [t for t in extra if t.i < tokens[0].i]
        if not any(t.is_punct for t in before):  # not "the President of Congress, Manuel Merino,"
            extra = [t for t in extra if t.i > tokens[0].i]
    if not _only_extra(extra, frozenset(), answer):
        return None
    wh = _wh(answer, subject=head.dep_ in _SUBJECTS)
    return None if wh is None else _Phrase(frozenset(phrase), wh, head.dep_ in _SUBJECTS, answer.plural)


def _asides(head: Token, ids: set[int]) -> set[int]:
    """Tokens of a phrase that the question leaves out as it does in its clause: a description in
    apposition or a relative clause between commas that holds no part of the answer ("The bubonic
    plague, the most common variant of the disease, raises ..." -> "What raises ...?")."""
    found: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and (_description(token) or (token.dep_ == "relcl" and _after_comma(token))):
            found |= set() if _subtree(token) & ids else _subtree(token) | _commas_around(token)
    return found


def _wh(answer: Answer, subject: bool) -> str | None:
    if answer.kind in PERSON_KINDS:
        return "Who"
    which = WHICH.get(answer.kind)
    if which is not None:
        return f"Which {which[answer.plural]}"
    return "What" if not subject or not answer.plural else None


def _after_preposition(answer: Answer, head: Token, tokens: list[Token]) -> _Phrase | None:
    preposition = head.head
    if head.dep_ != "pobj" or preposition.dep_ not in ("prep", "agent"):
        return None
    if preposition.head.pos_ not in ("VERB", "AUX") and not (answer.kind in YEAR_KINDS and _of_the_clause(preposition)):
        return None
    phrase = _subtree(preposition)
    ids = {token.i for token in tokens} | {preposition.i}
    extra = [head.doc[i] for i in sorted(phrase - ids)]
    word = preposition.lower_
    if answer.kind in YEAR_KINDS or answer.kind == "century":
        dates = [token for token in extra if not token.like_num]
        of_the_thing = word == "of" and preposition.head.pos_ == "NOUN"  # "The election of 2006 saw ..."
        if not _only_extra(dates, _DATE_WORDS, answer) or (
            word not in _YEAR_PREPOSITIONS | _SINCE and not of_the_thing
        ):
            return None
        unit = {"year": "what year", "decade": "which decade", "century": "which century"}[answer.kind]
        wh = f"{'In' if word in _YEAR_PREPOSITIONS | {'of'} else word.capitalize()} {unit}"
        return _Phrase(frozenset(phrase), wh, subject=False)
    if not _only_extra(extra, frozenset(), answer):
        return None
    if answer.kind in PLACE_ANSWER_KINDS and word in _WHERE_PREPOSITIONS:
        return _Phrase(frozenset(phrase), "Where", subject=False)
    if answer.kind in PERSON_KINDS and answer.kind == "person":
        return _Phrase(frozenset(phrase), f"{word.capitalize()} whom", subject=False)
    which = WHICH.get(answer.kind)
    if which is not None:
        return _Phrase(frozenset(phrase), f"{word.capitalize()} which {which[answer.plural]}", subject=False)
    if answer.kind == "term" and len(tokens) > 1 and tokens[-1].pos_ == "NOUN":
        return _Phrase(frozenset(phrase), f"{word.capitalize()} which {tokens[-1].text}", subject=False)
    if answer.kind == "term" and word in WHAT_PREPOSITIONS:
        return _Phrase(frozenset(phrase), f"{word.capitalize()} what", subject=False)
    return None


WHAT_PREPOSITIONS = frozenset({"from", "into", "onto", "through", "by", "with", "on", "upon", "against", "to"})
"""Prepositions a term after a verb is asked with as *<preposition> what* ("People draw water from aquifers"
-> "From what do people draw water?"); not *at*, *in*, *of*: a place or a part, that *what* would not ask."""


def _year_of_a_thing(answer: Answer, head: Token, tokens: list[Token]) -> _Phrase | None:
    """``won a runoff in the 2016 presidential election`` -> ``In what year did ... win a runoff in the
    presidential election?``: a year before the noun of the verb's subject or object or of a phrase after it
    ("A 2023 survey detected ..." -> "In what year did a survey detect ...?")."""
    noun = head.head
    if answer.kind != "year" or head.dep_ not in ("nummod", "compound", "amod") or noun.pos_ != "NOUN":
        return None
    attached = noun.dep_ in ("dobj", "nsubj") or (noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"))
    if not attached or len(tokens) != 1:
        return None
    return _Phrase(frozenset({head.i}), "In what year", subject=False)


def _of_the_clause(preposition: Token) -> bool:
    """Whether a phrase hangs on the subject or object of a verb ("New elections in 2020 resulted ..."):
    the time of the thing is the time of what the clause says of it."""
    noun = preposition.head
    return noun.pos_ == "NOUN" and noun.dep_ in (*_SUBJECTS, "dobj") and noun.head.pos_ in ("VERB", "AUX")


def _count(answer: Answer, head: Token, tokens: list[Token]) -> _Phrase | None:
    """``... killed 25 million people`` -> ``How many people ...``: a count that stands before its noun."""
    noun = head.head
    if answer.kind not in ("number", "number_word") or head.dep_ != "nummod" or noun.tag_ != "NNS":
        return None
    if noun.dep_ not in (*_SUBJECTS, "dobj"):
        return None
    ids = {token.i for token in tokens}
    number = {t.i for t in head.subtree}
    if not ids <= number or any(
        head.doc[i].lower_ not in ("about", "nearly", "almost", "some", "over") for i in number - ids
    ):
        return None
    rest = [t for t in noun.subtree if t.i not in number and t.dep_ != "det"]
    if not rest or (rest[0].i != noun.i and any(t.i < noun.i and t.pos_ not in ("ADJ", "NOUN") for t in rest)):
        return None
    text = tokens_text([t for t in rest])
    return _Phrase(frozenset(_subtree(noun)), f"How many {text}", noun.dep_ in _SUBJECTS, plural=True)


def _clause_verb(span: Span, phrase: _Phrase) -> Token | None:
    """The verb of the clause the phrase belongs to: the sentence's main verb or one joined to it."""
    first = span.doc[min(phrase.tokens)]
    token = first
    while token.i not in phrase.tokens or (token.head.i in phrase.tokens and token.head.i != token.i):
        token = token.head
    verb = token.head
    if verb.pos_ == "NOUN" and token.dep_ == "prep" and _of_the_clause(token):
        verb = verb.head
    elif verb.pos_ == "NOUN" and token.dep_ in ("nummod", "compound", "amod"):  # "in the 2016 election"
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    if verb.pos_ not in ("VERB", "AUX") or not (_clause_link(verb) or verb.dep_ == "advcl"):
        return None
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in verb.children):
        return None  # "..., triggering ...", "if ...": no subject of its own, or not a fact
    if verb.dep_ == "conj" and (
        verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("VERB", "AUX") or not (_finite(verb) or _shared(verb))
    ):
        return None
    return verb


def _shared(verb: Token) -> list[Token]:
    """The auxiliaries a joined participle shares with the verb before it, when it has no subject of its own
    ("Louis XVI was put on trial and executed ...": *was executed*)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("aux", "auxpass") and c.i < verb.head.i]


def _subject_of(verb: Token) -> Token | None:
    found = [child for child in verb.children if child.dep_ in _SUBJECTS]
    if len(found) == 2 and _split_name(found[0], found[1]):
        return found[1]  # "Former army officer Ollanta HUMALA Tasso was ...": one name the parse split in two
    if len(found) == 1:
        return found[0]
    if not found and verb.dep_ == "conj":
        return _subject_of(verb.head)
    return None


def _split_name(first: Token, second: Token) -> bool:
    """Whether two subjects of one verb are one phrase the parse split: the second a name that follows the
    first's words with nothing between them (*officer Ollanta HUMALA* / *Tasso*)."""
    return second.pos_ == "PROPN" and max(_subtree(first)) + 1 == min(_subtree(second)) and second.i < second.head.i


def _co_subjects(head: Token, tokens: list[Token]) -> set[int]:
    """The words the parse split off a person's name before the subject (see :func:`_split_name`; as a
    second subject or another noun phrase on the verb) that hold part of the name: "Former army officer
    Ollanta HUMALA" beside the subject *Tasso*."""
    verb = head.head
    others = [c for c in verb.children if c.i != head.i and c.pos_ in ("NOUN", "PROPN") and _split_name(c, head)]
    ids = {t.i for t in tokens}
    if head.dep_ not in _SUBJECTS or len(others) != 1:
        return set()
    return _subtree(others[0]) if _subtree(others[0]) & ids else set()


def _clause_link(verb: Token) -> bool:
    """Whether a verb heads a clause of its own: the main verb, one joined to it, or a clause the parse hung
    on the next one across a semicolon ("ABE became ...; he resigned ...")."""
    if verb.dep_ in _CLAUSE_LINKS:
        return True
    after = max(_subtree(verb)) + 1
    return verb.dep_ == "ccomp" and after < len(verb.doc) and verb.doc[after].text == ";" and verb.i < verb.head.i


def _dropped(verb: Token, keep: frozenset[int] = frozenset()) -> set[int]:
    """Tokens of the verb's subtree that are not part of its clause's statement (see the module docstring);
    an aside that holds a token of ``keep`` (the answer) stays."""
    dropped: set[int] = set()
    for child in verb.children:
        if child.dep_ == "mark" and verb.dep_ == "advcl":
            dropped.add(child.i)  # "after the country joined ...": the subordinate clause asked alone
        elif child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            dropped |= _subtree(child)
        elif child.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
            dropped.add(child.i)
        elif child.dep_ == "advcl" and (_after_comma(child) or child.i < verb.i) and not _holds(child):
            if child.i < verb.i or _closed(child):
                dropped |= _subtree(child) | _commas_around(child)
        elif (
            child.dep_ in ("advmod", "cc", "intj")
            and child.i < verb.i
            and child.lower_ in _LINKING_ADVERBS | {"and", "but", "so"}
        ):
            dropped.add(child.i)
        elif child.dep_ == "parataxis" and child.i > verb.i:
            dropped |= _subtree(child)  # "...; rather, they are ...": a statement of its own
        elif child.dep_ == "ccomp" and _clause_link(child):
            dropped |= _subtree(child) | {max(_subtree(child)) + 1}  # "X won ...; his vice president assumed ..."
    if dropped & keep:
        dropped = set()  # the answer is in a part the rules would leave out: keep the whole clause
    for token in verb.subtree:
        if _subtree(token) & keep:
            continue
        aside = (token.dep_ == "prep" and _linking_phrase(token)) or (token.dep_ == "relcl" and _after_comma(token))
        if (aside or _description(token)) and _closed(token):
            dropped |= _subtree(token) | _commas_around(token)
        elif token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            dropped |= _subtree(token)  # "KISHIDA Fumio, the prime minister," says nothing the question needs
    return dropped | _in_parentheses(verb)


def _closed(token: Token) -> bool:
    """Whether the phrase of ``token`` ends at punctuation or the sentence's end: left out otherwise, the words
    after it would hang on the word before it (*Plants add more vapour through transpiration, releasing water
    through tiny pores in their leaves called stomata* -> *... through transpiration, called stomata*)."""
    after = max(_subtree(token)) + 1
    while after < len(token.doc) and token.doc[after].text in "()":
        after += 1  # "believed (erroneously) he had discovered": a bracket closes an aside, not the phrase
    return after >= len(token.doc) or token.doc[after].is_punct


def _description(token: Token) -> bool:
    """Whether ``token`` heads a description in apposition, between commas, of a noun before it
    ("Egypt remained a kingdom, the great superpower of the Near East, until ..."); not a name."""
    if token.dep_ != "appos" or not _after_comma(token) or token.pos_ != "NOUN":
        return False
    return token.head.pos_ in ("NOUN", "PROPN") and any(child.dep_ == "det" for child in token.children)


_LINKING_PHRASES = frozenset({"contrast", "comparison", "example", "instance", "addition", "fact", "turn"})


def _linking_phrase(preposition: Token) -> bool:
    """Whether a phrase only links the sentence to the one before ("by contrast", "for example", "in turn")."""
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    return (
        preposition.lower_ in ("by", "in", "for")
        and len(objects) == 1
        and objects[0].lower_ in _LINKING_PHRASES
        and not list(objects[0].children)
    )


_AUTHORS_VERBS = frozenset({"show", "see", "note", "mention", "say", "discuss", "explain", "describe", "learn"})


def _holds(clause: Token) -> bool:
    """Whether a clause before or after a comma is part of what the sentence claims (see :func:`_marked`);
    the author's comment "As we shall show," is not."""
    authors = clause.lemma_ in _AUTHORS_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ in ("we", "i", "you") for c in clause.children
    )
    return _marked(clause) and not authors


def _spaced(token: Token) -> bool:
    """Whether a token stands between spaces (" - " is a dash, the "-" of "full-scale" is not)."""
    return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


_CONCESSIVE = frozenset({"although", "though", "whereas"})


def _marked(clause: Token) -> bool:
    """Whether a clause opens with a word saying how it bears on the rest ("when", "if", "because"): left
    out, it would change what the sentence says ("When we lean into the Sun, sunlight hits us ...").
    A concession ("Although ..., Egypt remained ...") leaves the rest as true without it."""
    first = min(_subtree(clause))
    marks = [c for c in clause.children if c.dep_ == "mark" or (c.tag_ == "WRB" and c.i == first)]
    return bool(marks) and not any(mark.lower_ in _CONCESSIVE for mark in marks)


def _commas_around(token: Token) -> set[int]:
    """The commas that open and close the phrase of ``token`` ("Africa, stretching ..., lies" -> "Africa lies")."""
    first, last = min(_subtree(token)), max(_subtree(token))
    doc = token.doc
    before = first - 1 if first > 0 and doc[first - 1].text == "," else None
    after = last + 1 if last + 1 < len(doc) and doc[last + 1].text == "," else None
    if before is not None and after is not None:
        return {before, after}
    return {before} if before is not None and (last + 1 >= len(doc) or doc[last + 1].is_punct) else set()


def _after_comma(token: Token) -> bool:
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text == ","


def _in_parentheses(head: Token) -> set[int]:
    """Tokens between parentheses or a pair of dashes under ``head``: an aside the question does not need."""
    inside: set[int] = set()
    depth = 0
    tokens = list(head.subtree)
    dashes = [t.i for t in tokens if t.text in ("—", "–", "--") or (t.text == "-" and _spaced(t))]
    pairs = {i for index in range(0, len(dashes) - 1, 2) for i in range(dashes[index], dashes[index + 1] + 1)}
    if len(dashes) % 2:  # "... as the new head of government - Peru's first ...": an aside to the end
        pairs |= {t.i for t in tokens if t.i >= dashes[-1]}
    for token in tokens:
        if token.text == "(":
            depth += 1
        if depth or token.i in pairs:
            inside.add(token.i)
        if token.text == ")":
            depth = max(0, depth - 1)
    return inside


def why_question(span: Span, reason: Token) -> str | None:
    """*Why ...?* for the clause that the reason phrase headed by ``reason`` ("because ...", "due to ...")
    belongs to, the phrase left out."""
    verb = reason.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in _CLAUSE_LINKS:
        return None
    return _question(span, verb, _Phrase(frozenset(_subtree(reason)), "Why", subject=False))


def statement(span: Span, verb: Token, left_out: set[int]) -> str | None:
    """The clause of ``verb`` as a statement without the tokens ``left_out`` (nor a final stop), its first
    word in lower case unless a name: what a definition asks about ("some rain soaks into the ground")."""
    parts = _parts(span, verb, left_out)
    if parts is None:
        return None
    subject, fronted, body = parts
    subject_text = _subject_text(subject, verb)
    if subject_text is None or subject.i in left_out or not body:
        return None
    if any(t.lower_ in _PERSONAL | _SINGULAR | _PLURAL for t in [subject, *body, *fronted]):
        return None  # "the gas into which the Sun turns it": what "it" is was in the part left out
    moved = tokens_text(fronted).strip(" ,")
    if fronted and fronted[0].pos_ != "PROPN":
        moved = moved[:1].lower() + moved[1:]
    return f"{subject_text} {tokens_text(body).strip(' ,')} {moved}".strip()


def predicate(span: Span, verb: Token) -> str | None:
    """The clause of ``verb`` from its verb on, without its subject: "turns ice into vapour"."""
    parts = _parts(span, verb, set())
    return tokens_text(parts[2]).strip(" ,") if parts is not None and parts[2] and not parts[1] else None


def _parts(
    span: Span, verb: Token, left_out: set[int], keep: frozenset[int] = frozenset()
) -> tuple[Token, list[Token], list[Token]] | None:
    """The clause of ``verb``: its subject, the words before the subject, and the words from the subject on
    (the subject's own words left out); ``None`` when the parse is not a plain clause."""
    subject = _subject_of(verb)
    if subject is None:
        return None
    subject_ids = _subtree(subject)
    if subject_ids != set(range(min(subject_ids), max(subject_ids) + 1)):
        return None
    between: Span | list[Token] = span.doc[max(subject_ids) + 1 : verb.i] if subject.head.i == verb.i else []
    asides = _dropped(verb, keep)
    if any(t.dep_ not in ("aux", "auxpass", "neg", "advmod", "punct") and t.i not in asides for t in between):
        return None  # the parse took a name or phrase between them for something else
    dropped = asides | left_out
    clause = [t for t in verb.subtree if t.i not in dropped and t.i not in subject_ids and not _final_punct(t, span)]
    if subject.head.i != verb.i and any(t.i < verb.i and t.dep_ not in _BEFORE_A_VERB for t in clause):
        return None  # a joined clause with words of its own before its verb, and no subject of its own
    start = min(subject_ids) if subject.head.i == verb.i else verb.i
    fronted = [t for t in clause if t.i < start and not (subject.head.i != verb.i and t.dep_ in _BEFORE_A_VERB)]
    while fronted and fronted[0].is_punct:
        fronted.pop(0)
    if any(t.dep_ == "det" and t.lower_ in _POINTING for t in fronted):
        fronted = []  # "Prior to this official relationship, ...": points at text the student does not have
    if fronted and fronted[-1].i == start - 1 and fronted[-1].pos_ in ("NOUN", "PROPN"):
        return None  # "Former army officer Ollanta HUMALA Tasso was ...": one name the parse split in two
    body = [t for t in clause if t.i >= start or (subject.head.i != verb.i and t.dep_ in _BEFORE_A_VERB)]
    while body and ((body[-1].is_punct and body[-1].pos_ == "PUNCT") or body[-1].dep_ == "cc"):
        body.pop()  # "... is salt water, and": the joined clause left out (never the "%" of "about 3%")
    return subject, fronted, body


def _question(span: Span, verb: Token, phrase: _Phrase) -> str | None:
    parts = _parts(span, verb, set(phrase.tokens))
    if parts is None:
        return None
    subject, fronted, body = parts
    said = [] if phrase.subject else [t for t in subject.subtree if t.i not in phrase.tokens]
    if not _resolved([*fronted, *said, *body], phrase):
        return None
    if any(_bare_count_noun(t) for t in [*fronted, *said, *body] if t.i not in phrase.tokens):
        return None  # "Who won presidential election in 2021?": a headline's phrase, no question's
    if phrase.subject:
        if not _subtree(subject) <= phrase.tokens or not body:
            return None
        words = _singular_verb(body) if phrase.wh in ("Who", "What") or not phrase.plural else tokens_text(body)
        return _finish(_with_fronted(f"{phrase.wh} {words}", fronted))
    subject_text = _subject_text(subject, verb, phrase.tokens)
    if subject_text is None:
        return None
    inverted = _inverted(verb, body, subject_text)
    return None if inverted is None else _finish(_with_fronted(f"{phrase.wh} {inverted}", fronted))


COUNT_PLURAL_GAP = 0.6
"""A noun whose regular plural is at most this much rarer (in Zipf units) than the noun is counted
(*election*: 5.1, *elections*: 4.7); a mass noun's plural is far rarer (*energy* 5.2, *energies* 3.5)."""
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_DETERMINING = frozenset({"det", "poss", "nummod", "predet", "compound"})


def _bare_count_noun(token: Token) -> bool:
    """Whether ``token`` heads a singular count noun phrase with an adjective but no article, possessive or
    number (*won presidential election*), which English does not allow outside headlines and fact sheets.
    Only subjects and objects led by an adjective are judged: a bare noun alone is often an idiom (*took
    place*), one after a noun often a mass compound (*home rule*), and one after a preposition an abstract
    use (*after years of military rule*)."""
    if token.tag_ != "NN" or token.dep_ not in _ARGUMENTS or not token.is_lower:
        return False
    children = list(token.children)
    if any(child.dep_ in _DETERMINING for child in children) or not any(
        child.dep_ == "amod" and child.i < token.i for child in children
    ):
        return False
    plural = _third_person(token.lower_)  # a regular plural takes the same ending (elections, economies)
    return zipf(plural) >= zipf(token.lower_) - COUNT_PLURAL_GAP


MIN_CLAUSE_WORDS = 6
"""A clause shorter than this (in words) gives too little context on its own: the whole sentence is kept."""
_BEFORE_A_VERB = frozenset({"aux", "auxpass", "neg", "advmod", "punct"})
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_SINGULAR = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})


def _resolved(kept: list[Token], phrase: _Phrase | None) -> bool:
    """Whether every pronoun left in a question can stand for something the question names: *his* for a
    person it names or asks for, *its* for a singular noun, *their* for a plural one. "Why did most
    geologists reject his idea?" points at a man the student has not been told about."""
    words = {t.lower_ for t in kept}
    owners = [t for t in kept if t.lower_ in _PERSONAL and t.dep_ == "poss"]
    owned = (
        set().union(*(_subtree(t.head) for t in owners))
        if owners and len(owners) == len([t for t in kept if t.lower_ in _PERSONAL])
        else set()
    )  # "his vice president, Dina BOLUARTE,": *his* is not the person its own phrase names
    people = any(_may_be_person(t) and t.i not in owned for t in kept) or (phrase is not None and phrase.wh == "Who")
    nouns = [t for t in kept if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")]
    singular = any(t.tag_ in ("NN", "NNP") for t in nouns) or (phrase is not None and not phrase.plural)
    plural = any(t.tag_ in ("NNS", "NNPS") for t in nouns) or (phrase is not None and phrase.plural)
    unresolved = (words & _PERSONAL and not people) or (words & _SINGULAR and not singular)
    return not (unresolved or (words & _PLURAL and not plural))


def _may_be_person(token: Token) -> bool:
    """A person's name, title, or a name the tagger did not call a place or a people ("KUCZYNSKI")."""
    if token.ent_type_ == "PERSON" or token.lower_ in TITLES:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "NORP", "FAC", "DATE")


def _final_punct(token: Token, span: Span) -> bool:
    return token.is_punct and token.i == span.end - 1


def _subject_text(subject: Token, verb: Token, left_out: frozenset[int] = frozenset()) -> str | None:
    if subject.pos_ == "PRON":
        if subject.lower_ not in _PRONOUNS or verb.dep_ != "conj":
            return None
        first = _subject_of(verb.head)
        if first is None or first.pos_ == "PRON" or (subject.lower_ == "they" and first.tag_ not in ("NNS", "NNPS")):
            return None
        subject = first
    tokens = [t for t in subject.subtree if t.i not in _in_parentheses(subject) | left_out]
    if not tokens:
        return None
    text = tokens_text(tokens)
    first_token = tokens[0]
    named = first_token.pos_ == "PROPN" and not _common_word_opening(first_token)
    named = named or (first_token.lower_ in TITLES and len(tokens) > 1 and tokens[1].pos_ == "PROPN")  # President X
    if not named and not (first_token.text.isupper() and len(first_token.text) > 1):
        text = text[:1].lower() + text[1:]
    return text


COMMON_OPENING_ZIPF = 4.0
"""A capitalised first word of a sentence that is no entity and this common in lower case is a common noun
the tagger took for a name (*Stress released along the fault ...*)."""


def _common_word_opening(token: Token) -> bool:
    return bool(token.is_sent_start) and not token.ent_type_ and zipf(token.lower_) >= COMMON_OPENING_ZIPF


def _inverted(verb: Token, body: list[Token], subject: str) -> str | None:
    """The clause after the question phrase: the first auxiliary, the subject, then the rest."""
    auxiliaries = [t for t in body if t.dep_ in ("aux", "auxpass") and t.head.i == verb.i and t.i < verb.i]
    shared = _shared(verb)
    helper = ""
    if shared and not auxiliaries:
        moved, main, helper = None, " ".join([*(t.lower_ for t in shared[1:]), verb.text]), shared[0].lower_
    elif auxiliaries:
        moved, main = auxiliaries[0], verb.text
    elif verb.pos_ == "AUX":
        moved, main = verb, ""
    elif verb.tag_ in ("VBD", "VBZ", "VBP"):
        moved, main = None, verb.lemma_
    else:
        return None
    rest = [t for t in body if t.i != (moved.i if moved is not None else -1)]
    words = [("not" if t.lower_ in ("n't", "n’t") else main if t.i == verb.i else t.text) + t.whitespace_ for t in rest]
    helper = helper or (moved.lower_ if moved is not None else {"VBD": "did", "VBZ": "does", "VBP": "do"}[verb.tag_])
    helper = {"'s": "is", "'re": "are", "'ve": "have", "'d": "had"}.get(helper, helper)
    return f"{helper} {subject} {''.join(words)}"


def _singular_verb(body: list[Token]) -> str:
    """The verb phrase after *who* or *what*, its first verb made singular ("cause" -> "causes")."""
    first = body[0]
    if first.tag_ != "VBP":
        return tokens_text(body)
    lowered = first.lower_
    form = _IRREGULAR_SINGULAR.get(lowered)
    if form is None:
        form = lowered + ("es" if lowered.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        if lowered.endswith("y") and lowered[-2:-1] not in "aeiou":
            form = lowered[:-1] + "ies"
    return f"{form} {tokens_text(body[1:])}"


def _with_fronted(question: str, fronted: list[Token]) -> str:
    """The question with the phrase that opened the sentence: at the end when it says when ("in 1603"),
    else still in front ("Above all else, who wanted ...?")."""
    text = tokens_text(fronted).strip(" ,")
    if not text:
        return question.strip(" ,")
    if any(t.ent_type_ == "DATE" for t in fronted):
        if fronted[0].pos_ != "PROPN" and not fronted[0].text.isupper():
            text = text[:1].lower() + text[1:]
        return f"{question.strip(' ,')} {text}"
    return f"{text}, {question[:1].lower()}{question[1:].strip(' ,')}"


def tokens_text(tokens: list[Token]) -> str:
    """The tokens as text, with a space where words left out between two of them took theirs (a clause
    told without some of its phrases)."""
    parts = []
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        space = token.whitespace_
        if not space and after is not None and after.i != token.i + 1 and not after.is_punct:
            space = " "
        parts.append(token.text + space)
    return "".join(parts).strip()


def _finish(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _DOUBLE_COMMA.sub(",", _SPACE_BEFORE_PUNCT.sub(r"\1", text)).strip(" ,;:")
    return text[:1].upper() + text[1:] + "?"


def claim_around(answer: Answer, span: Span) -> tuple[str, str] | None:
    """The claim of the answer's clause said in other words, split at the answer as :func:`clause_around`
    is: what a true/false statement says, so a true one is not the sentence copied. A past passive clause
    with its agent becomes active (``Iceland was ruled by Norway`` -> ``Norway ruled Iceland``); a phrase
    that opens the sentence moves to the end (``In 1803, Jefferson bought ...`` -> ``Jefferson bought ...
    in 1803``), or is left out when it is only a description (``Independent for over 300 years,``) or a
    link to the sentence before (``As a result,``); a description in apposition to the subject and a
    second claim joined by ``, and`` to a phrase (``the longest river in Africa, and the second-longest
    ...``) are left out. ``None`` when none of these applies, or the sentence is not one plain clause
    whose main verb holds the answer."""
    return _claim_around(answer, span, False) or _claim_around(answer, span, True)


def _claim_around(answer: Answer, span: Span, turn_despite_moving: bool) -> tuple[str, str] | None:
    """The claim of :func:`claim_around`; an active clause is made passive only where no opening phrase
    moves, unless ``turn_despite_moving`` (one change reads best; the passive is the fallback where the moved
    phrase would follow a clause: *... were coordinated by Herbert Hoover in 1900*)."""
    tokens = answer_tokens(answer, span)
    verb = span.root
    if not _claim_verb_holds(tokens, verb) or any(t.text == ";" for t in span):
        return None
    ids = {t.i for t in tokens}
    parts = _parts(span, verb, set(), frozenset(ids))
    if parts is None or parts[0].pos_ == "PRON" or parts[0].head.i != verb.i:
        return None
    subject, fronted, body = parts
    if min(_subtree(subject)) > verb.i:
        return None  # "Across the center of Africa lies a swath ...": the subject follows its verb
    if _lost_before_subject(span, subject, fronted, _dropped(verb, frozenset(ids))):
        return None  # "When we lean into the Sun, ...": a condition the claim needs would go
    fronted = [t for t in fronted if not _linking(t, fronted)]
    second = _second_claims(verb, ids)
    body = [t for t in body if t.i not in second]
    subject_tokens = _plain_subject(subject, ids)
    active = (
        _active(verb, subject_tokens, body)
        or (_passive(verb, subject_tokens, body) if turn_despite_moving or not fronted else None)
        or _turned_round(verb, subject, subject_tokens, body)
    )
    if fronted and not _movable(fronted) and (ids & {t.i for t in fronted} or not _only_describes(fronted)):
        return None  # "When we lean into the Sun,": a condition that cannot move, and must not go
    moved = fronted if _movable(fronted) else []
    if moved and (
        _has_second_clause(verb, body) or _coordinated(body) or any(t.pos_ == "PRON" for t in subject_tokens)
    ):
        return None  # moved past a second clause or a coordination, or after what its pronoun stands for
    changed = active is not None or fronted or second or len(subject_tokens) < len(list(subject.subtree))
    dated = None if changed else _date_first(verb, subject_tokens, body)
    if not changed and dated is None:
        return None
    order: list[Token | _Inserted] = dated or [*(active or sorted([*subject_tokens, *body], key=lambda t: t.i))]
    if moved and _ends_in_a_clause(verb, order):
        return None  # "suggested that the continents ... had drifted apart in 1912": it would tell of that verb
    order += moved
    first = subject_tokens[:1] if active or dated else []
    lowered = {t.i for t in [*first, *moved[:1]] if _common_word(t)}
    return _split_claim(order, tokens, lowered) if ids <= {t.i for t in order} else None


def _common_word(token: Token) -> bool:
    """Whether a word that moves from the start of a sentence is written in lower case there (no name)."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    in_a_name = token.pos_ in ("NOUN", "ADJ") and following is not None and following.pos_ == "PROPN"
    return token.pos_ in _COMMON_POS and token.ent_type_ in ("", "DATE", "TIME", "CARDINAL") and not in_a_name


_COMMON_POS = frozenset({"DET", "ADP", "SCONJ", "ADV", "NOUN", "ADJ", "NUM"})


def _claim_verb_holds(tokens: list[Token], verb: Token) -> bool:
    """Whether the nearest verb above the answer is the sentence's main verb (not a joined clause's)."""
    head = _head(tokens)
    if head is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    while head.pos_ not in ("VERB", "AUX") and head.i != verb.i:
        head = head.head
    return head.i == verb.i or not any(t.dep_ == "conj" for t in [head, *head.ancestors] if t.i != verb.i)


def _lost_before_subject(span: Span, subject: Token, fronted: list[Token], asides: set[int]) -> bool:
    """Whether words before the subject would go that are neither in the opening phrase nor asides."""
    kept = {t.i for t in fronted} | asides
    start = min(_subtree(subject))
    return any(t.i not in kept and not t.is_punct and t.lower_ not in _LINKING_WORDS for t in span if t.i < start)


def _linking(token: Token, fronted: list[Token]) -> bool:
    """Whether a token of an opening phrase only links to the sentence before (``Indeed,``, ``As a result,``)."""
    top = token
    ids = {t.i for t in fronted}
    while top.head.i in ids and top.head.i != top.i:
        top = top.head
    authors = top.lemma_ in _AUTHORS_VERBS and any(c.lower_ in ("we", "i") for c in top.children)
    return (
        authors  # "As we shall show,"
        or top.lower_ in _LINKING_WORDS
        or (top.dep_ == "prep" and (_linking_phrase(top) or _as_a_result(top)))
    )


def _as_a_result(preposition: Token) -> bool:
    return preposition.lower_ == "as" and any(c.lower_ == "result" for c in preposition.children)


def _plain_subject(subject: Token, ids: set[int]) -> list[Token]:
    """The subject's words without a description in apposition and its commas (``The word virus, Latin for
    poison,``), unless the answer is in it."""
    dropped = set(_in_parentheses(subject))
    closing: list[Token] = []
    for token in subject.subtree:
        if token.dep_ == "appos" and not ids & _subtree(token):
            dropped |= _subtree(token) | _commas_around(token)
        elif token.dep_ == "appos":
            after = max(_subtree(token)) + 1
            closing += [token.doc[after]] if after < len(token.doc) and token.doc[after].text == "," else []
    return [*(t for t in subject.subtree if t.i not in dropped), *closing]


def _only_describes(fronted: list[Token]) -> bool:
    """Whether an opening phrase only describes the subject (``Independent for over 300 years,``, ``Facing
    impeachment ...,``): an adjective or participle with no subordinating word, which may be left out."""
    words = [t for t in fronted if not t.is_punct]
    ids = {t.i for t in words}
    heads = [t for t in words if t.head.i not in ids]
    return bool(heads) and all(
        t.tag_ in ("JJ", "VBG", "VBN") and not any(c.dep_ == "mark" for c in t.children) for t in heads
    )


def _ends_in_a_clause(verb: Token, order: list[Token | _Inserted]) -> bool:
    """Whether the claim's last word hangs on a verb other than its own (``suggested that the continents ...
    had drifted apart``, ``invoked his authority to dissolve ...``): a phrase moved after it tells of that one."""
    last = next((t for t in reversed(order) if not isinstance(t, _Inserted) and not t.is_punct), None)
    while last is not None and last.pos_ not in ("VERB", "AUX") and last.head.i != last.i:
        last = last.head
    return last is not None and last.i != verb.i


def _has_second_clause(verb: Token, body: list[Token]) -> bool:
    kept = {t.i for t in body}
    return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i in kept for c in verb.children)


def _coordinated(body: list[Token]) -> bool:
    """Whether the clause after its verb joins two phrases (``ruled by Norway, and later by Denmark``): an
    opening phrase moved to the end would stand after the last of them and be said of it alone
    (``... and later by Denmark in 1262``)."""
    return any(t.dep_ in ("cc", "conj", "preconj") for t in body)


def _second_claims(verb: Token, ids: set[int]) -> set[int]:
    """Tokens of a phrase joined to one other by a comma and *and* (``..., and the second-longest ...``)
    that does not hold the answer: a claim of its own beside the one asked (never a member of a list)."""
    found: set[int] = set()
    for token in verb.subtree:
        head = token.head
        if token.dep_ != "conj" or token.pos_ in ("VERB", "AUX") or head.pos_ == "VERB":
            continue
        if head.pos_ == "AUX" and head.lemma_ != "be":
            continue
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
            continue  # "Asia, Africa, and Latin America": a list
        cc = [c for c in head.children if c.dep_ == "cc" and c.i < token.i]
        joined = _subtree(token)
        if len(cc) != 1 or cc[0].lower_ != "and" or ids & joined:
            continue
        if cc[0].i > 0 and token.doc[cc[0].i - 1].text == ",":
            found |= {cc[0].i - 1, cc[0].i, *joined}
    return found


def _movable(fronted: list[Token]) -> bool:
    """Whether a phrase that opens a sentence can close it: a phrase with a preposition (``In 1803``,
    ``Because of ...``), a clause with a subordinating word (``When we lean into the Sun``) or a date, none
    with a pronoun that stands for nothing in it (``Despite their small size``: whose, the student cannot
    tell once it stands last; ``before Lewis and Clark set out on their expedition`` is fine)."""
    words = [t for t in fronted if not t.is_punct]
    if not words or any(t.pos_ == "PRON" and not stands_for_earlier(t, words) for t in words):
        return False
    ids = {w.i for w in words}
    heads = [t for t in words if t.head.i not in ids]
    return all(
        t.dep_ in ("prep", "npadvmod") or t.ent_type_ in ("DATE", "TIME") or any(c.dep_ == "mark" for c in t.children)
        for t in heads
    )


def _active(verb: Token, subject: list[Token], body: list[Token]) -> list[Token | _Inserted] | None:
    """A past passive clause with its agent in the active (``Iceland was subsequently ruled by Norway and
    Denmark`` -> ``Norway and Denmark subsequently ruled Iceland``): the agent first, the verb in its
    past form (a regular verb's past participle is its past tense), the subject as the object."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    agents = [c for c in verb.children if c.dep_ == "agent" and c.i > verb.i]
    past = auxiliaries in (["was"], ["were"]) and verb.lower_.endswith("ed")
    if verb.tag_ != "VBN" or not (past or auxiliaries in (["is"], ["are"])):
        return None
    objects = [c for c in agents[0].children if c.dep_ == "pobj"] if len(agents) == 1 else []
    if len(objects) != 1 or objects[0].pos_ == "PRON" or not subject or subject[0].pos_ == "PRON":
        return None
    if objects[0].tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in objects[0].children):
        return None  # "executed by guillotine": a means, not an agent ("Guillotine executed Louis XVI")
    if any(c.lower_ == "by" and c.i != agents[0].i for c in verb.children):
        return None  # "ruled by Norway, and later by Denmark": a second agent the active cannot take
    agent = sorted(objects[0].subtree, key=lambda t: t.i)
    kept = {t.i for t in body}
    if not {t.i for t in agent} <= kept or any(c.dep_ == "conj" for c in verb.children if c.i in kept):
        return None
    agent_ids = {t.i for t in agent} | {agents[0].i}
    adverbs = [t for t in body if t.i < verb.i and t.dep_ in ("advmod", "neg")]
    rest = [t for t in body if t.i > verb.i and t.i not in agent_ids]
    if past:
        return [*agent, *adverbs, verb, *subject, *rest]
    plural = objects[0].tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in objects[0].children)
    present = _Inserted(verb.lemma_ if plural else _third_person(verb.lemma_))
    return [*agent, *adverbs, present, *subject, *rest]


def _third_person(lemma: str) -> str:
    """The present tense of a verb after *he*, *she* or *it* (*causes*, *reaches*, *carries*)."""
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return f"{lemma}es"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{lemma[:-1]}ies"
    return f"{lemma}s"


@dataclass(frozen=True)
class _Inserted:
    """A word a reworded claim adds (*was*, *by*), standing among the sentence's tokens."""

    text: str
    i: int = -1
    whitespace_: str = " "
    is_punct: bool = False

    @property
    def lower_(self) -> str:
        return self.text.lower()


def _passive(verb: Token, subject: list[Token], body: list[Token]) -> list[Token | _Inserted] | None:
    """A past active clause with a direct object in the passive (``Japan occupied Manchuria`` -> ``Manchuria
    was occupied by Japan``): for a regular verb, whose past tense is its past participle, with no auxiliary,
    particle or second object, and no pronoun in the subject or object."""
    children = [c for c in verb.children if c.i in {t.i for t in body} or c.dep_ in ("aux", "neg")]
    objects = [c for c in children if c.dep_ == "dobj"]
    regular = verb.lower_.endswith("ed")
    if verb.tag_ != "VBD" or not (regular or verb.lower_ in _PARTICIPLES) or len(objects) != 1:
        return None
    if any(c.dep_ in ("aux", "neg", "prt", "dative", "ccomp", "xcomp", "conj", "oprd") for c in children):
        return None
    thing = sorted(objects[0].subtree, key=lambda t: t.i)
    kept = {t.i for t in body}
    if not {t.i for t in thing} <= kept or any(t.pos_ == "PRON" for t in [*thing, *subject]) or not subject:
        return None
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in objects[0].children):
        return None  # "impeached VIZCARRA ... and removed him": a second clause the parse hung on the object
    named = objects[0].pos_ == "PROPN" and not objects[0].lower_.endswith("s")  # "VIZCARRA", tagged NNS
    plural = (objects[0].tag_ in ("NNS", "NNPS") and not named) or any(c.dep_ == "conj" for c in objects[0].children)
    adverbs = [t for t in body if t.i < verb.i and t.dep_ == "advmod"]
    rest = [t for t in body if t.i > verb.i and t.i not in {x.i for x in thing}]
    be = _Inserted("were" if plural else "was")
    participle = verb if regular else _Inserted(_PARTICIPLES[verb.lower_])
    return [*thing, be, *adverbs, participle, _Inserted("by"), *subject, *rest]


_PARTICIPLES = {
    "won": "won",
    "led": "led",
    "built": "built",
    "wrote": "written",
    "began": "begun",
    "took": "taken",
    "gave": "given",
    "made": "made",
    "held": "held",
    "found": "found",
    "bought": "bought",
    "sold": "sold",
    "fought": "fought",
    "drew": "drawn",
    "chose": "chosen",
    "overthrew": "overthrown",
    "broke": "broken",
    "struck": "struck",
    "taught": "taught",
    "brought": "brought",
    "sent": "sent",
    "paid": "paid",
}
"""The past participle of irregular verbs whose past takes a direct object a passive can keep (not *saw*:
*The second half of the century saw growth* has no doer to be the passive's agent)."""


def _turned_round(verb: Token, head: Token, subject: list[Token], body: list[Token]) -> list[Token | _Inserted] | None:
    """A clause that says what a thing is, said the other way round: *be* between two definite phrases of
    the same number (``The Nile is the longest river in Africa`` -> ``The longest river in Africa is the
    Nile``), or a name given with *called* (``A stack of thylakoids is called a granum`` -> ``A granum is a
    stack of thylakoids``); the clause must hold nothing else."""
    kept = {t.i for t in body}
    after = [c for c in verb.children if c.i in kept and c.i > verb.i and not c.is_punct]
    if len(after) != 1 or not subject or subject[0].pos_ == "PRON" or any(c.dep_ == "conj" for c in head.children):
        return None
    named = sorted(after[0].subtree, key=lambda t: t.i)
    if verb.lemma_ == "be" and after[0].dep_ == "attr" and _definite(head) and _definite(after[0]):
        if (head.tag_ in ("NNS", "NNPS")) != (after[0].tag_ in ("NNS", "NNPS")):
            return None  # "The Incas were the largest empire": "the largest empire were the Incas"
        linking: list[Token] = [verb]
    elif verb.lemma_ == "call" and verb.tag_ == "VBN" and after[0].dep_ == "oprd":
        linking = [c for c in verb.children if c.dep_ == "auxpass"]
        if len(linking) != 1:
            return None
    else:
        return None
    if kept - {t.i for t in named} - {t.i for t in linking} - {verb.i} or any(t.pos_ == "PRON" for t in named):
        return None
    return [*named, *linking, *subject]


def _definite(token: Token) -> bool:
    """Whether a noun phrase names one known thing: a name, or a noun after *the* or a possessive."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and any(c.lower_ == "the" or c.dep_ == "poss" for c in token.children)


def _date_first(verb: Token, subject: list[Token], body: list[Token]) -> list[Token | _Inserted] | None:
    """A clause with the one phrase of time that its verb takes moved to the front (``KISHIDA Fumio became
    prime minister in 2021`` -> ``In 2021, KISHIDA Fumio became prime minister``), when no second clause
    or other date would follow it and it holds no pronoun."""
    kept = {t.i for t in body}
    phrases = [c for c in verb.children if c.i in kept and c.i > verb.i and c.dep_ == "prep" and _dated(c)]
    if len(phrases) != 1 or not subject or _has_second_clause(verb, body) or subject[0].pos_ == "PRON":
        return None
    moved = _subtree(phrases[0])
    if any(t.ent_type_ in ("DATE", "TIME") for t in body if t.i not in moved):
        return None  # "ruled from 1795 until 1799": the dates belong together
    phrase = [t for t in body if t.i in moved]
    if any(t.pos_ == "PRON" for t in phrase) or phrase[-1].i != max(moved):
        return None
    rest = [t for t in body if t.i not in moved]
    while rest and rest[-1].is_punct:
        rest.pop()
    return [*phrase, _Inserted(",", is_punct=True), *subject, *rest]


def _dated(preposition: Token) -> bool:
    """Whether a phrase with a preposition says when (``in 2021``, ``in January 1793``, ``during the 1920s``)."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return len(objects) == 1 and objects[0].ent_type_ in ("DATE", "TIME")


def _split_claim(order: list[Token | _Inserted], answer: list[Token], lowered: set[int]) -> tuple[str, str] | None:
    """The claim's text before and after the answer's tokens (which must stand together in ``order``), its
    first word capitalised and the words of ``lowered`` in lower case, ending in a full stop."""
    positions = [index for index, token in enumerate(order) if token.i in {t.i for t in answer}]
    if not positions or positions != list(range(positions[0], positions[0] + len(answer))):
        return None
    if positions[0] > 0 and answer[0].is_sent_start and _common_word(answer[0]):
        return None  # "Scientists" would stand capitalised inside the claim
    words = []
    for index, token in enumerate(order):
        word = token.lower_ if token.i in lowered else token.text
        follows = order[index + 1] if index + 1 < len(order) else None
        space = token.whitespace_
        if follows is not None and follows.i != token.i + 1 and not follows.is_punct:
            space = " "
        words.append(word + (space if follows is not None else ""))
    start, end = positions[0], positions[-1] + 1
    before = "".join(words[:start])
    after = _tidy("".join(words[end:])).rstrip(" ,;:")
    before = _tidy(before)
    before = before[:1].upper() + before[1:] + " " if before else ""
    joined = end < len(order) and order[end].i == answer[-1].i + 1
    space = answer[-1].whitespace_ if joined else " " if after and after[0] not in ",.;:')”%’" else ""
    return before, space + after + "."
