import io
import json
import sys

import pytest

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody, vault
from ethics_tui.service.access import AccessDenied, SignInRequired, can
from ethics_tui.service.context import Context

PW = "demo1234"  # the demo accounts' password


def fresh(ctx):
    return Context(store=ctx.store)


@pytest.fixture
def office(demo_ctx):
    """The demo office: accounts admin (admin+hr), hr, committee, complaints, executive, viewer."""
    return demo_ctx


def signed(ctx, name):
    c = fresh(ctx)
    users_svc.sign_in(c, name, PW)
    return c


def test_first_user_must_be_admin_and_setup_mode_ends(ctx):
    with pytest.raises(ValidationError):
        users_svc.create_user(ctx, "x", "x", ["hr"], PW)
    users_svc.create_user(ctx, "boss", "หัวหน้า", ["admin", "hr"], PW)
    anon = fresh(ctx)
    with pytest.raises(SignInRequired) as exc:
        staff_svc.search(anon)
    assert "เข้าสู่ระบบ" in exc.value.th and "--user" in exc.value.th
    with pytest.raises(AccessDenied):
        users_svc.create_user(anon, "y", "y", ["viewer"], PW)


@pytest.mark.real_kdf  # the stored record has the real cost
def test_passwords_are_hashed_never_stored_or_logged(office):
    raw = office.store.path().read_text(encoding="utf-8") + office.store.audit.path.read_text(encoding="utf-8")
    assert PW not in raw
    doc = next(d for d in json.loads(office.store.path().read_text(encoding="utf-8"))["users"].values())
    assert doc["pw"]["kdf"] == "scrypt" and doc["pw"]["n"] >= 2**14


@pytest.mark.parametrize(
    "user, allowed, denied",
    [
        (
            "hr",
            ["staff.read", "staff.write", "divisions.write", "backup.create", "staff.export"],
            ["settings.write", "users.manage", "backup.restore"],
        ),
        ("admin", ["settings.write", "users.manage", "backup.restore", "staff.read", "staff.write"], []),
        ("executive", ["staff.read", "staff.export"], ["staff.write", "users.manage"]),
        (
            "viewer",
            ["staff.read", "settings.read"],
            ["staff.write", "staff.export", "backup.create", "users.manage", "divisions.write"],
        ),
        ("committee", ["staff.read"], ["staff.write", "users.manage"]),
        ("complaints", ["staff.read"], ["staff.write", "settings.write"]),
    ],
)
def test_role_matrix(office, user, allowed, denied):
    c = signed(office, user)
    for p in allowed:
        assert can(c, p), p
    for p in denied:
        assert not can(c, p), p


def test_services_enforce_roles_with_thai_message(office):
    viewer = signed(office, "viewer")
    assert staff_svc.count(viewer) == 58
    s = staff_svc.get(viewer, 1)
    s.phone = "0899999999"
    with pytest.raises(AccessDenied) as exc:
        staff_svc.update(viewer, s)
    assert "ไม่มีสิทธิ์" in exc.value.th and "viewer" in exc.value.th
    with pytest.raises(AccessDenied):
        settings_svc.add_division(viewer, "กองใหม่")
    with pytest.raises(AccessDenied):
        settings_svc.save_settings(signed(office, "hr"), settings_svc.get_settings(viewer))
    hr = signed(office, "hr")
    staff_svc.update(hr, s)
    assert [e for e in office.store.audit.entries()][-1]["actor"] == "hr"


