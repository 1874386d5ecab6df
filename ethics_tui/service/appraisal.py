"""Appraisal rounds: scores, notification, signed acknowledgements, witnessed refusals,
grievances with their deadline, and counts by level.

Individual scores (components, total, level, comment) are sealed in the **hr** vault; the
executive and viewers read counts only (``dashboard``). A signed or refused acknowledgement
locks the result; ``reopen`` (with a reason, audited) unlocks it. Tables in main.json:
appraisal_rounds, appraisal_results, appraisal_grievances, appraisal_settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from ethics_tui.errors import ConflictError, NotFoundError, UserError, ValidationError, found
from ethics_tui.model import appraisal as m
from ethics_tui.model.appraisal import AppraisalResult, AppraisalRound, Grievance, Scores
from ethics_tui.model.staff import Staff
from ethics_tui.model.user import ROLES
from ethics_tui.service import vault
from ethics_tui.service.access import can, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.people import staff_by_id
from ethics_tui.service.settings import division_names
from ethics_tui.service.staff import STAFF
from ethics_tui.thai.collate import sorted_thai
from ethics_tui.thai.dates import format_date

ROUNDS, RESULTS, GRIEVANCES, SETTINGS = (
    "appraisal_rounds",
    "appraisal_results",
    "appraisal_grievances",
    "appraisal_settings",
)
VAULT = "hr"
CONFIDENTIAL = {"scores": VAULT}
G_CONFIDENTIAL = {"grounds": VAULT, "outcome": VAULT, "addressed_to": VAULT}

register_permissions(
    {
        "appraisal.read": ROLES,  # rounds, criteria, progress and counts by level (no people)
        "appraisal.people": ("hr", "executive"),  # who, and where each person's result stands
        "appraisal.scores": ("hr", "executive"),  # individual scores (also need the hr key)
        "appraisal.write": ("hr",),
    },
    {
        "appraisal.read": ("ดูรอบการประเมินและสรุปผล", "view appraisal rounds and summaries"),
        "appraisal.people": ("ดูรายชื่อผู้รับการประเมิน", "view who was appraised"),
        "appraisal.scores": ("ดูคะแนนประเมินรายบุคคล", "view individual appraisal scores"),
        "appraisal.write": ("บันทึกผลการประเมิน", "record appraisals"),
    },
)


def _conflict() -> ConflictError:
    return ConflictError("มีผู้อื่นแก้ไขรายการนี้ไปก่อนแล้ว โปรดเปิดใหม่", "Someone else changed this record meanwhile; reopen it.")


def _iso(d: date | str | None) -> str:
    return d.isoformat() if isinstance(d, date) else (d or "")


# -- office defaults ------------------------------------------------------------------------
def get_defaults(ctx: Context) -> dict:
    doc = ctx.store.load().get(SETTINGS, {}).get("1") or {}
    return {
        "bands": doc.get("bands") or [list(b) for b in m.DEFAULT_BANDS],
        "weights": doc.get("weights") or dict(m.DEFAULT_WEIGHTS),
        "grievance_days": int(doc.get("grievance_days", m.GRIEVANCE_DAYS)),
        "decision_days": int(doc.get("decision_days", m.DECISION_DAYS)),
    }


def save_defaults(ctx: Context, bands=None, weights=None, grievance_days=None, decision_days=None) -> dict:
    """The office's bands, weights and day limits; each new round takes a snapshot."""
    require(ctx, "appraisal.write")
    cur = get_defaults(ctx)
    probe = AppraisalRound(
        2569,
        1,
        bands=bands or cur["bands"],
        weights=weights or cur["weights"],
        grievance_days=grievance_days or cur["grievance_days"],
        decision_days=decision_days or cur["decision_days"],
    )
    probe.validate()
    new = {
        "bands": probe.bands,
        "weights": probe.weights,
        "grievance_days": probe.grievance_days,
        "decision_days": probe.decision_days,
    }
    with ctx.store.transaction(actor=ctx.actor) as tx:
        tx.put(SETTINGS, 1, new)
        tx.log("update", "appraisal_settings", 1, [k for k in new if new[k] != cur[k]])
    return new


