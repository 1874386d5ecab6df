"""A toast whose news is stale goes when the outcome is known (80x24): a form's "not valid yet"
once the form saved, an export's "exporting…" once the export ended; other toasts stay."""

from __future__ import annotations

from textual.widgets import Input, Select
from tui_helpers import notifications, settle, signed_in

from ethics_tui.errors import UserError
from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_forms import NominationFormModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.person_search import PersonSearch

NOT_VALID = "ข้อมูลยังไม่ถูกต้อง"
WORKING = "กำลังส่งออก…"


async def test_a_saved_form_takes_its_not_valid_toast_away(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "f", "m") as (app, pilot):
        form = app.screen
        assert isinstance(form, NominationFormModal)
        app.notify("ข้อความอื่นที่ยังอยู่")
        await pilot.press("ctrl+s")  # nothing chosen yet: refused, the toast says how many fields
        await settle(pilot)
        assert app.screen is form
        assert any(m.startswith(NOT_VALID) for m in notifications(app)), notifications(app)
        form.query_one("#f-staff_id", PersonSearch).value = form.staff[-1].id
        form.query_one("#f-nominated_by", Select).value = form.directors[0].id
        form.query_one("#f-rationale", Input).value = "ปฏิบัติงานด้านนี้โดยตรง"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TrainingScreen)
        shown = notifications(app)
        assert not any(m.startswith(NOT_VALID) for m in shown), shown
        assert "ข้อความอื่นที่ยังอยู่" in shown  # another message stays
        assert any("เสนอชื่อ" in m for m in shown), shown  # the success


async def test_exporting_toast_goes_when_the_export_ends(make_app, ctx, tmp_path):
    async with signed_in(make_app, ctx, "hr", "f") as (app, pilot):
        app.notify("ข้อความอื่นที่ยังอยู่")
        out = tmp_path / "done.pdf"

        def job(_progress):
            out.write_bytes(b"%PDF-1.4")
            return out

        def failing(_progress):
            raise UserError("เขียนไม่ได้", "cannot write")

        for work, outcome in ((job, str(out)), (failing, "เขียนไม่ได้")):
            run_export(app.screen, work, "export_saved", announce=True)
            await settle(pilot)
            shown = notifications(app)
            assert WORKING not in shown, shown
            assert any(outcome in m for m in shown), shown
            assert "ข้อความอื่นที่ยังอยู่" in shown
