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
