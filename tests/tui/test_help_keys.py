"""The help (f1) at 80x24: it opens over a form too (closing it keeps what was typed), and it
lists only keys the signed-in role can use, in the office's digits as the menu writes them."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from tui_helpers import notifications, settle, signed_in, text_of, type_text

from ethics_tui.service.access import can
from ethics_tui.tui.registers import registers
from ethics_tui.tui.screens.help import HelpModal
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.training_forms import OpportunityFormModal


def help_text(app) -> str:
    assert isinstance(app.screen, HelpModal)
    return text_of(app.screen.query_one("#help-text"))


def listed_keys(text: str) -> list[str]:
    """The keys of the help's first part (this screen's keys)."""
    part = text.split("\n\n")[0].splitlines()[1:]
    return [line.split()[0] for line in part if line.strip()]


async def test_f1_opens_the_help_over_a_form_and_keeps_what_was_typed(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "f", "n") as (app, pilot):
        form = app.screen
        assert isinstance(form, OpportunityFormModal)
        title = form.query_one("#f-title", Input)
        title.focus()
        await type_text(pilot, "อบรมจริยธรรม")
        await pilot.press("f1")
        await settle(pilot)
        text = help_text(app)
        assert "^s         บันทึก" in text  # the form's own keys
        app_part = text.split(app.t("help_app_keys"))[1].split(app.t("help_palette"))[0]
        assert "f1" in app_part and "ctrl+q" in app_part
        assert "f2" not in app_part  # the language switches only outside a dialog: not offered
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form and title.value == "อบรมจริยธรรม"
        assert app.focused is title


async def test_f2_is_still_offered_outside_a_dialog(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "f1") as (app, _pilot):
        app_part = help_text(app).split(app.t("help_app_keys"))[1]
        assert "f2" in app_part and "f1" in app_part


@pytest.mark.parametrize("role", ["hr", "executive"])
async def test_help_on_home_lists_only_keys_the_role_can_use(make_app, ctx, role):
    async with signed_in(make_app, ctx, role, "f1") as (app, pilot):
        text = help_text(app)
        keys = listed_keys(text)
        for reg in registers():
            if reg.hotkey:
                assert (reg.hotkey in keys) == can(app.ctx, reg.permission), (role, reg.key, keys)
        if role == "hr":
            assert "u" not in keys and "ผู้ใช้และสิทธิ์" not in text.split("\n\n")[0]
            assert "๖–๗" in text and "6–7" not in text  # as the menu writes it
        await pilot.press("escape")
        await settle(pilot)
        for key in keys:  # each listed key works: no refusal
            before = len(notifications(app))
            await pilot.press(key)
            await settle(pilot)
            refused = [m for m in notifications(app)[before:] if "สิทธิ์" in m]
            assert not refused, (role, key, refused)
            while not isinstance(app.screen, HomeScreen):
                await pilot.press("escape")
                await settle(pilot)


async def test_a_register_key_the_role_may_not_use_is_still_refused_in_thai(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "u") as (app, _pilot):
        assert isinstance(app.screen, HomeScreen)
        assert any("สิทธิ์" in m for m in notifications(app)), notifications(app)


def palette_part(app) -> list[str]:
    return [line.strip() for line in help_text(app).split(app.t("help_palette"))[1].splitlines() if line.strip()]


async def test_the_help_over_a_form_lists_only_palette_commands_that_work_there(make_app, ctx):
    """QA stop 24: over a form the help listed every palette command; "ภาษา: English" does
    nothing in a dialog (the language switches only outside one). The palette leaves it out
    there too, and offers it again on the screen under the form."""
    from textual.command import CommandPalette

    from ethics_tui.tui.commands import available

    async with signed_in(make_app, ctx, "hr", "c", "n") as (app, pilot):
        form = app.screen
        lang = app.t("cmd_lang")
        assert lang not in [title for title, _action in available(app)]
        await pilot.press("f1")
        await settle(pilot)
        listed = palette_part(app)
        assert lang not in listed and app.t("cmd_home") in listed and app.t("cmd_quit") in listed
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")  # the palette opened over the form: the form is what it works on
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert lang not in [title for title, _action in available(app)]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form
        await pilot.press("escape")  # nothing typed: back to the list
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert lang in palette_part(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert lang in [title for title, _action in available(app)]  # under the palette: the list


async def test_every_palette_action_parses_and_one_with_an_argument_opens_its_form(make_app, ctx):
    """A register command whose screen action has quoted arguments ("new('circular')") was put
    in single quotes inside single quotes: choosing it raised ActionError."""
    from textual.actions import parse

    from ethics_tui.tui.commands import available
    from ethics_tui.tui.screens.notices_forms import NoticeFormModal

    async with signed_in(make_app, ctx, "admin") as (app, pilot):
        for _title, action in available(app):
            parse(action)
        action = dict(available(app))["หนังสือเวียน: สร้างใหม่"]
        await app.run_action(action)
        await settle(pilot)
        assert isinstance(app.screen, NoticeFormModal)
