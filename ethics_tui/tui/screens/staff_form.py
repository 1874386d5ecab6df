"""Add or edit a staff member: ``StaffFormModal(ModalScreen[Staff | None])``."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from ethics_tui.model.settings import Division
from ethics_tui.model.staff import ALL_STAFF_TYPES, COMMON_PREFIXES, Staff, type_label
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.widgets.fields import read_iso
from ethics_tui.tui.widgets.form import FieldRow, FormModal, model_errors
from ethics_tui.tui.widgets.plain import PlainSelect
from ethics_tui.tui.widgets.validators import Required, ThaiDate

TEXT_FIELDS = ("prefix", "first_name", "last_name", "position", "level", "code", "email", "phone")
REQUIRED = {"prefix", "first_name", "last_name", "position"}
ORDER = (
    "prefix",
    "first_name",
    "last_name",
    "position",
    "level",
    "division_id",
    "staff_type",
    "code",
    "start_date",
    "email",
    "phone",
)


class StaffFormModal(FormModal[Staff | None]):
    """Validated staff form; saves through the staff service and dismisses the saved Staff."""

    def __init__(self, staff: Staff | None, divisions: list[Division]) -> None:
        super().__init__()
        self.original = staff
        self.divisions = divisions
        self.title_text = self.t("staff_edit_title" if staff else "staff_new_title")
        self.view_title_text = self.t("staff_view_title")

    def _make_field(self, name: str):
        s = self.original
        if name == "division_id":
            options = [
                (d.name if d.active else f"{d.name} ({self.t('inactive')})", d.id)
                for d in self.divisions
                if d.active or (s is not None and d.id == s.division_id)
            ]
            value = s.division_id if s and any(v == s.division_id for _, v in options) else Select.NULL
            return PlainSelect(options, value=value, prompt=self.t("choose"), id="f-division_id", compact=True)
        if name == "staff_type":
            value = s.staff_type if s and s.staff_type in ALL_STAFF_TYPES else Select.NULL
            options = [(type_label(x, self.lang), x) for x in ALL_STAFF_TYPES]
            return PlainSelect(options, value=value, prompt=self.t("choose"), id="f-staff_type", compact=True)
        if name == "start_date":
            # read in the office's digits when only looked at; typed (either digits) when edited
            digits = get_settings(self.ctx).digits if self.view_only else "arabic"
            value = format_date(s.start_date, "numeric", digits) if s and s.start_date else ""
            return Input(
                value, placeholder=self.t("date_ph"), id="f-start_date", compact=True, validators=[ThaiDate(self.lang)]
            )
        value = getattr(s, name) if s else ""
        validators = [Required(self.t("required"))] if name in REQUIRED else []
        suggester = SuggestFromList(COMMON_PREFIXES) if name == "prefix" else None
        hint = self.t("staff_position_ph") if name == "position" else ""  # the level has its own field
        return Input(value, id=f"f-{name}", compact=True, validators=validators, suggester=suggester, placeholder=hint)

    def compose_fields(self) -> ComposeResult:
        for name in ORDER:
            label = self.t(f"f_{name}") + (" *" if name in REQUIRED | {"division_id", "staff_type"} else "")
            yield FieldRow(label, self._make_field(name), name)

    def collect(self) -> tuple[Staff, dict[str, tuple[str, str]]]:
        errors: dict[str, tuple[str, str]] = {}
        iso = read_iso(self, "start_date", errors)
        values = {name: self.input_value(name) for name in TEXT_FIELDS}
        base = self.original or Staff("", "", "", "", 0, "")
        staff = replace(
            base,
            **values,
            division_id=self.select_value("division_id") or 0,
            staff_type=self.select_value("staff_type") or "",
            start_date=iso,
        )
        errors = model_errors(errors, staff.validate)
        if not staff.staff_type:
            errors["staff_type"] = ("ต้องเลือกประเภทบุคลากร", "choose a staff type")
        return staff, errors

    def save(self, value: Staff) -> Staff:
        if value.id is None:
            return staff_svc.add(self.ctx, value)
        return staff_svc.update(self.ctx, value)
