"""Large tables of ``main`` in their own files: copy-on-write generations under a small root.

``main.json`` stays the root and the single commit point: it holds the small tables and
``_meta``, whose ``tables`` entry names, for each table kept in its own file, that file
(``main.<table>.<12 hex>.json``, immutable once written), its SHA-256, its document count and
its count of active documents (``active`` not false)::

    "_meta": {"1": {"schema": 2, ..., "tables": {"staff": {"file": "main.staff.0a1b2c3d4e5f.json",
                                                           "sha256": "...", "count": 10000, "active": 9800}}}}

A save appends the documents it changed to each changed table's journal (store/journal.py;
the entry then also names the journal's committed length and tip), or writes a new file for a
table it changed a lot, then the audit entries, then the root (see ``Store._commit``); the
superseded files are removed after the root is in place. A process
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
from ethics_tui.store import journal
from ethics_tui.store.atomic import encode_json, os_error
from ethics_tui.store.journal import JOURNAL_FILE_RE

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
    """Every table file and journal in the folder (exact names, regular files)."""
    try:
        return sorted(
            p
            for p in Path(folder).iterdir()
            if (TABLE_FILE_RE.match(p.name) or JOURNAL_FILE_RE.match(p.name)) and p.is_file() and not p.is_symlink()
        )
    except OSError:
        return []


def split(folder: Path, name: str, loaded: dict, old: dict, kept: dict, touched: set, split_at: int, tx=None):
    """(root tables, table-file list, files to write, journal lines to append) for a commit: a
    table keeps its file unless this save changed it; a changed table file gets the change
    appended to its journal (``tx``: the transaction's ``TxTables``, which knows what it read)
    or, for a large change, a new file; a large root table moves to a file of its own, and
    once a table is in a file of its own the root's other large tables follow (``ROOT_MAX``)."""
    body: dict = {}
    listed: dict[str, dict] = dict(kept)
    writes: list[tuple[Path, bytes]] = []
    appends: list[tuple[str, Path, bytes, dict]] = []
    orig = getattr(tx, "orig", {})
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
        if entry is not None and table in orig and table not in tx.edited and table not in tx.rewrite:
            planned = plan_append(folder, entry, tx.pristine(table), docs, tx.hints.get(table))
            if planned is not None:
                listed[table] = planned[1] if planned[0] else entry
                if planned[0]:
                    appends.append((table, folder / journal.name_for(entry["file"]), *planned))
                continue
        raw = encode_json(docs, folder / f"{name}.{table}")
        sha = sha256(raw)
        if entry is not None and entry.get("sha256") == sha and not journal.committed(entry)[0]:
            listed[table] = entry
            continue
        writes.append(_new_file(folder, name, table, docs, raw, listed))
    movable = {t: d for t, d in body.items() if TABLE_NAME_RE.match(t) and d} if name in SPLIT_DBS and listed else {}
    if movable and len(encode_json(movable, folder)) > ROOT_MAX:  # one encode in the usual case
        sizes = {t: len(encode_json(d, folder)) for t, d in movable.items()}
        total = sum(sizes.values())
        for table in sorted(sizes, key=lambda t: -sizes[t]):
            if total <= ROOT_MAX or sizes[table] < ROOT_TABLE_MIN:
                break
            docs = body.pop(table)
            writes.append(_new_file(folder, name, table, docs, encode_json(docs, folder), listed))
            total -= sizes[table]
    return body, dict(sorted(listed.items())), writes, appends


#: once a table of main lives in its own file, the root's tables larger than ROOT_TABLE_MIN
#: bytes move to files of their own while the root's tables are larger than this (a save then
#: rewrites a small root, and appends to a journal)
ROOT_MAX = 4096
ROOT_TABLE_MIN = 512


def _new_file(folder: Path, name: str, table: str, docs: dict, raw: bytes, listed: dict) -> tuple[Path, bytes]:
    fname = new_file_name(name, table)
    count, active = counts(docs)
    listed[table] = {"file": fname, "sha256": sha256(raw), "count": count, "active": active, "size": len(raw)}
    return folder / fname, raw


def _active(doc) -> int:
    return int(not isinstance(doc, dict) or bool(doc.get("active", True)))


def plan_append(folder: Path, entry: dict, orig: dict, docs: dict, hint) -> tuple[bytes, dict] | None:
    """(journal line, new entry) for a table whose change is small next to its file; (b"", entry)
    when nothing changed; None when the table file should be rewritten instead. ``hint``:
    (table dict, keys) when the transaction only put those documents into ``orig``."""
    if hint is not None and hint[0] is docs:
        put = {k: docs[k] for k in sorted(hint[1], key=lambda k: (len(k), k)) if k in docs}
        dels: list[str] = []
    else:
        put = {k: v for k, v in docs.items() if orig.get(k) is not v and orig.get(k) != v}
        dels = [k for k in orig if k not in docs]
    if not put and not dels:
        return b"", entry
    length, tip, lines = journal.committed(entry)
    line = journal.encode_line(tip or journal.genesis(entry["file"]), put, dels, folder / entry["file"])
    size = entry.get("size")
    if not isinstance(size, int):
        try:
            size = (folder / entry["file"]).stat().st_size
        except OSError:
            return None
    if len(line) > max(4096, size // journal.REWRITE_FRACTION):
        return None
    count, active = entry.get("count"), entry.get("active")
    if not isinstance(count, int) or not isinstance(active, int):
        count, active = counts(docs)
    else:
        for k in dels:
            count, active = count - 1, active - _active(orig[k])
        for k, doc in put.items():
            old = orig.get(k)
            count, active = (count + 1, active) if old is None else (count, active - _active(old))
            active += _active(doc)
    new = {**entry, "count": count, "active": active, "size": size}
    new["journal"] = {"len": length, "tip": tip, "lines": lines}  # filled in once appended
    return line, new


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
    for db in {p.name.split(".", 1)[0] for p in found}:
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
        live |= {n for e in entries(root).values() for n in (e["file"], journal.name_for(e["file"]))}
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


_MISSING = object()


class _AsRead:
    """An index as it was before ``saved`` (key -> document, or _MISSING: added) replaced some
    of its documents in place: what ``plan_append`` compares with and counts from."""

    def __init__(self, docs: dict, saved: dict):
        self.docs, self.saved = docs, saved

    def get(self, key, default=None):
        if key in self.saved:
            doc = self.saved[key]
            return default if doc is _MISSING else doc
        return self.docs.get(key, default)

    def __getitem__(self, key):
        doc = self.get(key, _MISSING)
        if doc is _MISSING:
            raise KeyError(key)
        return doc

    def __contains__(self, key) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __iter__(self):
        return (k for k in self.docs if self.saved.get(k) is not _MISSING)


class TxTables(dict):
    """A transaction's tables: the root's, and each table file read (fresh) on first use.

    Records which tables the transaction set or dropped, so the commit writes only those."""

    def __init__(self, root: dict, loader, edited: list | None = None):
        super().__init__(root)
        self.lazy = {t: e for t, e in entries(root).items() if t not in root}
        self.old = entries(root)
        self.loader = loader  # (table, entry) -> docs (shared with the store's cache: not to be changed)
        self.touched: set[str] = set()
        self.orig: dict[str, dict] = {}  # each table file as read: the commit appends what differs
        #: the index of each table file the transaction may change in place: the cached one
        #: itself (no 30k-entry copy per save); ``Transaction.put`` keeps what it replaced in
        #: ``undo`` and ``restore`` puts it back unless the commit made the change the cache's
        self.mine: dict[str, dict] = {}
        self.undo: dict[str, dict[str, object]] = {}
        self.fresh: set[str] = set()  # tables whose cached index the commit moved to what it wrote
        self.hints: dict[str, tuple[dict, set[str]]] = {}  # (table dict, keys): only these were put
        self.edited = edited if edited is not None else []  # table files that differ from their SHA-256
        self.rewrite: set[str] = set()  # tables to write whole (a compaction)

    def _load(self, key):
        docs = self.loader(key, self.lazy.pop(key))
        self.orig[key] = self.mine[key] = docs
        dict.__setitem__(self, key, docs)
        return docs

    def keep(self, table: str, key: str) -> None:
        """Before ``orig[table][key]`` is replaced in place: remember what it was."""
        saved = self.undo.setdefault(table, {})
        if key not in saved:
            saved[key] = self.orig[table].get(key, _MISSING)

    def pristine(self, table: str):
        """The table file's index as read: a view over the one changed in place (no copy)."""
        docs, saved = self.orig[table], self.undo.get(table)
        return _AsRead(docs, saved) if saved else docs

    def restore(self) -> None:
        """Put back what the transaction replaced in the cached indexes (an aborted or failed
        save, or a table whose change the commit did not make the cache's)."""
        for table, saved in self.undo.items():
            if table in self.fresh:
                continue
            docs = self.orig[table]
            for key, doc in saved.items():
                if doc is _MISSING:
                    docs.pop(key, None)
                else:
                    docs[key] = doc
        self.undo.clear()

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
