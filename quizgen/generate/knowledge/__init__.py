"""Offline lexical knowledge for wrong options: WordNet co-hyponyms and GloVe neighbours.

The data ships in ``data/`` (derived by ``scripts/build_lexical_data.py``): the WordNet 3.0
noun hierarchy and GloVe 6B 50-d vectors of about 94,000 words. It is loaded on first use
and kept for the process (:func:`load_knowledge`), so commands that build nothing never load it.

The parts: :mod:`.wordnet` (look-ups in the noun hierarchy), :mod:`.vectors` (word vectors) and
:mod:`.proposals` (proposing and scoring candidates). For an answer in its sentence,
:meth:`Knowledge.candidates` proposes wrong options:

1. WordNet co-hyponyms of the answer's sense (siblings under its hypernyms, then cousins one
   level up); the sense is the one whose neighbourhood (its lemmas, hypernyms and hyponyms)
   is closest in GloVe to the sentence's content words, with a small bonus for frequent senses;
2. GloVe nearest neighbours of the answer (of its averaged vector when it has several words:
   a phrase WordNet lacks, such as *bacterial spore*) with a part of speech of the answer's and,
   for an ambiguous answer, closest to a sense in the lexicographer file of the sense chosen (no
   *browser* for a *virus* that infects cells).

Every candidate is put in the answer's number and capitalisation, and dropped when it is
:func:`related` to the answer (a synonym, hypernym or hyponym in any sense, or the same
lemma), shares a stem with the answer or a word of the sentence (:func:`~quizgen.english.same_stem`), or
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
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from quizgen.generate.knowledge.proposals import Proposer
from quizgen.generate.knowledge.vectors import Vectors
from quizgen.generate.knowledge.wordnet import WordNet
from quizgen.generate.words import zipf

if TYPE_CHECKING:
    import sys

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["Knowledge", "load_knowledge", "single_threaded_maths"]

CANDIDATE_CACHE = 4096
"""Answers (in their sentences) whose candidates one :class:`Knowledge` remembers."""

CLASS_STEPS = 4
"""Two terms are of one class when WordNet gives them a common hypernym at most this many steps up..."""
CLASS_WIDEST = 400
"""... that has at most this many synsets below it: *macromolecule* (370) is a class, *concept* and
*artifact* are not. Word vectors do not decide a class: they rate *moisture* close to *sunlight*."""
FILE_SIMILARITY = 0.7
"""Or a frequent sense of each is in one lexicographer file and their vectors are this close: *viscosity* and
*elasticity* (both attributes, 0.76); *savannas* and *rainforests* (0.81) are filed apart."""
UNKNOWN_SIMILARITY = 0.6
"""Two words WordNet's nouns both lack (adjectives such as *igneous*) are of one class when they share a part
of speech and their vectors are this close (*metamorphic*, 0.87); a word WordNet lacks is never of the class
of one it knows (*having* for *mother*)."""
KIN_STEPS, KIN_DEPTH, KIN_SIMILARITY = 2, 5, 0.5
"""Or they are near kin in a wider class: a common hypernym at most :data:`KIN_STEPS` steps up from both,
at least :data:`KIN_DEPTH` steps below WordNet's root, and word vectors at least this close (cosine):
*prokaryotes* and *eukaryotes* (both organisms, 0.96), *flowers* and *leaves* (plant organs, 0.70)."""


HEAD_SENSES = 2
"""Senses of an option's head word :meth:`Knowledge.names_as_much` compares with the answer head's most
frequent one (*home* is a *dwelling* in its second sense; *sea* is *ocean* only in a rare sense of *ocean*)."""


class Knowledge:
    """WordNet nouns and word vectors, with the three look-ups the distractor builder needs."""

    def __init__(self, wordnet: WordNet, vectors: Vectors) -> None:
        self.wordnet = wordnet
        self.vectors = vectors
        self._proposer = Proposer(wordnet, vectors)
        self._candidates = lru_cache(maxsize=CANDIDATE_CACHE)(self._proposer.candidates)

    def candidates(
        self, answer: str, sentence: str, limit: int = 20, plural: bool | None = None
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` wrong options for ``answer`` as it stands in ``sentence``, with scores, best first.

        ``plural``: whether the answer is plural (guessed from its form when ``None``).
        """
        return list(self._candidates(answer, sentence, limit, plural))

    def synonyms(self, answer: str, sentence: str, plural: bool | None = None) -> list[str]:
        """Other words for ``answer`` in the sense it has in ``sentence`` (WordNet's lemmas of that sense)."""
        return self._proposer.synonyms(answer, sentence, plural)

    def many_right_words(self, answer: str, sentence: str, plural: bool | None = None) -> bool:
        """Whether a student could rightly write many other words for ``answer`` in ``sentence``, more than
        an accept list can hold: a common word (Zipf at least :data:`OPEN_ZIPF`) whose sense there is an
        act, state, feeling, attribute, event, process, location, shape, time or quantity (*slowdown*,
        *dissatisfaction*, *fringes*), or whose class has a common one-word name (*rocks* for *boulders*)."""
        words = answer.lower().split()
        if len(words) != 1 or zipf(words[0]) < OPEN_ZIPF:
            return False
        sense = self._proposer.sense(answer, sentence, plural)
        if sense is None:
            return False
        synset = self.wordnet.synset(sense)
        if synset.lexfile in OPEN_LEXFILES:
            return True
        return any(
            " " not in lemma and zipf(lemma) >= COMMON_CLASS_ZIPF
            for hypernym in synset.hypernyms
            for lemma in self.wordnet.synset(hypernym).lemmas
        )

    def plural_of(self, singular: str) -> str | None:
        """The plural of a noun (*mitochondrion*: mitochondria), where the word vectors know that form."""
        return self._proposer.plural_of(singular)

    def noun_of_adjective(self, answer: str, plural: bool) -> str | None:
        """For an *-ic* or *-al* adjective and a class noun (*heterotrophic organisms*), the adjective's noun
        where WordNet files it under that class (*heterotrophs*: a heterotroph is an organism), in the
        answer's number; else ``None``. Not *volcanoes* for *volcanic rocks*: a volcano is no rock."""
        words = answer.split()
        if len(words) != 2 or not words[0].isalpha():
            return None
        adjective, head = words[0].lower(), words[1].lower()
        classes = set(self.wordnet.senses(head, plural)[:HEAD_SENSES])
        for ending, plains in _ADJECTIVE_ENDINGS:
            if not adjective.endswith(ending):
                continue
            for plain in plains:
                noun = adjective[: -len(ending)] + plain
                senses = self.wordnet.senses(noun) if self.wordnet.lemma(noun) == noun else []
                if any(classes & self.wordnet.ancestors(sense) for sense in senses):
                    found = self.plural_of(noun) if plural else noun
                    return found[:1].upper() + found[1:] if found and words[0][:1].isupper() else found
        return None

    def adverb(self, text: str) -> bool:
        """Whether ``text`` is one word that WordNet knows as an adverb too (*much*, *deep*, *high*, *well*):
        such a word, read on its own as an option, says how much or where, whatever rare noun sense it has."""
        found = text.split()
        return len(found) == 1 and "r" in self.vectors.part_of_speech(found[0])

    def gerund(self, text: str) -> bool:
        """Whether ``text`` is one word ending in *-ing* that WordNet knows as a verb's form (*coming*, *melting*)."""
        found = text.split()
        return len(found) == 1 and found[0].lower().endswith("ing") and "v" in self.vectors.part_of_speech(found[0])

    def close_in_meaning(self, first: str, second: str) -> bool:
        """Whether two words are near synonyms by their vectors (cosine at least :data:`NEAR_SYNONYM`:
        *downturn*, *recession* for *slowdown*), so one cannot stand as a wrong option for the other."""
        a, b = self._proposer.vector(first), self._proposer.vector(second)
        return a is not None and b is not None and float(a @ b) >= NEAR_SYNONYM

    def scores(self, answer: str, sentence: str, texts: list[str], plural: bool | None = None) -> list[float]:
        """How well each of ``texts`` fits as a wrong option for ``answer`` in ``sentence`` (no source bonus)."""
        return self._proposer.scores(answer, sentence, texts, plural) if texts else []

    def related(self, first: str, second: str) -> bool:
        """Whether two texts are synonyms, or one a hypernym or hyponym of the other, in any WordNet sense;
        for two phrases with one head word, whether the words that tell them apart are (*sugar molecules*
        and *carbohydrate molecules*: sugar is a carbohydrate); for a phrase and a word, whether a word
        before the phrase's head is (*sugar molecules* and *carbohydrates*)."""
        if self.wordnet.related(first, second):
            return True
        a, b = first.lower().split(), second.lower().split()
        if len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
            return self.wordnet.related(" ".join(a[:-1]), " ".join(b[:-1]))
        phrase, word = (a, b) if len(b) == 1 else (b, a)
        if len(phrase) > 1 and len(word) == 1:  # *sugar molecules* beside *carbohydrates*: sugar is one
            return any(self.wordnet.related(modifier, word[0]) for modifier in phrase[:-1])
        return False

    def names_as_much(self, option: str, answer: str) -> bool:
        """Whether ``option``, a text with another head word than ``answer`` and at least one of them a phrase,
        says what the answer is by its head: a synonym (*homes* for *crowded dwellings*) or a wider class
        (*lush grasslands* for *savannas*) of the answer's head in its most frequent sense, by one of the
        option head's :data:`HEAD_SENSES` most frequent senses. A narrower class is no such option (*proteins*
        for *pigment molecules*)."""
        a, b = option.lower().split(), answer.lower().split()
        if not a or not b or a[-1] == b[-1] or len(a) + len(b) < 3:
            return False
        wider = set(self.wordnet.senses(a[-1])[:HEAD_SENSES])
        meant = self.wordnet.senses(b[-1])[:1]
        return any(sense in wider or bool(self.wordnet.ancestors(sense) & wider) for sense in meant)

    def same_class(self, first: str, second: str) -> bool:
        """Whether two terms are things of one class, so one can stand as a wrong option for the other.

        True when a frequent WordNet sense of each (of the phrase, else of its head word) shares the
        other's lexicographer file and a hypernym at most :data:`CLASS_STEPS` steps up that is a narrow
        class (:data:`CLASS_WIDEST`): *sleet* and *hail* are both precipitation. A wider class counts
        where the word vectors agree: near kin (:data:`KIN_STEPS`, :data:`KIN_DEPTH`,
        :data:`KIN_SIMILARITY`: *prokaryotes*, *eukaryotes*), or the most frequent sense of ``second``
        in a file of ``first`` with vectors very close (:data:`FILE_SIMILARITY`: *viscosity*,
        *elasticity*). A term WordNet knows is never of one class with a term it does not; two terms
        it does not know (adjectives, verbs) are when the vectors say so (:data:`UNKNOWN_SIMILARITY`).
        """
        return self._same_class(first, second)  # as written: *mantle* is not *Mantle*

    @lru_cache(maxsize=1 << 14)  # noqa: B019 - one Knowledge lives for the process
    def _same_class(self, first: str, second: str) -> bool:
        a, b = self._known_form(first), self._known_form(second)
        if a is None and b is None:
            return self.similarity(first, second) >= UNKNOWN_SIMILARITY and self._same_part_of_speech(first, second)
        if a is None or b is None:
            return False
        if self.wordnet.close_kin(a, b, CLASS_STEPS, CLASS_WIDEST):
            return True
        similarity = self.similarity(a, b)  # of the forms WordNet knows: "the earth" is no closer to "thus"
        if similarity >= FILE_SIMILARITY and self.wordnet.same_file(a, b):
            return True
        return similarity >= KIN_SIMILARITY and self.wordnet.near_kin(a, b, KIN_STEPS, KIN_DEPTH)

    def _same_part_of_speech(self, first: str, second: str) -> bool:
        a = self.vectors.part_of_speech(first.split()[-1])
        return bool(set(a) & set(self.vectors.part_of_speech(second.split()[-1])))

    def similarity(self, first: str, second: str) -> float:
        """The cosine of two texts' word vectors (0 when either has none)."""
        a, b = self.vectors.vector(first), self.vectors.vector(second)
        return float(a @ b) if a is not None and b is not None else 0.0

    def _known_form(self, text: str) -> str | None:
        """``text`` as WordNet knows it: the phrase, else its head word (the last, or the last before
        "of": *treaty* in *treaty of kanagawa*), else ``None``."""
        for form in (text, _head(text)):
            if self.wordnet.senses(form, form.endswith("s")):
                return form
        return None


