"""Announcements (ประกาศ Dos & Don'ts) and circulars (หนังสือเวียน): drafts, publication,
versions, audiences. Acknowledgements and coverage are in :mod:`notices_acks`; documents
(PDF) in :mod:`notices_pdf`.

A document is a draft until it is published (announcement) or issued (circular). Publishing
fixes its audience (one acknowledgement file, ``acks-<id>.json``, written once) and, for a
circular, claims its number "ที่ <prefix>/ว N". A published document never changes; a new
version is a new record that ``replaces`` the old one and asks everyone to acknowledge again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ethics_tui.errors import ConflictError, UserError, ValidationError, found
from ethics_tui.model.notices import CHANNELS, DRAFT, PUBLISHED, SUPERSEDED, Notice
from ethics_tui.service import numbering, people
from ethics_tui.service.access import ALL, can, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_docs
from ethics_tui.thai.dates import BE_OFFSET, today

NOTICES = "notices"
SEQ = "circular"
FILES_DIR = "files/notices"

register_permissions(
    {"notices.read": ALL, "notices.write": ("hr",)},
    {
        "notices.read": ("ดูประกาศและหนังสือเวียน", "view announcements and circulars"),
        "notices.write": ("จัดการประกาศ หนังสือเวียน และการรับทราบ", "manage notices and acknowledgements"),
    },
)


# -- reading -------------------------------------------------------------------------------
def _rows(ctx: Context) -> dict:
    return ctx.store.load().get(NOTICES, {})


def get(ctx: Context, notice_id: int) -> Notice:
    require(ctx, "notices.read")
    doc = found(_rows(ctx).get(str(notice_id)), f"ไม่พบเอกสารรหัส {notice_id}", f"No document {notice_id}")
    return Notice.from_doc(int(notice_id), doc)


def list_notices(ctx: Context, kind: str | None = None, current_only: bool = False) -> list[Notice]:
    """Newest first. ``current_only`` drops superseded versions."""
    require(ctx, "notices.read")
    out = [Notice.from_doc(int(k), v) for k, v in _rows(ctx).items()]
    if kind:
        out = [n for n in out if n.kind == kind]
    if current_only:
        out = [n for n in out if n.status != SUPERSEDED]
    return sorted(out, key=lambda n: (n.dated or "9999", n.id or 0), reverse=True)


def versions(ctx: Context, notice_id: int) -> list[Notice]:
    """Every version of the document, oldest first."""
    n = get(ctx, notice_id)
    while n.replaces:
        n = get(ctx, n.replaces)
    chain = [n]
    while chain[-1].replaced_by:
        chain.append(get(ctx, chain[-1].replaced_by))
    return chain


def number_text(ctx: Context, n: Notice) -> str:
    """ "ที่ อด 79901/ว 12" for an issued circular ("" otherwise)."""
    if n.kind != "circular" or not n.number:
        return ""
    from ethics_tui.service.settings import get_settings

    prefix = get_settings(ctx).letter_prefix.strip()
    return f"ที่ {prefix}/ว {n.number}" if prefix else f"ที่ ว {n.number}"


# -- enclosures ----------------------------------------------------------------------------
def _attach(ctx: Context, source: str) -> dict:
    """Copy an enclosure file into ``<data>/files/notices/`` under its SHA-256, streaming.
    Regular files of at most ENCLOSURE_MAX_BYTES only (service/input_files.py)."""
    from ethics_tui.service.input_files import ENCLOSURE_MAX_BYTES, copy_regular, keep_copy, normalize_path

    src = normalize_path(source)
    folder = ctx.store.dir / FILES_DIR
    try:
        tmp, digest = copy_regular(src, folder, ENCLOSURE_MAX_BYTES, "ไฟล์แนบ", "enclosure")
    except UserError as exc:
        raise ValidationError({"enclosures": (exc.th, exc.en)}) from None
    rel = f"{FILES_DIR}/{digest}{src.suffix.lower()[:10]}"
    keep_copy(tmp, ctx.store.dir / rel, "enclosures", "ไฟล์แนบ", "enclosure")
    return {"file": rel, "sha256": digest, "name": src.name}


def enclosure_path(ctx: Context, enclosure: dict) -> Path | None:
    """The stored copy of an enclosure, checked against its SHA-256 (None if none/damaged)."""
    from ethics_tui.service.input_files import sha256_file

    if not enclosure.get("file"):
        return None
    path = ctx.store.dir / enclosure["file"]
    try:
        ok = path.is_file() and sha256_file(path) == enclosure.get("sha256")
    except OSError:
        return None
    return path if ok else None


def _prepare(ctx: Context, n: Notice) -> Notice:
    encl = []
    for e in n.enclosures:
        e = {k: v for k, v in e.items() if v not in (None, "")}
        source = e.pop("path", "")
        if source:
            e.update(_attach(ctx, source))
        encl.append(e)
    return replace(n, enclosures=encl)


# -- drafts --------------------------------------------------------------------------------
def save_draft(ctx: Context, n: Notice) -> Notice:
    """Create (``id`` None) or update a draft. Enclosures with a ``path`` are copied in."""
    require(ctx, "notices.write")
    n.status = DRAFT
    n.validate()
    n = _prepare(ctx, n)
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(NOTICES)
        if n.id is None:
            n.rev = 1
            n.id = table.insert(n.to_dict())
            tx.log("create", n.kind, n.id, [k for k, v in n.to_dict().items() if v not in ("", None, [], False)])
            return n
        doc = found(table.get(doc_id=n.id), f"ไม่พบเอกสารรหัส {n.id}", f"No document {n.id}")
        old = Notice.from_doc(n.id, doc)
        _check_editable(old)
        if old.rev != n.rev:
            raise ConflictError("มีผู้อื่นแก้ไขเอกสารนี้ไปก่อนแล้ว โปรดเปิดใหม่", "Someone else changed this document; reopen it.")
        changed = [k for k, v in n.to_dict().items() if k != "rev" and old.to_dict().get(k) != v]
        if not changed:
            return old
        n.rev = old.rev + 1
        tx.put(NOTICES, n.id, n.to_dict())
        tx.log("update", n.kind, n.id, changed)
    return n


def _check_editable(old: Notice) -> None:
    if old.published:
        raise UserError(
            "เอกสารที่เผยแพร่แล้วแก้ไขไม่ได้ — สร้างฉบับปรับปรุงใหม่แทน (ปุ่ม v)",
            "A published document cannot change; make a new version instead (key v)",
        )


def delete_draft(ctx: Context, notice_id: int) -> None:
    require(ctx, "notices.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(NOTICES).get(doc_id=notice_id), f"ไม่พบเอกสารรหัส {notice_id}", f"No document {notice_id}")
        _check_editable(Notice.from_doc(notice_id, doc))
        tx.table(NOTICES).remove(doc_ids=[notice_id])
        tx.log("delete", doc.get("kind", "notice"), notice_id, [])


def new_version(ctx: Context, notice_id: int) -> Notice:
    """A draft copy of a published document that will replace it when published."""
    return save_draft(ctx, version_draft(ctx, notice_id))


def version_draft(ctx: Context, notice_id: int) -> Notice:
    """The unsaved draft ``new_version`` would store. The notice form opens on it and saves it
    (``save_draft``) only at ctrl+s, so a cancelled form leaves no draft and no audit entry."""
    require(ctx, "notices.write")
    old = get(ctx, notice_id)
    if not old.published:
        raise UserError("เอกสารนี้ยังเป็นร่าง แก้ไขได้โดยตรง", "This document is still a draft; edit it directly")
    if old.replaced_by:
        raise UserError(
            f"เอกสารนี้มีฉบับใหม่แล้ว (รหัส {old.replaced_by})",
            f"This document already has a newer version ({old.replaced_by})",
        )
    pending = [n for n in list_notices(ctx) if n.status == DRAFT and n.replaces == old.id]
    if pending:
        raise UserError(
            f"มีร่างฉบับปรับปรุงของเอกสารนี้อยู่แล้ว (ร่างรหัส {pending[0].id}): แก้ไขร่างนั้น หรือลบก่อน",
            f"A draft new version of this document already exists (draft {pending[0].id}): edit it or delete it first",
        )
    return replace(
        old,
        id=None,
        rev=0,
        status=DRAFT,
        number=None,
        number_year=None,
        issued_on="",
        audience_size=0,
        channels=[],
        version=old.version + 1,
        replaces=old.id,
        replaced_by=None,
        dated=today().isoformat(),
    )


# -- audience ------------------------------------------------------------------------------
def resolve_audience(ctx: Context, n: Notice) -> list[tuple[int, int]]:
    """(staff id, division id) of everyone the document targets now (active staff only)."""
    staff = staff_docs(ctx)
    divs, types, people = set(n.audience_divisions), set(n.audience_types), set(n.audience_people)
    out = []
    for key, s in staff.items():
        if not s.get("active", True):
            continue
        sid, div = int(key), int(s.get("division_id", 0))
        if (
            n.audience == "all"
            or (n.audience == "divisions" and div in divs)
            or (n.audience == "types" and s.get("staff_type") in types)
            or (n.audience == "people" and sid in people)
        ):
            out.append((sid, div))
    if n.audience == "people":
        missing = people - {sid for sid, _ in out}
        if missing:
            raise ValidationError(
                {
                    "audience": (
                        f"ไม่พบบุคลากรที่ยังปฏิบัติงานรหัส {', '.join(map(str, sorted(missing)))}",
                        f"no active staff member {', '.join(map(str, sorted(missing)))}",
                    )
                }
            )
    return out


def staff_ids_by_code(ctx: Context, codes: list[str]) -> list[int]:
    """Staff record ids for typed staff codes; unknown codes are refused."""
    by_code = people.staff_ids_by_code(ctx)
    bad = [c for c in codes if c not in by_code]
    if bad:
        raise ValidationError(
            {"audience": (f"ไม่พบรหัสบุคลากร {', '.join(bad)}", f"unknown staff code(s) {', '.join(bad)}")}
        )
    return [by_code[c] for c in codes]


# -- publication ---------------------------------------------------------------------------
def publish(
    ctx: Context,
    notice_id: int,
    channels: list[tuple[str, str]] = (),
    number: int | None = None,
    on: date | None = None,
) -> Notice:
    """Publish (announcement) or issue (circular): fix the audience, claim the number.

    ``channels`` are (channel key, ISO date). ``number`` is a typed circular number (the next
    free one otherwise). The acknowledgement file is written first, then the document: a
    crash in between leaves a draft that can simply be published again.
    """
    from ethics_tui.service import notices_acks

    require(ctx, "notices.write")
    n = get(ctx, notice_id)
    _check_editable(n)
    on = on or today()
    n.validate()
    bad = [c for c, _ in channels if c not in CHANNELS]
    if bad:
        raise ValidationError({"channels": (f"ไม่รู้จักช่องทาง {', '.join(bad)}", f"unknown channel(s) {', '.join(bad)}")})
    number = number if number is not None else n.number
    year = (n.date() or on).year + BE_OFFSET
    # checked before the acknowledgement file is written; claimed again inside the transaction
    if n.kind == "circular" and number is not None and number in numbering.used(ctx.store.snapshot(), SEQ, year):
        raise ValidationError(
            {"number": (f"เลขที่ ว {number}/{year} ถูกใช้แล้ว", f"number ว {number}/{year} is already used")}
        )
    audience = resolve_audience(ctx, n)
    if not audience:
        raise ValidationError({"audience": ("ไม่มีบุคลากรในกลุ่มเป้าหมาย", "the audience is empty")})
    if n.replaces:
        _check_still_current(_rows(ctx).get(str(n.replaces)))
    notices_acks.create_sheet(ctx, notice_id, audience, on)
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = tx.table(NOTICES).get(doc_id=notice_id)
        cur = Notice.from_doc(notice_id, doc)
        if cur.rev != n.rev:
            raise ConflictError("มีผู้อื่นแก้ไขเอกสารนี้ไปก่อนแล้ว โปรดเปิดใหม่", "Someone else changed this document; reopen it.")
        changed = ["status", "issued_on", "audience_size"]
        if n.kind == "circular":
            n.number = numbering.claim(tx, SEQ, year, f"notice:{notice_id}", number)
            n.number_year = year
            changed += ["number", "number_year"]
        if channels:
            n.channels = [{"channel": c, "date": d} for c, d in channels]
            changed.append("channels")
        n.status, n.issued_on, n.audience_size, n.rev = PUBLISHED, on.isoformat(), len(audience), n.rev + 1
        tx.put(NOTICES, notice_id, n.to_dict())
        tx.log("publish", n.kind, notice_id, changed, note=f"audience {len(audience)}")
        if n.replaces:
            old_doc = tx.table(NOTICES).get(doc_id=n.replaces)
            _check_still_current(old_doc)  # again under the lock: another PC may have published
            if old_doc is not None:
                old = Notice.from_doc(n.replaces, old_doc)
                old.status, old.replaced_by, old.rev = SUPERSEDED, notice_id, old.rev + 1
                tx.put(NOTICES, old.id, old.to_dict())
                tx.log("supersede", old.kind, old.id, ["status", "replaced_by"])
    return n


def _check_still_current(old_doc) -> None:
    """A new version may be published only while the document it replaces is still the current
    one (two drafts of one document must not both come into force)."""
    if old_doc is not None and (old_doc.get("replaced_by") or old_doc.get("status") == SUPERSEDED):
        raise UserError(
            "เอกสารที่ร่างนี้จะแทนมีฉบับใหม่แล้ว จึงเผยแพร่ร่างนี้ไม่ได้ (ลบร่างนี้ หรือทำฉบับปรับปรุงจากฉบับล่าสุด)",
            "The document this draft replaces already has a newer version, so this draft cannot be "
            "published (delete it, or make a new version of the latest one)",
        )


def add_channel(ctx: Context, notice_id: int, channel: str, on: date | None = None) -> Notice:
    """Record one more place where a published document was posted (not a content change)."""
    require(ctx, "notices.write")
    if channel not in CHANNELS:
        raise ValidationError({"channels": (f"ไม่รู้จักช่องทาง {channel}", f"unknown channel {channel}")})
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(NOTICES).get(doc_id=notice_id), f"ไม่พบเอกสารรหัส {notice_id}", f"No document {notice_id}")
        n = Notice.from_doc(notice_id, doc)
        if not n.published:
            raise UserError("ต้องเผยแพร่เอกสารก่อน", "Publish the document first")
        n.channels = [*n.channels, {"channel": channel, "date": (on or today()).isoformat()}]
        n.rev += 1
        tx.put(NOTICES, notice_id, n.to_dict())
        tx.log("update", n.kind, notice_id, ["channels"])
    return n


HOME_ALERTS_MAX = 6


def home_alerts(ctx: Context) -> list[tuple[str, str]]:
    """(th, en) lines for the home screen: current documents below 100 % acknowledgement
    (number or title, acknowledged / audience, %), at most :data:`HOME_ALERTS_MAX` lines."""
    if not can(ctx, "notices.read"):
        return []
    from ethics_tui.service.notices_acks import below_full

    docs = below_full(ctx)
    shown = docs if len(docs) <= HOME_ALERTS_MAX else docs[: HOME_ALERTS_MAX - 1]
    out = []
    for c in shown:
        number = number_text(ctx, c.notice)
        if number and c.notice.number_year:  # numbers start again each year: "ว 1" of which year
            number += f"/{c.notice.number_year}"
        title = c.notice.title if len(c.notice.title) <= 60 else c.notice.title[:59] + "…"
        name = f"{number} {title}" if number else title
        pct = int(c.percent)  # floor: 99.6 % must not read 100 %
        out.append(
            (f"{name}: รับทราบ {c.done}/{c.total} คน ({pct}%)", f"{name}: acknowledged by {c.done}/{c.total} ({pct}%)")
        )
    if len(shown) < len(docs):
        more = len(docs) - len(shown)
        out.append((f"และเอกสารอื่นอีก {more} ฉบับที่ยังรับทราบไม่ครบ", f"and {more} more documents not fully acknowledged"))
    return out


def extend_demo(ctx: Context) -> None:
    from ethics_tui.service.notices_demo import load

    load(ctx)
