"""Room to sign: "ลงชื่อ……ผู้ประเมิน" carries a dotted line about 4 cm long, as the office's Word
forms do. It was 22 dots, 2 cm, too short for a handwritten signature."""

from __future__ import annotations

from ethics_tui.pdf import pagecheck, write_sample
from ethics_tui.pdf.base import BODY_PT, ThaiPDF
from ethics_tui.pdf.samples import sample_settings


def _dotted_mm(path, caption: str) -> float:
    """Width (mm) of the dots between "ลงชื่อ" and ``caption`` on the first such line."""
    settings = sample_settings()
    line = next(
        ln
        for p in pagecheck.read_pages(path)
        for ln in p.lines
        if ln.text.replace(" ", "").startswith("ลงชื่อ.") and ln.text.rstrip().endswith(caption)
    )
    pdf = ThaiPDF(settings)
    pdf.style("", BODY_PT)
    return (line.x1 - line.x0) / pagecheck.MM - pdf.word_width("ลงชื่อ") - pdf.word_width(caption)


def test_slip_signature_lines_leave_room_to_sign(tmp_path):
    path = write_sample("slip", tmp_path / "slip.pdf", sample_settings())
    for caption in ("ผู้รับการประเมิน", "ผู้ประเมิน", "พยาน"):
        assert 38 <= _dotted_mm(path, caption) <= 46, caption


def test_appraisal_notice_signature_lines_leave_room_to_sign(tmp_path):
    from ethics_tui.pdf.appraisal_notice import render_appraisal_notices
    from ethics_tui.pdf.models import AppraisalNoticeDoc, Signer, SlipField

    doc = AppraisalNoticeDoc(
        period="ปีงบประมาณ 2569 รอบที่ 1 (1 ต.ค. 2568 - 31 มี.ค. 2569)",
        fields=[SlipField("ชื่อ - สกุล", "นางสาวศิริพร ภูมิพัฒน์"), SlipField("ระดับผลการประเมิน", "ดีมาก")],
        appraiser=Signer("นางอรุณี วงศ์ใหญ่", "หัวหน้าสำนักปลัด"),
        appraisee=Signer("นางสาวศิริพร ภูมิพัฒน์", "นักทรัพยากรบุคคลชำนาญการ"),
    )
    path = render_appraisal_notices([doc], tmp_path / "n.pdf", sample_settings())
    for caption in ("ผู้ประเมิน", "ผู้รับการประเมิน", "พยาน"):
        assert 38 <= _dotted_mm(path, caption) <= 46, caption
