"""Training, study visits and scholarships: fair selection (measure 6.5)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec

FY = Param("fy", ("ปีงบประมาณ (พ.ศ.)", "fiscal year (B.E.)"), option="--fy")


def write_memo(ctx, out, id: int):
    from ethics_tui.service import training_docs

    return training_docs.write_memo(ctx, id, out)[0]


def write_report(ctx, out, fy: int):
    from ethics_tui.service import training_docs

    return training_docs.write_report(ctx, fy, out)[0]


SPEC = RegisterSpec(
    key="training",
    label=("คัดเลือกฝึกอบรม/ศึกษาดูงาน/ทุน", "Training selection"),
    permission="training.read",
    screen="ethics_tui.tui.screens.training:TrainingScreen",
    services=("ethics_tui.service.training",),
    tables={
        "training_opportunities": "ethics_tui.model.training:Opportunity",
        "training_nominations": "ethics_tui.model.training:Nomination",
        "training_budgets": "ethics_tui.model.training:Budget",
        "training_questions": "ethics_tui.model.training:Question",
    },
    verify=("training_opportunities", "training_nominations", "training_budgets", "training_questions"),
    hotkey="f",
    order=40,
    home_alerts="ethics_tui.service.training:home_alerts",
    demo="ethics_tui.service.training_demo:extend_demo",
    report_facts={"training": "ethics_tui.service.report_sources:training"},
    actions=(
        Action(
            "n",
            "new",
            ("เพิ่มโอกาส", "new"),
            "training.write",
            ("ฝึกอบรม: เพิ่มโอกาส", "Training: new opportunity"),
            writes=True,
        ),
        Action("e", "edit", ("แก้ไข", "edit"), "training.write", show=False, writes=True),
        Action("m", "nominate", ("เสนอชื่อ", "nominate"), "training.write", writes=True),
        Action("w", "forward", ("ส่งผู้บริหาร", "forward"), "training.write", show=False, writes=True),
        Action("a", "approve", ("อนุมัติ", "approve"), "training.decide", writes=True),
        Action("r", "reject", ("ไม่อนุมัติ", "reject"), "training.decide", writes=True),
        Action("o", "outcome", ("ผลการเข้าร่วม", "outcome"), "training.write", show=False, writes=True),
        Action("t", "attendance", ("ผู้เข้าร่วม", "attendance"), "training.write", show=False, writes=True),
        Action(
            "b",
            "budget",
            ("งบประมาณ", "budget"),
            "training.write",
            ("ฝึกอบรม: งบประมาณ", "Training: budget"),
            show=False,
            writes=True,
        ),
        Action("ctrl+e", "memo", ("บันทึกเสนอ PDF", "memo PDF"), "pdf.export"),
        Action("y", "year", ("สรุปปลายปี", "year end"), palette=("ฝึกอบรม: สรุปปลายปี", "Training: year-end summary")),
        Action(
            "q",
            "questions",
            ("คำถาม", "questions"),
            palette=("ฝึกอบรม: คำถามที่ยังไม่ได้ตอบ", "Training: unanswered questions"),
        ),
    ),
    documents=(
        Document(
            "training-memo",
            ("บันทึกข้อความเสนอผู้บริหาร", "memo to the executive"),
            "ethics_tui.registers.training:write_memo",
            (Param("id", ("รหัสโอกาส", "opportunity id")),),
            file_name="training-memo-{id}.pdf",
        ),
        Document(
            "training-report",
            ("รายงานการคัดเลือกประจำปี", "yearly selection report"),
            "ethics_tui.registers.training:write_report",
            (FY,),
            file_name="training-report-{fy}.pdf",
        ),
    ),
)
