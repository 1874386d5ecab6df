"""Acknowledgements (การรับทราบ) of published announcements and circulars, and coverage.

Each issued document has its own file ``acks-<id>.json`` (table ``acks`` keyed by staff id,
table ``sheets`` with the pages of the printed sign-off sheets). Acknowledgements are the
fastest-growing data (1,000 staff x 30 documents a year); one file per document keeps the
cost of saving a tick independent of how many other documents exist, and every tick is one
atomic, fsynced write (safe against a crash).

A *standing* document (the codes of ethics) applies to everyone always: active staff who are
not in its file yet are part of its audience as pending, and get a record when ticked.
Staff who left (inactive) and never acknowledged are counted apart ("left"), not as pending.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ethics_tui.errors import NotFoundError, UserError, ValidationError
from ethics_tui.model.notices import METHODS, SUPERSEDED, Notice
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_docs
from ethics_tui.thai.collate import sorted_thai
from ethics_tui.thai.dates import today
from ethics_tui.thai.digits import to_arabic_digits

ACKS = "acks"
SHEETS = "sheets"
ACKED, PENDING = "acknowledged", "pending"


def shard(notice_id: int) -> str:
    return f"acks-{int(notice_id)}"


def create_sheet(ctx: Context, notice_id: int, audience: list[tuple[int, int]], on: date) -> None:
    """Write the acknowledgement file of a document being published: everyone pending.

    One write for the whole audience. Called by notices.publish (which checks the role).
    """
    require(ctx, "notices.write")
    with ctx.store.transaction(shard(notice_id), actor=ctx.actor) as tx:
        docs = {
            sid: {
                "staff_id": sid,
                "division_id": div,
                "status": PENDING,
                "date": "",
                "method": "",
                "by": "",
                "history": [],
            }
            for sid, div in audience
        }
        tx.put_many(ACKS, docs, replace_all=True)
        tx.table(SHEETS).truncate()
        tx.log("issue", "acks", notice_id, ["status"], note=f"{len(docs)} pending since {on.isoformat()}")


# -- reading -------------------------------------------------------------------------------
def _notice(ctx: Context, notice_id: int) -> Notice:
    from ethics_tui.service import notices

    n = notices.get(ctx, notice_id)
    if not n.published:
        raise UserError("เอกสารนี้ยังเป็นร่าง ยังไม่มีผู้ต้องรับทราบ", "This document is a draft; nobody has to acknowledge it yet")
    return n


def _refuse_if_deleted(ctx: Context, n: Notice) -> None:
    """A published document whose acknowledgement file is gone (deleted outside the program)
    must not read as "nobody acknowledged": refuse, as a save would, and point to restore."""
    from ethics_tui.store import integrity

    name = shard(n.id)
    if integrity._known(ctx.store, name):
        raise integrity.missing_error(name, ctx.store)


def _raw(ctx: Context, n: Notice) -> dict[int, dict]:
    """staff id -> ack doc, with standing newcomers added as pending."""
    data = ctx.store.load(shard(n.id))
    if not data:
        _refuse_if_deleted(ctx, n)
    rows = data.get(ACKS, {})
    out = {int(k): v for k, v in rows.items()}
    if n.standing and n.status != SUPERSEDED:
        for key, s in staff_docs(ctx).items():
            sid = int(key)
            if sid not in out and s.get("active", True):
                out[sid] = {
                    "staff_id": sid,
                    "division_id": int(s.get("division_id", 0)),
                    "status": PENDING,
                    "date": "",
                    "method": "",
                    "by": "",
                    "history": [],
                    "newcomer": True,
                }
    return out


@dataclass
class Person:
    staff_id: int
    code: str
    name: str
    position: str
    division: str
    division_id: int
    active: bool
    status: str = PENDING
    date: str = ""
    method: str = ""

    @property
    def done(self) -> bool:
        return self.status == ACKED


def _people(ctx: Context, raw: dict[int, dict]) -> list[Person]:
    from ethics_tui.service.settings import division_names

    staff = staff_docs(ctx)
    names = division_names(ctx)
    order = {d: i for i, d in enumerate(sorted(names))}
    out = []
    for sid, a in raw.items():
        s = staff.get(str(sid), {})
        div = int(a.get("division_id") or s.get("division_id", 0))
        name = f"{s.get('prefix', '')}{s.get('first_name', '')} {s.get('last_name', '')}".strip() or f"#{sid}"
        out.append(
            Person(
                sid,
                str(s.get("code", "")),
                name,
                s.get("position", ""),
                names.get(div, "-"),
                div,
                bool(s.get("active", True)),
                a.get("status", PENDING),
                a.get("date", ""),
                a.get("method", ""),
            )
        )
    return sorted_thai(out, lambda p: _names(staff, p), lambda p: (order.get(p.division_id, 10**6),))


def _names(staff: dict, p: Person) -> tuple[str, str]:
    s = staff.get(str(p.staff_id), {})
    return (s.get("first_name", ""), s.get("last_name", ""))


def people(ctx: Context, notice_id: int, text: str = "") -> list[Person]:
    """The audience in sign-off order (division, then name), filtered by every word of ``text``."""
    require(ctx, "notices.read")
    n = _notice(ctx, notice_id)
    rows = _people(ctx, _raw(ctx, n))
    words = [to_arabic_digits(w).casefold() for w in text.split()]
    if words:
        rows = [p for p in rows if all(w in f"{p.code} {p.name} {p.position} {p.division}".casefold() for w in words)]
    return rows


@dataclass
class Coverage:
    notice: Notice
    total: int  # audience still in service, plus those who left after acknowledging
    done: int
    left: int  # left the office without acknowledging (not counted as pending)
    pending: list[tuple[str, list[Person]]] = field(default_factory=list)  # by division

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 100.0

    @property
    def pending_count(self) -> int:
        return self.total - self.done


_COUNTS: dict[tuple, tuple[int, int, int]] = {}  # (store dir, notice, file versions) -> counts


def _counts(ctx: Context, n: Notice) -> tuple[int, int, int]:
    """(total, done, left) as ``_coverage`` counts them, without the people: the acknowledgement
    file is read one record at a time and the staff only as active/inactive ids; kept per
    version of both files."""
    from ethics_tui.service.people import staff_activity
    from ethics_tui.store import stream

    name = shard(n.id)
    if not ctx.store.path(name).is_file():
        _refuse_if_deleted(ctx, n)
    newcomers = n.standing and n.status != SUPERSEDED
    active, inactive = staff_activity(ctx)
    key = (
        str(ctx.store.dir),
        n.id,
        newcomers,
        stream.version(ctx.store, ACKS, name),
        stream.version(ctx.store, "staff"),
    )
    got = _COUNTS.get(key)
    if got is not None:
        return got
    done = left = total = 0
    seen: set[int] = set()
    for k, a in stream.docs(ctx.store, ACKS, name):
        sid = int(k)
        seen.add(sid)
        if a.get("status") == ACKED:
            done += 1
            total += 1
        elif sid not in inactive:
            total += 1
        else:
            left += 1
    if newcomers:
        total += len(active - seen)  # standing newcomers: pending
    if len(_COUNTS) > 256:
        _COUNTS.clear()
    _COUNTS[key] = (total, done, left)
    return total, done, left


def _coverage(ctx: Context, n: Notice, detail: bool) -> Coverage:
    if not detail:
        return Coverage(n, *_counts(ctx, n))
    raw = _raw(ctx, n)
    staff = staff_docs(ctx)
    done = left = total = 0
    for sid, a in raw.items():
        active = staff.get(str(sid), {}).get("active", True)
        if a.get("status") == ACKED:
            done += 1
            total += 1
        elif active:
            total += 1
        else:
            left += 1
    cov = Coverage(n, total, done, left)
    if detail:
        groups: dict[str, list[Person]] = {}
        for p in _people(ctx, raw):
            if not p.done and p.active:
                groups.setdefault(p.division, []).append(p)
        cov.pending = list(groups.items())
    return cov


def coverage(ctx: Context, notice_id: int) -> Coverage:
    """Acknowledged count and %, and the pending people grouped by division."""
    require(ctx, "notices.read")
    return _coverage(ctx, _notice(ctx, notice_id), True)


def coverage_counts(ctx: Context, notice_id: int) -> Coverage:
    """``coverage`` without the pending lists (counts only, cheap in a large office)."""
    require(ctx, "notices.read")
    return _coverage(ctx, _notice(ctx, notice_id), False)


def coverage_all(ctx: Context) -> list[Coverage]:
    """Counts (no lists) for every current published document, newest first."""
    from ethics_tui.service import notices
    from ethics_tui.store.integrity import MissingFileError

    out = []
    for n in notices.list_notices(ctx, current_only=True):
        if not n.published:
            continue
        try:
            out.append(_coverage(ctx, n, False))
        except MissingFileError:  # its file was deleted: no figure rather than a false 0 %
            continue  # (opening the document says so and points to restore)
    return out


def below_full(ctx: Context) -> list[Coverage]:
    """Current documents that not everyone has acknowledged (the home screen shows these)."""
    return [c for c in coverage_all(ctx) if c.done < c.total]


def by_division(ctx: Context, notice_id: int) -> list[tuple[str, int, int]]:
    """(division, audience, acknowledged) in sign-off order; people who left unacknowledged
    are not counted."""
    rows: dict[str, list[int]] = {}
    for p in people(ctx, notice_id):
        if p.done or p.active:
            r = rows.setdefault(p.division, [0, 0])
            r[0] += 1
            r[1] += p.done
    return [(d, t, k) for d, (t, k) in rows.items()]


def person_pending(ctx: Context, staff_id: int) -> list[Notice]:
    """Current published documents that ``staff_id`` has not acknowledged yet."""
    from ethics_tui.service import notices

    require(ctx, "notices.read")
    out = []
    for n in notices.list_notices(ctx, current_only=True):
        if n.published:
            a = _raw(ctx, n).get(int(staff_id))
            if a is not None and a.get("status") != ACKED:
                out.append(n)
    return out


# -- ticking -------------------------------------------------------------------------------
def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValidationError({"method": (f"วิธีรับทราบไม่ถูกต้อง: {method}", f"unknown method {method}")})


def _change(ctx: Context, notice_id: int, staff_ids, build, action: str) -> list[int]:
    """Apply ``build(old_doc) -> new_doc | None`` to each person in one write. Returns ids changed."""
    require(ctx, "notices.write")
    n = _notice(ctx, notice_id)
    if n.status == SUPERSEDED:
        raise UserError(
            "เอกสารฉบับนี้ถูกแทนที่แล้ว โปรดบันทึกการรับทราบในฉบับใหม่",
            "This version was superseded; record acknowledgements on the new version",
        )
    ids = list(dict.fromkeys(int(s) for s in staff_ids))
    with ctx.store.transaction(shard(notice_id), actor=ctx.actor) as tx:
        current = {int(k): v for k, v in ctx.store.load(shard(notice_id)).get(ACKS, {}).items()}
        raw = _raw(ctx, n)
        changed: dict[int, dict] = {}
        for sid in ids:
            if sid not in raw:
                raise NotFoundError(
                    f"บุคลากรรหัส {sid} ไม่อยู่ในกลุ่มเป้าหมายของเอกสารนี้",
                    f"Staff member {sid} is not in this document's audience",
                )
            old = current.get(sid, raw[sid])
            new = build({k: v for k, v in old.items() if k != "newcomer"})
            if new is not None:
                changed[sid] = new
        if changed:
            tx.put_many(ACKS, changed)
            for sid in changed:
                tx.log(action, "acks", f"{notice_id}:{sid}", ["status", "date", "method", "by"])
    return list(changed)


def _state(doc: dict) -> dict:
    return {k: doc.get(k, "") for k in ("status", "date", "method", "by")}


def check_date(ctx: Context, notice_id: int, on: date | None) -> date:
    """The acknowledgement date ``on`` (today if None), refused if in the future or before issue."""
    on = on or today()
    if on > today():
        raise ValidationError({"date": ("วันที่รับทราบอยู่ในอนาคต", "the acknowledgement date is in the future")})
    n = _notice(ctx, notice_id)
    if n.issued_on and on.isoformat() < n.issued_on:
        raise ValidationError(
            {"date": ("วันที่รับทราบต้องไม่ก่อนวันที่เผยแพร่เอกสาร", "the date is before the document was issued")}
        )
    return on


def acknowledge(ctx: Context, notice_id: int, staff_ids, on: date | None = None, method: str = "sheet") -> list[int]:
    """Mark people acknowledged (one write for all). Already acknowledged people are left alone."""
    _check_method(method)
    on = check_date(ctx, notice_id, on)

    def build(doc):
        if doc.get("status") == ACKED:
            return None
        return {
            **doc,
            "status": ACKED,
            "date": on.isoformat(),
            "method": method,
            "by": ctx.actor,
            "history": [*doc.get("history", []), _state(doc)],
        }

    return _change(ctx, notice_id, staff_ids, build, "acknowledge")


def unacknowledge(ctx: Context, notice_id: int, staff_ids) -> list[int]:
    """Set people back to pending (a mistaken tick)."""

    def build(doc):
        if doc.get("status") != ACKED:
            return None
        return {
            **doc,
            "status": PENDING,
            "date": "",
            "method": "",
            "by": ctx.actor,
            "history": [*doc.get("history", []), _state(doc)],
        }

    return _change(ctx, notice_id, staff_ids, build, "unacknowledge")


def undo(ctx: Context, notice_id: int, staff_ids) -> list[int]:
    """Put each person back to the state before their last change."""

    def build(doc):
        history = list(doc.get("history", []))
        if not history:
            return None
        prev = history.pop()
        return {**doc, **prev, "history": history}

    return _change(ctx, notice_id, staff_ids, build, "undo")


# -- printed sheets ------------------------------------------------------------------------
def record_sheet(ctx: Context, notice_id: int, pages: dict[int, list[int]]) -> int:
    """Remember who is on each page of a printed sign-off sheet. Returns the sheet number."""
    require(ctx, "notices.write")
    _notice(ctx, notice_id)
    with ctx.store.transaction(shard(notice_id), actor=ctx.actor) as tx:
        table = tx.table(SHEETS)
        n = table.insert({"printed": today().isoformat(), "pages": {str(p): ids for p, ids in pages.items()}})
        tx.log("print", "signoff", f"{notice_id}:{n}", ["pages"])
    return n


def sheet_pages(ctx: Context, notice_id: int) -> dict[int, list[int]]:
    """Pages of the newest printed sign-off sheet ({} if none was printed)."""
    require(ctx, "notices.read")
    sheets = ctx.store.load(shard(notice_id)).get(SHEETS, {})
    if not sheets:
        return {}
    newest = sheets[max(sheets, key=int)]
    return {int(p): [int(i) for i in ids] for p, ids in newest.get("pages", {}).items()}


def mark_page(ctx: Context, notice_id: int, page: int, on: date | None = None, method: str = "sheet") -> list[int]:
    """Acknowledge everyone on page ``page`` of the newest printed sign-off sheet."""
    pages = sheet_pages(ctx, notice_id)
    if not pages:
        raise UserError("ยังไม่ได้พิมพ์ใบลงชื่อรับทราบของเอกสารนี้", "No sign-off sheet was printed for this document yet")
    if page not in pages:
        raise ValidationError(
            {
                "page": (
                    f"ใบลงชื่อมี {len(pages)} หน้า ไม่มีหน้า {page}",
                    f"the sheet has {len(pages)} pages; there is no page {page}",
                )
            }
        )
    return acknowledge(ctx, notice_id, pages[page], on=on, method=method)
