"""The headers of an office's own staff sheet: which row holds them, and which field each names.

Thai office sheets often start with a title ("บัญชีรายชื่อพนักงาน … ประจำปีงบประมาณ 2570") and an
empty row above the table. :func:`header_index` finds the header row: the first of the first
``HEADER_SEARCH_ROWS`` rows with at least two cells that are known header words (the app's own
headers, the usual names in :data:`ALIASES`, a running-number column), else the first row with
anything in it. The plain import (service/staff_io.py) and the column mapping
(service/staff_mapping.py) both use it, and say which row they took when it is not the first.
"""

from __future__ import annotations

from collections.abc import Iterable

#: rows searched for the header
HEADER_SEARCH_ROWS = 10
#: header words (squashed, case-folded) that usually mean a field, in office sheets and LHR-like
#: exports; the first word of each is the app's own Thai header where it has one
ALIASES = {
    "code": ("รหัส", "รหัสพนักงาน", "เลขที่ตำแหน่ง", "เลขตำแหน่ง", "code"),
    "prefix": ("คำนำหน้า", "คำนำหน้าชื่อ", "prefix"),
    "first_name": ("ชื่อ", "first_name", "firstname"),
    "last_name": ("นามสกุล", "สกุล", "last_name", "lastname"),
    "full_name": ("ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อสกุล", "ชื่อนามสกุล", "ชื่อ–สกุล", "ชื่อ–นามสกุล", "fullname", "name"),
    "position": ("ตำแหน่ง", "ตำแหน่งในสายงาน", "ชื่อตำแหน่ง", "position"),
    "level": ("ระดับ", "ระดับตำแหน่ง", "level"),
    "division": ("กอง", "ส่วนราชการ", "สังกัด", "กอง/สำนัก", "สังกัดกอง", "division"),
    "staff_type": ("ประเภทบุคลากร", "ประเภท", "ประเภทพนักงาน", "ประเภทตำแหน่ง", "staff_type", "stafftype", "type"),
    "start_date": ("วันที่เริ่มงาน", "วันที่บรรจุ", "วันเริ่มปฏิบัติงาน", "วันที่เริ่มปฏิบัติงาน", "start_date", "startdate"),
    "email": ("อีเมล", "e-mail", "email"),
    "phone": ("โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "phone"),
    "status": ("สถานะ", "status"),
}
#: columns an office sheet has that the app does not keep, skipped without a word
SKIPPED_QUIETLY = ("ลำดับ", "ลำดับที่", "ที่", "no.", "no", "หมายเหตุ")


def squash(text) -> str:
    """A header as compared: no spaces, case-folded, no byte-order mark."""
    return "".join(str(text or "").split()).casefold().lstrip("\ufeff")


_FIELD_OF = {squash(w): f for f, words in ALIASES.items() for w in words}
_QUIET = {squash(w) for w in SKIPPED_QUIETLY}
_KNOWN = set(_FIELD_OF) | _QUIET


def field_of(header) -> str | None:
    """The field a header usually names (None: not a usual header)."""
    return _FIELD_OF.get(squash(header))


def quietly_skipped(header) -> bool:
    return squash(header) in _QUIET


def header_index(table: list[list[object]], also: Iterable[str] = ()) -> int:
    """The index of the header row of ``table`` (0 when none is recognised and the first row has
    data). ``also``: more header words that count (a saved mapping's source headers)."""
    known = _KNOWN | {squash(w) for w in also if squash(w)}
    first = None
    for i, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        cells = [squash(c) for c in row if squash(c)]
        if not cells:
            continue
        if first is None:
            first = i
        if sum(c in known for c in cells) >= 2:
            return i
    return first if first is not None else 0


def header_note(index: int) -> tuple[str, str]:
    """The line the preview shows when the header is not the first row."""
    row = index + 1
    return (
        f"ใช้แถวที่ {row} เป็นหัวตาราง (ข้ามชื่อเรื่องด้านบน {index} แถว)",
        f"Row {row} taken as the header ({index} row(s) above it, such as a title, skipped)",
    )
