"""The one confirm modal for destructive actions: y / n / escape."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ethics_tui.tui.crash import GuardedModal


class ConfirmModal(GuardedModal[bool]):
    """Ask a yes/no question. Dismisses ``True`` for yes, ``False`` for no or escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "yes", show=False),
        Binding("n", "answer(False)", "no", show=False),
        Binding("escape", "answer(False)", "cancel", show=False),
    ]

    def __init__(self, question: str, *, danger: bool = True) -> None:
        super().__init__()
        self.question = question
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.t("yes"), id="yes", variant="error" if self.danger else "primary", compact=True)
                yield Button(self.t("no"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


def ask_then(node, question: str, then: Callable[[], object], *, danger: bool = True) -> None:
    """Ask ``question`` over ``node``'s screen; run ``then()`` on yes only (n and escape: nothing)."""

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    node.app.push_screen(ConfirmModal(question, danger=danger), answered)
