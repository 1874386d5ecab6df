"""The staff register: filter-as-you-type table, add/edit form, deactivate, import, export."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Header, Input, Static

from ethics_tui.errors import UserError
from ethics_tui.model.staff import Staff
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import get_settings, list_divisions
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.screens.staff_form import StaffFormModal
from ethics_tui.tui.screens.staff_import import StaffImportModal, resolve_path
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.tables import cursor_id

#: (column key, width): six columns fit a 120-cell terminal; the form shows every field.
COLUMNS = (("code", 5), ("name", 22), ("position", 28), ("level", 12), ("division", 20), ("type", 18))
PAGE = 500


def default_export_path(ctx) -> Path:
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx) / "staff.xlsx"


class StaffScreen(GuardedScreen):
    """ทะเบียนบุคลากร. The table is keyed by staff id and shows at most PAGE rows."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    #: (``e`` stays: it opens the record read-only for every role and saving is refused)
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {
        "new": "staff.write",
        "toggle_active": "staff.write",
        "import": "staff.write",
        "export": "staff.export",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "new"),
        Binding("e", "edit", "edit"),
        Binding("d", "toggle_active", "deactivate"),
        Binding("slash", "focus_filter", "filter"),
        Binding("a", "toggle_inactive", "inactive_toggle"),
        Binding("i", "import", "import"),
        Binding("x", "export", "export"),
        Binding("escape", "back", "back"),
        Binding("down", "focus_table", show=False),
    ]

    show_inactive: reactive[bool] = reactive(False, init=False)

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.digits = "arabic"
        self.rows: dict[int, Staff] = {}
        self._generation = 0  # bumped by each (re)fill; a worker's stale result is dropped
        self._label = ""
        self._shown: list[tuple] = []  # (id, rev, active) of the rows on show

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("staff_title"), classes="screen-title")
        yield Input(placeholder=self.t("filter_ph"), id="filter")
        yield Static("", id="staff-count", markup=False)
        yield DataTable(id="staff-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        table = self.query_one("#staff-table", DataTable)
        for key, width in COLUMNS:
            table.add_column(self.t(f"col_{key}"), key=key, width=width)
        self.reload()
        table.focus()
        self.run_then()

    # -- table -----------------------------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one("#staff-table", DataTable)

    def _cells(self, s: Staff, division: str) -> list[Text]:
        style = "" if s.active else "dim strike"
        code = apply_digits(s.code, self.digits) if s.code.isdigit() else s.code
        values = [code, s.full_name, s.position, s.level, division, s.staff_type]
        return [Text(v, style=style, no_wrap=True, overflow="ellipsis", end="") for v in values]

    def reload(self, select_id: int | None = None) -> None:
        """Refill the table now (on mount and after a save, import or deactivation)."""
        self._generation += 1
        text = self.query_one("#filter", Input).value
        self._show(self._generation, self._page(text, self.show_inactive), select_id, force=True)

    def refilter(self) -> None:
        """Refill the table for the filter as typed: the search and the cells are made in a
        thread worker, so a keystroke never waits for them; only the newest result is shown."""
        self._generation += 1
        text = self.query_one("#filter", Input).value
        self._search(self._generation, text, self.show_inactive)

    @work(thread=True, exclusive=True, exit_on_error=False, group="filter")
    def _search(self, generation: int, text: str, include_inactive: bool) -> None:
        page = self._page(text, include_inactive)
        if generation == self._generation:
            self.app.call_from_thread(self._show, generation, page, None)

    def _page(self, text: str, include_inactive: bool) -> tuple[list, str]:
        """The rows to show (staff, cells) and the count label; no widget is touched."""
        found, total = staff_svc.search_page(self.ctx, text, include_inactive=include_inactive, limit=PAGE)
        rows = [(row.staff, self._cells(row.staff, row.division)) for row in found]
        label = self.t(
            "showing", n=apply_digits(f"{len(rows):,}", self.digits), m=apply_digits(f"{total:,}", self.digits)
        )
        if include_inactive:
            label += self.t("with_inactive")
        if len(rows) < total:
            label += self.t("showing_more")
        return rows, label

    def _show(self, generation: int, page: tuple[list, str], select_id: int | None, force: bool = False) -> None:
        if generation != self._generation or not self.is_attached:
            return  # a newer search is on its way, or the screen was closed meanwhile
        rows, label = page
        table = self.table
        keep = select_id if select_id is not None else self.selected_id()
        shown = [(s.id, s.rev, s.active) for s, _cells in rows]
        if force or shown != self._shown:  # typing often leaves the first page as it was
            self._shown = shown
            table.clear()
            self.rows = {}
            for staff, cells in rows:
                self.rows[staff.id] = staff
                table.add_row(*cells, key=str(staff.id))
        if keep is not None and keep in self.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        if label != self._label:
            self._label = label
            self.query_one("#staff-count", Static).update(label)

    def selected_id(self) -> int | None:
        return cursor_id(self.table)

    def _require_selection(self) -> int | None:
        staff_id = self.selected_id()
        if staff_id is None:
            self.notify(self.t("no_selection"), severity="warning")
        return staff_id

    # -- events ----------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def watch_show_inactive(self) -> None:
        self.refilter()

    # -- actions ---------------------------------------------------------------------------
    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus and box.value:
            box.value = ""
            return
        self.app.pop_screen()

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
        self.app.push_screen(StaffFormModal(staff, list_divisions(self.ctx)), self._edited)

    def _edited(self, staff: Staff | None) -> None:
        if staff is None:
            return
        self._update_row(staff)
        self.notify(self.t("staff_saved", name=staff.full_name), markup=False)

    def _update_row(self, staff: Staff) -> None:
        names = {d.id: d.name for d in list_divisions(self.ctx)}
        self.rows[staff.id] = staff
        for (key, _w), value in zip(COLUMNS, self._cells(staff, names.get(staff.division_id, ""))):
            self.table.update_cell(str(staff.id), key, value)

    def action_toggle_active(self) -> None:
        staff_id = self._require_selection()
        if staff_id is None:
            return
        staff = staff_svc.get(self.ctx, staff_id)
        key = "deactivate_confirm" if staff.active else "reactivate_confirm"

        def done(yes: bool | None) -> None:
            if not yes:
                return
            saved = staff_svc.set_active(self.ctx, staff_id, not staff.active)
            if saved.active or self.show_inactive:
                self._update_row(saved)
            else:
                self.reload()
            note = "reactivated" if saved.active else "deactivated"
            self.notify(self.t(note, name=saved.full_name), markup=False)

        self.app.push_screen(ConfirmModal(self.t(key, name=staff.full_name)), done)

    def action_import(self) -> None:
        def done(plan) -> None:
            if plan is None:
                return
            self.reload()
            self.notify(
                self.t("import_done", added=plan.added, updated=plan.updated, divs=len(plan.divisions_created)),
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

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, path: Path) -> None:
        from ethics_tui.service.staff_io import export_file

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            n = export_file(self.ctx, path)
        except UserError as exc:
            self.app.call_from_thread(self.notify, exc.message(self.lang), severity="error", markup=False)
            return
        except OSError as exc:
            msg = f"{path}: {exc.strerror or exc}"
            self.app.call_from_thread(self.notify, msg, severity="error", markup=False)
            return
        from ethics_tui.tui.export_notice import export_done, full

        self.app.call_from_thread(export_done, self.app, self.t("export_done", n=n, path=full(path)), path)
