"""PDPA (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562): the privacy notice shown at complaint intake
and printed on the receipt, and the record of processing activities (มาตรา 39) listing each
category of personal data the program holds, its purpose, its retention and who may read it.

Retention periods come from the settings where the program has one (complaints, consultations);
the others follow the office's records rules (ระเบียบงานสารบรรณ) *(unconfirmed: the office sets
its own)*.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ethics_tui.service.context import Context


def office_contact(ctx: Context) -> str:
    from ethics_tui.service.settings import get_settings

    s = get_settings(ctx)
    parts = [s.office_name, s.address, s.phone and f"โทร {s.phone}", s.email and f"อีเมล {s.email}"]
    return " ".join(p for p in parts if p) or "สำนักงาน"


def complaint_notice(ctx: Context, lang: str = "th", short: bool = False) -> str:
    """What the complainant is told: what is kept, why, for how long, who sees it, whom to ask.
    ``short``: the receipt's version (the office's name is already at its top)."""
    from ethics_tui.service import complaints as cp
    from ethics_tui.service.settings import get_settings

    years = cp.get_settings(ctx).retention_years
    contact = office_contact(ctx)
    if short and lang != "en":
        s = get_settings(ctx)
        how = " ".join(x for x in (s.phone and f"โทร {s.phone}", s.email and f"อีเมล {s.email}") if x) or "สำนักงาน"
        return (
            f"ข้อมูลส่วนบุคคล: ชื่อ ช่องทางติดต่อ และรายละเอียดที่ให้ไว้ ใช้เพื่อพิจารณาเรื่องและแจ้งผลเท่านั้น "
            f"เก็บแบบเข้ารหัส {years} ปีนับแต่ยุติเรื่องแล้วลบ อ่านได้เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน "
            f"ขอดูหรือแก้ไขได้ที่ {how}"
        )
    if lang == "en":
        return (
            f"Privacy (PDPA): the office keeps the complaint, and your name and contact if you give them, "
            f"only to examine the complaint and tell you the outcome. They are kept encrypted for {years} years "
            f"after the case is closed, then deleted. Only the complaints officers can read your identity; it "
            f"appears on no public document or statistic. You may ask to see or correct it: {contact}."
        )
    return (
        f"การคุ้มครองข้อมูลส่วนบุคคล: สำนักงานเก็บเรื่องร้องเรียน และชื่อกับช่องทางติดต่อของผู้ร้อง (หากให้ไว้) "
        f"เพื่อพิจารณาเรื่องและแจ้งผลเท่านั้น เก็บแบบเข้ารหัส {years} ปีนับแต่ยุติเรื่องแล้วลบ "
        f"ผู้อ่านตัวตนผู้ร้องได้มีเฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน และไม่ปรากฏในเอกสารเผยแพร่หรือสถิติใด "
        f"ขอดูหรือแก้ไขข้อมูลได้ที่ {contact}"
    )


@dataclass
class Activity:
    category: str  # the personal data
    purpose: str
    retention: str
    readers: str
    where: str  # table / file


def processing_record(ctx: Context) -> list[Activity]:
    """The record of processing activities of this office's data (Thai; one line per category)."""
    from ethics_tui.service import complaints as cp
    from ethics_tui.service.committee import get_template

    cyears = cp.get_settings(ctx).retention_years
    try:
        kyears = get_template(ctx)["retention_years"]
    except Exception:
        kyears = 5
    office_rule = "ตามระเบียบงานสารบรรณ (อย่างน้อย 10 ปี) หรือที่สำนักงานกำหนด"
    return [
        Activity(
            "บุคลากร: คำนำหน้า ชื่อ-สกุล ตำแหน่ง ระดับ สังกัด วันเริ่มงาน",
            "บริหารงานบุคคลและงานส่งเสริมจริยธรรม (ITA)",
            "ระหว่างปฏิบัติงาน และตาม" + office_rule,
            "ทุกบทบาท (แก้ไข: เจ้าหน้าที่บุคคล)",
            "main.json: staff",
        ),
        Activity(
            "ผู้ใช้โปรแกรม: ชื่อผู้ใช้ ชื่อที่แสดง บทบาท (รหัสผ่านเก็บเป็นค่า scrypt เท่านั้น)",
            "ควบคุมการเข้าถึงและบันทึกการตรวจสอบ",
            "จนกว่าจะลบหรือระงับบัญชี",
            "ผู้ดูแลระบบ",
            "main.json: users",
        ),
        Activity(
            "การรับทราบหนังสือเวียน/ประกาศ: ชื่อบุคลากร วันที่รับทราบ วิธีรับทราบ",
            "หลักฐานการสื่อสารประมวลจริยธรรม (ITA)",
            office_rule,
            "ทุกบทบาท",
            "acks-*.json",
        ),
        Activity(
            "การพัฒนาบุคลากร: การเสนอชื่อ ผลการอนุมัติ เหตุผลที่ไม่อนุมัติ คำถามเรื่องการไม่ได้รับคัดเลือก",
            "พัฒนาบุคลากรอย่างเป็นธรรมและโปร่งใส",
            office_rule,
            "เจ้าหน้าที่บุคคล ผู้บริหาร (คำถาม: ทุกบทบาท)",
            "main.json: training_*",
        ),
        Activity(
            "ผลการประเมินรายบุคคล: คะแนน ระดับ ความเห็น (เข้ารหัส) การรับทราบ พยาน คำร้องทุกข์ (เข้ารหัส)",
            "ประเมินผลการปฏิบัติงานตามหลักเกณฑ์",
            office_rule,
            "เจ้าหน้าที่บุคคลและผู้บริหารที่ถือกุญแจ hr",
            "main.json: appraisal_*",
        ),
        Activity(
            "ผู้ร้องเรียน: ชื่อ ช่องทางติดต่อ ผู้ถูกร้องเรียน รายละเอียด หัวเรื่องและบันทึกการดำเนินการ (เข้ารหัสทั้งหมด)",
            "รับและพิจารณาเรื่องร้องเรียนการทุจริต แจ้งผลผู้ร้อง",
            f"{cyears} ปีนับแต่ยุติเรื่อง แล้วลบ (complaints purge)",
            "เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนที่ถือกุญแจ complaints",
            "main.json: complaints, complaint_identities",
        ),
        Activity(
            "ผู้ขอคำปรึกษาด้านจริยธรรม: ชื่อ คำถาม คำแนะนำ (เข้ารหัส)",
            "ให้คำปรึกษาด้านจริยธรรม",
            f"{kyears} ปีนับแต่วันที่ขอคำปรึกษา",
            "เฉพาะคณะที่ปรึกษาที่ถือกุญแจ committee",
            "main.json: consultations",
        ),
        Activity(
            "คณะที่ปรึกษาจริยธรรม: ชื่อ ตำแหน่งในคำสั่ง",
            "ออกคำสั่งและเผยแพร่ตามประมวลจริยธรรม",
            office_rule,
            "ทุกบทบาท (เป็นเอกสารเผยแพร่)",
            "main.json: orders",
        ),
        Activity(
            "บันทึกการตรวจสอบ: ผู้ใช้ เวลา การกระทำ ชื่อช่องข้อมูลที่แก้ (ไม่มีค่าข้อมูลลับ)",
            "ความมั่นคงปลอดภัยและความรับผิดชอบ",
            "ตลอดอายุข้อมูล",
            "ผู้ดูแลระบบ",
            "audit.jsonl",
        ),
        Activity(
            "สำเนาสำรอง: ทุกข้อมูลข้างต้น (ข้อมูลลับยังคงเข้ารหัส)",
            "กู้คืนเมื่อข้อมูลเสียหาย",
            "10 ฉบับล่าสุด (ลบฉบับเก่าอัตโนมัติ)",
            "ผู้ดูแลระบบ เจ้าหน้าที่บุคคล",
            "backups/",
        ),
        Activity(
            "เอกสารลับที่ส่งออก: แฟ้มเรื่องร้องเรียน ใบรับเรื่อง",
            "ใช้ในการดำเนินเรื่อง",
            "จนกว่าผู้ส่งออกจะลบ (ควรลบเมื่อใช้เสร็จ)",
            "เจ้าหน้าที่รับเรื่องร้องเรียน",
            "confidential-exports/",
        ),
    ]


