"""How long a teacher waits in quizgen studio, step by step, for each document of ``seeds/``.

Run ``.venv/bin/python bench/studio.py [--repeat 3]``. The studio's app is driven in this process
through Starlette's test client (no network, no browser): upload, make the quiz (20 items), open the
review page (the first time it also analyses the document for swaps and regenerating), open it again,
accept an item (a save), swap an option, regenerate an item, download the Anki deck, the worksheet
HTML and (where Chromium is) the worksheet PDF. The first quiz of the process pays for loading spaCy
and the lexical knowledge, so it is reported apart; the table's times are medians of ``--repeat``
runs after it, each in a fresh studio folder, in milliseconds ("swap" is empty where no item offers
one).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

from quizgen.quizfile import load_quiz
from quizgen.studio.app import can_print, create_app

PROJECT = Path(__file__).resolve().parent.parent
HOST = "bench.local:1"
SETTINGS = {"type-mcq": "1", "type-cloze": "1", "type-tf": "1", "max_items": "20", "seed": "0", "paper": "a4"}
SETTINGS["versions"] = "1"
STEPS = ("upload", "make quiz", "review, first", "review", "accept", "swap", "regenerate", "anki", "worksheet", "PDF")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per document (the median is shown)")
    args = parser.parse_args()
    seeds = sorted(path for path in (PROJECT / "seeds").iterdir() if path.suffix in (".txt", ".md"))
    seeds = [path for path in seeds if not path.name.startswith("README")]
    cold = run(seeds[0])
    print(f"Cold start: the first quiz of a fresh studio took {cold['make quiz']:,.0f} ms to make, its first review")
    print(f"{cold['review, first']:,.0f} ms (spaCy and the lexical knowledge load once per studio process).\n")
    print("| document | " + " | ".join(STEPS) + " |")
    print("| --- |" + " ---: |" * len(STEPS))
    for seed in seeds:
        runs = [run(seed) for _ in range(args.repeat)]
        medians = [statistics.median(times[step] for times in runs) for step in STEPS]
        print(f"| {seed.name} | " + " | ".join(f"{value:,.0f}" if value == value else "—" for value in medians) + " |")


def run(seed: Path) -> dict[str, float]:
    """Each step's time in milliseconds, in a fresh studio folder."""
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        browser = TestClient(create_app(Path(folder), [HOST]), base_url=f"http://{HOST}")
        browser.headers["origin"] = f"http://{HOST}"

        def timed(step: str, call: Callable[[], object]) -> None:
            start = time.perf_counter()
            call()
            times[step] = (time.perf_counter() - start) * 1000

        files = {"files": (seed.name, seed.read_bytes(), "text/plain")}
        timed("upload", lambda: browser.post("/documents", files=files, follow_redirects=False))
        quiz_id = next(Path(folder, ".studio").glob("*.json")).stem
        base = f"/quiz/{quiz_id}"
        timed("make quiz", lambda: browser.post(f"{base}/build", data={"revision": "0", **SETTINGS}))
        timed("review, first", lambda: browser.get(base))
        page = browser.get(base).text
        timed("review", lambda: browser.get(base))
        quiz = load_quiz(Path(folder) / f"{quiz_id}.quiz.json")
        item = quiz.items[0]
        revision = re.search(r'name="revision" value="(\d+)"', page)
        assert revision is not None
        number = int(revision.group(1))
        json_answer = {"accept": "application/json"}

        def post(action: str, item_id: str, fields: dict[str, str]) -> None:
            nonlocal number
            data = {"revision": str(number), **fields}
            answer = browser.post(f"{base}/item/{item_id}/{action}", data=data, headers=json_answer).json()
            number = int(answer.get("revision", number))

        timed("accept", lambda: post("accept", item.id, {}))
        swap = re.search(
            r'item/(q-[0-9a-f]+)/swap".*?name="option">\s*<option value="(\w)".*?<option>([^<]+)<', page, re.S
        )
        if swap:
            fields = {"option": swap.group(2), "candidate": swap.group(3)}
            timed("swap", lambda: post("swap", swap.group(1), fields))
        else:
            times["swap"] = float("nan")
        timed("regenerate", lambda: post("regenerate", quiz.items[-1].id, {}))
        timed("anki", lambda: browser.get(f"{base}/download", params={"target": "anki"}))
        timed("worksheet", lambda: browser.get(f"{base}/download", params={"target": "worksheet-html"}))
        if can_print():
            timed("PDF", lambda: browser.get(f"{base}/download", params={"target": "worksheet-pdf"}))
        else:
            times["PDF"] = float("nan")
    return times


if __name__ == "__main__":
    main()
