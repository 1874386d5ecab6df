"""The journal of a table file (store/journal.py): a save appends what it changed, the root stays
the one commit point, a compaction folds the journal into a new table file.

``people`` stands for the staff table (a plain table: verify checks the real registers' shapes)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from ethics_tui.errors import CorruptDatabaseError, StorageError
from ethics_tui.service.verify import verify
from ethics_tui.store import backup, journal, migrations
from ethics_tui.store import tables as tfiles
from ethics_tui.store.database import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def small_split(monkeypatch):
    monkeypatch.setattr(tfiles, "SPLIT_AT", 3)


def _office(folder: Path, n: int = 10) -> Store:
    store = Store(folder).open(daily_backup=False)
    store.compact_in_background = False
    with store.transaction(actor="t") as tx:
        tx.table("settings").insert({"office": "อบต.ทดสอบ"})
        tx.table("people").insert_multiple({"name": f"คน{i}", "active": i % 2 == 0} for i in range(n))
    return store


def _entry(store: Store, table: str = "people") -> dict:
    return json.loads(store.path().read_bytes())["_meta"]["1"]["tables"][table]


def _rename(store: Store, doc_id: int, name: str) -> None:
    with store.transaction(actor="t") as tx:
        doc = dict(tx.table("people").get(doc_id=doc_id))
        tx.put("people", doc_id, {**doc, "name": name})
        tx.log("update", "people", doc_id, ["name"])


def _people(folder: Path) -> dict:
    fresh = Store(folder)
    return json.loads(json.dumps(dict(fresh.load()["people"])))


def _state(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != ".ethics.lock"}


def _age(path: Path) -> None:
    os.utime(path, (time.time() - 3600, time.time() - 3600))


def test_a_save_appends_its_change_and_the_table_file_stays(tmp_path):
    store = _office(tmp_path)
    before = _entry(store)
    base = (tmp_path / before["file"]).read_bytes()
    _rename(store, 3, "ใหม่")
    with store.transaction(actor="t") as tx:
        tx.table("people").remove(doc_ids=[4])
        tx.table("people").update({"active": False}, doc_ids=[1])
    after = _entry(store)
    assert after["file"] == before["file"] and (tmp_path / after["file"]).read_bytes() == base
    assert after["journal"]["lines"] == 2 and after["count"] == 9 and after["active"] == 4
    assert json.loads(store.path().read_bytes())["_meta"]["1"]["schema"] == migrations.JOURNAL_SCHEMA
    people = _people(tmp_path)
    assert people["3"]["name"] == "ใหม่" and "4" not in people and people["1"]["active"] is False
    assert Store(tmp_path).count("people") == 9 and Store(tmp_path).count("people", active_only=True) == 4
    assert verify(Store(tmp_path)) == []


def test_compaction_folds_the_journal_into_a_new_file_as_an_audited_save(tmp_path):
    store = _office(tmp_path)
    _rename(store, 3, "ใหม่")
    expected = _people(tmp_path)
    old = _entry(store)["file"]
    assert store.compact(actor="t") == []  # a small journal is not due
    assert store.compact(actor="t", force=True) == ["people"]
    entry = _entry(store)
    assert entry["file"] != old and "journal" not in entry
    assert not (tmp_path / old).exists() and not (tmp_path / (old + "l")).exists()
    assert _people(tmp_path) == expected
    assert json.loads(store.path().read_bytes())["_meta"]["1"]["schema"] == migrations.CURRENT_SCHEMA
    assert list(store.audit.entries())[-1]["action"] == "compact"
    assert verify(Store(tmp_path)) == []


def test_a_save_past_the_threshold_compacts_in_the_background(tmp_path):
    store = _office(tmp_path)
    store.compact_in_background, store.compact_at = True, 300
    for i in range(4):
        _rename(store, 2, f"ชื่อ{i}")
    store._compactor.join(10)
    assert "journal" not in _entry(store) or journal.committed(_entry(store))[0] <= 300
    assert "compact" in [e["action"] for e in store.audit.entries()]
    assert _people(tmp_path)["2"]["name"] == "ชื่อ3"
    assert verify(Store(tmp_path)) == []


def test_another_process_applies_only_the_new_lines(tmp_path, monkeypatch):
    writer = _office(tmp_path)
    reader = Store(tmp_path)
    _rename(writer, 1, "หนึ่ง")
    assert reader.load()["people"]["1"]["name"] == "หนึ่ง"
    _rename(writer, 2, "สอง")
    reads = []
    real = journal.read_committed
    monkeypatch.setattr(journal, "read_committed", lambda p, s, e: (reads.append(s), real(p, s, e))[1])
    monkeypatch.setattr(tfiles, "read_file", lambda *a: pytest.fail("the table file was read again"))
    people = reader.load()["people"]
    assert people["1"]["name"] == "หนึ่ง" and people["2"]["name"] == "สอง"
    assert reads and all(s > 0 for s in reads)


def test_a_save_of_a_large_table_writes_under_10_kb(tmp_path):
    """At 30,000 documents, with the root's other tables big enough to move to files of their own."""
    store = Store(tmp_path).open(daily_backup=False)
    store.compact_in_background = False
    with store.transaction(actor="t") as tx:
        tx.put_many("people", {i: {"name": f"คน{i}", "code": f"G{i:06d}", "active": True} for i in range(1, 30001)})
        for t in ("orders", "notices", "users", "settings"):
            tx.put_many(t, {i: {"title": "เรื่อง" * 20} for i in range(1, 3)})
    _rename(store, 15000, "อุ่นเครื่อง")  # the first save after the split moves the root's tables out
    before = {p.name: p.stat().st_size for p in tmp_path.iterdir()}
    _rename(store, 15000, "ใหม่")
    written = 0
    for p in tmp_path.iterdir():
        size, old = p.stat().st_size, before.get(p.name)
        if p.name.endswith(".jsonl") and old is not None:
            written += size - old  # an appended file: its growth
        elif old != size or p.name == "main.json":
            written += size  # a replaced file: whole
    assert written < 10_000, written
    assert len(store.path().read_bytes()) < 8_000
    assert _people(tmp_path)["15000"]["name"] == "ใหม่"


