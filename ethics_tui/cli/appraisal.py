"""``ethics-tui appraisal ...`` and ``pdf appraisal-notices|appraisal-summary|appraisal-criteria``.

The PDF writers are in :mod:`ethics_tui.service.appraisal_pdf` (the TUI calls them there).
"""

from __future__ import annotations

import sys
from datetime import date

from ethics_tui.cli.common import command, lang_of, open_ctx, print_json, refuse_import, say
from ethics_tui.errors import UserError


# -- argparse -------------------------------------------------------------------------------
def _round_args(p) -> None:
    p.add_argument("--fy", type=int, required=True, help="ปีงบประมาณ พ.ศ. / B.E. fiscal year")
    p.add_argument("--round", type=int, required=True, choices=(1, 2), dest="round_no")


def add_commands(sub, common) -> None:
    a = sub.add_parser("appraisal", parents=[common], help="ประเมินผลการปฏิบัติงาน / appraisal rounds")
    asub = a.add_subparsers(dest="appraisal_command", required=True)
    p = command(asub, "rounds", cmd_rounds, common, help="รายการรอบการประเมิน", json=True)
    p = command(asub, "status", cmd_status, common, help="สถานะและสรุปของรอบ (จำนวนเท่านั้น)", json=True)
    _round_args(p)
    p = command(asub, "new", cmd_new, common, help="เปิดรอบการประเมินใหม่")
    _round_args(p)
    p.add_argument("--criteria", help="ไฟล์ข้อความหลักเกณฑ์ / criteria text file")
    p.add_argument("--published", help="วันที่ประกาศหลักเกณฑ์ (วว/ดด/ปปปป)")
    p.add_argument("--channels", default="", help="ช่องทางเผยแพร่ คั่นด้วย ,")
    p = command(asub, "results", cmd_results, common, help="ผลรายบุคคล (hr, ผู้บริหาร)", json=True)
    _round_args(p)
    p = command(asub, "score", cmd_score, common, help="ให้คะแนนหนึ่งคน")
    _round_args(p)
    p.add_argument("code")
    p.add_argument("--results")
    p.add_argument("--competency")
    p.add_argument("--total")
    p.add_argument("--comment")
    p = command(asub, "import", cmd_import, common, help="นำเข้าคะแนนจาก CSV/XLSX (ทั้งหมดหรือไม่มีเลย)")
    _round_args(p)
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true")
    p = command(asub, "history", cmd_history, common, help="ประวัติผลการประเมินของหนึ่งคน (hr, ผู้บริหาร)", json=True)
    _round_args(p)
    p.add_argument("code")
    p = command(asub, "audience", cmd_audience, common, help="ผู้รับการประเมินของรอบ: ดู เพิ่ม หรือเอาออก (รอบที่ยังเปิด)")
    _round_args(p)
    p.add_argument("--add", nargs="+", default=[], metavar="CODE", help="รหัสบุคลากรที่จะเพิ่ม / staff codes to add")
    p.add_argument("--remove", nargs="+", default=[], metavar="CODE", help="รหัสที่จะเอาออก / codes to remove")
    for name, helptext in (
        ("notify", "บันทึกวันที่แจ้งผล (ทั้งรอบ หรือ --code)"),
        ("sign", "บันทึกการลงนามรับทราบ"),
        ("refuse", "บันทึกการไม่ยอมลงนาม พร้อมพยาน"),
        ("reopen", "เปิดผลที่ล็อกเพื่อแก้ไข (ต้องมีเหตุผล)"),
        ("grievance", "บันทึกคำร้องทุกข์"),
        ("close", "ปิดรอบ"),
    ):
        p = command(asub, name, cmd_step, common, help=helptext, defaults={"step": name})
        _round_args(p)
        if name not in ("notify", "close"):
            p.add_argument("code")
        p.add_argument("--date", help="วันที่ (วว/ดด/ปปปป พ.ศ.); ค่าเริ่มต้น วันนี้")
        if name == "notify":
            p.add_argument("--code")
        if name == "refuse":
            p.add_argument("--witness", help="รหัสบุคลากรของพยาน / witness staff code")
            p.add_argument("--witness-name", default="")
            p.add_argument("--witness-position", default="")
            p.add_argument("--note", default="")
        if name == "reopen":
            p.add_argument("--reason", required=True)
        if name == "grievance":
            p.add_argument("--to", required=True, help="ยื่นต่อ / addressed to")
            p.add_argument("--grounds", default="")


# -- handlers -------------------------------------------------------------------------------
def _round(ctx, args):
    from ethics_tui.service import appraisal as svc

    return svc.find_round(ctx, args.fy, args.round_no)


def _day(text: str | None) -> date:
    from ethics_tui.thai.dates import parse_date

    return parse_date(text) if text else date.today()


def _result_by_code(ctx, rnd, code: str):
    from ethics_tui.service import appraisal as svc

    for row in svc.list_results(ctx, rnd.id):
        if row.staff.code == code:
            return row
    raise UserError(f"รหัส {code} ไม่อยู่ในรายชื่อผู้รับการประเมินของรอบนี้", f"Code {code} is not in this round")


