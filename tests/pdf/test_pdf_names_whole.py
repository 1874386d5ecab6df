"""Names and number-with-unit groups stay on one line wherever they fit (issue 13 item 6)."""

from __future__ import annotations

import pytest

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.textlayer import pdftotext
from ethics_tui.thai.wordbreak import NBSP, ZWSP, insert_breaks

SETTINGS = OfficeSettings(
    office_name="องค์การบริหารส่วนตำบลเชียงพิณ",
    district="กุมภวาปี",
    province="อุดรธานี",
    executive_name="นายประเสริฐ วงศ์ใหญ่",
    executive_title="นายกองค์การบริหารส่วนตำบลเชียงพิณ",
)
WHOLE = [
    "อำเภอกุมภวาปี",
    "จังหวัดอุดรธานี",
    "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม",
    "หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล",
    "นายธนพัฒน์ เจริญรุ่งเรืองกิจ",
    "ที่ ๑/๒๕๖๘",
    "พ.ศ. ๒๕๖๙",
    "๓,๐๐๐ บาท",
    "๑ ชุด",
    "๒๕ พฤศจิกายน พ.ศ. ๒๕๖๘",
    "โทร. ๐ ๔๒๒๑ ๗๗๘๘",
    "ที่ อด ๗๑๒๐๑/ว ๑๒",
    "๓๐ คะแนน",  # the appraisal criteria broke "๓๐ | คะแนน" across lines
    "ร้อยละ ๗๐",
    "๒ โครงการ",
]


@pytest.mark.parametrize("group", WHOLE[5:])
def test_number_groups_are_unbreakable(group):
    out = insert_breaks(f"ข้อความก่อน{group}ข้อความหลัง")
    assert group.replace(" ", NBSP) in out.replace(ZWSP, "|").split("|")


def test_names_and_groups_never_split_across_lines_where_they_fit(tmp_path):
    pdf = ThaiPDF(SETTINGS, names=("นายธนพัฒน์ เจริญรุ่งเรืองกิจ",))
    pdf.add_page()
    fillers = ["ตาม", "ตามที่ได้", "ตามที่ได้มีการประชุม", "ตามที่ได้มีการประชุมคณะทำงาน", "ด้วย", "ด้วยเหตุนี้จึง"]
    for k in range(18):  # names land at every position of the 124 mm line
        text = " ".join(f"{fillers[(k + i) % len(fillers)] * (1 + (k + i) % 3)}{w}" for i, w in enumerate(WHOLE))
        pdf.paragraph(text)
    path = pdf.save(tmp_path / "n.pdf")
    lines = [ln.strip() for ln in pdftotext(path).splitlines() if ln.strip()]
    joined = "\n".join(lines)
    for w in WHOLE:
        # each occurrence is whole on one line: the count in lines equals the count in the text
        assert joined.count(w) == 18, (w, joined.count(w))


def test_words_the_segmenter_misreads_stay_whole():
    """newmm read "ประกาศแนวทางการประพฤติตน" as "แนว | ทางการ": the announcement broke the
    line between "แนว" and "ทาง"."""
    out = insert_breaks("จึงประกาศแนวทางการประพฤติตนทางจริยธรรม").split(ZWSP)
    assert "แนวทาง" in out and "แนว" not in out
