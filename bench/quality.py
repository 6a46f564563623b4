"""Quality report of the question builder, measured on shared evaluation data.

Run ``make quality`` (or ``.venv/bin/python bench/quality.py [--shared ../shared]``).
It prints Markdown tables; bench/README.md keeps the latest ones. The shared
data lives beside the project in ``../shared`` (not shipped, not in a user's clone).

Measures:
- items per document, type shares, and the share of multiple-choice (or true/false)
  items that fell back to cloze, on seeds/ and the evaluation corpus;
- option-only guessability of multiple-choice items: how often "pick the longest
  option" or "pick the option that appears in the text" finds the answer (chance 25%);
- answer-target agreement on SQuAD 2.0 passages against the human questions'
  answers, beside an all-named-entities baseline;
- distractor agreement on the DGen cloze test: P@1, F1@3, MRR, NDCG@10 of our top-10
  wrong options against the three human ones, beside the naive floor;
- distractor kind on RACE+ and QuAIL: for items whose answer is a short span of the passage,
  the share of our wrong options of the same coarse kind (person, place, time, number, thing,
  action...) as the human ones;
- fallback to cloze per subject, with the lexical knowledge (quizgen.generate.knowledge) off and on;
- batch independence: the share of documents whose quiz is the same built alone as in the whole run;
- stems: the share of multiple-choice items whose stem is a question, the shares of definition and
  cause items, and stem length in words (average, and the share over 30);
- cues, counted on the items written: options that break a title, a/an, number or case agreement
  with the stem, date items of one quiz sharing the same wrong years, and blanks inside lists;
- the item-flaw checker's findings by rule before the builder's gate and after it (target 0), and
  the items the gate leaves out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.check import RULES, check_item, check_quiz
from quizgen.english import indefinite_article
from quizgen.generate import BuildOptions, QuizBuilder, build_quiz
from quizgen.generate.answers import DocumentContext, find_answers
from quizgen.generate.distractors import Distractors, Pool
from quizgen.generate.knowledge import load_knowledge
from quizgen.generate.lexicon import lexicon
from quizgen.generate.nlp import analyse, pipeline
from quizgen.generate.plan import PlanStats
from quizgen.generate.types import TITLES, Answer, ParsedSentence
from quizgen.generate.words import normalise, zipf
from quizgen.model import (
    BLANK,
    Cloze,
    Document,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Option,
    Ordering,
    Quiz,
    Section,
    Source,
    SourceFile,
    TrueFalse,
    assert_never,
    option_letter,
)
from quizgen.read import find_documents, read_document

PROJECT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=PROJECT.parent / "shared", help="the shared data folder")
    args = parser.parse_args()
    corpus, external = args.shared / "eval" / "corpus", args.shared / "eval" / "external"
    if not corpus.is_dir() or not external.is_dir():
        sys.exit(f"shared evaluation data not found under {args.shared}; pass --shared DIR")

    print("# Question builder quality\n")
    documents = [read_document(path) for path in [*find_documents([PROJECT / "seeds"]), *sorted(corpus.glob("*.txt"))]]
    (builder, quizzes), (without, _) = _built(documents, semantic=True), _built(documents, semantic=False)
    report_items(documents, quizzes, builder)
    report_stems(quizzes)
    report_fallback(documents, without.stats, builder.stats)
    report_guessability(documents, quizzes)
    report_batch_independence(documents, quizzes)
    report_cues(documents, quizzes)
    report_checker(documents, quizzes, builder)
    report_squad(external / "squad2_dev_sample.jsonl")
    report_dgen(external / "dgen_cloze_test.jsonl")
    report_kinds([external / "raceplus_dev_expmrc_sample.jsonl", external / "quail_dev_news_sample.jsonl"])
    report_checker_on_human(
        [
            external / name
            for name in ("raceplus_dev_expmrc_sample.jsonl", "quail_dev_news_sample.jsonl", "dgen_cloze_test.jsonl")
        ]
    )


def _built(documents: Sequence[Document], semantic: bool) -> tuple[QuizBuilder, list[Quiz]]:
    """A builder that has built the quizzes of ``documents`` (so its stats are filled), and the quizzes."""
    builder = QuizBuilder(BuildOptions(semantic=semantic))
    builder.add(documents)
    return builder, list(builder.build().quizzes)


def subject_of(document: Document) -> str:
    """The corpus files' subject is the first word of their file name; seeds are their own group."""
    prefix = document.source.file.split("_")[0]
    return prefix if prefix in ("history", "science", "geography") else "seeds"


