"""The staff filter searches off the event loop (issue 20, item 6)."""

from __future__ import annotations

import threading

from textual.widgets import DataTable
from tui_helpers import SIZE, settle, start

from ethics_tui.service import staff as staff_svc
from ethics_tui.tui.screens.staff import StaffScreen


async def test_typing_in_the_filter_searches_in_a_worker_thread(make_app, demo_ctx, monkeypatch):
    threads: list[bool] = []
    real = staff_svc.search_page

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(staff_svc, "search_page", spy)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StaffScreen)
        threads.clear()
        await pilot.press("slash", *"กองคล")
        await settle(pilot)
        assert threads and not any(threads)  # every keystroke's search ran off the main thread
        expected = staff_svc.search(demo_ctx, "กองคล")
        assert {k.value for k in screen.query_one(DataTable).rows} == {str(r.staff.id) for r in expected}


def test_search_page_counts_all_and_builds_only_the_page(demo_ctx):
    rows, total, listed = staff_svc.search_page(demo_ctx, "", limit=5)
    assert len(rows) == 5 and total == staff_svc.count(demo_ctx)
    assert [r.staff.id for r in rows] == [r.staff.id for r in staff_svc.search(demo_ctx)][:5]
    # a change of the table is seen at once (the index follows the stored table)
    s = staff_svc.get(demo_ctx, rows[0].staff.id)
    s.position = "ตำแหน่งใหม่พิเศษ"
    staff_svc.update(demo_ctx, s)
    found, total, listed = staff_svc.search_page(demo_ctx, "ตำแหน่งใหม่พิเศษ")
    assert total == 1 and found[0].staff.id == s.id
    assert listed == staff_svc.count(demo_ctx)  # everyone the search looked at


async def test_filter_cuts_the_cells_in_the_worker(make_app, demo_ctx, monkeypatch):
    """Cutting the cells on screen to their columns between Thai words (word breaking) is done
    with the search, off the event loop: painting the new page cuts nothing on the main thread,
    and the 500 rows are not all cut (DataTable's measure of every new row skips the columns of
    fixed width)."""
    from rich.cells import cell_len

    from ethics_tui.tui.widgets import record_table

    cut_on_main: list[str] = []
    real = record_table.fit_cell

    def spy(text, width):
        if threading.current_thread() is threading.main_thread() and cell_len(text.plain) > width > 1:
            cut_on_main.append(text.plain)
        return real(text, width)

    monkeypatch.setattr(record_table, "fit_cell", spy)
    record_table._FITTED.clear()
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("s")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        cut_on_main.clear()
        await pilot.press("slash", *"นาง")
        await settle(pilot)
        painted = list(cut_on_main)
        on_screen = range(min(table.row_count, table.size.height - 1))
        shown = [str(c) for r in on_screen for c in table._get_row_renderables(r).cells]
        assert table.row_count and any(s.endswith("…") for s in shown)  # long cells are cut ...
        assert painted == [] and cut_on_main == []  # ... by the worker (the rows on screen)


async def test_staff_screen_keeps_the_office_out_of_full_collections(make_app, demo_ctx):
    """While the staff screen is open what existed when it opened is frozen (gc.freeze): the
    rows each filter key makes no longer trigger full passes over all of the office's objects;
    unfrozen when the screen goes, so nothing it held stays uncollectable."""
    import gc

    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert gc.get_freeze_count() == 0
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StaffScreen) and gc.get_freeze_count() > 0
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, StaffScreen)
        assert gc.get_freeze_count() == 0
