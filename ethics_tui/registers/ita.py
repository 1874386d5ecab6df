"""ITA evidence by item: the year's item table, one file per item, the officer's texts."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, RegisterSpec

#: the evidence outputs offered in the palette: (key, Thai, English)
OUTPUTS = (
    ("hr-criteria-plan", "หลักเกณฑ์และแผน HR", "HR criteria and plan"),
    ("hr-annual-report", "รายงานผล HR ประจำปี", "HR annual report"),
    ("training-selection", "รายงานการคัดเลือกฝึกอบรม", "training selection report"),
    ("ethics-pack", "ประมวลจริยธรรมและการขับเคลื่อน", "ethics item pack"),
    ("complaint-guideline", "แนวปฏิบัติเรื่องร้องเรียน", "complaint guideline"),
    ("complaint-channels", "ช่องทางร้องเรียน", "complaint channels"),
    ("complaint-stats", "สถิติเรื่องร้องเรียน", "complaint statistics"),
    ("measures-report", "รายงานมาตรการภายใน", "internal measures report"),
    ("ethics-annual-report", "รายงานจริยธรรมประจำปี", "annual ethics report"),
    ("itas-headcount", "จำนวนบุคลากรครบ 1 ปี (ITAS)", "ITAS headcount"),
    ("appraisal-excellent", "ประกาศผลดีเด่น/ดีมาก", "ดีเด่น/ดีมาก list"),
)

SPEC = RegisterSpec(
    key="ita",
    label=("หลักฐาน ITA รายข้อ", "ITA evidence by item"),
    permission="report.read",  # the evidence files need only report.read (every role)
    screen="ethics_tui.tui.screens.report_ita:ItaItemsScreen",
    services=("ethics_tui.service.report", "ethics_tui.service.ita_texts"),
    hotkey="i",
    order=91,
    actions=(
        Action("g", "generate", ("จัดทำไฟล์ของข้อ", "make this item")),
        Action(
            "v",
            "folder",
            ("โฟลเดอร์หลักฐาน", "evidence folder"),
            palette=("หลักฐาน ITA: โฟลเดอร์หลักฐานทั้งปี", "ITA evidence: the year's folder"),
        ),
        # writing the officer's texts is hr's (and the executive's, the administrator's)
        Action(
            "w",
            "write",
            ("เขียนข้อความ", "write texts"),
            "ita.write",
            ("หลักฐาน ITA: เขียนข้อความของเจ้าหน้าที่", "ITA evidence: write officer texts"),
            writes=True,
        ),
    ),
    commands=tuple((f"หลักฐาน ITA: {th}", f"ITA evidence: {en}", f"output('{key}')") for key, th, en in OUTPUTS),
)
