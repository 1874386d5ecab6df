"""The notices screen's `v` (new version) at 80x24: after the question the notice form opens on
an unsaved copy of the published document; nothing is stored until ctrl+s, so escape leaves the
register, the files and the audit log exactly as they were."""

from __future__ import annotations

from lock_holder import audit_lines
from textual.widgets import DataTable, Input
from tui_helpers import settle, start

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.service import notices as svc
from ethics_tui.service.context import Context
from ethics_tui.tui.screens.notices import NoticesScreen
from ethics_tui.tui.screens.notices_forms import NoticeFormModal
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _stored(ctx) -> dict:
    return {k: dict(v) for k, v in ctx.store.load().get(svc.NOTICES, {}).items()}


async def _press_v_on(pilot, screen: NoticesScreen, notice_id: int) -> NoticeFormModal:
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(notice_id)))
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmModal)  # the question comes first, as before
    await pilot.press("y")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, NoticeFormModal)
    return form


async def test_new_version_saves_nothing_until_the_form_is_saved(make_app, ctx):
    fast_demo(ctx)
    hr = demo.demo_sign_in(Context(store=ctx.store), "hr")
    old = next(n for n in svc.list_notices(hr) if n.published and not n.replaced_by)
    data = ctx.store.dir
    app = make_app(data)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NoticesScreen)
        rows = screen.query_one(DataTable).row_count
        before, files, audit = _stored(hr), _files(data), audit_lines(data)

        # v, y, then escape at once: the form held a copy only
        form = await _press_v_on(pilot, screen, old.id)
        assert (form.original.id, form.original.replaces, form.original.version) == (None, old.id, old.version + 1)
        assert form.query_one("#f-title", Input).value == old.title
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert (_stored(hr), _files(data), audit_lines(data)) == (before, files, audit)
        assert screen.query_one(DataTable).row_count == rows

        # v, y, type something, escape: "discard?" first; y leaves nothing behind either
        form = await _press_v_on(pilot, screen, old.id)
        form.query_one("#f-title", Input).focus()
        await pilot.press("end", "space", "2", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert (_stored(hr), _files(data), audit_lines(data)) == (before, files, audit)

        # v, y, edit, ctrl+s: one audited save of the draft new_version would have stored
        form = await _press_v_on(pilot, screen, old.id)
        form.query_one("#f-title", Input).focus()
        await pilot.press("end", "space", "2", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        after = _stored(hr)
        (new_id,) = set(after) - set(before)
        assert {k: v for k, v in after.items() if k != new_id} == before  # the published one untouched
        new = svc.get(hr, int(new_id))
        assert (new.status, new.replaces, new.version, new.rev) == ("draft", old.id, old.version + 1, 1)
        assert new.title == old.title + " 2"
        assert audit_lines(data) == audit + 1
        table = screen.query_one(DataTable)
        assert table.row_count == rows + 1
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == new_id  # shown selected
