"""The demo complaint cases (split from :mod:`ethics_tui.service.complaints`, which re-exports
``extend_demo``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ethics_tui.model.complaints import Complaint, Identity
from ethics_tui.service.complaints import advance, get_settings, intake
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_docs


def extend_demo(ctx: Context) -> None:
    """A handful of cases in different states, sealed by the demo complaints officer: one
    anonymous and overdue in fact-finding, one referred (the executive accused), one closed
    long ago whose retention has run out, and others."""
    from ethics_tui.service.demo import demo_sign_in

    officer = demo_sign_in(Context(store=ctx.store, lang=ctx.lang), "complaints")
    staff = {d.get("position"): int(k) for k, d in sorted(staff_docs(ctx).items(), reverse=True)}
    ch = get_settings(officer).channels
    today = date.today()

    def case(days_ago, channel, kind, subject, ident, steps, hour=10):
        when = datetime.combine(today - timedelta(days=days_ago), datetime.min.time()).replace(hour=hour)
        c = intake(officer, Complaint(when.isoformat(timespec="minutes"), channel, kind, subject), ident)
        for offset, step, extra in steps:
            advance(officer, c.id, step, today - timedelta(days=days_ago - offset), **extra)

    case(
        80,
        ch[3],
        "corruption",
        "ขอให้ตรวจสอบการจัดซื้อวัสดุก่อสร้างถนนคอนกรีต หมู่ที่ 3",
        Identity(
            anonymous=True,
            accused_staff_id=staff.get("เจ้าพนักงานพัสดุ"),
            details="ผู้ร้องแจ้งว่าราคาวัสดุสูงกว่าท้องตลาด และผู้รับจ้างเป็นญาติของเจ้าหน้าที่",
        ),
        [(2, "review", {}), (9, "fact_finding", {"evidence": "enough", "note": "มีใบเสนอราคาแนบมา"})],
    )
    case(
        45,
        ch[1],
        "corruption",
        "ร้องเรียนการใช้รถยนต์ส่วนกลางไปใช้ส่วนตัว",
        Identity(
            anonymous=False,
            complainant_name="นายบุญมี ทองสุข",
            complainant_contact="081-234-5678",
            accused_text="นายก อบต.",
            details="พบรถยนต์ส่วนกลางจอดที่งานบวชในวันหยุด",
        ),
        [
            (1, "review", {}),
            (
                5,
                "referred",
                {"evidence": "enough", "body": "ศูนย์ดำรงธรรมจังหวัดอุดรธานี", "note": "หนังสือส่งเรื่องทางไปรษณีย์ลงทะเบียน"},
            ),
        ],
    )
    case(
        40,
        ch[0],
        "grievance",
        "ขอให้ปรับปรุงการเก็บขยะในหมู่บ้านให้ตรงเวลา",
        Identity(
            anonymous=False,
            complainant_name="นางสาวจันทร์เพ็ญ ศรีบุญ",
            complainant_contact="089-876-5432",
            details="รถเก็บขยะมาไม่ตรงวันที่ประกาศไว้ติดต่อกันสามสัปดาห์",
        ),
        [
            (1, "review", {}),
            (3, "fact_finding", {"evidence": "enough"}),
            (20, "concluded", {"finding": "ปรับตารางเก็บขยะและแจ้งหมู่บ้านแล้ว"}),
            (25, "notified", {"method": "โทรศัพท์แจ้งผู้ร้อง"}),
            (30, "closed", {}),
        ],
    )
    case(
        12,
        ch[2],
        "corruption",
        "สอบถามการเรียกรับเงินในการขออนุญาตก่อสร้างอาคาร",
        Identity(
            anonymous=False,
            complainant_name="นายสุรชัย แก้วมณี",
            complainant_contact="โทร 086-555-1212",
            accused_staff_id=staff.get("นายช่างโยธา"),
            details="ถูกเรียกเงินค่าดำเนินการเพิ่มโดยไม่มีใบเสร็จ",
        ),
        [(2, "review", {})],
    )
    case(2, ch[6], "grievance", "ไฟส่องสว่างถนนสายหลักหมู่ที่ 5 ชำรุด", Identity(anonymous=True), [])
    case(
        4200,
        ch[0],
        "grievance",
        "ขอให้ซ่อมท่อระบายน้ำหน้าโรงเรียน",
        Identity(anonymous=True, details="น้ำท่วมขังหน้าโรงเรียนทุกครั้งที่ฝนตก"),
        [
            (1, "review", {}),
            (2, "not_accepted", {"evidence": "not_enough", "reason": "เป็นอำนาจของกรมทางหลวงชนบท"}),
            (3, "closed", {}),
        ],
    )
