"""Staff self-service: the documents addressed to the signed-in staff member, and their own
electronic acknowledgement.

A staff account (service/staff_accounts.py) sees only the current published announcements and
circulars whose audience holds its staff record; anything else reads as "not found" (no way
to probe for other documents). Acknowledging records, in the document's ``acks-<id>.json``
beside the paper ticks:

- ``method`` "electronic", ``date`` (the day) and ``time`` (ISO, with the zone);
- ``by`` and ``user``: the account's username (identity checked by its password);
- ``sha256``: the hash of the exact version read (:func:`document_hash`). The screen sends the
  hash of what it showed; if the stored document differs, nothing is recorded.

Coverage and the sign-off sheets count an acknowledgement whatever its method. A new version
of a document is a new record with its own file, so everyone is asked again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from ethics_tui.errors import NotFoundError, UserError
from ethics_tui.model.notices import CONTENT_FIELDS, PUBLISHED, Notice
from ethics_tui.service import notices_acks
from ethics_tui.model.user import STAFF_ROLE
from ethics_tui.service.access import register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_doc

ELECTRONIC = "electronic"

register_permissions(
    {"self.read": (STAFF_ROLE,), "self.ack": (STAFF_ROLE,)},
    {
        "self.read": ("ดูเอกสารที่ส่งถึงตนเอง", "read the documents addressed to you"),
        "self.ack": ("รับทราบเอกสารด้วยตนเอง", "acknowledge documents yourself"),
    },
)


def document_hash(n: Notice) -> str:
    """SHA-256 of one document version: its identity, number and every content field (the
    enclosures with their own SHA-256), as canonical JSON."""
    doc = n.to_dict()
    body = {k: doc.get(k) for k in CONTENT_FIELDS}
    body.update(
        id=n.id, kind=n.kind, version=n.version, number=n.number, number_year=n.number_year, issued_on=n.issued_on
    )
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass
class MyDocument:
    notice: Notice
    done: bool
    date: str = ""  # ISO date of the acknowledgement
    method: str = ""
    sha256: str = ""  # hash of the version acknowledged (electronic only)

    @property
    def id(self) -> int:
        return int(self.notice.id or 0)


def _staff_id(ctx: Context) -> int:
    user = ctx.user
    if user is None or user.staff_id is None:
        raise UserError("บัญชีนี้ไม่ได้ผูกกับรายชื่อบุคลากร", "This account is not linked to a staff record")
    return int(user.staff_id)


def _current(ctx: Context) -> list[Notice]:
    rows = ctx.store.load().get("notices", {})
    out = [Notice.from_doc(int(k), v) for k, v in rows.items() if v.get("status") == PUBLISHED]
    return sorted(out, key=lambda n: (n.dated or "9999", n.id or 0), reverse=True)


def _mine(ctx: Context, n: Notice, sid: int) -> dict | None:
    return notices_acks._raw(ctx, n).get(sid)


def _entry(n: Notice, doc: dict) -> MyDocument:
    return MyDocument(
        n, doc.get("status") == notices_acks.ACKED, doc.get("date", ""), doc.get("method", ""), doc.get("sha256", "")
    )


def my_documents(ctx: Context) -> list[MyDocument]:
    """The current documents addressed to me, pending first, newest first within each."""
    require(ctx, "self.read")
    sid = _staff_id(ctx)
    staff = staff_doc(ctx, sid) or {}
    if not staff.get("active", True):
        return []
    out = []
    for n in _current(ctx):
        doc = _mine(ctx, n, sid)
        if doc is not None:
            out.append(_entry(n, doc))
    return sorted(out, key=lambda d: d.done)  # stable: newest first inside each group


def read(ctx: Context, notice_id: int) -> MyDocument:
    """One document addressed to me (its text and enclosure names are on ``.notice``)."""
    require(ctx, "self.read")
    sid = _staff_id(ctx)
    for n in _current(ctx):
        if n.id == int(notice_id):
            doc = _mine(ctx, n, sid)
            if doc is not None:
                return _entry(n, doc)
            break
    raise NotFoundError(f"ไม่พบเอกสารรหัส {notice_id} ที่ส่งถึงท่าน", f"No document {notice_id} addressed to you")


def acknowledge(ctx: Context, notice_id: int, seen_sha256: str) -> MyDocument:
    """Record my electronic acknowledgement of the version whose hash I was shown."""
    require(ctx, "self.ack")
    mine = read(ctx, notice_id)
    n = mine.notice
    digest = document_hash(n)
    if seen_sha256 != digest:
        raise UserError(
            "เอกสารนี้เปลี่ยนไปจากฉบับที่ท่านเปิดอ่าน โปรดเปิดอ่านใหม่ก่อนรับทราบ",
            "This document changed since you opened it; open it again before acknowledging",
        )
    if mine.done:
        return mine
    sid = _staff_id(ctx)
    now = datetime.now().astimezone()
    with ctx.store.transaction(notices_acks.shard(n.id), actor=ctx.actor) as tx:
        current = tx.table(notices_acks.ACKS).get(doc_id=sid)
        old = (
            dict(current)
            if current is not None
            else {k: v for k, v in (notices_acks._raw(ctx, n).get(sid) or {}).items() if k != "newcomer"}
        )
        if old.get("status") == notices_acks.ACKED:
            return _entry(n, old)
        state = {k: old.get(k, "") for k in ("status", "date", "method", "by")}
        new = {
            **old,
            "staff_id": sid,
            "status": notices_acks.ACKED,
            "date": now.date().isoformat(),
            "method": ELECTRONIC,
            "by": ctx.actor,
            "user": ctx.user.username,
            "time": now.isoformat(timespec="seconds"),
            "sha256": digest,
            "history": [*old.get("history", []), state],
        }
        tx.put(notices_acks.ACKS, sid, new)
        tx.log(
            "acknowledge",
            "acks",
            f"{n.id}:{sid}",
            ["status", "date", "method", "by", "time", "sha256"],
            note="electronic",
        )
    return _entry(n, new)


def pending_count(ctx: Context) -> int:
    return sum(1 for d in my_documents(ctx) if not d.done)


__all__ = ["ELECTRONIC", "MyDocument", "acknowledge", "document_hash", "my_documents", "pending_count", "read"]
