"""An export's file path typed (or pasted) into a chain of folders that do not exist is refused
at the field: any folder is made inside the office's exports folder, elsewhere one new folder.
QA pasted a path after a pre-filled one (`…/order-moved.pdf/tmp/exports/…`) and the export made
folders named after the old file."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import settle, signed_in

from ethics_tui.service import exports
from ethics_tui.tui.widgets.prompt import TextPromptModal


async def _export_to(pilot, app, path: str) -> None:
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(app.screen, TextPromptModal)
    app.screen.query_one("#f-text", Input).value = path
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_path_into_folders_that_do_not_exist_is_refused_at_the_field(make_app, ctx, tmp_path):
    async with signed_in(make_app, ctx, "hr", "s") as (app, pilot):
        mangled = tmp_path / "order-moved.pdf" / "tmp" / "exports" / "staff.xlsx"
        await _export_to(pilot, app, str(mangled))
        assert isinstance(app.screen, TextPromptModal)  # still open, the reason at the field
        shown = str(app.screen.query_one("#err-text").render())
        assert "ไม่มีโฟลเดอร์" in shown and "order-moved.pdf" in shown
        assert not (tmp_path / "order-moved.pdf").exists()
        await pilot.press("escape", "y")  # typed, so asked first: y drops it
        await settle(pilot)
        # a new year's folder inside the exports folder is made as before
        inside = exports.exports_base(app.ctx) / "2599" / "staff.xlsx"
        await _export_to(pilot, app, str(inside))
        assert not isinstance(app.screen, TextPromptModal)
        assert inside.is_file()
        # one new folder in an existing one, as a person types it, is made too
        await _export_to(pilot, app, str(tmp_path / "ITA 2570" / "staff.xlsx"))
        assert (tmp_path / "ITA 2570" / "staff.xlsx").is_file()