def test_lockout_after_five_wrong_passwords(office):
    c = fresh(office)
    messages = set()
    for _attempt in range(5):
        with pytest.raises(UserError) as exc:
            users_svc.sign_in(c, "hr", "wrong-password")
        messages.add(exc.value.th)
    assert users_svc.get_user(office, "hr").locked_until
    with pytest.raises(UserError) as exc:
        users_svc.sign_in(c, "hr", PW)  # even the right password is refused while locked
    messages.add(exc.value.th)
    with pytest.raises(UserError) as exc:
        users_svc.sign_in(c, "nobody-here", PW)
    messages.add(exc.value.th)
    users_svc.set_active(signed(office, "admin"), "viewer", False)
    with pytest.raises(UserError) as exc:
        users_svc.sign_in(c, "viewer", PW)
    messages.add(exc.value.th)
    # one message for wrong, locked, unknown and disabled: it does not tell which accounts exist
    assert len(messages) == 1 and "ไม่ถูกต้อง" in messages.pop()
    # five minutes later it works again
    doc = users_svc.get_user(office, "hr")
    from datetime import datetime, timedelta

    with office.store.transaction() as tx:
        d = dict(tx.table("users").get(doc_id=doc.id))
        d["locked_until"] = (datetime.now().astimezone() - timedelta(seconds=1)).isoformat()
        tx.put("users", doc.id, d)
    users_svc.sign_in(c, "hr", PW)
    assert c.user.username == "hr"
    with pytest.raises(UserError):
        users_svc.sign_in(fresh(office), "nobody", PW)


def test_reset_password_forces_change(office):
    admin = signed(office, "admin")
    users_svc.reset_password(admin, "hr", "temporary-1")
    c = fresh(office)
    users_svc.sign_in(c, "hr", "temporary-1")
    with pytest.raises(AccessDenied) as exc:
        staff_svc.search(c)
    assert "รหัสผ่านใหม่" in exc.value.th
    users_svc.change_password(c, "temporary-1", "brand-new-pass")
    assert staff_svc.search(c)
    with pytest.raises(UserError):
        users_svc.sign_in(fresh(office), "hr", "temporary-1")
    users_svc.sign_in(fresh(office), "hr", "brand-new-pass")


def test_disable_and_last_admin_rules(office):
    admin = signed(office, "admin")
    users_svc.set_active(admin, "viewer", False)
    with pytest.raises(UserError) as exc:
        users_svc.sign_in(fresh(office), "viewer", PW)
    assert "ระงับ" in exc.value.th
    with pytest.raises(UserError):
        users_svc.set_active(admin, "admin", False)
    with pytest.raises(ValidationError):
        users_svc.set_roles(admin, "admin", ["hr"])
    users_svc.set_roles(admin, "viewer", ["viewer", "admin"])
    users_svc.set_active(admin, "viewer", True)


def _store_secret(ctx, text):
    box = vault.seal(ctx, "committee", text, "consultation:requester")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        rid = tx.table("secrets").insert({"requester": box, "topic": "ของขวัญ"})
        tx.log("create", "consultation", rid, ["requester", "topic"])
    return rid


def test_vault_only_entitled_users_read_and_copies_reveal_nothing(office, tmp_path):
    from ethics_tui.store import backup

    com = signed(office, "committee")
    secret = "นางสาวพิมพ์ลดา ซ่อนเร้นนิรนาม"
    rid = _store_secret(com, secret)
    stored = office.store.load()["secrets"][str(rid)]["requester"]
    assert vault.reveal(signed(office, "committee"), stored, "consultation:requester") == secret
    for other in ("admin", "hr", "viewer", "complaints"):
        assert vault.reveal(signed(office, other), stored, "consultation:requester") == "ปกปิด"
    with pytest.raises(UserError):
        vault.seal(signed(office, "hr"), "committee", "x", "a")
    vault.log_view(com, "consultation", rid)
    backup.create_backup(office.store)
    backup.create_backup(office.store, tmp_path / "manual.zip")
    # scan every file of the data folder (backups and audit log included) for the plaintext
    import zipfile

    needles = [secret.encode("utf-8"), "ซ่อนเร้นนิรนาม".encode()]
    for path in list(office.store.dir.rglob("*")) + [tmp_path / "manual.zip"]:
        if not path.is_file():
            continue
        blobs = [path.read_bytes()]
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                blobs += [zf.read(n) for n in zf.namelist()]
        for blob in blobs:
            for needle in needles:
                assert needle not in blob, path
    assert any(e["action"] == "view" and e["actor"] == "committee" for e in office.store.audit.entries())