# -- rounds ---------------------------------------------------------------------------------
def list_rounds(ctx: Context) -> list[AppraisalRound]:
    require(ctx, "appraisal.read")
    rows = ctx.store.load().get(ROUNDS, {})
    out = [AppraisalRound.from_doc(int(k), v) for k, v in rows.items()]
    return sorted(out, key=lambda r: (r.fiscal_year, r.round_no), reverse=True)


def get_round(ctx: Context, round_id: int) -> AppraisalRound:
    require(ctx, "appraisal.read")
    doc = found(
        ctx.store.load().get(ROUNDS, {}).get(str(round_id)),
        f"ไม่พบรอบการประเมินรหัส {round_id}",
        f"No appraisal round {round_id}",
    )
    return AppraisalRound.from_doc(int(round_id), doc)


def find_round(ctx: Context, fiscal_year: int, round_no: int) -> AppraisalRound:
    for r in list_rounds(ctx):
        if (r.fiscal_year, r.round_no) == (fiscal_year, round_no):
            return r
    raise NotFoundError(
        f"ไม่พบรอบการประเมิน ปีงบประมาณ {fiscal_year} รอบที่ {round_no}",
        f"No appraisal round for fiscal year {fiscal_year}, round {round_no}",
    )


def create_round(ctx: Context, rnd: AppraisalRound, staff_ids: list[int] | None = None) -> AppraisalRound:
    """Save a new round (status open) and one empty result per person of its audience
    (default: every active staff member)."""
    require(ctx, "appraisal.write")
    rnd.id, rnd.rev, rnd.status, rnd.tally = None, 1, "open", {}
    rnd.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        if any((d["fiscal_year"], d["round_no"]) == (rnd.fiscal_year, rnd.round_no) for d in tx.table(ROUNDS).all()):
            raise ValidationError(
                {"round_no": (f"มีรอบการประเมิน {rnd.title} แล้ว", f"round {rnd.round_no} of {rnd.fiscal_year} exists")}
            )
        staff = {d.doc_id: d for d in tx.table(STAFF).all()}
        ids = staff_ids if staff_ids is not None else [k for k, d in staff.items() if d.get("active", True)]
        if any(i not in staff for i in ids):
            raise ValidationError({"staff": ("มีบุคลากรที่ไม่อยู่ในทะเบียน", "unknown staff in the audience")})
        rnd.id = tx.table(ROUNDS).insert(rnd.to_dict())
        heads = _heads({k: Staff.from_doc(k, d) for k, d in staff.items()})
        rows = [AppraisalResult(rnd.id, i, appraiser_id=heads.get(i), rev=1).to_dict() for i in dict.fromkeys(ids)]
        if rows:
            tx.table(RESULTS).insert_multiple(rows)
        tx.log(
            "create",
            "appraisal_round",
            rnd.id,
            [k for k, v in rnd.to_dict().items() if v not in ("", None, [], {})],
            note=f"audience {len(rows)}",
        )
    return rnd


def _heads(staff: dict[int, Staff]) -> dict[int, int | None]:
    """Default appraiser of each person: their division head; heads are appraised by the ปลัด."""
    chief = next((s.id for s in staff.values() if s.active and s.position.startswith("ปลัด")), None)
    head_of: dict[int, int] = {}
    for s in sorted(staff.values(), key=lambda s: s.id or 0):
        if s.active and (s.position.startswith("ผู้อำนวยการ") or s.position.startswith("หัวหน้าสำนัก")):
            head_of.setdefault(s.division_id, s.id)
    out = {}
    for s in staff.values():
        head = head_of.get(s.division_id)
        out[s.id] = None if s.id == chief else chief if head in (None, s.id) else head
    return out


