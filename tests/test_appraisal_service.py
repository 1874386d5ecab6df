"""Appraisal service: scores sealed in the hr vault, locking and reopening, refusals with
witnesses, grievances and revisions, role checks, the demo, the import and the CLI."""

import csv
import json
from datetime import date, timedelta

import pytest
from openpyxl import Workbook

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.appraisal import AppraisalRound
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_io, appraisal_review
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in

TODAY = date.today()


@pytest.fixture
def rnd(demo_ctx):
    people = [r.staff.id for r in staff_svc.search(demo_ctx)][:6]
    from ethics_tui.model.appraisal import round_of

    fy, no = round_of(TODAY)  # the round running today: results may be notified today
    return svc.create_round(demo_ctx, AppraisalRound(fy, no, criteria_text="หลักเกณฑ์ทดสอบ"), staff_ids=people)


def as_user(ctx, name):
    return demo_sign_in(Context(store=ctx.store), name)


def rows(ctx, rnd):
    return svc.list_results(ctx, rnd.id)


def test_new_round_snapshots_the_office_defaults(demo_ctx):
    svc.save_defaults(
        demo_ctx, bands=[["ดีเด่น", "95"], ["ดี", "70"], ["ต้องปรับปรุง", "0"]], weights={"results": 80, "competency": 20}
    )
    r = svc.create_round(
        demo_ctx, AppraisalRound(2571, 2, **{k: v for k, v in svc.get_defaults(demo_ctx).items()}), staff_ids=[1]
    )
    svc.save_defaults(demo_ctx, bands=[list(b) for b in svc.m.DEFAULT_BANDS], weights={"results": 70, "competency": 30})
    again = svc.get_round(demo_ctx, r.id)
    assert again.bands[0] == ["ดีเด่น", "95.00"] and again.weights == {"results": 80, "competency": 20}
    with pytest.raises(ValidationError):
        svc.create_round(demo_ctx, AppraisalRound(2571, 2), staff_ids=[1])


def test_scores_level_and_tally_are_derived_and_sealed(demo_ctx, rnd):
    first = rows(demo_ctx, rnd)[0]
    svc.set_scores(demo_ctx, first.result.id, "63", "27", comment="ความเห็นลับมาก")
    row = svc.get_result(demo_ctx, first.result.id)
    assert (str(row.scores.total), row.scores.level) == ("90.00", "ดีเด่น")
    svc.set_scores(demo_ctx, first.result.id, "62.99", "27")
    assert svc.get_result(demo_ctx, first.result.id).scores.level == "ดีมาก"
    assert svc.get_round(demo_ctx, rnd.id).tally == {"ดีมาก": 1}
    raw = (demo_ctx.store.dir / "main.json").read_text(encoding="utf-8")
    audit = (demo_ctx.store.dir / "audit.jsonl").read_text(encoding="utf-8")
    assert "ความเห็นลับมาก" not in raw and "ความเห็นลับมาก" not in audit
    doc = json.loads(raw)["appraisal_results"][str(first.result.id)]
    assert "$enc" in doc["scores"] and "total" not in doc and "level" not in doc
    with pytest.raises(ValidationError) as exc:
        svc.set_scores(demo_ctx, first.result.id, "70.5", "20")  # over the weight
    assert "70" in exc.value.th


def test_bands_are_frozen_after_notification_and_relevel_before(demo_ctx, rnd):
    rid = rows(demo_ctx, rnd)[0].result.id
    svc.set_scores(demo_ctx, rid, "60", "25")
    r = svc.get_round(demo_ctx, rnd.id)
    r.bands = [["ดีเด่น", "85"], ["ดี", "60"], ["ต้องปรับปรุง", "0"]]
    r = svc.update_round(demo_ctx, r)
    assert svc.get_result(demo_ctx, rid).scores.level == "ดีเด่น"
    assert svc.get_round(demo_ctx, rnd.id).tally == {"ดีเด่น": 1}
    appraisal_review.mark_notified(demo_ctx, rid, TODAY)
    r.bands = [["ดีเด่น", "90"], ["ต้องปรับปรุง", "0"]]
    with pytest.raises(UserError):
        svc.update_round(demo_ctx, r)


