"""Issue 15 items 10-13 and 18: restore checks first and switches atomically; manual backups
are kept; member names are safe on every platform; cleanup removes only our own temp files."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service import backups as backups_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.service.verify import verify
from ethics_tui.store import atomic, backup, restore, tables
from ethics_tui.store.database import Store


def _zip(path: Path, files: dict[str, bytes], manifest_files: dict | None = None) -> Path:
    listed = {k: hashlib.sha256(v).hexdigest() for k, v in files.items()}
    manifest = {"format": backup.FORMAT, "files": listed if manifest_files is None else manifest_files}
    with zipfile.ZipFile(path, "w") as zf:
        for k, v in files.items():
            zf.writestr(k, v)
        zf.writestr(backup.MANIFEST, json.dumps(manifest))
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != backup.MANIFEST}


def _state(store: Store) -> dict[str, bytes]:
    return {p.relative_to(store.dir).as_posix(): p.read_bytes() for p in backup.files_to_save(store)}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo office once per module: a backup, then staff #1 deactivated after it. Its
    larger tables (staff, appraisal results) are in their own files (store/tables.py)."""
    from unittest import mock

    from ethics_tui.service.demo import demo_sign_in, load_demo

    root = tmp_path_factory.mktemp("template")
    # the root keeps its small tables (ROOT_MAX): fewer files, so fewer renames to kill at
    with mock.patch.object(tables, "SPLIT_AT", 20), mock.patch.object(tables, "ROOT_MAX", 10**9):
        ctx = Context.open(root / "data", actor="tester")
        load_demo(ctx)
        demo_sign_in(ctx, "admin")
        assert tables.files_in(ctx.store.dir)
        backup.create_backup(ctx.store, root / "snap.zip")
        staff_svc.deactivate(ctx, 1)
        Store(ctx.store.dir).open()  # today's backup
    return root


class _Office:
    def __init__(self, store):
        self.store = store


@pytest.fixture
def office(template, tmp_path):
    import shutil

    shutil.copytree(template / "data", tmp_path / "data")
    return _Office(Store(tmp_path / "data")), template / "snap.zip"


# -- item 10: checked before anything is replaced -------------------------------------------
def _variant(tmp_path, snap, name, change):
    files = _members(snap)
    change(files)
    return _zip(tmp_path / f"{name}.zip", files)


def _schema99(files):
    data = json.loads(files["main.json"])
    data["_meta"]["1"]["schema"] = 99
    files["main.json"] = json.dumps(data).encode()


def _audit_edit(files):
    lines = files["audit.jsonl"].splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"actor":"admin"', b'"actor":"mallory"', 1)
    files["audit.jsonl"] = b"".join(lines)


@pytest.mark.parametrize(
    "name, change, th",
    [
        ("schema99", _schema99, "รุ่นใหม่กว่า"),
        ("no-main", lambda f: f.pop("main.json"), "main.json"),
        ("main-list", lambda f: f.__setitem__("main.json", b"[]"), "ไม่ใช่ฐานข้อมูล"),
        ("main-table-list", lambda f: f.__setitem__("main.json", b'{"staff": []}'), "ไม่ใช่ฐานข้อมูล"),
        ("audit-edited", _audit_edit, "ตรวจสอบแล้วพบปัญหา"),
    ],
)
def test_restore_refuses_a_backup_that_would_break_the_office(office, tmp_path, name, change, th):
    ctx, snap = office
    bad = _variant(tmp_path, snap, name, change)
    before = _state(ctx.store)
    with pytest.raises(UserError) as exc:
        backup.restore_backup(ctx.store, bad)
    assert th in exc.value.th and "ไม่ได้กู้คืน" in exc.value.th
    assert _state(ctx.store) == before
    assert not any(p.name.startswith((restore.STAGE_PREFIX, restore.OLD_PREFIX)) for p in ctx.store.dir.iterdir())
    assert not list(ctx.store.backups_dir.glob("*pre-restore*"))  # refused before saving anything


def test_restore_refuses_bad_zip_and_manifest_mismatch(office, tmp_path):
    ctx, snap = office
    before = _state(ctx.store)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not a zip")
    files = _members(snap)
    mismatch = _zip(tmp_path / "mm.zip", files, {**{k: "0" * 64 for k in files}})
    for bad in (junk, mismatch, tmp_path):
        with pytest.raises(UserError) as exc:
            backup.restore_backup(ctx.store, bad)
        assert "ไม่ได้กู้คืน" in exc.value.th
    assert _state(ctx.store) == before


