"""Keyboard-flow writes never block the UI (tui/widgets/write_queue.py): another process holds
the store's lock while the officer ticks people off with space, saves a row of the score grid
or a mapping preset; the event loop keeps running (a timer ticks, the cursor moves, the next
row is typed), the changes show at once as pending, and once the lock is free they land in the
order typed, an undo after the tick it undoes. A lock wait that runs out puts the rows back and
says so in Thai. No durations are asserted: the other process holds the lock until told."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from lock_holder import audit_entries, hold_lock, let_go, lock_timeout, wait_while
from textual.widgets import Input, Select
from tui_helpers import notifications, start, text_of

from ethics_tui.model.appraisal import AppraisalRound, round_of
from ethics_tui.service import appraisal as ap
from ethics_tui.service import notices as nsvc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service import staff as staff_svc
from ethics_tui.service import staff_mapping as sm
from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen
from ethics_tui.tui.screens.notices_ticks import PENDING_MARK, TickOffScreen
from ethics_tui.tui.screens.staff_import_map import StaffMapModal
from ethics_tui.tui.widgets.saving import run_write
from ethics_tui.tui.widgets.write_queue import queued

pytestmark = pytest.mark.writes_in_background
SMALL = (80, 24)


def fresh_circular(ctx) -> int:
    """The demo's first circular with nobody acknowledged yet."""
    n = next(n for n in nsvc.list_notices(ctx) if n.kind == "circular" and n.number == 1)
    acks.unacknowledge(ctx, n.id, [p.staff_id for p in acks.people(ctx, n.id)])
    return n.id


def ticker(app) -> list[int]:
    """A timer that also reads the store, as the screen does while writes wait."""
    ticks: list[int] = []
    app.set_interval(0.02, lambda: ticks.append(len(app.ctx.store.load().get("staff", {}))))
    return ticks


async def loop_ran(pilot, ticks: list[int], since: int) -> bool:
    for _ in range(200):  # a bound, not a timing
        if len(ticks) >= since + 3:
            return True
        await pilot.pause(0.02)
    return False


async def drained(pilot, node) -> None:
    await wait_while(pilot, lambda: queued(node))


def ack_log(data_dir, nid: int) -> list[tuple[str, int]]:
    prefix = f"{nid}:"
    return [
        (e["action"], int(e["id"][len(prefix) :]))
        for e in audit_entries(data_dir)
        if e["kind"] == "acks" and str(e["id"]).startswith(prefix)
    ]


async def open_ticks(pilot, nid: int, rows: int, seconds: float) -> tuple[TickOffScreen, list[int]]:
    """The tick-off screen, its first ``rows`` staff ids; writes wait ``seconds`` for the lock."""
    app = pilot.app
    await start(pilot, "hr")
    await app.push_screen(TickOffScreen(nid))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, TickOffScreen)
    screen.table.focus()
    await pilot.pause()
    lock_timeout(app, seconds)
    return screen, [int(k.value) for k in screen.table.rows][:rows]


def ack_cell(screen, sid: int) -> str:
    return str(screen.table.get_cell(str(sid), "ack"))


async def test_spaces_wait_off_the_loop_and_land_in_order_with_undo(make_app, demo_ctx):
    nid = fresh_circular(demo_ctx)
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        screen, ids = await open_ticks(pilot, nid, 4, seconds=20)  # longer than the lock is held
        ticks = ticker(app)
        log_before = ack_log(data, nid)
        holder = hold_lock(data)
        try:
            await pilot.press("space", "space", "space")  # three people, one after the other
            since = len(ticks)
            assert await loop_ran(pilot, ticks, since), "the event loop ran while the writes waited"
            assert holder.poll() is None
            assert screen.table.cursor_row == 3  # every key was answered at once
            for sid in ids[:3]:  # shown as ticked, marked as not stored yet
                assert "✓" in ack_cell(screen, sid) and PENDING_MARK.strip() in ack_cell(screen, sid)
            assert "✓" not in ack_cell(screen, ids[3])
            await pilot.press("ctrl+z")  # undoes the third tick, after it is stored
            assert screen.table.cursor_row == 2 and "✓" not in ack_cell(screen, ids[2])
            await pilot.press("down", "down")  # keys still answered while four writes wait
            assert screen.table.cursor_row == 4
            assert queued(screen) == 4
            assert ack_log(data, nid) == log_before  # nothing written while the lock is held
            await pilot.press("ctrl+q")  # no quitting under queued writes: they would be lost
            assert app.is_running and app.screen is screen
            assert any("ยังเหลืออีก" in n for n in notifications(app)), notifications(app)
            await pilot.pause(0.3)  # the saving badge is shown
            assert "กำลังบันทึก" in " ".join(text_of(b) for b in screen.query("SavingBadge"))
        finally:
            let_go(holder)
        await drained(pilot, screen)
        new = ack_log(data, nid)[len(log_before) :]
        assert new == [("acknowledge", ids[0]), ("acknowledge", ids[1]), ("acknowledge", ids[2]), ("undo", ids[2])]
        done = {p.staff_id: p.done for p in acks.people(app.ctx, nid)}
        assert [done[s] for s in ids] == [True, True, False, False]
        for sid in ids:  # the rows show what is stored, nothing pending
            assert PENDING_MARK.strip() not in ack_cell(screen, sid)
        assert not screen.query("SavingBadge")
        assert any("ย้อนกลับแล้ว" in n for n in notifications(app))
        await pilot.press("ctrl+q")  # all stored: now it quits
        await pilot.pause()
        assert not app.is_running


