"""``ethics-tui notices list|coverage|pending|ack|publish``: the announcements and circulars
register from the command line (its PDFs: ``pdf KIND``, from registers/notices.py)."""

from __future__ import annotations

from ethics_tui.cli.common import command, date_text, lang_of, open_ctx, print_json, say
from ethics_tui.errors import UserError


def add_commands(sub, common) -> None:
    from ethics_tui.model.notices import CHANNELS, METHODS

    p = sub.add_parser("notices", parents=[common], help="ประกาศและหนังสือเวียน / announcements and circulars")
    ps = p.add_subparsers(dest="notices_command", required=True)
    command(ps, "list", cmd_list, common, help="รายการเอกสาร / list documents", json=True)
    cv = command(
        ps, "coverage", cmd_coverage, common, help="การรับทราบของเอกสาร / who acknowledged a document", json=True
    )
    cv.add_argument("id", type=int, nargs="?", help="รหัสเอกสาร (ไม่ระบุ = ทุกฉบับ) / document id (none = all)")
    pe = command(
        ps, "pending", cmd_pending, common, help="เอกสารที่บุคคลยังไม่รับทราบ / what a person has not acknowledged", json=True
    )
    pe.add_argument("--staff", required=True, help="รหัสบุคลากร / staff code")
    ak = command(ps, "ack", cmd_ack, common, help="บันทึกการรับทราบ / record an acknowledgement")
    ak.add_argument("id", type=int)
    ak.add_argument("--staff", required=True, help="รหัสบุคลากร คั่นด้วยจุลภาค / staff code(s), comma-separated")
    ak.add_argument("--date", help="วันที่รับทราบ (พ.ศ. เช่น 25/11/2568; ค่าเริ่มต้นวันนี้)")
    ak.add_argument("--method", choices=tuple(METHODS), default="sheet")
    ak.add_argument("--undo", action="store_true", help="ย้อนการบันทึกครั้งล่าสุด / undo the last change")
    pu = command(ps, "publish", cmd_publish, common, help="เผยแพร่ประกาศ / ออกหนังสือเวียน (publish / issue)")
    pu.add_argument("id", type=int)
    pu.add_argument("--number", type=int, help="เลขหนังสือที่กำหนดเอง / a typed circular number")
    pu.add_argument("--channel", action="append", choices=tuple(CHANNELS), default=[])


def _staff_ids(ctx, text: str) -> list[int]:
    from ethics_tui.service.notices import staff_ids_by_code

    codes = [c.strip() for c in text.split(",") if c.strip()]
    if not codes:
        raise UserError("ต้องระบุรหัสบุคลากร", "Give at least one staff code")
    return staff_ids_by_code(ctx, codes)


def _label(n, lang: str) -> tuple[str, str]:
    from ethics_tui.model.notices import KIND_LABELS, STATUS_LABELS

    pick = 1 if lang == "en" else 0
    return KIND_LABELS[n.kind][pick], STATUS_LABELS[n.status][pick]


def cmd_list(args) -> int:
    from ethics_tui.service import notices

    ctx = open_ctx(args)
    rows = notices.list_notices(ctx)
    if args.json:
        out = [
            {
                "id": n.id,
                "kind": n.kind,
                "number": notices.number_text(ctx, n),
                "title": n.title,
                "status": n.status,
                "version": n.version,
                "dated": n.dated,
                "standing": n.standing,
            }
            for n in rows
        ]
        return print_json(out)
    for n in rows:
        kind, status = _label(n, lang_of(args))
        print(f"{n.id:>4}  {kind:<12} {notices.number_text(ctx, n):<18} {status:<12} {n.title}")
    return 0


def _cov_json(ctx, c, detail: bool) -> dict:
    from ethics_tui.service import notices

    out = {
        "id": c.notice.id,
        "kind": c.notice.kind,
        "number": notices.number_text(ctx, c.notice),
        "title": c.notice.title,
        "audience": c.total,
        "acknowledged": c.done,
        "pending": c.pending_count,
        "left": c.left,
        "percent": round(c.percent, 1),
    }
    if detail:
        out["pending_by_division"] = {
            d: [{"code": p.code, "name": p.name, "position": p.position} for p in ps] for d, ps in c.pending
        }
    return out


def cmd_coverage(args) -> int:
    from ethics_tui.service import notices, notices_acks

    ctx = open_ctx(args)
    en = lang_of(args) == "en"
    covs = [notices_acks.coverage(ctx, args.id)] if args.id else notices_acks.coverage_all(ctx)
    if args.json:
        data = [_cov_json(ctx, c, bool(args.id)) for c in covs]
        return print_json(data[0] if args.id else data)
    for c in covs:
        head = notices.number_text(ctx, c.notice) or _label(c.notice, lang_of(args))[0]
        word = "acknowledged" if en else "รับทราบแล้ว"
        print(f"{c.notice.id:>4}  {head}  {c.notice.title}: {word} {c.done}/{c.total} ({c.percent:.1f}%)")
        for division, people in c.pending:
            print(f"      {division} ({len(people)})")
            for p in people:
                print(f"        {p.code:<8} {p.name}  {p.position}")
    return 0


def cmd_pending(args) -> int:
    from ethics_tui.service import notices, notices_acks

    ctx = open_ctx(args)
    sid = _staff_ids(ctx, args.staff)[0]
    rows = notices_acks.person_pending(ctx, sid)
    if args.json:
        return print_json([{"id": n.id, "number": notices.number_text(ctx, n), "title": n.title} for n in rows])
    if not rows:
        say(args, "รับทราบครบทุกฉบับแล้ว", "Nothing left to acknowledge")
    for n in rows:
        print(f"{n.id:>4}  {notices.number_text(ctx, n)}  {n.title}")
    return 0


def cmd_ack(args) -> int:
    from ethics_tui.service import notices_acks
    from ethics_tui.thai.dates import parse_date

    ctx = open_ctx(args)
    ids = _staff_ids(ctx, args.staff)
    if args.undo:
        done = notices_acks.undo(ctx, args.id, ids)
        say(args, f"ย้อนการบันทึกแล้ว {len(done)} คน", f"Undid the last change for {len(done)} people")
        return 0
    on = parse_date(args.date) if args.date else None
    done = notices_acks.acknowledge(ctx, args.id, ids, on=on, method=args.method)
    day = date_text(args, on, "full", empty="วันนี้" if lang_of(args) == "th" else "today")
    say(
        args,
        f"บันทึกการรับทราบแล้ว {len(done)} คน ({day}); รับทราบไว้ก่อนแล้ว {len(ids) - len(done)} คน",
        f"Recorded {len(done)} acknowledgement(s) ({day}); {len(ids) - len(done)} already acknowledged",
    )
    return 0


def cmd_publish(args) -> int:
    from ethics_tui.service import notices
    from ethics_tui.thai.dates import today

    ctx = open_ctx(args)
    day = today().isoformat()
    n = notices.publish(ctx, args.id, [(c, day) for c in args.channel], number=args.number)
    num = notices.number_text(ctx, n)
    say(
        args,
        f"เผยแพร่แล้ว {num} {n.title}: ผู้ต้องรับทราบ {n.audience_size} คน",
        f"Published {num} {n.title}: {n.audience_size} people to acknowledge",
    )
    return 0
