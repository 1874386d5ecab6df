"""The committee service: numbering, immutability, the committee in force, checks, roles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from demo_cache import fast_demo
from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.committee import Order, OrderMember
from ethics_tui.service import committee as svc
from ethics_tui.service import committee_consultations, demo
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.staff import search


@pytest.fixture
def office(ctx, monkeypatch):
    """The demo office without any register's demo records, signed in as admin (admin + hr)."""
    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


def as_user(ctx: Context, username: str) -> Context:
    return demo.demo_sign_in(Context(store=ctx.store), username)


def members(ctx: Context) -> list[OrderMember]:
    people = [r.staff for r in search(ctx)][:4]
    return [
        OrderMember("", "", role, s.id)
        for s, role in zip(people, ("ประธาน", "กรรมการ", "กรรมการและเลขานุการ", "ผู้ช่วยเลขานุการ"), strict=True)
    ]


def draft(ctx: Context, start="2025-10-01", end="2027-09-30", dated="2025-09-25", **kw) -> Order:
    order = Order(
        members=members(ctx), authority="ข้อความที่หน่วยงานกำหนดเอง", term_start=start, term_end=end, order_date=dated, **kw
    )
    return svc.save_draft(ctx, order)


def test_numbering_sequence_manual_duplicate_and_year_rollover(office):
    a = svc.issue(office, draft(office).id)
    b = svc.issue(office, draft(office).id)
    assert (a.number, a.year_be, b.number, b.year_be) == (1, 2568, 2, 2568)
    manual = svc.issue(office, draft(office).id, number="๑๒/๒๕๖๘")  # Thai digits, typed by hand
    assert manual.number == 12
    assert svc.issue(office, draft(office).id).number == 13  # the sequence continues after it
    dup = draft(office)
    with pytest.raises(ValidationError) as err:
        svc.issue(office, dup.id, number=12)
    assert "12/2568" in err.value.th
    assert svc.get_order(office, dup.id).status == "draft"  # nothing was written
    with pytest.raises(ValidationError):
        svc.issue(office, dup.id, number="5/2569")  # the year must be the order date's
    # the number restarts on 1 January (calendar B.E. year of the order date)
    dec = svc.issue(office, draft(office, dated="2025-12-31").id)
    jan = svc.issue(office, draft(office, dated="2026-01-01").id)
    assert (dec.number, dec.year_be, jan.number, jan.year_be) == (14, 2568, 1, 2569)
    assert svc.next_order_number(office, 2569) == 2
    for bad in ("abc", "-3", "0"):
        with pytest.raises(ValidationError):
            svc.issue(office, dup.id, number=bad)


def test_issued_orders_are_immutable(office):
    order = svc.issue(office, draft(office).id)
    stored = office.store.load()["orders"][str(order.id)]
    order.subject = "เปลี่ยนเรื่อง"
    with pytest.raises(UserError, match="แก้ไขไม่ได้"):
        svc.save_draft(office, order)
    with pytest.raises(UserError):
        svc.delete_draft(office, order.id)
    with pytest.raises(UserError):
        svc.issue(office, order.id)
    assert office.store.load()["orders"][str(order.id)] == stored
    # a change is a new order that supersedes it
    new = svc.successor(office, order.id)
    assert (new.status, new.supersedes, new.number) == ("draft", order.id, None)
    assert [x.name for x in new.members] == [x.name for x in order.members]
    # drafts can be edited and deleted
    new.subject = "แต่งตั้งคณะที่ปรึกษาทางจริยธรรม (ฉบับแก้ไข)"
    assert svc.save_draft(office, new).rev == 2
    svc.delete_draft(office, new.id)
    assert new.id not in [o.id for o in svc.list_orders(office)]


def test_drafts_are_listed_first_then_orders_newest_first(office):
    older = svc.issue(office, draft(office, start="2024-10-01", end="2025-09-30", dated="2024-09-20").id)
    newer = svc.issue(office, draft(office, start="2025-10-01", end="2026-09-30", dated="2025-09-20").id)
    work = svc.successor(office, newer.id)  # the draft being worked on is at the top, not under them
    assert [o.id for o in svc.list_orders(office)] == [work.id, newer.id, older.id]