def test_acknowledgement_locks_and_reopen_needs_a_reason(demo_ctx, rnd):
    rid = rows(demo_ctx, rnd)[0].result.id
    svc.set_scores(demo_ctx, rid, "50", "20")
    with pytest.raises(ValidationError):
        appraisal_review.acknowledge(demo_ctx, rid, TODAY)  # not notified yet
    appraisal_review.mark_notified(demo_ctx, rid, TODAY - timedelta(days=2))
    appraisal_review.acknowledge(demo_ctx, rid, TODAY)
    with pytest.raises(UserError) as exc:
        svc.set_scores(demo_ctx, rid, "55", "20")
    assert "ล็อก" in exc.value.th
    with pytest.raises(ValidationError):
        appraisal_review.reopen(demo_ctx, rid, "  ")
    appraisal_review.reopen(demo_ctx, rid, "พิมพ์คะแนนผิดช่อง")
    svc.set_scores(demo_ctx, rid, "55", "20")
    h = appraisal_review.history(demo_ctx, rid)
    assert h[0]["kind"] == "reopen" and h[0]["ack"] == "signed" and str(h[0]["scores"].total) == "70.00"
    entries = [
        e for e in demo_ctx.store.audit.entries() if e.get("kind") == "appraisal_result" and e.get("action") == "reopen"
    ]
    assert entries and "พิมพ์คะแนนผิดช่อง" in entries[-1]["note"]


def test_refusal_without_a_witness_is_refused(demo_ctx, rnd):
    rs = rows(demo_ctx, rnd)
    rid, other = rs[0].result.id, rs[1].staff
    svc.set_scores(demo_ctx, rid, "40", "15")
    appraisal_review.mark_notified(demo_ctx, rid, TODAY)
    with pytest.raises(ValidationError) as exc:
        appraisal_review.refuse(demo_ctx, rid, TODAY, note="ไม่ลงนาม")
    assert "พยาน" in exc.value.th
    with pytest.raises(ValidationError):
        appraisal_review.refuse(demo_ctx, rid, TODAY, witness_id=rs[0].staff.id)  # not oneself
    me = rs[0].staff
    for typed in (me.full_name, f"{me.first_name} {me.last_name}", f"  {me.first_name}{me.last_name} "):
        with pytest.raises(ValidationError):  # nor oneself typed by name, with or without the title
            appraisal_review.refuse(demo_ctx, rid, TODAY, witness_name=typed, witness_position="x")
    appraisal_review.refuse(demo_ctx, rid, TODAY, witness_id=other.id, note="อ่านผลให้ฟังแล้ว")
    r = svc.get_result(demo_ctx, rid).result
    assert (r.ack, r.witness_name, r.witness_position) == ("refused", other.full_name, other.position)
    assert r.locked
    appraisal_review.reopen(demo_ctx, rid, "บันทึกพยานผิดคน")
    appraisal_review.refuse(demo_ctx, rid, TODAY, witness_name="นายพยาน ภายนอก", witness_position="ผู้ใหญ่บ้าน")
    assert svc.get_result(demo_ctx, rid).result.witness_name == "นายพยาน ภายนอก"


