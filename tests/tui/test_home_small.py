"""Pilot: the home screen on small terminals (issue 17, item 6): every register the role may open
is on screen at 80x24 and 100x30, the alerts end with "… และอีก N รายการ" when they do not all fit
(w lists them all), the menu in two columns works with the arrows and enter."""

from __future__ import annotations

import os

import pytest
from snapshot_helpers import mask, screen_text
from textual.widgets import OptionList
from tui_helpers import settle, start, text_of

from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.screens.home import HomeScreen, home_alerts
from ethics_tui.tui.screens.home_menu import AlertsModal, MenuGrid

ROLES = ("admin", "hr", "committee", "complaints", "executive", "viewer")


def _labels(screen) -> list[str]:
    """The menu's entries as the home screen lists them (hotkey + label, badge left out)."""
    nav = screen.query_one("#nav", OptionList)
    out = []
    for i in range(nav.option_count):
        prompt = nav.get_option_at_index(i).prompt
        text = prompt.plain if hasattr(prompt, "plain") else str(prompt)
        out.append(text.split("  ⚠")[0].strip())
    return out


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_every_register_is_on_screen_for_every_role(make_app, demo_ctx, size):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=size) as pilot:
        for role in ROLES:
            await start(pilot, role)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, HomeScreen)
            shown = screen_text(app)
            labels = _labels(screen)
            assert len(labels) >= 3, role
            for label in labels:
                assert label in shown, (role, size, label, shown)
            if role == "complaints":  # the overdue badge keeps its count, shortened if need be
                from ethics_tui.service import complaints

                n = apply_digits(str(complaints.overdue_count(app.ctx)), "thai")
                assert any("เรื่องร้องเรียนการทุจริต" in ln and "⚠" in ln and n in ln for ln in shown.splitlines())
            if os.environ.get("SHOW_HOME"):
                print(f"\n--- {role} {size}\n{shown}")
            alerts = [apply_digits(a, "thai") for a in home_alerts(app.ctx, app.lang)]
            more = [line for line in shown.splitlines() if "และอีก" in line]
            fits = all(mask(a).split(":")[0][:20] in shown for a in alerts)  # years masked as on screen
            assert bool(more) != fits, (role, size, shown)
            await pilot.press("ctrl+l")
            await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_every_menu_label_is_whole_in_english(make_app, demo_ctx, size):
    """The roles with the most and the longest entries (Thai: the test above; no label is cut
    until the terminal is under 69 columns)."""
    app = make_app(demo_ctx.store.dir, "en")
    async with app.run_test(size=size) as pilot:
        for role in ("admin", "committee"):
            await start(pilot, role)
            await settle(pilot)
            assert app.ctx.user.username == role
            shown = screen_text(app)
            for label in _labels(app.screen):
                assert label in shown, (role, size, label, shown)
            await pilot.press("ctrl+l")
            await settle(pilot)


async def test_more_line_w_shows_all_and_the_two_column_menu_works(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "admin")  # (start waits for the sign-in to settle)
        screen = app.screen
        lines = text_of(screen.query_one("#home-alerts")).splitlines()
        more = lines[-1]
        assert more.startswith("… และอีก") and "w: ดูทั้งหมด" in more
        total = len(home_alerts(app.ctx, app.lang))
        first = sum(line.startswith("⚠") for line in lines)
        assert apply_digits(f"และอีก {total - first} รายการ", "thai") in more
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, AlertsModal)
        assert len(app.screen.lines) == total
        assert "esc ปิด" in screen_text(app)  # the dialog names its close key, as every dialog does
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        app.push_screen(AlertsModal("-", [f"⚠ {i}" for i in range(40)]))  # a long list scrolls:
        await pilot.pause()  # its key line stays in the dialog
        assert isinstance(app.screen, AlertsModal) and "esc ปิด" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # the menu in two columns: read down the first column, then the second
        grid = screen.query_one("#nav-grid", MenuGrid)
        assert grid.display and grid.has_focus and grid.rows < len(grid.entries)
        await pilot.press("down", "right", "left", "down")
        assert grid.highlighted == 2 and grid.entries[2][0] == "open_register('notices')"
        # a tall terminal: one column with the same entry highlighted, every alert, no "more" line
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        nav = screen.query_one("#nav", OptionList)
        assert "และอีก" not in text_of(screen.query_one("#home-alerts"))
        assert nav.display and not grid.display and nav.has_focus and nav.highlighted == 2
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert grid.has_focus and grid.highlighted == 2
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not screen and type(app.screen).__name__ == "NoticesScreen"
