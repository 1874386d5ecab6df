"""Identifiers printed exactly as stored (item 8); position and level never doubled (item 9)."""

from __future__ import annotations

from ethics_tui.pdf.base import office_digits
from ethics_tui.pdf.models import SlipDoc, SlipField
from ethics_tui.pdf.names import position_with_level
from ethics_tui.pdf.samples import sample_settings
from ethics_tui.pdf.slip import render_slip
from ethics_tui.pdf.textlayer import pdftotext


def test_codes_keep_their_digits_while_prose_gets_thai_digits():
    assert office_digits("รหัส DFEX-YAJ7-FH รับเมื่อ 12 มี.ค.", "thai") == "รหัส DFEX-YAJ7-FH รับเมื่อ ๑๒ มี.ค."
    assert office_digits("A0066 / B00012", "thai") == "A0066 / B00012"
    assert office_digits("ปี 2568 ข้อ 3 ตอนที่ 2ก", "thai") == "ปี ๒๕๖๘ ข้อ ๓ ตอนที่ ๒ก"
    assert office_digits("a1@x.go.th", "thai") == "a1@x.go.th"


def test_a_complaint_code_prints_as_stored(tmp_path):
    doc = SlipDoc(
        title="ใบรับเรื่องร้องเรียน",
        fields=[SlipField("รหัสรับเรื่อง", "DFEX-YAJ7-FH"), SlipField("รหัสบุคลากร", "A0066"), SlipField("จำนวน", "7 ฉบับ")],
    )
    out = render_slip(doc, tmp_path / "s.pdf", sample_settings("thai"))
    text = pdftotext(out)
    assert "DFEX-YAJ7-FH" in text and "A0066" in text
    assert "๗ ฉบับ" in text


def test_position_and_level_not_printed_twice():
    assert position_with_level("นักทรัพยากรบุคคลชำนาญการ", "ชำนาญการ") == "นักทรัพยากรบุคคลชำนาญการ"
    assert position_with_level("นักทรัพยากรบุคคล", "ชำนาญการ") == "นักทรัพยากรบุคคลชำนาญการ"
    assert position_with_level("นิติกร", "ปฏิบัติการ") == "นิติกรปฏิบัติการ"
    assert position_with_level("ปลัด อบต.", "อำนวยการท้องถิ่น ระดับกลาง") == "ปลัด อบต."
    assert position_with_level("ปลัด อบต.", "อำนวยการท้องถิ่น ระดับกลาง", other_levels=True) == (
        "ปลัด อบต. อำนวยการท้องถิ่น ระดับกลาง"
    )


def test_committee_order_position_not_doubled():
    from ethics_tui.service.committee import position_title

    assert position_title("นักทรัพยากรบุคคลชำนาญการ", "ชำนาญการ") == "นักทรัพยากรบุคคลชำนาญการ"
