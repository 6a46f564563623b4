"""WordNet 3.0 nouns as packaged: synsets, the senses of a word, its lemma, and relations between words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_NOUN_RULES = (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ses", "s"), ("men", "man"), ("s", ""))


@dataclass(frozen=True)
class Synset:
    """One noun synset of the packaged table."""

    lexfile: int
    """WordNet's lexicographer file (27: noun.substance, 8: noun.body...)."""
    lemmas: tuple[str, ...]
    hypernyms: tuple[int, ...]
    """Hypernyms and instance hypernyms."""
    hyponyms: tuple[int, ...]
    """Hyponyms and instances."""


class WordNet:
    """Look-ups over the packaged WordNet noun hierarchy (parsed line by line as first needed)."""

    def __init__(self, synsets: list[str], index: list[str]) -> None:
        """``synsets`` and ``index``: the lines of the packaged WordNet files."""
        self._lines = synsets
        self._parsed: dict[int, Synset] = {}
        self._senses = dict(line.split("\t", 1) for line in index)
        self._singular: dict[str, str] = {}
        self._plural: dict[str, str] = {}
        self._ancestors: dict[int, frozenset[int]] = {}
        self._lemmas: dict[tuple[str, bool], str | None] = {}
        self._narrow: dict[tuple[int, int], bool] = {}
        self._sense_numbers: dict[str, tuple[int, ...]] = {}
        self._depths: dict[int, int] = {}

    def add_exceptions(self, pairs: Iterable[list[str]]) -> None:
        """Irregular noun plurals (``mitochondria``, ``mitochondrion``)."""
        for plural, singular in pairs:
            self._singular.setdefault(plural, singular)
            self._plural.setdefault(singular, plural)

    def synset(self, number: int) -> Synset:
        """A noun synset by its number (its line in the packaged table)."""
        found = self._parsed.get(number)
        if found is None:
            lexfile, lemmas, hypernyms, hyponyms = self._lines[number].split("\t")
            found = Synset(int(lexfile), tuple(lemmas.split("|")), _numbers(hypernyms), _numbers(hyponyms))
            self._parsed[number] = found
        return found

    def senses(self, text: str, plural: bool = False) -> list[int]:
        """The noun synsets of ``text`` (or of its singular), most frequent sense first."""
        lemma = self.lemma(text, plural)
        if not lemma:
            return []
        found = self._sense_numbers.get(lemma)
        if found is None:
            found = self._sense_numbers[lemma] = _numbers(self._senses[lemma])
        return list(found)

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

    def hypernym_distances(self, synset: int, limit: int) -> dict[int, int]:
        """``synset`` and its hypernyms up to ``limit`` steps above it, each with its distance in steps."""
        distances = {synset: 0}
        frontier = [synset]
        for step in range(1, limit + 1):
            frontier = [
                parent for child in frontier for parent in self.synset(child).hypernyms if parent not in distances
            ]
            distances.update((parent, step) for parent in frontier)
        return distances

    def narrow(self, synset: int, widest: int) -> bool:
        """Whether at most ``widest`` synsets stand below ``synset`` (its hyponyms, theirs, and so on): whether
        it is a narrow class. The count stops as soon as it passes ``widest``, so a wide class costs no more."""
        key = (synset, widest)
        found = self._narrow.get(key)
        if found is None:
            seen, todo = {synset}, [synset]
            while todo and len(seen) <= widest + 1:
                for child in self.synset(todo.pop()).hyponyms:
                    if child not in seen:
                        seen.add(child)
                        todo.append(child)
            found = self._narrow[key] = len(seen) - 1 <= widest
        return found

    def close_kin(self, first: str, second: str, steps: int, widest: int, senses: int = 3) -> bool:
        """Whether a frequent sense of each shares the other's lexicographer file and a hypernym at most
        ``steps`` above both that is a narrow class (at most ``widest`` synsets below it): *fortress* and
        *castle* share *defensive structure* (43 below it); *speculation* and *result* only *message*
        and wider, *throne* and *belt* only *artifact* (over 10,000)."""
        return any(self.narrow(common, widest) for common in self._shared_hypernyms(first, second, steps, senses))

    def class_senses(self, text: str) -> list[int]:
        """The senses of ``text`` (most frequent first) that say what class of thing it is: for a word in
        lower case, not those WordNet writes with a capital (*mantle* is no *Mantle*, a baseball player)."""
        found = self.senses(text, text.endswith("s"))
        lemma = self.lemma(text, text.endswith("s"))
        if lemma is None or not text.islower():
            return found
        return [number for number in found if lemma in self.synset(number).lemmas]

    def depth(self, synset: int) -> int:
        """How many steps ``synset`` lies below the root (*entity*), by its longest hypernym path."""
        found = self._depths.get(synset)
        if found is None:
            parents = self.synset(synset).hypernyms
            found = self._depths[synset] = 1 + max(map(self.depth, parents)) if parents else 0
        return found

    def near_kin(self, first: str, second: str, steps: int, depth: int, senses: int = 3) -> bool:
        """Whether a frequent sense of each shares the other's lexicographer file and a hypernym at most
        ``steps`` above both that lies at least ``depth`` steps below the root: *prokaryote* and *eukaryote*
        are both kinds of *organism* (depth 5), *Manchuria* and *Mongolia* both a *geographical area*;
        *flock* and *rain forest* meet only at *group* (depth 2)."""
        return any(self.depth(common) >= depth for common in self._shared_hypernyms(first, second, steps, senses))

    def _shared_hypernyms(self, first: str, second: str, steps: int, senses: int) -> Iterator[int]:
        """The hypernyms at most ``steps`` above a frequent sense of each, for pairs of senses in one
        lexicographer file, pair by pair (so a caller that finds what it wants stops early)."""
        for a in self.class_senses(first)[:senses]:
            above_a = self.hypernym_distances(a, steps)
            for b in self.class_senses(second)[:senses]:
                if self.synset(a).lexfile == self.synset(b).lexfile:
                    yield from above_a.keys() & self.hypernym_distances(b, steps).keys()

    def same_file(self, first: str, second: str, senses: int = 3) -> bool:
        """Whether the most frequent sense of ``second`` is in the lexicographer file of a frequent sense of
        ``first`` (both attributes, both substances)."""
        files = {self.synset(a).lexfile for a in self.class_senses(first)[:senses]}
        found = self.class_senses(second)
        return bool(found) and self.synset(found[0]).lexfile in files

    def irregular_plural(self, singular: str) -> str | None:
        """The plural of an irregular noun (``mitochondrion`` -> ``mitochondria``), if it is one."""
        return self._plural.get(singular)


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(map(int, text.split(","))) if text else ()
