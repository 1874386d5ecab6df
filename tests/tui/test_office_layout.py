"""Issue 17 item 6: at 80×24 the columns that matter stay on screen (columns by priority)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable
from tui_helpers import start

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.service import notices as svc

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
    return demo.demo_sign_in(ctx, "admin")


def visible_keys(table: DataTable, width: int) -> list[str]:
    """The columns whose whole cell lies within the terminal's width."""
    x, out = 0, []
    for column in table.ordered_columns:
        x += column.get_render_width(table)
        if x <= width:
            out.append(column.key.value)
    return out


async def test_lists_keep_what_matters_at_80_columns(make_app, office):
    n = next(n for n in svc.list_notices(office) if n.kind == "circular" and n.published)
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await pilot.pause()
        shown = visible_keys(app.screen.table, 78)
        assert {"title", "status", "date", "cov"} <= set(shown), shown
        app.screen.table.move_cursor(row=app.screen.table.get_row_index(str(n.id)))
        await pilot.press("k")
        await pilot.pause()
        shown = visible_keys(app.screen.table, 78)
        assert {"code", "name", "ack"} <= set(shown), shown
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        shown = visible_keys(app.screen.query_one(DataTable), 78)
        assert {"no", "subject", "status", "term", "members"} <= set(shown), shown
