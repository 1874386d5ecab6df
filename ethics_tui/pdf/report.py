"""The landscape six-column report table in the format of the yearly ITA report
(รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import ReportDoc
from ethics_tui.pdf.table import Column, TableWriter

COLUMNS = (
    Column("มาตรการ/กิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 45, repeat=True),
    Column("ขั้นตอน/วิธีการปฏิบัติ", 54),
    Column("หน่วยงานผู้รับผิดชอบ", 28, repeat=True),
    Column("ระยะเวลาดำเนินการ", 30, repeat=True),
    Column("สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม", 55),
    Column("ผลลัพธ์หรือความสำเร็จในการดำเนินการ", 54),
)
MARGINS = (20.0, 15.0, 15.0, 15.0)  # left, top, right, bottom (landscape)


def render_report(
    doc: ReportDoc,
    path: str | Path,
    settings: OfficeSettings,
    *,
    names: tuple[str, ...] = (),
    size: float = 14,
) -> Path:
    place = " ".join(
        p
        for p in (
            settings.office_name,
            f"อำเภอ{settings.district}" if settings.district else "",
            f"จังหวัด{settings.province}" if settings.province else "",
        )
        if p
    )
    pdf = ThaiPDF(
        settings,
        orientation="L",
        title=f"{doc.title} ประจำปีงบประมาณ {doc.fiscal_year_be}",
        subject=doc.title,
        names=names,
        margins=MARGINS,
    )
    pdf.add_page()
    pdf.centered(doc.title, "B", 18)
    pdf.centered(f"ประจำปีงบประมาณ พ.ศ. {doc.fiscal_year_be}", "B", 18)
    pdf.centered(place, "B")
    if doc.as_of:
        pdf.centered(doc.as_of, "")
    pdf.ln(2)
    if doc.intro:
        pdf.style("", size + 1)
        pdf.paragraph(doc.intro, indent=15)
        pdf.ln(2)
    table = TableWriter(pdf, [replace(c) for c in COLUMNS], size=size)
    rows = [[r.measure, r.steps, r.unit, r.period, r.summary, r.outcome] for g in doc.groups for r in g.rows]
    table.autofit(rows, pdf.epw)  # the ITA form fixes the headers, not the widths: fitted to the content
    table.start()
    for group in doc.groups:
        table.group(group.title)
        for r in group.rows:
            table.row([r.measure, r.steps, r.unit, r.period, r.summary, r.outcome])
        table.end_group()
    return pdf.save(path)
