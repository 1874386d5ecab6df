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


def test_text_after_a_table_without_a_total_is_at_body_size(tmp_path):
    """O18's closing and signature came out at the table's 13 pt: a table without a note left
    its size on the page."""
    from ethics_tui.pdf import pagecheck

    doc = S.sample_memo()
    doc = replace(doc, table=replace(doc.table, note=""), after_table=[])
    path = render_memo(doc, tmp_path / "memo.pdf", S.sample_settings())
    lines = [ln for p in pagecheck.read_pages(path) for ln in p.lines]
    body = next(ln for ln in lines if ln.text.startswith("เรียน"))
    closing = next(ln for ln in lines if ln.text.startswith("จึงเรียนมา"))
    signer = next(ln for ln in lines if ln.text.startswith("เจ้าหน้าที่งานการเจ้าหน้าที่"))
    lead = next(ln for ln in lines if ln.text.startswith(doc.body[0][:10]))  # the paragraph before the table
    for ln in (closing, signer, lead):
        assert abs((ln.y1 - ln.y0) - (body.y1 - body.y0)) < 0.5, (ln.text, ln.y1 - ln.y0, body.y1 - body.y0)


def test_a_table_crossing_a_page_is_not_pushed_off_page_one(tmp_path):
    """O18 (monthly complaint statistics): the table ran onto page 2 and its rows did not count
    as body before the closing, so the closing looked alone and the whole table moved to page
    2, leaving page 1 with four lines. The closing may follow two rows of a table."""
    from ethics_tui.pdf import pagecheck
    from ethics_tui.pdf.models import MemoColumn, MemoTable

    rows = [[str(i), f"เดือนที่ {i}", "0"] for i in range(1, 31)]
    table = MemoTable([MemoColumn("ลำดับ", 20, "C"), MemoColumn("ช่วงเวลา", 100), MemoColumn("จำนวน", 40)], rows)
    doc = replace(S.sample_memo(), table=table, after_table=[], decision=None)
    pages = pagecheck.read_pages(render_memo(doc, tmp_path / "memo.pdf", S.sample_settings()))
    assert len(pages) == 2
    first = [ln.text for ln in pages[0].lines]
    assert "ลำดับ" in first and sum(t.startswith("เดือนที่") for t in first) >= 15, first
    second = pages[1].lines
    closing = next(ln for ln in second if ln.text.startswith("จึงเรียนมา"))
    assert sum(ln.text.startswith("เดือนที่") and ln.y0 < closing.y0 for ln in second) >= 2


def test_the_heading_before_a_memo_table_keeps_with_the_table(tmp_path):
    """O15: "๕. การให้คำปรึกษาด้านจริยธรรม" (the body's last line, the table's heading) stood
    alone at the foot of page 1 and the table began on page 2."""
    from ethics_tui.pdf import pagecheck
    from ethics_tui.pdf.models import MemoColumn, MemoTable

    table = MemoTable([MemoColumn("ประเภท", 120), MemoColumn("จำนวน", 40)], [["การใช้ทรัพย์สินของทางราชการ", "2"]] * 5)
    heading = "5. การให้คำปรึกษาด้านจริยธรรม (จำนวนเท่านั้น)"
    for filler in range(14, 24):  # move the heading down the page until it reaches the foot
        body = [f"ย่อหน้าที่ {i} ของบันทึก" for i in range(filler)] + [heading]
        doc = replace(S.sample_memo(), body=body, table=table, after_table=[], decision=None)
        pages = pagecheck.read_pages(render_memo(doc, tmp_path / f"m{filler}.pdf", S.sample_settings("arabic")))
        for page in pages:
            texts = [ln.text for ln in page.lines]
            if any(t.startswith("5. การให้คำปรึกษา") for t in texts):
                assert "ประเภท" in texts, (filler, page.number, texts[-3:])


def test_the_closing_and_the_signature_stay_together(tmp_path):
    """O18: the closing line ended page 1 under the table and the signature stood alone on
    page 2."""
    from ethics_tui.pdf import pagecheck
    from ethics_tui.pdf.models import MemoColumn, MemoTable

    for n in range(17, 24):  # the table's end moves down to the page foot
        table = MemoTable([MemoColumn("ช่วงเวลา", 120), MemoColumn("จำนวน", 40)], [["เดือน", "0"]] * n)
        doc = replace(S.sample_memo(), table=table, after_table=[], decision=None)
        pages = pagecheck.read_pages(render_memo(doc, tmp_path / f"m{n}.pdf", S.sample_settings("arabic")))
        closing = [p.number for p in pages for ln in p.lines if ln.text.startswith("จึงเรียนมา")]
        signer = [p.number for p in pages for ln in p.lines if ln.text.startswith("เจ้าหน้าที่งานการเจ้าหน้าที่")]
        assert closing == signer, (n, closing, signer)


def test_memo_head_labels_are_20_pt(tmp_path):
    """แบบที่ 26 as offices type it: "บันทึกข้อความ" 29 pt, the labels ส่วนราชการ / ที่ / วันที่ /
    เรื่อง bold 20 pt (they were 18), their values 16 pt."""
    from ethics_tui.pdf import pagecheck

    path = render_memo(S.sample_memo(), tmp_path / "memo.pdf", S.sample_settings())
    lines = pagecheck.read_pages(path)[0].lines
    body = next(ln for ln in lines if ln.text.startswith("เรียน"))
    label = next(ln for ln in lines if ln.text.startswith("ส่วนราชการ"))  # (with its value)
    ratio = (label.y1 - label.y0) / (body.y1 - body.y0)
    assert abs(ratio - 20 / 16) < 0.03, ratio
