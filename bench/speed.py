"""Speed and memory of quizgen end to end, against spaCy's own parse of the same texts.

Run ``make bench`` (or ``.venv/bin/python bench/speed.py [--sizes 10,100,1000] [--ratio-documents 100]
[--jobs-documents 1000] [--runs 3] [--corpus distinct|repeated]``). Everything is measured on a corpus
of **distinct** documents: ``seeds/``, ``../shared/eval/corpus/`` where present, and generated
variants of them that change the names, numbers and terms (each variant maps capitalised words,
numbers and WordNet nouns of the corpus to others, so every sentence differs and no cache of the
builder can serve a later document from an earlier one). ``--corpus repeated`` copies the sources
over and over instead, as the benchmark did before issue 16.

One run prints, each measured in fresh processes and given as CPU time (user + system, the machine
being shared) unless it says wall:

1. the ratios of issue 16 beside their goals: ``quizgen build`` (json only, and all seven formats)
   against raw spaCy ``nlp.pipe`` of the same blocks of text with the same pipeline (model load
   included on both sides), median of ``--runs``; one document start to files against spaCy's load
   and parse of it; each exporter against its floor; ``quizgen --help``; then (part ``jobs``)
   ``--jobs 2`` against ``--jobs 1`` on ``--jobs-documents`` (wall, with the machine's load average);
   then (part ``anki``) the Anki exporter on ``--anki-quizzes`` quizzes (the sources' quizzes copied under
   new ids) against genanki writing the same notes in one deck;
2. the per-answer time of choosing wrong options for person and term answers with 0, 1,000 and
   10,000 entries of other documents in the pool;
3. the stage table for each of ``--sizes`` (read, build, each format; peak memory);
4. (part ``profile``) where the build's time goes: the build of ``--ratio-documents`` documents under
   cProfile, with the cumulative time of each part of the builder (parse, answer finding, stems, groups,
   wrong options and the lexical proposals inside them, planning, the checker gate, the tables' loading).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "html", "anki", "player", "qti", "moodle", "gift")
QUIZGEN = Path(sys.executable).parent / "quizgen"
POOL_SIZES = (0, 1_000, 10_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="document counts of the stage table, comma-separated")
    parser.add_argument("--ratio-documents", type=int, default=100, help="documents of the ratio runs")
    parser.add_argument("--jobs-documents", type=int, default=1000, help="documents of the --jobs 2 run")
    parser.add_argument("--runs", type=int, default=3, help="runs of each ratio measurement (the median is shown)")
    parser.add_argument("--corpus", choices=("distinct", "repeated"), default="distinct")
    parser.add_argument(
        "--only",
        default="ratios,jobs,anki,pool,stages,profile",
        help="parts: ratios, jobs, anki, pool, stages, profile",
    )
    parser.add_argument("--anki-quizzes", type=int, default=1000, help="quizzes of the Anki part")
    parser.add_argument("--shared", type=Path, default=PROJECT.parent / "shared", help="the shared data folder")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*args.child[1:])))
        return
    from quizgen.read import find_documents

    sources = list(find_documents([PROJECT / "seeds"]))
    if (args.shared / "eval" / "corpus").is_dir():
        sources += sorted((args.shared / "eval" / "corpus").glob("*.txt"))
    parts = set(args.only.split(","))
    print(f"Machine: {os.cpu_count()} cores; corpus: {args.corpus}, from {len(sources)} source documents.\n")
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as folder:
        make = Corpus(sources, Path(folder), args.corpus == "distinct")
        if "ratios" in parts:
            report_ratios(make, args.ratio_documents, args.runs)
        if "jobs" in parts:
            report_jobs(make, args.jobs_documents)
        if "anki" in parts:
            report_anki(run_child("anki", str(make.documents(len(sources))), str(args.anki_quizzes)))
        if "pool" in parts:
            report_pool(run_child("pool", str(make.documents(len(sources)))))
        if "stages" in parts:
            sizes = [int(size) for size in args.sizes.split(",")]
            report_stages({size: run_child("stages", str(make.documents(size)), "1") for size in sizes})
        if "profile" in parts:
            report_profile(run_child("profile", str(make.documents(args.ratio_documents))))


# --- The corpus ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+")
_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
_LOWER_WORD = re.compile(r"\b[a-z]{6,}\b")


class Corpus:
    """Folders of ``count`` documents made from the sources: distinct variants, or plain repeats."""

    def __init__(self, sources: Sequence[Path], folder: Path, distinct: bool) -> None:
        self.sources = list(sources)
        self.texts = [path.read_text(encoding="utf-8") for path in sources]
        self.folder = folder
        self.distinct = distinct
        self._made: dict[int, Path] = {}
        everything = "\n".join(self.texts)
        self.names = sorted(set(_CAPITALISED.findall(everything)))
        self.nouns = sorted(word for word in set(_LOWER_WORD.findall(everything)) if _is_noun(word))

    def documents(self, count: int) -> Path:
        """A folder of ``count`` documents (the sources first, then variants)."""
        if count not in self._made:
            corpus = self.folder / f"corpus-{count}"
            corpus.mkdir()
            for index in range(count):
                source = self.sources[index % len(self.sources)]
                round_ = index // len(self.sources)
                text = self.texts[index % len(self.sources)]
                if self.distinct and round_ > 0:
                    text = self.variant(text, round_)
                (corpus / f"{index:05d}_{source.name}").write_text(text, encoding="utf-8")
            self._made[count] = corpus
        return self._made[count]

    def variant(self, text: str, round_: int) -> str:
        """``text`` with its names, numbers and nouns changed, the same way for every document of one round."""
        names, nouns = self._mappings(round_)
        text = _NUMBER.sub(lambda match: str(int(match.group()) + round_), text)
        text = _CAPITALISED.sub(lambda match: names.get(match.group(), match.group()), text)
        return _LOWER_WORD.sub(lambda match: nouns.get(match.group(), match.group()), text)

    @functools.cache  # noqa: B019 - one corpus per run
    def _mappings(self, round_: int) -> tuple[dict[str, str], dict[str, str]]:
        rng = random.Random(round_)
        names = dict(zip(self.names, rng.sample(self.names, len(self.names)), strict=True))
        return names, dict(zip(self.nouns, rng.sample(self.nouns, len(self.nouns)), strict=True))


def _is_noun(word: str) -> bool:
    from quizgen.generate.knowledge import load_knowledge

    wordnet = load_knowledge().wordnet
    return bool(wordnet.senses(word)) and wordnet.lemma(word) == word


# --- Runs in fresh processes ----------------------------------------------------------------------


def run_child(*args: str) -> dict[str, Any]:
    """A measurement of this script in a fresh process (``--child``)."""
    completed = subprocess.run([sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return result


def cpu_of(command: Sequence[str | Path]) -> tuple[float, float]:
    """The CPU seconds (user + system) and wall seconds of ``command`` run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(part) for part in command], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def median_cpu(command: Callable[[], Sequence[str | Path]], runs: int) -> float:
    return statistics.median(cpu_of(command())[0] for _ in range(runs))


