"""Who is appraised in a round (its audience): listed, and changed while the round is open.
Split from :mod:`ethics_tui.service.appraisal`; callers import these names from here."""

from __future__ import annotations

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.appraisal import AppraisalResult, AppraisalRound
from ethics_tui.model.staff import Staff
from ethics_tui.service.access import require
from ethics_tui.service.appraisal import RESULTS, _heads, _results_in, _round_in
from ethics_tui.service.context import Context
from ethics_tui.service.staff import STAFF


def audience(ctx: Context, round_id: int) -> dict[int, bool]:
    """Who is in the round: staff id -> already scored (a scored person cannot be removed).
    Reveals no score."""
    require(ctx, "appraisal.people")
    rows = ctx.store.load().get(RESULTS, {}).values()
    return {d["staff_id"]: bool(d.get("scored")) for d in rows if d["round_id"] == round_id}


def check_audience_open(rnd: AppraisalRound) -> None:
    """UserError unless the round's audience may change (the round is still open)."""
    if rnd.status != "open":
        raise UserError("เปลี่ยนผู้รับการประเมินได้เฉพาะรอบที่ยังเปิดอยู่", "Only an open round's audience can change")


def set_audience(ctx: Context, round_id: int, add: list[int] = (), remove: list[int] = ()) -> int:
    """Add people to an open round, or remove people not yet scored. Returns the audience size.

    A person added gets the default appraiser (their division head), as in :func:`create_round`;
    an id not in the staff register or a scored person to remove is refused at the field
    ``audience`` and nothing changes. One audit entry with the counts (no names)."""
    require(ctx, "appraisal.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        check_audience_open(_round_in(tx, round_id))
        results = {r.staff_id: r for r in _results_in(tx, round_id)}
        staff = {d.doc_id: d for d in tx.table(STAFF).all()}
        gone = [results[sid] for sid in dict.fromkeys(remove) if sid in results]
        scored = [r for r in gone if r.scored]
        if scored:
            who = ", ".join(
                Staff.from_doc(r.staff_id, staff[r.staff_id]).full_name for r in scored if r.staff_id in staff
            )
            raise ValidationError(
                {"audience": (f"ได้คะแนนแล้ว ลบออกจากรอบไม่ได้: {who}", f"already scored, cannot be removed: {who}")}
            )
        if any(sid not in staff for sid in add):
            raise ValidationError({"audience": ("มีบุคลากรที่ไม่อยู่ในทะเบียน", "unknown staff in the audience")})
        new = [sid for sid in dict.fromkeys(add) if sid not in results]
        if not gone and not new:
            return len(results)
        if gone:
            tx.table(RESULTS).remove(doc_ids=[r.id for r in gone])
        if new:
            heads = _heads({k: Staff.from_doc(k, d) for k, d in staff.items()})
            rows = [AppraisalResult(round_id, sid, appraiser_id=heads.get(sid), rev=1).to_dict() for sid in new]
            tx.table(RESULTS).insert_multiple(rows)
        tx.log("audience", "appraisal_round", round_id, ["audience"], note=f"+{len(new)} -{len(gone)}")
    return len(results) - len(gone) + len(new)
