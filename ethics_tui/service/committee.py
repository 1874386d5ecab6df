"""The ethics advisory committee: appointment orders, the committee in force, consultations.

Orders (table ``orders``): draft -> issued -> superseded / revoked. Issuing claims "ที่ N/YYYY"
from the office's ``order`` sequence (B.E. calendar year of the order date); an issued order is
never changed again, a change is a new order that supersedes it. Consultations (table
``consultations``) are for the committee role only; the requester is sealed in the
``committee`` vault and never reaches lists, statistics, exports or the audit log.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from ethics_tui.errors import ConflictError, UserError, ValidationError, found
from ethics_tui.model import committee as m
from ethics_tui.model.committee import Order, OrderMember
from ethics_tui.service import numbering
from ethics_tui.service.access import ALL, can, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import BE_OFFSET, fiscal_year, fiscal_year_range, format_date

ORDERS, CONSULTATIONS, TEMPLATE = "orders", "consultations", "committee_template"
KIND_ORDER, KIND_CONSULT = "order", "consultation"

register_permissions(
    {
        "orders.read": ALL,
        "orders.write": ("hr",),
        "consultations.read": ("committee",),
        "consultations.write": ("committee",),
        "consultations.stats": ("committee", "executive", "admin"),
    },
    {
        "orders.read": ("ดูคำสั่งแต่งตั้งคณะที่ปรึกษาจริยธรรม", "view committee orders"),
        "orders.write": ("จัดทำคำสั่งแต่งตั้งคณะที่ปรึกษาจริยธรรม", "draft and issue committee orders"),
        "consultations.read": ("ดูบันทึกการให้คำปรึกษาด้านจริยธรรม", "view ethics consultations"),
        "consultations.write": ("บันทึกการให้คำปรึกษาด้านจริยธรรม", "record ethics consultations"),
        "consultations.stats": ("ดูสถิติการให้คำปรึกษา", "view consultation statistics"),
    },
)


def _conflict() -> ConflictError:
    return ConflictError(
        "มีผู้อื่นบันทึกรายการนี้ไปก่อนแล้ว โปรดเปิดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone else saved this record meanwhile; reopen it and edit again.",
    )


def _changed(old: dict, new: dict) -> list[str]:
    return [k for k, v in new.items() if k != "rev" and old.get(k) != v]


# -- the office's template (preamble, duties, categories) ----------------------------------
def get_template(ctx: Context) -> dict:
    doc = ctx.store.load().get(TEMPLATE, {}).get("1") or {}
    return {
        "preamble": doc.get("preamble", m.DEFAULT_PREAMBLE),
        "duties": list(doc.get("duties", m.DEFAULT_DUTIES)),
        "categories": list(doc.get("categories", m.DEFAULT_CATEGORIES)),
        "retention_years": int(doc.get("retention_years", m.DEFAULT_RETENTION_YEARS)),
        "rev": doc.get("rev", 0),
    }


def save_template(ctx: Context, rev: int, **changes) -> dict:
    """Change the preamble / duties (hr) or the categories (committee). ``rev`` as read."""
    perm = "consultations.write" if set(changes) <= {"categories"} else "orders.write"
    require(ctx, perm)
    errors = {}
    if "preamble" in changes and m.AUTHORITY not in (changes["preamble"] or ""):
        errors["preamble"] = (
            "แม่แบบต้องมี {authority} ตรงที่ใส่บทบัญญัติที่ให้อำนาจ",
            "the template must keep {authority} where the legal authority goes",
        )
    for name in ("duties", "categories"):
        if name in changes:
            changes[name] = [x.strip() for x in changes[name] if x and x.strip()]
            if not changes[name]:
                errors[name] = ("ต้องมีอย่างน้อย 1 รายการ", "at least one item is needed")
    if errors:
        raise ValidationError(errors)
    with ctx.store.transaction(actor=ctx.actor) as tx:
        old = tx.table(TEMPLATE).get(doc_id=1) or {}
        if old.get("rev", 0) != rev:
            raise _conflict()
        new = {**old, **changes, "rev": rev + 1}
        tx.put(TEMPLATE, 1, new)
        tx.log("update", "committee-template", 1, _changed(old, new))
    return get_template(ctx)


# -- orders ---------------------------------------------------------------------------------
def _orders(ctx: Context) -> list[Order]:
    return [Order.from_doc(int(k), v) for k, v in ctx.store.load().get(ORDERS, {}).items()]


def list_orders(ctx: Context, status: str | None = None) -> list[Order]:
    """Newest first (issued by order date and number, drafts at the top)."""
    require(ctx, "orders.read")
    out = [o for o in _orders(ctx) if status is None or o.status == status]
    return sorted(out, key=lambda o: (o.status == m.DRAFT, o.order_date or "9999", o.number or 0, o.id), reverse=True)


def get_order(ctx: Context, order_id: int) -> Order:
    require(ctx, "orders.read")
    doc = found(ctx.store.load().get(ORDERS, {}).get(str(order_id)), f"ไม่พบคำสั่งรหัส {order_id}", f"No order {order_id}")
    return Order.from_doc(order_id, doc)


def new_order(ctx: Context) -> Order:
    """An unsaved draft from the office's template, replacing the order in force today."""
    require(ctx, "orders.read")
    t = get_template(ctx)
    current = in_force(ctx)
    return Order(
        preamble=t["preamble"],
        duties=t["duties"],
        supersedes=current.id if current else None,
        order_date=date.today().isoformat(),
    )