def build_command(corpus: Path, formats: Sequence[str], jobs: int = 1) -> list[str | Path]:
    out = Path(tempfile.mkdtemp(prefix="out-", dir=corpus.parent))
    return [QUIZGEN, "build", corpus, "--format", ",".join(formats), "--out", out, "--jobs", str(jobs)]


def spacy_command(corpus: Path) -> list[str | Path]:
    return [sys.executable, __file__, "--child", "spacy", str(corpus)]


def child_spacy(corpus: str) -> dict[str, Any]:
    """Raw spaCy: load the pipeline quizgen loads and ``nlp.pipe`` the blocks quizgen parses, nothing else."""
    from quizgen.generate.nlp import _blocks, pipeline
    from quizgen.read import find_documents, read_document

    texts = [block.text for path in find_documents([Path(corpus)]) for block in _blocks(read_document(path))]
    nlp = pipeline()
    return {"blocks": sum(1 for _ in nlp.pipe(texts, batch_size=128))}


# --- Ratios ---------------------------------------------------------------------------------------


def report_jobs(make: Corpus, documents: int) -> None:
    """``--jobs 2`` against ``--jobs 1`` on ``documents`` documents, all formats: wall time, with the load."""
    many = make.documents(documents)
    load = os.getloadavg()[0]
    one_job = cpu_of(build_command(many, FORMATS, 1))
    two_jobs = cpu_of(build_command(many, FORMATS, 2))
    load = max(load, os.getloadavg()[0])
    print("| measure | `--jobs 2` | `--jobs 1` | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| {documents} documents, all formats, wall s (load average up to {load:.1f} on "
        f"{os.cpu_count()} cores) | {two_jobs[1]:.1f} | {one_job[1]:.1f} | {one_job[1] / two_jobs[1]:.2f}x | >= 1.7x |"
    )
    print(f"| the same, CPU s of all processes | {two_jobs[0]:.1f} | {one_job[0]:.1f} | | |\n")


