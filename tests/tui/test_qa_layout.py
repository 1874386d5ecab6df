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


async def test_emptied_users_table_is_a_problem_not_set_up_mode(make_app, demo_ctx):
    """Merge of issue 15 (open() refuses an office whose accounts vanished) and issue 20 (the
    first paint parses no file): open() no longer parses a whole main.json, so the check runs
    after the first paint, before the administrator's set-up would be offered."""
    import json

    from ethics_tui.tui.screens.problem import DatabaseProblemScreen

    path = demo_ctx.store.path()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["users"] = {}
    data["_meta"] = data.pop("_meta")  # the store keeps _meta last
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, DatabaseProblemScreen)
