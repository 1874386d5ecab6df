"""The store: TinyDB tables in JSON files, written atomically under a cross-process lock.

Layout of a data folder::

    main.json        settings, divisions, staff (TinyDB tables) + _meta (schema, audit head)
    audit.jsonl      hash-chained audit log (append-only, kept out of main.json)
    backups/         rotating automatic backups and manual ones (zip)
    logs/            error log of the TUI
    .ethics.lock     the cross-process lock file

Later registers may keep fast-growing data in their own files (``store.transaction("acks")``).

Reads never lock: writes replace files atomically, so a reader sees the old or the new file.
A parsed file is cached and reused while its (mtime, size, inode) is unchanged.

Writes go through :meth:`Store.transaction`, which takes the in-process lock and the file lock,
reloads the file if another process changed it, lets the caller change the TinyDB tables,
appends the audit entries, then replaces the file once. An exception inside the block writes
nothing. Records carry a ``rev`` number that services check, so that a clash on a network share
whose locks are unreliable is detected instead of silently overwriting a colleague's save.
"""

from __future__ import annotations

import getpass
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
from ethics_tui.store import migrations
from ethics_tui.store.atomic import atomic_write_bytes, cleanup_temp_files, os_error
from ethics_tui.store.audit import AUDIT_FILE, AuditLog

MAIN = "main"
META_TABLE = "_meta"
LOCK_FILE = ".ethics.lock"
#: how every file this program writes begins (json.dumps of a dict whose first table is _meta)
_HEAD = re.compile(rb'\{"_meta":\{"1":\{"schema":(\d+)[,}]')


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
        tables = self._storage.read() or {}
        raw = tables.get(self.name, {})
        table = {self.document_id_class(k): dict(v) for k, v in raw.items()}
        updater(table)
        tables[self.name] = {str(k): v for k, v in table.items()}
        self._storage.write(tables)
        self.clear_cache()


class _MemoryStorage(Storage):
    """Holds one transaction's (or one snapshot's) data. ``write`` only marks it dirty."""

    def __init__(self, data: dict, read_only: bool = False):
        self.data = data
        self.read_only = read_only
        self.dirty = False

    def read(self):
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

    def table(self, name: str) -> Table:
        return self.db.table(name)

    def log(self, action: str, kind: str, record_id=None, fields=(), note: str = "") -> None:
        """Queue an audit entry, written with the change. Never pass confidential values."""
        self.records.append(
            {"action": action, "kind": kind, "id": record_id, "fields": list(fields), "note": note}
        )

    def put(self, table: str, doc_id: int, doc: Mapping) -> None:
        """Replace document ``doc_id`` of ``table`` whole."""
        new = dict(doc)

        def replace(t):
            t[doc_id] = new

        self.db.table(table)._update_table(replace)


