"""SignoffDoc.running_title: printed with the page number on every page from page 2."""

from __future__ import annotations

from dataclasses import replace

from ethics_tui.pdf import samples as S
from ethics_tui.pdf.signoff import render_signoff, render_signoff_pages
from ethics_tui.pdf.textlayer import pages, squash


def test_running_title_on_every_page_after_the_first(tmp_path):
    settings = S.sample_settings("arabic")
    doc = replace(S.sample_signoff(), running_title="ใบลงชื่อรับทราบ ที่ อด 71299/ว 7 เรื่อง แนวทางปฏิบัติ")
    ps = pages(render_signoff(doc, tmp_path / "s.pdf", settings))
    assert len(ps) >= 3
    assert "หน้า" not in ps[0]
    for n, page in enumerate(ps[1:], 2):
        assert squash(f"ใบลงชื่อรับทราบ ที่ อด 71299/ว 7 เรื่อง แนวทางปฏิบัติ หน้า {n}") in squash(page)
    plain = pages(render_signoff(S.sample_signoff(), tmp_path / "p.pdf", settings))
    # without one, the sheet's heading and title run on every page (issue 13: a sign-off
    # sheet always repeats its running title)
    d = S.sample_signoff()
    assert squash(f"{d.heading} {d.document_title} หน้า 2") in squash(plain[1])


def test_pages_map_every_person_once(tmp_path):
    doc = S.sample_signoff()
    _path, by_page = render_signoff_pages(doc, tmp_path / "s.pdf", S.sample_settings("thai"))
    ps = pages(_path)
    assert sorted(by_page) == list(range(1, len(ps) + 1))
    assert sorted(i for idx in by_page.values() for i in idx) == list(range(len(doc.people)))
    for page, idx in by_page.items():
        for i in idx:
            assert squash(doc.people[i].name) in squash(ps[page - 1])
