"""``ethics-tui serve [--host H] [--port P]``: the app in a browser (see ethics_tui/tui/serve.py),
and ``ethics-tui staff-accounts create|reissue``: staff self-service accounts with code slips."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.cli.common import command, lang_of, open_ctx, say

#: serve binds to this machine only unless told otherwise (the server lives in tui/serve.py,
#: which the other commands never import)
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_commands(sub, common) -> None:
    s = command(
        sub,
        "serve",
        cmd_serve,
        common,
        help="เปิดให้ใช้งานผ่านเว็บเบราว์เซอร์ / serve the app to browsers on the office network",
    )
    s.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"ที่อยู่ที่รับการเชื่อมต่อ (ค่าเริ่มต้น {DEFAULT_HOST} = เครื่องนี้เท่านั้น; 0.0.0.0 = ทุกเครื่องในเครือข่าย)",
    )
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"พอร์ต / port (default {DEFAULT_PORT})")

    a = sub.add_parser("staff-accounts", parents=[common], help="บัญชีบุคลากรสำหรับรับทราบเอกสารด้วยตนเอง / staff accounts")
    asub = a.add_subparsers(dest="accounts_command", required=True)
    c = command(
        asub,
        "create",
        cmd_accounts,
        common,
        help="สร้างบัญชีให้ทุกคนที่ยังไม่มี แล้วพิมพ์ใบแจ้งรหัส (PDF)",
        defaults={"reissue": False},
    )
    c.add_argument("--staff", help="เฉพาะรหัสบุคลากร (คั่นด้วยจุลภาค) / only these staff codes")
    c.add_argument("-o", "--output", help="ไฟล์ PDF ใบแจ้งรหัส / slips PDF")
    r = command(asub, "reissue", cmd_accounts, common, help="ออกรหัสใช้ครั้งเดียวใหม่ (ใบแจ้งหาย)", defaults={"reissue": True})
    r.add_argument("--staff", required=True, help="รหัสบุคลากร (คั่นด้วยจุลภาค) / staff codes")
    r.add_argument("-o", "--output", help="ไฟล์ PDF ใบแจ้งรหัส / slips PDF")


def cmd_serve(args) -> int:
    from ethics_tui.tui.serve import serve

    return serve(Path(args.data), args.host, args.port, lang_of(args))


def cmd_accounts(args) -> int:
    from ethics_tui.service import staff_accounts
    from ethics_tui.service.notices import staff_ids_by_code

    ctx = open_ctx(args)
    ids = staff_ids_by_code(ctx, [c.strip() for c in args.staff.split(",") if c.strip()]) if args.staff else None
    slips = staff_accounts.create_accounts(ctx, ids, reissue=args.reissue)
    if not slips:
        say(args, "ทุกคนมีบัญชีแล้ว ไม่มีใบแจ้งรหัสใหม่", "Everyone already has an account; no new slips")
        return 0
    # without -o: a new name each time (staff-slips-<date>-<time>[-2].pdf), never an earlier set's
    path = staff_accounts.export_slips(ctx, slips, Path(args.output) if args.output else None)
    say(
        args,
        f"บัญชี/รหัสใหม่ {len(slips)} รายการ ใบแจ้งรหัส: {path} (รหัสมีอยู่ในไฟล์นี้เท่านั้น)",
        f"{len(slips)} accounts/codes; slips: {path} (the codes are in this file only)",
    )
    return 0
