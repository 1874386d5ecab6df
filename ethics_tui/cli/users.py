"""``ethics-tui users add|list|passwd|disable|enable|roles|approve|recovery-key``.

Passwords are read from a prompt, or from stdin one per line when stdin is not a terminal
(first the acting user's, for --user, then the new one). Never from argv.
"""

from __future__ import annotations


from ethics_tui.cli.common import command, lang_of, open_ctx, print_json, read_password, say
from ethics_tui.errors import UserError
from ethics_tui.model.user import ROLES


def add_commands(sub, common) -> None:
    u = sub.add_parser("users", parents=[common], help="ผู้ใช้และบทบาท / users and roles")
    us = u.add_subparsers(dest="users_command", required=True)
    a = command(us, "add", cmd_users_add, common, help="เพิ่มผู้ใช้ (ผู้ใช้คนแรกต้องเป็น admin)")
    a.add_argument("username")
    a.add_argument("--name", required=True, help="ชื่อที่แสดง / display name")
    a.add_argument("--roles", required=True, help="comma-separated: " + ",".join(ROLES))
    a.add_argument("--staff", type=int, help="รหัสระเบียนบุคลากร / staff record id")
    command(us, "list", cmd_users_list, common, help="รายชื่อผู้ใช้", json=True)
    pw = command(us, "passwd", cmd_users_passwd, common, help="เปลี่ยนรหัสผ่านตนเอง หรือ (admin) ตั้งรหัสชั่วคราวให้ผู้อื่น")
    pw.add_argument("username")
    pw.add_argument(
        "--confirm-loss",
        type=int,
        default=None,
        metavar="N",
        help="ยืนยันว่ายอมให้ข้อมูลลับ N รายการอ่านไม่ได้อีก (เมื่อผู้ใช้เป็นผู้ถือกุญแจคนสุดท้าย)",
    )
    for name, active in (("disable", False), ("enable", True)):
        command(us, name, cmd_users_active, common, help="ระงับ / เปิดใช้บัญชี", defaults={"active": active}).add_argument(
            "username"
        )
    r = command(us, "roles", cmd_users_roles, common, help="กำหนดบทบาท")
    r.add_argument("username")
    r.add_argument("roles", help="comma-separated")
    command(us, "approve", cmd_users_approve, common, help="อนุมัติกุญแจข้อมูลลับที่รออยู่")
    command(us, "recovery-key", cmd_users_recovery, common, help="สร้างรหัสกู้คืน (แสดงครั้งเดียว)")


def _roles(text: str) -> list[str]:
    roles = [r.strip() for r in text.split(",") if r.strip()]
    bad = [r for r in roles if r not in ROLES]
    if bad:
        raise UserError(
            f"ไม่รู้จักบทบาท {', '.join(bad)} — ใช้ {', '.join(ROLES)}",
            f"Unknown role(s) {', '.join(bad)}; use {', '.join(ROLES)}",
        )
    return roles


def _pending_note(args, pending) -> None:

    for vault in pending:
        say(
            args,
            f"บทบาท {vault}: รอผู้ถือกุญแจเข้าสู่ระบบและอนุมัติ (ethics-tui users approve --user ...)",
            f"role {vault}: waiting for a key holder to approve (ethics-tui users approve --user ...)",
        )


def cmd_users_add(args) -> int:
    from ethics_tui.service.users import create_user

    ctx = open_ctx(args)
    password = read_password(f"รหัสผ่านของ {args.username} / new password: ")
    user, pending = create_user(ctx, args.username, args.name, _roles(args.roles), password, staff_id=args.staff)
    say(
        args,
        f"เพิ่มผู้ใช้ {user.username} แล้ว" + (" (ต้องเปลี่ยนรหัสผ่านเมื่อเข้าสู่ระบบครั้งแรก)" if user.must_change else ""),
        f"User {user.username} added" + (" (must change password at first sign-in)" if user.must_change else ""),
    )
    _pending_note(args, pending)
    return 0


def cmd_users_list(args) -> int:
    from ethics_tui.service.users import list_users, pending_grants, role_names

    ctx = open_ctx(args)
    users = list_users(ctx)
    pending = pending_grants(ctx)
    if args.json:
        return print_json(
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "roles": u.roles,
                    "staff_id": u.staff_id,
                    "active": u.active,
                    "must_change": u.must_change,
                    "pending_keys": [v for n, v in pending if n == u.username],
                }
                for u in users
            ]
        )
    for u in users:
        state = "" if u.active else (" (disabled)" if lang_of(args) == "en" else " (ระงับ)")
        print(f"{u.username:<16} {u.display_name}  [{role_names(u.roles, lang_of(args))}]{state}")
    return 0


def cmd_users_passwd(args) -> int:
    from ethics_tui.service.users import change_password, reset_password

    ctx = open_ctx(args)
    if ctx.user is not None and ctx.user.username == args.username.lower():
        # the acting user's current password was read by open_ctx; ask for it again to confirm
        old = read_password("รหัสผ่านปัจจุบัน / current password: ")
        new = read_password("รหัสผ่านใหม่ / new password: ")
        change_password(ctx, old, new)
        say(args, "เปลี่ยนรหัสผ่านแล้ว", "Password changed")
        return 0
    temp = read_password(f"รหัสผ่านชั่วคราวของ {args.username} / temporary password: ")
    pending = reset_password(ctx, args.username, temp, confirm_loss=args.confirm_loss)
    say(
        args,
        f"ตั้งรหัสผ่านชั่วคราวให้ {args.username} แล้ว ผู้ใช้ต้องเปลี่ยนเมื่อเข้าสู่ระบบ",
        f"Temporary password set for {args.username}; they must change it at sign-in",
    )
    _pending_note(args, pending)
    return 0


def cmd_users_active(args) -> int:
    from ethics_tui.service.users import set_active

    set_active(open_ctx(args), args.username, args.active)
    say(
        args,
        f"{'เปิดใช้' if args.active else 'ระงับ'}บัญชี {args.username} แล้ว",
        f"Account {args.username} {'enabled' if args.active else 'disabled'}",
    )
    return 0


def cmd_users_roles(args) -> int:
    from ethics_tui.service.users import set_roles

    pending = set_roles(open_ctx(args), args.username, _roles(args.roles))
    say(args, f"กำหนดบทบาทของ {args.username} แล้ว", f"Roles of {args.username} updated")
    _pending_note(args, pending)
    return 0


def cmd_users_approve(args) -> int:
    from ethics_tui.service.users import approve_grants

    done = approve_grants(open_ctx(args))
    for username, vault in done:
        say(args, f"มอบกุญแจ {vault} ให้ {username} แล้ว", f"Granted the {vault} key to {username}")
    if not done:
        say(args, "ไม่มีกุญแจที่รออนุมัติซึ่งคุณถืออยู่", "Nothing waiting that you hold a key for")
    return 0


def cmd_users_recovery(args) -> int:
    from ethics_tui.service.users_custody import create_recovery_key

    code = create_recovery_key(open_ctx(args))
    say(args, "รหัสกู้คืน (แสดงครั้งเดียว พิมพ์เก็บไว้ในที่ปลอดภัย):", "Recovery code (shown once; print it and lock it away):")
    print(code)
    return 0
