"""The key line shows whole keys only: at 80 columns a Thai screen's keys used to run past the
edge and the last one was cut inside a word ("x ส่งออ"); the palette key (ctrl+p) always stays."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey
from tui_helpers import footer_problems, settle, start

from demo_cache import fast_demo
from ethics_tui.tui.widgets.footer import Footer, fitting, key_width


def _keys(app) -> list[FooterKey]:
    footer = app.screen.query_one(Footer)
    return list(footer.query(FooterKey))


class _Key:  # what fitting() reads of a FooterKey
    def __init__(self, key: str, description: str) -> None:
        self.key = self.key_display = key
        self.description = description


def test_fitting_keeps_the_order_and_skips_what_does_not_fit_whole():
    keys = [_Key("n", "เพิ่ม"), _Key("x", "ส่งออกข้อมูลทั้งหมด"), _Key("e", "แก้ไข")]
    assert [k.key_display for k in fitting(keys, 20)] == ["n", "e"]
    assert key_width(keys[0]) == 1 + 3 + 3  # เพิ่ม: the vowel and tone mark above take no cell
    assert fitting(keys, 200) == keys
    back = [*keys, _Key("escape", "กลับ")]  # the way back is kept, its room taken first
    assert [k.key for k in fitting(back, 20, always=("escape",))] == ["n", "escape"]


# The same on every screen of the snapshot walks (test_snapshots.py, tui_helpers.footer_problems,
# which include hr home, admin staff and notices, complaints at both sizes); here the screens
# the walks do not visit.
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize(("role", "keys"), [("hr", "f")])
async def test_every_key_shown_is_whole_and_the_palette_stays(make_app, ctx, role, keys, size):
    fast_demo(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=size) as pilot:
        await start(pilot, role)
        for key in keys.split():
            await pilot.press(key)
            await settle(pilot)
        await pilot.pause()
        assert app.screen.query(Footer)
        assert footer_problems(app, size) == []
