"""QA pass 2 in the TUI: office data is shown as text, never read as Textual markup.

A division name typed in settings or created by a staff import ("[/]", "[/b]", "[link=...]")
went into the staff form's division Select as markup: MarkupError, "เกิดข้อผิดพลาดที่ไม่คาดคิด"
four times, as soon as that division is picked in the form or the form opens on a member of
it (Enter on the row: the form does not open, the record cannot be edited). "กอง[b]คลัง" is
shown as "กองคลัง"; "[@click=app.quit]…[/]" becomes a link that runs an app action.
"""

from __future__ import annotations

import pytest
from textual.widgets import Select
from tui_helpers import SIZE, notifications, settle, start

from ethics_tui.service.settings import add_division
from ethics_tui.tui.screens.staff_form import StaffFormModal


@pytest.mark.parametrize("name", ["ส่วนโยธา [/]", "งานนิติการ [/b]", "[link=http://x]กองใหม่"])
async def test_a_division_name_with_brackets_keeps_the_staff_form_working(make_app, demo_ctx, name):
    division = add_division(demo_ctx, name)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StaffFormModal)
        form.query_one("#f-division_id", Select).value = division.id  # as picked from the list
        await settle(pilot)
        assert not [n for n in notifications(app) if "ไม่คาดคิด" in str(n)], notifications(app)
        assert app.screen is form
        assert name in str(form.query_one("#f-division_id", Select).query_one("#label").render())
