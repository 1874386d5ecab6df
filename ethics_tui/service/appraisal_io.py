"""Appraisal scores from a file (all or nothing) and the demo rounds. Split from
:mod:`ethics_tui.service.appraisal`, which re-exports these names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ethics_tui.errors import UserError
from ethics_tui.model import appraisal as m
from ethics_tui.model.appraisal import AppraisalRound
from ethics_tui.model.staff import Staff
from ethics_tui.service.access import require
from ethics_tui.service.appraisal import (
    RESULTS,
    ROUNDS,
    _build_scores,
    _open,
    _relevel,
    _results_in,
    _round_in,
    _seal,
    create_round,
)
from ethics_tui.service.appraisal_review import file_grievance
from ethics_tui.service.context import Context
from ethics_tui.service.staff import STAFF


# -- import (all or nothing) ----------------------------------------------------------------
@dataclass
class ScoreImport:
    errors: list = field(default_factory=list)  # staff_io.RowError
    scored: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def import_scores(ctx: Context, round_id: int, path, dry_run: bool = False) -> ScoreImport:
    """Scores from CSV/XLSX (columns รหัส, ผลสัมฤทธิ์, สมรรถนะ and/or คะแนนรวม, ความเห็น).
    Every row is checked first; one bad row (or ``dry_run``) and nothing is saved."""
    from ethics_tui.service.staff_io import read_table

    require(ctx, "appraisal.write")
    table = read_table(path)
    try:
        return _import(ctx, round_id, table, dry_run)
    except _Abort as stop:
        return stop.plan


class _Abort(Exception):
    def __init__(self, plan: ScoreImport):
        super().__init__("abort")
        self.plan = plan


def _import(ctx: Context, round_id: int, table: list, dry_run: bool) -> ScoreImport:
    from ethics_tui.service.staff_io import RowError

    with ctx.store.transaction(actor=ctx.actor) as tx:
        rnd = _round_in(tx, round_id)
        if rnd.status == "closed":
            raise UserError("รอบการประเมินนี้ปิดแล้ว", "This round is closed")
        results = {r.staff_id: r for r in _results_in(tx, round_id)}
        codes = {d.get("code"): d.doc_id for d in tx.table(STAFF).all() if d.get("code")}
        audience = {c: (results[i].id, results[i].locked) for c, i in codes.items() if i in results}
        rows, errs = m.check_score_table(table, audience, rnd.weights)
        plan = ScoreImport([RowError(*e) for e in errs])
        by_id = {r.id: r for r in results.values()}
        for n, rid, rs, cs, ts, comment in rows if not errs else ():
            r = by_id[rid]
            prev = _open(ctx, r)
            s = _build_scores(rnd, rs, cs, ts, comment or (prev.comment if prev else ""))
            r.scores, r.scored, r.rev = _seal(ctx, s), True, r.rev + 1
            tx.put(RESULTS, r.id, r.to_dict())
            plan.scored += 1
        if plan.errors or dry_run:
            raise _Abort(plan)  # leaves the transaction without writing
        _relevel(ctx, tx, rnd, list(by_id.values()))
        tx.put(ROUNDS, rnd.id, rnd.to_dict())
        tx.log("import", "appraisal_result", None, ["scores"], note=f"round {round_id}: {plan.scored} rows")
    return plan


# -- demo -----------------------------------------------------------------------------------
DEMO_CRITERIA = (
    "องค์การบริหารส่วนตำบลประเมินผลการปฏิบัติงานของพนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง "
    "ปีละสองรอบ โดยพิจารณาจากผลสัมฤทธิ์ของงานร้อยละ ๗๐ และพฤติกรรมการปฏิบัติราชการหรือสมรรถนะร้อยละ ๓๐ "
    "ผู้รับการประเมินจะได้รับแจ้งผลเป็นรายบุคคล และมีสิทธิ์ร้องทุกข์ได้ภายใน ๓๐ วันนับแต่วันที่ทราบผล"
)


def extend_demo(ctx: Context) -> None:
    """Two rounds: the one before last (closed, all signed) and the last one (notified 12 days
    ago: most signed, some awaiting, one refusal with a witness, one open grievance)."""
    import random
    from datetime import timedelta

    today = date.today()
    cur = m.round_of(today)
    last = (cur[0], 1) if cur[1] == 2 else (cur[0] - 1, 2)
    before = (last[0], 1) if last[1] == 2 else (last[0] - 1, 2)
    rng = random.Random(2568)
    for (fy, no), closed in ((before, True), (last, False)):
        end = m.round_period(fy, no)[1]
        notified = today - timedelta(days=12) if not closed else end + timedelta(days=20)
        rnd = create_round(
            ctx,
            AppraisalRound(
                fy,
                no,
                criteria_text=DEMO_CRITERIA,
                criteria_published=(m.round_period(fy, no)[0] - timedelta(days=10)).isoformat(),
                criteria_channels=["เว็บไซต์หน่วยงาน", "บอร์ดประชาสัมพันธ์"],
            ),
        )
        with ctx.store.transaction(actor=ctx.actor) as tx:
            results = _results_in(tx, rnd.id)
            staff = {d.doc_id: Staff.from_doc(d.doc_id, d) for d in tx.table(STAFF).all()}
            for i, r in enumerate(results):
                base = min(99.5, max(52.0, rng.gauss(81, 8)))
                rs = Decimal(str(round(min(70.0, base * 0.7 + rng.uniform(-2, 2)), 2))).quantize(m.CENT)
                cs = Decimal(str(round(min(30.0, max(0.0, base - float(rs))), 2))).quantize(m.CENT)
                s = _build_scores(rnd, rs, cs, None, "")
                r.scores, r.scored, r.notified_on = _seal(ctx, s), True, notified.isoformat()
                if closed or i % 9 not in (3, 7):
                    r.ack, r.ack_on = "signed", (notified + timedelta(days=rng.randrange(0, 4))).isoformat()
                r.rev += 1
                tx.put(RESULTS, r.id, r.to_dict())
            if not closed:
                who = next(r for r in results if staff[r.staff_id].position.startswith("คนงาน"))
                witness = next(s for s in staff.values() if s.position == "นิติกร")
                who.ack, who.ack_on, who.witness_id = "refused", (notified + timedelta(days=1)).isoformat(), witness.id
                who.witness_name, who.witness_position = witness.full_name, witness.position
                who.ack_note = "ผู้รับการประเมินไม่เห็นด้วยกับคะแนนจึงไม่ลงนาม เจ้าหน้าที่อ่านผลให้ฟังต่อหน้าพยาน"
                tx.put(RESULTS, who.id, who.to_dict())
            _relevel(ctx, tx, rnd, results)
            rnd.status = "closed" if closed else "notified"
            rnd.rev += 1
            tx.put(ROUNDS, rnd.id, rnd.to_dict())
            tx.log("demo", "appraisal_round", rnd.id, ["scores", "notified_on", "ack", "status"])
        if not closed:
            target = next(r for r in _results_unlocked(ctx, rnd.id))
            file_grievance(
                ctx,
                target,
                today - timedelta(days=5),
                "นายกองค์การบริหารส่วนตำบล",
                "เห็นว่าคะแนนผลสัมฤทธิ์ไม่สอดคล้องกับผลงานที่ได้รับมอบหมาย",
            )


def _results_unlocked(ctx: Context, round_id: int) -> list[int]:
    rows = ctx.store.load().get(RESULTS, {})
    return [int(k) for k, d in rows.items() if d["round_id"] == round_id and d["scored"] and not d["ack"]]
