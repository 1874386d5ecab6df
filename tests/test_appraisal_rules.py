"""Pure appraisal rules: level bands, scores, round dates, the grievance clock, import checks."""

from datetime import date
from decimal import Decimal

import pytest

from ethics_tui.errors import ValidationError
from ethics_tui.model import appraisal as m
from ethics_tui.thai.dates import fiscal_year

BANDS = [list(b) for b in m.DEFAULT_BANDS]


@pytest.mark.parametrize(
    "total, level",
    [
        ("100", "ดีเด่น"),
        ("90.00", "ดีเด่น"),
        ("89.99", "ดีมาก"),
        ("80", "ดีมาก"),
        ("79.99", "ดี"),
        ("70.00", "ดี"),
        ("69.99", "พอใช้"),
        ("60", "พอใช้"),
        ("59.99", "ต้องปรับปรุง"),
        ("0", "ต้องปรับปรุง"),
    ],
)
def test_default_bands_at_every_boundary(total, level):
    assert m.level_for(Decimal(total), m.check_bands(BANDS)) == level


def test_office_bands_are_configurable():
    bands = m.check_bands([["ดีเด่น", "95"], ["ดีมาก", "85"], ["ดี", "75"], ["พอใช้", "๖๕"], ["ต้องปรับปรุง", "0"]])
    assert bands[3] == ["พอใช้", "65.00"]
    assert m.level_for("94.99", bands) == "ดีมาก"
    assert m.level_for("95", bands) == "ดีเด่น"


@pytest.mark.parametrize(
    "bands, word",
    [
        ([["ก", "90"], ["ข", "95"], ["ค", "0"]], "ลดลง"),
        ([["ก", "90"], ["ข", "10"]], "เริ่มที่ 0"),
        ([["ก", "90"], ["ก", "0"]], "ซ้ำ"),
        ([["ก", "0"]], "2-8"),
        ([["ก", "ab"], ["ข", "0"]], "ไม่ใช่ตัวเลข"),
    ],
)
def test_bad_bands_are_refused(bands, word):
    with pytest.raises(ValidationError) as exc:
        m.check_bands(bands)
    assert word in exc.value.th


@pytest.mark.parametrize(
    "text, value", [("85.5", "85.50"), ("๘๕.๕", "85.50"), (" 70 ", "70.00"), (0, "0.00"), (89.99, "89.99")]
)
def test_scores_as_typed(text, value):
    assert m.parse_score(text) == Decimal(value)


@pytest.mark.parametrize(
    "text, word",
    [
        ("", "ต้องกรอก"),
        ("abc", "ไม่ใช่ตัวเลข"),
        ("90.123", "ทศนิยม"),
        ("-1", "ระหว่าง"),
        ("100.01", "ระหว่าง"),
        ("nan", "ไม่ใช่ตัวเลข"),
        ("1e3", "ระหว่าง"),
    ],
)
def test_bad_scores_are_refused_in_thai(text, word):
    with pytest.raises(ValidationError) as exc:
        m.parse_score(text)
    assert word in exc.value.th
    assert exc.value.en


def test_component_limit_and_total():
    assert m.parse_score("70", most=70) == Decimal("70.00")
    with pytest.raises(ValidationError):
        m.parse_score("70.01", most=70)
    assert m.total_of(Decimal("60.25"), Decimal("25.50")) == Decimal("85.75")
    assert m.total_of(None, None, Decimal(77)) == Decimal(77)
    with pytest.raises(ValidationError):
        m.total_of(Decimal(60), None)
    with pytest.raises(ValidationError):
        m.total_of(Decimal(60), Decimal(20), Decimal(81))


