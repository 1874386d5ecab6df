"""The home-screen alert lines of each register, per role, on the demo office."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from ethics_tui.service import appraisal, appraisal_review, complaints, notices, notices_acks, training
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.tui.screens.home import home_alerts

ROLES = ("hr", "committee", "complaints", "executive", "viewer")


def as_user(ctx: Context, name: str) -> Context:
    return demo_sign_in(Context(store=ctx.store), name)


@pytest.fixture
def users(demo_ctx) -> dict[str, Context]:
    return {name: as_user(demo_ctx, name) for name in ROLES}


def test_each_role_sees_only_its_registers_lines(users):
    for name, c in users.items():
        lines = home_alerts(c, "th")
        # the committee term (21 days) and notices below 100 % are for everyone
        assert any("วาระคณะที่ปรึกษาจริยธรรม" in x and "อีก 21 วัน" in x for x in lines), name
        assert any("รับทราบ" in x and "%" in x for x in lines), name
        assert any("เกินกำหนด" in x and "เรื่องร้องเรียน" in x for x in lines) == (name == "complaints"), name
        assert any("การประเมินผล" in x for x in lines) == (name in ("hr", "executive")), name
        assert any("ฝึกอบรม" in x for x in lines) == (name in ("hr", "executive")), name


def test_english_lines(users):
    lines = home_alerts(users["hr"], "en")
    assert any("awaiting acknowledgement" in x for x in lines)
    assert any("unanswered question" in x for x in lines)
    assert not any("การประเมินผล" in x for x in lines)


def test_complaints_line_is_a_count_without_identities(users):
    officer = users["complaints"]
    n = complaints.overdue_count(officer)
    assert n and complaints.home_alerts(officer) == [
        (f"เรื่องร้องเรียนการทุจริตเกินกำหนด {n} เรื่อง", f"{n} corruption complaint(s) overdue")
    ]
    text = repr(complaints.home_alerts(officer))
    for c in complaints.list_cases(officer):
        ident = complaints.identity(officer, c.id)
        for value in (ident.complainant_name, c.code, c.subject):
            assert not value or value not in text
    assert complaints.home_alerts(users["viewer"]) == []


def test_notices_lines_counts_floor_and_at_most_six(users, monkeypatch):
    hr = users["hr"]
    below = notices_acks.below_full(hr)
    lines = notices.home_alerts(hr)
    assert len(lines) == len(below) and all(
        f"{c.done}/{c.total}" in th for c, (th, _en) in zip(below, lines, strict=True)
    )
    for c, (th, en) in zip(below, lines, strict=True):  # numbers start again each year: the year is named
        if c.notice.number:
            assert f"ว {c.notice.number}/{c.notice.number_year}" in th and f"/{c.notice.number_year}" in en
    assert any(c.notice.number for c in below)
    almost = replace(below[0], total=200, done=199)  # 99.5 % reads 99 %, never 100 %
    many = [almost] + [replace(below[0], notice=replace(below[0].notice, title=f"เอกสาร {i}")) for i in range(8)]
    monkeypatch.setattr(notices_acks, "below_full", lambda ctx: many)
    lines = notices.home_alerts(hr)
    assert len(lines) == notices.HOME_ALERTS_MAX
    assert "199/200 คน (99%)" in lines[0][0]
    assert lines[-1][0] == "และเอกสารอื่นอีก 4 ฉบับที่ยังรับทราบไม่ครบ"


def test_appraisal_grievance_near_and_past_its_deadline(users):
    hr = users["hr"]
    rnd = next(r for r in appraisal.list_rounds(hr) if r.status == "notified")
    g = next(g for g in appraisal_review.list_grievances(hr, rnd.id) if g.open)
    due = appraisal_review.grievance_due(g, rnd)
    assert not any("คำร้องทุกข์" in th for th, _ in appraisal_review.home_alerts(hr, today=due - timedelta(days=15)))
    near = [th for th, _ in appraisal_review.home_alerts(hr, today=due - timedelta(days=3))]
    assert any("คำร้องทุกข์ใกล้ครบกำหนดพิจารณา 1 เรื่อง (เหลือ 3 วัน)" in x for x in near)
    late = [th for th, _ in appraisal_review.home_alerts(hr, today=due + timedelta(days=2))]
    assert any("(เกินกำหนด 2 วัน)" in x for x in late)
    appraisal_review.decide_grievance(hr, g.id, "dismissed", date.today(), "ไม่มีเหตุ")
    assert not any("คำร้องทุกข์" in th for th, _ in appraisal_review.home_alerts(hr, today=due))


def test_training_counts_forwarded_nominations_and_open_questions(users):
    hr, executive = users["hr"], users["executive"]
    before = training.home_alerts(executive)
    assert not any("รอผู้บริหารพิจารณา" in th for th, _ in before)
    opp = training.list_opportunities(hr)[-1]
    taken = {n.staff_id for n in training.list_nominations(hr, opp.id)}
    sid = next(s for s in training.staff_map(hr) if s not in taken)
    nom = training.nominate(hr, opp.id, sid, sid, "เกี่ยวข้องกับงาน", opp.start_date)
    training.forward(hr, [nom.id], date.fromisoformat(opp.start_date))
    assert (
        "การเสนอชื่อฝึกอบรมรอผู้บริหารพิจารณา 1 รายการ",
        "1 training nomination(s) waiting for the executive's decision",
    ) in training.home_alerts(executive)
    assert training.home_alerts(users["viewer"]) == []
    assert sum("ยังไม่ได้ตอบ 1 เรื่อง" in th for th, _ in training.home_alerts(hr)) == 1
