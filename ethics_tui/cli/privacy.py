"""``ethics-tui privacy record [-o FILE.pdf] [--json]`` (record of processing, admin) and
``privacy notice`` (the notice shown at complaint intake and printed on the receipt)."""

from __future__ import annotations

from dataclasses import asdict

from ethics_tui.cli.common import command, lang_of, open_ctx, output_options, output_path, print_json, say


def add_commands(sub, common) -> None:
    p = sub.add_parser("privacy", parents=[common], help="คุ้มครองข้อมูลส่วนบุคคล (PDPA) / personal data protection")
    ps = p.add_subparsers(dest="privacy_command", required=True)
    r = command(
        ps,
        "record",
        cmd_record,
        common,
        help="บันทึกรายการกิจกรรมการประมวลผล (มาตรา 39) / record of processing",
        json=True,
    )
    output_options(
        r,
        "ไฟล์ PDF (ค่าเริ่มต้น: pdpa-record-<วันที่>.pdf ในโฟลเดอร์ส่งออก)"
        " / PDF file (default: pdpa-record-DATE.pdf in the export folder)",
    )
    command(ps, "notice", cmd_notice, common, help="ข้อความแจ้งผู้ร้องเรียน / the complainant's privacy notice")


def cmd_record(args) -> int:
    from ethics_tui.service import privacy
    from ethics_tui.service.access import require

    ctx = open_ctx(args)
    require(ctx, "users.manage")
    if args.json:
        return print_json([asdict(a) for a in privacy.processing_record(ctx)])
    out = privacy.export_record(ctx, output_path(args, lambda: privacy.record_path(ctx)))
    say(args, f"เขียนบันทึกกิจกรรมการประมวลผลไปที่ {out}", f"Wrote the record of processing to {out}")
    return 0


def cmd_notice(args) -> int:
    from ethics_tui.service import privacy

    print(privacy.complaint_notice(open_ctx(args), lang_of(args)))
    return 0
