"""``ethics-tui privacy record [-o FILE.pdf] [--json]`` (record of processing, admin) and
``privacy notice`` (the notice shown at complaint intake and printed on the receipt)."""

from __future__ import annotations

import json
from dataclasses import asdict


def add_commands(sub, common) -> None:
    p = sub.add_parser("privacy", parents=[common], help="คุ้มครองข้อมูลส่วนบุคคล (PDPA) / personal data protection")
    ps = p.add_subparsers(dest="privacy_command", required=True)
    r = ps.add_parser("record", parents=[common],
                      help="บันทึกรายการกิจกรรมการประมวลผล (มาตรา 39) / record of processing")
    r.add_argument("-o", "--output", help="PDF file (default: exports/pdpa-record-DATE.pdf)")
    r.add_argument("--json", action="store_true", help="print it as JSON instead of a PDF")
    r.set_defaults(func=cmd_record)
    n = ps.add_parser("notice", parents=[common], help="ข้อความแจ้งผู้ร้องเรียน / the complainant's privacy notice")
    n.set_defaults(func=cmd_notice)


def cmd_record(args) -> int:
    from ethics_tui.cli import _ctx, _say
    from ethics_tui.service import privacy
    from ethics_tui.service.access import require

    ctx = _ctx(args)
    if args.json:
        require(ctx, "users.manage")
        print(json.dumps([asdict(a) for a in privacy.processing_record(ctx)], ensure_ascii=False, indent=1))
        return 0
    out = privacy.export_record(ctx, args.output)
    _say(args, f"เขียนบันทึกกิจกรรมการประมวลผลไปที่ {out}", f"Wrote the record of processing to {out}")
    return 0


def cmd_notice(args) -> int:
    from ethics_tui.cli import _ctx, _lang
    from ethics_tui.service import privacy

    print(privacy.complaint_notice(_ctx(args), _lang(args)))
    return 0
