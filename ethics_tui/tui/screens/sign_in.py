"""Sign in (once user accounts exist). A user who must change the password does it here."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Input, Static

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.user import MIN_PASSWORD
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.form import FieldRow


def needs_sign_in(ctx) -> bool:
    """True when accounts exist and nobody is signed in, or the signed-in user must still set a
    new password (services would refuse every call)."""
    from ethics_tui.service.access import setup_mode

    if ctx is None or setup_mode(ctx):
        return False
    return ctx.user is None or ctx.user.must_change


class SignInScreen(GuardedScreen):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "quit", show=False)]

    def __init__(self, hint: str = "", username: str = "") -> None:
        super().__init__()
        self.hint = hint
        self.username = username
        self.changing = False  # second step: a new password is required

    def recreate(self) -> SignInScreen:
        return SignInScreen(self.hint, self.username)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="sign-in"):
            yield Static(self.t("sign_in_title"), classes="screen-title")
            yield Static(self.hint, classes="hint", markup=False)
            yield FieldRow(self.t("username"), Input(self.username, id="f-username", compact=True), "username")
            yield FieldRow(self.t("password"), Input(id="f-password", password=True, compact=True), "password")
            yield FieldRow(self.t("new_password"), Input(id="f-new", password=True, compact=True), "new")
            yield FieldRow(self.t("confirm_password"), Input(id="f-confirm", password=True, compact=True), "confirm")
            yield Static(self.t("sign_in_keys"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        for row in self.query(FieldRow):
            row.set_error(None)
        self.query_one("#row-new").display = False
        self.query_one("#row-confirm").display = False
        self.query_one("#f-password" if self.username else "#f-username", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "f-username":
            self.query_one("#f-password", Input).focus()
            return
        username = self.query_one("#f-username", Input).value.strip()
        password = self.query_one("#f-password", Input).value
        new = self.query_one("#f-new", Input).value
        if self.changing:
            if len(new) < MIN_PASSWORD:
                self.query_one("#row-new", FieldRow).set_error(self.t("password_short"))
                self.query_one("#f-new", Input).focus()
                return
            if event.input.id == "f-new":
                self.query_one("#f-confirm", Input).focus()
                return
            if new != self.query_one("#f-confirm", Input).value:
                self.query_one("#row-confirm", FieldRow).set_error(self.t("password_mismatch"))
                return
            self.query_one("#row-confirm", FieldRow).set_error(None)
            self._change(password, new)
        else:
            self._sign_in(username, password)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _sign_in(self, username: str, password: str) -> None:
        from ethics_tui.service.users import sign_in

        try:
            user = sign_in(self.ctx, username, password)
        except UserError as exc:
            self.app.call_from_thread(self._failed, "password", exc)
            return
        self.app.call_from_thread(self._signed_in, user)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _change(self, old: str, new: str) -> None:
        from ethics_tui.service.users import change_password

        try:
            change_password(self.ctx, old, new)
        except UserError as exc:
            self.app.call_from_thread(self._failed, "new", exc)
            return
        self.app.call_from_thread(self._done)

    def _failed(self, field: str, exc: UserError) -> None:
        message = exc.message(self.lang)
        if isinstance(exc, ValidationError):  # its message reads "password: ..."; show the reasons only
            pick = 1 if self.lang == "en" else 0
            message = " ".join(reason[pick] for reason in exc.errors.values())
        self.query_one(f"#row-{field}", FieldRow).set_error(message)
        box = self.query_one(f"#f-{field}", Input)
        box.value = ""
        if field == "new":
            self.query_one("#f-confirm", Input).value = ""
        box.focus()

    def _signed_in(self, user) -> None:
        if user.must_change:
            self.changing = True
            self.query_one("#row-password", FieldRow).set_error(None)
            row = self.query_one("#row-new", FieldRow)
            row.display = True
            row.set_error(self.t("must_change"))
            self.query_one("#row-confirm").display = True
            self.query_one("#f-new", Input).focus()
            return
        self._done()

    def _done(self) -> None:
        from ethics_tui.tui import session_watch

        session_watch.remember(self.app)  # the account as signed in: a later change is told
        self.app.forget_toasts()  # "signed out", or a late message meant for the previous user
        self.app.go_home()
        self.app.tell_approvable()