def _fill_staff(tx, order: Order) -> None:
    for mem in order.members:
        if mem.staff_id:
            doc = tx.table("staff").get(doc_id=mem.staff_id)
            if doc is None:
                raise ValidationError({"members": (f"ไม่พบบุคลากรรหัส {mem.staff_id}", f"no staff member {mem.staff_id}")})
            if not mem.name.strip():
                mem.name = f"{doc['prefix']}{doc['first_name']} {doc['last_name']}"
            if not mem.position.strip():
                mem.position = position_title(doc.get("position", ""), doc.get("level", ""))


_LINE_LEVELS = ("ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส")


def position_title(position: str, level: str) -> str:
    """ "นักทรัพยากรบุคคล" + "ชำนาญการ" -> "นักทรัพยากรบุคคลชำนาญการ"; other levels are left out."""
    from ethics_tui.pdf.names import position_with_level

    return position_with_level(position, level)


def save_draft(ctx: Context, order: Order) -> Order:
    """Add or update a draft. Issued, superseded and revoked orders cannot be changed."""
    require(ctx, "orders.write")
    order = replace(order, members=[replace(x) for x in order.members], status=m.DRAFT, number=None, year_be=None)
    with ctx.store.transaction(actor=ctx.actor) as tx:
        _fill_staff(tx, order)
        order.validate()
        if order.supersedes and (tx.table(ORDERS).get(doc_id=order.supersedes) or {}).get("status") != m.ISSUED:
            raise ValidationError(
                {
                    "supersedes": (
                        "คำสั่งที่จะยกเลิกต้องเป็นคำสั่งที่ออกแล้วและยังใช้อยู่",
                        "the order replaced must be issued and in use",
                    )
                }
            )
        if order.id is None:
            order.rev = 1
            order.id = tx.table(ORDERS).insert(order.to_dict())
            tx.log("create", KIND_ORDER, order.id, [k for k, v in order.to_dict().items() if v not in ("", None, [])])
            return order
        old = found(tx.table(ORDERS).get(doc_id=order.id), f"ไม่พบคำสั่งรหัส {order.id}", f"No order {order.id}")
        _immutable(Order.from_doc(order.id, old))
        if old.get("rev") != order.rev:
            raise _conflict()
        order.rev += 1
        tx.put(ORDERS, order.id, order.to_dict())
        tx.log("update", KIND_ORDER, order.id, _changed(old, order.to_dict()))
    return order


def _immutable(order: Order) -> None:
    if order.status != m.DRAFT:
        raise UserError(
            f"คำสั่งที่ {order.ref} ออกแล้ว จึงแก้ไขไม่ได้ — ให้ออกคำสั่งใหม่แทนคำสั่งนี้",
            f"Order {order.ref} is issued and cannot change; issue a new order that supersedes it",
        )