def cmd_rounds(args) -> int:
    from ethics_tui.service import appraisal as svc
    from ethics_tui.service import appraisal_review

    ctx = open_ctx(args)
    rows = [appraisal_review.status_dict(ctx, r.id) for r in svc.list_rounds(ctx)]
    if args.json:
        return print_json(rows)
    for d in rows:
        print(
            f"{d['round_id']:>3}  {d['fiscal_year']}/{d['round']}  {d['status']:<9} {d['audience']:>4}  "
            + " ".join(f"{k}:{v}" for k, v in d["stages"].items())
        )
    return 0


def cmd_status(args) -> int:
    from ethics_tui.model.appraisal import ROUND_STATUS_LABELS, STAGE_LABELS
    from ethics_tui.service import appraisal_review

    ctx = open_ctx(args)
    d = appraisal_review.status_dict(ctx, _round(ctx, args).id)
    if args.json:
        return print_json(d)
    k = 1 if lang_of(args) == "en" else 0
    print(f"{d['fiscal_year']}/{d['round']} ({ROUND_STATUS_LABELS[d['status']][k]}) · {d['audience']}")
    for key, n in d["stages"].items():
        print(f"  {STAGE_LABELS[key][k]}: {n}")
    for lvl, n in d["levels"].items():
        print(f"  {lvl}: {n}")
    g = d["grievances"]
    left = ", ".join(str(n) for n in g["days_left"])  # one figure per open grievance
    words = ("grievances", "open", "days left") if k else ("คำร้องทุกข์", "ค้าง", "เหลือ (วัน)")
    print(f"  {words[0]}: {g['total']} / {words[1]} {g['open']}" + (f" / {words[2]} {left}" if left else ""))
    return 0


def cmd_new(args) -> int:
    from ethics_tui.model.appraisal import AppraisalRound
    from ethics_tui.service import appraisal as svc
    from ethics_tui.service.input_files import SMALL_FILE_MAX_BYTES, read_regular

    ctx = open_ctx(args)
    text = ""
    if args.criteria:  # a regular text file of at most SMALL_FILE_MAX_BYTES (no FIFO, device or huge file)
        raw = read_regular(args.criteria, SMALL_FILE_MAX_BYTES, "ไฟล์หลักเกณฑ์", "criteria file")
        try:
            text = raw.decode("utf-8-sig").strip()
        except UnicodeDecodeError:
            raise UserError(
                f"ไฟล์หลักเกณฑ์ {args.criteria} ไม่ใช่ข้อความ UTF-8 — บันทึกเป็น UTF-8 แล้วลองอีกครั้ง",
                f"The criteria file {args.criteria} is not UTF-8 text; save it as UTF-8 and try again",
            ) from None
    d = svc.get_defaults(ctx)
    rnd = AppraisalRound(
        args.fy,
        args.round_no,
        bands=d["bands"],
        weights=d["weights"],
        grievance_days=d["grievance_days"],
        decision_days=d["decision_days"],
        criteria_text=text,
        criteria_published=_day(args.published).isoformat() if args.published else "",
        criteria_channels=[c.strip() for c in args.channels.split(",") if c.strip()],
    )
    rnd = svc.create_round(ctx, rnd)
    say(
        args,
        f"เปิดรอบการประเมิน {rnd.title} แล้ว (รหัส {rnd.id})",
        f"Round {rnd.fiscal_year}/{rnd.round_no} opened (id {rnd.id})",
    )
    return 0


def cmd_results(args) -> int:
    from ethics_tui.model.appraisal import fmt
    from ethics_tui.service import appraisal as svc

    ctx = open_ctx(args)
    rows = svc.list_results(ctx, _round(ctx, args).id)
    out = []
    for r in rows:
        s = r.scores
        out.append(
            {
                "code": r.staff.code,
                "name": r.staff.full_name,
                "division": r.division,
                "stage": r.result.stage,
                "total": fmt(s.total) if s else None,
                "level": s.level if s else None,
                "notified_on": r.result.notified_on,
                "ack_on": r.result.ack_on,
            }
        )
    if args.json:
        print_json(out)
    else:
        for d in out:
            print(f"{d['code']:>6}  {d['name']:<28} {d['total'] or '-':>6} {d['level'] or '-':<12} {d['stage']}")
    return 0


def cmd_score(args) -> int:
    from ethics_tui.service import appraisal as svc

    ctx = open_ctx(args)
    row = _result_by_code(ctx, _round(ctx, args), args.code)
    svc.set_scores(ctx, row.result.id, args.results, args.competency, args.total, args.comment)
    say(args, f"บันทึกคะแนนของ {row.staff.full_name} แล้ว", f"Scores saved for {row.staff.code}")
    return 0


