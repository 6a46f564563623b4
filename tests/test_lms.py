"""LMS exports (GIFT, Moodle XML, QTI 1.2) read back by real parsers: same questions, options and answers.

GIFT is parsed with pygiftparser; Moodle XML and QTI with ``xml.etree``, Moodle's
cloze answers with a port of Moodle's own regular expressions, and QTI is checked
against the content model of the IMS QTI 1.2 ASI binding and what Canvas reads.
"""

from __future__ import annotations

import html
import io
import json
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.export.gift import render_gift
from quizgen.export.moodle import render_moodle
from quizgen.export.player import embedded_json, render_player
from quizgen.export.qti import render_qti
from quizgen.export.render import ordinal
from quizgen.export.templating import bundled_templates
from quizgen.model import Blank, Cloze, Item, Matching, MultipleAnswer, MultipleChoice, Ordering, Quiz, TrueFalse
from quizgen.quizfile import dumps, load_quiz, quiz_from_json
from quizgen.read import find_documents
from tests.conftest import SEEDS, CliRun
from tests.samples import SOURCE, hostile_quiz, mcq, pipeline_quizzes, plain_quiz

with warnings.catch_warnings():  # importing pygiftparser warns about deprecated locale and pkg_resources calls
    warnings.simplefilter("ignore")
    from pygiftparser import answer as gift_answers  # type: ignore[import-untyped]
    from pygiftparser import parser as gift_parser

# ---------------------------------------------------------------------------------------------------------------
# Quizzes: built by the real pipeline from seeds/, and by hand with every item type and hostile text (tests/samples.py).


@pytest.fixture(scope="module")
def seeds_quizzes() -> tuple[Quiz, ...]:
    return pipeline_quizzes()


def all_quizzes(seeds: tuple[Quiz, ...], for_pygiftparser: bool = False) -> list[Quiz]:
    return [hostile_quiz(for_pygiftparser), plain_quiz(), *seeds]


# ---------------------------------------------------------------------------------------------------------------
# What a reader recovers of an item, and what it should recover.

BLANK = "_____"
MARKER = re.compile(r"\{\{([0-9]+)\}\}")


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: str
    options: tuple[str, ...]
    answers: tuple[tuple[str, ...], ...]
    """Multiple choice and true/false: the correct choice. Cloze: the accepted answers of each blank, in text order."""
    explanation: str


def blank_ids(item: Cloze) -> list[int]:
    return [int(number) for number in MARKER.findall(item.text)]


def accepted(blank: Blank) -> tuple[str, ...]:
    return (blank.answer, *blank.accept)


def expected(item: Item) -> Question:
    """The item as every format should give it back."""
    if isinstance(item, MultipleChoice):
        options = tuple(option.text for option in item.options)
        return Question("multiple_choice", item.question, options, ((item.answer_text,),), item.explanation)
    if isinstance(item, TrueFalse):
        return Question("true_false", item.statement, (), ((str(item.answer),),), item.explanation)
    if isinstance(item, MultipleAnswer):
        options = tuple(option.text for option in item.options)
        return Question("multiple_answer", item.question, options, (item.answer_texts,), item.explanation)
    if isinstance(item, Matching):
        pairs = tuple((pair.left, pair.right) for pair in item.pairs)
        return Question("matching", item.prompt, (), pairs, item.explanation)
    if isinstance(item, Ordering):
        return Question("ordering", item.prompt, (), (tuple(e.text for e in item.events),), item.explanation)
    blanks = {blank.id: blank for blank in item.blanks}
    answers = tuple(accepted(blanks[number]) for number in blank_ids(item))
    return Question("cloze", MARKER.sub(BLANK, item.text), (), answers, item.explanation)


def expected_gift(item: Item) -> list[Question]:
    """GIFT has one blank per question: a cloze item is asked once per blank, the other blanks filled in.
    It has no ordering question: an ordering item is left out."""
    if isinstance(item, Ordering):
        return []
    if not isinstance(item, Cloze) or len(item.blanks) == 1:
        return [expected(item)]
    blanks = {blank.id: blank for blank in item.blanks}

    def asking(asked: int) -> Question:
        text = MARKER.sub(lambda match: BLANK if int(match[1]) == asked else blanks[int(match[1])].answer, item.text)
        return Question("cloze", text, (), (accepted(blanks[asked]),), item.explanation)

    return [asking(number) for number in blank_ids(item)]


# ---------------------------------------------------------------------------------------------------------------
# GIFT, read by pygiftparser.


def gift_unescape(text: str) -> str:
    """What Moodle makes of GIFT text: ``[plain]`` format marker dropped, ``\\x`` -> ``x``, ``\\n`` -> line break."""
    text = text.strip().removeprefix("[plain]")
    return re.sub(r"\\(.)", lambda match: "\n" if match[1] == "n" else match[1], text)


