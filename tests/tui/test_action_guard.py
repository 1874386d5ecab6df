"""Keys a role may not use are neither shown nor working (issues 16/17): every register screen
declares ``ACTION_PERMISSIONS`` and ``GuardedScreen.check_action`` hides the rest at 80×24."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen
from tui_helpers import settle, start

from demo_cache import fast_demo
from ethics_tui.service import appraisal as appraisal_svc
from ethics_tui.service import demo
from ethics_tui.service import notices as notices_svc
from ethics_tui.service.access import can
from ethics_tui.service.context import Context
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import registers
from ethics_tui.tui.screens.appraisal_grievances import AppraisalGrievancesScreen
from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen
from ethics_tui.tui.screens.complaints_destruction import DestructionScreen
from ethics_tui.tui.screens.notices_ticks import TickOffScreen
from ethics_tui.tui.screens.settings import SettingsScreen
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.training_views import TrainingQuestionsScreen

SMALL = (80, 24)
ROLES = ("viewer", "hr", "committee", "complaints", "executive", "admin")


def _screens(ctx):
    """(permission to open it, factory) for every register screen."""
    admin = demo.demo_sign_in(Context(store=ctx.store), "admin")
    notice = next(n for n in notices_svc.list_notices(admin) if n.published)
    rnd = appraisal_svc.list_rounds(admin)[0]
    out = [("staff.read", StaffScreen), ("settings.read", SettingsScreen)]
    out += [(reg.permission, reg.screen) for reg in registers()]
    out += [
        ("notices.read", lambda: TickOffScreen(notice.id)),
        ("appraisal.people", lambda: AppraisalResultsScreen(rnd.id)),
        ("appraisal.people", lambda: AppraisalGrievancesScreen(rnd.id)),
        ("training.read", TrainingQuestionsScreen),
        ("complaints.purge", DestructionScreen),
    ]
    return out


def _shown_forbidden(app, screen) -> list[str]:
    """Footer keys of ``screen`` whose declared permission the signed-in user lacks."""
    bad = []
    for key, active in screen.active_bindings.items():
        perm = getattr(active.node, "ACTION_PERMISSIONS", {}).get(active.binding.action.split("(")[0])
        if perm and active.binding.show and not can(app.ctx, perm):
            bad.append(f"{type(active.node).__name__}:{key}")
    return bad


@pytest.mark.parametrize("role", ROLES)
async def test_no_forbidden_key_is_shown_or_works(make_app, ctx, role):
    fast_demo(ctx)
    screens = _screens(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, role)
        base = app.screen
        walked = 0
        for perm, factory in screens:
            if not can(app.ctx, perm):
                continue
            await app.push_screen(factory())
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, GuardedScreen), type(screen)
            walked += 1
            assert _shown_forbidden(app, screen) == []
            # every key the role may not use opens nothing (a Thai refusal at most)
            forbidden = [
                b.key
                for _k, bindings in screen._bindings.key_to_bindings.items()
                for b in bindings
                if (p := screen.ACTION_PERMISSIONS.get(b.action.split("(")[0])) and not can(app.ctx, p)
            ]
            for key in forbidden:
                await pilot.press(key)
                await settle(pilot)
                assert not isinstance(app.screen, ModalScreen), (type(screen).__name__, key)
            while app.screen is not base:
                app.pop_screen()
                await pilot.pause()
        assert walked >= 8


async def test_viewer_committee_footer_has_no_new_and_n_opens_nothing(make_app, ctx):
    """The reproduction of the issue: viewer → c → n opened a blank order form."""
    fast_demo(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "viewer")
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "CommitteeScreen"
        assert "n" not in screen.active_bindings and "i" not in screen.active_bindings
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert any("ไม่มีสิทธิ์" in n.message for n in app._notifications)  # refused in Thai


async def test_hr_still_sees_and_uses_the_write_keys(make_app, ctx):
    fast_demo(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert "n" in screen.active_bindings
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ModalScreen)