def test_current_committee_across_superseding_orders(office):
    old = svc.issue(office, draft(office, start="2025-01-01", end="2026-12-31", dated="2024-12-20").id)
    on = date(2026, 2, 1)
    assert svc.in_force(office, on).id == old.id
    new = svc.successor(office, old.id)
    new.members[0] = OrderMember("นางสาวอรทัย มีธรรม", "ผู้ทรงคุณวุฒิ", "ประธาน")
    new.term_start, new.term_end, new.order_date = "2026-01-15", "2027-12-31", "2026-01-10"
    svc.save_draft(office, new)
    assert svc.in_force(office, on).id == old.id  # a draft changes nothing
    svc.issue(office, new.id)
    assert svc.get_order(office, old.id).status == "superseded"
    assert svc.get_order(office, old.id).superseded_by == new.id
    assert svc.in_force(office, date(2026, 1, 14)).id == old.id  # until the new term starts
    assert svc.current_committee(office, on)[0].name == "นางสาวอรทัย มีธรรม"
    assert svc.current_committee(office, date(2024, 12, 31)) == []
    # a superseded order cannot be superseded again, nor revoked
    with pytest.raises(UserError):
        svc.successor(office, old.id)
    with pytest.raises(UserError):
        svc.revoke(office, old.id, date(2026, 3, 1), "ทดสอบ")
    svc.revoke(office, new.id, date(2026, 3, 1), "ออกคำสั่งผิดพลาด")
    assert svc.in_force(office, date(2026, 2, 28)).id == new.id
    assert svc.in_force(office, date(2026, 3, 1)) is None


def test_successor_draft_stores_nothing_until_saved(office):
    old = svc.issue(office, draft(office).id)
    files = {p.name: p.read_bytes() for p in office.store.dir.iterdir() if p.is_file()}
    pending = svc.successor_draft(office, old.id)
    assert (pending.id, pending.status, pending.supersedes, pending.number) == (None, "draft", old.id, None)
    assert pending.order_date == date.today().isoformat()
    assert {p.name: p.read_bytes() for p in office.store.dir.iterdir() if p.is_file()} == files  # nor the audit log
    saved = svc.save_draft(office, pending)  # what the order form does at ctrl+s
    stored = office.store.load()["orders"][str(saved.id)]
    svc.delete_draft(office, saved.id)
    again = svc.successor(office, old.id)  # the one-step form other callers use: the same record
    assert office.store.load()["orders"][str(again.id)] == stored
    with pytest.raises(UserError):
        svc.successor_draft(office, again.id)  # a draft is not in use
    with pytest.raises(AccessDenied):
        svc.successor_draft(as_user(office, "viewer"), old.id)


@pytest.mark.parametrize(
    ("change", "field", "at_issue"),
    [
        (lambda o: setattr(o.members[1], "role", "ประธาน"), "members", False),  # two chairs
        (lambda o: setattr(o.members[0], "role", "กรรมการ"), "members", True),  # no chair
        (lambda o: setattr(o.members[2], "role", "กรรมการ"), "members", True),  # no secretary
        (lambda o: o.members.append(OrderMember("", "", "กรรมการ", o.members[1].staff_id)), "members", False),
        (
            lambda o: o.members.extend([OrderMember("นาย ก ข", "", "กรรมการ"), OrderMember("นายก  ข", "", "กรรมการ")]),
            "members",
            False,
        ),
        (lambda o: setattr(o.members[1], "role", "ที่ปรึกษา"), "members", False),
        (lambda o: setattr(o, "term_end", o.term_start), "term_end", False),
        (lambda o: setattr(o, "term_start", "2025-02-30"), "term_start", False),
        (lambda o: setattr(o, "authority", " "), "authority", True),
        (lambda o: setattr(o, "preamble", "ไม่มีที่ใส่อำนาจ"), "preamble", True),
        (lambda o: setattr(o, "duties", []), "duties", True),
        (lambda o: setattr(o, "subject", ""), "subject", False),
    ],
)
def test_order_checks(office, change, field, at_issue):
    order = Order(
        members=members(office),
        authority="ข้อ ๑",
        term_start="2025-10-01",
        term_end="2026-09-30",
        order_date="2025-09-25",
    )
    change(order)
    if at_issue:
        saved = svc.save_draft(office, order)  # a draft may be incomplete
        with pytest.raises(ValidationError) as err:
            svc.issue(office, saved.id)
        assert svc.get_order(office, saved.id).status == "draft"
    else:
        with pytest.raises(ValidationError) as err:
            svc.save_draft(office, order)
    assert field in err.value.errors
    assert err.value.errors[field][0] and err.value.errors[field][1]  # Thai and English reasons


