"""Confidential keys: approve pending grants, show the recovery code once, recover with it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Select, Static

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.user import ROLE_LABELS
from ethics_tui.service import users as users_svc
from ethics_tui.service import users_custody
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.i18n import TEXT
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.plain import PlainDataTable, PlainSelect
from ethics_tui.tui.widgets.saving import run_write
from ethics_tui.tui.widgets.validators import Required


def vault_names(vaults, lang: str) -> str:
    pick = 1 if lang == "en" else 0
    return ", ".join(ROLE_LABELS[v][pick] for v in vaults if v in ROLE_LABELS)


def approvable(ctx) -> list[tuple[str, str]]:
    """Pending (username, vault) pairs that the signed-in user holds the key for."""
    if ctx is None or ctx.user is None:
        return []
    return [(u, v) for u, v in users_svc.pending_grants(ctx) if v in ctx.keys]


class GrantsModal(GuardedModal["list[tuple[str, str]] | None"]):
    """Pending key grants: who waits for which key, and whether this user can approve it.
    ctrl+s approves every one this user holds the key for; dismisses what was granted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "approve", "approve_keys", priority=True),
        Binding("escape", "close", "back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.t("grants_title"), classes="dialog-title")
            yield Static(self.t("grants_body"), markup=False)
            yield Static(self.t("keys_loss_warning"), classes="warning", markup=False)
            yield PlainDataTable(id="grants-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="grants-status", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.t("approve_keys") + " (ctrl+s)", id="approve", variant="primary", compact=True)
                yield Button(self.t("back") + " (esc)", id="close", compact=True)
            yield Static(self.t("grants_keys"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#grants-table", DataTable)
        for key in ("username", "vault", "state"):
            table.add_column(self.t(f"col_{key}"), key=key)
        self.refresh_table()
        table.focus()

    def refresh_table(self) -> None:
        table = self.query_one("#grants-table", DataTable)
        table.clear()
        pending = users_svc.pending_grants(self.ctx)
        for username, vault in pending:
            state = self.t("grants_can") if vault in self.ctx.keys else self.t("grants_cannot")
            table.add_row(username, vault_names([vault], self.lang), state, key=f"{username}:{vault}")
        table.display = bool(pending)
        if not pending:
            self.query_one("#grants-status", Static).update(self.t("grants_none"))

    def action_approve(self) -> None:
        if not approvable(self.ctx):
            self.notify(self.t("grants_nothing_yours"), severity="warning", markup=False)
            return
        run_write(self, lambda: users_svc.approve_grants(self.ctx), self._approved)

    def _approved(self, done: list) -> None:
        listed = "; ".join(f"{u} — {vault_names([v], self.lang)}" for u, v in done)
        self.refresh_table()
        self.query_one("#grants-status", Static).update(self.t("grants_done", list=listed))
        self.notify(self.t("grants_done", list=listed), timeout=10, markup=False)
        self.granted = done

    def action_close(self) -> None:
        self.dismiss(getattr(self, "granted", None))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "approve":
            self.action_approve()
        else:
            self.action_close()


class RecoveryCodeModal(GuardedModal[None]):
    """The office recovery code, shown once. Closes only with y (escape reminds)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "stored", "ok"),
        Binding("escape", "remind", "back", show=False),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Static(self.t("recovery_title"), classes="dialog-title")
            yield Static(self.code, id="recovery-code", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Static(self.t("recovery_body"), markup=False)
                yield Static(self.t("keys_loss_warning"), classes="warning", markup=False)
            yield Static(self.t("recovery_keys"), classes="hint")

    def action_stored(self) -> None:
        self.dismiss(None)

    def action_remind(self) -> None:
        self.notify(self.t("recovery_not_yet"), severity="warning", markup=False)


class RecoverModal(FormModal["tuple[str, list[str]] | None"]):
    """Recovery code + user: the service wraps the recovered keys to that user."""

    def __init__(self, usernames: list[str], selected: str | None) -> None:
        super().__init__()
        self.usernames = usernames
        self.selected = selected
        self.title_text = self.t("recover_title")

    def compose_fields(self) -> ComposeResult:
        yield Static(self.t("keys_loss_warning"), classes="warning", markup=False)
        code = Input(id="f-code", compact=True, validators=[Required(self.t("required"))])
        yield FieldRow(self.t("f_recovery_code") + " *", code, "code")
        options = [(u, u) for u in self.usernames]
        value = self.selected if self.selected in self.usernames else Select.NULL
        user = PlainSelect(options, value=value, prompt=self.t("choose"), id="f-user", compact=True)
        yield FieldRow(self.t("f_recover_user") + " *", user, "user")

    def collect(self):
        code, user = self.input_value("code"), self.select_value("user")
        errors = {}
        if not code:
            errors["code"] = TEXT["required"]
        if not user:
            errors["user"] = TEXT["required"]
        return (code, user), errors

    def save(self, value):
        code, user = value
        try:
            return user, users_custody.recover(self.ctx, code, user)
        except UserError as exc:
            if type(exc) is UserError:  # a wrong code (not a refusal, not a missing user)
                raise ValidationError({"code": (exc.th, exc.en)}) from None
            raise
