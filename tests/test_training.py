"""Training selection: the rule checks at their edges, decisions, outcomes, questions, stats."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from demo_cache import fast_demo
from ethics_tui.errors import ConflictError, ValidationError
from ethics_tui.model.training import ABSENT, ATTENDED, COMPLETED, Opportunity
from ethics_tui.service import demo, training_stats
from ethics_tui.service import training as svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context


@pytest.fixture
def office(ctx, monkeypatch):
    """The demo office without any register's demo records, signed in as HR."""
    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "hr")


def as_user(ctx: Context, name: str) -> Context:
    return demo.demo_sign_in(Context(store=ctx.store, actor=name), name)


def people(ctx, division: str) -> list[int]:
    divs = {int(k): v["name"] for k, v in ctx.store.load()["divisions"].items()}
    return sorted(s.id for s in svc.staff_map(ctx).values() if divs[s.division_id] == division)


def course(ctx, start: str, key: str = "K1", cost: float = 1000.0, seats: int = 0, **kw) -> Opportunity:
    return svc.save_opportunity(
        ctx,
        Opportunity(
            "ฝึกอบรม", f"หลักสูตร {key} {start}", start, key, "กรมบัญชีกลาง", cost_registration=cost, seats=seats, **kw
        ),
    )


def approved(ctx, exe, opp, staff_id, director, outcome: str = "") -> int:
    day = date.fromisoformat(opp.start_date)
    n = svc.nominate(ctx, opp.id, staff_id, director, "เกี่ยวข้องกับงานพัสดุที่รับผิดชอบ", day)
    svc.decide(exe, n.id, True, day)
    if outcome:
        svc.record_outcome(
            ctx, n.id, outcome, opp.start_date if outcome == COMPLETED else "", "ลาป่วย" if outcome == ABSENT else ""
        )
    return n.id


def codes(ctx, nom_id: int) -> dict[str, str]:
    return {c.code: c.level for c in training_stats.checks(ctx, svc.get_nomination(ctx, nom_id))}


def test_fiscal_year_turns_on_1_october(office):
    assert course(office, "2025-09-30").fiscal_year == 2568
    assert course(office, "2025-10-01").fiscal_year == 2569
    assert [o.start_date for o in svc.list_opportunities(office, 2568)] == ["2025-09-30"]
    assert svc.fiscal_years(office) == [2568, 2569]


def test_same_course_same_year_is_flagged_next_year_is_fine(office):
    exe = as_user(office, "executive")
    a, b, director = people(office, "กองคลัง")[:3]
    first = course(office, "2025-11-10")
    approved(office, exe, first, a, director, ATTENDED)
    again = course(office, "2026-09-30")  # last day of FY 2569, same key
    n1 = svc.nominate(office, again.id, a, director, "ต้องการทบทวน", date(2026, 9, 1))
    assert codes(office, n1.id)["same_course"] == "warn"
    nxt = course(office, "2026-10-01")  # FY 2570
    n2 = svc.nominate(office, nxt.id, a, director, "ต้องการทบทวน", date(2026, 9, 1))
    assert "same_course" not in codes(office, n2.id)
    # a rejected earlier nomination does not count as "already approved"
    n3 = svc.nominate(office, first.id, b, director, "เกี่ยวข้องกับงาน", date(2025, 10, 20))
    svc.decide(exe, n3.id, False, date(2025, 10, 25), "budget")
    n4 = svc.nominate(office, again.id, b, director, "เกี่ยวข้องกับงาน", date(2026, 9, 1))
    assert "same_course" not in codes(office, n4.id)


def test_budget_exactly_used_up_is_fine_one_satang_more_is_flagged(office):
    exe = as_user(office, "executive")
    a, b, c, director = people(office, "กองคลัง")[:4]
    svc.set_budget(office, 2569, 10000.0)
    approved(office, exe, course(office, "2025-11-01", "A", 6000.0), a, director)
    exact = svc.nominate(office, course(office, "2025-12-01", "B", 4000.0).id, b, director, "งานบัญชี", date(2025, 11, 1))
    over = svc.nominate(office, course(office, "2025-12-02", "C", 4000.01).id, c, director, "งานบัญชี", date(2025, 11, 1))
    assert "budget" not in codes(office, exact.id)
    assert codes(office, over.id)["budget"] == "warn"
    svc.decide(exe, exact.id, True, date(2025, 11, 5))
    [line] = training_stats.budget_lines(office, 2569)
    assert (line.amount, line.committed, line.remaining, line.spent) == (10000.0, 10000.0, 0.0, 0.0)
    assert "budget" not in codes(office, exact.id)  # its own cost is not counted twice
    svc.record_outcome(office, exact.id, ATTENDED)
    assert training_stats.budget_lines(office, 2569)[0].spent == 4000.0
    # no budget line at all: a hint, never a block
    n = svc.nominate(office, course(office, "2026-10-05", "D", 10.0).id, a, director, "งานบัญชี", date(2026, 9, 1))
    assert codes(office, n.id)["no_budget"] == "hint"


