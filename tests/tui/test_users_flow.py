"""A new office, entirely in the TUI: first start -> administrator -> two users with temporary
passwords -> sign out -> a committee member signs in, sets a password, sees only their
registers."""

from __future__ import annotations

from textual.widgets import Input, OptionList, SelectionList
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.service import users as users_svc
from ethics_tui.service.context import Context
from ethics_tui.tui.commands import available
from ethics_tui.tui.screens.admin_setup import AdminSetupScreen
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.settings_form import OfficeSettingsModal
from ethics_tui.tui.screens.sign_in import SignInScreen
from ethics_tui.tui.screens.users import UsersScreen
from ethics_tui.tui.screens.users_forms import UserFormModal

ADMIN_PW, TEMP_PW, OWN_PW = "admin-pass-1", "temp-pass-1", "my-own-pass-1"


async def fill_user(pilot, username, name, roles, password, confirm=None) -> None:
    form = pilot.app.screen
    assert isinstance(form, UserFormModal)
    form.query_one("#f-username", Input).value = username
    form.query_one("#f-display_name", Input).value = name
    box = form.query_one("#f-roles", SelectionList)
    box.deselect_all()
    for role in roles:
        box.select(role)
    form.query_one("#f-password", Input).value = password
    form.query_one("#f-confirm", Input).value = password if confirm is None else confirm
    await pilot.press("ctrl+s")
    await settle(pilot)


async def new_office(pilot) -> None:
    await pilot.pause()
    await pilot.press("1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OfficeSettingsModal)
    pilot.app.screen.query_one("#f-office_name", Input).value = "อบต.ทดสอบ"
    await pilot.press("ctrl+s")
    await settle(pilot)


def home_entries(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#nav", OptionList).options]


async def test_first_start_to_admin_committee_and_complaints(tmp_path, make_app):
    data = tmp_path / "data"
    app = make_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await new_office(pilot)
        # the administrator form opens at once, over the setup screen
        assert isinstance(app.screen, UserFormModal)
        assert isinstance(app.screen_stack[-2], AdminSetupScreen)
        roles = app.screen.query_one("#f-roles", SelectionList).selected
        assert sorted(roles) == ["admin", "hr"]
        await fill_user(pilot, "somchai", "สมชาย ใจดี", ["admin", "hr"], ADMIN_PW, confirm="different1")
        assert isinstance(app.screen, UserFormModal)  # the confirmation must match
        assert "ไม่ตรงกัน" in text_of(app.screen.query_one("#err-confirm"))
        await fill_user(pilot, "somchai", "สมชาย ใจดี", ["admin", "hr"], ADMIN_PW)
        assert isinstance(app.screen, SignInScreen)
        assert app.screen.query_one("#f-username", Input).value == "somchai"
        await start(pilot, "somchai", ADMIN_PW)
        from ethics_tui.tui.widgets.confirm import ConfirmModal

        assert isinstance(app.screen, ConfirmModal)  # first start: create the recovery code now?
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "รหัสกู้คืน" in text_of(app.screen.query_one("#home-alerts"))  # reminded until it exists
        assert "สมชาย ใจดี" in app.sub_title and "ผู้ดูแลระบบ" in app.sub_title
        assert any("ผู้ใช้และสิทธิ์" in e for e in home_entries(app))

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UsersScreen)
        for username, name, role in (("kanda", "กานดา กรรมการ", "committee"), ("wichai", "วิชัย รับเรื่อง", "complaints")):
            await pilot.press("n")
            await pilot.pause()
            await fill_user(pilot, username, name, [role], TEMP_PW)
            assert isinstance(app.screen, UsersScreen)
            # the first holder of a confidential role gets a new key: nothing is pending
            assert app.screen.table.get_row(username)[0].plain == username
        assert users_svc.pending_grants(app.ctx) == []
        table = app.screen.table
        assert "คณะที่ปรึกษาทางจริยธรรม" in table.get_row("kanda")[2].plain
        assert table.get_row("kanda")[3].plain == "รอเปลี่ยนรหัส"

        await pilot.press("ctrl+l")  # sign out
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        assert app.ctx.user is None and app.ctx.keys == {}
        assert "ออกจากระบบแล้ว" in notifications(app)

        # the committee member signs in with the temporary password and must choose their own
        await start(pilot, "kanda", TEMP_PW)
        assert isinstance(app.screen, SignInScreen)
        assert app.screen.query_one("#row-new").display
        assert "ตั้งรหัสผ่านใหม่" in text_of(app.screen.query_one("#err-new"))
        await pilot.press("u")  # nothing opens before the new password is set
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        app.screen.query_one("#f-new", Input).value = OWN_PW
        app.screen.query_one("#f-confirm", Input).value = OWN_PW
        app.screen.query_one("#f-confirm", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "กานดา กรรมการ" in app.sub_title
        entries = home_entries(app)
        assert not any("ผู้ใช้และสิทธิ์" in e for e in entries)
        await pilot.press("u")  # the users register is not theirs
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

    ctx = Context.open(data)
    users_svc.sign_in(ctx, "kanda", OWN_PW)  # the new password works, the temporary one is gone
    assert not ctx.user.must_change and "committee" in ctx.keys
    users_svc.sign_in(ctx, "wichai", TEMP_PW)
    assert ctx.user.must_change and ctx.user.roles == ["complaints"]


async def test_setup_mode_asks_for_the_administrator_first(tmp_path, make_app):
    """An office saved without any account (e.g. the app was closed after the wizard)."""
    from ethics_tui.model.settings import OfficeSettings
    from ethics_tui.service import settings as settings_svc

    ctx = Context.open(tmp_path / "data")
    settings_svc.save_settings(ctx, OfficeSettings(office_name="อบต.ไม่มีผู้ใช้"))
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, UserFormModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AdminSetupScreen)
        await pilot.press("s")  # no register opens before the administrator exists
        await pilot.pause()
        assert isinstance(app.screen, AdminSetupScreen)
        assert not any(title.startswith("บุคลากร") for title, _action in available(app))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, UserFormModal)
        await fill_user(pilot, "viewer1", "ผู้ดู", ["viewer"], ADMIN_PW)
        assert isinstance(app.screen, UserFormModal)  # the first user must be an admin
        assert "admin" in text_of(app.screen.query_one("#err-roles"))


async def test_forced_change_refusal_reads_as_plain_thai(tmp_path, make_app, demo_ctx):
    users_svc.create_user(demo_ctx, "newbie", "ผู้ใช้ใหม่", ["viewer"], TEMP_PW, must_change=True)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "newbie", TEMP_PW)
        assert app.screen.query_one("#row-new").display
        app.screen.query_one("#f-new", Input).value = TEMP_PW  # the same as the temporary one
        app.screen.query_one("#f-confirm", Input).value = TEMP_PW
        app.screen.query_one("#f-confirm", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        shown = text_of(app.screen.query_one("#err-new"))
        assert "ไม่ซ้ำรหัสเดิม" in shown and "password:" not in shown, shown
