"""Staff self-service accounts: one account per person of the staff register, made in bulk.

Each new account gets a *one-time code* (its first password), printed on a slip for the notice
board's sign-off round. The code is shown once (on the slip) and stored only as a scrypt
verifier like any password; the first sign-in must set a new password (``must_change``).

A staff account has the single role ``staff`` (model/user.STAFF_ROLE), is linked to its staff
record, and may only read and acknowledge the documents addressed to that person
(service/notices_self.py). It holds no vault key.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.model.user import STAFF_ROLE, User
from ethics_tui.service.access import register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_docs
from ethics_tui.store import crypto

USERS = "users"
#: no 0/o, 1/l/i: codes are typed from paper
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

register_permissions(
    {"staff_accounts.manage": ("hr", "admin")},
    {"staff_accounts.manage": ("สร้างบัญชีบุคลากรและรหัสใช้ครั้งเดียว", "make staff accounts and one-time codes")},
)


def is_staff_user(ctx: Context) -> bool:
    """True when the signed-in user is a staff self-service account."""
    user = getattr(ctx, "user", None)
    return user is not None and STAFF_ROLE in user.roles


def new_code() -> str:
    """A one-time code such as ``k7qm-3xpa`` (8 letters/digits, about 40 bits)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


@dataclass
class Slip:
    """What is printed for one person: who, which username, which one-time code."""

    staff_id: int
    username: str
    name: str
    division: str
    code: str


def _username_for(staff_id: int, code: str, taken: set[str]) -> str:
    base = code.strip().lower() if re.fullmatch(r"[A-Za-z0-9._-]{1,30}", code.strip() or "") else str(staff_id)
    name = f"s{base}"
    n = 2
    while name in taken:
        name = f"s{base}-{n}"
        n += 1
    return name


def _person(staff: dict, divisions: dict[int, str]) -> tuple[str, str]:
    name = f"{staff.get('prefix', '')}{staff.get('first_name', '')} {staff.get('last_name', '')}".strip()
    return name, divisions.get(int(staff.get("division_id", 0) or 0), "")


def accounts(ctx: Context) -> dict[int, User]:
    """staff id -> their self-service account (hr / admin)."""
    require(ctx, "staff_accounts.manage")
    out = {}
    for k, doc in ctx.store.load().get(USERS, {}).items():
        if STAFF_ROLE in doc.get("roles", []) and doc.get("staff_id") is not None:
            out[int(doc["staff_id"])] = User.from_doc(int(k), doc)
    return out


def create_accounts(ctx: Context, staff_ids: list[int] | None = None, reissue: bool = False) -> list[Slip]:
    """Give every active staff member (or those in ``staff_ids``) an account with a one-time
    code, in one write. People who already have one are skipped, unless ``reissue``: then their
    password is replaced by a new one-time code (a lost slip). Returns the slips to print."""
    from ethics_tui.service.settings import division_names

    require(ctx, "staff_accounts.manage")
    divisions = division_names(ctx)
    staff = staff_docs(ctx)
    wanted = None if staff_ids is None else {int(s) for s in staff_ids}
    if wanted is not None:
        unknown = sorted(s for s in wanted if str(s) not in staff or not staff[str(s)].get("active", True))
        if unknown:
            raise UserError(
                f"ไม่พบบุคลากรที่ยังปฏิบัติงานรหัส {', '.join(map(str, unknown))}",
                f"No active staff member {', '.join(map(str, unknown))}",
            )
    # The password hashing (scrypt, memory-hard) is done before the write, so that the lock
    # other sessions wait on is held for one file write, not for seconds.
    users = ctx.store.load().get(USERS, {})
    existing = {
        int(d["staff_id"]): (int(k), d)
        for k, d in users.items()
        if STAFF_ROLE in d.get("roles", []) and d.get("staff_id") is not None
    }
    taken = {d.get("username") for d in users.values()}
    plans = []  # (staff id, existing doc id or None, username, code, pw record, keypair)
    for key in sorted(staff, key=int):
        sid, s = int(key), staff[key]
        if (wanted is not None and sid not in wanted) or not s.get("active", True):
            continue
        old = existing.get(sid)
        if old is not None and not reissue:
            continue
        username = old[1]["username"] if old else _username_for(sid, str(s.get("code", "")), taken)
        taken.add(username)
        code = new_code()
        pw, kek = crypto.new_password_record(code)
        keypair, _ = crypto.new_keypair(kek, username)
        plans.append((sid, old[0] if old else None, username, code, pw, keypair))
    slips: list[Slip] = []
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(USERS)
        now_taken = {d.get("username"): d.doc_id for d in table.all()}
        for sid, doc_id, username, code, pw, keypair in plans:
            if now_taken.get(username, doc_id) != doc_id:
                raise UserError(
                    "มีผู้อื่นสร้างบัญชีในระหว่างนี้ โปรดลองใหม่อีกครั้ง", "Someone else created accounts meanwhile; please try again"
                )
            name, division = _person(staff[str(sid)], divisions)
            if doc_id is not None:
                user = User.from_doc(doc_id, table.get(doc_id=doc_id))
                user.pw, user.keypair = pw, keypair
                user.must_change, user.failed, user.locked_until, user.active = True, 0, "", True
                user.rev += 1
                tx.put(USERS, user.id, user.to_dict())
                tx.log("update", "user", user.id, ["password", "must_change"], note="new one-time code (staff)")
            else:
                user = User(
                    username=username,
                    display_name=name or username,
                    roles=[STAFF_ROLE],
                    staff_id=sid,
                    must_change=True,
                    pw=pw,
                    keypair=keypair,
                    rev=1,
                )
                user.validate()
                user.id = table.insert(user.to_dict())
                tx.log(
                    "create",
                    "user",
                    user.id,
                    ["username", "display_name", "roles", "staff_id", "password"],
                    note="staff self-service account",
                )
            slips.append(Slip(sid, user.username, name, division, code))
    return slips


