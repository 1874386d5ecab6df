"""Property tests: the Store behaves like an in-memory TinyDB (issue 15).

Random sequences of insert / update / remove / upsert / put / truncate, in transactions that
commit, abort with an exception, or fail at the end (full disk for the data file, full disk for
the audit log, text that cannot be encoded), run by two Store objects on one folder taking turns
and by freshly reopened ones, with nested values and Thai text. After every step the file on disk
equals the model; ids are never reused; at the end ``verify`` finds nothing wrong. With table
files, a save appends its changes to the table's journal (store/journal.py) and a ``compact`` step
folds the journals into new table files: the disk, replayed independently, still equals the model.

fsync is switched off here: these tests are about logic, not durability, and must stay fast.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from ethics_tui.errors import StorageError
from ethics_tui.service.verify import verify
from ethics_tui.store import atomic
from ethics_tui.store import audit as audit_mod
from ethics_tui.store import tables as tfiles
from ethics_tui.store.database import Store

THAI = "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาำิีึืุูเแโใไ่้๊๋์ ๑๒๓"
text = st.text(alphabet=THAI + "abcXYZ019 -", max_size=12)
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    text,
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
value = st.recursive(
    scalar, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(text, kids, max_size=3), max_leaves=6
)
doc = st.dictionaries(st.sampled_from(["name", "k", "history", "note", "n"]), value, min_size=1, max_size=4)
table = st.sampled_from(["things", "items", "ไทย"])  # not registers: verify checks those
op = st.one_of(
    st.tuples(st.just("insert"), table, doc),
    st.tuples(st.just("update"), table, st.integers(0, 20), doc),
    st.tuples(st.just("remove"), table, st.integers(0, 20)),
    st.tuples(st.just("upsert"), table, text, doc),
    st.tuples(st.just("put"), table, st.integers(0, 25), doc),
    st.tuples(st.just("put_insert"), table, doc),
    st.tuples(st.just("truncate"), table),
)
ending = st.sampled_from(["commit"] * 5 + ["abort", "enospc", "audit-full", "unencodable"])
step = st.one_of(
    st.tuples(st.just("tx"), st.integers(0, 1), st.lists(op, min_size=1, max_size=4), ending),
    st.tuples(st.just("reopen"), st.integers(0, 1)),
    st.tuples(st.just("mutate-read"), st.integers(0, 1)),
    st.tuples(st.just("compact"), st.integers(0, 1)),
)


def _pick(ids: list[int], i: int) -> int | None:
    return sorted(ids)[i % len(ids)] if ids else None


def _apply(tx, model: TinyDB, o: tuple, issued: dict[str, int]) -> None:
    """Apply one operation to the store's transaction and mirror it on the model."""
    kind, name = o[0], o[1]
    t, m = tx.table(name), model.table(name)
    ids = [d.doc_id for d in m.all()]
    if kind == "insert":
        new = t.insert(o[2])
        assert new > issued.get(name, 0), "a record id was reused"
        issued[name] = new
        m.insert(Document(o[2], doc_id=new))
    elif kind == "update" and ids:
        i = _pick(ids, o[2])
        t.update(o[3], doc_ids=[i])
        m.update(o[3], doc_ids=[i])
    elif kind == "remove" and ids:
        i = _pick(ids, o[2])
        t.remove(doc_ids=[i])
        m.remove(doc_ids=[i])
    elif kind == "upsert":
        before = {d.doc_id for d in t.all()}
        t.upsert(dict(o[3], k=o[2]), Query().k == o[2])
        new = {d.doc_id for d in t.all()} - before
        if new:
            (nid,) = new
            assert nid > issued.get(name, 0)
            issued[name] = nid
            m.insert(Document(dict(o[3], k=o[2]), doc_id=nid))
        else:
            m.upsert(dict(o[3], k=o[2]), Query().k == o[2])
    elif kind == "put":
        i = o[2] or 1
        tx.put(name, i, o[3])
        issued[name] = max(issued.get(name, 0), i)
        if m.contains(doc_id=i):
            m.remove(doc_ids=[i])
        m.insert(Document(dict(o[3]), doc_id=i))
    elif kind == "put_insert":  # put() then insert() in one transaction
        nxt = max(ids + [issued.get(name, 0)]) + 1
        tx.put(name, nxt, o[2])
        issued[name] = nxt
        m.insert(Document(dict(o[2]), doc_id=nxt))
        _apply(tx, model, ("insert", name, o[2]), issued)
    elif kind == "truncate":
        t.truncate()
        m.truncate()