def report_ratios(make: Corpus, documents: int, runs: int) -> None:
    corpus = make.documents(documents)
    spacy = median_cpu(lambda: spacy_command(corpus), runs)
    json_only = median_cpu(lambda: build_command(corpus, ["json"]), runs)
    every = median_cpu(lambda: build_command(corpus, FORMATS), runs)
    one = make.documents(1)
    spacy_one = median_cpu(lambda: spacy_command(one), runs)
    quizgen_one = median_cpu(lambda: build_command(one, FORMATS), runs)
    help_cpu = median_cpu(lambda: [QUIZGEN, "--help"], 5)
    print(f"Ratios of issue 16 (CPU seconds, median of {runs}; {documents} documents unless said):\n")
    print("| measure | quizgen | floor | ratio | goal |")
    print("| --- | --- | --- | --- | --- |")
    json_ratio = json_only / spacy
    print(f"| build, json only, vs spaCy load + parse | {json_only:.1f} | {spacy:.1f} | {json_ratio:.2f}x | <= 1.11x |")
    print(f"| build, all seven formats, vs spaCy | {every:.1f} | {spacy:.1f} | {every / spacy:.2f}x | <= 1.18x |")
    print(
        f"| one document start to files, all formats, vs spaCy load + parse of it | {quizgen_one:.2f} | "
        f"{spacy_one:.2f} | {quizgen_one / spacy_one:.2f}x | <= 1.2x |"
    )
    print(f"| `quizgen --help` (CPU ms, median of 5) | {1000 * help_cpu:.0f} | | | <= 150 ms |")
    exporters = run_child("exporters", str(corpus))
    print(f"\nExporters against their floors ({documents} documents, the same quizzes, CPU s; goal: at most 2x):\n")
    print("| writer | quizgen | floor | ratio |")
    print("| --- | --- | --- | --- |")
    for label, ours, floor in EXPORTER_PAIRS:
        ours_s, floor_s = exporters[ours], exporters[floor]
        print(f"| {label} | {ours_s:.2f} | {floor_s:.2f} | {ours_s / floor_s:.1f}x |")
    print()


EXPORTER_PAIRS = (
    ("JSON files (json.dumps alone, no schema check)", "json", "json floor"),
    ("player pages (json.dumps + one jinja2 template)", "player", "player floor"),
    ("Anki deck, sub-deck per document (genanki, one deck)", "anki", "genanki one deck"),
    ("Anki `--split` (genanki, one package per document)", "anki split", "genanki per document"),
    ("worksheets and keys (jinja2 alone)", "html", "jinja2 alone"),
)


