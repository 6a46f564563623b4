"""The studio's guard: only its own page may drive it, and no request may be larger than an upload may be.

The studio has no login, so everything rests on where a request comes from:

- **Host**: every request must name the studio by an address it listens on (``127.0.0.1:PORT``,
  ``localhost:PORT``, or a name given with ``--allow-host``). A page on another site that makes its own
  name resolve to 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
- **Origin**: a request that changes anything (anything but GET and HEAD) must come from the studio's
  own page: its ``Origin`` header, where the browser sends one, must be the studio's address, and a
  browser's ``Sec-Fetch-Site`` must say ``same-origin``. A form on another site posting to the studio
  is refused.
- **Size**: a request body is at most :data:`MAX_REQUEST_BYTES`, counted as it arrives (a false
  ``Content-Length`` does not help), so a 50 MB upload is refused before it is kept anywhere.
- Every response forbids framing by other sites and loading anything from elsewhere (see
  :data:`PAGE_POLICY`).
"""

from __future__ import annotations

import html
from collections.abc import Collection
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from quizgen.read.text import MAX_DOCUMENT_BYTES

MAX_UPLOAD_FILES = 10
"""Documents one upload may hold."""

MAX_REQUEST_BYTES = MAX_UPLOAD_FILES * MAX_DOCUMENT_BYTES + 64 * 1024
"""Largest request body: ten documents at the reader's limit, and the form around them."""

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
"""Content-Security-Policy of the studio's own pages: nothing inline, nothing from elsewhere."""

PREVIEW_POLICY = (
    "sandbox allow-scripts allow-modals; default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
)
"""Content-Security-Policy of a worksheet or player preview: it runs sandboxed (an origin of its own,
so it cannot reach the studio), with only what the exported file itself holds."""

SAFE_METHODS = frozenset({"GET", "HEAD"})


class Guard:
    """ASGI middleware enforcing the rules of this module in front of ``app``."""

    def __init__(self, app: ASGIApp, hosts: Collection[str], max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.hosts = frozenset(host.lower() for host in hosts)
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a request that breaks a rule; pass the others on, with their body counted."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        problem = self.problem(scope["method"], headers)
        if problem is not None:
            status, message = problem
            await _refuse(send, status, message, "text/html" in headers.get("accept", ""))
            return
        await self.app(scope, self._counted(receive, send), _with_headers(send))

    def problem(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        """The status and message a request with ``headers`` is refused with, or ``None``."""
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            return 421, "This studio answers only at its own address; open the address it printed when it started."
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            return 413, _too_large(int(length), self.max_bytes)
        if method in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in {f"http://{host}", f"https://{host}"}:
            return 403, "Refused: this request came from another site's page, not from the studio."
        if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return 403, "Refused: this request came from another site's page, not from the studio."
        return None

    def _counted(self, receive: Receive, send: Send) -> Receive:
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise TooLarge(_too_large(seen, self.max_bytes))
            return message

        return counting


class TooLarge(Exception):
    """A request body grew past the limit while it was read."""


def _too_large(size: int, limit: int) -> str:
    return (
        f"The upload is {size / 1024 / 1024:,.1f} MB; the studio takes at most {limit / 1024 / 1024:,.1f} MB at once "
        f"({MAX_UPLOAD_FILES} documents of at most {MAX_DOCUMENT_BYTES // 1024} KB each). "
        "Split longer texts into chapters."
    )


async def _refuse(send: Send, status: int, message: str, as_page: bool) -> None:
    """Answer ``message`` with ``status``: a small page for a browser's navigation, else plain text."""
    if as_page:
        body, media = _REFUSAL_PAGE.format(message=html.escape(message)).encode("utf-8"), b"text/html; charset=utf-8"
    else:
        body, media = message.encode("utf-8"), b"text/plain; charset=utf-8"
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", media),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers + _SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


_REFUSAL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Refused · quizgen studio</title><link rel="stylesheet" href="/static/studio.css"></head>
<body><main id="main"><section class="panel problem" role="alert"><h1>That was refused</h1><p>{message}</p>
<p><a class="button-link" href="/">Back to the start page</a></p></section></main></body></html>
"""

_SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {key.lower() for key, _ in message.get("headers", [])}
            extra: list[Any] = [header for header in _SECURITY_HEADERS if header[0] not in names]
            if b"content-security-policy" not in names:
                extra.append((b"content-security-policy", PAGE_POLICY.encode()))
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending
