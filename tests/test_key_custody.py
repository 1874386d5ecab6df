"""Key custody (issue 14 item 3): a reset of the last key holder without a recovery code is
refused unless the loss is confirmed by number; the reset user's grant waits for a holder;
the administrator is reminded until a recovery code exists; the demo office has one."""

from __future__ import annotations

import io
import sys

import pytest

from demo_cache import fast_demo
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody, vault
from ethics_tui.service.context import Context
from ethics_tui.service.users_custody import KeyLossError

PW = "demo1234"


@pytest.fixture
def office(ctx, monkeypatch):
    """The demo office and its accounts only (no registers, so no recovery code)."""
    from ethics_tui.service import demo

    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    return ctx


def _as(ctx, name, pw=PW):
    c = Context(store=ctx.store)
    users_svc.sign_in(c, name, pw)
    return c


def _seal(ctx, n):
    com = _as(ctx, "committee")
    with ctx.store.transaction(actor="committee") as tx:
        for i in range(n):
            tx.table("secrets").insert({"requester": vault.seal(com, "committee", f"ลับ {i}", "consultation:requester")})
    return [d["requester"] for d in ctx.store.load()["secrets"].values()]


def test_reset_of_the_last_holder_is_refused_unless_the_loss_is_confirmed(office):
    boxes = _seal(office, 3)
    admin = _as(office, "admin")
    with pytest.raises(KeyLossError) as exc:
        users_svc.reset_password(admin, "committee", "temporary-1")
    assert exc.value.lost == 3 and "3 รายการ" in exc.value.th and "3 sealed" in exc.value.en
    with pytest.raises(KeyLossError):
        users_svc.reset_password(admin, "committee", "temporary-1", confirm_loss=2)
    assert vault.reveal(_as(office, "committee"), boxes[0], "consultation:requester") == "ลับ 0"  # nothing changed
    users_svc.reset_password(admin, "committee", "temporary-1", confirm_loss=3)
    assert ("committee", "committee") in users_svc.pending_grants(admin)  # re-requested automatically


def test_with_another_holder_the_reset_passes_and_the_holder_re_grants(office):
    boxes = _seal(office, 2)
    admin = _as(office, "admin")
    users_svc.create_user(admin, "committee2", "กรรมการสอง", ["committee"], "second-pass-1", must_change=False)
    users_svc.approve_grants(_as(office, "committee"))
    assert users_svc.reset_password(admin, "committee", "temporary-1") == ["committee"]
    reset = _as(office, "committee", "temporary-1")
    users_svc.change_password(reset, "temporary-1", "new-pass-123")
    assert vault.reveal(_as(office, "committee", "new-pass-123"), boxes[0], "consultation:requester") == vault.HIDDEN_TH
    assert users_svc.approve_grants(_as(office, "committee2", "second-pass-1")) == [("committee", "committee")]
    assert vault.reveal(_as(office, "committee", "new-pass-123"), boxes[0], "consultation:requester") == "ลับ 0"


def test_a_recovery_code_makes_the_reset_safe_and_ends_the_reminder(office):
    _seal(office, 1)
    admin = _as(office, "admin")
    assert users_custody.home_alerts(admin) and "recovery code" in users_custody.home_alerts(admin)[0][1]
    assert users_custody.home_alerts(_as(office, "hr")) == []
    users_custody.create_recovery_key(admin)
    assert users_custody.home_alerts(admin) == []
    _as(office, "committee")  # the holder's sign-in wraps the committee key to the recovery key
    assert users_custody.reset_loss(admin, "committee") == {}
    users_svc.reset_password(admin, "committee", "temporary-1")


def test_cli_reset_needs_the_confirmation_number(office, monkeypatch, capsys):
    from ethics_tui.cli import main

    _seal(office, 2)

    def feed(*lines):
        monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))

    data = str(office.store.dir)
    feed(PW, "temporary-1")
    assert main(["--data", data, "--user", "admin", "users", "passwd", "committee"]) == 1
    err = capsys.readouterr().err
    assert "2 รายการ" in err and "Traceback" not in err
    feed(PW, "temporary-1")
    assert main(["--data", data, "--user", "admin", "users", "passwd", "committee", "--confirm-loss", "2"]) == 0


def test_demo_prints_a_recovery_code_holding_every_vault(tmp_path, capsys):
    from ethics_tui.cli import main

    assert main(["--data", str(tmp_path / "d"), "demo"]) == 0
    out = capsys.readouterr().out
    assert "รหัสกู้คืน" in out
    ctx = Context.open(tmp_path / "d")
    rec = ctx.store.load()["vault"]["1"]["recovery"]
    assert set(rec["grants"]) == {"committee", "complaints", "hr"}
    code = next(w for w in out.split() if w.count("-") > 5)
    admin = _as(ctx, "admin")
    users_svc.reset_password(admin, "complaints", "temporary-1")
    assert users_custody.recover(admin, code, "complaints") == ["complaints"]