def _on_disk(folder: str) -> dict:
    """The tables on disk: main.json's, and each table file its ``_meta.tables`` names with its
    journal replayed (read here independently of the store: walk back from the root's tip)."""
    data = json.loads(Path(folder, "main.json").read_text("utf-8"))
    for name, entry in data["_meta"]["1"].get("tables", {}).items():
        docs = json.loads(Path(folder, entry["file"]).read_text("utf-8"))
        j = entry.get("journal")
        if j:
            raw = Path(folder, entry["file"] + "l").read_bytes()[: j["len"]]
            lines = {hashlib.sha256(line).hexdigest(): json.loads(line) for line in raw.split(b"\n") if line}
            start = hashlib.sha256(b"journal:" + entry["file"].encode()).hexdigest()
            at, chain = j["tip"], []
            while at != start:
                chain.append(lines[at])
                at = lines[at]["prev"]
            for change in reversed(chain):
                for k in change.get("del", []):
                    docs.pop(k, None)
                docs.update(change.get("put", {}))
        data[name] = docs
    return {k: v for k, v in data.items() if k != "_meta" and v}


def _named(root: dict) -> set[str]:
    """The files a root names: each table file, and its journal when one is committed."""
    entries = root["_meta"]["1"].get("tables", {}).values()
    return {e["file"] for e in entries} | {e["file"] + "l" for e in entries if e.get("journal")}


def _files(folder: str) -> dict:
    return {n: Path(folder, n).read_bytes() for n in os.listdir(folder) if n.startswith("main.")}


def _model_tables(model: TinyDB) -> dict:
    return {n: {str(d.doc_id): dict(d) for d in model.table(n).all()} for n in model.tables() if len(model.table(n))}


def _copy(model: TinyDB) -> TinyDB:
    clone = TinyDB(storage=MemoryStorage)
    clone.storage.write(json.loads(json.dumps(model.storage.read() or {})))
    return clone


def _no_fsync(fd):
    return None


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(step, min_size=1, max_size=10))
def test_store_behaves_like_tinydb(steps):
    _run(steps)


SPLITS: list[bool] = []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(step, min_size=1, max_size=10))
def test_store_with_table_files_behaves_like_tinydb(steps):
    """The same with every table of more than one record in its own file (store/tables.py)."""
    with mock.patch.object(tfiles, "SPLIT_AT", 1):
        _run(steps, SPLITS)


