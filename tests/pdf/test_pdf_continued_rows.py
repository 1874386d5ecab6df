"""Continued tables (issue 13 items 4-5): a continued sign-off page starts with the column
headers, and a row split across pages never leaves one lone line on the next page."""

from __future__ import annotations

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import pagecheck
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import SignoffDoc, SignoffPerson
from ethics_tui.pdf.signoff import render_signoff
from ethics_tui.pdf.table import Column, TableWriter

SETTINGS = OfficeSettings(office_name="องค์การบริหารส่วนตำบลเชียงพิณ")
TEXT = (
    "จัดอบรมให้ความรู้เรื่องประมวลจริยธรรมแก่บุคลากรทุกระดับ ติดตามผลการปฏิบัติตามประมวลจริยธรรม "
    "และรายงานผลต่อผู้บริหารท้องถิ่นเป็นประจำทุกไตรมาส "
) * 3


def test_a_continued_row_never_holds_one_lone_line(tmp_path):
    pdf = ThaiPDF(SETTINGS)
    pdf.add_page()
    table = TableWriter(pdf, [Column("ลำดับ", 20), Column("รายละเอียด", 100)], size=14)
    n = len(table._wrap(TEXT, table.columns[1]))
    assert n >= 4
    table.start()
    # leave room on this page for all but the last line of the row
    pdf.set_y(pdf.page_break_trigger - (2 * table.pad + (n - 1) * table.lh) - 0.5)
    table.row(["๑", TEXT])
    pages = pagecheck.read_pages(pdf.save(tmp_path / "t.pdf"))
    assert len(pages) == 2
    top = min(ln.y0 for ln in pages[1].lines if "(ต่อ)" in ln.text)
    continued = [ln for ln in pages[1].lines if ln.y0 >= top - 1 and ln.x0 > 65 * pagecheck.MM]
    assert len(continued) >= 2, [ln.text for ln in continued]


def test_every_continued_signoff_page_starts_with_the_column_headers(tmp_path):
    people = [
        SignoffPerson(
            f"นายธนพัฒน์{i} เจริญรุ่งเรืองกิจ",
            "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม",
            "กองการศึกษา ศาสนาและวัฒนธรรม" if i % 2 else "สำนักปลัด",
        )
        for i in range(90)
    ]
    path = render_signoff(SignoffDoc("ประกาศเรื่องประมวลจริยธรรม", people), tmp_path / "s.pdf", SETTINGS)
    pages = pagecheck.read_pages(path)
    assert len(pages) > 3
    for page in pages[1:]:
        body = [ln for ln in page.lines if ln.y0 > 16 * pagecheck.MM]
        top = min(ln.y0 for ln in body)
        first_row = " ".join(ln.text for ln in body if ln.y0 < top + 8)
        for word in ("ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ลายมือชื่อ"):
            assert word in first_row, (page.number, first_row)


def test_a_group_row_never_stands_alone_at_a_page_foot(tmp_path):
    """The report's "๗.มาตรการ…" group row was left alone at the foot of a page when its first
    row moved whole to the next page (room for two lines, a row of nine)."""
    pdf = ThaiPDF(SETTINGS)
    pdf.add_page()
    table = TableWriter(pdf, [Column("ลำดับ", 20), Column("รายละเอียด", 100)], size=14)
    n = len(table._wrap(TEXT * 2, table.columns[1]))
    assert n >= 12  # a row this tall moves whole rather than leave a third of itself behind
    table.start()
    # room for the group row and a bit more than two lines of the next row
    pdf.set_y(pdf.page_break_trigger - (4 * table.pad + 3.5 * table.lh))
    table.group("มาตรการแจ้งเบาะแส")
    table.row(["๑", TEXT * 2])
    table.end_group()
    pages = pagecheck.read_pages(pdf.save(tmp_path / "g.pdf"))
    for page in pages:
        texts = [ln.text for ln in page.lines]
        group = [ln for ln in page.lines if "มาตรการแจ้งเบาะแส" in ln.text]
        if group:  # wherever the group row stands, the row's text follows it on that page
            below = [ln for ln in page.lines if ln.y0 > group[0].y0 + 1 and "จัดอบรม" in ln.text]
            assert below or any("(ต่อ)" in t for t in texts), (page.number, texts)


def test_a_continued_row_reads_continued_even_when_its_first_cell_was_cut(tmp_path):
    """The seed's "(ต่อ)มาตรการ…" rows: the sample report split "มาตรการควบคุม ตรวจสอบ การใช้
    อำนาจและการบริหารงานบุคคล" itself, and page 3 began with "การบริหารงานบุคคล", no "(ต่อ)"."""
    pdf = ThaiPDF(SETTINGS)
    pdf.add_page()
    table = TableWriter(pdf, [Column("มาตรการ", 30), Column("รายละเอียด", 100)], size=14)
    measure = "มาตรการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล"
    assert len(table._wrap(measure, table.columns[0])) >= 3
    table.start()
    pdf.set_y(pdf.page_break_trigger - (2 * table.pad + 2 * table.lh) - 0.5)  # room for two lines
    table.row([measure, TEXT])
    pages = pagecheck.read_pages(pdf.save(tmp_path / "t.pdf"))
    assert len(pages) == 2
    left = [ln for ln in pages[1].lines if ln.x0 < pdf.l_margin * pagecheck.MM + 30 * pagecheck.MM - 2]
    body = [ln for ln in left if ln.text not in ("มาตรการ",)]
    assert body and body[0].text.startswith("(ต่อ)"), [ln.text for ln in left]
