"""Issue 17 item 9 at 80×24: the staff import shows the first rows as they will be saved, long
reasons whole, and ctrl+s on a bad file says why nothing can be saved."""

from __future__ import annotations

from rich.cells import cell_len
from test_file_picker import open_import as open_dialog
from test_import import HEADER, open_import
from textual.widgets import DataTable, Input
from tui_helpers import notifications, settle, start, text_of

from ethics_tui.service import staff as staff_svc

SMALL = (80, 24)


def cells(table: DataTable) -> list[list[str]]:
    return [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_preview_shows_the_first_rows_as_saved(tmp_path, make_app, demo_ctx):
    existing = staff_svc.search(demo_ctx)[0].staff
    rows = [f"N-{i},นาย,ใหม่{i},นำเข้า,นักวิชาการ,กองคลัง,พนักงานส่วนตำบล,01/10/2568" for i in range(1, 13)]
    rows.insert(
        0,
        f"{existing.code},{existing.prefix},{existing.first_name},{existing.last_name},"
        f"ตำแหน่งใหม่,กองคลัง,{existing.staff_type},",
    )
    f = tmp_path / "staff.csv"
    f.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8-sig")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_import(pilot, f)
        preview = modal.query_one("#import-preview", DataTable)
        assert preview.display and preview.row_count == 10
        got = cells(preview)
        assert got[0][:4] == ["ปรับปรุง", existing.code, existing.full_name, "ตำแหน่งใหม่"]
        assert got[1][:6] == ["เพิ่ม", "N-1", "นายใหม่1 นำเข้า", "นักวิชาการ", "", "กองคลัง"]
        assert "01/10/2568" in got[1][7] or "๐๑/๑๐/๒๕๖๘" in got[1][7]
        assert "ตัวอย่าง ๑๐ แถวแรกตามที่จะบันทึก (จาก ๑๓ แถว)" in text_of(modal.query_one("#import-status"))


async def test_ctrl_s_on_a_bad_file_says_why(tmp_path, make_app, demo_ctx):
    f = tmp_path / "bad.csv"
    f.write_text(HEADER + "B-1,นาย,ผิด,ประเภท,นักวิชาการ,กองคลัง,ลูกจ้างชั่วคราวรายวันโครงการพิเศษ,\n", encoding="utf-8-sig")
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_import(pilot, f)
        errors = modal.query_one("#import-errors", DataTable)
        reason = cells(errors)[0][2].replace("\n", "")
        # the long reason is shown whole (wrapped between words), not cut at the column's edge
        assert "ลูกจ้างชั่วคราวรายวันโครงการพิเศษ" in reason and "…" not in reason, reason
        assert max(cell_len(line) for line in cells(errors)[0][2].split("\n")) <= errors.columns["reason"].width
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is modal
        status = text_of(modal.query_one("#import-status"))
        assert "ยังนำเข้าไม่ได้: ไฟล์มีข้อผิดพลาด ๑ รายการ" in status, status
        assert any("ยังนำเข้าไม่ได้" in m for m in notifications(app))
        assert staff_svc.count(app.ctx) == before


async def test_ctrl_s_before_checking_a_bad_file_says_why(tmp_path, make_app, demo_ctx):
    f = tmp_path / "bad.csv"
    f.write_text(HEADER + "B-1,นาย,,,,,,\n", encoding="utf-8-sig")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_dialog(pilot)
        modal.query_one("#f-path", Input).value = str(f)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("ยังนำเข้าไม่ได้" in m for m in notifications(app))
