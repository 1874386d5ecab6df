"""Announcements, circulars and acknowledgements: the service layer."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from demo_cache import fast_demo
from ethics_tui.errors import NotFoundError, UserError, ValidationError
from ethics_tui.model.notices import Notice
from ethics_tui.model.staff import Staff
from ethics_tui.service import demo
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.settings import list_divisions
from ethics_tui.thai.dates import today


@pytest.fixture
def office(ctx, monkeypatch) -> Context:
    """The demo office (58 staff) without any register's demo records, signed in as admin+hr."""
    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


def circular(ctx, **kw) -> Notice:
    base = {
        "kind": "circular",
        "title": "แจ้งเวียนประมวลจริยธรรม",
        "to": "พนักงานทุกท่าน",
        "body": "เนื้อความ",
        "dated": today().isoformat(),
    }
    base.update(kw)
    return svc.save_draft(ctx, Notice(**base))


def ids(people) -> set[int]:
    return {p.staff_id for p in people}


def test_audience_is_fixed_at_issue(office):
    div = list_divisions(office)[1]
    n = circular(office, audience="divisions", audience_divisions=[div.id])
    svc.publish(office, n.id)
    members = acks.people(office, n.id)
    assert members and {p.division_id for p in members} == {div.id}
    expected = {r.staff.id for r in staff_svc.search(office) if r.staff.division_id == div.id}
    assert ids(members) == expected
    newcomer = staff_svc.add(office, Staff("นาย", "มาใหม่", "ทดสอบ", "นักวิชาการ", div.id, "พนักงานจ้างทั่วไป"))
    assert newcomer.id not in ids(acks.people(office, n.id))  # not standing: no newcomers
    leaver = min(expected)
    staff_svc.deactivate(office, leaver)
    cov = acks.coverage(office, n.id)
    assert (cov.total, cov.left) == (len(expected) - 1, 1)
    assert leaver not in {p.staff_id for _, ps in cov.pending for p in ps}


def test_types_and_hand_picked_audiences(office):
    t = circular(office, audience="types", audience_types=["ลูกจ้างประจำ"])
    svc.publish(office, t.id)
    assert {staff_svc.get(office, p.staff_id).staff_type for p in acks.people(office, t.id)} == {"ลูกจ้างประจำ"}
    picked = svc.staff_ids_by_code(office, ["0001", "0004"])
    h = circular(office, audience="people", audience_people=picked)
    assert svc.publish(office, h.id).audience_size == 2
    with pytest.raises(ValidationError):
        svc.staff_ids_by_code(office, ["nope"])
    with pytest.raises(ValidationError):
        circular(office, audience="divisions", audience_divisions=[])


def test_standing_document_adds_newcomers(office):
    n = circular(office, standing=True)
    svc.publish(office, n.id)
    before = acks.coverage(office, n.id).total
    div = list_divisions(office)[0]
    newcomer = staff_svc.add(office, Staff("นาง", "เข้าใหม่", "ทดลอง", "นักวิชาการ", div.id, "พนักงานจ้างทั่วไป"))
    assert acks.coverage(office, n.id).total == before + 1
    assert n.id in {d.id for d in acks.person_pending(office, newcomer.id)}
    acks.acknowledge(office, n.id, [newcomer.id])
    cov = acks.coverage(office, n.id)
    assert cov.done == 1 and cov.total == before + 1
    with pytest.raises(ValidationError):
        circular(office, standing=True, audience="types", audience_types=["ลูกจ้างประจำ"])


def test_new_version_asks_everyone_again_and_keeps_history(office):
    n = circular(office, standing=True)
    svc.publish(office, n.id)
    first = sorted(ids(acks.people(office, n.id)))[:5]
    acks.acknowledge(office, n.id, first)
    v2 = svc.new_version(office, n.id)
    assert (v2.status, v2.replaces, v2.version) == ("draft", n.id, 2)
    v2.title = "แจ้งเวียนประมวลจริยธรรม (ปรับปรุง)"
    v2 = svc.save_draft(office, v2)
    svc.publish(office, v2.id)
    old = svc.get(office, n.id)
    assert (old.status, old.replaced_by) == ("superseded", v2.id)
    assert acks.coverage(office, v2.id).done == 0  # everyone again
    assert {p.staff_id for p in acks.people(office, n.id) if p.done} == set(first)  # history kept
    assert [x.id for x in svc.versions(office, v2.id)] == [n.id, v2.id]
    with pytest.raises(UserError):
        acks.acknowledge(office, n.id, [first[0]])  # ticks go to the current version
    assert n.id not in {c.notice.id for c in acks.coverage_all(office)}


def test_version_draft_stores_nothing_until_saved(office):
    n = svc.publish(office, circular(office, standing=True).id)
    files = {p.name: p.read_bytes() for p in office.store.dir.iterdir() if p.is_file()}
    pending = svc.version_draft(office, n.id)
    assert (pending.id, pending.status, pending.replaces, pending.version) == (None, "draft", n.id, 2)
    assert {p.name: p.read_bytes() for p in office.store.dir.iterdir() if p.is_file()} == files  # nor the audit log
    saved = svc.save_draft(office, pending)  # what the notice form does at ctrl+s
    stored = office.store.load()["notices"][str(saved.id)]
    svc.delete_draft(office, saved.id)
    again = svc.new_version(office, n.id)  # the one-step form: the same record
    assert office.store.load()["notices"][str(again.id)] == stored
    with pytest.raises(UserError):
        svc.version_draft(office, again.id)  # a draft is edited directly