def update_round(ctx: Context, rnd: AppraisalRound) -> AppraisalRound:
    """Save the criteria, bands, weights and day limits. Bands and weights are frozen once any
    result has been notified (a level already shown must not change)."""
    require(ctx, "appraisal.write")
    rnd.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        old = _round_in(tx, rnd.id)
        if old.rev != rnd.rev:
            raise _conflict()
        if old.status == "closed":
            raise UserError("รอบการประเมินนี้ปิดแล้ว แก้ไขไม่ได้", "This round is closed")
        rnd.status, rnd.tally = old.status, old.tally
        changed = [k for k, v in rnd.to_dict().items() if k != "rev" and old.to_dict().get(k) != v]
        if not changed:
            return old
        results = _results_in(tx, rnd.id)
        if {"bands", "weights"} & set(changed):
            if any(r.notified_on for r in results):
                raise UserError(
                    "แจ้งผลการประเมินไปแล้ว จึงแก้ช่วงคะแนนหรือน้ำหนักไม่ได้",
                    "Results were already notified; bands and weights can no longer change",
                )
            for r in results:
                if r.scored:
                    _check_components(ctx, rnd, _open(ctx, r))
        rnd.rev = old.rev + 1
        if "bands" in changed:
            _relevel(ctx, tx, rnd, results)
        tx.put(ROUNDS, rnd.id, rnd.to_dict())
        tx.log("update", "appraisal_round", rnd.id, changed)
    return rnd


