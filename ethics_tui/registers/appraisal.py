"""Performance appraisal: rounds, criteria, results, notices, grievances (measure 6.4)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec

ROUND_ID = Param("round_id", ("รหัสรอบการประเมิน", "appraisal round id"))


def write_notices(ctx, out, round_id: int, codes: list[str] | None = None):
    from ethics_tui.service import appraisal_pdf

    return appraisal_pdf.write_notices(ctx, round_id, out, codes)


def write_summary(ctx, out, round_id: int):
    from ethics_tui.service import appraisal_pdf

    return appraisal_pdf.write_summary(ctx, round_id, out)


def write_criteria(ctx, out, round_id: int):
    from ethics_tui.service import appraisal_pdf

    return appraisal_pdf.write_criteria(ctx, round_id, out)


def round_fields(ctx, round_id: int, codes: list[str] | None = None) -> dict:
    """ "<fiscal year>-<round no>" of the round, and "-<code>" for one person's notice."""
    from ethics_tui.service import appraisal

    rnd = appraisal.get_round(ctx, round_id)
    return {"round": f"{rnd.fiscal_year}-{rnd.round_no}", "who": "".join(f"-{c}" for c in codes or ())}


SPEC = RegisterSpec(
    key="appraisal",
    label=("ประเมินผลการปฏิบัติงาน", "Appraisal"),
    permission="appraisal.read",
    screen="ethics_tui.tui.screens.appraisal:AppraisalScreen",
    services=("ethics_tui.service.appraisal",),
    tables={
        "appraisal_rounds": "ethics_tui.model.appraisal:AppraisalRound",
        "appraisal_results": "ethics_tui.model.appraisal:AppraisalResult",
        "appraisal_grievances": "ethics_tui.model.appraisal:Grievance",
    },
    verify=("appraisal_rounds", "appraisal_results", "appraisal_grievances"),
    hotkey="a",
    order=40,
    home_alerts="ethics_tui.service.appraisal_review:home_alerts",
    demo="ethics_tui.service.appraisal_io:extend_demo",
    report_facts={"appraisal": "ethics_tui.service.report_sources:appraisal"},
    actions=(
        Action(
            "n",
            "new",
            ("รอบใหม่", "new round"),
            "appraisal.write",
            ("ประเมินผล: เปิดรอบใหม่", "Appraisal: new round"),
            writes=True,
        ),
        Action("e", "edit", ("แก้ไข", "Edit"), "appraisal.write", writes=True),
        # the results and grievance screens guard their own keys
        Action(
            "enter", "open", ("เปิด", "open"), palette=("ประเมินผล: กรอกคะแนน", "Appraisal: enter scores"), show=False
        ),
        Action("g", "grievances", ("ร้องทุกข์", "grievances")),
        Action("m", "notify_round", ("แจ้งผลทั้งรอบ", "notify round"), "appraisal.write", writes=True),
        Action("c", "close_round", ("ปิดรอบ", "close round"), "appraisal.write", writes=True),
        Action(
            "ctrl+e",
            "export",
            ("ส่งออก PDF", "export PDF"),
            "pdf.export",
            ("ประเมินผล: ส่งออกสรุป PDF", "Appraisal: export the summary PDF"),
        ),
        Action("p", "criteria", ("ประกาศหลักเกณฑ์", "criteria PDF"), "pdf.export"),
    ),
    documents=(
        Document(
            "appraisal-notices",
            ("แบบแจ้งผลรายบุคคล คนละหน้า", "each person's result notice, a page each"),
            "ethics_tui.registers.appraisal:write_notices",
            (
                ROUND_ID,
                Param(
                    "codes",
                    ("เฉพาะรหัสบุคลากรนี้ (ซ้ำได้)", "only this staff code (repeatable)"),
                    kind="list",
                    option="--code",
                    required=False,
                ),
            ),
            file_name="appraisal-notices-{round}{who}.pdf",
            name_fields="ethics_tui.registers.appraisal:round_fields",
        ),
        Document(
            "appraisal-summary",
            ("สรุปผลรอบการประเมิน", "round summary"),
            "ethics_tui.registers.appraisal:write_summary",
            (ROUND_ID,),
            file_name="appraisal-summary-{round}.pdf",
            name_fields="ethics_tui.registers.appraisal:round_fields",
        ),
        Document(
            "appraisal-criteria",
            ("ประกาศหลักเกณฑ์การประเมิน", "criteria announcement"),
            "ethics_tui.registers.appraisal:write_criteria",
            (ROUND_ID,),
            file_name="appraisal-criteria-{round}.pdf",
            name_fields="ethics_tui.registers.appraisal:round_fields",
        ),
    ),
)
