"""Issue 17 item 7: keys typed ahead are neither lost nor misread (80×24). The burst is sent to
the app all at once, as a terminal delivers a fast typist's keys or a paste."""

from __future__ import annotations

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input
from tui_helpers import start

from ethics_tui.service import demo
from ethics_tui.tui.screens.sign_in import SignInScreen

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    demo.load_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


async def burst(pilot, *keys: str) -> None:
    """Send every key before the app handles any, then wait until all are handled."""
    app = pilot.app
    for key in keys:
        name = key if len(key) > 1 else _character_to_key(key)
        event = events.Key(name, key if len(key) == 1 else ("\t" if key == "tab" else None))
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(200):
        await pilot.pause(0.01)
        if getattr(getattr(app, "typeahead", None), "idle", True):
            break
    await pilot.pause()


async def test_keys_typed_after_n_go_into_the_new_form(make_app, office):
    from ethics_tui.tui.screens.staff_form import StaffFormModal

    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("s")
        await pilot.pause()
        before = app.screen
        await burst(pilot, "n", "a", "b", "c", "d", "tab", "x", "y")
        form = app.screen
        assert isinstance(form, StaffFormModal)
        fields = list(form.query(Input))
        assert fields[0].value == "abcd"  # none reached the list, where a/d are commands
        assert fields[1].value == "xy"  # the tab moved on
        assert before.query_one("#staff-table") is not None


async def test_a_tab_in_a_burst_moves_to_the_next_field(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await burst(pilot, "h", "r", "tab", "a", "b")
        assert app.screen.query_one("#f-username", Input).value == "hr"
        assert app.screen.query_one("#f-password", Input).value == "ab"
