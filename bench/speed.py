"""Speed and memory of quizgen end to end, on 10, 100 and 1,000 documents.

Run ``make bench`` (or ``.venv/bin/python bench/speed.py [--sizes 10,100,1000] [--jobs N]``).
The corpus repeats ``seeds/`` and, where present, ``../shared/eval/corpus/`` until it has the
number of documents asked for. Each size runs in a fresh process, which reads, builds and
writes every format, timing each stage and reporting its peak memory (max RSS). In the same
process two floors run on the same items: genanki alone writing one note per item, and jinja2
alone rendering a plain worksheet per quiz; quizgen's Anki and worksheet exporters are reported
as a ratio over them. Last, the start-up time of ``quizgen --help``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "html", "anki", "player", "qti", "moodle", "gift")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="document counts, comma-separated")
    parser.add_argument("--jobs", type=int, default=1, help="processes for the analysis (quizgen build --jobs)")
    parser.add_argument("--shared", type=Path, default=PROJECT.parent / "shared", help="the shared data folder")
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), int(args.child[1]))))
        return
    from quizgen.read import find_documents

    sources = list(find_documents([PROJECT / "seeds"]))
    if (args.shared / "eval" / "corpus").is_dir():
        sources += sorted((args.shared / "eval" / "corpus").glob("*.txt"))
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {size: run_size(sources, size, args.jobs) for size in sizes}
    report(results, len(sources), args.jobs)


def run_size(sources: list[Path], size: int, jobs: int) -> dict[str, Any]:
    """Measure one corpus size in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for index in range(size):
            source = sources[index % len(sources)]
            shutil.copyfile(source, corpus / f"{index:05d}_{source.name}")
        completed = subprocess.run(
            [sys.executable, __file__, "--child", str(corpus), str(jobs)],
            check=True,
            capture_output=True,
            text=True,
        )
    result: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return result


def measure(corpus: Path, jobs: int) -> dict[str, Any]:
    """Read, build and export ``corpus`` in this process, timing each stage."""
    from quizgen.export import get_exporter
    from quizgen.generate import QuizBuilder
    from quizgen.read import find_documents, read_document

    times: dict[str, float] = {}
    start = time.perf_counter()
    documents = [read_document(path) for path in find_documents([corpus])]
    times["read"] = time.perf_counter() - start

    start = time.perf_counter()
    builder = QuizBuilder()
    builder.add(documents, jobs)
    quizzes = list(builder.build().quizzes)
    times["build"] = time.perf_counter() - start

    with tempfile.TemporaryDirectory(prefix="quizgen-out-") as out:
        for name in FORMATS:
            start = time.perf_counter()
            get_exporter(name).export(quizzes, Path(out))
            times[f"export {name}"] = time.perf_counter() - start
        floors = {"genanki alone": genanki_floor(quizzes, Path(out)), "jinja2 alone": jinja2_floor(quizzes)}
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if jobs > 1:
        peak_kb = max(peak_kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {
        "documents": len(documents),
        "words": sum(_words(document) for document in documents),
        "items": sum(len(quiz.items) for quiz in quizzes),
        "times": times,
        "floors": floors,
        "peak_mb": peak_kb / 1024,
    }


def _words(document: Any) -> int:
    parts = [document.lead, *(p.text for p in document.key_points)]
    parts += [p for section in document.sections for p in section.paragraphs]
    return len(" ".join(parts).split())


def genanki_floor(quizzes: list[Any], out: Path) -> float:
    """genanki alone: one plain front/back note per item, one package."""
    import genanki

    from quizgen.export.render import answer_text, prompt_text

    start = time.perf_counter()
    model = genanki.Model(
        1_234_567_890,
        "Floor",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(1_234_567_891, "Floor")
    for quiz in quizzes:
        for item in quiz.items:
            deck.add_note(genanki.Note(model=model, fields=[prompt_text(item), answer_text(item)]))
    genanki.Package(deck).write_to_file(str(out / "floor.apkg"), timestamp=1_700_000_000.0)
    return time.perf_counter() - start


_FLOOR_TEMPLATE = """<!doctype html><html><head><title>{{ quiz.title }}</title></head><body>
<h1>{{ quiz.title }}</h1><ol>{% for item in items %}<li>{{ item.prompt }}<ul>
{% for option in item.options %}<li>{{ option }}</li>{% endfor %}</ul></li>{% endfor %}</ol>
<h2>Key</h2><ol>{% for item in items %}<li>{{ item.answer }}</li>{% endfor %}</ol></body></html>"""


def jinja2_floor(quizzes: list[Any]) -> float:
    """jinja2 alone: a plain worksheet and key per quiz, rendered to strings."""
    import jinja2

    from quizgen.export.render import answer_text, prompt_text

    start = time.perf_counter()
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
    return time.perf_counter() - start


def startup_seconds(runs: int = 5) -> float:
    """Median wall time of ``quizgen --help`` in a fresh process."""
    command = [str(Path(sys.executable).parent / "quizgen"), "--help"]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(results: dict[int, dict[str, Any]], sources: int, jobs: int) -> None:
    import os

    print(f"Machine: {os.cpu_count()} cores; jobs: {jobs}; corpus: {sources} source documents, repeated.\n")
    print("| documents | words | items | total s | documents/s | items/s | peak memory MB |")
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
    print("| stage | seconds | share |")
    print("| --- | --- | --- |")
    for stage, seconds in largest["times"].items():
        print(f"| {stage} | {seconds:.2f} | {100 * seconds / total:.1f}% |")
    print(f"\nAgainst a floor ({max(results)} documents, same items):\n")
    print("| writer | quizgen s | floor s | ratio |")
    print("| --- | --- | --- | --- |")
    pairs = (
        ("Anki deck (genanki alone)", "export anki", "genanki alone"),
        ("worksheets and keys (jinja2 alone)", "export html", "jinja2 alone"),
    )
    for label, ours, floor in pairs:
        ours_s, floor_s = largest["times"][ours], largest["floors"][floor]
        print(f"| {label} | {ours_s:.2f} | {floor_s:.2f} | {ours_s / floor_s:.1f}x |")
    smallest = results[min(results)]
    print(
        f"\nPeak memory, {max(results)} documents over {min(results)}: {largest['peak_mb'] / smallest['peak_mb']:.2f}x."
    )
    print(f"`quizgen --help` start-up: {1000 * startup_seconds():.0f} ms (median of 5).")


if __name__ == "__main__":
    main()
