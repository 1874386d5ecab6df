"""Issue 17 item 8 at 80×24: the F2 file picker in the path fields, and pasted/dropped paths."""

from __future__ import annotations

import os

import pytest
from test_import import HEADER
from textual.widgets import Input, OptionList
from tui_helpers import settle, start, text_of, type_text

from ethics_tui.tui.screens.staff_import import StaffImportModal
from ethics_tui.tui.widgets import file_picker
from ethics_tui.tui.widgets.file_picker import FilePickerModal

SMALL = (80, 24)

ROW = "N-1,นาย,ใหม่หนึ่ง,นำเข้า,นักวิชาการ,กองคลัง,พนักงานส่วนตำบล,01/10/2568\n"


async def open_import(pilot) -> StaffImportModal:
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StaffImportModal)
    return pilot.app.screen


def options(picker: FilePickerModal) -> list[str]:
    box = picker.query_one("#fp-list", OptionList)
    return [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]


async def test_f2_picks_a_file_from_home_and_checks_it(tmp_path, make_app, demo_ctx, monkeypatch):
    home = tmp_path / "home"
    (home / "เอกสาร").mkdir(parents=True)
    (home / "เอกสาร" / "รายชื่อ ปี 69.csv").write_text(HEADER + ROW, encoding="utf-8-sig")
    (home / "เอกสาร" / "notes.txt").write_text("x")
    (home / "เอกสาร" / ".hidden.csv").write_text("x")
    if hasattr(os, "mkfifo"):
        os.mkfifo(home / "เอกสาร" / "pipe.csv")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(file_picker, "_LAST", {})
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_import(pilot)
        await pilot.press("f2")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, FilePickerModal)
        assert picker.query_one("#dialog").region.bottom <= SMALL[1]  # the whole picker fits 80×24
        assert text_of(picker.query_one("#fp-where")) == str(home)  # starts in the home folder
        await type_text(pilot, "เอก")  # typing filters
        await pilot.pause()
        assert options(picker) == ["เอกสาร/"]
        await pilot.press("enter")  # opens the folder
        await pilot.pause()
        shown = options(picker)
        assert any(s.startswith("รายชื่อ ปี 69.csv") for s in shown), shown
        assert not any("notes.txt" in s or "pipe.csv" in s or ".hidden" in s for s in shown), shown
        await pilot.press("down")  # ".." first, then the file
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is modal
        assert modal.query_one("#f-path", Input).value == str(home / "เอกสาร" / "รายชื่อ ปี 69.csv")
        status = text_of(modal.query_one("#import-status"))
        assert "จะเพิ่ม ๑ คน" in status, status  # picking checked the file at once
        # the next time the picker opens in the folder used last (the field is emptied first)
        modal.query_one("#f-path", Input).value = ""
        await pilot.press("f2")
        await pilot.pause()
        assert text_of(app.screen.query_one("#fp-where")) == str(home / "เอกสาร")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is modal


@pytest.mark.parametrize("wrap", ["'{}'", '"{}"', "file://{}"])
async def test_a_dropped_path_is_understood(tmp_path, make_app, demo_ctx, wrap):
    from urllib.parse import quote

    f = tmp_path / "รายชื่อ บุคลากร.csv"
    f.write_text(HEADER + ROW, encoding="utf-8-sig")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_import(pilot)
        modal.query_one("#f-path", Input).value = wrap.format(quote(str(f)) if wrap.startswith("file") else f)
        await pilot.press("enter")
        await settle(pilot)
        status = text_of(modal.query_one("#import-status"))
        assert "จะเพิ่ม ๑ คน" in status, status


async def test_a_missing_bare_name_says_where_it_looked(tmp_path, make_app, demo_ctx, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_import(pilot)
        modal.query_one("#f-path", Input).value = "staff.csv"
        await pilot.press("enter")
        await settle(pilot)
        status = text_of(modal.query_one("#import-status"))
        assert "ไม่พบไฟล์" in status and f"staff.csv ในโฟลเดอร์ {tmp_path}" in status, status


async def test_folder_mode_chooses_the_folder_shown(tmp_path, make_app, demo_ctx):
    (tmp_path / "usb").mkdir()
    app = make_app(demo_ctx.store.dir)
    got = []
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        app.push_screen(FilePickerModal(tmp_path, folder=True), got.append)
        await pilot.pause()
        shown = options(app.screen)
        assert shown[0].startswith("✓ เลือกโฟลเดอร์นี้") and "usb/" in shown
        await type_text(pilot, "usb")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # "choose this folder" is first
        await pilot.pause()
    assert got == [tmp_path / "usb"]


async def test_f2_in_the_enclosures_adds_a_title_and_file_line(tmp_path, make_app, demo_ctx, monkeypatch):
    from textual.widgets import TextArea

    from ethics_tui.tui.screens.notices_forms import NoticeFormModal

    (tmp_path / "ประมวลจริยธรรม.pdf").write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(file_picker, "_LAST", {"file": tmp_path})
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("c")  # a new circular
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoticeFormModal)
        area = form.query_one("#f-enclosures", TextArea)
        area.text = "สำเนาประกาศ"
        area.focus()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FilePickerModal)
        await type_text(pilot, "ประมวล")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert area.text == f"สำเนาประกาศ\nประมวลจริยธรรม | {tmp_path / 'ประมวลจริยธรรม.pdf'}"
