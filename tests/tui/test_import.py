"""Import from the staff screen: preview first, all or nothing, every bad row listed."""

from __future__ import annotations

from textual.widgets import DataTable, Input
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import list_divisions
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.staff_import import StaffImportModal

HEADER = "รหัส,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,กอง,ประเภทบุคลากร,วันที่เริ่มงาน\n"


async def open_import(pilot, path) -> StaffImportModal:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, StaffImportModal)
    modal.query_one("#f-path", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    return modal


async def test_import_good_csv_shows_counts_then_imports(tmp_path, make_app, demo_ctx):
    csv_path = tmp_path / "staff.csv"
    csv_path.write_text(
        HEADER
        + "N-1,นาย,ใหม่หนึ่ง,นำเข้า,นักวิชาการ,กองคลัง,พนักงานส่วนตำบล,01/10/2568\n"
        + "N-2,นาง,ใหม่สอง,นำเข้า,ผู้ช่วย,กองใหม่จากไฟล์,พนักงานจ้างทั่วไป,\n",
        encoding="utf-8-sig",
    )
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        modal = await open_import(pilot, csv_path)
        status = text_of(modal.query_one("#import-status"))
        assert "จะเพิ่ม ๒ คน" in status and "สร้างกองใหม่ ๑ กอง" in status, status
        assert "กองใหม่จากไฟล์" in status
        assert staff_svc.count(app.ctx) == before  # the preview wrote nothing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffScreen)
        assert staff_svc.count(app.ctx) == before + 2
        assert "กองใหม่จากไฟล์" in [d.name for d in list_divisions(app.ctx)]
        assert any("เพิ่ม ๒ คน" in m for m in notifications(app))
        table = app.screen.query_one(DataTable)
        assert table.row_count == before + 2


async def test_import_bad_csv_lists_every_error_and_writes_nothing(tmp_path, make_app, demo_ctx):
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(
        HEADER
        + "B-1,นาย,ดีหนึ่ง,ถูกต้อง,ครู,กองคลัง,พนักงานส่วนตำบล,01/10/2568\n"
        + "B-2,นาย,,ไม่มีชื่อ,ครู,กองคลัง,พนักงานส่วนตำบล,\n"
        + "B-3,นาง,วันผิด,ทดสอบ,ครู,กองคลัง,พนักงานส่วนตำบล,31/02/2568\n"
        + "B-4,นาง,ประเภทผิด,ทดสอบ,ครู,กองใหม่,ข้าราชการพลเรือน,\n",
        encoding="utf-8",
    )

    def registers():
        data = demo_ctx.store.load()
        return data.get("staff"), data.get("divisions")

    before = registers()
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        modal = await open_import(pilot, csv_path)
        assert "พบข้อผิดพลาด" in text_of(modal.query_one("#import-status"))
        table = modal.query_one("#import-errors", DataTable)
        assert table.display
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert {r[0] for r in rows} == {"๓", "๔", "๕"}  # file rows, header = 1
        reasons = " ".join(r[2] for r in rows)
        assert "ชื่อ" in reasons and "๓๑" in reasons and "ประเภท" in reasons
        # ctrl+s re-checks instead of importing a bad file
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffImportModal)
    assert registers() == before  # (signing in writes main.json, so compare the tables)


async def test_import_missing_file_is_explained(tmp_path, make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        modal = await open_import(pilot, tmp_path / "nope.csv")
        status = modal.query_one("#import-status")
        assert "nope.csv" in text_of(status)
        assert status.has_class("error")


async def test_export_writes_the_file(tmp_path, make_app, demo_ctx):
    out = tmp_path / "out" / "staff.csv"
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#f-text", Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StaffScreen)
    text = out.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("รหัส,คำนำหน้า")
    assert len(text.splitlines()) == staff_svc.count(demo_ctx, active_only=False) + 1


async def test_enter_on_the_error_list_rechecks_the_corrected_file(tmp_path, make_app, demo_ctx):
    csv_path = tmp_path / "fixme.csv"
    csv_path.write_text(HEADER + "F-1,นาย,,แก้ไข,ผู้ช่วย,กองคลัง,พนักงานจ้างทั่วไป,31/02/2568\n", encoding="utf-8")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        modal = await open_import(pilot, csv_path)
        assert modal.plan is not None and not modal.plan.ok
        assert isinstance(app.focused, DataTable)  # the error list has the focus
        csv_path.write_text(HEADER + "F-1,นาย,แก้แล้ว,แก้ไข,ผู้ช่วย,กองคลัง,พนักงานจ้างทั่วไป,28/02/2568\n", encoding="utf-8")
        await pilot.press("enter")
        await settle(pilot)
        assert modal.plan is not None and modal.plan.ok
        assert "จะเพิ่ม ๑ คน" in text_of(modal.query_one("#import-status"))
