"""One table's documents, one at a time, without keeping the table: for a summary that needs
one pass over a large table (the home screen's acknowledgement counts, the active staff ids)
in a process that has not read the table yet.

``docs`` uses what the store already holds (the root's tables, a table file or a database it
has cached); otherwise it decodes the file record by record, keeps nothing and caches nothing.
A file that cannot be streamed (missing, damaged) is left to ``Store.load``, which follows a
replaced table file or raises the usual error. ``version`` is a key that changes whenever the
table may have changed (a table file's name: they are immutable; else the file's stat key),
for caching what was computed from it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator

from ethics_tui.errors import StorageError
from ethics_tui.store import journal

_DEC = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")
CHUNK = 1 << 16  # read this much at a time: no copy of the whole file is ever held


class _Reader:
    """A JSON text read in chunks, decoded one value at a time (a value never spans more than
    the buffer holds at once: the buffer grows until it does)."""

    def __init__(self, f):
        self.f = f
        self.dec = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""
        self.pos = 0
        self.eof = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        raw = self.f.read(CHUNK)
        self.eof = not raw
        self.buf = self.buf[self.pos :] + self.dec.decode(raw, final=self.eof)
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self._fill():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise ValueError(f"expected {char}")
        self.pos += 1

    def value(self):
        self.peek()
        while True:
            try:
                value, end = _DEC.raw_decode(self.buf, self.pos)
            except ValueError:
                if self._fill():
                    continue
                raise
            if end == len(self.buf) and not isinstance(value, (dict, list, str)) and self._fill():
                continue  # a number or literal may go on in the next chunk
            self.pos = end
            return value


def _members(r: _Reader) -> Iterator[tuple[str, object]]:
    """(key, value) of the object at the reader; a value is decoded only when asked for, by
    calling ``r.value()`` before the next member (else it is skipped)."""
    r.expect("{")
    first = True
    while True:
        if r.peek() == "}":
            r.pos += 1
            return
        if not first:
            r.expect(",")
        key = r.value()
        if not isinstance(key, str):
            raise ValueError("expected a key")
        r.expect(":")
        first = False
        yield key, r


def _records(r: _Reader) -> Iterator[tuple[str, dict]]:
    for key, _ in _members(r):
        doc = r.value()
        if not isinstance(doc, dict):
            raise ValueError("not a table (dict of records)")
        yield key, doc


def _table_in(r: _Reader, table: str) -> Iterator[tuple[str, dict]]:
    """The members of ``table`` in a file holding ``{table: {...}, ...}``."""
    for key, _ in _members(r):
        if key == table:
            yield from _records(r)
            return
        r.value()


def _source(store, table: str, name: str):
    """(documents already held, or None; the file to stream; its root entry when it is a table
    file (decoded as a whole table), else False)"""
    cached = store._cache.get(name)
    path = store.path(name)
    try:
        key = store._stat_key(path)
    except FileNotFoundError:
        return {}, None, False
    if cached is None or cached[0] != key:
        if name != "main":
            return None, path, False  # a database file of its own (acks-N): stream its table
        cached = (key, store.load(name))  # the root is small
    data = cached[1]
    if table in data.root or table not in data.entries:
        return data.root.get(table, {}), None, False
    entry = data.entries[table]
    held = store._tcache.get(entry["file"])
    if held is not None and held[:2] == journal.committed(entry)[:2]:
        return held[2], None, False
    return None, store.dir / entry["file"], entry


def _merged(store, entry) -> tuple[dict, set[str]]:
    """(documents put, keys deleted) by the committed journal of a table file (small: the store
    folds a large journal into a new file). Raises OSError, StorageError."""
    if not isinstance(entry, dict) or not journal.committed(entry)[0]:
        return {}, set()
    return journal.merged(journal.changes(store.dir, entry))


def docs(store, table: str, name: str = "main") -> Iterator[tuple[str, dict]]:
    """(record id as stored, document) of every document of ``table``; do not change them."""
    try:
        held, path, whole = _source(store, table, name)
        put, dels = _merged(store, whole)  # a table file's journal: applied on the way
        f = None if held is not None or path is None else open(path, "rb")  # closed below (with f)
    except (OSError, StorageError):
        held, f = None, None
    if held is not None:
        yield from held.items()
        return
    if f is None:  # let the store read it (or say why it cannot)
        yield from (store.load(name).get(table) or {}).items()
        return
    done = 0
    try:
        with f:
            r = _Reader(f)
            for key, doc in _records(r) if whole else _table_in(r, table):
                if key in dels:
                    continue
                yield key, put.pop(key, doc)
                done += 1
        for item in list(put.items()):
            yield item
            done += 1
    except (OSError, ValueError):  # damaged: the store raises its usual error (pointing to a backup)
        rows = store.load(name).get(table) or {}
        yield from list(rows.items())[done:]


def version(store, table: str, name: str = "main"):
    """A key that differs whenever ``table`` of ``name`` may hold other documents."""
    path = store.path(name)
    try:
        key = store._stat_key(path)
    except FileNotFoundError:
        return (name, None)
    if name == "main":
        entry = store.load(name).entries.get(table)
        if entry is not None and table not in store.load(name).root:
            return (name, entry["file"], *journal.committed(entry)[:2])
    return (name, key)
