"""Proposing and scoring wrong options from WordNet and the word vectors (the formula is in
:mod:`quizgen.generate.knowledge`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizgen.english import same_stem
from quizgen.generate.words import letter_words, zipf

if TYPE_CHECKING:
    from quizgen.generate.knowledge.vectors import Vector, Vectors
    from quizgen.generate.knowledge.wordnet import WordNet

SIMILARITY, CONTEXT = 0.50, 0.20
"""Weights of the candidate's cosine to the answer and to the sentence."""
SIBLING, COUSIN, NEIGHBOUR = 0.05, 0.0, 0.0
"""Score bonus by where a candidate comes from."""
SAME_FILE = 0.05
"""Score bonus for a candidate with a sense in the answer's WordNet lexicographer file."""
FREQUENCY_GAP, LENGTH_GAP, WORDS_GAP = 0.10, 0.05, 0.20
"""Penalties for a form unlike the answer's: word frequency, length in letters, number of words."""
NEIGHBOURS = 200
"""GloVe neighbours looked at per answer."""
SENSES = 8
"""Senses of an ambiguous answer compared with its sentence."""
SYNONYM_SENSES = 2
"""Synonyms are offered only for a word of at most this many noun senses: for a word of many, the sense a
sentence means is too often not the one chosen ("excitation" of an electron is no "excitement")."""
FREQUENT_SENSE = 0.05
"""How much a more frequent sense is preferred when choosing the answer's sense (per rank)."""


class StemIndex:
    """Words to compare with :func:`same_stem` quickly: only those that could match are compared.

    Without ``substrings``, a word inside another (*synthesis*, *photosynthesis*) is not looked for.
    """

    def __init__(self, words: Iterable[str] = (), substrings: bool = True) -> None:
        self._substrings = substrings
        self._long: list[str] = []
        self._by_start: dict[str, list[str]] = {}
        for word in sorted(set(words)):
            self.add(word)

    def add(self, word: str) -> None:
        """Remember ``word``."""
        self._by_start.setdefault(word[:4], []).append(word)
        if self._substrings and len(word) >= 5:
            self._long.append(word)

    def has_form_of(self, word: str) -> bool:
        """Whether ``word`` and one of the words share a stem."""
        if len(word) >= 5 and any(word in other or other in word for other in self._long):
            return True
        return any(same_stem(word, other) for other in self._by_start.get(word[:4], ()))


@dataclass(frozen=True)
class Query:
    """What the candidates of one answer must match."""

    text: str
    words: tuple[str, ...]
    plural: bool
    capitalised: bool
    pos: str
    vector: Vector | None
    context: Vector | None
    senses: tuple[int, ...]
    """The answer's noun senses (most frequent first), of which ``sense`` fits the sentence best."""
    sense: int | None
    taken: StemIndex
    """The answer's words and the sentence's other words (of four letters or more): no candidate's word may
    be a form of one of them."""