def test_restore_writes_only_files_the_app_owns(office, tmp_path):
    ctx, snap = office
    store = ctx.store
    store.logs_dir.mkdir(exist_ok=True)
    (store.logs_dir / "ethics-tui.log").write_text("mine")
    (store.dir / "notes.json").write_text("[1, 2]")  # a user's file: not ours
    files = _members(snap)
    files["logs/ethics-tui.log"] = b"overwritten"
    files["backups/auto-20000101-000000-000000-daily.zip"] = b"x"
    files["notes2.json"] = b"{}"
    hostile = _zip(tmp_path / "hostile.zip", files)
    kept = sorted(p.name for p in store.backups_dir.iterdir())
    backup.restore_backup(store, hostile)
    assert (store.logs_dir / "ethics-tui.log").read_text() == "mine"
    assert (store.dir / "notes.json").read_text() == "[1, 2]"
    assert not (store.dir / "notes2.json").exists()
    now = sorted(p.name for p in store.backups_dir.iterdir())
    assert set(kept) <= set(now) and "auto-20000101-000000-000000-daily.zip" not in now
    assert store.load()["staff"]["1"]["active"] is True
    assert verify(store) == []


# -- item 11: one atomic switch with a journal --------------------------------------------
class Killed(BaseException):
    pass


KILL_POINTS = 24  # the renames of a restore of the demo with its table files


@pytest.mark.parametrize("kill_at", range(1, KILL_POINTS + 1))
def test_a_killed_restore_is_completed_or_never_started(office, monkeypatch, kill_at):
    ctx, snap = office
    store = ctx.store
    old = _state(store)
    real = os.replace
    calls = []

    def dying_replace(src, dst):
        calls.append((src, dst))
        if len(calls) == kill_at:
            raise Killed
        return real(src, dst)

    monkeypatch.setattr(restore.os, "replace", dying_replace)
    try:
        backup.restore_backup(store, snap)
    except Killed:
        pass
    monkeypatch.setattr(restore.os, "replace", real)
    fresh = Store(store.dir).open(daily_backup=False)
    assert verify(fresh) == []
    assert not (store.dir / restore.JOURNAL).exists()
    assert not any(p.name.startswith((restore.STAGE_PREFIX, restore.OLD_PREFIX)) for p in store.dir.iterdir())
    assert not atomic.stale_temp_files(store.dir)
    actions = [e["action"] for e in fresh.audit.entries()]
    restored = actions[-1] == "restore"
    active = fresh.load()["staff"]["1"]["active"]
    if restored:
        assert active is True
        assert any("เสร็จ" in th for th, _ in fresh.notices) or len(calls) < kill_at
    else:
        assert active is False and _state(fresh) == old


def test_the_kill_test_reaches_every_step_of_the_switch(office, monkeypatch):
    ctx, snap = office
    calls = []
    real = os.replace
    monkeypatch.setattr(restore.os, "replace", lambda s, d: (calls.append(Path(d).name), real(s, d))[1])
    backup.restore_backup(ctx.store, snap)
    # every rename, up to the last one of the switch, is a kill point of the test above
    assert len(calls) <= KILL_POINTS and calls[-1] in {"main.json", "files"} | {
        p.name for p in ctx.store.dir.glob("*.json*")
    }


# -- item 12: manual backups kept, killed backups cleaned -----------------------------------
def test_manual_backups_survive_rotation(demo_ctx):
    store = demo_ctx.store
    store.backup_keep = 2
    manual = backups_svc.backup_now(demo_ctx)
    assert manual.name.startswith("manual-")
    for _ in range(4):
        backup.create_backup(store)
    assert manual.exists()
    assert len(backup.auto_backups(store)) == 2
    assert backup.newest_good_backup(store) == backup.all_backups(store)[-1]


def test_killed_backup_temp_file_is_removed_but_user_files_are_not(demo_ctx):
    store = demo_ctx.store
    store.backups_dir.mkdir(exist_ok=True)
    ours = store.backups_dir / "auto-20260101-000000-000000-daily.zip.tmp-4242-0a1b2c3d"
    ours.write_bytes(b"half a zip")
    ours_main = store.dir / "main.json.tmp-77-deadbeef"
    ours_main.write_bytes(b"{")
    users = [
        store.dir / "budget.tmp-final.xlsx",
        store.dir / "x.tmp-12-nothex!!",
        store.backups_dir / "my.tmp-copy.zip",
    ]
    for p in users:
        p.write_bytes(b"user data")
    Store(store.dir).open()
    assert not ours.exists() and not ours_main.exists()
    assert all(p.read_bytes() == b"user data" for p in users)


def test_backups_stream_files_instead_of_reading_them_whole(demo_ctx, tmp_path, monkeypatch):
    def no_read_bytes(self):
        raise AssertionError("read whole file into memory")

    monkeypatch.setattr(Path, "read_bytes", no_read_bytes)
    out = backup.create_backup(demo_ctx.store, tmp_path / "s.zip")
    monkeypatch.undo()
    assert backup.check_backup(out)
    assert set(_members(out)) == set(_state(demo_ctx.store))


