"""The gallery: every document kind from the demo office and a stress office, every page read
back and checked (issue 13); and the checks themselves shown to fail on bad pages."""

from __future__ import annotations

import io
import sys

import pytest
from fpdf.enums import XPos, YPos

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import pagecheck
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.table import Column, TableWriter
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.service.gallery_pdf import build_stress_office, check_gallery, render_gallery

KINDS = (
    "sample-order",
    "sample-memo",
    "circular-",
    "circular-memo-",
    "signoff-",
    "announcement-",
    "order-",
    "order-signoff-",
    "appraisal-criteria-",
    "appraisal-summary-",
    "appraisal-notices-",
    "training-memo-",
    "training-report-",
    "complaint-receipt-",
    "complaint-file-",
    "complaint-stats-",
    "report-",
    "notices-coverage",
)


def _gallery(tmp_path, ctx):
    written, skipped = render_gallery(
        ctx, tmp_path / "out", png=False, complaints_ctx=demo_sign_in(Context(store=ctx.store), "complaints")
    )
    names = {p.name for p in written}
    for kind in KINDS:
        assert any(n.startswith(kind) for n in names), (kind, skipped)
    return written


#: a stress office big enough for many-page sign-off sheets; the full 1,000-staff office runs in
#: `pdf gallery --stress 1000 --check` (and bench/), not in every CI run
STRESS_STAFF = 250


def test_stress_office_gallery_passes_every_check(tmp_path):
    """Staff with long names and the longest posts, sign-off sheets of many pages."""
    ctx = build_stress_office(Context.open(tmp_path / "data"), STRESS_STAFF)
    written = _gallery(tmp_path, ctx)
    signoffs = [p for p in written if p.name.startswith("signoff-")]
    assert max(len(pagecheck.read_pages(p)) for p in signoffs) > 10  # every staff member is there
    assert check_gallery(ctx, written) == []


def test_demo_office_gallery_command_passes_every_check(tmp_path, monkeypatch, capsys):
    """``pdf gallery -o DIR --check``: every kind from the demo office, PNG pages, all checks."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    data = tmp_path / "data"
    fast_demo(Context.open(data, actor="tester"))
    out = tmp_path / "g"
    rc = main(["--data", str(data), "--user", "admin", "pdf", "gallery", "-o", str(out), "--check"])
    said = capsys.readouterr().out
    assert rc == 0, said
    assert "พบปัญหา 0 รายการ" in said
    names = {p.name for p in out.glob("*.pdf")}
    for kind in KINDS:  # complaint receipts and files are the complaints officer's only
        assert any(n.startswith(kind) for n in names) or kind in ("complaint-receipt-", "complaint-file-"), kind
    assert len(list((out / "png").glob("*.png"))) > 20


# ---------------------------------------------------------------- the checks can fail
def _pdf() -> ThaiPDF:
    pdf = ThaiPDF(OfficeSettings(office_name="องค์การบริหารส่วนตำบลเชียงพิณ"))
    pdf.add_page()
    return pdf


def test_check_finds_overlapping_lines_and_text_outside_the_margins(tmp_path):
    pdf = _pdf()
    pdf.set_xy(40, 60)
    pdf.text_line(pdf.tx("วันที่ ๑๘ พฤศจิกายน พ.ศ. ๒๕๖๙"), 80)
    pdf.set_xy(60, 61)
    pdf.text_line(pdf.tx("ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม"), 80)
    pdf.set_xy(150, 100)
    pdf.text_line(pdf.tx("ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม"), 40)  # runs past the right margin
    path = pdf.save(tmp_path / "bad.pdf")
    found = pagecheck.problems(path)
    assert any("overlap" in f for f in found)
    assert any("outside the margins" in f for f in found)


def test_check_finds_a_lonely_signature_page(tmp_path):
    pdf = _pdf()
    for _ in range(40):
        pdf.paragraph("ข้อความเนื้อหาของคำสั่งที่ยาวพอสมควรเพื่อให้เต็มบรรทัดและเต็มหน้ากระดาษก่อนถึงส่วนท้ายของคำสั่ง")
    pdf.add_page()
    pdf.set_y(40)
    pdf.signature_block("นายประเสริฐ วงศ์ใหญ่", "นายกองค์การบริหารส่วนตำบลเชียงพิณ")
    found = pagecheck.problems(pdf.save(tmp_path / "lonely.pdf"))
    assert any("only closing lines" in f for f in found)


def test_check_finds_broken_header_words_and_names(tmp_path):
    pdf = _pdf()
    pdf.tx = lambda text, digits=True: str(text)  # type: ignore[method-assign] # no word breaks, no names
    table = TableWriter(pdf, [Column("หมายเหตุ", 9), Column("ชื่อ", 60)], size=14)
    table.start()
    table.row(["", "ก"])
    pdf.set_xy(30, 120)
    for ln in ("แต่งตั้งนายธนพัฒน์ เจริญ", "รุ่งเรืองกิจ เป็นกรรมการและเลขานุการคณะทำงาน"):  # the name fits: 120 mm
        pdf.set_x(30)
        pdf.text_line(ln, 120, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    path = pdf.save(tmp_path / "broken.pdf")
    found = pagecheck.problems(path, names=["นายธนพัฒน์ เจริญรุ่งเรืองกิจ"], header_words=["หมายเหตุ"])
    assert any("header word broken" in f for f in found)
    assert any("name broken" in f for f in found)


@pytest.mark.parametrize("n", [1])
def test_checks_pass_a_clean_page(tmp_path, n):
    pdf = _pdf()
    pdf.paragraph("แต่งตั้งนายธนพัฒน์ เจริญรุ่งเรืองกิจ เป็นกรรมการ")
    assert pagecheck.problems(pdf.save(tmp_path / "ok.pdf"), names=["นายธนพัฒน์ เจริญรุ่งเรืองกิจ"]) == []
