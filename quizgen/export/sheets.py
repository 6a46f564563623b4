"""Writing the spreadsheets and delimited text files classroom platforms import, safely and reproducibly.

Every cell a teacher might open in Excel, LibreOffice or Google Sheets is written so it cannot run
as a formula: in xlsx files text is always a string cell (openpyxl would otherwise make any text
starting with ``=`` a formula) and one that starts like a formula is also marked "quote prefix",
as Excel marks text typed after an apostrophe; in CSV and tab-separated files such a field gets a
leading apostrophe, as OWASP advises (see :func:`neutralise`).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from quizgen.export.files import zip_bytes
from quizgen.export.lms import one_line, xml_text

Cell: TypeAlias = str | int | None
"""A cell: text, a whole number, or empty."""

Row: TypeAlias = Sequence[Cell]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's list)."""

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)*|[.,][0-9]+)%?")
"""A plain number such as ``-40`` or ``+3.5``: a spreadsheet reads it as a number, never a formula."""


def formula_risk(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: it starts like one and is not a plain number."""
    return text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet could read it as a formula (OWASP's advice for CSV)."""
    return "'" + text if formula_risk(text) else text


def cell_text(text: str) -> str:
    """``text`` for one cell: on one line, without control characters a spreadsheet or XML cannot hold."""
    return one_line(xml_text(text))


def _fields(row: Row) -> list[str | int]:
    return [neutralise(cell) if isinstance(cell, str) else ("" if cell is None else cell) for cell in row]


def csv_bytes(rows: Sequence[Row]) -> bytes:
    """``rows`` as RFC 4180 CSV (quoted where needed, CRLF line ends) in UTF-8 with a BOM, fields neutralised.

    The BOM is what Excel's "CSV UTF-8" writes and what platforms that ask for it need to read
    accented letters correctly; the others ignore it.
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(_fields(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def tab_separated_bytes(rows: Sequence[Row]) -> bytes:
    """``rows`` as unquoted tab-separated lines in UTF-8 without a BOM, fields neutralised.

    No quoting: the platforms reading this (Blackboard's upload, Quizlet's import box) would show
    quotes literally. Every field must already be on one line (see :func:`cell_text`).
    """
    lines = []
    for row in rows:
        fields = [str(value) for value in _fields(row)]
        assert not any(char in value for value in fields for char in "\t\r\n"), "a field spans lines or columns"
        lines.append("\t".join(fields) + "\n")
    return "".join(lines).encode("utf-8")


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its rows from row 1 (``None`` for an empty cell), column widths, merged ranges, bold rows."""

    title: str
    rows: Sequence[Row]
    widths: Mapping[str, float] = field(default_factory=dict)
    merged: Sequence[str] = ()
    bold_rows: frozenset[int] = frozenset()


def xlsx_bytes(sheet: Sheet, stamp: float) -> bytes:
    """The ``.xlsx`` workbook holding ``sheet``, with creation and modification time ``stamp`` (Unix seconds).

    Written with openpyxl (imported here, so commands that write no spreadsheet stay fast), then
    repacked with fixed zip entry times, so the same sheet and stamp give the same bytes.
    ``stamp`` is :func:`~quizgen.export.files.content_time`: when the content last changed.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet.title
    bold = Font(bold=True)
    for row_number, row in enumerate(sheet.rows, 1):
        for column_number, value in enumerate(row, 1):
            if value is None:
                continue
            cell = worksheet.cell(row=row_number, column=column_number)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cell.quotePrefix = formula_risk(value)
            if row_number in sheet.bold_rows:
                cell.font = bold
    for column, width in sheet.widths.items():
        worksheet.column_dimensions[column].width = width
    for cells in sheet.merged:
        worksheet.merge_cells(cells)
    when = datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc).replace(tzinfo=None)
    workbook.properties.creator = "quizgen"
    workbook.properties.created = workbook.properties.modified = when
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save, which would stamp "modified" with the time of the run.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(buffer) as saved:
        return zip_bytes((info.filename, saved.read(info)) for info in saved.infolist())
