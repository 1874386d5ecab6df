"""A one-field form: a file path, a division name. ``on_save`` may reject the value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Static

from ethics_tui.tui.i18n import TEXT
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.validators import Required


class TextPromptModal(FormModal[Any]):
    """Ask for one line of text. Dismisses with ``on_save(text)`` (or the text) or None."""

    DEFAULT_CSS = """
    TextPromptModal #path-full { color: $text-muted; padding: 0 1; }
    """

    def __init__(
        self,
        title: str,
        label: str,
        value: str = "",
        *,
        on_save: Callable[[str], Any] | None = None,
        placeholder: str = "",
        path: str | None = None,
        suffixes: tuple[str, ...] = (),
        submit_label: str = "",
    ) -> None:
        """``path``: "open", "save" or "folder" makes the field a path with the F2 picker."""
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value
        self.on_save = on_save
        self.placeholder = placeholder
        self.path_mode = path
        self.suffixes = suffixes
        self.submit_label = submit_label

    def compose_fields(self) -> ComposeResult:
        kwargs = {
            "placeholder": self.placeholder,
            "id": "f-text",
            "compact": True,
            "validators": [Required(self.t("required"))],
        }
        label = self.label
        if self.path_mode:
            from ethics_tui.tui.widgets.file_picker import PathInput, path_label

            field = PathInput(self.value, mode=self.path_mode, suffixes=self.suffixes, submit_on_pick=False, **kwargs)
            label = path_label(label, self.lang)
        else:
            field = Input(self.value, **kwargs)
        yield FieldRow(label, field, "text")
        if self.path_mode:  # the field scrolls to the file name: the whole path, wrapped, under it
            yield Static(self.full_path(self.value), id="path-full", markup=False)

    def full_path(self, text: str) -> str:
        from ethics_tui.service.input_files import normalize_path

        return str(normalize_path(text).absolute()) if text.strip() else ""

    def on_mount(self) -> None:
        super().on_mount()
        box = self.query_one("#f-text", Input)
        box.cursor_position = len(box.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.path_mode and event.input.id == "f-text":
            self.query_one("#path-full", Static).update(self.full_path(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def collect(self):
        text = self.input_value("text")
        if not text:
            return text, {"text": TEXT["required"]}
        if self.path_mode == "save" and self.app.ctx is not None:
            from ethics_tui.service.exports import new_file_problem

            problem = new_file_problem(self.app.ctx, text)
            if problem:
                return text, {"text": problem}
        return text, {}

    def writes(self) -> bool:
        return self.on_save is not None  # a bare prompt returns its text at once

    def confirm_before_save(self, value: str) -> str | None:
        """A file to write that is already there: ask before it is replaced."""
        if self.path_mode != "save":
            return None
        from ethics_tui.service.input_files import normalize_path

        target = normalize_path(value)
        return self.t("overwrite_file", path=target.absolute()) if target.is_file() else None

    def save(self, value: str) -> Any:
        if self.on_save is None:
            return value
        try:
            return self.on_save(value)
        except Exception as exc:
            # a service error about "name" (division) is shown at the one field
            from ethics_tui.errors import UserError, ValidationError

            if isinstance(exc, ValidationError):
                raise ValidationError({"text": next(iter(exc.errors.values()))}) from None
            if isinstance(exc, UserError):  # e.g. an impossible date: shown at the field
                raise ValidationError({"text": (exc.th, exc.en)}) from None
            raise
