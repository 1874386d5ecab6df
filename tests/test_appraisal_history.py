"""Appraisal service rules behind the history screen, the audience editor and the grievance
decision: a result's events in order (scores only for who may see them), the audience rules,
and the dates a decision or a revision cannot take."""

from datetime import date, timedelta

import pytest

from appraisal_cases import lived, round_today
from ethics_tui.errors import UserError, ValidationError
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_history, appraisal_review
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.appraisal_audience import set_audience
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in

TODAY = date.today()


def as_user(ctx, name):
    return demo_sign_in(Context(store=ctx.store), name)


@pytest.fixture
def rnd(demo_ctx):
    return round_today(demo_ctx)


def test_history_lists_every_event_in_order_with_the_scores_before_and_after(demo_ctx, rnd):
    rid, g = lived(demo_ctx, rnd)
    h = appraisal_history.result_history(demo_ctx, rid)
    kinds = ["notified", "signed", "reopened", "signed", "filed", "decided", "revised", "notified"]
    assert [e.kind for e in h.events] == kinds  # the revision notifies again
    reopened, revised = h.events[2], h.events[-2]
    assert (str(reopened.before.total), str(reopened.scores.total)) == ("70.00", "72.00")
    assert reopened.reason == "พิมพ์คะแนนผิดช่อง" and reopened.by
    assert (str(revised.before.total), str(revised.scores.total), revised.scores.level) == ("72.00", "85.00", "ดีมาก")
    assert revised.grievance.id == g.id and revised.grievance.outcome == "ให้ทบทวน"
    assert h.events[4].grievance.grounds == "เหตุผลลับของผู้ร้อง"
    assert not h.hidden and str(h.row.scores.total) == "85.00"
    views = [
        e for e in demo_ctx.store.audit.entries() if e.get("action") == "view" and e.get("kind") == "appraisal_result"
    ]
    assert views and views[-1]["id"] == rid  # the reveal is audited


def test_history_hides_sealed_values_from_an_executive_without_the_key(demo_ctx, rnd):
    rid, _g = lived(demo_ctx, rnd)
    executive = as_user(demo_ctx, "executive")
    assert str(appraisal_history.result_history(executive, rid).events[-1].scores.total) == "85.00"
    executive.keys, executive.keyring = {}, {}  # an executive whose hr key was never approved
    h = appraisal_history.result_history(executive, rid)
    assert h.hidden and h.row.scores is None
    assert all(e.scores is None and e.before is None and e.note == "" for e in h.events)
    assert h.events[4].grievance.grounds == "ปกปิด"
    for name in ("viewer", "committee", "complaints"):
        with pytest.raises(AccessDenied):
            appraisal_history.result_history(as_user(demo_ctx, name), rid)


def test_a_refusal_shows_its_witness_and_an_unscored_result_has_no_events(demo_ctx, rnd):
    rows = svc.list_results(demo_ctx, rnd.id)
    assert appraisal_history.result_history(demo_ctx, rows[1].result.id).events == []
    rid = rows[0].result.id
    svc.set_scores(demo_ctx, rid, "50", "20")
    appraisal_review.mark_notified(demo_ctx, rid, TODAY)
    appraisal_review.refuse(demo_ctx, rid, TODAY, witness_name="นายพยาน ทดสอบ", note="ไม่เห็นด้วย")
    refused = appraisal_history.result_history(demo_ctx, rid).events[-1]
    assert (refused.kind, refused.witness, refused.note) == ("refused", "นายพยาน ทดสอบ", "ไม่เห็นด้วย")


