"""The store: TinyDB tables in JSON files, written atomically under a cross-process lock.

Layout of a data folder::

    main.json        the root: small tables + _meta (schema, audit head, the table files' list)
    main.T.X.json    a large table of main in its own immutable file (store/tables.py)
    audit.jsonl      hash-chained audit log (append-only, kept out of main.json)
    backups/         rotating automatic backups and manual ones (zip)
    logs/            error log of the TUI
    .ethics.lock     the cross-process lock file

Later registers may keep fast-growing data in their own files (``store.transaction("acks-12")``; see DB_NAME_RE).

Reads never lock: writes replace files atomically, so a reader sees the old or the new file.
A parsed file is cached and reused while its (mtime, size, inode) is unchanged.

Writes go through :meth:`Store.transaction`, which takes the in-process lock and the file lock,
parses the file afresh (never trusting the cache key, which can repeat on coarse file systems,
and never sharing objects with the cache), lets the caller change the TinyDB tables, then
appends the audit entries (tagged with the file and a digest of its content) and replaces the
file once. If the file cannot be written the audit append is cut back; an exception anywhere
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
from ethics_tui.store import integrity, migrations
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
    except Exception:  # noqa: BLE001 - no user name on some systems
        return "unknown"


class _CopyingTable(Table):
    """A TinyDB table that never mutates the cached documents in place.

    Stock ``Table.update`` changes the document dicts that ``Storage.read`` returned. We copy
    each document before the updater runs, so an aborted transaction leaves the cache intact.
    """

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
        """Replace (or add) document ``doc_id`` of ``table`` whole. Copies the table's index,
        not its documents: the transaction's documents are its own (read fresh, never the
        cache), and the other documents are not changed."""
        tables = self._storage.read()
        docs = dict(tables.get(table) or {})
        docs[str(int(doc_id))] = dict(doc)
        tables[table] = docs
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
        self._tlock = threading.RLock()
        self._flock = None  # filelock.FileLock, made on first use
        self._cache: dict[str, tuple[tuple, tfiles.Tables]] = {}
        self._tcache: dict[str, dict] = {}  # table files by name (immutable, see store/tables.py)
        self.split_at: int | None = None  # None: tables.SPLIT_AT
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
        if tfiles.stray_files(self):
            return True
        return daily_backup and not self.is_empty() and not backup.has_backup_today(self)

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
        """In-process and cross-process write lock."""
        from filelock import FileLock, Timeout  # imported on first write: keeps start-up fast

        with self._tlock:
            if self._flock is None:
                self._flock = FileLock(str(self.dir / LOCK_FILE), timeout=self.lock_timeout)
            try:
                self._flock.acquire()
            except Timeout as exc:
                raise StorageError(
                    "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมหรือเครื่องอื่น โปรดลองใหม่อีกครั้ง",
                    "The database is busy (another program or PC is saving); please try again.",
                ) from exc
            except OSError as exc:
                raise os_error(exc, self.dir / LOCK_FILE, "ล็อกฐานข้อมูล", "lock the database") from exc
            try:
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
        for fname in [f for f in self._tcache if f not in live]:
            del self._tcache[fname]

    def _table_file(self, db: str, table: str, entry: dict) -> dict:
        """A table file's documents (cached by name: the files are never rewritten)."""
        fname = entry["file"]
        with self._tlock:
            got = self._tcache.get(fname)
            if got is not None:
                return got
            try:
                docs, _sha = tfiles.read_file(self, fname)
            except integrity.MissingFileError:
                # a writer may have replaced it since this root was read: follow the current root
                newer = self.load(db).entries.get(table)
                if newer and newer["file"] != fname:
                    return self._table_file(db, table, newer)
                raise
            self._tcache[fname] = docs
            return docs

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
        for table, docs in loaded.items():
            if not isinstance(docs, dict):
                continue
            top = max((int(k) for k in docs), default=0)
            if top > ids.get(table, 0):
                ids[table] = top
        meta["ids"] = ids
        split_at = tfiles.SPLIT_AT if self.split_at is None else self.split_at
        body, listed, writes = tfiles.split(self.dir, name, loaded, old, kept, touched, split_at)
        if listed:
            meta["tables"] = listed
        else:
            meta.pop("tables", None)
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
        written: list[Path] = []
        try:
            for target, raw in writes:  # new names: nothing refers to them until the root does
                atomic_write_bytes(target, raw)
                written.append(target)
            before = self.audit.write(lines)
            try:
                atomic_write_bytes(path, payload)
            except BaseException:
                self.audit.rollback(before)
                raise
        except BaseException:
            for target in written:
                _unlink_quiet(target)
            raise
        # The written objects may be shared with the caller's (a model's lists): the next
        # load() parses the file again rather than cache something the caller can still change.
        self._cache.pop(name, None)
        live = {e["file"] for e in listed.values()}
        for e in old.values():
            if e["file"] not in live:
                self._tcache.pop(e["file"], None)
                _unlink_quiet(self.dir / e["file"])
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

            def fresh_table(table: str, entry: dict) -> dict:
                docs, sha = tfiles.read_file(self, entry["file"])  # never the cache, as above
                if sha != entry.get("sha256"):
                    edited.append(table)
                return docs

            db = _DB(storage=_MemoryStorage, data=tfiles.TxTables(data, fresh_table))
            storage: _MemoryStorage = db.storage  # type: ignore[assignment]
            tx = Transaction(db, storage)
            yield tx
            if not storage.dirty and not tx.records:
                return
            records = tx.records or [{"action": "save", "kind": name, "id": None, "fields": []}]
            pre = list(pre) + integrity.table_edits(self, name, data, edited)
            tx.committed = self._commit(name, storage.data, records, actor or default_actor(), pre, storage.marks)

    def meta(self, name: str = MAIN) -> dict:
        return dict(self.load(name).get(META_TABLE, {}).get("1", {}))
