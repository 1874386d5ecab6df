"""QA1's staff import findings on the screens at 80×24 (the service side: tests/test_staff_import_qa.py):
focus back in the path after the mapping dialog, the office's digits in the import's messages,
the button row whole, the header row found below a title row named in the preview."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import settle, signed_in, text_of

from ethics_tui.tui.screens.staff_import import StaffImportModal
from ethics_tui.tui.screens.staff_import_map import StaffMapModal


async def test_escape_from_the_mapping_dialog_puts_the_typing_back_in_the_path(tmp_path, make_app, demo_ctx):
    """s, i, the path of another system's file, enter (errors: "ctrl+o maps its columns"),
    ctrl+o, esc, then typing: the letters go into the path field."""
    path = tmp_path / "lhr.csv"
    path.write_text("ชื่อพนักงาน,งาน\nนายก ข,ครู\n", encoding="utf-8-sig")
    async with signed_in(make_app, demo_ctx, "hr", "s", "i") as (app, pilot):
        modal = app.screen
        assert isinstance(modal, StaffImportModal)
        modal.query_one("#f-path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert "ctrl+o" in text_of(modal.query_one("#import-status"))
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, StaffMapModal)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is modal
        await pilot.press("end", *"abc")
        assert modal.query_one("#f-path", Input).value == f"{path}abc"