def cmd_import(args) -> int:
    from ethics_tui.service import appraisal_io

    ctx = open_ctx(args)
    plan = appraisal_io.import_scores(ctx, _round(ctx, args).id, args.file, dry_run=args.dry_run)
    if plan.errors:
        return refuse_import(args, plan.errors)
    if args.dry_run:
        say(
            args,
            f"ตรวจแล้วไม่พบข้อผิดพลาด (ยังไม่บันทึก): {plan.scored} คน",
            f"Check passed (nothing saved): {plan.scored} rows",
        )
    else:
        say(args, f"นำเข้าคะแนนแล้ว {plan.scored} คน", f"Imported scores for {plan.scored} people")
    return 0


def cmd_step(args) -> int:
    from ethics_tui.service import appraisal as svc
    from ethics_tui.service import appraisal_review

    ctx = open_ctx(args)
    rnd = _round(ctx, args)
    day = _day(args.date)
    if args.step == "close":
        svc.set_round_status(ctx, rnd.id, "closed")
        say(args, f"ปิดรอบ {rnd.title} แล้ว", "Round closed")
        return 0
    if args.step == "notify" and not args.code:
        svc.set_round_status(ctx, rnd.id, "notified", on=day)
        say(args, f"บันทึกการแจ้งผลทั้งรอบ {rnd.title} แล้ว", "The whole round is marked notified")
        return 0
    row = _result_by_code(ctx, rnd, args.code)
    rid = row.result.id
    if args.step == "notify":
        appraisal_review.mark_notified(ctx, rid, day)
    elif args.step == "sign":
        appraisal_review.acknowledge(ctx, rid, day)
    elif args.step == "refuse":
        wid = _result_by_code_staff(ctx, args.witness) if args.witness else None
        appraisal_review.refuse(ctx, rid, day, wid, args.witness_name, args.witness_position, args.note)
    elif args.step == "reopen":
        appraisal_review.reopen(ctx, rid, args.reason)
    elif args.step == "grievance":
        g = appraisal_review.file_grievance(ctx, rid, day, args.to, args.grounds)
        if g.late:
            say(
                args,
                "คำเตือน: ยื่นเกินกำหนดเวลา (บันทึกไว้แล้ว)",
                "warning: filed after the deadline (recorded)",
                file=sys.stderr,
            )
    say(args, f"บันทึกแล้ว: {row.staff.full_name}", f"Recorded: {row.staff.code}")
    return 0


def _result_by_code_staff(ctx, code: str) -> int:
    from ethics_tui.service import staff as staff_svc

    for r in staff_svc.search(ctx, include_inactive=True):
        if r.staff.code == code:
            return r.staff.id
    raise UserError(f"ไม่พบบุคลากรรหัส {code}", f"No staff member with code {code}")


def cmd_history(args) -> int:
    from ethics_tui.model.appraisal import fmt
    from ethics_tui.service import appraisal_history
    from ethics_tui.thai.dates import format_date

    ctx = open_ctx(args)
    row = _result_by_code(ctx, _round(ctx, args), args.code)
    h = appraisal_history.result_history(ctx, row.result.id)
    total = lambda s: fmt(s.total) if s else None
    out = [
        {
            "on": e.on,
            "kind": e.kind,
            "event": appraisal_history.event_name(e, lang_of(args)),
            "total": total(e.scores),
            "level": e.scores.level if e.scores else None,
            "before_total": total(e.before),
            "by": e.by,
            "reason": e.reason,
            "witness": e.witness,
            "grievance_id": e.grievance.id if e.grievance else None,
        }
        for e in h.events
    ]
    if args.json:
        return print_json(out)
    for d in out:
        day = format_date(d["on"], "abbr", lang=lang_of(args)) if d["on"] else "-"
        scores = f"{d['before_total']} -> {d['total']}" if d["before_total"] and d["before_total"] != d["total"] else ""
        scores = scores or (f"{d['total']} ({d['level']})" if d["kind"] == "notified" and d["total"] else "")
        extra = " ".join(x for x in (d["witness"], d["reason"], d["by"] and f"[{d['by']}]") if x)
        print("  ".join(x for x in (f"{day:<14}", f"{d['event']:<28}", scores, extra) if x).rstrip())
    if h.hidden:
        say(args, "(คะแนนปกปิด: ไม่มีกุญแจ hr)", "(scores sealed: no hr key)", file=sys.stderr)
    return 0


def cmd_audience(args) -> int:
    from ethics_tui.service import appraisal_audience

    ctx = open_ctx(args)
    rnd = _round(ctx, args)
    if not args.add and not args.remove:
        for row in _audience_rows(ctx, rnd):
            print(f"{row.staff.code:>6}  {row.staff.full_name}")
        return 0
    add = [_result_by_code_staff(ctx, c) for c in args.add]
    remove = [_result_by_code_staff(ctx, c) for c in args.remove]
    n = appraisal_audience.set_audience(ctx, rnd.id, add, remove)
    say(args, f"ผู้รับการประเมินรอบ {rnd.title}: {n} คน", f"Round {rnd.fiscal_year}/{rnd.round_no}: {n} people")
    return 0


def _audience_rows(ctx, rnd):
    from ethics_tui.service import appraisal as svc

    return svc.list_results(ctx, rnd.id)
