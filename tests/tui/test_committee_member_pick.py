"""The committee member dialog (ctrl+n in the order form) at 80x24: what is typed in its search
box is kept whichever way the person is picked (QA 30 Nov: down, enter linked the outsider line
and left the name empty)."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from tui_helpers import settle, signed_in, type_text


@pytest.mark.parametrize(("keys", "linked"), [(("enter",), True), (("down", "enter"), True)])
async def test_enter_or_down_enter_after_a_search_links_the_first_match(make_app, ctx, keys, linked):
    async with signed_in(make_app, ctx, "hr", "c", "n", "ctrl+n") as (app, pilot):
        dialog = app.screen
        await type_text(pilot, "สมชาย")
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        assert dialog.staff_id is not None
        assert "สมชาย" in dialog.query_one("#f-name", Input).value
        assert dialog.query_one("#f-position", Input).value
        assert app.focused is dialog.query_one("#f-role")  # next: the role in the committee


async def test_an_outsider_keeps_the_name_typed_in_the_search_box(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "c", "n", "ctrl+n") as (app, pilot):
        dialog = app.screen
        await type_text(pilot, "นางภายนอก ไม่มีในทะเบียน")  # no match: only the outsider line
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.staff_id is None
        name = dialog.query_one("#f-name", Input)
        assert name.value == "นางภายนอก ไม่มีในทะเบียน" and app.focused is name


async def test_down_past_the_last_match_stays_on_it_not_the_outsider_line(make_app, ctx):
    """QA 30 Nov: down twice after a search with one match wrapped onto the outsider line, and
    enter made the typed search an outsider's name not linked to the register."""
    from ethics_tui.service import staff as staff_svc
    from ethics_tui.service.demo import demo_sign_in

    async with signed_in(make_app, ctx, "hr", "c", "n", "ctrl+n") as (app, pilot):
        dialog = app.screen
        await type_text(pilot, "สมชาย")
        await settle(pilot)
        matches = staff_svc.search(demo_sign_in(ctx, "hr"), "สมชาย")
        for _ in range(len(matches) + 2):  # into the list, past the last match, and once more
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.staff_id == matches[-1].staff.id
        assert dialog.query_one("#f-name", Input).value == matches[-1].staff.full_name
