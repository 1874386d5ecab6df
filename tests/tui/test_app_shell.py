"""Damaged databases, unexpected errors, settings, backup and the command palette."""

from __future__ import annotations

import json

from textual.widgets import Input
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.store.backup import create_backup
from ethics_tui.tui.app import EthicsApp
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.problem import DatabaseProblemScreen
from ethics_tui.tui.screens.settings import SettingsScreen
from ethics_tui.tui.screens.sign_in import SignInScreen
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.staff_form import StaffFormModal
from ethics_tui.tui.widgets.confirm import ConfirmModal


async def test_corrupt_database_is_explained_and_not_overwritten(tmp_path, make_app):
    data = tmp_path / "data"
    data.mkdir()
    garbage = b'{"staff": {"1": {"first_name": "x"'  # cut in the middle of a write
    (data / "main.json").write_bytes(garbage)
    app = make_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DatabaseProblemScreen)
        assert "ฐานข้อมูลเสียหาย" in text_of(app.screen.query_one(".screen-title"))
        message = text_of(app.screen.query_one("#problem-message"))
        assert "เสียหาย" in message and "main.json" in message
        await pilot.press("r")  # no good backup: nothing to restore
        await pilot.pause()
        assert isinstance(app.screen, DatabaseProblemScreen)
    assert (data / "main.json").read_bytes() == garbage


async def test_corrupt_database_restores_the_newest_good_backup(make_app, demo_ctx):
    data = demo_ctx.store.dir
    create_backup(demo_ctx.store)  # an automatic backup in backups/
    staff_n = staff_svc.count(demo_ctx)
    (data / "main.json").write_bytes(b"\x00garbage")
    app = make_app(data, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DatabaseProblemScreen)
        assert "corrupt" in text_of(app.screen.query_one("#problem-message"))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        await start(pilot)  # the restored data has accounts: sign in again
        assert isinstance(app.screen, HomeScreen)
        assert staff_svc.count(app.ctx) == staff_n
    json.loads((data / "main.json").read_text(encoding="utf-8"))
    saved = list((data / "backups").glob("*pre-restore*"))
    assert saved, "the damaged files are kept before the restore"


async def test_unexpected_error_becomes_a_notification_and_a_log(monkeypatch, make_app, demo_ctx):
    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    app: EthicsApp = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        monkeypatch.setattr("ethics_tui.tui.screens.staff.staff_svc.get", boom)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, StaffScreen)  # still running, same screen
        assert any("ethics-tui.log" in m for m in notifications(app))
        errors, app.unexpected_errors = app.unexpected_errors, []
        assert [str(e) for e in errors] == ["simulated bug"]
        monkeypatch.undo()
        await pilot.press("e")  # the screen still works
        await pilot.pause()
        assert isinstance(app.screen, StaffFormModal)
    log = (demo_ctx.store.dir / "logs" / "ethics-tui.log").read_text(encoding="utf-8")
    assert "RuntimeError: simulated bug" in log and "Traceback" in log
    assert "start-up" in log


async def test_settings_edit_and_divisions(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-executive_name", Input).value = "นางสาวใหม่ ผู้บริหาร"
        form.query_one("#f-email", Input).value = "bad"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(form.query_one("#err-email")) == "อีเมลไม่ถูกต้อง"
        form.query_one("#f-email", Input).value = "hr@example.go.th"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        s = settings_svc.get_settings(app.ctx)
        assert (s.executive_name, s.email) == ("นางสาวใหม่ ผู้บริหาร", "hr@example.go.th")
        assert "นางสาวใหม่ ผู้บริหาร" in text_of(app.screen.query_one("#office-summary"))
        # add a division; a duplicate name is refused at the field
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-text", Input).value = "กองคลัง"
        await pilot.press("enter")
        await pilot.pause()
        assert "มีกองชื่อนี้อยู่แล้ว" in text_of(app.screen.query_one("#err-text"))
        app.screen.query_one("#f-text", Input).value = "กองนิติการ"
        await pilot.press("enter")
        await pilot.pause()
        divisions = {d.name: d for d in settings_svc.list_divisions(app.ctx)}
        assert divisions["กองนิติการ"].active
        # the new division is selected: deactivate it with confirmation
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        divisions = {d.name: d for d in settings_svc.list_divisions(app.ctx)}
        assert not divisions["กองนิติการ"].active


async def test_backup_from_home_writes_a_zip(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter")  # to the program's backups/ folder, offered first
        await settle(pilot)
        manual = list((demo_ctx.store.dir / "backups").glob("manual-*.zip"))
        assert len(manual) == 1
        assert any(str(manual[0]) in m for m in notifications(app))


async def test_palette_runs_thai_commands(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"บุคลากร: เพิ่ม")
        await settle(pilot)  # the palette's search (a worker) has listed its hits
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StaffFormModal)
        assert isinstance(app.screen_stack[-2], StaffScreen)


async def test_sign_in_refuses_a_wrong_password(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", "wrong-password")
        assert isinstance(app.screen, SignInScreen)
        assert "ไม่ถูกต้อง" in text_of(app.screen.query_one("#err-password"))
        await pilot.press("s")  # registers are not reachable before signing in
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await start(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.ctx.user.username == "admin"


async def test_a_viewer_is_told_why_not(make_app, demo_ctx):
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("n")  # refused before the form opens
        await pilot.pause()
        assert isinstance(app.screen, StaffScreen)
        assert any("ไม่มีสิทธิ์แก้ไขทะเบียนบุคลากร" in m for m in notifications(app))
        await pilot.press("e")  # the form opens to read every field, but saving is refused
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StaffFormModal)
        original = form.original
        form.query_one("#f-first_name", Input).value = "ไม่มีสิทธิ์"
        await pilot.pause()
        app._notifications.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # kept open, nothing saved
        assert any("ไม่มีสิทธิ์" in m for m in notifications(app))
    assert staff_svc.count(demo_ctx) == before
    assert staff_svc.get(demo_ctx, original.id).first_name == original.first_name
