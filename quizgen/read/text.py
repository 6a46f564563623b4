"""Turning a file's bytes into clean text, or a clear reason why not."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from quizgen.errors import InputError
from quizgen.inputfile import read_limited
from quizgen.model import SourceFile, clean_text

MAX_DOCUMENT_BYTES = 512 * 1024
"""Largest input file read (about 80,000 words, a short book), so a stray huge file fails fast
and clearly instead of taking minutes and memory. Split longer texts into chapters."""

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_text(path: Path) -> tuple[str, SourceFile]:
    """Read ``path`` as text with ``\\n`` line endings and describe its bytes.

    Accepts UTF-8 (with or without a byte-order mark) and UTF-16 or UTF-32 with a
    byte-order mark; anything else, and anything but a regular file, raises :class:`InputError`.
    """
    data = read_limited(path, MAX_DOCUMENT_BYTES, "split it up")
    text = decode(path, data)
    return text, SourceFile(file=path.name, sha256=hashlib.sha256(data).hexdigest())


def decode(path: Path, data: bytes) -> str:
    """Decode ``data`` read from ``path`` and normalise its line endings."""
    if not data.strip():
        raise InputError(path, "file is empty")
    if data.startswith(_UTF32_BOMS):  # before UTF-16: the UTF-32 LE mark starts like UTF-16's
        text = _decode_as(path, data, "utf-32")
    elif data.startswith(_UTF16_BOMS):
        text = _decode_as(path, data, "utf-16")
    else:
        if b"\x00" in data:
            raise InputError(path, "looks like a binary file, not text")
        text = _decode_as(path, data, "utf-8-sig")
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError(path, "file is empty")
    return text


def _decode_as(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            path,
            f"is not valid {encoding.upper().removesuffix('-SIG')} text "
            f"(byte {data[error.start]:#04x} at offset {error.start}); save it as UTF-8",
        ) from None
