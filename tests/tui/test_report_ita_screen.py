"""The ITA items screen at 80×24: every item of the year's table, Thai keys, officer texts, one
item's files, the whole folder, and the palette entries for each output."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList, Static, TextArea
from tui_helpers import notifications, settle, start, text_of

from ethics_tui.service import ita_items, ita_texts, report
from ethics_tui.tui.screens.report import ReportScreen
from ethics_tui.tui.screens.report_ita import ItaItemsScreen, SectionPickModal, SectionTextModal
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


async def test_items_screen_at_80x24(make_app, demo_ctx, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "admin")
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ItaItemsScreen)
        fy = screen.fy
        table = screen.query_one("#ita-items", DataTable)
        codes = [i.code for i in ita_items.load(app.ctx, fy).items]
        assert table.row_count == len(codes)
        assert [str(table.get_row_at(n)[0]) for n in range(table.row_count)] == codes
        assert "ITAS" in text_of(screen.query_one("#ita-note", Static))  # "check against the ITAS manual"
        assert table.region.bottom <= 24 and table.region.right <= 80  # fits the small terminal
        assert screen.query_one("#ita-title", Static).region.y >= 1  # the title is on screen, not scrolled away
        assert table.virtual_size.width <= table.region.width  # no column cut off at 80 columns
        # write the officer's recruitment section for the HR annual report (previous year)
        await pilot.press("w")
        await settle(pilot)
        pick = app.screen
        assert isinstance(pick, SectionPickModal)
        box = pick.query_one(OptionList)
        box.highlighted = list(ita_texts.SECTIONS).index("hr_plan")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SectionTextModal)
        form.query_one("#f-text", TextArea).text = "แผนพัฒนาบุคลากรสามปี ฉบับจอเล็ก"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert ita_texts.get(app.ctx, fy, "hr_plan") == "แผนพัฒนาบุคลากรสามปี ฉบับจอเล็ก"
        # g: the files of the highlighted item (the first: O13)
        table.move_cursor(row=0)
        await pilot.press("g")
        await settle(pilot)
        out = tmp_path / "exports" / str(fy) / f"ita-{fy}"  # the fiscal year's subfolder
        item = ita_items.load(app.ctx, fy).items[0]
        assert any(p.name.startswith(item.file_code(1)) for p in out.glob("*.pdf"))
        # v: the whole folder with its index; g's file is in it, so v asks before writing over it
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal) and str(out) in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert (out / "index.html").exists()
        assert any("index.html" in n for n in notifications(app))


async def test_palette_reaches_each_output(make_app, demo_ctx, tmp_path, monkeypatch):
    from ethics_tui.tui.registers import find

    reg = find("ita")
    assert reg is not None and reg.hotkey == "i"
    titles = [c[0] for c in reg.commands]
    assert all(t.startswith("หลักฐาน ITA: ") for t in titles)
    names = {c[2] for c in reg.commands}
    from ethics_tui.service.ita_outputs import outputs

    assert {f"output('{k}')" for k in outputs()} <= names  # every output has a palette entry
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "admin")
        await app.run_action("open_register('ita', \"output('complaint-stats')\")")
        fy = report.default_fy()
        out = tmp_path / "exports" / str(fy) / f"ita-{fy}"  # the fiscal year's subfolder
        for _ in range(10):  # the palette action runs after the screen's first refresh, then its worker
            await settle(pilot)
            if list(out.glob("*complaint-stats*.pdf")):
                break
        assert isinstance(app.screen, ItaItemsScreen)
        assert list(out.glob("*complaint-stats*.pdf"))
