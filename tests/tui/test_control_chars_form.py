"""Issue 15 item 17 in the TUI: a control character is a field error in the staff form."""

from __future__ import annotations

from textual.widgets import Input, Select
from tui_helpers import SIZE, start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import list_divisions
from ethics_tui.tui.screens.staff_form import StaffFormModal


async def test_an_escape_in_a_name_is_a_field_error(make_app, demo_ctx):
    before = staff_svc.count(demo_ctx)
    division = list_divisions(demo_ctx)[1]
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StaffFormModal)
        for name, value in (
            ("prefix", "นาย"),
            ("first_name", "สม\x1b[2Jชาย"),
            ("last_name", "ใจดี"),
            ("position", "ครู"),
        ):
            form.query_one(f"#f-{name}", Input).value = value
        form.query_one("#f-division_id", Select).value = division.id
        form.query_one("#f-staff_type", Select).value = "พนักงานจ้างทั่วไป"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "U+001B" in text_of(form.query_one("#err-first_name"))
        assert text_of(form.query_one("#err-last_name")) == ""
    assert staff_svc.count(demo_ctx) == before
