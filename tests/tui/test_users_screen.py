"""The users register on the demo office: lockout, refusals, recovery code, key approvals, help."""

from __future__ import annotations

from textual.widgets import Input, SelectionList
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody
from ethics_tui.tui.commands import available
from ethics_tui.tui.screens.help import HelpModal
from ethics_tui.tui.screens.home import HomeScreen
from ethics_tui.tui.screens.sign_in import SignInScreen
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.users import UsersScreen
from ethics_tui.tui.screens.users_forms import UserFormModal
from ethics_tui.tui.screens.users_keys import GrantsModal, RecoveryCodeModal
from ethics_tui.tui.widgets.confirm import ConfirmModal


async def test_five_wrong_passwords_lock_the_account(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        for _attempt in range(5):
            await start(pilot, "hr", "wrong-password")
            assert "ไม่ถูกต้อง" in text_of(app.screen.query_one("#err-password"))
        wrong = text_of(app.screen.query_one("#err-password"))
        await start(pilot, "hr")  # even the right password is refused now
        assert isinstance(app.screen, SignInScreen)
        message = text_of(app.screen.query_one("#err-password"))
        assert message == wrong and "ล็อก" in message and "5 ครั้ง" in message  # the same words as any refusal
        await start(pilot, "no-such-user")
        assert text_of(app.screen.query_one("#err-password")) == wrong
        assert users_svc.get_user(app.ctx, "hr").locked_until
        await start(pilot, "admin")  # other accounts are not affected
        assert isinstance(app.screen, HomeScreen)


async def test_viewer_is_refused_the_users_register_and_write_keys(make_app, demo_ctx):
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        assert isinstance(app.screen, HomeScreen)
        assert "ผู้ดูอย่างเดียว" in app.sub_title
        titles = [t for t, _a in available(app)]
        assert "ผู้ใช้และสิทธิ์" not in titles and "บุคลากร: เพิ่ม" not in titles
        assert "สำรองข้อมูล: สร้าง" not in titles and "ผู้ใช้: เปลี่ยนรหัสผ่าน" in titles
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.run_action("app.open_register('users')")  # e.g. from an old palette entry
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("ไม่มีสิทธิ์จัดการผู้ใช้" in m for m in notifications(app))
        await pilot.press("b")  # backup is refused at once
        await settle(pilot)
        assert any("ไม่มีสิทธิ์สำรองข้อมูล" in m for m in notifications(app))
        assert not list((demo_ctx.store.dir / "backups").glob("manual-*.zip"))
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("n")  # the staff form does not even open
        await pilot.pause()
        assert isinstance(app.screen, StaffScreen)
        assert any("ไม่มีสิทธิ์แก้ไขทะเบียนบุคลากร" in m for m in notifications(app))
        await pilot.press("escape", "t", "e")
        await pilot.pause()
        assert any("ไม่มีสิทธิ์แก้ไขการตั้งค่าหน่วยงาน" in m for m in notifications(app))
    assert staff_svc.count(demo_ctx) == before


async def test_recovery_code_is_shown_once(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RecoveryCodeModal)
        code = text_of(modal.query_one("#recovery-code"))
        assert len(code.replace("-", "")) >= 40 and code == modal.code
        body = " ".join(text_of(w) for w in modal.query(".warning"))
        assert "สูญหายถาวร" in body
        await pilot.press("escape")  # escape does not lose the code
        await pilot.pause()
        assert app.screen is modal
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, UsersScreen)
    # the code recovers the hr key for a user who lost theirs
    users_svc.reset_password(demo_ctx, "hr", "temporary-1")
    demo_ctx.keys.pop("hr")
    assert users_custody.recover(demo_ctx, code, "hr") == ["hr"]


