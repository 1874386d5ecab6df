"""f1: the keys of the current screen, the keys that work everywhere, and the palette."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ethics_tui.tui.crash import GuardedModal

#: app-wide keys: (key, label key)
APP_KEYS = (
    ("f1", "key_help"),
    ("f2", "key_lang"),
    ("ctrl+p", "key_palette"),
    ("ctrl+l", "key_sign_out"),
    ("ctrl+q", "key_quit"),
)
SKIP_ACTIONS = {
    "app.help",
    "help",
    "toggle_lang",
    "quit",
    "app.quit",
    "command_palette",
    "sign_out",
    # Textual's own screen keys (tab moves between fields, as the forms say)
    "app.focus_next",
    "app.focus_previous",
    "screen.copy_text",
}


def app_keys(screen) -> list[tuple[str, str]]:
    """The app-wide keys (key, label key) that work on ``screen``: a dialog stops the app's keys
    that are not priority keys (f2 switches the language only outside a dialog; a dialog may use
    f2 itself, to pick a file), so the help over a form does not offer them."""
    app = screen.app
    out = []
    for key, label in APP_KEYS:
        bound = screen.active_bindings.get(key)
        if bound is not None:
            works = bound.node is app or bound.binding.action.startswith("app.")
        else:
            works = any(
                b.priority and app.check_action(b.action, ()) is not False
                for b in app._bindings.key_to_bindings.get(key, ())
            )
        if works:
            out.append((key, label))
    return out


def screen_keys(screen) -> list[tuple[str, str]]:
    """(key, description) for the bindings of ``screen`` (already in the app's language)."""
    seen, out = set(), []
    for active in screen.active_bindings.values():
        b = active.binding
        if active.node is not screen or not b.description or b.action in SKIP_ACTIONS or b.system:
            continue
        if (b.action, b.description) in seen:
            continue
        seen.add((b.action, b.description))
        out.append((screen.app.get_key_display(b), b.description))
    return out


class HelpModal(GuardedModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "back"),
        Binding("f1", "close", "back", show=False),
    ]

    def __init__(
        self, keys: list[tuple[str, str]], commands: list[str], app_keys: tuple[tuple[str, str], ...] = APP_KEYS
    ) -> None:
        super().__init__()
        self.keys = keys
        self.commands = commands
        self.app_keys = tuple(app_keys)

    def compose(self) -> ComposeResult:
        none = "  " + self.t("help_none")
        lines = [self.t("help_screen_keys")]
        lines += [f"  {k:<10} {d}" for k, d in self.keys] or [none]
        lines += ["", self.t("help_app_keys")]
        lines += [f"  {k:<10} {self.t(label)}" for k, label in self.app_keys]
        lines += ["", self.t("help_palette")]
        lines += [f"  {c}" for c in self.commands] or [none]
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.t("help_title"), classes="dialog-title")
            with VerticalScroll(classes="form-body"):
                yield Static("\n".join(lines), id="help-text", markup=False)
            yield Static(self.t("help_close"), classes="hint dialog-keys")

    def action_close(self) -> None:
        self.dismiss(None)
