"""ITA outputs on complaints: the handling guideline and the channels (from the complaint
settings), and the statistics by month, quarter, half year and year (counts only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ethics_tui.pdf.models import MemoColumn, MemoTable, NumberedList
from ethics_tui.service import ita_texts
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.ita_items import Period
from ethics_tui.service.ita_outputs import section
from ethics_tui.thai.dates import MONTHS_FULL, fiscal_year_range

GUIDE_STEPS = ("received", "review", "fact_finding", "concluded", "notified")


def guideline(ctx: Context) -> dict:
    from ethics_tui.model.complaints import step_label
    from ethics_tui.service import complaints
    from ethics_tui.service.complaints_bodies import body_names
    from ethics_tui.service.settings import get_settings

    s = complaints.get_settings(ctx)
    office = get_settings(ctx)
    return {
        "channels": list(s.channels),
        "unit": ita_texts.get(ctx, 0, "complaint_unit"),
        "steps": [(step_label(k), s.due_days.get(k, 0)) for k in GUIDE_STEPS],
        "refer_days": s.due_days.get("referred", 0),
        "contact": s.status_contact,
        "bodies": body_names("th", office.office_type),
        "office": office,
    }


def write_guideline(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_announcement

    g = guideline(ctx)
    total = sum(d for _, d in g["steps"])
    body: list = [
        f"เพื่อให้การจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบเป็นไปอย่างมีประสิทธิภาพ รวดเร็ว และคุ้มครอง"
        f"ผู้ร้องเรียน จึงกำหนดแนวปฏิบัติการจัดการเรื่องร้องเรียน โดยมี{g['unit']} เป็นผู้รับผิดชอบ ดังนี้"
    ]
    body += section(NumberedList(g["channels"], "1. ช่องทางการร้องเรียน"))
    body += section(
        NumberedList(
            [
                "ระบุเรื่องที่ร้องเรียน ผู้ถูกร้องเรียน และรายละเอียดหรือหลักฐานเท่าที่มี",
                "จะแจ้งชื่อและที่อยู่ หรือไม่ประสงค์ออกนามก็ได้ หน่วยงานเก็บชื่อผู้ร้องเรียนเป็นความลับ",
                "ผู้ร้องเรียนได้รับรหัสรับเรื่องไว้สอบถามสถานะ" + (f" ({g['contact']})" if g["contact"] else ""),
            ],
            "2. วิธีการร้องเรียน",
        )
    )
    body += section(
        NumberedList(
            [f"{label} ภายใน {days} วัน" for label, days in g["steps"]]
            + [f"กรณีส่งเรื่องให้หน่วยงานอื่น ส่งภายใน {g['refer_days']} วัน"],
            f"3. ขั้นตอนและระยะเวลาดำเนินการ (รวมไม่เกิน {total} วัน)",
        )
    )
    body += section(
        NumberedList(
            [
                f"หน่วยงานผู้รับผิดชอบ: {g['unit']}",
                "กรณีผู้ถูกร้องเรียนเป็นผู้บริหารท้องถิ่น หน่วยงานไม่แสวงหาข้อเท็จจริงเอง แต่ส่งเรื่องไปยัง " + " หรือ ".join(g["bodies"]),
            ],
            "4. ผู้รับผิดชอบ",
        )
    )
    return render_announcement(
        ctx, path, "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", body, kind="ita-complaint-guideline", ref=p.fy
    )


def check_guideline(ctx: Context, p: Period) -> tuple[str, str, str]:
    g = guideline(ctx)
    if not g["contact"]:
        return (
            "amber",
            "ยังไม่ได้ตั้งช่องทางสอบถามสถานะเรื่องร้องเรียน (ตั้งค่าเรื่องร้องเรียน)",
            "no status contact in the complaint settings",
        )
    return (
        "green",
        f"ช่องทาง {len(g['channels'])} ช่องทาง ขั้นตอน {len(g['steps'])} ขั้นตอนพร้อมระยะเวลา",
        "channels, steps and time frames set",
    )


def write_channels(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_announcement

    g = guideline(ctx)
    o = g["office"]
    contact = [
        x
        for x in (
            o.address and f"ที่อยู่ {o.address}",
            o.phone and f"โทรศัพท์ {o.phone}",
            o.email and f"อีเมล {o.email}",
            g["contact"],
        )
        if x
    ]
    body: list = [
        "ผู้ที่พบเห็นการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ แจ้งเรื่องร้องเรียนได้ทางช่องทางต่อไปนี้ "
        "โดยไม่ต้องแจ้งชื่อก็ได้ หน่วยงานเก็บข้อมูลผู้ร้องเรียนเป็นความลับ",
        NumberedList(g["channels"], "ช่องทางการร้องเรียน"),
    ]
    if contact:
        body += section(NumberedList(contact, "ติดต่อ"))
    body.append("กรณีผู้ถูกร้องเรียนเป็นผู้บริหารท้องถิ่น ร้องเรียนได้ที่ " + " หรือ ".join(g["bodies"]))
    return render_announcement(
        ctx, path, "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", body, kind="ita-complaint-channels", ref=p.fy
    )


def check_channels(ctx: Context, p: Period) -> tuple[str, str, str]:
    g = guideline(ctx)
    return ("green", f"ช่องทาง {len(g['channels'])} ช่องทาง", f"{len(g['channels'])} channels")


# -- statistics ---------------------------------------------------------------------------
@dataclass
class Row:
    label: str
    start: date
    end: date
    received: int = 0
    finished: int = 0

    @property
    def in_progress(self) -> int:
        return self.received - self.finished


def _count(cases, start: date, end: date, today: date, label: str) -> Row:
    as_of = min(end, today)
    r = Row(label, start, end)
    for c in cases:
        if start <= c.received_date <= end:
            r.received += 1
            done = c.finished_on()
            r.finished += done is not None and done <= as_of
    return r


def _month_end(y: int, m: int) -> date:
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def stats_table(ctx: Context, p: Period, today: date | None = None) -> dict:
    """Rows by month, by quarter, the half year and (unless ``p`` is the first half) the year.
    Same rule as complaints.stats: finished as at the end of each row's period (or today)."""
    from ethics_tui.service import complaints

    require(ctx, "complaints.stats")
    today = today or date.today()
    cases = complaints._cases(ctx)
    start, end = fiscal_year_range(p.fy)
    months, quarters = [], []
    y, m = start.year, start.month
    for _i in range(6 if p.half else 12):
        s, e = date(y, m, 1), _month_end(y, m)
        months.append(_count(cases, s, e, today, f"{MONTHS_FULL[m - 1]} {y + 543}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    for q in range(2 if p.half else 4):
        qm = months[q * 3 : (q + 1) * 3]
        quarters.append(_count(cases, qm[0].start, qm[-1].end, today, f"ไตรมาสที่ {q + 1}"))
    half = _count(cases, start, date(start.year + 1, 3, 31), today, "6 เดือนแรก (ต.ค. - มี.ค.)")
    year = None if p.half else _count(cases, start, end, today, f"ทั้งปีงบประมาณ {p.fy}")
    statement = complaints.statement(complaints.stats(ctx, p.fy, half=p.half, today=today))
    return {
        "fy": p.fy,
        "half": p.half,
        "months": months,
        "quarters": quarters,
        "half_year": half,
        "year": year,
        "statement": statement,
    }


def write_stats(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_memo

    t = stats_table(ctx, p)
    rows = []
    for r in [*t["months"], *t["quarters"], t["half_year"], *([t["year"]] if t["year"] else [])]:
        rows.append([r.label, f"{r.received:,}", f"{r.finished:,}", f"{r.in_progress:,}"])
    table = MemoTable(
        [
            MemoColumn("ช่วงเวลา", 64),
            MemoColumn("เรื่องทั้งหมด", 32, "R"),
            MemoColumn("แล้วเสร็จ", 32, "R"),
            MemoColumn("อยู่ระหว่างดำเนินการ", 32, "R"),
        ],
        rows,
    )
    body = [
        f"ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ {p.label()} รายเดือน รายไตรมาส "
        + ("และรอบ 6 เดือน" if p.half else "รอบ 6 เดือน และทั้งปี")
        + " (จำนวนเท่านั้น ไม่มีข้อมูลผู้ร้องเรียน)",
        t["statement"],
    ]
    what = "รอบ 6 เดือนแรก ปีงบประมาณ" if p.half else "ประจำปีงบประมาณ"
    return render_memo(
        ctx,
        path,
        f"สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ {what} พ.ศ. {p.fy}",
        body,
        table=table,
        kind="complaint-stats",
        ref=f"{p.fy}{'-H1' if p.half else ''}",
    )


def check_stats(ctx: Context, p: Period) -> tuple[str, str, str]:
    t = stats_table(ctx, p)
    last = t["half_year"] if p.half else t["year"]
    # the item uses two periods (the first half, the year before): say which one each line is
    what, en = ("6 เดือนแรก ปีงบประมาณ", "first half of FY") if p.half else ("ปีงบประมาณ", "FY")
    if last.received == 0:
        return ("green", f"{what} {p.fy}: ไม่มีเรื่องร้องเรียน (เอกสารระบุว่าไม่มี)", f"{en} {p.fy}: no complaints (stated)")
    return (
        "green",
        f"{what} {p.fy}: เรื่องร้องเรียน {last.received} เรื่อง แล้วเสร็จ {last.finished} เรื่อง",
        f"{en} {p.fy}: {last.received} complaints, {last.finished} finished",
    )
