"""Staff import by column mapping from the TUI at 80×24: guessed mapping, a change with a Select,
a saved preset, a preview of the rows as saved, the national ID column skipped, all or nothing."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static
from tui_helpers import notifications, settle, start, text_of

from ethics_tui.service import staff as staff_svc
from ethics_tui.service import staff_mapping as sm
from ethics_tui.tui.screens.staff import StaffScreen
from ethics_tui.tui.screens.staff_import import StaffImportModal
from ethics_tui.tui.screens.staff_import_map import StaffMapModal

SMALL = (80, 24)
ID = "1103700012345"
LHR = (
    "เลขประจำตัวประชาชน,เลขพนักงาน,ชื่อ-สกุล,ตำแหน่งในสายงาน,สังกัด,ประเภทพนักงาน,หมายเหตุ\n"
    f"{ID},L-01,นางสาวแมป ปิงคอลัมน์,นักจัดการงานทั่วไป,กองคลัง,พนักงานส่วนตำบล,-\n"
    "3103700012346,L-02,นายนำ เข้าจากแอลเอชอาร์,ผู้ช่วยเจ้าหน้าที่,กองคลัง,พนักงานจ้างทั่วไป,-\n"
)


def header_index(modal: StaffMapModal, header: str) -> int:
    return modal.headers.index(header)


async def test_map_columns_save_preset_preview_and_import(tmp_path, make_app, demo_ctx):
    path = tmp_path / "lhr.csv"
    path.write_text(LHR, encoding="utf-8-sig")
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StaffScreen)
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, StaffImportModal)
        modal.query_one("#f-path", Input).value = str(path)
        await pilot.press("enter")  # the ordinary import reads the usual headers (ชื่อ-สกุล, สังกัด...)
        await settle(pilot)
        assert "จะเพิ่ม ๒ คน" in text_of(modal.query_one("#import-status")).splitlines()[0]
        # ...but not that เลขพนักงาน is the code: the mapping says so
        button = modal.query_one("#map")
        dialog = modal.query_one("#dialog")  # the buttons stay inside the dialog at 80×24
        assert button.region.height == 1 and button.region.bottom <= dialog.content_region.bottom
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.pause()
        mp = app.screen
        assert isinstance(mp, StaffMapModal)
        # the guess: column -> field; the ID column has no Select, only "skipped"
        guess = mp.mapping()
        assert guess["full_name"] == "ชื่อ-สกุล" and guess["division"] == "สังกัด"
        assert guess["position"] == "ตำแหน่งในสายงาน" and guess["staff_type"] == "ประเภทพนักงาน"
        assert "code" not in guess and "เลขประจำตัวประชาชน" not in guess.values()
        i_id = header_index(mp, "เลขประจำตัวประชาชน")
        assert i_id not in mp.selects
        assert any("ข้าม" in str(w.render()) for w in mp.query(".map-skip").results(Static))
        # change one mapping with its Select: เลขพนักงาน -> รหัส
        mp.selects[header_index(mp, "เลขพนักงาน")].value = "code"
        await pilot.pause()
        assert mp.mapping()["code"] == "เลขพนักงาน"
        # preview the first rows as they will be saved, and check the whole file
        await pilot.press("ctrl+r")
        await settle(pilot)
        preview = mp.query_one("#map-preview", DataTable)
        assert preview.display and preview.row_count == 2
        cells = [str(c) for c in preview.get_row_at(0)]  # one record as saved: the name joined
        assert "L-01" in cells and "นางสาวแมป ปิงคอลัมน์" in cells and "เพิ่ม" in cells, cells
        assert ID not in " ".join(cells)
        status = text_of(mp.query_one("#map-status"))
        assert "จะเพิ่ม ๒ คน" in status and "เลขประจำตัวประชาชน" in status, status
        assert staff_svc.count(app.ctx) == before  # nothing saved yet
        # save the mapping as a preset for next year
        mp.query_one("#map-name", Input).value = "LHR ประจำปี"
        mp.query_one("#map-save").press()
        await pilot.pause()
        saved = sm.get_preset(app.ctx, "LHR ประจำปี")
        assert saved.columns["code"] == "เลขพนักงาน" and "เลขประจำตัวประชาชน" not in saved.columns.values()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StaffScreen)
        assert staff_svc.count(app.ctx) == before + 2
        assert any("เพิ่ม ๒ คน" in n for n in notifications(app))
    raw = "".join(p.read_text(encoding="utf-8") for p in demo_ctx.store.dir.rglob("*.json"))
    assert ID not in raw and "3103700012346" not in raw


async def test_a_saved_preset_maps_next_years_file_and_a_bad_row_saves_nothing(tmp_path, make_app, demo_ctx):
    sm.save_preset(
        demo_ctx,
        sm.Preset(
            "LHR",
            {
                "code": "เลขพนักงาน",
                "full_name": "ชื่อ-สกุล",
                "position": "ตำแหน่งในสายงาน",
                "division": "สังกัด",
                "staff_type": "ประเภทพนักงาน",
            },
        ),
    )
    path = tmp_path / "lhr-next.csv"
    path.write_text(LHR.replace("พนักงานจ้างทั่วไป", "ไม่มีประเภทนี้"), encoding="utf-8-sig")
    before = staff_svc.count(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(path)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.pause()
        mp = app.screen
        assert isinstance(mp, StaffMapModal)
        mp.query_one("#map-preset", Select).value = "LHR"
        await pilot.pause()
        assert mp.mapping()["code"] == "เลขพนักงาน"
        await pilot.press("ctrl+r")
        await settle(pilot)
        status = text_of(mp.query_one("#map-status"))
        assert "ไม่ได้บันทึกข้อมูลใด ๆ" in status, status
        errors = mp.query_one("#map-preview", DataTable)  # every bad row, its reason whole
        assert str(errors.get_row_at(0)[0]) == "๓" and "ไม่มีประเภทนี้" in errors.get_row_at(0)[2].plain
        await pilot.press("ctrl+s")  # still refused: all or nothing, and it says why
        await settle(pilot)
        assert app.screen is mp
        assert "ยังนำเข้าไม่ได้" in text_of(mp.query_one("#map-status"))
        assert staff_svc.count(app.ctx) == before
