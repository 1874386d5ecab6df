"""Large tables of main in their own files (store/tables.py): a save writes what it changed.

``people`` stands for the staff table and ``cases`` for a register (plain tables: verify checks
the real registers' shapes)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ethics_tui.errors import StorageError
from ethics_tui.service.verify import verify
from ethics_tui.store import backup, database, integrity
from ethics_tui.store import tables as tfiles
from ethics_tui.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def small_split(monkeypatch):
    monkeypatch.setattr(tfiles, "SPLIT_AT", 3)


def _office(folder: Path) -> Store:
    store = Store(folder).open(daily_backup=False)
    with store.transaction(actor="t") as tx:
        tx.table("settings").insert({"office": "อบต.ทดสอบ"})
        tx.table("people").insert_multiple({"name": f"คน{i}", "active": i % 2 == 0} for i in range(10))
        tx.table("cases").insert_multiple({"title": f"เรื่อง{i}"} for i in range(5))
    return store


def _root(store: Store) -> dict:
    return json.loads(store.path().read_bytes())


def _listed(store: Store) -> dict:
    return _root(store)["_meta"]["1"]["tables"]


def _state(folder: Path) -> dict:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir() if p.is_file()}


def _tables(store: Store) -> dict:
    return json.loads(json.dumps({k: v for k, v in store.load().items() if k != "_meta"}))


def test_large_tables_get_files_and_small_ones_stay_in_the_root(tmp_path):
    store = _office(tmp_path)
    root = _root(store)
    assert set(_listed(store)) == {"people", "cases"}
    assert "settings" in root and "people" not in root and "cases" not in root
    assert root["_meta"]["1"]["schema"] == 2
    fresh = Store(tmp_path)
    assert fresh.count("people") == 10 and fresh.count("people", active_only=True) == 5
    assert not fresh._tcache  # the counts come from the root: no table file read
    assert fresh.load()["people"]["2"]["name"] == "คน1"
    assert verify(fresh) == []


def test_a_staff_save_writes_only_the_staff_file_and_the_root(tmp_path):
    store = _office(tmp_path)
    before, listed = _state(tmp_path), _listed(store)
    with store.transaction(actor="t") as tx:
        tx.table("people").update({"name": "ใหม่"}, doc_ids=[3])
    after = _state(tmp_path)
    touched = {n for n in after if before.get(n) != after[n]} | (set(before) - set(after))
    people = listed["people"]["file"]
    assert _listed(store)["people"]["file"] == people  # the table file stays: the change is appended
    assert touched == {"main.json", "audit.jsonl", people + "l"}
    assert _listed(store)["cases"] == listed["cases"]  # the register's file was not rewritten
    assert store.load()["people"]["3"]["name"] == "ใหม่"
    assert verify(store) == []


def test_reading_or_an_unchanged_table_writes_no_table_file(tmp_path):
    store = _office(tmp_path)
    listed = _listed(store)
    with store.transaction(actor="t") as tx:
        assert len(tx.table("people").all()) == 10
        tx.table("cases").update({"title": "เรื่อง0"}, doc_ids=[1])  # the same value
        tx.log("look", "people")
    assert _listed(store) == listed


def test_a_failed_root_write_leaves_files_and_log_as_before(tmp_path, monkeypatch):
    store = _office(tmp_path)
    before, data = _state(tmp_path), _tables(store)
    real = database.atomic_write_bytes

    def fail_root(path, payload, **kw):
        if Path(path).name == "main.json":
            raise StorageError("เต็ม", "full")
        real(path, payload, **kw)

    monkeypatch.setattr(database, "atomic_write_bytes", fail_root)
    with pytest.raises(StorageError), store.transaction(actor="t") as tx:
        tx.table("people").update({"name": "หาย"}, doc_ids=[1])
    assert {n: b for n, (_t, b) in _state(tmp_path).items()} == {n: b for n, (_t, b) in before.items()}
    assert _tables(store) == data


KILL = """
import os, sys
from pathlib import Path
from ethics_tui.store import database, tables
from ethics_tui.store.database import Store
tables.SPLIT_AT = 3
real = database.atomic_write_bytes
def kill(path, payload, **kw):
    if Path(path).name == "main.json":
        os._exit(9)  # after the table file (or journal line) and the audit entry, before the root
    real(path, payload, **kw)
database.atomic_write_bytes = kill
with Store(sys.argv[1]).transaction(actor="k") as tx:
    tx.table("people").update({"name": "หาย"}, doc_ids=[1])
