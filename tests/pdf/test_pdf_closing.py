"""The closing ("จึงเรียนมาเพื่อ…") keeps with the signature under it: a page never starts
with the signature alone (it did after a table in a memo, and could in a circular)."""

from __future__ import annotations

from dataclasses import replace

from ethics_tui.pdf import pagecheck
from ethics_tui.pdf import samples as S
from ethics_tui.pdf.circular import render_circular


def test_circular_closing_and_signature_on_one_page(tmp_path):
    base = S.sample_circular()
    settings = S.sample_settings("arabic")
    for n in range(10, 24):  # the closing moves down to the page foot
        body = [f"ย่อหน้าที่ {i} ของหนังสือเวียนฉบับนี้" for i in range(n)]
        doc = replace(base, body=body, closing="จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ")
        pages = pagecheck.read_pages(render_circular(doc, tmp_path / f"c{n}.pdf", settings))
        closing = [p.number for p in pages for ln in p.lines if ln.text.startswith("จึงเรียนมา")]
        signer = [p.number for p in pages for ln in p.lines if ln.text.startswith("ขอแสดงความนับถือ")]
        assert closing == signer, (n, closing, signer)


def test_the_continuation_word_is_a_word(tmp_path):
    """A training memo's page 1 ended "/(........................................)..." because page
    2 began with the blank signature line: the word at the foot skips lines without a letter."""
    from ethics_tui.pdf.base import ThaiPDF, render_flow

    settings = S.sample_settings("arabic")

    def draw(pdf: ThaiPDF) -> None:
        pdf.add_page()
        while pdf.get_y() + pdf.line_h <= pdf.page_break_trigger:  # page 1 full
            pdf.paragraph("ย่อหน้าเพื่อให้เต็มหน้าแรกของเอกสาร", indent=0)
        pdf.paragraph("(" + "." * 40 + ")", indent=0)
        pdf.paragraph("เจ้าหน้าที่งานการเจ้าหน้าที่", indent=0)

    page1 = pagecheck.read_pages(render_flow(lambda: ThaiPDF(settings), draw, tmp_path / "f.pdf"))[0]
    foot = page1.lines[-1].text
    assert foot.startswith("/") and not foot.startswith("/(") and "เจ้าหน้าที่" in foot, foot


def test_moving_the_closing_never_leaves_one_line_of_a_paragraph_behind(tmp_path):
    """Training memo 7: to give the closing two body lines, the engine moved the break two
    lines up, into a three-line paragraph, and left its first line alone at the foot of page 1.
    The break goes before the whole paragraph instead."""
    from ethics_tui.pdf.base import ThaiPDF, render_flow

    settings = S.sample_settings("arabic")
    para = ("ตามหลักเกณฑ์การคัดเลือก ผู้บริหารอาจไม่อนุมัติได้ในกรณีผู้ได้รับการเสนอชื่อเคยเข้ารับการอบรม" * 2).strip()

    for filler in range(26, 36):  # the paragraph and the closing move down to the page foot

        def draw(pdf: ThaiPDF, n=filler) -> None:
            pdf.add_page()
            for i in range(n):
                pdf.paragraph(f"บรรทัดที่ {i} ของบันทึก", indent=0)
            pdf.paragraph(para)
            pdf.mark_closing()
            keep = pdf.signature_height("", "เจ้าหน้าที่งานการเจ้าหน้าที่", gap=12)
            pdf.paragraph("จึงเรียนมาเพื่อโปรดพิจารณา", keep_next=keep)
            pdf.signature_block("", "เจ้าหน้าที่งานการเจ้าหน้าที่", gap=12)

        pages = pagecheck.read_pages(render_flow(lambda: ThaiPDF(settings), draw, tmp_path / f"o{filler}.pdf"))
        flat = para.replace(" ", "")
        parts = [sum(1 for ln in p.lines if len(ln.text) > 5 and ln.text.replace(" ", "") in flat) for p in pages]
        split = [n for n in parts if n]
        assert len(split) == 1 or min(split) >= 2, (filler, parts)
