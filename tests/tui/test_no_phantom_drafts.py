"""Keys that draft a record from an issued one save nothing until the form is saved (80x24):
the committee's `s` (an order superseding the selected one) and the notices' `v` (a new version
of a published document). Escape, at once or after typing ("discard?" y), leaves the register,
the data files and the audit log exactly as they were; ctrl+s stores one draft (one audit
entry), shown selected in the list."""

from __future__ import annotations

from datetime import date

from lock_holder import audit_lines
from textual.widgets import DataTable, Input, Select
from tui_helpers import notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.service import committee as cm
from ethics_tui.service import demo
from ethics_tui.service import notices as nt
from ethics_tui.service.context import Context
from ethics_tui.tui.screens.committee import CommitteeScreen
from ethics_tui.tui.screens.committee_dialogs import office_digits
from ethics_tui.tui.screens.committee_form import OrderFormModal
from ethics_tui.tui.screens.notices import NoticesScreen
from ethics_tui.tui.screens.notices_forms import NoticeFormModal
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


def _state(ctx, table: str) -> tuple:
    """The table's records, every data file's bytes and the audit log's length."""
    records = {k: dict(v) for k, v in ctx.store.load().get(table, {}).items()}
    files = {p.name: p.read_bytes() for p in sorted(ctx.store.dir.iterdir()) if p.is_file()}
    return records, files, audit_lines(ctx.store.dir)


async def _open(pilot, register_key: str, screen_type, user: str):
    await start(pilot, user)
    await pilot.press(register_key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)
    return pilot.app.screen


async def _drafts_only_at_save(pilot, ctx, table: str, open_form, field: str) -> tuple:
    """Cancel the form twice (at once; after typing), then type " 2" in ``field`` and save.
    Returns (the first form, the new record's id)."""
    app, screen = pilot.app, pilot.app.screen
    rows = screen.query_one(DataTable).row_count
    before = _state(ctx, table)
    first = await open_form()
    assert first.original.id is None  # a copy in the form only
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is screen and _state(ctx, table) == before
    for save in (False, True):
        form = await open_form()
        form.query_one(f"#f-{field}", Input).focus()
        await pilot.press("end", "space", "2", "ctrl+s" if save else "escape")
        await settle(pilot)
        if not save:
            assert isinstance(app.screen, ConfirmModal)  # "discard what you typed?"
            await pilot.press("y")
            await pilot.pause()
            assert app.screen is screen and _state(ctx, table) == before
    assert app.screen is screen
    records, _files, audit = _state(ctx, table)
    (new_id,) = set(records) - set(before[0])
    assert {k: v for k, v in records.items() if k != new_id} == before[0]  # the issued one untouched
    assert audit == before[2] + 1  # one audited save
    table_widget = screen.query_one(DataTable)
    assert table_widget.row_count == rows + 1
    assert table_widget.coordinate_to_cell_key(table_widget.cursor_coordinate).row_key.value == new_id  # selected
    return first, int(new_id)


async def _press_on(pilot, record_id: int, *keys: str):
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(record_id)))
    await pilot.press(*keys)
    await pilot.pause()
    return pilot.app.screen


async def test_supersede_saves_nothing_until_the_form_is_saved(make_app, ctx):
    fast_demo(ctx)
    hr = demo.demo_sign_in(Context(store=ctx.store), "hr")
    old = cm.in_force(hr)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await _open(pilot, "c", CommitteeScreen, "hr")

        async def open_form() -> OrderFormModal:
            form = await _press_on(pilot, old.id, "s")
            assert isinstance(form, OrderFormModal) and not form.read_only
            assert form.original.supersedes == old.id
            assert form.query_one("#f-supersedes", Select).value == old.id  # marked as superseding it
            title = text_of(form.query_one(".dialog-title"))
            assert title == app.t("cm_successor_title", ref=office_digits(hr, old.ref))
            return form

        _form, new_id = await _drafts_only_at_save(pilot, hr, cm.ORDERS, open_form, "subject")
        new = cm.get_order(hr, new_id)
        assert (new.status, new.supersedes, new.number, new.rev) == ("draft", old.id, None, 1)
        assert new.subject == old.subject + " 2" and new.order_date == date.today().isoformat()
        assert [x.name for x in new.members] == [x.name for x in old.members]
        assert any("แทนคำสั่งที่" in n for n in notifications(app))


async def test_new_version_saves_nothing_until_the_form_is_saved(make_app, ctx):
    fast_demo(ctx)
    hr = demo.demo_sign_in(Context(store=ctx.store), "hr")
    old = next(n for n in nt.list_notices(hr) if n.kind == "circular" and n.published and n.version == 1)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await _open(pilot, "o", NoticesScreen, "hr")

        async def open_form() -> NoticeFormModal:
            question = await _press_on(pilot, old.id, "v")
            assert isinstance(question, ConfirmModal)  # the question comes first, as before
            await pilot.press("y")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, NoticeFormModal)
            title = text_of(form.query_one(".dialog-title"))  # the form says it is a new version
            assert title == app.t("nt_form_version", kind=app.t("nt_form_circ"), version="๒")
            return form

        form, new_id = await _drafts_only_at_save(pilot, hr, nt.NOTICES, open_form, "title")
        assert (form.original.replaces, form.original.version) == (old.id, old.version + 1)
        new = nt.get(hr, new_id)
        assert (new.status, new.replaces, new.version, new.rev) == ("draft", old.id, old.version + 1, 1)
        assert new.title == old.title + " 2"
