"""Announcements (Dos & Don'ts) and circulars with acknowledgements (measures 6.2, 6.3)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec

NOTICE_ID = Param("id", ("รหัสเอกสาร", "document id"))


def write_announcement(ctx, out, id: int):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_announcement(ctx, id, out)


def write_circular(ctx, out, id: int, form: str | None = None):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_circular(ctx, id, out, form=form)


def write_signoff(ctx, out, id: int):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_signoff(ctx, id, out)[0]


def write_coverage(ctx, out, id: int | None = None):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_coverage(ctx, out, id)


def coverage_suffix(ctx, id: int | None = None) -> dict:
    return {"suffix": f"-{id}" if id else ""}


SPEC = RegisterSpec(
    key="notices",
    label=("ประกาศและหนังสือเวียน", "Notices and circulars"),
    permission="notices.read",
    screen="ethics_tui.tui.screens.notices:NoticesScreen",
    services=("ethics_tui.service.notices",),
    tables={"notices": "ethics_tui.model.notices:Notice"},
    verify=("notices",),
    hotkey="o",
    order=20,
    home_alerts="ethics_tui.service.notices:home_alerts",
    demo="ethics_tui.service.notices:extend_demo",
    report_facts={
        "dos_donts": "ethics_tui.service.report_sources:dos_donts",
        "codes": "ethics_tui.service.report_sources:codes",
    },
    actions=(
        Action(
            "n",
            "new('announcement')",
            ("ประกาศใหม่", "new announcement"),
            "notices.write",
            ("ประกาศ: สร้างใหม่", "Announcements: new"),
            writes=True,
        ),
        Action(
            "c",
            "new('circular')",
            ("หนังสือเวียนใหม่", "new circular"),
            "notices.write",
            ("หนังสือเวียน: สร้างใหม่", "Circulars: new"),
            writes=True,
        ),
        Action("e", "edit", ("แก้ไข/เปิด", "edit/open"), "notices.write", writes=True),
        Action("p", "publish", ("เผยแพร่/ออกเลข", "publish/issue"), "notices.write", writes=True),
        Action(
            "ctrl+e",
            "print",
            ("พิมพ์ PDF", "print PDF"),
            "pdf.export",
            ("หนังสือเวียน: พิมพ์หนังสือและใบลงชื่อ", "Circulars: print letter and sign-off sheet"),
        ),
        # the tick-off screen guards its own keys (notices.ack)
        Action("k", "ticks", ("บันทึกรับทราบ", "tick off"), palette=("การรับทราบ: บันทึก", "Acknowledgements: tick off")),
        Action("g", "coverage", ("ความครอบคลุม", "coverage")),
        Action(
            "w", "person", ("รายบุคคล", "per person"), palette=("การรับทราบ: รายบุคคล", "Acknowledgements: per person")
        ),
        Action("v", "version", ("ฉบับใหม่", "new version"), "notices.write", show=False, writes=True),
        Action("l", "channel", ("ช่องทางเผยแพร่", "channel"), "notices.write", show=False, writes=True),
        Action("d", "delete", ("ลบร่าง", "delete draft"), "notices.write", show=False, writes=True),
        Action(
            "x",
            "report",
            ("รายงาน PDF", "report PDF"),
            "pdf.export",
            ("การรับทราบ: รายงาน PDF", "Acknowledgements: report PDF"),
            show=False,
        ),
    ),
    documents=(
        Document(
            "announcement",
            ("ประกาศ", "announcement PDF"),
            "ethics_tui.registers.notices:write_announcement",
            (NOTICE_ID,),
            file_name="announcement-{id}.pdf",
        ),
        Document(
            "circular",
            ("หนังสือเวียน", "circular PDF"),
            "ethics_tui.registers.notices:write_circular",
            (
                NOTICE_ID,
                Param(
                    "form",
                    ("หนังสือภายนอก หรือ บันทึกข้อความ (ค่าเริ่มต้น: ตามที่บันทึกไว้)", "letter form"),
                    kind="choice",
                    option="--form",
                    required=False,
                    choices=("external", "memo"),
                ),
            ),
            file_name="circular-{id}.pdf",
        ),
        Document(
            "signoff",
            ("ใบลงชื่อรับทราบ (เฉพาะผู้ยังไม่รับทราบ)", "sign-off sheet of those still pending"),
            "ethics_tui.registers.notices:write_signoff",
            (NOTICE_ID,),
            file_name="signoff-{id}.pdf",
        ),
        Document(
            "notices-coverage",
            ("รายงานการรับทราบ", "acknowledgement coverage report"),
            "ethics_tui.registers.notices:write_coverage",
            (Param("id", ("รหัสเอกสาร (รายชื่อผู้ยังไม่รับทราบ)", "document id (its pending people)"), required=False),),
            file_name="notices-coverage{suffix}.pdf",
            name_fields="ethics_tui.registers.notices:coverage_suffix",
        ),
    ),
)