def report_items(documents: Sequence[Document], quizzes: Sequence[Quiz], builder: QuizBuilder) -> None:
    print("## Items per document\n")
    print(
        "| subject | documents | words | items | items per 500 words | multiple choice | cloze | true/false "
        "| matching | ordering | multiple answer |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    groups: dict[str, list[tuple[Document, Quiz]]] = defaultdict(list)
    for document, quiz in zip(documents, quizzes, strict=True):
        groups[subject_of(document)].append((document, quiz))
    for subject, pairs in sorted(groups.items()):
        words = sum(len(_text(document).split()) for document, _ in pairs)
        types = Counter(item.type for _, quiz in pairs for item in quiz.items)
        items = sum(types.values())
        shares = [f"{100 * types[kind] / items:.0f}%" for kind in ("multiple_choice", "cloze", "true_false")]
        shares += [str(types[kind]) for kind in ("matching", "ordering", "multiple_answer")]
        print(f"| {subject} | {len(pairs)} | {words} | {items} | {500 * items / words:.1f} | {' | '.join(shares)} |")
    stats = builder.stats
    share = 100 * stats.fell_back / max(stats.wanted_choice, 1)
    print(
        f"\nItems that asked to be multiple choice or true/false but fell back to cloze: "
        f"{stats.fell_back} of {stats.wanted_choice} ({share:.0f}%)."
    )
    print(
        "Blanks not asked because a student could rightly write many other words for them (no word bank "
        f"or multiple-choice item of three options): {sum(stats.many_right_words.values())}.\n"
    )


STEM_WORDS_LIMIT = 30
"""Stems longer than this many words are counted as too long (issue 13: at most 5% of them)."""


def item_stem(item: Item) -> str:
    """What a student reads of an item: the question, the cloze sentence (blanks as ``_____``) or the statement."""
    match item:
        case MultipleChoice():
            return item.question
        case Cloze():
            return re.sub(r"\{\{\d+\}\}", BLANK, item.text)
        case TrueFalse():
            return item.statement
        case MultipleAnswer():
            return item.question
        case Matching() | Ordering():
            return item.prompt
        case _:
            assert_never(item)


def _answer_kind(item: Item) -> str:
    return next((tag.split(":", 1)[1] for tag in item.tags if tag.startswith("answer:")), "")


def report_stems(quizzes: Sequence[Quiz]) -> None:
    items = [item for quiz in quizzes for item in quiz.items]
    choice = [item for item in items if isinstance(item, MultipleChoice)]
    questions = [item for item in choice if item.question.rstrip().endswith("?")]
    lengths = {id(item): len(item_stem(item).split()) for item in items}
    print("## Stems (issue 13)\n")
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| multiple-choice items with a question stem | {_of(len(questions), len(choice))} |")
    for kind, label in (("defined", "definition"), ("reason", "cause or purpose")):
        asked = [item for item in items if _answer_kind(item) == kind]
        as_choice = sum(isinstance(item, MultipleChoice) for item in asked)
        print(f"| {label} items | {_of(len(asked), len(items))} ({as_choice} multiple choice) |")
    print(f"| average stem length, words (all items) | {sum(lengths.values()) / max(len(items), 1):.1f} |")
    for cls in (MultipleChoice, Cloze, TrueFalse):
        typed = [lengths[id(item)] for item in items if isinstance(item, cls)]
        print(f"| average stem length, {cls.type} | {sum(typed) / max(len(typed), 1):.1f} |")
    over = sum(length > STEM_WORDS_LIMIT for length in lengths.values())
    print(f"| stems over {STEM_WORDS_LIMIT} words | {_of(over, len(items))} |")
    statements = [item for item in items if isinstance(item, TrueFalse)]
    true = [item for item in statements if item.answer]
    reworded = sum(item.statement.rstrip(".") not in item.source.sentence for item in true)
    print(f"| true statements not copied from their sentence | {_of(reworded, len(true))} |")
    print(f"| true / false statements | {len(true)} / {len(statements) - len(true)} |")
    free = [item.blanks[0] for item in items if isinstance(item, Cloze) and not item.blanks[0].distractors]
    accepting = sum(bool(blank.accept) for blank in free)
    print(f"| free-recall cloze blanks accepting more than the answer | {_of(accepting, len(free))} |")
    print(f"\nOver {len(items)} items of the seeds and the corpus.\n")


def _of(count: int, total: int) -> str:
    return f"{count} of {total} ({100 * count / max(total, 1):.0f}%)"


def report_fallback(documents: Sequence[Document], before: PlanStats, after: PlanStats) -> None:
    print("## Fallback to cloze, without and with lexical knowledge\n")
    print("Items that asked to be multiple choice or true/false but became cloze for want of three good wrong")
    print("options; *without* is the same build with `BuildOptions(semantic=False)`.\n")
    print("| subject | without | with |")
    print("| --- | --- | --- |")
    subjects = sorted({subject_of(document) for document in documents})
    for subject in [*subjects, "all"]:
        ids = [d.id for d in documents if subject in ("all", subject_of(d))]
        print(f"| {subject} | {_fallback_share(before, ids)} | {_fallback_share(after, ids)} |")
    print()


def _fallback_share(stats: PlanStats, document_ids: list[str]) -> str:
    wanted = sum(stats.by_document.get(key, (0, 0))[0] for key in document_ids)
    fell = sum(stats.by_document.get(key, (0, 0))[1] for key in document_ids)
    return f"{fell} of {wanted} ({100 * fell / max(wanted, 1):.0f}%)"


def _text(document: Document) -> str:
    parts = [document.lead, *(point.text for point in document.key_points)]
    return "\n".join(parts + [p for section in document.sections for p in section.paragraphs])


def report_guessability(documents: Sequence[Document], quizzes: Sequence[Quiz]) -> None:
    longest, in_text, count = 0.0, 0.0, 0
    for document, quiz in zip(documents, quizzes, strict=True):
        text = _text(document)
        for item in quiz.items:
            if isinstance(item, MultipleChoice):
                count += 1
                longest += _credit(item, _longest(item))
                appearing = [o.id for o in item.options if _mentions(text, o.text)]
                in_text += _credit(item, appearing or [o.id for o in item.options])
    print("## Option-only guessability (multiple choice, chance 25%)\n")
    print("| heuristic | finds the answer |")
    print("| --- | --- |")
    print(f"| pick the longest option | {100 * longest / count:.1f}% |")
    print(f"| pick the option that appears in the text | {100 * in_text / count:.1f}% |")
    print(f"\nOver {count} multiple-choice items; ties share the credit.\n")


def report_batch_independence(documents: Sequence[Document], quizzes: Sequence[Quiz]) -> None:
    same = sum(build_quiz(document) == quiz for document, quiz in zip(documents, quizzes, strict=True))
    print("## Batch independence\n")
    print(f"Documents whose quiz built alone equals its quiz in the whole run: {same} of {len(documents)}", end=" ")
    print(f"({100 * same / len(documents):.0f}%).\n")


_TITLE_BEFORE_BLANK = re.compile(rf"\b({'|'.join(sorted(TITLES))})\s+{re.escape(BLANK)}", re.IGNORECASE)
_ARTICLE_BEFORE_BLANK = re.compile(rf"\b(an?)\s+{re.escape(BLANK)}", re.IGNORECASE)


def report_cues(documents: Sequence[Document], quizzes: Sequence[Quiz]) -> None:
    """Counts of items with each cue a student could use without knowing the content (target 0 each)."""
    counts: Counter[str] = Counter()
    for document, quiz in zip(documents, quizzes, strict=True):
        text = _text(document)
        year_sets: list[frozenset[str]] = []
        for item in quiz.items:
            match item:
                case MultipleChoice():
                    counts.update(_item_cues(item, text))
                    if "answer:year" in item.tags:
                        year_sets.append(frozenset(o.text for o in item.options if o.id != item.answer))
                    blank_answer = item.answer_text
                case Cloze():
                    blank_answer = item.blanks[0].answer
                case TrueFalse() | Matching() | Ordering() | MultipleAnswer():
                    continue
                case _:
                    assert_never(item)
            counts["list-member blank"] += _in_listing(item.source.sentence, blank_answer)
        counts["reused wrong-year set"] += len(year_sets) - len(set(year_sets))
    print("## Cues (counts over every item written; target 0 each)\n")
    print("| cue | items |")
    print("| --- | --- |")
    for cue in ("title mismatch", "a/an mismatch", "number mismatch", "case mismatch", "reused wrong-year set"):
        print(f"| {cue} | {counts[cue]} |")
    print(f"| list-member blank | {counts['list-member blank']} |\n")


def report_checker(documents: Sequence[Document], quizzes: Sequence[Quiz], builder: QuizBuilder) -> None:
    """Item-writing flaws the checker finds before its gate (the items planned) and after it (the items
    written; target 0), by rule, and what the gate costs in items per 500 words, by subject."""
    groups: dict[str, list[tuple[Document, Quiz]]] = defaultdict(list)
    for document, quiz in zip(documents, quizzes, strict=True):
        groups["seeds" if subject_of(document) == "seeds" else "corpus"].append((document, quiz))
    counts = {name: _flaw_counts(pairs, builder) for name, pairs in groups.items()}
    print("## Item-flaw checker (`quizgen check`) before and after the builder's gate\n")
    print("Findings by rule over the items planned (*before* the gate) and the items written (*after*; target 0).\n")
    print("| rule | corpus before | corpus after | seeds before | seeds after |")
    print("| --- | --- | --- | --- | --- |")
    for code in [*RULES, "all"]:
        cells = [str(counts[name][stage][code]) for name in ("corpus", "seeds") for stage in (0, 1)]
        print(f"| {code} | {' | '.join(cells)} |")
    print("\n| subject | items planned | left out by the gate | items per 500 words before | after |")
    print("| --- | --- | --- | --- | --- |")
    by_subject: dict[str, list[tuple[Document, Quiz]]] = defaultdict(list)
    for pair in zip(documents, quizzes, strict=True):
        by_subject[subject_of(pair[0])].append(pair)
    every = list(zip(documents, quizzes, strict=True))
    rows: list[tuple[str, list[tuple[Document, Quiz]]]] = [*sorted(by_subject.items()), ("corpus", groups["corpus"])]
    for subject, pairs in [*rows, ("all", every)]:
        print(_gate_row(subject, pairs, builder))
    print()


def report_checker_on_human(paths: Sequence[Path]) -> None:
    """The checker on human-written exam items (RACE+, QuAIL, DGen): how often each rule fires. The options
    are in the file's order where it gives one (RACE+), else answer first, so numeric order is not counted."""
    print("## Item-flaw checker on human-written items\n")
    print("Items flagged by each rule on the multiple-choice items of three data sets written by people (the")
    print("stems there may point at a passage the student has, so *needs-context* overcounts for them).\n")
    found = {path.name.split("_")[0]: _human_findings(path) for path in paths}
    print(f"| rule | {' | '.join(found)} |")
    print(f"| --- |{' --- |' * len(found)}")
    for code in [*RULES, "any"]:
        cells = [f"{counts[code]} ({100 * counts[code] / max(total, 1):.0f}%)" for total, counts in found.values()]
        print(f"| {code} | {' | '.join(cells)} |")
    print(f"\nItems: {', '.join(f'{name} {total}' for name, (total, _) in found.items())}.\n")


def _human_findings(path: Path) -> tuple[int, Counter[str]]:
    """How many items of ``path`` have three options or more, and how many of them each rule flags."""
    counts: Counter[str] = Counter()
    total = 0
    for row in _jsonl(path):
        listed = row.get("options") or [row["answer"], *_strings(row["distractors"])]
        texts, answer = _strings(listed), str(row["answer"])
        if len(texts) < 3 or answer not in texts:
            continue
        total += 1
        options = tuple(Option(option_letter(index), text) for index, text in enumerate(texts))
        question = re.sub(r"_{2,}", BLANK, str(row["question"]))
        item = MultipleChoice(str(row["id"]), question, options, option_letter(texts.index(answer)), "", _NO_SOURCE)
        flaws = {finding.flaw for finding in check_item(item)} - (set() if "options" in row else {"numeric-order"})
        counts.update(flaws | ({"any"} if flaws else set()))
    return total, counts


_NO_SOURCE = Source("", "")


def _strings(value: object) -> list[str]:
    return [str(element) for element in value] if isinstance(value, list) else []


def _flaw_counts(pairs: Sequence[tuple[Document, Quiz]], builder: QuizBuilder) -> tuple[Counter[str], Counter[str]]:
    """Findings by rule (and ``all``) before and after the builder's gate, for these documents."""
    after = Counter(finding.flaw for _, quiz in pairs for finding in check_quiz(quiz))
    left_out = Counter(finding.flaw for document, _ in pairs for finding in builder.flagged.get(document.id, []))
    before = after + left_out
    before["all"], after["all"] = sum(before.values()), sum(after.values())
    return before, after


def _gate_row(subject: str, pairs: Sequence[tuple[Document, Quiz]], builder: QuizBuilder) -> str:
    words = sum(len(_text(document).split()) for document, _ in pairs)
    kept = sum(len(quiz.items) for _, quiz in pairs)
    dropped = sum(len({f.item_id for f in builder.flagged.get(document.id, [])}) for document, _ in pairs)
    share = f"{dropped} ({100 * dropped / max(kept + dropped, 1):.0f}%)"
    return (
        f"| {subject} | {kept + dropped} | {share} | {500 * (kept + dropped) / words:.1f} | {500 * kept / words:.1f} |"
    )


def _item_cues(item: MultipleChoice, text: str) -> list[str]:
    cues = []
    title = _TITLE_BEFORE_BLANK.search(item.question)
    wrong = [o.text for o in item.options if o.id != item.answer]
    if title and not all(_mentions(text, f"{title.group(1)} {o.split()[-1]}") for o in wrong):
        cues.append("title mismatch")
    article = _ARTICLE_BEFORE_BLANK.search(item.question)
    if article and any(indefinite_article(o.text) != article.group(1).lower() for o in item.options):
        cues.append("a/an mismatch")
    answer = item.answer_text
    if answer.islower() and any(
        o.text.islower() and o.text.endswith("s") != answer.endswith("s") for o in item.options
    ):
        cues.append("number mismatch")
    if not answer[:1].isdigit() and len({o.text[:1].isupper() for o in item.options if not o.text[:1].isdigit()}) > 1:
        cues.append("case mismatch")
    return cues


def _in_listing(sentence: str, answer: str) -> bool:
    """Whether ``answer`` stands in a list of the sentence: ", answer," or ", answer and" or "answer, x and"."""
    at = sentence.find(answer)
    if at < 0:
        return False
    before, after = sentence[:at].rstrip(), sentence[at + len(answer) :]
    return before.endswith(",") and (after.startswith(",") or after.lstrip().startswith(("and ", "or ")))


def _longest(item: MultipleChoice) -> list[str]:
    top = max(len(option.text) for option in item.options)
    return [option.id for option in item.options if len(option.text) == top]


def _credit(item: MultipleChoice, picks: list[str]) -> float:
    return (1 / len(picks)) if item.answer in picks else 0.0


def _mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _document(identifier: str, title: str, passage: str) -> Document:
    digest = hashlib.sha256(passage.encode()).hexdigest()
    source = SourceFile(file=f"{identifier}.txt", sha256=digest)
    return Document(identifier, title, "", (), (Section(None, (passage,)),), source)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _f1(prediction: str, truth: str) -> float:
    ours, theirs = _tokens(prediction), _tokens(truth)
    common = sum((Counter(ours) & Counter(theirs)).values())
    if not common:
        return 0.0
    precision, recall = common / len(ours), common / len(theirs)
    return 2 * precision * recall / (precision + recall)


def report_squad(path: Path) -> None:
    rows = _jsonl(path)
    passages: dict[str, dict[str, object]] = {}
    truths: dict[str, list[list[str]]] = defaultdict(list)
    for row in rows:
        key = str(row["passage_id"])
        passages.setdefault(key, row)
        truths[key].append([str(row["answer"]), *[str(a) for a in row.get("alt_answers", [])]])  # type: ignore[attr-defined]
    documents = [
        _document(re.sub(r"\W+", "-", key), str(row["title"]), str(row["passage"])) for key, row in passages.items()
    ]
    builder = QuizBuilder()
    builder.add(documents)
    ours = [[_item_answer(item) for item in quiz.items] for quiz in builder.build().quizzes]
    entities = [[str(e.text) for e in pipeline()(str(row["passage"])).ents] for row in passages.values()]
    print("## Answer-target agreement (SQuAD 2.0 sample)\n")
    print(f"{len(passages)} passages, {len(rows)} human questions; a match is token F1 >= 0.5 with any annotator.\n")
    print("| answers | per passage | precision | recall |")
    print("| --- | --- | --- | --- |")
    for label, answers in (("quizgen items", ours), ("all named entities (baseline)", entities)):
        precision, recall = _agreement(answers, [truths[key] for key in passages])
        print(f"| {label} | {sum(map(len, answers)) / len(passages):.1f} | {precision:.3f} | {recall:.3f} |")
    print()


def _item_answer(item: object) -> str:
    if isinstance(item, MultipleChoice):
        return item.answer_text
    blanks = getattr(item, "blanks", None)
    if blanks:
        return str(blanks[0].answer)
    return str(getattr(item, "explanation", "")).split("[", 1)[-1].split("]", 1)[0]


def _agreement(answers: list[list[str]], truths: list[list[list[str]]]) -> tuple[float, float]:
    matched = sum(
        any(_f1(answer, alt) >= 0.5 for question in question_set for alt in question)
        for passage_answers, question_set in zip(answers, truths, strict=True)
        for answer in passage_answers
    )
    covered = sum(
        any(_f1(answer, alt) >= 0.5 for answer in passage_answers for alt in question)
        for passage_answers, question_set in zip(answers, truths, strict=True)
        for question in question_set
    )
    return matched / max(sum(map(len, answers)), 1), covered / sum(map(len, truths))


@dataclass
class Ranking:
    """Metrics of one item's ranked wrong options against the human ones."""

    p1: float
    f1_3: float
    mrr: float
    ndcg10: float


def score(ranked: Sequence[str], gold: Iterable[str]) -> Ranking:
    """P@1, F1@3, MRR and NDCG@10 (ideal: all three human distractors ranked first), lower-cased exact match."""
    truth = {g.lower().strip() for g in gold}
    hits = [candidate.lower().strip() in truth for candidate in ranked[:10]]
    top3 = sum(hits[:3])
    precision, recall = top3 / 3, top3 / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if top3 else 0.0
    first = next((rank for rank, hit in enumerate(hits, 1) if hit), None)
    dcg = sum(1 / math.log2(rank + 1) for rank, hit in enumerate(hits, 1) if hit)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(truth), 10) + 1))
    return Ranking(float(hits[:1] == [True]), f1, 1 / first if first else 0.0, dcg / ideal)