def test_audience_changes_follow_the_rules_and_are_audited(demo_ctx, rnd):
    rows = svc.list_results(demo_ctx, rnd.id)
    inside = [r.staff.id for r in rows]
    outside = [r.staff.id for r in staff_svc.search(demo_ctx) if r.staff.id not in inside][:2]
    svc.set_scores(demo_ctx, rows[0].result.id, "50", "20")
    with pytest.raises(ValidationError) as exc:  # a scored person stays; nothing changes
        set_audience(demo_ctx, rnd.id, add=outside, remove=[inside[0], inside[1]])
    assert exc.value.errors["audience"][0].startswith("ได้คะแนนแล้ว") and rows[0].staff.full_name in exc.value.th
    assert len(svc.list_results(demo_ctx, rnd.id)) == 4
    with pytest.raises(ValidationError) as exc:  # an unknown id was silently skipped
        set_audience(demo_ctx, rnd.id, add=[99999])
    assert "ไม่อยู่ในทะเบียน" in exc.value.errors["audience"][0]
    before = len(list(demo_ctx.store.audit.entries()))
    assert set_audience(demo_ctx, rnd.id, add=[inside[0]], remove=[outside[0]]) == 4  # no change: no write
    assert len(list(demo_ctx.store.audit.entries())) == before
    assert set_audience(demo_ctx, rnd.id, add=outside, remove=[inside[1]]) == 5
    now = {r.staff.id: r for r in svc.list_results(demo_ctx, rnd.id)}
    assert set(now) == {*inside, *outside} - {inside[1]}
    heads = svc._heads({r.staff.id: r.staff for r in staff_svc.search(demo_ctx, include_inactive=True)})
    assert all(now[s].result.appraiser_id == heads[s] for s in outside)  # the default appraiser, as a new round
    entry = [e for e in demo_ctx.store.audit.entries() if e.get("action") == "audience"][-1]
    assert entry["note"] == "+2 -1" and entry["id"] == rnd.id
    with pytest.raises(AccessDenied):
        set_audience(as_user(demo_ctx, "executive"), rnd.id, add=[inside[1]])
    for r in svc.list_results(demo_ctx, rnd.id):
        svc.set_scores(demo_ctx, r.result.id, None, None, total="75")
    svc.set_round_status(demo_ctx, rnd.id, "notified", on=TODAY)
    with pytest.raises(UserError, match="รอบที่ยังเปิดอยู่"):
        set_audience(demo_ctx, rnd.id, add=[inside[1]])


def test_decision_and_revision_dates_cannot_be_in_the_future(demo_ctx, rnd):
    rid = svc.list_results(demo_ctx, rnd.id)[0].result.id
    svc.set_scores(demo_ctx, rid, "50", "20")
    appraisal_review.mark_notified(demo_ctx, rid, TODAY)
    g = appraisal_review.file_grievance(demo_ctx, rid, TODAY, "นายก")
    with pytest.raises(ValidationError) as exc:
        appraisal_review.decide_grievance(demo_ctx, g.id, "upheld", TODAY + timedelta(days=1), "ฟังขึ้น")
    assert "decided_on" in exc.value.errors
    appraisal_review.decide_grievance(demo_ctx, g.id, "upheld", TODAY, "ฟังขึ้น")
    with pytest.raises(ValidationError) as exc:
        appraisal_review.revise_after_grievance(demo_ctx, g.id, "60", "25", on=TODAY + timedelta(days=2))
    assert exc.value.errors["on"][0] == "วันที่แจ้งผลอยู่ในอนาคต"
    with pytest.raises(ValidationError) as exc:
        appraisal_review.revise_after_grievance(demo_ctx, g.id, "60", "25", on=TODAY - timedelta(days=1))
    assert "วันที่มีผล" in exc.value.errors["on"][0]
    assert svc.get_result(demo_ctx, rid).result.history == []  # nothing was revised


def test_cli_history_and_audience(demo_ctx, rnd, capsys, monkeypatch):
    import io
    import json

    from ethics_tui.cli import main

    rid, _g = lived(demo_ctx, rnd)
    data, fy, no = str(demo_ctx.store.dir), str(rnd.fiscal_year), str(rnd.round_no)
    code = svc.get_result(demo_ctx, rid).staff.code

    def run(*argv, user="hr") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
        return main(["appraisal", *argv, "--fy", fy, "--round", no, "--data", data, "--user", user])

    capsys.readouterr()
    assert run("history", code, "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["kind"] for d in out][-2:] == ["revised", "notified"] and out[-2]["before_total"] == "72.00"
    assert run("history", code, user="viewer") == 1  # no appraisal.people
    assert "ไม่มีสิทธิ์" in capsys.readouterr().err
    newcomer = next(
        r.staff
        for r in staff_svc.search(demo_ctx)
        if r.staff.id not in {x.staff.id for x in svc.list_results(demo_ctx, rnd.id)}
    )
    assert run("audience", "--add", newcomer.code) == 0
    assert "5 คน" in capsys.readouterr().out
    assert run("audience", "--remove", code) == 1  # scored: refused, in Thai
    assert "ได้คะแนนแล้ว" in capsys.readouterr().err
    assert run("audience") == 0
    assert newcomer.code in capsys.readouterr().out
