"""Every QTI zip quizgen writes validates against the IMS QTI 1.2 schema and DTD, and its manifest against IMS
Content Packaging 1.1 (the schemas are in ../shared/eval/schemas/, not shipped; these tests skip without them)."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache

import pytest
from lxml import etree

from quizgen.export.qti import render_qti
from quizgen.generate import build_quizzes
from quizgen.model import Quiz
from quizgen.read import find_documents, read_document
from tests.conftest import SEEDS, SHARED, corpus_files
from tests.samples import group_quiz, sample_quiz

SCHEMAS = SHARED / "eval" / "schemas"
_NAMESPACE_ATTRIBUTES = re.compile(rb'\s+(?:xmlns(?::\w+)?|xsi:schemaLocation)="[^"]*"')

pytestmark = pytest.mark.skipif(
    not (SCHEMAS / "qti12" / "ims_qtiasiv1p2.xsd").is_file(),
    reason=f"the IMS schemas are not found at {SCHEMAS} (only in the team's workspace and CI)",
)


@cache
def qti_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "qti12" / "ims_qtiasiv1p2.xsd")))


@cache
def qti_dtd() -> etree.DTD:
    return etree.DTD(str(SCHEMAS / "ims_qtiasiv1p2p1.dtd"))


@cache
def manifest_schema() -> etree.XMLSchema:
    # The schema imports the W3C xml.xsd by URL; the copy beside it serves instead (no network).
    text = (SCHEMAS / "imscp_v1p1.xsd").read_bytes().replace(b"http://www.w3.org/2001/03/xml.xsd", b"xml.xsd")
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(text, parser, base_url=str(SCHEMAS / "imscp_v1p1.xsd")))


@cache
def quizzes() -> tuple[Quiz, ...]:
    documents = [read_document(path) for path in [*find_documents([SEEDS]), *corpus_files()]]
    return (*build_quizzes(documents), sample_quiz(), group_quiz(), group_quiz("water-hostile", hostile=True))


def parts(quiz: Quiz) -> tuple[etree._Element, etree._Element]:
    """The assessment and the manifest of ``quiz``'s QTI zip, parsed."""
    with zipfile.ZipFile(io.BytesIO(render_qti(quiz))) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        assessment = etree.fromstring(archive.read(f"{quiz.id}/{quiz.id}.xml"))
    return assessment, manifest


@pytest.mark.parametrize("index", range(len(quizzes())), ids=lambda index: quizzes()[index].id)
def test_every_qti_assessment_validates_against_the_schema_and_the_dtd(index: int) -> None:
    assessment, _ = parts(quizzes()[index])

    assert qti_schema().validate(assessment), qti_schema().error_log.last_error
    # The DTD predates namespaces: it validates the same document without its namespace declarations,
    # as Canvas's QTI migration tool reads it.
    plain = etree.fromstring(_NAMESPACE_ATTRIBUTES.sub(b"", etree.tostring(assessment)))
    assert qti_dtd().validate(plain), qti_dtd().error_log.last_error


@pytest.mark.parametrize("index", range(len(quizzes())), ids=lambda index: quizzes()[index].id)
def test_every_qti_manifest_validates_against_content_packaging(index: int) -> None:
    _, manifest = parts(quizzes()[index])
    # quizgen writes the manifest in the namespace Canvas's own exports use, Common Cartridge's profile of
    # IMS Content Packaging 1.1; the structure is that schema's, so it is checked in the schema's namespace.
    profile = b"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    packaging = etree.fromstring(etree.tostring(manifest).replace(profile, b"http://www.imsglobal.org/xsd/imscp_v1p1"))
    # The title's IMS Metadata (imsmd:lom) has a schema of its own that ../shared does not hold: left out here.
    for lom in list(packaging.iter("{http://www.imsglobal.org/xsd/imsmd_v1p2}lom")):
        lom.getparent().remove(lom)

    assert manifest_schema().validate(packaging), manifest_schema().error_log.last_error


def test_a_broken_assessment_is_rejected() -> None:
    assessment, _ = parts(quizzes()[0])
    item = next(assessment.iter("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item"))
    item.insert(0, etree.Element("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}nonsense"))

    assert not qti_schema().validate(assessment)
