"""Editing and withdrawing a nomination on the training screen at 80x24: the withdraw form
refuses a missing reason and keeps the nomination (withdrawn); an edit after the executive's
approval is refused before any form opens; enter on a nomination offers what may be done."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select
from tui_helpers import footer_problems, notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.model.training import Opportunity
from ethics_tui.service import demo, training_stats
from ethics_tui.service import training as svc
from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_changes import NominationEditModal, WithdrawModal
from ethics_tui.tui.widgets.dialogs import ChoiceModal

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)
    hr = demo.demo_sign_in(ctx, "hr")
    fy = svc.fiscal_years(hr)[-1]
    opp = svc.save_opportunity(
        hr,
        Opportunity(
            "ฝึกอบรม", "การเขียนหนังสือราชการ", f"{fy - 543}-09-30", "DOC-1", "สถ.", cost_registration=1000.0, seats=1
        ),
    )
    staff = sorted(svc.staff_map(hr).values(), key=lambda s: s.id)
    nom = svc.nominate(hr, opp.id, staff[30].id, staff[29].id, "งานสารบรรณ", date.today())
    return hr, opp, nom


async def on_nomination(pilot, opp_id: int) -> TrainingScreen:
    await pilot.press("f")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TrainingScreen)
    opps = screen.query_one("#tr-opps", DataTable)
    opps.move_cursor(row=opps.get_row_index(str(opp_id)))
    await pilot.pause()
    screen.query_one("#tr-noms", DataTable).focus()
    await pilot.pause()
    return screen


async def test_withdraw_without_then_with_a_reason(make_app, office):
    hr, opp, nom = office
    app = make_app(hr.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        screen = await on_nomination(pilot, opp.id)
        assert footer_problems(app, SMALL) == []
        await pilot.press("x")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WithdrawModal)
        await pilot.press("ctrl+s")  # no reason: refused at the field, nothing stored
        await settle(pilot)
        assert app.screen is form
        assert text_of(form.query_one("#err-withdraw_code")) == "การถอนการเสนอชื่อต้องระบุเหตุผล"
        assert not svc.get_nomination(hr, nom.id).withdrawn
        form.query_one("#f-withdraw_code", Select).value = "declined"
        form.query_one("#f-withdraw_text", Input).value = "ติดภารกิจครอบครัว"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, notifications(app)
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


async def test_edit_before_the_decision_and_refused_after_approval(make_app, office):
    hr, opp, nom = office
    app = make_app(hr.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        screen = await on_nomination(pilot, opp.id)
        await pilot.press("e")  # e on the nominations table: this nomination
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NominationEditModal)
        form.query_one("#f-rationale", Input).value = "รับผิดชอบงานสารบรรณของกอง"
        form.query_one("#f-cost", Input).value = "1,500"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, notifications(app)
        saved = svc.get_nomination(hr, nom.id)
        assert (saved.rationale, saved.cost) == ("รับผิดชอบงานสารบรรณของกอง", 1500.0)
        assert "1,500.00" in text_of(screen.query_one("#tr-checks")).translate(
            str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
        )

    svc.decide(demo.demo_sign_in(replace(hr, user=None), "executive"), nom.id, True, date.today())
    app = make_app(hr.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        screen = await on_nomination(pilot, opp.id)
        await pilot.press("u")
        await pilot.pause()
        assert app.screen is screen  # no form to fill and then refuse
        [message] = [m for m in notifications(app) if "แก้ไขการเสนอชื่อไม่ได้" in m]
        assert "อนุมัติแล้ว" in message and "ถอนการเสนอชื่อ" in message
        assert svc.get_nomination(hr, nom.id).rationale == "รับผิดชอบงานสารบรรณของกอง"


async def test_enter_on_a_nomination_offers_what_the_role_may_do(make_app, office):
    hr, opp, _nom = office
    app = make_app(hr.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "executive")
        screen = await on_nomination(pilot, opp.id)
        await pilot.press("enter")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, ChoiceModal)
        assert [key for _label, key in menu.options] == ["approve", "reject"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    app = make_app(hr.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        screen = await on_nomination(pilot, opp.id)
        await pilot.press("enter")
        await pilot.pause()
        menu = app.screen
        assert [key for _label, key in menu.options] == ["edit_nomination", "withdraw"]
        await pilot.press("down", "enter")  # withdraw
        await settle(pilot)
        assert isinstance(app.screen, WithdrawModal)
