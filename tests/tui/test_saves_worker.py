"""Saves never block the UI: another process holds the store's lock file (.ethics.lock) while a
form is saved; the event loop keeps running (a timer ticks, keys are answered), the form shows
that it is saving, the save lands once after the lock is free, and a wait past lock_timeout
leaves the form open with a Thai message and nothing written. No durations are asserted: the
other process holds the lock until the test tells it to let go."""

from __future__ import annotations

import pytest
from lock_holder import audit_lines, hold_lock, let_go, wait_while
from textual.widgets import Button, Input, Select
from tui_helpers import start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import list_divisions
from ethics_tui.tui.screens.staff_form import StaffFormModal
from ethics_tui.tui.widgets.saving import writing
from ethics_tui.tui.widgets.tables import cursor_id

pytestmark = pytest.mark.writes_in_background
SMALL = (80, 24)


async def open_filled_form(pilot, demo_ctx) -> StaffFormModal:
    await start(pilot)
    for key in ("s", "n"):  # staff, then a new person
        await pilot.press(key)
        await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, StaffFormModal)
    form.query_one("#f-prefix", Input).value = "นาย"
    form.query_one("#f-first_name", Input).value = "รอคอย"
    form.query_one("#f-last_name", Input).value = "ใจเย็น"
    form.query_one("#f-position", Input).value = "นักจัดการงานทั่วไป"
    form.query_one("#f-division_id", Select).value = list_divisions(demo_ctx)[1].id
    form.query_one("#f-staff_type", Select).value = "พนักงานจ้างทั่วไป"
    form.query_one("#f-code", Input).value = "W-001"
    await pilot.pause()
    return form


async def wait_until_saved(pilot, form) -> None:
    await wait_while(pilot, lambda: writing(form))


async def test_the_loop_runs_while_a_save_waits_for_the_lock(make_app, demo_ctx):
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_filled_form(pilot, demo_ctx)
        app.ctx.store.lock_timeout = 20  # longer than the test holds the lock
        ticks = []
        # each tick also reads the store, as a screen does while a save waits
        app.set_interval(0.02, lambda: ticks.append(len(app.ctx.store.load().get("staff", {}))))
        before = audit_lines(data)
        holder = hold_lock(data)
        try:
            await pilot.press("ctrl+s")
            start_ticks = len(ticks)
            for _ in range(200):  # until the timer has fired a few times
                if len(ticks) >= start_ticks + 3:
                    break
                await pilot.pause(0.02)
            assert holder.poll() is None, "the other process still holds the lock"
            assert len(ticks) >= start_ticks + 3  # the event loop ran while the save waited
            assert app.screen is form and writing(form), [str(n.message) for n in app._notifications]
            assert "กำลังบันทึก" in text_of(form.query_one(".hint"))
            assert form.query_one("#save", Button).disabled
            await pilot.press("escape")  # answered at once; the form is not lost
            await pilot.press("ctrl+s")  # a second press does not save twice
            assert app.screen is form
            assert any("กำลังบันทึก" in str(n.message) for n in app._notifications)
            assert audit_lines(data) == before  # nothing written while the lock is held
        finally:
            let_go(holder)
        await wait_until_saved(pilot, form)
        assert app.screen is not form
        assert [r.staff.code for r in staff_svc.search(app.ctx, "W-001")] == ["W-001"]
        assert audit_lines(data) == before + 1  # saved once


async def test_a_lock_wait_that_runs_out_keeps_the_form(make_app, demo_ctx):
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_filled_form(pilot, demo_ctx)
        app.ctx.store.lock_timeout = 0.3
        app.ctx.store._flock = None  # made again with the short timeout on the next write
        before = audit_lines(data)
        staff_before = len(app.ctx.store.load()["staff"])
        holder = hold_lock(data)
        try:
            await pilot.press("ctrl+s")
            await wait_until_saved(pilot, form)
            assert app.screen is form  # still open, with what was typed
            assert form.query_one("#f-first_name", Input).value == "รอคอย"
            assert form.query_one("#f-code", Input).value == "W-001"
            assert not form.query_one("#save", Button).disabled
            messages = [str(n.message) for n in app._notifications]
            assert any("ยังไม่ได้บันทึก" in m and "รอฐานข้อมูลนานเกิน" in m for m in messages), messages
            assert audit_lines(data) == before
            assert len(app.ctx.store.load()["staff"]) == staff_before
        finally:
            let_go(holder)
        # once the lock is free the same form saves
        await pilot.press("ctrl+s")
        await wait_until_saved(pilot, form)
        assert app.screen is not form
        assert audit_lines(data) == before + 1


async def test_a_confirmed_write_on_a_screen_waits_off_the_loop(make_app, demo_ctx):
    """A screen's confirm-then-write (staff: d, y) waits for the lock in a worker too; a second
    one on the same screen is refused with the saving message; the first lands once."""
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        screen.table.focus()
        await pilot.pause()
        sid = cursor_id(screen.table)
        assert staff_svc.get(app.ctx, sid).active
        app.ctx.store.lock_timeout = 20
        before = audit_lines(data)
        holder = hold_lock(data)
        try:
            await pilot.press("d", "y")
            assert writing(screen) and app.screen is screen
            await pilot.press("d", "y")  # refused: the first write still waits
            assert any("กำลังบันทึก" in str(n.message) for n in app._notifications)
            assert audit_lines(data) == before
        finally:
            let_go(holder)
        await wait_until_saved(pilot, screen)
        assert not staff_svc.get(app.ctx, sid).active
        assert audit_lines(data) == before + 1
