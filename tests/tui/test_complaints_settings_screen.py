"""The complaint settings modal driven through the real app (demo office, demo accounts)."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, OptionList, Select
from tui_helpers import SIZE, notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.service import complaints as svc
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.tui.screens.complaints import ComplaintsScreen
from ethics_tui.tui.screens.complaints_forms import InfoModal, IntakeModal
from ethics_tui.tui.screens.complaints_settings import ComplaintSettingsModal
from ethics_tui.tui.screens.complaints_stats import ComplaintStatsScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal

NEW = "ไปรษณีย์อิเล็กทรอนิกส์"


@pytest.fixture
def office(ctx, monkeypatch, tmp_path):

    monkeypatch.chdir(tmp_path)
    fast_demo(ctx)
    return ctx


def officer(ctx) -> Context:
    return demo_sign_in(Context(store=ctx.store), "complaints")


def channels_shown(modal) -> list[str]:
    box = modal.query_one("#f-channels", OptionList)
    return [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]


async def open_modal(pilot) -> ComplaintSettingsModal:
    await start(pilot, "complaints")
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ComplaintsScreen)
    await pilot.press("s")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, ComplaintSettingsModal)
    return modal


async def test_add_remove_save_then_intake_offers_the_new_channel(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_modal(pilot)
        assert app.focused is modal.query_one("#f-channels")
        box = modal.query_one("#f-new_channel", Input)
        box.focus()
        box.value = NEW
        await pilot.press("enter")
        await pilot.pause()
        assert channels_shown(modal)[-1] == NEW and box.value == ""
        box.value = "line oa"  # already listed: refused at the field
        await pilot.press("enter")
        await pilot.pause()
        assert "อยู่แล้ว" in text_of(modal.query_one("#err-new_channel"))
        box.value = ""
        # remove Facebook: highlight it, d, confirm (the question says cases keep their channel)
        listing = modal.query_one("#f-channels", OptionList)
        listing.focus()
        listing.highlighted = channels_shown(modal).index("Facebook")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "ยังคงบันทึกช่องทางเดิม" in text_of(app.screen.query_one("#question"))
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is modal and "Facebook" not in channels_shown(modal)
        # a bad number is refused at its field and nothing is saved
        modal.query_one("#f-due_review", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal
        assert "จำนวนเต็มบวก" in text_of(modal.query_one("#err-due_review"))
        assert svc.get_settings(office).rev == 0
        modal.query_one("#f-due_review", Input).value = "๒๐"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ComplaintsScreen)
        assert "บันทึกการตั้งค่าเรื่องร้องเรียนแล้ว" in notifications(app)
        saved = svc.get_settings(office)
        assert saved.channels[-1] == NEW and "Facebook" not in saved.channels and saved.due_days["review"] == 20
        # the intake form offers the updated list
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, IntakeModal)
        select = form.query_one("#f-channel", Select)
        offered = [value for _prompt, value in select._options]
        assert NEW in offered and "Facebook" not in offered
        select.value = NEW
        form.query_one("#f-subject", Input).value = "ถนนในหมู่บ้านชำรุด"
        form.query_one("#f-anonymous", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InfoModal)
    assert any(c.channel == NEW for c in svc.list_cases(officer(office)))


async def test_escape_cancels_without_saving(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_modal(pilot)
        box = modal.query_one("#f-new_channel", Input)
        box.focus()
        box.value = NEW
        await pilot.press("enter")
        modal.query_one("#f-retention_years", Input).value = "20"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # confirm: discard what was typed
        await pilot.pause()
        assert isinstance(app.screen, ComplaintsScreen)
    s = svc.get_settings(office)
    assert (s.rev, NEW in s.channels, s.retention_years) == (0, False, 10)


async def test_admin_reaches_it_from_the_palette_entry_and_viewer_is_refused(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin")
        await app.run_action("app.open_register('complaints', 'complaint_settings')")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ComplaintSettingsModal)
        assert isinstance(app.screen_stack[-2], ComplaintStatsScreen)  # admin cannot read cases
        app.screen.query_one("#f-retention_years", Input).value = "12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ComplaintStatsScreen)
    assert svc.get_settings(office).retention_years == 12
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        await app.run_action("app.open_register('complaints', 'complaint_settings')")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ComplaintStatsScreen)
        assert any("ไม่มีสิทธิ์ตั้งค่าเรื่องร้องเรียน" in n for n in notifications(app))


async def test_palette_lists_the_settings_entry(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"เรื่องร้องเรียน: ตั้งค่า")
        await settle(pilot)  # the palette's search (a worker) has listed its hits
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ComplaintSettingsModal)
        assert isinstance(app.screen_stack[-2], ComplaintsScreen)
