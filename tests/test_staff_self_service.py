"""Staff self-service: bulk accounts with one-time codes, the staff role's limits, electronic
acknowledgement with the hash of the version read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from demo_cache import fast_demo
from ethics_tui.errors import NotFoundError, UserError, ValidationError
from ethics_tui.model.notices import Notice
from ethics_tui.service import demo, notices, notices_acks, notices_self, staff_accounts, users
from ethics_tui.service.access import AccessDenied, SignInRequired
from ethics_tui.service.context import Context
from ethics_tui.service.settings import list_divisions
from ethics_tui.store import crypto
from ethics_tui.thai.dates import today


@pytest.fixture
def office(ctx, monkeypatch) -> Context:
    monkeypatch.setattr(demo, "REGISTERS", ())
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)  # bulk accounts: keep the test fast
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "hr")


def staff_ids(ctx) -> list[int]:
    return sorted(int(k) for k in ctx.store.load()["staff"])


def publish(ctx, **kw) -> Notice:
    base = {
        "kind": "circular",
        "title": "แจ้งเวียนประมวลจริยธรรม",
        "to": "พนักงานทุกท่าน",
        "body": "เนื้อความฉบับแรก",
        "dated": today().isoformat(),
        "enclosures": [{"title": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น"}],
    }
    base.update(kw)
    n = notices.save_draft(ctx, Notice(**base))
    return notices.publish(ctx, n.id)


def sign_in_staff(ctx, slip) -> Context:
    me = Context(store=ctx.store)
    users.sign_in(me, slip.username, slip.code)
    users.change_password(me, slip.code, "my-own-pass")
    return me


def test_bulk_accounts_one_time_codes_and_forced_change(office):
    slips = staff_accounts.create_accounts(office)
    assert len(slips) == len(staff_ids(office)) == 58
    assert len({s.username for s in slips}) == 58 and len({s.code for s in slips}) == 58
    assert slips[0].username == "s0001" and slips[0].name.startswith(("นาย", "นาง"))
    assert staff_accounts.create_accounts(office) == []  # everyone has one: nothing new
    raw = json.dumps(office.store.load()["users"], ensure_ascii=False)
    assert slips[0].code not in raw  # only a verifier is stored
    me = Context(store=office.store)
    user = users.sign_in(me, slips[0].username, slips[0].code)
    assert user.must_change and user.roles == ["staff"]
    with pytest.raises(AccessDenied):  # nothing before the new password
        notices_self.my_documents(me)
    users.change_password(me, slips[0].code, "my-own-pass")
    assert notices_self.my_documents(me) == []
    # a lost slip: a new code replaces the old one
    again = staff_accounts.create_accounts(office, [slips[0].staff_id], reissue=True)
    assert again[0].username == slips[0].username and again[0].code != slips[0].code
    with pytest.raises(UserError):
        users.sign_in(Context(store=office.store), slips[0].username, "my-own-pass")
    assert users.sign_in(Context(store=office.store), slips[0].username, again[0].code).must_change


def test_only_hr_and_admin_make_accounts(office):
    viewer = demo.demo_sign_in(Context(store=office.store), "viewer")
    with pytest.raises(AccessDenied):
        staff_accounts.create_accounts(viewer, staff_ids(office)[:1])
    with pytest.raises(SignInRequired):
        staff_accounts.create_accounts(Context(store=office.store), staff_ids(office)[:1])
    with pytest.raises(UserError):
        staff_accounts.create_accounts(office, [99999])


def test_staff_user_sees_nothing_else(office):
    slip = staff_accounts.create_accounts(office, staff_ids(office)[:1])[0]
    me = sign_in_staff(office, slip)
    from ethics_tui.service import complaints, report, settings, staff, training

    for call in (
        lambda: staff.search(me),
        lambda: notices.list_notices(me),
        lambda: report.require(me, "report.read"),
        lambda: notices_acks.coverage_all(me) and notices.get(me, 1),
        lambda: training.require(me, "training.read"),
        lambda: complaints.require(me, "complaints.stats"),
        lambda: settings.require(me, "settings.read"),
        lambda: staff_accounts.accounts(me),
    ):
        with pytest.raises(AccessDenied):
            call()


def test_only_documents_addressed_to_me_and_electronic_ack(office):
    divs = list_divisions(office)
    mine_div = int(office.store.load()["staff"][str(staff_ids(office)[0])]["division_id"])
    other_div = next(d.id for d in divs if d.id != mine_div)
    everyone = publish(office, title="ถึงทุกคน")
    others = publish(office, title="ถึงกองอื่น", audience="divisions", audience_divisions=[other_div])
    slip = staff_accounts.create_accounts(office, staff_ids(office)[:1])[0]
    me = sign_in_staff(office, slip)
    docs = notices_self.my_documents(me)
    assert [d.notice.title for d in docs] == ["ถึงทุกคน"] and not docs[0].done
    with pytest.raises(NotFoundError):
        notices_self.read(me, others.id)
    shown = notices_self.read(me, everyone.id)
    assert shown.notice.body == "เนื้อความฉบับแรก" and shown.notice.enclosures[0]["title"]
    with pytest.raises(UserError):  # a hash of something else is refused, nothing written
        notices_self.acknowledge(me, everyone.id, "0" * 64)
    before = notices_acks.coverage(office, everyone.id).done
    digest = notices_self.document_hash(shown.notice)
    done = notices_self.acknowledge(me, everyone.id, digest)
    assert done.done and done.method == "electronic" and done.sha256 == digest
    row = office.store.load(notices_acks.shard(everyone.id))["acks"][str(slip.staff_id)]
    assert (row["method"], row["user"], row["sha256"], row["by"]) == (
        "electronic",
        slip.username,
        digest,
        slip.username,
    )
    assert row["time"].startswith(today().isoformat())
    assert notices_acks.coverage(office, everyone.id).done == before + 1  # counted with paper ticks
    audit = (office.store.dir / "audit.jsonl").read_text(encoding="utf-8")
    assert f'"{everyone.id}:{slip.staff_id}"' in audit and digest not in audit
    # the staff member is no longer on a new sign-off sheet
    assert slip.staff_id not in {p.staff_id for _, ps in notices_acks.coverage(office, everyone.id).pending for p in ps}
    # a new version asks again
    v2 = notices.new_version(office, everyone.id)
    v2.body = "เนื้อความฉบับปรับปรุง"
    v2 = notices.save_draft(office, v2)
    notices.publish(office, v2.id)
    docs = notices_self.my_documents(me)
    assert [(d.notice.id, d.done) for d in docs] == [(v2.id, False)]
    assert notices_self.document_hash(docs[0].notice) != digest
    with pytest.raises(NotFoundError):  # the superseded version is no longer offered
        notices_self.acknowledge(me, everyone.id, digest)


def test_document_hash_changes_with_every_content_field(office):
    n = publish(office)
    base = notices_self.document_hash(n)
    for change in (
        {"body": "อื่น"},
        {"title": "อื่น"},
        {"enclosures": [{"title": "x", "sha256": "ab"}]},
        {"version": 2},
        {"number": 99},
    ):
        assert notices_self.document_hash(Notice(**{**n.__dict__, **change})) != base
    assert notices_self.document_hash(Notice(**n.__dict__)) == base


def test_slips_pdf_reads_back(office, tmp_path):
    slips = staff_accounts.create_accounts(office, staff_ids(office)[:5])
    out = staff_accounts.export_slips(office, slips, tmp_path / "slips.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace(" ", "").replace("\u200b", "")
    assert subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout.count("Pages:") == 1
    assert "Pages:           2" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    for s in slips:
        assert s.code in flat and s.username in flat and s.name.replace(" ", "") in flat
    assert "รหัสใช้ครั้งเดียว" in flat
    with pytest.raises(UserError):
        staff_accounts.export_slips(office, [], tmp_path / "none.pdf")


def test_slips_say_where_to_sign_in(office, tmp_path):
    """QA: the slips did not say where or how to sign in. The office's "where staff sign in"
    setting is printed on each slip; without it the slip says to ask the HR office."""
    from dataclasses import replace

    from ethics_tui.service.settings import get_settings, save_settings

    def slip_text(name: str) -> str:
        slips = staff_accounts.create_accounts(office, staff_ids(office)[:1], reissue=True)
        out = staff_accounts.export_slips(office, slips, tmp_path / name)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        return text.replace(" ", "").replace("\n", "").replace("\u200b", "")

    assert "สอบถามที่งานการเจ้าหน้าที่" in slip_text("ask.pdf")
    place = "http://192.168.1.10:8000 (เครื่องงานการเจ้าหน้าที่)"
    admin = demo.demo_sign_in(Context(store=office.store), "admin")  # settings are the admin's
    save_settings(admin, replace(get_settings(admin), sign_in_place=place))
    said = slip_text("place.pdf")
    assert place.replace(" ", "") in said and "สอบถามที่งานการเจ้าหน้าที่" not in said
    with pytest.raises(ValidationError):
        save_settings(admin, replace(get_settings(admin), sign_in_place="x\u0007"))  # control character
    with pytest.raises(ValidationError):
        save_settings(admin, replace(get_settings(admin), sign_in_place="ก" * 201))


def test_each_module_declares_the_permissions_it_checks():
    """The served app imports only what its screen needs: each module must register its own
    permissions (a KeyError in a browser session found this)."""
    code = (
        "import ethics_tui.service.notices_self as s, ethics_tui.service.access as a, sys; "
        "print('self.read' in a.PERMISSIONS, 'self.ack' in a.PERMISSIONS, 'ethics_tui.service.staff_accounts' in sys.modules)"  # noqa: E501 - one message
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "False"]


@pytest.mark.parametrize("bad", [-1, 481, True, "15", None])
def test_idle_minutes_must_be_0_to_480(bad):
    from ethics_tui.errors import ValidationError
    from ethics_tui.model.settings import OfficeSettings

    with pytest.raises(ValidationError) as err:
        OfficeSettings(office_name="x", idle_minutes=bad).validate()
    assert "idle_minutes" in err.value.errors
    OfficeSettings(office_name="x", idle_minutes=0).validate()
