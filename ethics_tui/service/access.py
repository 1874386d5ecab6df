"""Who may do what. Every service calls :func:`require` before it reads or writes, so that
no caller (TUI screen, palette entry, CLI command, export) can skip the check.

Before the first user exists (a brand-new office, or the demo) the folder is in *setup mode*:
everything is allowed, and the TUI asks for the administrator account first.
"""

from __future__ import annotations

from ethics_tui.errors import UserError
from ethics_tui.model.user import ROLE_LABELS, ROLES

ALL = ROLES

#: permission -> roles that hold it
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "staff.read": ALL,
    "staff.write": ("hr",),
    "staff.export": ("hr", "admin", "executive"),
    "settings.read": ALL,
    "settings.write": ("admin",),
    "divisions.write": ("admin", "hr"),
    "users.manage": ("admin",),
    "backup.create": ("admin", "hr"),
    "backup.restore": ("admin",),
    "audit.read": ("admin",),
    "pdf.export": ALL,
}

PERMISSION_LABELS = {
    "staff.read": ("ดูทะเบียนบุคลากร", "view the staff register"),
    "staff.write": ("แก้ไขทะเบียนบุคลากร", "change the staff register"),
    "staff.export": ("ส่งออกทะเบียนบุคลากร", "export the staff register"),
    "settings.read": ("ดูการตั้งค่า", "view settings"),
    "settings.write": ("แก้ไขการตั้งค่าหน่วยงาน", "change office settings"),
    "divisions.write": ("แก้ไขกอง", "change divisions"),
    "users.manage": ("จัดการผู้ใช้", "manage users"),
    "backup.create": ("สำรองข้อมูล", "back up"),
    "backup.restore": ("กู้คืนข้อมูล", "restore a backup"),
    "audit.read": ("ดูบันทึกการตรวจสอบ", "read the audit log"),
    "pdf.export": ("ส่งออก PDF", "export PDF"),
}


def register_permissions(perms: dict[str, tuple[str, ...]], labels: dict[str, tuple[str, str]]) -> None:
    """Registers declare their own permissions at import (e.g. service/committee.py)."""
    PERMISSIONS.update(perms)
    PERMISSION_LABELS.update(labels)


class AccessDenied(UserError):
    """The signed-in user's roles do not allow this."""


class SignInRequired(AccessDenied):
    pass


def setup_mode(ctx) -> bool:
    """True while no user account exists yet (a users table removed from an office whose audit
    log shows accounts is refused with a StorageError instead: never a silent new setup)."""
    if ctx.store.load().get("users"):
        return False
    from ethics_tui.store import integrity

    integrity.check_main_present(ctx.store)
    return True


def current_user(ctx, users: dict | None = None):
    """The signed-in user as the users table has it NOW, not as at sign-in: an administrator
    who takes a role away, disables the account or resets its password takes effect on a
    session already open, at its next service call. The record is re-read from the store's
    cached load (a stat of main.json) and parsed only when its ``rev`` changed; ``ctx.user`` is
    then replaced, and the data keys of registers the user is no longer entitled to are dropped
    from memory. A record that is gone reads as a disabled user."""
    user = getattr(ctx, "user", None)
    if user is None or user.id is None:
        return user
    if users is None:
        users = ctx.store.load().get("users", {})
    doc = users.get(str(user.id))
    if doc is not None and doc.get("rev", 0) == user.rev:
        return user
    from dataclasses import replace

    from ethics_tui.model.user import User

    fresh = User.from_doc(user.id, doc) if doc is not None else replace(user, active=False, roles=[])
    for vault in [v for v in ctx.keys if not (fresh.active and fresh.entitled(v))]:
        ctx.keys.pop(vault, None)
        ctx.key_gens.pop(vault, None)
        for held in [k for k in ctx.keyring if k[0] == vault]:
            ctx.keyring.pop(held, None)
    ctx.user = fresh
    return fresh


def can(ctx, permission: str) -> bool:
    users = ctx.store.load().get("users")  # one cached load for setup mode and the user's record
    if not users and setup_mode(ctx):
        return True
    user = current_user(ctx, users)
    if user is None or not user.active or user.must_change:
        return False
    return user.has(*PERMISSIONS[permission])


def require(ctx, permission: str) -> None:
    """Raise AccessDenied (a clear Thai/English message) unless the user may ``permission``."""
    if can(ctx, permission):
        return
    th_what, en_what = PERMISSION_LABELS.get(permission, (permission, permission))
    user = current_user(ctx)
    if user is None:
        raise SignInRequired(
            f"ต้องเข้าสู่ระบบก่อนจึงจะ{th_what}ได้ (บรรทัดคำสั่ง: ใช้ --user ชื่อผู้ใช้)",
            f"Sign in to {en_what} (command line: use --user NAME)",
        )
    if not user.active:  # disabled while this session was open (its own account: nothing leaks)
        raise AccessDenied(
            f"บัญชี {user.username} ถูกปิดการใช้งานแล้ว กรุณาออกจากระบบ",
            f"Account {user.username} has been disabled: please sign out",
        )
    if user.must_change:
        raise AccessDenied("ต้องตั้งรหัสผ่านใหม่ก่อนใช้งาน", "You must set a new password before continuing")
    roles_th = ", ".join(ROLE_LABELS[r][0] for r in PERMISSIONS[permission])
    roles_en = ", ".join(ROLE_LABELS[r][1] for r in PERMISSIONS[permission])
    raise AccessDenied(
        f"ผู้ใช้ {user.username} ไม่มีสิทธิ์{th_what} (ต้องมีบทบาท: {roles_th})",
        f"User {user.username} may not {en_what} (needs role: {roles_en})",
    )
