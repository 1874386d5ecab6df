"""The staff register driven through the real app."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import list_divisions
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.staff_form import StaffFormModal
from ethics_tui.tui.widgets.confirm import ConfirmModal


async def open_staff(pilot) -> StaffScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StaffScreen)
    return pilot.app.screen


async def test_add_a_person_through_the_form(make_app, demo_ctx):
    before = staff_svc.count(demo_ctx)
    division = list_divisions(demo_ctx)[1]
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await open_staff(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StaffFormModal)
        # Pilot cannot press Thai combining marks one by one; these words have none
        await pilot.press(*"นาย", "tab", *"ทดลอง", "tab", *"ใจงาม", "tab")
        assert app.focused is form.query_one("#f-position")
        form.query_one("#f-position", Input).value = "นักจัดการงานทั่วไป"
        form.query_one("#f-division_id", Select).value = division.id
        form.query_one("#f-staff_type", Select).value = "พนักงานจ้างทั่วไป"
        form.query_one("#f-code", Input).value = "T-001"
        form.query_one("#f-start_date", Input).value = "๐๑/๑๐/๒๕๖๘"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        rows = [r for r in staff_svc.search(app.ctx, "T-001")]
        assert len(rows) == 1
        s = rows[0].staff
        assert (s.prefix, s.first_name, s.last_name) == ("นาย", "ทดลอง", "ใจงาม")
        assert (s.position, s.division_id, s.staff_type) == ("นักจัดการงานทั่วไป", division.id, "พนักงานจ้างทั่วไป")
        assert s.start_date == "2025-10-01"
        assert staff_svc.count(app.ctx) == before + 1
        table = screen.query_one(DataTable)
        assert str(s.id) in {k.value for k in table.rows}
        assert screen.selected_id() == s.id  # the cursor is on the new row
        assert any("ทดลอง" in m for m in notifications(app))


async def test_form_errors_are_shown_at_the_field(make_app, demo_ctx):
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await open_staff(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-prefix", Input).value = "นาง"
        form.query_one("#f-last_name", Input).value = "ทดสอบ"
        form.query_one("#f-position", Input).value = "ครู"
        form.query_one("#f-start_date", Input).value = "31/02/2568"
        form.query_one("#f-email", Input).value = "not-an-email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not dismissed
        assert text_of(form.query_one("#err-first_name")) == "ต้องกรอกชื่อ"
        assert "31" in text_of(form.query_one("#err-start_date"))
        assert "กุมภาพันธ์" in text_of(form.query_one("#err-start_date"))
        assert text_of(form.query_one("#err-email")) == "อีเมลไม่ถูกต้อง"
        assert text_of(form.query_one("#err-division_id")) == "ต้องเลือกกอง"
        assert text_of(form.query_one("#err-prefix")) == ""  # a good field shows no error
        assert form.focused is form.query_one("#f-first_name")  # first bad field has focus
        # fixing a field clears its message as you type
        await pilot.press(*"สมใจ")
        await pilot.pause()
        assert text_of(form.query_one("#err-first_name")) == ""
        # escape asks before throwing away what was typed: "n" keeps the form, "y" discards
        from ethics_tui.tui.widgets.confirm import ConfirmModal

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-first_name").value.endswith("สมใจ")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, StaffScreen)
    assert staff_svc.count(demo_ctx) == before


async def test_edit_updates_the_row_in_place(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await open_staff(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=3)
        staff_id = screen.selected_id()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StaffFormModal)
        form.query_one("#f-position", Input).value = "ตำแหน่งที่แก้ไข"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert staff_svc.get(app.ctx, staff_id).position == "ตำแหน่งที่แก้ไข"
        assert str(table.get_cell(str(staff_id), "position")) == "ตำแหน่งที่แก้ไข"
        assert screen.selected_id() == staff_id


async def test_filter_narrows_the_table(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await open_staff(pilot)
        table = screen.query_one(DataTable)
        total = table.row_count
        assert total == staff_svc.count(demo_ctx)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"กองคล")  # no combining marks (see test_add...)
        await settle(pilot)  # the search runs in a worker
        expected = staff_svc.search(demo_ctx, "กองคล")
        assert 0 < table.row_count == len(expected) < total
        assert {k.value for k in table.rows} == {str(r.staff.id) for r in expected}
        # found, out of everyone listed
        assert f"พบ {len(expected)} จาก {total} คน".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in text_of(
            screen.query_one("#staff-count")
        )
        await pilot.press("escape")  # clears the filter first
        await settle(pilot)
        assert table.row_count == total
        assert isinstance(app.screen, StaffScreen)


async def test_deactivate_asks_first(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await open_staff(pilot)
        table = screen.query_one(DataTable)
        rows_before = table.row_count
        staff_id = screen.selected_id()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert staff_svc.get(app.ctx, staff_id).active is True
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert staff_svc.get(app.ctx, staff_id).active is False
        assert table.row_count == rows_before - 1
        assert str(staff_id) not in {k.value for k in table.rows}
        # the "show inactive" toggle brings the person back, still recorded
        await pilot.press("a")
        await settle(pilot)
        assert str(staff_id) in {k.value for k in table.rows}
