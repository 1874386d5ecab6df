"""``complaints stats|status|list|destruction`` and ``pdf complaint-receipt|complaint-file|complaint-stats``.

Also the PDF documents of the register (built from the services, drawn with the slip layout),
so that the TUI and the CLI export the same files:

- the receipt slip: code, date, channel, type, subject, the expected steps and time frame, and
  how to ask about the status. No identity and no accused;
- the case file (complaints role only), marked ลับ, with the full history;
- the statistics report (counts only) for the half year or the year.
"""

from __future__ import annotations

import argparse
from datetime import date

from ethics_tui.cli.common import command, date_text, lang_of, open_ctx, print_json, say


def add_commands(sub, common) -> None:
    p = sub.add_parser("complaints", parents=[common], help="เรื่องร้องเรียนการทุจริต / corruption complaints")
    ps = p.add_subparsers(dest="complaints_command", required=True)
    st = command(ps, "stats", cmd_stats, common, help="สถิติ (จำนวนเท่านั้น) / statistics, counts only", json=True)
    st.add_argument("--fy", type=int, required=True, help="ปีงบประมาณ พ.ศ. / fiscal year (B.E.)")
    st.add_argument("--half", action="store_true", help="6 เดือนแรก (1 ต.ค.-31 มี.ค.) / first six months")
    s = command(ps, "status", cmd_status, common, help="สถานะจากรหัสรับเรื่อง / status by receipt code")
    s.add_argument("code", nargs="+")
    li = command(ps, "list", cmd_list, common, help="รายการเรื่อง (ไม่มีข้อมูลลับ) / cases, no identities")
    li.add_argument("--open", action="store_true", help="เฉพาะที่ยังไม่ปิด / open cases only")
    li.add_argument("--overdue", action="store_true", help="เฉพาะที่เกินกำหนด / overdue only")
    pu = command(ps, "purge", cmd_purge, common, help="เลิกใช้: ใช้ complaints destruction / replaced by destruction")
    pu.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    ex = command(ps, "exports", cmd_exports, common, help="เอกสารลับที่ส่งออก (แฟ้มเรื่อง ใบรับเรื่อง) / confidential exports")
    ex.add_argument("--remove", type=int, metavar="ID", help="ลบไฟล์ / delete the file")
    from ethics_tui.cli.destruction import add_commands as destruction_commands

    destruction_commands(ps, common)
    se = command(
        ps,
        "settings",
        cmd_settings,
        common,
        help="ช่องทางรับเรื่อง จำนวนวันแต่ละขั้นตอน อายุการเก็บ / channels, due days, retention",
    )
    se.add_argument("--add-channel", action="append", default=[], metavar="NAME", help="เพิ่มช่องทาง / add a channel")
    se.add_argument(
        "--remove-channel",
        action="append",
        default=[],
        metavar="NAME",
        help="ลบช่องทาง (เรื่องเดิมคงช่องทางไว้) / remove a channel (cases keep theirs)",
    )
    se.add_argument(
        "--due",
        nargs=2,
        action="append",
        default=[],
        metavar=("STEP", "DAYS"),
        help="จำนวนวันของขั้นตอน เช่น --due review 20 / days for a step",
    )
    se.add_argument("--retention", metavar="YEARS", help="อายุการเก็บ (ปี) / retention in years")


def cmd_exports(args) -> int:
    """List the confidential exports left in the data folder (who made them), or delete one."""
    from ethics_tui.service import exports

    ctx = open_ctx(args)
    if args.remove is not None:
        exports.remove_confidential(ctx, args.remove)
        say(args, f"ลบเอกสารลับที่ส่งออกรหัส {args.remove} แล้ว", f"Deleted confidential export {args.remove}")
        return 0
    rows = exports.list_confidential(ctx)
    if not rows:
        say(args, "ไม่มีเอกสารลับที่ส่งออกค้างอยู่", "No confidential exports are left")
    for r in rows:
        when = f"{date_text(args, r['at'][:10])} {r['at'][11:16]}"
        print(f"{r['id']:>4}  {when}  {r['user']:<12} {r['kind']:<20} {ctx.store.dir / r['file']}")
    return 0