def delete_draft(ctx: Context, order_id: int) -> None:
    require(ctx, "orders.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        _immutable(get_order(ctx, order_id))
        tx.table(ORDERS).remove(doc_ids=[order_id])
        tx.log("delete", KIND_ORDER, order_id)


def parse_number(text: str | int | None, year_be: int) -> int | None:
    """ "12" or "12/2568" (Thai digits too) -> 12; the year, when given, must match."""
    from ethics_tui.thai.digits import to_arabic_digits

    if text in (None, ""):
        return None
    s = to_arabic_digits(str(text)).replace("ที่", "").strip()
    num, _, year = s.partition("/")
    if not num.strip().isdigit() or (year and not year.strip().isdigit()):
        raise ValidationError(
            {"number": ("เลขที่คำสั่งต้องเป็นตัวเลข เช่น 12 หรือ 12/2568", "type a number such as 12 or 12/2568")}
        )
    if year and int(year) != year_be:
        raise ValidationError(
            {"number": (f"ปีของเลขที่ต้องเป็น {year_be} ตามวันที่สั่ง", f"the year must be {year_be} (the order date)")}
        )
    return int(num)


def next_order_number(ctx: Context, year_be: int) -> int:
    require(ctx, "orders.read")
    return numbering.next_number(ctx.store.snapshot(), "order", year_be)


def issue(ctx: Context, order_id: int, number: int | str | None = None, order_date: date | None = None) -> Order:
    """Issue a draft: next (or the typed) number of the order date's B.E. year; supersede."""
    require(ctx, "orders.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(ORDERS).get(doc_id=order_id), f"ไม่พบคำสั่งรหัส {order_id}", f"No order {order_id}")
        order = Order.from_doc(order_id, doc)
        _immutable(order)
        if order_date:
            order.order_date = order_date.isoformat()
        order.validate(for_issue=True)
        order.year_be = date.fromisoformat(order.order_date).year + BE_OFFSET
        n = parse_number(number, order.year_be)
        order.number = numbering.claim(tx, "order", order.year_be, f"{KIND_ORDER}:{order_id}", n)
        order.status, order.rev = m.ISSUED, order.rev + 1
        if order.supersedes:
            old = tx.table(ORDERS).get(doc_id=order.supersedes)
            if old is None or old.get("status") != m.ISSUED:
                raise UserError(
                    "คำสั่งที่ร่างนี้จะแทนถูกแทนที่หรือยกเลิกไปแล้ว จึงออกร่างนี้ไม่ได้: แก้ช่อง 'แทนคำสั่ง' ในร่าง (e) หรือลบร่างนี้ (d)",
                    "The order this draft replaces is no longer in use, so this draft cannot be issued: "
                    "change its 'supersedes' field (e) or delete the draft (d)",
                )
            tx.put(
                ORDERS,
                order.supersedes,
                {**old, "status": m.SUPERSEDED, "superseded_by": order_id, "rev": old["rev"] + 1},
            )
            tx.log("supersede", KIND_ORDER, order.supersedes, ["status", "superseded_by"])
        tx.put(ORDERS, order_id, order.to_dict())
        tx.log("issue", KIND_ORDER, order_id, ["status", "number", "year_be", "order_date"])
    return order


def successor(ctx: Context, order_id: int) -> Order:
    """A saved draft copying an issued order, set to supersede it when issued."""
    return save_draft(ctx, successor_draft(ctx, order_id))


def successor_draft(ctx: Context, order_id: int) -> Order:
    """The unsaved draft ``successor`` would store: a copy of an issued order dated today, set
    to supersede it. The order form opens on it and saves it (``save_draft``) only at ctrl+s,
    so a cancelled form leaves no draft and no audit entry behind."""
    require(ctx, "orders.write")
    old = get_order(ctx, order_id)
    if old.status != m.ISSUED:
        raise UserError(
            f"ออกคำสั่งแทนได้เฉพาะคำสั่งที่ใช้อยู่ (คำสั่งนี้: {m.ORDER_STATUSES[old.status][0]})",
            f"Only an order in use can be superseded (this one is {m.ORDER_STATUSES[old.status][1]})",
        )
    pending = [o for o in _orders(ctx) if o.status == m.DRAFT and o.supersedes == old.id]
    if pending:
        raise UserError(
            f"มีร่างคำสั่งแทนคำสั่งนี้อยู่แล้ว (ร่างรหัส {pending[0].id}): แก้ไขร่างนั้น (e) หรือลบก่อน (d)",
            f"A draft replacing this order already exists (draft {pending[0].id}): edit it (e) or delete it first (d)",
        )
    return replace(
        old,
        id=None,
        rev=0,
        status=m.DRAFT,
        number=None,
        year_be=None,
        supersedes=old.id,
        superseded_by=None,
        order_date=date.today().isoformat(),
    )


def revoke(ctx: Context, order_id: int, on: date, reason: str) -> Order:
    require(ctx, "orders.write")
    if not (reason or "").strip():
        raise ValidationError({"reason": ("ต้องระบุเหตุผลที่ยกเลิก", "give the reason")})
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(ORDERS).get(doc_id=order_id), f"ไม่พบคำสั่งรหัส {order_id}", f"No order {order_id}")
        order = Order.from_doc(order_id, doc)
        if order.status != m.ISSUED:
            raise UserError("ยกเลิกได้เฉพาะคำสั่งที่ใช้อยู่", "Only an order in use can be revoked")
        order.status, order.revoked_on, order.revoke_reason, order.rev = (
            m.REVOKED,
            on.isoformat(),
            reason.strip(),
            order.rev + 1,
        )
        tx.put(ORDERS, order_id, order.to_dict())
        tx.log("revoke", KIND_ORDER, order_id, ["status", "revoked_on", "revoke_reason"])
    return order


def _span(order: Order, by_id: dict[int, Order]) -> tuple[date, date] | None:
    if order.status not in (m.ISSUED, m.SUPERSEDED, m.REVOKED) or not order.term_start:
        return None
    start, end = order.start(), order.end()
    nxt = by_id.get(order.superseded_by or 0)
    if nxt and nxt.term_start:
        end = min(end, nxt.start() - timedelta(days=1))
    if order.revoked_on:
        end = min(end, date.fromisoformat(order.revoked_on) - timedelta(days=1))
    return start, end


def _in_force(ctx: Context, on: date) -> Order | None:
    orders = _orders(ctx)
    by_id = {o.id: o for o in orders}
    live = [o for o in orders if (s := _span(o, by_id)) and s[0] <= on <= s[1]]
    return max(live, key=lambda o: (o.term_start, o.year_be or 0, o.number or 0), default=None)


def in_force(ctx: Context, on: date | None = None) -> Order | None:
    """The issued order whose committee sits on ``on`` (today by default)."""
    require(ctx, "orders.read")
    return _in_force(ctx, on or date.today())


def current_committee(ctx: Context, on: date | None = None) -> list[OrderMember]:
    """Members of the committee in force on ``on`` (other registers use this)."""
    order = in_force(ctx, on)
    return list(order.members) if order else []


def terms_ending_soon(ctx: Context, days: int = 30, today: date | None = None) -> list[tuple[Order, date]]:
    """(order, last day) for orders in force today whose term ends within ``days``."""
    require(ctx, "orders.read")
    today = today or date.today()
    orders = _orders(ctx)
    by_id = {o.id: o for o in orders}
    out = []
    for o in orders:
        span = _span(o, by_id)
        if o.status == m.ISSUED and span and span[0] <= today <= span[1] <= today + timedelta(days=days):
            out.append((o, span[1]))
    return sorted(out, key=lambda x: x[1])


def home_alerts(ctx: Context) -> list[tuple[str, str]]:
    """(th, en) lines for the home screen: committee terms ending within 30 days."""
    if not can(ctx, "orders.read"):
        return []
    out = []
    for o, end in terms_ending_soon(ctx, 30):
        left = (end - date.today()).days
        out.append(
            (
                f"วาระคณะที่ปรึกษาจริยธรรมตามคำสั่งที่ {o.ref} สิ้นสุด {format_date(end, 'abbr')} (อีก {left} วัน)",
                f"The ethics committee's term (order {o.ref}) ends {format_date(end, 'abbr', lang='en')} ({left} days)",
            )
        )
    return out


# -- PDF -------------------------------------------------------------------------------------
def default_pdf_path(ctx: Context, name: str) -> Path:
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx) / name