def read_gift(text: str) -> list[Question]:
    questions = gift_parser.parseFile(io.StringIO(text))
    return [gift_question(question) for question in questions]


def gift_question(question: gift_parser.Question) -> Question:
    assert question.valid, question.full
    prompt = gift_unescape(question.text)
    explanation = gift_unescape(question.generalFeedback)
    answers = question.answers
    if isinstance(answers, gift_answers.TrueFalseSet):
        return Question("true_false", prompt, (), ((str(answers.answer),),), explanation)
    if isinstance(answers, gift_answers.MatchingSet):
        pairs = tuple((gift_unescape(a.question), gift_unescape(a.answer)) for a in answers.answers)
        return Question("matching", prompt, (), pairs, explanation)
    texts = tuple(gift_unescape(answer.answer) for answer in answers.answers)
    if isinstance(answers, gift_answers.MultipleChoicesSet):
        right = tuple(text for text, answer in zip(texts, answers.answers, strict=True) if answer.fraction > 0)
        assert sum(a.fraction for a in answers.answers if a.fraction > 0) == pytest.approx(100, abs=0.01)
        assert sum(a.fraction for a in answers.answers if a.fraction < 0) == pytest.approx(-100, abs=0.01)
        return Question("multiple_answer", prompt, texts, (right,), explanation)
    if isinstance(answers, gift_answers.ShortSet):
        return Question("cloze", prompt, (), (tuple(map(literal_answer, texts)),), explanation)
    assert isinstance(answers, gift_answers.SelectSet), type(answers)
    right = tuple(text for text, answer in zip(texts, answers.answers, strict=True) if answer.fraction == 100)
    return Question("multiple_choice", prompt, texts, (right,), explanation)


def test_gift_parses_into_the_same_questions_with_the_same_answers(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes, for_pygiftparser=True):
        text = render_gift(quiz)

        parsed = read_gift(text)

        wanted = [question for item in quiz.items for question in expected_gift(item)]
        assert len(parsed) == len(wanted), quiz.id
        assert parsed == wanted


def test_gift_escapes_every_special_as_moodle_reads_it() -> None:
    text = render_gift(hostile_quiz())

    assert "\\~ \\= \\# \\{ \\} \\: \\\\ " in text
    assert "\t~[html] \\{curly\\} -> arrow" not in text
    assert "\t~[plain][html] \\{curly\\} -> arrow\n" in text  # a leading "[html]" would set the answer's format
    assert "\t~[plain]% of voters\n" in text  # a leading "%" would be read as a weight
    assert "\t=C\\:\\\\ & <x> \\#1\\}\n\t=see colon\n" in text
    assert "$CATEGORY: $course$/top/Rock & Roll <//script><script>alert(1)<//script> {x} a//b " in text


def test_gift_questions_are_separated_by_blank_lines_and_name_their_item() -> None:
    text = render_gift(plain_quiz())

    blocks = text.strip().split("\n\n")
    assert blocks[0].startswith("// Capitals")
    assert blocks[1].startswith(
        "// [id:mcq-1] [tag:quizgen-id:mcq-1]\n::What is the capital of France?::[plain]What is the capital of France?{"
    )
    assert [block.splitlines()[0] for block in blocks[1:]] == [
        "// [id:mcq-1] [tag:quizgen-id:mcq-1]",
        "// [id:cloze-1] [tag:quizgen-id:cloze-1]",
        "// [id:tf-1] [tag:quizgen-id:tf-1]",
    ]
    assert "\t####Paris has been the capital since 508.\n}" in blocks[1]


# ---------------------------------------------------------------------------------------------------------------
# Moodle XML, read with xml.etree and Moodle's cloze syntax.

# Moodle's ANSWER_ALTERNATIVE_REGEX (question/type/multianswer/questiontype.php), its lookbehind split in three.
_ALTERNATIVE = r"(=|%-?[0-9]+(?:[.,][0-9]*)?%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(?:#(.*?(?<!\\)(?=[~}]|$)))?"
_PLAIN_ALTERNATIVE = re.sub(r"\((?!\?)", "(?:", _ALTERNATIVE)
_CLOZE_PART = re.compile(
    r"\{([0-9]*):(?:SHORTANSWER|SA|MW):(" + _PLAIN_ALTERNATIVE + r"(?:~" + _PLAIN_ALTERNATIVE + r")*)\}", re.S
)


def moodle_wildcard_match(answer: str, pattern: str) -> bool:
    """Whether Moodle's short-answer matcher accepts ``answer`` for ``pattern``, ignoring case: a port of
    ``qtype_shortanswer_question::compare_string_with_wildcard`` (``*`` matches anything, ``\\*`` a star)."""
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regexp, answer.strip(), re.IGNORECASE | re.DOTALL) is not None


