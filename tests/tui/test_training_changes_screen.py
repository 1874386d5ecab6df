"""Editing and withdrawing a nomination on the training screen at 80x24: the withdraw form
refuses a missing reason and keeps the nomination (withdrawn); an edit after the executive's
approval is refused before any form opens; enter on a nomination offers what may be done."""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date

import pytest
from test_training_screen import office  # noqa: F401 - the fixture
from textual.widgets import DataTable
from tui_helpers import footer_problems, notifications, settle, start, text_of

from ethics_tui.service import demo, training_stats
from ethics_tui.service import training as svc
from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_changes import NominationEditModal, WithdrawModal
from ethics_tui.tui.screens.training_forms import OutcomeModal, RejectModal
from ethics_tui.tui.widgets.dialogs import ChoiceModal

SMALL = (80, 24)


@pytest.fixture
def nominated(office):  # noqa: F811 - the fixture imported above
    """test_training_screen's office (a one-seat course) with one nomination, not yet decided."""
    hr, opp = office
    staff = sorted(svc.staff_map(hr).values(), key=lambda s: s.id)
    return hr, opp, svc.nominate(hr, opp.id, staff[30].id, staff[29].id, "งานสารบรรณ", date.today())


@asynccontextmanager
async def on_nomination(make_app, hr, opp_id: int, role: str):
    """The app at 80x24 as ``role``, on the training screen, the nominations table focused on
    the first nomination of ``opp_id``: yields (app, pilot, screen)."""
    app = make_app(hr.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, role)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        opps = screen.query_one("#tr-opps", DataTable)
        opps.move_cursor(row=opps.get_row_index(str(opp_id)))
        await pilot.pause()
        screen.query_one("#tr-noms", DataTable).focus()
        await pilot.pause()
        yield app, pilot, screen


async def press_for(pilot, key: str, form_class):
    """Press ``key``; the form it opens (of ``form_class``)."""
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, form_class), notifications(pilot.app)
    return pilot.app.screen


async def save(pilot, form, screen, **values) -> None:
    """Fill the form's fields (a Select or an Input each), ctrl+s: back on ``screen``."""
    for field, value in values.items():
        form.query_one(f"#f-{field}").value = value
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert pilot.app.screen is screen, notifications(pilot.app)


async def test_withdraw_without_then_with_a_reason(make_app, nominated):
    hr, opp, nom = nominated
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        assert footer_problems(app, SMALL) == []
        form = await press_for(pilot, "x", WithdrawModal)
        await pilot.press("ctrl+s")  # no reason: refused at the field, nothing stored
        await settle(pilot)
        assert app.screen is form
        assert text_of(form.query_one("#err-withdraw_code")) == "การถอนการเสนอชื่อต้องระบุเหตุผล"
        assert not svc.get_nomination(hr, nom.id).withdrawn
        await save(pilot, form, screen, withdraw_code="declined", withdraw_text="ติดภารกิจครอบครัว")
        saved = svc.get_nomination(hr, nom.id)
        assert (saved.status, saved.withdraw_code, saved.withdrawn_by) == ("withdrawn", "declined", "hr")
        assert any("ถอนการเสนอชื่อ" in m and "ขอสละสิทธิ์" in m for m in notifications(app))
        status = [str(c) for c in screen.query_one("#tr-noms", DataTable).get_column("status")]
        assert status == ["ถอนการเสนอชื่อ"]  # kept on the screen, not deleted
        assert "ถอนการเสนอชื่อแล้ว" in text_of(screen.query_one("#tr-checks"))
        assert training_stats.stats(hr, opp.fiscal_year).withdrawals[0][2] == "ก่อนพิจารณา"
        await pilot.press("x")  # twice: refused in Thai, no form
        await pilot.pause()
        assert app.screen is screen and any("ถอนการเสนอชื่อนี้แล้ว" in m for m in notifications(app))


async def test_edit_before_the_decision_and_refused_after_approval(make_app, nominated):
    hr, opp, nom = nominated
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        form = await press_for(pilot, "e", NominationEditModal)  # e on the nominations table: this one
        await save(pilot, form, screen, rationale="รับผิดชอบงานสารบรรณของกอง", cost="1,500")
        saved = svc.get_nomination(hr, nom.id)
        assert (saved.rationale, saved.cost) == ("รับผิดชอบงานสารบรรณของกอง", 1500.0)
        assert "1,500.00" in text_of(screen.query_one("#tr-checks")).translate(
            str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
        )

    svc.decide(demo.demo_sign_in(replace(hr, user=None), "executive"), nom.id, True, date.today())
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        await pilot.press("u")
        await pilot.pause()
        assert app.screen is screen  # no form to fill and then refuse
        [message] = [m for m in notifications(app) if "แก้ไขการเสนอชื่อไม่ได้" in m]
        assert "อนุมัติแล้ว" in message and "ถอนการเสนอชื่อ" in message
        assert svc.get_nomination(hr, nom.id).rationale == "รับผิดชอบงานสารบรรณของกอง"


@pytest.mark.parametrize(
    ("role", "offered", "opens"),
    [("executive", ["approve", "reject"], RejectModal), ("hr", ["edit_nomination", "withdraw"], WithdrawModal)],
)
async def test_enter_on_a_nomination_offers_what_the_role_may_do(make_app, nominated, role, offered, opens):
    hr, opp, _nom = nominated
    async with on_nomination(make_app, hr, opp.id, role) as (app, pilot, _screen):
        await pilot.press("enter")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, ChoiceModal)
        assert [key for _label, key in menu.options] == offered
        await pilot.press("down", "enter")  # the second: reject (a form) or withdraw
        await settle(pilot)
        assert isinstance(app.screen, opens)


async def test_after_attendance_only_a_reasoned_outcome_correction(make_app, nominated):
    hr, opp, nom = nominated
    svc.decide(demo.demo_sign_in(replace(hr, user=None), "executive"), nom.id, True, date.today())
    svc.record_outcome(hr, nom.id, "attended")
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        await pilot.press("x")  # withdrawing is refused: it says to correct the outcome
        await pilot.pause()
        assert app.screen is screen and any("แก้ไขผลการเข้าร่วม" in m for m in notifications(app))
        form = await press_for(pilot, "o", OutcomeModal)
        form.query_one("#f-outcome").value = "absent"
        form.query_one("#f-absent_reason").value = "ลาป่วย"
        await pilot.press("ctrl+s")  # no reason for the correction: refused at its field
        await settle(pilot)
        assert text_of(form.query_one("#err-outcome_note")) == "การแก้ไขผลที่บันทึกแล้วต้องระบุเหตุผล"
        assert svc.get_nomination(hr, nom.id).outcome == "attended"
        await save(pilot, form, screen, outcome_note="บันทึกผิดคน")
        saved = svc.get_nomination(hr, nom.id)
        assert (saved.outcome, saved.outcome_note) == ("absent", "บันทึกผิดคน")
        assert "แก้ไขผลการเข้าร่วม เหตุผล: บันทึกผิดคน" in text_of(screen.query_one("#tr-checks"))
