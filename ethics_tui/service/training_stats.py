"""Training selection, the computed side: budget lines, the rule checks of a nomination, the
year-end statistics and the memo rows. Split from :mod:`ethics_tui.service.training`; callers
import these names from here."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from ethics_tui.model.staff import Staff
from ethics_tui.model.training import (
    APPROVED,
    ATTENDED,
    COMPLETED,
    REJECT_REASONS,
    REJECTED,
    Budget,
    Nomination,
    Opportunity,
)
from ethics_tui.service.context import Context
from ethics_tui.service.people import division_docs
from ethics_tui.service.training import (
    BUDGETS,
    CONFIG,
    DEFAULT_CONFIG,
    NOMS,
    OPPS,
    Check,
    _data,
    _rows,
    config,
    list_nominations,
    list_questions,
    staff_map,
)
from ethics_tui.thai.collate import sorted_thai


# -- budget and checks ----------------------------------------------------------------------
@dataclass
class BudgetLine:
    division_id: int  # 0 = office-wide
    amount: float | None  # None = no budget recorded
    committed: float
    spent: float

    @property
    def remaining(self) -> float | None:
        return None if self.amount is None else round(self.amount - self.committed, 2)


def _parse(ctx: Context, data: dict) -> tuple[dict, dict, dict, dict]:
    """(budgets, opportunities, staff, nominations) of the data, parsed once per call site."""
    return (_rows(data, BUDGETS, Budget), _rows(data, OPPS, Opportunity), staff_map(ctx), _rows(data, NOMS, Nomination))


def _budget_line(
    ctx: Context,
    data: dict,
    fy: int,
    division_id: int,
    exclude: int | None = None,
    parsed: tuple[dict, dict, dict, dict] | None = None,
) -> BudgetLine:
    scope = {**DEFAULT_CONFIG, **data.get(CONFIG, {}).get("1", {})}["budget_scope"]
    div = division_id if scope == "division" else 0
    all_budgets, opps, staff, noms = parsed or _parse(ctx, data)
    budgets = [b for b in all_budgets.values() if b.fiscal_year == fy and b.division_id == div]
    committed = spent = 0.0
    for n in noms.values():
        o = opps.get(n.opportunity_id)
        if o is None or o.fiscal_year != fy or not n.selected or n.id == exclude:
            continue
        if div and staff.get(n.staff_id, None) and staff[n.staff_id].division_id != div:
            continue
        committed += n.cost_for(o)
        spent += n.cost_for(o) if n.outcome in (ATTENDED, COMPLETED) else 0.0
    return BudgetLine(div, budgets[0].amount if budgets else None, round(committed, 2), round(spent, 2))


def budget_lines(ctx: Context, fy: int) -> list[BudgetLine]:
    data = _data(ctx)
    if config(ctx)["budget_scope"] == "office":
        return [_budget_line(ctx, data, fy, 0)]
    divs = sorted(int(k) for k in division_docs(ctx))
    parsed = _parse(ctx, data)  # once, not once per division
    return [_budget_line(ctx, data, fy, d, parsed=parsed) for d in divs]


def _money(v: float) -> str:
    return f"{v:,.2f}"


def _selections(data: dict) -> dict[int, list[tuple[int, int]]]:
    """staff id -> [(fiscal year, nomination id)] of their selections (not in-house attendance)."""
    opps = _rows(data, OPPS, Opportunity)
    out: dict[int, list[tuple[int, int]]] = {}
    for n in _rows(data, NOMS, Nomination).values():
        if n.selected and n.opportunity_id in opps:
            out.setdefault(n.staff_id, []).append((opps[n.opportunity_id].fiscal_year, n.id))
    return out


def checks(ctx: Context, nom: Nomination) -> list[Check]:
    """The rule checks of one nomination, computed from the stored data. They never block."""
    data = _data(ctx)
    opps, staff, noms = _rows(data, OPPS, Opportunity), staff_map(ctx), _rows(data, NOMS, Nomination)
    opp = opps.get(nom.opportunity_id)
    person = staff.get(nom.staff_id)
    if opp is None or person is None or nom.withdrawn:  # a withdrawn nomination asks for nothing
        return []
    fy, out = opp.fiscal_year, []
    # 1. the same course key in the same fiscal year, approved or attended (or in-house attendance)
    same = [
        o
        for n in noms.values()
        if n.staff_id == nom.staff_id and n.id != nom.id and n.selected
        for o in [opps.get(n.opportunity_id)]
        if o and o.key == opp.key and o.fiscal_year == fy
    ]
    same += [
        o
        for o in opps.values()
        if o.in_house and o.id != opp.id and nom.staff_id in o.attendees and o.key == opp.key and o.fiscal_year == fy
    ]
    if same:
        out.append(
            Check(
                "same_course",
                "warn",
                f"ได้รับอนุมัติ/เข้ารับการอบรมหลักสูตรเดียวกันแล้วในปีงบประมาณ {fy}",
                f"already approved for or attended the same course in FY {fy}",
            )
        )
    # 2. the cost against the remaining budget
    line = _budget_line(ctx, data, fy, person.division_id, exclude=nom.id)
    cost = nom.cost_for(opp)
    if cost and line.amount is None:
        out.append(
            Check("no_budget", "hint", f"ยังไม่ได้บันทึกงบประมาณฝึกอบรมปี {fy}", f"no training budget recorded for FY {fy}")
        )
    elif cost and cost > line.remaining:
        out.append(
            Check(
                "budget",
                "warn",
                f"ค่าใช้จ่าย {_money(cost)} บาท เกินงบคงเหลือ {_money(line.remaining)} บาท",
                f"cost {_money(cost)} exceeds the remaining budget {_money(line.remaining)}",
            )
        )
    # 3. more nominations than seats
    live = [n for n in noms.values() if n.opportunity_id == opp.id and n.decision != REJECTED and not n.withdrawn]
    if opp.seats and len(live) > opp.seats:
        out.append(
            Check(
                "seats",
                "warn",
                f"เสนอชื่อ {len(live)} คน มีที่นั่ง {opp.seats} ที่",
                f"{len(live)} nominations for {opp.seats} seats",
            )
        )
    # 4. this year's count against the division median (a fairness hint)
    sel = _selections(data)
    count = lambda sid: sum(1 for y, i in sel.get(sid, []) if y == fy and i != nom.id)
    peers = [count(s.id) for s in staff.values() if s.active and s.division_id == person.division_id]
    mine, mid = count(person.id), median(peers) if peers else 0
    level = "hint" if mine > mid else "ok"
    out.append(
        Check(
            "fairness",
            level,
            f"ปีนี้ได้รับคัดเลือกแล้ว {mine} ครั้ง (มัธยฐานของกอง {mid:g})",
            f"already selected {mine} time(s) this year (division median {mid:g})",
        )
    )
    # 5. never selected in the last N years (a priority hint)
    years = int(config(ctx)["priority_years"])
    if not any(fy - years <= y < fy for y, _i in sel.get(person.id, [])):
        out.append(
            Check(
                "priority",
                "hint",
                f"ไม่เคยได้รับคัดเลือกในรอบ {years} ปีที่ผ่านมา (ควรพิจารณาเป็นลำดับแรก)",
                f"not selected in the last {years} years (priority)",
            )
        )
    return out


# -- year end -------------------------------------------------------------------------------
@dataclass
class Group:
    name: str
    staff: int = 0
    participants: int = 0  # people with at least one opportunity
    selections: int = 0
    cost: float = 0.0  # committed
    spent: float = 0.0


@dataclass
class Stats:
    fiscal_year: int
    staff_total: int
    with_opportunity: int
    went: list[tuple[str, str, str, str, str]]  # name, division, opportunity, kind, status
    by_division: list[Group]
    by_type: list[Group]
    by_level: list[Group]
    never_selected: list[tuple[str, str, str]]  # name, position, division
    rejections: dict[str, int]  # reason label (th) -> count
    rejection_list: list[tuple[str, str, str]]  # name, opportunity, reason
    ethics_events: list[tuple[str, str, int, int]]  # title, date, staff, outside
    budget: list[BudgetLine] = field(default_factory=list)
    open_questions: int = 0
    #: withdrawn nominations: name, opportunity, stage (before the decision / after approval),
    #: reason (its label: the free text stays in the register)
    withdrawals: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.with_opportunity / self.staff_total if self.staff_total else 0.0


def _ethics_events(opps: dict, noms: list) -> list[tuple]:
    events = [
        (
            o.title,
            o.start_date,
            len(o.attendees) if o.in_house else sum(1 for n in noms if n.opportunity_id == o.id and n.selected),
            o.outside_count,
        )
        for o in opps.values()
        if o.ethics
    ]
    return sorted(events, key=lambda e: e[1])


def ethics_events(ctx: Context, fy: int) -> list[tuple]:
    """``stats(ctx, fy).ethics_events`` (title, start date, staff, outsiders of each ethics
    training of the year) without reading the staff."""
    data = _data(ctx)
    opps = {k: o for k, o in _rows(data, OPPS, Opportunity).items() if o.fiscal_year == fy}
    return _ethics_events(opps, [n for n in _rows(data, NOMS, Nomination).values() if n.opportunity_id in opps])


@dataclass
class Headline:
    """The counts of ``Stats`` that the report's facts and the readiness panel show."""

    staff_total: int
    with_opportunity: int
    never_selected_count: int
    ethics_events: list[tuple[str, str, int, int]]
    open_questions: int

    share = Stats.share


