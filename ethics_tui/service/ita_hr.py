"""ITA outputs of the HR officer: the criteria-and-plan pack, the HR annual report, the ITAS
headcount, the public list of ดีเด่น / ดีมาก results, and the late-criteria warning.

Figures come from the appraisal, training and staff services; nothing here keeps its own count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ethics_tui.pdf.models import MemoColumn, MemoTable, NumberedList
from ethics_tui.service import ita_texts
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.ita_items import Period
from ethics_tui.service.ita_outputs import section
from ethics_tui.thai.dates import format_date


def _d(x) -> str:
    return format_date(x, "full") if x else ""


def _en(x: date) -> str:
    """``x`` as English texts give a date (``1 Oct 2569``)."""
    return format_date(x, "abbr", lang="en")


def _rounds(ctx: Context, fy: int):
    from ethics_tui.service import appraisal

    return sorted((r for r in appraisal.list_rounds(ctx) if r.fiscal_year == fy), key=lambda r: r.round_no)


# -- the late-criteria warning ---------------------------------------------------------------
@dataclass
class LateCriteria:
    round_no: int
    starts: date
    published: date | None  # None: never announced

    def message(self, lang: str = "th") -> str:
        if self.published is None:
            return (
                f"Round {self.round_no}: the criteria were not announced (the round starts {_en(self.starts)})"
                if lang == "en"
                else f"รอบที่ {self.round_no}: ยังไม่ได้บันทึกวันประกาศหลักเกณฑ์ (รอบเริ่ม {format_date(self.starts, 'abbr')})"
            )
        return (
            f"Round {self.round_no}: the criteria notice ({_en(self.published)}) is dated after the round "
            f"started ({_en(self.starts)})"
            if lang == "en"
            else f"รอบที่ {self.round_no}: ประกาศหลักเกณฑ์ลงวันที่ {format_date(self.published, 'abbr')} "
            f"หลังวันเริ่มรอบ ({format_date(self.starts, 'abbr')}) ต้องประกาศก่อนหรือในวันเริ่มรอบ"
        )


def late_criteria(ctx: Context, fy: int, today: date | None = None) -> list[LateCriteria]:
    """Rounds of ``fy`` whose criteria were announced after the round began (ก.อบต.จังหวัด
    standards 2564: before or at the start), or not at all once the round has begun."""
    today = today or date.today()
    out = []
    for r in _rounds(ctx, fy):
        start = r.period()[0]
        pub = date.fromisoformat(r.criteria_published) if r.criteria_published else None
        if (pub is not None and pub > start) or (pub is None and today >= start):
            out.append(LateCriteria(r.round_no, start, pub))
    return out


# -- O13: criteria and plan -------------------------------------------------------------------
def criteria_plan(ctx: Context, p: Period) -> dict:
    from ethics_tui.model.training import REJECT_REASONS
    from ethics_tui.service import training

    rounds = []
    for r in _rounds(ctx, p.fy):
        s, e = r.period()
        rounds.append(
            {
                "round": r.round_no,
                "start": s,
                "end": e,
                "published": r.criteria_published,
                "channels": list(r.criteria_channels),
                "text": r.criteria_text,
                "bands": [(lvl, low) for lvl, low in r.bands],
                "weights": dict(r.weights),
            }
        )
    texts = ita_texts.all_texts(ctx, p.fy)
    return {
        "fy": p.fy,
        "rounds": rounds,
        "late": late_criteria(ctx, p.fy),
        "texts": texts,
        "reject_reasons": [v[0] for k, v in REJECT_REASONS.items() if k != "other"],
        "priority_years": training.config(ctx).get("priority_years", 3),
    }


def write_criteria_plan(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.model.appraisal import COMPONENT_LABELS
    from ethics_tui.service.ita_outputs import render_memo

    d = criteria_plan(ctx, p)
    t = d["texts"]
    body: list = [
        f"งานการเจ้าหน้าที่ขอรายงานหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล และแผนการบริหารและพัฒนา"
        f"ทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {p.fy} เพื่อเผยแพร่ให้บุคลากรและสาธารณชนทราบ ดังนี้"
    ]
    body += section(NumberedList([t["crit_recruitment"]], "1. การสรรหาและคัดเลือก"))
    body += section(NumberedList([t["crit_appointment"]], "2. การแต่งตั้ง"))
    dev = [
        t["crit_development"],
        "เหตุผลที่ไม่อนุมัติได้เพียง: " + " หรือ ".join(d["reject_reasons"]),
        f"ให้ความสำคัญแก่ผู้ที่ไม่ได้รับการพัฒนาในรอบ {d['priority_years']} ปีที่ผ่านมา",
    ]
    body += section(NumberedList(dev, "3. การพัฒนาบุคลากร (ฝึกอบรม ศึกษาดูงาน ทุนการศึกษา)"))
    appr = []
    for r in d["rounds"]:
        bands = ", ".join(f"{lvl} ตั้งแต่ {str(low).removesuffix('.00')}" for lvl, low in r["bands"])
        weights = ", ".join(f"{COMPONENT_LABELS.get(k, (k,))[0]} {v}" for k, v in r["weights"].items())
        pub = (
            f"ประกาศหลักเกณฑ์เมื่อ {_d(r['published'])}" + (f" ทาง {', '.join(r['channels'])}" if r["channels"] else "")
            if r["published"]
            else "ยังไม่ได้บันทึกการประกาศหลักเกณฑ์"
        )
        appr.append(
            f"รอบที่ {r['round']} ({format_date(r['start'], 'abbr')} - {format_date(r['end'], 'abbr')}): {pub} "
            f"ระดับผลการประเมิน {bands} สัดส่วนคะแนน {weights}" + (f" หลักเกณฑ์: {r['text']}" if r["text"] else "")
        )
    if not appr:
        appr = [f"ยังไม่มีรอบการประเมินของปีงบประมาณ {p.fy} ในทะเบียน"]
    appr += [x.message() for x in d["late"]]
    body += section(NumberedList(appr, "4. การประเมินผลการปฏิบัติงาน"))
    body += section(NumberedList([t["crit_morale"]], "5. การให้รางวัลและการสร้างขวัญกำลังใจ"))
    body += section(NumberedList([t["hr_plan"]], f"6. แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {p.fy}"))
    return render_memo(
        ctx,
        path,
        f"หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {p.fy}",
        body,
        kind="ita-hr-criteria-plan",
        ref=p.fy,
    )


def check_criteria_plan(ctx: Context, p: Period) -> tuple[str, str, str]:
    rounds = _rounds(ctx, p.fy)
    late = late_criteria(ctx, p.fy)
    if not rounds:
        return (
            "red",
            f"ยังไม่มีรอบการประเมินและหลักเกณฑ์ของปีงบประมาณ {p.fy}",
            f"no appraisal round / criteria for FY {p.fy}",
        )
    if late:
        return ("amber", "; ".join(x.message() for x in late), "; ".join(x.message("en") for x in late))
    return ("green", "ประกาศหลักเกณฑ์ก่อนเริ่มรอบทุกรอบ", "criteria announced before every round")


# -- O14: the HR annual report ---------------------------------------------------------------
def _annual_parts(ctx: Context, p: Period) -> dict:
    """What the readiness check of the annual report looks at (no staff statistics)."""
    from ethics_tui.service import training

    dist = []
    for r in _rounds(ctx, p.fy):
        dist.append(
            {
                "round": r.round_no,
                "levels": [(lvl, int(r.tally.get(lvl, 0))) for lvl, _ in r.bands],
                "total": sum(int(v) for v in r.tally.values()),
            }
        )
    opps = training.list_opportunities(ctx, p.fy)
    texts = ita_texts.all_texts(ctx, p.fy)
    return {
        "fy": p.fy,
        "appraisal": dist,
        "opportunities": dict(Counter(o.kind for o in opps)),
        "texts": {k: texts[k] for k in ("ar_recruitment", "ar_rewards", "ar_morale")},
    }


def annual_report(ctx: Context, p: Period) -> dict:
    from ethics_tui.service import training, training_stats

    parts = _annual_parts(ctx, p)
    st = training_stats.stats(ctx, p.fy)
    noms = training.list_nominations(ctx, fy=p.fy)
    return {
        "fy": p.fy,
        "appraisal": parts["appraisal"],
        "opportunities": parts["opportunities"],
        "nominated": len(noms),
        "approved": sum(n.decision == "approved" and not n.withdrawn for n in noms),
        "withdrawn": sum(n.withdrawn for n in noms),
        "rejected": sum(n.decision == "rejected" for n in noms),
        "staff_total": st.staff_total,
        "with_opportunity": st.with_opportunity,
        "never_selected": len(st.never_selected),
        "ethics_events": st.ethics_events,
        "texts": parts["texts"],
    }


def write_annual_report(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_memo

    d = annual_report(ctx, p)
    body: list = [f"งานการเจ้าหน้าที่ขอรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำ{p.label()} ซึ่งสรุปจากทะเบียนของหน่วยงาน ดังนี้"]
    appr = [
        f"รอบที่ {a['round']}: ผู้รับการประเมิน {a['total']} คน " + ", ".join(f"{lvl} {n} คน" for lvl, n in a["levels"])
        for a in d["appraisal"]
    ] or ["ไม่มีข้อมูลการประเมินผลการปฏิบัติงานของปีนี้ในทะเบียน"]
    body += section(NumberedList(appr, "1. ผลการประเมินผลการปฏิบัติงาน (จำนวนคนในแต่ละระดับ)"))
    kinds = ", ".join(f"{k} {n} รายการ" for k, n in d["opportunities"].items())
    dev = [f"โอกาสพัฒนาบุคลากร: {kinds}" if kinds else "ไม่มีการบันทึกโอกาสฝึกอบรม ศึกษาดูงาน หรือทุนการศึกษาในปีนี้"]
    if d["nominated"]:
        dev.append(
            f"เสนอชื่อ {d['nominated']} ราย อนุมัติ {d['approved']} ราย ไม่อนุมัติ {d['rejected']} ราย"
            + (f" ถอนการเสนอชื่อ {d['withdrawn']} ราย" if d["withdrawn"] else "")
        )
    dev.append(
        f"บุคลากรได้รับการพัฒนา {d['with_opportunity']} จาก {d['staff_total']} คน ยังไม่ได้รับการพัฒนา {d['never_selected']} คน"
    )
    body += section(NumberedList(dev, "2. การพัฒนาบุคลากรและการคัดเลือกเข้ารับการฝึกอบรม"))
    eth = [f"{t} วันที่ {_d(w)} บุคลากร {n} คน บุคคลภายนอก {o} คน" for t, w, n, o in d["ethics_events"]] or [
        "ไม่มีการอบรมหรือกิจกรรมด้านจริยธรรมในปีนี้"
    ]
    body += section(NumberedList(eth, "3. กิจกรรมส่งเสริมคุณธรรมจริยธรรม"))
    blank = "(งานการเจ้าหน้าที่ยังไม่ได้บันทึก)"
    for no, key in ((4, "ar_recruitment"), (5, "ar_rewards"), (6, "ar_morale")):
        body += section(NumberedList([d["texts"][key] or blank], f"{no}. {ita_texts.SECTIONS[key][0]}"))
    return render_memo(
        ctx,
        path,
        f"รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {p.fy}",
        body,
        kind="ita-hr-annual-report",
        ref=p.fy,
    )


def check_annual_report(ctx: Context, p: Period) -> tuple[str, str, str]:
    d = _annual_parts(ctx, p)
    if not d["appraisal"] and not d["opportunities"]:
        return (
            "red",
            f"ไม่มีข้อมูลการประเมินและการพัฒนาบุคลากรของปีงบประมาณ {p.fy}",
            f"no appraisal or training data for FY {p.fy}",
        )
    empty = [ita_texts.SECTIONS[k][0] for k, v in d["texts"].items() if not v]
    if empty:
        return ("amber", "ยังไม่ได้เขียน: " + ", ".join(empty), f"{len(empty)} officer-written section(s) still empty")
    return ("green", "มีข้อมูลครบทุกหัวข้อ", "every section has content")


# -- ITAS headcount ----------------------------------------------------------------------------
@dataclass
class Headcount:
    on: date
    by_type: dict[str, int] = field(default_factory=dict)
    total: int = 0
    under_a_year: int = 0
    no_start_date: int = 0


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def headcount(ctx: Context, on: date) -> Headcount:
    """Active staff with at least one year of service on ``on``, by staff type (no names)."""
    from ethics_tui.model.staff import ALL_STAFF_TYPES, Staff
    from ethics_tui.service.staff import STAFF
    from ethics_tui.store import stream

    require(ctx, "ita.read")
    require(ctx, "staff.read")
    h = Headcount(on, {t: 0 for t in ALL_STAFF_TYPES})
    cut = _year_before(on)
    for key, doc in stream.docs(ctx.store, STAFF):  # one record at a time: no table kept
        s = Staff.from_doc(int(key), doc)
        if not s.active:
            continue
        start = s.start()
        if start is None:
            h.no_start_date += 1
        elif start <= cut:
            h.by_type[s.staff_type] = h.by_type.get(s.staff_type, 0) + 1
            h.total += 1
        else:
            h.under_a_year += 1
    h.by_type = {k: v for k, v in h.by_type.items() if v or k in ALL_STAFF_TYPES[:4]}
    return h


def write_headcount(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_memo

    h = headcount(ctx, p.end)
    rows = [[t, f"{n:,}"] for t, n in h.by_type.items()]
    table = MemoTable(
        [MemoColumn("ประเภทบุคลากร", 110), MemoColumn("จำนวน (คน)", 50, "R")], rows, note=f"รวม {h.total:,} คน"
    )
    body = [
        f"ตามที่ระบบ ITAS ให้หน่วยงานกรอกจำนวนบุคลากรที่ปฏิบัติงานในหน่วยงานมาแล้วไม่น้อยกว่า 1 ปี "
        f"งานการเจ้าหน้าที่ขอรายงานจำนวนดังกล่าว ณ วันที่ {_d(p.end)} (นับผู้ที่เริ่มปฏิบัติงานในหรือก่อนวันที่ "
        f"{_d(_year_before(p.end))} และยังปฏิบัติงานอยู่) ดังนี้"
    ]
    after = [f"บุคลากรที่ปฏิบัติงานยังไม่ครบ 1 ปี {h.under_a_year:,} คน"]
    if h.no_start_date:
        after.append(f"บุคลากรที่ยังไม่ได้บันทึกวันเริ่มปฏิบัติงาน {h.no_start_date:,} คน (ไม่ได้นับรวม โปรดบันทึกในทะเบียนบุคลากร)")
    return render_memo(
        ctx,
        path,
        f"จำนวนบุคลากรที่ปฏิบัติงานมาแล้วไม่น้อยกว่า 1 ปี ณ วันที่ {_d(p.end)}",
        body,
        table=table,
        after=after,
        kind="ita-headcount",
        ref=p.end.isoformat(),
    )


def check_headcount(ctx: Context, p: Period) -> tuple[str, str, str]:
    h = headcount(ctx, p.end)
    if h.total == 0:
        return ("red", "ไม่มีบุคลากรที่มีอายุงานครบ 1 ปีในทะเบียน", "no staff with a year of service in the register")
    if h.no_start_date:
        return ("amber", f"บุคลากร {h.no_start_date} คนยังไม่มีวันเริ่มปฏิบัติงาน", f"{h.no_start_date} staff lack a start date")
    return ("green", f"บุคลากรอายุงานครบ 1 ปี {h.total} คน", f"{h.total} staff with a year of service")


# -- public list of ดีเด่น / ดีมาก ---------------------------------------------------------------
def excellent(ctx: Context, fy: int) -> list[tuple[int, str, list[tuple[str, str, str]]]]:
    """(round, level, [(name, position, division)]) for the two top bands of each round of ``fy``.
    Needs the hr key: the levels are sealed with the scores."""
    from ethics_tui.errors import UserError
    from ethics_tui.service import appraisal, vault
    from ethics_tui.service.access import can

    if not (can(ctx, "appraisal.scores") and vault.has_key(ctx, appraisal.VAULT)):
        raise UserError(
            "ต้องเข้าระบบด้วยบัญชีงานการเจ้าหน้าที่ (มีกุญแจ hr) เพื่อจัดทำรายชื่อผู้มีผลการประเมินดีเด่น/ดีมาก",
            "Sign in as HR (holding the hr key) to list the ดีเด่น / ดีมาก results",
        )
    out = []
    for r in _rounds(ctx, fy):
        top = [lvl for lvl, _ in r.bands][:2]
        rows = appraisal.list_results(ctx, r.id)
        for lvl in top:
            people = [
                (x.staff.full_name, x.staff.position, x.division)
                for x in rows
                if x.scores is not None and x.scores.level == lvl
            ]
            out.append((r.round_no, lvl, people))
    return out


def write_excellent(ctx: Context, p: Period, path: Path) -> Path:
    from ethics_tui.service.ita_outputs import render_announcement

    body: list = [
        f"ตามประกาศคณะกรรมการข้อมูลข่าวสารของราชการ ลงวันที่ 27 มกราคม 2559 ให้หน่วยงานเปิดเผยผลการประเมิน "
        f"จึงประกาศรายชื่อผู้มีผลการประเมินผลการปฏิบัติงานระดับดีเด่นและดีมาก ประจำปีงบประมาณ พ.ศ. {p.fy} ดังนี้"
    ]
    groups = excellent(ctx, p.fy)
    for rnd, lvl, people in groups:
        items = [f"{n} ตำแหน่ง {pos} {div}".strip() for n, pos, div in people] or ["ไม่มี"]
        body += section(NumberedList(items, f"รอบที่ {rnd} ระดับ{lvl} ({len(people)} คน)"))
    if not groups:
        body.append(f"ไม่มีรอบการประเมินของปีงบประมาณ {p.fy} ในทะเบียน")
    return render_announcement(
        ctx,
        path,
        f"รายชื่อผู้มีผลการประเมินผลการปฏิบัติงานระดับดีเด่นและดีมาก ประจำปีงบประมาณ พ.ศ. {p.fy}",
        body,
        kind="ita-appraisal-excellent",
        ref=p.fy,
    )


def check_excellent(ctx: Context, p: Period, today: date | None = None) -> tuple[str, str, str]:
    """Judged against the appraisal calendar: a round is expected once it has begun (round 2
    starts 1 April) and its results once it has ended."""
    from ethics_tui.model.appraisal import round_period

    today = today or date.today()
    rounds = {r.round_no: r for r in _rounds(ctx, p.fy)}
    red, amber = [], []
    for no in (1, 2):
        start, end = round_period(p.fy, no)
        r = rounds.get(no)
        if r is None and today >= start:
            red.append(
                (
                    f"ยังไม่มีรอบที่ {no} ของปีงบประมาณ {p.fy} (รอบเริ่ม {format_date(start, 'abbr')})",
                    f"round {no} of FY {p.fy} is not recorded (the round starts {_en(start)})",
                )
            )
        elif r is not None and r.status == "open" and today > end:
            amber.append((f"รอบที่ {no} สิ้นสุดแล้วแต่ยังเปิดอยู่ (ผลยังไม่ครบ)", f"round {no} ended but is still open"))
    if red:
        return ("red", "; ".join(x[0] for x in red), "; ".join(x[1] for x in red))
    if amber:
        return ("amber", "; ".join(x[0] for x in amber), "; ".join(x[1] for x in amber))
    if not rounds:
        return ("green", f"ยังไม่ถึงรอบการประเมินของปีงบประมาณ {p.fy}", f"no round of FY {p.fy} has begun yet")
    if any(r.status == "open" for r in rounds.values()):
        return ("green", "รอบที่ดำเนินอยู่ยังไม่สิ้นสุด (ยังไม่ถึงกำหนดประกาศผล)", "the current round has not ended yet")
    return ("green", "ผลการประเมินครบทุกรอบ", "every round closed")
