"""Demo records of the training register (see :func:`extend_demo`). Split from
:mod:`ethics_tui.service.training`, whose ``extend_demo`` hook calls this one."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from ethics_tui.model.staff import Staff
from ethics_tui.model.training import ABSENT, ATTENDED, COMPLETED, Nomination, Opportunity
from ethics_tui.service.context import Context
from ethics_tui.service.people import division_docs, staff_by_id
from ethics_tui.service.training import (
    answer,
    ask,
    decide,
    forward,
    get_opportunity,
    nominate,
    record_outcome,
    save_opportunity,
    set_budget,
)
from ethics_tui.service.training_stats import position_text
from ethics_tui.thai.dates import fiscal_year

# -- demo -----------------------------------------------------------------------------------
_C = 6900.0  # registration 4,500 + travel 600 + allowance 1,800
#: the demo opportunities (kind, title, course key, organizer, invitation, dates, place, costs...)
DEMO_OPPORTUNITIES = Path(__file__).resolve().parent.parent / "templates" / "demo-training.toml"
#: opportunity index, nominee position (and nth holder), decision, reason, outcome
_DEMO_NOMS = (
    (0, "เจ้าพนักงานพัสดุ", 0, "approve", "", COMPLETED),
    (0, "นักวิชาการเงินและบัญชี", 0, "approve", "", COMPLETED),
    (0, "นายช่างโยธา", 0, "approve", "", ATTENDED),
    (1, "เจ้าพนักงานพัสดุ", 0, "reject", "same_course", ""),
    (1, "ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้", 0, "approve", "", ATTENDED),
    (2, "นิติกร", 0, "approve", "", COMPLETED),
    (2, "นักทรัพยากรบุคคล", 0, "approve", "", COMPLETED),
    (3, "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", 0, "approve", "", ATTENDED),
    (3, "นักวิชาการสาธารณสุข", 0, "approve", "", ATTENDED),
    (3, "นักพัฒนาชุมชน", 0, "reject", "budget", ""),
    (3, "คนงานประจำรถขยะ", 0, "reject", "seats", ""),
    (4, "นักวิเคราะห์นโยบายและแผน", 1, "approve", "", ATTENDED),
    (4, "นักพัฒนาชุมชน", 1, "reject", "other", ""),
    (5, "เจ้าพนักงานการเงินและบัญชี", 0, "approve", "", ABSENT),
    (6, "เจ้าพนักงานพัสดุ", 0, "approve", "", COMPLETED),
    (6, "นักวิชาการเงินและบัญชี", 0, "approve", "", COMPLETED),
)
_RATIONALE = "ปฏิบัติงานในตำแหน่ง{pos} ซึ่งได้รับมอบหมายงานที่เกี่ยวข้องโดยตรงกับเนื้อหาหลักสูตร จะนำความรู้มาพัฒนางานของ{div}"


def extend_demo(ctx: Context) -> None:
    """A year of opportunities, nominations, decisions and outcomes (the last complete fiscal
    year, plus one course the year before: the same course key a year apart is fine), with a repeat-course and a budget rejection, two in-house anti-corruption projects
    with attendance, and non-selection questions (one answered, one still open)."""
    from datetime import timedelta

    from ethics_tui.service.demo import demo_sign_in
    from ethics_tui.service.settings import get_settings
    from ethics_tui.thai.dates import fiscal_year_range

    fy = fiscal_year(date.today()) - 1
    first = fiscal_year_range(fy)[0]
    staff = sorted(staff_by_id(ctx).values(), key=lambda s: s.id)
    divs = {int(k): v["name"] for k, v in division_docs(ctx).items()}
    office = get_settings(ctx).office_name

    def holder(pos: str, nth: int = 0) -> Staff:
        return [s for s in staff if s.position == pos][nth]

    chief = holder("ปลัดองค์การบริหารส่วนตำบล")
    heads = {s.division_id: s for s in staff if s.position.startswith(("ผู้อำนวยการกอง", "หัวหน้าสำนักปลัด"))}

    def on(month: int, day: int) -> date:
        y, m = first.year + (first.month - 1 + month) // 12, (first.month - 1 + month) % 12 + 1
        return date(y, m, day)

    set_budget(ctx, fy, 48000.0, 0, "ข้อบัญญัติงบประมาณรายจ่าย แผนงานบริหารงานทั่วไป ค่าใช้จ่ายในการฝึกอบรม")
    opp_ids = []
    for o in tomllib.loads(DEMO_OPPORTUNITIES.read_text(encoding="utf-8"))["opportunity"]:
        start = on(o["month"], o["day"])
        opp = Opportunity(
            o["kind"],
            o["title"],
            start.isoformat(),
            o["course_key"],
            o["organizer"],
            f"ที่ {o['invitation']}",
            (start - timedelta(days=30)).isoformat(),
            (start + timedelta(days=o["days"] - 1)).isoformat(),
            o["place"],
            *o["costs"],
            o["seats"],
            "บุคลากรที่ปฏิบัติงานเกี่ยวข้องกับเนื้อหาหลักสูตรโดยตรง",
            o["ethics"],
        )
        opp_ids.append(save_opportunity(ctx, opp).id)
    active = [s for s in staff if s.active]
    away = {s.id for s in active[7::9]}  # on duty or on leave that day
    hall = f"ห้องประชุม{office}"
    for title, key, (m, d), budget, people, outside in (
        (
            f"โครงการฝึกอบรมเสริมสร้างคุณธรรม จริยธรรม และการป้องกันการทุจริต ประจำปีงบประมาณ {fy}",
            "INH-ETHICS",
            (4, 14),
            25000.0,
            [s.id for s in active if s.id not in away],
            0,
        ),
        (
            "โครงการอบรมให้ความรู้กฎหมายว่าด้วยการป้องกันและปราบปรามการทุจริตแก่บุคลากรและประชาชน",
            "INH-ACLAW",
            (9, 8),
            15000.0,
            [s.id for s in active if s.level and "อำนวยการ" not in s.level][:20],
            65,
        ),
    ):
        opp = Opportunity(
            "ฝึกอบรม",
            title,
            on(m, d).isoformat(),
            key,
            office,
            location=hall,
            ethics=True,
            in_house=True,
            project_budget=budget,
            attendees=people,
            outside_count=outside,
            eligibility="พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง" + (" และประชาชนทั่วไป" if outside else ""),
        )
        save_opportunity(ctx, opp)
    executive = demo_sign_in(Context(store=ctx.store, lang=ctx.lang), "executive")
    rejected: dict[str, Nomination] = {}
    for idx, pos, nth, verdict, reason, outcome in _DEMO_NOMS:
        opp = get_opportunity(ctx, opp_ids[idx])
        start = date.fromisoformat(opp.start_date)
        person = holder(pos, nth)
        director = heads.get(person.division_id, chief)
        director = chief if director.id == person.id else director
        nom = nominate(
            ctx,
            opp.id,
            person.id,
            director.id,
            _RATIONALE.format(pos=position_text(person), div=divs.get(person.division_id, "")),
            start - timedelta(days=21),
        )
        forward(ctx, [nom.id], start - timedelta(days=18))
        text = "มีทุนเพียง 1 ทุน ผู้ได้รับการเสนอชื่ออีกรายปฏิบัติงานด้านนโยบายและแผนตรงกับสาขาที่ศึกษามากกว่า" if reason == "other" else ""
        nom = decide(executive, nom.id, verdict == "approve", start - timedelta(days=15), reason, text)
        if outcome:
            cert = opp.end_date if outcome == COMPLETED else ""
            why = "ป่วยกะทันหัน มีใบรับรองแพทย์" if outcome == ABSENT else ""
            scholar = opp.kind == "ทุนการศึกษา"
            record_outcome(
                ctx,
                nom.id,
                outcome,
                cert,
                why,
                "ต้องกลับมาปฏิบัติราชการไม่น้อยกว่าสองเท่าของระยะเวลาที่ได้รับทุน" if scholar else "",
                48 if scholar else 0,
            )
        if verdict == "reject":
            rejected[reason] = nom
    b = rejected["budget"]
    q = ask(
        ctx,
        b.staff_id,
        "เหตุใดจึงไม่ได้รับอนุมัติให้ไปศึกษาดูงานการบริหารจัดการขยะมูลฝอย",
        date.fromisoformat(b.decided_on) + timedelta(days=3),
        b.opportunity_id,
    )
    answer(
        ctx,
        q.id,
        b.nominated_by,
        "งบประมาณค่าใช้จ่ายในการฝึกอบรมคงเหลือไม่เพียงพอสำหรับผู้เดินทางคนที่สาม กองจะเสนอชื่อท่านเป็นลำดับแรกในการศึกษาดูงานครั้งต่อไป",
        date.fromisoformat(b.decided_on) + timedelta(days=7),
    )
    s = rejected["seats"]
    ask(
        ctx,
        s.staff_id,
        "ขอทราบเหตุผลที่ไม่ได้รับคัดเลือกไปศึกษาดูงาน และหลักเกณฑ์การคัดเลือกครั้งต่อไป",
        date.fromisoformat(s.decided_on) + timedelta(days=10),
        s.opportunity_id,
    )