def test_grievance_deadline_late_flag_and_revision(demo_ctx, rnd):
    rid = rows(demo_ctx, rnd)[0].result.id
    svc.set_scores(demo_ctx, rid, "45", "14")
    with pytest.raises(UserError):
        appraisal_review.file_grievance(demo_ctx, rid, TODAY, "นายก")  # not notified: no clock yet
    notified = TODAY - timedelta(days=40)
    appraisal_review.mark_notified(demo_ctx, rid, notified)
    with pytest.raises(ValidationError, match="อนาคต"):
        appraisal_review.acknowledge(demo_ctx, rid, TODAY + timedelta(days=1))  # a signature cannot be dated ahead
    appraisal_review.acknowledge(demo_ctx, rid, notified)
    assert svc.get_result(demo_ctx, rid).due == notified + timedelta(days=30)
    with pytest.raises(ValidationError, match="อนาคต"):
        appraisal_review.file_grievance(demo_ctx, rid, TODAY + timedelta(days=5), "นายก")  # nor a filing
    g = appraisal_review.file_grievance(demo_ctx, rid, TODAY, "นายกองค์การบริหารส่วนตำบล", "ไม่เป็นธรรม")
    assert g.late  # day 40 > 30: flagged, still recorded
    on_time = appraisal_review.file_grievance(demo_ctx, rid, notified + timedelta(days=30), "นายก")
    assert not on_time.late
    d = appraisal_review.dashboard(demo_ctx, rnd.id)
    assert d.grievances_total == 2 and d.grievances_late == 1 and len(d.grievances_open) == 2
    with pytest.raises(UserError):
        appraisal_review.revise_after_grievance(demo_ctx, g.id, "50", "20")
    with pytest.raises(ValidationError):
        appraisal_review.decide_grievance(demo_ctx, g.id, "upheld")  # a decision needs its date
    appraisal_review.decide_grievance(demo_ctx, g.id, "upheld", TODAY, "ให้ทบทวนคะแนน")
    appraisal_review.revise_after_grievance(demo_ctx, g.id, "50", "20", on=TODAY)
    row = svc.get_result(demo_ctx, rid)
    assert str(row.scores.total) == "70.00" and row.scores.level == "ดี"
    assert row.result.ack == "" and row.result.notified_on == TODAY.isoformat()
    h = appraisal_review.history(demo_ctx, rid)[-1]
    assert h["kind"] == "revision" and str(h["scores"].total) == "59.00" and h["ack"] == "signed"
    assert [x.outcome for x in appraisal_review.list_grievances(demo_ctx, rnd.id) if x.id == g.id] == ["ให้ทบทวนคะแนน"]


def test_round_status_rules(demo_ctx, rnd):
    rs = rows(demo_ctx, rnd)
    with pytest.raises(UserError):
        svc.set_round_status(demo_ctx, rnd.id, "notified")  # nobody scored
    for r in rs:
        svc.set_scores(demo_ctx, r.result.id, None, None, total="75")
    svc.set_round_status(demo_ctx, rnd.id, "notified", on=TODAY)
    assert all(r.result.notified_on == TODAY.isoformat() for r in rows(demo_ctx, rnd))
    with pytest.raises(UserError):
        svc.set_round_status(demo_ctx, rnd.id, "closed")  # nobody acknowledged
    for r in rs:
        appraisal_review.acknowledge(demo_ctx, r.result.id, TODAY)
    svc.set_round_status(demo_ctx, rnd.id, "closed")
    with pytest.raises(UserError):
        appraisal_review.reopen(demo_ctx, rs[0].result.id, "ปิดแล้วแต่ขอแก้")


def test_role_checks_on_scores(demo_ctx, rnd):
    rid = rows(demo_ctx, rnd)[0].result.id
    svc.set_scores(demo_ctx, rid, "60", "25")
    hr = as_user(demo_ctx, "hr")
    assert str(svc.get_result(hr, rid).scores.total) == "85.00"
    executive = as_user(demo_ctx, "executive")
    assert str(svc.list_results(executive, rnd.id)[0].scores.total) == "85.00"  # executives hold the hr key
    executive.keys = {}  # a holder whose key was never approved
    row = svc.list_results(executive, rnd.id)[0]
    assert row.hidden and row.scores is None  # no hr key: sealed
    assert appraisal_review.dashboard(executive, rnd.id).levels["ดีมาก"] == 1
    for name in ("executive", "committee", "viewer"):
        with pytest.raises(AccessDenied):
            svc.set_scores(as_user(demo_ctx, name), rid, "1", "1")
    for name in ("committee", "complaints", "viewer"):
        with pytest.raises(AccessDenied) as exc:
            svc.list_results(as_user(demo_ctx, name), rnd.id)
        assert "ไม่มีสิทธิ์" in exc.value.th
        assert appraisal_review.dashboard(as_user(demo_ctx, name), rnd.id).audience == 6  # counts are public
    with pytest.raises(AccessDenied):
        appraisal_review.history(as_user(demo_ctx, "viewer"), rid)


def test_demo_has_two_rounds_signatures_a_witnessed_refusal_and_an_open_grievance(demo_ctx):
    rounds = svc.list_rounds(demo_ctx)
    assert [r.status for r in rounds] == ["notified", "closed"]
    last = appraisal_review.dashboard(demo_ctx, rounds[0].id)
    assert last.stages["refused"] == 1 and last.stages["signed"] > 30 and last.stages["awaiting"] > 0
    assert len(last.grievances_open) == 1
    assert sum(last.levels.values()) == last.audience
    refused = next(r for r in rows(demo_ctx, rounds[0]) if r.result.ack == "refused")
    assert refused.result.witness_name and refused.result.witness_position == "นิติกร"
    assert appraisal_review.dashboard(demo_ctx, rounds[1].id).stages["signed"] == 58


