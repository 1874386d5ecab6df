"""Automatic column widths (issue 13 item 5) for the ITA report and the sign-off sheet: the
columns follow their content, header words never break, and the sign-off sheet's blank columns
(signature, date, note) keep the room the form gives them."""

from __future__ import annotations

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import pagecheck
from ethics_tui.pdf.models import ReportDoc, ReportGroup, ReportRow, SignoffDoc, SignoffPerson
from ethics_tui.pdf.report import render_report
from ethics_tui.pdf.signoff import render_signoff

SETTINGS = OfficeSettings(office_name="องค์การบริหารส่วนตำบลเชียงพิณ")
POSITION = "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม"
HEADERS = ("ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ลายมือชื่อ", "วันที่", "หมายเหตุ")


def _lines(path):
    return [ln for p in pagecheck.read_pages(path) for ln in p.lines]


def test_signoff_position_column_grows_when_the_names_are_short(tmp_path):
    people = [SignoffPerson("นายสมชาย ใจดี", POSITION, "สำนักปลัด"), SignoffPerson("นางมณี ศรี", "ปลัด", "สำนักปลัด")]
    path = render_signoff(SignoffDoc("ประกาศเรื่องประมวลจริยธรรม", people), tmp_path / "s.pdf", SETTINGS)
    lines = _lines(path)
    assert any(ln.text.strip() == POSITION for ln in lines), [ln.text for ln in lines]  # one line, whole
    assert not pagecheck.problems(path, names=[POSITION], header_words=list(HEADERS))
    sign = next(ln for ln in lines if ln.text.strip() == "ลายมือชื่อ")
    note = next(ln for ln in lines if ln.text.strip() == "หมายเหตุ")
    assert note.x0 - sign.x0 > 40 * pagecheck.MM  # the signature and date columns keep their room


def test_signoff_with_long_names_and_posts_keeps_header_words_whole(tmp_path):
    people = [
        SignoffPerson(
            "นางสาวประภัสสราภรณ์ ศรีสุวรรณวัฒนากุล", "นักวิชาการตรวจสอบภายในชำนาญการพิเศษ", "กองการศึกษา ศาสนาและวัฒนธรรม"
        )
    ] * 3
    path = render_signoff(SignoffDoc("ประกาศ", people), tmp_path / "s.pdf", SETTINGS)
    assert not pagecheck.problems(path, header_words=list(HEADERS))
    texts = [ln.text.strip() for ln in _lines(path)]
    for word in HEADERS:
        assert word in texts


def test_report_columns_follow_their_content(tmp_path):
    long = (
        "จัดประชุมชี้แจงแนวทางการปฏิบัติงาน จัดทำคู่มือ และติดตามผลการดำเนินการทุกไตรมาส "
        "โดยรายงานต่อผู้บริหารท้องถิ่นและเผยแพร่บนเว็บไซต์ของหน่วยงาน "
    ) * 2
    rows = [ReportRow("มาตรการเผยแพร่ข้อมูล", long, "กองคลัง", "ต.ค. ๖๘", "ดำเนินการแล้ว", "ครบถ้วน")]
    doc = ReportDoc(title="รายงานผลการดำเนินการ", fiscal_year_be=2569, groups=[ReportGroup("๑. มาตรการ", rows)])
    path = render_report(doc, tmp_path / "r.pdf", SETTINGS)
    widest = max(ln.x1 - ln.x0 for ln in _lines(path) if ln.text[:6] in long)
    assert widest > 70 * pagecheck.MM  # the fixed form gave ขั้นตอน 54 mm whatever its content
    assert not pagecheck.problems(path, header_words=["หน่วยงาน", "ระยะเวลา", "ผลลัพธ์"])


def test_a_bracket_stays_with_its_word():
    from ethics_tui.pdf.base import ThaiPDF

    pdf = ThaiPDF(SETTINGS)
    prepared = pdf.tx("สำนักปลัด (งานการเจ้าหน้าที่)")
    assert "(\u200b" not in prepared and "\u200b)" not in prepared
    pdf.add_page()
    pdf.style("", 14)
    lines = pdf.wrap(prepared, pdf.word_width("สำนักปลัด (งาน") + 1)
    assert not any(ln.rstrip("\u200b ").endswith("(") for ln in lines), lines