def report_dgen(path: Path) -> None:
    rows = _jsonl(path)
    documents = [_document(f"dgen-{index}", "DGen", str(row["passage"])) for index, row in enumerate(rows)]
    answers = _dgen_answers(rows, documents)
    pool = Pool()
    for document_answers in answers.values():
        pool.add_all(document_answers)
    distractors = Distractors(pool, lexicon(), load_knowledge())
    ours, floor = [], []
    gold_answers = [str(row["answer"]) for row in rows]
    for index, row in enumerate(rows):
        gold = [str(d) for d in row["distractors"]]  # type: ignore[attr-defined]
        answer = answers[index][0] if answers[index] else None
        ranked = distractors.rank(answer, random.Random(index), 10) if answer else []
        ours.append(score(ranked, gold))
        floor.append(score(_naive(gold_answers, index), gold))
    print("## Distractor agreement (DGen cloze test)\n")
    print(f"{len(rows)} items; top 10 candidates against the 3 human distractors; standard NDCG@10 (ideal: 3 hits).\n")
    print("| ranking | P@1 | F1@3 | MRR | NDCG@10 |")
    print("| --- | --- | --- | --- | --- |")
    for label, rankings in (("quizgen", ours), ("naive floor (other answers by length and frequency)", floor)):
        mean = {name: 100 * sum(getattr(r, name) for r in rankings) / len(rankings) for name in Ranking.__annotations__}
        print(f"| {label} | {mean['p1']:.2f} | {mean['f1_3']:.2f} | {mean['mrr']:.2f} | {mean['ndcg10']:.2f} |")
    print()


