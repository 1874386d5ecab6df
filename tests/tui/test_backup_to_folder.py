"""Issue 17 item 10 at 80×24: back up to a USB drive or another folder, full path shown; a
read-only or full target gives a Thai message and leaves no partial file."""

from __future__ import annotations

import errno

from textual.widgets import Input, OptionList
from tui_helpers import notifications, settle, start

from ethics_tui.tui.screens import backup_dialog
from ethics_tui.tui.screens.backup_dialog import BackupModal

SMALL = (80, 24)


async def test_backup_to_a_usb_drive_shows_the_full_path(tmp_path, make_app, demo_ctx, monkeypatch):
    usb = tmp_path / "media" / "somchai" / "KINGSTON"
    usb.mkdir(parents=True)
    monkeypatch.setattr(backup_dialog, "removable_drives", lambda: [usb])
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("b")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, BackupModal)
        places = modal.query_one("#bk-places", OptionList)
        assert places.option_count == 2 and str(usb) in str(places.get_option_at_index(1).prompt)
        button = modal.query_one("#bk-write")
        assert button.region.bottom <= modal.query_one("#dialog").content_region.bottom  # fits 80×24
        await pilot.press("down")
        assert modal.query_one("#bk-folder", Input).value == str(usb)
        await pilot.press("enter")
        await settle(pilot)
        written = list(usb.glob("manual-*.zip"))
        assert len(written) == 1 and not list(usb.glob("*.tmp*"))
        assert any(f"สำรองข้อมูลแล้ว: {written[0]}" in m for m in notifications(app)), notifications(app)
        assert not list(demo_ctx.store.backups_dir.glob("manual-*.zip"))


async def test_a_read_only_target_says_so_in_thai(tmp_path, make_app, demo_ctx, monkeypatch):
    from ethics_tui.store import atomic

    target = tmp_path / "ro"
    target.mkdir()
    real_open = open

    def refuse(path, mode="r", *a, **k):
        if str(path).startswith(str(target)) and "x" in mode:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, mode, *a, **k)

    monkeypatch.setattr(atomic, "open", refuse, raising=False)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("b")
        await pilot.pause()
        box = app.screen.query_one("#bk-folder", Input)
        box.value = f"'{target}'"  # as dropped onto the terminal
        box.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert any("ไม่มีสิทธิ์เขียน หรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว" in m for m in notifications(app)), notifications(app)
    assert list(target.iterdir()) == []
