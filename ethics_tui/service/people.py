"""Read-only views of the staff and division tables for the other registers: who is in the
audience of a circular, whose name goes on a complaint or a memo, which divisions a budget has.

Only this module (with service/staff.py and service/settings.py, which own the tables) knows how
the two tables are stored; every other service and screen reads them through these calls.

No permission check here: the caller is a service that has checked its own permission
(``notices.read``, ``complaints.read``, ...) and shows only what that register shows. The
documents are the stored ones: read them, never change them (the store hands out its cache).
For the staff register itself (search, add, edit, with ``staff.read``) use service/staff.py.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping

from ethics_tui.model.staff import Staff
from ethics_tui.service.context import Context
from ethics_tui.service.settings import DIVISIONS
from ethics_tui.service.staff import STAFF


def staff_docs(ctx: Context) -> Mapping[str, dict]:
    """Every staff record as stored: record id (a string, as stored) -> document."""
    return ctx.store.load().get(STAFF, {})


def staff_doc(ctx: Context, staff_id: int | str | None) -> dict | None:
    """One staff record's document, or None (no id, or no such record)."""
    if not staff_id:
        return None
    return staff_docs(ctx).get(str(staff_id))


_ACTIVITY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # store -> (version, ids)
_ACTIVITY_LOCK = threading.Lock()


def staff_activity(ctx: Context) -> tuple[frozenset[int], frozenset[int]]:
    """(ids of the active staff, ids of the inactive staff), for counts that need no more.

    Read one record at a time when the staff table is not held yet (the home screen keeps no
    staff table in memory for its alert and readiness counts) and kept per version of the table.
    """
    from ethics_tui.store import stream

    store = ctx.store
    ver = stream.version(store, STAFF)
    with _ACTIVITY_LOCK:
        got = _ACTIVITY.get(store)
        if got is not None and got[0] == ver:
            return got[1]
    active, inactive = [], []
    for key, doc in stream.docs(store, STAFF):
        (active if doc.get("active", True) else inactive).append(int(key))
    ids = (frozenset(active), frozenset(inactive))
    with _ACTIVITY_LOCK:
        _ACTIVITY[store] = (ver, ids)
    return ids


def staff_by_id(ctx: Context) -> dict[int, Staff]:
    """Every staff record as a :class:`Staff`, by record id."""
    return {int(k): Staff.from_doc(int(k), v) for k, v in staff_docs(ctx).items()}


def staff_ids_by_code(ctx: Context) -> dict[str, int]:
    """Staff code -> record id, for the records that have a code."""
    return {str(d["code"]): int(k) for k, d in staff_docs(ctx).items() if d.get("code")}


def division_docs(ctx: Context) -> Mapping[str, dict]:
    """Every division as stored: record id (a string) -> document (``name``, ``active``)."""
    return ctx.store.load().get(DIVISIONS, {})


def full_name(doc: Mapping) -> str:
    """ "นายสมชาย ใจดี": title, first and last name of a stored staff document."""
    return f"{doc.get('prefix') or ''}{doc.get('first_name') or ''} {doc.get('last_name') or ''}".strip()