def order_doc(ctx: Context, order: Order):
    from ethics_tui.pdf.models import Member, Members, NumberedList, OrderDoc, Signer
    from ethics_tui.service.settings import get_settings

    office = get_settings(ctx).office_name
    text = printed_preamble(ctx, order)
    body = [p.replace("\n", " ").strip() for p in text.split("\n\n") if p.strip()]
    body += [
        Members([Member(x.name, x.position, x.role) for x in order.members]),
        NumberedList([d for d in order.duties if d.strip()], title=m.DUTIES_TITLE),
    ]
    old = _orders(ctx)
    old = next((o for o in old if o.id == order.supersedes), None)
    if old and old.number:
        body.append(f"ให้ยกเลิกคำสั่ง{office} ที่ {old.ref} ลงวันที่ {format_date(old.order_date, 'full')}")
    span = (
        f"ทั้งนี้ ตั้งแต่วันที่ {_be(order.term_start)} ถึงวันที่ {_be(order.term_end)}"
        if order.term_start and order.term_end
        else ""
    )
    when = date.fromisoformat(order.order_date) if order.order_date else date.today()
    return OrderDoc(
        number=order.number or "........",
        year_be=order.year_be or when.year + BE_OFFSET,
        subject=order.subject,
        body=body,
        signed_on=when,
        effective=span or "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
        signer=Signer(order.signer_name, order.signer_position),
    )


def printed_preamble(ctx: Context, order: Order) -> str:
    """The preamble as the order prints it: the office's name for {office}, the legal authority
    (or the blank to fill while there is none) for {authority}."""
    from ethics_tui.service.settings import get_settings

    authority = order.authority.strip() or m.AUTHORITY_BLANK
    return order.preamble.replace(m.OFFICE, get_settings(ctx).office_name).replace(m.AUTHORITY, authority)