async def test_a_key_holder_approves_a_pending_grant(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)  # admin (admin + hr) holds no committee key
        await pilot.press("u", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, UserFormModal)
        form.query_one("#f-username", Input).value = "kanda"
        form.query_one("#f-display_name", Input).value = "กานดา กรรมการคนที่สอง"
        form.query_one("#f-roles", SelectionList).select("committee")
        form.query_one("#f-password", Input).value = "temp-pass-1"
        form.query_one("#f-confirm", Input).value = "temp-pass-1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, UsersScreen)
        assert users_svc.pending_grants(app.ctx) == [("kanda", "committee")]
        assert "คณะที่ปรึกษาทางจริยธรรม" in app.screen.table.get_row("kanda")[4].plain
        assert any("ผู้ที่ถือกุญแจ" in m for m in notifications(app))
        # the admin sees the request but cannot approve it
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GrantsModal)
        assert "สูญหายถาวร" in text_of(app.screen.query_one(".warning"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("ไม่ได้ถือกุญแจ" in m for m in notifications(app))
        assert users_svc.pending_grants(app.ctx) == [("kanda", "committee")]
        await pilot.press("escape", "ctrl+l")
        await settle(pilot)

        await start(pilot, "committee")  # holds the committee key
        assert isinstance(app.screen, HomeScreen)
        assert any("อนุมัติได้ 1 รายการ" in m for m in notifications(app))
        nav = app.screen.query_one("#nav")
        assert nav.get_option("approve_keys") is not None
        await app.run_action("app.approve_keys")
        await pilot.pause()
        assert isinstance(app.screen, GrantsModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "kanda" in text_of(app.screen.query_one("#grants-status"))
        assert users_svc.pending_grants(app.ctx) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not any(o.id == "approve_keys" for o in app.screen.query_one("#nav").options)


async def test_f1_lists_the_keys_of_the_screen(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        text = text_of(app.screen.query_one("#help-text"))
        assert "รหัสกู้คืน" in text and "เพิ่มผู้ใช้" in text
        assert "ออกจากระบบ" in text and "ผู้ใช้: เปลี่ยนรหัสผ่าน" in text
        await pilot.press("escape", "f2")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = text_of(app.screen.query_one("#help-text"))
        assert "recovery key" in text and "Keys of this screen" in text


async def test_change_my_password_from_the_palette(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "committee")
        await app.run_action("app.change_password")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-current", Input).value = "not-the-password"
        form.query_one("#f-password", Input).value = "brand-new-pass"
        form.query_one("#f-confirm", Input).value = "brand-new-pass"
        await pilot.pause()  # let the fields' change events pass, as when typing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ไม่ถูกต้อง" in text_of(form.query_one("#err-current"))
        form.query_one("#f-current", Input).value = "demo1234"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "เปลี่ยนรหัสผ่านแล้ว" in notifications(app)
    users_svc.sign_in(demo_ctx, "committee", "brand-new-pass")
    assert "committee" in demo_ctx.keys  # the key survived the password change


async def test_reset_of_the_last_key_holder_asks_for_the_loss_by_number(make_app, demo_ctx):
    from ethics_tui.tui.screens.users_forms import PasswordModal

    with demo_ctx.store.transaction(actor="test") as tx:  # an office without a recovery code
        doc = dict(tx.table("vault").get(doc_id=1))
        doc["recovery"] = {}
        tx.put("vault", 1, doc)
    lost = sum(users_custody.reset_loss(demo_ctx, "committee").values())
    assert lost > 0
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert any("รหัสกู้คืน" in line for line in text_of(app.screen.query_one("#home-alerts")).splitlines())
        await pilot.press("u")
        await pilot.pause()
        table = app.screen.table
        table.move_cursor(row=table.get_row_index("committee"))
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PasswordModal)
        assert f"{lost} " in " ".join(text_of(w) for w in form.query(".hint"))
        form.query_one("#f-password", Input).value = "temporary-1"
        form.query_one("#f-confirm", Input).value = "temporary-1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert f"{lost} รายการ" in text_of(form.query_one("#err-confirm_loss"))
        form.query_one("#f-confirm_loss", Input).value = str(lost)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, UsersScreen)
    assert ("committee", "committee") in users_svc.pending_grants(demo_ctx)


async def test_record_of_processing_from_the_users_screen(make_app, demo_ctx, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("o")
        await settle(pilot)
        made = [m for m in notifications(app) if m.endswith(".pdf")]
        assert made and "pdpa-record" in made[-1]
