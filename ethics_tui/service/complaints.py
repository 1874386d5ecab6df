"""Corruption complaints and whistleblowing (measure 7): intake, receipt codes, the workflow,
lookup by code, statistics (counts only), retention purge, and the demo cases.

The case (table ``complaints``) holds no identity. The complainant, the accused and the details
are sealed in the "complaints" vault, in a table of their own (``complaint_identities``, same
doc id), and are shown only through :func:`identity`, which logs the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ethics_tui.errors import ConflictError, NotFoundError, UserError, ValidationError, found
from ethics_tui.model import complaints as m
from ethics_tui.model.complaints import Complaint, ComplaintSettings, Identity
from ethics_tui.service import numbering, vault
from ethics_tui.service.access import ALL, can, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_docs
from ethics_tui.thai import names
from ethics_tui.thai.dates import fiscal_year

CASES = "complaints"
IDENTITIES = "complaint_identities"
SETTINGS = "complaint_settings"
KIND = "complaint"
SEQ = "complaint"

register_permissions(
    {
        "complaints.read": ("complaints",),
        "complaints.write": ("complaints",),
        "complaints.stats": ALL,
        "complaints.status": ALL,
        "complaints.purge": ("complaints", "admin"),
        "complaints.settings": ("complaints", "admin"),
    },
    {
        "complaints.read": ("ดูเรื่องร้องเรียน", "view complaints"),
        "complaints.write": ("รับและดำเนินการเรื่องร้องเรียน", "register and handle complaints"),
        "complaints.stats": ("ดูสถิติเรื่องร้องเรียน", "view complaint statistics"),
        "complaints.status": ("ตรวจสอบสถานะเรื่องร้องเรียนด้วยรหัส", "look up a complaint by its code"),
        "complaints.purge": ("ลบเรื่องร้องเรียนที่หมดอายุการเก็บ", "purge expired complaints"),
        "complaints.settings": ("ตั้งค่าเรื่องร้องเรียน", "change complaint settings"),
    },
)


# -- settings -----------------------------------------------------------------------------
def get_settings(ctx: Context) -> ComplaintSettings:
    return ComplaintSettings.from_dict(ctx.store.load().get(SETTINGS, {}).get("1"))


def save_settings(ctx: Context, s: ComplaintSettings) -> ComplaintSettings:
    require(ctx, "complaints.settings")
    s.channels = [c.strip() for c in s.channels]
    s.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        old = ComplaintSettings.from_dict(tx.table(SETTINGS).get(doc_id=1))
        if old.rev != s.rev:
            raise _conflict()
        changed = [k for k, v in s.to_dict().items() if k != "rev" and old.to_dict().get(k) != v]
        if not changed:
            return old
        s.rev = old.rev + 1
        tx.put(SETTINGS, 1, s.to_dict())
        tx.log("update", "complaint-settings", 1, changed)
    return s


def _conflict() -> ConflictError:
    return ConflictError(
        "มีผู้อื่นบันทึกเรื่องนี้ไปก่อนแล้ว โปรดเปิดใหม่แล้วทำอีกครั้ง", "Someone else saved this meanwhile; reopen it and try again."
    )


# -- sealing the free text of a case: service/complaints_seal.py ---------------------------
from ethics_tui.service.complaints_seal import _revealed, _sealed_doc  # noqa: E402


# -- reading ------------------------------------------------------------------------------
def _cases(ctx: Context) -> list[Complaint]:
    """The stored cases (subject and step texts still sealed)."""
    return [Complaint.from_doc(int(k), v) for k, v in ctx.store.load().get(CASES, {}).items()]


def list_cases(ctx: Context, text: str = "", open_only: bool = False) -> list[Complaint]:
    """Cases, newest first; ``text`` matches the code, number, subject, channel or status."""
    require(ctx, "complaints.read")
    words = [w.casefold() for w in text.split()]
    out = []
    for c in _cases(ctx):
        if open_only and c.status == "closed":
            continue
        c = _revealed(ctx, c)
        hay = (
            f"{c.code} {c.number}/{c.fiscal_year} {c.subject} {c.channel} {m.step_label(c.status)} "
            f"{m.step_label(c.status, 'en')} {m.kind_label(c.kind)}".casefold()
        )
        if all(w in hay for w in words):
            out.append(c)
    return sorted(out, key=lambda c: (c.received_at, c.id or 0), reverse=True)


def get(ctx: Context, case_id: int) -> Complaint:
    """The case with its subject and step texts revealed for the holder of the complaints key."""
    return _revealed(ctx, _get_raw(ctx, case_id))


def _get_raw(ctx: Context, case_id: int) -> Complaint:
    require(ctx, "complaints.read")
    doc = found(
        ctx.store.load().get(CASES, {}).get(str(case_id)), f"ไม่พบเรื่องร้องเรียนรหัส {case_id}", f"No complaint {case_id}"
    )
    return Complaint.from_doc(case_id, doc)


def _identity_of(ctx: Context, c: Complaint) -> Identity:
    sealed = ctx.store.load().get(IDENTITIES, {}).get(str(c.id)) or {}
    return Identity.from_revealed(c.anonymous, vault.reveal_fields(ctx, KIND, sealed, m.CONFIDENTIAL))


def identity(ctx: Context, case_id: int) -> Identity:
    """The confidential part, revealed for the holder of the complaints key (logged as a view).
    Without the key every value reads "ปกปิด"."""
    c = get(ctx, case_id)
    ident = _identity_of(ctx, c)
    vault.log_view(ctx, KIND, case_id)
    return ident


def overdue(ctx: Context, today: date | None = None) -> list[Complaint]:
    require(ctx, "complaints.read")
    today = today or date.today()
    return sorted((_revealed(ctx, c) for c in _cases(ctx) if c.overdue(today)), key=lambda c: c.due)


def overdue_count(ctx: Context, today: date | None = None) -> int:
    """Overdue open cases, or 0 for a user who may not see cases (for the home screen)."""
    if not can(ctx, "complaints.read"):
        return 0
    today = today or date.today()
    return sum(c.overdue(today) for c in _cases(ctx))


def home_alerts(ctx: Context) -> list[tuple[str, str]]:
    """(th, en) home-screen line with the overdue count, for the complaints role only (a
    count: no code, subject or identity)."""
    n = overdue_count(ctx)
    return [(f"เรื่องร้องเรียนการทุจริตเกินกำหนด {n} เรื่อง", f"{n} corruption complaint(s) overdue")] if n else []


# -- guard rails --------------------------------------------------------------------------
def _staff(ctx: Context) -> dict[int, dict]:
    return {int(k): v for k, v in staff_docs(ctx).items()}


def _full_name(doc: dict) -> str:
    return f"{doc.get('prefix', '')}{doc.get('first_name', '')} {doc.get('last_name', '')}".strip()


def _squash(text: str) -> str:
    return "".join(str(text or "").split())


EXECUTIVE_WORDS = names.EXECUTIVE_WORDS


def is_executive(ctx: Context, ident: Identity) -> bool:
    """The accused is the local executive: a title (นายก อบต., นายกเทศมนตรี, รองนายกฯ, or "นายก"
    as a word of its own; "นายกมล" is a first name), or the executive's own name from the office
    settings, with or without its title ("ประเสริฐ ศรีสุข" as well as "นายประเสริฐ ศรีสุข")."""
    from ethics_tui.service.settings import get_settings as office

    if ident.executive_accused:
        return True
    texts = [ident.accused_text]
    if ident.accused_staff_id:
        texts.append(_staff(ctx).get(ident.accused_staff_id, {}).get("position", ""))
    exec_name = office(ctx).executive_name
    return any(names.mentions_executive_title(t) or (exec_name and names.names_in(t, exec_name)) for t in texts if t)


def _check_handler(ctx: Context, ident: Identity) -> None:
    """A handler cannot be the accused."""
    user = ctx.user
    if user is None:
        return
    mine = _staff(ctx).get(user.staff_id or 0)
    if (user.staff_id and user.staff_id == ident.accused_staff_id) or (
        mine and names.names_in(ident.accused_text, _full_name(mine))
    ):
        raise UserError(
            "ผู้ถูกร้องเรียนเป็นบุคคลเดียวกับผู้ใช้ที่ดำเนินการ จึงดำเนินการเรื่องนี้ไม่ได้ — ให้เจ้าหน้าที่คนอื่นรับผิดชอบ",
            "You are the accused in this complaint, so you cannot handle it; another officer must.",
        )


# -- intake -------------------------------------------------------------------------------
def intake(ctx: Context, c: Complaint, ident: Identity) -> Complaint:
    """Register a complaint: a fresh receipt code and number, identities sealed apart."""
    require(ctx, "complaints.write")
    settings = get_settings(ctx)
    c.anonymous = ident.anonymous = bool(ident.anonymous)
    c.subject, c.channel = (c.subject or "").strip(), (c.channel or "").strip()
    c.status, c.history, c.evidence, c.id, c.rev = "received", [], "", None, 1
    errors: dict = {}
    for part in (lambda: c.validate(settings.channels), ident.validate):
        try:
            part()
        except ValidationError as exc:
            errors.update(exc.errors)
    staff = _staff(ctx)
    if ident.accused_staff_id and ident.accused_staff_id not in staff:
        errors["accused"] = ("ไม่พบบุคลากรที่เลือก", "the chosen staff member does not exist")
    accused = (ident.accused_text, _full_name(staff.get(ident.accused_staff_id or 0, {})))
    if any(names.names_in(c.subject, who) for who in accused if who):  # with or without a title
        errors["subject"] = (
            "อย่าใส่ชื่อผู้ถูกร้องเรียนในหัวเรื่อง (หัวเรื่องพิมพ์อยู่บนใบรับเรื่อง)",
            "keep the accused's name out of the subject (it is printed on the receipt)",
        )
    if errors:
        raise ValidationError(errors)
    _check_handler(ctx, ident)
    ident.executive_accused = is_executive(ctx, ident)
    sealed = vault.seal_fields(ctx, KIND, ident.sealed_dict(), m.CONFIDENTIAL)
    now = datetime.now().isoformat(timespec="seconds")
    received = c.received_date
    c.fiscal_year = fiscal_year(received)
    c.handler = ctx.user.username if ctx.user else ctx.actor
    c.due = (received + timedelta(days=settings.due_days["received"])).isoformat()
    c.retention_until = _add_years(received, settings.retention_years).isoformat()
    c.history = [
        {"step": "received", "date": received.isoformat(), "actor": ctx.actor, "note": "", "extra": {}, "recorded": now}
    ]
    with ctx.store.transaction(actor=ctx.actor) as tx:
        used = {d.get("code") for d in tx.table(CASES).all()}
        c.code = m.new_code()
        while c.code in used:  # 21^10 codes: practically never loops
            c.code = m.new_code()
        c.number = numbering.claim(tx, SEQ, c.fiscal_year, ref=c.code)
        c.id = tx.table(CASES).insert(_sealed_doc(ctx, c))
        tx.put(IDENTITIES, c.id, sealed)
        filled = [k for k, v in ident.sealed_dict().items() if v]
        tx.log("create", KIND, c.id, [k for k, v in c.to_dict().items() if v not in ("", None, [])] + filled)
    return c


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# -- the workflow -------------------------------------------------------------------------
def next_steps(ctx: Context, c: Complaint, ident: Identity | None = None) -> list[str]:
    """The steps this case may move to now (the executive guard and anonymity applied)."""
    steps = list(m.TRANSITIONS.get(c.status, ()))
    if c.anonymous and c.status in m.ANONYMOUS_CLOSE_FROM:
        steps.append("closed")
    if c.status == "review":
        ident = ident or _identity_of(ctx, c)
        if ident.executive_accused:
            steps = ["referred"]
    return steps


def executive_rule(lang: str = "th") -> str:
    """The receiving bodies for a complaint against the executive (service/complaints_bodies.py)."""
    from ethics_tui.service.complaints_bodies import rule_text

    return rule_text(lang)


def advance(
    ctx: Context, case_id: int, step: str, on: date, note: str = "", *, rev: int | None = None, **extra: str
) -> Complaint:
    """Move a case to ``step`` on date ``on``. ``extra``: reason / body / finding / method,
    and ``evidence`` ("enough" / "not_enough") when leaving the preliminary review."""
    require(ctx, "complaints.write")
    c = _get_raw(ctx, case_id)
    if rev is not None and rev != c.rev:
        raise _conflict()
    ident = _identity_of(ctx, c)
    if not vault.has_key(ctx, "complaints"):
        raise UserError(
            "คุณไม่มีกุญแจข้อมูลลับของเรื่องร้องเรียน จึงดำเนินการเรื่องนี้ไม่ได้",
            "You do not hold the complaints key, so you cannot handle this case",
        )
    _check_handler(ctx, ident)
    allowed = next_steps(ctx, c, ident)
    if step not in allowed:
        if c.status == "review" and ident.executive_accused:
            raise UserError(executive_rule("th"), executive_rule("en"))
        names_th = ", ".join(m.step_label(s) for s in allowed) or "-"
        names_en = ", ".join(m.step_label(s, "en") for s in allowed) or "-"
        raise UserError(
            f"เปลี่ยนจาก “{m.step_label(c.status)}” เป็น “{m.step_label(step)}” ไม่ได้ (ทำได้: {names_th})",
            f"Cannot go from '{m.step_label(c.status, 'en')}' to '{m.step_label(step, 'en')}' (allowed: {names_en})",
        )
    errors: dict[str, tuple[str, str]] = {}
    extra = {k: str(v).strip() for k, v in extra.items() if v not in (None, "")}
    if not isinstance(on, date):
        errors["date"] = ("วันที่ไม่ถูกต้อง", "invalid date")
    else:
        last = date.fromisoformat(c.history[-1]["date"]) if c.history else c.received_date
        if on > date.today():
            errors["date"] = ("วันที่อยู่ในอนาคต", "the date is in the future")
        elif on < last:
            errors["date"] = ("วันที่ต้องไม่ก่อนขั้นตอนก่อนหน้า", "the date is before the previous step")
    need = m.STEP_REQUIRES.get(step)
    if need and not extra.get(need[0]):
        errors[need[0]] = (f"ต้องกรอก{need[1]}", f"{need[2]} is required")
    from ethics_tui.service.complaints_bodies import is_receiving_body

    if step == "referred" and ident.executive_accused and not is_receiving_body(extra.get("body", "")):
        errors["body"] = (executive_rule("th"), executive_rule("en"))
    if c.status == "review":
        ev = extra.get("evidence", c.evidence)
        if ev not in ("enough", "not_enough"):
            errors["evidence"] = ("ต้องระบุว่ามีหลักฐานเพียงพอหรือไม่", "record whether there is enough evidence")
        elif step == "fact_finding" and ev != "enough":
            errors["evidence"] = (
                "หลักฐานไม่เพียงพอ จึงแสวงหาข้อเท็จจริงต่อไม่ได้",
                "not enough evidence to proceed to fact-finding",
            )
    if len(note) > 2000 or any(len(v) > 2000 for v in extra.values()):
        errors["note"] = ("ข้อความยาวเกิน 2000 ตัวอักษร", "text longer than 2000 characters")
    if errors:
        raise ValidationError(errors)
    settings = get_settings(ctx)
    if "evidence" in extra:
        c.evidence = extra.pop("evidence")
    c.history = [
        *c.history,
        {
            "step": step,
            "date": on.isoformat(),
            "actor": ctx.actor,
            "note": note.strip(),
            "extra": extra,
            "recorded": datetime.now().isoformat(timespec="seconds"),
        },
    ]
    c.status = step
    days = settings.due_days.get(step)
    c.due = (on + timedelta(days=days)).isoformat() if days and step != "closed" else ""
    if step == "closed":
        c.retention_until = _add_years(on, settings.retention_years).isoformat()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = tx.table(CASES).get(doc_id=case_id)
        if doc is None or int(doc.get("rev", 0)) != c.rev:
            raise _conflict()
        c.rev += 1
        tx.put(CASES, case_id, _sealed_doc(ctx, c))
        changed = ["status", "due", "history", *sorted(extra)]
        if doc.get("evidence", "") != c.evidence:
            changed.append("evidence")
        tx.log("step", KIND, case_id, changed, note=f"{doc.get('status')} -> {step}")
    return _revealed(ctx, c)


# -- lookup by code -----------------------------------------------------------------------
@dataclass
class StatusView:
    """What "what happened to my complaint?" may show: status and dates, nothing else."""

    code: str
    status: str
    received: date
    steps: list[tuple[str, date]]
    due: date | None


def lookup(ctx: Context, code: str) -> StatusView:
    require(ctx, "complaints.status")
    canon = m.normalize_code(code)
    if canon is None:
        raise UserError(
            f"“{code}” ไม่ใช่รหัสรับเรื่อง (รูปแบบ เช่น K7QM-3XPA-9D)",
            f"'{code}' is not a receipt code (it looks like K7QM-3XPA-9D)",
        )
    for c in _cases(ctx):
        if c.code == canon:
            ctx.store.log_event("lookup", KIND, c.id, actor=ctx.actor)
            return StatusView(
                canon,
                c.status,
                c.received_date,
                [(h["step"], date.fromisoformat(h["date"])) for h in c.history],
                date.fromisoformat(c.due) if c.due else None,
            )
    raise NotFoundError(
        f"ไม่พบเรื่องที่มีรหัส {canon} — ตรวจรหัสอีกครั้ง หรือเรื่องอาจถูกลบเมื่อพ้นอายุการเก็บ",
        f"No complaint has the code {canon}; check it (or the case was purged after retention)",
    )


# -- statistics (counts only) -------------------------------------------------------------
Stats = m.Stats
period, period_label, statement = m.period, m.period_label, m.statement


def stats(ctx: Context, fy: int, half: bool = False, today: date | None = None) -> Stats:
    """Counts for fiscal year ``fy`` (B.E.), or its first six months (1 Oct-31 Mar) with ``half``.
    Finished / in progress are as they stood at the end of the period (or today, if earlier)."""
    require(ctx, "complaints.stats")
    if not isinstance(fy, int) or not 2400 <= fy <= 2700:
        raise UserError(
            f"ปีงบประมาณ {fy} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2568)", f"Invalid fiscal year {fy} (use B.E., e.g. 2568)"
        )
    return m.count(_cases(ctx), fy, half, today or date.today(), get_settings(ctx).channels)


# -- retention ----------------------------------------------------------------------------
def expired(ctx: Context, today: date | None = None) -> list[Complaint]:
    require(ctx, "complaints.purge")
    today = today or date.today()
    return [
        c
        for c in _cases(ctx)
        if c.status == "closed" and c.retention_until and date.fromisoformat(c.retention_until) < today
    ]


def purge(ctx: Context, dry_run: bool = True, today: date | None = None) -> list[Complaint]:
    """Replaced by the สารบรรณ destruction procedure (service/complaints_destruction.py): a
    list of expired records, a committee, approval, then destruction, the list kept."""
    raise UserError(
        "การลบเรื่องที่พ้นอายุการเก็บต้องทำตามขั้นตอนการทำลายหนังสือ: ethics-tui complaints destruction prepare",
        "Expired cases are destroyed by the records procedure: ethics-tui complaints destruction prepare",
    )


# -- register hooks (demo.REGISTERS): defined in the split modules, which import this one -------
def extend_demo(ctx):
    """Demo records (demo.load_demo calls it): see :mod:`ethics_tui.service.complaints_demo`."""
    from ethics_tui.service.complaints_demo import extend_demo as hook

    return hook(ctx)