def set_round_status(ctx: Context, round_id: int, status: str, on: date | None = None) -> AppraisalRound:
    """open -> notified (every result scored; unnotified ones get date ``on``) -> closed (every
    result acknowledged, no grievance open). closed -> notified reopens the round."""
    require(ctx, "appraisal.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        rnd = _round_in(tx, round_id)
        results = _results_in(tx, round_id)
        step = (rnd.status, status)
        if step == ("open", "notified"):
            if not results or any(not r.scored for r in results):
                n = sum(not r.scored for r in results)
                raise UserError(f"ยังไม่ได้ให้คะแนน {n} คน จึงแจ้งผลทั้งรอบไม่ได้", f"{n} people are not scored yet")
            day = _iso(on or date.today())
            if day < rnd.period()[0].isoformat():
                raise UserError(
                    f"วันที่แจ้งผลอยู่ก่อนวันเริ่มรอบการประเมิน ({format_date(rnd.period()[0], 'abbr')})",
                    f"The notified date is before the round starts ({format_date(rnd.period()[0], 'abbr', lang='en')})",
                )
            for r in results:
                if not r.notified_on:
                    r.notified_on, r.rev = day, r.rev + 1
                    tx.put(RESULTS, r.id, r.to_dict())
        elif step == ("notified", "closed"):
            waiting = sum(not r.locked for r in results)
            open_g = sum(
                Grievance.from_doc(d.doc_id, d).open for d in tx.table(GRIEVANCES).all() if d["round_id"] == round_id
            )
            if waiting or open_g:
                raise UserError(
                    f"ยังปิดรอบไม่ได้: รอรับทราบ {waiting} คน คำร้องทุกข์ค้าง {open_g} เรื่อง",
                    f"Cannot close: {waiting} awaiting acknowledgement, {open_g} grievance(s) open",
                )
        elif step != ("closed", "notified"):
            raise UserError(f"เปลี่ยนสถานะจาก {rnd.status} เป็น {status} ไม่ได้", f"Cannot go from {rnd.status} to {status}")
        rnd.status, rnd.rev = status, rnd.rev + 1
        tx.put(ROUNDS, round_id, rnd.to_dict())
        tx.log("status", "appraisal_round", round_id, ["status"], note=f"{step[0]} -> {status}")
    return rnd


def _round_in(tx, round_id) -> AppraisalRound:
    doc = found(
        tx.table(ROUNDS).get(doc_id=int(round_id or 0)),
        f"ไม่พบรอบการประเมินรหัส {round_id}",
        f"No appraisal round {round_id}",
    )
    return AppraisalRound.from_doc(doc.doc_id, doc)


def _result_in(tx, result_id) -> tuple[AppraisalResult, AppraisalRound]:
    """The result ``result_id`` and its round, read inside the transaction ``tx``."""
    doc = found(
        tx.table(RESULTS).get(doc_id=int(result_id)),
        f"ไม่พบผลการประเมินรหัส {result_id}",
        f"No appraisal result {result_id}",
    )
    r = AppraisalResult.from_doc(doc.doc_id, doc)
    return r, _round_in(tx, r.round_id)


def _results_in(tx, round_id: int) -> list[AppraisalResult]:
    return [AppraisalResult.from_doc(d.doc_id, d) for d in tx.table(RESULTS).all() if d["round_id"] == round_id]


# -- sealed scores --------------------------------------------------------------------------
def _open(ctx: Context, r: AppraisalResult) -> Scores | None:
    """The result's scores; UserError when the user lacks the hr key."""
    if not r.scores:
        return None
    if not vault.has_key(ctx, VAULT):
        raise UserError(
            "คุณไม่มีกุญแจข้อมูลลับของงานบุคคล (hr) จึงเปิดคะแนนไม่ได้", "You do not hold the hr key; scores stay sealed"
        )
    return Scores.from_json(json.loads(vault.reveal(ctx, r.scores, "appraisal_result:scores")))


def _seal(ctx: Context, s: Scores) -> dict:
    return vault.seal(ctx, VAULT, json.dumps(s.to_json(), ensure_ascii=False), "appraisal_result:scores")


def _check_components(ctx: Context, rnd: AppraisalRound, s: Scores | None) -> None:
    if s is None:
        return
    for c in m.COMPONENTS:
        value = getattr(s, c)
        if value is not None and value > rnd.weights[c]:
            th, en = m.COMPONENT_LABELS[c]
            raise ValidationError({c: (f"{th} ได้ไม่เกิน {rnd.weights[c]} คะแนน", f"{en} is out of {rnd.weights[c]}")})


def _relevel(ctx: Context, tx, rnd: AppraisalRound, results: list[AppraisalResult]) -> None:
    """Re-derive each level from the round's bands, and recount the tally (counts only)."""
    tally: dict[str, int] = {}
    for r in results:
        s = _open(ctx, r)
        if s is None:
            continue
        level = m.level_for(s.total, rnd.bands)
        if level != s.level:
            s.level = level
            r.scores, r.rev = _seal(ctx, s), r.rev + 1
            tx.put(RESULTS, r.id, r.to_dict())
        tally[level] = tally.get(level, 0) + 1
    rnd.tally = tally


def _retally(ctx: Context, tx, round_id: int) -> None:
    rnd = _round_in(tx, round_id)
    _relevel(ctx, tx, rnd, _results_in(tx, round_id))
    tx.put(ROUNDS, round_id, rnd.to_dict())


# -- results --------------------------------------------------------------------------------
@dataclass
class ResultRow:
    result: AppraisalResult
    staff: Staff
    division: str
    scores: Scores | None = None  # None: not scored, or not visible to this user
    hidden: bool = False  # scored but sealed from this user
    appraiser: Staff | None = None
    due: date | None = None  # last day to file a grievance
    grievances: list[Grievance] = field(default_factory=list)

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else m.days_left(self.due, today)


def list_results(ctx: Context, round_id: int) -> list[ResultRow]:
    """The round's audience, ordered by division then name. Scores are revealed only to a user
    with appraisal.scores who holds the hr key (the opening is audited)."""
    return _rows(ctx, round_id, None, log=True)


def get_result(ctx: Context, result_id: int) -> ResultRow:
    """One result (for refreshing a row on screen; the round's opening was already audited)."""
    doc = found(
        ctx.store.load().get(RESULTS, {}).get(str(result_id)),
        f"ไม่พบผลการประเมินรหัส {result_id}",
        f"No appraisal result {result_id}",
    )
    return _rows(ctx, doc["round_id"], int(result_id), log=False)[0]


def _rows(ctx: Context, round_id: int, only: int | None, log: bool) -> list[ResultRow]:
    require(ctx, "appraisal.people")
    data = ctx.store.load()
    rnd = get_round(ctx, round_id)
    names = division_names(ctx)
    staff = staff_by_id(ctx)
    griev: dict[int, list[Grievance]] = {}
    for k, d in data.get(GRIEVANCES, {}).items():
        if d["round_id"] == round_id:
            griev.setdefault(d["result_id"], []).append(Grievance.from_doc(int(k), d))
    see = can(ctx, "appraisal.scores") and vault.has_key(ctx, VAULT)
    rows = []
    for k, d in data.get(RESULTS, {}).items():
        if d["round_id"] != round_id or (only is not None and int(k) != only):
            continue
        r = AppraisalResult.from_doc(int(k), d)
        s = staff.get(r.staff_id) or Staff("", "?", "", "", 0, "", id=r.staff_id)
        row = ResultRow(
            r,
            s,
            names.get(s.division_id, ""),
            appraiser=staff.get(r.appraiser_id or -1),
            grievances=sorted(griev.get(r.id, []), key=lambda g: g.id or 0),
        )
        if r.scored:
            row.scores, row.hidden = (_open(ctx, r), False) if see else (None, True)
        if r.notified_on:
            row.due = m.deadline(r.notified_on, rnd.grievance_days)
        rows.append(row)
    if see and rows and log:
        vault.log_view(ctx, "appraisal_round", round_id)
    return sorted_thai(rows, lambda x: (x.staff.first_name, x.staff.last_name), lambda x: (x.staff.division_id,))


def _edit(
    ctx: Context,
    result_id: int,
    fn,
    action: str,
    fields_: list[str],
    note: str = "",
    retally: bool = False,
    allow_locked: bool = False,
) -> AppraisalResult:
    """Load a result under the lock, refuse closed rounds and locked results, apply ``fn``."""
    require(ctx, "appraisal.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        r, rnd = _result_in(tx, result_id)
        if rnd.status == "closed":
            raise UserError("รอบการประเมินนี้ปิดแล้ว", "This round is closed")
        if r.locked and not allow_locked:
            raise UserError(
                "ผลการประเมินนี้รับทราบแล้วจึงถูกล็อก — ต้องเปิดแก้ไขพร้อมเหตุผลก่อน (o)",
                "This result is acknowledged and locked; reopen it with a reason first",
            )
        fn(tx, r, rnd)
        r.rev += 1
        tx.put(RESULTS, r.id, r.to_dict())
        if retally:
            _retally(ctx, tx, r.round_id)
        tx.log(action, "appraisal_result", r.id, fields_, note=note)
    return r


def set_scores(
    ctx: Context,
    result_id: int,
    results=None,
    competency=None,
    total=None,
    comment: str | None = None,
    appraiser_id: int | None = None,
) -> AppraisalResult:
    """Score one person. Components are out of their weights; the total is their sum (or typed
    alone when both components are empty); the level comes from the round's bands."""

    def apply(tx, r, rnd):
        prev = _open(ctx, r)
        s = _build_scores(
            rnd, results, competency, total, comment if comment is not None else (prev.comment if prev else "")
        )
        r.scores, r.scored = _seal(ctx, s), True
        if appraiser_id is not None:
            if tx.table(STAFF).get(doc_id=appraiser_id) is None:
                raise ValidationError({"appraiser_id": ("ไม่พบผู้ประเมินในทะเบียน", "unknown appraiser")})
            r.appraiser_id = appraiser_id

    return _edit(ctx, result_id, apply, "score", ["scores"] + (["appraiser_id"] if appraiser_id else []), retally=True)


def check_scores(rnd: AppraisalRound, results, competency) -> Scores:
    """The scores ``set_scores`` would store for typed components (raises ValidationError); no
    write, so a screen can refuse a bad value at once and show the row before it is stored."""
    return _build_scores(rnd, results, competency, None, "")


def _build_scores(rnd: AppraisalRound, results, competency, total, comment: str) -> Scores:
    blank = ("", None)
    rs = None if results in blank else m.parse_score(results, "results", rnd.weights["results"])
    cs = None if competency in blank else m.parse_score(competency, "competency", rnd.weights["competency"])
    ts = None if total in blank else m.parse_score(total, "total")
    t = m.total_of(rs, cs, ts)
    if len(comment or "") > 2000:
        raise ValidationError({"comment": ("ความเห็นยาวเกิน 2,000 ตัวอักษร", "the comment is over 2,000 characters")})
    return Scores(total=t, level=m.level_for(t, rnd.bands), results=rs, competency=cs, comment=(comment or "").strip())


# -- register hooks (demo.REGISTERS): defined in the split modules, which import this one -------
def extend_demo(ctx):
    """Demo records (demo.load_demo calls it): see :mod:`ethics_tui.service.appraisal_io`."""
    from ethics_tui.service.appraisal_io import extend_demo as hook

    return hook(ctx)


def home_alerts(ctx):
    """Home-screen alerts (the home screen calls it): see :mod:`ethics_tui.service.appraisal_review`."""
    from ethics_tui.service.appraisal_review import home_alerts as hook

    return hook(ctx)
