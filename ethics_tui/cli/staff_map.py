"""``staff-map headers|presets|import``: staff import by column mapping with saved presets."""

from __future__ import annotations

import sys

from ethics_tui.cli.common import command, open_ctx, refuse_import, say


def add_commands(sub, common) -> None:
    p = sub.add_parser(
        "staff-map", parents=[common], help="นำเข้าบุคลากรจากไฟล์ของระบบอื่น (จับคู่คอลัมน์ครั้งเดียว ใช้ซ้ำทุกปี) / mapped staff import"
    )
    ps = p.add_subparsers(dest="map_command", required=True)
    h = command(ps, "headers", cmd_headers, common, help="หัวคอลัมน์ของไฟล์และการจับคู่ที่เดาให้")
    h.add_argument("file")
    command(ps, "presets", cmd_presets, common, help="ชุดการจับคู่ที่บันทึกไว้")
    im = command(ps, "import", cmd_import, common, help="นำเข้าด้วยชุดการจับคู่")
    im.add_argument("file")
    im.add_argument("--preset", help="ชื่อชุดการจับคู่ที่บันทึกไว้")
    im.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="จับคู่ช่องกับหัวคอลัมน์ เช่น full_name=ชื่อ-สกุล (ระบุซ้ำได้)",
    )
    im.add_argument(
        "--value",
        action="append",
        default=[],
        metavar="FIELD:SOURCE=VALUE",
        help="แปลงค่า เช่น staff_type:พนักงานจ้างภารกิจ=พนักงานจ้างตามภารกิจ",
    )
    im.add_argument("--save-preset", metavar="NAME", help="บันทึกการจับคู่นี้ไว้ใช้ปีหน้า")
    im.add_argument("--dry-run", action="store_true")


def _pairs(items: list[str], sep: str) -> dict[str, str]:
    from ethics_tui.errors import UserError

    out = {}
    for item in items:
        k, s, v = item.partition(sep)
        if not s or not k.strip() or not v.strip():
            raise UserError(f"“{item}” ต้องอยู่ในรูป ช่อง{sep}ค่า", f"'{item}' must look like FIELD{sep}VALUE")
        out[k.strip()] = v.strip()
    return out


def cmd_headers(args) -> int:
    from ethics_tui.service import staff_mapping as sm
    from ethics_tui.service.staff_io import read_table

    table = read_table(args.file)
    ids = sm.id_columns(table, sm.header_row(table)) if table else set()
    guess = {v: k for k, v in sm.suggest(sm.header_cells(table)).items()}
    for i, h in enumerate(sm.header_cells(table)):
        note = (
            "  (เลขประจำตัวประชาชน: ข้าม)"
            if i in ids
            else f"  → {guess[str(h).strip()]}"
            if str(h).strip() in guess
            else ""
        )
        print(f"{i + 1:>3}. {h}{note}")
    return 0


def cmd_presets(args) -> int:
    from ethics_tui.service import staff_mapping as sm

    for p in sm.presets(open_ctx(args)):
        print(f"{p.name}: " + ", ".join(f"{k}={v}" for k, v in p.columns.items()))
    return 0


def cmd_import(args) -> int:
    from ethics_tui.errors import UserError
    from ethics_tui.service import staff_mapping as sm
    from ethics_tui.service.staff_io import read_table

    ctx = open_ctx(args)
    if args.preset and not args.map:
        preset = sm.get_preset(ctx, args.preset)
    else:
        table = read_table(args.file)
        columns = {**sm.suggest(sm.header_cells(table)), **_pairs(args.map, "=")}
        preset = sm.Preset(args.save_preset or args.preset or "ชั่วคราว", columns)
    for spec in args.value:
        f, _, rest = spec.partition(":")
        preset.values.setdefault(f.strip(), {}).update(_pairs([rest], "="))
    if not preset.columns:
        raise UserError("ยังไม่ได้จับคู่คอลัมน์ (--map หรือ --preset)", "No column mapping (--map or --preset)")
    preset.validate()
    plan, mapped = sm.import_mapped(ctx, args.file, preset, dry_run=args.dry_run)
    for h in mapped.skipped:
        say(
            args,
            f"ข้ามคอลัมน์ “{h}” (เลขประจำตัวประชาชน ไม่เก็บ)",
            f"Skipped column '{h}' (national ID, never stored)",
            file=sys.stderr,
        )
    if plan.errors:
        return refuse_import(args, plan.errors, 50)
    if args.save_preset and not args.dry_run:
        sm.save_preset(ctx, preset)
    what = "ตรวจแล้ว (ยังไม่บันทึก)" if args.dry_run else "นำเข้าสำเร็จ"
    say(
        args,
        f"{what}: เพิ่ม {plan.added} แก้ไข {plan.updated} สร้างกองใหม่ {len(plan.divisions_created)}"
        + (f" (ไม่เปลี่ยนแปลง {plan.unchanged} คน)" if plan.unchanged else ""),
        f"{'Checked' if args.dry_run else 'Imported'}: added {plan.added}, updated {plan.updated}"
        + (f" ({plan.unchanged} unchanged)" if plan.unchanged else ""),
    )
    return 0
