"""What a process holds of each table file of main, and the compaction of their journals.

Table files are cached by name (they are immutable) together with the journal length and tip
they were read at (store/journal.py): a process that holds an older state of a file reads only
the journal bytes since and applies those lines. Readers (``Store.load``'s ``Tables``) and
transactions have separate caches: a caller that changes what it read can never change what a
save writes. A transaction re-reads a table file whose stat key changed (edited in place outside
the program) and reports a SHA-256 that differs from the root's (an ``outside-edit``).
"""

from __future__ import annotations

import logging
import threading

from ethics_tui.errors import CorruptDatabaseError
from ethics_tui.store import integrity, journal
from ethics_tui.store import tables as tfiles


def read(store, db: str, table: str, entry: dict, edited: list | None = None, tx: bool = False) -> dict:
    """A table's documents: its file (cached by name: files are never rewritten) with its
    journal applied up to the committed length the entry names. A process that holds an
    older state of the same file reads and applies only the journal lines since. A file
    read from disk whose SHA-256 differs from the entry's is added to ``edited``.

    ``tx``: for a transaction, from a cache of its own that no reader is ever handed (a
    caller that changes what it read cannot change what the next save writes)."""
    fname = entry["file"]
    length, tip, _lines = journal.committed(entry)
    cache = store._txcache if tx else store._tcache
    with store._tlock:
        got = cache.get(fname)
        stamp = None
        if tx:  # a table file edited in place outside the program is read (and recorded) again
            try:
                stamp = store._stat_key(store.dir / fname)
            except OSError:
                stamp = None
            if got is not None and got[3] != stamp:
                got = None
        if got is not None and got[0] == length and got[1] == tip:
            return got[2]
        try:
            docs = None
            if got is not None and got[0] < length:
                try:
                    docs = journal.replay(store.dir, entry, got[2], got[0], got[1])
                except CorruptDatabaseError:
                    docs = None  # not a continuation of what we hold: read it all
            if docs is None:
                base, sha = tfiles.read_file(store, fname)
                if edited is not None and sha != entry.get("sha256"):
                    edited.append(table)
                docs = journal.replay(store.dir, entry, base) if length else base
        except FileNotFoundError:  # the journal: as for a missing table file, below
            newer = store.load(db).entries.get(table)
            if newer and newer != entry:
                return read(store, db, table, newer, edited, tx)
            raise integrity.missing_error(db, store, journal.name_for(fname)) from None
        except integrity.MissingFileError:
            # a writer may have replaced it since this root was read: follow the current root
            newer = store.load(db).entries.get(table)
            if newer and newer["file"] != fname:
                return read(store, db, table, newer, edited, tx)
            raise
        except CorruptDatabaseError as exc:
            if exc.backup is None:
                from ethics_tui.store import backup

                exc.backup = backup.newest_good_backup(store)
            raise
        if got is None or got[0] <= length:
            cache[fname] = (length, tip, docs, stamp)
        return docs


def forget(store, tables) -> None:
    """A transaction that ended without a commit: drop the table files it read from the
    transactions' cache (a caller may have changed a document it was handed; the next
    transaction reads them again)."""
    with store._tlock:
        for table, docs in tables.orig.items():
            entry = tables.old.get(table)
            got = store._txcache.get(entry["file"]) if entry else None
            if got is not None and got[2] is docs:
                del store._txcache[entry["file"]]


def compact(store, name: str, actor: str | None = None, force: bool = False) -> list[str]:
    """Fold each large journal of ``name`` (every journal with ``force``) into a new table
    file: an ordinary audited save, under the lock, from the committed state it reads there
    (so a concurrent writer's change is either in it or appended after it). Returns the tables."""
    with store.transaction(name, actor) as tx:
        data = tx._storage.data
        due = sorted(t for t, e in data.old.items() if journal.committed(e)[0] and (force or store._compact_due(e)))
        for table in due:
            data.rewrite.add(table)
            data[table] = data[table]
        if due:
            tx.log("compact", "database", name, due, note="journal folded into a new table file")
    return due


def compact_later(store, name: str) -> None:
    """Compact in a thread of its own, off the save's path (not a daemon: a command that exits
    first waits for it). One at a time per store."""
    with store._tlock:
        if store._compactor is not None and store._compactor.is_alive():
            return
        store._compactor = threading.Thread(target=_compact_quietly, args=(store, name), name="ethics-compact")
        store._compactor.start()


def _compact_quietly(store, name: str) -> None:
    try:
        compact(store, name)
    except Exception as exc:  # the journal stays as it is: the next save tries again
        logging.getLogger(__name__).warning("compaction of %s failed: %s", name, type(exc).__name__)