class Store:
    def __init__(self, data_dir: Path | str, *, lock_timeout: float = 15.0, backup_keep: int = 10):
        self.dir = Path(data_dir)
        self.lock_timeout = lock_timeout
        self.backup_keep = backup_keep
        self._tlock = threading.RLock()
        self._flock = None  # filelock.FileLock, made on first use
        self._cache: dict[str, tuple[tuple, dict]] = {}
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
        return sorted(p.stem for p in self.dir.glob("*.json") if p.is_file())

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
        glance = {name: self._schema_at_a_glance(name) for name in self.db_names()}
        for name, version in glance.items():
            if version is None:
                self.load(name)  # raises CorruptDatabaseError
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
            cleanup_temp_files(self.dir)
            if self.audit.repair_torn_tail():
                self.notices.append(
                    (
                        "พบบันทึกการตรวจสอบที่เขียนไม่จบจากครั้งก่อน และได้ตัดส่วนที่ไม่สมบูรณ์ออกแล้ว",
                        "A half-written audit entry from an interrupted save was removed.",
                    )
                )
            for name in self.db_names():
                version = self._schema_at_a_glance(name)
                if version == migrations.CURRENT_SCHEMA:
                    continue
                data = self.load(name)
                version = migrations.schema_of(data)
                if version > migrations.CURRENT_SCHEMA:
                    raise StorageError(
                        f"ไฟล์ {self.path(name)} สร้างโดยโปรแกรมรุ่นใหม่กว่า (schema {version}) — โปรดอัปเดตโปรแกรม",
                        f"{self.path(name)} was written by a newer version (schema {version}); "
                        "please upgrade ethics-tui",
                    )
                if version < migrations.CURRENT_SCHEMA:
                    backup.create_backup(self, reason=f"pre-migrate-{name}-v{version}", locked=True)
                    new = migrations.migrate(data)
                    self._write(name, new)
                    self.audit_only(
                        "migrate", "database", name, note=f"schema {version} -> {migrations.CURRENT_SCHEMA}"
                    )
            if daily_backup and not self.is_empty():
                backup.daily_backup(self)
        return self

    def _open_needs_work(self, daily_backup: bool, glance: dict[str, int | None]) -> bool:
        """Whether open() has anything to do under the lock (checked cheaply, without it)."""
        from ethics_tui.store import backup
        from ethics_tui.store.atomic import TEMP_MARK

        if any(self.dir.glob(f"*{TEMP_MARK}*")):
            return True
        try:
            with open(self.audit.path, "rb") as f:
                if f.seek(0, os.SEEK_END) > 0:
                    f.seek(-1, os.SEEK_END)
                    if f.read(1) != b"\n":
                        return True  # a torn last line
        except FileNotFoundError:
            pass
        for n, version in glance.items():  # each file's schema, as open() just saw it
            if version is None:
                version = migrations.schema_of(self.load(n))
            if version != migrations.CURRENT_SCHEMA:
                return True
        return daily_backup and not self.is_empty() and not backup.has_backup_today(self)

    def _schema_at_a_glance(self, name: str) -> int | None:
        """The schema of a file as this program writes it, without parsing it (open() must not
        read 300 acknowledgement files to start): our files begin with the ``_meta`` table and
        end like a dict of tables. None when the file does not look so (empty, truncated,
        garbage, written by hand): the caller then parses it whole, and a damaged file raises
        CorruptDatabaseError as before. Damage *inside* a well-formed-looking file is found
        when the file is first loaded, which raises the same error and never overwrites it."""
        try:
            with open(self.path(name), "rb") as f:
                head = f.read(64)
                size = f.seek(0, os.SEEK_END)
                f.seek(max(0, size - 3))
                tail = f.read()
        except OSError:
            return None
        match = _HEAD.match(head)
        if match is None or tail not in (b"}}}", b"{}}"):  # the last table closes, then the file
            return None
        return int(match.group(1))

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

    def load(self, name: str = MAIN) -> dict:
        """The parsed data of a database file ({} when it does not exist yet). Cached."""
        path = self.path(name)
        with self._tlock:
            try:
                key = self._stat_key(path)
            except FileNotFoundError:
                self._cache.pop(name, None)
                return {}
            except OSError as exc:
                raise os_error(exc, path, "อ่านฐานข้อมูล", "read the database") from exc
            cached = self._cache.get(name)
            if cached and cached[0] == key:
                return cached[1]
            data = self._parse(path)
            self._cache[name] = (key, data)
            return data

    def _parse(self, path: Path) -> dict:
        from ethics_tui.store import backup

        try:
            raw = path.read_bytes()
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
    def _write(self, name: str, data: dict) -> None:
        path = self.path(name)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        atomic_write_bytes(path, payload)
        self._cache[name] = (self._stat_key(path), data)

    def audit_only(self, action, kind, record_id=None, fields=(), note="", actor=None) -> None:
        """Append an audit entry without changing a database (caller holds the lock)."""
        self.audit.append(
            [{"action": action, "kind": kind, "id": record_id, "fields": list(fields), "note": note}],
            actor or default_actor(),
        )

    def log_event(self, action, kind, record_id=None, note="", actor=None) -> None:
        """Record an event that changes no record (an export, a backup) in the audit log."""
        with self.locked():
            self.audit_only(action, kind, record_id, note=note, actor=actor)

    @contextmanager
    def transaction(self, name: str = MAIN, actor: str | None = None) -> Iterator[Transaction]:
        """Read-modify-write under the lock. Writes once at the end, or not at all on error."""
        with self.locked():
            base = self.load(name)  # reloads if another process wrote in between
            data = dict(base)  # top-level copy: tables are replaced, never mutated
            if not data:
                data = migrations.new_database()
            storage_args = {"data": data}
            db = _DB(storage=_MemoryStorage, **storage_args)
            storage: _MemoryStorage = db.storage  # type: ignore[assignment]
            tx = Transaction(db, storage)
            yield tx
            if not storage.dirty and not tx.records:
                return
            data = storage.data
            head = self.audit.append(tx.records, actor or default_actor())
            meta = dict(data.get(META_TABLE, {}).get("1", {}))
            meta["audit_head"] = {"seq": head.seq, "hash": head.hash}
            meta.setdefault("schema", migrations.CURRENT_SCHEMA)
            data[META_TABLE] = {"1": meta}
            self._write(name, data)

    def meta(self, name: str = MAIN) -> dict:
        return dict(self.load(name).get(META_TABLE, {}).get("1", {}))
