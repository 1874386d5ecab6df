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

    def __init__(self, keys: list[tuple[str, str]], commands: list[str]) -> None:
        super().__init__()
        self.keys = keys
        self.commands = commands

    def compose(self) -> ComposeResult:
        none = "  " + self.t("help_none")
        lines = [self.t("help_screen_keys")]
        lines += [f"  {k:<10} {d}" for k, d in self.keys] or [none]
        lines += ["", self.t("help_app_keys")]
        lines += [f"  {k:<10} {self.t(label)}" for k, label in APP_KEYS]
        lines += ["", self.t("help_palette")]
        lines += [f"  {c}" for c in self.commands] or [none]
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.t("help_title"), classes="dialog-title")
            with VerticalScroll(classes="form-body"):
                yield Static("\n".join(lines), id="help-text", markup=False)
            yield Static(self.t("help_close"), classes="hint dialog-keys")

    def action_close(self) -> None:
        self.dismiss(None)