def test_circular_numbers_are_claimed_and_duplicates_refused(office):
    a = circular(office)
    assert svc.publish(office, a.id).number == 1
    b = circular(office, number=7)
    assert svc.publish(office, b.id).number == 7
    c = circular(office)
    with pytest.raises(ValidationError) as err:
        svc.publish(office, c.id, number=7)
    assert "number" in err.value.errors
    assert svc.get(office, c.id).status == "draft"
    assert svc.publish(office, c.id).number == 8
    assert svc.number_text(office, svc.get(office, c.id)) == "ที่ อด ๗๙๙๐๑/ว 8"


def test_published_documents_are_immutable(office):
    n = circular(office)
    svc.publish(office, n.id)
    pub = svc.get(office, n.id)
    pub.title = "แก้ไขหลังเผยแพร่"
    with pytest.raises(UserError):
        svc.save_draft(office, pub)
    with pytest.raises(UserError):
        svc.delete_draft(office, n.id)
    with pytest.raises(UserError):
        svc.publish(office, n.id)
    assert svc.get(office, n.id).title == "แจ้งเวียนประมวลจริยธรรม"
    svc.add_channel(office, n.id, "website")  # where it was posted is not content
    assert svc.get(office, n.id).channels[-1]["channel"] == "website"


def test_tick_untick_and_undo(office):
    n = circular(office, dated=(today() - timedelta(days=10)).isoformat())
    svc.publish(office, n.id, on=today() - timedelta(days=10))
    sid = min(ids(acks.people(office, n.id)))
    day = today() - timedelta(days=2)
    assert acks.acknowledge(office, n.id, [sid], on=day, method="in_person") == [sid]
    assert acks.acknowledge(office, n.id, [sid]) == []  # already acknowledged: no change
    p = next(p for p in acks.people(office, n.id) if p.staff_id == sid)
    assert (p.status, p.date, p.method) == ("acknowledged", day.isoformat(), "in_person")
    acks.unacknowledge(office, n.id, [sid])
    assert not next(p for p in acks.people(office, n.id) if p.staff_id == sid).done
    acks.undo(office, n.id, [sid])  # back to acknowledged on the same day
    p = next(p for p in acks.people(office, n.id) if p.staff_id == sid)
    assert (p.status, p.date) == ("acknowledged", day.isoformat())
    acks.undo(office, n.id, [sid])
    assert not next(p for p in acks.people(office, n.id) if p.staff_id == sid).done
    with pytest.raises(ValidationError):
        acks.acknowledge(office, n.id, [sid], on=today() + timedelta(days=1))
    with pytest.raises(ValidationError):
        acks.acknowledge(office, n.id, [sid], on=today() - timedelta(days=30))  # before issue
    with pytest.raises(ValidationError):
        acks.acknowledge(office, n.id, [sid], method="telepathy")
    with pytest.raises(NotFoundError):
        acks.acknowledge(office, n.id, [999999])


def test_a_tick_writes_only_its_own_file_and_is_audited(office):
    a, b = circular(office), circular(office)
    svc.publish(office, a.id)
    svc.publish(office, b.id)
    d = office.store.dir
    stamps = {p.name: p.stat().st_mtime_ns for p in (d / "main.json", d / f"acks-{b.id}.json")}
    sid = min(ids(acks.people(office, a.id)))
    acks.acknowledge(office, a.id, [sid])
    assert {p: (d / p).stat().st_mtime_ns for p in stamps} == stamps
    assert "acks" not in json.loads((d / "main.json").read_text("utf-8"))
    entry = list(office.store.audit.entries())[-1]
    assert (entry["action"], entry["id"]) == ("acknowledge", f"{a.id}:{sid}")
    assert set(entry["fields"]) == {"status", "date", "method", "by"}


def test_roles(office):
    n = circular(office)
    svc.publish(office, n.id)
    viewer = demo.demo_sign_in(Context(store=office.store), "viewer")
    assert acks.coverage(viewer, n.id).total > 0
    with pytest.raises(AccessDenied) as err:
        acks.acknowledge(viewer, n.id, [1])
    assert "เจ้าหน้าที่บุคคล" in err.value.th
    with pytest.raises(AccessDenied):
        circular(viewer)


def test_enclosure_files_are_copied_with_their_hash(office, tmp_path):
    src = tmp_path / "code.pdf"
    src.write_bytes(b"%PDF-1.4 code of ethics")
    n = circular(office, enclosures=[{"title": "ประมวลจริยธรรม", "path": str(src)}, {"title": "ไม่มีไฟล์"}])
    e = n.enclosures[0]
    stored = svc.enclosure_path(office, e)
    assert stored is not None and stored.read_bytes() == src.read_bytes()
    assert stored.is_relative_to(office.store.dir / "files")
    assert "path" not in e and e["name"] == "code.pdf"
    stored.write_bytes(b"tampered")
    assert svc.enclosure_path(office, e) is None
    with pytest.raises(ValidationError):
        circular(office, enclosures=[{"title": "หาย", "path": str(tmp_path / "missing.pdf")}])


def test_demo_adds_announcement_and_three_code_circulars(ctx, monkeypatch):
    monkeypatch.setattr(demo, "REGISTERS", ("notices",))
    fast_demo(ctx)
    admin = demo.demo_sign_in(ctx, "admin")
    docs = svc.list_notices(admin)
    assert sorted(n.kind for n in docs) == ["announcement", "circular", "circular", "circular"]
    assert all(n.published for n in docs)
    ann = next(n for n in docs if n.kind == "announcement")
    assert ann.dos and ann.donts and ann.channels
    for c in acks.coverage_all(admin):
        assert 0 < c.done < c.total
        if c.notice.kind == "circular":
            assert c.notice.standing and 55 <= c.percent <= 85
    assert acks.below_full(admin)
    assert date.fromisoformat(ann.issued_on) <= today()
