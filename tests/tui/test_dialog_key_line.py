"""While a dialog is open, the key line of the screen under it shows no keys (they would do
nothing; the dialog names its own), and shows the same keys again when the dialog closes, also
when the terminal was resized meanwhile (the footer rebuilt while hidden)."""

from __future__ import annotations

from snapshot_helpers import screen_text
from tui_helpers import footer_problems, settle, start

from demo_cache import fast_demo


def _bottom(app) -> str:
    """The bottom row of the terminal as text."""
    rows = screen_text(app).rstrip("\n").split("\n")
    rows += [""] * (app.size.height - len(rows))
    return rows[app.size.height - 1]


async def _press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_the_key_line_under_a_dialog_shows_no_keys_and_comes_back(make_app, ctx):
    fast_demo(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "admin")
        home = _bottom(app)
        assert "^p" in home
        await _press(pilot, "r")  # the restore prompt over home
        assert app.screen.is_modal and "^p" not in _bottom(app) and "ช่วยเหลือ" not in _bottom(app)
        await _press(pilot, "escape")
        assert _bottom(app) == home

        await _press(pilot, "s")
        keys80 = _bottom(app)
        assert "n เพิ่ม" in keys80 and "^p" in keys80
        await _press(pilot, "n")  # a form dialog: its own key line, none under it
        assert "ctrl+s บันทึก" in screen_text(app)
        assert "เพิ่ม" not in _bottom(app) and "^p" not in _bottom(app), _bottom(app)
        await _press(pilot, "escape")
        assert _bottom(app) == keys80
        await _press(pilot, "ctrl+p")  # the command palette
        assert app.screen.is_modal and "n เพิ่ม" not in _bottom(app)
        await _press(pilot, "escape")
        assert _bottom(app) == keys80

        # resized while the dialog is up: the keys come back laid out for the new width
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        keys120 = _bottom(app)
        assert keys120 != keys80 and "x ส่งออก" in keys120
        await _press(pilot, "n")
        assert "x ส่งออก" not in _bottom(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "n เพิ่ม" not in _bottom(app)
        await _press(pilot, "escape")
        assert _bottom(app) == keys80 and footer_problems(app, (80, 24)) == []


async def test_backup_and_the_file_picker_name_their_keys_inside_as_forms_do(make_app, ctx):
    """The backup dialog and the file picker had a key line of their own at the bottom of the
    terminal; every other dialog names its keys in a line inside it (a form: "ctrl+s บันทึก ·
    esc ยกเลิก"). Now they do too, and the bottom row stays empty under each."""
    from textual.widgets import Static

    from ethics_tui.tui.screens.backup_dialog import BackupModal
    from ethics_tui.tui.widgets.file_picker import FilePickerModal
    from ethics_tui.tui.widgets.footer import Footer
    from ethics_tui.tui.widgets.form import FormModal

    def keys_inside(screen) -> str:
        assert not screen.query(Footer), type(screen).__name__  # no key line of its own
        assert _bottom(screen.app).strip() == "", _bottom(screen.app)
        lines = screen.query("#dialog > .hint")
        assert len(lines) == 1, type(screen).__name__
        return str(lines.first(Static).render())

    fast_demo(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "hr")
        await _press(pilot, "s", "n")
        assert isinstance(app.screen, FormModal) and "esc ยกเลิก" in keys_inside(app.screen)  # the model
        await _press(pilot, "escape", "escape", "b")
        assert isinstance(app.screen, BackupModal)
        line = keys_inside(app.screen)
        assert all(k in line for k in ("enter สำรอง", "f2 เลือกโฟลเดอร์", "esc ยกเลิก")), line
        assert "enter" not in str(app.screen.query_one(".dialog-title", Static).render())  # named once
        await _press(pilot, "f2")
        assert isinstance(app.screen, FilePickerModal)
        line = keys_inside(app.screen)
        assert all(k in line for k in ("enter เปิดโฟลเดอร์/เลือก", "backspace ขึ้นไป", "esc ยกเลิก")), line
        await _press(pilot, "escape", "escape")
        assert _bottom(app).strip().startswith("s บุคลากร")  # home's own key line is back
