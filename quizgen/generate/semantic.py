"""Offline lexical knowledge for wrong options: WordNet co-hyponyms and GloVe neighbours.

The data ships in ``data/`` (derived by ``scripts/build_lexical_data.py``): the WordNet 3.0
noun hierarchy and GloVe 6B 50-d vectors of about 94,000 words. It is loaded on first use
and kept for the process (:func:`knowledge`), so commands that build nothing never load it.

For an answer in its sentence, :meth:`Knowledge.candidates` proposes wrong options:

1. WordNet co-hyponyms of the answer's sense (siblings under its hypernyms, then cousins one
   level up); the sense is the one whose neighbourhood (its lemmas, hypernyms and hyponyms)
   is closest in GloVe to the sentence's content words, with a small bonus for frequent senses;
2. GloVe nearest neighbours of the answer (of its averaged vector when it has several words:
   a phrase WordNet lacks, such as *bacterial spore*) with a part of speech of the answer's and,
   for an ambiguous answer, closer to the sense chosen than to its other senses (no *browser*
   for a *virus* that infects cells).

Every candidate is put in the answer's number and capitalisation, and dropped when it is
:func:`related` to the answer (a synonym, hypernym or hyponym in any sense, or the same
lemma), shares a stem with the answer or a word of the sentence (:func:`same_stem`), or
repeats another candidate's last word. The rest are scored::

    score = 0.50 * cos(candidate, answer) + 0.20 * cos(candidate, sentence)
          + 0.05 * [WordNet sibling] + 0.05 * [a sense in the answer's lexicographer file]
          - 0.10 * frequency_gap - 0.05 * length_gap - 0.20 * words_gap

Cosines are between GloVe vectors of the words that differ (*fungal* and *bacterial* for *fungal
spore* and *bacterial spore*; a phrase's vector is the mean of its words'; the sentence's is the
mean of its other words, each weighted by rarity, 1 / (1 + 10^(Zipf - 5))). The gaps, each
capped at 1, are the Zipf frequency difference of the last words / 4, the relative difference
in length / 2 and the difference in word count / 2. The weights were chosen on the DGen cloze
test (``make quality``); the score of a good candidate is about 0.3 to 0.6.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from quizgen.generate.answers import zipf

if TYPE_CHECKING:
    import sys

    import numpy as np

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

    Vector = np.ndarray[Any, np.dtype[np.float32]]

_WORD = re.compile(r"[A-Za-z]+")
STEM_SHARE = 0.7
"""Share of the shorter word two words must have in common at the start to be forms of one word."""
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
FREQUENT_SENSE = 0.02
"""How much a more frequent sense is preferred when choosing the answer's sense (per rank)."""
_NOUN_RULES = (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ses", "s"), ("men", "man"), ("s", ""))


@dataclass(frozen=True)
class _Synset:
    lexfile: int
    """WordNet's lexicographer file (27: noun.substance, 8: noun.body...)."""
    lemmas: tuple[str, ...]
    hypernyms: tuple[int, ...]
    """Hypernyms and instance hypernyms."""
    hyponyms: tuple[int, ...]
    """Hyponyms and instances."""


class _StemIndex:
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
class _Query:
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
    taken: _StemIndex
    """The answer's words and the sentence's other words (of four letters or more): no candidate's word may
    be a form of one of them."""


class Knowledge:
    """WordNet nouns and GloVe vectors, with the look-ups the distractor builder needs."""

    def __init__(self, vocabulary: list[str], vectors: Vector, synsets: list[str], index: list[str]) -> None:
        """``vocabulary``: ``word<TAB>parts of speech`` lines matching the rows of ``vectors``; ``synsets`` and
        ``index``: the lines of the packaged WordNet files (parsed when first needed)."""
        import numpy as np

        pairs = [line.split("\t", 1) for line in vocabulary]
        self._words = [word for word, _ in pairs]
        self._pos = dict(pairs)
        self._index = {word: row for row, word in enumerate(self._words)}
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self._vectors: Vector = (vectors / np.maximum(norms, 1e-9)).astype(np.float32)
        self._lines = synsets
        self._parsed: dict[int, _Synset] = {}
        self._senses = dict(line.split("\t", 1) for line in index)
        self._singular: dict[str, str] = {}
        self._plural: dict[str, str] = {}
        self._ancestors: dict[int, frozenset[int]] = {}
        self._lemmas: dict[tuple[str, bool], str | None] = {}
        self._phrases: dict[str, Vector | None] = {}
        self._signatures: dict[int, Vector | None] = {}

    def add_exceptions(self, pairs: Iterable[list[str]]) -> None:
        """Irregular noun plurals (``mitochondria``, ``mitochondrion``)."""
        for plural, singular in pairs:
            self._singular.setdefault(plural, singular)
            self._plural.setdefault(singular, plural)

    def synset(self, number: int) -> _Synset:
        """A noun synset by its number (its line in the packaged table)."""
        found = self._parsed.get(number)
        if found is None:
            lexfile, lemmas, hypernyms, hyponyms = self._lines[number].split("\t")
            found = _Synset(int(lexfile), tuple(lemmas.split("|")), _numbers(hypernyms), _numbers(hyponyms))
            self._parsed[number] = found
        return found

    # --- WordNet -------------------------------------------------------------------------

    def senses(self, text: str, plural: bool = False) -> list[int]:
        """The noun synsets of ``text`` (or of its singular), most frequent sense first."""
        lemma = self.lemma(text, plural)
        return list(_numbers(self._senses[lemma])) if lemma else []

    def lemma(self, text: str, plural: bool = False) -> str | None:
        """``text`` lower-cased as a WordNet noun lemma (its singular where it is plural), if WordNet has it.

        A ``plural`` text's singular comes first (*humans*: human), as does an irregular plural's
        (*fungi*: fungus, not the kingdom Fungi).
        """
        if (text, plural) not in self._lemmas:
            self._lemmas[(text, plural)] = self._lemma(text, plural)
        return self._lemmas[(text, plural)]

    def _lemma(self, text: str, plural: bool) -> str | None:
        key = " ".join(text.lower().split())
        head, _, last = key.rpartition(" ")
        singulars = [f"{head} {singular}" if head else singular for singular in self._singulars(last)]
        irregular = last in self._singular
        for candidate in [*singulars, key] if plural or irregular else [key, *singulars]:
            if candidate in self._senses:
                return candidate
        return None

    def _singulars(self, word: str) -> Iterator[str]:
        if word in self._singular:
            yield self._singular[word]
        for suffix, ending in _NOUN_RULES:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                yield word[: -len(suffix)] + ending

    def written(self, text: str) -> str:
        """``text`` as WordNet writes it (``peru`` -> ``Peru``), or unchanged when WordNet lacks it."""
        key = text.lower()
        senses = self._senses.get(key)
        if senses is None:
            return text
        lemmas = self.synset(_numbers(senses)[0]).lemmas
        return next((lemma for lemma in lemmas if lemma.lower() == key), text)

    def ancestors(self, synset: int) -> frozenset[int]:
        """Every hypernym (and instance hypernym) of ``synset``, up to the root."""
        found = self._ancestors.get(synset)
        if found is None:
            parents = self.synset(synset).hypernyms
            found = frozenset(parents).union(*(self.ancestors(parent) for parent in parents))
            self._ancestors[synset] = found
        return found

    def related(self, first: str, second: str) -> bool:
        """Whether one is a synonym, hypernym or hyponym of the other in any sense, or the same lemma."""
        a, b = self.lemma(first), self.lemma(second)
        if a is None or b is None:
            return False
        if a == b:
            return True
        senses_a, senses_b = set(self.senses(a)), set(self.senses(b))
        if senses_a & senses_b:
            return True
        return any(self.ancestors(s) & senses_b for s in senses_a) or any(
            self.ancestors(s) & senses_a for s in senses_b
        )

    # --- Vectors -------------------------------------------------------------------------

    def vector(self, text: str) -> Vector | None:
        """The unit GloVe vector of ``text`` (the mean over its known words), or ``None``."""
        if text not in self._phrases:
            rows = [self._index[word] for word in _words(text) if word in self._index]
            self._phrases[text] = _unit(self._vectors[rows].mean(axis=0)) if rows else None
        return self._phrases[text]

    def context(self, sentence: str, leave_out: Iterable[str] = ()) -> Vector | None:
        """The sentence's content words as one vector, rare words weighing more (common ones hardly at all)."""
        import numpy as np

        skip = set(leave_out)
        pairs = [(self._index[w], _rarity(w)) for w in _words(sentence) if w in self._index and w not in skip]
        if not pairs:
            return None
        weights = np.array([weight for _, weight in pairs], dtype=np.float32)
        mean = (self._vectors[[row for row, _ in pairs]] * weights[:, None]).sum(axis=0)
        return _unit(mean) if float(weights.sum()) > 0 else None

    def neighbours(self, vector: Vector, count: int) -> list[str]:
        """The ``count`` words closest to ``vector``, closest first."""
        import numpy as np

        scores = self._vectors @ vector
        top = np.argpartition(-scores, count)[:count]
        return [self._words[row] for row in sorted(top.tolist(), key=lambda row: (-float(scores[row]), row))]

    def part_of_speech(self, word: str) -> str:
        """WordNet's parts of speech of a word form: letters of ``nvar`` (empty when unknown)."""
        return self._pos.get(word.lower(), "")

    # --- Candidates ----------------------------------------------------------------------

    def candidates(
        self, answer: str, sentence: str, limit: int = 20, plural: bool | None = None
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` wrong options for ``answer`` in ``sentence``, each with its score, best first.

        ``plural`` says whether the answer is plural (as the sentence's parse has it); guessed when ``None``.
        """
        query = self._query(answer, sentence, plural)
        scored: dict[str, tuple[str, float]] = {}
        seen = _StemIndex(substrings=False)
        for text, source in self._proposals(query):
            if text.lower() in scored or not self._fits(query, text, seen):
                continue
            seen.add([word for word in _words(text) if word not in query.words][-1])
            scored[text.lower()] = (text, self._score(query, text, source))
        ranked = sorted(scored.values(), key=lambda pair: (-pair[1], pair[0]))
        return [(text, round(value, 4)) for text, value in ranked[:limit]]

    def scores(self, answer: str, sentence: str, texts: list[str], plural: bool | None = None) -> list[float]:
        """The score of each of ``texts`` as a wrong option for ``answer`` (as if a vector neighbour)."""
        query = self._query(answer, sentence, plural)
        return [round(self._score(query, text, NEIGHBOUR), 4) for text in texts]

    def _query(self, answer: str, sentence: str, plural: bool | None = None) -> _Query:
        words = tuple(_words(answer))
        last = words[-1] if words else ""
        if plural is None:
            plural = self.lemma(answer) not in (None, " ".join(words))
        context = self.context(sentence, words)
        senses = tuple(self.senses(answer, plural)[:SENSES])
        return _Query(
            text=answer,
            words=words,
            plural=plural,
            capitalised=answer[:1].isupper(),
            pos="n" if senses else self.part_of_speech(last),
            vector=self.vector(answer),
            context=context,
            senses=senses,
            sense=self._sense(senses, context) if senses else None,
            taken=_StemIndex([*words, *(word for word in _words(sentence) if len(word) >= 4)]),
        )

    def _proposals(self, query: _Query) -> Iterator[tuple[str, float]]:
        if query.sense is not None:
            for synset, source in self._co_hyponyms(query.sense):
                yield from ((text, source) for text in self._surface(synset, query))
        if query.vector is not None:
            for word in self.neighbours(query.vector, NEIGHBOURS):
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
            near = [synset, *self.synset(synset).hypernyms, *self.synset(synset).hyponyms[:12]]
            text = " ".join(lemma for number in near for lemma in self.synset(number).lemmas)
            self._signatures[synset] = self.vector(text)
        return self._signatures[synset]

    def _co_hyponyms(self, sense: int) -> Iterator[tuple[int, float]]:
        """Siblings of ``sense`` under each hypernym, then cousins (children of the hypernyms' siblings)."""
        parents = self.synset(sense).hypernyms
        for parent in parents:
            yield from ((child, SIBLING) for child in self.synset(parent).hyponyms if child != sense)
        for parent in parents:
            for grandparent in self.synset(parent).hypernyms:
                for uncle in self.synset(grandparent).hyponyms:
                    if uncle != parent:
                        yield from ((cousin, COUSIN) for cousin in self.synset(uncle).hyponyms[:40])

    def _surface(self, synset: int, query: _Query) -> Iterator[str]:
        """The synset's most common lemma, in the answer's number."""
        lemmas = list(self.synset(synset).lemmas)
        best = min(lemmas, key=lambda lemma: (self._index.get(lemma.lower().split()[-1], 10**6), lemmas.index(lemma)))
        yield from self._inflected(best, query)

    def _same_kind(self, word: str, query: _Query) -> bool:
        """A neighbour of the answer's part of speech and, for an ambiguous answer, closest to the sense chosen."""
        if query.pos and not set(query.pos) & set(self.part_of_speech(word)):
            return False
        if query.sense is None or len(query.senses) == 1:
            return True
        vector = self.vector(word)
        return vector is None or query.senses[self._closest(query.senses, vector)] == query.sense

    def _same_file(self, text: str, query: _Query) -> bool:
        """Whether ``text`` has a sense in the lexicographer file of the answer's (a substance for a substance)."""
        if query.sense is None:
            return False
        lexfile = self.synset(query.sense).lexfile
        return any(self.synset(number).lexfile == lexfile for number in self.senses(text, query.plural)[:3])

    def _inflected(self, text: str, query: _Query) -> Iterator[str]:
        """``text`` in the answer's number and case, when that form exists."""
        words = text.split()
        last = words[-1].lower()
        lemma = self.lemma(last)
        if "n" in query.pos and lemma is not None and " " not in lemma:
            form = self._plural_of(lemma) if query.plural else lemma
            if form is None:
                return
            words[-1] = form
        cased = self.written(" ".join(words))
        if query.capitalised != cased[:1].isupper():
            return
        yield cased

    def _plural_of(self, singular: str) -> str | None:
        if singular in self._plural:
            return self._plural[singular]
        if singular.endswith(("s", "x", "z", "ch", "sh")):
            plural = f"{singular}es"
        elif singular.endswith("y") and singular[-2:-1] not in "aeiou":
            plural = f"{singular[:-1]}ies"
        else:
            plural = f"{singular}s"
        return plural if plural in self._index else None

    def _fits(self, query: _Query, text: str, seen: _StemIndex) -> bool:
        """Not the answer's synonym, hypernym or hyponym, nor of one stem with it, the sentence or another candidate."""
        new = [word for word in _words(text) if word not in query.words]
        if not new or seen.has_form_of(new[-1]):
            return False
        if any(query.taken.has_form_of(word) for word in new):
            return False
        return not self.related(query.text, text)

    def _score(self, query: _Query, text: str, source: float) -> float:
        """The documented formula (see the module docstring)."""
        new, replaced = _difference(_words(text), query.words)
        vector, answer = self.vector(" ".join(new)), self.vector(" ".join(replaced))
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


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(number) for number in text.split(",") if number)


def same_stem(first: str, second: str) -> bool:
    """Two forms of one word: a shared start of at least four letters and 70% of the shorter word
    (*reduced*, *reducing*; *lung*, *lungs*; not *chloroplast*, *chlorophyll*), or one inside the other
    (*synthesis*, *photosynthesis*)."""
    a, b = first.lower(), second.lower()
    shorter = min(len(a), len(b))
    if shorter >= 5 and (a in b or b in a):
        return True
    if shorter < 4 or a[:4] != b[:4]:
        return False
    common = next((index for index, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= STEM_SHARE * shorter


def _rarity(word: str) -> float:
    """Smooth inverse frequency: about 0 for *the*, 0.5 at Zipf 5, about 1 for rare words."""
    return 1.0 / (1.0 + 10 ** (zipf(word) - 5.0))


def _unit(vector: Vector) -> Vector | None:
    import numpy as np

    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else None


def _data(name: str) -> Traversable:
    return resources.files("quizgen.generate").joinpath(f"data/{name}")


@cache
def knowledge() -> Knowledge:
    """The packaged WordNet and GloVe data, loaded once per process on first use."""
    import numpy as np

    with _data("glove-50d-int8.npy").open("rb") as raw:
        vectors = np.load(raw).astype(np.float32)
    loaded = Knowledge(
        _lines("glove-vocab.txt.gz"), vectors, _lines("wordnet-nouns.tsv.gz"), _lines("wordnet-noun-index.tsv.gz")
    )
    exceptions = _data("wordnet-noun-exceptions.tsv").read_text(encoding="utf-8").splitlines()
    loaded.add_exceptions(line.split("\t", 1) for line in exceptions)
    return loaded


def _lines(name: str) -> list[str]:
    with _data(name).open("rb") as raw:
        return gzip.decompress(raw.read()).decode("utf-8").splitlines()


@lru_cache(maxsize=4096)
def _cached_candidates(answer: str, sentence: str, limit: int, plural: bool | None) -> tuple[tuple[str, float], ...]:
    return tuple(knowledge().candidates(answer, sentence, limit, plural))


def candidates(answer: str, sentence: str, limit: int = 20, plural: bool | None = None) -> list[tuple[str, float]]:
    """Wrong options for ``answer`` as it stands in ``sentence``, with scores, best first (see the module docstring).

    ``plural``: whether the answer is plural (guessed from its form when ``None``).
    """
    return list(_cached_candidates(answer, sentence, limit, plural))


def scores(answer: str, sentence: str, texts: list[str], plural: bool | None = None) -> list[float]:
    """How well each of ``texts`` fits as a wrong option for ``answer`` in ``sentence`` (no source bonus)."""
    return knowledge().scores(answer, sentence, texts, plural) if texts else []


def related(first: str, second: str) -> bool:
    """Whether two texts are synonyms, or one a hypernym or hyponym of the other, in any WordNet sense."""
    return knowledge().related(first, second)