def test_division_budget_scope(office):
    exe = as_user(office, "executive")
    fin, works = people(office, "กองคลัง"), people(office, "กองช่าง")
    svc.set_config(office, "division", 3)
    div_fin = svc.staff_map(office)[fin[0]].division_id
    svc.set_budget(office, 2569, 5000.0, div_fin)
    approved(office, exe, course(office, "2025-11-01", "A", 5000.0), fin[0], fin[1])
    n_fin = svc.nominate(office, course(office, "2025-12-01", "B", 100.0).id, fin[2], fin[1], "งาน", date(2025, 11, 1))
    n_works = svc.nominate(
        office, course(office, "2025-12-03", "C", 100.0).id, works[0], works[1], "งาน", date(2025, 11, 1)
    )
    assert codes(office, n_fin.id)["budget"] == "warn"
    assert codes(office, n_works.id)["no_budget"] == "hint"  # กองช่าง has no line of its own


def test_more_nominations_than_seats(office):
    exe = as_user(office, "executive")
    a, b, c, director = people(office, "สำนักปลัด")[:4]
    opp = course(office, "2025-11-01", seats=2)
    ids = [svc.nominate(office, opp.id, p, director, "งานธุรการ", date(2025, 10, 10)).id for p in (a, b)]
    assert "seats" not in codes(office, ids[0])
    ids.append(svc.nominate(office, opp.id, c, director, "งานธุรการ", date(2025, 10, 10)).id)
    assert all(codes(office, i)["seats"] == "warn" for i in ids)
    svc.decide(exe, ids[2], False, date(2025, 10, 15), "seats")
    assert "seats" not in codes(office, ids[0])
    with pytest.raises(ValidationError):  # the same person twice for one opportunity
        svc.nominate(office, opp.id, a, director, "ซ้ำ", date(2025, 10, 10))


def test_fairness_and_priority_hints(office):
    exe = as_user(office, "executive")
    staff = people(office, "สำนักปลัด")
    busy, director = staff[0], staff[1]
    for i, start in enumerate(("2025-11-01", "2025-12-01")):
        approved(office, exe, course(office, start, f"F{i}", 0.0), busy, director)
    n = svc.nominate(office, course(office, "2026-01-10", "F9", 0.0).id, busy, director, "งาน", date(2026, 1, 1))
    fair = next(c for c in training_stats.checks(office, svc.get_nomination(office, n.id)) if c.code == "fairness")
    assert fair.level == "hint" and "2 ครั้ง" in fair.th and "มัธยฐานของกอง 0" in fair.th
    assert "priority" in codes(office, n.id)  # nothing in FY 2566-2568
    approved(office, exe, course(office, "2023-11-01", "OLD", 0.0), busy, director)  # FY 2567
    assert "priority" not in codes(office, n.id)
    svc.set_config(office, "office", 1)  # look back one year only: FY 2568
    assert "priority" in codes(office, n.id)


