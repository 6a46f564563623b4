"""Reference resolution: a sentence whose subject points back (*It originates deep in central Africa*)
asked with what it points at named (*The Nile originates deep in central Africa*).

A pronoun subject (*it, they, he, she*), a pronoun owner of the subject (*its, their, his, her*) or a
demonstrative subject (*this river*, *these chloroplasts*) is resolved only where one candidate agrees
with it: the subject of the sentence before it in its paragraph (as that sentence was resolved, so a
paragraph about the Nile keeps meaning the Nile), or, for *it* in the first sentence of a paragraph of
a document about a country, the country. Agreement is in number and in person or thing; a sentence
before that also has an object that agrees, or names two people, makes the reference ambiguous and
the sentence stays unasked. The resolved sentence is parsed anew and its answers found as for any
sentence; each answer then points back at the verbatim sentence (what an item cites and quotes),
while its stem, clause and claim keep the referent's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from quizgen.generate.answers import why_unusable
from quizgen.generate.nlp import pipeline
from quizgen.generate.stems import may_name_a_person
from quizgen.generate.types import Answer, ParsedSentence, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SINGULAR = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "their"})
_PERSONAL = frozenset({"he", "his", "she", "her"})
_OWNERS = frozenset({"its", "their", "his", "her"})
_DEMONSTRATIVES = frozenset({"this", "these"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "happen", "take", "remain"})
_EXTRAPOSED = frozenset({"ccomp", "xcomp", "csubj", "advcl", "relcl", "acl"})
_KEPT_DEPS = frozenset({"det", "compound", "amod", "nummod", "poss", "case", "nmod"})
MAX_REFERENT_WORDS = 6
"""A referent longer than this (a subject with clauses of its own) is no name to put in another sentence."""


@dataclass(frozen=True)
class Resolution:
    """A sentence with its reference resolved: the new text parsed, and where the change stands."""

    parsed: ParsedSentence
    """The resolved sentence, parsed: what its answers are found and its stems phrased from."""
    original: Sentence
    """The verbatim sentence: what an item cites."""
    start: int
    """Where the replaced words start in the verbatim sentence (the same offset in the resolved one)."""
    old_end: int
    new_end: int
    """Where the replaced words end in the verbatim sentence, and where the referent ends in the resolved one."""

    def restored(self, answer: Answer) -> Answer | None:
        """``answer`` (found in the resolved sentence) pointing at the verbatim sentence, its stem and clause
        still naming the referent; ``None`` for an answer in or overlapping the referent: its stem names it."""
        if answer.start < self.new_end and self.start < answer.end:
            return None
        shift = 0 if answer.end <= self.start else self.new_end - self.old_end
        start, end = answer.start - shift, answer.end - shift
        if self.original.text[start:end] != answer.text:
            return None
        resolved = self.parsed.text
        clause = answer.clause or (resolved[: answer.start].lstrip(), resolved[answer.end :].rstrip())
        return replace(answer, sentence=self.original, start=start, end=end, clause=clause)


def resolutions(sentences: Sequence[ParsedSentence], topic: str = "", title: str = "") -> list[Resolution | None]:
    """For each of ``sentences`` (a document's, in order), its resolution where its subject points back to
    one candidate, else ``None``. ``topic`` is the country the document is about, if any; ``title`` the
    document's title, which *the kingdom* of *The Kingdom of Kush* stands for (see :func:`_title_named`)."""
    found: list[Resolution | None] = []
    referent: _Referent | None = None
    people = _full_names(sentences)
    titled = _title_noun(title)
    for index, sentence in enumerate(sentences):
        before = sentences[index - 1] if index and sentences[index - 1].span.doc is sentence.span.doc else None
        resolution = _resolve(sentence, referent if before else None, "" if before else topic, before, people)
        if resolution is None and titled is not None:
            resolution = _title_named(sentence, titled, sentences[:index])
        if resolution is None:
            resolution = _him_named(sentence, people)
        found.append(resolution)
        referent = _referent_of(resolution.parsed if resolution else sentence)
    return found


@dataclass(frozen=True)
class _Referent:
    """What a sentence's subject names: its words, and whether it is plural or a person."""

    text: str
    plural: bool
    person: bool


def _referent_of(sentence: ParsedSentence) -> _Referent | None:
    """What the subject of ``sentence`` names, for the sentence after it (``None``: nothing to name). A
    resolved sentence names its referent, so a paragraph about the Nile keeps meaning the Nile."""
    subject = _main_subject(sentence.span)
    if subject is None:
        return None
    named = [child for child in subject.children if child.dep_ == "appos" and child.ent_type_ == "PERSON"]
    subject = named[0] if len(named) == 1 else subject  # "the President of the Congress, Manuel MERINO,": MERINO
    if subject.pos_ not in ("NOUN", "PROPN"):
        return None
    text = _phrase(subject)
    if text is None:
        return None
    conjoined = any(child.dep_ == "conj" for child in subject.children)
    plural = conjoined or subject.tag_ in ("NNS", "NNPS")
    determined = any(child.dep_ == "det" for child in subject.children)  # "the French Revolution" is no one
    person = may_name_a_person(subject) and not determined and not conjoined
    return _Referent(text, plural, person)


def _main_subject(span: Span) -> Token | None:
    """The subject of the sentence's main clause, or of the first clause joined to it (*Viruses are ...;
    however, their origin ...*: what the next sentence's *they* stands for)."""
    root = span.root
    joined = [child for child in root.children if child.dep_ == "conj" or (child.dep_ == "ccomp" and child.i < root.i)]
    clauses = [root, *(child for child in joined if child.pos_ in ("VERB", "AUX"))]
    subjects = [child for clause in clauses for child in clause.children if child.dep_ in _SUBJECTS]
    return min(subjects, key=lambda token: token.i, default=None)


def _named_before(pointer: list[Token], before: ParsedSentence) -> _Referent | None:
    """For *this N* or *these N*, the N of the sentence before (one noun phrase with that noun, the describing
    words next to it kept: *light energy* -> *the light energy*), in the pointer's own number."""
    noun = pointer[-1]
    lemma = noun.lemma_.lower()
    same = [chunk for chunk in before.noun_chunks if chunk.root.lemma_.lower() == lemma]
    if len(same) != 1:
        return None
    chunk = same[0]
    if any(t.pos_ == "PRON" for t in chunk):
        return None
    describing: list[Token] = []
    for token in reversed([t for t in chunk if t.i < chunk.root.i]):
        if token.dep_ not in ("compound", "amod") or token.head.i != chunk.root.i:
            break  # the run of describing words next to the noun: "Neolithic" of "related but different Neolithic"
        describing.insert(0, token)
    own = pointer[1:-1]  # the pointer's own describing words, where it has them, say which better
    words = "".join(t.text_with_ws for t in (own or describing))
    return _Referent(f"the {words}{noun.text}", plural=pointer[0].lower_ == "these", person=False)


def _full_names(sentences: Sequence[ParsedSentence]) -> dict[str, str]:
    """The longest name the document gives each person, by surname (*Hoover*: *Herbert Hoover*)."""
    names: dict[str, str] = {}
    for sentence in sentences:
        for entity in sentence.span.ents:
            if entity.label_ == "PERSON" and entity[-1].pos_ == "PROPN":
                surname = entity[-1].text
                names[surname] = max(names.get(surname, ""), entity.text, key=len)
    return names


def _person_of_paragraph(sentence: ParsedSentence, pronoun: Token, people: dict[str, str]) -> _Referent | None:
    """The one person the paragraph names before ``pronoun`` (*he*, *his*), by the longest name the
    document gives them; ``None`` where it names none or several."""
    doc = sentence.span.doc
    named = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and ent.end <= pronoun.i}
    named &= set(people)
    if len(named) != 1:
        return None
    return _Referent(people[named.pop()], plural=False, person=True)


