"""Spreadsheets (.xlsx) for downloads, written with openpyxl, the same bytes on every build.

Dates become real date cells shown as dd/mm/yyyy, so a spreadsheet sorts and filters them as
dates whatever its language (a CSV date is text that each program reads its own way). Text
that a spreadsheet would run as a formula is written as text. openpyxl stamps the workbook and
each part of the zip with the time of writing; both are set here to a date given by the caller,
so an unchanged roll gives an unchanged file (and the live preview sees no change).
It registers no generator.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

DATE_FORMAT = "dd/mm/yyyy"
SHEET_TITLE_MAX = 31
"""Excel's limit on a sheet name."""


def _zip_stable(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry dated ``when`` (zip dates start in 1980)."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def workbook_bytes(title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
                   when: datetime) -> bytes:
    """One sheet named ``title``: a bold, frozen header row with filters, then ``rows``.

    Cells may be ``str``, ``int``, ``date`` or ``None``.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(ch for ch in title if ch not in "[]:*?/\\")[:SHEET_TITLE_MAX]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in header]
    # Row numbers counted here: sheet.max_row scans every row it holds, so asking it after each
    # append made a yearly roll of a province quadratic (a third of the honour rolls' time).
    for line, row in enumerate(rows, start=2):
        sheet.append([None if v is None or v == "" else v for v in row])
        for i, value in enumerate(row):
            cell = sheet.cell(row=line, column=i + 1)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
                widths[i] = max(widths[i], 10)
            elif isinstance(value, str):
                # Never a formula: openpyxl would store "=…" as one.
                if value.startswith("="):
                    cell.data_type = "s"
                widths[i] = max(widths[i], min(len(value), 60))
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.properties.creator = ""
    book.properties.title = title
    book.properties.created = book.properties.modified = when
    buf = io.BytesIO()
    # Not book.save(), which stamps the workbook with the time of writing.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return _zip_stable(buf.getvalue(), when)
