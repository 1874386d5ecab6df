"""The staff register: filter-as-you-type table, add/edit form, deactivate, import, export."""

from __future__ import annotations

import gc
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Input, Static

from ethics_tui.model.staff import Staff, type_label
from ethics_tui.registers.spec import Action
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.access import can
from ethics_tui.service.settings import list_divisions
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.staff_form import StaffFormModal
from ethics_tui.tui.screens.staff_import import StaffImportModal, resolve_path, same_text
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.record_table import Prepared, cells
from ethics_tui.tui.widgets.saving import confirm_write

#: (column key, width): six columns fit a 120-cell terminal; the form shows every field.
COLUMNS = (("code", 5), ("name", 22), ("position", 28), ("level", 12), ("division", 20), ("type", 18))
PAGE = 500


def default_export_path(ctx) -> Path:
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx) / "staff.xlsx"


class StaffScreen(
    ListScreen,
    table_id="staff-table",
    columns=COLUMNS,
    flex="name",
    min_flex=18,
    priority=("code", "position", "division", "level", "type"),
    column_label="col_{}",
    title_key="staff_title",
    filter=True,
):
    """ทะเบียนบุคลากร. The table is keyed by staff id and shows at most PAGE rows."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    #: (``e`` stays: it opens the record read-only for every role and saving is refused)
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("n", "new", "new", "staff.write"),
        Action("e", "edit", "edit"),
        Action("d", "toggle_active", "deactivate", "staff.write"),
        Action("slash", "focus_filter", "filter"),
        Action("a", "toggle_inactive", "inactive_toggle"),
        Action("i", "import", "import", "staff.write"),
        Action("x", "export", "export", "staff.export"),
        Binding("down", "focus_table", show=False),
    )

    show_inactive: reactive[bool] = reactive(False, init=False)

    def __init__(self, then: str | None = None) -> None:
        super().__init__(then)
        self._generation = 0  # bumped by each (re)fill; a worker's stale result is dropped
        self._label = ""

    def on_mount(self) -> None:
        # What exists now (the program, the office's data, this screen) lives as long as the
        # screen: kept out of the cyclic garbage collector's full passes while it is open, so
        # that the rows each filter key makes do not trigger a pass over all of it (~0.2 s at
        # 10,000 staff, on the event loop, every few keys). Given back when the screen goes.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def compose_top(self) -> ComposeResult:
        yield Static("", id="staff-count", markup=False)

    def resumed(self) -> None:
        pass  # the actions that change staff reload or update their row

    # -- table -----------------------------------------------------------------------------
    def row_cells(self, s: Staff, division: str = "") -> list[Text]:
        # the code is an identifier: never in Thai digits, whatever the office chose
        return cells(
            [s.code, s.full_name, s.position, s.level, division, type_label(s.staff_type, self.lang)],
            "" if s.active else "dim strike",
        )

    def reload(self, select_id: int | None = None) -> None:
        """Refill the table now (on mount and after a save, import or deactivation)."""
        self._generation += 1
        self._show(self._generation, self._page(self.filter_text, self.show_inactive), select_id)

    def filter_changed(self, text: str) -> None:
        """Refill the table for the filter as typed: the search and the cells are made in a
        thread worker, so a keystroke never waits for them; only the newest result is shown."""
        self._generation += 1
        self._search(self._generation, text, self.show_inactive)

    @work(thread=True, exclusive=True, exit_on_error=False, group="filter")
    def _search(self, generation: int, text: str, include_inactive: bool) -> None:
        page = self._page(text, include_inactive)
        if generation == self._generation:
            self.app.call_from_thread(self._show, generation, page, None)

    def _page(self, text: str, include_inactive: bool) -> tuple[dict, Prepared, str]:
        """The records to show, their rows ready for the table (cells, signatures, the cells of
        a screenful cut to their columns: ``RecordTable.prepare``) and the count label; no
        widget is changed, so that a worker thread can do it all."""
        found, total, listed = staff_svc.search_page(self.ctx, text, include_inactive=include_inactive, limit=PAGE)
        rows = [(row.staff, self.row_cells(row.staff, row.division)) for row in found]
        prepared = self.table.prepare(((s.id, cs) for s, cs in rows), warm=self.table.size.height)
        if text.strip():  # how many the search found, out of everyone it looked at
            label = self.t("found_of", n=self.d(f"{total:,}"), m=self.d(f"{listed:,}"))
        else:
            label = self.t("showing", n=self.d(f"{len(rows):,}"), m=self.d(f"{total:,}"))
        if include_inactive:
            label += self.t("with_inactive")
        if len(rows) < total:
            label += self.t("showing_more")
        return {s.id: s for s, _cells in rows}, prepared, label

    def _show(self, generation: int, page: tuple[dict, Prepared, str], select_id: int | None) -> None:
        if generation != self._generation or not self.is_attached:
            return  # a newer search is on its way, or the screen was closed meanwhile
        records, prepared, label = page
        self.rows = records
        # typing often leaves the first page as it was: the table then changes nothing
        self.table.load_prepared(prepared, keep=select_id)
        if label != self._label:
            self._label = label
            self.query_one("#staff-count", Static).update(label)

    def _require_selection(self) -> int | None:
        staff_id = self.selected_id()
        if staff_id is None:
            self.notify(self.t("no_selection"), severity="warning")
        return staff_id

    # -- events ----------------------------------------------------------------------------
    def watch_show_inactive(self) -> None:
        self.filter_changed(self.filter_text)

    # -- actions ---------------------------------------------------------------------------
    def action_toggle_inactive(self) -> None:
        self.show_inactive = not self.show_inactive

    def action_new(self) -> None:
        modal = StaffFormModal(None, list_divisions(self.ctx))
        self.app.push_screen(modal, self._added)

    def _added(self, staff: Staff | None) -> None:
        if staff is None:
            return
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""  # show the new person even if the filter would hide them
        self.reload(select_id=staff.id)
        self.table.focus()
        self.notify(self.t("staff_added", name=staff.full_name), markup=False)

    def action_edit(self) -> None:
        staff_id = self._require_selection()
        if staff_id is None:
            return
        staff = staff_svc.get(self.ctx, staff_id)
        form = StaffFormModal(staff, list_divisions(self.ctx))
        form.view_only = not can(self.ctx, "staff.write")  # a viewer looks; nothing to type and lose
        self.app.push_screen(form, self._edited)

    def _edited(self, staff: Staff | None) -> None:
        if staff is None:
            return
        self._update_row(staff)
        self.notify(self.t("staff_saved", name=staff.full_name), markup=False)

    def _update_row(self, staff: Staff) -> None:
        names = {d.id: d.name for d in list_divisions(self.ctx)}
        self.rows[staff.id] = staff
        self.table.update_record(staff.id, self.row_cells(staff, names.get(staff.division_id, "")))

    def action_toggle_active(self) -> None:
        staff_id = self._require_selection()
        if staff_id is None:
            return
        staff = staff_svc.get(self.ctx, staff_id)
        key = "deactivate_confirm" if staff.active else "reactivate_confirm"

        def shown(saved: Staff) -> None:
            if saved.active or self.show_inactive:
                self._update_row(saved)
            else:
                self.reload()
            note = "reactivated" if saved.active else "deactivated"
            self.notify(self.t(note, name=saved.full_name), markup=False)

        question = self.t(key, name=staff.full_name)
        confirm_write(self, question, lambda: staff_svc.set_active(self.ctx, staff_id, not staff.active), shown)

    def action_import(self) -> None:
        def done(plan) -> None:
            if plan is None:
                return
            self.reload()
            self.notify(
                self.t(
                    "import_done",
                    added=self.d(plan.added),
                    updated=self.d(plan.updated),
                    same=same_text(self, plan.unchanged),
                    divs=self.d(len(plan.divisions_created)),
                ),
                markup=False,
                timeout=8,
            )

        self.app.push_screen(StaffImportModal(), done)

    def action_export(self) -> None:
        default = str(default_export_path(self.ctx))

        def done(text: str | None) -> None:
            if text:
                self._export(resolve_path(text))

        self.app.push_screen(TextPromptModal(self.t("export_title"), self.t("export_path"), default, path="save"), done)

    def _export(self, path: Path) -> None:
        from ethics_tui.service.staff_io import export_file

        def job(progress):
            path.parent.mkdir(parents=True, exist_ok=True)
            self.exported = export_file(self.ctx, path)
            return path

        run_export(self, job, lambda paths: self.t("export_done", n=self.exported, path=paths[0]))
