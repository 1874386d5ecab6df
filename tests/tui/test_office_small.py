"""Issue 17 item 12: the smaller problems, at 80×24."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input
from tui_helpers import notifications, settle, start, text_of, type_text

from demo_cache import fast_demo
from ethics_tui.service import committee as cm
from ethics_tui.service import demo

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
    return demo.demo_sign_in(ctx, "admin")


async def test_slash_in_the_per_person_view_does_not_go_into_the_search(make_app, office):
    from ethics_tui.tui.screens.notices_coverage import PersonCoverageScreen

    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PersonCoverageScreen)
        await pilot.press("down", "slash")
        await type_text(pilot, "สม")
        box = app.screen.query_one("#person-filter", Input)
        assert box.value == "สม" and box.has_focus


async def test_sign_out_clears_the_messages(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "viewer")
        app.notify("ข้อผิดพลาดของผู้ใช้ก่อน", severity="error")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not any("ผู้ใช้ก่อน" in m for m in notifications(app))


async def test_palette_shows_thai_titles_only(make_app, office):
    from textual.command import CommandList, CommandPalette

    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await settle(pilot)  # the palette's search (a worker) has listed every command
        listed = palette.query_one(CommandList)
        shown = " ".join(str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count))
        assert "app." not in shown and "open_register" not in shown
        for english in ("Keys", "Maximize", "Screenshot", "Theme", "Quit"):
            assert english not in shown, english
        await type_text(pilot, "zzzz")
        await pilot.pause(palette._NO_MATCHES_COUNTDOWN + 0.3)
        shown = " ".join(str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count))
        assert "No matches" not in shown and "ไม่พบ" in shown


async def test_committee_screen_says_when_an_issued_term_starts(make_app, office):
    current = next(o for o in cm.list_orders(office) if o.status == "issued")
    draft = cm.successor(office, current.id)
    cm.revoke(office, current.id, date.today(), "ทดสอบ")  # no committee sits today...
    draft = cm.get_order(office, draft.id)
    draft.supersedes = None  # a fresh order, the old one revoked
    draft.term_start = (date.today() + timedelta(days=1)).isoformat()  # ...the new one sits tomorrow
    draft.term_end = (date.today() + timedelta(days=700)).isoformat()
    draft = cm.save_draft(office, draft)
    cm.issue(office, draft.id, None, date.today())
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("c")
        await pilot.pause()
        shown = text_of(app.screen.query_one("#cm-current"))
        assert "เริ่มวาระ" in shown and "ยังไม่มีคณะ" not in shown, shown


async def test_staff_form_hints_that_the_position_leaves_out_the_level(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "ไม่ต้องใส่ระดับ" in app.screen.query_one("#f-position", Input).placeholder
