"""quizgen studio: a local web page where a teacher makes, reviews and downloads a quiz.

``quizgen studio`` starts it (see :func:`serve`); the page reads documents, builds, revises and
exports through the same library functions as the command line, and keeps each quiz as its JSON quiz
file in the studio folder (:mod:`quizgen.studio.store`). It has no login: it answers only on this
computer unless told otherwise, and only to its own page (:mod:`quizgen.studio.security`).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path

from quizgen.errors import QuizgenError

__all__ = ["DEFAULT_FOLDER", "LOCAL_HOST", "allowed_hosts", "free_port", "serve"]

DEFAULT_FOLDER = Path("quizgen-studio")
LOCAL_HOST = "127.0.0.1"
_LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def free_port(host: str = LOCAL_HOST) -> int:
    """A port no program listens on at ``host`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def _check_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise QuizgenError(f"cannot listen at {host}:{port} ({error.strerror}); choose another --port") from None


def allowed_hosts(host: str, port: int, extra: Sequence[str] = ()) -> list[str]:
    """The ``Host`` headers the studio answers: its own address, the loopback names when it listens on
    this computer, and each name in ``extra`` (``--allow-host``, for a school server), with the port."""
    names = [host, *extra]
    if host in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        names += _LOOPBACK_NAMES
    return list(dict.fromkeys(f"{name}:{port}" for name in names if name not in ("0.0.0.0", "::")))


def serve(
    folder: Path,
    host: str = LOCAL_HOST,
    port: int = 0,
    *,
    open_browser: bool = True,
    allow_hosts: Sequence[str] = (),
    say: Callable[[str], None] = print,
) -> None:
    """Run the studio for ``folder`` until interrupted (Ctrl-C); ``port`` 0 takes a free one.

    Raises :class:`QuizgenError` when the web packages are missing or the port cannot be had.
    """
    try:
        import uvicorn

        from quizgen.studio.app import create_app
    except ImportError as error:
        raise QuizgenError(
            f"the studio needs its web packages ({error.name} is missing); reinstall quizgen: pip install quizgen"
        ) from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizgenError(f"cannot make the studio folder {folder}: {error.strerror}") from None
    chosen = port or free_port(host)
    _check_free(host, chosen)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{LOCAL_HOST if host in ('0.0.0.0', '::') else shown}:{chosen}/"
    app = create_app(folder.resolve(), allowed_hosts(shown, chosen, allow_hosts))
    config = uvicorn.Config(app, host=host, port=chosen, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    say(f"quizgen studio is running at {address} (folder: {folder})")
    say("It has no login: anyone who can reach this address can use it. Press Ctrl-C to stop it.")
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C (or SIGTERM) is how the studio is meant to stop
        server.run()
    say("quizgen studio stopped; the quizzes are in " + str(folder))
