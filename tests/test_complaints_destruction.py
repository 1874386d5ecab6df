"""Expired complaint records are destroyed by the สารบรรณ procedure (list, committee, approval,
destruction, the list kept and exported), and a complaint against the executive may go to any
of the receiving bodies, never to in-house fact-finding."""

from datetime import date, timedelta

import pytest
from demo_cache import fast_demo

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.complaints import Complaint, Identity
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import complaints as svc
from ethics_tui.service import complaints_bodies, complaints_destruction as dx
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in

SECRET = "นางสาวผู้ร้อง ลับมาก"


@pytest.fixture
def office(ctx, monkeypatch):
    from ethics_tui.service import demo

    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    return ctx


def as_user(ctx, name):
    return demo_sign_in(Context(store=ctx.store), name)


def new(ctx, when="2014-01-15T09:30", **ident):
    ident.setdefault("anonymous", True)
    return svc.intake(ctx, Complaint(when, "มาด้วยตนเอง", "corruption", "เรื่องทดสอบ"), Identity(**ident))


def closed_case(o):
    c = new(o, anonymous=False, complainant_name=SECRET)
    day = c.received_date
    for step, extra in (
        ("review", {}),
        ("not_accepted", {"evidence": "not_enough", "reason": "x"}),
        ("notified", {"method": "โทร"}),
        ("closed", {}),
    ):
        day += timedelta(days=1)
        c = svc.advance(o, c.id, step, day, **extra)
    return c


def test_destruction_procedure_in_order_and_the_list_is_kept(office, tmp_path):
    o = as_user(office, "complaints")
    old = closed_case(o)
    still_open = new(o, when="2024-02-01T10:00")
    admin = as_user(office, "admin")
    row = dx.prepare(admin)
    assert [e["case_id"] for e in row["entries"]] == [old.id] and row["status"] == "listed"
    assert "complainant_name" not in str(row) and SECRET not in str(row) and "เรื่องทดสอบ" not in str(row)
    with pytest.raises(UserError):
        dx.prepare(admin)  # one list at a time
    with pytest.raises(UserError):
        dx.destroy(admin, row["id"], date.today())  # not approved yet
    with pytest.raises(UserError):
        dx.approve(admin, row["id"], date.today(), "นายก")  # no committee yet
    with pytest.raises(ValidationError):
        dx.set_committee(admin, row["id"], "ที่ 5/2569", ["นายหนึ่ง", "นายสอง"])  # at least three
    dx.set_committee(admin, row["id"], "ที่ 5/2569", ["นายหนึ่ง", "นายสอง", "นายสาม"])
    dx.approve(admin, row["id"], date.today(), "นายกองค์การบริหารส่วนตำบล")
    assert svc.get(o, old.id)  # nothing deleted before the destruction step
    done = dx.destroy(admin, row["id"], date.today())
    assert done["status"] == "destroyed"
    data = office.store.load()
    assert str(old.id) not in data["complaints"] and str(old.id) not in data["complaint_identities"]
    assert str(still_open.id) in data["complaints"]
    assert [e["case_id"] for e in dx.get(admin, row["id"])["entries"]] == [old.id]  # the list is kept
    destroyed = [e for e in office.store.audit.entries() if e.get("action") == "destroy"]
    assert [e["id"] for e in destroyed] == [old.id] and destroyed[0]["actor"] == "admin"
    text = to_text(dx.export_pdf(admin, row["id"], tmp_path / "list.pdf"))
    assert squash(old.code) in text and squash("นายสาม") in text and squash(SECRET) not in text
    csv = dx.export_csv(admin, row["id"], tmp_path / "list.csv").read_text(encoding="utf-8-sig")
    assert old.code in csv and SECRET not in csv
    with pytest.raises(AccessDenied):
        dx.prepare(as_user(office, "viewer"))


def to_text(path):
    from ethics_tui.thai.digits import to_arabic_digits

    return to_arabic_digits(squash("".join(pages(path))))


def test_a_late_list_is_marked(office):
    o = as_user(office, "complaints")
    closed_case(o)
    today = date.today()
    row = dx.prepare(as_user(office, "admin"), today)
    assert row["late"] == (today > date(today.year - 1, 12, 31) + timedelta(days=60))
    assert dx.list_due(date(2026, 5, 1)) == date(2026, 3, 1)


def test_nothing_expired_says_so(office):
    with pytest.raises(UserError, match="พ้นอายุ"):
        dx.prepare(as_user(office, "admin"))


@pytest.mark.parametrize(
    "body",
    ["นายอำเภอบ้านดุง", "ศูนย์ดำรงธรรมจังหวัดอุดรธานี", "ศูนย์ดำรงธรรมอำเภอ", "สำนักงาน ป.ป.ช. ประจำจังหวัดอุดรธานี", "ป.ป.ท. เขต 4"],
)
def test_executive_accused_goes_to_any_receiving_body(office, body):
    o = as_user(office, "complaints")
    c = new(o, when="2024-01-15T09:30", accused_text="นายก อบต.")
    c = svc.advance(o, c.id, "review", date(2024, 1, 16))
    assert svc.next_steps(o, c) == ["referred"]  # still no in-house fact-finding
    with pytest.raises(UserError, match="นายอำเภอ"):
        svc.advance(o, c.id, "fact_finding", date(2024, 1, 17), evidence="enough")
    with pytest.raises(ValidationError):
        svc.advance(o, c.id, "referred", date(2024, 1, 17), evidence="enough", body="สำนักงาน สตง.")
    assert svc.advance(o, c.id, "referred", date(2024, 1, 17), evidence="enough", body=body).status == "referred"


def test_receiving_bodies_text():
    names = complaints_bodies.body_names("th", "องค์การบริหารส่วนตำบล")
    assert names[0].startswith("นายอำเภอ") and any("ป.ป.ท" in n for n in names) and len(names) == 5
    assert complaints_bodies.supervising_official("องค์การบริหารส่วนจังหวัด") == "ผู้ว่าราชการจังหวัด"
    assert "ศูนย์ดำรงธรรม" in svc.executive_rule() and "ป.ป.ช." in svc.executive_rule()
