"""Command line entry point: ``ethics-tui [--data DIR] [--lang th|en] [COMMAND ...]``.

With no command it opens the TUI; that is the only path that imports Textual. Every command
calls the same services as the TUI. Exit codes: 0 ok, 1 bad input or problems found, 2 usage.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from ethics_tui.cli.common import command, date_text, lang_of, open_ctx, print_json, refuse_import, say
from ethics_tui.errors import UserError

DEFAULT_DATA = "data"


def _default_data() -> str:
    return os.environ.get("ETHICS_TUI_DATA") or DEFAULT_DATA


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="ภาษา / language")
    common.add_argument("--data", default=argparse.SUPPRESS, help="โฟลเดอร์ข้อมูล / data folder")
    common.add_argument("--user", default=argparse.SUPPRESS, help="ชื่อผู้ใช้ / sign in as (password from prompt or stdin)")

    p = argparse.ArgumentParser(
        prog="ethics-tui",
        description="ทะเบียนมาตรการส่งเสริมคุณธรรม (มาตรการ 6-7) สำหรับองค์กรปกครองส่วนท้องถิ่น",
    )
    p.add_argument("--data", default=argparse.SUPPRESS, help="data folder (default ./data or $ETHICS_TUI_DATA)")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="th (default) or en")
    p.add_argument(
        "--user", default=argparse.SUPPRESS, help="sign in as USER; the password is read from a prompt or stdin"
    )
    sub = p.add_subparsers(dest="command")

    command(
        sub, "demo", cmd_demo, common, help="สร้างสำนักงานตัวอย่างในโฟลเดอร์ว่าง / fill an empty folder with a demo office"
    )

    s = sub.add_parser("staff", parents=[common], help="ทะเบียนบุคลากร / staff register")
    ssub = s.add_subparsers(dest="staff_command", required=True)
    si = command(ssub, "import", cmd_staff_import, common, help="นำเข้าจาก CSV/XLSX (ทั้งหมดหรือไม่มีเลย)")
    si.add_argument("file")
    si.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก / check only")
    command(ssub, "export", cmd_staff_export, common, help="ส่งออกเป็น .csv หรือ .xlsx").add_argument("file")
    sl = command(ssub, "list", cmd_staff_list, common, help="แสดงรายชื่อ / list staff", json=True)
    sl.add_argument("--all", action="store_true", help="รวมผู้ที่ไม่ใช้งาน / include inactive")

    v = command(sub, "verify", cmd_verify, common, help="ตรวจความถูกต้องของฐานข้อมูล / check the database")
    v.add_argument(
        "--repair",
        action="store_true",
        help="แยกส่วนที่เสียหายของบันทึกการตรวจสอบเก็บไว้และบันทึกการซ่อม / set a damaged audit tail aside and record it",
    )

    b = command(sub, "backup", cmd_backup, common, help="สำรองข้อมูล / back up")
    b.add_argument("-o", "--output", help="ไฟล์ปลายทาง .zip (ค่าเริ่มต้น: data/backups/)")
    b.add_argument("--to", metavar="DIR", help="โฟลเดอร์ปลายทาง เช่น ไดรฟ์ USB / a folder or USB drive")

    r = command(sub, "restore", cmd_restore, common, help="กู้คืนจากไฟล์สำรอง / restore a backup")
    r.add_argument("file")

    _add_register_commands(sub, common)
    return p


def _add_register_commands(sub, common) -> None:
    """Each ``ethics_tui/cli/<name>.py`` adds its subcommands with ``add_commands(sub, common)``."""
    import importlib

    for mod in cli_modules():
        importlib.import_module(f"ethics_tui.cli.{mod}").add_commands(sub, common)


NOT_SCANNED = frozenset({"common"})  # helpers, not command modules


def cli_modules() -> list[str]:
    """The command modules of this package (each has ``add_commands``), sorted (a directory listing:
    pkgutil would import inspect and ast, a noticeable share of a short command's start)."""
    here = Path(__file__).resolve().parent
    names = {
        p.name.split(".")[0]
        for p in here.iterdir()
        if p.suffix in (".py", ".pyc") and not p.name.startswith("_") and p.stem not in NOT_SCANNED
    }
    return sorted(names)


# -- commands -------------------------------------------------------------------------------
def cmd_demo(args) -> int:
    from ethics_tui.service.context import Context
    from ethics_tui.service.demo import load_demo
    from ethics_tui.store.database import Store

    store = Store(args.data)
    if not store.is_empty():
        from ethics_tui.service.demo import _not_empty

        raise _not_empty(store)
    ctx = Context.open(args.data, lang=lang_of(args))
    from ethics_tui.service.demo import DEMO_PASSWORD, DEMO_USERS

    n = load_demo(ctx)
    for th, en in ctx.store.notices:
        say(args, th, en)
    say(args, f"สร้างสำนักงานตัวอย่างแล้ว: บุคลากร {n} คน ใน {store.dir}", f"Demo office created: {n} staff in {store.dir}")
    names = ", ".join(u[0] for u in DEMO_USERS)
    say(args, f"บัญชีตัวอย่าง: {names} — รหัสผ่าน {DEMO_PASSWORD}", f"Demo accounts: {names}; password {DEMO_PASSWORD}")
    return 0


def cmd_staff_import(args) -> int:
    from ethics_tui.service.input_files import normalize_path
    from ethics_tui.service.staff_io import import_file

    ctx = open_ctx(args)  # a dropped path keeps its quotes in the shell: '/…/staff.xlsx' works
    plan = import_file(ctx, normalize_path(args.file), dry_run=args.dry_run)
    lang = lang_of(args)
    for th, en in plan.warnings:
        print(("คำเตือน: " + th) if lang == "th" else ("warning: " + en), file=sys.stderr)
    if plan.errors:
        return refuse_import(args, plan.errors)
    divs = len(plan.divisions_created)
    if args.dry_run:
        say(
            args,
            f"ตรวจแล้วไม่พบข้อผิดพลาด (ยังไม่บันทึก): จะเพิ่ม {plan.added} แก้ไข {plan.updated} สร้างกองใหม่ {divs}"
            + (f" (ไม่เปลี่ยนแปลง {plan.unchanged} คน)" if plan.unchanged else ""),
            f"Check passed (nothing saved): would add {plan.added}, update {plan.updated}, create {divs} division(s)"
            + (f" ({plan.unchanged} unchanged)" if plan.unchanged else ""),
        )
    else:
        say(
            args,
            f"นำเข้าสำเร็จ: เพิ่ม {plan.added} แก้ไข {plan.updated} สร้างกองใหม่ {divs}"
            + (f" (ไม่เปลี่ยนแปลง {plan.unchanged} คน)" if plan.unchanged else ""),
            f"Imported: added {plan.added}, updated {plan.updated}, divisions created {divs}"
            + (f" ({plan.unchanged} unchanged)" if plan.unchanged else ""),
        )
    return 0


def cmd_staff_export(args) -> int:
    from ethics_tui.service.staff_io import export_file

    n = export_file(open_ctx(args), args.file)
    say(args, f"ส่งออกบุคลากร {n} คน ไปที่ {args.file}", f"Exported {n} staff to {args.file}")
    return 0


def cmd_staff_list(args) -> int:
    from ethics_tui.service.staff import search

    rows = search(open_ctx(args), include_inactive=args.all or args.json)
    if args.json:
        out = []
        for r in rows:
            d = r.staff.to_dict()
            d.pop("rev", None)
            out.append({"id": r.staff.id, **d, "full_name": r.staff.full_name, "division": r.division})
        return print_json(out)
    from ethics_tui.model.text import printable

    for r in rows:
        s = r.staff
        flag = "" if s.active else (" (inactive)" if lang_of(args) == "en" else " (ไม่ใช้งาน)")
        print(
            printable(
                f"{s.code or '-':>6}  {s.full_name}  |  {s.position}  |  {r.division}  |  {s.staff_type}  |  "
                f"{date_text(args, s.start_date)}{flag}"
            )
        )
    say(args, f"รวม {len(rows)} คน", f"{len(rows)} staff")
    return 0


def cmd_verify(args) -> int:
    from ethics_tui.service.verify import verify
    from ethics_tui.store.database import Store

    store = Store(args.data)
    if not store.dir.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ข้อมูล {store.dir}", f"Data folder {store.dir} not found")
    if getattr(args, "repair", False):
        from ethics_tui.store.database import default_actor
        from ethics_tui.store.integrity import repair

        done = repair(store, default_actor())
        for th, en in done or [("ไม่มีสิ่งที่ต้องซ่อมในบันทึกการตรวจสอบ", "Nothing in the audit log needed repair.")]:
            print(en if lang_of(args) == "en" else th)
    problems = verify(store)
    if problems:
        say(args, f"พบปัญหา {len(problems)} รายการ:", f"{len(problems)} problem(s) found:")
        for th, en in problems:
            print("  - " + (en if lang_of(args) == "en" else th))
        if not getattr(args, "repair", False):
            say(
                args,
                "ปัญหาของบันทึกการตรวจสอบซ่อมได้ด้วย verify --repair (ส่วนที่เสียหายจะถูกแยกเก็บไว้ ไม่ถูกลบ); "
                "ไฟล์ที่หายไปให้กู้คืนด้วย restore",
                "Audit log problems can be repaired with verify --repair (the damaged part is kept aside, never "
                "deleted); restore missing files with restore.",
            )
        return 1
    from ethics_tui.store.integrity import repairs

    for th, en in repairs(store):
        print(en if lang_of(args) == "en" else th)
    say(args, "ฐานข้อมูลถูกต้องครบถ้วน", "The database is sound.")
    from ethics_tui.pdf.fonts import describe

    settings = (store.load().get("settings") or {}).get("1") or {}
    say(args, *describe(str(settings.get("font_path") or "")))
    return 0


def cmd_backup(args) -> int:
    from ethics_tui.service.backups import backup_now

    path = backup_now(open_ctx(args), Path(args.output) if args.output else None, to_dir=args.to)
    say(args, f"สำรองข้อมูลแล้ว: {path}", f"Backup written: {path}")
    return 0


def cmd_restore(args) -> int:
    from ethics_tui.service.backups import database_readable, restore
    from ethics_tui.service.context import Context
    from ethics_tui.store.database import Store

    store = Store(args.data)
    store.dir.mkdir(parents=True, exist_ok=True)
    ctx = open_ctx(args) if database_readable(store) else Context(store=store)
    saved = restore(ctx, Path(args.file))
    if saved:
        say(args, f"บันทึกสถานะก่อนกู้คืนไว้ที่ {saved}", f"The previous state was saved to {saved}")
    say(args, f"กู้คืนข้อมูลจาก {args.file} แล้ว", f"Restored from {args.file}")
    return 0


def run_tui(args) -> int:
    from ethics_tui.tui.app import run_app

    return run_app(Path(args.data), lang_of(args)) or 0


def command_line_shape(parser: argparse.ArgumentParser, words: list[str]) -> str:
    """The command and the NAMES of the options given, never a value: ``appraisal grievance
    --grounds TEXT`` is logged as ``appraisal grievance --grounds`` (values may be sealed text,
    a password file, a person's name). Words that are neither a subcommand nor a known option
    (positional values, option values) are left out."""
    shown, current = [], parser
    for word in words:
        name = word.split("=", 1)[0]
        if word.startswith("-") and name in current._option_string_actions:
            shown.append(name)
            continue
        subs = [a for a in current._actions if isinstance(a, argparse._SubParsersAction)]
        if subs and word in subs[0].choices:
            shown.append(word)
            current = subs[0].choices[word]
    return " ".join(["ethics-tui", *shown])


def _log_crash(data: str, shape: str) -> Path | None:
    try:
        from ethics_tui.logfile import open_log

        path = open_log(Path(data) / "logs")  # this account only
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\n--- {datetime.now().isoformat(timespec='seconds')} {shape}\n")
            f.write(traceback.format_exc())
        return path
    except OSError:
        return None


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush does not raise
    BrokenPipeError again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (tests): nothing to flush
        pass


def _pdf_warnings(args) -> None:
    """Print what the documents just written want the user to know (e.g. no emblem file)."""
    base = sys.modules.get("ethics_tui.pdf.base")  # no PDF written: nothing to import or say
    for th, en in base.take_warnings() if base else ():
        say(args, f"คำเตือน: {th}", f"Warning: {en}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    words = sys.argv[1:] if argv is None else argv
    try:
        args = parser.parse_args(words)
    except UserError as exc:  # an argument's type check (a fiscal year, say) explains itself
        lang = "en" if "en" in [b for a, b in itertools.pairwise(words) if a == "--lang"] else "th"
        print(f"ethics-tui: {exc.message(lang)}", file=sys.stderr)
        return 1
    if not getattr(args, "data", None):
        args.data = _default_data()
    func = getattr(args, "func", None) or run_tui
    try:
        rc = func(args)
        if func is not run_tui:
            _pdf_warnings(args)
        return rc
    except UserError as exc:
        print(exc.message(lang_of(args)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... --json | head`): not an error of ours
        _silence_stdout()
        return 141
    except Exception as exc:
        log = _log_crash(args.data, command_line_shape(parser, words))
        say(
            args,
            f"เกิดข้อผิดพลาดที่ไม่คาดคิด ({type(exc).__name__}) รายละเอียดบันทึกไว้ที่ {log}",
            f"Unexpected error ({type(exc).__name__}); details were logged to {log}",
            file=sys.stderr,
        )
        return 1
