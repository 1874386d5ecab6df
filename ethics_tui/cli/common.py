"""What every command module uses: the language, the signed-in context, a line of output in the
user's language, the one JSON writer behind ``--json``, and the one way to declare a command.

Cheap to import (argparse, json, os, re, sys): ``--help`` loads every command module, and each of
them imports this at the top.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from ethics_tui.errors import UserError

JSON_HELP = "แสดงผลเป็น JSON / print as JSON"


def lang_of(args) -> str:
    """The language the user asked for with --lang (Thai by default)."""
    return getattr(args, "lang", None) or "th"


def date_text(args, d, style: str = "abbr", empty: str = "") -> str:
    """A date (ISO text or a date) as the TUI writes it in the user's language, in the Buddhist
    Era: ``1 ต.ค. 2569`` / ``1 Oct 2569`` (``style="full"``: ``1 ตุลาคม 2569`` / ``1 October
    2569``); ``empty`` for no date. Text output only: ``--json`` keeps ISO dates."""
    from ethics_tui.thai.dates import format_date

    return format_date(d, style, lang=lang_of(args)) if d else empty


def read_password(prompt: str) -> str:
    """A password from the terminal prompt, or the next line of stdin when it is not a terminal."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def open_ctx(args):
    """Open the data folder and sign in with --user (password from prompt or stdin)."""
    from ethics_tui.service.context import Context
    from ethics_tui.service.users import sign_in

    ctx = Context.open(args.data, lang=lang_of(args))
    user = getattr(args, "user", None)
    if user:
        sign_in(ctx, user, read_password(f"รหัสผ่านของ {user} / password: "))
        if ctx.user.must_change and getattr(args, "func", None).__name__ != "cmd_users_passwd":
            raise UserError(
                f"ต้องตั้งรหัสผ่านใหม่ก่อน: ethics-tui users passwd {user} --user {user}",
                f"Set a new password first: ethics-tui users passwd {user} --user {user}",
            )
    return ctx


def say(args, th: str, en: str, file=None) -> None:
    """Print one line in the user's language."""
    print(en if lang_of(args) == "en" else th, file=file or sys.stdout)


def refuse_import(args, errors, most: int | None = None) -> int:
    """An import with errors saved nothing: say so (stderr), list the errors (the first ``most``)
    and give the exit code 1."""
    say(
        args,
        f"นำเข้าไม่สำเร็จ: พบข้อผิดพลาด {len(errors)} รายการ ไม่ได้บันทึกข้อมูลใด ๆ",
        f"Import refused: {len(errors)} error(s); nothing was saved.",
        file=sys.stderr,
    )
    for e in errors[:most]:
        print("  " + e.message(lang_of(args)), file=sys.stderr)
    return 1


def write_by_suffix(out, writers: dict) -> None:
    """Call the writer for ``out``'s suffix (``{".pdf": fn, ".csv": fn}``, each ``fn(out)``);
    another suffix is a Thai message naming the ones that work."""
    writer = writers.get(Path(out).suffix.lower())
    if writer is None:
        names = " หรือ ".join(writers)
        raise UserError(f"ใช้ไฟล์ {names}", f"Use a {' or '.join(writers)} file")
    writer(Path(out))


OVERWRITE_HELP = "แทนที่ไฟล์ชื่อตั้งต้นที่มีอยู่แล้ว / replace the default-named file when it is already there"
OVERWRITE_FOLDER_HELP = "เขียนทับลงในโฟลเดอร์ตั้งต้นที่มีไฟล์อยู่แล้ว / write into the default folder when it already holds files"


def output_options(p, help: str, overwrite: bool = True, folder: bool = False) -> None:
    """``-o/--output`` and ``--overwrite`` for a command that, without -o, writes a name of its own
    choosing (see :func:`output_path`; ``folder``: a folder of files). ``overwrite=False``: a
    command whose own names are always new (a time stamp) takes no --overwrite."""
    p.add_argument("-o", "--output", help=help)
    if overwrite:
        p.add_argument("--overwrite", action="store_true", help=OVERWRITE_FOLDER_HELP if folder else OVERWRITE_HELP)


def output_path(args, default, *, folder: bool = False) -> Path:
    """Where a command writes: the file (or ``folder``) named with -o, as typed (a name the user
    typed is theirs to replace), else ``default()``, the name the program chose, which must not be
    there yet unless ``--overwrite`` says to replace it. Already there: a file, or a folder that
    holds files. Called before anything is written or recorded, so a refusal changes nothing."""
    if getattr(args, "output", None):
        return Path(args.output)
    path = Path(default() if callable(default) else default)
    there = path.is_dir() and any(p.is_file() for p in path.iterdir()) if folder else path.exists()
    if there and not getattr(args, "overwrite", False):
        full = os.path.abspath(path)
        th, en = (
            (f"โฟลเดอร์ {full} มีไฟล์อยู่แล้ว", f"The folder {full} already holds files")
            if folder
            else (f"มีไฟล์ {full} อยู่แล้ว", f"{full} already exists")
        )
        raise UserError(
            f"{th} จึงไม่ได้เขียนทับ: ถ้าต้องการแทนที่ สั่งใหม่พร้อม --overwrite (หรือ -o {full}); ถ้าต้องการเก็บไว้ ใช้ -o ตั้งชื่ออื่น",
            f"{en}; nothing was written. To replace it, run the command again with --overwrite "
            f"(or -o {full}); to keep it, name another with -o.",
        )
    return path


def print_json(data) -> int:
    """The output of every ``--json``: UTF-8 text (Thai stays readable), indent 1. json escapes C0
    itself; DEL and C1 (a terminal's CSI, U+009B) are escaped too. Returns exit code 0, so a
    handler ends with ``if args.json: return print_json(rows)``."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    print(re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group(0)):04x}", text))
    return 0


def command(sub, name: str, func, common, *, help: str, json: bool = False, defaults: dict | None = None, **kw):
    """Declare one subcommand: ``command(sub, "list", cmd_list, common, help="...", json=True)``.
    It shares the --lang/--data/--user options (``common``), runs ``func(args)`` (with the
    ``defaults`` set on ``args``, for one handler behind several commands), and with
    ``json=True`` takes ``--json`` (the handler then prints through :func:`print_json`).
    Other keywords go to ``add_parser`` (``aliases``). Returns the parser for the command's
    own arguments."""
    p = sub.add_parser(name, parents=[common], help=help, **kw)
    if json:
        p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=func, **(defaults or {}))
    return p
