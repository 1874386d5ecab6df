"""The settings screen at 80x24 keeps its heading and division rows: the settings scroll in at
most half the screen, and the emblem kept in the data folder is named shortly (its file is named
by a 64-digit digest, which took three lines; long paths pushed the heading and divisions off)."""

from __future__ import annotations

from PIL import Image
from snapshot_helpers import screen_text
from tui_helpers import signed_in

from demo_cache import fast_demo
from ethics_tui.service import settings as settings_svc
from ethics_tui.service.demo import demo_sign_in


async def test_the_kept_emblem_takes_one_short_line(make_app, ctx, tmp_path):
    fast_demo(ctx)
    admin = demo_sign_in(ctx, "admin")
    png = tmp_path / "ตรา.png"
    Image.new("RGB", (60, 60), (200, 160, 0)).save(png)
    s = settings_svc.get_settings(admin)
    s.emblem_path = str(png)
    settings_svc.save_settings(admin, s)
    async with signed_in(make_app, ctx, "hr", "t", size=(80, 24)) as (app, pilot):
        shown = screen_text(app, ())
        summary = str(app.screen.query_one("#office-summary").render())
        line = next(x for x in summary.splitlines() if "ไฟล์ตราสัญลักษณ์" in x)
        assert "files/emblem/" in line and "…" in line and len(line.strip()) < 60, line
        assert "ตั้งค่าหน่วยงาน" in shown and "สำนักปลัด" in shown  # heading and a division row
