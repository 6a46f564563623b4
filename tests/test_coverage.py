"""Coverage (issue 13): a sentence whose subject points back is asked with what it points at named, where
one candidate agrees with it; the item still cites its sentence verbatim, and an ambiguous reference stays
unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.generate.nlp import analyse
from quizgen.generate.references import resolutions
from quizgen.model import Cloze, MultipleChoice, TrueFalse
from quizgen.read import read_document
from tests.samples import quiz_from_text


def resolved(folder: Path, paragraph: str, title: str = "Notes") -> str | None:
    """The last sentence of ``paragraph`` with its reference resolved, or ``None`` when it is not."""
    path = folder / "notes.txt"
    path.write_text(f"{title}\n\n{paragraph}\n", encoding="utf-8")
    ((_, sentences),) = list(analyse([read_document(path)]))
    last = resolutions(sentences)[-1]
    return None if last is None else last.parsed.text


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The Nile is the longest river in Africa. It originates deep in central Africa and flows north.",
            "The Nile originates deep in central Africa and flows north.",
        ),
        (  # a paragraph keeps meaning what its first sentence named
            "The Nile is the longest river in Africa. It originates deep in central Africa. It flows north "
            "through Egypt into the Mediterranean Sea.",
            "The Nile flows north through Egypt into the Mediterranean Sea.",
        ),
        (
            "Tectonic plates are large slabs of rock. They rest on the asthenosphere, a hot layer of the mantle.",
            "Tectonic plates rest on the asthenosphere, a hot layer of the mantle.",
        ),
        (
            "The Kingdom of Kush arose south of Egypt. Its capital was Kerma for many centuries.",
            "The Kingdom of Kush's capital was Kerma for many centuries.",
        ),
        (  # the one person the paragraph names, by the fullest name the document gives
            "Relief work was not new to Herbert Hoover. In 1900, he coordinated relief efforts in China.",
            "In 1900, Herbert Hoover coordinated relief efforts in China.",
        ),
        (  # "these N" after a sentence that names the N
            "Photosynthesis takes place inside a chloroplast. These chloroplasts are enclosed by a double membrane.",
            "The chloroplasts are enclosed by a double membrane.",
        ),
        (  # inside the subject, with the words that describe the N in the sentence before
            "Two different Neolithic cultures arose along the river. The people of these cultures lived in huts.",
            "The people of the different Neolithic cultures lived in huts.",
        ),
    ],
)
def test_a_subject_that_points_back_to_one_candidate_is_named(tmp_path: Path, paragraph: str, expected: str) -> None:
    assert resolved(tmp_path, paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Japan invaded Manchuria in 1931. It occupied Korea and southern Sakhalin Island.",  # Japan or Manchuria?
        "Lewis met William Clark in 1803. He led the expedition up the Missouri River.",  # Lewis or Clark?
        "The plates move slowly. It originates deep in central Africa.",  # a plural subject is no "it"
        "Herbert Hoover won the election of 1928. They celebrated the victory in New York.",
        "The source was unknown. It was surprising when Ivanovski found that the cause passed the filter.",
        "Treatments were tried. While treatments existed, their efficacy was limited.",  # stands alone already
        "The agreement was signed in 1935. This relationship was a precursor of later ties.",  # no relationship named
        "The Fertile Crescent is a region of valleys. Adjacent to this region was another valley.",  # not the subject
    ],
)
def test_an_ambiguous_or_missing_reference_stays_unresolved(tmp_path: Path, paragraph: str) -> None:
    assert resolved(tmp_path, paragraph) is None


NILE = """The Nile

The Nile River is the longest river in the world. It originates deep in central Africa and flows
thousands of miles north through Egypt before it spills into the Mediterranean Sea.