# -- item 13: member names -------------------------------------------------------------------
@pytest.mark.parametrize(
    "rel",
    [
        "C:/Windows/Temp/x",
        "C:x",
        "\\Users\\Public\\x",
        "files\\..\\x",
        "/etc/passwd",
        "../x",
        "files/../../x",
        "//server/share/x",
        "files//x",
        "./main.json",
        "",
        "files/a\x00b",
        "files/\x1b[2Jx",
    ],
)
def test_unsafe_member_names_are_refused_on_every_platform(rel, office, tmp_path):
    assert not backup.safe_member(rel)
    ctx, snap = office
    files = _members(snap)
    files[rel or "x"] = b"evil"
    listed = {k: hashlib.sha256(v).hexdigest() for k, v in files.items()}
    listed[rel] = listed.pop(rel or "x")
    bad = tmp_path / "names.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for k, v in files.items():
            zf.writestr(k, v)
        zf.writestr(backup.MANIFEST, json.dumps({"format": backup.FORMAT, "files": listed}))
    with pytest.raises(UserError) as exc:
        backup.restore_backup(ctx.store, bad)
    assert "ไม่ปลอดภัย" in exc.value.th


@pytest.mark.parametrize("rel", ["main.json", "acks-3.json", "audit.jsonl", "files/notices/ab12.pdf"])
def test_safe_member_names_pass(rel):
    assert backup.safe_member(rel) and backup.owned_member(rel)


# -- item 18: stray files, read-only folders -------------------------------------------------
def test_a_stray_json_file_is_ignored(demo_ctx, tmp_path):
    store = demo_ctx.store
    (store.dir / "notes.json").write_text("meeting notes, not json")
    (store.dir / "list.json").write_text("[1, 2, 3]")
    fresh = Context.open(store.dir)
    assert "notes" not in fresh.store.db_names()
    assert staff_svc.count(demo_ctx) == 58
    assert verify(fresh.store) == []
    out = backup.create_backup(fresh.store, tmp_path / "b.zip")
    assert "notes.json" not in _members(out)


def test_a_read_only_folder_opens_and_reads_without_writing(demo_ctx, monkeypatch):
    store = demo_ctx.store
    Store(store.dir).open()  # today's backup exists
    (store.dir / "main.json.tmp-5-0a0b0c0d").write_bytes(b"x")  # cleanup would need to write
    before = {p: p.stat().st_mtime_ns for p in store.dir.rglob("*")}
    monkeypatch.setattr(os, "access", lambda *a, **k: False)

    def no_lock(self):
        raise AssertionError("took the write lock in a read-only folder")

    monkeypatch.setattr(Store, "locked", no_lock)
    monkeypatch.setattr(atomic, "atomic_write_bytes", lambda *a: (_ for _ in ()).throw(AssertionError("write")))
    ro = Store(store.dir).open()
    assert any("อ่านอย่างเดียว" in th for th, _ in ro.notices)
    assert len(ro.load()["staff"]) == 58
    assert ro.snapshot().table("staff").count(lambda d: True) == 58
    verify(ro)
    assert {p: p.stat().st_mtime_ns for p in store.dir.rglob("*")} == before


# -- backup to a folder or USB drive (issue 17 item 10) ----------------------------------------
def test_backup_to_a_folder_is_whole_or_absent_when_the_disk_fills(demo_ctx, tmp_path, monkeypatch):
    import errno

    import pytest

    from ethics_tui.errors import UserError
    from ethics_tui.service.backups import backup_now
    from ethics_tui.store import atomic

    usb = tmp_path / "usb"
    usb.mkdir()
    good = backup_now(demo_ctx, to_dir=f'"{usb}"')
    assert good.parent == usb and good.is_absolute() and good.name.startswith("manual-")
    real_open = open

    class Filling:
        def __init__(self, f):
            self.f, self.n = f, 0

        def write(self, data):
            self.n += len(data)
            if self.n > 4096:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.f.write(data)

        def __getattr__(self, name):
            return getattr(self.f, name)

    def filling_open(path, mode="r", *a, **k):
        f = real_open(path, mode, *a, **k)
        return Filling(f) if str(path).startswith(str(usb)) and "x" in mode else f

    monkeypatch.setattr(atomic, "open", filling_open, raising=False)
    with pytest.raises(UserError) as err:
        backup_now(demo_ctx, to_dir=usb)
    assert "พื้นที่ดิสก์เต็ม" in err.value.th
    assert sorted(usb.iterdir()) == [good]  # no partial zip, no temp file
    with pytest.raises(UserError) as err:
        backup_now(demo_ctx, to_dir=usb / "unplugged")
    assert "ไม่พบโฟลเดอร์" in err.value.th


def test_cli_backup_to_dir(demo_ctx, tmp_path, capsys, monkeypatch):
    import io
    import sys

    from ethics_tui.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(demo_ctx.store.dir), "--user", "admin", "backup", "--to", str(out)]) == 0
    written = list(out.glob("manual-*.zip"))
    assert len(written) == 1 and str(written[0]) in capsys.readouterr().out


def test_a_missing_backup_name_says_which_folder(demo_ctx, tmp_path, monkeypatch):
    import pytest

    from ethics_tui.errors import UserError
    from ethics_tui.service.backups import describe

    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as err:
        describe(demo_ctx, "manual-x.zip")
    assert f"ไม่พบไฟล์สำรอง manual-x.zip ในโฟลเดอร์ {tmp_path}" in err.value.th
