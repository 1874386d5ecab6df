"""Confidential exports (the case file, the receipt): the files kept in
``<data>/confidential-exports/``, who made them and when; ``d`` deletes the selected file
(its export record stays, so a printed copy can still be verified)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ethics_tui.service import exports
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.widgets.plain import PlainDataTable
from ethics_tui.tui.widgets.saving import run_write


class ConfidentialExportsModal(GuardedModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "delete", "delete"),
        Binding("escape", "close", "back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.t("cx_title"), classes="dialog-title")
            yield Static(self.t("cx_body", path=exports.confidential_dir(self.ctx)), markup=False)
            yield PlainDataTable(id="cx-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="cx-status", markup=False)
            yield Static(self.t("cx_keys"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#cx-table", DataTable)
        for key in ("file", "kind", "at", "user"):
            table.add_column(self.t(f"cx_col_{key}"), key=key)
        self.refresh_table()
        table.focus()

    def refresh_table(self) -> None:
        table = self.query_one("#cx-table", DataTable)
        table.clear()
        rows = exports.list_confidential(self.ctx)
        self.rows = {str(r["id"]): r for r in rows}
        for r in rows:
            table.add_row(
                r["file"].rsplit("/", 1)[-1],
                r.get("kind", ""),
                r.get("at", "")[:16].replace("T", " "),
                r.get("user", ""),
                key=str(r["id"]),
            )
        table.display = bool(rows)
        if not rows:
            self.query_one("#cx-status", Static).update(self.t("cx_none"))

    def action_delete(self) -> None:
        from ethics_tui.tui.widgets.confirm import ConfirmModal

        table = self.query_one("#cx-table", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        name = self.rows[key]["file"].rsplit("/", 1)[-1]

        def confirmed(yes: bool | None) -> None:
            if yes:
                run_write(self, lambda: exports.remove_confidential(self.ctx, int(key)), deleted)

        def deleted(_result) -> None:
            self.notify(self.t("cx_deleted", file=name), markup=False)
            self.refresh_table()

        self.app.push_screen(ConfirmModal(self.t("cx_delete", file=name)), confirmed)

    def action_close(self) -> None:
        self.dismiss(None)
