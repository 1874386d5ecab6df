"""QA regressions of the notices register: Thai digits in the list, the tick date prompt,
refusals before a form opens."""

from __future__ import annotations

import re

import pytest
from tui_helpers import SIZE, notifications, start, text_of

from demo_cache import fast_demo
from ethics_tui.model.notices import Notice
from ethics_tui.service import demo
from ethics_tui.service import notices as svc
from ethics_tui.thai.dates import today
from ethics_tui.tui.screens.notices import NoticesScreen
from ethics_tui.tui.screens.notices_forms import PublishModal
from ethics_tui.tui.screens.notices_ticks import TickOffScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal

ARABIC = re.compile(r"[0-9]")


@pytest.fixture
def office(ctx):
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


async def open_notices(pilot) -> NoticesScreen:
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoticesScreen)
    return pilot.app.screen


async def test_id_column_stays_arabic_and_publish_message_follows_thai_digits(make_app, office):
    draft = svc.save_draft(
        office, Notice(kind="announcement", title="ทดสอบเลขไทย", intro="คำนำ", dated=today().isoformat())
    )
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_notices(pilot)
        ids = [str(screen.table.get_cell(str(n), "id")) for n in screen.rows]
        assert ids and all(i.isascii() and i.isdigit() for i in ids), ids  # an identifier (issue 17)
        screen.table.move_cursor(row=screen.table.get_row_index(str(draft.id)))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PublishModal)
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        shown = [m for m in notifications(app) if "ทดสอบเลขไทย" in m]
        assert shown and not ARABIC.search(shown[-1].replace("ทดสอบเลขไทย", "")), shown


async def test_tick_date_prompt_refuses_at_the_field(make_app, office):
    n = next(n for n in svc.list_notices(office) if n.kind == "circular" and n.published)
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_notices(pilot)
        screen.table.move_cursor(row=screen.table.get_row_index(str(n.id)))
        await pilot.press("k")
        await pilot.pause()
        ticks = app.screen
        assert isinstance(ticks, TickOffScreen)
        before = ticks.tick_date
        await pilot.press("f3")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        for typed, expected in (("31/02/2568", "ไม่มีวันที่ 31 กุมภาพันธ์"), ("01/01/2560", "ก่อนวันที่เผยแพร่")):
            prompt.query_one("#f-text").value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is prompt  # not accepted
            assert expected in text_of(prompt.query_one("#err-text"))
        await pilot.press("escape")
        await pilot.pause()
        assert ticks.tick_date == before


async def test_viewer_refused_before_the_publish_form(make_app, office):
    draft = svc.save_draft(
        office, Notice(kind="announcement", title="ร่างของผู้ดูอย่างเดียว", intro="คำนำ", dated=today().isoformat())
    )
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        screen = await open_notices(pilot)
        screen.table.move_cursor(row=screen.table.get_row_index(str(draft.id)))
        for key in ("p", "e", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, key
        assert any("ไม่มีสิทธิ์" in m for m in notifications(app))
