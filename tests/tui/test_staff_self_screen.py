"""Staff self-service in the real app at 80x24: first sign-in with a one-time code, the
documents screen, acknowledging, nothing else reachable; hr's accounts screen; idle sign-out."""

from __future__ import annotations

import pytest
from demo_cache import fast_demo
from textual.widgets import Input
from tui_helpers import notifications, settle, start, text_of

from ethics_tui.service import demo, notices, notices_acks, staff_accounts
from ethics_tui.service.settings import get_settings, save_settings
from ethics_tui.store import crypto
from ethics_tui.tui.screens.my_documents import MyDocumentsScreen
from ethics_tui.tui.screens.sign_in import SignInScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


@pytest.fixture
def office(ctx, monkeypatch):
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "hr")


def first_circular(ctx):
    return next(n for n in notices.list_notices(ctx) if n.kind == "circular" and n.number == 1)


def pending_staff(ctx, notice_id) -> int:
    return next(p.staff_id for p in notices_acks.people(ctx, notice_id) if not p.done and p.active)


async def first_sign_in(pilot, slip) -> None:
    await start(pilot, slip.username, slip.code)
    screen = pilot.app.screen
    assert isinstance(screen, SignInScreen) and screen.changing  # a new password is required
    screen.query_one("#f-new", Input).value = "my-own-pass"
    screen.query_one("#f-confirm", Input).value = "my-own-pass"
    screen.query_one("#f-confirm", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_staff_member_reads_and_acknowledges_at_80x24(make_app, office):
    n = first_circular(office)
    sid = pending_staff(office, n.id)
    slip = staff_accounts.create_accounts(office, [sid])[0]
    before = notices_acks.coverage(office, n.id).done
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await first_sign_in(pilot, slip)
        screen = app.screen
        assert isinstance(screen, MyDocumentsScreen)
        assert screen.docs and all(d.notice.published for d in screen.docs.values())
        screen.table.move_cursor(row=screen.table.get_row_index(str(n.id)))
        await pilot.pause()
        shown = text_of(screen.query_one("#my-text"))
        assert n.title in shown and n.enclosures[0]["title"] in shown
        assert screen.table.size.width <= 80 and screen.query_one("#my-text-box").region.height >= 5
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert notices_acks.coverage(office, n.id).done == before + 1
        row = office.store.load(notices_acks.shard(n.id))["acks"][str(sid)]
        assert (row["method"], row["user"]) == ("electronic", slip.username)
        assert "รับทราบแล้ว" in str(screen.table.get_row(str(n.id))[2])
        # nothing else: register keys, the palette's registers, the home screen
        for key in ("s", "o", "t", "u", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MyDocumentsScreen)
        from ethics_tui.tui.commands import available

        assert {a for _t, a in available(app)} <= {
            "app.change_password",
            "app.approve_keys",
            "app.sign_out",
            "app.help",
            "app.toggle_lang",
            "app.quit",
        }
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)


async def test_hr_makes_accounts_and_gets_slips(make_app, office, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("y")
        await pilot.pause()
        from ethics_tui.tui.screens.staff_accounts import StaffAccountsScreen

        assert isinstance(app.screen, StaffAccountsScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert len(staff_accounts.accounts(office)) == 58
        from ethics_tui.service.exports import export_folder

        slips = list(export_folder(app.ctx).glob("staff-slips-*.pdf"))
        assert len(slips) == 1
        assert any("58" in m for m in notifications(app))


async def test_idle_sign_out(make_app, office):
    s = get_settings(office)
    s.idle_minutes = 5
    save_settings(demo.demo_sign_in(type(office)(store=office.store), "admin"), s)
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        from ethics_tui.tui import idle

        assert app.ctx.user is not None
        assert not idle.check(app, now=app.idle.last + 4 * 60)  # 4 minutes: still signed in
        old = app.idle.last
        await pilot.press("f1")  # a key press restarts the clock
        await pilot.press("escape")
        assert app.idle.last > old
        assert idle.check(app, now=app.idle.last + 5 * 60 + 1)
        await pilot.pause()
        assert app.ctx.user is None and isinstance(app.screen, SignInScreen)
        assert any("5" in m for m in notifications(app))


async def test_idle_minutes_in_the_settings_form(make_app, office):
    from ethics_tui.tui.screens.settings_form import OfficeSettingsModal

    app = make_app(office.store.dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, "admin")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, OfficeSettingsModal)
        box = modal.query_one("#f-idle_minutes", Input)
        assert box.value == "15"  # the default
        box.value = "abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OfficeSettingsModal) and get_settings(office).idle_minutes == 15
        box.value = "30"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert get_settings(office).idle_minutes == 30


async def test_enclosure_files_of_my_document(make_app, office, tmp_path):
    from ethics_tui.model.notices import Notice
    from ethics_tui.thai.dates import today

    src = tmp_path / "code.pdf"
    src.write_bytes(b"%PDF-1.4 enclosure")
    sid = sorted(int(k) for k in office.store.load()["staff"])[0]
    draft = notices.save_draft(
        office,
        Notice(
            kind="circular",
            title="หนังสือมีไฟล์แนบ",
            to="ทุกท่าน",
            body="เนื้อความ",
            dated=today().isoformat(),
            audience="people",
            audience_people=[sid],
            enclosures=[{"title": "ประมวลจริยธรรม", "path": str(src)}],
        ),
    )
    notices.publish(office, draft.id)
    slip = staff_accounts.create_accounts(office, [sid])[0]
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await first_sign_in(pilot, slip)
        screen = app.screen
        screen.table.move_cursor(row=screen.table.get_row_index(str(draft.id)))
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        stored = office.store.dir / notices.get(office, draft.id).enclosures[0]["file"]
        assert any(str(stored) in m for m in notifications(app))
        stored.write_bytes(b"changed")  # a damaged copy is refused, not shown
        await pilot.press("f")
        await pilot.pause()
        assert any("เสียหาย" in m for m in notifications(app))
