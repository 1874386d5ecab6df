"""A save changes the transactions' cached index of a table file in place (no copy per save)
and puts back what it replaced unless the commit made the change the cache's."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from unittest import mock

import pytest

from ethics_tui.errors import StorageError
from ethics_tui.service.verify import verify
from ethics_tui.store import tables as tfiles
from ethics_tui.store.database import Store


@pytest.fixture(autouse=True)
def small_split(monkeypatch):
    monkeypatch.setattr(tfiles, "SPLIT_AT", 3)


def _office(folder: Path) -> Store:
    store = Store(folder).open(daily_backup=False)
    store.compact_in_background = False
    with store.transaction(actor="t") as tx:
        tx.table("people").insert_multiple({"name": f"คน{i}", "active": True} for i in range(10))
    with store.transaction(actor="t") as tx:  # the transactions' cache holds the table file
        tx.table("people").get(doc_id=1)
    return store


def _seen(store: Store) -> dict:
    """The people table as the next transaction sees it."""
    with store.transaction(actor="t") as tx:
        return {d.doc_id: d["name"] for d in tx.table("people").all()}


def _on_disk(folder: Path) -> dict:
    return {int(k): d["name"] for k, d in Store(folder).load()["people"].items()}


def test_the_index_is_not_copied_and_a_save_keeps_it_right(tmp_path):
    store = _office(tmp_path)
    with store.transaction(actor="t") as tx:
        doc = dict(tx.table("people").get(doc_id=3))
        file = tx.table_file("people")["file"]
        assert tx._storage.data["people"] is store._txcache[file][2]  # no copy
        tx.put("people", 3, {**doc, "name": "สาม"})
        tx.put("people", 11, {"name": "ใหม่", "active": True})
    assert _seen(store) == _on_disk(tmp_path)
    assert _on_disk(tmp_path)[3] == "สาม" and _on_disk(tmp_path)[11] == "ใหม่"


def test_an_abandoned_save_puts_the_index_back(tmp_path):
    store = _office(tmp_path)
    before = _seen(store)
    with pytest.raises(KeyError), store.transaction(actor="t") as tx:
        tx.put("people", 3, {"name": "ไม่บันทึก", "active": True})
        tx.put("people", 12, {"name": "ไม่บันทึก", "active": True})
        raise KeyError("abort")
    assert _seen(store) == before == _on_disk(tmp_path)


@pytest.mark.parametrize("where", ["journal", "root"])
def test_a_failed_commit_puts_the_index_back(tmp_path, where):
    store = _office(tmp_path)
    before = _seen(store)
    real = os.write

    def full(fd, data):
        if where == "journal" or b'"_meta"' in bytes(data):
            raise OSError(errno.ENOSPC, "full")
        return real(fd, data)

    with mock.patch.object(os, "write", full), pytest.raises(StorageError), store.transaction(actor="t") as tx:
        tx.put("people", 4, {"name": "สี่", "active": True})
        tx.put("people", 13, {"name": "ใหม่", "active": True})
    assert _seen(store) == before == _on_disk(tmp_path)
    assert verify(Store(tmp_path)) == []


def test_a_put_then_a_tinydb_change_saves_both(tmp_path):
    store = _office(tmp_path)
    with store.transaction(actor="t") as tx:
        tx.put("people", 3, {"name": "สาม", "active": True})
        tx.table("people").update({"name": "สี่"}, doc_ids=[4])  # the table is copied from here on
    assert _on_disk(tmp_path)[3] == "สาม" and _on_disk(tmp_path)[4] == "สี่"
    assert _seen(store) == _on_disk(tmp_path)


def test_a_put_undone_by_a_tinydb_change_leaves_the_cache_as_the_disk(tmp_path):
    store = _office(tmp_path)
    with store.transaction(actor="t") as tx:
        tx.put("people", 3, {"name": "สาม", "active": True})
        tx.table("people").update({"name": "คน2"}, doc_ids=[3])  # back as it was: nothing to append
        tx.log("update", "people", 3, ["name"])
    assert _on_disk(tmp_path)[3] == "คน2"
    assert _seen(store) == _on_disk(tmp_path)
    assert json.loads(json.dumps(_seen(store))) == json.loads(json.dumps(_on_disk(tmp_path)))


def test_the_root_counts_follow_a_put_that_deactivates(tmp_path):
    store = _office(tmp_path)
    with store.transaction(actor="t") as tx:
        tx.put("people", 3, {"name": "คน2", "active": False})
        tx.put("people", 11, {"name": "ใหม่", "active": True})
    entry = json.loads(store.path().read_bytes())["_meta"]["1"]["tables"]["people"]
    assert (entry["count"], entry["active"]) == (11, 10)
    assert store.count("people", active_only=True) == 10
    assert verify(Store(tmp_path)) == []


def test_fsync_together_reports_a_file_it_could_not_sync(tmp_path):
    from ethics_tui.store import atomic

    fd = os.open(tmp_path / "root", os.O_WRONLY | os.O_CREAT)
    try:
        (tmp_path / "log").write_bytes(b"x")
        atomic.fsync_together(fd, (tmp_path / "log",))
        with pytest.raises(FileNotFoundError):
            atomic.fsync_together(fd, (tmp_path / "log", tmp_path / "gone"))
    finally:
        os.close(fd)


def test_fsync_together_without_threads_syncs_in_the_caller(tmp_path, monkeypatch):
    from ethics_tui.store import atomic

    def no_threads(wanted):
        raise RuntimeError("can't start new thread")

    synced = []
    monkeypatch.setattr(atomic, "_fsync_jobs", no_threads)
    monkeypatch.setattr(atomic, "_fsync_path", synced.append)
    fd = os.open(tmp_path / "root", os.O_WRONLY | os.O_CREAT)
    try:
        atomic.fsync_together(fd, (tmp_path / "a", tmp_path / "b"))
    finally:
        os.close(fd)
    assert synced == [tmp_path / "a", tmp_path / "b"]
