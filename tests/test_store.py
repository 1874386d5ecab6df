import errno
import json
import os
import zipfile

import pytest

from ethics_tui.errors import ConflictError, CorruptDatabaseError, StorageError, UserError
from ethics_tui.model.staff import Staff
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.service.verify import verify
from ethics_tui.store import atomic, backup, migrations
from ethics_tui.store.database import Store


def _person(div_id, **kw):
    base = dict(
        prefix="นาย",
        first_name="สมชาย",
        last_name="ใจดี",
        position="นิติกร",
        division_id=div_id,
        staff_type="พนักงานส่วนตำบล",
    )
    base.update(kw)
    return Staff(**base)


def test_transaction_writes_utf8_without_escapes(ctx):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    staff_svc.add(ctx, _person(d.id))
    raw = ctx.store.path().read_bytes()
    assert "สมชาย".encode() in raw
    assert b"\\u0e" not in raw
    assert json.loads(raw)["_meta"]["1"]["schema"] == migrations.CURRENT_SCHEMA


def test_exception_inside_transaction_writes_nothing(ctx):
    d = settings_svc.add_division(ctx, "กองคลัง")
    before = ctx.store.path().read_bytes()
    with pytest.raises(RuntimeError), ctx.store.transaction() as tx:
        tx.table("staff").insert({"x": 1})
        tx.table("divisions").update({"name": "เปลี่ยน"}, doc_ids=[d.id])
        raise RuntimeError("boom")
    assert ctx.store.path().read_bytes() == before
    # the in-memory cache was not changed by the aborted update either
    assert settings_svc.list_divisions(ctx)[0].name == "กองคลัง"
    assert ctx.store.load().get("staff", {}) == {}


def test_second_process_write_is_reloaded_not_lost(tmp_path):
    a = Context.open(tmp_path, actor="a")
    b = Context.open(tmp_path, actor="b")
    d = settings_svc.add_division(a, "สำนักปลัด")
    staff_svc.add(a, _person(d.id, first_name="หนึ่ง"))
    staff_svc.add(b, _person(d.id, first_name="สอง"))  # b never read a's write before
    staff_svc.add(a, _person(d.id, first_name="สาม"))
    names = sorted(r.staff.first_name for r in staff_svc.search(Context.open(tmp_path)))
    assert names == ["สอง", "สาม", "หนึ่ง"]
    assert verify(a.store) == []


def test_revision_clash_is_refused(tmp_path):
    a = Context.open(tmp_path)
    b = Context.open(tmp_path)
    d = settings_svc.add_division(a, "สำนักปลัด")
    s = staff_svc.add(a, _person(d.id))
    mine = staff_svc.get(a, s.id)
    theirs = staff_svc.get(b, s.id)
    theirs.position = "นักทรัพยากรบุคคล"
    staff_svc.update(b, theirs)
    mine.phone = "0812345678"
    with pytest.raises(ConflictError) as exc:
        staff_svc.update(a, mine)
    assert "ผู้อื่น" in exc.value.th
    assert staff_svc.get(a, s.id).position == "นักทรัพยากรบุคคล"


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"staff": [1,2]}', b"\xff\xfe\x00", b"[]"])
def test_corrupt_file_is_reported_and_never_overwritten(tmp_path, garbage):
    (tmp_path / "main.json").write_bytes(garbage)
    with pytest.raises(CorruptDatabaseError) as exc:
        Store(tmp_path).open()
    assert "เสียหาย" in exc.value.th and "corrupt" in exc.value.en
    assert (tmp_path / "main.json").read_bytes() == garbage
    with pytest.raises(CorruptDatabaseError), Store(tmp_path).transaction() as tx:
        tx.table("staff").insert({"a": 1})
    assert (tmp_path / "main.json").read_bytes() == garbage


def test_corrupt_file_offers_newest_good_backup(demo_ctx):
    store = demo_ctx.store
    good = backup.create_backup(store)
    store.path().write_text("{broken", encoding="utf-8")
    with pytest.raises(CorruptDatabaseError) as exc:
        Store(store.dir).open()
    assert exc.value.backup == good
    assert str(good) in exc.value.th
    # and that backup restores the office
    backup.restore_backup(Store(store.dir), good)
    from ethics_tui.service.demo import demo_sign_in

    assert staff_svc.count(demo_sign_in(Context.open(store.dir))) == 58


def test_stale_temp_files_are_removed_on_open(tmp_path):
    Context.open(tmp_path)
    stale = tmp_path / f"main.json{atomic.TEMP_MARK}999-deadbeef"
    stale.write_bytes(b"x" * 1000)
    Store(tmp_path).open()
    assert not stale.exists()


