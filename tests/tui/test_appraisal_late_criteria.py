"""A round whose criteria notice is dated after the round starts is flagged on the appraisal
screen (the row, a warning line for the selected round) and on the round's own results screen,
by the same rule as the ITA checklist; a round announced in time shows nothing. 80×24."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable, Static
from tui_helpers import start, text_of

from ethics_tui.service import appraisal as svc
from ethics_tui.service.ita_hr import late_criteria
from ethics_tui.tui.screens.appraisal import AppraisalScreen
from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

SMALL = (80, 24)


async def test_late_criteria_warning_on_the_round(make_app, demo_ctx):
    rounds = svc.list_rounds(demo_ctx)
    started = [r for r in rounds if r.period()[0] <= date.today()]
    assert not any(late_criteria(demo_ctx, fy) for fy in {r.fiscal_year for r in rounds})  # the demo is in time
    late = next(r for r in started if r.status != "closed")
    ok = next(r for r in started if r.id != late.id)
    late.criteria_published = (late.period()[0] + timedelta(days=4)).isoformat()  # dated after the start
    svc.update_round(demo_ctx, late)
    assert [x.round_no for x in late_criteria(demo_ctx, late.fiscal_year)] == [late.round_no]

    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AppraisalScreen)
        table = screen.query_one("#ap-rounds", DataTable)
        assert screen.query_one("#ap-dashboard").region.width >= 60  # below the table at 80 columns, readable
        labels = {k.value: str(table.get_row(k)[0]) for k in table.rows}
        assert "⚠" in labels[str(late.id)] and "⚠" not in labels[str(ok.id)]
        warn = screen.query_one("#ap-late", Static)
        table.move_cursor(row=table.get_row_index(str(ok.id)))
        await pilot.pause()
        assert not warn.display
        table.move_cursor(row=table.get_row_index(str(late.id)))
        await pilot.pause()
        assert warn.display and warn.region.height >= 1  # on screen at 80×24
        text = text_of(warn)
        assert "หลักเกณฑ์ประกาศช้า" in text and "หลังวันเริ่มรอบ" in text
        await pilot.press("enter")
        await pilot.pause()
        res = app.screen
        assert isinstance(res, AppraisalResultsScreen) and res.round_id == late.id
        assert "หลังวันเริ่มรอบ" in text_of(res.query_one("#ap-res-late", Static))
        await pilot.press("escape")
        await pilot.pause()
        table.move_cursor(row=table.get_row_index(str(ok.id)))
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one("#ap-res-late", Static).display
