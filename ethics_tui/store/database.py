"""The store: TinyDB tables in JSON files, written atomically under a cross-process lock.

Layout of a data folder::

    main.json        the root: small tables + _meta (schema, audit head, the table files' list)
    main.T.X.json    a large table of main in its own immutable file (store/tables.py)
    main.T.X.jsonl   its journal: the changes saved since the file was written (store/journal.py)
    audit.jsonl      hash-chained audit log (append-only, kept out of main.json)
    backups/         rotating automatic backups and manual ones (zip)
    logs/            error log of the TUI
    .ethics.lock     the cross-process lock file

Later registers may keep fast-growing data in their own files (``store.transaction("acks-12")``; see DB_NAME_RE).

Reads never lock: writes replace files atomically, so a reader sees the old or the new file.
A parsed file is cached and reused while its (mtime, size, inode) is unchanged.

Writes go through :meth:`Store.transaction`, which takes the in-process lock and the file lock,
parses the root afresh (never trusting the cache key, which can repeat on coarse file systems,
and never sharing objects with the readers' cache; a table file and its journal come from the
transactions' own cache when the root names exactly the length and hash-chain tip it holds),
lets the caller change the TinyDB tables, then appends the changed documents of each table
file to its journal, appends the audit entries (tagged with the file and a digest of its
content) and replaces the root once. If the file cannot be written the audit append is cut back; an exception anywhere
leaves cache, disk and audit log as they were. Record ids come from a high-water mark kept in
``_meta`` and are never reused. Records carry a ``rev`` number that services check, so that a
clash on a network share whose locks are unreliable is detected instead of silently
overwriting a colleague's save. ``store.integrity`` ties the files to the audit log.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ethics_tui.errors import CorruptDatabaseError, StorageError
from ethics_tui.store import integrity, journal, migrations, table_cache
from ethics_tui.store import tables as tfiles
from ethics_tui.store.atomic import atomic_write_bytes, cleanup_temp_files, encode_json, os_error
from ethics_tui.store.audit import AUDIT_FILE, AuditLog

MAIN = "main"
META_TABLE = "_meta"
LOCK_FILE = ".ethics.lock"
#: The database files the app owns (``NAME.json``). Any other *.json in the folder (a stray
#: notes.json) is not ours: it is not read, backed up, restored or written.
DB_NAME_RE = re.compile(r"(main|exports|acks-\d{1,12})\Z")
#: the ``_meta`` table as this program writes it: the last table of the file (see _commit)
_META_KEY = b'"_meta":{"1":{'


def default_actor() -> str:
    """Until login exists the audit actor is the OS user."""
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def _own(value):
    """A copy of a JSON value's lists and dicts (all the way down)."""
    if isinstance(value, dict):
        return {k: _own(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_own(v) for v in value]
    return value


class _CopyingTable(Table):
    """A TinyDB table that never mutates the cached documents in place.

    Stock ``Table.update`` changes the document dicts that ``Storage.read`` returned. We copy
    each document before the updater runs, so an aborted transaction leaves the cache intact.
    In a transaction the documents it hands out (get, search, all, iteration) also have their
    own lists and dicts: its table files come from a cache kept across transactions
    (``table_cache``), which a caller appending to a record's list must not change.
    """

    def _owned(self, doc):
        if isinstance(doc, dict) and not getattr(self._storage, "read_only", False):
            for k, v in doc.items():
                if isinstance(v, (dict, list)):
                    doc[k] = _own(v)
        return doc

    def get(self, *args, **kwargs):
        got = super().get(*args, **kwargs)
        if isinstance(got, list):
            return [self._owned(d) for d in got]
        return self._owned(got)

    def search(self, cond):
        return [self._owned(d) for d in super().search(cond)]

    def __iter__(self):
        for doc in super().__iter__():
            yield self._owned(doc)

    def _update_table(self, updater):
        if getattr(self._storage, "read_only", False):
            raise RuntimeError("snapshot is read-only; use Store.transaction()")
        tables = self._storage.read()
        if tables is None:
            tables = {}
        raw = tables.get(self.name) or {}
        table = {self.document_id_class(k): dict(v) for k, v in raw.items()}
        updater(table)
        tables[self.name] = {str(k): v for k, v in table.items()}
        self._storage.write(tables)
        self.clear_cache()

    def _get_next_id(self):
        """Never below the table's high-water mark: the id of a deleted record is not reused."""
        if self._next_id is None:
            tables = self._storage.read() or {}
            keys = [int(k) for k in tables.get(self.name, {})]
            mark = _high_water(tables, self.name)
            handed_out = (getattr(self._storage, "marks", None) or {}).get(self.name, 0)  # then truncated
            self._next_id = max(keys + [mark, handed_out]) + 1
        next_id = self._next_id
        self._next_id += 1
        marks = getattr(self._storage, "marks", None)
        if marks is not None:
            marks[self.name] = max(marks.get(self.name, 0), next_id)
        return next_id


def _high_water(tables: dict, name: str) -> int:
    meta = tables.get(META_TABLE, {}).get("1", {})
    ids = meta.get("ids") if isinstance(meta, dict) else None
    return int(ids.get(name, 0)) if isinstance(ids, dict) else 0


class _MemoryStorage(Storage):
    """Holds one transaction's (or one snapshot's) data. ``write`` only marks it dirty."""

    def __init__(self, data: dict, read_only: bool = False):
        self.data = data
        self.read_only = read_only
        self.dirty = False
        self.marks: dict[str, int] = {}  # ids handed out in this transaction, per table

    def read(self):
        # a snapshot hands out a copy of the table dict (or the read-only lazy view), so no
        # TinyDB call can change the cache
        if self.read_only:
            return self.data if isinstance(self.data, tfiles.Tables) else dict(self.data)
        return self.data

    def write(self, data) -> None:
        if self.read_only:
            raise RuntimeError("snapshot is read-only; use Store.transaction()")
        self.data = data
        self.dirty = True


class _DB(TinyDB):
    table_class = _CopyingTable


class Transaction:
    """What a ``with store.transaction() as tx`` block gets."""

    def __init__(self, db: TinyDB, storage: _MemoryStorage):
        self.db = db
        self._storage = storage
        self.records: list[dict] = []
        #: after a commit: the root's table-file list as written ({} when every table is in the root)
        self.committed: dict[str, dict] | None = None

    def table(self, name: str) -> Table:
        return self.db.table(name)

    def log(self, action: str, kind: str, record_id=None, fields=(), note: str = "") -> None:
        """Queue an audit entry, written with the change. Never pass confidential values."""
        self.records.append({"action": action, "kind": kind, "id": record_id, "fields": list(fields), "note": note})

    def put(self, table: str, doc_id: int, doc: Mapping) -> None:
        """Replace (or add) document ``doc_id`` of ``table`` whole. Never changes a document in
        place: the transaction's documents are the store's cached ones. The index of a table
        file is changed in place, what it replaced kept to be put back (``TxTables.keep``).
        Remembers the keys put, so that the commit appends just those to the table's journal."""
        tables = self._storage.read()
        src = tables.get(table) or {}
        key = str(int(doc_id))
        hints = getattr(tables, "hints", None)
        hint = hints.get(table) if hints is not None else None
        if hint is not None and hint[0] is src:
            docs, keys = src, hint[1] | {key}  # the index as read: no copy (see TxTables.keep)
        elif hints is not None and tables.mine.get(table) is src:
            docs, keys = src, {key}
        else:
            docs, keys = dict(src), None
        if keys is not None:
            tables.keep(table, key)
        docs[key] = dict(doc)
        tables[table] = docs
        if keys is not None:
            hints[table] = (docs, keys)
        elif hints is not None:
            hints.pop(table, None)
        self._storage.write(tables)
        tbl = self.db.table(table)
        tbl.clear_cache()
        self._storage.marks[table] = max(self._storage.marks.get(table, 0), int(doc_id))
        tbl._next_id = None  # recomputed from the table and the high-water mark

    def table_file(self, table: str) -> dict | None:
        """The root's entry (file, sha256, counts) for ``table`` as this transaction read it,
        None for a table kept in the root."""
        data = self._storage.data
        return data.old.get(table) if isinstance(data, tfiles.TxTables) else None

    def put_many(self, table: str, docs: Mapping[int, Mapping], *, replace_all: bool = False) -> None:
        """Replace (or add) several documents of ``table`` whole, ``{doc_id: doc}``, in one pass
        over the table; with ``replace_all`` the table holds exactly ``docs`` afterwards."""
        new = {int(k): dict(d) for k, d in docs.items()}

        def apply(t):
            if replace_all:
                t.clear()
            t.update(new)

        tbl = self.db.table(table)
        tbl._update_table(apply)
        if new:
            self._storage.marks[table] = max(self._storage.marks.get(table, 0), max(new))
        tbl._next_id = None  # recomputed from the table and the high-water mark


def _undo(written: list[Path], appended: list[tuple[Path, int, int]]) -> None:
    """A failed commit: remove the table files it wrote and cut off the lines it appended."""
    for target in written:
        _unlink_quiet(target)
    for target, start, end in appended:
        journal.cut_back(target, start, end)


def _unlink_quiet(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # removed at the next open (a leftover table file)


class Store:
    def __init__(self, data_dir: Path | str, *, lock_timeout: float = 15.0, backup_keep: int = 10):
        self.dir = Path(data_dir)
        self.lock_timeout = lock_timeout
        self.backup_keep = backup_keep
        self._tlock = threading.RLock()  # this process's threads: the cache, a write in progress
        self._wlock = threading.RLock()  # this process's writers, one at a time (see locked)
        self._flock = None  # store.filelock_fast.StoreLock, made on first use
        self._cache: dict[str, tuple[tuple, tfiles.Tables]] = {}
        #: table files by name (immutable, see store/tables.py): (journal length, tip, documents,
        #: the file's stat key when a transaction read it)
        self._tcache: dict[str, tuple] = {}
        self._txcache: dict[str, tuple] = {}  # the same, for transactions only
        self.split_at: int | None = None  # None: tables.SPLIT_AT
        self.compact_at: int | None = None  # journal bytes that start a compaction (None: journal.compact_due)
        self.compact_in_background = True  # False: only Store.compact() compacts (tests)
        self._compactor: threading.Thread | None = None
        self.audit = AuditLog(self.dir / AUDIT_FILE)
        self.notices: list[tuple[str, str]] = []  # things worth telling the user after open

    # -- paths -----------------------------------------------------------------------------
    def path(self, name: str = MAIN) -> Path:
        return self.dir / f"{name}.json"

    @property
    def backups_dir(self) -> Path:
        return self.dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.dir / "logs"

    def db_names(self) -> list[str]:
        return sorted(p.stem for p in self.dir.glob("*.json") if DB_NAME_RE.match(p.stem) and p.is_file())

    def is_empty(self) -> bool:
        """True when the folder holds no database yet (a brand-new office)."""
        return not self.path(MAIN).exists() and not (self.dir / AUDIT_FILE).exists()

    # -- opening ---------------------------------------------------------------------------
    def open(self, *, daily_backup: bool = True) -> Store:
        """Prepare the folder: clean up after a killed writer, migrate, take the daily backup.

        Raises CorruptDatabaseError for a file that does not parse (never overwritten).
        A read-only folder still opens for reading; the notice says so.
        """
        from ethics_tui.store import backup  # local: avoids an import cycle

        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error(exc, self.dir, "สร้างโฟลเดอร์ข้อมูล", "create the data folder") from exc
        self._finish_interrupted_switch()
        glance = {name: self._schema_at_a_glance(name) for name in self.db_names()}
        for name, version in glance.items():
            if version is None:
                self.load(name)  # raises CorruptDatabaseError
        if glance.get(MAIN) is None:  # a deleted or emptied main.json is not a new office
            integrity.check_main_present(self)  # (a whole one is not parsed before the first paint;
        # a users table emptied inside it is caught when the sign-in reads it)
        if not os.access(self.dir, os.W_OK):
            self.notices.append(
                (
                    "โฟลเดอร์ข้อมูลเป็นแบบอ่านอย่างเดียว: ดูข้อมูลได้ แต่บันทึกไม่ได้",
                    "The data folder is read-only: you can look but not save.",
                )
            )
            return self
        if not self._open_needs_work(daily_backup, glance):
            return self  # the usual start: nothing to clean, migrate or back up, so no lock
        with self.locked():
            for folder in self._temp_folders():
                cleanup_temp_files(folder)
            if self.audit.repair_torn_tail():
                self.notices.append(
                    (
                        "พบบันทึกการตรวจสอบที่เขียนไม่จบจากครั้งก่อน และได้ตัดส่วนที่ไม่สมบูรณ์ออกแล้ว",
                        "A half-written audit entry from an interrupted save was removed.",
                    )
                )
            integrity.settle(self, default_actor())
            for path in tfiles.stray_files(self, fresh=True):
                _unlink_quiet(path)
            for path, length in self._stale_journal_tails():
                journal.cut_tail(path, length)
            for name in self.db_names():
                version = self._schema_at_a_glance(name)
                if version in migrations.READABLE:
                    continue
                data = self.load(name)
                version = migrations.schema_of(data)
                if version > migrations.CURRENT_SCHEMA:
                    raise StorageError(
                        f"ไฟล์ {self.path(name)} สร้างโดยโปรแกรมรุ่นใหม่กว่า (schema {version}) — โปรดอัปเดตโปรแกรม",
                        f"{self.path(name)} was written by a newer version (schema {version}); "
                        "please upgrade ethics-tui",
                    )
                if version not in migrations.READABLE and version < migrations.CURRENT_SCHEMA:
                    backup.create_backup(self, reason=f"pre-migrate-{name}-v{version}", locked=True)
                    new = migrations.migrate(self._parse(self.path(name)))
                    rec = {
                        "action": "migrate",
                        "kind": "database",
                        "id": name,
                        "note": f"schema {version} -> {migrations.CURRENT_SCHEMA}",
                    }
                    self._commit(name, new, [rec], default_actor())
            if daily_backup and not self.is_empty():
                backup.daily_backup(self)
        return self

    def _temp_folders(self) -> list[Path]:
        """Where our writers put temp files: the folder, backups/ and the attachment folders."""
        files = self.dir / "files"
        subs = [p for p in files.iterdir() if p.is_dir()] if files.is_dir() else []
        return [self.dir, self.backups_dir, files, *subs]

    def _finish_interrupted_switch(self) -> None:
        """Complete a restore (or demo) that a killed process left half switched."""
        from ethics_tui.store import restore

        if restore.leftovers(self.dir) and os.access(self.dir, os.W_OK):
            with self.locked():
                if restore.finish_interrupted(self.dir):
                    self._cache.clear()
                    self.audit._head = None
                    self.notices.append(
                        (
                            "การกู้คืนข้อมูลครั้งก่อนถูกขัดจังหวะ และได้ทำต่อจนเสร็จแล้ว",
                            "An interrupted restore was completed.",
                        )
                    )

    def _open_needs_work(self, daily_backup: bool, glance: dict[str, int | None]) -> bool:
        """Whether open() has anything to do under the lock (checked cheaply, without it)."""
        from ethics_tui.store import backup
        from ethics_tui.store.atomic import stale_temp_files

        if any(stale_temp_files(folder) for folder in self._temp_folders()):
            return True
        try:
            with open(self.audit.path, "rb") as f:
                if f.seek(0, os.SEEK_END) > 0:
                    f.seek(-1, os.SEEK_END)
                    if f.read(1) != b"\n":
                        return True  # a torn last line
        except FileNotFoundError:
            pass
        if integrity.interrupted(self):
            return True
        for n, version in glance.items():  # each file's schema, as open() just saw it
            if version is None:
                version = migrations.schema_of(self.load(n))
            if version not in migrations.READABLE:
                return True
        if tfiles.stray_files(self) or self._stale_journal_tails():
            return True
        return daily_backup and not self.is_empty() and not backup.has_backup_today(self)

    def _stale_journal_tails(self) -> list[tuple[Path, int]]:
        """Journals longer than their root says, untouched for a while: a killed writer's line
        (the root's ``_meta`` read alone; a root that does not end with it names none)."""
        meta = self._meta_at_a_glance(MAIN)
        return journal.stale_tails(self.dir, tfiles.entries({META_TABLE: {"1": meta}} if meta else {}))

    def _schema_at_a_glance(self, name: str) -> int | None:
        """The schema of a file without parsing it whole (see _meta_at_a_glance)."""
        meta = self._meta_at_a_glance(name)
        try:
            return int(meta["schema"]) if meta is not None else None
        except (KeyError, TypeError, ValueError):
            return None

    def _meta_at_a_glance(self, name: str) -> dict | None:
        """A file's ``_meta`` record read alone from its last few KB (open() must not read 300
        acknowledgement files to start): our files end with the ``_meta`` table (see _commit).
        None when the file does not look so (empty, truncated, garbage, written by hand or by an
        older version): the caller then parses it whole, and a damaged file raises
        CorruptDatabaseError as before. Damage *inside* a well-formed-looking file is found when
        the file is first loaded, which raises the same error and never overwrites it."""
        try:
            with open(self.path(name), "rb") as f:
                size = f.seek(0, os.SEEK_END)
                f.seek(max(0, size - 4096))
                tail = f.read()
                if tail.rfind(_META_KEY) < 0 and size > 4096:  # a long table-file list: look further
                    f.seek(max(0, size - 65536))
                    tail = f.read()
        except OSError:
            return None
        at = tail.rfind(_META_KEY)
        if at < 0 or not tail.endswith(b"}}}"):
            return None
        try:
            meta = json.loads(tail[at + len(b'"_meta":') : -1].decode("utf-8"))["1"]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None
        return meta if isinstance(meta, dict) else None

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """In-process and cross-process write lock.

        The wait for the file lock (another program or PC saving) holds only ``_wlock``, which
        this process's writers share; readers (``load``) take ``_tlock`` alone, so a thread that
        reads is never held up by a writer still waiting for the file lock (the TUI saves in a
        worker while its screens keep reading)."""
        from ethics_tui.store.filelock_fast import StoreLock

        with self._wlock:
            if self._flock is None:
                self._flock = StoreLock(self.dir / LOCK_FILE)
            try:
                self._flock.acquire(self.lock_timeout)
            except OSError as exc:
                from filelock import Timeout  # an OSError too

                if not isinstance(exc, Timeout):
                    raise os_error(exc, self.dir / LOCK_FILE, "ล็อกฐานข้อมูล", "lock the database") from exc
                raise StorageError(
                    "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมหรือเครื่องอื่น โปรดลองใหม่อีกครั้ง",
                    "The database is busy (another program or PC is saving); please try again.",
                ) from exc
            try:
                with self._tlock:
                    yield
            finally:
                self._flock.release()

    # -- reading ---------------------------------------------------------------------------
    def _stat_key(self, path: Path):
        st = path.stat()
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def load(self, name: str = MAIN) -> tfiles.Tables:
        """The tables of a database (empty when it does not exist yet), as a read-only mapping;
        a table kept in its own file is read on first use. Cached."""
        path = self.path(name)
        with self._tlock:
            try:
                key = self._stat_key(path)
            except FileNotFoundError:
                self._cache.pop(name, None)
                return tfiles.Tables(self, name, {})
            except OSError as exc:
                raise os_error(exc, path, "อ่านฐานข้อมูล", "read the database") from exc
            cached = self._cache.get(name)
            if cached and cached[0] == key:
                return cached[1]
            data = tfiles.Tables(self, name, self._parse(path))
            self._cache[name] = (key, data)
            self._prune_table_cache()
            return data

    def _prune_table_cache(self) -> None:
        live = {e["file"] for _key, t in self._cache.values() for e in t.entries.values()}
        for cache in (self._tcache, self._txcache):
            for fname in [f for f in cache if f not in live]:
                del cache[fname]

    def _table_file(self, db: str, table: str, entry: dict, edited: list | None = None, tx: bool = False) -> dict:
        """A table file's documents with its journal applied (see ``table_cache.read``)."""
        return table_cache.read(self, db, table, entry, edited, tx)

    def count(self, table: str, active_only: bool = False, name: str = MAIN) -> int:
        """How many documents a table holds (for a table file, from the root: the file is not read)."""
        return self.load(name).count(table, active_only)

    def _parse(self, path: Path, raw: bytes | None = None) -> dict:
        from ethics_tui.store import backup

        try:
            raw = path.read_bytes() if raw is None else raw
        except OSError as exc:
            raise os_error(exc, path, "อ่านฐานข้อมูล", "read the database") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise ValueError("top level is not a dict of tables")
        except (ValueError, UnicodeDecodeError) as exc:
            raise CorruptDatabaseError(path, str(exc)[:120], backup.newest_good_backup(self)) from None
        return data

    def snapshot(self, name: str = MAIN) -> TinyDB:
        """A read-only TinyDB over the current data, for queries."""
        return _DB(storage=_MemoryStorage, data=self.load(name), read_only=True)

    # -- writing ---------------------------------------------------------------------------
    def _read_fresh(self, name: str) -> dict:
        """Parse the file now, under the lock, into objects nobody else holds."""
        return self._read_fresh_raw(name)[0]

    def _read_fresh_raw(self, name: str) -> tuple[dict, bytes | None]:
        path = self.path(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}, None
        except OSError as exc:
            raise os_error(exc, path, "อ่านฐานข้อมูล", "read the database") from exc
        return self._parse(path, raw), raw

    def _write(self, name: str, data: dict) -> None:
        """Write a file without an audit entry (restore stamps heads with it). Prefer _commit."""
        if not DB_NAME_RE.match(name):  # backups and restore would miss it
            raise ValueError(f"unknown database name {name!r}: add it to DB_NAME_RE")
        path = self.path(name)
        payload = encode_json(data, path)
        atomic_write_bytes(path, payload)
        self._cache[name] = (self._stat_key(path), tfiles.Tables(self, name, data))

    def _commit(self, name: str, data: dict, records: list[dict], actor: str, pre=(), marks=None) -> dict:
        """Write each changed table file, append the audit entries, then replace the root; undo
        the append (and remove the new table files) if that fails.

        Every entry names the file (``db``); the last one also carries the SHA-256 of the root's
        tables and its table-file list (``digest``), so ``verify`` can tell a file that was
        replaced, emptied or edited outside the program. Caller holds the lock. ``data`` is the
        transaction's ``TxTables`` (only the tables it touched are written) or a plain dict of
        every table (a migration).
        """
        path = self.path(name)
        meta = dict(data.get(META_TABLE, {}).get("1", {}))
        if isinstance(data, tfiles.TxTables):
            old, kept, touched = data.old, dict(data.lazy), data.touched
        else:
            old = tfiles.entries(data)
            kept = {t: e for t, e in old.items() if t not in data}
            touched = set(data)
        loaded = {k: v for k, v in dict.items(data) if k != META_TABLE}
        ids = dict(meta.get("ids") or {})
        for table, top in (marks or {}).items():
            if table != META_TABLE:
                ids[table] = max(ids.get(table, 0), top)
        tx = data if isinstance(data, tfiles.TxTables) else None
        for table, docs in loaded.items():
            if not isinstance(docs, dict):
                continue
            hint = tx.hints.get(table) if tx is not None else None
            if tx is not None and table in ids and table in tx.orig and table not in touched:
                continue  # a table file read, not changed: its mark was set when it was saved
            if hint is not None and hint[0] is docs and table in ids and table in tx.orig:
                keys = hint[1]  # only these were put into the table as saved (see Transaction.put)
            else:
                keys = docs
            top = max((int(k) for k in keys), default=0)
            if top > ids.get(table, 0):
                ids[table] = top
        meta["ids"] = ids
        split_at = tfiles.SPLIT_AT if self.split_at is None else self.split_at
        body, listed, writes, appends = tfiles.split(self.dir, name, loaded, old, kept, touched, split_at, tx)
        written: list[Path] = []
        appended: list[tuple[Path, int, int]] = []
        try:
            for target, raw in writes:  # new names: nothing refers to them until the root does
                atomic_write_bytes(target, raw)
                written.append(target)
            for _table, target, line, entry in appends:  # not data until the root names the new tip
                start, end = journal.append(target, line, sync=False)  # fsynced with the root, below
                appended.append((target, start, end))
                j = entry["journal"]
                entry["journal"] = {"len": end, "tip": journal.line_hash(line), "lines": j["lines"] + 1}
        except BaseException:
            _undo(written, appended)
            raise
        if listed:
            meta["tables"] = listed
        else:
            meta.pop("tables", None)
        if any(journal.committed(e)[0] for e in listed.values()):
            meta["schema"] = migrations.JOURNAL_SCHEMA
        elif meta.get("schema") == migrations.JOURNAL_SCHEMA:
            meta["schema"] = migrations.CURRENT_SCHEMA
        records = [dict(r, db=name) for r in records]
        if meta.get("schema") in (None, 1):
            if meta.get("schema") == 1:
                why = " (large tables in their own files)" if name in tfiles.SPLIT_DBS else ""
                records.insert(
                    0,
                    {
                        "action": "migrate",
                        "kind": "database",
                        "id": name,
                        "db": name,
                        "note": f"schema 1 -> {migrations.CURRENT_SCHEMA}{why}",
                    },
                )
            meta["schema"] = migrations.CURRENT_SCHEMA
        body_bytes = encode_json(body, path)
        records[-1]["digest"] = meta["digest"] = hashlib.sha256(body_bytes + tfiles.suffix(meta)).hexdigest()
        first = self.audit.head().seq + len(pre) + 1
        records[-1]["first"] = first
        lines, head = self.audit.prepare(list(pre) + records, actor)
        meta["audit_head"] = {"seq": head.seq, "hash": head.hash}
        tail = b'"_meta":' + encode_json({"1": meta}, path) + b"}"
        payload = body_bytes[:-1] + (b"," if len(body_bytes) > 2 else b"") + tail
        try:
            before = self.audit.write(lines, sync=not appended)
            try:  # the journal lines and the audit entries are on disk before the root names them
                synced = (self.audit.path, *(target for target, _s, _e in appended)) if appended else ()
                atomic_write_bytes(path, payload, also_sync=synced)
            except BaseException:
                self.audit.rollback(before)
                raise
        except BaseException:
            _undo(written, appended)
            raise
        # The written objects may be shared with the caller's (a model's lists): the next
        # load() parses the file again rather than cache something the caller can still change.
        self._cache.pop(name, None)
        for table, _target, line, entry in appends:  # the new state: the transaction's index, with
            got = self._txcache.get(entry["file"])  # the documents decoded from the bytes written
            if got is not None and tx is not None and got[2] is tx.orig.get(table):
                mine, change = loaded[table], json.loads(line)
                for key in change.get("del", ()):
                    mine.pop(key, None)
                mine.update(change.get("put", {}))
                j = entry["journal"]
                self._txcache[entry["file"]] = (j["len"], j["tip"], mine, got[3])
                if mine is got[2]:
                    tx.fresh.add(table)  # the index changed in place is now the committed one
        live = {e["file"] for e in listed.values()}
        for e in old.values():
            if e["file"] not in live:
                self._tcache.pop(e["file"], None)
                self._txcache.pop(e["file"], None)
                _unlink_quiet(self.dir / e["file"])
                _unlink_quiet(self.dir / journal.name_for(e["file"]))
        return listed

    def audit_only(self, action, kind, record_id=None, fields=(), note="", actor=None) -> None:
        """Append an audit entry without changing a database (caller holds the lock)."""
        pre = integrity.before_write(self, MAIN, None)
        self.audit.append(
            pre + [{"action": action, "kind": kind, "id": record_id, "fields": list(fields), "note": note}],
            actor or default_actor(),
        )

    def log_event(self, action, kind, record_id=None, note="", actor=None) -> None:
        """Record an event that changes no record (an export, a backup) in the audit log."""
        with self.locked():
            self.audit_only(action, kind, record_id, note=note, actor=actor)

    @contextmanager
    def transaction(self, name: str = MAIN, actor: str | None = None) -> Iterator[Transaction]:
        """Read-modify-write under the lock. Writes once at the end, or not at all on error."""
        if not DB_NAME_RE.match(name):  # backups, restore and verify would miss it
            raise ValueError(f"unknown database name {name!r}: add it to DB_NAME_RE")
        with self.locked():
            data, raw = self._read_fresh_raw(name)  # never the cache: see the module docstring
            pre = integrity.before_write(self, name, data, raw)  # refuses a file the log knows is gone
            if not data:
                data = migrations.new_database()
            edited: list[str] = []

            def table_file(table: str, entry: dict) -> dict:
                # the root was read fresh: its entry names the file and the committed journal
                # (length and hash chain), so a cached state of exactly that is the same content
                return self._table_file(name, table, entry, edited, tx=True)

            tables = tfiles.TxTables(data, table_file, edited)
            db = _DB(storage=_MemoryStorage, data=tables)
            storage: _MemoryStorage = db.storage  # type: ignore[assignment]
            tx = Transaction(db, storage)
            try:
                yield tx
            except BaseException:
                tables.restore()
                table_cache.forget(self, tables)
                raise
            if not storage.dirty and not tx.records:
                tables.restore()
                table_cache.forget(self, tables)
                return
            records = tx.records or [{"action": "save", "kind": name, "id": None, "fields": []}]
            try:
                pre = list(pre) + integrity.table_edits(self, name, data, edited)
                tx.committed = self._commit(name, storage.data, records, actor or default_actor(), pre, storage.marks)
            finally:
                tables.restore()  # what the commit did not make the cache's (all of it when it failed)
        listed = tx.committed if isinstance(tx.committed, dict) else {}
        if self.compact_in_background and any(self._compact_due(e) for e in listed.values()):
            table_cache.compact_later(self, name)

    # -- compaction ------------------------------------------------------------------------
    def compact(self, name: str = MAIN, actor: str | None = None, force: bool = False) -> list[str]:
        """Fold each large journal of ``name`` into a new table file (see ``table_cache.compact``)."""
        return table_cache.compact(self, name, actor, force)

    def _compact_due(self, entry: dict) -> bool:
        return journal.compact_due(self.dir, entry, self.compact_at)

    def meta(self, name: str = MAIN) -> dict:
        return dict(self.load(name).get(META_TABLE, {}).get("1", {}))