Tectonic plates are large slabs of the lithosphere. They rest on the asthenosphere, a hot layer of the
mantle that can flow very slowly.
"""


def test_items_of_a_resolved_sentence_cite_it_verbatim_and_name_the_referent(tmp_path: Path) -> None:
    quiz = quiz_from_text(tmp_path, NILE)
    resolved_items = [item for item in quiz.items if item.source.sentence.startswith(("It ", "They "))]
    assert resolved_items
    text = " ".join(NILE.split())
    for item in resolved_items:
        assert item.source.sentence in text  # the studio highlights the sentence: cited as written
        match item:
            case MultipleChoice():
                shown, answer = item.question, next(o.text for o in item.options if o.id == item.answer)
            case Cloze():
                shown, answer = item.text, item.blanks[0].answer
            case TrueFalse():
                shown, answer = item.statement, ""
            case _:
                continue
        assert shown.startswith(("The Nile River", "Tectonic plates")) or " the Nile River " in shown
        assert answer not in ("the Nile River", "Tectonic plates")


def title_resolved(folder: Path, title: str, paragraph: str) -> str | None:
    """The last sentence of ``paragraph``, in a document titled ``title``, with *the N* of the title's noun
    named as the title, or ``None`` when it is not."""
    path = folder / "notes.txt"
    path.write_text(f"{title}\n\n{paragraph}\n", encoding="utf-8")
    ((_, sentences),) = list(analyse([read_document(path)]))
    last = resolutions(sentences, title=title)[-1]
    return None if last is None else last.parsed.text


def test_the_title_noun_stands_for_the_title(tmp_path: Path) -> None:
    paragraph = (
        "Kerma was an early capital in Nubia. At that time, the kingdom stretched from the Nile delta "
        "south to the confluence of the Blue and White Niles."
    )
    assert title_resolved(tmp_path, "The Kingdom of Kush", paragraph) == (
        "At that time, the Kingdom of Kush stretched from the Nile delta south to the confluence of the Blue "
        "and White Niles."
    )


@pytest.mark.parametrize(
    ("title", "paragraph"),
    [
        (  # another kingdom named before: "the kingdom" may mean it
            "The Kingdom of Kush",
            "Traders of the Old Kingdom came south for gold. The kingdom stretched from the delta to the cataract.",
        ),
        ("The Seasons", "Earth is tilted on its axis. The seasons are caused by that tilt."),  # the title says no more
        ("The Kingdom of Kush", "Nubia lay south of Egypt. The kingdoms of the south traded gold."),  # another number
    ],
)
def test_the_title_noun_is_left_alone_where_it_may_mean_another(tmp_path: Path, title: str, paragraph: str) -> None:
    assert title_resolved(tmp_path, title, paragraph) is None


def test_an_item_naming_the_title_cites_its_sentence_verbatim(tmp_path: Path) -> None:
    text = (
        "The Kingdom of Kush\n\nKush was an African kingdom south of Egypt.\n\nExtent\n\n"
        "Meroe became a capital in Nubia. At that time, the kingdom stretched from the Nile delta south to "
        "the confluence of the Blue and White Niles outside Khartoum.\n"
    )
    quiz = quiz_from_text(tmp_path, text)
    named = [item for item in quiz.items if "stretched" in item.source.sentence]
    assert named, [str(item) for item in quiz.items]
    for item in named:
        assert item.source.sentence.startswith("At that time, the kingdom stretched")
        assert "Kingdom of Kush stretched" in str(item)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (  # the clause's own subject is never "him" of its clause: the one other person is
            "Herbert Hoover led the food relief effort in Europe. President Wilson later appointed him head "
            "of the Food Administration.",
            "President Wilson later appointed Herbert Hoover head of the Food Administration.",
        ),
        (  # two people named before: "him" may be either
            "Herbert Hoover met Calvin Coolidge in Europe. President Wilson later appointed him head of the "
            "Food Administration.",
            None,
        ),
    ],
)
def test_him_is_named_where_one_person_can_be_meant(tmp_path: Path, paragraph: str, expected: str | None) -> None:
    assert resolved(tmp_path, paragraph) == expected


def test_the_person_him_stands_for_is_no_wrong_option(tmp_path: Path) -> None:
    text = (
        "Herbert Hoover\n\nHerbert Hoover was president of the United States.\n\nEarly years\n\n"
        "Herbert Hoover led the food relief effort in Europe during the war. President Woodrow Wilson later "
        "appointed him head of the Food Administration.\nPresident Calvin Coolidge praised the work of the "
        "Food Administration in 1925.\n"
    )
    quiz = quiz_from_text(tmp_path, text)
    asked = [item for item in quiz.items if "appointed" in item.source.sentence]
    assert asked, [str(item) for item in quiz.items]
    for item in asked:
        if isinstance(item, Cloze | MultipleChoice):
            shown = str(item)
            assert "Herbert Hoover head" in shown
            wrong = [o.text for o in item.options] if isinstance(item, MultipleChoice) else item.blanks[0].distractors
            assert "Herbert Hoover" not in wrong