def test_rejection_needs_a_reason_and_the_right_role(office):
    exe = as_user(office, "executive")
    a, director = people(office, "กองช่าง")[:2]
    opp = course(office, "2025-11-01")
    n = svc.nominate(office, opp.id, a, director, "ควบคุมงานก่อสร้าง", date(2025, 10, 1))
    with pytest.raises(ValidationError) as err:
        svc.decide(exe, n.id, False, date(2025, 10, 5))
    assert "เหตุผล" in err.value.th
    with pytest.raises(ValidationError):
        svc.decide(exe, n.id, False, date(2025, 10, 5), "other", "   ")
    with pytest.raises(AccessDenied):
        svc.decide(office, n.id, True, date(2025, 10, 5))  # HR cannot decide
    with pytest.raises(AccessDenied):
        svc.nominate(exe, opp.id, director, a, "x", date(2025, 10, 1))  # the executive does not nominate
    assert svc.get_nomination(office, n.id).decision == ""
    done = svc.decide(exe, n.id, False, date(2025, 10, 5), "", "ภารกิจเร่งด่วนช่วงเดียวกัน")
    assert (done.reject_code, done.reject_reason()) == ("other", "ภารกิจเร่งด่วนช่วงเดียวกัน")
    assert done.decided_by == "executive"
    with pytest.raises(ValidationError):  # an outcome needs an approval
        svc.record_outcome(office, n.id, ATTENDED)


def test_outcomes_and_scholarship_bond(office):
    exe = as_user(office, "executive")
    a, director = people(office, "กองคลัง")[:2]
    opp = svc.save_opportunity(office, Opportunity("ทุนการศึกษา", "ทุนปริญญาโท", "2026-06-01", seats=1))
    n = svc.nominate(office, opp.id, a, director, "สายงานตรง", date(2026, 5, 1))
    svc.decide(exe, n.id, True, date(2026, 5, 5))
    with pytest.raises(ValidationError) as err:
        svc.record_outcome(office, n.id, ABSENT)
    assert "absent_reason" in err.value.errors
    saved = svc.record_outcome(office, n.id, ATTENDED, "", "", "กลับมาปฏิบัติราชการสองเท่าของเวลาศึกษา", 48)
    assert (saved.bond_months, saved.status) == (48, ATTENDED)
    with pytest.raises(ValidationError):  # the decision is final once the outcome is recorded
        svc.decide(exe, n.id, False, date(2026, 5, 6), "budget")
    stale = replace(svc.get_opportunity(office, opp.id), title="แก้ไข")
    svc.save_opportunity(office, replace(stale, title="แก้ไขก่อน"))
    with pytest.raises(ConflictError):
        svc.save_opportunity(office, stale)


def test_opportunity_validation():
    bad = Opportunity("สัมมนา", "", "2025-10-05", end_date="2025-10-01", cost_travel=-1, seats=-2, attendees=[1])
    with pytest.raises(ValidationError) as err:
        bad.validate()
    assert {"kind", "title", "end_date", "cost_travel", "seats", "attendees"} <= set(err.value.errors)


def test_questions_and_the_audit_log_has_no_values(office):
    a, director = people(office, "กองสวัสดิการสังคม")[:2]
    q = svc.ask(office, a, "เหตุใดจึงไม่ได้รับคัดเลือก", date(2026, 3, 1))
    assert [x.id for x in svc.list_questions(office, open_only=True)] == [q.id]
    with pytest.raises(ValidationError):
        svc.answer(office, q.id, director, "  ", date(2026, 3, 2))
    with pytest.raises(ValidationError):  # answered before it was asked
        svc.answer(office, q.id, director, "งบไม่พอ", date(2026, 2, 1))
    svc.answer(office, q.id, director, "งบประมาณไม่เพียงพอ จะเสนอชื่อเป็นลำดับแรกปีหน้า", date(2026, 3, 5))
    assert svc.list_questions(office, open_only=True) == []
    audit = (office.store.dir / "audit.jsonl").read_text(encoding="utf-8")
    assert "training-question" in audit and "เหตุใด" not in audit and "ลำดับแรก" not in audit


