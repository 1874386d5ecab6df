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

from dataclasses import dataclass, replace
from datetime import date

from ethics_tui.errors import ConflictError, ValidationError, found
from ethics_tui.model.staff import Staff
from ethics_tui.model.training import (
    ABSENT,
    APPROVED,
    REJECTED,
    Budget,
    Nomination,
    Opportunity,
    Question,
)
from ethics_tui.service.access import ALL, can, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_by_id

OPPS, NOMS, BUDGETS, QUESTIONS, CONFIG = (
    "training_opportunities",
    "training_nominations",
    "training_budgets",
    "training_questions",
    "training_config",
)
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


def config(ctx: Context) -> dict:
    return {**DEFAULT_CONFIG, **_data(ctx).get(CONFIG, {}).get("1", {})}


def staff_map(ctx: Context) -> dict[int, Staff]:
    require(ctx, "training.read")
    return staff_by_id(ctx)


def list_opportunities(ctx: Context, fy: int | None = None) -> list[Opportunity]:
    out = [o for o in _rows(_data(ctx), OPPS, Opportunity).values() if fy is None or o.fiscal_year == fy]
    return sorted(out, key=lambda o: (o.start_date, o.id or 0))


def fiscal_years(ctx: Context) -> list[int]:
    return sorted({o.fiscal_year for o in list_opportunities(ctx)})


def get_opportunity(ctx: Context, opp_id: int) -> Opportunity:
    doc = found(_data(ctx).get(OPPS, {}).get(str(opp_id)), f"ไม่พบโอกาสฝึกอบรมรหัส {opp_id}", f"No opportunity {opp_id}")
    return Opportunity.from_doc(opp_id, doc)


def list_nominations(ctx: Context, opportunity_id: int | None = None, fy: int | None = None) -> list[Nomination]:
    data = _data(ctx)
    opps = _rows(data, OPPS, Opportunity)
    out = [
        n
        for n in _rows(data, NOMS, Nomination).values()
        if (opportunity_id is None or n.opportunity_id == opportunity_id)
        and (fy is None or (n.opportunity_id in opps and opps[n.opportunity_id].fiscal_year == fy))
    ]
    return sorted(out, key=lambda n: (n.opportunity_id, n.nominated_on, n.id or 0))


def get_nomination(ctx: Context, nom_id: int) -> Nomination:
    doc = found(_data(ctx).get(NOMS, {}).get(str(nom_id)), f"ไม่พบการเสนอชื่อรหัส {nom_id}", f"No nomination {nom_id}")
    return Nomination.from_doc(nom_id, doc)


#: a non-selection question names who asked and why: its texts are sealed in the hr vault
#: (hr and the executive read them; other roles see "ปกปิด" and the counts)
Q_KIND, Q_SEALED = "training_question", {"question": "hr", "answer": "hr"}


def _stored(ctx: Context, rec) -> dict:
    """The document to store (a question's texts sealed)."""
    if isinstance(rec, Question):
        from ethics_tui.service import vault

        return vault.seal_fields(ctx, Q_KIND, rec.to_dict(), Q_SEALED)
    return rec.to_dict()


def _question(ctx: Context, q_id: int, doc: dict) -> Question:
    from ethics_tui.service import vault

    return Question.from_doc(q_id, vault.reveal_fields(ctx, Q_KIND, doc, Q_SEALED))


def list_questions(ctx: Context, open_only: bool = False) -> list[Question]:
    rows = [_question(ctx, int(k), d) for k, d in _data(ctx).get(QUESTIONS, {}).items()]
    out = [q for q in rows if not (open_only and q.answered)]
    return sorted(out, key=lambda q: (q.answered, q.asked_on, q.id or 0))


def home_alerts(ctx: Context) -> list[tuple[str, str]]:
    """(th, en) home-screen lines for hr and the executive: unanswered non-selection questions
    and forwarded nominations waiting for the executive's decision (counts only)."""
    if not (can(ctx, "training.write") or can(ctx, "training.decide")):
        return []
    out = []
    asked = len(list_questions(ctx, open_only=True))
    if asked:
        out.append(
            (
                f"คำถามเรื่องการไม่ได้รับคัดเลือกฝึกอบรมที่ยังไม่ได้ตอบ {asked} เรื่อง",
                f"{asked} unanswered question(s) about not being selected for training",
            )
        )
    waiting = sum(1 for n in list_nominations(ctx) if n.status == "forwarded")
    if waiting:
        out.append(
            (
                f"การเสนอชื่อฝึกอบรมรอผู้บริหารพิจารณา {waiting} รายการ",
                f"{waiting} training nomination(s) waiting for the executive's decision",
            )
        )
    return out


