"""The yearly measures 6-7 report (ITA): facts from every register, editable texts."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec


def write_report(ctx, out, fy: int):
    from ethics_tui.service import report

    return report.export_pdf(ctx, fy, out)


SPEC = RegisterSpec(
    key="report",
    label=("รายงานผลมาตรการ 6–7 (ITA)", "Measures 6–7 report (ITA)"),
    permission="report.read",
    screen="ethics_tui.tui.screens.report:ReportScreen",
    services=("ethics_tui.service.report",),
    hotkey="m",
    order=90,
    actions=(
        Action("e", "edit", ("แก้ข้อความ", "edit texts"), "report.write", writes=True),
        Action(
            "i",
            "ita",
            ("คะแนน ITA", "ITA score"),
            "report.write",
            ("รายงาน: คะแนน ITA", "Report: ITA score"),
            writes=True,
        ),
        Action(
            "ctrl+e",
            "export_pdf",
            ("ส่งออก PDF", "export PDF"),
            "pdf.export",
            ("รายงาน: ส่งออก PDF", "Report: export PDF"),
        ),
        Action(
            "x", "export_xlsx", ("ส่งออก XLSX", "export XLSX"), palette=("รายงาน: ส่งออก XLSX", "Report: export XLSX")
        ),
        Action(
            "v",
            "evidence",
            ("โฟลเดอร์หลักฐาน ITA", "ITA evidence folder"),
            palette=("รายงาน: โฟลเดอร์หลักฐาน ITA", "Report: ITA evidence folder"),
        ),
        Action(
            "a",
            "ita_items",
            ("หลักฐานรายข้อ", "ITA items"),
            palette=("รายงาน: หลักฐาน ITA รายข้อ", "Report: ITA evidence by item"),
        ),
    ),
    documents=(
        Document(
            "report",
            ("รายงานผลมาตรการ 6–7 ประจำปี", "the yearly measures 6-7 report"),
            "ethics_tui.registers.report:write_report",
            (Param("fy", ("ปีงบประมาณ (พ.ศ.)", "fiscal year (B.E.)"), option="--fy"),),
            file_name="report-measures-6-7-{fy}.pdf",
            permission="report.read",
        ),
    ),
)