def child_exporters(corpus: str) -> dict[str, float]:
    """Each exporter's CPU time on the quizzes of ``corpus``, and each floor's on the same quizzes."""
    from quizgen.export import get_exporter
    from quizgen.generate import build_quizzes
    from quizgen.read import find_documents, read_document

    quizzes = build_quizzes([read_document(path) for path in find_documents([Path(corpus)])])
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="quizgen-out-") as folder:
        out = Path(folder)
        for name, settings in (("json", {}), ("player", {}), ("anki", {}), ("anki split", {"split": True})):
            start = time.process_time()
            get_exporter(name.split()[0], settings).export(quizzes, out)
            times[name] = time.process_time() - start
        start = time.process_time()
        get_exporter("html").export(quizzes, out)
        times["html"] = time.process_time() - start
        times.update(json_floors(quizzes, out))
        times["genanki one deck"] = genanki_floor(quizzes, out, split=False)
        times["genanki per document"] = genanki_floor(quizzes, out, split=True)
        times["jinja2 alone"] = jinja2_floor(quizzes)
    return times


def json_floors(quizzes: list[Any], out: Path) -> dict[str, float]:
    """``json.dumps`` of each quiz's JSON object written to a file, and the same in one jinja2 page."""
    import jinja2
    from markupsafe import Markup

    from quizgen.quizfile import quiz_to_json

    start = time.process_time()
    for quiz in quizzes:
        text = json.dumps(quiz_to_json(quiz), ensure_ascii=False, indent=2) + "\n"
        (out / f"{quiz.id}.floor.json").write_text(text, encoding="utf-8")
    json_floor = time.process_time() - start
    start = time.process_time()
    page = jinja2.Environment(autoescape=True).from_string(
        "<!doctype html><title>{{ title }}</title><script type='application/json'>{{ quiz }}</script>"
    )
    for quiz in quizzes:
        text = json.dumps(quiz_to_json(quiz), ensure_ascii=False, indent=2)
        html = page.render(title=quiz.title, quiz=Markup(text.replace("<", "\\u003c")))
        (out / f"{quiz.id}.floor.html").write_text(html, encoding="utf-8")
    return {"json floor": json_floor, "player floor": time.process_time() - start}


