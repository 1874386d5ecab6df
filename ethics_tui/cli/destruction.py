"""``complaints destruction prepare|committee|approve|destroy|list|export``: the สารบรรณ
destruction procedure for expired complaint records (replaces ``complaints purge``)."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.cli.common import command, date_text, lang_of, open_ctx, say, write_by_suffix


def _date(text: str):
    from ethics_tui.thai.dates import parse_date

    return parse_date(text)


def add_commands(ps, common) -> None:
    d = ps.add_parser(
        "destruction", parents=[common], help="ทำลายเรื่องที่พ้นอายุการเก็บตามระเบียบงานสารบรรณ / destroy expired records"
    )
    ds = d.add_subparsers(dest="destruction_command", required=True)
    p = command(ds, "prepare", cmd_prepare, common, help="1. จัดทำบัญชีหนังสือขอทำลาย / list expired records")
    p.add_argument("--on", type=_date, help="วันที่จัดทำบัญชี (ค่าเริ่มต้นวันนี้)")
    c = command(ds, "committee", cmd_committee, common, help="2. คณะกรรมการทำลายหนังสือ / the committee")
    c.add_argument("id", type=int)
    c.add_argument("--order", required=True, help="คำสั่งแต่งตั้ง เช่น “ที่ 12/2569”")
    c.add_argument("--member", action="append", default=[], help="ชื่อกรรมการ (ระบุซ้ำได้ อย่างน้อย 3 คน)")
    a = command(ds, "approve", cmd_approve, common, help="3. ผู้อนุมัติให้ทำลาย / approval")
    a.add_argument("id", type=int)
    a.add_argument("--on", type=_date, required=True)
    a.add_argument("--by", required=True, help="ชื่อและตำแหน่งผู้อนุมัติ")
    x = command(ds, "destroy", cmd_destroy, common, help="4. ทำลาย (ลบเรื่องและข้อมูลลับ เก็บบัญชีไว้) / destroy")
    x.add_argument("id", type=int)
    x.add_argument("--on", type=_date, required=True)
    command(ds, "list", cmd_list, common, help="บัญชีขอทำลายทั้งหมด / all lists")
    e = command(ds, "export", cmd_export, common, help="ส่งออกบัญชี (PDF หรือ CSV ตามนามสกุล) / export a list")
    e.add_argument("id", type=int)
    e.add_argument("-o", "--output", required=True)


def _show(args, row: dict) -> None:
    from ethics_tui.service.complaints_destruction import STATUS_LABELS

    en = lang_of(args) == "en"
    label = STATUS_LABELS[row["status"]][1 if en else 0]
    n = len(row["entries"])
    print(
        f"{row['id']:>3} {date_text(args, row['listed_on'])} {n} {'case(s)' if en else 'เรื่อง'}  {label}"
        + (("  (late)" if en else "  (หลังกำหนด)") if row.get("late") else "")
    )


def cmd_prepare(args) -> int:
    from ethics_tui.service import complaints_destruction as svc

    row = svc.prepare(open_ctx(args), args.on)
    _show(args, row)
    say(
        args,
        f"จัดทำบัญชีขอทำลายเลขที่ {row['id']} แล้ว ({len(row['entries'])} เรื่อง) ขั้นต่อไป: ตั้งคณะกรรมการ",
        f"Destruction list {row['id']} prepared ({len(row['entries'])} case(s)); next: the committee",
    )
    return 0


def cmd_committee(args) -> int:
    from ethics_tui.service import complaints_destruction as svc

    svc.set_committee(open_ctx(args), args.id, args.order, args.member)
    say(args, "บันทึกคณะกรรมการแล้ว ขั้นต่อไป: อนุมัติ", "Committee recorded; next: approval")
    return 0


def cmd_approve(args) -> int:
    from ethics_tui.service import complaints_destruction as svc

    svc.approve(open_ctx(args), args.id, args.on, args.by)
    say(args, "บันทึกการอนุมัติแล้ว ขั้นต่อไป: ทำลาย", "Approval recorded; next: destroy")
    return 0


def cmd_destroy(args) -> int:
    from ethics_tui.service import complaints_destruction as svc

    row = svc.destroy(open_ctx(args), args.id, args.on)
    say(
        args,
        f"ทำลายแล้ว {len(row['entries'])} เรื่อง บัญชียังเก็บไว้ (complaints destruction export {row['id']})",
        f"Destroyed {len(row['entries'])} case(s); the list is kept",
    )
    return 0


def cmd_list(args) -> int:
    from ethics_tui.service import complaints_destruction as svc

    for row in svc.rounds(open_ctx(args)):
        _show(args, row)
    return 0


def cmd_export(args) -> int:
    from ethics_tui.service import complaints_destruction as svc

    out = Path(args.output)
    ctx = open_ctx(args)
    write_by_suffix(
        out, {".pdf": lambda p: svc.export_pdf(ctx, args.id, p), ".csv": lambda p: svc.export_csv(ctx, args.id, p)}
    )
    say(args, f"เขียนบัญชีไปที่ {out}", f"Wrote the list to {out}")
    return 0
