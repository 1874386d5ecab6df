"""``ethics-tui serve`` refuses to serve a folder that would show anything before sign-in."""

from __future__ import annotations

import pytest

from ethics_tui.errors import UserError
from ethics_tui.model.settings import OfficeSettings
from ethics_tui.service.settings import save_settings
from ethics_tui.tui.serve import app_command, serve


def test_empty_folder_and_setup_mode_are_refused(ctx):
    with pytest.raises(UserError, match="ยังไม่มีข้อมูล"):
        serve(ctx.store.dir, port=1)
    s = OfficeSettings(office_name="อบต.ทดสอบ")
    save_settings(ctx, s)  # an office without accounts: everything would be open
    with pytest.raises(UserError, match="ยังไม่มีบัญชีผู้ใช้"):
        serve(ctx.store.dir, port=1)


def test_each_session_runs_the_normal_app_on_this_folder(ctx):
    cmd = app_command(ctx.store.dir, "th")
    assert "-m ethics_tui --data" in cmd and str(ctx.store.dir.resolve()) in cmd and cmd.endswith("--lang th")
    assert " serve" not in cmd