def test_grant_needs_an_entitled_user_and_revoke_removes_it(office):
    admin = signed(office, "admin")
    com = signed(office, "committee")
    stored = office.store.load()
    rid = _store_secret(com, "ความลับ")
    box = office.store.load()["secrets"][str(rid)]["requester"]
    pending = users_svc.set_roles(admin, "hr", ["hr", "committee"])
    assert pending == ["committee"]  # the admin does not hold the committee key
    assert ("hr", "committee") in users_svc.pending_grants(admin)
    assert vault.reveal(signed(office, "hr"), box, "consultation:requester") == "ปกปิด"
    done = users_svc.approve_grants(signed(office, "committee"))
    assert done == [("hr", "committee")]
    assert vault.reveal(signed(office, "hr"), box, "consultation:requester") == "ความลับ"
    users_svc.set_roles(admin, "hr", ["hr"])
    assert vault.reveal(signed(office, "hr"), box, "consultation:requester") == "ปกปิด"
    assert stored is not None


def test_recovery_code_restores_access_after_every_holder_forgets(office):
    admin = signed(office, "admin")
    com = signed(office, "committee")
    rid = _store_secret(com, "ข้อมูลลับ")
    box = office.store.load()["secrets"][str(rid)]["requester"]
    code = users_custody.create_recovery_key(admin)  # admin holds no committee key yet
    users_svc.sign_in(fresh(office), "committee", PW)  # a holder signs in: the key is added to recovery
    users_svc.reset_password(admin, "committee", "temporary-2")  # the only holder loses their key
    c = fresh(office)
    users_svc.sign_in(c, "committee", "temporary-2")
    users_svc.change_password(c, "temporary-2", "another-pass-1")
    assert vault.reveal(signed_pw(office, "committee", "another-pass-1"), box, "consultation:requester") == "ปกปิด"
    with pytest.raises(UserError):
        users_custody.recover(admin, "AAAA-BBBB", "committee")
    assert users_custody.recover(admin, code, "committee") == ["committee"]
    assert vault.reveal(signed_pw(office, "committee", "another-pass-1"), box, "consultation:requester") == "ข้อมูลลับ"


def signed_pw(ctx, name, pw):
    c = fresh(ctx)
    users_svc.sign_in(c, name, pw)
    return c


def test_tampered_ciphertext_is_reported_not_crashing(office):
    com = signed(office, "committee")
    rid = _store_secret(com, "ลับ")
    box = dict(office.store.load()["secrets"][str(rid)]["requester"])
    box["c"] = box["c"][:-4] + ("AAAA" if box["c"][-4:] != "AAAA" else "BBBB")
    assert "ถอดรหัสไม่ได้" in vault.reveal(com, box, "consultation:requester")


