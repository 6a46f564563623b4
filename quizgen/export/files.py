"""Writing output files: atomically, so a failed run never leaves a half-written one, and reproducibly."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.export import ExportOptions


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise QuizgenError(f"cannot write to {path.parent}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise QuizgenError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry: fixed, so the same content gives the same bytes."""


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``(name, data)`` entries, in that order, with fixed times and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def content_time(options: ExportOptions, source_file: str | None = None) -> float:
    """When the content last changed, for formats that must stamp a time (Anki notes, PDF dates).

    ``SOURCE_DATE_EPOCH`` when set; else the newest modification time of the input files and of
    the teacher's template files (a template edit must reach Anki too), in whole seconds. So the
    same input gives byte-identical output, and an edited input a newer stamp. With
    ``source_file`` (a quiz's ``source.file``) only the input of that name counts, beside the
    templates, so one document's stamp moves only when it or a template changes; where no input
    has that name (a re-exported quiz file), every input counts.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return float(os.environ["SOURCE_DATE_EPOCH"])
    templates = options.templates
    template_files = [path for path in templates.rglob("*") if path.is_file()] if templates else []
    own = [path for path in options.inputs if path.name == source_file] if source_file else []
    times = [path.stat().st_mtime for path in [*(own or options.inputs), *template_files] if path.is_file()]
    return float(int(max(times))) if times else 0.0