@pytest.mark.parametrize("code, th", [(errno.ENOSPC, "ดิสก์เต็ม"), (errno.EROFS, "อ่านอย่างเดียว"), (errno.EACCES, "ไม่มีสิทธิ์")])
def test_disk_full_or_read_only_loses_nothing(ctx, monkeypatch, code, th):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    staff_svc.add(ctx, _person(d.id))
    before = ctx.store.path().read_bytes()
    real_write = os.write

    def failing_write(fd, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "write", failing_write)
    with pytest.raises(StorageError) as exc:
        staff_svc.add(ctx, _person(d.id, first_name="ใหม่"))
    monkeypatch.setattr(atomic.os, "write", real_write)
    assert th in exc.value.th and "not changed" in exc.value.en
    assert ctx.store.path().read_bytes() == before
    assert not list(ctx.store.dir.glob(f"*{atomic.TEMP_MARK}*"))
    assert [r.staff.first_name for r in staff_svc.search(Context.open(ctx.store.dir))] == ["สมชาย"]


def test_replace_retries_then_reports_on_windows(tmp_path, monkeypatch):
    calls = []

    def locked_replace(src, dst):
        calls.append(1)
        raise PermissionError(errno.EACCES, "in use")

    monkeypatch.setattr(atomic.os, "replace", locked_replace)
    monkeypatch.setattr(atomic, "IS_WINDOWS", True)
    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.2)
    target = tmp_path / "x.json"
    target.write_text("old")
    with pytest.raises(StorageError):
        atomic.atomic_write_bytes(target, b"new")
    assert len(calls) > 1
    assert target.read_text() == "old"


def test_migration_from_unversioned_file_takes_a_backup(tmp_path):
    (tmp_path / "main.json").write_text(
        json.dumps({"divisions": {"1": {"name": "สำนักปลัด", "active": True}}}), encoding="utf-8"
    )
    store = Store(tmp_path).open()
    data = store.load()
    assert migrations.schema_of(data) == migrations.CURRENT_SCHEMA
    assert data["divisions"]["1"]["rev"] == 0
    assert any("pre-migrate" in p.name for p in backup.auto_backups(store))
    assert any(e["action"] == "migrate" for e in store.audit.entries())


def test_newer_schema_is_refused(tmp_path):
    (tmp_path / "main.json").write_text(json.dumps({"_meta": {"1": {"schema": 99}}}), encoding="utf-8")
    with pytest.raises(StorageError) as exc:
        Store(tmp_path).open()
    assert "รุ่นใหม่กว่า" in exc.value.th


def test_backups_rotate(demo_ctx):
    store = demo_ctx.store
    store.backup_keep = 3
    for _ in range(6):
        backup.create_backup(store)
    assert len(backup.auto_backups(store)) == 3


def test_restore_refuses_damaged_backup_and_keeps_data(demo_ctx, tmp_path):
    store = demo_ctx.store
    path = backup.create_backup(store, tmp_path / "b.zip")
    # flip bytes inside main.json of the backup
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.namelist():
            data = src.read(item)
            if item == "main.json":
                data = data.replace("สมชาย".encode(), "สมศรี".encode(), 1) if "สมชาย".encode() in data else data + b" "
            dst.writestr(item, data)
    before = store.path().read_bytes()
    with pytest.raises(UserError) as exc:
        backup.restore_backup(store, damaged)
    assert "ไม่ได้กู้คืน" in exc.value.th
    assert store.path().read_bytes() == before
    for bad in (tmp_path / "nothere.zip", store.path()):
        with pytest.raises(UserError):
            backup.restore_backup(store, bad)


def test_restore_saves_current_state_first(demo_ctx, tmp_path):
    store = demo_ctx.store
    snap = backup.create_backup(store, tmp_path / "snap.zip")
    staff_svc.deactivate(demo_ctx, 1)
    saved = backup.restore_backup(store, snap)
    assert saved is not None and saved.exists()
    assert staff_svc.get(demo_ctx, 1).active is True
    # the pre-restore backup holds the deactivation
    with zipfile.ZipFile(saved) as zf:
        assert json.loads(zf.read("main.json"))["staff"]["1"]["active"] is False
    assert verify(store) == []
    assert [e["action"] for e in store.audit.entries()][-1] == "restore"


def test_a_clean_open_takes_no_lock_but_a_torn_audit_line_is_still_repaired(demo_ctx, monkeypatch):
    store = Store(demo_ctx.store.dir)
    calls = []
    real = Store.locked
    monkeypatch.setattr(Store, "locked", lambda self: (calls.append(1), real(self))[1])
    store.open()  # takes today's automatic backup (under the lock)
    assert calls
    calls.clear()
    Store(store.dir).open()
    assert calls == []  # today's backup exists, nothing torn, nothing to migrate
    with open(store.audit.path, "ab") as f:
        f.write(b'{"seq": 9999, "torn')
    Store(store.dir).open()
    assert calls and store.audit.path.read_bytes().endswith(b"\n")
    assert verify(Store(store.dir)) == []
