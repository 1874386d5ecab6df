"""ผู้ใช้และสิทธิ์: accounts, roles, temporary passwords, key approvals and the recovery code."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from ethics_tui.model.user import User
from ethics_tui.service import staff as staff_svc
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.users_forms import PasswordModal, RolesModal, UserFormModal
from ethics_tui.tui.screens.users_keys import GrantsModal, RecoverModal, RecoveryCodeModal, vault_names
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cell, cells
from ethics_tui.tui.widgets.saving import run_write

COLUMNS = (("username", 14), ("display", 28), ("roles", 36), ("status", 16), ("pending", 20))


def staff_options(ctx) -> list[tuple[str, int]]:
    """(label, staff id) of active staff, for the optional link of an account."""
    return [(f"{r.staff.full_name} — {r.staff.position}", r.staff.id) for r in staff_svc.search(ctx)]


class UsersScreen(
    ListScreen,
    table_id="users-table",
    columns=COLUMNS,
    flex="display",
    min_flex=14,
    priority=("username", "roles", "status", "pending"),
    column_label="col_{}",
    title_key="users_title",
    int_keys=False,
    enter_action="",
):
    """The user accounts of this office (administrators only)."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys("users", back="app.pop_screen")

    @property
    def users(self) -> dict[str, User]:
        return self.rows

    def compose_top(self) -> ComposeResult:
        yield Static(self.t("users_hint"), classes="hint users-hint")

    def compose_bottom(self) -> ComposeResult:
        yield Static("", id="users-status", markup=False)

    def _status(self, u: User) -> str:
        if not u.active:
            return self.t("user_disabled")
        if u.locked_until and datetime.fromisoformat(u.locked_until) > datetime.now().astimezone():
            return self.t("user_locked")
        if u.must_change:
            return self.t("user_must_change")
        return self.t("active")

    def records(self):
        self.pending: dict[str, list[str]] = {}
        for username, vault in users_svc.pending_grants(self.ctx):
            self.pending.setdefault(username, []).append(vault)
        return users_svc.list_users(self.ctx)

    def record_id(self, u: User) -> str:
        return u.username

    def row_cells(self, u: User) -> list[Text]:
        values = [u.username, u.display_name, users_svc.role_names(u.roles, self.lang), self._status(u)]
        out = cells(values, "" if u.active else "dim strike")
        out.append(cell(vault_names(self.pending.get(u.username, []), self.lang), "bold yellow"))
        return out

    def after_reload(self) -> None:
        waiting = sum(len(v) for v in self.pending.values())
        self.query_one("#users-status", Static).update(self.t("users_pending_count", n=waiting) if waiting else "")

    def selected_username(self) -> str | None:
        return self.selected_id()

    def _tell_pending(self, pending: list[str]) -> None:
        if pending:
            note = self.t("pending_note", vaults=vault_names(pending, self.lang))
            self.notify(note, severity="warning", timeout=12, markup=False)

    def _changed(self, user: User, note: str):
        """The callback of a form that changed ``user``: reload, say so, tell pending keys."""

        def done(pending: list[str] | None) -> None:
            if pending is None:
                return
            self.reload(select_id=user.username)
            self.notify(self.t(note, user=user.username), markup=False)
            self._tell_pending(pending)

        return done

    # -- actions ---------------------------------------------------------------------------
    def action_new(self) -> None:
        def done(result) -> None:
            if result is None:
                return
            user, pending = result
            self.reload(select_id=user.username)
            self.notify(self.t("user_added", user=user.username), markup=False)
            self._tell_pending(pending)

        self.app.push_screen(UserFormModal(staff_options(self.ctx)), done)

    def action_roles(self) -> None:
        user = self.selected()
        if user is None:
            return

        self.app.push_screen(RolesModal(user), self._changed(user, "roles_saved"))

    def action_reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return

        self.app.push_screen(PasswordModal(user.username), self._changed(user, "password_reset"))

    def action_toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        key = "disable_confirm" if user.active else "enable_confirm"

        def done(yes: bool | None) -> None:
            if not yes:
                return
            note = "user_enabled_done" if not user.active else "user_disabled_done"
            run_write(
                self,
                lambda: users_svc.set_active(self.ctx, user.username, not user.active),
                lambda _r: (
                    self.reload(select_id=user.username),
                    self.notify(self.t(note, user=user.username), markup=False),
                ),
            )

        self.app.push_screen(ConfirmModal(self.t(key, user=user.username)), done)

    def action_grants(self) -> None:
        self.app.push_screen(GrantsModal(), lambda _done: self.reload())

    def action_recovery_key(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                run_write(
                    self,
                    lambda: users_custody.create_recovery_key(self.ctx),
                    lambda code: self.app.push_screen(RecoveryCodeModal(code)),
                )

        self.app.push_screen(ConfirmModal(self.t("recovery_confirm"), danger=False), confirmed)

    def action_pdpa_record(self) -> None:
        """PDPA: the record of processing activities as a PDF (in the exports folder), written by
        the one export worker like every other export."""
        from ethics_tui.service import privacy

        out = privacy.record_path(self.ctx)  # one name a day: a second export that day asks first
        run_export(
            self,
            lambda progress: privacy.export_record(self.ctx, out),
            lambda paths: f"{self.t('pdpa_record')}: {paths[0]}",
            group="pdpa-record",
            replaces=out,
        )

    def action_recover(self) -> None:
        selected = self.selected_username()

        def done(result) -> None:
            if result is None:
                return
            user, vaults = result
            self.reload(select_id=user)
            if vaults:
                self.notify(self.t("recovered", user=user, vaults=vault_names(vaults, self.lang)), markup=False)
            else:
                self.notify(self.t("recovered_none", user=user), severity="warning", markup=False)

        self.app.push_screen(RecoverModal(sorted(self.users), selected), done)
