"""Ethics consultations (confidential requesters; counts only in the report)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, RegisterSpec

SPEC = RegisterSpec(
    key="consultations",
    label=("บันทึกการให้คำปรึกษาด้านจริยธรรม", "Ethics consultations"),
    permission="consultations.read",
    screen="ethics_tui.tui.screens.committee_consultations:ConsultationsScreen",
    services=("ethics_tui.service.committee", "ethics_tui.service.committee_consultations"),
    tables={"consultations": "ethics_tui.model.committee:Consultation"},  # verify checks it by hand
    order=21,
    actions=(
        Action(
            "n",
            "new",
            ("เพิ่ม", "New"),
            "consultations.write",
            ("การให้คำปรึกษา: บันทึกใหม่", "Consultations: new"),
            writes=True,
        ),
        Action("e", "edit", ("แก้ไข", "Edit"), "consultations.write", writes=True),
        Action("slash", "focus_filter", ("ค้นหา", "Filter")),
        Action("f", "cycle_status", ("กรองสถานะ", "Status filter")),
        Action(
            "m",
            "summary",
            ("สรุป", "Summary"),
            palette=("การให้คำปรึกษา: สรุปรายเดือนและประเภท", "Consultations: monthly and category summary"),
        ),
        Action("c", "categories", ("ประเภทเรื่อง", "Categories"), "consultations.write", show=False, writes=True),
    ),
)
