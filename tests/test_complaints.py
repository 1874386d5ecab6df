"""Complaints service: codes, intake, workflow, guard rails, lookup, statistics, destruction, roles."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import pytest
from demo_cache import fast_demo

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model import complaints as m
from ethics_tui.model.complaints import Complaint, Identity
from ethics_tui.service import complaints as svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in

SECRETS = ("นางลับสุด ยอดเยี่ยม", "0812345678", "ผู้รับเหมาลึกลับ", "รายละเอียดลับมากมาย")


@pytest.fixture
def office(ctx, monkeypatch):
    """The demo office without demo cases (known data only)."""
    from ethics_tui.service import demo

    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    return ctx


def as_user(ctx, name: str) -> Context:
    return demo_sign_in(Context(store=ctx.store), name)


@pytest.fixture
def officer(office) -> Context:
    return as_user(office, "complaints")


def new(ctx, when="2024-01-15T09:30", channel="มาด้วยตนเอง", kind="corruption", subject="เรื่องทดสอบ", **ident):
    ident.setdefault("anonymous", True)
    return svc.intake(ctx, Complaint(when, channel, kind, subject), Identity(**ident))


def secret_case(ctx):
    return new(
        ctx,
        subject="การจัดซื้อวัสดุ",
        anonymous=False,
        complainant_name=SECRETS[0],
        complainant_contact=SECRETS[1],
        accused_text=SECRETS[2],
        details=SECRETS[3],
    )


# -- codes --------------------------------------------------------------------------------
def test_codes_are_random_readable_and_grouped():
    codes = {m.new_code() for _ in range(3000)}
    assert len(codes) == 3000
    for code in list(codes)[:200]:
        assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)
        assert not set(code) & set("01OILSZB258GU")
    assert m.normalize_code(" k7qm 3xpa ๙d ") == "K7QM-3XPA-9D"
    assert m.normalize_code("K7QM-3XPA-9") is None
    assert m.normalize_code("O7QM-3XPA-9D") is None


def test_codes_unique_and_round_trip_through_lookup(officer, office):
    cases = [new(officer, subject=f"เรื่องที่ {i}") for i in range(25)]
    assert len({c.code for c in cases}) == 25
    assert [c.number for c in cases] == list(range(1, 26))  # เลขรับ per fiscal year
    viewer = as_user(office, "viewer")
    for c in cases[:5]:
        v = svc.lookup(viewer, c.code.lower().replace("-", ""))
        assert (v.code, v.status, v.received) == (c.code, "received", date(2024, 1, 15))
        assert set(vars(v)) == {"code", "status", "received", "steps", "due"}  # status and dates only
    with pytest.raises(UserError, match="ไม่พบ"):
        svc.lookup(viewer, "AAAA-AAAA-AA")
    with pytest.raises(UserError, match="ไม่ใช่รหัส"):
        svc.lookup(viewer, "hello")


# -- intake -------------------------------------------------------------------------------
def test_intake_validates_without_saving(officer):
    bad = [
        {"subject": ""},
        {"channel": "นกพิราบ"},
        {"kind": "other"},
        {"when": (datetime.now() + timedelta(days=2)).isoformat(timespec="minutes")},
        {"when": "not a date"},
        {"anonymous": False},
        {"anonymous": True, "complainant_name": "นายก"},
        {"accused_staff_id": 99999},
        {"subject": "ร้องเรียนนายสมศักดิ์ ทองดี", "accused_text": "นายสมศักดิ์ ทองดี"},
    ]
    for kwargs in bad:
        with pytest.raises(ValidationError):
            new(officer, **kwargs)
    assert svc.list_cases(officer) == []


def test_identity_is_sealed_and_only_the_complaints_key_reads_it(officer, office):
    c = secret_case(officer)
    raw = (office.store.dir / "main.json").read_text(encoding="utf-8")
    for s in SECRETS:
        assert s not in raw
    ident = svc.identity(officer, c.id)
    assert (ident.complainant_name, ident.complainant_contact, ident.accused_text, ident.details) == SECRETS
    # an admin may not even open the case; a viewer only the status
    for name in ("admin", "hr", "committee", "executive", "viewer"):
        with pytest.raises(AccessDenied):
            svc.identity(as_user(office, name), c.id)
    views = [e for e in office.store.audit.entries() if e.get("action") == "view" and e.get("kind") == "complaint"]
    assert len(views) == 1 and views[0]["actor"] == "complaints"


def test_confidential_values_never_reach_logs_audit_stats_or_the_status(officer, office):
    c = secret_case(officer)
    svc.advance(officer, c.id, "review", date(2024, 1, 16))
    svc.advance(officer, c.id, "fact_finding", date(2024, 1, 20), evidence="enough", note="เริ่มสอบ")
    svc.identity(officer, c.id)
    viewer = as_user(office, "viewer")
    outputs = [
        json.dumps(svc.stats(viewer, 2567).to_dict(), ensure_ascii=False),
        json.dumps(svc.stats(viewer, 2567, half=True).to_dict(), ensure_ascii=False),
        repr(svc.lookup(viewer, c.code)),
        (office.store.dir / "audit.jsonl").read_text(encoding="utf-8"),
        (office.store.dir / "main.json").read_text(encoding="utf-8"),
    ]
    for folder in ("logs",):
        for f in (office.store.dir / folder).glob("*"):
            outputs.append(f.read_text(encoding="utf-8", errors="replace"))
    for text in outputs:
        for s in SECRETS:
            assert s not in text


# -- workflow -----------------------------------------------------------------------------
def walk(ctx, c, *steps):
    day = date.fromisoformat(c.history[-1]["date"])
    for step, extra in steps:
        day += timedelta(days=1)
        c = svc.advance(ctx, c.id, step, day, **extra)
    return c


def test_every_legal_path(officer):
    paths = {
        "fact": [
            ("review", {}),
            ("fact_finding", {"evidence": "enough"}),
            ("concluded", {"finding": "มีมูล"}),
            ("notified", {"method": "หนังสือ"}),
            ("closed", {}),
        ],
        "not": [
            ("review", {}),
            ("not_accepted", {"evidence": "not_enough", "reason": "ไม่มีข้อมูล"}),
            ("notified", {"method": "โทรศัพท์"}),
            ("closed", {}),
        ],
        "ref": [
            ("review", {}),
            ("referred", {"evidence": "enough", "body": "สตง."}),
            ("concluded", {"finding": "ผลจาก สตง."}),
            ("notified", {"method": "Line"}),
            ("closed", {}),
        ],
        "ref2": [
            ("review", {}),
            ("referred", {"evidence": "enough", "body": "ป.ป.ช."}),
            ("notified", {"method": "อีเมล"}),
            ("closed", {}),
        ],
    }
    for name, steps in paths.items():
        c = walk(officer, new(officer, subject=name, anonymous=False, complainant_name="นายเอ บี"), *steps)
        assert c.status == "closed" and c.due == ""
        assert [h["step"] for h in c.history] == ["received"] + [s for s, _ in steps]
        assert all(h["actor"] == "complaints" and h["date"] for h in c.history)
        assert c.retention_until == date.fromisoformat(c.history[-1]["date"]).replace(year=2034).isoformat()
    c = svc.list_cases(officer, "ref")[0]
    assert c.history[2]["extra"]["body"] in ("สตง.", "ป.ป.ช.")


def test_illegal_transitions_are_refused(officer):
    c = new(officer)
    for step in ("fact_finding", "concluded", "notified", "closed", "referred", "bogus"):
        with pytest.raises(UserError, match="ไม่ได้"):
            svc.advance(officer, c.id, step, date(2024, 1, 16))
    c = svc.advance(officer, c.id, "review", date(2024, 1, 16))
    with pytest.raises(ValidationError) as err:  # evidence must be assessed, reasons given
        svc.advance(officer, c.id, "not_accepted", date(2024, 1, 17))
    assert set(err.value.errors) == {"reason", "evidence"}
    with pytest.raises(ValidationError) as err:
        svc.advance(officer, c.id, "fact_finding", date(2024, 1, 17), evidence="not_enough")
    assert "evidence" in err.value.errors
    with pytest.raises(ValidationError) as err:
        svc.advance(officer, c.id, "fact_finding", date(2024, 1, 10), evidence="enough")
    assert "date" in err.value.errors
    with pytest.raises(ValidationError) as err:
        svc.advance(officer, c.id, "fact_finding", date.today() + timedelta(days=1), evidence="enough")
    assert "date" in err.value.errors
    c = svc.advance(officer, c.id, "fact_finding", date(2024, 1, 17), evidence="enough")
    with pytest.raises(ValidationError) as err:
        svc.advance(officer, c.id, "concluded", date(2024, 1, 18))
    assert "finding" in err.value.errors
    with pytest.raises(UserError):  # stale revision
        svc.advance(officer, c.id, "concluded", date(2024, 1, 18), rev=c.rev - 1, finding="x")
    assert svc.get(officer, c.id).status == "fact_finding"


def test_anonymous_case_is_processed_and_may_close_without_notice(officer):
    c = new(officer, anonymous=True)
    c = walk(officer, c, ("review", {}), ("fact_finding", {"evidence": "enough"}), ("concluded", {"finding": "ไม่มีมูล"}))
    assert "closed" in svc.next_steps(officer, c)
    named = walk(
        officer,
        new(officer, anonymous=False, complainant_name="นายซี ดี"),
        ("review", {}),
        ("fact_finding", {"evidence": "enough"}),
        ("concluded", {"finding": "x"}),
    )
    assert "closed" not in svc.next_steps(officer, named)
    assert walk(officer, c, ("closed", {})).status == "closed"


def test_due_dates_come_from_settings_and_overdue_is_flagged(officer, office):
    s = svc.get_settings(officer)
    s.due_days["received"] = 5
    svc.save_settings(officer, s)
    c = new(officer, when="2024-01-15T08:00")
    assert c.due == "2024-01-20"
    assert [x.id for x in svc.overdue(officer)] == [c.id]
    assert svc.overdue_count(officer) == 1 and svc.overdue_count(as_user(office, "viewer")) == 0
    today = datetime.now().replace(second=0, microsecond=0)
    fresh = new(officer, when=today.isoformat(timespec="minutes"))
    assert not fresh.overdue(date.today())


# -- guard rails --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "accused",
    [
        {"accused_text": "นายก อบต."},
        {"accused_text": "นายประเสริฐ ศรีสุข"},
        {"executive_accused": True},
        {"accused_text": "รองนายกฯ คนที่ 1"},
        {"accused_text": "ประเสริฐ ศรีสุข"},
        {"accused_text": "นายก"},
        {"accused_text": "ท่านนายก"},
        {"accused_text": "นายกเทศมนตรีเมือง"},
    ],
)
def test_executive_accused_must_go_to_damrongtham(officer, accused):
    c = new(officer, **accused)
    c = svc.advance(officer, c.id, "review", date(2024, 1, 16))
    assert svc.next_steps(officer, c) == ["referred"]
    with pytest.raises(UserError, match="ศูนย์ดำรงธรรม"):
        svc.advance(officer, c.id, "fact_finding", date(2024, 1, 17), evidence="enough")
    with pytest.raises(ValidationError, match="ศูนย์ดำรงธรรม"):
        svc.advance(officer, c.id, "referred", date(2024, 1, 17), evidence="enough", body="สำนักงาน สตง.")
    c = svc.advance(officer, c.id, "referred", date(2024, 1, 17), evidence="enough", body="ศูนย์ดำรงธรรมอำเภอ")
    assert c.status == "referred"


def test_a_first_name_starting_with_naiyok_is_not_the_executive(officer):
    c = new(officer, accused_text="นายกมล ใจดี")
    c = svc.advance(officer, c.id, "review", date(2024, 1, 16))
    assert "fact_finding" in svc.next_steps(officer, c)


def test_a_handler_cannot_be_the_accused(officer, office):
    me = officer.user.staff_id
    with pytest.raises(UserError, match="ผู้ถูกร้องเรียน"):
        new(officer, accused_staff_id=me)
    other = as_user(office, "admin")
    from ethics_tui.service import users

    users.set_roles(other, "hr", ["hr", "complaints"])
    users.approve_grants(officer)
    colleague = as_user(office, "hr")
    c = new(colleague, accused_staff_id=me)  # another officer registers it
    with pytest.raises(UserError, match="ผู้ถูกร้องเรียน"):
        svc.advance(officer, c.id, "review", date(2024, 1, 16))
    assert svc.advance(colleague, c.id, "review", date(2024, 1, 16)).status == "review"


# -- statistics ---------------------------------------------------------------------------
def test_statistics_on_known_data_and_half_year_boundaries(officer, office):
    edges = {
        "2023-09-30T23:59": "out",  # FY 2566
        "2023-10-01T00:00": "h1",
        "2024-03-31T23:59": "h1",
        "2024-04-01T00:00": "h2",
        "2024-09-30T23:59": "h2",
        "2024-10-01T00:00": "out",  # FY 2568
    }
    made = {}
    for i, (when, where) in enumerate(edges.items()):
        made[when] = new(
            officer,
            when=when,
            channel=("Line OA", "Traffy Fondue")[i % 2],
            kind=("corruption", "grievance")[i % 2],
            subject=f"ขอบ {i}",
        )
    # finished before the half-year ends / after it
    walk(officer, made["2023-10-01T00:00"], ("review", {}), ("not_accepted", {"evidence": "not_enough", "reason": "x"}))
    c = made["2024-03-31T23:59"]
    svc.advance(officer, c.id, "review", date(2024, 4, 2))
    svc.advance(officer, c.id, "referred", date(2024, 4, 3), evidence="enough", body="สตง.")
    viewer = as_user(office, "viewer")
    h1 = svc.stats(viewer, 2567, half=True)
    assert (h1.start, h1.end) == (date(2023, 10, 1), date(2024, 3, 31))
    assert (h1.received, h1.finished, h1.in_progress) == (2, 1, 1)  # referral came after 31 Mar
    assert h1.by_kind == {"corruption": 1, "grievance": 1}
    assert (h1.by_channel["Line OA"], h1.by_channel["Traffy Fondue"]) == (1, 1)
    year = svc.stats(viewer, 2567)
    assert (year.received, year.finished, year.in_progress) == (4, 2, 2)
    assert sum(year.by_channel.values()) == 4 and year.by_channel["Line OA"] + year.by_channel["Traffy Fondue"] == 4
    assert year.by_channel["มาด้วยตนเอง"] == 0  # every channel is listed, zero included
    assert year.by_kind == {"corruption": 2, "grievance": 2}
    assert "ทั้งหมด 4 เรื่อง" in svc.statement(year) and "แล้วเสร็จ 2 เรื่อง" in svc.statement(year)


def test_the_empty_year_says_so(office):
    s = svc.stats(as_user(office, "viewer"), 2568)
    assert (s.received, s.finished, s.in_progress) == (0, 0, 0)
    assert "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in svc.statement(s)
    assert "no complaints" in svc.statement(s, "en")
    assert s.to_dict()["statement"]["th"] == svc.statement(s)
    with pytest.raises(UserError):
        svc.stats(as_user(office, "viewer"), 68)


def test_only_grievances_still_states_no_corruption(officer):
    new(officer, kind="grievance")
    s = svc.stats(officer, 2567)
    assert s.received == 1 and "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in svc.statement(s)


# -- retention ----------------------------------------------------------------------------
def test_purge_is_replaced_by_the_destruction_procedure(officer):
    with pytest.raises(UserError, match="destruction"):
        svc.purge(officer)


# -- roles --------------------------------------------------------------------------------
def test_role_checks(officer, office):
    c = new(officer)
    for name in ("admin", "hr", "committee", "executive", "viewer"):
        u = as_user(office, name)
        with pytest.raises(AccessDenied):
            svc.list_cases(u)
        with pytest.raises(AccessDenied):
            svc.get(u, c.id)
        with pytest.raises(AccessDenied):
            new(u)
        with pytest.raises(AccessDenied):
            svc.advance(u, c.id, "review", date(2024, 1, 16))
        assert svc.stats(u, 2567).received == 1  # counts are public
        assert svc.lookup(u, c.code).status == "received"
    with pytest.raises(AccessDenied):
        svc.save_settings(as_user(office, "viewer"), svc.get_settings(officer))
    with pytest.raises(AccessDenied, match="เข้าสู่ระบบ"):
        svc.stats(Context(store=office.store), 2567)


def test_settings_validate(officer):
    s = svc.get_settings(officer)
    assert "Traffy Fondue" in s.channels and "ส่งต่อจากศูนย์ดำรงธรรม" in s.channels
    s.channels = [*s.channels, "Traffy Fondue"]
    with pytest.raises(ValidationError):
        svc.save_settings(officer, s)
    s = svc.get_settings(officer)
    s.channels.append("TikTok")
    s.retention_years = 5
    saved = svc.save_settings(officer, s)
    assert saved.rev == 1 and "TikTok" in svc.get_settings(officer).channels
    c = new(officer, channel="TikTok")
    assert c.retention_until == "2029-01-15"


def test_demo_cases(ctx, monkeypatch):
    from ethics_tui.service import demo

    monkeypatch.setattr(demo, "REGISTERS", ("complaints",))
    fast_demo(ctx)
    o = as_user(ctx, "complaints")
    cases = svc.list_cases(o)
    assert len(cases) >= 5
    assert {"received", "review", "fact_finding", "referred", "closed"} <= {c.status for c in cases}
    assert any(c.anonymous for c in cases)
    referred = next(c for c in cases if c.status == "referred")
    assert "ดำรงธรรม" in referred.history[-1]["extra"]["body"]
    assert svc.identity(o, referred.id).executive_accused
    assert svc.overdue(o) and svc.expired(o)


@pytest.mark.parametrize("subject", ["ร้องเรียนปิยะ มูลสาร เรียกรับเงิน", "ร้องเรียนนายปิยะ มูลสาร", "เรื่องปิยะมูลสาร"])
def test_the_accused_name_is_kept_out_of_the_subject_without_its_prefix(officer, subject):
    with pytest.raises(ValidationError) as exc:
        new(officer, subject=subject, accused_text="นายปิยะ มูลสาร")
    assert "subject" in exc.value.errors
    staff = {f"{d['first_name']} {d['last_name']}": int(k) for k, d in officer.store.load()["staff"].items()}
    name, sid = next(iter(staff.items()))
    with pytest.raises(ValidationError) as exc:
        new(officer, subject=f"พฤติกรรมของ {name}", accused_staff_id=sid)
    assert "subject" in exc.value.errors
