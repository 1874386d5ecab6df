"""Staff import: check the file first (dry run), show every bad row, then import all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Static

from ethics_tui.errors import UserError
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.widgets.file_picker import PathInput, path_label
from ethics_tui.tui.widgets.form import FieldRow

IMPORT_SUFFIXES = (".csv", ".xlsx")


def resolve_path(text: str) -> Path:
    """A typed, pasted or dropped path (service.input_files.normalize_path)."""
    from ethics_tui.service.input_files import normalize_path

    return normalize_path(text)


class StaffImportModal(GuardedModal[object]):
    """Ask for a CSV/XLSX path, preview the import, then import. Dismisses the ImportPlan."""

    # at 80×24 a file with many errors pushed the buttons off the dialog: both lists are capped
    DEFAULT_CSS = """
    StaffImportModal #import-status { max-height: 4; }
    StaffImportModal #import-errors { height: auto; max-height: 5; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "do_import", "import", priority=True),
        Binding("ctrl+o", "map_columns", "map_open", priority=True),
        Binding("f2", "pick", "pick_file"),  # from the buttons or the lists too
        Binding("escape", "cancel", "cancel"),
    ]

    def __init__(self, default_path: str = "") -> None:
        super().__init__()
        self.default_path = default_path
        self.plan = None
        self.checked_path: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.t("import_title"), classes="dialog-title")
            yield FieldRow(path_label(self.t("import_path"), self.lang),
                           PathInput(self.default_path, id="f-path", suffixes=IMPORT_SUFFIXES), "path")
            yield Static("", id="import-status", markup=False)
            yield DataTable(id="import-errors", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button(self.t("import_check"), id="check", compact=True)
                yield Button(self.t("import_do"), id="import", variant="primary", compact=True, disabled=True)
                yield Button(self.t("map_open"), id="map", compact=True)
                yield Button(self.t("cancel") + " (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(FieldRow).set_error(None)
        table = self.query_one("#import-errors", DataTable)
        table.add_column(self.t("col_row"), key="row")
        table.add_column(self.t("col_column"), key="column")
        table.add_column(self.t("col_reason"), key="reason")
        table.display = False
        self.query_one("#f-path", Input).focus()

    # -- events ----------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_check()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # the error list takes the focus; enter there re-checks the (corrected) file, as the
        # "check (enter)" button says
        event.stop()
        self.action_check()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.checked_path is not None and resolve_path(event.value) != self.checked_path:
            self.plan = None
            self.query_one("#import", Button).disabled = True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"check": self.action_check, "import": self.action_do_import, "cancel": self.action_cancel,
         "map": self.action_map_columns}[
            event.button.id or "cancel"
        ]()

    # -- actions ---------------------------------------------------------------------------
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_pick(self) -> None:
        self.query_one("#f-path", PathInput).action_pick()

    def action_map_columns(self) -> None:
        """A file from another system (LHR, an Excel register): map its columns first."""
        from ethics_tui.tui.screens.staff_import_map import open_map

        open_map(self, self.query_one("#f-path", Input).value)

    def action_check(self) -> None:
        text = self.query_one("#f-path", Input).value
        row = self.query_one(FieldRow)
        if not text.strip():
            row.set_error(self.t("path_missing"))
            return
        row.set_error(None)
        self._status(self.t("import_checking"))
        self.query_one("#import", Button).disabled = True
        self._run(resolve_path(text), dry_run=True)

    def action_do_import(self) -> None:
        if self.plan is None or not self.plan.ok or self.checked_path is None:
            self.action_check()
            return
        self._status(self.t("working"))
        self.query_one("#import", Button).disabled = True
        self._run(self.checked_path, dry_run=False)

    # -- work ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def _run(self, path: Path, dry_run: bool) -> None:
        from ethics_tui.service.staff_io import import_file

        try:
            plan = import_file(self.ctx, path, dry_run=dry_run)
        except UserError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._show_plan, path, plan, dry_run)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(text)
        status.set_class(error, "error")

    def _warnings(self, plan) -> str:
        pick = 1 if self.lang == "en" else 0
        return "".join("\n• " + warning[pick] for warning in plan.warnings)

    def _failed(self, exc: UserError) -> None:
        self.plan = None
        self.query_one("#import-errors", DataTable).display = False
        self._status(exc.message(self.lang), error=True)

    def _show_plan(self, path: Path, plan, dry_run: bool) -> None:
        table = self.query_one("#import-errors", DataTable)
        table.clear()
        self.plan = plan
        self.checked_path = path
        if not plan.ok:
            pick = "en" if self.lang == "en" else "th"
            for i, err in enumerate(plan.errors):
                table.add_row(str(err.row), Text(err.column), Text(getattr(err, pick)), key=str(i))
            table.display = True
            text = self.t("import_errors", n=len(plan.errors)) + self._warnings(plan)
            if any(e.row == 1 for e in plan.errors):  # the header is not the app's own: another system's file
                text = (("A file from another system? ctrl+o maps its columns") if self.lang == "en"
                        else "ไฟล์จากระบบอื่น (เช่น LHR)? กด ctrl+o เพื่อจับคู่คอลัมน์") + "\n" + text
            self._status(text, error=True)
            table.focus()
            return
        table.display = False
        if not dry_run:
            self.dismiss(plan)
            return
        names = ""
        if plan.divisions_created:
            names = " (" + ", ".join(plan.divisions_created) + ")"
        text = self.t(
            "import_ready", added=plan.added, updated=plan.updated, divs=len(plan.divisions_created), names=names
        )
        self._status(text + self._warnings(plan))
        button = self.query_one("#import", Button)
        button.disabled = False
        button.focus()
