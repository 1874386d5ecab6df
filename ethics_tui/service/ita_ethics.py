"""ITA outputs on ethics: the ethics item pack (O15 in 2569) and the annual ethics report.

The ethics item asks for (1) a team answering ethics questions or a working group driving
ethics, (2) Dos & Don'ts, (3) training or activities with ethics content in the year; offices
also attach the code-of-ethics circular. Everything is counted from the registers; no
consultation requester, complainant or accused is ever read.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from ethics_tui.pdf.models import MemoColumn, MemoTable, NumberedList
from ethics_tui.service import ita_texts
from ethics_tui.service.context import Context
from ethics_tui.service.ita_items import Period
from ethics_tui.service.ita_outputs import section
from ethics_tui.thai.dates import fiscal_year_range, format_date

#: order titles that name an ethics body: the advisory team and the driving working group
ETHICS_BODY_WORDS = ("คณะทำงานขับเคลื่อนจริยธรรม", "คณะที่ปรึกษา", "คณะทำงานให้คำปรึกษา", "คณะกรรมการจริยธรรม", "ขับเคลื่อนจริยธรรม")


def _d(x) -> str:
    return format_date(x, "full") if x else ""


def body_kind(subject: str) -> str:
    """ "working group" or "advisory team" from an order's title (both satisfy the ITA item)."""
    s = "".join(str(subject or "").split())
    return "คณะทำงานขับเคลื่อนจริยธรรม" if "ขับเคลื่อน" in s else "คณะที่ปรึกษา/ผู้ให้คำปรึกษาด้านจริยธรรม"


def orders_in(ctx: Context, start: date, end: date) -> list:
    from ethics_tui.service import committee

    orders = committee.list_orders(ctx)
    by_id = {o.id: o for o in orders}
    out = []
    for o in sorted(orders, key=lambda o: (o.term_start or "", o.number or 0)):
        span = committee._span(o, by_id)
        if span and span[0] <= end and span[1] >= start:
            out.append(o)
    return out


def consultation_count(ctx: Context, fy: int) -> dict[str, int]:
    """Consultations of ``fy`` by category (counts only; same rule as consultations.stats)."""
    from ethics_tui.model.committee import Consultation
    from ethics_tui.service.committee import CONSULTATIONS

    start, end = fiscal_year_range(fy)
    rows = [Consultation.from_doc(int(k), v) for k, v in ctx.store.load().get(CONSULTATIONS, {}).items()]
    return dict(Counter(c.category for c in rows if start <= c.day() <= end).most_common())


def pack(ctx: Context, p: Period) -> dict:
    from ethics_tui.service import notices, notices_acks
    from ethics_tui.service import training_stats

    start, end = fiscal_year_range(p.fy)
    published = [n for n in notices.list_notices(ctx) if n.published]

    def in_year(n):
        d = (n.dated or n.issued_on or "")[:10]
        return bool(d) and start.isoformat() <= d <= end.isoformat()

    circulars = [n for n in published if n.kind == "circular" and (in_year(n) or (n.standing and not n.replaced_by))]
    codes = []
    for n in circulars:
        cov = notices_acks.coverage_counts(ctx, n.id)
        codes.append(
            {
                "ref": notices.number_text(ctx, n),
                "title": n.title,
                "dated": n.dated,
                "done": cov.done,
                "total": cov.total,
                "percent": cov.percent,
            }
        )
    anns = [n for n in published if n.kind == "announcement"]
    # an announcement of this year, else the standing one issued by the year's end (never one
    # dated after the year being reported)
    dos = [n for n in anns if in_year(n)] or [
        n for n in anns if not n.replaced_by and (n.dated or n.issued_on or "")[:10] <= end.isoformat()
    ]
    return {
        "fy": p.fy,
        "orders": [
            {
                "ref": o.ref,
                "subject": o.subject,
                "kind": body_kind(o.subject),
                "dated": o.order_date,
                "members": len(o.members),
                "term": (o.term_start, o.term_end),
            }
            for o in orders_in(ctx, start, end)
        ],
        "dos": [
            {
                "title": n.title,
                "dated": n.dated,
                "dos": len(n.dos),
                "donts": len(n.donts),
                "this_year": in_year(n),
                "channels": len(n.channels),
            }
            for n in dos
        ],
        "codes": codes,
        "trainings": training_stats.ethics_events(ctx, p.fy),
        "consultations": consultation_count(ctx, p.fy),
    }