def preamble_for_editing(ctx: Context, text: str) -> str:
    """A draft's preamble as the order form shows it: the office's name where the template says
    {office} (saved so, the order prints the same words); {authority} stays, to be replaced by
    the authority field, which may still change. Unchanged while the office has no name."""
    from ethics_tui.service.settings import get_settings

    name = get_settings(ctx).office_name.strip()
    return text.replace(m.OFFICE, name) if name else text


def _be(iso: str) -> str:
    day, month, year = format_date(iso, "full").split(" ")
    return f"{day} {month} พ.ศ. {year}"


def signoff_doc(ctx: Context, order: Order):
    from ethics_tui.pdf.models import SignoffDoc, SignoffPerson
    from ethics_tui.service.settings import get_settings

    office = get_settings(ctx).office_name
    return SignoffDoc(
        document_title=f"คำสั่ง{office} ที่ {order.ref} เรื่อง {order.subject}",
        people=[SignoffPerson(x.name, x.position, x.role) for x in order.members],
        divisions=list(m.ROLES),
        heading="ใบลงชื่อรับทราบการแต่งตั้งคณะที่ปรึกษาทางจริยธรรม",
        dated=date.fromisoformat(order.order_date) if order.order_date else None,
    )


def export_pdf(ctx: Context, order_id: int, path: Path | None = None, kind: str = "order") -> Path:
    """Write the order (``kind`` "order") or its sign-off sheet ("order-signoff"); audited."""
    from ethics_tui.pdf.order import render_order
    from ethics_tui.pdf.signoff import render_signoff
    from ethics_tui.service.exports import record_export
    from ethics_tui.service.settings import get_settings

    require(ctx, "pdf.export")
    order = get_order(ctx, order_id)
    tag = f"{order.number}-{order.year_be}" if order.number else f"draft-{order.id}"
    path = Path(path) if path else default_pdf_path(ctx, f"{kind}-{tag}.pdf")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "order":
            from ethics_tui.thai.digits import to_thai_digits

            refs = [f"{o.number}/{o.year_be}" for o in _orders(ctx) if o.number]
            refs = tuple(refs + [to_thai_digits(r) for r in refs])
            render_order(order_doc(ctx, order), path, get_settings(ctx), names=refs)
        else:
            render_signoff(signoff_doc(ctx, order), path, get_settings(ctx))
    except OSError as exc:
        raise UserError(f"เขียนไฟล์ {path} ไม่ได้ ({exc.strerror})", f"Cannot write {path} ({exc.strerror})") from None
    record_export(ctx, path, kind, order.ref if order.number else f"draft:{order.id}")
    return path


# -- demo ------------------------------------------------------------------------------------
def extend_demo(ctx: Context) -> None:
    """Two issued orders (the second supersedes the first) and a dozen consultations."""

    from ethics_tui.service.people import staff_ids_by_code

    staff = staff_ids_by_code(ctx)
    today = date.today()
    roles = [
        ("0001", m.CHAIR),
        ("0002", "รองประธาน"),
        ("0012", "กรรมการ"),
        ("0005", "กรรมการ"),
        ("0004", m.SECRETARY),
        ("0007", "ผู้ช่วยเลขานุการ"),
    ]
    members = [OrderMember("", "", r, staff[c]) for c, r in roles if c in staff]
    first = save_draft(
        ctx,
        Order(
            members=members,
            authority="(ตัวอย่าง — หน่วยงานระบุบทบัญญัติกฎหมายที่ให้อำนาจเอง)",
            # from before the previous fiscal year began, so the demo's
            # report year has a committee in force every day
            term_start=(fiscal_year_range(fiscal_year(today) - 1)[0] - timedelta(days=3)).isoformat(),
            term_end=(today + timedelta(days=310)).isoformat(),
            order_date=(today - timedelta(days=425)).isoformat(),
        ),
    )
    issue(ctx, first.id)
    second = successor(ctx, first.id)
    second.members.insert(4, OrderMember("นางสาวอรทัย มีธรรม", "ผู้ทรงคุณวุฒิภายนอก (ข้อมูลสมมุติ)", "กรรมการ"))
    second.term_start = (today - timedelta(days=60)).isoformat()
    second.term_end = (today + timedelta(days=21)).isoformat()  # ends soon: shows on home
    second.order_date = (today - timedelta(days=62)).isoformat()
    issue(ctx, save_draft(ctx, second).id)
    from ethics_tui.service.committee_consultations import demo_consultations

    demo_consultations(ctx)
