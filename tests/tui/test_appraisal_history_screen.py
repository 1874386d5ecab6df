"""The result history screen at 80x24: h on a results row (named in f1 for hr, whose key line
is full; in the key line for the executive) and on a grievance row; read only, B.E. dates in
the office's digits, sealed values hidden from an executive without the hr key."""

from __future__ import annotations

from datetime import date

from snapshot_helpers import screen_text
from textual.widgets import Static
from tui_helpers import footer_problems, settle, start, text_of

from ethics_tui.model.appraisal import AppraisalRound, round_of
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.screens.appraisal_grievances import AppraisalGrievancesScreen
from ethics_tui.tui.screens.appraisal_history import AppraisalHistoryScreen
from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

SMALL = (80, 24)
TODAY = date.today()


def lived(ctx) -> int:
    """The first result of a new round: notified, signed, reopened and re-scored, signed,
    grieved, upheld and revised."""
    people = [r.staff.id for r in staff_svc.search(ctx)][:3]
    rnd = svc.create_round(ctx, AppraisalRound(*round_of(TODAY)), staff_ids=people)
    rid = svc.list_results(ctx, rnd.id)[0].result.id
    svc.set_scores(ctx, rid, "50", "20")
    appraisal_review.mark_notified(ctx, rid, TODAY)
    appraisal_review.acknowledge(ctx, rid, TODAY)
    appraisal_review.reopen(ctx, rid, "พิมพ์คะแนนผิดช่อง")
    svc.set_scores(ctx, rid, "52", "20")
    appraisal_review.acknowledge(ctx, rid, TODAY)
    g = appraisal_review.file_grievance(ctx, rid, TODAY, "นายก", "เหตุผลลับของผู้ร้อง")
    appraisal_review.decide_grievance(ctx, g.id, "upheld", TODAY, "ให้ทบทวน")
    appraisal_review.revise_after_grievance(ctx, g.id, "60", "25", on=TODAY)
    return rid


def cell_texts(screen) -> list[list[str]]:
    t = screen.table
    return [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]


async def test_h_on_a_result_shows_its_history_in_thai_digits(make_app, demo_ctx):
    rid = lived(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("a", "enter")
        await settle(pilot)
        results = app.screen
        assert isinstance(results, AppraisalResultsScreen)
        assert footer_problems(app, SMALL) == []
        assert "h ประวัติ" not in screen_text(app).splitlines()[-1]  # hr's key line is full...
        await pilot.press("f1")
        await settle(pilot)
        assert "ประวัติ" in text_of(app.screen.query_one("#help-text", Static))  # ...so f1 names it
        await pilot.press("escape")
        results.table.move_cursor(row=results.table.get_row_index(str(rid)))
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AppraisalHistoryScreen)
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

    rid = lived(demo_ctx)
    users_svc.set_roles(demo_ctx, "executive", ["viewer"])  # drops the hr key (see test_appraisal_screens)
    users_svc.set_roles(demo_ctx, "admin", ["admin"])
    admin = Context(store=demo_ctx.store)
    users_svc.sign_in(admin, "admin", "demo1234")
    users_svc.set_roles(admin, "executive", ["executive"])  # pending: nobody signed in holds the key
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "executive")
        await pilot.press("a", "enter")
        await settle(pilot)
        results = app.screen
        assert isinstance(results, AppraisalResultsScreen)
        assert "h ประวัติ" in screen_text(app).splitlines()[-1]  # no writing keys: h is in the key line
        results.table.move_cursor(row=results.table.get_row_index(str(rid)))
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AppraisalHistoryScreen)
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
