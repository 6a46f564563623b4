"""Exporter for IMS QTI 1.2 zips, shaped the way Canvas exports and imports them.

The zip holds ``imsmanifest.xml`` and ``<quiz id>/<quiz id>.xml``: one assessment
whose items carry Canvas's ``question_type`` metadata. Multiple choice is a
``multiple_choice_question``, true/false a ``true_false_question`` (both a
``response_lid`` scored with ``varequal`` -> ``setvar SCORE 100``), a cloze item
with one blank a ``short_answer_question`` (a condition per accepted answer) and
one with several blanks a ``fill_in_multiple_blanks_question`` (``[blankN]`` in
the text, a ``response_lid`` of accepted answers per blank, each blank worth an
equal share of 100, the shares adding up to exactly 100). A multiple-answer item is a
``multiple_answers_question`` (a ``response_lid`` with ``rcardinality="Multiple"``, 100 only for
exactly the right options), a matching item a ``matching_question`` (a ``response_lid`` per left,
each listing every right, each adding its share). Canvas quizzes have no ordering question, so an
ordering item is written as a ``matching_question`` pairing each event with its place (1st, 2nd...),
and noted. The explanation is the item's general feedback.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.export.each import PerQuizExporter
from quizgen.export.files import zip_bytes
from quizgen.export.lms import (
    accepted_answers,
    bracket_safe_html,
    element,
    html_text,
    question_name,
    xml_bytes,
)
from quizgen.export.render import ordinal, prompt_text, render_cloze, shuffled_rights
from quizgen.model import (
    Cloze,
    Item,
    Matching,
    MultipleAnswer,
    MultipleChoice,
    Ordering,
    Pair,
    Quiz,
    TrueFalse,
    assert_never,
)

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
MD_NAMESPACE = "http://www.imsglobal.org/xsd/imsmd_v1p2"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
QTI_SCHEMA = f"{QTI_NAMESPACE} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_SCHEMA = f"{CP_NAMESPACE} http://www.imsglobal.org/xsd/imscp_v1p1.xsd {MD_NAMESPACE} http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd"

POINTS = "1.0"
"""Points each item is worth."""

GENERAL_FEEDBACK = "general_fb"
"""Ident of the feedback Canvas shows after any answer (its "neutral comments")."""


ORDERING_AS_MATCHING = "written as matching each event to its place (Canvas quizzes have no ordering question)"


def render_qti(quiz: Quiz) -> bytes:
    """The QTI 1.2 zip for ``quiz``: ``imsmanifest.xml`` and the assessment it names (an ordering item
    as matching, see :data:`ORDERING_AS_MATCHING`)."""
    path = f"{quiz.id}/{quiz.id}.xml"
    return zip_bytes([("imsmanifest.xml", _manifest(quiz, path)), (path, _assessment(quiz))])


def _manifest(quiz: Quiz, path: str) -> bytes:
    """The IMS content package manifest: one ``imsqti_xmlv1p2`` resource, the assessment."""
    root = ET.Element(
        "manifest",
        {
            "identifier": f"quizgen-{quiz.id}-manifest",
            "xmlns": CP_NAMESPACE,
            "xmlns:imsmd": MD_NAMESPACE,
            "xmlns:xsi": XSI_NAMESPACE,
            "xsi:schemaLocation": CP_SCHEMA,
        },
    )
    metadata = element(root, "metadata")
    element(metadata, "schema", "IMS Content")
    element(metadata, "schemaversion", "1.1.3")
    title = element(element(element(metadata, "imsmd:lom"), "imsmd:general"), "imsmd:title")
    element(title, "imsmd:string", quiz.title)
    element(root, "organizations")
    resource = element(
        element(root, "resources"), "resource", attrs={"identifier": _ident(quiz), "type": "imsqti_xmlv1p2"}
    )
    element(resource, "file", attrs={"href": path})
    return xml_bytes(root)


def _ident(quiz: Quiz) -> str:
    """The assessment's identifier; it must start with a letter, which a quiz id need not."""
    return f"quizgen-{quiz.id}"


def _assessment(quiz: Quiz) -> bytes:
    root = ET.Element(
        "questestinterop", {"xmlns": QTI_NAMESPACE, "xmlns:xsi": XSI_NAMESPACE, "xsi:schemaLocation": QTI_SCHEMA}
    )
    assessment = element(root, "assessment", attrs={"ident": _ident(quiz), "title": quiz.title})
    section = element(assessment, "section", attrs={"ident": "root_section"})
    for item in quiz.items:
        _item(section, item)
    return xml_bytes(root)


