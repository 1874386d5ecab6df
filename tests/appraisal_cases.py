"""Appraisal records for tests: a round running today and a result that went through every
kind of event (the history's service, CLI and screen tests share them)."""

from __future__ import annotations

from datetime import date

from ethics_tui.model.appraisal import AppraisalRound, Grievance, round_of
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service import staff as staff_svc


def round_today(ctx, n: int = 4) -> AppraisalRound:
    """An open round for today's period, appraising the first ``n`` staff."""
    people = [r.staff.id for r in staff_svc.search(ctx)][:n]
    return svc.create_round(ctx, AppraisalRound(*round_of(date.today())), staff_ids=people)


def lived(ctx, rnd: AppraisalRound) -> tuple[int, Grievance]:
    """The first result of ``rnd``, today: scored 50+20, notified, signed, reopened and re-scored
    52+20, signed, grieved, upheld and revised to 60+25. Returns its id and the grievance."""
    today = date.today()
    rid = svc.list_results(ctx, rnd.id)[0].result.id
    svc.set_scores(ctx, rid, "50", "20")
    appraisal_review.mark_notified(ctx, rid, today)
    appraisal_review.acknowledge(ctx, rid, today)
    appraisal_review.reopen(ctx, rid, "พิมพ์คะแนนผิดช่อง")
    svc.set_scores(ctx, rid, "52", "20")
    appraisal_review.acknowledge(ctx, rid, today)
    g = appraisal_review.file_grievance(ctx, rid, today, "นายก", "เหตุผลลับของผู้ร้อง")
    appraisal_review.decide_grievance(ctx, g.id, "upheld", today, "ให้ทบทวน")
    appraisal_review.revise_after_grievance(ctx, g.id, "60", "25", on=today)
    return rid, g
