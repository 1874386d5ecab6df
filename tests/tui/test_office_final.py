"""Issue 17 item 5: nothing final is written without the officer seeing it (80×24)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable
from tui_helpers import notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.model.training import Opportunity
from ethics_tui.service import committee as cm
from ethics_tui.service import demo
from ethics_tui.service import training as tr
from ethics_tui.tui.screens.committee_dialogs import IssueModal
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
    return demo.demo_sign_in(ctx, "admin")


async def test_issuing_an_order_warns_that_it_is_final(make_app, office):
    issued = next(o for o in cm.list_orders(office) if o.status == "issued")
    order = cm.successor(office, issued.id)  # a draft with the members of the order in force
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(order.id)))
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, IssueModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "แก้ไขหรือลบไม่ได้" in text_of(app.screen.query_one("#question"))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, IssueModal)
        assert cm.get_order(office, order.id).status == "draft"  # nothing written


async def test_approve_does_not_reverse_a_rejection(make_app, office):
    hr = demo.demo_sign_in(office, "hr")
    fy = tr.fiscal_years(hr)[-1]
    opp = tr.save_opportunity(
        hr,
        Opportunity(
            "ฝึกอบรม",
            "การเขียนหนังสือราชการ",
            f"{fy - 543}-09-30",
            "DOC-1",
            "สถาบันพัฒนาบุคลากรท้องถิ่น",
            cost_registration=1000.0,
            seats=1,
        ),
    )
    nom = tr.nominate(hr, opp.id, 1, 2, "เหมาะสมกับงาน", date.today())
    tr.forward(hr, [nom.id], date.today())
    tr.decide(
        demo.demo_sign_in(office, "executive"),
        nom.id,
        False,
        date.today(),
        reason_code="other",
        reason_text="งบประมาณไม่พอ",
    )
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "executive")
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        opps = screen.query_one("#tr-opps", DataTable)
        opps.move_cursor(row=opps.get_row_index(str(opp.id)))
        await pilot.pause()
        screen.query_one("#tr-noms", DataTable).focus()
        await pilot.press("a")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal)
        assert tr.get_nomination(hr, nom.id).decision == "rejected"
        assert any("ไม่อนุมัติ" in m and "ไปแล้ว" in m for m in notifications(app))