def cmd_stats(args) -> int:
    from ethics_tui.model.complaints import kind_label
    from ethics_tui.service import complaints as svc

    ctx = open_ctx(args)
    s = svc.stats(ctx, args.fy, args.half)
    if args.json:
        return print_json(s.to_dict())
    lang = lang_of(args)
    en = lang == "en"
    print(svc.statement(s, lang))
    rows = [
        ("received" if en else "รับเรื่องทั้งหมด", s.received),
        ("finished" if en else "ดำเนินการแล้วเสร็จ", s.finished),
        ("in progress" if en else "อยู่ระหว่างดำเนินการ", s.in_progress),
    ]
    rows += [(kind_label(k, lang), n) for k, n in s.by_kind.items()]
    rows += [(("channel: " if en else "ช่องทาง ") + ch, n) for ch, n in s.by_channel.items()]
    for label, n in rows:
        print(f"  {label}: {n}")
    return 0


def cmd_status(args) -> int:
    from ethics_tui.model.complaints import step_label
    from ethics_tui.service import complaints as svc

    ctx = open_ctx(args)
    lang = lang_of(args)
    v = svc.lookup(ctx, " ".join(args.code))
    print(f"{v.code}: {step_label(v.status, lang)}")
    for step, day in v.steps:
        print(f"  {date_text(args, day)}  {step_label(step, lang)}")
    if v.due:
        print(("  next step due " if lang == "en" else "  ขั้นตอนถัดไปภายใน ") + date_text(args, v.due))
    return 0


def cmd_list(args) -> int:
    from ethics_tui.model.complaints import step_label
    from ethics_tui.service import complaints as svc

    ctx = open_ctx(args)
    lang = lang_of(args)
    rows = svc.overdue(ctx) if args.overdue else svc.list_cases(ctx, open_only=args.open)
    today = date.today()
    for c in rows:
        flag = " !" if c.overdue(today) else ""
        due = date_text(args, c.due, empty="-")
        print(
            f"{c.id:>4} {c.number}/{c.fiscal_year} {c.code}  {date_text(args, c.received_date):<14} "
            f"{step_label(c.status, lang):<24} {due}{flag}  {c.subject}"
        )
    return 0


def cmd_purge(args) -> int:
    """Replaced by the destruction procedure: says how, changes nothing."""
    from ethics_tui.service import complaints as svc

    svc.purge(None)
    return 1


def cmd_settings(args) -> int:
    """Show the complaint settings; with options, change them in one save (all or nothing)."""
    from ethics_tui.model.complaints import step_label
    from ethics_tui.service import complaints as svc
    from ethics_tui.service.complaints_docs import (
        REMOVED_NOTE,
        TIMES_NOTE,
        add_channel,
        due_step,
        parse_positive,
        remove_channel,
        settings_lines,
    )

    ctx = open_ctx(args)
    lang = lang_of(args)
    s = svc.get_settings(ctx)
    changes = args.add_channel or args.remove_channel or args.due or args.retention is not None
    if changes:
        for name in args.add_channel:
            s.channels = add_channel(s.channels, name)
        for name in args.remove_channel:
            s.channels = remove_channel(s.channels, name)
        for step, days in args.due:
            key = due_step(step)
            s.due_days[key] = parse_positive(
                days, f"จำนวนวันของขั้นตอน{step_label(key)}", f"The days for {step_label(key, 'en')}", most=365
            )
        if args.retention is not None:
            s.retention_years = parse_positive(args.retention, "อายุการเก็บ (ปี)", "The retention (years)", most=50)
        saved = svc.save_settings(ctx, s)
        if saved is not s:  # save_settings returns the stored settings when nothing differs
            say(args, "ไม่มีอะไรเปลี่ยน", "Nothing changed")
        else:
            say(args, "บันทึกการตั้งค่าเรื่องร้องเรียนแล้ว", "Complaint settings saved")
        s = saved
    for line in settings_lines(s, lang):
        print(line)
    if args.remove_channel:
        say(args, "หมายเหตุ: " + REMOVED_NOTE[0], "Note: " + REMOVED_NOTE[1])
    if args.due or args.retention is not None:
        say(args, "หมายเหตุ: " + TIMES_NOTE[0], "Note: " + TIMES_NOTE[1])
    return 0