def _csv(path, table, encoding="utf-8-sig"):
    with open(path, "w", newline="", encoding=encoding) as f:
        csv.writer(f).writerows(table)
    return path


def test_import_is_all_or_nothing(demo_ctx, rnd, tmp_path):
    codes = [r.staff.code for r in rows(demo_ctx, rnd)]
    bad = _csv(
        tmp_path / "bad.csv",
        [["รหัส", "ผลสัมฤทธิ์", "สมรรถนะ"], [codes[0], "60", "25"], [codes[1], "80", "25"], ["x9", "1", "1"]],
    )
    plan = appraisal_io.import_scores(demo_ctx, rnd.id, bad)
    assert [e.row for e in plan.errors] == [3, 4]
    assert "แถว 3" in plan.errors[0].message("th")
    assert not any(r.result.scored for r in rows(demo_ctx, rnd))  # nothing saved
    good = _csv(
        tmp_path / "good.csv",
        [["รหัส", "ผลสัมฤทธิ์", "สมรรถนะ"], [codes[0], "๖๐", "25"], [codes[1], "66.5", "28.5"]],
        "cp874",
    )
    assert appraisal_io.import_scores(demo_ctx, rnd.id, good, dry_run=True).scored == 2
    assert not any(r.result.scored for r in rows(demo_ctx, rnd))
    assert appraisal_io.import_scores(demo_ctx, rnd.id, good).ok
    got = {r.staff.code: r.scores for r in rows(demo_ctx, rnd) if r.scores}
    assert str(got[codes[1]].total) == "95.00" and got[codes[1]].level == "ดีเด่น"
    wb = Workbook()
    wb.active.append(["code", "total", "comment"])
    wb.active.append([codes[2], 61.25, "ok"])
    wb.save(tmp_path / "s.xlsx")
    assert appraisal_io.import_scores(demo_ctx, rnd.id, tmp_path / "s.xlsx").scored == 1
    assert svc.get_round(demo_ctx, rnd.id).tally == {"พอใช้": 1, "ดีมาก": 1, "ดีเด่น": 1}


def test_cli_status_json_and_refusal(demo_ctx, rnd, capsys, monkeypatch):
    import io

    from ethics_tui.cli import main

    data = str(demo_ctx.store.dir)
    code = rows(demo_ctx, rnd)[0].staff.code
    fy, no = str(rnd.fiscal_year), str(rnd.round_no)
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    assert (
        main(
            [
                "appraisal",
                "score",
                "--fy",
                fy,
                "--round",
                no,
                code,
                "--results",
                "60",
                "--competency",
                "20",
                "--data",
                data,
                "--user",
                "hr",
            ]
        )
        == 0
    )
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    assert main(["appraisal", "status", "--fy", fy, "--round", no, "--json", "--data", data, "--user", "viewer"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["levels"]["ดีมาก"] == 1 and out["stages"]["unscored"] == 5
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    assert main(["appraisal", "status", "--fy", fy, "--round", no, "--data", data, "--user", "viewer"]) == 0
    text = capsys.readouterr().out
    assert "[]" not in text and "days left" not in text  # no open grievance: no empty list printed
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    assert main(["appraisal", "notify", "--fy", fy, "--round", no, "--code", code, "--data", data, "--user", "hr"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    assert main(["appraisal", "refuse", "--fy", fy, "--round", no, code, "--data", data, "--user", "hr"]) == 1
    assert "พยาน" in capsys.readouterr().err


def test_notification_dated_before_the_round_starts_is_refused(demo_ctx, rnd):
    rid = rows(demo_ctx, rnd)[0].result.id
    svc.set_scores(demo_ctx, rid, "60", "25")
    start = rnd.period()[0]
    with pytest.raises(ValidationError) as exc:
        appraisal_review.mark_notified(demo_ctx, rid, start - timedelta(days=1))
    assert "ก่อนวันเริ่มรอบ" in exc.value.errors["notified_on"][0]
    assert not svc.get_result(demo_ctx, rid).result.notified_on
