"""QA findings of 30 Nov at 80x24 (each failed before its fix): sign-out from a register, leaving
a form with typed data, a list's columns after the terminal shrinks."""

from __future__ import annotations

from tui_helpers import notifications, signed_in


async def test_signing_out_from_a_register_shows_no_sign_in_error(make_app, ctx):
    """QA 30 Nov: ctrl+l from a register popped it, home resumed with nobody signed in and its
    recount raised 'ต้องเข้าสู่ระบบก่อน…' as a toast on the sign-in screen."""
    from ethics_tui.tui.screens.sign_in import SignInScreen

    async with signed_in(make_app, ctx, "hr", "s", "ctrl+l") as (app, pilot):
        assert isinstance(app.screen, SignInScreen)
        left = notifications(app)
        assert not [n for n in left if "ต้องเข้าสู่ระบบ" in n], left


async def test_leaving_a_form_with_typed_data_asks_first(make_app, ctx):
    """QA 30 Nov: ctrl+l (sign out), ctrl+q (quit) and the palette's home closed a form holding
    typed, unsaved data at once; escape asks 'ทิ้งข้อมูลที่กรอกไว้…' first. Now each asks too: n
    keeps the form and what was typed, y goes on. A form without changes does not ask."""
    from tui_helpers import settle, type_text

    from ethics_tui.tui.screens.sign_in import SignInScreen
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    async with signed_in(make_app, ctx, "hr", "s", "n") as (app, pilot):
        await type_text(pilot, "นาง")
        await pilot.press("tab")
        await type_text(pilot, "ข้อมูลที่พิมพ์ไว้")
        await settle(pilot)
        form = app.screen
        typed = form._field_values()
        assert form.has_unsaved_changes()
        for key in ("ctrl+l", "ctrl+q"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, ConfirmModal), key
            await pilot.press("n")
            await settle(pilot)
            assert app.screen is form and form._field_values() == typed, key
        app.action_home()  # the palette's "home"
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
    async with signed_in(make_app, ctx, "hr", "s", "n") as (app, pilot):  # nothing typed: no question
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)


async def test_the_committee_list_fits_again_after_the_terminal_shrinks(make_app, ctx):
    from tui_helpers import settle

    async with signed_in(make_app, ctx, "hr", "c", size=(120, 40)) as (app, pilot):
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        table = app.screen.table
        assert table.virtual_size.width <= table.size.width, (table.virtual_size, table.size)