def headline(ctx: Context, fy: int) -> Headline:
    """``stats`` reduced to its counts, from the active staff ids alone (no staff records)."""
    from ethics_tui.service.people import staff_activity

    data = _data(ctx)
    opps = {k: o for k, o in _rows(data, OPPS, Opportunity).items() if o.fiscal_year == fy}
    noms = [n for n in _rows(data, NOMS, Nomination).values() if n.opportunity_id in opps]
    active = staff_activity(ctx)[0]
    selected_ids = {n.staff_id for n in noms if n.selected}
    attended = {a for o in opps.values() if o.in_house for a in o.attendees}
    return Headline(
        len(active),
        len(active & (selected_ids | attended)),
        len(active - selected_ids),
        _ethics_events(opps, noms),
        sum(1 for _ in list_questions(ctx, open_only=True)),
    )


def stats(ctx: Context, fy: int, lang: str = "th") -> Stats:
    """Fairness statistics of fiscal year ``fy`` (B.E.) over the active staff."""
    data = _data(ctx)
    pick = 1 if lang == "en" else 0
    opps = {k: o for k, o in _rows(data, OPPS, Opportunity).items() if o.fiscal_year == fy}
    noms = [n for n in _rows(data, NOMS, Nomination).values() if n.opportunity_id in opps]
    everyone = staff_map(ctx)
    staff = {k: s for k, s in everyone.items() if s.active}
    divs = {int(k): v.get("name", "") for k, v in division_docs(ctx).items()}
    selected_ids = {n.staff_id for n in noms if n.selected}
    attended = {a for o in opps.values() if o.in_house for a in o.attendees}
    groups: dict[str, dict[str, Group]] = {"div": {}, "type": {}, "level": {}}
    none_level = ("ไม่มีระดับ (ลูกจ้าง/พนักงานจ้าง)", "no level (employees)")[pick]
    keys = lambda s: {"div": divs.get(s.division_id, "-"), "type": s.staff_type, "level": s.level or none_level}
    for s in staff.values():
        for g, name in keys(s).items():
            grp = groups[g].setdefault(name, Group(name))
            grp.staff += 1
            grp.participants += s.id in selected_ids or s.id in attended
    went, rejections, rejection_list, withdrawals = [], {}, [], []
    for n in sorted(noms, key=lambda n: (opps[n.opportunity_id].start_date, n.id)):
        o, s = opps[n.opportunity_id], everyone.get(n.staff_id)
        name = s.full_name if s else f"#{n.staff_id}"
        if n.withdrawn:
            stage = (("หลังอนุมัติ", "after approval") if n.decision == APPROVED else ("ก่อนพิจารณา", "before the decision"))[
                pick
            ]
            withdrawals.append((name, o.title, stage, n.withdraw_reason(lang, text=False)))
        elif n.decision == APPROVED:
            went.append(
                (
                    name,
                    divs.get(s.division_id, "-") if s else "-",
                    o.title,
                    o.kind,
                    ("อนุมัติ", "approved")[pick] if not n.outcome else n.outcome,
                )
            )
            if n.selected and s and s.active:
                for g, gname in keys(s).items():
                    grp = groups[g][gname]
                    grp.selections += 1
                    grp.cost += n.cost_for(o)
                    grp.spent += n.cost_for(o) if n.outcome in (ATTENDED, COMPLETED) else 0.0
        elif n.decision == REJECTED:
            label = REJECT_REASONS.get(n.reject_code, REJECT_REASONS["other"])[pick]
            rejections[label] = rejections.get(label, 0) + 1
            rejection_list.append((name, o.title, n.reject_reason(lang)))
    from ethics_tui.model.training import STATUS_LABELS

    went = [(a, b, c, d, STATUS_LABELS.get(e, (e, e))[pick] if e in STATUS_LABELS else e) for a, b, c, d, e in went]
    never = [
        (s.full_name, s.position, divs.get(s.division_id, "-"))
        for s in sorted_thai(
            (s for s in staff.values() if s.id not in selected_ids),
            lambda s: (divs.get(s.division_id, "-"), s.first_name, s.last_name),
        )
    ]
    order = lambda g: sorted(g.values(), key=lambda x: (-x.staff, x.name))
    return Stats(
        fy,
        len(staff),
        len(staff.keys() & (selected_ids | attended)),
        went,
        order(groups["div"]),
        order(groups["type"]),
        order(groups["level"]),
        never,
        rejections,
        rejection_list,
        _ethics_events(opps, noms),
        budget_lines(ctx, fy),
        sum(1 for q in list_questions(ctx, open_only=True)),
        withdrawals,
    )


@dataclass
class MemoRow:
    nomination: Nomination
    name: str
    position: str
    division: str
    nominated_by: str
    checks: list[Check]


def memo_rows(ctx: Context, opp_id: int) -> list[MemoRow]:
    """One opportunity's nominations with names resolved and their checks, for the memo."""
    staff = staff_map(ctx)  # checks training.read
    divs = {int(k): v.get("name", "") for k, v in division_docs(ctx).items()}
    out = []
    for n in list_nominations(ctx, opp_id):
        s, by = staff.get(n.staff_id), staff.get(n.nominated_by)
        out.append(
            MemoRow(
                n,
                s.full_name if s else "-",
                position_text(s) if s else "",
                divs.get(s.division_id, "") if s else "",
                by.full_name if by else "-",
                checks(ctx, n),
            )
        )
    return out


LINE_LEVELS = ("ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส")


def position_text(s: Staff) -> str:
    """ "นักทรัพยากรบุคคลชำนาญการ": a line level joins the position as Thai documents write it."""
    from ethics_tui.pdf.names import position_with_level

    return position_with_level(s.position, s.level)
