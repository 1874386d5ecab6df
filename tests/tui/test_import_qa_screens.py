"""QA1's staff import findings on the screens at 80×24 (the service side: tests/test_staff_import_qa.py):
focus back in the path after the mapping dialog, the office's digits in the import's messages,
the button row whole, the header row found below a title row named in the preview."""

from __future__ import annotations

from textual.widgets import Button, Input
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


def title_row_xlsx(path, bad: bool = False):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["บัญชีรายชื่อพนักงานองค์การบริหารส่วนตำบล ประจำปีงบประมาณ 2570"])
    ws.append([])
    ws.append(["ลำดับที่", "ชื่อ - นามสกุล", "ตำแหน่ง", "สังกัด", "ประเภท"])
    ws.append([1, "นายหัวตาราง อยู่แถวสาม", "นักจัดการงานทั่วไป", "กองคลัง", "พนักงานส่วนตำบล"])
    ws.append([2, "นางมาลี สอนดี", "ครู", "กองการศึกษา", "ไม่มีประเภท 2" if bad else "พนักงานครู"])
    wb.save(path)
    return path


async def test_import_messages_follow_the_office_s_digits_and_name_the_header_row(tmp_path, make_app, demo_ctx):
    """The demo office writes Thai digits: the counts, row numbers and toasts of the import do
    too; a value of the file (quoted) stays as written. The header below the title is named."""
    from tui_helpers import notifications

    from ethics_tui.service import staff as staff_svc

    bad = title_row_xlsx(tmp_path / "ผิด.xlsx", bad=True)
    before = staff_svc.count(demo_ctx)
    async with signed_in(make_app, demo_ctx, "hr", "s", "i") as (app, pilot):
        modal = app.screen
        modal.query_one("#f-path", Input).value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        status = text_of(modal.query_one("#import-status"))
        assert "พบข้อผิดพลาด ๑ รายการ" in status and "ใช้แถวที่ ๓ เป็นหัวตาราง" in status, status
        errors = modal.query_one("#import-errors")
        row = [str(c) for c in errors.get_row_at(0)]
        assert row[0] == "๕" and "“ไม่มีประเภท 2”" in row[2], row
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ไฟล์มีข้อผิดพลาด ๑ รายการ" in text_of(modal.query_one("#import-status"))
        good = title_row_xlsx(tmp_path / "รายชื่อพนักงาน2570.xlsx")
        modal.query_one("#f-path", Input).value = str(good)
        await pilot.press("enter")
        await settle(pilot)
        status = text_of(modal.query_one("#import-status"))
        assert "จะเพิ่ม ๒ คน ปรับปรุง ๐ คน สร้าง" in status, status
        await pilot.press("ctrl+o")  # the mapping dialog reads the same file below its title
        await settle(pilot)
        mp = app.screen
        assert isinstance(mp, StaffMapModal)
        assert "อ่านแล้ว ๒ แถว ๕ คอลัมน์ (หัวตารางแถวที่ ๓)" in text_of(mp.query_one("#map-status"))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert staff_svc.count(app.ctx) == before + 2
        assert any("เพิ่ม ๒ คน" in n for n in notifications(app)), notifications(app)
        await pilot.press("i")  # the same file again: the people are recognised, nothing to change
        await settle(pilot)
        modal = app.screen
        modal.query_one("#f-path", Input).value = str(good)
        await pilot.press("enter")
        await settle(pilot)
        status = text_of(modal.query_one("#import-status"))
        assert "จะเพิ่ม ๐ คน ปรับปรุง ๐ คน ไม่เปลี่ยน ๒ คน" in status, status
        assert "๒ แถวชื่อตรงกับบุคลากรที่มีอยู่แล้ว" in status, status


async def test_the_import_dialog_s_buttons_fit_at_80x24(make_app, demo_ctx):
    from rich.cells import cell_len

    for lang in ("th", "en"):
        async with signed_in(make_app, demo_ctx, "hr", "s", "i", lang=lang) as (app, pilot):
            modal = app.screen
            right = modal.query_one("#dialog").content_region.right
            for button in modal.query(".buttons Button").results(Button):
                label = str(button.label)
                assert button.region.right <= right and button.region.width >= cell_len(label), (lang, label)
