"""Complaint settings: the intake channels (an editable list), the days allowed in each step,
the retention in years and how to ask about the status (printed on the receipt).

Opened with ``s`` on the complaints screen, or from the palette ("เรื่องร้องเรียน: ตั้งค่า…").
enter in the "new channel" box adds it · d / delete removes the highlighted channel (after a
confirmation; cases keep their channel) · ctrl+s saves through ``service.save_settings`` ·
esc cancels. Roles: complaints or admin (``complaints.settings``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.errors import UserError
from ethics_tui.model import complaints as m
from ethics_tui.model.complaints import ComplaintSettings
from ethics_tui.service import complaints as svc
from ethics_tui.service.access import require
from ethics_tui.service.complaints_docs import REMOVED_NOTE, add_channel, parse_positive, remove_channel
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.plain import PlainOptionList

#: (th, en) label, most allowed, for the number fields other than the due days
NUMBERS = {"retention_years": (("อายุการเก็บ (ปี)", "Retention (years)"), 50)}


def _field_label(field: str) -> tuple[tuple[str, str], int]:
    if field.startswith("due_"):
        step = field[4:]
        return (f"จำนวนวันของขั้นตอน{m.step_label(step)}", f"The days for {m.step_label(step, 'en')}"), 365
    return NUMBERS[field]


class Positive(Validator):
    """A whole number 1..most as typed (Thai digits allowed); the failure says why, in Thai or English."""

    def __init__(self, field: str, lang: str) -> None:
        super().__init__()
        self.field = field
        self.lang = lang

    def validate(self, value: str) -> ValidationResult:
        (th, en), most = _field_label(self.field)
        try:
            parse_positive(value, th, en, most=most)
        except UserError as exc:
            return self.failure(exc.message(self.lang))
        return self.success()


class ComplaintSettingsModal(FormModal[ComplaintSettings | None]):
    """Edit the complaint settings; dismisses the saved settings, or None on esc."""

    DEFAULT_CSS = """
    ComplaintSettingsModal #f-channels { width: 1fr; height: auto; max-height: 9; }
    ComplaintSettingsModal .cs-hint { color: $text-muted; padding-left: 22; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "remove_channel", "cp_remove_channel"),
        Binding("d", "remove_channel", "cp_remove_channel", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.original = svc.get_settings(self.ctx)
        self.channels = list(self.original.channels)
        self.title_text = _(
            self.lang, "ตั้งค่าเรื่องร้องเรียน: ช่องทางรับเรื่องและกำหนดเวลา", "Complaint settings: channels and deadlines"
        )

    def compose_fields(self) -> ComposeResult:
        L = self.lang
        yield FieldRow(
            _(L, "ช่องทางรับเรื่อง", "Channels"),
            PlainOptionList(*[Option(c) for c in self.channels], id="f-channels", compact=True),
            "channels",
        )
        yield FieldRow(
            _(L, "เพิ่มช่องทาง", "Add a channel"),
            Input(id="f-new_channel", compact=True, placeholder=_(L, "พิมพ์ชื่อแล้วกด enter", "type a name, then enter")),
            "new_channel",
        )
        yield Static(
            _(
                L,
                "d / delete ลบช่องทางที่เลือก · เรื่องที่รับไว้แล้วคงช่องทางเดิม",
                "d / delete removes the highlighted channel · registered cases keep theirs",
            ),
            classes="cs-hint",
            markup=False,
        )
        yield Static(
            _(L, "จำนวนวันที่ให้ในแต่ละขั้นตอน ก่อนถึงกำหนดขั้นตอนถัดไป", "Days allowed in each step before the next one is due"),
            classes="cs-hint",
            markup=False,
        )
        for step, days in self.original.due_days.items():
            yield FieldRow(
                m.step_label(step, L),
                Input(
                    str(days), id=f"f-due_{step}", compact=True, max_length=4, validators=[Positive(f"due_{step}", L)]
                ),
                f"due_{step}",
            )
        yield FieldRow(
            _(L, "อายุการเก็บ (ปี)", "Retention (years)"),
            Input(
                str(self.original.retention_years),
                id="f-retention_years",
                compact=True,
                max_length=3,
                validators=[Positive("retention_years", L)],
            ),
            "retention_years",
        )
        yield FieldRow(
            _(L, "สอบถามสถานะ", "Status enquiries"),
            Input(
                self.original.status_contact,
                id="f-status_contact",
                compact=True,
                placeholder=_(L, "ว่าง = โทรศัพท์และอีเมลของสำนักงาน", "empty = the office phone and e-mail"),
            ),
            "status_contact",
        )

    def on_mount(self) -> None:
        super().on_mount()
        box = self.channel_list
        if box.option_count:
            box.highlighted = 0
        self.call_after_refresh(box.focus)

    @property
    def channel_list(self) -> OptionList:
        return self.query_one("#f-channels", OptionList)

    def _row(self, field: str) -> FieldRow:
        return self.query_one(f"#row-{field}", FieldRow)

    def _refill(self, highlight: int | None) -> None:
        box = self.channel_list
        box.clear_options()
        box.add_options([Option(c) for c in self.channels])
        if self.channels:
            box.highlighted = min(max(highlight or 0, 0), len(self.channels) - 1)

    # -- channels ----------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # FormModal's handler (focus the next field) must not run too
        if event.input.id != "f-new_channel":
            self.focus_next()
            return
        if not event.value.strip():
            self.channel_list.focus()
            return
        try:
            self.channels = add_channel(self.channels, event.value)
        except UserError as exc:
            self._row("new_channel").set_error(exc.message(self.lang))
            return
        self._row("new_channel").set_error(None)
        self._row("channels").set_error(None)
        event.input.value = ""
        self._refill(len(self.channels) - 1)
        self.notify(
            _(
                self.lang,
                f"เพิ่มช่องทาง {self.channels[-1]} แล้ว (ctrl+s บันทึก)",
                f"Added {self.channels[-1]} (ctrl+s saves)",
            ),
            markup=False,
        )

    def action_remove_channel(self) -> None:
        box = self.channel_list
        if not box.has_focus:
            self.notify(
                _(
                    self.lang,
                    "เลือกช่องทางในรายการก่อน แล้วกด d หรือ delete",
                    "Highlight a channel in the list first, then press d or delete",
                ),
                severity="warning",
            )
            return
        index = box.highlighted
        if index is None or not 0 <= index < len(self.channels):
            return
        name = self.channels[index]

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.channels = remove_channel(self.channels, name)
            except UserError as exc:
                self._row("channels").set_error(exc.message(self.lang))
                return
            self._row("channels").set_error(None)
            self._refill(index)
            box.focus()

        note = pick(REMOVED_NOTE, self.lang)
        question = _(
            self.lang, f'ลบช่องทาง "{name}" ออกจากรายการ?\n{note}', f'Remove the channel "{name}" from the list?\n{note}'
        )
        self.app.push_screen(ConfirmModal(question), done)

    # -- the form ----------------------------------------------------------------------------
    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        channels = list(self.channels)
        pending = self.input_value("new_channel")
        if pending:  # typed but not yet added with enter: saving adds it
            try:
                channels = add_channel(channels, pending)
            except UserError as exc:
                errors["new_channel"] = (exc.th, exc.en)
        numbers: dict[str, int] = {}
        for field in [f"due_{k}" for k in self.original.due_days] + ["retention_years"]:
            (th, en), most = _field_label(field)
            try:
                numbers[field] = parse_positive(self.input_value(field), th, en, most=most)
            except UserError as exc:
                errors[field] = (exc.th, exc.en)
        s = ComplaintSettings(
            channels=channels,
            due_days={k: numbers.get(f"due_{k}", v) for k, v in self.original.due_days.items()},
            retention_years=numbers.get("retention_years", self.original.retention_years),
            status_contact=self.input_value("status_contact"),
            rev=self.original.rev,
        )
        return s, errors

    def save(self, value: ComplaintSettings) -> ComplaintSettings:
        return svc.save_settings(self.ctx, value)


def open_settings(screen) -> None:
    """Open the settings modal over ``screen`` (refused with a Thai message without the role)."""
    try:
        require(screen.ctx, "complaints.settings")
    except UserError as exc:
        screen.notify(exc.message(screen.lang), severity="error", markup=False)
        return

    def done(saved: ComplaintSettings | None) -> None:
        if saved is not None:
            screen.notify(_(screen.lang, "บันทึกการตั้งค่าเรื่องร้องเรียนแล้ว", "Complaint settings saved"))

    screen.app.push_screen(ComplaintSettingsModal(), done)