def _dgen_answers(rows: list[dict[str, object]], documents: list[Document]) -> dict[int, list[Answer]]:
    """Each item's given answer as an :class:`Answer` (first), then the other answers found in its sentence."""
    result: dict[int, list[Answer]] = {}
    context = DocumentContext(frozenset(), frozenset())
    for index, (_, sentences) in enumerate(analyse(documents)):
        found = [answer for sentence in sentences for answer in find_answers(sentence, context, lexicon())]
        given = str(rows[index]["answer"])
        match = next((a for a in found if normalise(a.text) == normalise(given)), None)
        if match is None and sentences:
            match = _as_term(sentences[0], given)
        result[index] = ([match] if match else []) + [a for a in found if a is not match]
    return result


def _as_term(sentence: ParsedSentence, text: str) -> Answer | None:
    start = sentence.text.lower().find(text.lower())
    if start < 0:
        return None
    offset = sentence.span.start_char
    tokens = [t for t in sentence.span if start <= t.idx - offset < start + len(text)]
    plural = bool(tokens) and tokens[-1].tag_ in ("NNS", "NNPS")
    return Answer(sentence.sentence, start, start + len(text), "term", 0.0, None, plural)


def _naive(answers: list[str], index: int) -> list[str]:
    """The floor: other items' answers, closest in word count and then in word frequency."""
    answer = answers[index]
    words, frequency = len(answer.split()), zipf(answer.split()[-1].lower())
    others = sorted(
        {other for position, other in enumerate(answers) if position != index and other.lower() != answer.lower()},
        key=lambda o: (abs(len(o.split()) - words), abs(zipf(o.split()[-1].lower()) - frequency), o),
    )
    return others[:10]


