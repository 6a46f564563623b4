"""GloVe 6B 50-d word vectors as packaged: a phrase's vector, a sentence's, and nearest neighbours."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quizgen.generate.words import letter_words, rarity

if TYPE_CHECKING:
    import numpy as np

    Vector = np.ndarray[Any, np.dtype[np.float32]]


class Vectors:
    """Unit word vectors with their words' parts of speech."""

    def __init__(self, vocabulary: list[str], vectors: Vector) -> None:
        """``vocabulary``: ``word<TAB>parts of speech`` lines matching the rows of ``vectors``."""
        import numpy as np

        pairs = [line.split("\t", 1) for line in vocabulary]
        self._words = [word for word, _ in pairs]
        self._pos = dict(pairs)
        self._index = {word: row for row, word in enumerate(self._words)}
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self._vectors: Vector = (vectors / np.maximum(norms, 1e-9)).astype(np.float32)
        self._phrases: dict[str, Vector | None] = {}

    def knows(self, word: str) -> bool:
        """Whether the table has a vector for ``word``."""
        return word in self._index

    def rank(self, word: str) -> int:
        """How common ``word`` is in the table (0 the most common; a large number when unknown)."""
        return self._index.get(word, 10**6)

    def vector(self, text: str) -> Vector | None:
        """The unit GloVe vector of ``text`` (the mean over its known words), or ``None``."""
        if text not in self._phrases:
            rows = [self._index[word] for word in letter_words(text) if word in self._index]
            self._phrases[text] = unit(self._vectors[rows].mean(axis=0)) if rows else None
        return self._phrases[text]

    def context(self, sentence: str, leave_out: Iterable[str] = ()) -> Vector | None:
        """The sentence's content words as one vector, rare words weighing more (common ones hardly at all)."""
        import numpy as np

        skip = set(leave_out)
        pairs = [(self._index[w], rarity(w)) for w in letter_words(sentence) if w in self._index and w not in skip]
        if not pairs:
            return None
        weights = np.array([weight for _, weight in pairs], dtype=np.float32)
        mean = (self._vectors[[row for row, _ in pairs]] * weights[:, None]).sum(axis=0)
        return unit(mean) if float(weights.sum()) > 0 else None

    def neighbours(self, vector: Vector, count: int) -> list[str]:
        """The ``count`` words closest to ``vector``, closest first."""
        import numpy as np

        scores = self._vectors @ vector
        top = np.argpartition(-scores, count)[:count]
        return [self._words[row] for row in sorted(top.tolist(), key=lambda row: (-float(scores[row]), row))]

    def part_of_speech(self, word: str) -> str:
        """WordNet's parts of speech of a word form: letters of ``nvar`` (empty when unknown)."""
        return self._pos.get(word.lower(), "")


def unit(vector: Vector) -> Vector | None:
    """``vector`` scaled to length 1 (``None`` for the zero vector)."""
    import numpy as np

    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else None
