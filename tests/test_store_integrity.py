"""Issue 15, items 1-9: the store after a failed save, and tampering and deletion.

A failed save (full disk, a file that cannot be replaced, text that cannot be encoded, an
exception) leaves cache, disk and audit log as they were; the audit log ties every file to its
newest save, so deleted, emptied, replaced or edited files and cut log tails stay reported.
"""

from __future__ import annotations

import errno
import json
import os
from datetime import date, timedelta

import pytest

from ethics_tui.errors import StorageError, UserError
from ethics_tui.service.context import Context
from ethics_tui.service.verify import verify
from ethics_tui.store import atomic, integrity
from ethics_tui.store import audit as audit_mod
from ethics_tui.store.database import Store


def _store(tmp_path) -> Store:
    store = Store(tmp_path / "data").open(daily_backup=False)
    with store.transaction(actor="t") as tx:
        tx.table("things").insert({"name": "หนึ่ง", "history": [{"kind": "create"}]})
        tx.log("create", "thing", 1)
    return store


def _state(store: Store) -> tuple:
    return (store.path().read_bytes(), store.audit.path.read_bytes(), json.dumps(dict(store.load()), sort_keys=True))


def _fail_data_write(monkeypatch, kind: str):
    if kind == "enospc":

        def boom(fd, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(atomic.os, "write", boom)
    elif kind == "read-only":

        def boom(src, dst):
            raise PermissionError(errno.EACCES, "read-only main.json")

        monkeypatch.setattr(atomic, "_replace_with_retry", boom)


def _reopen_like(store: Store, note="เปิดแก้ไข", text=None):
    """What the appraisal reopen does: change a nested list of the record in place."""
    with store.transaction(actor="t") as tx:
        doc = tx.table("things").get(doc_id=1)
        doc["history"].append({"kind": "reopen", "why": text or note})
        tx.put("things", 1, doc)
        tx.log("reopen", "thing", 1, ["history"], note=note)


# -- 1, 2, 3: a failed save changes nothing, and a retry saves once ---------------------------
@pytest.mark.parametrize("kind", ["enospc", "read-only", "unencodable", "exception"])
def test_failed_save_leaves_cache_disk_and_audit_as_before(tmp_path, monkeypatch, kind):
    store = _store(tmp_path)
    before = _state(store)
    with monkeypatch.context() as m:
        _fail_data_write(m, kind)
        with pytest.raises(Exception) as exc:
            if kind == "exception":
                with store.transaction(actor="t") as tx:
                    doc = tx.table("things").get(doc_id=1)
                    doc["history"].append({"kind": "reopen"})
                    tx.put("things", 1, doc)
                    raise RuntimeError("stop")
            _reopen_like(store, text="\udcc3\udcd4" if kind == "unencodable" else None)
    if kind != "exception":
        assert isinstance(exc.value, StorageError), exc.value
        assert "ไม่ถูกแก้ไข" in exc.value.th
    assert _state(store) == before
    assert not list(store.dir.glob(f"*{atomic.TEMP_MARK}*"))
    _reopen_like(store)  # the retry
    kinds = [h["kind"] for h in store.load()["things"]["1"]["history"]]
    assert kinds == ["create", "reopen"]
    assert [e["action"] for e in store.audit.entries()] == ["create", "reopen"]
    assert verify(store) == []


def test_unencodable_text_names_the_record_in_thai(tmp_path):
    store = _store(tmp_path)
    with pytest.raises(StorageError) as exc:
        with store.transaction() as tx:
            tx.table("staff").insert({"first_name": "สม\udcc3ชาย"})
    assert "staff #1 first_name" in exc.value.th and "อักขระ" in exc.value.th
    with pytest.raises(StorageError):  # in an audit note too
        with store.transaction() as tx:
            tx.log("update", "thing", 1, note="ไฟล์\udcc3.pdf")


def test_failed_audit_append_leaves_no_data_change(tmp_path, monkeypatch):
    store = _store(tmp_path)
    before = _state(store)
    real_open = open

    def failing_open(path, mode="r", *a, **k):
        if "a" in mode:
            raise OSError(errno.ENOSPC, "disk full")
        return real_open(path, mode, *a, **k)

    monkeypatch.setattr(audit_mod, "open", failing_open, raising=False)
    with pytest.raises(StorageError):
        _reopen_like(store)
    monkeypatch.undo()
    assert _state(store) == before


def test_retried_user_creation_leaves_no_orphan_vault(tmp_path, monkeypatch):
    from ethics_tui.service import users
    from ethics_tui.service.demo import DEMO_PASSWORD

    ctx = Context.open(tmp_path / "data", actor="t")
    users.create_user(ctx, "admin", "ผู้ดูแล", ["admin"], DEMO_PASSWORD)
    users.sign_in(ctx, "admin", DEMO_PASSWORD)
    with monkeypatch.context() as m:
        _fail_data_write(m, "enospc")
        with pytest.raises(StorageError):
            users.create_user(ctx, "kam", "กรรมการ", ["committee"], DEMO_PASSWORD)
    assert "committee" not in (ctx.store.load().get("vault", {}).get("1") or {}).get("vaults", {})
    users.create_user(ctx, "kam", "กรรมการ", ["committee"], DEMO_PASSWORD)
    other = Context(store=ctx.store)
    users.sign_in(other, "kam", DEMO_PASSWORD)
    assert "committee" in other.keys  # the key of the vault that exists is held
    assert verify(ctx.store) == []


# -- 4: snapshots, put then insert, ids never reused -------------------------------------------
def test_snapshot_writes_raise_without_touching_the_cache(tmp_path):
    store = _store(tmp_path)
    before = json.dumps(dict(store.load()), sort_keys=True)
    snap = store.snapshot()
    for write in (
        lambda: snap.table("things").insert({"x": 1}),
        lambda: snap.table("things").truncate(),
        lambda: snap.table("things").update({"name": "x"}),
        lambda: snap.drop_table("things"),
        lambda: snap.drop_tables(),
        lambda: snap.table("new").insert({"x": 1}),
    ):
        with pytest.raises(RuntimeError):
            write()
    assert json.dumps(dict(store.load()), sort_keys=True) == before
    with store.transaction() as tx:
        tx.log("touch", "thing", 1)
    assert json.dumps({k: v for k, v in store.load().items() if k != "_meta"}, sort_keys=True) == json.dumps(
        {k: v for k, v in json.loads(before).items() if k != "_meta"}, sort_keys=True
    )


def test_put_then_insert_in_one_transaction(tmp_path):
    store = _store(tmp_path)
    with store.transaction() as tx:
        t = tx.table("things")
        t.insert({"name": "สอง"})
        tx.put("things", 3, {"name": "สาม"})
        assert t.insert({"name": "สี่"}) == 4


def test_record_ids_are_never_reused(tmp_path):
    store = _store(tmp_path)
    with store.transaction() as tx:
        assert tx.table("things").insert({"name": "สอง"}) == 2
    with store.transaction() as tx:
        tx.table("things").remove(doc_ids=[2])
    with Store(store.dir).transaction() as tx:  # another process, after a reload
        assert tx.table("things").insert({"name": "สาม"}) == 3
    with store.transaction() as tx:
        tx.table("things").truncate()
    with store.transaction() as tx:
        assert tx.table("things").insert({"name": "สี่"}) == 4


# -- 5: the cache key can repeat -----------------------------------------------------------------
def test_write_rereads_under_the_lock_even_when_the_cache_key_repeats(tmp_path, monkeypatch):
    a = _store(tmp_path)
    b = Store(a.dir)
    monkeypatch.setattr(Store, "_stat_key", lambda self, path: (1, 1, 1))  # FAT: same key after a change
    a._cache.clear()
    a.load()
    with b.transaction() as tx:
        tx.table("things").insert({"name": "จาก B"})
    with a.transaction() as tx:
        tx.table("things").insert({"name": "จาก A"})
    names = sorted(d["name"] for d in json.loads(a.path().read_text(encoding="utf-8"))["things"].values())
    assert names == ["จาก A", "จาก B", "หนึ่ง"]


# -- 6: a cut audit tail stays detected ----------------------------------------------------------
@pytest.mark.parametrize("cut", ["tail", "whole"])
def test_audit_tail_cut_stays_reported_after_later_saves(tmp_path, cut):
    store = _store(tmp_path)
    for i in range(3):
        with store.transaction(actor="t") as tx:
            tx.table("things").insert({"name": f"ที่ {i}"})
            tx.log("create", "thing", i + 2)
    lines = store.audit.path.read_bytes().splitlines(keepends=True)
    if cut == "tail":
        store.audit.path.write_bytes(b"".join(lines[:-2]))
    else:
        store.audit.path.unlink()
    fresh = Store(store.dir)
    assert verify(fresh)
    with fresh.transaction(actor="t") as tx:  # an ordinary save afterwards
        tx.table("things").update({"name": "แก้"}, doc_ids=[1])
        tx.log("update", "thing", 1, ["name"])
    fresh.log_event("export", "staff")
    problems = verify(Store(store.dir))
    assert any("รายการถูกลบ" in th for th, _ in problems), problems
    assert fresh.notices
    # the guided repair acknowledges it, and says so in the log
    done = integrity.repair(Store(store.dir), "admin")
    assert done and verify(Store(store.dir)) == []
    assert integrity.repairs(Store(store.dir))


# -- 7: deleted and emptied files --------------------------------------------------------------
@pytest.mark.parametrize("how", ["delete", "empty"])
def test_deleted_or_emptied_main_is_refused_not_a_new_office(demo_ctx, how):
    from ethics_tui.service import users

    path = demo_ctx.store.path()
    if how == "delete":
        path.unlink()
    else:
        path.write_text("{}", encoding="utf-8")
    problems = verify(Store(demo_ctx.store.dir))
    assert any("main.json" in th for th, _ in problems), problems
    with pytest.raises(StorageError) as exc:
        Context.open(demo_ctx.store.dir)
    assert "restore" in exc.value.th
    with pytest.raises(StorageError):  # a sign-in on the old Store object never starts setup mode
        users.sign_in(Context(store=Store(demo_ctx.store.dir)), "admin", "demo1234")


def test_deleted_acks_file_is_reported_and_not_recreated(demo_ctx):
    from ethics_tui.service import notices_acks

    acks = sorted(demo_ctx.store.dir.glob("acks-*.json"))
    assert acks
    acks[0].unlink()
    problems = verify(Store(demo_ctx.store.dir))
    assert any(acks[0].name in th and "ถูกลบ" in th for th, _ in problems), problems
    with pytest.raises(StorageError):
        with Store(demo_ctx.store.dir).transaction(acks[0].stem) as tx:
            tx.table(notices_acks.ACKS).insert({"staff_id": 1})


def test_file_replaced_by_an_older_copy_or_edited_by_hand_is_reported(tmp_path):
    store = _store(tmp_path)
    old = store.path().read_bytes()
    _reopen_like(store)
    store.path().write_bytes(old)
    assert any("ฉบับเก่า" in th for th, _ in verify(Store(store.dir)))
    _reopen_like(Store(store.dir))
    data = json.loads(store.path().read_text(encoding="utf-8"))
    data["things"]["1"]["name"] = "แก้นอกโปรแกรม"
    store.path().write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert any("นอกโปรแกรม" in th for th, _ in verify(Store(store.dir)))


def test_save_killed_between_audit_and_file_is_recorded_void(tmp_path):
    store = _store(tmp_path)
    before = store.path().read_bytes()
    _reopen_like(store)
    store.path().write_bytes(before)  # as if killed after the audit append, before the replace
    assert verify(Store(store.dir))  # the log claims a change the file does not have
    again = Store(store.dir).open(daily_backup=False)
    assert again.notices
    assert [e["action"] for e in again.audit.entries()][-1] == "void"
    assert verify(again) == []


# -- 8: one bad audit line -----------------------------------------------------------------------
@pytest.mark.parametrize("where", ["last", "middle"])
def test_bad_audit_line_is_set_aside_by_a_recorded_repair(tmp_path, where):
    store = _store(tmp_path)
    for i in range(3):
        _reopen_like(store, note=f"ครั้งที่ {i}")
    lines = store.audit.path.read_bytes().splitlines(keepends=True)
    n = len(lines) - 1 if where == "last" else 1
    lines[n] = b'{"seq": broken\n'
    store.audit.path.write_bytes(b"".join(lines))
    damaged = b"".join(lines[n:])
    fresh = Store(store.dir)
    assert verify(fresh)
    if where == "last":
        with pytest.raises(StorageError) as exc:
            _reopen_like(fresh)
        assert "verify --repair" in exc.value.th
    done = integrity.repair(Store(store.dir), "admin")
    kept = sorted(store.dir.glob("audit-damaged-*.jsonl"))
    assert kept and kept[0].read_bytes() == damaged  # kept, never deleted
    assert any(kept[0].name in th for th, _ in done)
    after = Store(store.dir)
    assert verify(after) == []
    _reopen_like(after)  # everyone can work again
    assert verify(Store(store.dir)) == []
    assert any(e.get("action") == "repair" for e in after.audit.entries())


def test_cli_verify_repair(tmp_path, capsys):
    from ethics_tui.cli import main

    store = _store(tmp_path)
    _reopen_like(store)
    raw = store.audit.path.read_bytes()
    store.audit.path.write_bytes(raw[:-20] + b"xx\n")
    assert main(["--data", str(store.dir), "verify"]) == 1
    assert "verify --repair" in capsys.readouterr().out
    assert main(["--data", str(store.dir), "verify", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "audit-damaged-" in out and "ถูกต้องครบถ้วน" in out


# -- 9: verify covers the private registers and the acks files -------------------------------------
def test_verify_reports_damage_in_consultations_users_numbers_and_acks(demo_ctx):
    from ethics_tui.service import committee_consultations as cc

    store = demo_ctx.store
    data = json.loads(store.path().read_text(encoding="utf-8"))
    cid = next(iter(data["consultations"]))
    data["consultations"][cid]["consulted_on"] = data["consultations"][cid]["consulted_on"].replace("-", "/", 1)
    uid = next(iter(data["users"]))
    data["users"][uid].pop("pw")
    nums = data["numbers"]
    first = next(iter(nums.values()))
    nums["9999"] = dict(first)
    store.path().write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    acks = sorted(store.dir.glob("acks-*.json"))[0]
    adata = json.loads(acks.read_text(encoding="utf-8"))
    next(iter(adata["acks"].values()))["status"] = "ack\u0000"
    acks.write_text(json.dumps(adata, ensure_ascii=False), encoding="utf-8")
    problems = [th for th, _ in verify(Store(store.dir))]
    assert any(p.startswith(f"consultations #{cid} consulted_on") for p in problems), problems
    assert any(p.startswith(f"users #{uid}") for p in problems)
    assert any(p.startswith("numbers #9999") and "ซ้ำ" in p for p in problems)
    assert any(p.startswith(f"{acks.stem} acks #") for p in problems)
    assert any("นอกโปรแกรม" in p for p in problems)
    from ethics_tui.service.demo import demo_sign_in

    ctx = demo_sign_in(Context(store=Store(store.dir)), "committee")  # a save after the hand edit
    assert any("นอกโปรแกรม" in th for th, _ in verify(Store(store.dir)))  # still reported
    today = date.today() - timedelta(days=1)
    fy = today.year + 543 + (1 if today.month >= 10 else 0)
    with pytest.raises(UserError) as exc:
        cc.stats(ctx, fy)
    assert "verify" in exc.value.th


def test_crash_log_survives_lone_surrogates(tmp_path, capsys):
    from ethics_tui.tui import crash

    path = crash.setup_logging(tmp_path)
    try:
        raise ValueError("ชื่อไฟล์ \udcc3\udcd4.pdf")
    except ValueError as exc:
        crash.logger.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    for h in crash.logger.handlers:
        h.flush()
    assert "\\udcc3" in path.read_text(encoding="utf-8")
    assert "Logging error" not in capsys.readouterr().err


def test_retried_appraisal_reopen_saves_one_history_entry(demo_ctx, monkeypatch):
    from ethics_tui.model.appraisal import AppraisalRound
    from ethics_tui.service import appraisal as svc
    from ethics_tui.service import appraisal_review
    from ethics_tui.service import staff as staff_svc

    people = [r.staff.id for r in staff_svc.search(demo_ctx)][:2]
    from ethics_tui.model.appraisal import round_of

    rnd = svc.create_round(
        demo_ctx, AppraisalRound(*round_of(date.today()), criteria_text="หลักเกณฑ์ทดสอบ"), staff_ids=people
    )
    rid = svc.list_results(demo_ctx, rnd.id)[0].result.id
    svc.set_scores(demo_ctx, rid, "50", "20")
    appraisal_review.mark_notified(demo_ctx, rid, date.today() - timedelta(days=2))
    appraisal_review.acknowledge(demo_ctx, rid, date.today())
    with monkeypatch.context() as m:
        _fail_data_write(m, "enospc")
        with pytest.raises(StorageError):
            appraisal_review.reopen(demo_ctx, rid, "พิมพ์คะแนนผิดช่อง")
    appraisal_review.reopen(demo_ctx, rid, "พิมพ์คะแนนผิดช่อง")
    assert [h["kind"] for h in appraisal_review.history(demo_ctx, rid)].count("reopen") == 1
    reopens = [e for e in demo_ctx.store.audit.entries() if e.get("action") == "reopen"]
    assert len(reopens) == 1


def test_removed_users_table_does_not_start_setup_mode(demo_ctx):
    path = demo_ctx.store.path()
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("users")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StorageError) as exc:
        Context.open(demo_ctx.store.dir)
    assert "restore" in exc.value.th and "บัญชีผู้ใช้" in exc.value.th


def test_ids_handed_out_then_truncated_in_one_transaction_are_not_reused(tmp_path):
    store = _store(tmp_path)
    with store.transaction() as tx:
        t = tx.table("things")
        assert t.insert({"name": "สอง"}) == 2
        t.truncate()
        assert t.insert({"name": "สาม"}) == 3


def test_deleted_main_can_be_restored_without_signing_in(demo_ctx):
    from ethics_tui.service import backups
    from ethics_tui.store.backup import create_backup

    path = create_backup(demo_ctx.store)
    demo_ctx.store.path().unlink()
    fresh = Store(demo_ctx.store.dir)
    assert not backups.database_readable(fresh)
    backups.restore(Context(store=fresh), path)
    assert verify(Store(demo_ctx.store.dir)) == []
    Context.open(demo_ctx.store.dir)  # opens again


def test_open_waits_for_a_first_save_between_its_audit_entry_and_its_file(tmp_path, monkeypatch):
    """A save writes the audit log first and the file second: a process that opens the folder in
    between (two PCs starting a new office at once) must wait for the lock and look again, not
    report main.json as deleted (seen as a flaky two-process import test)."""
    from contextlib import contextmanager

    data = tmp_path / "data"
    store = Store(data).open()
    with store.transaction(actor="t") as tx:
        tx.table("staff").insert({"code": "A1"})
    main = data / "main.json"
    parked = tmp_path / "main.json.writing"
    main.rename(parked)  # the other writer has appended its audit entry, not yet its file
    real = Store.locked

    @contextmanager
    def locked(self):
        if parked.exists():
            parked.rename(main)  # ... and finishes while we wait for its lock
        with real(self):
            yield

    monkeypatch.setattr(Store, "locked", locked)
    opened = Store(data).open()
    assert opened.load()["staff"]
    main.unlink()  # a file really deleted is still refused, after the second look
    with pytest.raises(StorageError):
        Store(data).open()
