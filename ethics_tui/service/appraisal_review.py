"""Appraisal rounds, after the scores: notification, signed acknowledgements, witnessed
refusals, reopening, grievances with their deadline, the history, the dashboard (counts only)
and the home-screen alerts. Split from :mod:`ethics_tui.service.appraisal`; callers import
these names from here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from ethics_tui.errors import UserError, ValidationError, found
from ethics_tui.model import appraisal as m
from ethics_tui.model.appraisal import AppraisalResult, AppraisalRound, Grievance, Scores
from ethics_tui.model.staff import Staff
from ethics_tui.service import vault
from ethics_tui.service.access import can, require
from ethics_tui.service.appraisal import (
    G_CONFIDENTIAL,
    GRIEVANCES,
    RESULTS,
    VAULT,
    _build_scores,
    _edit,
    _iso,
    _open,
    _result_in,
    _seal,
    get_round,
    list_rounds,
)
from ethics_tui.service.context import Context
from ethics_tui.service.staff import STAFF
from ethics_tui.thai import names
from ethics_tui.thai.dates import format_date


def mark_notified(ctx: Context, result_id: int, on: date) -> AppraisalResult:
    def apply(tx, r, rnd):
        if not r.scored:
            raise UserError("ยังไม่ได้ให้คะแนนผู้นี้", "This person is not scored yet")
        if on > date.today():
            raise ValidationError({"notified_on": ("วันที่แจ้งผลอยู่ในอนาคต", "the notified date is in the future")})
        start = rnd.period()[0]
        if on < start:
            raise ValidationError(
                {
                    "notified_on": (
                        f"วันที่แจ้งผลอยู่ก่อนวันเริ่มรอบการประเมิน ({format_date(start, 'abbr')})",
                        f"the notified date is before the round starts ({format_date(start, 'abbr', lang='en')})",
                    )
                }
            )
        r.notified_on = on.isoformat()

    return _edit(ctx, result_id, apply, "notify", ["notified_on"])


def acknowledge(ctx: Context, result_id: int, on: date) -> AppraisalResult:
    """The appraisee signed: record the date and lock the result."""

    def apply(tx, r, rnd):
        m.check_ack("signed", on, r.notified_on, "")
        r.ack, r.ack_on = "signed", on.isoformat()
        r.witness_id, r.witness_name, r.witness_position, r.ack_note = None, "", "", ""

    return _edit(ctx, result_id, apply, "acknowledge", ["ack", "ack_on"])


def refuse(
    ctx: Context,
    result_id: int,
    on: date,
    witness_id: int | None = None,
    witness_name: str = "",
    witness_position: str = "",
    note: str = "",
) -> AppraisalResult:
    """The appraisee refused to sign: a witness (staff picker or free text) signs that the
    result was notified. Without a witness the refusal is refused."""

    def apply(tx, r, rnd):
        name, position = witness_name.strip(), witness_position.strip()
        if witness_id is not None:
            doc = tx.table(STAFF).get(doc_id=witness_id)
            if doc is None:
                raise ValidationError(
                    {"witness": ("ไม่พบพยานในทะเบียนบุคลากร", "the witness is not in the staff register")}
                )
            w = Staff.from_doc(witness_id, doc)
            name, position = name or w.full_name, position or w.position
        appraisee = tx.table(STAFF).get(doc_id=r.staff_id)
        if witness_id == r.staff_id or (
            appraisee and names.same_person(name, Staff.from_doc(r.staff_id, appraisee).full_name)
        ):
            raise ValidationError(
                {"witness": ("ผู้รับการประเมินเป็นพยานของตนเองไม่ได้", "the appraisee cannot be the witness")}
            )
        m.check_ack("refused", on, r.notified_on, name)
        r.ack, r.ack_on = "refused", on.isoformat()
        r.witness_id, r.witness_name, r.witness_position, r.ack_note = witness_id, name, position, note.strip()[:1000]

    return _edit(ctx, result_id, apply, "refuse", ["ack", "ack_on", "witness", "ack_note"])


def reopen(ctx: Context, result_id: int, reason: str) -> AppraisalResult:
    """Unlock an acknowledged result for a correction. The reason goes to the audit log."""
    reason = " ".join((reason or "").split())
    if len(reason) < 5:
        raise ValidationError(
            {"reason": ("ต้องระบุเหตุผลในการเปิดแก้ไข (อย่างน้อย 5 ตัวอักษร)", "give a reason (5+ characters)")}
        )

    def apply(tx, r, rnd):
        if not r.locked:
            raise UserError("ผลการประเมินนี้ยังไม่ถูกล็อก", "This result is not locked")
        r.history.append(
            {
                "kind": "reopen",
                "at": datetime.now().isoformat(timespec="seconds"),
                "by": ctx.actor,
                "reason": reason,
                "ack": r.ack,
                "ack_on": r.ack_on,
                "witness_name": r.witness_name,
                "scores": r.scores,
            }
        )
        r.ack, r.ack_on, r.witness_id, r.witness_name, r.witness_position, r.ack_note = "", "", None, "", "", ""

    return _edit(ctx, result_id, apply, "reopen", ["ack", "history"], note=reason[:300], allow_locked=True)


# -- grievances -----------------------------------------------------------------------------
def file_grievance(ctx: Context, result_id: int, filed_on: date, addressed_to: str, grounds: str = "") -> Grievance:
    """Record a grievance (ร้องทุกข์). A filing after the deadline is flagged late, not refused."""
    require(ctx, "appraisal.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        r, rnd = _result_in(tx, result_id)
        if not r.notified_on:
            raise UserError("ยังไม่ได้แจ้งผลแก่ผู้นี้ จึงยังไม่มีกำหนดร้องทุกข์", "The result was not notified yet")
        if filed_on < date.fromisoformat(r.notified_on):
            raise ValidationError({"filed_on": ("วันที่ยื่นต้องไม่ก่อนวันที่แจ้งผล", "filed before the result was notified")})
        if filed_on > date.today():
            raise ValidationError({"filed_on": ("วันที่ยื่นอยู่ในอนาคต", "the filing date is in the future")})
        g = Grievance(
            r.id,
            r.round_id,
            filed_on.isoformat(),
            (addressed_to or "").strip(),
            grounds=(grounds or "").strip(),
            late=filed_on > m.deadline(r.notified_on, rnd.grievance_days),
            rev=1,
        )
        g.validate()
        g.id = tx.table(GRIEVANCES).insert(vault.seal_fields(ctx, "appraisal_grievance", g.to_dict(), G_CONFIDENTIAL))
        tx.log("create", "appraisal_grievance", g.id, ["result_id", "filed_on", "addressed_to", "grounds", "late"])
    return g


def list_grievances(ctx: Context, round_id: int) -> list[Grievance]:
    """Grievances of a round, with grounds and outcome revealed for the hr key holder."""
    require(ctx, "appraisal.people")
    out = []
    for k, d in ctx.store.load().get(GRIEVANCES, {}).items():
        if d["round_id"] == round_id:
            out.append(Grievance.from_doc(int(k), vault.reveal_fields(ctx, "appraisal_grievance", d, G_CONFIDENTIAL)))
    return sorted(out, key=lambda g: (g.filed_on, g.id or 0))


def grievance_due(g: Grievance, rnd: AppraisalRound) -> date:
    return m.deadline(g.filed_on, rnd.decision_days)


def decide_grievance(
    ctx: Context, grievance_id: int, status: str, decided_on: date | None = None, outcome: str = ""
) -> Grievance:
    require(ctx, "appraisal.write")
    if decided_on and status not in m.GRIEVANCE_OPEN and decided_on > date.today():
        raise ValidationError({"decided_on": ("วันที่มีผลต้องไม่เกินวันนี้", "the decision date cannot be after today")})
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(
            tx.table(GRIEVANCES).get(doc_id=int(grievance_id)),
            f"ไม่พบคำร้องทุกข์รหัส {grievance_id}",
            f"No grievance {grievance_id}",
        )
        g = Grievance.from_doc(doc.doc_id, doc)
        g.status, g.decided_on = status, _iso(decided_on) if status not in m.GRIEVANCE_OPEN else ""
        g.outcome = (outcome or "").strip() or g.outcome
        g.validate()
        g.rev += 1
        tx.put(GRIEVANCES, g.id, vault.seal_fields(ctx, "appraisal_grievance", g.to_dict(), G_CONFIDENTIAL))
        tx.log("decide", "appraisal_grievance", g.id, ["status", "decided_on", "outcome"])
    return g


def revise_after_grievance(
    ctx: Context, grievance_id: int, results=None, competency=None, total=None, on: date | None = None
) -> AppraisalResult:
    """An upheld grievance revises the score: the old score and acknowledgement go to the
    history, and the revised result is notified on ``on`` and awaits a new acknowledgement."""
    doc = found(
        ctx.store.load().get(GRIEVANCES, {}).get(str(grievance_id)),
        f"ไม่พบคำร้องทุกข์รหัส {grievance_id}",
        f"No grievance {grievance_id}",
    )
    if doc["status"] != "upheld":
        raise UserError("แก้คะแนนได้เมื่อคำร้องทุกข์ฟังขึ้นเท่านั้น", "Only an upheld grievance can revise the score")
    day = on or date.today()
    if day > date.today():
        raise ValidationError({"on": ("วันที่แจ้งผลอยู่ในอนาคต", "the notified date is in the future")})
    if doc.get("decided_on") and day.isoformat() < doc["decided_on"]:
        raise ValidationError(
            {"on": ("วันที่แจ้งผลใหม่ต้องไม่ก่อนวันที่มีผลของคำร้องทุกข์", "the new notified date precedes the decision")}
        )

    def apply(tx, r, rnd):
        prev = _open(ctx, r)
        s = _build_scores(rnd, results, competency, total, prev.comment if prev else "")
        r.history.append(
            {
                "kind": "revision",
                "at": datetime.now().isoformat(timespec="seconds"),
                "by": ctx.actor,
                "reason": f"grievance {grievance_id}",
                "ack": r.ack,
                "ack_on": r.ack_on,
                "witness_name": r.witness_name,
                "notified_on": r.notified_on,
                "scores": r.scores,
            }
        )
        r.scores, r.notified_on = _seal(ctx, s), day.isoformat()
        r.ack, r.ack_on, r.witness_id, r.witness_name, r.witness_position, r.ack_note = "", "", None, "", "", ""

    return _edit(
        ctx,
        doc["result_id"],
        apply,
        "revise",
        ["scores", "history", "ack", "notified_on"],
        note=f"grievance {grievance_id} upheld",
        retally=True,
        allow_locked=True,
    )


def history(ctx: Context, result_id: int) -> list[dict]:
    """Reopen / revision entries with the old scores revealed (hr key) or hidden."""
    require(ctx, "appraisal.scores")
    doc = ctx.store.load().get(RESULTS, {}).get(str(result_id)) or {}
    out = []
    for h in doc.get("history", []):
        h = dict(h)
        if h.get("scores") and vault.has_key(ctx, VAULT):
            h["scores"] = Scores.from_json(json.loads(vault.reveal(ctx, h["scores"], "appraisal_result:scores")))
        elif h.get("scores"):
            h["scores"] = None
        out.append(h)
    return out


# -- the dashboard (counts only: safe for the executive and public outputs) -----------------
@dataclass
class Dashboard:
    round: AppraisalRound
    audience: int
    stages: dict[str, int]
    levels: dict[str, int]  # in band order; counts only
    grievances_open: list[int]  # days left to decide each open grievance
    grievances_total: int
    grievances_late: int
    filing_open: int  # notified results whose filing window is still open


def dashboard(ctx: Context, round_id: int, today: date | None = None) -> Dashboard:
    require(ctx, "appraisal.read")
    today = today or date.today()
    rnd = get_round(ctx, round_id)
    data = ctx.store.load()
    results = [
        AppraisalResult.from_doc(int(k), d) for k, d in data.get(RESULTS, {}).items() if d["round_id"] == round_id
    ]
    stages = {s: 0 for s in m.STAGES}
    filing = 0
    for r in results:
        stages[r.stage] += 1
        if r.notified_on and m.days_left(m.deadline(r.notified_on, rnd.grievance_days), today) >= 0:
            filing += 1
    gs = [Grievance.from_doc(int(k), d) for k, d in data.get(GRIEVANCES, {}).items() if d["round_id"] == round_id]
    open_days = sorted(m.days_left(grievance_due(g, rnd), today) for g in gs if g.open)
    levels = {b[0]: int(rnd.tally.get(b[0], 0)) for b in rnd.bands}
    return Dashboard(rnd, len(results), stages, levels, open_days, len(gs), sum(g.late for g in gs), filing)


def status_dict(ctx: Context, round_id: int, today: date | None = None) -> dict:
    d = dashboard(ctx, round_id, today)
    start, end = d.round.period()
    return {
        "round_id": d.round.id,
        "fiscal_year": d.round.fiscal_year,
        "round": d.round.round_no,
        "status": d.round.status,
        "period": [start.isoformat(), end.isoformat()],
        "audience": d.audience,
        "stages": d.stages,
        "levels": d.levels,
        "grievances": {
            "total": d.grievances_total,
            "open": len(d.grievances_open),
            "late": d.grievances_late,
            "days_left": d.grievances_open,
        },
        "filing_window_open": d.filing_open,
    }


GRIEVANCE_NEAR_DAYS = 14  # an open grievance this close to its decision deadline is shown on home


def home_alerts(ctx: Context, today: date | None = None) -> list[tuple[str, str]]:
    """(th, en) home-screen lines for hr and the executive: open grievances within
    :data:`GRIEVANCE_NEAR_DAYS` of (or past) their decision deadline, and notified rounds still
    waiting for acknowledgements. Counts only."""
    if not can(ctx, "appraisal.people"):
        return []
    out = []
    for rnd in list_rounds(ctx):
        if rnd.status == "closed":
            continue
        d = dashboard(ctx, rnd.id, today)
        near = [x for x in d.grievances_open if x <= GRIEVANCE_NEAR_DAYS]
        if near:
            least = min(near)
            th_left = f"เกินกำหนด {-least} วัน" if least < 0 else f"เหลือ {least} วัน"
            en_left = f"{-least} days overdue" if least < 0 else f"{least} days left"
            en = f"Appraisal FY {rnd.fiscal_year} round {rnd.round_no}: {len(near)} grievance(s) near the decision deadline"  # noqa: E501 - one message
            out.append(
                (
                    f"การประเมินผล {rnd.title}: คำร้องทุกข์ใกล้ครบกำหนดพิจารณา {len(near)} เรื่อง ({th_left})",
                    f"{en} ({en_left})",
                )
            )
        waiting = d.stages.get("awaiting", 0)
        if waiting:
            out.append(
                (
                    f"การประเมินผล {rnd.title}: รอลงนามรับทราบผล {waiting} คน",
                    f"Appraisal FY {rnd.fiscal_year} round {rnd.round_no}: {waiting} awaiting acknowledgement",
                )
            )
    return out
