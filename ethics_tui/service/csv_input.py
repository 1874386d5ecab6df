"""Reading a CSV file the officer points at, as Excel writes one (imports of staff and scores).

- **Quotes as Excel writes them**: a cell with a comma, a quote or a line break is quoted and a
  quote inside it is doubled (``"ผู้ช่วย ""พิเศษ"" งานบุคคล"``). Only the *delimiter* is guessed (comma,
  semicolon or tab: what Excel writes under other regional settings); the rest of the dialect is
  always Excel's. csv.Sniffer's other guesses came from the first 4 kB alone: with no ``""``
  there it took ``doublequote=False`` and misread a doubled quote further down.
- **Encoding**: UTF-8 (with or without a BOM), else TIS-620 / Windows-874 (cp874, what Thai
  Excel writes). A file whose rows mix the two (rows pasted from another file) is refused
  naming the first row that is not UTF-8, instead of being saved as garbled Thai.
- **The app's own export protection is undone** (sheets.csv_value): a cell the export wrote as
  ``'=1+1`` is read as ``=1+1``, so exporting and importing the same file changes nothing.
- Every refusal is a Thai message with an English one, naming the row (header = row 1).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.service import input_files
from ethics_tui.service.sheets import csv_value

DELIMITERS = ",;\t"
_ESCAPED = re.compile(r"[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)
_THAI = re.compile(r"[\u0e01-\u0e5b]")


def read_csv_rows(raw: bytes, path: Path) -> list[list[str]]:
    """The rows of a CSV file's bytes (header first), read as Excel writes them."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return _rows(raw.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    rows = _rows(raw.decode("utf-8", "surrogateescape"), path)
    bad = next((i for i, row in enumerate(rows, start=1) if any(_ESCAPED.search(c) for c in row)), 1)
    if any(_is_utf8_thai(row) for row in rows):
        raise UserError(
            f"ไฟล์ CSV {path.name} ใช้การเข้ารหัสอักษรปนกัน: แถวที่ {bad} ไม่ใช่ UTF-8 (น่าจะเป็น TIS-620) "
            "ขณะที่แถวอื่นเป็น UTF-8 — แก้แถวนั้น หรือเปิดใน Excel แล้วบันทึกใหม่เป็น “CSV UTF-8”",
            f"The CSV file {path.name} mixes encodings: row {bad} is not UTF-8 (TIS-620?) while other "
            "rows are; fix that row, or save the file again as 'CSV UTF-8'",
        )
    try:
        text = raw.decode("cp874")  # TIS-620 / Windows-874, what Thai Excel writes
    except UnicodeDecodeError:
        raise UserError(
            f"อ่านไฟล์ CSV ไม่ได้: แถวที่ {bad} ไม่ใช่ทั้ง UTF-8 และ TIS-620 (cp874) — บันทึกไฟล์ใหม่เป็น “CSV UTF-8”",
            f"Cannot read the CSV file: row {bad} is neither UTF-8 nor TIS-620 (cp874); save it as 'CSV UTF-8'",
        ) from None
    return _rows(text, path)


def _is_utf8_thai(row: list[str]) -> bool:
    """A row read wholly as UTF-8 with Thai in it (two Thai letters: a TIS-620 row is almost
    never valid UTF-8 by chance, and never for a whole row of Thai words)."""
    text = "".join(row)
    return not _ESCAPED.search(text) and len(_THAI.findall(text)) >= 2


def delimiter_of(text: str) -> str:
    """The delimiter of a CSV text: comma, semicolon or tab (comma when unsure)."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def _rows(text: str, path: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    # newline="": a line ending CR (old Mac Excel) or CRLF splits rows; a line break inside a
    # quoted cell stays in the cell
    reader = csv.reader(io.StringIO(text, newline=""), dialect=csv.excel, delimiter=delimiter_of(text))
    try:
        for r in reader:
            rows.append([csv_value(c) for c in r])
            if len(rows) > input_files.SHEET_MAX_ROWS:
                raise UserError(
                    f"ไฟล์ {path} มีเกิน {input_files.SHEET_MAX_ROWS:,} แถว — แบ่งเป็นหลายไฟล์",
                    f"{path} has more than {input_files.SHEET_MAX_ROWS:,} rows; split it",
                )
    except csv.Error as exc:
        row = len(rows) + 1
        if "field limit" in str(exc):
            limit = csv.field_size_limit()
            raise UserError(
                f"อ่านไฟล์ CSV ไม่ได้: แถวที่ {row} มีช่องที่ยาวเกิน {limit:,} ตัวอักษร "
                '(มักเกิดจากเครื่องหมายคำพูด " ที่เปิดแล้วไม่ได้ปิด) — ตรวจแถวนั้นใน Excel',
                f"Cannot read the CSV file: row {row} has a cell longer than {limit:,} characters "
                '(usually a " opened and never closed); check that row',
            ) from None
        raise UserError(
            f"อ่านไฟล์ CSV ไม่ได้: รูปแบบของแถวที่ {row} ไม่ถูกต้อง — เปิดใน Excel แล้วบันทึกใหม่เป็น “CSV UTF-8”",
            f"Cannot read the CSV file: row {row} is malformed ({exc}); save it again as 'CSV UTF-8'",
        ) from None
    return rows
