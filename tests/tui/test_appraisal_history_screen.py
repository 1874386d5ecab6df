"""The result history screen at 80x24: h on a results row (named in f1 for hr, whose key line
is full; in the key line for the executive) and on a grievance row; read only, B.E. dates in
the office's digits, sealed values hidden from an executive without the hr key."""

from __future__ import annotations

from datetime import date

from snapshot_helpers import screen_text
from textual.widgets import Static
from tui_helpers import footer_problems, settle, signed_in, text_of

from appraisal_cases import lived, round_today
from ethics_tui.service import appraisal as svc
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.screens.appraisal_grievances import AppraisalGrievancesScreen
from ethics_tui.tui.screens.appraisal_history import AppraisalHistoryScreen
from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

SMALL = (80, 24)
TODAY = date.today()


async def open_history(pilot, results, rid: int) -> AppraisalHistoryScreen:
    """h on the row of result ``rid``."""
    results.table.move_cursor(row=results.table.get_row_index(str(rid)))
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AppraisalHistoryScreen)
    return pilot.app.screen


def cell_texts(screen) -> list[list[str]]:
    t = screen.table
    return [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]


async def test_h_on_a_result_shows_its_history_in_thai_digits(make_app, demo_ctx):
    rid, _g = lived(demo_ctx, round_today(demo_ctx, 3))
    async with signed_in(make_app, demo_ctx, "hr", "a", "enter") as (app, pilot):
        results = app.screen
        assert isinstance(results, AppraisalResultsScreen)
        assert footer_problems(app, SMALL) == []
        assert "h ประวัติ" not in screen_text(app).splitlines()[-1]  # hr's key line is full...
        await pilot.press("f1")
        await settle(pilot)
        assert "ประวัติ" in text_of(app.screen.query_one("#help-text", Static))  # ...so f1 names it
        await pilot.press("escape")
        screen = await open_history(pilot, results, rid)
        rows = cell_texts(screen)
        day = format_date(TODAY, "abbr", "thai")
        assert [r[0] for r in rows] == [day] * 8  # B.E., Thai digits (the demo office's setting)
        assert [r[1] for r in rows] == [
            "แจ้งผล",
            "ลงนามรับทราบ",
            "เปิดแก้ไข",
            "ลงนามรับทราบ",
            "ยื่นคำร้องทุกข์",
            "คำร้องทุกข์: ฟังขึ้น",
            "แก้คะแนนตามคำร้องทุกข์",
            "แจ้งผล",
        ]
        assert rows[2][2] == "๗๐.๐๐ → ๗๒.๐๐ (ดี)" and rows[6][2] == "๗๒.๐๐ → ๘๕.๐๐ (ดีมาก)"
        assert "รอรับทราบ" in text_of(screen.query_one("#ap-hist-now", Static))
        screen.table.move_cursor(row=2)
        await pilot.pause()
        detail = text_of(screen.query_one("#ap-hist-detail", Static))
        assert "เหตุผล: พิมพ์คะแนนผิดช่อง" in detail and "ผลสัมฤทธิ์ของงาน ๕๐.๐๐/๗๐" in detail
        screen.table.move_cursor(row=4)
        await pilot.pause()
        assert "เหตุผลลับของผู้ร้อง" in text_of(screen.query_one("#ap-hist-detail", Static))
        assert footer_problems(app, SMALL) == []
        before = svc.get_result(app.ctx, rid).result.rev
        await pilot.press("s", "r", "o", "e", "enter")  # read only: no key changes anything
        await settle(pilot)
        assert app.screen is screen and svc.get_result(app.ctx, rid).result.rev == before
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is results


async def test_an_executive_without_the_key_sees_the_events_not_the_values(make_app, demo_ctx):
    from ethics_tui.service import users as users_svc

    rid, _g = lived(demo_ctx, round_today(demo_ctx, 3))
    users_svc.set_roles(demo_ctx, "executive", ["viewer"])  # drops the hr key (see test_appraisal_screens)
    users_svc.set_roles(demo_ctx, "admin", ["admin"])
    admin = Context(store=demo_ctx.store)
    users_svc.sign_in(admin, "admin", "demo1234")
    users_svc.set_roles(admin, "executive", ["executive"])  # pending: nobody signed in holds the key
    async with signed_in(make_app, demo_ctx, "executive", "a", "enter") as (app, pilot):
        results = app.screen
        assert isinstance(results, AppraisalResultsScreen)
        assert "h ประวัติ" in screen_text(app).splitlines()[-1]  # no writing keys: h is in the key line
        screen = await open_history(pilot, results, rid)
        rows = cell_texts(screen)
        assert len(rows) == 8 and rows[0][2] == "ปกปิด" and rows[6][2] == "ปกปิด"
        shown = screen_text(app)
        assert "๗๐.๐๐" not in shown and "ปกปิด" in text_of(screen.query_one("#ap-hist-now", Static))
        for i in range(len(rows)):
            screen.table.move_cursor(row=i)
            await pilot.pause()
            detail = text_of(screen.query_one("#ap-hist-detail", Static))
            assert "เหตุผลลับของผู้ร้อง" not in detail and "ให้ทบทวน" not in detail and "๕๐.๐๐" not in detail
        await pilot.press("escape", "escape", "g")  # the grievances screen has h too
        await settle(pilot)
        assert isinstance(app.screen, AppraisalGrievancesScreen)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, AppraisalHistoryScreen) and app.screen.result_id == rid