OPEN_ZIPF = 2.4
"""Below this Zipf frequency a word is a term of its field (*thylakoids*, *virions*), with no near synonym."""
OPEN_LEXFILES = frozenset({4, 7, 11, 12, 15, 22, 23, 25, 26, 28})
"""WordNet lexicographer files of abstract senses (noun.act, attribute, event, feeling, location, process,
quantity, shape, state, time), whose common words have near synonyms no list covers."""
NEAR_SYNONYM = 0.8
"""The cosine (GloVe 50d) from which two words count as near synonyms beside a word with many right answers."""
COMMON_CLASS_ZIPF = 4.5
"""A hypernym's one-word name at least this common (*rock*, *person*) is what a student may write instead."""


_ADJECTIVE_ENDINGS = (("ical", ("y", "")), ("ic", ("", "e", "y")), ("al", ("", "e")))
"""An adjective's ending and what its noun ends in instead (*heterotrophic*: heterotroph; *prokaryotic*:
prokaryote)."""


def _head(text: str) -> str:
    return text.split(" of ")[0].split()[-1]


@cache
def load_knowledge() -> Knowledge:
    """The packaged WordNet and GloVe data, loaded once per process on first use."""
    import numpy as np

    with _data("glove-50d-int8.npy").open("rb") as raw:
        vectors = np.load(raw).astype(np.float32)
    wordnet = WordNet(_lines("wordnet-nouns.tsv.gz"), _lines("wordnet-noun-index.tsv.gz"))
    exceptions = _data("wordnet-noun-exceptions.tsv").read_text(encoding="utf-8").splitlines()
    wordnet.add_exceptions(line.split("\t", 1) for line in exceptions)
    return Knowledge(wordnet, Vectors(_lines("glove-vocab.txt.gz"), vectors))


@contextmanager
def single_threaded_maths() -> Iterator[None]:
    """Vector maths (numpy's BLAS) in one thread while the block runs: for the one query vector at a
    time of the look-ups, the threads' start-up costs more than they save (about 7 times the CPU time
    on two cores), and documents are spread over processes instead (``--jobs``).

    numpy is imported first: threadpoolctl limits only the libraries already loaded, and the parser and
    the tables load numpy later, inside the block."""
    import numpy  # noqa: F401 - loads the BLAS library that the limit must reach
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _data(name: str) -> Traversable:
    return resources.files("quizgen.generate").joinpath(f"data/{name}")


def _lines(name: str) -> list[str]:
    with _data(name).open("rb") as raw:
        return gzip.decompress(raw.read()).decode("utf-8").splitlines()
