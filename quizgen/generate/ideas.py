"""The ideas a teacher asks about first: what a term means, and why something happened.

Definitions (answer kind ``defined``: the term; its wrong options are the document's other defined
terms, then its terms of the same class):

- ``Water that falls from clouds is called precipitation.`` -> ``What is the name for water that falls from clouds?``
- ``Some rain soaks into the ground in a process called infiltration.`` ->
  ``What is the name for the process in which some rain soaks into the ground?``
- ``A cataract is a place in a river where ...`` -> ``What is the name for a place in a river where ...?``
- ``The bubonic plague, the most common variant of the disease, ...`` ->
  ``What is the name for the most common variant of the disease?``

Reasons (answer kind ``reason``: the phrase with its marker, "because he could not explain ...";
its wrong options are the document's other reasons): ``because``, ``because of``, ``due to``, ``owing
to``, ``as a result of``, ``so that`` and ``in order to`` give ``Why ...?`` for the clause they belong to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from quizgen.generate.questions import predicate, statement, tokens_text, why_question
from quizgen.generate.types import TITLES, Answer, AnswerKind, ParsedSentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DEFINITION_SCORE = 4.5
"""Score of a definition: above any single fact of its sentence, since it is what the sentence teaches."""
REASON_SCORE = 4.0
MAX_STEM_WORDS = 28
"""A definition or reason question longer than this is left to the ordinary items of its sentence."""

MIN_REASON_WORDS = 3
MAX_REASON_WORDS = 16
"""A longer reason is a paragraph of its own: an option of that length stands out."""
_NAMING_VERBS = frozenset({"call", "name", "term", "know", "refer"})
_POINTING = frozenset({"this", "these", "that", "those", "such"})
_POINTING_WORDS = frozenset({"this", "these", "those", "such", "latter", "former"})
_EVALUATIVE = frozenset(
    "significant important major key main chief principal primary large small great good bad common rare".split()
)
"""Adjectives that make "X is a significant supplier of ..." a judgement about X, not its definition."""
_REASON_PREPOSITIONS = {("because", "of"), ("due", "to"), ("owing", "to")}


def idea_answers(sentence: ParsedSentence) -> list[Answer]:
    """The definition and reason answers of ``sentence``, each with its question as stem."""
    span = sentence.span
    found = [
        *_named(sentence, span),
        *_copular(sentence, span),
        *_appositive(sentence, span),
        *_relative(sentence, span),
        *_reasons(sentence),
    ]
    return [answer for answer in found if len(answer.stem.split()) <= MAX_STEM_WORDS and _self_contained(answer.stem)]


def _self_contained(stem: str) -> bool:
    """Whether a stem has no word pointing at earlier text ("this achievement", "the latter")."""
    words = set(stem.lower().rstrip("?").split())
    return not words & _POINTING_WORDS


def _answer(sentence: ParsedSentence, tokens: list[Token], kind: AnswerKind, stem: str, score: float) -> Answer:
    offset = sentence.span.start_char
    start, end = tokens[0].idx - offset, tokens[-1].idx - offset + len(tokens[-1].text)
    plural = tokens[-1].tag_ in ("NNS", "NNPS")
    return Answer(sentence.sentence, start, end, kind, score, plural=plural, stem=stem, full_clause=True)


def _term(head: Token) -> list[Token] | None:
    """The tokens of a defined term headed by ``head``, without a leading article; ``None`` if it is
    no term (a pronoun, a long phrase, a word pointing back)."""
    tokens = [t for t in head.subtree if not (t.dep_ == "det" and t.i == min(x.i for x in head.subtree))]
    if not tokens or head.pos_ not in ("NOUN", "PROPN") or len(tokens) > 4:
        return None
    name = head.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.lower_ == "of" for t in tokens)
    if any(t.is_punct or t.lower_ in _POINTING or t.pos_ in ("VERB", "PRON") for t in tokens):
        return None
    if any(t.pos_ == "ADP" for t in tokens) and not name:
        return None  # "the Ring of Fire" is a name; "the flow of water" no term
    return tokens


def _described(head: Token, left_out: set[int] | None = None) -> str | None:
    """The noun phrase of ``head`` that describes a term ("the process", "a place in a river where ..."),
    or ``None`` if it points back at earlier text or has no words beyond its noun to say what it is."""
    tokens = [t for t in head.subtree if t.i not in (left_out or set())]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens or any((t.lower_ in _POINTING and t.dep_ == "det") or t.text in "()" for t in tokens):
        return None
    text = tokens_text(tokens)
    first = tokens[0]
    return text if first.pos_ == "PROPN" or (first.text.isupper() and len(first) > 1) else text[:1].lower() + text[1:]


def _name_question(term: list[Token], description: str) -> str:
    """``What is the name for <description>?`` (``... of ...`` for a proper name)."""
    first = description.split()[0] if description.split() else ""
    if (not (len(first) > 1 and first.isupper()) and term[-1].pos_ != "PROPN") or len(first) == 1:
        description = description[:1].lower() + description[1:]
    preposition = "of" if term[-1].pos_ == "PROPN" and term[-1].text[:1].isupper() else "for"
    return f"What is the name {preposition} {description}?"


def _named(sentence: ParsedSentence, span: Span) -> Iterator[Answer]:
    """Terms given a name: "X is called Y", "an N called Y", "an N known as Y"."""
    for token in span:
        if token.lemma_ not in _NAMING_VERBS or token.tag_ != "VBN":
            continue
        named = _named_term(token)
        if named is None:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if token.dep_ in ("ROOT", "conj") and subject is not None:  # "..., and the space around it is called Y"
            description = _described(subject)
        elif token.dep_ == "acl":
            description = _reduced(span, token)
        else:
            continue
        if description is not None:
            yield _answer(sentence, named, "defined", _name_question(named, description), DEFINITION_SCORE)


def _named_term(verb: Token) -> list[Token] | None:
    """The term a naming verb gives: its complement ("called precipitation", "known as buboes")."""
    for child in verb.children:
        if child.dep_ == "oprd":
            return _term(child)
        if child.dep_ == "prep" and child.lower_ == "as":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return _term(objects[0]) if objects else None
    return None


def _reduced(span: Span, naming: Token) -> str | None:
    """What the noun before "called Y" is, said from its clause: "the process in which some rain soaks
    into the ground", "the gas that plants release"."""
    noun = naming.head
    name = set(_subtree(naming))
    own = [t for t in noun.subtree if t.i not in name and t.i <= noun.i and t.dep_ != "det"]
    if not own or any(t.is_punct and t.text != "-" for t in own):
        return None
    kind = f"the {tokens_text(own)}"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
        clause = statement(span, verb, _subtree(noun.head))
        relative = "whom" if noun.lower_ in TITLES else "which"
        return f"{kind} {noun.head.lower_} {relative} {clause}" if clause else None
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        body = predicate(span, noun.head)
        return f"{kind} that {body}" if body else None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":  # "the swellings that the plague raises near ..."
        clause = statement(span, noun.head, _subtree(noun))
        return f"{kind} that {clause}" if clause else None
    comma = min(_subtree(noun)) - 1
    if noun.dep_ in ("npadvmod", "appos") and noun.head.pos_ == "VERB" and comma > noun.head.i:
        if span.doc[comma].text != "," or max(_subtree(noun)) + 1 < span.end - 1:
            return None
        clause = statement(span, noun.head, _subtree(noun) | {comma})  # "..., a process called sublimation"
        return f"{kind} in which {clause}" if clause else None
    return None


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _copular(sentence: ParsedSentence, span: Span) -> Iterator[Answer]:
    """A term, *is*, and what it is, with words saying how: "A cataract is a place in a river where ..."."""
    root = span.root
    if root.lemma_ != "be" or root.tag_ not in ("VBZ", "VBP"):
        return
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    attributes = [c for c in root.children if c.dep_ == "attr"]
    if len(subjects) != 1 or len(attributes) != 1 or subjects[0].pos_ != "NOUN":
        return
    term, attribute = _term(subjects[0]), attributes[0]
    if term is None or subjects[0].i > root.i or not _defining(attribute):
        return
    description = _described(attribute, _joined(attribute))
    if description is not None:
        yield _answer(sentence, term, "defined", _name_question(term, description), DEFINITION_SCORE)