def record_path(ctx: Context) -> Path:
    """The record's default file: one name a day in the exports folder."""
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx) / f"pdpa-record-{date.today().isoformat()}.pdf"


def export_record(ctx: Context, path: Path | str | None = None) -> Path:
    """The record of processing as a PDF (recorded like every export). Admin only."""
    from ethics_tui.errors import UserError
    from ethics_tui.pdf.models import Signer, SlipDoc, SlipField
    from ethics_tui.pdf.slip import render_slip
    from ethics_tui.service.access import require
    from ethics_tui.service.exports import record_export
    from ethics_tui.service.settings import get_settings

    require(ctx, "users.manage")
    fields = [SlipField("ผู้ควบคุมข้อมูล", office_contact(ctx))]
    for i, a in enumerate(processing_record(ctx), 1):
        fields.append(
            SlipField(
                f"{i}. {a.category}",
                f"วัตถุประสงค์: {a.purpose} · ระยะเวลาเก็บ: {a.retention} · ผู้เข้าถึง: {a.readers} · ที่เก็บ: {a.where}",
            )
        )
    doc = SlipDoc(
        title="บันทึกรายการกิจกรรมการประมวลผลข้อมูลส่วนบุคคล",
        fields=fields,
        dated=date.today(),
        text="จัดทำตามมาตรา 39 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 จากข้อมูลที่โปรแกรมเก็บจริง",
        signatures=[("ผู้จัดทำ", Signer("", "ผู้ดูแลระบบ"))],
    )
    out = Path(path) if path else record_path(ctx)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        render_slip(doc, out, get_settings(ctx))
    except OSError as exc:
        raise UserError(f"เขียนไฟล์ {out} ไม่ได้ ({exc.strerror})", f"Cannot write {out} ({exc.strerror})") from None
    record_export(ctx, out, "pdpa-record", date.today().isoformat())
    return out
