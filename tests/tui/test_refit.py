"""Register lists fit their columns again when the terminal is resized (RecordTable.refit): after
a resize a list shows what it would had it been opened at the new size, the highlighted record
and the filter kept."""

from __future__ import annotations

import pytest
import time_machine
from snapshot_helpers import SNAPSHOT_DIR, screen_text
from test_snapshots import FROZEN
from test_tour_fixes import signed_in
from textual.widgets import Input
from tui_helpers import settle, type_text

from demo_cache import fast_demo
from ethics_tui.tui.widgets.list_screen import ListScreen


@pytest.fixture
def frozen(ctx):
    """The day of the snapshots (day counts, fiscal years) and its demo office."""
    with time_machine.travel(FROZEN, tick=True):
        fast_demo(ctx, at=FROZEN)
        yield


def _shot(name: str) -> str:
    return (SNAPSHOT_DIR / f"{name}.txt").read_text(encoding="utf-8")


def _columns(table) -> list[tuple[str, int]]:
    return [(str(k.value), c.width) for k, c in table.columns.items()]


async def test_the_committee_list_opened_at_80_widens_as_if_opened_at_120(make_app, ctx, frozen):
    async with signed_in(make_app, ctx, "admin", "c", size=(80, 24)) as (app, pilot):
        narrow = _columns(app.screen.table)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        table = app.screen.table
        assert table.shows("term") and table.shows("members") and _columns(table) != narrow
        # the whole screen as the snapshot of the screen opened at 120x40 (no "แต่งตั้ง…" cut)
        assert screen_text(app) == _shot("admin-committee-120x40")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert _columns(app.screen.table) == narrow
        assert screen_text(app) == _shot("admin-committee-80x24")


@pytest.mark.parametrize(
    ("keys", "shot"),
    [(("f",), "training"), (("c", "n"), "committee")],
    ids=["training-two-tables", "committee-resized-under-its-form"],
)
async def test_a_list_resized_shows_its_snapshot_at_the_new_size(make_app, ctx, frozen, keys, shot):
    async with signed_in(make_app, ctx, "admin", *keys, size=(80, 24)) as (app, pilot):
        under_a_form = not isinstance(app.screen, ListScreen)
        assert under_a_form == (len(keys) > 1)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        if under_a_form:  # the list was under the form while the terminal changed
            await pilot.press("escape")
            await settle(pilot)
        assert isinstance(app.screen, ListScreen)
        assert screen_text(app) == _shot(f"admin-{shot}-120x40")


async def test_a_wider_terminal_with_the_same_columns_only_widens_the_flex_column(make_app, ctx):
    async with signed_in(make_app, ctx, "admin", "c", size=(120, 40)) as (app, pilot):
        table = app.screen.table
        before, rows = _columns(table), table._rows
        await pilot.resize_terminal(140, 40)
        await settle(pilot)
        after = _columns(table)
        assert [k for k, _ in after] == [k for k, _ in before]
        assert [w - v for (_k, w), (_k2, v) in zip(after, before)] == [20 if k == table.flex else 0 for k, _ in before]
        assert table._rows is rows  # no row made again
        assert table.virtual_size.width <= table.size.width


async def test_the_staff_list_keeps_its_cursor_and_filter_across_resizes(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "s", size=(80, 24)) as (app, pilot):
        screen = app.screen
        await pilot.press("slash")
        await type_text(pilot, "กอง")
        await settle(pilot)
        await pilot.press("enter", "down", "down")
        await settle(pilot)
        table = screen.table
        narrow, keys, cursor = _columns(table), [k.value for k in table.rows], table.cursor_key()
        assert cursor == keys[2] and not table.shows("type")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert table.shows("division") and table.shows("type")
        assert table.virtual_size.width <= table.size.width
        assert [k.value for k in table.rows] == keys and table.cursor_key() == cursor
        assert screen.query_one("#filter", Input).value == "กอง"
        assert len(table.get_row(cursor)) == len(table.columns)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert _columns(table) == narrow and table.cursor_key() == cursor
        assert [k.value for k in table.rows] == keys


async def test_rows_prepared_before_a_resize_are_shown_in_the_new_columns(make_app, ctx):
    """The staff filter prepares rows in a worker: a resize meanwhile must not mix column sets."""
    async with signed_in(make_app, ctx, "hr", "s", size=(80, 24)) as (app, pilot):
        screen = app.screen
        _records, prepared, _label = screen._page("", False)  # as the worker makes them
        screen.table.refit(120)
        screen.table.load_prepared(prepared)
        await settle(pilot)
        table = screen.table
        assert table.shows("type") and table.row_count
        assert all(len(table.get_row_at(n)) == len(table.columns) for n in range(table.row_count))
