"""QA2: the restore dialog given a FIFO froze the program for good (zipfile blocked in open();
esc and ctrl+q did nothing) and /dev/zero ended in MemoryError. Now a Thai message, at 80x24,
and the program goes on."""

from __future__ import annotations

import os

import pytest
from textual.widgets import Input
from tui_helpers import notifications, start

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.prompt import TextPromptModal


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
async def test_restoring_a_fifo_or_a_device_is_refused_in_thai(make_app, ctx, tmp_path, kind):
    fast_demo(ctx)
    office = demo.demo_sign_in(ctx, "admin")
    path = tmp_path / "backup.zip"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    app = make_app(office.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "admin")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        app.screen.query_one("#f-text", Input).value = str(path)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        said = " ".join(notifications(app))
        assert "ไม่ใช่ไฟล์ธรรมดา" in said and "ไม่ได้กู้คืนข้อมูลใด ๆ" in said
        assert not app.unexpected_errors
