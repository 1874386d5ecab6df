"""Settings: the office (form) and its divisions (add, rename, deactivate)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.model.settings import Division, OfficeSettings
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.screens.settings_form import ALL_FIELDS, OfficeSettingsModal
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.saving import run_write
from ethics_tui.tui.widgets.tables import cursor_id


class SettingsScreen(GuardedScreen):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {
        "edit_office": "settings.write",
        "add_division": "divisions.write",
        "rename_division": "divisions.write",
        "toggle_division": "divisions.write",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_office", "edit_office"),
        Binding("n", "add_division", "add_division"),
        Binding("r", "rename_division", "rename"),
        Binding("d", "toggle_division", "toggle_division"),
        Binding("escape", "app.pop_screen", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("settings_title") + "  (e)", classes="screen-title")
        yield Static("", id="office-summary", markup=False)
        yield Static(self.t("divisions") + "  (n / r / d)", classes="section-title")
        yield DataTable(id="division-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#division-table", DataTable)
        for key in ("id", "division", "staff_n", "status"):
            table.add_column(self.t(f"col_{key}"), key=key)
        self.refresh_all()
        table.focus()
        self.run_then()

    def refresh_all(self, select_id: int | None = None) -> None:
        s = settings_svc.get_settings(self.ctx)
        lines = []
        for name in ALL_FIELDS:
            value = getattr(s, name)
            if name == "digits":
                value = self.t(f"digits_{value}")
            lines.append(f"{self.t('s_' + name)}: {value or '-'}")
        self.query_one("#office-summary", Static).update("\n".join(lines))
        table = self.query_one("#division-table", DataTable)
        keep = select_id if select_id is not None else self.selected_id()
        table.clear()
        per_div: dict[int, int] = {}
        for row in staff_svc.search(self.ctx):
            per_div[row.staff.division_id] = per_div.get(row.staff.division_id, 0) + 1
        for d in settings_svc.list_divisions(self.ctx):
            table.add_row(
                apply_digits(d.id, s.digits),
                Text(d.name),
                apply_digits(per_div.get(d.id, 0), s.digits),
                self.t("active") if d.active else self.t("inactive"),
                key=str(d.id),
            )
        if keep is not None and str(keep) in {k.value for k in table.rows}:
            table.move_cursor(row=table.get_row_index(str(keep)))

    def selected_id(self) -> int | None:
        return cursor_id(self.query_one("#division-table", DataTable))

    def _selected(self) -> Division | None:
        div_id = self.selected_id()
        for d in settings_svc.list_divisions(self.ctx):
            if d.id == div_id:
                return d
        self.notify(self.t("no_selection"), severity="warning")
        return None

    def action_edit_office(self) -> None:
        def done(saved: OfficeSettings | None) -> None:
            if saved is not None:
                self.refresh_all()
                self.notify(self.t("settings_saved"))

        self.app.push_screen(OfficeSettingsModal(settings_svc.get_settings(self.ctx)), done)

    def action_add_division(self) -> None:
        def done(div: Division | None) -> None:
            if div is not None:
                self.refresh_all(select_id=div.id)

        save = lambda name: settings_svc.add_division(self.ctx, name)
        self.app.push_screen(TextPromptModal(self.t("division_new"), self.t("division_name"), on_save=save), done)

    def action_rename_division(self) -> None:
        div = self._selected()
        if div is None:
            return

        def done(saved: Division | None) -> None:
            if saved is not None:
                self.refresh_all(select_id=saved.id)

        save = lambda name: settings_svc.rename_division(self.ctx, div.id, name)
        modal = TextPromptModal(self.t("division_rename"), self.t("division_name"), div.name, on_save=save)
        self.app.push_screen(modal, done)

    def action_toggle_division(self) -> None:
        div = self._selected()
        if div is None:
            return
        key = "division_off_confirm" if div.active else "division_on_confirm"

        def done(yes: bool | None) -> None:
            if yes:
                run_write(self, lambda: settings_svc.set_division_active(self.ctx, div.id, not div.active),
                          lambda _r: self.refresh_all(select_id=div.id))

        self.app.push_screen(ConfirmModal(self.t(key, name=div.name)), done)
