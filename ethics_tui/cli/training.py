"""``training list|stats|questions|export|withdraw|edit`` and ``pdf training-memo ID`` / ``pdf training-report --fy``.

The memo (บันทึกข้อความ) proposes one opportunity's nominations, with their rule checks, for
the executive's decision. The yearly report carries the fairness statistics. Both are drawn
on the shared Thai document base and recorded with ``record_export`` (so ``verify-pdf`` knows
them). The TUI calls :func:`write_memo`, :func:`write_report` and :func:`write_xlsx` too.
"""

from __future__ import annotations

from ethics_tui.cli.common import (
    command,
    date_text,
    lang_of,
    open_ctx,
    output_options,
    output_path,
    print_json,
    say,
    write_by_suffix,
)


def add_commands(sub, common) -> None:
    p = sub.add_parser("training", parents=[common], help="คัดเลือกฝึกอบรม/ศึกษาดูงาน/ทุน / training selection")
    ts = p.add_subparsers(dest="training_command", required=True)
    li = command(ts, "list", cmd_list, common, help="โอกาสและการเสนอชื่อ / opportunities and nominations", json=True)
    li.add_argument("--fy", type=int, help="ปีงบประมาณ พ.ศ. / fiscal year (B.E.)")
    add_change_commands(ts, common)  # withdraw, edit
    st = command(ts, "stats", cmd_stats, common, help="สถิติความเป็นธรรมรายปี / fairness statistics", json=True)
    st.add_argument("--fy", type=int, required=True)
    q = command(ts, "questions", cmd_questions, common, help="คำถามเรื่องการไม่ได้รับคัดเลือก / non-selection questions")
    q.add_argument("--open", action="store_true", help="เฉพาะที่ยังไม่ได้ตอบ / unanswered only")
    x = command(ts, "export", cmd_export, common, help="สถิติเป็น XLSX หรือ CSV / statistics as XLSX or CSV")
    x.add_argument("--fy", type=int, required=True)
    output_options(x, "ไฟล์ .xlsx หรือ .csv (ค่าเริ่มต้น: training-<ปี>.xlsx ในโฟลเดอร์ส่งออก) / output file")


def cmd_list(args) -> int:
    from ethics_tui.model.training import STATUS_LABELS
    from ethics_tui.service import training as svc
    from ethics_tui.service.training_docs import _m

    ctx = open_ctx(args)
    pick = 1 if lang_of(args) == "en" else 0
    staff = svc.staff_map(ctx)
    out = []
    for o in svc.list_opportunities(ctx, args.fy):
        noms = [
            {
                "id": n.id,
                "staff": staff[n.staff_id].full_name if n.staff_id in staff else n.staff_id,
                "status": STATUS_LABELS[n.status][pick],
                "reason": n.reject_reason(lang_of(args)) or n.withdraw_reason(lang_of(args)),
            }
            for n in svc.list_nominations(ctx, o.id)
        ]
        out.append(
            {
                "id": o.id,
                "fy": o.fiscal_year,
                "kind": o.kind,
                "title": o.title,
                "start": o.start_date,
                "cost_per_person": o.cost_per_person,
                "in_house": o.in_house,
                "ethics": o.ethics,
                "attendees": len(o.attendees),
                "outside": o.outside_count,
                "nominations": noms,
            }
        )
    if args.json:
        return print_json(out)
    for o in out:
        print(f"{o['id']:>4}  {date_text(args, o['start'])}  {o['kind']}  {o['title']}  ({_m(o['cost_per_person'])})")
        for n in o["nominations"]:
            print(f"        #{n['id']} {n['staff']}: {n['status']}" + (f" — {n['reason']}" if n["reason"] else ""))
    return 0


