"""Fair selection for training, study visits and scholarships (measure 6, step 5).

Division directors nominate, HR forwards, the executive approves or rejects with a reason.
Each nomination shows computed rule checks; they inform and never block. At year end anyone
can show who went where, the cost by division, who was never selected and why each rejection
happened (:func:`stats`). Tables live in main.json; every change is one transaction with an
audit entry that names fields only.

Definitions used throughout:
- *selected* = approved and not recorded as absent (a nomination); in-house attendance is an
  *opportunity* too, but not a *selection* (everyone attends the office's own lecture).
- *committed* = cost of approved nominations not recorded absent; *spent* = cost of those
  recorded attended / completed. In-house projects have their own budget-ordinance line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from statistics import median

from ethics_tui.errors import ConflictError, NotFoundError, ValidationError
from ethics_tui.model.staff import Staff
from ethics_tui.model.training import (
    ABSENT,
    APPROVED,
    ATTENDED,
    COMPLETED,
    REJECT_REASONS,
    REJECTED,
    Budget,
    Nomination,
    Opportunity,
    Question,
)
from ethics_tui.service.access import ALL, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import fiscal_year

OPPS, NOMS, BUDGETS, QUESTIONS, CONFIG = (
    "training_opportunities", "training_nominations", "training_budgets", "training_questions", "training_config")
DEFAULT_CONFIG = {"budget_scope": "office", "priority_years": 3}

register_permissions(
    {"training.read": ALL, "training.write": ("hr",), "training.decide": ("executive",)},
    {
        "training.read": ("ดูการคัดเลือกฝึกอบรม/ศึกษาดูงาน/ทุน", "view training selection"),
        "training.write": ("บันทึกการคัดเลือกฝึกอบรม/ศึกษาดูงาน/ทุน", "record training selection"),
        "training.decide": ("อนุมัติหรือไม่อนุมัติการเสนอชื่อ", "approve or reject nominations"),
    },
)


@dataclass
class Check:
    code: str  # same_course, budget, seats, fairness, priority, no_budget
    level: str  # "warn" (a rule is hit), "hint" (fairness information), "ok"
    th: str
    en: str

    def text(self, lang: str = "th") -> str:
        return self.en if lang == "en" else self.th


# -- reading --------------------------------------------------------------------------------
def _data(ctx: Context) -> dict:
    require(ctx, "training.read")
    return ctx.store.load()


def _rows(data: dict, table: str, cls):
    return {int(k): cls.from_doc(int(k), v) for k, v in data.get(table, {}).items()}


def _staff(data: dict) -> dict[int, Staff]:
    return _rows(data, "staff", Staff)


def config(ctx: Context) -> dict:
    return {**DEFAULT_CONFIG, **_data(ctx).get(CONFIG, {}).get("1", {})}


def staff_map(ctx: Context) -> dict[int, Staff]:
    return _staff(_data(ctx))


def list_opportunities(ctx: Context, fy: int | None = None) -> list[Opportunity]:
    out = [o for o in _rows(_data(ctx), OPPS, Opportunity).values() if fy is None or o.fiscal_year == fy]
    return sorted(out, key=lambda o: (o.start_date, o.id or 0))


def fiscal_years(ctx: Context) -> list[int]:
    return sorted({o.fiscal_year for o in list_opportunities(ctx)})


def get_opportunity(ctx: Context, opp_id: int) -> Opportunity:
    doc = _data(ctx).get(OPPS, {}).get(str(opp_id))
    if doc is None:
        raise NotFoundError(f"ไม่พบโอกาสฝึกอบรมรหัส {opp_id}", f"No opportunity {opp_id}")
    return Opportunity.from_doc(opp_id, doc)


def list_nominations(ctx: Context, opportunity_id: int | None = None, fy: int | None = None) -> list[Nomination]:
    data = _data(ctx)
    opps = _rows(data, OPPS, Opportunity)
    out = [n for n in _rows(data, NOMS, Nomination).values()
           if (opportunity_id is None or n.opportunity_id == opportunity_id)
           and (fy is None or (n.opportunity_id in opps and opps[n.opportunity_id].fiscal_year == fy))]
    return sorted(out, key=lambda n: (n.opportunity_id, n.nominated_on, n.id or 0))


def get_nomination(ctx: Context, nom_id: int) -> Nomination:
    doc = _data(ctx).get(NOMS, {}).get(str(nom_id))
    if doc is None:
        raise NotFoundError(f"ไม่พบการเสนอชื่อรหัส {nom_id}", f"No nomination {nom_id}")
    return Nomination.from_doc(nom_id, doc)


def list_questions(ctx: Context, open_only: bool = False) -> list[Question]:
    out = [q for q in _rows(_data(ctx), QUESTIONS, Question).values() if not (open_only and q.answered)]
    return sorted(out, key=lambda q: (q.answered, q.asked_on, q.id or 0))


# -- writing --------------------------------------------------------------------------------
def _conflict(what: str) -> ConflictError:
    return ConflictError(f"มีผู้อื่นแก้ไข{what}นี้ไปก่อนแล้ว โปรดเปิดใหม่แล้วแก้ไขอีกครั้ง",
                         "Someone else changed this record meanwhile; reopen it and try again.")


def _save(ctx: Context, table: str, kind: str, rec, what: str, action: str | None = None):
    """Insert (id None) or update with the revision check; logs the changed field names."""
    rec.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        _check_refs(tx, rec)
        if rec.id is None:
            rec.rev = 1
            rec.id = tx.table(table).insert(rec.to_dict())
            tx.log(action or "create", kind, rec.id, [k for k, v in rec.to_dict().items() if v not in ("", None, 0, [], False)])
            return rec
        doc = tx.table(table).get(doc_id=rec.id)
        if doc is None:
            raise NotFoundError(f"ไม่พบ{what}รหัส {rec.id}", f"No {kind} {rec.id}")
        old = type(rec).from_doc(rec.id, doc)
        if old.rev != rec.rev:
            raise _conflict(what)
        changed = [k for k, v in rec.to_dict().items() if k != "rev" and old.to_dict().get(k) != v]
        if not changed:
            return old
        rec = replace(rec, rev=old.rev + 1)
        tx.put(table, rec.id, rec.to_dict())
        tx.log(action or "update", kind, rec.id, changed)
    return rec


def _check_refs(tx, rec) -> None:
    staff = tx.table("staff")
    refs = {Nomination: ("staff_id", "nominated_by"), Question: ("staff_id",), Opportunity: ()}.get(type(rec), ())
    for name in refs:
        if staff.get(doc_id=getattr(rec, name)) is None:
            raise ValidationError({name: ("ไม่พบบุคลากรที่เลือก", "the chosen staff member does not exist")})
    if isinstance(rec, Question) and rec.answered_by and staff.get(doc_id=rec.answered_by) is None:
        raise ValidationError({"answered_by": ("ไม่พบผู้ตอบที่เลือก", "the chosen answerer does not exist")})
    if isinstance(rec, Opportunity) and any(staff.get(doc_id=a) is None for a in rec.attendees):
        raise ValidationError({"attendees": ("มีผู้เข้าร่วมที่ไม่อยู่ในทะเบียนบุคลากร", "an attendee is not in the staff register")})
    opp_id = getattr(rec, "opportunity_id", 0)
    if opp_id and tx.table(OPPS).get(doc_id=opp_id) is None:
        raise ValidationError({"opportunity_id": ("ไม่พบโอกาสฝึกอบรมที่เลือก", "the chosen opportunity does not exist")})


def set_config(ctx: Context, budget_scope: str, priority_years: int) -> dict:
    require(ctx, "training.write")
    if budget_scope not in ("office", "division"):
        raise ValidationError({"budget_scope": ("ขอบเขตงบประมาณต้องเป็น office หรือ division", "scope must be office or division")})
    if isinstance(priority_years, bool) or not isinstance(priority_years, int) or not 1 <= priority_years <= 20:
        raise ValidationError({"priority_years": ("จำนวนปีต้องเป็น 1-20", "years must be 1-20")})
    new = {"budget_scope": budget_scope, "priority_years": priority_years}
    with ctx.store.transaction(actor=ctx.actor) as tx:
        tx.put(CONFIG, 1, new)
        tx.log("update", "training-config", 1, list(new))
    return new


def save_opportunity(ctx: Context, opp: Opportunity) -> Opportunity:
    require(ctx, "training.write")
    opp.course_key = " ".join(opp.course_key.split()) or " ".join(opp.title.split())
    return _save(ctx, OPPS, "training-opportunity", opp, "โอกาสฝึกอบรม")


def set_attendance(ctx: Context, opp_id: int, staff_ids: list[int], outside_count: int) -> Opportunity:
    """The attendance list of an in-house project: staff from the register plus a count of outsiders."""
    opp = get_opportunity(ctx, opp_id)
    return save_opportunity(ctx, replace(opp, attendees=sorted(set(staff_ids)), outside_count=outside_count))


def set_budget(ctx: Context, fy: int, amount: float, division_id: int = 0, note: str = "") -> Budget:
    require(ctx, "training.write")
    found = [b for b in _rows(_data(ctx), BUDGETS, Budget).values() if b.fiscal_year == fy and b.division_id == division_id]
    rec = replace(found[0], amount=amount, note=note) if found else Budget(fy, amount, division_id, note)
    return _save(ctx, BUDGETS, "training-budget", rec, "งบประมาณ")


def nominate(ctx: Context, opportunity_id: int, staff_id: int, nominated_by: int, rationale: str,
             nominated_on: date | str) -> Nomination:
    require(ctx, "training.write")
    day = nominated_on.isoformat() if isinstance(nominated_on, date) else nominated_on
    rec = Nomination(opportunity_id, staff_id, nominated_by, rationale.strip(), day)
    if any(n.staff_id == staff_id for n in list_nominations(ctx, opportunity_id)):
        raise ValidationError({"staff_id": ("บุคคลนี้ได้รับการเสนอชื่อในโอกาสนี้แล้ว", "this person is already nominated here")})
    return _save(ctx, NOMS, "training-nomination", rec, "การเสนอชื่อ")


def forward(ctx: Context, nom_ids: list[int], on: date) -> int:
    """HR forwards nominations to the executive. Returns how many were newly forwarded."""
    require(ctx, "training.write")
    n = 0
    for nom_id in nom_ids:
        nom = get_nomination(ctx, nom_id)
        if not nom.forwarded_on:
            _save(ctx, NOMS, "training-nomination", replace(nom, forwarded_on=on.isoformat()), "การเสนอชื่อ", "forward")
            n += 1
    return n


def decide(ctx: Context, nom_id: int, approve: bool, on: date, reason_code: str = "", reason_text: str = "") -> Nomination:
    """The executive approves, or rejects with a reason (a standard one or free text)."""
    require(ctx, "training.decide")
    nom = get_nomination(ctx, nom_id)
    if nom.outcome:
        raise ValidationError({"decision": ("บันทึกผลการเข้าร่วมแล้ว เปลี่ยนผลการพิจารณาไม่ได้",
                                            "the outcome is recorded; the decision can no longer change")})
    reason_text = reason_text.strip()
    if not approve and not reason_code and reason_text:
        reason_code = "other"
    if not approve and not reason_code:
        raise ValidationError({"reject_code": ("การไม่อนุมัติต้องระบุเหตุผล", "a rejection needs a reason")})
    user = ctx.user.username if ctx.user else ctx.actor
    new = replace(nom, decision=APPROVED if approve else REJECTED, decided_on=on.isoformat(), decided_by=user,
                  reject_code="" if approve else reason_code, reject_text="" if approve else reason_text)
    return _save(ctx, NOMS, "training-nomination", new, "การเสนอชื่อ", "approve" if approve else "reject")


def record_outcome(ctx: Context, nom_id: int, outcome: str, certificate_date: str = "", absent_reason: str = "",
                   conditions: str = "", bond_months: int = 0) -> Nomination:
    require(ctx, "training.write")
    nom = get_nomination(ctx, nom_id)
    new = replace(nom, outcome=outcome, certificate_date=certificate_date if outcome != ABSENT else "",
                  absent_reason=absent_reason.strip() if outcome == ABSENT else "", conditions=conditions.strip(),
                  bond_months=bond_months)
    return _save(ctx, NOMS, "training-nomination", new, "การเสนอชื่อ", "outcome")


def ask(ctx: Context, staff_id: int, question: str, asked_on: date, opportunity_id: int = 0) -> Question:
    require(ctx, "training.write")
    return _save(ctx, QUESTIONS, "training-question",
                 Question(staff_id, asked_on.isoformat(), question.strip(), opportunity_id), "คำถาม")


def answer(ctx: Context, q_id: int, answered_by: int, text: str, answered_on: date) -> Question:
    require(ctx, "training.write")
    doc = _data(ctx).get(QUESTIONS, {}).get(str(q_id))
    if doc is None:
        raise NotFoundError(f"ไม่พบคำถามรหัส {q_id}", f"No question {q_id}")
    q = replace(Question.from_doc(q_id, doc), answered_by=answered_by, answer=text.strip(), answered_on=answered_on.isoformat())
    if not q.answer:
        raise ValidationError({"answer": ("ต้องกรอกคำตอบ", "the answer is required")})
    return _save(ctx, QUESTIONS, "training-question", q, "คำถาม", "answer")


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


def _budget_line(data: dict, fy: int, division_id: int, exclude: int | None = None) -> BudgetLine:
    scope = {**DEFAULT_CONFIG, **data.get(CONFIG, {}).get("1", {})}["budget_scope"]
    div = division_id if scope == "division" else 0
    budgets = [b for b in _rows(data, BUDGETS, Budget).values() if b.fiscal_year == fy and b.division_id == div]
    opps, staff = _rows(data, OPPS, Opportunity), _staff(data)
    committed = spent = 0.0
    for n in _rows(data, NOMS, Nomination).values():
        o = opps.get(n.opportunity_id)
        if o is None or o.fiscal_year != fy or not n.selected or n.id == exclude:
            continue
        if div and staff.get(n.staff_id, None) and staff[n.staff_id].division_id != div:
            continue
        committed += o.cost_per_person
        spent += o.cost_per_person if n.outcome in (ATTENDED, COMPLETED) else 0.0
    return BudgetLine(div, budgets[0].amount if budgets else None, round(committed, 2), round(spent, 2))


def budget_lines(ctx: Context, fy: int) -> list[BudgetLine]:
    data = _data(ctx)
    if config(ctx)["budget_scope"] == "office":
        return [_budget_line(data, fy, 0)]
    divs = sorted(int(k) for k in data.get("divisions", {}))
    return [_budget_line(data, fy, d) for d in divs]


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
    opps, staff, noms = _rows(data, OPPS, Opportunity), _staff(data), _rows(data, NOMS, Nomination)
    opp = opps.get(nom.opportunity_id)
    person = staff.get(nom.staff_id)
    if opp is None or person is None:
        return []
    fy, out = opp.fiscal_year, []
    # 1. the same course key in the same fiscal year, approved or attended (or in-house attendance)
    same = [o for n in noms.values() if n.staff_id == nom.staff_id and n.id != nom.id and n.selected
            for o in [opps.get(n.opportunity_id)] if o and o.key == opp.key and o.fiscal_year == fy]
    same += [o for o in opps.values() if o.in_house and o.id != opp.id and nom.staff_id in o.attendees
             and o.key == opp.key and o.fiscal_year == fy]
    if same:
        out.append(Check("same_course", "warn", f"ได้รับอนุมัติ/เข้ารับการอบรมหลักสูตรเดียวกันแล้วในปีงบประมาณ {fy}",
                         f"already approved for or attended the same course in FY {fy}"))
    # 2. the cost against the remaining budget
    line = _budget_line(data, fy, person.division_id, exclude=nom.id)
    cost = opp.cost_per_person
    if cost and line.amount is None:
        out.append(Check("no_budget", "hint", f"ยังไม่ได้บันทึกงบประมาณฝึกอบรมปี {fy}", f"no training budget recorded for FY {fy}"))
    elif cost and cost > line.remaining:
        out.append(Check("budget", "warn", f"ค่าใช้จ่าย {_money(cost)} บาท เกินงบคงเหลือ {_money(line.remaining)} บาท",
                         f"cost {_money(cost)} exceeds the remaining budget {_money(line.remaining)}"))
    # 3. more nominations than seats
    live = [n for n in noms.values() if n.opportunity_id == opp.id and n.decision != REJECTED]
    if opp.seats and len(live) > opp.seats:
        out.append(Check("seats", "warn", f"เสนอชื่อ {len(live)} คน มีที่นั่ง {opp.seats} ที่",
                         f"{len(live)} nominations for {opp.seats} seats"))
    # 4. this year's count against the division median (a fairness hint)
    sel = _selections(data)
    count = lambda sid: sum(1 for y, i in sel.get(sid, []) if y == fy and i != nom.id)
    peers = [count(s.id) for s in staff.values() if s.active and s.division_id == person.division_id]
    mine, mid = count(person.id), median(peers) if peers else 0
    level = "hint" if mine > mid else "ok"
    out.append(Check("fairness", level, f"ปีนี้ได้รับคัดเลือกแล้ว {mine} ครั้ง (มัธยฐานของกอง {mid:g})",
                     f"already selected {mine} time(s) this year (division median {mid:g})"))
    # 5. never selected in the last N years (a priority hint)
    years = int(config(ctx)["priority_years"])
    if not any(fy - years <= y < fy for y, _i in sel.get(person.id, [])):
        out.append(Check("priority", "hint", f"ไม่เคยได้รับคัดเลือกในรอบ {years} ปีที่ผ่านมา (ควรพิจารณาเป็นลำดับแรก)",
                         f"not selected in the last {years} years (priority)"))
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

    @property
    def share(self) -> float:
        return self.with_opportunity / self.staff_total if self.staff_total else 0.0


def stats(ctx: Context, fy: int, lang: str = "th") -> Stats:
    """Fairness statistics of fiscal year ``fy`` (B.E.) over the active staff."""
    data = _data(ctx)
    pick = 1 if lang == "en" else 0
    opps = {k: o for k, o in _rows(data, OPPS, Opportunity).items() if o.fiscal_year == fy}
    noms = [n for n in _rows(data, NOMS, Nomination).values() if n.opportunity_id in opps]
    staff = {k: s for k, s in _staff(data).items() if s.active}
    divs = {int(k): v.get("name", "") for k, v in data.get("divisions", {}).items()}
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
    went, rejections, rejection_list = [], {}, []
    everyone = _staff(data)
    for n in sorted(noms, key=lambda n: (opps[n.opportunity_id].start_date, n.id)):
        o, s = opps[n.opportunity_id], everyone.get(n.staff_id)
        name = s.full_name if s else f"#{n.staff_id}"
        if n.decision == APPROVED:
            went.append((name, divs.get(s.division_id, "-") if s else "-", o.title, o.kind,
                         ("อนุมัติ", "approved")[pick] if not n.outcome else n.outcome))
            if n.selected and s and s.active:
                for g, gname in keys(s).items():
                    grp = groups[g][gname]
                    grp.selections += 1
                    grp.cost += o.cost_per_person
                    grp.spent += o.cost_per_person if n.outcome in (ATTENDED, COMPLETED) else 0.0
        elif n.decision == REJECTED:
            label = REJECT_REASONS.get(n.reject_code, REJECT_REASONS["other"])[pick]
            rejections[label] = rejections.get(label, 0) + 1
            rejection_list.append((name, o.title, n.reject_reason(lang)))
    from ethics_tui.model.training import STATUS_LABELS
    went = [(a, b, c, d, STATUS_LABELS.get(e, (e, e))[pick] if e in STATUS_LABELS else e) for a, b, c, d, e in went]
    never = sorted(((s.full_name, s.position, divs.get(s.division_id, "-"))
                    for s in staff.values() if s.id not in selected_ids), key=lambda r: (r[2], r[0]))
    ethics_events = [(o.title, o.start_date, len(o.attendees) if o.in_house else sum(1 for n in noms if n.opportunity_id == o.id
                      and n.selected), o.outside_count) for o in opps.values() if o.ethics]
    order = lambda g: sorted(g.values(), key=lambda x: (-x.staff, x.name))
    return Stats(fy, len(staff), len(staff.keys() & (selected_ids | attended)), went, order(groups["div"]),
                 order(groups["type"]), order(groups["level"]), never, rejections, rejection_list,
                 sorted(ethics_events, key=lambda e: e[1]), budget_lines(ctx, fy),
                 sum(1 for q in list_questions(ctx, open_only=True)))


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
    data = _data(ctx)
    staff = _staff(data)
    divs = {int(k): v.get("name", "") for k, v in data.get("divisions", {}).items()}
    out = []
    for n in list_nominations(ctx, opp_id):
        s, by = staff.get(n.staff_id), staff.get(n.nominated_by)
        out.append(MemoRow(n, s.full_name if s else "-", position_text(s) if s else "",
                           divs.get(s.division_id, "") if s else "", by.full_name if by else "-", checks(ctx, n)))
    return out


LINE_LEVELS = ("ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส")


def position_text(s: Staff) -> str:
    """"นักทรัพยากรบุคคลชำนาญการ": a line level joins the position as Thai documents write it."""
    return f"{s.position}{s.level}" if s.level in LINE_LEVELS else s.position


# -- demo -----------------------------------------------------------------------------------
_C = 6900.0  # registration 4,500 + travel 600 + allowance 1,800
#: kind, title, course key, organizer, invitation, (month from Oct, day, days), place, costs, seats, ethics
_DEMO_OPPS = (
    ("ฝึกอบรม", "การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ รุ่นที่ 1", "PROC-101", "กรมบัญชีกลาง", "กค 0405.2/ว 512",
     (1, 18, 3), "โรงแรมเซ็นทาราคอนเวนชันเซ็นเตอร์ อุดรธานี", (4500, 600, 1800), 3, False),
    ("ฝึกอบรม", "การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ รุ่นที่ 2", "PROC-101", "กรมบัญชีกลาง", "กค 0405.2/ว 1877",
     (5, 10, 3), "โรงแรมพูลแมน ขอนแก่น ราชา ออคิด", (4500, 600, 1800), 3, False),
    ("ฝึกอบรม", "หลักสูตรประมวลจริยธรรมสำหรับพนักงานส่วนท้องถิ่น", "ETH-LOCAL", "สถาบันพัฒนาบุคลากรท้องถิ่น",
     "มท 0809.2/ว 233", (3, 20, 2), "สถาบันพัฒนาบุคลากรท้องถิ่น จังหวัดขอนแก่น", (3000, 500, 1000), 2, True),
    ("ศึกษาดูงาน", "ศึกษาดูงานการบริหารจัดการขยะมูลฝอยชุมชนแบบมีส่วนร่วม", "WASTE-VISIT", "เทศบาลเมืองน่าน",
     "นน 52001/ว 88", (7, 12, 2), "เทศบาลเมืองน่าน จังหวัดน่าน", (0, 2500, 1400), 2, False),
    ("ทุนการศึกษา", "ทุนการศึกษาระดับปริญญาโท สาขารัฐประศาสนศาสตร์ (ภาคพิเศษ)", "MPA-SCHOLAR",
     "มหาวิทยาลัยราชภัฏอุดรธานี", "อว 0621.11/ว 045", (8, 1, 730), "มหาวิทยาลัยราชภัฏอุดรธานี", (0, 0, 0), 1, False),
    ("ฝึกอบรม", "การใช้งานระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS)", "ELAAS",
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดอุดรธานี", "อด 0023.3/ว 1450", (10, 5, 1), "ศาลากลางจังหวัดอุดรธานี",
     (1500, 300, 0), 5, False),
    ("ฝึกอบรม", "การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ (ปีก่อน)", "PROC-101", "กรมบัญชีกลาง", "กค 0405.2/ว 301",
     (-6, 22, 3), "โรงแรมเซ็นทาราคอนเวนชันเซ็นเตอร์ อุดรธานี", (4500, 600, 1800), 2, False),
)
#: opportunity index, nominee position (and nth holder), decision, reason, outcome
_DEMO_NOMS = (
    (0, "เจ้าพนักงานพัสดุ", 0, "approve", "", COMPLETED), (0, "นักวิชาการเงินและบัญชี", 0, "approve", "", COMPLETED),
    (0, "นายช่างโยธา", 0, "approve", "", ATTENDED),
    (1, "เจ้าพนักงานพัสดุ", 0, "reject", "same_course", ""), (1, "ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้", 0, "approve", "", ATTENDED),
    (2, "นิติกร", 0, "approve", "", COMPLETED), (2, "นักทรัพยากรบุคคล", 0, "approve", "", COMPLETED),
    (3, "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", 0, "approve", "", ATTENDED),
    (3, "นักวิชาการสาธารณสุข", 0, "approve", "", ATTENDED),
    (3, "นักพัฒนาชุมชน", 0, "reject", "budget", ""), (3, "คนงานประจำรถขยะ", 0, "reject", "seats", ""),
    (4, "นักวิเคราะห์นโยบายและแผน", 1, "approve", "", ATTENDED),
    (4, "นักพัฒนาชุมชน", 1, "reject", "other", ""),
    (5, "เจ้าพนักงานการเงินและบัญชี", 0, "approve", "", ABSENT),
    (6, "เจ้าพนักงานพัสดุ", 0, "approve", "", COMPLETED), (6, "นักวิชาการเงินและบัญชี", 0, "approve", "", COMPLETED),
)
_RATIONALE = "ปฏิบัติงานในตำแหน่ง{pos} ซึ่งได้รับมอบหมายงานที่เกี่ยวข้องโดยตรงกับเนื้อหาหลักสูตร จะนำความรู้มาพัฒนางานของ{div}"


def extend_demo(ctx: Context) -> None:
    """A year of opportunities, nominations, decisions and outcomes (the last complete fiscal
    year, plus one course the year before: the same course key a year apart is fine), with a repeat-course and a budget rejection, two in-house anti-corruption projects
    with attendance, and non-selection questions (one answered, one still open)."""
    from datetime import timedelta

    from ethics_tui.service.demo import demo_sign_in
    from ethics_tui.service.settings import get_settings
    from ethics_tui.thai.dates import fiscal_year_range

    fy = fiscal_year(date.today()) - 1
    first = fiscal_year_range(fy)[0]
    data = ctx.store.load()
    staff = sorted(_staff(data).values(), key=lambda s: s.id)
    divs = {int(k): v["name"] for k, v in data.get("divisions", {}).items()}
    office = get_settings(ctx).office_name

    def holder(pos: str, nth: int = 0) -> Staff:
        return [s for s in staff if s.position == pos][nth]

    chief = holder("ปลัดองค์การบริหารส่วนตำบล")
    heads = {s.division_id: s for s in staff if s.position.startswith(("ผู้อำนวยการกอง", "หัวหน้าสำนักปลัด"))}

    def on(month: int, day: int) -> date:
        y, m = first.year + (first.month - 1 + month) // 12, (first.month - 1 + month) % 12 + 1
        return date(y, m, day)

    set_budget(ctx, fy, 48000.0, 0, "ข้อบัญญัติงบประมาณรายจ่าย แผนงานบริหารงานทั่วไป ค่าใช้จ่ายในการฝึกอบรม")
    opp_ids = []
    for kind, title, key, org, inv, (m, d, days), place, (reg, tr, al), seats, ethics in _DEMO_OPPS:
        start = on(m, d)
        opp = Opportunity(kind, title, start.isoformat(), key, org, f"ที่ {inv}", (start - timedelta(days=30)).isoformat(),
                          (start + timedelta(days=days - 1)).isoformat(), place, reg, tr, al, seats,
                          "บุคลากรที่ปฏิบัติงานเกี่ยวข้องกับเนื้อหาหลักสูตรโดยตรง", ethics)
        opp_ids.append(save_opportunity(ctx, opp).id)
    active = [s for s in staff if s.active]
    away = {s.id for s in active[7::9]}  # on duty or on leave that day
    hall = f"ห้องประชุม{office}"
    for title, key, (m, d), budget, people, outside in (
        (f"โครงการฝึกอบรมเสริมสร้างคุณธรรม จริยธรรม และการป้องกันการทุจริต ประจำปีงบประมาณ {fy}", "INH-ETHICS",
         (4, 14), 25000.0, [s.id for s in active if s.id not in away], 0),
        ("โครงการอบรมให้ความรู้กฎหมายว่าด้วยการป้องกันและปราบปรามการทุจริตแก่บุคลากรและประชาชน", "INH-ACLAW",
         (9, 8), 15000.0, [s.id for s in active if s.level and "อำนวยการ" not in s.level][:20], 65),
    ):
        opp = Opportunity("ฝึกอบรม", title, on(m, d).isoformat(), key, office, location=hall, ethics=True, in_house=True,
                          project_budget=budget, attendees=people, outside_count=outside,
                          eligibility="พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง" + (" และประชาชนทั่วไป" if outside else ""))
        save_opportunity(ctx, opp)
    executive = demo_sign_in(Context(store=ctx.store, lang=ctx.lang), "executive")
    rejected: dict[str, Nomination] = {}
    for idx, pos, nth, verdict, reason, outcome in _DEMO_NOMS:
        opp = get_opportunity(ctx, opp_ids[idx])
        start = date.fromisoformat(opp.start_date)
        person = holder(pos, nth)
        director = heads.get(person.division_id, chief)
        director = chief if director.id == person.id else director
        nom = nominate(ctx, opp.id, person.id, director.id,
                       _RATIONALE.format(pos=position_text(person), div=divs.get(person.division_id, "")),
                       start - timedelta(days=21))
        forward(ctx, [nom.id], start - timedelta(days=18))
        text = ("มีทุนเพียง 1 ทุน ผู้ได้รับการเสนอชื่ออีกรายปฏิบัติงานด้านนโยบายและแผนตรงกับสาขาที่ศึกษามากกว่า"
                if reason == "other" else "")
        nom = decide(executive, nom.id, verdict == "approve", start - timedelta(days=15), reason, text)
        if outcome:
            cert = opp.end_date if outcome == COMPLETED else ""
            why = "ป่วยกะทันหัน มีใบรับรองแพทย์" if outcome == ABSENT else ""
            scholar = opp.kind == "ทุนการศึกษา"
            record_outcome(ctx, nom.id, outcome, cert, why,
                           "ต้องกลับมาปฏิบัติราชการไม่น้อยกว่าสองเท่าของระยะเวลาที่ได้รับทุน" if scholar else "",
                           48 if scholar else 0)
        if verdict == "reject":
            rejected[reason] = nom
    b = rejected["budget"]
    q = ask(ctx, b.staff_id, "เหตุใดจึงไม่ได้รับอนุมัติให้ไปศึกษาดูงานการบริหารจัดการขยะมูลฝอย",
            date.fromisoformat(b.decided_on) + timedelta(days=3), b.opportunity_id)
    answer(ctx, q.id, b.nominated_by, "งบประมาณค่าใช้จ่ายในการฝึกอบรมคงเหลือไม่เพียงพอสำหรับผู้เดินทางคนที่สาม "
           "กองจะเสนอชื่อท่านเป็นลำดับแรกในการศึกษาดูงานครั้งต่อไป", date.fromisoformat(b.decided_on) + timedelta(days=7))
    s = rejected["seats"]
    ask(ctx, s.staff_id, "ขอทราบเหตุผลที่ไม่ได้รับคัดเลือกไปศึกษาดูงาน และหลักเกณฑ์การคัดเลือกครั้งต่อไป",
        date.fromisoformat(s.decided_on) + timedelta(days=10), s.opportunity_id)
