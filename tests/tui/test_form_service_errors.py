"""FormModal keeps the errors the service raised (a code already used) until the next submit:
a late Input.Changed re-validates the form but must not wipe them."""

from __future__ import annotations

from textual.widgets import Input, Select
from tui_helpers import SIZE, start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import list_divisions
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.staff_form import StaffFormModal


async def test_a_duplicate_code_stays_shown_until_the_next_submit(make_app, demo_ctx):
    taken = staff_svc.search(demo_ctx, "")[0].staff.code
    division = list_divisions(demo_ctx)[1]
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StaffScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StaffFormModal)
        form.query_one("#f-prefix", Input).value = "นาย"
        form.query_one("#f-first_name", Input).value = "ทดลอง"
        form.query_one("#f-last_name", Input).value = "ใจงาม"
        form.query_one("#f-position", Input).value = "นักจัดการงานทั่วไป"
        form.query_one("#f-division_id", Select).value = division.id
        form.query_one("#f-staff_type", Select).value = "พนักงานจ้างทั่วไป"
        form.query_one("#f-code", Input).value = taken
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "ซ้ำ" in text_of(form.query_one("#err-code"))
        # typing elsewhere re-validates the form: the service's error is kept
        form.query_one("#f-position", Input).value = "นักจัดการงานทั่วไปชำนาญการ"
        await pilot.pause()
        assert "ซ้ำ" in text_of(form.query_one("#err-code"))
        assert form.query_one("#err-code").display
        # the next submit asks the service again: a free code saves
        form.query_one("#f-code", Input).value = "T-777"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert [r.staff.code for r in staff_svc.search(app.ctx, "T-777")] == ["T-777"]
