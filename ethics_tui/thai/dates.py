"""Buddhist Era dates, Thai month names, fiscal years and appraisal rounds.

Everything the user sees is B.E. (C.E. + 543). Internally dates are ``datetime.date``
and are stored as ISO strings (Gregorian).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ethics_tui.errors import UserError
from ethics_tui.thai.digits import DIGITS_ARABIC, apply_digits, to_arabic_digits

BE_OFFSET = 543

MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# English month names for the English option: the year stays B.E., the office's calendar.
MONTHS_FULL_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_ABBR_EN = tuple(m[:3] for m in MONTHS_FULL_EN)

# Month name (full or abbreviated, also without dots) -> month number.
_MONTH_LOOKUP: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(zip(MONTHS_FULL, MONTHS_ABBR), start=1):
    _MONTH_LOOKUP[_full] = _i
    _MONTH_LOOKUP[_abbr] = _i
    _MONTH_LOOKUP[_abbr.replace(".", "")] = _i

# Years below this are taken as C.E. only in ISO form; B.E. years in dd/mm/yyyy must be
# within a plausible range so that a typo such as 25/11/2025 (C.E.) is caught.
MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700


class ThaiDateError(UserError):
    """A date the user typed could not be understood or does not exist."""


def _err(th: str, en: str) -> ThaiDateError:
    return ThaiDateError(th, en)


def _build(day: int, month: int, year_ce: int, original: str) -> date:
    if not 1 <= month <= 12:
        raise _err(
            f"เดือนไม่ถูกต้อง: {month} (ต้องเป็น 1-12) ใน “{original}”",
            f"Invalid month {month} (must be 1-12) in '{original}'",
        )
    try:
        return date(year_ce, month, day)
    except ValueError:
        be = year_ce + BE_OFFSET
        raise _err(
            f"ไม่มีวันที่ {day} {MONTHS_FULL[month - 1]} {be} ในปฏิทิน",
            f"There is no day {day} in {MONTHS_FULL[month - 1]} {be} (B.E.)",
        ) from None


def _be_to_ce(year_be: int, original: str) -> int:
    if not MIN_BE_YEAR <= year_be <= MAX_BE_YEAR:
        raise _err(
            f"ปี พ.ศ. {year_be} ไม่อยู่ในช่วงที่เป็นไปได้ ({MIN_BE_YEAR}-{MAX_BE_YEAR}) ใน “{original}” — โปรดใช้ปี พ.ศ. เช่น 2568",
            f"Year {year_be} is not a plausible Buddhist Era year in '{original}' (use B.E., e.g. 2568)",
        )
    return year_be - BE_OFFSET


_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
_NUMERIC_RE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_WORDS_RE = re.compile(r"^(\d{1,2})\s*([^\d\s]+?)\s*(?:พ\.?\s*ศ\.?\s*)?(\d{4})$")


def parse_date(text: object) -> date:
    """Parse a date as users type it.

    Accepted forms (Thai or Arabic digits):
    ``25/11/2568`` (B.E.), ``25 พ.ย. 2568``, ``25 พฤศจิกายน 2568``, ``25 พฤศจิกายน พ.ศ. 2568``,
    and ISO ``2025-11-25`` (C.E.). ``date`` and ``datetime`` objects are returned as dates
    (XLSX cells are Gregorian).

    Raises :class:`ThaiDateError` with a reason for anything else.
    """
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    original = str(text).strip() if text is not None else ""
    if not original:
        raise _err("ไม่ได้กรอกวันที่", "No date given")
    s = to_arabic_digits(original)
    s = re.sub(r"\s+", " ", s).strip()

    m = _ISO_RE.match(s)
    if m:
        year, month, day = (int(g) for g in m.groups())
        if year >= MIN_BE_YEAR:
            # 2568-11-25: an ISO-looking date written with a B.E. year.
            year = _be_to_ce(year, original)
        return _build(day, month, year, original)

    m = _NUMERIC_RE.match(s)
    if m:
        day, month, year_be = (int(g) for g in m.groups())
        return _build(day, month, _be_to_ce(year_be, original), original)

    m = _WORDS_RE.match(s)
    if m:
        day_s, month_s, year_s = m.groups()
        key = month_s.strip()
        month = _MONTH_LOOKUP.get(key) or _MONTH_LOOKUP.get(key.replace(".", "").replace(" ", ""))
        if month is None:
            raise _err(
                f"ไม่รู้จักชื่อเดือน “{month_s}” ใน “{original}”",
                f"Unknown month name '{month_s}' in '{original}'",
            )
        return _build(int(day_s), month, _be_to_ce(int(year_s), original), original)

    raise _err(
        f"อ่านวันที่ “{original}” ไม่ได้ — ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 25/11/2568",
        f"Cannot read the date '{original}'. Use dd/mm/yyyy in B.E., e.g. 25/11/2568",
    )


def format_date(d: date | str | None, style: str = "full", digits: str = DIGITS_ARABIC, lang: str = "th") -> str:
    """Format a date in B.E.

    ``full``: ``25 พฤศจิกายน 2568`` (official documents);
    ``abbr``: ``25 พ.ย. 2568`` (tables);
    ``numeric``: ``25/11/2568``.
    ``digits`` is ``"thai"`` or ``"arabic"``. ``None``/empty gives ``""``.
    ``lang="en"`` names the month in English, the year still B.E.: ``25 November 2568``,
    ``25 Nov 2568`` (the one date form of English texts; ``numeric`` is the same in both).
    """
    if d is None or d == "":
        return ""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    if isinstance(d, datetime):
        d = d.date()
    be = d.year + BE_OFFSET
    english = lang == "en"
    if style == "full":
        out = f"{d.day} {(MONTHS_FULL_EN if english else MONTHS_FULL)[d.month - 1]} {be}"
    elif style == "abbr":
        out = f"{d.day} {(MONTHS_ABBR_EN if english else MONTHS_ABBR)[d.month - 1]} {be}"
    elif style == "numeric":
        out = f"{d.day:02d}/{d.month:02d}/{be}"
    else:
        raise ValueError(f"unknown date style {style!r}")
    return apply_digits(out, digits)


def fiscal_year(d: date) -> int:
    """B.E. fiscal year of ``d``: 1 Oct 2567 - 30 Sep 2568 B.E. is FY 2568."""
    year = d.year + 1 if d.month >= 10 else d.year
    return year + BE_OFFSET


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day (Gregorian dates) of B.E. fiscal year ``fy_be``."""
    ce = fy_be - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def fiscal_quarter(d: date) -> int:
    """Quarter 1-4 of the fiscal year: Q1 = Oct-Dec, Q2 = Jan-Mar, Q3 = Apr-Jun, Q4 = Jul-Sep."""
    return ((d.month - 10) % 12) // 3 + 1


def appraisal_round(d: date) -> tuple[int, int]:
    """(fiscal year B.E., round) of ``d``: round 1 = 1 Oct-31 Mar, round 2 = 1 Apr-30 Sep."""
    return fiscal_year(d), (1 if d.month >= 10 or d.month <= 3 else 2)


def today() -> date:
    return date.today()