async def test_a_lock_wait_that_runs_out_puts_the_rows_back(make_app, demo_ctx, monkeypatch):
    nid = fresh_circular(demo_ctx)
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        screen, ids = await open_ticks(pilot, nid, 2, seconds=0.3)
        # the first write starts only when the test says so: both spaces are queued by then
        gate = threading.Event()
        real = acks.acknowledge
        monkeypatch.setattr(acks, "acknowledge", lambda *a, **k: gate.wait(30) and real(*a, **k))
        log_before = ack_log(data, nid)
        holder = hold_lock(data)
        try:
            await pilot.press("space", "space")
            assert queued(screen) == 2 and all("✓" in ack_cell(screen, s) for s in ids)
            gate.set()
            await drained(pilot, screen)
            assert holder.poll() is None
            for sid in ids:  # put back: not ticked, not pending
                assert "✓" not in ack_cell(screen, sid) and PENDING_MARK.strip() not in ack_cell(screen, sid)
            messages = notifications(app)
            failed = [m for m in messages if "รอฐานข้อมูลนานเกิน" in m]
            assert failed and "ยังไม่ได้บันทึก" in failed[0], messages
            names = [screen.people[s].name for s in ids]
            assert all(name in failed[0] for name in names)  # says who was not saved
            assert ack_log(data, nid) == log_before
            assert screen.undo_stack == []
        finally:
            let_go(holder)
        # once the lock is free the same key saves
        screen.table.move_cursor(row=0)
        await pilot.press("space")
        await drained(pilot, screen)
        assert next(p for p in acks.people(app.ctx, nid) if p.staff_id == ids[0]).done
        assert "✓" in ack_cell(screen, ids[0])


async def test_a_score_row_saves_while_the_next_is_typed(make_app, demo_ctx):
    people = [r.staff.id for r in staff_svc.search(demo_ctx)][:3]
    rnd = ap.create_round(demo_ctx, AppraisalRound(*round_of(date.today())), staff_ids=people)
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await app.push_screen(AppraisalResultsScreen(rnd.id))
        await pilot.pause()
        screen = app.screen
        ids = [int(k.value) for k in screen.table.rows]
        screen.table.focus()
        lock_timeout(app, 20)
        ticks = ticker(app)
        holder = hold_lock(data)
        try:
            await pilot.press("enter", *"60.5", "enter", *"25", "enter")
            since = len(ticks)
            assert await loop_ran(pilot, ticks, since)
            assert holder.poll() is None
            assert screen.editing == ids[1]  # the next row is ready at once
            assert "⋯" in str(screen.table.get_cell(str(ids[0]), "total"))  # shown at 80x24
            await pilot.press(*"63")  # and typed into while the first save waits
            assert screen.query_one("#in-results", Input).value == "63"
            assert queued(screen) == 1
            assert not ap.get_result(app.ctx, ids[0]).result.scored
            # a confirmed write of the screen (sign, refuse...) waits its turn: refused meanwhile
            assert run_write(screen, lambda: None) is None
        finally:
            let_go(holder)
        await drained(pilot, screen)
        first = ap.get_result(app.ctx, ids[0])
        assert (str(first.scores.total), first.scores.level) == ("85.50", "ดีมาก")
        assert "⋯" not in str(screen.table.get_cell(str(ids[0]), "total"))


async def test_a_preset_saves_while_the_modal_answers(tmp_path, make_app, demo_ctx):
    path = tmp_path / "lhr.csv"
    path.write_text("เลขพนักงาน,ชื่อ-สกุล,ตำแหน่งในสายงาน,สังกัด\nL-01,นายแมป ปิงคอลัมน์,นักจัดการ,กองคลัง\n", encoding="utf-8")
    data = demo_ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await app.push_screen(StaffMapModal(str(path)))
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, StaffMapModal) and modal.headers
        lock_timeout(app, 20)
        ticks = ticker(app)
        holder = hold_lock(data)
        try:
            modal.query_one("#map-name", Input).focus()
            modal.query_one("#map-name", Input).value = "LHR ปีนี้"
            await pilot.press("enter")
            since = len(ticks)
            assert await loop_ran(pilot, ticks, since)
            assert holder.poll() is None
            assert queued(modal) == 1 and "LHR ปีนี้" in modal.presets  # listed at once
            assert "กำลังบันทึก" in text_of(modal.query_one("#map-status"))
            assert sm.presets(app.ctx) == [] or all(p.name != "LHR ปีนี้" for p in sm.presets(app.ctx))
            await pilot.press("end", "backspace")  # the name field still answers
            assert modal.query_one("#map-name", Input).value == "LHR ปีนี"  # the tone mark went
        finally:
            let_go(holder)
        await drained(pilot, modal)
        assert sm.get_preset(app.ctx, "LHR ปีนี้").columns["full_name"] == "ชื่อ-สกุล"
        assert any("LHR ปีนี้" in n for n in notifications(app))
        assert modal.query_one("#map-preset", Select) is not None
