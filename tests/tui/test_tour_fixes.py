"""Tour findings fixed (issue 16/17): a user who may only look gets a form to look at, not one
that takes typing and refuses it at ctrl+s; home keys only for roles that may use them; a save
path that is already a file asks before it is replaced."""

from __future__ import annotations

from textual.widgets import Button, Input
from tui_helpers import notifications, settle, signed_in, start

from demo_cache import fast_demo
from ethics_tui.tui.screens.staff_form import StaffFormModal


async def test_the_viewer_sees_a_staff_record_without_a_save(make_app, ctx):
    fast_demo(ctx)
    before = ctx.store.path().read_bytes()
    async with signed_in(make_app, ctx, "viewer", "s", "e") as (app, pilot):
        form = app.screen
        assert isinstance(form, StaffFormModal) and form.view_only
        assert not form.query_one("#save", Button).display
        assert all(w.disabled for w in form.query(Input))
        await pilot.press("x", "y", "z", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffFormModal)
        assert any("ดูอย่างเดียว" in n for n in notifications(app))
        await pilot.press("escape")  # nothing was typed: it closes without asking
        await settle(pilot)
        assert not isinstance(app.screen, StaffFormModal)
    assert ctx.store.path().read_bytes() == before


async def test_hr_still_edits(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "s", "e") as (app, pilot):
        form = app.screen
        assert isinstance(form, StaffFormModal) and not form.view_only
        assert form.query_one("#save", Button).display


async def test_home_offers_backup_and_restore_only_to_who_may_use_them(make_app, ctx):
    from ethics_tui.tui.widgets.footer import Footer

    fast_demo(ctx)
    shown = {}
    for role in ("hr", "admin", "viewer"):
        app = make_app(ctx.store.dir)
        async with app.run_test(size=(120, 40)) as pilot:
            await start(pilot, role)
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            shown[role] = {k.key for k in footer.query("FooterKey")}
    assert "r" not in shown["hr"] and "b" in shown["hr"]
    assert {"r", "b"} <= shown["admin"]
    assert not {"r", "b"} & shown["viewer"]


async def test_a_save_path_that_is_already_a_file_asks_before_replacing_it(make_app, ctx, tmp_path):
    from ethics_tui.tui.widgets.confirm import ConfirmModal
    from ethics_tui.tui.widgets.prompt import TextPromptModal

    fast_demo(ctx)
    target = tmp_path / "staff.xlsx"
    target.write_bytes(b"the officer's own sheet")
    app = make_app(ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "hr")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, TextPromptModal)
        app.screen.query_one("#f-text", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)  # asks first
        await pilot.press("n")
        await settle(pilot)
        assert target.read_bytes() == b"the officer's own sheet"
        assert isinstance(app.screen, TextPromptModal)  # the path can be changed
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        for _ in range(20):
            await pilot.pause(0.05)
            if target.read_bytes() != b"the officer's own sheet":
                break
    assert target.read_bytes().startswith(b"PK")  # replaced by the export (an XLSX is a zip)


async def test_letters_typed_after_n_on_a_dropdown_first_field_search_it(make_app, ctx):
    from textual.widgets import Select

    async with signed_in(make_app, ctx, "hr", "f") as (app, pilot):
        await pilot.press("n", "ศ", "ึ", "enter")  # typed ahead: the kind ศึกษาดูงาน
        await settle(pilot)
        kind = app.screen.query_one("#f-kind", Select)
        assert kind.value == "ศึกษาดูงาน"


async def test_the_restore_prompt_says_what_its_button_does(make_app, ctx):
    from ethics_tui.tui.widgets.prompt import TextPromptModal

    async with signed_in(make_app, ctx, "admin", "r") as (app, pilot):
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        label = str(prompt.query_one("#save", Button).label)
        assert "ตรวจไฟล์สำรองนี้" in label and "บันทึก" not in label


async def test_the_committee_list_keeps_the_status_column_at_80_columns(make_app, ctx):
    """Without it a replaced order (its term still running) looked like the order in force."""
    from textual.widgets import DataTable

    async with signed_in(make_app, ctx, "committee", "c") as (app, pilot):
        table = app.screen.query_one(DataTable)
        keys = [str(k.value) for k in table.columns]
        assert "status" in keys and "no" in keys