SHORT_ANSWER_WORDS = 4
"""An answer of at most this many words, found verbatim in its passage, counts as a short span."""
_COARSE_ENTITIES = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
    "DATE": "time",
    "TIME": "time",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "ORDINAL": "number",
}
_COARSE_POS = {"NOUN": "thing", "PROPN": "name", "VERB": "action", "AUX": "action", "ADJ": "quality"}


def coarse_kind(text: str) -> str:
    """The kind of a short option read on its own: an entity type, else its head word's part of speech."""
    doc = pipeline()(text.strip().rstrip("."))
    if not len(doc):
        return "other"
    entity = next((e for e in doc.ents if 2 * len(e) >= len(doc)), None)
    if entity is not None:
        return _COARSE_ENTITIES.get(str(entity.label_), "name")
    if any(token.like_num for token in doc):
        return "number"
    return _COARSE_POS.get(str(doc[:].root.pos_), "other")


def report_kinds(paths: list[Path]) -> None:
    print("## Distractor kind (RACE+ and QuAIL, short-span answers)\n")
    print(
        f"Items whose answer is at most {SHORT_ANSWER_WORDS} words and found in the passage; each of our top 3 wrong"
        " options counts when its coarse kind (entity type, else part of speech of its head) is one of the human"
        " distractors' kinds. The floor draws 3 other short answers of the same file; the last column is how often"
        " the human answer itself is of a human distractor's kind.\n"
    )
    print(
        "| data | items | our options | same kind as human | without lexical knowledge (of options)"
        " | floor: other answers | human answer's kind |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for path in paths:
        print(_kind_row(path))
    print()


def _kind_row(path: Path) -> str:
    rows = [row for row in _jsonl(path) if _short_span(row)]
    documents = [_document(f"kind-{index}", "Kinds", str(row["passage"])) for index, row in enumerate(rows)]
    answers = _span_answers(rows, documents)
    human_kinds = [{coarse_kind(str(d)) for d in row["distractors"]} for row in rows]  # type: ignore[attr-defined]
    short_answers = [_bare(str(row["answer"])) for row in rows]
    floor, human = [], []
    for index, kinds in enumerate(human_kinds):
        others = random.Random(index).sample([a for a in short_answers if a != short_answers[index]], 3)
        floor += [coarse_kind(text) in kinds for text in others]
        human.append(coarse_kind(short_answers[index]) in kinds)
    without, fewer = _same_kind_options(answers, human_kinds, semantic=False)
    ours, options = _same_kind_options(answers, human_kinds, semantic=True)
    name = path.name.split("_")[0]
    return (
        f"| {name} | {len(rows)} | {options} | {_share(ours)} | {_share(without)} of {fewer} | {_share(floor)}"
        f" | {_share(human)} |"
    )


def _same_kind_options(
    answers: dict[int, list[Answer]], human_kinds: list[set[str]], semantic: bool
) -> tuple[list[bool], int]:
    """For each of our top 3 wrong options of each item, whether its kind is a human distractor's; and their count."""
    pool = Pool()
    for found in answers.values():
        pool.add_all(found)
    distractors = Distractors(pool, lexicon(), load_knowledge() if semantic else None)
    hits: list[bool] = []
    for index, kinds in enumerate(human_kinds):
        answer = answers[index][0] if answers[index] else None
        ranked = distractors.rank(answer, random.Random(index), 3) if answer else []
        hits += [coarse_kind(text) in kinds for text in ranked]
    return hits, len(hits)


def _share(hits: list[bool]) -> str:
    return f"{100 * sum(hits) / max(len(hits), 1):.0f}%"


def _bare(answer: str) -> str:
    return answer.strip().rstrip(".")


def _short_span(row: dict[str, object]) -> bool:
    answer = _bare(str(row["answer"]))
    return len(answer.split()) <= SHORT_ANSWER_WORDS and answer.lower() in str(row["passage"]).lower()


def _span_answers(rows: list[dict[str, object]], documents: list[Document]) -> dict[int, list[Answer]]:
    """Each item's answer as an :class:`Answer` of the sentence holding it (first), then the passage's others."""
    result: dict[int, list[Answer]] = {}
    context = DocumentContext(frozenset(), frozenset())
    for index, (_, sentences) in enumerate(analyse(documents)):
        given = _bare(str(rows[index]["answer"]))
        found = [answer for sentence in sentences for answer in find_answers(sentence, context, lexicon())]
        match = next((a for a in found if normalise(a.text) == normalise(given)), None)
        holder = next((s for s in sentences if given.lower() in s.text.lower()), None)
        if match is None and holder is not None:
            match = _as_term(holder, given)
        result[index] = ([match] if match else []) + [a for a in found if a is not match]
    return result


if __name__ == "__main__":
    main()
