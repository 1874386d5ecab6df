"""The settings screen shows its numbers (heading size, idle minutes) in the office's digits; the
form takes Thai or Arabic digits and stores numbers."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input
from tui_helpers import settle, start

from demo_cache import fast_demo
from ethics_tui.service.settings import get_settings, save_settings


def summary(app) -> str:
    """The settings as the screen lists them (they scroll in half the screen at 80x24)."""
    return str(app.screen.query_one("#office-summary").render())


async def test_settings_values_in_the_office_digits(make_app, ctx):
    fast_demo(ctx)
    assert get_settings(ctx).digits == "thai"
    app = make_app(ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "admin")
        await pilot.press("t")
        await settle(pilot)
        shown = summary(app)
        assert "ขนาดหัวเรื่อง (พอยต์): ๑๖" in shown and "(นาที, ๐ = ไม่ออกเอง): ๑๕" in shown, shown
        await pilot.press("e")
        await settle(pilot)
        assert "๐ = ไม่ออกเอง" in app.screen.query_one("#row-idle_minutes").label  # the form's label too
        app.screen.query_one("#f-title_pt", Input).value = "๑๘"
        app.screen.query_one("#f-idle_minutes", Input).value = "๒๐"
        await pilot.press("ctrl+s")
        await settle(pilot)
        s = get_settings(ctx)
        assert (s.title_pt, s.idle_minutes) == (18, 20)
        shown = summary(app)
        assert "ขนาดหัวเรื่อง (พอยต์): ๑๘" in shown and "ไม่ออกเอง): ๒๐" in shown, shown
        # an office with Arabic digits sees Arabic ones
        save_settings(app.ctx, replace(get_settings(app.ctx), digits="arabic"))
        await pilot.press("escape", "t")
        await settle(pilot)
        shown = summary(app)
        assert "ขนาดหัวเรื่อง (พอยต์): 18" in shown and "(นาที, 0 = ไม่ออกเอง): 20" in shown, shown
