"""Editing and withdrawing a nomination: what is allowed when, what is refused (in Thai), the
statistics and the PDFs after it, the audit (field names only) and a failed write."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from datetime import date

import pytest

from demo_cache import fast_demo
from ethics_tui.errors import ConflictError, StorageError, UserError, ValidationError
from ethics_tui.model.training import ATTENDED, Opportunity
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import demo, training_docs, training_stats
from ethics_tui.service import training as svc
from ethics_tui.service.access import AccessDenied
from ethics_tui.service.context import Context
from ethics_tui.service.training_changes import edit_nomination, withdraw
from ethics_tui.store import atomic

DAY = date(2025, 11, 1)


@pytest.fixture
def office(ctx, monkeypatch):
    """The demo office without the registers' demo records, HR signed in, a course of one seat
    at 1,000 baht and a 10,000-baht budget for its fiscal year."""
    monkeypatch.setattr(demo, "REGISTERS", ())
    fast_demo(ctx)
    hr = demo.demo_sign_in(ctx, "hr")
    opp = svc.save_opportunity(
        hr, Opportunity("ฝึกอบรม", "การจัดซื้อจัดจ้าง", "2025-11-20", "P1", "กรมบัญชีกลาง", cost_registration=1000.0, seats=1)
    )
    svc.set_budget(hr, opp.fiscal_year, 10_000.0)
    staff = sorted(svc.staff_map(hr).values(), key=lambda s: s.id)
    return hr, opp, [s.id for s in staff[20:24]], staff[1].id


def as_user(ctx: Context, name: str) -> Context:
    return demo.demo_sign_in(Context(store=ctx.store, actor=name), name)


def last_audit(ctx) -> dict:
    return list(ctx.store.audit.entries())[-1]


def state(ctx) -> tuple[bytes, bytes]:
    return ctx.store.path().read_bytes(), ctx.store.audit.path.read_bytes()


def test_edit_before_the_decision_changes_person_rationale_and_cost(office):
    hr, opp, (a, b, _c, _d), director = office
    n = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    svc.forward(hr, [n.id], DAY)
    n = svc.get_nomination(hr, n.id)
    saved = edit_nomination(hr, replace(n, rationale="  รับผิดชอบงานจัดซื้อ  ", cost=2500.0))
    assert (saved.rationale, saved.cost, saved.forwarded_on) == ("รับผิดชอบงานจัดซื้อ", 2500.0, DAY.isoformat())
    entry = last_audit(hr)
    assert (entry["action"], entry["kind"], sorted(entry["fields"])) == (
        "edit",
        "training-nomination",
        ["cost", "rationale"],
    )
    assert "รับผิดชอบงานจัดซื้อ" not in hr.store.audit.path.read_text(encoding="utf-8")  # names, not values
    assert training_stats.checks(hr, saved)  # computed with the nomination's own cost
    svc.decide(as_user(hr, "executive"), n.id, True, DAY)
    assert training_stats.budget_lines(hr, opp.fiscal_year)[0].committed == 2500.0
    # a new person: the executive has not seen them, so HR forwards again
    m = svc.nominate(hr, opp.id, b, director, "งานพัสดุ", DAY)
    svc.forward(hr, [m.id], DAY)
    swapped = edit_nomination(hr, replace(svc.get_nomination(hr, m.id), staff_id=_c))
    assert (swapped.staff_id, swapped.forwarded_on) == (_c, "")
    assert "forwarded_on" in last_audit(hr)["fields"] and "staff_id" in last_audit(hr)["fields"]


def test_edit_is_refused_after_a_decision_and_after_withdrawal(office):
    hr, opp, (a, b, c, _d), director = office
    exe = as_user(hr, "executive")
    ok = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    svc.decide(exe, ok.id, True, DAY)
    with pytest.raises(UserError) as err:
        edit_nomination(hr, replace(svc.get_nomination(hr, ok.id), rationale="อื่น"))
    assert "อนุมัติแล้ว" in err.value.th and "ถอนการเสนอชื่อ" in err.value.th and "withdraw" in err.value.en
    no = svc.nominate(hr, opp.id, b, director, "งานพัสดุ", DAY)
    svc.decide(exe, no.id, False, DAY, "seats")
    with pytest.raises(UserError, match="ไม่อนุมัติแล้ว"):
        edit_nomination(hr, replace(svc.get_nomination(hr, no.id), cost=0.0))
    gone = svc.nominate(hr, opp.id, c, director, "งานพัสดุ", DAY)
    withdraw(hr, gone.id, "declined", "", DAY)
    with pytest.raises(UserError, match="ถอนการเสนอชื่อนี้แล้ว"):
        edit_nomination(hr, replace(svc.get_nomination(hr, gone.id), rationale="อื่น"))
    # to someone already nominated here: refused at the field
    live = svc.nominate(hr, opp.id, _d, director, "งานพัสดุ", DAY)
    with pytest.raises(ValidationError) as verr:
        edit_nomination(hr, replace(live, staff_id=a))
    assert "staff_id" in verr.value.errors


def test_withdraw_needs_a_reason_and_frees_the_seat_and_the_budget(office):
    hr, opp, (a, b, _c, _d), director = office
    exe = as_user(hr, "executive")
    first = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    second = svc.nominate(hr, opp.id, b, director, "งานพัสดุ", DAY)
    assert {c.code for c in training_stats.checks(hr, svc.get_nomination(hr, second.id))} >= {"seats"}
    svc.decide(exe, first.id, True, DAY)
    assert training_stats.budget_lines(hr, opp.fiscal_year)[0].committed == 1000.0
    before = state(hr)
    with pytest.raises(ValidationError) as err:
        withdraw(hr, first.id, "", "  ", DAY)
    assert "withdraw_code" in err.value.errors and state(hr) == before
    with pytest.raises(ValidationError):
        withdraw(hr, first.id, "other", "", DAY)  # "other" needs the text (the model says so)
    gone = withdraw(hr, first.id, "", "ย้ายไปสังกัดอื่น", DAY)  # free text alone: "other"
    assert (gone.status, gone.withdraw_code, gone.withdrawn_by, gone.decision) == (
        "withdrawn",
        "other",
        "hr",
        "approved",
    )
    entry = last_audit(hr)
    assert entry["action"] == "withdraw" and "withdraw_text" in entry["fields"]
    assert "ย้ายไปสังกัดอื่น" not in hr.store.audit.path.read_text(encoding="utf-8")
    line = training_stats.budget_lines(hr, opp.fiscal_year)[0]
    assert (line.committed, line.remaining) == (0.0, 10_000.0)  # the budget is free again
    assert "seats" not in {c.code for c in training_stats.checks(hr, svc.get_nomination(hr, second.id))}
    assert training_stats.checks(hr, gone) == []
    # kept, not deleted; the workflow refuses it from now on
    assert [n.id for n in svc.list_nominations(hr, opp.id)] == [first.id, second.id]
    with pytest.raises(ValidationError):
        svc.decide(exe, first.id, False, DAY, "budget")
    with pytest.raises(ValidationError):
        svc.record_outcome(hr, first.id, ATTENDED)
    with pytest.raises(UserError, match="ถอนการเสนอชื่อนี้แล้ว"):
        withdraw(hr, first.id, "mistake", "", DAY)
    assert svc.forward(hr, [first.id, second.id], DAY) == 1
    again = svc.nominate(hr, opp.id, a, director, "กลับมาได้", DAY)  # the person may be nominated anew
    assert again.status == "nominated"


def test_withdraw_is_refused_after_the_outcome_and_after_a_rejection(office):
    hr, opp, (a, b, _c, _d), director = office
    exe = as_user(hr, "executive")
    went = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    svc.decide(exe, went.id, True, DAY)
    svc.record_outcome(hr, went.id, ATTENDED)
    with pytest.raises(UserError) as err:
        withdraw(hr, went.id, "mistake", "", DAY)
    assert "แก้ไขผลการเข้าร่วม" in err.value.th
    no = svc.nominate(hr, opp.id, b, director, "งานพัสดุ", DAY)
    svc.decide(exe, no.id, False, DAY, "seats")
    with pytest.raises(UserError, match="ไม่อนุมัติแล้ว"):
        withdraw(hr, no.id, "mistake", "", DAY)
    # after attendance: an outcome correction with a reason, never a silent rewrite
    with pytest.raises(ValidationError) as verr:
        svc.record_outcome(hr, went.id, "absent", absent_reason="ลาป่วย")
    assert "outcome_note" in verr.value.errors
    fixed = svc.record_outcome(hr, went.id, "absent", absent_reason="ลาป่วย", note="บันทึกผิดคน")
    assert (fixed.outcome, fixed.outcome_note) == ("absent", "บันทึกผิดคน")
    assert last_audit(hr)["action"] == "outcome-correct"
    assert svc.record_outcome(hr, went.id, "absent", absent_reason="ลาป่วย").rev == fixed.rev  # unchanged: no note


def test_only_hr_changes_nominations(office):
    hr, opp, (a, *_), director = office
    n = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    for role in ("executive", "viewer"):
        with pytest.raises(AccessDenied):
            withdraw(as_user(hr, role), n.id, "mistake", "", DAY)
        with pytest.raises(AccessDenied):
            edit_nomination(as_user(hr, role), replace(n, rationale="x"))


def test_a_stale_screen_conflicts_and_a_failed_write_changes_nothing(office, monkeypatch):
    hr, opp, (a, *_), director = office
    n = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    svc.forward(hr, [n.id], DAY)  # rev 2: the screen still shows rev 1
    with pytest.raises(ConflictError):
        withdraw(hr, n.id, "mistake", "", DAY, rev=n.rev)
    with pytest.raises(ConflictError):
        edit_nomination(hr, replace(n, rationale="อื่น"))
    current = svc.get_nomination(hr, n.id)
    before = state(hr)

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", full)
    for write in (
        lambda: withdraw(hr, n.id, "declined", "", DAY, rev=current.rev),
        lambda: edit_nomination(hr, replace(current, rationale="อื่น", cost=5.0)),
    ):
        with pytest.raises(StorageError):
            write()
        assert state(hr) == before
    monkeypatch.undo()
    assert svc.get_nomination(as_user(Context.open(hr.store.dir), "viewer"), n.id).status == "forwarded"


def test_statistics_and_pdfs_show_the_withdrawal(office, tmp_path):
    hr, opp, (a, b, c, _d), director = office
    exe = as_user(hr, "executive")
    names = {s.id: s.full_name for s in svc.staff_map(hr).values()}
    kept = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    late = svc.nominate(hr, opp.id, b, director, "งานพัสดุ", DAY)
    early = svc.nominate(hr, opp.id, c, director, "งานพัสดุ", DAY)
    svc.decide(exe, late.id, True, DAY)
    withdraw(hr, late.id, "illness", "ผ่าตัดไส้ติ่ง", DAY)
    withdraw(hr, early.id, "mistake", "", DAY)
    st = training_stats.stats(hr, opp.fiscal_year)
    assert {w[0] for w in st.went} == set()
    assert sorted(st.withdrawals) == sorted(
        [
            (names[b], opp.title, "หลังอนุมัติ", "เจ็บป่วยหรือมีเหตุจำเป็น"),
            (names[c], opp.title, "ก่อนพิจารณา", "เสนอชื่อผิดคนหรือผิดหลักสูตร"),
        ]
    )
    assert names[b] in {n[0] for n in st.never_selected}
    memo, _ = training_docs.write_memo(hr, opp.id, tmp_path / "memo.pdf")
    text = squash("".join(pages(memo)))
    assert squash(f"ถอนการเสนอชื่อ {names[b]} หลังได้รับอนุมัติ (เจ็บป่วยหรือมีเหตุจำเป็น)") in text
    assert squash(names[a]) in text and "ผ่าตัด" not in text
    assert squash("ค่าใช้จ่ายรวม (ไม่รวมรายที่ไม่อนุมัติ) ๑,๐๐๐.๐๐ บาท") in text  # the live one only
    assert kept.id
    report, _ = training_docs.write_report(hr, opp.fiscal_year, tmp_path / "report.pdf")
    text = squash("".join(pages(report)))
    assert squash("๗. การถอนการเสนอชื่อ") in text and squash(names[c]) in text and "ผ่าตัด" not in text
    withdraw(hr, kept.id, "swap", "", DAY)
    with pytest.raises(UserError, match="ถอนแล้ว"):
        training_docs.write_memo(hr, opp.id, tmp_path / "none.pdf")


def test_cli_withdraw_and_edit(office, monkeypatch, capsys):
    import io
    import sys

    from ethics_tui.cli import main

    hr, opp, (a, b, _c, _d), director = office
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 20))
    codes = {s.id: s.code for s in svc.staff_map(hr).values()}
    n = svc.nominate(hr, opp.id, a, director, "งานพัสดุ", DAY)
    base = ["--data", str(hr.store.dir), "--user", "hr", "training"]
    assert main([*base, "edit", str(n.id), "--staff", codes[b], "--cost", "1,500"]) == 0
    assert "แก้ไขการเสนอชื่อ" in capsys.readouterr().out
    assert (svc.get_nomination(hr, n.id).staff_id, svc.get_nomination(hr, n.id).cost) == (b, 1500.0)
    assert main([*base, "withdraw", str(n.id), "--reason", "other"]) == 1  # other without the text
    assert "ต้องพิมพ์เหตุผลที่ถอน" in capsys.readouterr().err
    assert main([*base, "withdraw", str(n.id), "--reason", "declined", "--text", "ติดภารกิจครอบครัว"]) == 0
    assert "ผู้ได้รับการเสนอชื่อขอสละสิทธิ์" in capsys.readouterr().out
    assert main([*base, "edit", str(n.id), "--rationale", "อื่น"]) == 1
    assert "ถอนการเสนอชื่อนี้แล้ว" in capsys.readouterr().err
    assert main([*base, "list"]) == 0
    assert "ถอนการเสนอชื่อ — ผู้ได้รับการเสนอชื่อขอสละสิทธิ์" in capsys.readouterr().out
    assert main([*base, "stats", "--fy", str(opp.fiscal_year), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["withdrawals"]
    assert (row["stage"], row["reason"]) == ("ก่อนพิจารณา", "ผู้ได้รับการเสนอชื่อขอสละสิทธิ์")
    xlsx = training_docs.write_xlsx(hr, opp.fiscal_year, hr.store.dir.parent / "t.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx)["ถอนการเสนอชื่อ"]
    assert [c.value for c in sheet[2]][2:] == ["ก่อนพิจารณา", "ผู้ได้รับการเสนอชื่อขอสละสิทธิ์"]
