"""Issue 17 item 7: keys typed ahead are neither lost nor misread (80×24). The burst is sent to
the app all at once, as a terminal delivers a fast typist's keys or a paste."""

from __future__ import annotations

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input
from tui_helpers import start

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.tui.screens.sign_in import SignInScreen

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
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


async def test_thai_then_tab_in_a_burst_fills_two_office_fields(make_app, tmp_path):
    """First start, office form: "ก ข ค Tab ง จ" typed at once fills two fields (Tab not lost)."""
    from ethics_tui.tui.screens.first_start import FirstStartScreen

    app = make_app(tmp_path / "fresh")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstStartScreen)
        await pilot.press("1")
        await pilot.pause()
        form = app.screen
        assert isinstance(app.focused, Input) and app.focused.id == "f-office_name"
        await burst(pilot, "ก", "ข", "ค", "tab", "ง", "จ")
        # the Tab moved on (to the office type, a list): the next keys did not land in the name;
        # they open the list and search it (FormModal.on_key)
        assert form.query_one("#f-office_name", Input).value == "กขค"
        focused = app.focused
        assert "f-office_type" in (focused.id, focused.parent.id if focused.parent else None)
        form.query_one("#f-district", Input).focus()
        await pilot.pause()
        # two text fields in a row, with Thai vowels and tone marks in the burst
        await burst(pilot, "ท", "ี", "่", "tab", "ด", "ี", "tab", "ก", "ข")
        assert form.query_one("#f-district", Input).value == "ที่"
        assert form.query_one("#f-province", Input).value == "ดี"
        assert app.focused.id == "f-executive_name"
        assert form.query_one("#f-executive_name", Input).value == "กข"
