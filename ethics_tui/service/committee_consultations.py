"""Ethics consultations (committee role only): record, list, search and count them. The
requester is sealed in the ``committee`` vault and never reaches lists, statistics, exports or
the audit log. Split from :mod:`ethics_tui.service.committee`, which re-exports these names."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from ethics_tui.errors import UserError, ValidationError, found
from ethics_tui.model import committee as m
from ethics_tui.model.committee import Consultation
from ethics_tui.service import vault
from ethics_tui.service.access import require
from ethics_tui.service.committee import CONSULTATIONS, KIND_CONSULT, _changed, _conflict, _in_force, get_template
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import fiscal_year, fiscal_year_range


# -- consultations --------------------------------------------------------------------------
def _check_handlers(ctx: Context, c: Consultation) -> None:
    order = _in_force(ctx, c.day())
    names = {x.name for x in order.members} if order else set()
    bad = [h for h in c.handled_by if h not in names]
    if not order:
        raise ValidationError(
            {"handled_by": ("ไม่มีคณะที่ปรึกษาจริยธรรมตามคำสั่งที่ใช้อยู่ในวันนั้น", "no committee was in force on that date")}
        )
    if bad:
        raise ValidationError(
            {"handled_by": (f"{', '.join(bad)} ไม่ใช่กรรมการในวันนั้น", f"{', '.join(bad)}: not a member on that date")}
        )


def list_consultations(
    ctx: Context, text: str = "", status: str | None = None, category: str | None = None, fy: int | None = None
) -> list[Consultation]:
    """Newest first. ``text`` searches the question, advice, category and handlers (never the
    requester). Requester fields stay sealed in what this returns."""
    require(ctx, "consultations.read")
    words = [w.casefold() for w in text.split()]
    out = []
    for k, v in ctx.store.load().get(CONSULTATIONS, {}).items():
        c = Consultation.from_doc(int(k), vault.reveal_fields(ctx, KIND_CONSULT, v, m.SEALED_TEXT))
        if (
            (status and c.status != status)
            or (category and c.category != category)
            or (fy and fiscal_year(c.day()) != fy)
        ):
            continue
        hay = " ".join([c.question, c.advice, c.category, c.dos_ref, *c.handled_by]).casefold()
        if all(w in hay for w in words):
            out.append(c)
    return sorted(out, key=lambda c: (c.consulted_on, c.id), reverse=True)


def get_consultation(ctx: Context, cid: int) -> Consultation:
    """The record with the requester revealed (logged as a view of a confidential record)."""
    require(ctx, "consultations.read")
    doc = found(
        ctx.store.load().get(CONSULTATIONS, {}).get(str(cid)),
        f"ไม่พบบันทึกการให้คำปรึกษารหัส {cid}",
        f"No consultation {cid}",
    )
    vault.log_view(ctx, KIND_CONSULT, cid)
    return Consultation.from_doc(cid, vault.reveal_fields(ctx, KIND_CONSULT, doc, m.ALL_SEALED))


def save_consultation(ctx: Context, c: Consultation) -> Consultation:
    """Add (``c.id`` None) or update a consultation. The requester is sealed before saving."""
    require(ctx, "consultations.write")
    c = replace(c, handled_by=list(c.handled_by))
    if c.requester_kind == "anonymous":
        c.requester = c.requester_staff_id = ""
    allowed = get_template(ctx)["categories"]
    stored = ctx.store.load().get(CONSULTATIONS, {}).get(str(c.id)) if c.id else None
    c.validate(allowed + [stored["category"]] if stored else allowed)  # an old category stays valid
    _check_handlers(ctx, c)
    if not c.retain_until:
        day, years = c.day(), get_template(ctx)["retention_years"]
        c.retain_until = (
            (day.replace(day=28) if (day.month, day.day) == (2, 29) else day).replace(year=day.year + years).isoformat()
        )
    with ctx.store.transaction(actor=ctx.actor) as tx:
        if c.id is None:
            c.rev = 1
            sealed = vault.seal_fields(ctx, KIND_CONSULT, c.to_dict(), m.ALL_SEALED)
            c.id = tx.table(CONSULTATIONS).insert(sealed)
            tx.log("create", KIND_CONSULT, c.id, [k for k, v in c.to_dict().items() if v not in ("", None, [])])
            return c
        old = found(
            tx.table(CONSULTATIONS).get(doc_id=c.id), f"ไม่พบบันทึกการให้คำปรึกษารหัส {c.id}", f"No consultation {c.id}"
        )
        if old.get("rev") != c.rev:
            raise _conflict()
        plain_old = vault.reveal_fields(ctx, KIND_CONSULT, old, m.ALL_SEALED)
        new = c.to_dict()
        changed = _changed(plain_old, new)
        for name in m.ALL_SEALED:  # unchanged: keep the stored ciphertext
            if name not in changed:
                new[name] = old.get(name, "")
        new["rev"] = c.rev = c.rev + 1
        tx.put(CONSULTATIONS, c.id, vault.seal_fields(ctx, KIND_CONSULT, new, m.ALL_SEALED))
        tx.log("update", KIND_CONSULT, c.id, changed)
    return c


def stats(ctx: Context, fy: int) -> dict:
    """Counts only, for fiscal year ``fy`` (B.E.): by month (Oct..Sep), category, status, channel."""
    require(ctx, "consultations.stats")
    start, end = fiscal_year_range(fy)
    rows = [Consultation.from_doc(int(k), v) for k, v in ctx.store.load().get(CONSULTATIONS, {}).items()]
    for c in rows:
        try:
            c.day()
        except (TypeError, ValueError):
            raise UserError(
                f"ระเบียนขอคำปรึกษา #{c.id}: วันที่เสียหาย ({str(c.consulted_on)[:20]!r}) — ใช้คำสั่ง verify",
                f"Consultation #{c.id}: damaged date ({str(c.consulted_on)[:20]!r}); run verify",
            ) from None
    rows = [c for c in rows if start <= c.day() <= end]
    months = [(start.month + i - 1) % 12 + 1 for i in range(12)]
    by_month = Counter(c.day().month for c in rows)
    return {
        "fy": fy,
        "total": len(rows),
        "months": [(mo, by_month.get(mo, 0)) for mo in months],
        "categories": dict(Counter(c.category for c in rows).most_common()),
        "statuses": {s: sum(c.status == s for c in rows) for s in m.CONSULT_STATUSES},
        "channels": {s: sum(c.channel == s for c in rows) for s in m.CHANNELS},
    }


# -- demo ------------------------------------------------------------------------------------
def demo_consultations(ctx: Context) -> None:
    """A dozen consultations over the past year, recorded by the demo committee account (so
    that the requesters are sealed); called by ``committee.extend_demo`` after the orders."""
    from ethics_tui.service.demo import demo_sign_in

    today = date.today()
    committee = demo_sign_in(Context(store=ctx.store, lang=ctx.lang), "committee")
    from ethics_tui.service.people import staff_docs

    people = sorted(staff_docs(ctx).items())[10:30]
    cats = get_template(ctx)["categories"]
    for i, (question, advice) in enumerate(_DEMO_CASES):
        day = today - timedelta(days=15 + i * 29)
        order = _in_force(ctx, day)
        kind = ("staff", "staff", "outsider", "anonymous")[i % 4]
        sid, doc = people[i]
        who = {
            "staff": f"{doc['prefix']}{doc['first_name']} {doc['last_name']}",
            "outsider": "นายบุญส่ง ตัวอย่าง",
            "anonymous": "",
        }[kind]
        save_consultation(
            committee,
            Consultation(
                consulted_on=day.isoformat(),
                channel=list(m.CHANNELS)[i % 5],
                category=cats[i % len(cats)],
                question=question,
                advice=advice if i % 5 else "",
                requester_kind=kind,
                requester=who,
                requester_staff_id=sid if kind == "staff" else "",
                handled_by=[order.members[i % 2 * 4].name],
                status=("open", "advised", "closed", "referred", "advised")[i % 5] if i % 5 else "open",
            ),
        )


_DEMO_CASES = [
    ("ญาติของผู้ขอคำปรึกษาจะยื่นเสนอราคางานจ้างเหมาซ่อมถนน", "แนะนำให้แจ้งผู้บังคับบัญชาและไม่ร่วมพิจารณาผลการเสนอราคา"),
    ("ผู้รับเหมานำกระเช้าของขวัญมามอบในช่วงปีใหม่", "แนะนำให้ปฏิเสธอย่างสุภาพ หากรับไว้แล้วให้รายงานและส่งคืน"),
    ("จะยืมรถยนต์ส่วนกลางไปงานบวชของญาติได้หรือไม่", "แนะนำให้ไม่ใช้ทรัพย์สินของทางราชการเพื่อประโยชน์ส่วนตน"),
    ("ถูกขอให้ลงชื่อรับรองเวลาปฏิบัติงานแทนเพื่อนร่วมงาน", "แนะนำให้ไม่ลงชื่อแทนและแจ้งหัวหน้างาน"),
    ("การโพสต์วิจารณ์ผู้บริหารในสื่อสังคมออนไลน์ส่วนตัว", "แนะนำให้ระมัดระวังการแสดงความเห็นตามประมวลจริยธรรม"),
    ("ได้รับเชิญเป็นวิทยากรภายนอกโดยมีค่าตอบแทน", "แนะนำให้ขออนุญาตผู้บังคับบัญชาก่อนรับงาน"),
    ("เพื่อนขอข้อมูลผู้มาติดต่อราชการเพื่อใช้ขายสินค้า", "แนะนำให้ไม่เปิดเผยข้อมูลส่วนบุคคลตามกฎหมายคุ้มครองข้อมูลส่วนบุคคล"),
    ("ร้านค้าเสนอส่วนลดพิเศษเฉพาะเจ้าหน้าที่พัสดุ", "แนะนำให้ไม่รับประโยชน์ที่ให้เพราะตำแหน่งหน้าที่"),
    ("ใช้เครื่องพิมพ์ของสำนักงานพิมพ์เอกสารส่วนตัวเล็กน้อย", "แนะนำให้แยกใช้อุปกรณ์ส่วนตัวสำหรับงานส่วนตัว"),
    ("คู่สมรสเป็นกรรมการตรวจรับงานที่ตนเป็นผู้ควบคุมงาน", "แนะนำให้ขอถอนตัวจากการเป็นกรรมการและรายงานเป็นลายลักษณ์อักษร"),
    ("ได้รับบัตรชมคอนเสิร์ตจากบริษัทที่ยื่นขออนุญาตก่อสร้าง", "แนะนำให้ส่งคืนและบันทึกการรายงานการรับของขวัญ"),
    ("การรับเงินช่วยงานศพจากผู้มาติดต่อราชการ", "แนะนำให้รับได้ตามประเพณีในมูลค่าที่เหมาะสม และไม่เกี่ยวกับการปฏิบัติหน้าที่"),
]
