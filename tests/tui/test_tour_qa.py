"""Found on the tour of the README in tmux at 80×24 (issue 17, "Done when")."""

from __future__ import annotations

from test_file_picker import open_import as open_dialog
from tui_helpers import start

SMALL = (80, 24)


async def test_path_field_footer_names_the_picker_in_thai(make_app, demo_ctx):
    """The footer of the import dialog read "f2 pick_file" (an internal name) while the path
    field had the focus."""
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_dialog(pilot)
        await pilot.pause()
        shown = [b.binding.description for b in modal.active_bindings.values() if b.binding.key == "f2"]
        assert shown and all(d == "เลือกไฟล์" for d in shown), shown


async def test_an_incomplete_draft_is_refused_before_the_final_question(make_app, ctx, monkeypatch):
    """(Also the test that the missing parts are named in Thai.) Issuing asked "issue it? it can
    no longer be changed" and only after y said the draft
    lacked its authority and secretary, as "2 fields in red" the dialog does not have."""
    from test_committee_screens import add_member, office, open_committee
    from textual.widgets import Input
    from tui_helpers import text_of

    from ethics_tui.tui.screens.committee_dialogs import IssueModal
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    office(ctx, monkeypatch, registers=())
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await open_committee(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-term_start", Input).value = "01/10/2568"
        form.query_one("#f-term_end", Input).value = "30/09/2570"
        await add_member(pilot, "ปลัดองค์การ", "ประธาน")  # no secretary, no authority
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        issue = app.screen
        assert isinstance(issue, IssueModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert app.screen is issue
        shown = text_of(issue.query_one("#form-error"))
        assert "ร่างคำสั่งยังไม่ครบ" in shown and "บทบัญญัติที่ให้อำนาจ" in shown, shown
        # named in Thai, not by the model's field names
        assert "authority:" not in shown and "members:" not in shown, shown


async def test_preview_after_f2_keeps_its_column_widths(tmp_path, make_app, demo_ctx, monkeypatch):
    """Checked once, then the same file picked with F2: the preview showed every column at
    its heading's width, "เพิ่  900  นายทดส" instead of "เพิ่ม  9001  นายทดสอบ นำเข้าหนึ่ง"."""
    from snapshot_helpers import screen_text
    from test_import import HEADER, open_import
    from tui_helpers import settle, type_text

    from ethics_tui.tui.widgets import file_picker

    monkeypatch.setattr(file_picker, "_LAST", {})
    f = tmp_path / "staff.csv"
    f.write_text(HEADER + "9001,นาย,ทดสอบ,นำเข้าหนึ่ง,นักวิชาการ,กองคลัง,พนักงานส่วนตำบล,\n", encoding="utf-8-sig")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_import(pilot, f)
        assert "9001" in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        await type_text(pilot, "staff.csv")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is modal
        shown = screen_text(app)
        assert "9001" in shown and "นายทดสอบ นำเข้าหนึ่ง" in shown, shown
