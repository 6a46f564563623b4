"""Printing HTML to PDF with the system's headless Chromium, driven by Playwright.

Playwright is imported only here, and only when a PDF is asked for, so building
HTML never needs it. Chromium is never downloaded: quizgen uses the one the
system has (``QUIZGEN_CHROMIUM``, else ``chromium``, ``chromium-browser``,
``google-chrome`` or ``google-chrome-stable`` on the ``PATH``).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

__all__ = ["CHROMIUM_ARGS", "CHROMIUM_ENV", "PdfPrinter", "find_chromium"]

CHROMIUM_ENV = "QUIZGEN_CHROMIUM"
"""Environment variable naming the Chromium (or Chrome) executable to print with."""

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Command-line switches for every headless Chromium that quizgen, and its browser tests, start."""

INSTALL_HINT = (
    "install it with `sudo apt-get install chromium` (Debian/Ubuntu; the package is `chromium-browser` on some "
    f"systems), or set {CHROMIUM_ENV} to a Chromium or Chrome program"
)

_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[0-9]{14}[^)]*)\)")


def find_chromium() -> Path:
    """The Chromium to print with; :class:`QuizgenError` saying how to install it when there is none."""
    configured = os.environ.get(CHROMIUM_ENV, "").strip()
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise QuizgenError(
                f"printing to PDF: {CHROMIUM_ENV}={configured!r} is not an executable program; set it to a Chromium or "
                "Chrome program, or unset it to use `chromium` from the PATH"
            )
        return Path(found)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found is not None:
            return Path(found)
    raise QuizgenError(f"printing to PDF needs Chromium, which was not found; {INSTALL_HINT}")


def pin_dates(pdf: bytes, when: float) -> bytes:
    """``pdf`` with its creation and modification dates set to ``when`` (seconds since the epoch).

    Chromium stamps the current time; pinning it to the input's time keeps the
    same input and seed giving byte-identical PDFs. The stamp keeps its length,
    so the file's cross-reference offsets stay valid.
    """
    stamp = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(when)).encode("ascii")

    def replace(match: re.Match[bytes]) -> bytes:
        if len(match.group(2)) != len(stamp):
            return match.group(0)
        return b"/" + match.group(1) + b" (" + stamp + b")"

    return _PDF_DATE.sub(replace, pdf)


class PdfPrinter:
    """One headless Chromium that prints HTML pages to PDF; use it as a context manager.

    The page size and margins come from the HTML's own ``@page`` rules.
    """

    def __init__(self, executable: Path | None = None) -> None:
        self.executable = executable
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._page: Page | None = None

    def __enter__(self) -> PdfPrinter:
        executable = self.executable or find_chromium()
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise QuizgenError(
                "printing to PDF needs the Python package playwright; install it with `pip install 'quizgen[pdf]'`"
            ) from None
        try:
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=str(executable), args=list(CHROMIUM_ARGS))
            self._page = self._browser.new_page()
        except Error as error:
            self.__exit__(None, None, None)
            raise QuizgenError(
                f"printing to PDF: cannot start Chromium at {executable}: {_first_line(error)}"
            ) from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._page = None
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def print(self, html: str, when: float = 0.0) -> bytes:
        """``html`` printed to PDF bytes, dated ``when`` (seconds since the epoch).

        One page is reused for every document (each replaces the last), which
        prints several times faster than opening a page per document.
        """
        from playwright.sync_api import Error

        if self._page is None:
            raise RuntimeError("PdfPrinter.print() called outside its `with` block")
        try:
            self._page.set_content(html, wait_until="load")
            return pin_dates(self._page.pdf(prefer_css_page_size=True, print_background=True), when)
        except Error as error:
            raise QuizgenError(f"printing to PDF: Chromium could not print a page: {_first_line(error)}") from None


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
