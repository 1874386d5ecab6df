"""Large tables of ``main`` in their own files: copy-on-write generations under a small root.

``main.json`` stays the root and the single commit point: it holds the small tables and
``_meta``, whose ``tables`` entry names, for each table kept in its own file, that file
(``main.<table>.<12 hex>.json``, immutable once written), its SHA-256, its document count and
its count of active documents (``active`` not false)::

    "_meta": {"1": {"schema": 2, ..., "tables": {"staff": {"file": "main.staff.0a1b2c3d4e5f.json",
                                                           "sha256": "...", "count": 10000, "active": 9800}}}}

A save writes a new file only for each table it changed, then the audit entries, then the root
(see ``Store._commit``); the superseded files are removed after the root is in place. A process
killed before the root replace leaves the old root naming the old files: the new ones are
leftovers that the next ``open`` removes (exact names, and only when the root parses).

A table moves to its own file when a save finds it holding more than ``SPLIT_AT`` documents
(small offices keep one file); once split it stays split. The audit digest of a save covers the
root's tables *and* its ``tables`` list, so ``verify`` catches a root that was edited, and the
SHA-256 in the list catches a table file that was deleted, emptied, replaced or edited.
Files are read only when a table is first used (``Tables``), and cached by name.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path

from ethics_tui.errors import CorruptDatabaseError, StorageError
from ethics_tui.store.atomic import encode_json, os_error

META = "_meta"
#: databases whose large tables may live in their own files
SPLIT_DBS = ("main",)
#: a table with more documents than this gets its own file at the next save that changes it
SPLIT_AT = 200
TABLE_NAME_RE = re.compile(r"[a-z_][a-z0-9_]{0,63}\Z")
#: the exact name of a table file: ``<db>.<table>.<12 hex digits>.json``
TABLE_FILE_RE = re.compile(r"(main)\.([a-z_][a-z0-9_]{0,63})\.([0-9a-f]{12})\.json\Z")


def entries(root: Mapping) -> dict[str, dict]:
    """The ``tables`` list of a root (``{}`` for a file with every table inline)."""
    meta = root.get(META, {}).get("1", {}) if isinstance(root.get(META), dict) else {}
    found = meta.get("tables") if isinstance(meta, dict) else None
    if not isinstance(found, dict):
        return {}
    return {t: e for t, e in found.items() if valid_entry(t, e)}


def valid_entry(table: str, entry) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        return False
    m = TABLE_FILE_RE.match(entry["file"])
    return bool(m) and m.group(2) == table


def suffix(meta: Mapping) -> bytes:
    """What the audit digest adds after the root's tables: the ``tables`` list, when there is one."""
    listed = meta.get("tables") if isinstance(meta, Mapping) else None
    if not listed:
        return b""
    return b"\n" + json.dumps(listed, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def new_file_name(db: str, table: str) -> str:
    return f"{db}.{table}.{secrets.token_hex(6)}.json"


def counts(docs: dict) -> tuple[int, int]:
    active = sum(1 for d in docs.values() if not isinstance(d, dict) or d.get("active", True))
    return len(docs), active


def parse_table(path: Path, raw: bytes) -> dict:
    try:
        docs = json.loads(raw.decode("utf-8"))
        if not isinstance(docs, dict) or not all(isinstance(v, dict) for v in docs.values()):
            raise ValueError("not a table (dict of records)")
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptDatabaseError(path, str(exc)[:120], None) from None
    return docs


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def files_in(folder: Path) -> list[Path]:
    """Every table file in the folder (exact names, regular files)."""
    try:
        return sorted(
            p for p in Path(folder).iterdir() if TABLE_FILE_RE.match(p.name) and p.is_file() and not p.is_symlink()
        )
    except OSError:
        return []


def split(folder: Path, name: str, loaded: dict, old: dict, kept: dict, touched: set, split_at: int):
    """(root tables, table-file list, files to write) for a commit: a table keeps its file
    unless this save changed it; a large root table moves to a file of its own."""
    body: dict = {}
    listed: dict[str, dict] = dict(kept)
    writes: list[tuple[Path, bytes]] = []
    for table, docs in loaded.items():
        entry = old.get(table)
        splittable = (
            name in SPLIT_DBS and isinstance(docs, dict) and TABLE_NAME_RE.match(table) and len(docs) > split_at
        )
        if entry is None and not splittable:
            body[table] = docs
            continue
        if entry is not None and table not in touched:
            listed[table] = entry
            continue
        raw = encode_json(docs, folder / f"{name}.{table}")
        sha = sha256(raw)
        if entry is not None and entry.get("sha256") == sha:
            listed[table] = entry
            continue
        fname = new_file_name(name, table)
        count, active = counts(docs)
        listed[table] = {"file": fname, "sha256": sha, "count": count, "active": active}
        writes.append((folder / fname, raw))
    return body, dict(sorted(listed.items())), writes


def read_file(store, fname: str) -> tuple[dict, str]:
    """Parse a table file now: (documents, SHA-256 of its bytes). Raises StorageError."""
    from ethics_tui.store import integrity

    path = store.dir / fname
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise integrity.missing_error(fname[: -len(".json")], store) from None
    except OSError as exc:
        raise os_error(exc, path, "อ่านฐานข้อมูล", "read the database") from exc
    try:
        docs = parse_table(path, raw)
    except CorruptDatabaseError as exc:  # as for a damaged main.json: point to the newest good backup
        from ethics_tui.store import backup

        exc.backup = backup.newest_good_backup(store)
        raise
    return docs, sha256(raw)


def stray_files(store, fresh: bool = False) -> list[Path]:
    """Table files no root names: written by a save killed before its root was replaced.
    Only when every root in the folder reads cleanly (``fresh``: parsed, under the lock);
    a missing root keeps them all (the audit log will say the root is gone)."""
    found = files_in(store.dir)
    if not found:
        return []
    live: set[str] = set()
    for db in {TABLE_FILE_RE.match(p.name).group(1) for p in found}:
        if not store.path(db).is_file():
            return []
        if fresh:
            try:
                root = store._read_fresh(db)
            except StorageError:
                return []
        else:
            meta = store._meta_at_a_glance(db)
            if meta is None:
                return []
            root = {META: {"1": meta}}
        live |= {e["file"] for e in entries(root).values()}
    return [p for p in found if p.name not in live]


class Tables(Mapping):
    """What ``Store.load`` returns: the root's tables, and each table file read on first use."""

    def __init__(self, store, db: str, root: dict):
        self.root = root
        self.entries = entries(root)
        self._store = store
        self._db = db
        self._loaded: dict[str, dict] = {}

    def __getitem__(self, key):
        if key in self.root:
            return self.root[key]
        entry = self.entries.get(key)
        if entry is None:
            raise KeyError(key)
        got = self._loaded.get(key)
        if got is None:
            got = self._loaded[key] = self._store._table_file(self._db, key, entry)
        return got

    def __iter__(self) -> Iterator[str]:
        yield from self.root
        yield from (t for t in self.entries if t not in self.root)

    def __len__(self) -> int:
        return len(self.root) + sum(1 for t in self.entries if t not in self.root)

    def __contains__(self, key) -> bool:
        return key in self.root or key in self.entries

    def __setitem__(self, key, value):
        raise RuntimeError("snapshot is read-only; use Store.transaction()")

    def __delitem__(self, key):
        raise RuntimeError("snapshot is read-only; use Store.transaction()")

    def count(self, table: str, active_only: bool = False) -> int:
        """Documents of a table, from the root's list for a table file (the file is not read)."""
        if table not in self.root and table in self.entries:
            e = self.entries[table]
            value = e.get("active" if active_only else "count")
            if isinstance(value, int):
                return value
        docs = self.get(table) or {}
        return counts(docs)[1 if active_only else 0]


class TxTables(dict):
    """A transaction's tables: the root's, and each table file read (fresh) on first use.

    Records which tables the transaction set or dropped, so the commit writes only those."""

    def __init__(self, root: dict, loader):
        super().__init__(root)
        self.lazy = {t: e for t, e in entries(root).items() if t not in root}
        self.old = entries(root)
        self.loader = loader  # (table, entry) -> docs
        self.touched: set[str] = set()

    def _load(self, key):
        docs = self.loader(key, self.lazy.pop(key))
        dict.__setitem__(self, key, docs)
        return docs

    def __missing__(self, key):
        if key in self.lazy:
            return self._load(key)
        raise KeyError(key)

    def get(self, key, default=None):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        if key in self.lazy:
            return self._load(key)
        return default

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self.lazy

    def __iter__(self):
        yield from dict.keys(self)
        yield from list(self.lazy)

    def keys(self):
        return list(self)

    def __len__(self) -> int:
        return dict.__len__(self) + len(self.lazy)

    def __setitem__(self, key, value) -> None:
        self.lazy.pop(key, None)
        self.touched.add(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        if key in self.lazy:
            del self.lazy[key]
        else:
            dict.__delitem__(self, key)
        self.touched.add(key)

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)
