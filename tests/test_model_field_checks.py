"""model/text.py check_text / check_date: the one text and date check every model uses."""

from __future__ import annotations

from datetime import date

import pytest

from ethics_tui.errors import ValidationError
from ethics_tui.model.committee import Consultation, Order
from ethics_tui.model.notices import Notice
from ethics_tui.model.text import check_date, check_text
from ethics_tui.model.training import Opportunity


def test_check_text_messages():
    e: dict = {}
    check_text(e, "a", 5, "ชื่อ", "name")
    check_text(e, "b", "  ", "ชื่อ", "name", required=True)
    check_text(e, "c", "x" * 11, "ชื่อ", "name", limit=10)
    check_text(e, "d", "  ", "ชื่อ", "name")  # blank but optional
    check_text(e, "f", "x" * 10, "ชื่อ", "name", limit=10)
    assert e == {
        "a": ("ชื่อไม่ถูกต้อง", "invalid name"),
        "b": ("ต้องกรอกชื่อ", "name is required"),
        "c": ("ชื่อยาวเกิน 10 ตัวอักษร", "name is longer than 10 characters"),
    }


def test_check_date_messages():
    e: dict = {}
    assert check_date(e, "a", "2026-01-31", "วันเริ่ม", "start") == date(2026, 1, 31)
    assert check_date(e, "b", "", "วันเริ่ม", "start") is None and "b" not in e
    assert check_date(e, "c", "", "วันเริ่ม", "start", required=True) is None
    assert check_date(e, "d", "", "วันเริ่ม", "start", required=True, missing_th="ต้องระบุ") is None
    assert check_date(e, "f", "31/01/2026", "วันเริ่ม", "start") is None
    assert e == {
        "c": ("ต้องกรอกวันเริ่ม", "start is required"),
        "d": ("ต้องระบุวันเริ่ม", "start is required"),
        "f": ("วันเริ่มไม่ถูกต้อง", "invalid start"),
    }


def _errors(record, *args) -> dict:
    with pytest.raises(ValidationError) as info:
        record.validate(*args)
    return info.value.errors


def test_the_models_keep_their_messages():
    order = Order(subject="", term_start="", term_end="x", order_date="")
    e = _errors(order, True)
    assert e["subject"] == ("ต้องกรอกเรื่อง", "subject is required")
    assert e["term_start"] == ("ต้องระบุวันเริ่มวาระ", "term start is required")
    assert e["term_end"] == ("วันสิ้นสุดวาระไม่ถูกต้อง", "invalid term end")
    c = Consultation(consulted_on="", channel="x", category="x", question="q" * 2001, advice="", status="advised")
    e = _errors(c)
    assert e["consulted_on"] == ("ต้องระบุวันที่ขอคำปรึกษา", "date is required")
    assert e["question"] == ("สรุปคำถามยาวเกิน 2000 ตัวอักษร", "question summary is longer than 2000 characters")
    assert e["advice"] == ("ต้องกรอกคำแนะนำ", "advice is required")
    o = Opportunity(kind="ฝึกอบรม", title=" ", start_date="", organizer="o" * 201)
    e = _errors(o)
    assert e["title"] == ("ต้องกรอกชื่อหลักสูตร/โครงการ", "title is required")
    assert e["start_date"] == ("ต้องกรอกวันเริ่ม", "start date is required")
    assert e["organizer"] == ("ผู้จัดยาวเกิน 200 ตัวอักษร", "organizer is longer than 200 characters")
    n = Notice(kind="circular", title="t", to="", signer_name="s" * 121)
    e = _errors(n)
    assert e["to"] == ("ต้องกรอกเรียน", "recipients is required")
    assert e["signer_name"] == ("ชื่อผู้ลงนามยาวเกิน 120 ตัวอักษร", "signatory is longer than 120 characters")


def test_labels_pick_and_label():
    from ethics_tui.model.complaints import kind_label, step_label
    from ethics_tui.model.labels import label, pick
    from ethics_tui.tui.i18n import pick as tui_pick

    assert tui_pick is pick  # one helper for the core, the CLI and the TUI
    table = {"open": ("เปิด", "open")}
    assert label(table, "open", "en") == "open" and label(table, "open") == "เปิด"
    assert label(table, "zz", "en") == "zz"  # an unknown code is shown as it is
    assert pick(("ก", "A"), "th") == "ก"
    assert step_label("received", "en") == "received" and step_label("received") == "รับเรื่อง"
    assert kind_label("nope") == "nope"