def test_roles(office):
    order = svc.issue(office, draft(office).id)
    viewer, committee, executive = as_user(office, "viewer"), as_user(office, "committee"), as_user(office, "executive")
    assert [o.id for o in svc.list_orders(viewer)] == [order.id]
    for ctx in (viewer, committee, executive):
        with pytest.raises(AccessDenied):
            svc.save_draft(ctx, Order(members=members(office)))
        with pytest.raises(AccessDenied):
            svc.successor(ctx, order.id)
    with pytest.raises(AccessDenied) as err:
        committee_consultations.list_consultations(office)  # admin + hr: not the committee
    assert "คณะที่ปรึกษาทางจริยธรรม" in err.value.th
    for ctx in (office, viewer, executive):
        with pytest.raises(AccessDenied):
            committee_consultations.get_consultation(ctx, 1)
    with pytest.raises(AccessDenied):
        svc.save_template(committee, 0, preamble="{authority}")
    assert committee_consultations.stats(executive, 2569)["total"] == 0
    with pytest.raises(AccessDenied):
        committee_consultations.stats(viewer, 2569)
    assert svc.home_alerts(Context(store=office.store)) == []  # not signed in: nothing, no error


def test_terms_ending_soon_and_home_alerts(office):
    today = date.today()
    order = svc.issue(
        office,
        draft(
            office,
            start=(today - timedelta(days=300)).isoformat(),
            end=(today + timedelta(days=20)).isoformat(),
            dated=(today - timedelta(days=301)).isoformat(),
        ).id,
    )
    assert [o.id for o, _ in svc.terms_ending_soon(office)] == [order.id]
    assert svc.terms_ending_soon(office, days=10) == []
    alerts = svc.home_alerts(as_user(office, "viewer"))
    assert len(alerts) == 1 and order.ref in alerts[0][0] and "20" in alerts[0][0] and "ends" in alerts[0][1]


def test_template_keeps_the_authority_placeholder(office):
    t = svc.get_template(office)
    assert "{authority}" in t["preamble"] and "มาตรา" not in t["preamble"]  # no invented citation
    with pytest.raises(ValidationError):
        svc.save_template(office, t["rev"], preamble="ไม่มีตำแหน่งบทบัญญัติ")
    saved = svc.save_template(office, t["rev"], preamble="ตามที่{office} อาศัยอำนาจตาม{authority}", duties=["ข้อเดียว", " "])
    assert saved["duties"] == ["ข้อเดียว"] and svc.new_order(office).duties == ["ข้อเดียว"]
    with pytest.raises(UserError):
        svc.save_template(office, t["rev"], duties=["ซ้ำ rev เดิม"])  # someone saved meanwhile
    categories = svc.save_template(as_user(office, "committee"), saved["rev"], categories=["ก", "ข"])["categories"]
    assert categories == ["ก", "ข"]


def test_a_second_successor_draft_is_refused_and_a_stale_draft_cannot_be_issued(office):
    """QA 30 Nov: s + ctrl+s twice gave two identical drafts; issuing the second pointed at a
    field the officer could not fix in the issue dialog."""
    from dataclasses import replace

    old = svc.issue(office, draft(office, start="2025-10-01", end="2026-09-30", dated="2025-09-20").id)
    first = svc.save_draft(office, svc.successor_draft(office, old.id))
    with pytest.raises(UserError, match="มีร่างคำสั่งแทน"):
        svc.successor_draft(office, old.id)
    second = svc.save_draft(office, replace(first, id=None, rev=0))  # made another way
    svc.issue(office, first.id)
    with pytest.raises(UserError, match="ลบร่างนี้"):
        svc.issue(office, second.id)
    assert svc.get_order(office, second.id).status == "draft"
