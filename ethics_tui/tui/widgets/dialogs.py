"""The generic dialogs, in one place: yes/no (:class:`ConfirmModal`), one of a few options
(:class:`ChoiceModal`) and one line of text (:class:`TextPromptModal`)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.plain import PlainOptionList
from ethics_tui.tui.widgets.prompt import TextPromptModal

__all__ = ["ChoiceModal", "ConfirmModal", "TextPromptModal"]


class ChoiceModal(GuardedModal[str | None]):
    """Pick one of a few options with the arrows and enter; escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield PlainOptionList(*[Option(label, id=key) for label, key in self.options], id="choice")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