@pytest.mark.parametrize("damage", ["edited", "truncated", "deleted", "emptied", "older"])
def test_verify_catches_a_damaged_journal(tmp_path, damage):
    store = _office(tmp_path)
    _rename(store, 3, "ใหม่")
    path = tmp_path / (_entry(store)["file"] + "l")
    first = path.read_bytes()
    _rename(store, 5, "ห้า")
    raw = path.read_bytes()
    if damage == "edited":
        path.write_bytes(raw.replace("ห้า".encode(), "หก".encode()))
    elif damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "deleted":
        path.unlink()
    elif damage == "emptied":
        path.write_bytes(b"")
    else:  # an older copy
        path.write_bytes(first)
    problems = verify(Store(tmp_path))
    assert any(path.name in en for _, en in problems), problems
    with pytest.raises(StorageError):
        Store(tmp_path).load()["people"]
    with pytest.raises(StorageError), Store(tmp_path).transaction(actor="t") as tx:
        tx.table("people").update({"name": "x"}, doc_ids=[1])
    assert damage in ("deleted",) or path.read_bytes() != raw  # never overwritten


def test_an_uncommitted_tail_is_not_data_and_open_cuts_it_when_stale(tmp_path):
    store = _office(tmp_path)
    _rename(store, 3, "ใหม่")
    path = tmp_path / (_entry(store)["file"] + "l")
    committed = path.read_bytes()
    with open(path, "ab") as f:
        f.write(b'\n{"prev":"' + b"0" * 64 + b'","put":{"3":{"name":"halfway')  # a killed writer's line
    assert _people(tmp_path)["3"]["name"] == "ใหม่" and verify(Store(tmp_path)) == []
    Store(tmp_path).open(daily_backup=False)
    assert path.read_bytes() != committed  # fresh: another PC may be between append and commit
    _age(path)
    Store(tmp_path).open(daily_backup=False)
    assert path.read_bytes() == committed
    _rename(store, 4, "สี่")
    assert _people(tmp_path)["4"]["name"] == "สี่" and verify(Store(tmp_path)) == []


def test_a_line_appended_after_a_stray_tail_reads_back(tmp_path):
    store = _office(tmp_path)
    _rename(store, 3, "ใหม่")
    path = tmp_path / (_entry(store)["file"] + "l")
    with open(path, "ab") as f:
        f.write(b'{"prev":"torn')  # no newline: the next line starts on a line of its own
    _rename(store, 4, "สี่")
    people = _people(tmp_path)
    assert people["3"]["name"] == "ใหม่" and people["4"]["name"] == "สี่" and verify(Store(tmp_path)) == []


