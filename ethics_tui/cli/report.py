"""``ethics-tui report measures|readiness|evidence|ita-score``: the yearly measures 6-7 report."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.cli.common import (
    command,
    lang_of,
    open_ctx,
    output_options,
    output_path,
    print_json,
    read_password,
    say,
    write_by_suffix,
)
from ethics_tui.errors import UserError


def _fy(text: str) -> int:
    """argparse type: a B.E. fiscal year in Thai or Arabic digits (checked by the report service)."""
    from ethics_tui.service.report import parse_fy

    return parse_fy(text)


def add_commands(sub, common) -> None:
    r = sub.add_parser("report", parents=[common], help="รายงานผลมาตรการ 6-7 / measures 6-7 report")
    rs = r.add_subparsers(dest="report_command", required=True)
    m = command(rs, "measures", cmd_measures, common, help="รายงาน PDF หรือ XLSX ตามนามสกุลไฟล์")
    m.add_argument("--fy", required=True, type=_fy, help="ปีงบประมาณ พ.ศ. เช่น 2568")
    m.add_argument("-o", "--output", required=True)
    d = command(
        rs,
        "readiness",
        cmd_readiness,
        common,
        help="รายการตรวจความพร้อม (exit 0 = ไม่มีรายการสีแดง, 1 = มีรายการสีแดง / 0 unless an item is red)",
        json=True,
    )
    d.add_argument("--fy", required=True, type=_fy)
    e = command(
        rs,
        "evidence",
        cmd_evidence,
        common,
        help="โฟลเดอร์หลักฐาน ITA ของปี: ทุกไฟล์ของทุกข้อ + index.html/csv/xlsx ใน exports/ita-<ปี>/",
    )
    e.add_argument("--fy", required=True, type=_fy, help="ปี ITA (พ.ศ.) เช่น 2569")
    output_options(
        e,
        "โฟลเดอร์ปลายทาง (ค่าเริ่มต้น ita-<ปี> ในโฟลเดอร์ส่งออก) / output folder (default: ita-<year> in the export folder)",
        folder=True,
    )
    e.add_argument("--base-url", default="", help="ที่อยู่เว็บของโฟลเดอร์ (เติมคอลัมน์ URL ให้)")
    e.add_argument("--sign", action="store_true", help="ลงลายมือชื่ออิเล็กทรอนิกส์ (PAdES) ทุกไฟล์ด้วยใบรับรองของหน่วยงาน")
    e.add_argument("--p12", help="ไฟล์ใบรับรอง .p12 (ค่าเริ่มต้น: ที่ตั้งไว้ด้วย report signing)")
    g = command(rs, "signing", cmd_signing, common, help="ไฟล์ใบรับรอง .p12 ของหน่วยงานสำหรับลงลายมือชื่อ PDF")
    g.add_argument("--p12", help="ตั้งไฟล์ใบรับรอง (.p12/.pfx)")
    g.add_argument("--off", action="store_true", help="เลิกใช้ใบรับรอง")
    sg = command(rs, "sign", cmd_sign, common, help="ลงลายมือชื่ออิเล็กทรอนิกส์ (PAdES) ในไฟล์ PDF")
    sg.add_argument("files", nargs="+")
    sg.add_argument("--p12", help="ไฟล์ใบรับรอง .p12 (ค่าเริ่มต้น: ที่ตั้งไว้)")
    it = command(rs, "items", cmd_items, common, help="ตารางรายการ ITA ของปีและความพร้อมรายข้อ", json=True)
    it.add_argument("--fy", required=True, type=_fy, help="ปี ITA (พ.ศ.) เช่น 2569")
    it.add_argument("--copy", action="store_true", help="คัดลอกตารางไปไว้ในโฟลเดอร์ข้อมูลเพื่อแก้ไข")
    hc = command(
        rs, "headcount", cmd_headcount, common, help="จำนวนบุคลากรที่ปฏิบัติงานครบ 1 ปี ณ วันที่ (ITAS) แยกตามประเภท", json=True
    )
    hc.add_argument("--on", help="ณ วันที่ (ค่าเริ่มต้นวันนี้) เช่น 1/3/2569")
    hc.add_argument("-o", "--output", help="เขียนเป็น PDF ด้วย")
    s = command(rs, "ita-score", cmd_ita_score, common, help="บันทึกคะแนน ITA ของปี")
    s.add_argument("--fy", required=True, type=_fy)
    s.add_argument("score")


def cmd_measures(args) -> int:
    from ethics_tui.service import report

    ctx = open_ctx(args)
    report.check_fy(args.fy)
    out = Path(args.output)
    write_by_suffix(
        out,
        {".pdf": lambda p: report.export_pdf(ctx, args.fy, p), ".xlsx": lambda p: report.export_xlsx(ctx, args.fy, p)},
    )
    say(args, f"เขียนรายงานปีงบประมาณ {args.fy} ไปที่ {out}", f"Wrote the FY {args.fy} report to {out}")
    return 0


def cmd_readiness(args) -> int:
    from ethics_tui.service import report

    ctx = open_ctx(args)
    checks = report.readiness(ctx, report.check_fy(args.fy))
    if args.json:
        print_json([{"key": c.key, "status": c.status, "th": c.th, "en": c.en, "register": c.register} for c in checks])
    else:
        _print_checks(args, checks)
    # amber is advice (something to look at), red a gap: only red fails the exit code
    return 1 if any(c.status == "red" for c in checks) else 0


def _print_checks(args, checks) -> None:
    """One line per check: ✓ green, ! amber, ✗ red, then its message."""
    mark = {"green": "✓", "amber": "!", "red": "✗"}
    for c in checks:
        print(f"[{mark.get(c.status, '?')}] {c.message(lang_of(args))}")


def cmd_evidence(args) -> int:
    from ethics_tui.service import report_evidence
    from ethics_tui.service.access import require

    ctx = open_ctx(args)
    from ethics_tui.service.exports import export_folder

    require(ctx, "report.read")  # before saying whether its folder holds files
    out = output_path(args, lambda: export_folder(ctx, args.fy) / f"ita-{args.fy}", folder=True)
    signer = _signer(ctx, args.p12) if args.sign else None
    paths = report_evidence.write_evidence(ctx, args.fy, out, base_url=args.base_url, signer=signer)
    for p in paths:
        print(p)
    red = [e for e in report_evidence.entries_of(out / "index.csv") if e["สถานะ"] == report_evidence.STATUS_TH["red"]]
    say(
        args,
        f"เขียนหลักฐาน {len(paths)} ไฟล์ใน {out} (ขาด {len(red)} รายการ: ดู {out / 'index.html'})",
        f"Wrote {len(paths)} evidence file(s) to {out} ({len(red)} missing: see {out / 'index.html'})",
    )
    return 0


def cmd_items(args) -> int:
    from ethics_tui.service import ita_items

    ctx = open_ctx(args)
    if args.copy:
        dest = ita_items.copy_to_office(ctx, args.fy)
        say(
            args,
            f"คัดลอกตารางรายการ ITA ปี {args.fy} ไปที่ {dest} แล้ว แก้ไขไฟล์นั้นได้",
            f"Copied the {args.fy} ITA item table to {dest}; edit it there",
        )
        return 0
    table = ita_items.load(ctx, args.fy)
    checks = ita_items.checklist(ctx, args.fy)
    if args.json:
        print_json(
            {
                "year": table.year,
                "note": table.note,
                "source": str(table.source or ""),
                "items": [
                    {
                        "code": c.item.code,
                        "title": c.item.title,
                        "shows": c.item.shows,
                        "period": c.item.period,
                        "outputs": c.item.outputs,
                        "status": c.status,
                        "checks": [{"status": s, "th": th, "en": en} for s, th, en in c.lines],
                    }
                    for c in checks
                ],
            }
        )
    else:
        if table.note:
            print(table.note)
        _print_checks(args, checks)
    return 0 if all(c.status == "green" for c in checks) else 1


def cmd_headcount(args) -> int:
    from datetime import date

    from ethics_tui.service import ita_hr
    from ethics_tui.service.ita_items import Period
    from ethics_tui.thai.dates import fiscal_year, fiscal_year_range, parse_date

    ctx = open_ctx(args)
    on = parse_date(args.on) if args.on else date.today()
    h = ita_hr.headcount(ctx, on)
    if args.json:
        print_json(
            {
                "on": on.isoformat(),
                "total": h.total,
                "by_type": h.by_type,
                "under_a_year": h.under_a_year,
                "no_start_date": h.no_start_date,
            }
        )
    else:
        for t, n in h.by_type.items():
            print(f"{t}: {n}")
        say(
            args,
            f"รวม {h.total} คน (ยังไม่ครบ 1 ปี {h.under_a_year} คน ไม่มีวันเริ่มงาน {h.no_start_date} คน)",
            f"Total {h.total} (under a year {h.under_a_year}, no start date {h.no_start_date})",
        )
    if args.output:
        fy = fiscal_year(on)
        ita_hr.write_headcount(ctx, Period("as_of", fy, fiscal_year_range(fy)[0], on), Path(args.output))
    return 0


def _signer(ctx, p12: str | None):
    from ethics_tui.service import pdf_sign

    path = p12 or pdf_sign.get_p12(ctx)
    if not path:
        raise UserError(
            "ยังไม่ได้ตั้งไฟล์ใบรับรอง: ethics-tui report signing --p12 FILE (หรือใช้ --p12)",
            "No certificate set: ethics-tui report signing --p12 FILE (or pass --p12)",
        )
    data = pdf_sign.read_p12(path)  # a FIFO or /dev/zero is refused before the passphrase is asked
    return pdf_sign.load_signer(path, read_password(f"รหัสผ่านของใบรับรอง {Path(path).name} / passphrase: "), data)


def cmd_signing(args) -> int:
    from ethics_tui.service import pdf_sign

    ctx = open_ctx(args)
    if args.off or args.p12:
        path = pdf_sign.set_p12(ctx, "" if args.off else args.p12)
        say(args, f"ใบรับรอง: {path or 'ไม่ใช้'}", f"Certificate: {path or 'none'}")
    else:
        say(
            args,
            f"ใบรับรอง: {pdf_sign.get_p12(ctx) or 'ยังไม่ได้ตั้ง'}",
            f"Certificate: {pdf_sign.get_p12(ctx) or 'not set'}",
        )
    return 0


def cmd_sign(args) -> int:
    from ethics_tui.service import pdf_sign

    ctx = open_ctx(args)
    for f in args.files:  # every file checked before the first is signed: all or none
        pdf_sign.read_pdf(f)
    signer = _signer(ctx, args.p12)
    for f in args.files:
        out = pdf_sign.sign(ctx, f, signer)
        for c in pdf_sign.check(out):
            print(f"{out}: {c.message(lang_of(args))}")
    say(args, f"ลงลายมือชื่อแล้ว {len(args.files)} ไฟล์", f"Signed {len(args.files)} file(s)")
    return 0


def cmd_ita_score(args) -> int:
    from ethics_tui.service import report
    from ethics_tui.thai.digits import to_arabic_digits

    try:
        score = float(to_arabic_digits(args.score))
    except ValueError:
        raise UserError(f"คะแนน “{args.score}” ไม่ใช่ตัวเลข", f"Score '{args.score}' is not a number") from None
    report.set_ita_score(open_ctx(args), report.check_fy(args.fy), score)
    say(args, f"บันทึกคะแนน ITA ปีงบประมาณ {args.fy}: {score:.2f}", f"ITA score for FY {args.fy}: {score:.2f}")
    return 0
