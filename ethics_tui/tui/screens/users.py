"""ผู้ใช้และสิทธิ์: accounts, roles, temporary passwords, key approvals and the recovery code."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.model.user import User
from ethics_tui.service import staff as staff_svc
from ethics_tui.service import users as users_svc
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import Register
from ethics_tui.tui.screens.users_forms import PasswordModal, RolesModal, UserFormModal
from ethics_tui.tui.screens.users_keys import GrantsModal, RecoverModal, RecoveryCodeModal, vault_names
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.saving import run_write

COLUMNS = (("username", 14), ("display", 28), ("roles", 36), ("status", 16), ("pending", 20))


def staff_options(ctx) -> list[tuple[str, int]]:
    """(label, staff id) of active staff, for the optional link of an account."""
    return [(f"{r.staff.full_name} — {r.staff.position}", r.staff.id) for r in staff_svc.search(ctx)]


class UsersScreen(GuardedScreen):
    """The user accounts of this office (administrators only)."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {
        "new": "users.manage",
        "roles": "users.manage",
        "reset_password": "users.manage",
        "toggle_active": "users.manage",
        "grants": "users.manage",
        "recovery_key": "users.manage",
        "pdpa_record": "users.manage",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "new_user"),
        Binding("e", "roles", "edit_roles"),
        Binding("p", "reset_password", "reset_password"),
        Binding("d", "toggle_active", "toggle_user"),
        Binding("g", "grants", "approve_keys"),
        Binding("k", "recovery_key", "recovery_key"),
        Binding("R", "recover", "recover"),
        Binding("o", "pdpa_record", "pdpa_record"),
        Binding("escape", "app.pop_screen", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.users: dict[str, User] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("users_title"), classes="screen-title")
        yield Static(self.t("users_hint"), classes="hint users-hint")
        yield DataTable(id="users-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="users-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        for key, width in COLUMNS:
            table.add_column(self.t(f"col_{key}"), key=key, width=width)
        self.reload()
        table.focus()
        self.run_then()

    # -- table -----------------------------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one("#users-table", DataTable)

    def _status(self, u: User) -> str:
        if not u.active:
            return self.t("user_disabled")
        if u.locked_until and datetime.fromisoformat(u.locked_until) > datetime.now().astimezone():
            return self.t("user_locked")
        if u.must_change:
            return self.t("user_must_change")
        return self.t("active")

    def _cells(self, u: User, pending: list[str]) -> list[Text]:
        style = "" if u.active else "dim strike"
        values = [u.username, u.display_name, users_svc.role_names(u.roles, self.lang), self._status(u)]
        cells = [Text(v, style=style, no_wrap=True, overflow="ellipsis", end="") for v in values]
        cells.append(Text(vault_names(pending, self.lang), style="bold yellow", no_wrap=True, overflow="ellipsis"))
        return cells

    def reload(self, select: str | None = None) -> None:
        keep = select or self.selected_username()
        users = users_svc.list_users(self.ctx)
        pending: dict[str, list[str]] = {}
        for username, vault in users_svc.pending_grants(self.ctx):
            pending.setdefault(username, []).append(vault)
        table = self.table
        table.clear()
        self.users = {u.username: u for u in users}
        for u in users:
            table.add_row(*self._cells(u, pending.get(u.username, [])), key=u.username)
        if keep in self.users:
            table.move_cursor(row=table.get_row_index(keep))
        waiting = sum(len(v) for v in pending.values())
        status = self.t("users_pending_count", n=waiting) if waiting else ""
        self.query_one("#users-status", Static).update(status)

    def selected_username(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _selected(self) -> User | None:
        name = self.selected_username()
        if name is None or name not in self.users:
            self.notify(self.t("no_selection"), severity="warning")
            return None
        return self.users[name]

    def _tell_pending(self, pending: list[str]) -> None:
        if pending:
            note = self.t("pending_note", vaults=vault_names(pending, self.lang))
            self.notify(note, severity="warning", timeout=12, markup=False)

    # -- actions ---------------------------------------------------------------------------
    def action_new(self) -> None:
        def done(result) -> None:
            if result is None:
                return
            user, pending = result
            self.reload(select=user.username)
            self.notify(self.t("user_added", user=user.username), markup=False)
            self._tell_pending(pending)

        self.app.push_screen(UserFormModal(staff_options(self.ctx)), done)

    def action_roles(self) -> None:
        user = self._selected()
        if user is None:
            return

        def done(pending: list[str] | None) -> None:
            if pending is None:
                return
            self.reload(select=user.username)
            self.notify(self.t("roles_saved", user=user.username), markup=False)
            self._tell_pending(pending)

        self.app.push_screen(RolesModal(user), done)

    def action_reset_password(self) -> None:
        user = self._selected()
        if user is None:
            return

        def done(pending: list[str] | None) -> None:
            if pending is None:
                return
            self.reload(select=user.username)
            self.notify(self.t("password_reset", user=user.username), markup=False)
            self._tell_pending(pending)

        self.app.push_screen(PasswordModal(user.username), done)

    def action_toggle_active(self) -> None:
        user = self._selected()
        if user is None:
            return
        key = "disable_confirm" if user.active else "enable_confirm"

        def done(yes: bool | None) -> None:
            if not yes:
                return
            note = "user_enabled_done" if not user.active else "user_disabled_done"
            run_write(self, lambda: users_svc.set_active(self.ctx, user.username, not user.active),
                      lambda _r: (self.reload(select=user.username),
                                  self.notify(self.t(note, user=user.username), markup=False)))

        self.app.push_screen(ConfirmModal(self.t(key, user=user.username)), done)

    def action_grants(self) -> None:
        self.app.push_screen(GrantsModal(), lambda _done: self.reload())

    def action_recovery_key(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                run_write(self, lambda: users_svc.create_recovery_key(self.ctx),
                          lambda code: self.app.push_screen(RecoveryCodeModal(code)))

        self.app.push_screen(ConfirmModal(self.t("recovery_confirm"), danger=False), confirmed)

    def action_pdpa_record(self) -> None:
        """PDPA: the record of processing activities as a PDF (in exports/)."""
        from ethics_tui.errors import UserError
        from ethics_tui.service import privacy

        try:
            out = privacy.export_record(self.ctx)
        except UserError as exc:
            self.notify(exc.message(self.lang), severity="error", markup=False)
            return
        self.notify(str(out), title=self.t("pdpa_record"), markup=False, timeout=10)

    def action_recover(self) -> None:
        selected = self.selected_username()

        def done(result) -> None:
            if result is None:
                return
            user, vaults = result
            self.reload(select=user)
            if vaults:
                self.notify(self.t("recovered", user=user, vaults=vault_names(vaults, self.lang)), markup=False)
            else:
                self.notify(self.t("recovered_none", user=user), severity="warning", markup=False)

        self.app.push_screen(RecoverModal(sorted(self.users), selected), done)


REGISTER = Register(
    key="users",
    label_th="ผู้ใช้และสิทธิ์",
    label_en="Users and roles",
    screen=UsersScreen,
    permission="users.manage",
    hotkey="u",
    order=900,
    commands=(
        ("ผู้ใช้: เพิ่มผู้ใช้", "Users: add a user", "new"),
        ("ผู้ใช้: สร้างรหัสกู้คืน", "Users: create the recovery code", "recovery_key"),
        ("ผู้ใช้: กู้คืนกุญแจด้วยรหัสกู้คืน", "Users: recover keys with the code", "recover"),
    ),
)
