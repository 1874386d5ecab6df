"""Settings: the office (form) and its divisions (add, rename, deactivate)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ethics_tui.model.settings import Division, OfficeSettings
from ethics_tui.registers.spec import Action
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.tui.crash import action_allowed
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.settings_form import ALL_FIELDS, OfficeSettingsModal
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.saving import confirm_write


class SettingsScreen(
    ListScreen,
    table_id="division-table",
    columns=(("id", None), ("division", None), ("staff_n", None), ("status", None)),
    column_label="col_{}",
    enter_action="",
):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("e", "edit_office", "edit_office", "settings.write"),
        Action("n", "add_division", "add_division", "divisions.write"),
        Action("r", "rename_division", "rename", "divisions.write"),
        Action("d", "toggle_division", "toggle_division", "divisions.write"),
        back="app.pop_screen",
    )

    def title_text(self) -> str:  # the keys only for a user who may use them
        return self.t("settings_title") + ("  (e)" if action_allowed(self, "edit_office") else "")

    #: the settings scroll in at most half the screen: long paths (the exports folder, an emblem
    #: outside the data folder) pushed the heading and every division row off at 80x24
    DEFAULT_CSS = """
    SettingsScreen #office-summary-box { height: auto; max-height: 50%; }
    """

    def compose_top(self) -> ComposeResult:
        with VerticalScroll(id="office-summary-box"):  # tab, then arrows, scroll it
            yield Static("", id="office-summary", markup=False)
        keys = "  (n / r / d)" if action_allowed(self, "add_division") else ""
        yield Static(self.t("divisions") + keys, classes="section-title")

    def records(self):
        self.per_div: dict[int, int] = {}
        for row in staff_svc.search(self.ctx):
            self.per_div[row.staff.division_id] = self.per_div.get(row.staff.division_id, 0) + 1
        return settings_svc.list_divisions(self.ctx)

    def row_cells(self, d: Division) -> list:
        return [
            self.d(d.id),
            d.name,
            self.d(self.per_div.get(d.id, 0)),
            self.t("active") if d.active else self.t("inactive"),
        ]

    def after_reload(self) -> None:
        s = settings_svc.get_settings(self.ctx)
        lines, unset = [], []
        for name in ALL_FIELDS:
            if name == "exports_layout":
                continue  # said on the exports folder's line
            value, label = getattr(s, name), self.t("s_" + name)
            if name == "digits":
                value = self.t(f"digits_{value}")
            elif name in ("title_pt", "idle_minutes"):  # numbers (and "0 = ...") in the office's digits
                value, label = value and self.d(value), self.d(label)
            elif name == "emblem_path" and value.startswith(str(self.ctx.store.dir)):
                # the copy kept in the data folder: its name is a 64-digit digest, shown short
                kept = Path(value)
                value = f"{settings_svc.EMBLEM_DIR}/{kept.stem[:8]}…{kept.suffix}"
            elif name == "exports_dir":  # the folder in full, as every export will use it
                from ethics_tui.service.exports import export_folder

                value = f"{export_folder(self.ctx)} ({self.t('s_layout_' + s.exports_layout)})"
            if value in ("", None):
                unset.append(label)
            else:
                lines.append(f"{label}: {value}")
        if unset:  # one line for every setting left empty: at 80x24 the divisions keep their rows
            lines.append(f"{self.t('s_not_set')}: {' · '.join(unset)}")
        self.query_one("#office-summary", Static).update("\n".join(lines))

    def refresh_all(self, select_id: int | None = None) -> None:
        self.load_digits()  # the office's digits may just have changed
        self.reload(select_id)

    def _selected(self) -> Division | None:
        return self.selected()

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

        confirm_write(
            self,
            self.t(key, name=div.name),
            lambda: settings_svc.set_division_active(self.ctx, div.id, not div.active),
            lambda _r: self.refresh_all(select_id=div.id),
        )
