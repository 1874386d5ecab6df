from datetime import date

import pytest

from ethics_tui.thai.dates import (
    ThaiDateError,
    appraisal_round,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_range,
    format_date,
    parse_date,
)
from ethics_tui.thai.digits import apply_digits, to_arabic_digits, to_thai_digits

D = date(2025, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "25/11/2568",
        "๒๕/๑๑/๒๕๖๘",
        "25 พ.ย. 2568",
        "25 พย 2568",
        "25 พฤศจิกายน 2568",
        "๒๕ พฤศจิกายน ๒๕๖๘",
        "25 พฤศจิกายน พ.ศ. 2568",
        "2025-11-25",
        " 25/11/2568 ",
        "25-11-2568",
        "25.11.2568",
        "2568-11-25",
    ],
)
def test_parse_accepts_user_forms(text):
    assert parse_date(text) == D


def test_parse_passes_dates_through():
    from datetime import datetime

    assert parse_date(D) == D
    assert parse_date(datetime(2025, 11, 25, 13, 5)) == D


@pytest.mark.parametrize(
    "text, reason",
    [
        ("31/02/2568", "ไม่มีวันที่ 31 กุมภาพันธ์"),
        ("29/02/2567", None),  # 2024 is a leap year: valid
        ("29/02/2568", "ไม่มีวันที่ 29"),  # 2025 is not
        ("25/13/2568", "เดือนไม่ถูกต้อง"),
        ("00/11/2568", "ไม่มีวันที่ 0"),
        ("25/11/2025", "ปี พ.ศ."),  # C.E. year typed where B.E. is expected
        ("25 พฤศจิกา 2568", "ไม่รู้จักชื่อเดือน"),
        ("", "ไม่ได้กรอกวันที่"),
        ("abc", "อ่านวันที่"),
        ("2025-02-30", "ไม่มีวันที่ 30"),
        ("25/11/68", "อ่านวันที่"),
    ],
)
def test_parse_rejects_with_reason(text, reason):
    if reason is None:
        assert parse_date(text) == date(2024, 2, 29)
        return
    with pytest.raises(ThaiDateError) as exc:
        parse_date(text)
    assert reason in exc.value.th
    assert exc.value.en and exc.value.en != exc.value.th


def test_format_styles_and_digits():
    assert format_date(D, "full", "thai") == "๒๕ พฤศจิกายน ๒๕๖๘"
    assert format_date(D, "full") == "25 พฤศจิกายน 2568"
    assert format_date(D, "abbr") == "25 พ.ย. 2568"
    assert format_date(D, "abbr", "thai") == "๒๕ พ.ย. ๒๕๖๘"
    assert format_date(date(2025, 1, 5), "numeric") == "05/01/2568"
    assert format_date("2025-11-25", "numeric", "thai") == "๒๕/๑๑/๒๕๖๘"
    assert format_date(None) == "" and format_date("") == ""
    with pytest.raises(ValueError):
        format_date(D, "weird")


def test_round_trip_all_months():
    for m in range(1, 13):
        d = date(2024, m, 28)
        for style in ("full", "abbr", "numeric"):
            for digits in ("thai", "arabic"):
                assert parse_date(format_date(d, style, digits)) == d


@pytest.mark.parametrize(
    "d, fy, q, rnd",
    [
        (date(2024, 10, 1), 2568, 1, 1),
        (date(2024, 9, 30), 2567, 4, 2),
        (date(2024, 12, 31), 2568, 1, 1),
        (date(2025, 1, 1), 2568, 2, 1),
        (date(2025, 3, 31), 2568, 2, 1),
        (date(2025, 4, 1), 2568, 3, 2),
        (date(2025, 7, 1), 2568, 4, 2),
        (date(2025, 9, 30), 2568, 4, 2),
    ],
)
def test_fiscal_year_quarter_round(d, fy, q, rnd):
    assert fiscal_year(d) == fy
    assert fiscal_quarter(d) == q
    assert appraisal_round(d) == (fy, rnd)


def test_fiscal_year_range():
    assert fiscal_year_range(2568) == (date(2024, 10, 1), date(2025, 9, 30))


def test_digits():
    assert to_thai_digits("ที่ 123/2568") == "ที่ ๑๒๓/๒๕๖๘"
    assert to_arabic_digits("ที่ ๑๒๓/๒๕๖๘") == "ที่ 123/2568"
    assert to_arabic_digits(to_thai_digits("0123456789")) == "0123456789"
    assert apply_digits(42, "thai") == "๔๒"
    assert apply_digits("๔๒", "arabic") == "42"


def test_format_english_names_the_month_and_keeps_the_be_year():
    assert format_date(D, "abbr", lang="en") == "25 Nov 2568"
    assert format_date(D, "full", lang="en") == "25 November 2568"
    assert format_date(D, "abbr", "thai", "en") == "๒๕ Nov ๒๕๖๘"
    assert format_date(D, "numeric", lang="en") == format_date(D, "numeric")
    assert [format_date(date(2025, mo, 1), "abbr", lang="en").split()[1] for mo in (1, 5, 9)] == ["Jan", "May", "Sep"]