def export_slips(ctx: Context, slips: list[Slip], out: Path | None = None) -> Path:
    """A PDF of cut-out slips (four per A4 page): name, division, username, one-time code.

    The codes are in no other file; the slips are the only copy (print, cut, hand out), so
    without ``out`` the file gets a name no file has (:func:`slips_file`): an earlier set of
    slips is never replaced."""
    from fpdf.enums import XPos, YPos

    from ethics_tui.pdf.base import ThaiPDF
    from ethics_tui.service.settings import get_settings

    require(ctx, "staff_accounts.manage")
    if not slips:
        raise UserError("ไม่มีบัญชีใหม่ที่ต้องพิมพ์ใบแจ้งรหัส", "No new accounts: there are no slips to print")
    settings = get_settings(ctx)
    title = "ใบแจ้งบัญชีผู้ใช้สำหรับรับทราบเอกสารด้วยตนเอง"
    pdf = ThaiPDF(settings, title=title, subject=title, names=[s.name for s in slips], margins=(20.0, 15.0, 20.0, 10.0))
    place = " ".join((settings.sign_in_place or "").split())
    where = f"เข้าสู่ระบบที่ {place}" if place else "เข้าสู่ระบบที่โปรแกรมทะเบียนคุณธรรมของสำนักงาน (สอบถามที่งานการเจ้าหน้าที่)"
    how = f"{where} ด้วยชื่อผู้ใช้และรหัสนี้ แล้วตั้งรหัสผ่านใหม่ของตนเอง รหัสนี้ใช้ได้ครั้งเดียว โปรดเก็บเป็นความลับ"
    per_page = 4
    band = (297.0 - 25.0) / per_page
    for i, slip in enumerate(slips):
        if i % per_page == 0:
            pdf.add_page()
        top = 15.0 + band * (i % per_page)
        pdf.set_y(top + 4)
        pdf.centered(title, "B", 16)
        pdf.centered(settings.office_name, "", 14)
        pdf.style("", 16)
        for label, value, digits in (
            ("ชื่อ-สกุล", slip.name, True),
            ("กอง", slip.division, True),
            ("ชื่อผู้ใช้", slip.username, False),
            ("รหัสใช้ครั้งเดียว", slip.code, False),
        ):
            pdf.set_x(pdf.l_margin)
            pdf.style("B", 16)
            pdf.text_line(pdf.tx(label), 52)
            pdf.style("", 16)
            pdf.text_line(pdf.tx(value, digits=digits), pdf.epw - 52, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.style("", 13)
        pdf.paragraph(how, indent=0)
        pdf.style()
        y = top + band - 1
        pdf.set_dash_pattern(dash=1.0, gap=1.5)
        pdf.line(10, y, 200, y)
        pdf.set_dash_pattern()
    reserved = out is None
    path = slips_file(ctx) if reserved else out
    try:
        path = pdf.save(path)
    except BaseException:
        if reserved:
            path.unlink(missing_ok=True)
        raise
    with ctx.store.transaction(actor=ctx.actor) as tx:
        tx.log("export", "staff-slips", None, note=f"{len(slips)} slips")
    return path


def slips_file(ctx: Context) -> Path:
    """A new file for a set of slips in the exports folder: ``staff-slips-<date>-<time>.pdf``,
    ``...-2.pdf`` and on when slips were made in the same second (created empty, exclusively)."""
    from ethics_tui.service.exports import export_folder, reserve_new_file

    return reserve_new_file(export_folder(ctx), "staff-slips")
