"""The ITA items screen tells a newcomer what the cut-short cells hide: the selected item in full
(each file's period and state, what it must show), a notice while the folder is written, and where
the folder is and what to do with it. 80×24, as hr."""

from __future__ import annotations

from textual.widgets import DataTable, Static
from tui_helpers import notifications, settle, start, text_of

from ethics_tui.service import ita_items
from ethics_tui.tui.screens.report_ita import ItaItemsScreen

SMALL = (80, 24)


async def test_detail_of_the_selected_item_and_the_folder_notice(make_app, demo_ctx, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await app.run_action("app.open_register('ita')")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ItaItemsScreen)
        fy = screen.fy
        items = ita_items.load(app.ctx, fy).items
        n = next(i for i, it in enumerate(items) if len({r for _o, r in it.uses()}) > 1)  # O18: half year and last year
        table = screen.query_one("#ita-items", DataTable)
        table.move_cursor(row=n)
        await pilot.pause()
        detail = screen.query_one("#ita-detail", Static)
        text = text_of(detail)
        item = items[n]
        assert text.startswith(item.code + " ")  # the code as in ITAS, not in Thai digits
        assert "6 เดือนแรก" in text.replace("๖", "6") and text.count("ปีงบประมาณ") >= 2  # each file's period
        assert detail.region.bottom <= 23 and detail.region.height >= 3  # shown above the footer at 80×24
        await pilot.press("v")
        await pilot.pause()
        assert any("กำลังจัดทำ" in x for x in notifications(app))  # something happens at once
        await settle(pilot)
        done = [x for x in notifications(app) if "index.html" in x]
        assert done and f"ita-{fy}" in done[-1] and "อัปโหลด" in done[-1]
        assert table.cursor_row == n  # the same item stays selected after the reload


async def test_wide_terminal_gives_the_state_column_the_room(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, "hr")
        await app.run_action("app.open_register('ita')")
        await settle(pilot)
        table = app.screen.query_one("#ita-items", DataTable)
        widths = {str(k.value): c.width for k, c in table.columns.items()}
        assert widths["state"] > 32 and widths["title"] > 28
        assert table.virtual_size.width <= table.region.width  # nothing cut off on the right


async def test_report_screen_folder_says_where_and_what_next(make_app, demo_ctx, tmp_path, monkeypatch):
    from ethics_tui.tui.screens.report import ReportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await app.run_action("app.open_register('report')")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await pilot.press("v")
        await pilot.pause()
        assert any("กำลังจัดทำ" in x for x in notifications(app))
        await settle(pilot)
        done = [x for x in notifications(app) if "index.html" in x]
        assert done and f"ita-{screen.fy}" in done[-1] and "อัปโหลด" in done[-1]
        assert (tmp_path / "exports" / str(screen.fy) / f"ita-{screen.fy}" / "index.html").exists()
