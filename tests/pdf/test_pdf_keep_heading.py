"""Page flow (issue 13 item 4): no heading or table title at a page foot, in every layout
(the engine's keep-with-next), and the page check finds one that is."""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common, pagecheck
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import Heading, NumberedList
from ethics_tui.pdf.table import Column, TableWriter

FILL = "ข้อความเนื้อหาของบันทึกที่ยาวพอสมควรเพื่อให้เต็มบรรทัด"


def _near_foot(lines_left: float = 1.3) -> ThaiPDF:
    """A page with room for about ``lines_left`` body lines at its foot."""
    pdf = ThaiPDF(OfficeSettings(office_name="องค์การบริหารส่วนตำบลเชียงพิณ"))
    pdf.add_page()
    while pdf.page_break_trigger - pdf.get_y() > pdf.line_h * (lines_left + 1):
        pdf.paragraph(FILL, indent=0)
    pdf.set_y(pdf.page_break_trigger - pdf.line_h * lines_left)
    return pdf


def _pages(pdf: ThaiPDF, tmp_path, name: str):
    return pagecheck.read_pages(pdf.save(tmp_path / name))


def test_a_numbered_heading_in_a_body_goes_with_its_text(tmp_path):
    pdf = _near_foot()
    common.body(pdf, ["๖. รายละเอียดการไม่อนุมัติ", FILL * 3])
    pages = _pages(pdf, tmp_path, "body.pdf")
    assert pagecheck.heading_at_foot(pages[0], pages[1]) is None
    assert any(ln.text.startswith("๖.") for ln in pages[1].lines)


def test_heading_blocks_and_list_titles_keep_their_first_lines(tmp_path):
    pdf = _near_foot()
    common.body(pdf, [Heading("ผลการดำเนินการ:"), FILL])
    pdf2 = _near_foot()
    common.body(pdf2, [NumberedList(items=[FILL, FILL], title="มาตรการที่ดำเนินการ:")])
    for p, name in ((pdf, "h.pdf"), (pdf2, "l.pdf")):
        pages = _pages(p, tmp_path, name)
        assert len(pages) == 2 and not pagecheck.problems(tmp_path / name)


def test_a_table_title_keeps_the_header_and_first_row(tmp_path):
    pdf = _near_foot(2.5)
    table = TableWriter(pdf, [Column("ลำดับ", 20), Column("ชื่อ-สกุล", 80)], size=13)
    pdf.heading("๖. รายละเอียดการไม่อนุมัติ", keep=table.start_height())
    table.start()
    table.row(["๑", "นายธนพัฒน์ เจริญรุ่งเรืองกิจ"])
    pages = _pages(pdf, tmp_path, "table.pdf")
    assert pagecheck.heading_at_foot(pages[0], pages[1]) is None
    assert pages[1].lines[0].text.startswith("๖.") or any(ln.text.startswith("๖.") for ln in pages[1].lines[:3])


def test_check_finds_a_heading_alone_at_the_page_foot(tmp_path):
    pdf = _near_foot()
    pdf.style("B")
    pdf.set_x(pdf.l_margin)
    pdf.text_line(pdf.tx("๖. รายละเอียดการไม่อนุมัติ"), 0, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.style("")
    pdf.add_page()
    TableWriter(pdf, [Column("ลำดับ", 20), Column("ชื่อ-สกุล", 80)], size=13).start()
    found = pagecheck.problems(pdf.save(tmp_path / "bad.pdf"))
    assert any("heading alone at the page foot" in f for f in found), found


def test_a_list_item_at_the_foot_is_not_a_heading(tmp_path):
    pdf = _near_foot()
    pdf.numbered(["สั้น", "ข้อสอง", "ข้อสาม"], start=3)
    assert not any("heading" in f for f in pagecheck.problems(pdf.save(tmp_path / "list.pdf")))
