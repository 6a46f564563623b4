"""List the sentences of some documents that yield no item, with why the builder dropped them.

    python scripts/dropped_sentences.py seeds ../shared/eval/corpus [--all]

Each sentence with no item gets one reason: why it cannot stand alone (see
:func:`quizgen.generate.answers.why_unusable`), *no-answer* (it stands alone but has no answer span
the builder keeps), or *not-chosen* (it has answers, but the plan took none: given away by another
item, one fact asked once, the share of figures). The counts by reason come last.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from quizgen.generate import QuizBuilder, analyse_documents
from quizgen.generate.answers import FACT_LABEL, why_unusable
from quizgen.generate.lexicon import Lexicon, lexicon
from quizgen.generate.nlp import analyse
from quizgen.generate.references import resolutions
from quizgen.read import find_documents, read_document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--all", action="store_true", help="list every dropped sentence, not only the counts")
    args = parser.parse_args()
    documents = [read_document(path) for path in find_documents(args.inputs)]
    builder = QuizBuilder()
    builder.add(documents)
    cited = {(quiz.id, item.source.sentence) for quiz in builder.build().quizzes for item in quiz.items}
    lists = lexicon()
    counts: Counter[str] = Counter()
    analysed = analyse_documents(documents, lists)
    for (document, sentences), found in zip(analyse(documents), analysed, strict=True):
        resolved = resolutions(sentences, document.title if _is_country(document.title, lists) else "", document.title)
        for sentence, answers in zip(sentences, found.answers, strict=True):
            if (document.id, sentence.text) in cited:
                counts["asked"] += 1
                continue
            resolution = resolved[sentence.sentence.position]
            parsed = resolution.parsed if resolution is not None else sentence
            reason = None if FACT_LABEL.match(sentence.text) else why_unusable(parsed)
            reason = reason or ("not-chosen" if answers else "no-answer")
            reason = f"resolved, {reason}" if resolution is not None else reason
            counts[reason] += 1
            if args.all:
                print(f"{reason:18} {document.id}: {sentence.text}")
    print()
    for reason, count in counts.most_common():
        print(f"{count:4}  {reason}")


def _is_country(title: str, lists: Lexicon) -> bool:
    category = lists.category_of(title)
    return category is not None and category.kind == "countries"


if __name__ == "__main__":
    main()
