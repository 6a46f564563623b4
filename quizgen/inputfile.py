"""Reading an input file's bytes: a regular file only, and never more than a limit.

Every file quizgen reads as input (documents, quiz files) comes through :func:`read_limited`, so a
FIFO never hangs a run and ``/dev/zero`` is never read until memory runs out: the file type is
checked before and after opening (without blocking), and at most ``limit + 1`` bytes are read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quizgen.errors import InputError

__all__ = ["read_limited"]

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def read_limited(path: Path, limit: int, advice: str) -> bytes:
    """The bytes of the regular file at ``path``; :class:`InputError` naming it when it is missing,
    unreadable, not a regular file, or over ``limit`` bytes (``advice`` says what to do then)."""
    try:
        _check_kind(path, os.stat(path).st_mode)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            _check_kind(path, os.fstat(handle.fileno()).st_mode)  # swapped for a FIFO since the check
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})") from None
    if len(data) > limit:
        size = max(len(data), _size(path))
        raise InputError(path, f"file is {size / 1024:,.0f} KB, over the {limit // 1024:,} KB limit; {advice}")
    return data


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        try:
            os.scandir(path).close()
        except OSError as error:  # found in a folder given, but it cannot be listed
            problem = f"is a folder that cannot be listed ({error.strerror}); its documents were skipped"
            raise InputError(path, problem) from None
    for is_kind, problem in _KINDS:
        if is_kind(mode):
            raise InputError(path, problem)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
