"""A session open while an administrator changes the account (QA2): the open screen is taken
away and the person is told; a disabled account is signed out. ``session_watch.check`` is the
app's 5-second timer job, called here directly (no timing in tests)."""

from __future__ import annotations

from tui_helpers import notifications, settle, signed_in

from ethics_tui.service import users
from ethics_tui.service.access import can
from ethics_tui.tui import session_watch
from ethics_tui.tui.screens.complaints import ComplaintsScreen
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.sign_in import SignInScreen

SIZE = (80, 24)


async def test_a_role_taken_away_closes_the_register_and_says_so(make_app, demo_ctx):
    async with signed_in(make_app, demo_ctx, "complaints", "p", size=SIZE) as (app, pilot):
        assert isinstance(app.screen, ComplaintsScreen)
        assert session_watch.check(app) == ""  # nothing changed
        users.set_roles(demo_ctx, "complaints", ["viewer"])
        assert session_watch.check(app) == "home"
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("ถอนบทบาท" in n and "เรื่องร้องเรียน" in n for n in notifications(app)), notifications(app)
        assert "complaints" not in app.ctx.keys  # the register's key is gone from memory too
        assert session_watch.check(app) == ""  # said once


async def test_a_disabled_account_is_signed_out(make_app, demo_ctx):
    async with signed_in(make_app, demo_ctx, "complaints", size=SIZE, lang="en") as (app, pilot):
        # no check ran since the sign-in (and a service call already read the new record)
        users.set_active(demo_ctx, "complaints", False)
        assert not can(app.ctx, "complaints.read")
        assert session_watch.check(app) == "signed-out"
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen) and app.ctx.user is None
        assert any("disabled this account" in n for n in notifications(app)), notifications(app)
