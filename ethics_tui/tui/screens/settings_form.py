"""Office settings form, used by the first-start wizard and the settings screen."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Input

from ethics_tui.errors import ValidationError
from ethics_tui.model.settings import DEFAULT_DIVISIONS, DIGITS_CHOICES, EXPORTS_LAYOUTS, OFFICE_TYPES, OfficeSettings
from ethics_tui.service import settings as settings_svc
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.widgets.fields import choice_select
from ethics_tui.tui.widgets.file_picker import PathInput
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.plain import PlainSelect
from ethics_tui.tui.widgets.validators import Required

WIZARD_FIELDS = (
    "office_name",
    "office_type",
    "district",
    "province",
    "executive_name",
    "executive_title",
    "letter_prefix",
    "digits",
)
ALL_FIELDS = (
    WIZARD_FIELDS[:4]
    + ("address", "phone", "email")
    + WIZARD_FIELDS[4:]
    + ("emblem_path", "font_path", "title_pt", "idle_minutes", "sign_in_place", "exports_dir", "exports_layout")
)
SELECTS = {"office_type", "digits", "exports_layout"}
#: path fields: picker mode and the file types offered (F2)
PATHS = {
    "emblem_path": ("open", (".png", ".jpg", ".jpeg")),
    "font_path": ("open", (".ttf",)),
    "exports_dir": ("folder", ()),
}


class OfficeSettingsModal(FormModal[OfficeSettings | None]):
    """Edit the office settings. ``wizard=True`` shows the short first-start form and, on save,
    creates the default divisions when there are none yet."""

    def __init__(self, settings: OfficeSettings, *, wizard: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.wizard = wizard
        self.fields = WIZARD_FIELDS if wizard else ALL_FIELDS
        self.title_text = self.t("new_office" if wizard else "settings_title")

    def _make_field(self, name: str):
        value = getattr(self.settings, name)
        if name == "office_type":
            options = [(x, x) for x in OFFICE_TYPES]
            if value and value not in OFFICE_TYPES:
                options.append((value, value))
            return choice_select(self, "office_type", options, value or None)  # shown: no blank to pick
        if name == "digits":
            options = [(self.t(f"digits_{x}"), x) for x in DIGITS_CHOICES]
            return PlainSelect(options, value=value, allow_blank=False, id="f-digits", compact=True)
        if name == "exports_layout":
            options = [(self.t(f"s_layout_{x}"), x) for x in EXPORTS_LAYOUTS]
            return PlainSelect(options, value=value, allow_blank=False, id="f-exports_layout", compact=True)
        if name in PATHS:
            mode, suffixes = PATHS[name]
            placeholder = self.t("s_exports_dir_ph") if name == "exports_dir" else ""
            return PathInput(
                str(value), id=f"f-{name}", mode=mode, suffixes=suffixes, submit_on_pick=False, placeholder=placeholder
            )
        validators = [Required(self.t("required"))] if name == "office_name" else []
        return Input(str(value), id=f"f-{name}", compact=True, validators=validators)

    def compose_fields(self) -> ComposeResult:
        for name in self.fields:
            label = apply_digits(self.t(f"s_{name}"), self.settings.digits) + (" *" if name == "office_name" else "")
            yield FieldRow(label, self._make_field(name), name)

    def collect(self):
        values = {}
        for name in self.fields:
            if name in SELECTS:
                values[name] = self.select_value(name) or ""
            else:
                values[name] = self.input_value(name)
        if "idle_minutes" in values:
            text = values["idle_minutes"].strip()
            values["idle_minutes"] = int(text) if text.isdigit() else -1
        new = replace(self.settings, **values)
        try:
            new.validate()
        except ValidationError as exc:
            return new, exc.errors
        return new, {}

    def save(self, value: OfficeSettings) -> OfficeSettings:
        saved = settings_svc.save_settings(self.ctx, value)
        if self.wizard and not settings_svc.list_divisions(self.ctx):
            for name in DEFAULT_DIVISIONS:
                settings_svc.add_division(self.ctx, name)
        return saved
