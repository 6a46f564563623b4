"""Reader for Markdown notes: ``#`` title, ``##`` sections, bullet lists as key points.

Optional YAML front matter may set ``title``, ``subject``, ``grade`` and ``tags``.
Raw HTML is not interpreted: it stays literal text, escaped by every exporter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from quizgen.errors import InputError
from quizgen.model import KeyPoint, Metadata, Section, clean_text, document_tags
from quizgen.read.layout import Layout

BlockKind = Literal["title", "heading", "item", "paragraph"]


@dataclass(frozen=True)
class _Block:
    kind: BlockKind
    text: str


def looks_like_markdown(text: str) -> bool:
    """Whether a text file is Markdown: it opens with front matter or a ``#`` heading."""
    first = text.lstrip().split("\n", 1)[0]
    return first == "---" or first.startswith("# ")


def parse_markdown(path: Path, text: str) -> tuple[Layout, Metadata]:
    """Parse Markdown ``text`` read from ``path`` into a layout and its front-matter metadata."""
    parser = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin)
    tokens = parser.parse(text)
    front_matter = _front_matter(path, tokens)
    blocks = list(_blocks(tokens))
    try:
        title = clean_text(_title(front_matter, blocks))
        metadata = _metadata(front_matter)
    except ValueError as error:  # YAML escapes may spell what no file holds: "\\ud800"
        raise InputError(path, f"front matter {error}") from None
    return _assemble(title, blocks), metadata


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases: ``*name`` may repeat a node, and a few hundred bytes of
    nested aliases expand to gigabytes (an alias bomb). Front matter has no use for them."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        """Refuse an alias, then compose as YAML does."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        node: yaml.Node | None = super().compose_node(parent, index)  # type: ignore[arg-type]
        return node


def _front_matter(path: Path, tokens: list[Token]) -> dict[str, object]:
    for token in tokens:
        if token.type == "front_matter":
            try:
                data = yaml.load(token.content, Loader=_FrontMatterLoader)  # a safe loader, without aliases
            except yaml.YAMLError as error:
                raise InputError(path, f"front matter is not valid YAML ({error})".replace("\n", " ")) from None
            except RecursionError:
                raise InputError(path, "front matter is nested too deeply") from None
            except ValueError as error:  # an integer of thousands of digits
                raise InputError(path, f"front matter has a value quizgen cannot read ({error})") from None
            if data is None:
                return {}
            if not isinstance(data, dict):
                raise InputError(path, "front matter must be a YAML mapping (key: value lines)")
            return data
    return {}


def _blocks(tokens: list[Token]) -> Iterator[_Block]:
    """Each run of inline text with the kind of block it stands in."""
    heading_level = 0
    list_depth = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "inline":
            text = _plain_text(token).strip()
            if not text:
                continue
            if heading_level == 1:
                yield _Block("title", text)
            elif heading_level:
                yield _Block("heading", text)
            elif list_depth:
                yield _Block("item", text)
            else:
                yield _Block("paragraph", text)


def _plain_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_plain_text(child))
    return " ".join("".join(parts).split())


def _title(front_matter: dict[str, object], blocks: list[_Block]) -> str:
    if isinstance(front_matter.get("title"), str) and str(front_matter["title"]).strip():
        return str(front_matter["title"]).strip()
    for block in blocks:
        if block.kind == "title":
            return block.text
    return ""  # the reader names the document after its file


def _assemble(title: str, blocks: list[_Block]) -> Layout:
    lead = ""
    key_points: list[KeyPoint] = []
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for block in blocks:
        if block.kind == "title" and not (lead or key_points or paragraphs or sections or heading):
            continue  # the document's own "# Title", even where front matter renames it
        if block.kind in ("title", "heading"):
            if paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = block.text, []
        elif heading is None and block.kind == "item":
            key_points.append(KeyPoint(block.text))
        elif heading is None and not lead and not key_points and not paragraphs:
            lead = block.text
        else:
            paragraphs.append(block.text)
    if paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    return Layout(title, lead, tuple(key_points), tuple(sections))


def _metadata(front_matter: dict[str, object]) -> Metadata:
    def text(key: str) -> str | None:
        value = front_matter.get(key)
        return None if value is None else " ".join(clean_text(str(value)).split()) or None

    raw_tags = front_matter.get("tags") or []
    tags = raw_tags if isinstance(raw_tags, list) else str(raw_tags).split(",")
    return Metadata(subject=text("subject"), grade=text("grade"), tags=document_tags(map(str, tags)))