def test_statistics_from_known_data(office):
    exe = as_user(office, "executive")
    fin, works = people(office, "กองคลัง"), people(office, "กองช่าง")
    svc.set_budget(office, 2569, 50000.0)
    a = course(office, "2025-11-01", "A", 3000.0)
    approved(office, exe, a, fin[0], fin[1], COMPLETED)
    approved(office, exe, a, fin[2], fin[1], ABSENT)  # absent: no cost, not selected
    approved(office, exe, course(office, "2026-02-01", "B", 2000.0), works[0], works[1])  # approved, not yet held
    r = svc.nominate(office, a.id, works[2], works[1], "งาน", date(2025, 10, 1))
    svc.decide(exe, r.id, False, date(2025, 10, 5), "budget")
    house = svc.save_opportunity(
        office,
        Opportunity(
            "ฝึกอบรม",
            "อบรมต่อต้านการทุจริต",
            "2026-03-01",
            in_house=True,
            ethics=True,
            attendees=fin[:3] + works[:1],
            outside_count=40,
        ),
    )
    svc.save_opportunity(office, replace(course(office, "2025-09-01", "OLD", 500.0)))  # FY 2568, not counted
    st = training_stats.stats(office, 2569)
    total = len([s for s in svc.staff_map(office).values() if s.active])
    assert st.staff_total == total
    assert st.with_opportunity == 4  # fin[0], fin[2] (in-house), fin[1] (in-house), works[0]
    assert st.share == pytest.approx(4 / total)
    by_div = {g.name: g for g in st.by_division}
    assert (by_div["กองคลัง"].participants, by_div["กองคลัง"].selections, by_div["กองคลัง"].cost) == (3, 1, 3000.0)
    assert (by_div["กองคลัง"].spent, by_div["กองช่าง"].cost, by_div["กองช่าง"].spent) == (3000.0, 2000.0, 0.0)
    assert st.rejections == {"งบประมาณไม่เพียงพอ": 1}
    assert len(st.never_selected) == total - 2
    assert len(st.went) == 3  # absent people are listed with their outcome
    assert st.ethics_events == [(house.title, "2026-03-01", 4, 40)]
    line = st.budget[0]
    assert (line.committed, line.spent) == (5000.0, 3000.0)
    assert sum(g.staff for g in st.by_type) == sum(g.staff for g in st.by_level) == total


def test_demo_year_has_the_cases_the_issue_asks_for(ctx, monkeypatch):
    monkeypatch.setattr(demo, "REGISTERS", ("training",))
    fast_demo(ctx)
    viewer = demo.demo_sign_in(ctx, "viewer")
    fy = svc.fiscal_years(viewer)[-1]
    st = training_stats.stats(viewer, fy)
    assert {"เคยเข้ารับการอบรมหลักสูตรเดียวกันแล้วในปีงบประมาณนี้", "งบประมาณไม่เพียงพอ"} <= set(st.rejections)
    qs = svc.list_questions(viewer)
    assert any(q.answered for q in qs) and any(not q.answered for q in qs)
    house = [o for o in svc.list_opportunities(viewer, fy) if o.in_house]
    assert len(house) == 2 and all(o.ethics and o.attendees for o in house) and any(o.outside_count for o in house)
    assert training_stats.budget_lines(viewer, fy)[0].remaining >= 0
    repeat = next(n for n in svc.list_nominations(viewer, fy=fy) if n.reject_code == "same_course")
    assert "same_course" in {c.code for c in training_stats.checks(viewer, repeat)}


def test_model_round_trip():
    o = Opportunity("ศึกษาดูงาน", "ดูงาน", "2026-01-01", cost_travel=100.5, cost_allowance=50)
    assert Opportunity.from_doc(3, json.loads(json.dumps(o.to_dict()))) == replace(o, id=3)
    assert o.cost_per_person == 150.5 and o.key == "ดูงาน"


def test_a_yes_no_left_blank_is_refused_not_stored_as_no(office):
    """QA 30 Nov: the opportunity form's blank "— เลือก —" was saved as ไม่ใช่, so an ethics
    course was stored as not one and the year's ethics-training check stayed red."""
    from ethics_tui.service import report_sources

    blank = Opportunity("ฝึกอบรม", "หลักสูตรจริยธรรมสำหรับบุคลากร", "2025-11-05", ethics=None)
    with pytest.raises(ValidationError) as err:
        svc.save_opportunity(office, blank)
    assert err.value.errors["ethics"][0] == "ด้านจริยธรรม/ต่อต้านทุจริต: เลือก ใช่ หรือ ไม่ใช่"
    with pytest.raises(ValidationError) as err:
        svc.save_opportunity(office, replace(blank, ethics=True, in_house=None))
    assert set(err.value.errors) == {"in_house"}
    assert svc.list_opportunities(office, 2569) == []
    opp = svc.save_opportunity(office, replace(blank, ethics=True, in_house=True))
    svc.set_attendance(office, opp.id, people(office, "สำนักปลัด")[:3], 0)
    [check] = [c for c in report_sources.training(office, 2569, date(2026, 1, 10)).checks if c.key == "ethics-training"]
    assert check.status == "green"
