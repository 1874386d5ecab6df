"""QA regressions of the training register: Thai digits in the checks, the nomination form
starts on the person, refusals before a form opens."""

from __future__ import annotations

import re

import pytest
from textual.widgets import DataTable, Input
from tui_helpers import SIZE, notifications, start, text_of

from demo_cache import fast_demo
from ethics_tui.model.training import Opportunity
from ethics_tui.service import demo
from ethics_tui.service import training as svc
from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_forms import NominationFormModal
from ethics_tui.tui.widgets.person_search import MatchList, PersonSearch

ARABIC = re.compile(r"[0-9]")


@pytest.fixture
def office(ctx):
    fast_demo(ctx)
    hr = demo.demo_sign_in(ctx, "hr")
    fy = svc.fiscal_years(hr)[-1]
    opp = svc.save_opportunity(
        hr,
        Opportunity(
            "ฝึกอบรม",
            "การเขียนหนังสือราชการ รุ่นที่ 2",
            f"{fy - 543}-09-30",
            "DOC-1",
            "สถาบันพัฒนาบุคลากรท้องถิ่น",
            cost_registration=9000.0,
            seats=1,
        ),
    )
    staff = sorted((s for s in svc.staff_map(hr).values() if s.active), key=lambda s: s.id)
    for person in staff[20:22]:
        svc.nominate(hr, opp.id, person.id, staff[0].id, "ปฏิบัติงาน 5 ปี", f"{fy - 543}-09-01")
    return hr, opp


async def open_training(pilot, opp_id: int) -> TrainingScreen:
    await pilot.press("f")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrainingScreen)
    table = screen.query_one("#tr-opps", DataTable)
    table.move_cursor(row=table.get_row_index(str(opp_id)))
    await pilot.pause()
    return screen


async def test_checks_title_and_rationale_in_thai_digits(make_app, office):
    hr, opp = office
    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_training(pilot, opp.id)
        noms = screen.query_one("#tr-noms", DataTable)
        assert noms.row_count == 2
        cell = str(noms.get_row_at(0)[-1])
        assert "๑" in cell and not ARABIC.search(cell), cell  # seats / budget checks
        panel = text_of(screen.query_one("#tr-checks"))
        assert "๕ ปี" in panel and not ARABIC.search(panel), panel
        title = str(screen.query_one("#tr-opps", DataTable).get_row(str(opp.id))[2])
        assert title.endswith("รุ่นที่ ๒"), title


async def test_nomination_form_starts_on_the_person(make_app, office):
    hr, opp = office
    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        await open_training(pilot, opp.id)
        await pilot.press("m")
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NominationFormModal)
        search = form.query_one("#f-staff_id", PersonSearch)
        assert app.focused is search.query_one(Input)  # the person's search box
        await pilot.press("enter")  # nothing typed: on to the list of people, not past it to save
        await pilot.pause()
        assert app.screen is form and app.focused is search.query_one(MatchList)


async def test_executive_refused_before_hr_forms(make_app, office):
    hr, opp = office
    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "executive")
        screen = await open_training(pilot, opp.id)
        for key in ("n", "m", "b"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, key
        assert any("ไม่มีสิทธิ์" in m for m in notifications(app))
