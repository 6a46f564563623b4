"""Writing output files: atomically, so a failed run never leaves a half-written one, and reproducibly."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.export import ExportOptions


TEMPORARY_SUFFIX = ".part"
"""Ending of the temporary files written beside their final name (``.<name>.<pid>-<random>.part``)."""


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    The output folder may be writable by others (a class share): the mode is set on the open file,
    never by name, and the temporary file is renamed only while its name is still the file written,
    so a link swapped in under that name is never followed nor moved into place.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{path.name}.{os.getpid()}-"
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=TEMPORARY_SUFFIX)
    except OSError as error:
        raise QuizgenError(f"cannot write to {path.parent}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), 0o644)
            # Still open, so no other file can have taken its inode number: the name is ours or swapped.
            written, now = os.fstat(handle.fileno()), os.lstat(temporary)
            if (now.st_dev, now.st_ino) != (written.st_dev, written.st_ino) or not stat.S_ISREG(now.st_mode):
                raise QuizgenError(f"cannot write {path}: its temporary file was replaced while it was written")
            os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise QuizgenError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files an earlier run killed mid-write (``SIGKILL``) left in ``folder``.

    Only quizgen's own pattern, and only those whose process is gone, so a run writing into the
    same folder at the same time keeps its files.
    """
    try:
        candidates = list(folder.glob(f".*.*-*{TEMPORARY_SUFFIX}"))
    except OSError:
        return
    for candidate in candidates:
        pid = candidate.name.removesuffix(TEMPORARY_SUFFIX).rsplit(".", 1)[-1].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and not candidate.is_symlink():
            candidate.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


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


LATEST_TIME = 253_402_300_799
"""The last second of the year 9999: the latest time the formats' date fields can hold."""


def content_time(options: ExportOptions, source_file: str | None = None) -> float:
    """When the content last changed, for formats that must stamp a time (Anki notes, PDF dates).

    ``SOURCE_DATE_EPOCH`` when set; else the newest modification time of the input files and of
    the teacher's template files (a template edit must reach Anki too), in whole seconds. So the
    same input gives byte-identical output, and an edited input a newer stamp. With
    ``source_file`` (a quiz's ``source.file``) only the input of that name counts, beside the
    templates, so one document's stamp moves only when it or a template changes; where no input
    has that name (a re-exported quiz file), every input counts.
    """
    return content_times(options, [source_file])[source_file]


def content_times(options: ExportOptions, source_files: Iterable[str | None]) -> dict[str | None, float]:
    """:func:`content_time` of each of ``source_files``, the inputs and templates each looked at once
    (so a build of many documents costs a look at each file, not one per document)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        if len(epoch) > len(str(LATEST_TIME)) or int(epoch) > LATEST_TIME:
            raise QuizgenError(f"SOURCE_DATE_EPOCH={epoch[:20]}... is after the year 9999; set it to a time in seconds")
        return dict.fromkeys(source_files, float(epoch))
    templates = options.templates
    template_files = [path for path in templates.rglob("*") if path.is_file()] if templates else []
    template_times = [path.stat().st_mtime for path in template_files if path.is_file()]
    by_name: dict[str, list[float]] = {}
    for path in options.inputs:
        by_name.setdefault(path.name, []).extend([path.stat().st_mtime] if path.is_file() else [])
    every = [time for times in by_name.values() for time in times]
    found: dict[str | None, float] = {}
    for source_file in source_files:
        own = by_name.get(source_file) if source_file else None
        times = [*(own if own is not None else every), *template_times]
        found[source_file] = float(min(int(max(times)), LATEST_TIME)) if times else 0.0
    return found