"""


def _age(path: Path, seconds: float = 3600) -> None:
    """Make a file look untouched for a while (open() cuts only a stale journal tail)."""
    import os
    import time

    os.utime(path, (time.time() - seconds, time.time() - seconds))


def test_a_writer_killed_before_the_root_replace_leaves_the_old_state(tmp_path):
    store = _office(tmp_path)
    data, listed = _tables(store), _listed(store)
    done = subprocess.run([sys.executable, "-c", KILL, str(tmp_path)], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 9, done.stderr
    leftovers = {p.name for p in tfiles.files_in(tmp_path)} - {e["file"] for e in listed.values()}
    assert leftovers == {listed["people"]["file"] + "l"}  # the journal line nobody's root names
    _age(tmp_path / (listed["people"]["file"] + "l"))
    reopened = Store(tmp_path).open(daily_backup=False)
    assert {p.name for p in tfiles.files_in(tmp_path)} == {e["file"] for e in listed.values()}
    assert _tables(reopened) == data
    assert list(reopened.audit.entries())[-1]["action"] == "void"
    assert verify(reopened) == []
    with reopened.transaction(actor="t") as tx:
        tx.table("people").update({"name": "ได้"}, doc_ids=[1])
    assert verify(reopened) == []


def test_open_removes_only_exact_leftover_names(tmp_path):
    _office(tmp_path)
    keep = ["main.staff.notours.json", "main.staff.0123456789ab.json.bak", "main.Staff.0123456789ab.json"]
    for name in keep + ["main.staff.0123456789ab.json"]:
        (tmp_path / name).write_text("{}")
    Store(tmp_path).open(daily_backup=False)
    assert all((tmp_path / n).exists() for n in keep)
    assert not (tmp_path / "main.staff.0123456789ab.json").exists()


@pytest.mark.parametrize("damage", ["edited", "deleted", "emptied", "older", "garbage"])
def test_verify_catches_a_damaged_table_file(tmp_path, damage):
    store = _office(tmp_path)
    first = (tmp_path / _listed(store)["people"]["file"]).read_bytes()
    with store.transaction(actor="t") as tx:
        tx.table("people").update({"name": "ใหม่"}, doc_ids=[3])
    assert store.compact(force=True) == ["people"]  # the change folded into a new table file
    path = tmp_path / _listed(store)["people"]["file"]
    if damage == "edited":
        path.write_bytes(path.read_bytes().replace("คน1".encode(), "คนX".encode()))
    elif damage == "deleted":
        path.unlink()
    elif damage == "emptied":
        path.write_bytes(b"{}")
    elif damage == "garbage":
        path.write_bytes(b"{not json")
    else:
        path.write_bytes(first)
    problems = verify(Store(tmp_path))
    assert any(path.name in en for _, en in problems), problems


def test_a_hand_edited_table_list_in_the_root_is_caught(tmp_path):
    store = _office(tmp_path)
    path = tmp_path / _listed(store)["people"]["file"]
    path.write_bytes(path.read_bytes().replace("คน1".encode(), "คนX".encode()))
    root = _root(store)
    root["_meta"]["1"]["tables"]["people"]["sha256"] = tfiles.sha256(path.read_bytes())
    store.path().write_text(json.dumps(root, ensure_ascii=False, separators=(",", ":")), "utf-8")
    problems = verify(Store(tmp_path))
    assert any("main.json was changed outside" in en for _, en in problems), problems


def test_an_edited_table_file_is_recorded_by_the_next_save_and_repair_accepts_it(tmp_path):
    store = _office(tmp_path)
    path = tmp_path / _listed(store)["people"]["file"]
    path.write_bytes(path.read_bytes().replace("คน1".encode(), "คนX".encode()))
    with store.transaction(actor="t") as tx:
        tx.table("people").update({"name": "ใหม่"}, doc_ids=[3])
    edits = [e for e in store.audit.entries() if e["action"] == "outside-edit"]
    assert edits and edits[0]["edit"]["table"] == "people"
    assert verify(Store(tmp_path))  # reported until acknowledged
    integrity.repair(Store(tmp_path), "admin")
    assert verify(Store(tmp_path)) == []
    assert Store(tmp_path).load()["people"]["2"]["name"] == "คนX"


def test_repair_accepts_an_edited_table_file_nobody_saved_since(tmp_path):
    store = _office(tmp_path)
    path = tmp_path / _listed(store)["cases"]["file"]
    path.write_bytes(path.read_bytes().replace("เรื่อง1".encode(), "เรื่องX".encode()))
    assert verify(Store(tmp_path))
    integrity.repair(Store(tmp_path), "admin")
    assert verify(Store(tmp_path)) == []


def test_an_old_one_file_folder_moves_its_tables_out_at_its_first_save(tmp_path, monkeypatch):
    monkeypatch.setattr(tfiles, "SPLIT_AT", 10**9)
    store = _office(tmp_path)
    raw = store.path().read_bytes()
    assert b'"people":' in raw and not tfiles.files_in(tmp_path)
    store.path().write_bytes(raw.replace(b'"schema":2', b'"schema":1'))  # as the previous version wrote it
    data = _tables(Store(tmp_path))
    assert verify(Store(tmp_path)) == []
    monkeypatch.setattr(tfiles, "SPLIT_AT", 3)
    old = Store(tmp_path).open(daily_backup=False)
    assert old.path().read_bytes() == raw.replace(b'"schema":2', b'"schema":1')  # open writes nothing
    with old.transaction(actor="t") as tx:
        tx.table("settings").update({"office": "อบต.ใหม่"}, doc_ids=[1])
    assert _root(old)["_meta"]["1"]["schema"] == 2
    assert set(_listed(old)) == {"people", "cases"}
    data["settings"]["1"]["office"] = "อบต.ใหม่"
    assert _tables(Store(tmp_path)) == data  # nothing lost
    migrate = [e for e in old.audit.entries() if e["action"] == "migrate"]
    assert migrate and "schema 1 -> 2" in migrate[0]["note"]
    assert verify(Store(tmp_path)) == []


def test_backup_and_restore_carry_the_table_files(tmp_path):
    store = _office(tmp_path / "office")
    data = _tables(store)
    saved = backup.create_backup(store, reason="manual")
    with zipfile.ZipFile(saved) as zf:
        names = set(zf.namelist())
    assert {e["file"] for e in _listed(store).values()} <= names
    with store.transaction(actor="t") as tx:
        tx.table("people").update({"name": "หลังสำรอง"}, doc_ids=[1])
        tx.table("cases").remove(doc_ids=[2])
    backup.restore_backup(store, saved, actor="admin")
    after = Store(tmp_path / "office").open(daily_backup=False)
    assert _tables(after) == data
    assert {p.name for p in tfiles.files_in(after.dir)} == {e["file"] for e in _listed(after).values()}
    assert verify(after) == []


def test_a_reader_holding_an_old_view_follows_a_replaced_table_file(tmp_path):
    writer = _office(tmp_path)
    reader = Store(tmp_path)
    view = reader.load()  # the root only; staff not read yet
    with writer.transaction(actor="t") as tx:
        tx.table("people").update({"name": "ใหม่"}, doc_ids=[3])
    writer.compact(force=True)  # the file the view names is gone
    assert view["people"]["3"]["name"] == "ใหม่"


def test_a_reader_holding_an_old_view_reads_the_journal_it_names(tmp_path):
    writer = _office(tmp_path)
    reader = Store(tmp_path)
    view = reader.load()
    with writer.transaction(actor="t") as tx:
        tx.table("people").update({"name": "ใหม่"}, doc_ids=[3])
    assert view["people"]["3"]["name"] == "คน2"  # a consistent view: the root it was read from
    assert reader.load()["people"]["3"]["name"] == "ใหม่"


def test_a_garbled_table_file_raises_the_corrupt_error_and_is_never_overwritten(tmp_path):
    from ethics_tui.errors import CorruptDatabaseError

    store = _office(tmp_path)
    backup.create_backup(store, reason="manual")
    path = tmp_path / _listed(store)["people"]["file"]
    path.write_bytes(b"{not json")
    with pytest.raises(CorruptDatabaseError) as exc:
        Store(tmp_path).load()["people"]
    assert exc.value.backup is not None  # the problem screen offers it
    with pytest.raises(CorruptDatabaseError), Store(tmp_path).transaction(actor="t") as tx:
        tx.table("people").update({"name": "x"}, doc_ids=[1])
    assert path.read_bytes() == b"{not json"


def test_dropping_a_table_in_its_own_file_removes_it_from_the_root_and_the_folder(tmp_path):
    store = _office(tmp_path)
    gone = _listed(store)["cases"]["file"]
    with store.transaction(actor="t") as tx:
        tx.db.drop_table("cases")
    assert set(_listed(store)) == {"people"}
    assert not (tmp_path / gone).exists()
    assert "cases" not in store.load() and store.load()["people"]["1"]["name"] == "คน0"
    with store.transaction(actor="t") as tx:  # a new table of the same name starts afresh
        tx.table("cases").insert({"title": "ใหม่"})
    assert store.load()["cases"]["6"]["title"] == "ใหม่"  # ids are never reused
    assert verify(store) == []
