"""``orders list|current``, ``consultations stats --fy YYYY`` and ``pdf order|order-signoff ID``.

Statistics print counts only: never a requester, never a question.
"""

from __future__ import annotations

from ethics_tui.cli.common import command, date_text, lang_of, open_ctx, print_json, say


def add_commands(sub, common) -> None:
    o = sub.add_parser("orders", parents=[common], help="คำสั่งแต่งตั้งคณะที่ปรึกษาจริยธรรม / committee orders")
    osub = o.add_subparsers(dest="orders_command", required=True)
    li = command(osub, "list", cmd_orders_list, common, help="รายการคำสั่ง / list orders", json=True)
    li.add_argument("--status", choices=("draft", "issued", "superseded", "revoked"))
    cu = command(
        osub, "current", cmd_orders_current, common, help="คณะที่ปรึกษาที่อยู่ในวาระ / the committee in force", json=True
    )
    cu.add_argument("--date", help="วันที่ (พ.ศ.) เช่น 25/11/2568; ค่าเริ่มต้น วันนี้ / a B.E. date, default today")
    c = sub.add_parser("consultations", parents=[common], help="การให้คำปรึกษาด้านจริยธรรม / ethics consultations")
    csub = c.add_subparsers(dest="consultations_command", required=True)
    st = command(
        csub, "stats", cmd_consultations_stats, common, help="สถิติ (จำนวนเท่านั้น) / statistics, counts only", json=True
    )
    st.add_argument("--fy", type=int, required=True, help="ปีงบประมาณ พ.ศ. / B.E. fiscal year, e.g. 2569")


def _status(status: str, lang: str) -> str:
    from ethics_tui.model.committee import ORDER_STATUSES

    return ORDER_STATUSES[status][1 if lang == "en" else 0]


def cmd_orders_list(args) -> int:
    from ethics_tui.service import committee

    ctx = open_ctx(args)
    orders = committee.list_orders(ctx, args.status)
    lang = lang_of(args)
    if args.json:
        return print_json(
            [
                {
                    "id": o.id,
                    "number": o.number,
                    "year_be": o.year_be,
                    "status": o.status,
                    "subject": o.subject,
                    "order_date": o.order_date,
                    "term_start": o.term_start,
                    "term_end": o.term_end,
                    "members": len(o.members),
                    "supersedes": o.supersedes,
                }
                for o in orders
            ]
        )
    if not orders:
        say(args, "ยังไม่มีคำสั่ง", "No orders yet")
    for o in orders:
        term = f"{date_text(args, o.term_start, empty='-')} – {date_text(args, o.term_end, empty='-')}"
        print(f"{o.id:>4}  {o.ref:<10} {_status(o.status, lang):<14} {o.subject}  [{term}]")
    return 0


def cmd_orders_current(args) -> int:
    from ethics_tui.model.committee import ROLES_EN
    from ethics_tui.service import committee
    from ethics_tui.thai.dates import parse_date, today

    ctx = open_ctx(args)
    on = parse_date(args.date) if args.date else today()
    order = committee.in_force(ctx, on)
    lang = lang_of(args)
    if args.json:
        return print_json(
            None
            if order is None
            else {
                "order_id": order.id,
                "number": order.number,
                "year_be": order.year_be,
                "term_end": order.term_end,
                "members": [
                    {"name": x.name, "position": x.position, "role": x.role, "staff_id": x.staff_id}
                    for x in order.members
                ],
            }
        )
    if order is None:
        say(
            args,
            f"ไม่มีคณะที่ปรึกษาจริยธรรมที่อยู่ในวาระเมื่อ {date_text(args, on)}",
            f"No ethics committee was in force on {date_text(args, on)}",
        )
        return 1
    say(
        args,
        f"คำสั่งที่ {order.ref} วาระถึง {date_text(args, order.term_end, empty='-')}",
        f"Order {order.ref}, term ends {date_text(args, order.term_end, empty='-')}",
    )
    for x in order.members:
        role = ROLES_EN.get(x.role, x.role) if lang == "en" else x.role
        print(f"  {role:<20} {x.name}  ({x.position})")
    return 0


def cmd_consultations_stats(args) -> int:
    from ethics_tui.model.committee import CHANNELS, CONSULT_STATUSES
    from ethics_tui.service import committee_consultations
    from ethics_tui.thai.dates import MONTHS_ABBR, MONTHS_ABBR_EN

    ctx = open_ctx(args)
    s = committee_consultations.stats(ctx, args.fy)
    if args.json:
        return print_json(s)
    en = lang_of(args) == "en"
    say(
        args,
        f"การให้คำปรึกษาด้านจริยธรรม ปีงบประมาณ {args.fy}: รวม {s['total']} เรื่อง",
        f"Ethics consultations, fiscal year {args.fy}: {s['total']} in total",
    )
    print("  " + "  ".join(f"{(MONTHS_ABBR_EN if en else MONTHS_ABBR)[mo - 1]} {n}" for mo, n in s["months"]))
    for title, counts, labels in (
        ("ประเภทเรื่อง / categories", s["categories"], None),
        ("สถานะ / status", s["statuses"], CONSULT_STATUSES),
        ("ช่องทาง / channel", s["channels"], CHANNELS),
    ):
        print(title)
        for key, n in counts.items():
            print(f"  {n:>4}  {labels[key][1 if en else 0] if labels else key}")
    return 0