def cmd_stats(args) -> int:
    from ethics_tui.service import training_stats
    from ethics_tui.service.training_docs import _m, _pct

    lang = lang_of(args)
    st = training_stats.stats(open_ctx(args), args.fy, lang)
    grp = lambda gs: [g.__dict__ for g in gs]
    data = {
        "fiscal_year": st.fiscal_year,
        "staff_total": st.staff_total,
        "with_opportunity": st.with_opportunity,
        "share": round(st.share, 4),
        "by_division": grp(st.by_division),
        "by_staff_type": grp(st.by_type),
        "by_level": grp(st.by_level),
        "never_selected": [dict(zip(("name", "position", "division"), n)) for n in st.never_selected],
        "rejections_by_reason": st.rejections,
        "went": [dict(zip(("name", "division", "title", "kind", "status"), w)) for w in st.went],
        "withdrawals": [dict(zip(("name", "title", "stage", "reason"), w)) for w in st.withdrawals],
        "ethics_trainings": len(st.ethics_events),
        "open_questions": st.open_questions,
        "budget": [
            {
                "division_id": b.division_id,
                "amount": b.amount,
                "committed": b.committed,
                "spent": b.spent,
                "remaining": b.remaining,
            }
            for b in st.budget
        ],
    }
    if args.json:
        return print_json(data)
    en = lang == "en"
    print(
        (
            "Fiscal year {}: {} of {} staff ({}%) had at least one opportunity"
            if en
            else "ปีงบประมาณ {}: บุคลากรได้รับโอกาสอย่างน้อยหนึ่งครั้ง {} จาก {} คน (ร้อยละ {})"
        ).format(args.fy, st.with_opportunity, st.staff_total, _pct(st.with_opportunity, st.staff_total))
    )
    for g in st.by_division:
        print(f"  {g.name:<32} {g.participants:>3}/{g.staff:<3} {g.selections:>3}  {_m(g.cost):>12}")
    print("Rejections:" if en else "ไม่อนุมัติ:", ", ".join(f"{k} {v}" for k, v in st.rejections.items()) or "-")
    print(("Never selected: {}" if en else "ไม่ได้รับคัดเลือก: {} คน").format(len(st.never_selected)))
    return 0


def cmd_questions(args) -> int:
    from ethics_tui.service import training as svc

    ctx = open_ctx(args)
    staff = svc.staff_map(ctx)
    qs = svc.list_questions(ctx, open_only=args.open)
    for q in qs:
        who = staff[q.staff_id].full_name if q.staff_id in staff else q.staff_id
        state = (
            f"{date_text(args, q.answered_on)} {q.answer}"
            if q.answered
            else ("(ยังไม่ได้ตอบ)" if ctx.lang == "th" else "(open)")
        )
        print(f"#{q.id} {date_text(args, q.asked_on)} {who}: {q.question}\n      → {state}")
    say(args, f"รวม {len(qs)} เรื่อง", f"{len(qs)} question(s)")
    return 0


def cmd_export(args) -> int:
    from ethics_tui.service.training_docs import default_path, write_csv, write_xlsx

    ctx = open_ctx(args)
    out = output_path(args, lambda: default_path(ctx, f"training-{args.fy}.xlsx", args.fy))
    write_by_suffix(out, {".xlsx": lambda o: write_xlsx(ctx, args.fy, o), ".csv": lambda o: write_csv(ctx, args.fy, o)})
    say(args, f"ส่งออกสถิติไปที่ {out}", f"Statistics written to {out}")
    return 0