class Proposer:
    """Wrong options for an answer in its sentence: proposed from WordNet and the vectors, then scored."""

    def __init__(self, wordnet: WordNet, vectors: Vectors) -> None:
        self._wordnet = wordnet
        self._vectors = vectors
        self._signatures: dict[int, Vector | None] = {}

    def candidates(
        self, answer: str, sentence: str, limit: int = 20, plural: bool | None = None
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` wrong options for ``answer`` in ``sentence``, each with its score, best first.

        ``plural`` says whether the answer is plural (as the sentence's parse has it); guessed when ``None``.
        """
        query = self._query(answer, sentence, plural)
        scored: dict[str, tuple[str, float]] = {}
        seen = StemIndex(substrings=False)
        for text, source in self._proposals(query):
            if text.lower() in scored or not self._fits(query, text, seen):
                continue
            seen.add([word for word in letter_words(text) if word not in query.words][-1])
            scored[text.lower()] = (text, self._score(query, text, source))
        ranked = sorted(scored.values(), key=lambda pair: (-pair[1], pair[0]))
        return [(text, round(value, 4)) for text, value in ranked[:limit]]

    def scores(self, answer: str, sentence: str, texts: list[str], plural: bool | None = None) -> list[float]:
        """The score of each of ``texts`` as a wrong option for ``answer`` (as if a vector neighbour)."""
        query = self._query(answer, sentence, plural)
        return [round(self._score(query, text, NEIGHBOUR), 4) for text in texts]

    def synonyms(self, answer: str, sentence: str, plural: bool | None = None) -> list[str]:
        """The other one-word lemmas of the answer's sense in ``sentence``, in the answer's number and case:
        words a student may rightly write for it. Only when that sense is the word's most frequent one and the
        word has few senses (:data:`SYNONYM_SENSES`), so a sense chosen wrongly adds no wrong word."""
        query = self._query(answer, sentence, plural)
        if query.sense is None or query.sense != query.senses[0] or len(query.senses) > SYNONYM_SENSES:
            return []
        found = []
        for lemma in self._wordnet.synset(query.sense).lemmas:
            if " " not in lemma:
                found += [text for text in self._inflected(lemma, query) if text.lower() != answer.lower()]
        return list(dict.fromkeys(found))

    def vector(self, text: str) -> Vector | None:
        """The unit vector of ``text`` (the mean of its words' for a phrase), if its words are known."""
        return self._vectors.vector(text)

    def sense(self, answer: str, sentence: str, plural: bool | None = None) -> int | None:
        """The WordNet sense ``answer`` has in ``sentence`` (see :meth:`_sense`), if WordNet knows it."""
        return self._query(answer, sentence, plural).sense

    def _query(self, answer: str, sentence: str, plural: bool | None = None) -> Query:
        words = tuple(letter_words(answer))
        last = words[-1] if words else ""
        if plural is None:
            plural = self._wordnet.lemma(answer) not in (None, " ".join(words))
        context = self._vectors.context(sentence, words)
        senses = tuple(self._wordnet.senses(answer, plural)[:SENSES])
        return Query(
            text=answer,
            words=words,
            plural=plural,
            capitalised=answer[:1].isupper(),
            pos="n" if senses else self._vectors.part_of_speech(last),
            vector=self._vectors.vector(answer),
            context=context,
            senses=senses,
            sense=self._sense(senses, context) if senses else None,
            taken=StemIndex([*words, *(word for word in letter_words(sentence) if len(word) >= 4)]),
        )

    def _proposals(self, query: Query) -> Iterator[tuple[str, float]]:
        if query.sense is not None:
            for synset, source in self._co_hyponyms(query.sense):
                yield from ((text, source) for text in self._surface(synset, query))
        if query.vector is not None:
            for word in self._vectors.neighbours(query.vector, NEIGHBOURS):
                if self._same_kind(word, query):
                    yield from ((text, NEIGHBOUR) for text in self._inflected(word, query))

    def _sense(self, senses: tuple[int, ...], context: Vector | None) -> int:
        """The sense whose neighbourhood is closest to the sentence (frequent senses slightly preferred)."""
        if context is None or len(senses) == 1:
            return senses[0]
        return senses[self._closest(senses, context, FREQUENT_SENSE)]

    def _closest(self, senses: tuple[int, ...], vector: Vector, prior: float = 0.0) -> int:
        """The position among ``senses`` of the one whose signature is closest to ``vector``."""

        def fit(position: int) -> float:
            signature = self._signature(senses[position])
            return (float(signature @ vector) if signature is not None else -1.0) - prior * position

        return max(range(len(senses)), key=fit)

    def _signature(self, synset: int) -> Vector | None:
        if synset not in self._signatures:
            near = [synset, *self._wordnet.synset(synset).hypernyms, *self._wordnet.synset(synset).hyponyms[:12]]
            text = " ".join(lemma for number in near for lemma in self._wordnet.synset(number).lemmas)
            self._signatures[synset] = self._vectors.vector(text)
        return self._signatures[synset]

    def _co_hyponyms(self, sense: int) -> Iterator[tuple[int, float]]:
        """Siblings of ``sense`` under each hypernym, then cousins (children of the hypernyms' siblings)."""
        parents = self._wordnet.synset(sense).hypernyms
        for parent in parents:
            yield from ((child, SIBLING) for child in self._wordnet.synset(parent).hyponyms if child != sense)
        for parent in parents:
            for grandparent in self._wordnet.synset(parent).hypernyms:
                for uncle in self._wordnet.synset(grandparent).hyponyms:
                    if uncle != parent:
                        yield from ((cousin, COUSIN) for cousin in self._wordnet.synset(uncle).hyponyms[:40])

    def _surface(self, synset: int, query: Query) -> Iterator[str]:
        """The synset's most common lemma, in the answer's number."""
        lemmas = list(self._wordnet.synset(synset).lemmas)
        best = min(lemmas, key=lambda lemma: (self._vectors.rank(lemma.lower().split()[-1]), lemmas.index(lemma)))
        yield from self._inflected(best, query)

    def _same_kind(self, word: str, query: Query) -> bool:
        """A neighbour of the answer's part of speech and, for an ambiguous answer, closest to a sense in the
        lexicographer file of the sense chosen: *browser* is closest to the computer *virus* (a communication),
        not to the infectious agent (an organism); senses of one file (*rubber* natural or synthetic, both
        substances) are distinctions too fine for a word's vector to tell apart."""
        if query.pos and not set(query.pos) & set(self._vectors.part_of_speech(word)):
            return False
        if query.sense is None or len(query.senses) == 1:
            return True
        vector = self._vectors.vector(word)
        if vector is None:
            return True
        closest = query.senses[self._closest(query.senses, vector)]
        return self._wordnet.synset(closest).lexfile == self._wordnet.synset(query.sense).lexfile

    def _same_file(self, text: str, query: Query) -> bool:
        """Whether ``text`` has a sense in the lexicographer file of the answer's (a substance for a substance)."""
        if query.sense is None:
            return False
        lexfile = self._wordnet.synset(query.sense).lexfile
        return any(
            self._wordnet.synset(number).lexfile == lexfile for number in self._wordnet.senses(text, query.plural)[:3]
        )

    def _inflected(self, text: str, query: Query) -> Iterator[str]:
        """``text`` in the answer's number and case, when that form exists."""
        words = text.split()
        last = words[-1].lower()
        lemma = self._wordnet.lemma(last)
        if "n" in query.pos and lemma is not None and " " not in lemma:
            form = self.plural_of(lemma) if query.plural else lemma
            if form is None:
                return
            words[-1] = form
        cased = self._wordnet.written(" ".join(words))
        if query.capitalised != cased[:1].isupper():
            return
        yield cased

    def plural_of(self, singular: str) -> str | None:
        """The plural of a noun, where the word vectors know that form."""
        irregular = self._wordnet.irregular_plural(singular)
        if irregular is not None:
            return irregular
        if singular.endswith(("s", "x", "z", "ch", "sh")):
            plural = f"{singular}es"
        elif singular.endswith("y") and singular[-2:-1] not in "aeiou":
            plural = f"{singular[:-1]}ies"
        else:
            plural = f"{singular}s"
        return plural if self._vectors.knows(plural) else None

    def _fits(self, query: Query, text: str, seen: StemIndex) -> bool:
        """Not the answer's synonym, hypernym or hyponym, nor of one stem with it, the sentence or another candidate."""
        new = [word for word in letter_words(text) if word not in query.words]
        if not new or seen.has_form_of(new[-1]):
            return False
        if any(query.taken.has_form_of(word) for word in new):
            return False
        return not self._wordnet.related(query.text, text)

    def _score(self, query: Query, text: str, source: float) -> float:
        """The documented formula (see the module docstring)."""
        new, replaced = _difference(letter_words(text), query.words)
        vector, answer = self._vectors.vector(" ".join(new)), self._vectors.vector(" ".join(replaced))
        similarity = float(vector @ answer) if vector is not None and answer is not None else 0.0
        fit = float(vector @ query.context) if vector is not None and query.context is not None else 0.0
        last, answer_last = text.split()[-1].lower(), query.text.split()[-1].lower()
        frequency = min(1.0, abs(zipf(last) - zipf(answer_last)) / 4)
        length = min(1.0, abs(len(text) - len(query.text)) / max(len(query.text), 1) / 2)
        words = min(1.0, abs(len(text.split()) - len(query.text.split())) / 2)
        mismatch = FREQUENCY_GAP * frequency + LENGTH_GAP * length + WORDS_GAP * words
        bonus = source + SAME_FILE * self._same_file(text, query)
        return SIMILARITY * similarity + CONTEXT * fit + bonus - mismatch


def _difference(candidate: list[str], answer: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The words that differ: the candidate's not in the answer, and the answer's not in the candidate
    (*fungal spore* / *bacterial spore*: fungal, bacterial). Either side keeps all its words if none differ."""
    new = [word for word in candidate if word not in answer]
    replaced = [word for word in answer if word not in candidate]
    return new or candidate, replaced or list(answer)
