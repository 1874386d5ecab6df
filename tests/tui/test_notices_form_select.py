"""The circular editor chooses the letter's form (issue 13: external letter or internal memo),
and an export from a screen tells the user that no emblem file is set."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, TextArea
from tui_helpers import notifications, settle, start

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.service import notices as svc
from ethics_tui.thai.dates import today
from ethics_tui.tui.screens.notices import NoticesScreen
from ethics_tui.tui.screens.notices_forms import NoticeFormModal


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
    return demo.demo_sign_in(ctx, "admin")


async def test_circular_form_select_at_80x24_and_emblem_warning_after_export(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NoticesScreen)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoticeFormModal)
        select = form.query_one("#f-form", Select)
        assert select.value == "external"
        form.query_one("#f-title", Input).value = "แจ้งเวียนถึงบุคลากรภายใน"
        form.query_one("#f-to", Input).value = "พนักงานทุกท่าน"
        form.query_one("#f-body", TextArea).text = "ขอให้ทุกท่านถือปฏิบัติ"
        select.focus()
        for _ in range(20):  # focusing scrolls the form to the field after a refresh
            await pilot.pause()
            if 0 <= select.region.y < 24:
                break
        assert select.region.height > 0 and select.region.y < 24 and select.region.width > 20  # visible
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press("down", "enter")  # the internal memo form
        await pilot.pause()
        assert select.value == "memo"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        draft = next(n for n in svc.list_notices(app.ctx) if n.title == "แจ้งเวียนถึงบุคลากรภายใน")
        assert draft.form == "memo"
        svc.publish(app.ctx, draft.id, number=77, on=today())  # a circular prints once issued
        app._notifications.clear()
        screen.export(draft.id, "document")  # ctrl+e: the PDF, in the memo form
        await settle(pilot)
        said = notifications(app)
        assert any("เขียน PDF แล้ว" in m for m in said), said
        assert any("ตราครุฑ" in m for m in said), said  # no emblem file in the demo office
