"""The database cannot be opened: explain why, offer the newest good backup, or quit."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Static

from ethics_tui.errors import CorruptDatabaseError, StorageError
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.footer import Footer


class DatabaseProblemScreen(GuardedScreen):
    """Shown instead of the home screen when Context.open fails. Never writes by itself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "restore_newest", "restore_newest"),
        Binding("a", "repair_audit", "repair_audit"),
        Binding("q", "app.quit", "quit", show=False),
    ]

    def __init__(self, error: StorageError) -> None:
        super().__init__()
        self.error = error
        self.backup: Path | None = getattr(error, "backup", None)

    def recreate(self) -> DatabaseProblemScreen:
        return DatabaseProblemScreen(self.error)

    def compose(self) -> ComposeResult:
        corrupt = isinstance(self.error, CorruptDatabaseError)
        yield Header()
        with Vertical(id="problem"):
            yield Static(self.t("corrupt_title" if corrupt else "storage_title"), classes="screen-title error")
            yield Static(self.error.message(self.lang), id="problem-message", markup=False)
            if self.backup:  # corrupt, or a deleted main.json the audit log knows
                yield Static(self.t("corrupt_backup", path=self.backup), markup=False)
                yield Static(self.t("corrupt_hint"), classes="hint", markup=False)
            elif corrupt:
                yield Static(self.t("corrupt_no_backup"), markup=False)
            if getattr(self.error, "repairable", False):
                yield Static(self.t("repair_hint"), classes="hint", markup=False)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore_newest":
            return self.backup is not None
        if action == "repair_audit":
            return bool(getattr(self.error, "repairable", False))
        return True

    def action_repair_audit(self) -> None:
        """Set the damaged audit tail aside (kept) and record the repair, then open again."""
        from ethics_tui.store.database import Store, default_actor
        from ethics_tui.store.integrity import repair

        def done(yes: bool | None) -> None:
            if not yes:
                return
            lines = repair(Store(self.app.data_dir), default_actor())
            app = self.app
            app._clear_screens()
            app.ctx = None
            app.open_database()
            for th, en in lines:
                app.notify(en if app.lang == "en" else th, timeout=12, markup=False)

        self.app.push_screen(ConfirmModal(self.t("repair_confirm"), danger=False), done)

    def action_restore_newest(self) -> None:
        if self.backup is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.app.restore_from(self.backup)

        from ethics_tui.errors import UserError
        from ethics_tui.service.backups import summarize

        try:
            question = self.app.restore_question(summarize(self.backup))
        except UserError as exc:
            self.app.report_error(exc)
            return
        self.app.push_screen(ConfirmModal(question), done)
