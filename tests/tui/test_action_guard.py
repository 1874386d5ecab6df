"""Keys a role may not use are neither shown nor working (issues 16/17): every register screen
declares ``ACTION_PERMISSIONS`` and ``GuardedScreen.check_action`` hides the rest at 80×24.
The same walk checks the register specs (test_register_specs_tui.py): no footer or palette entry
offers an action of a spec that the role may not use."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen
from textual.widgets._footer import FooterKey
from tui_helpers import settle, start

from demo_cache import fast_demo
from ethics_tui.service import appraisal as appraisal_svc
from ethics_tui.service import demo
from ethics_tui.service import notices as notices_svc
from ethics_tui.service.access import can
from ethics_tui.service.context import Context
from ethics_tui.tui.commands import available
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
    """(permission to open it, factory, its register spec or None) for every register screen."""
    admin = demo.demo_sign_in(Context(store=ctx.store), "admin")
    notice = next(n for n in notices_svc.list_notices(admin) if n.published)
    rnd = appraisal_svc.list_rounds(admin)[0]
    out = [("staff.read", StaffScreen, None), ("settings.read", SettingsScreen, None)]
    out += [(reg.permission, reg.screen, reg.spec) for reg in registers()]
    out += [
        ("notices.read", lambda: TickOffScreen(notice.id), None),
        ("appraisal.people", lambda: AppraisalResultsScreen(rnd.id), None),
        ("appraisal.people", lambda: AppraisalGrievancesScreen(rnd.id), None),
        ("training.read", TrainingQuestionsScreen, None),
        ("complaints.purge", DestructionScreen, None),
    ]
    return out


def _check_palette_against_specs(app, role) -> None:
    """No palette entry of a register the role may not open, nor of a spec action it may not use."""
    titles = {title for title, _action in available(app)}
    for reg in registers():
        if not can(app.ctx, reg.permission):
            assert reg.spec.label[0] not in titles, (role, reg.key)
        for a in _forbidden_spec_actions(app, reg.spec):
            assert a.palette is None or a.palette[0] not in titles, (role, reg.key, a.action)


def _forbidden_spec_actions(app, spec) -> list:
    return [a for a in spec.actions if a.permission and not can(app.ctx, a.permission)]


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
        _check_palette_against_specs(app, role)
        base = app.screen
        walked = specs_walked = 0
        for perm, factory, spec in screens:
            if not can(app.ctx, perm):
                continue
            await app.push_screen(factory())
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, GuardedScreen), type(screen)
            walked += 1
            assert _shown_forbidden(app, screen) == []
            if spec is not None:  # the footer is there and offers no action of the spec the role may not use
                shown = {fk.action for fk in screen.query(FooterKey)}
                assert shown, (role, spec.key)
                assert not shown & {a.action for a in _forbidden_spec_actions(app, spec)}, (
                    role,
                    spec.key,
                    sorted(shown),
                )
                specs_walked += 1
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
        assert walked >= 8 and specs_walked >= 5


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