def _defining(noun: Token) -> bool:
    """Whether a noun phrase says what kind of thing it is (a relative clause, a phrase after it) and
    begins with an article or is plural ("a place in a river where ...", "tiny agents that ...")."""
    article = any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children)
    if any(c.dep_ == "amod" and c.lower_ in _EVALUATIVE for c in noun.children):
        return False
    modified = any(c.dep_ in ("relcl", "acl", "prep") and c.i > noun.i for c in noun.children)
    return noun.pos_ == "NOUN" and modified and (article or noun.tag_ == "NNS")


def _joined(noun: Token) -> set[int]:
    """Tokens of phrases joined to ``noun`` by *and* or a comma: further facts, not its definition."""
    left_out: set[int] = set()
    for child in noun.children:
        if child.dep_ in ("conj", "cc", "appos") or (child.dep_ == "punct" and child.i > noun.i):
            left_out |= _subtree(child)
    return left_out


def _appositive(sentence: ParsedSentence, span: Span) -> Iterator[Answer]:
    """A term and what it is, between commas: "The bubonic plague, the most common variant of the disease, ..."."""
    for token in span:
        if token.dep_ != "appos" or token.head.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        head = token.head
        first = min(_subtree(token))
        if first == 0 or span.doc[first - 1].text != "," or not _defining(token):
            continue
        term = [t for t in (_term_before(head, first - 1) or [])]
        description = _described(token, _joined(token))
        if term and description is not None:
            yield _answer(sentence, term, "defined", _name_question(term, description), DEFINITION_SCORE)


