"""What each register contributes to the yearly report: exact figures, references, checks.

One pass over each register's data per report. Figures come from the records only; when a
register holds nothing for the year the text says so plainly (never zeros dressed as activity).
Counts only: no requester, complainant or accused ever reaches the report.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from ethics_tui.model.report import Check, Facts
from ethics_tui.service.context import Context
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import fiscal_year_range, format_date


def _d(iso) -> str:
    return format_date(iso, "full") if iso else ""


def _period_end(fy: int, today: date) -> date:
    return min(fiscal_year_range(fy)[1], today)


# -- measure 6.1: the ethics advisory committee ---------------------------------------------
def committee(ctx: Context, fy: int, today: date) -> Facts:
    from ethics_tui.model import committee as cm
    from ethics_tui.service import committee as svc

    f = Facts()
    start, end = fiscal_year_range(fy)
    office = get_settings(ctx).office_name
    orders = svc._orders(ctx)
    by_id = {o.id: o for o in orders}
    spans = []
    for o in sorted(orders, key=lambda o: (o.term_start or "", o.number or 0)):
        span = svc._span(o, by_id)
        if not span or span[1] < start or span[0] > end:
            continue
        spans.append(span)
        f.summary.append(
            f"คำสั่ง{office} ที่ {o.ref} ลงวันที่ {_d(o.order_date)} เรื่อง {o.subject} "
            f"มีกรรมการ {len(o.members)} คน วาระ {_d(o.term_start)} ถึง {_d(o.term_end)}"
            + (" (ถูกแทนที่ด้วยคำสั่งใหม่)" if o.status == cm.SUPERSEDED else "")
            + (" (ยกเลิกแล้ว)" if o.status == cm.REVOKED else "")
        )
    # consultations: counts only (the requester is never read)
    rows = ctx.store.load().get(svc.CONSULTATIONS, {}).values()
    cats = Counter(
        r.get("category", "") for r in rows if start.isoformat() <= r.get("consulted_on", "") <= end.isoformat()
    )
    total = sum(cats.values())
    if total:
        parts = ", ".join(f"{c} {n} ครั้ง" for c, n in cats.most_common())
        f.summary.append(f"ให้คำปรึกษาด้านจริยธรรมแก่บุคลากร {total} ครั้ง ได้แก่ {parts} โดยปกปิดตัวผู้ขอคำปรึกษา")
    else:
        f.summary.append("ไม่มีบุคลากรขอคำปรึกษาด้านจริยธรรมในปีงบประมาณนี้")
    # readiness: a committee in force every day of the year (up to today)
    until = _period_end(fy, today)
    gaps, cursor = 0, start
    for s, e in sorted(spans):
        if s > cursor:
            gaps += (min(s, until + timedelta(days=1)) - cursor).days
        cursor = max(cursor, e + timedelta(days=1))
        if cursor > until:
            break
    if cursor <= until:
        gaps += (until - cursor).days + 1
    days = (until - start).days + 1
    # a year not over yet: "of the year" would read as the whole year's figure
    of_year = ("วันของปี", "of the year") if until == end else (f"วันนับแต่ต้นปีถึงวันที่ {_d(until)}", "so far")
    if not spans:
        f.summary.insert(0, "ไม่มีคำสั่งแต่งตั้งคณะที่ปรึกษาทางจริยธรรมที่มีผลในปีงบประมาณนี้")
        f.checks.append(
            Check(
                "committee",
                "red",
                "ไม่มีคำสั่งแต่งตั้งคณะที่ปรึกษาทางจริยธรรมที่มีผลในปีนี้",
                "No ethics committee order in force this year",
                "committee",
            )
        )
        f.results.append("ยังไม่มีคณะที่ปรึกษาทางจริยธรรมปฏิบัติหน้าที่ในปีงบประมาณนี้")
    elif gaps:
        f.checks.append(
            Check(
                "committee",
                "amber",
                f"ไม่มีคณะที่ปรึกษาจริยธรรมที่มีผล {gaps} วันจาก {days} {of_year[0]}",
                f"No committee in force on {gaps} of {days} days {of_year[1]}",
                "committee",
            )
        )
        of_fy = "วันของปีงบประมาณ" if until == end else of_year[0]
        f.results.append(f"มีคณะที่ปรึกษาทางจริยธรรมปฏิบัติหน้าที่ {days - gaps} วันจาก {days} {of_fy}")
    else:
        f.checks.append(
            Check(
                "committee",
                "green",
                "มีคำสั่งคณะที่ปรึกษาจริยธรรมที่มีผลตลอดปี" if until == end else "มีคำสั่งคณะที่ปรึกษาจริยธรรมที่มีผลทุกวันถึงวันนี้",
                "A committee order was in force all year"
                if until == end
                else "A committee order in force every day so far",
                "committee",
            )
        )
        whole = "ตลอดปีงบประมาณ" if until == end else f"ทุกวันนับแต่ต้นปีงบประมาณถึงวันที่ {_d(until)}"
        f.results.append(f"มีคณะที่ปรึกษาทางจริยธรรมปฏิบัติหน้าที่{whole} บุคลากรขอคำปรึกษาได้โดยได้รับการรักษาความลับ")
    return f


# -- measure 6.2 and 6.3: announcements and circulars ---------------------------------------
def _notices(ctx: Context):
    from ethics_tui.service import notices

    return [n for n in notices.list_notices(ctx) if n.published]


def _in_fy(iso: str, fy: int) -> bool:
    start, end = fiscal_year_range(fy)
    return bool(iso) and start.isoformat() <= iso[:10] <= end.isoformat()


def dos_donts(ctx: Context, fy: int, today: date) -> Facts:
    from ethics_tui.model.notices import CHANNELS
    from ethics_tui.service import notices_acks

    f = Facts()
    office = get_settings(ctx).office_name
    items = [n for n in _notices(ctx) if n.kind == "announcement"]
    this_year = [n for n in items if _in_fy(n.dated or n.issued_on, fy)]
    for n in this_year:
        chans = ", ".join(
            f"{CHANNELS.get(c.get('channel'), (c.get('channel'), ''))[0]} ({format_date(c.get('date'), 'abbr')})"
            for c in n.channels
        )
        f.summary.append(
            f"ประกาศ{office} เรื่อง {n.title} ลงวันที่ {_d(n.dated)} กำหนดสิ่งที่ควรปฏิบัติ {len(n.dos)} ข้อ "
            f"และสิ่งที่ไม่ควรปฏิบัติ {len(n.donts)} ข้อ" + (f" เผยแพร่ทาง {chans}" if chans else " (ยังไม่ได้บันทึกช่องทางเผยแพร่)")
        )
        cov = notices_acks._coverage(ctx, n, False)
        if cov.total:
            f.results.append(f"บุคลากรรับทราบประกาศ {cov.done} จาก {cov.total} คน (ร้อยละ {cov.percent:.1f})")
    if this_year:
        status = "green" if all(n.channels for n in this_year) else "amber"
        th = "ประกาศ Dos & Don'ts แล้วในปีนี้" + ("" if status == "green" else " แต่ยังไม่ได้บันทึกช่องทางเผยแพร่")
        f.checks.append(
            Check(
                "dos_donts",
                status,
                th,
                "Dos & Don'ts published this year"
                + ("" if status == "green" else " (no publication channel recorded)"),
                "notices",
            )
        )
    else:
        older = [n for n in items if not n.replaced_by]
        f.summary.append(
            "ไม่มีประกาศแนวทางปฏิบัติ Dos & Don'ts ที่ลงนามในปีงบประมาณนี้"
            + (f" (ประกาศที่ใช้อยู่ลงวันที่ {_d(older[-1].dated)})" if older else "")
        )
        f.checks.append(
            Check(
                "dos_donts",
                "amber" if older else "red",
                "ยังไม่ได้ประกาศ Dos & Don'ts ในปีนี้" + (" (ยังใช้ฉบับเดิม)" if older else ""),
                "No Dos & Don'ts published this year" + (" (an older one is in force)" if older else ""),
                "notices",
            )
        )
    return f


def codes(ctx: Context, fy: int, today: date) -> Facts:
    from ethics_tui.service import notices, notices_acks

    f = Facts()
    circulars = [
        n
        for n in _notices(ctx)
        if n.kind == "circular" and (_in_fy(n.issued_on or n.dated, fy) or (n.standing and not n.replaced_by))
    ]
    done_all = True
    for n in circulars:
        cov = notices_acks._coverage(ctx, n, False)
        f.summary.append(f"หนังสือเวียน{notices.number_text(ctx, n)} ลงวันที่ {_d(n.dated)} เรื่อง {n.title}")
        f.results.append(
            f"{notices.number_text(ctx, n)}: รับทราบ {cov.done} จาก {cov.total} คน (ร้อยละ {cov.percent:.1f})"
        )
        if cov.done < cov.total:
            done_all = False
            f.checks.append(
                Check(
                    f"codes-{n.id}",
                    "amber",
                    f"หนังสือเวียน {notices.number_text(ctx, n)} รับทราบแล้วร้อยละ {cov.percent:.1f} (ค้าง {cov.pending_count} คน)",
                    f"Circular {notices.number_text(ctx, n)}: {cov.percent:.1f}% acknowledged ({cov.pending_count} pending)",
                    "notices",
                )
            )
    if not circulars:
        f.summary.append("ไม่มีหนังสือเวียนแจ้งประมวลจริยธรรมในปีงบประมาณนี้")
        f.results.append("ยังไม่มีหลักฐานการรับทราบประมวลจริยธรรมของบุคลากรในปีนี้")
        f.checks.append(
            Check(
                "codes",
                "red",
                "ยังไม่ได้แจ้งเวียนประมวลจริยธรรมในปีนี้",
                "The codes of ethics were not circulated this year",
                "notices",
            )
        )
    elif done_all:
        f.checks.append(
            Check(
                "codes",
                "green",
                "บุคลากรรับทราบประมวลจริยธรรมครบร้อยละ 100 ทุกฉบับ",
                "Every code-of-ethics circular is 100% acknowledged",
                "notices",
            )
        )
    return f


# -- measure 6.4: appraisal ----------------------------------------------------------------
def appraisal(ctx: Context, fy: int, today: date) -> Facts:
    from ethics_tui.model.appraisal import AppraisalResult, AppraisalRound, Grievance
    from ethics_tui.service import appraisal as svc

    f = Facts()
    data = ctx.store.load()
    rounds = {r: None for r in (1, 2)}
    for k, d in data.get(svc.ROUNDS, {}).items():
        rnd = AppraisalRound.from_doc(int(k), d)
        if rnd.fiscal_year == fy:
            rounds[rnd.round_no] = rnd
    results = [AppraisalResult.from_doc(int(k), d) for k, d in data.get(svc.RESULTS, {}).items()]
    grievances = [Grievance.from_doc(int(k), d) for k, d in data.get(svc.GRIEVANCES, {}).items()]
    for no, rnd in rounds.items():
        if rnd is None:
            from ethics_tui.model.appraisal import round_period

            if today < round_period(fy, no)[0]:  # judged against its own calendar: not begun yet
                f.summary.append(f"รอบที่ {no}: ยังไม่ถึงรอบการประเมิน")
                continue
            due = fiscal_year_range(fy)[0] + timedelta(days=182 * no)
            late = today > due
            f.summary.append(f"รอบที่ {no}: ไม่มีข้อมูลการประเมินในทะเบียน")
            f.checks.append(
                Check(
                    f"appraisal-{no}",
                    "red" if late else "amber",
                    f"ยังไม่มีการประเมินรอบที่ {no} ของปีงบประมาณ {fy}",
                    f"Appraisal round {no} of FY {fy} is not recorded",
                    "appraisal",
                )
            )
            continue
        mine = [r for r in results if r.round_id == rnd.id]
        stages = Counter(r.stage for r in mine)
        notified = sum(1 for r in mine if r.notified_on)
        g = [x for x in grievances if x.round_id == rnd.id]
        s, e = rnd.period()
        f.summary.append(
            f"รอบที่ {no} ({format_date(s, 'abbr')} – {format_date(e, 'abbr')}): ผู้รับการประเมิน {len(mine)} คน "
            f"แจ้งผลแล้ว {notified} คน ลงนามรับทราบ {stages['signed']} คน ไม่ยอมลงนาม (มีพยานลงนาม) "
            f"{stages['refused']} คน รอลงนาม {stages['awaiting']} คน ยื่นร้องทุกข์ {len(g)} เรื่อง"
        )
        levels = ", ".join(f"{lvl} {int(rnd.tally.get(lvl, 0))} คน" for lvl, _ in rnd.bands)
        f.results.append(f"รอบที่ {no}: ผลการประเมิน {levels}")
        if rnd.criteria_published:
            f.results.append(f"รอบที่ {no}: ประกาศหลักเกณฑ์เมื่อ {_d(rnd.criteria_published)}")
        pending = stages["unscored"] + stages["unnotified"] + stages["awaiting"]
        if rnd.status == "open" or pending:
            f.checks.append(
                Check(
                    f"appraisal-{no}",
                    "amber",
                    f"การประเมินรอบที่ {no}: ยังแจ้งผลหรือรอลงนามอีก {pending} คน",
                    f"Appraisal round {no}: {pending} result(s) not yet notified or acknowledged",
                    "appraisal",
                )
            )
        else:
            f.checks.append(
                Check(
                    f"appraisal-{no}",
                    "green",
                    f"การประเมินรอบที่ {no}: แจ้งผลครบ ทุกคนลงนามหรือมีพยานลงนาม",
                    f"Appraisal round {no}: all notified and acknowledged or witnessed",
                    "appraisal",
                )
            )
    return f


# -- measure 6.5: fair selection for training ---------------------------------------------
def training(ctx: Context, fy: int, today: date) -> Facts:
    from ethics_tui.model.training import REJECT_REASONS
    from ethics_tui.service import training as svc
    from ethics_tui.service import training_stats

    f = Facts()
    opps = svc.list_opportunities(ctx, fy)
    noms = svc.list_nominations(ctx, fy=fy)
    st = training_stats.headline(ctx, fy)
    if not opps:
        f.summary.append("ไม่มีการบันทึกโอกาสฝึกอบรม ศึกษาดูงาน หรือทุนการศึกษาในปีงบประมาณนี้")
    else:
        kinds = Counter(o.kind for o in opps)
        f.summary.append("โอกาสพัฒนาบุคลากร " + ", ".join(f"{k} {n} รายการ" for k, n in kinds.items()))
    withdrawn = sum(1 for n in noms if n.withdrawn)
    approved = sum(1 for n in noms if n.decision == "approved" and not n.withdrawn)
    rejected = [n for n in noms if n.decision == "rejected"]
    undecided = [n for n in noms if not n.decision and not n.withdrawn]
    if noms:
        reasons = Counter(n.reject_code for n in rejected)
        why = ", ".join(f"{REJECT_REASONS.get(c, (c, ''))[0]} {k} คน" for c, k in reasons.most_common())
        f.summary.append(
            f"ผู้อำนวยการกองเสนอชื่อ {len(noms)} ราย ผู้บริหารอนุมัติ {approved} ราย ไม่อนุมัติ {len(rejected)} ราย"
            + (f" (เหตุผล: {why})" if why else "")
            + (f" รอพิจารณา {len(undecided)} ราย" if undecided else "")
            + (f" ถอนการเสนอชื่อ {withdrawn} ราย" if withdrawn else "")
        )
        f.results.append(
            f"บุคลากรได้รับโอกาสพัฒนา {st.with_opportunity} จาก {st.staff_total} คน (ร้อยละ {100 * st.share:.1f}) "
            f"ยังไม่เคยได้รับคัดเลือก {st.never_selected_count} คน"
        )
    for title, when, staff_n, outside in st.ethics_events:
        f.summary.append(f"{title} วันที่ {_d(when)} ผู้เข้าร่วมเป็นบุคลากร {staff_n} คน บุคคลภายนอก {outside} คน")
    if st.open_questions:
        f.results.append(f"มีคำถามเรื่องการไม่ได้รับคัดเลือกที่ยังไม่ได้ตอบ {st.open_questions} เรื่อง")
    # readiness: selections reasoned, and an ethics-related training held
    if not noms:
        f.checks.append(
            Check(
                "training",
                "amber",
                "ยังไม่มีการคัดเลือกบุคลากรเข้ารับการอบรมในปีนี้",
                "No training selection recorded this year",
                "training",
            )
        )
    elif undecided or st.open_questions:
        th = [f"รอผู้บริหารพิจารณา {len(undecided)} ราย"] if undecided else []
        en = [f"{len(undecided)} awaiting a decision"] if undecided else []
        if st.open_questions:
            th.append(f"คำถามเรื่องการไม่ได้รับคัดเลือกค้างตอบ {st.open_questions} เรื่อง")
            en.append(f"{st.open_questions} unanswered non-selection question(s)")
        f.checks.append(
            Check("training", "amber", "การคัดเลือก: " + " ".join(th), "Selection: " + ", ".join(en), "training")
        )
    else:
        f.checks.append(
            Check(
                "training",
                "green",
                "การคัดเลือกทุกรายมีผลพิจารณาพร้อมเหตุผล",
                "Every selection has a reasoned decision",
                "training",
            )
        )
    ethics = [o for o in opps if o.ethics]
    if st.ethics_events or any(n.decision == "approved" and n.opportunity_id in {o.id for o in ethics} for n in noms):
        f.checks.append(
            Check(
                "ethics-training",
                "green",
                "มีการอบรมด้านจริยธรรม/ต่อต้านการทุจริตในปีนี้",
                "Ethics / anti-corruption training was held this year",
                "training",
            )
        )
    else:
        f.checks.append(
            Check(
                "ethics-training",
                "red",
                "ยังไม่มีการอบรมด้านจริยธรรม/ต่อต้านการทุจริตในปีนี้",
                "No ethics / anti-corruption training this year",
                "training",
            )
        )
    return f


# -- measure 7: complaints ------------------------------------------------------------------
def complaints(ctx: Context, fy: int, today: date) -> Facts:
    from ethics_tui.service import complaints as svc

    f = Facts()
    year = svc.stats(ctx, fy, half=False)
    half = svc.stats(ctx, fy, half=True)
    f.summary.append(svc.statement(half))
    f.summary.append(svc.statement(year))
    if year.received:
        chans = ", ".join(f"{c} {n} เรื่อง" for c, n in year.by_channel.items() if n)
        f.summary.append(f"ช่องทางที่ได้รับ: {chans}")
        f.results.append(
            f"ดำเนินการแล้วเสร็จ {year.finished} เรื่อง อยู่ระหว่างดำเนินการ {year.in_progress} เรื่อง "
            "โดยปกปิดชื่อผู้ร้องเรียนและแจ้งผลแก่ผู้ร้องเรียนเมื่อดำเนินการแล้วเสร็จ"
        )
    else:
        f.results.append("ไม่มีเรื่องร้องเรียนในปีงบประมาณนี้ ช่องทางร้องเรียนทุกช่องทางยังเปิดให้บริการ")
    # readiness: the half-year statistics were produced (exported) once the half year ended
    half_end = date(fiscal_year_range(fy)[0].year + 1, 3, 31)
    produced = any(
        e.get("action") == "export-pdf" and e.get("kind") == "complaint-stats" and str(e.get("id")) == f"{fy}-H1"
        for e in ctx.store.audit.entries()
    )
    if produced:
        f.checks.append(
            Check(
                "complaint-stats",
                "green",
                "จัดทำสถิติเรื่องร้องเรียนรอบ 6 เดือนแล้ว",
                "Half-year complaint statistics produced",
                "complaints",
            )
        )
    elif today > half_end:
        f.checks.append(
            Check(
                "complaint-stats",
                "amber",
                "ยังไม่ได้จัดทำสถิติเรื่องร้องเรียนรอบ 6 เดือน",
                "Half-year complaint statistics not produced yet",
                "complaints",
            )
        )
    else:
        f.checks.append(
            Check(
                "complaint-stats",
                "green",
                f"สถิติรอบ 6 เดือนยังไม่ถึงกำหนด (หลัง {format_date(half_end, 'abbr')})",
                f"Half-year statistics not due yet (after {format_date(half_end, 'abbr', lang='en')})",
                "complaints",
            )
        )
    return f


def sources() -> dict:
    """Report activity key -> the function giving its facts, as the register specs name them
    (``report_facts``), in the order of ``model.report.ACTIVITIES``."""
    from ethics_tui.model.report import ACTIVITIES
    from ethics_tui.registers import resolve, specs

    named = {key: fn for spec in specs() for key, fn in spec.report_facts.items()}
    return {a.key: resolve(named[a.key]) for a in ACTIVITIES if a.key in named}


def collect(ctx: Context, fy: int, today: date | None = None) -> dict[str, Facts]:
    today = today or date.today()
    return {key: fn(ctx, fy, today) for key, fn in sources().items()}
