"""Append-only journals of table files: a save that changes a few documents of a large table
appends them to the table's journal instead of rewriting the table file.

The journal of ``main.staff.<hex>.json`` is ``main.staff.<hex>.jsonl``. Each save that changes
the table appends one line, its changes::

    {"prev":"<hash of the line before>","put":{"17":{...whole document...}},"del":["12"]}

A line's hash is the SHA-256 of its bytes (without the newline); the first line's ``prev`` is
``genesis(base file name)``. The root's entry for the table names the committed journal::

    "staff": {"file": "main.staff.<hex>.json", "sha256": ..., "count": ..., "active": ...,
              "size": <bytes of the base file>, "journal": {"len": 12345, "tip": "<hash>", "lines": 7}}

``len`` is how many bytes of the journal are committed and ``tip`` the hash of the last committed
line: the table is the base file plus the lines reached by walking back from ``tip`` through each
line's ``prev`` to the genesis, all within the first ``len`` bytes. The root stays the one commit
point: a line appended by a save whose root was never replaced (killed, or failed) is not on that
chain and is not data. Lines are appended with ``O_APPEND``, each preceded by a newline, so a
half-written line never joins the next one. Because the chain names its lines by hash, an
append that lands after a stray tail (or, on a shared folder whose locks fail, after another
PC's line) still reads back exactly. ``open()`` cuts an uncommitted tail off under the lock when
it is older than ``STALE_S`` (the same clean-up as a killed writer's temp files); a failed save
cuts its own line off at once.

Editing, truncating, emptying or deleting the journal breaks the chain (or loses the tip), which
reading and ``verify`` report. A compaction (``Store.compact``) folds a journal into a new base
file as an ordinary audited save.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path

from ethics_tui.errors import CorruptDatabaseError
from ethics_tui.store.atomic import _fsync_dir, encode_json, os_error

#: the exact name of a journal: ``<db>.<table>.<12 hex digits>.jsonl`` (its base file's name + "l")
JOURNAL_FILE_RE = re.compile(r"(main)\.([a-z_][a-z0-9_]{0,63})\.([0-9a-f]{12})\.jsonl\Z")
#: a journal is folded into a new base file once it is larger than this ...
COMPACT_MIN = 256 * 1024
#: ... and larger than this fraction of its base file
COMPACT_FRACTION = 4
#: a save whose changes are larger than (base size // REWRITE_FRACTION) rewrites the table file
REWRITE_FRACTION = 8
#: an uncommitted tail older than this (seconds) is cut off by open()
STALE_S = 30.0


class JournalError(ValueError):
    """The committed part of a journal cannot be read back (missing, truncated, edited)."""


def name_for(base: str) -> str:
    return base + "l"


def genesis(base: str) -> str:
    return hashlib.sha256(b"journal:" + base.encode("ascii")).hexdigest()


def committed(entry: dict) -> tuple[int, str | None, int]:
    """(bytes, tip, lines) of the committed journal of a root entry ((0, None, 0): none)."""
    j = entry.get("journal")
    if not isinstance(j, dict) or not isinstance(j.get("len"), int) or not isinstance(j.get("tip"), str):
        return 0, None, 0
    return j["len"], j["tip"], int(j.get("lines") or 0)


def encode_line(prev: str, put: dict, dels: list[str], where: Path) -> bytes:
    payload: dict = {"prev": prev}
    if put:
        payload["put"] = put
    if dels:
        payload["del"] = sorted(dels, key=lambda k: (len(k), k))
    return encode_json(payload, where)


def line_hash(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()


def append(path: Path, line: bytes, sync: bool = True) -> tuple[int, int]:
    """Append one line (after a newline) and fsync (``sync=False``: the caller fsyncs it before
    the root names it). Returns (start, end) of what was written."""
    data = b"\n" + line + b"\n"
    created = not path.exists()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as exc:
        raise os_error(exc, path, "บันทึกข้อมูล", "save data") from exc
    start = None
    try:
        start = os.lseek(fd, 0, os.SEEK_END)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if sync:
            os.fsync(fd)
        end = os.lseek(fd, 0, os.SEEK_CUR)
    except OSError as exc:
        _undo_partial(fd, path, start, created)
        raise os_error(exc, path, "บันทึกข้อมูล", "save data") from exc
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    if created:
        _fsync_dir(path.parent)
    return end - len(data), end


def _undo_partial(fd: int, path: Path, start: int | None, created: bool) -> None:
    """An append that failed part way (disk full): leave the journal as it was."""
    try:
        if created:
            path.unlink()
        elif start is not None:
            os.ftruncate(fd, start)
    except OSError:
        pass  # an uncommitted tail is not data; open() cuts it later


def cut_back(path: Path, start: int, end: int) -> None:
    """Undo an append (a failed save): only when nothing was appended after it."""
    try:
        if path.stat().st_size != end:
            return  # not ours to cut any more: the line stays, uncommitted (not data)
    except OSError:
        return
    cut_tail(path, start)


def read_committed(path: Path, start: int, end: int) -> bytes:
    """Bytes [start, end) of a journal. Raises FileNotFoundError, JournalError (too short)."""
    with open(path, "rb") as f:
        f.seek(start)
        raw = f.read(end - start)
    if len(raw) != end - start:
        raise JournalError(f"{path.name} is shorter than its committed length ({start + len(raw)} < {end})")
    return raw


def chain(raw: bytes, tip: str, stop: str) -> list[dict]:
    """The changes from the line after ``stop`` up to ``tip``, oldest first, found in ``raw`` by
    walking back through each line's ``prev``. Raises JournalError when the chain breaks."""
    by_hash: dict[str, bytes] = {}
    for line in raw.split(b"\n"):
        if line:
            by_hash.setdefault(line_hash(line), line)
    out: list[dict] = []
    at = tip
    while at != stop:
        line = by_hash.pop(at, None)
        if line is None:
            raise JournalError(f"line {at[:12]} of the chain is missing or was changed")
        try:
            change = json.loads(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise JournalError(f"line {at[:12]} does not parse") from None
        if not _valid(change):
            raise JournalError(f"line {at[:12]} is not a journal entry")
        out.append(change)
        at = change["prev"]
    out.reverse()
    return out


def _valid(change) -> bool:
    return (
        isinstance(change, dict)
        and isinstance(change.get("prev"), str)
        and isinstance(change.get("put", {}), dict)
        and all(isinstance(v, dict) for v in change.get("put", {}).values())
        and isinstance(change.get("del", []), list)
        and all(isinstance(k, str) for k in change.get("del", []))
    )


def apply(docs: dict, changes: list[dict]) -> dict:
    """A new index: ``docs`` with the changes applied (the documents themselves are shared)."""
    out = dict(docs)
    for change in changes:
        for key in change.get("del", ()):
            out.pop(key, None)
        out.update(change.get("put", {}))
    return out


def merged(changes: list[dict]) -> tuple[dict, set[str]]:
    """(documents put, keys deleted) of several changes, as one change."""
    put: dict = {}
    dels: set[str] = set()
    for change in changes:
        for key in change.get("del", ()):
            put.pop(key, None)
            dels.add(key)
        for key, doc in change.get("put", {}).items():
            dels.discard(key)
            put[key] = doc
    return put, dels


def replay(folder: Path, entry: dict, docs: dict, start: int = 0, stop: str | None = None) -> dict:
    """``docs`` (the table at ``start`` bytes of its journal, whose last line is ``stop``; the
    base file at 0) brought up to the entry's committed journal. Raises FileNotFoundError,
    CorruptDatabaseError."""
    return apply(docs, changes(folder, entry, start, stop))


def changes(folder: Path, entry: dict, start: int = 0, stop: str | None = None) -> list[dict]:
    length, tip, _lines = committed(entry)
    if not length:
        return []
    path = folder / name_for(entry["file"])
    try:
        raw = read_committed(path, start, length)
        return chain(raw, tip, stop or genesis(entry["file"]))
    except JournalError as exc:
        raise CorruptDatabaseError(path, str(exc)[:120], None) from None


def check(folder: Path, entry: dict) -> str | None:
    """``verify``: why the entry's committed journal does not read back (None: it does)."""
    length, tip, lines = committed(entry)
    if not length:
        return None
    path = folder / name_for(entry["file"])
    try:
        found = chain(read_committed(path, 0, length), tip, genesis(entry["file"]))
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable ({exc.strerror})"
    except JournalError as exc:
        return str(exc)
    if lines and len(found) != lines:
        return f"{len(found)} entries where the root records {lines}"
    return None


def compact_due(folder: Path, entry: dict, at: int | None = None) -> bool:
    """Whether the entry's journal is large enough to fold into a new base file."""
    length = committed(entry)[0]
    if not length:
        return False
    if at is not None:
        return length > at
    size = entry.get("size")
    if not isinstance(size, int):
        try:
            size = (folder / entry["file"]).stat().st_size
        except OSError:
            size = 0
    return length > max(COMPACT_MIN, size // COMPACT_FRACTION)


def stale_tails(folder: Path, listed: dict[str, dict], now: float | None = None) -> list[tuple[Path, int]]:
    """(journal, committed length) of each journal longer than its committed length and not
    written to for ``STALE_S`` seconds: a killed or failed writer's line."""
    now = time.time() if now is None else now
    out = []
    for entry in listed.values():
        path = folder / name_for(entry["file"])
        try:
            st = path.stat()
        except OSError:
            continue
        length = committed(entry)[0]
        if st.st_size > length and now - st.st_mtime >= STALE_S:
            out.append((path, length))
    return out


def cut_tail(path: Path, length: int) -> None:
    """Cut an uncommitted tail off (caller holds the lock); a journal never committed goes."""
    try:
        if length == 0:
            path.unlink()
            return
        with open(path, "r+b") as f:
            f.truncate(length)
            os.fsync(f.fileno())
    except OSError:
        pass  # an uncommitted tail is not data: cut at a later open()
