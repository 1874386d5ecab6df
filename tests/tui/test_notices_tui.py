"""The notices register driven through the real app (demo office, hr account)."""

from __future__ import annotations

import pytest
from demo_cache import fast_demo
from textual.widgets import DataTable, Input, TextArea
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.service import demo, notices_pdf
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.thai.dates import today
from ethics_tui.tui.screens.notices import NoticesScreen
from ethics_tui.tui.screens.notices_coverage import CoverageScreen
from ethics_tui.tui.screens.notices_forms import NoticeFormModal, PublishModal
from ethics_tui.tui.screens.notices_ticks import TickOffScreen


@pytest.fixture
def office(ctx, monkeypatch):
    fast_demo(ctx)
    return demo.demo_sign_in(ctx, "admin")


async def open_notices(pilot) -> NoticesScreen:
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoticesScreen)
    return pilot.app.screen


def first_circular(ctx):
    return next(n for n in svc.list_notices(ctx) if n.kind == "circular" and n.number == 1)


async def test_tick_off_by_typing_space_page_and_undo(make_app, office, tmp_path):
    n = first_circular(office)
    _path, page_map = notices_pdf.export_signoff(office, n.id, tmp_path / "s.pdf")
    target = next(p for p in acks.people(office, n.id) if not p.done)
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_notices(pilot)
        screen.table.move_cursor(row=screen.table.get_row_index(str(n.id)))
        await pilot.press("k")
        await pilot.pause()
        ticks = app.screen
        assert isinstance(ticks, TickOffScreen)
        await pilot.press(*target.code)  # typing filters at once
        await pilot.pause()
        assert ticks.selected_id() == target.staff_id
        assert target.code in text_of(ticks.query_one("#tick-filter"))
        await pilot.press("enter", "space")  # enter ends the search (a space would go into it)
        await pilot.pause()
        stored = next(p for p in acks.people(app.ctx, n.id) if p.staff_id == target.staff_id)
        assert (stored.status, stored.date, stored.method) == ("acknowledged", today().isoformat(), "sheet")
        cell = ticks.table.get_cell(str(target.staff_id), "ack")
        assert "✓" in str(cell)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not next(p for p in acks.people(app.ctx, n.id) if p.staff_id == target.staff_id).done
        assert "✓" not in str(ticks.table.get_cell(str(target.staff_id), "ack"))
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert isinstance(app.screen, TickOffScreen) and ticks.filter == ""
        assert ticks.table.row_count == len(acks.people(app.ctx, n.id))
        before = acks.coverage(app.ctx, n.id).done
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#f-text", Input).value = "๒"
        await pilot.press("enter")
        await pilot.pause()
        assert acks.coverage(app.ctx, n.id).done == before + len(page_map[2])
        await pilot.press("ctrl+z")  # a page is undone at once
        await pilot.pause()
        assert acks.coverage(app.ctx, n.id).done == before
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)
        summary = text_of(app.screen.query_one("#cov-summary"))
        assert "รับทราบแล้ว" in summary
        pending_rows = app.screen.query_one("#cov-pending", DataTable).row_count
        assert pending_rows == acks.coverage(app.ctx, n.id).pending_count


async def test_write_and_issue_a_circular_with_a_typed_number(make_app, office):
    # the demo's circulars are dated in the last complete fiscal year: number 1 of this year is
    # taken here, so that the typed duplicate below is refused whatever the date
    from ethics_tui.model.notices import Notice
    from ethics_tui.service.context import Context

    hr = demo.demo_sign_in(Context(store=office.store), "hr")
    used = svc.save_draft(
        hr, Notice(kind="circular", title="แจ้งเวียนเลขที่หนึ่ง", to="ทุกท่าน", body="ทราบ", dated=today().isoformat())
    )
    svc.publish(hr, used.id, number=1, on=today())
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_notices(pilot)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoticeFormModal)
        form.query_one("#f-title", Input).value = "แจ้งเวียนแนวทางปฏิบัติ"
        form.query_one("#f-to", Input).value = "พนักงานทุกท่าน"
        form.query_one("#f-body", TextArea).text = "ขอให้ทุกท่านถือปฏิบัติ"
        form.query_one("#f-enclosures", TextArea).text = "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        draft = next(n for n in svc.list_notices(app.ctx) if n.title == "แจ้งเวียนแนวทางปฏิบัติ")
        assert draft.status == "draft" and draft.enclosures == [{"title": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น"}]
        assert screen.selected_id() == draft.id
        await pilot.press("p")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, PublishModal)
        modal.query_one("#f-number", Input).value = "1"  # already used this year (issued below)
        await pilot.pause()
        await pilot.press("ctrl+s", "y")  # y: a published document cannot be changed afterwards
        await pilot.pause()
        assert app.screen is modal
        assert "ถูกใช้แล้ว" in text_of(modal.query_one("#err-number"))
        modal.query_one("#f-number", Input).value = "๑๒"
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert app.screen is screen
        issued = svc.get(app.ctx, draft.id)
        assert (issued.status, issued.number) == ("published", 12)
        assert issued.audience_size == len(acks.people(app.ctx, draft.id))
        assert any("เผยแพร่แล้ว" in m for m in notifications(app))


async def test_viewer_reads_but_cannot_write(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        screen = await open_notices(pilot)
        assert screen.table.row_count == 4
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert any("ไม่มีสิทธิ์" in m for m in notifications(app))