# -- changing a nomination (service/training_changes.py) -----------------------------------
def add_change_commands(ts, common) -> None:
    from ethics_tui.model.training import WITHDRAW_REASONS

    w = command(ts, "withdraw", cmd_withdraw, common, help="ถอนการเสนอชื่อ (ระบุเหตุผล) / withdraw a nomination")
    w.add_argument("nomination", type=int, help="รหัสการเสนอชื่อ (#ในคำสั่ง list) / nomination id")
    w.add_argument(
        "--reason",
        required=True,
        choices=tuple(WITHDRAW_REASONS),
        help="เหตุผล / reason: " + ", ".join(WITHDRAW_REASONS),
    )
    w.add_argument("--text", default="", help="รายละเอียด (ต้องมีเมื่อ other) / details (required with other)")
    w.add_argument("--date", help="วันที่ถอน (วว/ดด/ปปปป พ.ศ.) ค่าเริ่มต้น วันนี้ / date, default today")
    e = command(ts, "edit", cmd_edit, common, help="แก้ไขการเสนอชื่อก่อนผู้บริหารพิจารณา / edit a nomination")
    e.add_argument("nomination", type=int, help="รหัสการเสนอชื่อ / nomination id")
    e.add_argument("--staff", help="รหัสบุคลากรผู้ได้รับการเสนอชื่อ / the nominee's staff code")
    e.add_argument("--by", help="รหัสบุคลากรผู้เสนอชื่อ / the nominator's staff code")
    e.add_argument("--rationale", help="เหตุผลความเกี่ยวข้องกับหน้าที่ / rationale")
    e.add_argument("--cost", help="ค่าใช้จ่ายของรายนี้ (บาท; - = ตามโอกาส) / this person's cost (- = the opportunity's)")
    e.add_argument("--date", help="วันที่เสนอชื่อ (วว/ดด/ปปปป พ.ศ.) / nomination date")


def _day(text: str | None):
    from datetime import date

    from ethics_tui.thai.dates import parse_date

    return parse_date(text) if text else date.today()


def _staff_id(ctx, code: str) -> int:
    from ethics_tui.errors import UserError
    from ethics_tui.service import training as svc

    found = [s.id for s in svc.staff_map(ctx).values() if s.code == code]
    if not found:
        raise UserError(f"ไม่พบบุคลากรรหัส {code}", f"No staff member with code {code}")
    return found[0]


def cmd_withdraw(args) -> int:
    from ethics_tui.service.training_changes import withdraw

    ctx = open_ctx(args)
    n = withdraw(ctx, args.nomination, args.reason, args.text, _day(args.date))
    reason = n.withdraw_reason()
    say(args, f"ถอนการเสนอชื่อ #{n.id} แล้ว ({reason})", f"Nomination #{n.id} withdrawn ({n.withdraw_reason('en')})")
    return 0


def cmd_edit(args) -> int:
    from dataclasses import replace

    from ethics_tui.errors import UserError
    from ethics_tui.service import training as svc
    from ethics_tui.service.training_changes import edit_nomination

    ctx = open_ctx(args)
    n = svc.get_nomination(ctx, args.nomination)
    changes: dict = {}
    if args.staff:
        changes["staff_id"] = _staff_id(ctx, args.staff)
    if args.by:
        changes["nominated_by"] = _staff_id(ctx, args.by)
    if args.rationale is not None:
        changes["rationale"] = args.rationale
    if args.date:
        changes["nominated_on"] = _day(args.date).isoformat()
    if args.cost is not None:
        try:
            changes["cost"] = None if args.cost.strip() == "-" else float(args.cost.replace(",", ""))
        except ValueError:
            raise UserError("ค่าใช้จ่ายต้องเป็นตัวเลข หรือ - (ตามโอกาส)", "--cost must be a number or -") from None
    if not changes:
        raise UserError(
            "ไม่ได้ระบุสิ่งที่จะแก้ไข (--staff --by --rationale --cost --date)",
            "Nothing to change (--staff --by --rationale --cost --date)",
        )
    saved = edit_nomination(ctx, replace(n, **changes))
    again = " ต้องส่งผู้บริหารใหม่" if n.forwarded_on and not saved.forwarded_on else ""
    again_en = "; forward it to the executive again" if again else ""
    say(args, f"แก้ไขการเสนอชื่อ #{saved.id} แล้ว{again}", f"Nomination #{saved.id} changed{again_en}")
    return 0
