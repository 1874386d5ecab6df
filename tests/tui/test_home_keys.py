"""Home's register keys have one path (80x24): every register spec's home key is bound, and the
screen's ``check_action`` decides from the register's permission (the app's for b and r) what
the role sees (the help, f1, reads the same active keys) and may use; another register's key is
refused with the Thai message the permission check gives."""

from __future__ import annotations

import pytest
from tui_helpers import notifications, settle, signed_in

from ethics_tui.errors import UserError
from ethics_tui.service.access import can, require
from ethics_tui.tui.registers import registers
from ethics_tui.tui.screens.help import HelpModal, screen_keys
from ethics_tui.tui.screens.home import HomeScreen


def _refusal(ctx, permission: str) -> str:
    with pytest.raises(UserError) as refused:
        require(ctx, permission)
    return refused.value.message("th")


@pytest.mark.parametrize("role", ["hr", "viewer"])
async def test_home_keys_come_from_the_specs_and_check_action_decides(make_app, ctx, role):
    async with signed_in(make_app, ctx, role) as (app, pilot):
        home = app.screen
        assert isinstance(home, HomeScreen)
        bound = {b.key: b.action for bindings in home._bindings.key_to_bindings.values() for b in bindings}
        refused = []
        for reg in registers():
            if not reg.hotkey:
                continue
            assert f"open_register('{reg.key}')" in bound.get(reg.hotkey, ""), reg.key  # whatever the role
            allowed = can(app.ctx, reg.permission)
            assert home.check_action("open_register", (reg.key,)) is allowed, reg.key
            assert (reg.hotkey in home.active_bindings) is allowed, reg.key  # what f1 and the footer read
            if not allowed:
                refused.append((reg.hotkey, reg.permission))
        for key, permission in (("b", "backup.create"), ("r", "backup.restore")):
            assert (key in home.active_bindings) is can(app.ctx, permission), key
            if not can(app.ctx, permission):
                refused.append((key, permission))
        assert refused  # neither role may use every key

        help_keys = {key for key, _label in screen_keys(home)}
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        assert {k for k, _ in app.screen.keys} == help_keys
        assert not help_keys & {key for key, _ in refused}
        await pilot.press("escape")
        await settle(pilot)

        for key, permission in refused:  # pressed anyway: the Thai refusal, nothing opens
            before = len(notifications(app))
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is home, key
            assert notifications(app)[before:] == [_refusal(app.ctx, permission)], key