def _item(section: ET.Element, item: Item) -> None:
    """Append the ``<item>``: metadata, presentation, scoring and feedback, in the order QTI requires."""
    node = element(section, "item", attrs={"ident": item.id, "title": question_name(item)})
    metadata = element(element(node, "itemmetadata"), "qtimetadata")
    presentation = element(node, "presentation")
    resprocessing = element(node, "resprocessing")
    outcomes = element(resprocessing, "outcomes")
    element(outcomes, "decvar", attrs={"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
    explained = bool(item.explanation.strip())
    if explained:
        condition = element(resprocessing, "respcondition", attrs={"continue": "Yes"})
        element(element(condition, "conditionvar"), "other")
        element(condition, "displayfeedback", attrs={"feedbacktype": "Response", "linkrefid": GENERAL_FEEDBACK})
    for label, entry in (("question_type", _fill(item, presentation, resprocessing)), ("points_possible", POINTS)):
        field = element(metadata, "qtimetadatafield")
        element(field, "fieldlabel", label)
        element(field, "fieldentry", entry)
    if explained:
        feedback = element(node, "itemfeedback", attrs={"ident": GENERAL_FEEDBACK})
        element(
            element(element(feedback, "flow_mat"), "material"),
            "mattext",
            html_text(item.explanation),
            {"texttype": "text/html"},
        )


def _fill(item: Item, presentation: ET.Element, resprocessing: ET.Element) -> str:
    """Write the item's prompt, responses and scoring; return its Canvas question type."""
    match item:
        case MultipleChoice():
            choices = [(f"{item.id}-{option.id}", option.text) for option in item.options]
            _choice(presentation, resprocessing, item.question, choices, f"{item.id}-{item.answer}")
            return "multiple_choice_question"
        case TrueFalse():
            choices = [(f"{item.id}-true", "True"), (f"{item.id}-false", "False")]
            _choice(presentation, resprocessing, item.statement, choices, f"{item.id}-{str(item.answer).lower()}")
            return "true_false_question"
        case Cloze() if len(item.blanks) == 1:
            _short_answer(presentation, resprocessing, item)
            return "short_answer_question"
        case Cloze():
            _blanks(presentation, resprocessing, item)
            return "fill_in_multiple_blanks_question"
        case MultipleAnswer():
            _multiple_answers(presentation, resprocessing, item)
            return "multiple_answers_question"
        case Matching():
            _matching(presentation, resprocessing, item.id, item.prompt, item.pairs, shuffled_rights(item))
            return "matching_question"
        case Ordering():
            places = [ordinal(number) for number in range(1, len(item.events) + 1)]
            pairs = [Pair(event.text, place, event.source) for event, place in zip(item.events, places, strict=True)]
            _matching(presentation, resprocessing, item.id, item.prompt, pairs, places)
            return "matching_question"
        case _:
            assert_never(item)


def _prompt(presentation: ET.Element, question_html: str) -> None:
    element(element(presentation, "material"), "mattext", question_html, {"texttype": "text/html"})


def _label(parent: ET.Element, ident: str, text: str) -> None:
    """A ``response_label``: one choice, or one accepted answer of a blank, as plain text."""
    label = element(parent, "response_label", attrs={"ident": ident})
    element(element(label, "material"), "mattext", text, {"texttype": "text/plain"})


def _score(resprocessing: ET.Element, respident: str, value: str, action: str, points: str) -> None:
    """A ``respcondition`` that sets or adds ``points`` when response ``respident`` is ``value``.

    One condition per accepted answer: QTI 1.2 reads several ``varequal`` in one ``conditionvar``
    as all having to hold, so an engine that follows the spec could never mark such an answer right.
    A right answer ends scoring (``continue="No"``); a blank's share lets the other blanks be scored.
    """
    condition = element(resprocessing, "respcondition", attrs={"continue": "No" if action == "Set" else "Yes"})
    element(element(condition, "conditionvar"), "varequal", value, {"respident": respident})
    element(condition, "setvar", points, {"action": action, "varname": "SCORE"})


def _choice(
    presentation: ET.Element, resprocessing: ET.Element, prompt: str, choices: list[tuple[str, str]], correct: str
) -> None:
    """One ``response_lid`` with a label per choice; the correct one scores 100."""
    _prompt(presentation, html_text(prompt))
    render = element(
        element(presentation, "response_lid", attrs={"ident": "response1", "rcardinality": "Single"}), "render_choice"
    )
    for ident, text in choices:
        _label(render, ident, text)
    _score(resprocessing, "response1", correct, "Set", "100")


def _multiple_answers(presentation: ET.Element, resprocessing: ET.Element, item: MultipleAnswer) -> None:
    """Check boxes (``rcardinality="Multiple"``); 100 when every right option and no wrong one is ticked."""
    _prompt(presentation, html_text(item.question))
    response = element(presentation, "response_lid", attrs={"ident": "response1", "rcardinality": "Multiple"})
    render = element(response, "render_choice")
    for option in item.options:
        _label(render, f"{item.id}-{option.id}", option.text)
    condition = element(resprocessing, "respcondition", attrs={"continue": "No"})
    both = element(element(condition, "conditionvar"), "and")
    for option in item.options:
        test = both if option.id in item.answers else element(both, "not")
        element(test, "varequal", f"{item.id}-{option.id}", {"respident": "response1"})
    element(condition, "setvar", "100", {"action": "Set", "varname": "SCORE"})


def _matching(
    presentation: ET.Element,
    resprocessing: ET.Element,
    item_id: str,
    prompt: str,
    pairs: list[Pair] | tuple[Pair, ...],
    rights: list[str],
) -> None:
    """A ``response_lid`` per left, each listing every right (in ``rights`` order); a right match adds its share."""
    _prompt(presentation, html_text(prompt))
    idents = {right: f"{item_id}-m{number}" for number, right in enumerate(rights, 1)}
    for number, (pair, share) in enumerate(zip(pairs, shares(len(pairs)), strict=True), 1):
        respident = f"response_{item_id}-l{number}"
        response = element(presentation, "response_lid", attrs={"ident": respident})
        element(element(response, "material"), "mattext", pair.left, {"texttype": "text/plain"})
        render = element(response, "render_choice")
        for right in rights:
            _label(render, idents[right], right)
        _score(resprocessing, respident, idents[pair.right], "Add", share)


def _short_answer(presentation: ET.Element, resprocessing: ET.Element, item: Cloze) -> None:
    """One text box; any accepted answer scores 100 (Canvas ignores case)."""
    _prompt(presentation, html_text(prompt_text(item)))
    response = element(presentation, "response_str", attrs={"ident": "response1", "rcardinality": "Single"})
    element(element(response, "render_fib"), "response_label", attrs={"ident": "answer1", "rshuffle": "No"})
    for text in accepted_answers(item.blanks[0]):
        _score(resprocessing, "response1", text, "Set", "100")


def _blanks(presentation: ET.Element, resprocessing: ET.Element, item: Cloze) -> None:
    """``[blankN]`` in the text and a ``response_lid`` of accepted answers per blank; each adds its share.

    Canvas marks every answer listed for a blank correct; for other QTI engines,
    each accepted answer has its own condition adding the blank's share.
    """
    _prompt(presentation, render_cloze(item, lambda blank: f"[blank{blank.id}]", bracket_safe_html))
    blanks = item.blanks_in_order
    for blank, share in zip(blanks, shares(len(blanks)), strict=True):
        respident = f"response_blank{blank.id}"
        response = element(presentation, "response_lid", attrs={"ident": respident})
        element(element(response, "material"), "mattext", f"blank{blank.id}")
        render = element(response, "render_choice")
        for number, text in enumerate(accepted_answers(blank), 1):
            ident = f"{item.id}-{blank.id}-{number}"
            _label(render, ident, text)
            _score(resprocessing, respident, ident, "Add", share)


def shares(count: int) -> list[str]:
    """``count`` shares of 100 to two decimals that add up to exactly 100: ``3 -> 33.33, 33.33, 33.34``."""
    cents = [10000 // count] * count
    cents[-1] += 10000 - sum(cents)
    return [f"{share // 100}.{share % 100:02d}" for share in cents]


class QtiExporter(PerQuizExporter):
    """Writes ``<quiz id>.qti.zip`` for each quiz."""

    name = "qti"
    description = "QTI 1.2 zip per document, for Canvas (Import > QTI .zip file) and other QTI importers"
    suffix = ".qti.zip"

    def render(self, quiz: Quiz) -> bytes:
        """The QTI zip for ``quiz``; each ordering item, written as matching, is noted."""
        for item in quiz.items:
            if isinstance(item, Ordering):
                self.note(quiz, item, "changed", ORDERING_AS_MATCHING)
        return render_qti(quiz)