@pytest.mark.parametrize("where", ["journal", "root"])
def test_a_failed_save_leaves_disk_audit_and_memory_as_before(tmp_path, where):
    store = _office(tmp_path)
    _rename(store, 3, "ใหม่")
    disk, view = _state(tmp_path), json.dumps(dict(store.load()["people"]))
    real = os.write

    def full(fd, data):
        if where == "journal" or b'"_meta"' in bytes(data):
            raise OSError(errno.ENOSPC, "full")
        return real(fd, data)

    with mock.patch.object(os, "write", full), pytest.raises(StorageError):
        _rename(store, 4, "สี่")
    assert _state(tmp_path) == disk
    assert json.dumps(dict(store.load()["people"])) == view
    _rename(store, 5, "ห้า")  # the transaction's cache is still right
    assert _people(tmp_path)["5"]["name"] == "ห้า" and _people(tmp_path)["4"]["name"] == "คน3"
    assert verify(Store(tmp_path)) == []


def test_backup_and_restore_carry_the_journal(tmp_path):
    store = _office(tmp_path / "office")
    _rename(store, 3, "ก่อนสำรอง")
    expected = _people(store.dir)
    saved = backup.create_backup(store, reason="manual")
    with zipfile.ZipFile(saved) as zf:
        assert _entry(store)["file"] + "l" in zf.namelist()
    _rename(store, 3, "หลังสำรอง")
    store.compact(actor="t", force=True)
    backup.restore_backup(store, saved, actor="admin")
    after = Store(store.dir).open(daily_backup=False)
    assert _people(store.dir) == expected
    assert {p.name for p in tfiles.files_in(store.dir)} == {_entry(after)["file"], _entry(after)["file"] + "l"}
    assert verify(after) == []
    _rename(after, 4, "สี่")
    assert verify(Store(store.dir)) == []


def test_a_restore_refuses_a_backup_whose_journal_was_edited(tmp_path):
    store = _office(tmp_path / "office")
    _rename(store, 3, "ก่อนสำรอง")
    saved = backup.create_backup(store, reason="manual")
    bad = tmp_path / "bad.zip"
    name = _entry(store)["file"] + "l"
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(bad, "w") as dst:
        manifest = json.loads(src.read(backup.MANIFEST))
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == name:
                data = data.replace("ก่อนสำรอง".encode(), "แก้ไข".encode())
                manifest["files"][name] = __import__("hashlib").sha256(data).hexdigest()
            if info.filename != backup.MANIFEST:
                dst.writestr(info.filename, data)
        dst.writestr(backup.MANIFEST, json.dumps(manifest))
    with pytest.raises(Exception) as exc:
        backup.restore_backup(store, bad, actor="admin")
    assert name in str(exc.value.args) or "verify" in str(exc.value.args)
    assert _people(store.dir)["3"]["name"] == "ก่อนสำรอง"


KILL = """
import os, signal, sys
from pathlib import Path
from ethics_tui.store import atomic, database, journal, tables
from ethics_tui.store.database import Store
tables.SPLIT_AT = 3
where = sys.argv[2]
real_write = os.write
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def write(fd, data):
    name = os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1]
    if where == "append" and name.endswith(".jsonl"):
        real_write(fd, bytes(data)[: len(data) // 2])  # half a line on disk
        die()
    if where == "compact-base" and ".json.tmp-" in name and name.startswith("main.people."):
        real_write(fd, bytes(data)[: len(data) // 2])
        die()
    if where in ("root", "compact-root") and name.startswith("main.json.tmp-"):
        die()
    return real_write(fd, data)
os.write = write
real_unlink = database._unlink_quiet
def unlink(path):
    if where == "compact-cleanup":
        die()
    real_unlink(path)
database._unlink_quiet = unlink
store = Store(sys.argv[1])
store.compact_in_background = False
if where.startswith("compact"):
    store.compact(actor="k", force=True)
else:
    with store.transaction(actor="k") as tx:
        doc = dict(tx.table("people").get(doc_id=1))
        tx.put("people", 1, {**doc, "name": "หาย"})
"""


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="names the file behind a descriptor via /proc")
@pytest.mark.parametrize("where", ["append", "root", "compact-base", "compact-root", "compact-cleanup"])
def test_a_writer_killed_at_any_step_leaves_the_before_or_the_after_state(tmp_path, where):
    store = _office(tmp_path)
    _rename(store, 2, "สอง")
    before = _people(tmp_path)
    done = subprocess.run([sys.executable, "-c", KILL, str(tmp_path), where], cwd=ROOT, capture_output=True)
    assert done.returncode == -9, done.stderr.decode()
    for p in tfiles.files_in(tmp_path):
        _age(p)
    reopened = Store(tmp_path).open(daily_backup=False)
    reopened.compact_in_background = False
    assert _people(tmp_path) == before  # a compaction changes no document; the others never committed
    assert verify(reopened) == []
    root = json.loads(reopened.path().read_bytes())
    named = {n for e in root["_meta"]["1"]["tables"].values() for n in (e["file"], e["file"] + "l")}
    assert {p.name for p in tfiles.files_in(tmp_path)} <= named  # leftovers removed at open
    _rename(reopened, 1, "ได้")
    assert _people(tmp_path)["1"]["name"] == "ได้" and verify(Store(tmp_path)) == []