def genanki_floor(quizzes: list[Any], out: Path, split: bool) -> float:
    """genanki alone: one plain front/back note per item, in one deck and package (or a package per quiz)."""
    import genanki

    from quizgen.export.render import answer_text, prompt_text

    start = time.process_time()
    model = genanki.Model(
        1_234_567_890,
        "Floor",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    groups = [[quiz] for quiz in quizzes] if split else [quizzes]
    for number, group in enumerate(groups):
        deck = genanki.Deck(1_234_567_891 + number, f"Floor {number}")
        for quiz in group:
            for item in quiz.items:
                deck.add_note(genanki.Note(model=model, fields=[prompt_text(item), answer_text(item)]))
        genanki.Package(deck).write_to_file(str(out / f"floor-{number}.apkg"), timestamp=1_700_000_000.0)
    return time.process_time() - start


_FLOOR_TEMPLATE = """<!doctype html><html><head><title>{{ quiz.title }}</title></head><body>
<h1>{{ quiz.title }}</h1><ol>{% for item in items %}<li>{{ item.prompt }}<ul>
{% for option in item.options %}<li>{{ option }}</li>{% endfor %}</ul></li>{% endfor %}</ol>
<h2>Key</h2><ol>{% for item in items %}<li>{{ item.answer }}</li>{% endfor %}</ol></body></html>"""


def jinja2_floor(quizzes: list[Any]) -> float:
    """jinja2 alone: a plain worksheet and key per quiz, rendered to strings."""
    import jinja2

    from quizgen.export.render import answer_text, prompt_text

    start = time.process_time()
    template = jinja2.Environment(autoescape=True).from_string(_FLOOR_TEMPLATE)
    for quiz in quizzes:
        items = [
            {
                "prompt": prompt_text(item),
                "options": [o.text for o in getattr(item, "options", ())],
                "answer": answer_text(item),
            }
            for item in quiz.items
        ]
        template.render(quiz=quiz, items=items)
    return time.process_time() - start


# --- Anki at the size of a publisher's batch -------------------------------------------------------


def child_anki(corpus: str, count: str) -> dict[str, float]:
    """The Anki exporter on ``count`` quizzes (those of ``corpus``, each copied under new ids and titles),
    against genanki writing the same notes (quizgen's note types, fields, tags, GUIDs) in one deck."""
    import dataclasses

    import genanki

    from quizgen.export import get_exporter
    from quizgen.export.anki import anki_tags, load_models, note_fields, note_guid
    from quizgen.generate import build_quizzes
    from quizgen.read import find_documents, read_document

    built = build_quizzes([read_document(path) for path in find_documents([Path(corpus)])])
    quizzes = [
        dataclasses.replace(quiz, id=f"{quiz.id}-{copy}", title=f"{quiz.title} {copy}")
        for copy in range(-(-int(count) // len(built)))
        for quiz in built
    ][: int(count)]
    times = {"quizzes": float(len(quizzes)), "notes": float(sum(len(quiz.items) for quiz in quizzes))}
    with tempfile.TemporaryDirectory(prefix="quizgen-out-") as folder:
        for name, settings in (("anki", {}), ("anki split", {"split": True})):
            start = time.process_time()
            get_exporter("anki", settings).export(quizzes, Path(folder))
            times[name] = time.process_time() - start
        start = time.process_time()
        models = load_models()
        deck = genanki.Deck(1_234_567_891, "Floor")
        for quiz in quizzes:
            for item in quiz.items:
                fields, tags, guid = note_fields(item), anki_tags(quiz.id, item), note_guid(quiz.id, item)
                deck.add_note(genanki.Note(model=models[item.type], fields=fields, tags=tags, guid=guid))
        genanki.Package(deck).write_to_file(str(Path(folder) / "floor.apkg"), timestamp=1_700_000_000.0)
        times["genanki, the same notes in one deck"] = time.process_time() - start
        times["genanki, plain notes, a package per quiz"] = genanki_floor(quizzes, Path(folder), split=True)
    return times


def report_anki(times: dict[str, float]) -> None:
    quizzes, notes = int(times["quizzes"]), int(times["notes"])
    floor, split_floor = times["genanki, the same notes in one deck"], times["genanki, plain notes, a package per quiz"]
    print(f"Anki at {quizzes:,} quizzes ({notes:,} notes; CPU s; goal: at most 2x):\n")
    print("| writer | quizgen | floor | ratio |")
    print("| --- | --- | --- | --- |")
    print(
        f"| a sub-deck per quiz, over genanki's same notes in one deck | {times['anki']:.2f} | {floor:.2f} | "
        f"{times['anki'] / floor:.1f}x |"
    )
    print(
        f"| `--split`, over genanki's plain notes, a package per quiz | {times['anki split']:.2f} | "
        f"{split_floor:.2f} | {times['anki split'] / split_floor:.1f}x |\n"
    )


# --- Wrong options against the size of the pool ---------------------------------------------------


def child_pool(corpus: str) -> dict[str, Any]:
    """Median milliseconds per person and term answer of :meth:`Distractors.choose` for the documents of
    ``corpus``, with 0, 1,000 and 10,000 entries of other documents (people and terms) in the pool."""
    from quizgen.generate import _analyse
    from quizgen.generate.distractors import Distractors, Pool
    from quizgen.generate.items import item_random
    from quizgen.generate.knowledge import load_knowledge
    from quizgen.generate.lexicon import lexicon
    from quizgen.generate.nlp import analyse
    from quizgen.read import find_documents, read_document

    documents = [read_document(path) for path in find_documents([Path(corpus)])]
    analysed = [(document, _analyse(document, sentences, lexicon())) for document, sentences in analyse(documents)]
    knowledge = load_knowledge()
    foreign_words = knowledge.vectors._words[5_000:]
    results: dict[str, Any] = {}
    for size in POOL_SIZES:
        times: dict[str, list[float]] = {"person": [], "term": []}
        for document, found in analysed:
            pool = Pool()
            for answers in found.answers:
                pool.add_all(answers)
            pool.add_terms(found.terms, document.id)
            _add_foreign(pool, foreign_words, size)
            distractors = Distractors(pool, lexicon(), knowledge)
            for answers in found.answers:
                for answer in answers:
                    if answer.kind in times:
                        rng = item_random(0, answer)
                        distractors.choose(answer, rng)  # the lexical look-ups, cached alike at every size
                        start = time.process_time()
                        distractors.choose(answer, item_random(0, answer))
                        times[answer.kind].append(1000 * (time.process_time() - start))
        results[str(size)] = {kind: statistics.median(values) if values else 0.0 for kind, values in times.items()}
        results[f"{size} answers"] = {kind: len(values) for kind, values in times.items()}
    return results


def _add_foreign(pool: Any, words: list[str], size: int) -> None:
    """``size`` entries of 100 other documents: half people ("Name Surname"), half terms."""
    from quizgen.generate.types import Answer, Sentence

    for index in range(size // 2):
        document = f"other-{index % 100}"
        pool.add_terms([words[index]], document)
        name = f"{words[2 * index].title()} {words[2 * index + 1].title()}"
        sentence = Sentence(name, document, "Body", "body", 0)
        pool.add(Answer(sentence, 0, len(name), "person", 1.0))


def report_pool(results: dict[str, Any]) -> None:
    print("Wrong options per answer against the pool (median ms of `Distractors.choose`, lexical look-ups cached):\n")
    print("| entries of other documents in the pool | person answers | term answers |")
    print("| --- | --- | --- |")
    for size in POOL_SIZES:
        row, counts = results[str(size)], results[f"{size} answers"]
        print(f"| {size:,} | {row['person']:.2f} ({counts['person']}) | {row['term']:.2f} ({counts['term']}) |")
    print()


# --- The stage table --------------------------------------------------------------------------------


def child_stages(corpus: str, jobs: str) -> dict[str, Any]:
    """Read, build and export ``corpus`` in this process, timing each stage (CPU seconds)."""
    from quizgen.export import get_exporter
    from quizgen.generate import QuizBuilder
    from quizgen.read import find_documents, read_document

    times: dict[str, float] = {}
    start = time.process_time()
    documents = [read_document(path) for path in find_documents([Path(corpus)])]
    times["read"] = time.process_time() - start

    start = time.process_time()
    builder = QuizBuilder()
    builder.add(documents, int(jobs))
    quizzes = list(builder.build().quizzes)
    times["build"] = time.process_time() - start

    with tempfile.TemporaryDirectory(prefix="quizgen-out-") as out:
        for name in FORMATS:
            start = time.process_time()
            get_exporter(name).export(quizzes, Path(out))
            times[f"export {name}"] = time.process_time() - start
    return {
        "documents": len(documents),
        "words": sum(_words(document) for document in documents),
        "items": sum(len(quiz.items) for quiz in quizzes),
        "times": times,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _words(document: Any) -> int:
    parts = [document.lead, *(p.text for p in document.key_points)]
    parts += [p for section in document.sections for p in section.paragraphs]
    return len(" ".join(parts).split())


def report_stages(results: dict[int, dict[str, Any]]) -> None:
    print("Stage table (one process, CPU seconds):\n")
    print("| documents | words | items | total CPU s | documents/s | items/s | peak memory MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for size, result in results.items():
        total = sum(result["times"].values())
        print(
            f"| {size} | {result['words']:,} | {result['items']:,} | {total:.1f} | "
            f"{result['documents'] / total:.1f} | {result['items'] / total:.0f} | {result['peak_mb']:.0f} |"
        )
    largest = results[max(results)]
    total = sum(largest["times"].values())
    print(f"\nShare of time per stage ({max(results)} documents):\n")
    print("| stage | CPU s | share |")
    print("| --- | --- | --- |")
    for stage, seconds in largest["times"].items():
        print(f"| {stage} | {seconds:.2f} | {100 * seconds / total:.1f}% |")
    smallest = results[min(results)]
    ratio = largest["peak_mb"] / smallest["peak_mb"]
    print(f"\nPeak memory, {max(results)} documents over {min(results)}: {ratio:.2f}x (goal: at most 2x).")


# --- Where the build's time goes -------------------------------------------------------------------

PROFILED = (
    ("parse: spaCy `nlp.pipe` and the sentences (`nlp.analyse`)", "generate/nlp.py", "analyse"),
    ("  of which loading the spaCy pipeline", "generate/nlp.py", "pipeline"),
    ("answers, stems, terms and group material (`_analyse`)", "generate/__init__.py", "_analyse"),
    ("  answer finding (`find_answers`)", "generate/answers.py", "find_answers"),
    ("  stems (`with_stem`)", "generate/stems.py", "with_stem"),
    ("  material of several facts (`find_material`)", "generate/groups.py", "find_material"),
    ("one document's quiz (`_document_quiz`)", "generate/__init__.py", "_document_quiz"),
    ("  planning (`plan_items`)", "generate/plan.py", "plan_items"),
    ("  items of several facts (`group_items`)", "generate/groups.py", "group_items"),
    ("  the flaw checker gate (`_passed`)", "generate/__init__.py", "_passed"),
    ("  wrong options (`Distractors._shortlist`)", "generate/distractors.py", "_shortlist"),
    ("    the option checks (`Distractors.acceptable`)", "generate/distractors.py", "acceptable"),
    ("    lexical proposals (`Proposer.candidates`)", "knowledge/proposals.py", "candidates"),
    ("      their scores (`Proposer._score`)", "knowledge/proposals.py", "_score"),
    ("      their checks (`Proposer._fits`)", "knowledge/proposals.py", "_fits"),
    ("      GloVe neighbours (`Vectors.neighbours`)", "knowledge/vectors.py", "neighbours"),
    ("    lexical scores of other candidates (`Proposer.scores`)", "knowledge/proposals.py", "scores"),
    ("lexical tables' loading (`load_knowledge`)", "generate/knowledge/__init__.py", "load_knowledge"),
)
"""The parts of the build the profile reports: a label, where the function is, its name."""


def child_profile(corpus: str) -> dict[str, Any]:
    """The build of ``corpus`` under cProfile (CPU clock): each part's cumulative seconds and calls, and the
    profiled build's seconds in all."""
    import cProfile
    import pstats

    from quizgen.generate import QuizBuilder
    from quizgen.read import find_documents, read_document

    documents = [read_document(path) for path in find_documents([Path(corpus)])]
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    QuizBuilder().add(documents)
    profile.disable()
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    parts = {}
    for label, where, name in PROFILED:
        found = [row for (path, _, function), row in stats.items() if path.endswith(where) and function == name]
        parts[label] = (sum(row[3] for row in found), sum(row[1] for row in found))
    total = sum(row[2] for row in stats.values())
    return {"documents": len(documents), "profiled": total, "parts": parts}


def report_profile(result: dict[str, Any]) -> None:
    heading = f"Where the build's time goes ({result['documents']} documents, one process, cProfile CPU seconds"
    print(f"\n{heading}, {result['profiled']:.1f} s in all; the profiler slows Python more than compiled code):\n")
    print("| part | CPU s | share | calls |")
    print("| --- | --- | --- | --- |")
    for label, (seconds, calls) in result["parts"].items():
        share = 100 * seconds / result["profiled"]
        print(f"| {label} | {seconds:.2f} | {share:.0f}% | {calls:,} |")


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "spacy": child_spacy,
    "exporters": child_exporters,
    "pool": child_pool,
    "anki": child_anki,
    "stages": child_stages,
    "profile": child_profile,
}


if __name__ == "__main__":
    main()