def test_cli_users_and_user_option(tmp_path, capsys, monkeypatch):
    from ethics_tui.cli import main

    data = str(tmp_path / "d")
    from pathlib import Path

    template = str(Path(__file__).resolve().parents[1] / "templates" / "staff-template.csv")

    def feed(*lines):
        monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))

    feed(PW)
    assert main(["--data", data, "users", "add", "boss", "--name", "หัวหน้า", "--roles", "admin,hr"]) == 0
    feed(PW)
    assert main(["--data", data, "--user", "boss", "staff", "import", template]) == 0
    feed()
    capsys.readouterr()
    assert main(["--data", data, "staff", "list"]) == 1
    assert "--user" in capsys.readouterr().err
    feed(PW, "temp-pass-1")
    assert main(["--data", data, "--user", "boss", "users", "add", "vw", "--name", "ดู", "--roles", "viewer"]) == 0
    feed("temp-pass-1")
    assert main(["--data", data, "--user", "vw", "staff", "list"]) == 1
    assert "users passwd" in capsys.readouterr().err
    feed("temp-pass-1", "temp-pass-1", "viewer-pass-1")
    assert main(["--data", data, "--user", "vw", "users", "passwd", "vw"]) == 0
    assert "เปลี่ยนรหัสผ่านแล้ว" in capsys.readouterr().out
    feed("viewer-pass-1")
    assert main(["--data", data, "--user", "vw", "staff", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    feed("viewer-pass-1")
    assert main(["--data", data, "--user", "vw", "staff", "export", str(tmp_path / "x.csv")]) == 1
    assert "ไม่มีสิทธิ์" in capsys.readouterr().err
    feed("wrong")
    assert main(["--data", data, "--user", "vw", "staff", "list"]) == 1
    feed(PW)
    assert main(["--data", data, "--user", "boss", "users", "list", "--json"]) == 0
    users = json.loads(capsys.readouterr().out)
    assert [u["username"] for u in users] == ["boss", "vw"]
    feed(PW)
    assert main(["--data", data, "--user", "boss", "users", "add", "x", "--name", "x", "--roles", "wizard"]) == 1
    # the password never appears in the audit log or the database
    assert PW not in (tmp_path / "d" / "audit.jsonl").read_text(encoding="utf-8")
    assert "viewer-pass-1" not in (tmp_path / "d" / "main.json").read_text(encoding="utf-8")


@pytest.mark.real_kdf  # the dummy record of unknown users has the real cost
def test_sign_in_does_the_same_work_for_unknown_users(office, monkeypatch):
    """Issue 14: 44 ms for a known user against 3 ms for an unknown one (no scrypt at all).
    Counted, not timed: every outcome runs exactly one scrypt of the same cost."""
    from ethics_tui.store import crypto

    calls = []
    real = crypto._scrypt
    monkeypatch.setattr(crypto, "_scrypt", lambda pw, salt, n, r, p: calls.append((n, r, p)) or real(pw, salt, n, r, p))
    for name, pw in (("hr", PW), ("hr", "wrong-pass"), ("nobody", PW), ("", "")):
        calls.clear()
        try:
            users_svc.sign_in(fresh(office), name, pw)
        except UserError:
            pass
        assert calls == [(crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P)], name


def test_a_sign_in_and_a_read_only_command_write_nothing_to_the_database(office, tmp_path, monkeypatch, capsys):
    """Issue 20 item 2: every sign-in rewrote and fsynced all of main.json."""
    from ethics_tui.cli import main

    path = office.store.dir / "main.json"
    before = (path.stat().st_mtime_ns, path.read_bytes())
    users_svc.sign_in(fresh(office), "hr", PW)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    assert main(["--data", str(office.store.dir), "--user", "hr", "staff", "list", "--json"]) == 0
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    entries = [e for e in office.store.audit.entries() if e["action"] == "login"]
    assert len(entries) >= 2 and entries[-1]["actor"] == "hr"
    # a failure changes the count: then (only then) the user record is written
    with pytest.raises(UserError):
        users_svc.sign_in(fresh(office), "hr", "wrong-pass")
    assert path.read_bytes() != before[1]


def test_an_open_session_sees_its_account_disabled_and_its_keys_go(office):
    """QA2: roles were read once at sign-in. A session open when the administrator disables the
    account is refused at its next call, in words, and its data keys leave memory."""
    from ethics_tui.service import complaints

    session = signed(office, "complaints")
    assert "complaints" in session.keys and complaints.list_cases(session)
    users_svc.set_active(signed(office, "admin"), "complaints", False)
    with pytest.raises(AccessDenied) as exc:
        complaints.list_cases(session)
    assert "ถูกปิดการใช้งาน" in exc.value.th and "disabled" in exc.value.en
    assert session.keys == {} and not any(v == "complaints" for v, _g in session.keyring)


def test_an_unchanged_account_is_not_read_again(office, monkeypatch):
    """The check re-parses the user's record only when its rev changed."""
    from ethics_tui.model.user import User

    session = signed(office, "hr")
    monkeypatch.setattr(User, "from_doc", classmethod(lambda *a: pytest.fail("parsed again")))
    assert can(session, "staff.write") and can(session, "staff.write")