def _phrase(head: Token) -> str | None:
    """The words that name what ``head`` stands for: the head with its articles, compounds and adjectives
    (a name whole), a short *of* phrase kept; ``None`` when it points back itself or is too long."""
    if head.ent_type_ and head.ent_iob_ != "O":
        entity = next((ent for ent in head.doc.ents if ent.start <= head.i < ent.end), None)
        tokens = list(entity) if entity is not None else [head]
        before = [t for t in head.children if t.dep_ == "det" and t.i < tokens[0].i]
        tokens = before + tokens
    else:
        tokens = [t for t in head.subtree if t.i == head.i or (t.head.i == head.i and t.dep_ in _KEPT_DEPS)]
        tokens += [t for child in head.children if child.dep_ == "prep" and child.lower_ == "of" for t in child.subtree]
        tokens.sort(key=lambda t: t.i)
    if len(tokens) > MAX_REFERENT_WORDS or any(t.lower_ in _DEMONSTRATIVES | {"those", "such"} for t in tokens):
        return None
    if any(t.pos_ == "PRON" or t.is_punct for t in tokens) or tokens[-1].i - tokens[0].i + 1 != len(tokens):
        return None
    words = [t.text_with_ws for t in tokens]
    first = tokens[0]
    if first.dep_ == "det" and first.lower_ in ("the", "a", "an"):
        words[0] = "the" + first.whitespace_
    elif first.is_sent_start and first.pos_ != "PROPN":
        words[0] = words[0][:1].lower() + words[0][1:]  # "Viruses are ..." -> "... , viruses are"
    return "".join(words).strip()