# -- writing --------------------------------------------------------------------------------
def _conflict(what: str) -> ConflictError:
    return ConflictError(
        f"มีผู้อื่นแก้ไข{what}นี้ไปก่อนแล้ว โปรดเปิดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone else changed this record meanwhile; reopen it and try again.",
    )


def _save(ctx: Context, table: str, kind: str, rec, what: str, action: str | None = None):
    """Insert (id None) or update with the revision check; logs the changed field names."""
    rec.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        _check_refs(tx, rec)
        if rec.id is None:
            rec.rev = 1
            rec.id = tx.table(table).insert(_stored(ctx, rec))
            tx.log(
                action or "create",
                kind,
                rec.id,
                [k for k, v in rec.to_dict().items() if v not in ("", None, 0, [], False)],
            )
            return rec
        doc = found(tx.table(table).get(doc_id=rec.id), f"ไม่พบ{what}รหัส {rec.id}", f"No {kind} {rec.id}")
        old = _question(ctx, rec.id, doc) if isinstance(rec, Question) else type(rec).from_doc(rec.id, doc)
        if old.rev != rec.rev:
            raise _conflict(what)
        changed = [k for k, v in rec.to_dict().items() if k != "rev" and old.to_dict().get(k) != v]
        if not changed:
            return old
        rec = replace(rec, rev=old.rev + 1)
        tx.put(table, rec.id, _stored(ctx, rec))
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
        raise ValidationError(
            {"attendees": ("มีผู้เข้าร่วมที่ไม่อยู่ในทะเบียนบุคลากร", "an attendee is not in the staff register")}
        )
    opp_id = getattr(rec, "opportunity_id", 0)
    if opp_id and tx.table(OPPS).get(doc_id=opp_id) is None:
        raise ValidationError({"opportunity_id": ("ไม่พบโอกาสฝึกอบรมที่เลือก", "the chosen opportunity does not exist")})


def set_config(ctx: Context, budget_scope: str, priority_years: int) -> dict:
    require(ctx, "training.write")
    if budget_scope not in ("office", "division"):
        raise ValidationError(
            {"budget_scope": ("ขอบเขตงบประมาณต้องเป็น office หรือ division", "scope must be office or division")}
        )
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
    found = [
        b for b in _rows(_data(ctx), BUDGETS, Budget).values() if b.fiscal_year == fy and b.division_id == division_id
    ]
    rec = replace(found[0], amount=amount, note=note) if found else Budget(fy, amount, division_id, note)
    return _save(ctx, BUDGETS, "training-budget", rec, "งบประมาณ")


def nominate(
    ctx: Context, opportunity_id: int, staff_id: int, nominated_by: int, rationale: str, nominated_on: date | str
) -> Nomination:
    require(ctx, "training.write")
    day = nominated_on.isoformat() if isinstance(nominated_on, date) else nominated_on
    rec = Nomination(opportunity_id, staff_id, nominated_by, rationale.strip(), day)
    if any(n.staff_id == staff_id and not n.withdrawn for n in list_nominations(ctx, opportunity_id)):
        raise ValidationError({"staff_id": ("บุคคลนี้ได้รับการเสนอชื่อในโอกาสนี้แล้ว", "this person is already nominated here")})
    return _save(ctx, NOMS, "training-nomination", rec, "การเสนอชื่อ")


def forward(ctx: Context, nom_ids: list[int], on: date) -> int:
    """HR forwards nominations to the executive. Returns how many were newly forwarded."""
    require(ctx, "training.write")
    n = 0
    for nom_id in nom_ids:
        nom = get_nomination(ctx, nom_id)
        if not nom.forwarded_on and not nom.withdrawn:
            _save(ctx, NOMS, "training-nomination", replace(nom, forwarded_on=on.isoformat()), "การเสนอชื่อ", "forward")
            n += 1
    return n


