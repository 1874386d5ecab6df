"""Issue 17, the second tour (hr 80x24, executive/viewer 100x30 and 120x40, ...): what it found."""

from __future__ import annotations

from test_tour_fixes import signed_in
from tui_helpers import settle

from demo_cache import fast_demo

SMALL = (80, 24)


async def test_the_score_grid_keeps_staff_codes_in_arabic_digits(make_app, ctx):
    """The demo office writes Thai digits; a staff code is an identifier and stays 0010 in the
    score grid as in the staff list, the tick-off and the entry line under the grid."""
    from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "a", size=SMALL) as (app, pilot):
        await pilot.press("enter")  # the newest round
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AppraisalResultsScreen)
        table = screen.table
        codes = [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]
        assert codes and all(c.isascii() and c.isdigit() for c in codes), codes[:3]
