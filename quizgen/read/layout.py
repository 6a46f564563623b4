"""Reader for plain-text study documents in the reference layout.

The layout: a title line, a lead paragraph, short key-point lines (plain or
bulleted), then sections, each a short heading line followed by paragraphs.
Blank lines between blocks are optional, so every line is classified on its
own by its length, final punctuation, capitalisation and position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.model import KeyPoint, Section

_BULLET = re.compile(r"^\s*(?:[-*•‣▪–]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from if in into is it nor of off on onto or per so than "
    "that the to up via vs with its their his her".split()
)

MAX_HEADING_WORDS = 12
MAX_KEY_POINT_WORDS = 25
"""A plain line longer than this is a paragraph, not a key point."""

MAX_TITLE_CHARS = 200
"""A first line longer than this is text, not a title."""

MIN_LEAD_WORDS = 15
"""A one-sentence line after the title this long is a lead paragraph, not a key point."""

_WRAPPED_LINE_CHARS = 40
"""A line at least this long that stops mid-sentence continues on the next line."""


@dataclass(frozen=True)
class Line:
    """One logical line of the document, with the features used to classify it."""

    text: str
    bullet: bool

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @property
    def is_question(self) -> bool:
        return self.text.rstrip("\"”’')").endswith("?")

    @property
    def title_case_share(self) -> float:
        """Share of content words that start with a capital letter."""
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", self.text) if w.lower() not in _SMALL_WORDS]
        if not words:
            return 0.0
        return float(sum(w[0].isupper() for w in words)) / len(words)

    def looks_like_heading(self) -> bool:
        """Short, capitalised, not a sentence: a question or in title case."""
        if self.bullet or self.words > MAX_HEADING_WORDS:
            return False
        if not (self.text[:1].isupper() or self.text[:1].isdigit()):
            return False
        if self.text.endswith((".", ",", ";", ":", "!")):
            return False
        return self.is_question or self.words <= 3 or self.title_case_share >= 0.6

    def looks_like_paragraph(self) -> bool:
        """Long, or more than one sentence: body text rather than a key point."""
        if self.bullet:
            return False
        if self.words > MAX_KEY_POINT_WORDS:
            return True
        return self.ends_sentence and len(re.findall(r"[.!?](?:\s|$)", self.text)) >= 2


def split_lines(text: str) -> list[Line]:
    """Logical lines of ``text``: blank lines dropped, hard-wrapped lines joined.

    A logical line is kept as its pieces until it ends, so joining thousands of wrapped lines
    takes time in proportion to the text, not to its square.
    """
    lines: list[Line] = []
    pieces: list[str] = []
    bullet = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            _close(lines, pieces, bullet)
            continue
        starts_bullet = bool(_BULLET.match(raw))
        content = _BULLET.sub("", raw, count=1).strip() if starts_bullet else stripped
        if pieces and not starts_bullet and _continues(_Joined(pieces, bullet), raw, content):
            pieces.append(content)
            continue
        _close(lines, pieces, bullet)
        if content:
            pieces, bullet = [content], starts_bullet
    _close(lines, pieces, bullet)
    return lines


def _close(lines: list[Line], pieces: list[str], bullet: bool) -> None:
    """End the logical line of ``pieces`` (if any): append it to ``lines`` and empty ``pieces``."""
    if pieces:
        lines.append(Line(" ".join(pieces), bullet))
        pieces.clear()


class _Joined:
    """A logical line still being joined: what :func:`_continues` asks of it, without joining it."""

    def __init__(self, pieces: list[str], bullet: bool) -> None:
        self.pieces = pieces
        self.bullet = bullet

    @property
    def text_length(self) -> int:
        return sum(map(len, self.pieces[:_WRAPPED_LINE_CHARS])) + len(self.pieces) - 1

    @property
    def last(self) -> Line:
        return Line(self.pieces[-1], self.bullet)

    def looks_like_heading(self) -> bool:
        if len(self.pieces) > MAX_HEADING_WORDS:  # each piece holds a word at least
            return False
        return Line(" ".join(self.pieces), self.bullet).looks_like_heading()


def _continues(previous: _Joined, raw: str, content: str) -> bool:
    """Whether ``content`` continues ``previous`` (a hard-wrapped line)."""
    last = previous.last
    if last.ends_sentence or last.text.endswith(":"):
        return False
    if previous.bullet and raw[:1].isspace():
        return True
    if previous.text_length < _WRAPPED_LINE_CHARS or previous.looks_like_heading():
        return False
    return content[:1].islower() or not Line(content, False).looks_like_heading()


@dataclass(frozen=True)
class Layout:
    """What a plain-text document is made of, before it gets an id and a source."""

    title: str
    lead: str
    key_points: tuple[KeyPoint, ...]
    sections: tuple[Section, ...]


def parse_layout(text: str) -> Layout:
    """Classify the lines of ``text`` into title, lead, key points and sections."""
    lines = split_lines(text)
    if not lines:  # only bullet marks or punctuation: the caller says there is no text
        return Layout("", "", (), ())
    if len(lines[0].text) > MAX_TITLE_CHARS or lines[0].looks_like_paragraph():
        title, rest = "", lines  # no title line: the caller names the document after its file
    else:
        title, rest = lines[0].text, lines[1:]
    position = 0

    lead = ""
    if rest and _is_lead(rest):
        lead, position = rest[0].text, 1

    key_points: list[KeyPoint] = []
    while position < len(rest) and _is_key_point(rest, position):
        key_points.append(KeyPoint(rest[position].text))
        position += 1

    return Layout(title, lead, tuple(key_points), _sections(rest[position:]))


def _is_lead(lines: list[Line]) -> bool:
    """The line after the title is the lead unless it is a key point or a heading."""
    first = lines[0]
    if first.bullet or _is_heading(lines, 0):
        return False
    followed_by_bullets = len(lines) > 1 and lines[1].bullet
    return first.looks_like_paragraph() or first.words >= MIN_LEAD_WORDS or followed_by_bullets


def _is_heading(lines: list[Line], index: int) -> bool:
    """A heading looks like one and is followed by text that does not."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return lines[index].looks_like_heading() and following is not None and not following.looks_like_heading()


def _is_key_point(lines: list[Line], index: int) -> bool:
    line = lines[index]
    if line.bullet:
        return True
    return not line.looks_like_paragraph() and not _is_heading(lines, index)


def _sections(lines: list[Line]) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        if _is_heading(lines, index):
            if heading is not None or paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = line.text, []
        else:
            paragraphs.append(line.text)
    if heading is not None or paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    return tuple(section for section in sections if section.paragraphs)