def _resolve(
    sentence: ParsedSentence,
    previous: _Referent | None,
    topic: str,
    before: ParsedSentence | None,
    people: dict[str, str],
) -> Resolution | None:
    """The resolution of ``sentence``'s pointing subject, or ``None`` (nothing points back, or not to one
    candidate)."""
    subject = _main_subject(sentence.span)
    if subject is None or not _whole(sentence.text) or why_unusable(sentence) != "refers-back":
        return None  # a pronoun the sentence names what for is no reference back
    pointer = _pointer(subject)
    if pointer is None:
        return None
    word = pointer[0].lower_
    referent = previous
    if pointer[0].lower_ in _DEMONSTRATIVES and before is not None:
        referent = _named_before(pointer, before)
    elif word in _PERSONAL and (referent is None or not referent.person):
        referent = _person_of_paragraph(sentence, pointer[0], people)
    if referent is None and before is None and topic and word in _SINGULAR:
        referent = _Referent(topic, plural=False, person=False)
    if referent is None or not _agrees(word, pointer, referent) or _ambiguous(word, before, referent):
        return None
    if word in _SINGULAR and _expletive(subject):
        return None
    offset = sentence.span.start_char
    start, end = pointer[0].idx - offset, pointer[-1].idx + len(pointer[-1]) - offset
    name = referent.text
    if word in _OWNERS:
        name = f"{name}'" if referent.plural and name.endswith("s") else f"{name}'s"
    if start == 0 or sentence.text[:start].rstrip().endswith(("“", '"')):
        name = name[:1].upper() + name[1:]
    text = f"{sentence.text[:start]}{name}{sentence.text[end:]}"
    parsed = pipeline()(text)
    where = replace(sentence.sentence, text=text)
    resolved = ParsedSentence(parsed[:], where)
    return Resolution(resolved, sentence.sentence, start, end, start + len(name))


@dataclass(frozen=True)
class _TitleNoun:
    """A title that says more than its head noun (*The Kingdom of Kush*, *The Stock Market Crash of 1929*):
    what *the kingdom*, *the crash* of its text stand for."""

    name: str
    """The title without a leading article."""
    lemma: str
    """Its head noun's lemma, lower-cased."""


def _title_noun(title: str) -> _TitleNoun | None:
    """The title's head noun, where the title names one thing by more than that noun; else ``None``."""
    if not title.strip():
        return None
    parsed = pipeline()(title.strip())
    head = parsed[:].root
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS") or not head.text[:1].isupper():
        return None
    words = [token for token in parsed if token.lower_ not in ("the", "a", "an")]
    if len(words) < 2 or any(token.dep_ == "cc" for token in parsed):  # "Lewis and Clark" is two
        return None
    name = parsed[words[0].i :].text
    return _TitleNoun(name, head.lemma_.lower())


def _title_named(sentence: ParsedSentence, title: _TitleNoun, earlier: Sequence[ParsedSentence]) -> Resolution | None:
    """*The kingdom stretched ...* in a text titled *The Kingdom of Kush* asked as *The Kingdom of Kush
    stretched ...*: the subject is the title's head noun alone, after *the*, and no earlier sentence
    names another thing by that noun (*the Old Kingdom*, *the Haitian Revolution*), so it can mean no other."""
    subject = _main_subject(sentence.span)
    if subject is None or not _whole(sentence.text) or why_unusable(sentence) is not None:
        return None
    words = list(subject.subtree)
    if len(words) != 2 or words[0].lower_ != "the" or subject.lemma_.lower() != title.lemma or subject.text.istitle():
        return None
    if any(_names_another(chunk, title) for other in earlier for chunk in other.noun_chunks):
        return None
    offset = sentence.span.start_char
    start, end = words[0].idx - offset, subject.idx + len(subject) - offset
    name = f"{'The' if start == 0 else 'the'} {title.name}"
    text = f"{sentence.text[:start]}{name}{sentence.text[end:]}"
    resolved = ParsedSentence(pipeline()(text)[:], replace(sentence.sentence, text=text))
    return Resolution(resolved, sentence.sentence, start, end, start + len(name))


def _names_another(chunk: Span, title: _TitleNoun) -> bool:
    """Whether a noun phrase names something other than the title by the title's noun (*the Old Kingdom*); one
    that only describes (*an African kingdom*: indefinite, lower-case) names nothing."""
    if chunk.root.lemma_.lower() != title.lemma:
        return False
    if not chunk.root.text[:1].isupper() and not any(token.lower_ == "the" for token in chunk):
        return False
    named = [token for token in chunk if token.lower_ not in ("the", "a", "an", "this", "that")]
    phrase = "".join(token.text_with_ws for token in chunk.root.subtree)  # "the Nubian Kingdom" of Kush
    return len(named) > 1 and title.name.lower() not in phrase.lower()