def write_pack(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_memo

    d = pack(ctx, p)
    body: list = [
        f"งานการเจ้าหน้าที่ขอรายงานการดำเนินการตามประมวลจริยธรรมและการขับเคลื่อนจริยธรรม "
        f"ประจำปีงบประมาณ พ.ศ. {p.fy} เพื่อเผยแพร่เป็นข้อมูลสาธารณะ ดังนี้"
    ]
    codes = [
        f"หนังสือเวียน{c['ref']} ลงวันที่ {_d(c['dated'])} เรื่อง {c['title']} รับทราบ {c['done']} จาก {c['total']} คน "
        f"(ร้อยละ {c['percent']:.1f})"
        for c in d["codes"]
    ] or ["ไม่มีหนังสือเวียนแจ้งประมวลจริยธรรมในปีงบประมาณนี้"]
    body += section(NumberedList(codes, "1. การแจ้งประมวลจริยธรรมให้บุคลากรรับทราบ"))
    orders = [
        f"คำสั่งที่ {o['ref']} ลงวันที่ {_d(o['dated'])} เรื่อง {o['subject']} ({o['kind']}) มี {o['members']} คน "
        f"วาระ {_d(o['term'][0])} ถึง {_d(o['term'][1])}"
        for o in d["orders"]
    ] or ["ไม่มีคำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรมหรือคณะที่ปรึกษาด้านจริยธรรมที่มีผลในปีงบประมาณนี้"]
    body += section(NumberedList(orders, "2. คณะทำงานขับเคลื่อนจริยธรรม / ผู้ให้คำปรึกษาด้านจริยธรรม"))
    dos = [
        f"ประกาศ เรื่อง {n['title']} ลงวันที่ {_d(n['dated'])} ควรปฏิบัติ {n['dos']} ข้อ ไม่ควรปฏิบัติ {n['donts']} ข้อ"
        + ("" if n["this_year"] else " (ประกาศเดิมที่ยังใช้อยู่)")
        for n in d["dos"]
    ] or ["ไม่มีประกาศแนวทางปฏิบัติ Dos & Don'ts"]
    body += section(NumberedList(dos, "3. แนวทางปฏิบัติ Dos & Don'ts"))
    trainings = [f"{t} วันที่ {_d(w)} บุคลากร {n} คน บุคคลภายนอก {o} คน" for t, w, n, o in d["trainings"]] or [
        "ไม่มีการอบรมหรือกิจกรรมด้านจริยธรรมในปีงบประมาณนี้"
    ]
    body += section(NumberedList(trainings, "4. การอบรมและกิจกรรมด้านจริยธรรมในปีงบประมาณ"))
    total = sum(d["consultations"].values())
    rows = [[c, f"{n:,}"] for c, n in d["consultations"].items()]
    table = (
        MemoTable(
            [MemoColumn("ประเภทเรื่องที่ขอคำปรึกษา", 120), MemoColumn("จำนวน (ครั้ง)", 40, "R")],
            rows,
            note=f"รวม {total:,} ครั้ง (ปกปิดตัวผู้ขอคำปรึกษา)",
        )
        if rows
        else None
    )
    after = [] if rows else ["ไม่มีบุคลากรขอคำปรึกษาด้านจริยธรรมในปีงบประมาณนี้"]
    body.append("5. การให้คำปรึกษาด้านจริยธรรม (จำนวนเท่านั้น)")
    return render_memo(
        ctx,
        path,
        f"ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. {p.fy}",
        body,
        table=table,
        after=after,
        kind="ita-ethics-pack",
        ref=p.fy,
    )


def check_pack(ctx: Context, p: Period) -> tuple[str, str, str]:
    d = pack(ctx, p)
    red_th, red_en = [], []
    if not d["orders"]:
        red_th.append("ไม่มีคำสั่งคณะทำงานขับเคลื่อนจริยธรรม/คณะที่ปรึกษา")
        red_en.append("no ethics working group / advisory team order")
    if not d["dos"]:
        red_th.append("ไม่มีประกาศ Dos & Don'ts")
        red_en.append("no Dos & Don'ts")
    if not d["trainings"]:
        red_th.append("ไม่มีการอบรมด้านจริยธรรมในปีนี้")
        red_en.append("no ethics training this year")
    if red_th:
        return ("red", ", ".join(red_th), ", ".join(red_en))
    amber = [c for c in d["codes"] if c["done"] < c["total"]]
    if not d["codes"]:
        return ("amber", "ยังไม่ได้แจ้งเวียนประมวลจริยธรรม", "the codes of ethics were not circulated")
    if amber:
        return (
            "amber",
            f"หนังสือเวียนประมวลจริยธรรมรับทราบยังไม่ครบ {len(amber)} ฉบับ",
            f"{len(amber)} code circular(s) not fully acknowledged",
        )
    return ("green", "มีคณะทำงาน/ที่ปรึกษา Dos & Don'ts การอบรม และการรับทราบครบ", "all parts present")


# -- the annual ethics report (counts only) -------------------------------------------------
def annual(ctx: Context, p: Period) -> dict:
    from ethics_tui.service import complaints

    d = pack(ctx, p)
    s = complaints.stats(ctx, p.fy, half=False)
    return {
        "fy": p.fy,
        "headings": [ita_texts.get(ctx, p.fy, f"eth_h{i}") for i in range(1, 5)],
        "circulars": len(d["codes"]),
        "acked": sum(c["done"] for c in d["codes"]),
        "targeted": sum(c["total"] for c in d["codes"]),
        "orders": len(d["orders"]),
        "dos": sum(1 for n in d["dos"] if n["this_year"]),
        "consultations": sum(d["consultations"].values()),
        "trainings": len(d["trainings"]),
        "trained": sum(t[2] for t in d["trainings"]),
        "complaints": s.received,
        "finished": s.finished,
        "in_progress": s.in_progress,
    }


def write_annual(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_memo

    a = annual(ctx, p)
    h = a["headings"]
    rows = [
        [h[0], "หนังสือเวียนแจ้งประมวลจริยธรรม", f"{a['circulars']:,} ฉบับ"],
        [h[0], "การลงนามรับทราบ (ครั้ง / ที่ต้องรับทราบ)", f"{a['acked']:,} / {a['targeted']:,}"],
        [h[0], "ประกาศ Dos & Don'ts ในปี", f"{a['dos']:,} ฉบับ"],
        [h[1], "คำสั่งคณะทำงาน/คณะที่ปรึกษาที่มีผลในปี", f"{a['orders']:,} ฉบับ"],
        [h[1], "การให้คำปรึกษาด้านจริยธรรม", f"{a['consultations']:,} ครั้ง"],
        [h[2], "การอบรม/กิจกรรมด้านจริยธรรม", f"{a['trainings']:,} ครั้ง"],
        [h[2], "บุคลากรที่เข้าร่วม", f"{a['trained']:,} คน"],
        [h[3], "เรื่องร้องเรียนที่รับ", f"{a['complaints']:,} เรื่อง"],
        [h[3], "ดำเนินการแล้วเสร็จ / อยู่ระหว่างดำเนินการ", f"{a['finished']:,} / {a['in_progress']:,}"],
    ]
    table = MemoTable([MemoColumn("หัวข้อ", 60), MemoColumn("รายการ", 65), MemoColumn("จำนวน", 35, "R")], rows)
    body = [
        f"ตามระเบียบคณะกรรมการมาตรฐานทางจริยธรรม (ก.ม.จ.) ว่าด้วยการรายงานผล ให้หน่วยงานรายงานผลการดำเนินการ"
        f"ตามประมวลจริยธรรมประจำปีผ่านหน่วยงานบริหารงานบุคคลกลาง งานการเจ้าหน้าที่ขอรายงานจำนวนการดำเนินการ "
        f"ประจำปีงบประมาณ พ.ศ. {p.fy} ดังนี้ (หัวข้อแก้ไขได้จนกว่าจะทราบแบบรายงานที่เป็นทางการ)"
    ]
    return render_memo(
        ctx,
        path,
        f"รายงานผลการดำเนินการตามประมวลจริยธรรม ประจำปีงบประมาณ พ.ศ. {p.fy}",
        body,
        table=table,
        kind="ita-ethics-annual",
        ref=p.fy,
    )


def check_annual(ctx: Context, p: Period) -> tuple[str, str, str]:
    a = annual(ctx, p)
    if not (a["circulars"] or a["orders"] or a["trainings"]):
        return ("amber", f"ไม่มีการดำเนินการด้านจริยธรรมในทะเบียนของปี {p.fy}", f"no ethics activity recorded for FY {p.fy}")
    return ("green", "มีข้อมูลจำนวนครบทุกหัวข้อ", "figures for every heading")
