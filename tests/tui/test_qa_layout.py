"""QA after the merge: screens at the 80 x 24 the offices' terminals have."""

from __future__ import annotations

from textual.widgets import DataTable, Static
from tui_helpers import settle, start

from ethics_tui.tui.screens.appraisal import AppraisalScreen


async def test_appraisal_dashboard_goes_below_the_table_at_80_columns(make_app, demo_ctx):
    """At 80 columns the dashboard beside the rounds table was 2 cells wide: one or two letters
    per line ("๒๕", "๖๙", "แจ้", "งผ"). Narrow: below the table, full width; wide: beside it."""
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "hr")
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AppraisalScreen)
        dash = screen.query_one("#ap-dashboard", Static)
        table = screen.query_one("#ap-rounds", DataTable)
        assert dash.region.width >= 70 and dash.region.y > table.region.y


async def test_appraisal_dashboard_beside_the_table_when_wide(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await start(pilot, "hr")
        await pilot.press("a")
        await settle(pilot)
        dash = app.screen.query_one("#ap-dashboard", Static)
        table = app.screen.query_one("#ap-rounds", DataTable)
        assert dash.region.x >= table.region.right and dash.region.width >= 30
