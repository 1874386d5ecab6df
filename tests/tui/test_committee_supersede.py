"""The committee screen's `s` (supersede) at 80x24: the order form opens on an unsaved copy of
the selected issued order; nothing is stored until ctrl+s, so escape leaves the register, the
files and the audit log exactly as they were."""

from __future__ import annotations

from datetime import date

from lock_holder import audit_lines
from textual.widgets import DataTable, Input, Select
from tui_helpers import notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.service import committee as svc
from ethics_tui.service import demo
from ethics_tui.service.context import Context
from ethics_tui.tui.screens.committee import CommitteeScreen
from ethics_tui.tui.screens.committee_dialogs import office_digits
from ethics_tui.tui.screens.committee_form import OrderFormModal
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _stored(ctx) -> dict:
    return {k: dict(v) for k, v in ctx.store.load().get(svc.ORDERS, {}).items()}


async def _press_s_on(pilot, screen: CommitteeScreen, order_id: int) -> OrderFormModal:
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(order_id)))
    await pilot.press("s")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, OrderFormModal) and not form.read_only
    return form


async def test_supersede_saves_nothing_until_the_form_is_saved(make_app, ctx):
    fast_demo(ctx)
    hr = demo.demo_sign_in(Context(store=ctx.store), "hr")
    old = svc.in_force(hr)
    data = ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CommitteeScreen)
        rows = screen.query_one(DataTable).row_count
        before, files, audit = _stored(hr), _files(data), audit_lines(data)

        # s, then escape at once: the form held a copy only
        form = await _press_s_on(pilot, screen, old.id)
        assert form.original.id is None and form.original.supersedes == old.id
        assert form.query_one("#f-supersedes", Select).value == old.id  # marked as superseding it
        title = text_of(form.query_one(".dialog-title"))
        assert title == app.t("cm_successor_title", ref=office_digits(hr, old.ref))
        assert form.query_one("#f-subject", Input).value == old.subject
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert (_stored(hr), _files(data), audit_lines(data)) == (before, files, audit)
        assert screen.query_one(DataTable).row_count == rows

        # s, type something, escape: "discard?" first; y leaves nothing behind either
        form = await _press_s_on(pilot, screen, old.id)
        await pilot.press("end", "space", "2")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert (_stored(hr), _files(data), audit_lines(data)) == (before, files, audit)

        # s, edit, ctrl+s: one audited save of the draft svc.successor would have stored
        form = await _press_s_on(pilot, screen, old.id)
        await pilot.press("end", "space", "2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        after = _stored(hr)
        (new_id,) = set(after) - set(before)
        assert {k: v for k, v in after.items() if k != new_id} == before  # the old order untouched
        new = svc.get_order(hr, int(new_id))
        assert (new.status, new.supersedes, new.number, new.rev) == ("draft", old.id, None, 1)
        assert new.subject == old.subject + " 2" and new.order_date == date.today().isoformat()
        assert [x.name for x in new.members] == [x.name for x in old.members]
        assert audit_lines(data) == audit + 1
        table = screen.query_one(DataTable)
        assert table.row_count == rows + 1
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == new_id  # shown selected
        assert any("แทนคำสั่งที่" in n for n in notifications(app))
