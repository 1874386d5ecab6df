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
