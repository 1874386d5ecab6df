"""Widow and orphan control, as Word's default: a paragraph never leaves its first line alone
at a page foot nor its last line alone at the top of the next page (the committee order's
"ให้ยกเลิกคำสั่ง… ลงวันที่" / "๑ ตุลาคม ๒๕๖๘" was split one line and one line)."""

from __future__ import annotations

from ethics_tui.pdf import pagecheck
from ethics_tui.pdf import samples as S
from ethics_tui.pdf.base import ThaiPDF

WORDS = "ให้ยกเลิกคำสั่งองค์การบริหารส่วนตำบลที่ออกก่อนหน้านี้ทั้งหมด และให้ผู้ได้รับแต่งตั้งปฏิบัติหน้าที่"


def _split(tmp_path, n_lines: int, room: int) -> list[int]:
    """Lines of an ``n_lines`` paragraph on each page when ``room`` lines are left on page 1."""
    pdf = ThaiPDF(S.sample_settings("arabic"))
    pdf.add_page()
    text = " ".join(f"{WORDS} {i}" for i in range(8))
    while len(pdf.wrap(pdf.tx(text), pdf.epw, pdf.epw - 25)) > n_lines:
        text = text.rsplit(" ", 1)[0]
    assert len(pdf.wrap(pdf.tx(text), pdf.epw, pdf.epw - 25)) == n_lines
    pdf.set_y(pdf.page_break_trigger - room * pdf.line_h - 0.3)
    pdf.paragraph(text)
    pages = pagecheck.read_pages(pdf.save(tmp_path / f"w{n_lines}-{room}.pdf"))
    return [sum(1 for ln in p.lines if ln.text[:1] not in "-" and ln.y0 > 15 * pagecheck.MM) for p in pages]


def test_no_line_of_a_paragraph_alone_at_a_page_foot_or_top(tmp_path):
    assert _split(tmp_path, 2, 1) == [0, 2]  # two lines move together
    assert _split(tmp_path, 3, 1) == [0, 3]
    assert _split(tmp_path, 3, 2) == [0, 3]  # 2 + 1 would leave the last line alone
    assert _split(tmp_path, 4, 3) == [2, 2]
    assert _split(tmp_path, 5, 3) == [3, 2]
