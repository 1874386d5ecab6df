"""Corruption complaints: intake, steps, deadlines, confidential parties (measure 7)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec

CASE_ID = Param("id", ("รหัสเรื่อง", "case id"))


def write_receipt(ctx, out, id: int):
    from ethics_tui.service import complaints_docs

    return complaints_docs.export_pdf(ctx, "receipt", out, case_id=id)


def write_casefile(ctx, out, id: int):
    from ethics_tui.service import complaints_docs

    return complaints_docs.export_pdf(ctx, "casefile", out, case_id=id)


def write_stats(ctx, out, fy: int, half: bool = False):
    from ethics_tui.service import complaints_docs

    return complaints_docs.export_pdf(ctx, "stats", out, fy=fy, half=half)


def half_suffix(ctx, fy: int, half: bool = False) -> dict:
    return {"h1": "-h1" if half else ""}


SPEC = RegisterSpec(
    key="complaints",
    label=("เรื่องร้องเรียนการทุจริต", "Corruption complaints"),
    permission="complaints.stats",
    screen="ethics_tui.tui.screens.complaints:ComplaintsScreen",
    services=("ethics_tui.service.complaints",),
    tables={"complaints": "ethics_tui.model.complaints:Complaint"},
    verify=("complaints",),
    hotkey="p",
    order=50,
    badge="ethics_tui.tui.screens.complaints:overdue_badge",
    home_alerts="ethics_tui.service.complaints:home_alerts",
    demo="ethics_tui.service.complaints_demo:extend_demo",
    report_facts={"complaints": "ethics_tui.service.report_sources:complaints"},
    actions=(
        Action(
            "n",
            "new",
            ("รับเรื่อง", "new"),
            "complaints.write",
            ("เรื่องร้องเรียน: รับเรื่องใหม่", "Complaints: new complaint"),
            writes=True,
        ),
        Action("enter", "open", ("เปิด", "open"), show=False),
        Action("m", "step", ("ขั้นตอนถัดไป", "next step"), "complaints.write", writes=True),
        Action("p", "receipt", ("ใบรับเรื่อง", "receipt"), "pdf.export"),
        Action("ctrl+e", "casefile", ("แฟ้มลับ PDF", "case file PDF"), "pdf.export"),
        Action("x", "confidential_exports", ("เอกสารลับที่ส่งออก", "Confidential exports")),
        Action(
            "l",
            "lookup",
            ("ตรวจสถานะด้วยรหัส", "look up code"),
            palette=("เรื่องร้องเรียน: ตรวจสถานะด้วยรหัส", "Complaints: look up a receipt code"),
        ),
        Action("t", "stats", ("สถิติ", "statistics"), palette=("เรื่องร้องเรียน: สถิติ", "Complaints: statistics")),
        Action(
            "s",
            "complaint_settings",
            ("ตั้งค่า", "settings"),
            "complaints.settings",
            ("เรื่องร้องเรียน: ตั้งค่าช่องทางและกำหนดเวลา", "Complaints: channels and deadlines"),
            writes=True,
        ),
        Action(
            "d",
            "destruction",
            ("ทำลายเรื่องพ้นอายุ", "destroy expired"),
            "complaints.purge",
            (
                "เรื่องร้องเรียน: ทำลายเรื่องที่พ้นอายุการเก็บ (บัญชี คณะกรรมการ อนุมัติ ทำลาย)",
                "Complaints: destroy expired records (list, committee, approval)",
            ),
            writes=True,
        ),
        Action("o", "toggle_open", ("เฉพาะเรื่องค้าง", "open only"), show=False),
        Action("slash", "focus_filter", ("ค้นหา", "Filter")),
    ),
    documents=(
        Document(
            "complaint-receipt",
            ("ใบรับเรื่องร้องเรียน", "complaint receipt slip"),
            "ethics_tui.registers.complaints:write_receipt",
            (CASE_ID,),
            file_name="complaint-receipt-{id}.pdf",
            permission="complaints.read",
            confidential=True,
            aliases=("receipt",),
        ),
        Document(
            "complaint-file",
            ("แฟ้มเรื่อง (ลับ)", "confidential case file"),
            "ethics_tui.registers.complaints:write_casefile",
            (CASE_ID,),
            file_name="complaint-casefile-{id}.pdf",
            permission="complaints.read",
            confidential=True,
        ),
        Document(
            "complaint-stats",
            ("รายงานสถิติเรื่องร้องเรียน", "statistics report"),
            "ethics_tui.registers.complaints:write_stats",
            (
                Param("fy", ("ปีงบประมาณ (พ.ศ.)", "fiscal year (B.E.)"), option="--fy"),
                Param("half", ("ครึ่งปีแรก", "first half-year only"), kind="flag", option="--half", required=False),
            ),
            file_name="complaint-stats-{fy}{h1}.pdf",
            name_fields="ethics_tui.registers.complaints:half_suffix",
        ),
    ),
)
