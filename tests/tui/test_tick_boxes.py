"""An unticked box is empty (app.tcss): Textual's dim X in an unticked box read as ticked on a
dim screen (QA: the roles form showed six X's for an account with two roles)."""

from __future__ import annotations

from textual.widgets import SelectionList
from tui_helpers import signed_in


def _colours(widget, component: str):
    style = widget.get_component_rich_style(component)
    return style.color, style.bgcolor


async def test_a_roles_box_shows_its_x_only_when_ticked(make_app, ctx):
    async with signed_in(make_app, ctx, "admin", "u", "e") as (app, pilot):
        roles = app.screen.query_one(SelectionList)
        assert 0 < len(roles.selected) < roles.option_count
        fg, bg = _colours(roles, "selection-list--button")
        assert fg == bg, (fg, bg)  # the X is drawn in the box's own colour: an empty box
        fg, bg = _colours(roles, "selection-list--button-selected")
        assert fg != bg


async def test_a_checkbox_shows_its_x_only_when_ticked(make_app, ctx):
    from textual.widgets import Checkbox

    async with signed_in(make_app, ctx, "complaints", "p", "n") as (app, pilot):
        box = app.screen.query(Checkbox).first()
        box.value = False
        await pilot.pause()
        fg, bg = _colours(box, "toggle--button")
        assert fg == bg, (fg, bg)
        box.value = True
        await pilot.pause()
        fg, bg = _colours(box, "toggle--button")
        assert fg != bg
