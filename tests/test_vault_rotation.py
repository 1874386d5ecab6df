"""Revocation rotates the data key (issue 14 item 2): a copied OLD backup opened with the
revoked user's unchanged password yields a key that cannot open values sealed afterwards."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import pytest

from ethics_tui.service import committee_consultations
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody
from ethics_tui.service import vault
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.store import backup, crypto

PW = "demo1234"


def _as(ctx, name, pw=PW):
    c = Context(store=ctx.store)
    users_svc.sign_in(c, name, pw)
    return c


def _consult(com, question):
    base = committee_consultations.list_consultations(com)[0]
    return committee_consultations.save_consultation(
        com, replace(base, id=None, rev=0, question=question, retain_until="")
    )


def _box(ctx, cid, field="question"):
    return ctx.store.load()["consultations"][str(cid)][field]


def _old_copy(ctx, tmp_path):
    """A backup taken now, unzipped elsewhere (what a revoked user may have kept)."""
    zpath = backup.create_backup(ctx.store, tmp_path / "old.zip")
    folder = tmp_path / "old"
    folder.mkdir()
    with zipfile.ZipFile(zpath) as zf:
        (folder / "main.json").write_bytes(zf.read("main.json"))
    return folder


def test_old_backup_key_cannot_open_values_sealed_after_revocation(demo_ctx, tmp_path):
    ctx = demo_ctx
    admin = demo_sign_in(Context(store=ctx.store), "admin")
    code = users_custody.create_recovery_key(admin)
    users_svc.create_user(admin, "committee2", "กรรมการสอง", ["committee"], "secret-pass-2", must_change=False)
    assert users_svc.approve_grants(_as(ctx, "committee")) == [("committee2", "committee")]
    before = _consult(_as(ctx, "committee"), "คำถามก่อนถอนสิทธิ์")
    long_session = _as(ctx, "committee")  # stays open across the revocation
    old = _old_copy(ctx, tmp_path)

    users_svc.set_roles(admin, "committee2", ["viewer"])
    after = _consult(_as(ctx, "committee"), "คำถามหลังถอนสิทธิ์")
    stale = _consult(long_session, "คำถามจากหน้าจอที่เปิดค้างไว้")

    # the attacker: the old copy, the revoked user's unchanged password
    attacker = Context.open(old)
    users_svc.sign_in(attacker, "committee2", "secret-pass-2")
    old_key = attacker.keys["committee"]
    assert crypto.decrypt_value(old_key, _box(attacker, before.id), "consultation:question") == "คำถามก่อนถอนสิทธิ์"
    for cid in (after.id, stale.id):
        box = _box(ctx, cid)
        with pytest.raises(crypto.CryptoError):
            crypto.decrypt_value(old_key, box, "consultation:question")
        assert vault.reveal(attacker, box, "consultation:question") == vault.HIDDEN_TH
    # the live office: remaining holders read everything; the revoked user reads nothing
    com = _as(ctx, "committee")
    assert [committee_consultations.get_consultation(com, i).question for i in (before.id, after.id, stale.id)] == [
        "คำถามก่อนถอนสิทธิ์",
        "คำถามหลังถอนสิทธิ์",
        "คำถามจากหน้าจอที่เปิดค้างไว้",
    ]
    revoked = _as(ctx, "committee2", "secret-pass-2")
    assert "committee" not in revoked.keys and not revoked.keyring
    # the admin held no committee key: the holder's sign-in re-encrypted the older values
    assert int(_box(ctx, before.id).get("g", 0)) == 1
    assert not any(u.get("old_grants") for u in ctx.store.load()["users"].values())
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt_value(old_key, _box(ctx, before.id), "consultation:question")
    # the recovery code follows the new key
    users_svc.reset_password(admin, "committee", "temporary-9")
    users_custody.recover(admin, code, "committee")
    users_svc.change_password(_as(ctx, "committee", "temporary-9"), "temporary-9", "new-pass-99")
    again = _as(ctx, "committee", "new-pass-99")
    assert committee_consultations.get_consultation(again, after.id).question == "คำถามหลังถอนสิทธิ์"
    assert committee_consultations.get_consultation(again, before.id).question == "คำถามก่อนถอนสิทธิ์"
    assert any(e["action"] == "rotate" for e in ctx.store.audit.entries())


def test_revoker_holding_the_key_reencrypts_in_the_same_transaction(demo_ctx, tmp_path):
    """The demo admin holds the hr key: disabling the executive (an hr key holder) re-encrypts
    every hr value at once; the executive's key from an old copy opens none of them."""
    ctx = demo_ctx
    admin = demo_sign_in(Context(store=ctx.store), "admin")
    old = _old_copy(ctx, tmp_path)
    results = ctx.store.load()["appraisal_results"]
    sealed = [r["scores"] for r in results.values() if crypto.is_encrypted(r.get("scores"))]
    assert sealed
    users_svc.set_active(admin, "executive", False)
    attacker = Context.open(old)
    users_svc.sign_in(attacker, "executive", PW)
    old_key = attacker.keys["hr"]
    now = [r["scores"] for r in ctx.store.load()["appraisal_results"].values() if crypto.is_encrypted(r.get("scores"))]
    assert len(now) == len(sealed) and all(int(b.get("g", 0)) == 1 for b in now)
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt_value(old_key, now[0], "appraisal_result:scores")
    hr = _as(ctx, "hr")
    assert vault.reveal(hr, now[0], "appraisal_result:scores").startswith("{")
    assert not any(u.get("old_grants") for u in ctx.store.load()["users"].values())
