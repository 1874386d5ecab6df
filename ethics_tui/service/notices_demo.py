"""Demo records of the notices register: a published Dos & Don'ts announcement and three
circulars of the codes of ethics (DOMAIN.md), targeted at all staff, about 70 % acknowledged."""

from __future__ import annotations

import random
from datetime import timedelta

from ethics_tui.model.notices import Notice
from ethics_tui.service import notices, notices_acks
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import today

DOS = [
    {"text": "ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้", "note": ""},
    {"text": "ให้บริการประชาชนด้วยความเสมอภาค สุภาพ และรวดเร็ว", "note": "ไม่เลือกปฏิบัติ"},
    {"text": "แจ้งผู้บังคับบัญชาทันทีเมื่อมีผลประโยชน์ทับซ้อน", "note": "ขอถอนตัวจากการพิจารณาเรื่องนั้น"},
    {"text": "ใช้ทรัพย์สินของทางราชการเพื่องานราชการเท่านั้น", "note": ""},
    {"text": "รักษาความลับของทางราชการและข้อมูลส่วนบุคคลของประชาชน", "note": ""},
]
DONTS = [
    {"text": "ไม่รับเงิน ของขวัญ หรือประโยชน์อื่นใดจากผู้มาติดต่อราชการ", "note": "เกินกว่าที่กฎหมายกำหนด"},
    {"text": "ไม่ใช้ตำแหน่งหน้าที่เพื่อประโยชน์ของตนเองหรือพวกพ้อง", "note": ""},
    {"text": "ไม่เบิกจ่ายค่าใช้จ่ายที่ไม่เป็นไปตามระเบียบ", "note": ""},
    {"text": "ไม่นำรถยนต์ส่วนกลางไปใช้ในกิจธุระส่วนตัว", "note": ""},
]

CODES = [
    ("ประมวลจริยธรรมของผู้บริหารท้องถิ่น", "ประมวลจริยธรรมของผู้บริหารท้องถิ่น ประกาศในราชกิจจานุเบกษา เมษายน ๒๕๖๕"),
    ("ประมวลจริยธรรมของสมาชิกสภาท้องถิ่น", "ประมวลจริยธรรมของสมาชิกสภาท้องถิ่น"),
    (
        "ประกาศ ก.ถ. เรื่องประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
        "ประกาศคณะกรรมการกลางพนักงานส่วนท้องถิ่น เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
    ),
]


def _partial(ctx: Context, notice_id: int, share: float, since, rng: random.Random) -> None:
    people = notices_acks.people(ctx, notice_id)
    chosen = [p.staff_id for p in people if rng.random() < share]
    span = max(1, (today() - since).days)
    by_day: dict = {}
    for sid in chosen:
        by_day.setdefault(since + timedelta(days=rng.randrange(0, span)), []).append(sid)
    for day, ids in sorted(by_day.items()):
        notices_acks.acknowledge(ctx, notice_id, ids, on=day, method="sheet")


def load(ctx: Context) -> None:
    rng = random.Random(2568)
    # the demo's report year is the last complete fiscal year (as the other registers' demos):
    # the announcement and the circulars go out in its first weeks
    from ethics_tui.thai.dates import fiscal_year, fiscal_year_range

    start = fiscal_year_range(fiscal_year(today()) - 1)[0] + timedelta(days=16)
    ann = notices.save_draft(
        ctx,
        Notice(
            kind="announcement",
            title="แนวทางการปฏิบัติตนตามประมวลจริยธรรมของพนักงานส่วนท้องถิ่น",
            intro=(
                "เพื่อให้พนักงานส่วนตำบลและพนักงานจ้างยึดถือเป็นแนวทางในการปฏิบัติตนตามประมวลจริยธรรม "
                "และส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน จึงประกาศแนวทางการปฏิบัติ ดังนี้"
            ),
            dos=DOS,
            donts=DONTS,
            dated=start.isoformat(),
        ),
    )
    notices.publish(ctx, ann.id, [("website", start.isoformat()), ("board", start.isoformat())], on=start)
    _partial(ctx, ann.id, 0.8, start, rng)
    for k, (title, enclosure) in enumerate(CODES):
        day = start + timedelta(days=3 + k)
        c = notices.save_draft(
            ctx,
            Notice(
                kind="circular",
                title=f"แจ้งเวียน{title}",
                to="พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้างทุกท่าน",
                body=(
                    f"ด้วย{title} มีผลใช้บังคับแล้ว เพื่อให้บุคลากรทุกคนได้รับทราบและถือปฏิบัติ "
                    "จึงขอแจ้งเวียนให้ทราบ และขอให้ลงลายมือชื่อรับทราบในใบลงชื่อรับทราบที่แนบมาพร้อมนี้"
                ),
                enclosures=[{"title": enclosure}],
                dated=day.isoformat(),
                standing=True,
                signer_name="",
                signer_position="",
            ),
        )
        notices.publish(ctx, c.id, on=day)
        _partial(ctx, c.id, 0.7, day, rng)
