"""Setup mode (an office without any account): create the first administrator, then sign in."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.plain import PlainOptionList


class AdminSetupScreen(GuardedScreen):
    """Shown before anything else while the office has no user: the administrator form opens
    at once; cancelling it returns here (a to open it again, ctrl+q to quit)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "create", "admin_setup_open"),
        Binding("q", "app.quit", "quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="first"):
            yield Static(self.t("admin_setup_title"), classes="screen-title")
            yield Static(self.t("admin_setup_body"), markup=False)
            yield PlainOptionList(Option("a  " + self.t("admin_setup_title"), id="create"), id="choice")
            yield Static(self.t("keys_loss_warning"), classes="hint", markup=False)
            yield Static(self.t("admin_setup_keys"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#choice", OptionList).focus()
        self.call_after_refresh(self.action_create)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        await self.run_action("create")

    def action_create(self) -> None:
        from ethics_tui.tui.screens.users import staff_options
        from ethics_tui.tui.screens.users_forms import UserFormModal

        if not isinstance(self.app.screen, AdminSetupScreen):
            return

        def done(result) -> None:
            if result is None:
                return
            user, _pending = result
            self.app.offer_recovery = True  # the home screen asks for the recovery code after sign-in
            self.app.go_home(sign_in_hint=self.t("admin_created", user=user.username), username=user.username)

        self.app.push_screen(UserFormModal(staff_options(self.ctx), first=True), done)
