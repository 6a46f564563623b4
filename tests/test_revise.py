"""Revising one item: the builder's next-best wrong options for a swap, and another item from the same sentence."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from quizgen.check import check_item
from quizgen.generate import build_quiz, item_reviser
from quizgen.generate.revise import ItemReviser, shown_texts
from quizgen.generate.words import normalise
from quizgen.model import Cloze, Document, MultipleAnswer, MultipleChoice, Option, Quiz, Source, TrueFalse
from quizgen.quizfile import dumps
from quizgen.read import read_document
from tests.conftest import SEEDS


@cache
def built(name: str) -> tuple[Document, Quiz, ItemReviser]:
    document = read_document(SEEDS / name)
    return document, build_quiz(document), item_reviser(document)


def choice_items(quiz: Quiz) -> list[MultipleChoice]:
    return [item for item in quiz.items if isinstance(item, MultipleChoice)]


def test_candidates_are_new_wrong_options_that_keep_the_item_valid() -> None:
    _, quiz, reviser = built("french_revolution.txt")
    offered = 0
    for item in choice_items(quiz):
        candidates = reviser.option_candidates(item)
        shown = {normalise(option.text) for option in item.options}
        assert not shown & {normalise(text) for text in candidates}
        assert len(set(candidates)) == len(candidates)
        offered += len(candidates)
        for candidate in candidates:
            wrong = next(option for option in item.options if option.id != item.answer)
            swapped = replace(
                item,
                options=tuple(Option(o.id, candidate) if o is wrong else o for o in item.options),
            )
            dumps(replace(quiz, items=(swapped,)))
    assert offered > 0, "no multiple-choice item of the seed got a single candidate"


def test_candidates_follow_the_builders_ranking_and_the_seed() -> None:
    document, quiz, reviser = built("french_revolution.txt")
    item = next(item for item in choice_items(quiz) if reviser.option_candidates(item))
    assert reviser.option_candidates(item) == item_reviser(document).option_candidates(item)
    assert reviser.option_candidates(item, limit=2) == reviser.option_candidates(item)[:2]


def test_an_edited_item_is_still_found_by_its_id() -> None:
    _, quiz, reviser = built("french_revolution.txt")
    item = choice_items(quiz)[0]
    reworded = replace(item, question="Reworded by the teacher?")
    assert reviser.answer_of(reworded) is reviser.answer_of(item) is not None


def test_a_teachers_own_item_has_no_candidates_and_no_rebuild() -> None:
    _, _, reviser = built("french_revolution.txt")
    own = TrueFalse("q-000000000000", "Paris is in France.", True, "", Source("Mine", "Paris is in France."))
    assert reviser.answer_of(own) is None
    assert reviser.option_candidates(own) == []
    assert reviser.rebuild_item(own) is None


def test_rebuild_gives_another_item_of_the_same_sentence_never_one_the_quiz_has() -> None:
    _, quiz, reviser = built("plate_tectonics.md")
    rebuilt = 0
    for item in quiz.items:
        taken = {other.id for other in quiz.items if other is not item}
        new = reviser.rebuild_item(item, taken)
        if new is None:
            continue
        rebuilt += 1
        assert new != item
        assert new.source.sentence == item.source.sentence
        assert new.id not in taken
        assert check_item(new) == [], "the builder's gate passes a rebuilt item too"
        assert new == reviser.rebuild_item(item, taken), "the same request gives the same item"
        dumps(replace(quiz, items=(new,)))
    assert rebuilt >= len(quiz.items) // 2


def test_asking_again_walks_on_through_the_candidates() -> None:
    _, quiz, reviser = built("plate_tectonics.md")
    walks = []
    for item in quiz.items[:3]:  # a sentence whose other answers are all unaskable has none to walk to
        seen = [item]
        current = item
        for _ in range(4):
            new = reviser.rebuild_item(current, {other.id for other in quiz.items if other is not item})
            if new is None:
                break
            seen.append(new)
            current = new
        walks.append(len(seen))
    assert max(walks) >= 2


def test_shown_texts_cover_every_item_type() -> None:
    seen = set()
    for name in ("plate_tectonics.md", "water_cycle.txt", "french_revolution.txt"):
        _, quiz, _ = built(name)
        for item in quiz.items:
            texts = shown_texts(item)
            seen.add(type(item))
            if isinstance(item, (MultipleChoice, MultipleAnswer)):
                assert texts == [option.text for option in item.options]
            elif isinstance(item, Cloze):
                assert item.blanks[0].answer in texts
            else:
                assert texts == []
    assert {MultipleChoice, Cloze} <= seen
    # the seeds' sentences make no true/false statement said in other words: one built by hand
    statement = TrueFalse("tf-1", "Norway ruled Iceland until 1918.", True, "", Source("History", "Iceland ..."))
    assert shown_texts(statement) == []
