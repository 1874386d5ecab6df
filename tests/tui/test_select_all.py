"""ctrl+a in a text box selects its whole text, as in Word and Excel (Textual moved to the
start: QA pasted a path into a pre-filled export path and got both, and folders named after the
old path's file were made)."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import signed_in


async def test_ctrl_a_selects_the_whole_text_then_typing_replaces_it(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "s", "n") as (app, pilot):
        box = app.screen.query(Input).first()
        box.focus()
        box.value = "/tmp/exports/2570/order-1-2569.pdf"
        box.cursor_position = 5
        await pilot.press("ctrl+a")
        assert box.selected_text == box.value
        await pilot.press(*"abc")
        assert box.value == "abc"


async def test_ctrl_a_outside_a_text_box_does_nothing(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "s") as (app, pilot):
        screen = app.screen
        screen.table.focus()
        await pilot.press("ctrl+a")
        assert app.screen is screen and app.unexpected_errors == []
