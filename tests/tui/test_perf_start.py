"""The sign-in screen appears before the database is read (issue 20, item 5)."""

from __future__ import annotations

from tui_helpers import SIZE, start

from ethics_tui.store.database import Store
from ethics_tui.tui.screens.admin_setup import AdminSetupScreen
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.problem import DatabaseProblemScreen
from ethics_tui.tui.screens.sign_in import SignInScreen


async def test_first_paint_reads_no_database_file(make_app, demo_ctx, monkeypatch):
    parsed: list[str] = []
    real = Store._parse
    monkeypatch.setattr(
        Store, "_parse", lambda self, path, raw=None: (parsed.append(path.name), real(self, path, raw))[1]
    )
    app = make_app(demo_ctx.store.dir)
    at_ready: list[list[str]] = []
    real_ready = type(app).on_ready

    def on_ready(self):
        at_ready.append(list(parsed))
        real_ready(self)

    monkeypatch.setattr(type(app), "on_ready", on_ready)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert at_ready == [[]]  # painted without parsing main.json or any acknowledgement file
        assert isinstance(app.screen, SignInScreen)
        await start(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_damage_found_after_the_first_paint_shows_the_problem_screen(make_app, demo_ctx):
    path = demo_ctx.store.path()
    raw = path.read_bytes()
    broken = raw[:100] + b"\x00\x00" + raw[102:]  # both ends intact: open() does not notice
    path.write_bytes(broken)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DatabaseProblemScreen)
    assert path.read_bytes() == broken


async def test_an_office_without_accounts_gets_the_admin_set_up_after_paint(make_app, ctx):
    from ethics_tui.service import settings as settings_svc

    settings_svc.add_division(ctx, "สำนักปลัด")  # data, but no user account yet
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert any(isinstance(s, AdminSetupScreen) for s in app.screen_stack)
        assert not any(isinstance(s, SignInScreen) for s in app.screen_stack)