def _run(steps, seen_split: list | None = None) -> None:
    seen_split = [] if seen_split is None else seen_split
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(os, "fsync", _no_fsync):
        stores = [Store(folder).open(daily_backup=False), Store(folder)]
        for one in stores:
            one.compact_in_background = False  # compactions are steps of their own here
        model = TinyDB(storage=MemoryStorage)
        issued: dict[str, int] = {}
        for s in steps:
            who = s[1]
            if s[0] == "reopen":
                stores[who] = Store(folder).open(daily_backup=False)
                stores[who].compact_in_background = False
                continue
            if s[0] == "compact":  # fold every journal into a new table file: the tables stay
                if stores[who].path().exists():
                    stores[who].compact(actor="prop", force=True)
                    assert _on_disk(folder) == _model_tables(model)
                continue
            if s[0] == "mutate-read":  # callers that change what they read must not change the next save
                for docs in stores[who].load().values():
                    for d in docs.values():
                        if isinstance(d, dict):
                            d["leak"] = True
                            if isinstance(d.get("history"), list):
                                d["history"].append("leak")
                continue
            _, who, ops, end = s
            store = stores[who]
            trial, trial_issued = _copy(model), dict(issued)
            audit_before = store.audit.path.read_bytes() if store.audit.path.exists() else b""
            disk_before = _files(folder)
            try:
                with store.transaction(actor="prop") as tx:
                    for o in ops:
                        _apply(tx, trial, o, trial_issued)
                    tx.log("change", "prop", None)
                    if end == "abort":
                        raise KeyError("abort")
                    if end == "unencodable":
                        tx.table("things").insert({"name": "ชื่อ\udcc3"})
                    if end == "enospc":
                        patcher = mock.patch.object(atomic.os, "write", side_effect=OSError(errno.ENOSPC, "full"))
                    elif end == "audit-full":
                        real_open = open

                        def full(path, mode="r", *a, **k):
                            if "a" in mode:
                                raise OSError(errno.ENOSPC, "full")
                            return real_open(path, mode, *a, **k)  # noqa: B023 - used in this loop step

                        patcher = mock.patch.object(audit_mod, "open", full, create=True)
                    else:
                        patcher = None
                    if patcher:
                        patcher.start()
                        tx._stop = patcher.stop
                if getattr(tx, "_stop", None):
                    tx._stop()
                    raise AssertionError("a failed write went unnoticed")
                model, issued = trial, trial_issued
            except (KeyError, StorageError) as exc:
                if getattr(tx, "_stop", None):
                    tx._stop()
                assert end != "commit", exc
                assert _files(folder) == disk_before
                assert (store.audit.path.read_bytes() if store.audit.path.exists() else b"") == audit_before
            if store.path().exists():
                assert _on_disk(folder) == _model_tables(model)
                root = json.loads(_files(folder)["main.json"])
                named = _named(root)
                assert set(_files(folder)) - {"main.json"} == named  # no leftover, none missing
                seen_split.append(bool(named))
                other = stores[1 - who]
                fresh = {k: v for k, v in other.load().items() if k != "_meta" and v}
                leaked = json.dumps(fresh, sort_keys=True).count('"leak"')
                if leaked == 0:  # the other store sees the same, unless a reader scribbled on its own cache
                    assert fresh == _model_tables(model)
        assert verify(Store(folder)) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(table, doc), min_size=1, max_size=5), st.integers(0, 4))
def test_snapshots_are_read_only_and_never_change_the_cache(docs, which):
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(os, "fsync", _no_fsync):
        store = Store(folder).open(daily_backup=False)
        with store.transaction() as tx:
            for name, d in docs:
                tx.table(name).insert(d)
        before = json.dumps(dict(store.load()), sort_keys=True)
        snap = store.snapshot()
        name = docs[0][0]
        writes = [
            lambda: snap.table(name).insert({"x": "ใหม่"}),
            lambda: snap.table(name).truncate(),
            lambda: snap.table(name).update({"name": "แก้"}),
            lambda: snap.drop_table(name),
            lambda: snap.table(name).remove(doc_ids=[1]),
        ]
        try:
            writes[which]()
            raise AssertionError("a snapshot accepted a write")
        except RuntimeError:
            pass
        assert json.dumps(dict(store.load()), sort_keys=True) == before
        with store.transaction() as tx:  # the next save writes what was there, nothing more
            tx.log("touch", "prop", None)
        on_disk = {k: v for k, v in json.loads(before).items() if k != "_meta"}
        assert _on_disk(folder) == {k: v for k, v in on_disk.items() if v}


def test_the_table_file_runs_did_split():
    """The run above exercised table files (not only one-file databases)."""
    if not SPLITS:
        test_store_with_table_files_behaves_like_tinydb()
    assert any(SPLITS)