def _him_named(sentence: ParsedSentence, people: dict[str, str]) -> Resolution | None:
    """*President Coolidge appointed him head of ...* asked as *... appointed Herbert Hoover head of ...*: *him*
    for the one person the paragraph names before it, besides the clause's own subject (who is never *him*
    of his own clause), by the fullest name the document gives."""
    span = sentence.span
    pronouns = [token for token in span if token.lower_ == "him"]
    subject = _main_subject(span)
    if len(pronouns) != 1 or subject is None or subject.pos_ == "PRON" or not _whole(sentence.text):
        return None
    if why_unusable(sentence) is not None:
        return None
    pronoun = pronouns[0]
    own = {token.i for token in subject.subtree}
    named = {
        ent[-1].text
        for ent in span.doc.ents
        if ent.label_ == "PERSON" and ent.end <= pronoun.i and not own & set(range(ent.start, ent.end))
    }
    named &= set(people)
    if len(named) != 1:
        return None
    name = people[named.pop()]
    start = pronoun.idx - span.start_char
    end = start + len(pronoun)
    text = f"{sentence.text[:start]}{name}{sentence.text[end:]}"
    resolved = ParsedSentence(pipeline()(text)[:], replace(sentence.sentence, text=text))
    return Resolution(resolved, sentence.sentence, start, end, start + len(name))


def _whole(text: str) -> bool:
    """Whether ``text`` reads as a whole sentence: a capital first, a full stop (or quote, bracket) last; not
    a piece the sentence splitter broke off ("it is delivered to ...", "... (after about a millionth of a second)")."""
    return text[:1].isupper() and text.rstrip()[-1:] in '.!”"’'


def _pointer(subject: Token) -> list[Token] | None:
    """The words of the subject that point back: the pronoun subject, its pronoun owner, or a demonstrative
    with its noun (*this river*: both words, replaced by the referent together)."""
    if subject.lower_ in _SINGULAR | _PLURAL | _PERSONAL - {"her"} and subject.pos_ == "PRON":
        return [subject]
    for child in subject.children:
        opening = [t for t in subject.subtree if t.i < child.i]
        if child.dep_ == "poss" and child.lower_ in _OWNERS and all(t.dep_ == "advmod" for t in opening):
            return [child]  # "Its slogan", "Only its northernmost fringes"
    pointing = [
        token
        for token in subject.subtree
        if token.dep_ == "det" and token.lower_ in _DEMONSTRATIVES and token.i + 1 < len(token.doc)
    ]
    partitive = any(child.dep_ == "prep" and child.lower_ == "of" for child in subject.children)  # "Many of ..."
    phrase = subject.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or partitive  # not "Adjacent" taken for a subject
    if not phrase or len(pointing) != 1 or pointing[0].head.pos_ != "NOUN":
        return None
    det, noun = pointing[0], pointing[0].head
    between = noun.doc[det.i + 1 : noun.i]
    if any(t.head.i != noun.i or t.dep_ not in ("compound", "amod") for t in between):
        return None
    return [det, *between, noun]  # "this river", "these divergent environments", "the people of these cultures"


def _agrees(word: str, pointer: list[Token], referent: _Referent) -> bool:
    """Whether the pointing words can stand for ``referent``: number and person or thing, and for a
    demonstrative, the same noun (*these chloroplasts* for *chloroplasts*)."""
    if word in _DEMONSTRATIVES:
        return (word == "these") == referent.plural and not referent.person
    if word in _PERSONAL:
        return referent.person and not referent.plural
    if word in _PLURAL:
        return referent.plural
    return not referent.plural and not referent.person


def _ambiguous(word: str, before: ParsedSentence | None, referent: _Referent) -> bool:
    """Whether the sentence before gives the pointing word a second candidate: an object of its main verb
    that agrees as well, or, for *he* or *she*, a second person."""
    if before is None:
        return False
    span = before.span
    objects = [child for child in span.root.children if child.dep_ in ("dobj", "attr", "dative")]
    if word in _PERSONAL:
        people = {ent.text.split()[-1] for ent in span.ents if ent.label_ == "PERSON"}
        others = [found for found in objects if may_name_a_person(found) and found.text not in referent.text]
        return len(people) > 1 or bool(others)
    for found in objects:
        plural = found.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in found.children)
        named = found.pos_ == "PROPN"
        if named and plural == referent.plural and found.ent_type_ != "PERSON" and found.text not in referent.text:
            return True
    return False


def _expletive(subject: Token) -> bool:
    """Whether *it* is no reference but a placeholder (*It was surprising when...*, *It is vital to...*, *It
    was Beijerinck who...*)."""
    verb = subject.head
    if verb.lemma_ not in _EXPLETIVE_VERBS:
        return False
    return any(child.dep_ in _EXTRAPOSED for t in (verb, *verb.children) for child in t.children)
