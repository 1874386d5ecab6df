"""``ethics-tui staff import|export|list``: the staff register from the command line."""

from __future__ import annotations

import sys

from ethics_tui.cli.common import command, lang_of, open_ctx, print_json, say


def add_commands(sub, common) -> None:
    s = sub.add_parser("staff", parents=[common], help="ทะเบียนบุคลากร / staff register")
    ssub = s.add_subparsers(dest="staff_command", required=True)
    si = command(ssub, "import", cmd_staff_import, common, help="นำเข้าจาก CSV/XLSX (ทั้งหมดหรือไม่มีเลย)")
    si.add_argument("file")
    si.add_argument("--dry-run", action="store_true", help="ตรวจอย่างเดียว ไม่บันทึก / check only")
    command(ssub, "export", cmd_staff_export, common, help="ส่งออกเป็น .csv หรือ .xlsx").add_argument("file")
    sl = command(ssub, "list", cmd_staff_list, common, help="แสดงรายชื่อ / list staff", json=True)
    sl.add_argument("--all", action="store_true", help="รวมผู้ที่ไม่ใช้งาน / include inactive")


def cmd_staff_import(args) -> int:
    from ethics_tui.service.staff_io import import_file

    ctx = open_ctx(args)
    plan = import_file(ctx, args.file, dry_run=args.dry_run)
    lang = lang_of(args)
    for th, en in plan.warnings:
        print(("คำเตือน: " + th) if lang == "th" else ("warning: " + en), file=sys.stderr)
    if plan.errors:
        say(
            args,
            f"นำเข้าไม่สำเร็จ: พบข้อผิดพลาด {len(plan.errors)} รายการ ไม่ได้บันทึกข้อมูลใด ๆ",
            f"Import refused: {len(plan.errors)} error(s); nothing was saved.",
            file=sys.stderr,
        )
        for e in plan.errors:
            print("  " + e.message(lang), file=sys.stderr)
        return 1
    divs = len(plan.divisions_created)
    if args.dry_run:
        say(
            args,
            f"ตรวจแล้วไม่พบข้อผิดพลาด (ยังไม่บันทึก): จะเพิ่ม {plan.added} แก้ไข {plan.updated} สร้างกองใหม่ {divs}",
            f"Check passed (nothing saved): would add {plan.added}, update {plan.updated}, create {divs} division(s)",
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
    from ethics_tui.thai.dates import format_date

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
        print(printable(f"{s.code or '-':>6}  {s.full_name}  |  {s.position}  |  {r.division}  |  {s.staff_type}  |  "
                        f"{format_date(s.start_date, 'abbr')}{flag}"))
    say(args, f"รวม {len(rows)} คน", f"{len(rows)} staff")
    return 0
