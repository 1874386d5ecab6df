"""The register-screen kit at 80x24: RecordTable (cursor kept across reloads, filter, cells
updated in place, Thai cells cut between words), digits on a list screen, and the export worker
(progress bar while a slow export reports steps, Thai error toast on OSError, full paths)."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from textual.app import App, ComposeResult
from tui_helpers import notifications, settle, start

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.service.context import Context
from ethics_tui.service.settings import get_settings, save_settings
from ethics_tui.tui.widgets.export import ExportProgress, run_export
from ethics_tui.tui.widgets.record_table import RecordTable, fit_cell

SMALL = (80, 24)
COLS = (("code", 6), ("name", 30), ("note", 62))


class TableApp(App):
    def compose(self) -> ComposeResult:
        yield RecordTable(COLS, flex="name", min_flex=10, priority=("code", "note"), id="t")

    def on_mount(self) -> None:
        self.query_one(RecordTable).setup(str.upper, self.size.width)


def rows(n: int, note: str = "") -> list[tuple[int, list[str]]]:
    return [(i, [f"{i:04d}", f"คนที่ {i}", note]) for i in range(1, n + 1)]


async def test_record_table_keeps_cursor_filters_and_updates_cells_in_place():
    app = TableApp()
    async with app.run_test(size=SMALL) as pilot:
        table = app.query_one(RecordTable)
        assert table.shows("code") and table.shows("name")
        assert not table.shows("note")  # 62 cells do not fit next to the others at 80 columns
        table.load(rows(30))
        table.move_cursor(row=17)
        await pilot.pause()
        assert table.record_id == 18
        table.load(list(reversed(rows(30))))  # another order: rebuilt, the record stays highlighted
        await pilot.pause()
        assert table.record_id == 18 and table.cursor_row == 12
        first_key = next(iter(table.rows))
        data = [(i, [f"{i:04d}", f"คนที่ {i}" + ("*" if i == 5 else ""), ""]) for i in range(30, 0, -1)]
        table.load(data)  # the same rows in the same order: one cell changes, nothing rebuilt
        await pilot.pause()
        assert next(iter(table.rows)) is first_key
        assert str(table.get_cell("5", "name")) == "คนที่ 5*"
        assert table.record_id == 18
        table.set_filter("คนที่ 2")
        await pilot.pause()
        assert {int(k.value) for k in table.rows} == {2, *range(20, 30)}
        table.set_filter("")
        await pilot.pause()
        assert table.row_count == 30
        assert table.record_id == 18  # kept through the filter


def test_a_long_thai_cell_is_cut_between_words():
    from rich.text import Text

    out = fit_cell(Text("ให้คำปรึกษาด้านจริยธรรมแก่เจ้าหน้าที่", style="bold"), 12)
    assert out.plain.endswith("…")
    assert out.cell_len <= 12
    assert out.plain != "ให้คำปรึก…" and not out.plain.startswith("ให้คำปรึก…")
    assert out.plain[:-1] in ("ให้คำปรึกษา", "ให้คำ", "ให้")


def office(ctx):
    fast_demo(ctx)
    return demo.demo_sign_in(Context(store=ctx.store), "admin")


async def test_list_screen_digits_and_cursor_kept_on_resume(make_app, ctx):
    admin = office(ctx)
    save_settings(admin, dataclasses.replace(get_settings(admin), digits="thai"))
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        table = screen.table
        assert table.row_count >= 2
        shown = "".join(str(c) for c in table.get_row_at(0))
        assert any("๐" <= ch <= "๙" for ch in shown) and not any(ch.isascii() and ch.isdigit() for ch in shown)
        table.move_cursor(row=1)
        await pilot.pause()
        kept = table.record_id
        screen.reload()
        await pilot.pause()
        assert table.record_id == kept


async def test_export_worker_shows_progress_and_reports_full_paths(make_app, ctx, tmp_path):
    office(ctx)
    app = make_app(ctx.store.dir)
    gate = threading.Event()
    out = tmp_path / "signoff.pdf"

    def slow_job(progress):  # a fake service: reports half of 1,000 steps, waits, finishes
        for n in range(1, 501):
            progress(n, 1000)
        gate.wait(10)
        for n in range(501, 1001):
            progress(n, 1000)
        out.write_bytes(b"%PDF-1.4")
        return out

    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        screen = app.screen
        run_export(screen, slow_job)
        for _ in range(50):
            await pilot.pause()
            if screen.query(ExportProgress):
                break
        boxes = screen.query(ExportProgress)
        assert boxes, "no progress bar during a long export"
        box = boxes.first()
        assert box.bar.total == 1000 and 0 < box.bar.progress <= 500
        assert box.region.height == 1 and box.region.bottom <= 24  # on screen at 80x24
        gate.set()
        await settle(pilot)
        assert not screen.query(ExportProgress)
        assert any(str(out.absolute()) in m for m in notifications(app))


async def test_export_worker_reports_os_error_in_thai(make_app, ctx):
    office(ctx)
    app = make_app(ctx.store.dir)

    def failing(progress):
        raise PermissionError(13, "Permission denied", "/ไม่มีสิทธิ์/x.pdf")

    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        run_export(app.screen, failing)
        await settle(pilot)
        messages = notifications(app)
        assert any("บันทึกไฟล์ไม่ได้" in m and "/ไม่มีสิทธิ์/x.pdf" in m for m in messages), messages
        assert Path("/ไม่มีสิทธิ์").exists() is False


async def test_report_keeps_its_title_and_year_in_view_at_80x24(make_app, ctx):
    office(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        title = screen.query_one("#rp-title")
        assert title.region.height >= 1 and 0 < title.region.y < 24
        assert screen.scroll_y == 0 and screen.max_scroll_y == 0  # nothing pushes the title off the top
        from ethics_tui.thai.digits import apply_digits

        shown = str(title.render())
        assert apply_digits(screen.fy, "thai") in shown or str(screen.fy) in shown
        rows = screen.query_one("#rp-rows")
        assert rows.region.bottom <= 23  # above the footer


def test_evidence_set_reports_progress_per_item(ctx, tmp_path):
    from ethics_tui.service.report import default_fy
    from ethics_tui.service.report_evidence import write_evidence

    admin = office(ctx)
    steps: list[tuple[int, int]] = []
    write_evidence(admin, default_fy(), tmp_path / "ita", progress=lambda n, total: steps.append((n, total)))
    assert steps and steps[-1][0] == steps[-1][1] and [n for n, _ in steps] == list(range(1, len(steps) + 1))


def test_signoff_sheet_reports_progress_per_person(ctx, tmp_path):
    from ethics_tui.service import notices as nsvc
    from ethics_tui.service import notices_acks, notices_pdf

    admin = office(ctx)
    n = next(x for x in nsvc.list_notices(admin) if x.published and notices_acks.coverage(admin, x.id).pending)
    steps: list[tuple[int, int]] = []
    notices_pdf.export_signoff(admin, n.id, tmp_path / "s.pdf", progress=lambda d, t: steps.append((d, t)))
    pending = notices_acks.coverage(admin, n.id).pending_count
    assert steps[-1] == (pending, pending) and len(steps) == pending


async def test_training_and_committee_keep_their_tables_on_screen_at_80x24(make_app, ctx):
    office(ctx)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert screen.max_scroll_y == 0  # the title and the budget line are not pushed off the top
        noms = screen.query_one("#tr-noms")
        assert noms.row_count and noms.region.height >= 3 and noms.region.bottom <= 23
        await pilot.press("escape")
        await pilot.press("c")
        await pilot.pause()
        orders = app.screen.query_one("#cm-orders")
        assert orders.row_count and orders.region.height >= 3 and orders.region.bottom <= 23