def decide(
    ctx: Context, nom_id: int, approve: bool, on: date, reason_code: str = "", reason_text: str = ""
) -> Nomination:
    """The executive approves, or rejects with a reason (a standard one or free text)."""
    require(ctx, "training.decide")
    nom = get_nomination(ctx, nom_id)
    if nom.withdrawn:
        raise ValidationError(
            {"decision": ("ถอนการเสนอชื่อนี้แล้ว จึงพิจารณาไม่ได้", "the nomination was withdrawn; there is nothing to decide")}
        )
    if nom.outcome:
        raise ValidationError(
            {
                "decision": (
                    "บันทึกผลการเข้าร่วมแล้ว เปลี่ยนผลการพิจารณาไม่ได้",
                    "the outcome is recorded; the decision can no longer change",
                )
            }
        )
    reason_text = reason_text.strip()
    if not approve and not reason_code and reason_text:
        reason_code = "other"
    if not approve and not reason_code:
        raise ValidationError({"reject_code": ("การไม่อนุมัติต้องระบุเหตุผล", "a rejection needs a reason")})
    user = ctx.user.username if ctx.user else ctx.actor
    new = replace(
        nom,
        decision=APPROVED if approve else REJECTED,
        decided_on=on.isoformat(),
        decided_by=user,
        reject_code="" if approve else reason_code,
        reject_text="" if approve else reason_text,
    )
    return _save(ctx, NOMS, "training-nomination", new, "การเสนอชื่อ", "approve" if approve else "reject")


def record_outcome(
    ctx: Context,
    nom_id: int,
    outcome: str,
    certificate_date: str = "",
    absent_reason: str = "",
    conditions: str = "",
    bond_months: int = 0,
    note: str = "",
) -> Nomination:
    """Record the outcome; changing one already recorded is a correction that needs ``note``
    (why), kept on the record and audited as ``outcome-correct`` (never a silent rewrite)."""
    require(ctx, "training.write")
    nom = get_nomination(ctx, nom_id)
    if nom.withdrawn:
        raise ValidationError(
            {"outcome": ("ถอนการเสนอชื่อนี้แล้ว จึงบันทึกผลการเข้าร่วมไม่ได้", "the nomination was withdrawn; no outcome")}
        )
    new = replace(
        nom,
        outcome=outcome,
        certificate_date=certificate_date if outcome != ABSENT else "",
        absent_reason=absent_reason.strip() if outcome == ABSENT else "",
        conditions=conditions.strip(),
        bond_months=bond_months,
    )
    correcting = bool(nom.outcome) and new.to_dict() != nom.to_dict()
    if correcting and not outcome:
        raise ValidationError({"outcome": ("ต้องเลือกผลการเข้าร่วม (ลบผลที่บันทึกแล้วไม่ได้)", "choose an outcome")})
    if correcting and not note.strip():
        raise ValidationError(
            {"outcome_note": ("การแก้ไขผลที่บันทึกแล้วต้องระบุเหตุผล", "a correction of a recorded outcome needs a reason")}
        )
    if correcting:
        new.outcome_note = note.strip()
    return _save(ctx, NOMS, "training-nomination", new, "การเสนอชื่อ", "outcome-correct" if correcting else "outcome")


def ask(ctx: Context, staff_id: int, question: str, asked_on: date, opportunity_id: int = 0) -> Question:
    require(ctx, "training.write")
    return _save(
        ctx,
        QUESTIONS,
        "training-question",
        Question(staff_id, asked_on.isoformat(), question.strip(), opportunity_id),
        "คำถาม",
    )


def answer(ctx: Context, q_id: int, answered_by: int, text: str, answered_on: date) -> Question:
    require(ctx, "training.write")
    doc = found(_data(ctx).get(QUESTIONS, {}).get(str(q_id)), f"ไม่พบคำถามรหัส {q_id}", f"No question {q_id}")
    q = replace(
        _question(ctx, q_id, doc), answered_by=answered_by, answer=text.strip(), answered_on=answered_on.isoformat()
    )
    if not q.answer:
        raise ValidationError({"answer": ("ต้องกรอกคำตอบ", "the answer is required")})
    return _save(ctx, QUESTIONS, "training-question", q, "คำถาม", "answer")


# -- register hooks (demo.REGISTERS): defined in the split modules, which import this one -------
def extend_demo(ctx):
    """Demo records (demo.load_demo calls it): see :mod:`ethics_tui.service.training_demo`."""
    from ethics_tui.service.training_demo import extend_demo as hook

    return hook(ctx)