WRITER = """
import sys
from ethics_tui.store import tables
from ethics_tui.store.database import Store
tables.SPLIT_AT = 3
store = Store(sys.argv[1], lock_timeout=60)
store.compact_at = 600  # compactions all along, in the background, racing the other process
doc_id = int(sys.argv[2])
for i in range(int(sys.argv[3])):
    with store.transaction(actor=f"w{doc_id}") as tx:
        doc = dict(tx.table("people").get(doc_id=doc_id))
        tx.put("people", doc_id, {**doc, "name": f"w{doc_id}-{i}", "n": doc.get("n", 0) + 1})
        tx.log("update", "people", doc_id, ["name"])
if store._compactor is not None:
    store._compactor.join()
"""


def test_two_processes_saving_at_once_both_survive_across_compactions(tmp_path):
    _office(tmp_path)
    runs = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(i), str(runs)], cwd=ROOT, stderr=subprocess.PIPE
        )
        for i in (1, 2)
    ]
    for p in procs:
        assert p.wait(120) == 0, p.stderr.read().decode()
    people = _people(tmp_path)
    for i in (1, 2):
        assert people[str(i)]["n"] == runs and people[str(i)]["name"] == f"w{i}-{runs - 1}"
    assert "compact" in [e["action"] for e in Store(tmp_path).audit.entries()]
    assert verify(Store(tmp_path)) == []


def test_a_journal_that_does_not_chain_raises_the_corrupt_error(tmp_path):
    store = _office(tmp_path)
    _rename(store, 3, "ใหม่")
    path = tmp_path / (_entry(store)["file"] + "l")
    path.write_bytes(path.read_bytes().replace("ใหม่".encode(), "เก่า".encode()))
    with pytest.raises(CorruptDatabaseError):
        Store(tmp_path).load()["people"]


def test_streaming_a_table_applies_its_journal_without_keeping_the_table(tmp_path):
    from ethics_tui.store import stream

    store = _office(tmp_path)
    version = stream.version(Store(tmp_path), "people")
    _rename(store, 3, "ใหม่")
    with store.transaction(actor="t") as tx:
        tx.table("people").remove(doc_ids=[4])
        tx.table("people").insert({"name": "เพิ่ม", "active": True})
    fresh = Store(tmp_path)
    streamed = dict(stream.docs(fresh, "people"))
    assert not fresh._tcache  # streamed: the table was not kept
    assert streamed == _people(tmp_path) and streamed["3"]["name"] == "ใหม่" and "4" not in streamed
    assert stream.version(fresh, "people") != version


def test_a_document_changed_in_place_in_a_transaction_never_reaches_a_later_save(tmp_path):
    """Transactions keep the table files they read across transactions (table_cache): what a
    caller does to a document it was handed must not leak into the cache."""
    store = _office(tmp_path)
    with store.transaction(actor="t") as tx:
        tx.put("people", 1, {"name": "คน0", "active": True, "history": ["ก"]})
    with pytest.raises(KeyError), store.transaction(actor="t") as tx:
        tx.table("people").get(doc_id=1)["history"].append("ยกเลิก")  # then the save is abandoned
        raise KeyError("abort")
    with store.transaction(actor="t") as tx:
        for doc in tx.table("people").all():
            if doc.get("history"):
                doc["history"].append("ไม่บันทึก")  # changed, never put
        tx.put("people", 2, {"name": "สอง", "active": True})
    with store.transaction(actor="t") as tx:
        doc = dict(tx.table("people").get(doc_id=1))
        assert doc["history"] == ["ก"]
        tx.put("people", 1, {**doc, "name": "หนึ่ง"})
    assert _people(tmp_path)["1"] == {"name": "หนึ่ง", "active": True, "history": ["ก"]}
