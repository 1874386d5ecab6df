"""บันทึกข้อความ (pdf/memo.py): every part reads back with pdftotext, in order."""

from __future__ import annotations

from dataclasses import replace

from ethics_tui.pdf import samples as S
from ethics_tui.pdf.memo import render_memo
from ethics_tui.pdf.models import MemoDoc, Signer
from ethics_tui.pdf.textlayer import pages, pdftotext, squash
from ethics_tui.thai.digits import apply_digits


def test_memo_parts_in_order(tmp_path):
    settings = S.sample_settings("arabic")
    doc = replace(S.sample_memo(), number="123")
    path = render_memo(doc, tmp_path / "memo.pdf", settings)
    text = squash(pdftotext(path))
    parts = [
        "บันทึกข้อความ",
        "ส่วนราชการ",
        "สำนักปลัดงานการเจ้าหน้าที่" + squash(settings.office_name),
        "ที่" + squash(settings.letter_prefix) + "/123",
        "วันที่14มกราคม2569",
        "เรื่อง" + squash(doc.subject),
        "เรียน" + squash(doc.to),
        squash(doc.body[0]),
        "ลำดับ",
        "นางสาวศิริพรภูมิพัฒน์",
        "ค่าใช้จ่ายรวม13,800.00บาท",
        squash(doc.after_table[0]),
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "เจ้าหน้าที่งานการเจ้าหน้าที่",
        "ความเห็นและคำสั่งของผู้บริหาร",
        "()อนุมัติ",
        squash(settings.executive_name),
    ]
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, part
        at = found + len(part)


def test_memo_blank_number_thai_digits_and_no_decision_box(tmp_path):
    settings = S.sample_settings("thai")
    doc = replace(S.sample_memo(), decision=None, signer=Signer("นายธนากร ทองคำ", "หัวหน้าสำนักปลัด"))
    path = render_memo(doc, tmp_path / "memo.pdf", settings)
    text = squash(pdftotext(path))
    assert "ที่" + squash(apply_digits(settings.letter_prefix, "thai")) + "/วันที่" in text  # the number is left blank
    assert "วันที่๑๔มกราคม๒๕๖๙" in text and "๑๓,๘๐๐.๐๐" in text
    assert "(นายธนากรทองคำ)หัวหน้าสำนักปลัด" in text
    assert "ความเห็นและคำสั่งของผู้บริหาร" not in text


def test_long_memo_table_continues_on_the_next_page(tmp_path):
    settings = S.sample_settings("arabic")
    base = S.sample_memo()
    rows = [[str(i), f"นายทดสอบ ลำดับ{i}\nตำแหน่งทดสอบ", "เหตุผลความเกี่ยวข้องกับหน้าที่ " * 3] for i in range(1, 41)]
    doc: MemoDoc = replace(base, table=replace(base.table, rows=rows))
    ps = pages(render_memo(doc, tmp_path / "long.pdf", settings))
    assert len(ps) >= 2
    assert all("ลำดับ" in squash(p) for p in ps[:2])  # the header repeats
    flat = squash("".join(ps))
    assert all(f"นายทดสอบลำดับ{i}" in flat for i in range(1, 41))
    assert apply_digits("40", "arabic") in flat
