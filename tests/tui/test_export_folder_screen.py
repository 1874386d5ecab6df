"""Issue 17 item 11 at 80×24: the exports folder is an office setting edited on the settings
screen; exports land there; the message gives the full path and ctrl+o opens the folder, or
says where it is when it cannot."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import notifications, settle, start

from ethics_tui.service import exports
from ethics_tui.service.settings import get_settings
from ethics_tui.tui.screens.settings import SettingsScreen
from ethics_tui.tui.screens.settings_form import OfficeSettingsModal
from ethics_tui.tui.widgets.prompt import TextPromptModal

SMALL = (80, 24)


async def test_set_the_exports_folder_then_export_and_open_it(tmp_path, make_app, demo_ctx, monkeypatch):
    folder = tmp_path / "สำนักปลัด" / "ส่งออก"
    opened = []
    monkeypatch.setattr(exports, "open_folder", lambda p: opened.append(p) or True)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OfficeSettingsModal)
        form.query_one("#f-exports_dir", Input).value = f'"{folder}"'  # dropped onto the terminal
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert get_settings(app.ctx).exports_dir == str(folder)  # stored without the quotes
        fy_folder = exports.export_folder(app.ctx)
        assert fy_folder.parent == folder
        assert str(fy_folder) in str(app.screen.query_one("#office-summary").render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("x")  # staff export: the default is in the exports folder
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        assert prompt.query_one("#f-text", Input).value == str(fy_folder / "staff.xlsx")
        await pilot.press("enter")
        await settle(pilot)
        assert (fy_folder / "staff.xlsx").is_file()
        done = list(app._notifications)[-1]
        assert str(fy_folder / "staff.xlsx") in done.message and "ctrl+o" in done.title, done
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert opened == [fy_folder]


async def test_without_a_desktop_ctrl_o_says_the_folder(tmp_path, make_app, demo_ctx, monkeypatch):
    monkeypatch.setenv("ETHICS_TUI_SERVE", "1")  # as under ethics-tui serve
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert any(f"ไฟล์อยู่ในโฟลเดอร์ {exports.export_folder(app.ctx)}" in m for m in notifications(app))