def _relative(sentence: ParsedSentence, span: Span) -> Iterator[Answer]:
    """A term and what it is, in a relative clause after a comma: "... along the Ring of Fire, which is a
    belt bordering the Pacific Ocean that ..."."""
    for clause in span:
        if clause.dep_ != "relcl" or clause.lemma_ != "be" or clause.tag_ not in ("VBZ", "VBP"):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        attributes = [c for c in clause.children if c.dep_ == "attr"]
        first = min(_subtree(clause))
        if len(subjects) != 1 or subjects[0].lower_ not in ("which", "who") or len(attributes) != 1:
            continue
        if first == 0 or span.doc[first - 1].text != "," or not _defining(attributes[0]):
            continue
        noun = clause.head
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "PROPN":
            noun = noun.head.head  # "the Ring of Fire, which ...": the clause hangs on the name's last word
        start = min(_subtree(noun))
        term = [t for t in noun.subtree if t.i < first - 1 and not (t.dep_ == "det" and t.i == start)]
        name = noun.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.lower_ == "of" for t in term)
        if not term or term[-1].i != first - 2 or len(term) > 4 or any(t.lower_ in _POINTING for t in term):
            continue
        if not (name or all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in term)):
            continue
        description = _described(attributes[0], _joined(attributes[0]))
        if description is None:
            continue
        answer = _answer(sentence, term, "defined", _name_question(term, description), DEFINITION_SCORE)
        article = span.doc[start].text if span.doc[start].dep_ == "det" and start != term[0].i else ""
        before = f"{article.capitalize()} " if article else ""
        yield replace(answer, clause=(before, f" {clause.lower_} {description}."))  # "The _____ is a belt ..."


def _term_before(head: Token, comma: int) -> list[Token] | None:
    """The term before the apposition's comma, if it is the whole noun phrase there."""
    tokens = [t for t in head.subtree if t.i < comma and not (t.dep_ == "det" and t.i == min(_subtree(head)))]
    if not tokens or tokens[-1].i != comma - 1 or tokens[-1].i != head.i:
        return None
    return _term(head) and tokens if all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in tokens) else None


def _reasons(sentence: ParsedSentence) -> Iterator[Answer]:
    """Reasons and purposes ("because he could not explain ...", "due to their explosive history",
    "so that ...", "in order to ...", "To raise money, ..."): the reason with its marker, and
    *Why ...?* for its clause."""
    span = sentence.span
    for reason, tokens in _reason_phrases(span):
        if tokens[0].lower_ == "to" and tokens[0].i != span.start:
            continue  # "recovered to become an economic power": an infinitive after its verb may be a result
        stem = why_question(span, reason)
        if stem is not None:
            yield _answer(sentence, tokens, "reason", stem, REASON_SCORE)


def document_reasons(sentence: ParsedSentence) -> list[str]:
    """The reasons any sentence of a document gives (asked or not), to stand as wrong options of a
    *why* question; none that needs the text around it ("because they ...")."""
    return [
        tokens_text(tokens)
        for _, tokens in _reason_phrases(sentence.span)
        if not any(t.pos_ == "PRON" and t.lower_ not in ("which", "that", "who") for t in tokens)
    ]


def _reason_phrases(span: Span) -> Iterator[tuple[Token, list[Token]]]:
    """Each reason phrase of ``span``: its head and its tokens (marker first, no closing punctuation)."""
    for token in span:
        reason = _reason_phrase(token)
        if reason is None:
            continue
        tokens = sorted(reason.subtree, key=lambda t: t.i)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        pointing = any(t.lower_ in _POINTING and t.dep_ == "det" for t in tokens)
        if MIN_REASON_WORDS <= len(tokens) <= MAX_REASON_WORDS and not pointing:
            yield reason, tokens


def _reason_phrase(token: Token) -> Token | None:
    """The head of a reason or purpose phrase that ``token`` opens, if it does."""
    lowered = token.lower_
    if token.dep_ == "mark" and lowered == "because" and token.head.dep_ == "advcl":
        return token.head
    if lowered == "to" and token.dep_ == "aux" and token.head.dep_ == "advcl" and token.head.tag_ == "VB":
        return token.head if min(t.i for t in token.head.subtree) == token.i else None  # "To raise money, ..."
    if token.dep_ == "mark" and lowered == "so" and token.head.dep_ == "advcl" and token.nbor(1).lower_ == "that":
        return token.head
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if token.dep_ == "prep" and (lowered, following) in _REASON_PREPOSITIONS:
        return token
    if lowered == "in" and token.dep_ == "prep" and token.i + 2 < len(token.doc) and token.nbor(1).lower_ == "order":
        return token if token.nbor(2).lower_ == "to" else None
    if (
        lowered == "as"
        and token.dep_ == "prep"
        and [t.lower_ for t in token.doc[token.i + 1 : token.i + 4]]
        == [
            "a",
            "result",
            "of",
        ]
    ):
        return token
    return None
