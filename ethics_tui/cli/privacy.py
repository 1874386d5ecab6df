"""``ethics-tui privacy record [-o FILE.pdf] [--json]`` (record of processing, admin) and
``privacy notice`` (the notice shown at complaint intake and printed on the receipt)."""

from __future__ import annotations

from dataclasses import asdict

from ethics_tui.cli.common import command, lang_of, open_ctx, print_json, say


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
    r.add_argument("-o", "--output", help="PDF file (default: exports/pdpa-record-DATE.pdf)")
    command(ps, "notice", cmd_notice, common, help="ข้อความแจ้งผู้ร้องเรียน / the complainant's privacy notice")


def cmd_record(args) -> int:
    from ethics_tui.service import privacy
    from ethics_tui.service.access import require

    ctx = open_ctx(args)
    if args.json:
        require(ctx, "users.manage")
        return print_json([asdict(a) for a in privacy.processing_record(ctx)])
    out = privacy.export_record(ctx, args.output)
    say(args, f"เขียนบันทึกกิจกรรมการประมวลผลไปที่ {out}", f"Wrote the record of processing to {out}")
    return 0


def cmd_notice(args) -> int:
    from ethics_tui.service import privacy

    print(privacy.complaint_notice(open_ctx(args), lang_of(args)))
    return 0