def literal_answer(pattern: str) -> str:
    """The one answer a wildcard-free Moodle pattern accepts: every ``*`` in it must be escaped."""
    assert not re.search(r"(?<!\\)\*", pattern), f"unescaped wildcard in {pattern!r}"
    return pattern.replace("\\*", "*")


def moodle_cloze_answers(alternatives: str) -> tuple[str, ...]:
    """The answers marked 100% in one ``{1:SHORTANSWER:...}`` part, decoded as Moodle does."""
    answers = []
    while match := re.match("~?" + _ALTERNATIVE, alternatives, re.S):
        if match[1] == "=":
            answers.append(literal_answer(html.unescape(match[2]).replace("\\}", "}").replace("\\#", "#")))
        alternatives = alternatives[match.end() :]
    return tuple(answers)


def text_of(node: ET.Element, path: str) -> str:
    found = node.find(path)
    assert found is not None, path
    return found.text or ""


def moodle_question(node: ET.Element) -> Question:
    kind = node.get("type")
    prompt_html = text_of(node, "questiontext/text")
    explanation = html.unescape(text_of(node, "generalfeedback/text"))
    answers = [(html.unescape(text_of(answer, "text")), answer.get("fraction")) for answer in node.findall("answer")]
    right = tuple(text for text, fraction in answers if fraction == "100")
    if kind == "multichoice" and text_of(node, "single") == "false":
        right = tuple(text for text, fraction in answers if float(fraction or 0) > 0)
        assert sum(float(fraction or 0) for _, fraction in answers if float(fraction or 0) > 0) == pytest.approx(
            100, abs=0.01
        )
        options = tuple(text for text, _ in answers)
        return Question("multiple_answer", html.unescape(prompt_html), options, (right,), explanation)
    if kind == "matching":
        pairs = tuple(
            (html.unescape(text_of(sub, "text")), text_of(sub, "answer/text")) for sub in node.findall("subquestion")
        )
        return Question("matching", html.unescape(prompt_html), (), pairs, explanation)
    if kind == "ordering":
        assert text_of(node, "selecttype") == "ALL"
        assert [answer.get("fraction") for answer in node.findall("answer")] == [
            str(n) for n in range(1, len(answers) + 1)
        ]
        return Question("ordering", html.unescape(prompt_html), (), (tuple(t for t, _ in answers),), explanation)
    if kind == "multichoice":
        assert text_of(node, "single") == "true"
        options = tuple(text for text, _ in answers)
        return Question("multiple_choice", html.unescape(prompt_html), options, (right,), explanation)
    if kind == "truefalse":
        assert [text for text, _ in answers] == ["true", "false"]
        return Question("true_false", html.unescape(prompt_html), (), ((right[0].title(),),), explanation)
    if kind == "shortanswer":
        assert text_of(node, "usecase") == "0"
        return Question("cloze", html.unescape(prompt_html), (), (tuple(map(literal_answer, right)),), explanation)
    assert kind == "cloze", kind
    blanks = tuple(moodle_cloze_answers(match[2]) for match in _CLOZE_PART.finditer(prompt_html))
    return Question("cloze", html.unescape(_CLOZE_PART.sub(BLANK, prompt_html)), (), blanks, explanation)


def read_moodle(data: bytes) -> tuple[str, list[Question]]:
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    return text_of(category, "category/text"), [moodle_question(question) for question in questions]


