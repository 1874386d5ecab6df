"""First start on an empty folder: the wizard, or the demo office."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import SIZE, settle, start, text_of

from ethics_tui.model.settings import DEFAULT_DIVISIONS
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.tui.screens.first_start import FirstStartScreen
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.settings_form import OfficeSettingsModal
from ethics_tui.tui.screens.sign_in import SignInScreen
from ethics_tui.tui.screens.users_forms import UserFormModal


async def test_wizard_creates_the_office(tmp_path, make_app):
    data = tmp_path / "data"
    app = make_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, FirstStartScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, OfficeSettingsModal)
        # saving without a name is refused, with the reason at the field
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OfficeSettingsModal)
        assert "ต้องกรอกชื่อหน่วยงาน" in text_of(app.screen.query_one("#err-office_name"))
        await pilot.click("#f-office_name")
        await pilot.press(*"อบต.ทดสอบ")
        app.screen.query_one("#f-province", Input).value = "อุดรธานี"
        app.screen.query_one("#f-letter_prefix", Input).value = "อด ๗๑๒๐๑"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, UserFormModal)  # next: the administrator account
        form = app.screen
        form.query_one("#f-username", Input).value = "admin1"
        form.query_one("#f-display_name", Input).value = "ผู้ดูแล"
        form.query_one("#f-password", Input).value = "admin-pass-1"
        form.query_one("#f-confirm", Input).value = "admin-pass-1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await start(pilot, "admin1", "admin-pass-1")
        # first start: the administrator is asked to create the recovery code
        from ethics_tui.tui.screens.users_keys import RecoveryCodeModal
        from ethics_tui.tui.widgets.confirm import ConfirmModal

        assert isinstance(app.screen, ConfirmModal) and "รหัสกู้คืน" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryCodeModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert text_of(app.screen.query_one("#office-name")) == "อบต.ทดสอบ"
        assert "รหัสกู้คืน" not in text_of(app.screen.query_one("#home-alerts"))

    ctx = Context.open(data)
    assert ctx.store.load()["vault"]["1"]["recovery"]["public"]
    s = settings_svc.get_settings(ctx)
    assert (s.office_name, s.province, s.letter_prefix) == ("อบต.ทดสอบ", "อุดรธานี", "อด ๗๑๒๐๑")
    assert [d.name for d in settings_svc.list_divisions(ctx)] == list(DEFAULT_DIVISIONS)


async def test_demo_office_loads(tmp_path, make_app):
    data = tmp_path / "data"
    app = make_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)  # the demo has accounts
        assert "demo1234" in text_of(app.screen.query_one(".hint"))
        await start(pilot)
        assert isinstance(app.screen, HomeScreen)
        n = staff_svc.count(app.ctx)
        assert n >= 50
        counts = text_of(app.screen.query_one("#office-counts"))
        assert "กอง" in counts and "บุคลากร" in counts
        assert app.sub_title  # the office name is in the header


async def test_english_and_f2_toggle(tmp_path, make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert "Active staff" in text_of(app.screen.query_one("#office-counts"))
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "บุคลากรที่ปฏิบัติงาน" in text_of(app.screen.query_one("#office-counts"))