def test_weights_must_add_up_to_100():
    assert m.check_weights({"results": "๘๐", "competency": 20}) == {"results": 80, "competency": 20}
    with pytest.raises(ValidationError):
        m.check_weights({"results": 70, "competency": 20})


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2024, 10, 1), (2568, 1)),
        (date(2024, 12, 31), (2568, 1)),
        (date(2025, 1, 1), (2568, 1)),
        (date(2025, 3, 31), (2568, 1)),
        (date(2025, 4, 1), (2568, 2)),
        (date(2025, 9, 30), (2568, 2)),
        (date(2025, 10, 1), (2569, 1)),
        (date(2024, 2, 29), (2567, 1)),
    ],
)
def test_round_from_any_date(day, expected):
    assert m.round_of(day) == expected
    start, end = m.round_period(*expected)
    assert start <= day <= end


def test_round_periods():
    assert m.round_period(2568, 1) == (date(2024, 10, 1), date(2025, 3, 31))
    assert m.round_period(2568, 2) == (date(2025, 4, 1), date(2025, 9, 30))
    assert m.round_period(2567, 1)[1] == date(2024, 3, 31)


def test_deadline_crosses_the_fiscal_year_end():
    notified = date(2025, 9, 15)
    due = m.deadline(notified)
    assert due == date(2025, 10, 15)
    assert (fiscal_year(notified), fiscal_year(due)) == (2568, 2569)
    assert m.deadline("2025-09-30", 30) == date(2025, 10, 30)
    assert m.deadline(date(2024, 2, 1), 30) == date(2024, 3, 2)  # leap year
    assert m.deadline(date(2025, 9, 15), 45) == date(2025, 10, 30)  # a setting
    assert m.days_left(due, date(2025, 10, 15)) == 0
    assert m.days_left(due, date(2025, 10, 16)) == -1
    assert m.days_left(due, date(2025, 9, 30)) == 15


def test_refusal_needs_a_witness_and_a_notification():
    with pytest.raises(ValidationError) as exc:
        m.check_ack("refused", date(2025, 10, 2), "2025-10-01", "  ")
    assert "พยาน" in exc.value.th
    with pytest.raises(ValidationError):
        m.check_ack("signed", date(2025, 10, 2), "", "")
    with pytest.raises(ValidationError):
        m.check_ack("signed", date(2025, 9, 30), "2025-10-01", "")
    m.check_ack("refused", date(2025, 10, 2), "2025-10-01", "นายพยาน ดี")


AUD = {"0001": (1, False), "0002": (2, False), "0003": (3, True)}
W = {"results": 70, "competency": 30}


def test_score_table_reports_every_bad_row():
    table = [
        ["\ufeffรหัส", "ผลสัมฤทธิ์", "สมรรถนะ", "ความเห็น"],
        ["0001", "60", "25.5", "ดี"],
        ["9999", "60", "25", ""],  # not in the round
        ["0002", "71", "x", ""],  # over the weight, not a number
        ["0003", "50", "20", ""],  # locked
        ["", "", "", ""],  # blank: skipped
        ["๐๐๐๑", "60", "20", ""],  # repeats row 2 (Thai digits)
        ["0002", "60", "", ""],  # only one component
    ]
    rows, errors = m.check_score_table(table, AUD, W)
    where = {(e[0], e[1]) for e in errors}
    assert (3, "รหัส") in where
    assert (4, "ผลสัมฤทธิ์") in where and (4, "สมรรถนะ") in where
    assert (5, "รหัส") in where
    assert (7, "รหัส") in where
    assert (8, "สมรรถนะ") in where
    assert not any(e[0] in (2, 6) for e in errors)
    assert rows[0] == (2, 1, Decimal("60.00"), Decimal("25.50"), None, "ดี")


def test_score_table_headers():
    assert m.check_score_table([], AUD, W)[1][0][0] == 1
    _, errors = m.check_score_table([["code", "comment"]], AUD, W)
    assert "total" in errors[0][3]
    rows, errors = m.check_score_table([["code", "total"], ["0001", 88.5]], AUD, W)
    assert not errors and rows[0][4] == Decimal("88.50")