def test_moodle_xml_reads_back_the_same_questions_and_answers(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        category, questions = read_moodle(render_moodle(quiz))

        assert category.startswith("$course$/top/")
        assert questions == [expected(item) for item in quiz.items], quiz.id


def test_moodle_xml_uses_the_types_moodle_imports() -> None:
    root = ET.fromstring(render_moodle(hostile_quiz()))

    assert [question.get("type") for question in root] == [
        "category",
        "multichoice",
        "truefalse",
        "truefalse",
        "shortanswer",
        "cloze",
    ]
    multichoice = root[1]
    assert text_of(multichoice, "shuffleanswers") == "false"
    assert text_of(multichoice, "answernumbering") == "ABCD"
    assert text_of(multichoice, "idnumber") == "mcq-hostile"
    assert [tag.findtext("text") for tag in multichoice.iter("tag")] == [
        "doc:hostile",
        "type:multiple_choice",
        "quizgen-id:mcq-hostile",
    ]
    assert text_of(root[0], "category/text") == "$course$/top/" + hostile_quiz().title.replace("/", "//")


def wildcard_quiz() -> Quiz:
    one = Cloze("star-one", "The company is {{1}}.", (Blank(1, "AT*T", accept=("A*",)),), "", SOURCE)
    two = Cloze("star-two", "{{1}} and {{2}}.", (Blank(1, "AT*T"), Blank(2, "2*3")), "", SOURCE)
    return replace(plain_quiz(), items=(one, two))


def test_a_star_in_an_answer_is_no_moodle_wildcard() -> None:
    quiz = wildcard_quiz()
    root = ET.fromstring(render_moodle(quiz))
    gift = "\n".join(line for line in render_gift(quiz).splitlines() if line.startswith("\t="))

    patterns = [text_of(answer, "text") for answer in root[1].findall("answer")]
    patterns += [m for part in _CLOZE_PART.finditer(text_of(root[2], "questiontext/text")) for m in [part[2]]]
    assert len(patterns) == 4
    for pattern in patterns[:2]:
        assert moodle_wildcard_match("AT*T", pattern) or moodle_wildcard_match("A*", pattern)
        assert not moodle_wildcard_match("ATXYZT", pattern) and not moodle_wildcard_match("Apple", pattern)
    cloze_patterns = [html.unescape(p).removeprefix("=") for p in patterns[2:]]
    assert not moodle_wildcard_match("ATXYZT", cloze_patterns[0]) and moodle_wildcard_match("AT*T", cloze_patterns[0])
    assert not moodle_wildcard_match("2993", cloze_patterns[1])
    gift_patterns = [gift_unescape(line.strip().removeprefix("=")) for line in gift.splitlines()]
    assert gift_patterns and all(not moodle_wildcard_match("ATXYZT", p) for p in gift_patterns)
    assert moodle_wildcard_match("AT*T", gift_patterns[0])


# Moodle's qformat_gift reads an id number and tags from the comment before a question.
GIFT_ID = re.compile(r"\[id:((?:\\.|[^]\\])*)\]")
GIFT_TAG = re.compile(r"\[tag:((?:\\.|[^]\\])*)\]")


def gift_unbracket(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.strip())


def test_gift_comments_carry_the_id_and_tags_moodle_reads() -> None:
    quiz = hostile_quiz()
    blocks = render_gift(quiz).strip().split("\n\n")[1:]

    comments = [block.splitlines()[0] for block in blocks]
    expected_items = [item for item in quiz.items for _ in expected_gift(item)]
    assert len(comments) == len(expected_items)
    for comment, item in zip(comments, expected_items, strict=True):
        (idnumber,) = GIFT_ID.findall(comment)
        assert gift_unbracket(idnumber) == item.id
        assert [gift_unbracket(tag) for tag in GIFT_TAG.findall(comment)] == [*item.tags, f"quizgen-id:{item.id}"]


def test_moodle_cloze_is_worth_what_moodle_makes_it_and_keeps_its_id_in_a_tag() -> None:
    root = ET.fromstring(render_moodle(hostile_quiz()))

    grades = {text_of(q, "idnumber"): text_of(q, "defaultgrade") for q in root.findall("question")[1:]}
    assert grades == {"mcq-hostile": "1", "tf-true": "1", "tf-false": "1", "cloze-one": "1", "cloze-two": "2"}
    for question in root.findall("question")[1:]:
        tags = [tag.findtext("text") for tag in question.iter("tag")]
        assert f"quizgen-id:{text_of(question, 'idnumber')}" in tags


def test_moodle_cloze_text_holds_no_syntax_from_the_document() -> None:
    root = ET.fromstring(render_moodle(hostile_quiz()))

    cloze_html = text_of(root[5], "questiontext/text")
    assert len(_CLOZE_PART.findall(cloze_html)) == 2  # the document's own "{1:SA:=x}" is not a third blank
    assert "<script>" not in cloze_html and "<i>" not in cloze_html


# ---------------------------------------------------------------------------------------------------------------
# QTI 1.2, read with xml.etree and checked against the ASI content model and what Canvas reads.

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CANVAS_TYPES = {
    MultipleChoice.type: "multiple_choice_question",
    TrueFalse.type: "true_false_question",
    Cloze.type: "short_answer_question",
}

# Content models of the elements quizgen writes, from the IMS QTI 1.2 ASI XML binding (ims_qtiasiv1p2),
# as regular expressions over the sequence of child element names (each followed by a space).
CONTENT_MODELS = {
    "questestinterop": r"(qticomment )?(objectbank |assessment |((section |item )+))",
    "assessment": r"(qticomment )?(duration )?(qtimetadata )*(objectives )*(assessmentcontrol )*(rubric )*"
    r"(presentation_material )?(outcomes_processing )*(assessproc_extension )?(assessfeedback )*"
    r"(selection_ordering )?(reference )?((sectionref |section )+)",
    "section": r"(qticomment )?(duration )?(qtimetadata )*(objectives )*(sectioncontrol )*(sectionprecondition )*"
    r"(sectionpostcondition )*(rubric )*(presentation_material )?(outcomes_processing )*(sectionproc_extension )?"
    r"(sectionfeedback )*(selection_ordering )?(reference )?((itemref |item |sectionref |section )*)",
    "item": r"(qticomment )?(duration )?(itemmetadata )?(objectives )*(itemcontrol )*(itemprecondition )*"
    r"(itempostcondition )*((itemrubric |rubric )*)(presentation )?(resprocessing )*(itemproc_extension )?"
    r"(itemfeedback )*(reference )?",
    "itemmetadata": r"(qtimetadata )*",
    "qtimetadata": r"(vocabulary )?(qtimetadatafield )+",
    "qtimetadatafield": r"fieldlabel fieldentry ",
    "presentation": r"(qticomment )?(flow |((material |response_lid |response_xy |response_str |response_num "
    r"|response_grp |response_extension )+))",
    "material": r"(qticomment )?((mattext |matemtext |matimage |mataudio |matvideo |matapplet |matapplication "
    r"|matref |matbreak |mat_extension )+)(altmaterial )*",
    "response_lid": r"((material |material_ref ))?(render_choice |render_hotspot |render_slider |render_fib "
    r"|render_extension )((material |material_ref ))?",
    "response_str": r"((material |material_ref ))?(render_choice |render_hotspot |render_slider |render_fib "
    r"|render_extension )((material |material_ref ))?",
    "render_choice": r"((material |material_ref |response_label |flow_label )*)(response_na )?",
    "render_fib": r"((material |material_ref |response_label |flow_label )*)(response_na )?",
    "response_label": r"((qticomment |material |material_ref |flow_mat )*)",
    "resprocessing": r"(qticomment )?outcomes ((respcondition |itemproc_extension )+)",
    "outcomes": r"(qticomment )?((decvar (interpretvar )*)+)",
    "respcondition": r"(qticomment )?conditionvar (setvar )*(displayfeedback )*(respcond_extension )?",
    "conditionvar": r"((not |and |or |unanswered |other |varequal |varlt |varlte |vargt |vargte |varsubset "
    r"|varinside |varsubstring |durequal |durlt |durlte |durgt |durgte |var_extension )+)",
    "and": r"((not |and |or |unanswered |other |varequal )+)",
    "not": r"(not |and |or |unanswered |other |varequal )",
    "itemfeedback": r"((flow_mat |material |solution |hint )+)",
    "flow_mat": r"(qticomment )?((flow_mat |material |material_ref )+)",
}
EMPTY = {"fieldlabel", "fieldentry", "mattext", "decvar", "other", "varequal", "setvar", "displayfeedback"}
REQUIRED_ATTRIBUTES = {
    "assessment": {"ident"},
    "section": {"ident"},
    "item": {"ident"},
    "response_lid": {"ident"},
    "response_str": {"ident"},
    "response_label": {"ident"},
    "varequal": {"respident"},
    "displayfeedback": {"linkrefid"},
    "itemfeedback": {"ident"},
}
ENUMERATIONS = {
    "rcardinality": {"Single", "Multiple", "Ordered"},
    "action": {"Set", "Add", "Subtract", "Multiply", "Divide"},
    "vartype": {"Integer", "String", "Decimal", "Scientific", "Boolean", "Enumerated", "Set"},
    "continue": {"Yes", "No"},
    "rshuffle": {"Yes", "No"},
    "feedbacktype": {"Response", "Solution", "Hint"},
}


def local(tag: str) -> str:
    assert tag.startswith(QTI), f"{tag} is not in the QTI 1.2 namespace"
    return tag[len(QTI) :]


def check_qti_structure(node: ET.Element) -> None:
    """Check ``node`` and its descendants against the QTI 1.2 ASI content models above."""
    name = local(node.tag)
    children = "".join(local(child.tag) + " " for child in node)
    if name in EMPTY:
        assert children == "", f"<{name}> holds elements"
    else:
        assert name in CONTENT_MODELS, f"<{name}> is not an element quizgen should write"
        assert re.fullmatch(CONTENT_MODELS[name], children), f"<{name}> holds {children!r}"
    assert REQUIRED_ATTRIBUTES.get(name, set()) <= set(node.attrib), f"<{name}> lacks an attribute"
    for attribute, allowed in ENUMERATIONS.items():
        assert node.get(attribute, next(iter(allowed))) in allowed, f"<{name} {attribute}={node.get(attribute)!r}>"
    for child in node:
        check_qti_structure(child)


def read_qti_zip(data: bytes) -> ET.Element:
    """Check the package as Canvas opens it; return the assessment document's root."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    assert re.match(r"[A-Za-z_]", manifest.get("identifier", "")), "an xs:ID must start with a letter"
    (resource,) = manifest.iter(f"{CP}resource")
    assert resource.get("type") == "imsqti_xmlv1p2"
    assert re.match(r"[A-Za-z_]", resource.get("identifier", ""))
    file = resource.find(f"{CP}file")
    assert file is not None
    assert sorted(archive.namelist()) == sorted(["imsmanifest.xml", str(file.get("href"))])
    root = ET.fromstring(archive.read(str(file.get("href"))))
    assert root.tag == f"{QTI}questestinterop"
    return root


def metadata(item: ET.Element) -> dict[str, str]:
    fields = item.iterfind(f"{QTI}itemmetadata/{QTI}qtimetadata/{QTI}qtimetadatafield")
    return {text_of(field, f"{QTI}fieldlabel"): text_of(field, f"{QTI}fieldentry") for field in fields}


@dataclass(frozen=True)
class Rule:
    """A scoring ``respcondition``: its ``setvar`` and the ``(respident, value)`` of each ``varequal``."""

    action: str
    points: str
    matches: tuple[tuple[str, str], ...]


def conditions(item: ET.Element) -> list[ET.Element]:
    """The scoring conditions of an item (those that set a score), in order."""
    found = item.iterfind(f"{QTI}resprocessing/{QTI}respcondition")
    return [condition for condition in found if condition.find(f"{QTI}setvar") is not None]


def scoring(item: ET.Element) -> list[Rule]:
    rules = []
    for condition in item.iterfind(f"{QTI}resprocessing/{QTI}respcondition"):
        setvar = condition.find(f"{QTI}setvar")
        if setvar is not None:  # the others only show feedback
            matches = tuple((str(v.get("respident")), v.text or "") for v in condition.iter(f"{QTI}varequal"))
            rules.append(Rule(str(setvar.get("action")), setvar.text or "", matches))
    return rules


def qti_question(item: ET.Element) -> Question:
    """Read one item the way Canvas's importer does, checking the references Canvas follows."""
    question_type = metadata(item)["question_type"]
    assert metadata(item)["points_possible"] == "1.0"
    presentation = item.find(f"{QTI}presentation")
    assert presentation is not None
    prompt_html = text_of(presentation, f"{QTI}material/{QTI}mattext")
    responses = {str(node.get("ident")): node for node in presentation if node.tag != f"{QTI}material"}
    labels = {
        label.get("ident"): text_of(label, f"{QTI}material/{QTI}mattext")
        for choices in presentation.iter(f"{QTI}render_choice")
        for label in choices.iter(f"{QTI}response_label")
    }
    rules = scoring(item)
    for rule in rules:
        for respident, value in rule.matches:
            assert respident in responses, f"varequal names no response {respident}"
            if responses[respident].tag == f"{QTI}response_lid":
                assert value in labels, f"varequal names no response_label {value}"
    explanation = html.unescape(item.findtext(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext") or "")
    if question_type in ("multiple_choice_question", "true_false_question"):
        rule, *_ = rules
        assert (rule.action, rule.points) == ("Set", "100")
        ((_, correct),) = rule.matches
        options = tuple(labels.values()) if question_type == "multiple_choice_question" else ()
        kind = "multiple_choice" if options else "true_false"
        return Question(kind, html.unescape(prompt_html), options, ((labels[correct],),), explanation)
    if question_type == "short_answer_question":
        assert {(rule.action, rule.points, len(rule.matches)) for rule in rules} == {("Set", "100", 1)}
        typed = tuple(rule.matches[0][1] for rule in rules)
        return Question("cloze", html.unescape(prompt_html), (), (typed,), explanation)
    if question_type == "multiple_answers_question":
        ((rule, condition),) = [(r, c) for r, c in zip(rules, conditions(item), strict=True)]
        assert (rule.action, rule.points) == ("Set", "100")
        both = condition.find(f"{QTI}conditionvar/{QTI}and")
        assert both is not None
        right = tuple(labels[str(v.text)] for v in both.findall(f"{QTI}varequal"))
        wrong = {labels[str(v.text)] for v in both.findall(f"{QTI}not/{QTI}varequal")}
        assert set(right) | wrong == set(labels.values()) and not set(right) & wrong
        return Question("multiple_answer", html.unescape(prompt_html), tuple(labels.values()), (right,), explanation)
    if question_type == "matching_question":
        assert {rule.action for rule in rules} == {"Add"}
        assert sum(Decimal(rule.points) for rule in rules) == 100
        pairs = tuple(
            (text_of(responses[respident], f"{QTI}material/{QTI}mattext"), labels[value])
            for rule in rules
            for respident, value in rule.matches
        )
        return Question("matching", html.unescape(prompt_html), (), pairs, explanation)
    assert question_type == "fill_in_multiple_blanks_question", question_type
    blanks = re.findall(r"\[([A-Za-z0-9_.-]+)\]", prompt_html)
    assert sorted(f"response_{blank}" for blank in blanks) == sorted(responses)
    assert {rule.action for rule in rules} == {"Add"}
    shares = {rule.matches[0][0]: Decimal(rule.points) for rule in rules}
    assert sum(shares.values()) == 100, "the blanks' shares add up to exactly the item's points"
    answers = tuple(
        tuple(labels[str(label.get("ident"))] for label in responses[f"response_{blank}"].iter(f"{QTI}response_label"))
        for blank in blanks
    )
    prompt = html.unescape(re.sub(r"\[[A-Za-z0-9_.-]+\]", BLANK, prompt_html))
    return Question("cloze", prompt, (), answers, explanation)


def expected_qti(item: Item) -> Question:
    """The item as the QTI zip gives it back: an ordering item as matching each event to its place."""
    if isinstance(item, Ordering):
        pairs = tuple((event.text, ordinal(number)) for number, event in enumerate(item.events, 1))
        return Question("matching", item.prompt, (), pairs, item.explanation)
    return expected(item)


def read_qti(data: bytes) -> tuple[ET.Element, list[Question]]:
    root = read_qti_zip(data)
    check_qti_structure(root)
    items = list(root.iter(f"{QTI}item"))
    idents = [item.get("ident") for item in items]
    assert len(idents) == len(set(idents)), "item idents repeat"
    return root, [qti_question(item) for item in items]


def test_qti_reads_back_the_same_questions_and_answers(seeds_quizzes: tuple[Quiz, ...]) -> None:
    for quiz in all_quizzes(seeds_quizzes):
        root, questions = read_qti(render_qti(quiz))

        assert questions == [expected_qti(item) for item in quiz.items], quiz.id
        assessment = root.find(f"{QTI}assessment")
        assert assessment is not None and assessment.get("title") == quiz.title


def test_qti_items_carry_the_canvas_question_types() -> None:
    root = read_qti_zip(render_qti(hostile_quiz()))

    items = list(root.iter(f"{QTI}item"))
    assert [metadata(item)["question_type"] for item in items] == [
        "multiple_choice_question",
        "true_false_question",
        "true_false_question",
        "short_answer_question",
        "fill_in_multiple_blanks_question",
    ]
    assert [item.get("ident") for item in items] == [item.id for item in hostile_quiz().items]
    fimb = text_of(items[4], f"{QTI}presentation/{QTI}material/{QTI}mattext")
    assert re.findall(r"\[(\w+)\]", fimb) == ["blank2", "blank1"]  # the document's "[blank1]" is not a blank


def holds(node: ET.Element, responses: dict[str, str]) -> bool:
    """Whether a condition holds for ``responses``, as QTI 1.2 defines it (a ``conditionvar`` is all of its parts)."""
    name = local(node.tag)
    parts = [holds(child, responses) for child in node]
    if name == "varequal":
        return responses.get(str(node.get("respident"))) == node.text
    if name == "other":
        return True
    if name == "or":
        return any(parts)
    if name == "not":
        return not all(parts)
    assert name in ("conditionvar", "and"), name
    return all(parts)


def qti_score(item: ET.Element, responses: dict[str, str]) -> Decimal:
    """SCORE for ``responses`` by QTI 1.2's rules: conditions in order, stopping after one that holds unless it
    says ``continue="Yes"`` (the default is No)."""
    score = Decimal(0)
    for condition in item.iterfind(f"{QTI}resprocessing/{QTI}respcondition"):
        conditionvar = condition.find(f"{QTI}conditionvar")
        assert conditionvar is not None
        if not holds(conditionvar, responses):
            continue
        for setvar in condition.iterfind(f"{QTI}setvar"):
            points = Decimal(setvar.text or "0")
            score = points if setvar.get("action") == "Set" else score + points
        if condition.get("continue", "No") == "No":
            break
    return score


def test_a_qti_engine_that_follows_the_spec_marks_every_accepted_answer_right() -> None:
    one = Cloze("sa", "Capital: {{1}}.", (Blank(1, "Rome", accept=("Roma", "Rom")),), "Why.", SOURCE)
    three = Cloze("fimb", "{{1}}, {{2}} and {{3}}.", (Blank(1, "a", ("A1",)), Blank(2, "b"), Blank(3, "c")), "", SOURCE)
    root = read_qti_zip(render_qti(replace(plain_quiz(), items=(one, three))))
    short_answer, blanks = root.iter(f"{QTI}item")

    for answer in ("Rome", "Roma", "Rom"):
        assert qti_score(short_answer, {"response1": answer}) == 100, answer
    assert qti_score(short_answer, {"response1": "Paris"}) == 0
    right = {"response_blank1": "fimb-1-2", "response_blank2": "fimb-2-1", "response_blank3": "fimb-3-1"}
    assert qti_score(blanks, right) == 100, "three blanks of 33.33, 33.33 and 33.34 make exactly 100"
    assert qti_score(blanks, {**right, "response_blank2": "wrong"}) == Decimal("66.67")


def test_qti_structure_check_catches_what_canvas_rejects() -> None:
    root = read_qti_zip(render_qti(plain_quiz()))
    item = next(root.iter(f"{QTI}item"))
    presentation = item.find(f"{QTI}presentation")
    assert presentation is not None
    item.remove(presentation)
    item.append(presentation)  # presentation after resprocessing

    with pytest.raises(AssertionError, match="<item> holds"):
        check_qti_structure(root)


# ---------------------------------------------------------------------------------------------------------------
# What all formats share.

RENDERERS: dict[str, Callable[[Quiz], bytes | str]] = {
    "gift": render_gift,
    "moodle": render_moodle,
    "qti": render_qti,
    "player": render_player,
}


@pytest.mark.parametrize("name", ["gift", "moodle", "qti", "player"])
def test_the_same_quiz_gives_the_same_bytes(name: str) -> None:
    quiz = hostile_quiz()

    assert RENDERERS[name](quiz) == RENDERERS[name](quiz)
    assert RENDERERS[name](quiz) != RENDERERS[name](plain_quiz())


def test_qti_zip_entries_have_fixed_timestamps() -> None:
    archive = zipfile.ZipFile(io.BytesIO(render_qti(plain_quiz())))

    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_accepted_answers_that_differ_only_in_case_or_spaces_are_written_once() -> None:
    cloze = Cloze("cloze-x", "Capital: {{1}}.", (Blank(1, "Rome", accept=("rome", " ROME ", "Roma")),), "", SOURCE)
    quiz = replace(plain_quiz(), items=(cloze,))

    assert read_gift(render_gift(quiz))[0].answers == (("Rome", "Roma"),)
    assert read_moodle(render_moodle(quiz))[1][0].answers == (("Rome", "Roma"),)
    assert read_qti(render_qti(quiz))[1][0].answers == (("Rome", "Roma"),)


def test_control_characters_do_not_break_the_xml_formats() -> None:
    item = mcq("mcq-ctl", "Form\x0cfeed and bell\x07?", ("yes\x00", "no"), "A", cited=SOURCE)
    quiz = replace(plain_quiz(), title="Title\x1b", items=(item,))

    assert read_moodle(render_moodle(quiz))[1][0].prompt == "Formfeed and bell?"
    assert read_qti(render_qti(quiz))[1][0].options == ("yes", "no")


def test_player_embeds_the_json_quiz_safely() -> None:
    quiz = hostile_quiz()

    embedded = str(embedded_json(quiz))

    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert quiz_from_json(json.loads(embedded)) == quiz


def test_build_writes_every_lms_format_for_every_seed(tmp_path: Path, cli: CliRun) -> None:
    result = cli("build", SEEDS, "--out", tmp_path, "--format", "json,player,qti,moodle,gift")

    assert result.exit_code == 0, result.stderr
    documents = list(find_documents([SEEDS]))
    for quiz_file in sorted(tmp_path.glob("*.quiz.json")):
        quiz = load_quiz(quiz_file)
        stem = tmp_path / quiz.id
        assert read_gift(Path(f"{stem}.gift.txt").read_text(encoding="utf-8"))
        assert read_moodle(Path(f"{stem}.moodle.xml").read_bytes())[1] == [expected(item) for item in quiz.items]
        assert read_qti(Path(f"{stem}.qti.zip").read_bytes())[1] == [expected_qti(item) for item in quiz.items]
        assert embedded_json(quiz) in Path(f"{stem}.player.html").read_text(encoding="utf-8")
    assert len(list(tmp_path.glob("*.quiz.json"))) == len(documents)


def test_export_writes_lms_formats_from_an_edited_quiz_file(tmp_path: Path, cli: CliRun) -> None:
    quiz_file = tmp_path / "capitals.quiz.json"
    quiz_file.write_text(dumps(plain_quiz()), encoding="utf-8")

    result = cli("export", quiz_file, "--out", tmp_path / "out", "--format", "gift,moodle,qti,player")

    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == ["capitals.gift.txt", "capitals.moodle.xml", "capitals.player.html", "capitals.qti.zip"]


def test_player_templates_can_be_replaced_one_file_at_a_time(tmp_path: Path, cli: CliRun) -> None:
    quiz_file = tmp_path / "capitals.quiz.json"
    quiz_file.write_text(dumps(plain_quiz()), encoding="utf-8")
    (tmp_path / "mine" / "player").mkdir(parents=True)
    (tmp_path / "mine" / "player" / "player.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")

    result = cli("export", quiz_file, "--out", tmp_path / "out", "--format", "player", "--templates", tmp_path / "mine")

    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "out" / "capitals.player.html").read_text(encoding="utf-8")
    assert "body { color: rebeccapurple; }" in page
    assert "Check answers" in page and embedded_json(plain_quiz()) in page


def test_a_broken_player_template_is_reported_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "player.html").write_text("<title>{{ title }</title>\n", encoding="utf-8")

    with pytest.raises(QuizgenError, match=r"player\.html, line 1: "):
        render_player(plain_quiz(), tmp_path)


def test_player_script_never_turns_text_into_html() -> None:
    script = (bundled_templates() / "player" / "player.js").read_text(encoding="utf-8")

    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in script
