"""Complaint modals: intake (a minute at the counter), the receipt code, the next step, the
case view (confidential, logged), and a plain message box."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model import complaints as m
from ethics_tui.model.complaints import Complaint, Identity
from ethics_tui.service import complaints as svc
from ethics_tui.thai.dates import format_date, parse_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.widgets.fields import date_input
from ethics_tui.tui.widgets.form import FieldRow, FormModal, model_errors
from ethics_tui.tui.widgets.plain import PlainSelect
from ethics_tui.tui.widgets.validators import Required


def staff_names(ctx) -> dict[str, int]:
    """ "นายสมชาย ใจดี" -> staff id, for the accused field (active staff)."""
    from ethics_tui.service.people import full_name, staff_docs

    return {full_name(d): int(k) for k, d in staff_docs(ctx).items() if d.get("active", True)}


class IntakeModal(FormModal[Complaint | None]):
    """Register a complaint. Only the channel, type and subject are required."""

    DEFAULT_CSS = "IntakeModal TextArea { height: 4; width: 1fr; }"

    def __init__(self) -> None:
        super().__init__()
        self.title_text = _(self.lang, "รับเรื่องร้องเรียนใหม่", "New complaint")
        self.staff = staff_names(self.ctx)

    def compose_fields(self) -> ComposeResult:
        L = self.lang
        now = datetime.now()
        channels = svc.get_settings(self.ctx).channels
        yield FieldRow(
            _(L, "ช่องทาง *", "Channel *"),
            PlainSelect(
                [(m.channel_label(c, L), c) for c in channels],
                value=channels[0],
                allow_blank=False,
                id="f-channel",
                compact=True,
            ),
            "channel",
        )
        yield FieldRow(
            _(L, "ประเภท *", "Type *"),
            PlainSelect(
                [(m.kind_label(k, L), k) for k in m.KINDS],
                value="corruption",
                allow_blank=False,
                id="f-kind",
                compact=True,
            ),
            "kind",
        )
        yield FieldRow(
            _(L, "เรื่อง *", "Subject *"),
            Input(
                id="f-subject",
                compact=True,
                validators=[Required(self.t("required"))],
                placeholder=_(L, "ไม่ต้องใส่ชื่อบุคคล (พิมพ์บนใบรับเรื่อง)", "no names (printed on the receipt)"),
            ),
            "subject",
        )
        yield FieldRow(_(L, "รายละเอียด (ลับ)", "Details (confidential)"), TextArea(id="f-details"), "details")
        yield FieldRow(
            _(L, "ผู้ร้องเรียน", "Complainant"),
            Checkbox(_(L, "ไม่ประสงค์ออกนาม", "anonymous"), id="f-anonymous", compact=True),
            "anonymous",
        )
        yield FieldRow(
            _(L, "ชื่อผู้ร้อง (ลับ)", "Name (confidential)"), Input(id="f-complainant_name", compact=True), "complainant_name"
        )
        yield FieldRow(
            _(L, "ติดต่อกลับ (ลับ)", "Contact (confidential)"),
            Input(id="f-complainant_contact", compact=True),
            "complainant_contact",
        )
        yield FieldRow(
            _(L, "ผู้ถูกร้อง (ลับ)", "Accused (confidential)"),
            Input(
                id="f-accused",
                compact=True,
                suggester=SuggestFromList(sorted(self.staff)),
                placeholder=_(L, "ชื่อบุคลากร หรือพิมพ์อธิบาย", "a staff name, or describe"),
            ),
            "accused",
        )
        yield FieldRow(
            "",
            Checkbox(
                _(L, "ผู้ถูกร้องเป็นผู้บริหารท้องถิ่น (นายก/รองนายก)", "the accused is the local executive"),
                id="f-executive",
                compact=True,
            ),
            "executive",
        )
        yield FieldRow(
            _(L, "วันที่รับ *", "Received on *"),
            date_input(self, "day", now.date()),
            "received_at",
        )
        yield FieldRow(_(L, "เวลา", "Time"), Input(now.strftime("%H:%M"), id="f-time", compact=True), "time")
        from ethics_tui.service.privacy import complaint_notice
        from ethics_tui.service.settings import get_settings

        # PDPA: read (or show) this to the complainant before taking their details
        notice = apply_digits(complaint_notice(self.ctx, L), get_settings(self.ctx).digits)
        yield Static(notice, id="privacy-notice", classes="hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.query_one("#f-channel", Select).focus)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # the base form's enter handler would move focus a second time
        if event.input.id == "f-time":
            self.action_submit()
        else:
            self.focus_next()

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        when = ""
        try:
            day = parse_date(self.input_value("day"))
            hh, _sep, mm = self.input_value("time").replace(".", ":").partition(":")
            when = datetime(day.year, day.month, day.day, int(hh or 0), int(mm or 0)).isoformat(timespec="minutes")
        except UserError as exc:
            errors["received_at"] = (exc.th, exc.en)
        except ValueError:
            errors["time"] = ("เวลาไม่ถูกต้อง (เช่น 10:30)", "invalid time (e.g. 10:30)")
        accused = self.input_value("accused")
        ident = Identity(
            anonymous=self.query_one("#f-anonymous", Checkbox).value,
            complainant_name=self.input_value("complainant_name"),
            complainant_contact=self.input_value("complainant_contact"),
            accused_staff_id=self.staff.get(accused),
            accused_text="" if accused in self.staff else accused,
            executive_accused=self.query_one("#f-executive", Checkbox).value,
            details=self.query_one("#f-details", TextArea).text.strip(),
        )
        c = Complaint(
            when or datetime.now().isoformat(timespec="minutes"),
            self.select_value("channel") or "",
            self.select_value("kind") or "",
            self.input_value("subject"),
        )
        return (c, ident), model_errors(errors, c.validate, ident.validate)

    def save(self, value):
        c, ident = value
        return svc.intake(self.ctx, c, ident)


class StepModal(FormModal[Complaint | None]):
    """Move a case to its next step: date, the step's required field, a note."""

    def __init__(self, c: Complaint) -> None:
        super().__init__()
        self.case = c
        self.steps = svc.next_steps(self.ctx, c)
        from ethics_tui.service.settings import get_settings

        d = get_settings(self.ctx).digits
        due = f" · {_(self.lang, 'กำหนด', 'due')} {format_date(c.due, 'abbr', d, self.lang)}" if c.due else ""
        self.title_text = (
            f"{apply_digits(f'{c.number}/{c.fiscal_year}', d)} {c.code} — {m.step_label(c.status, self.lang)}{due}"
        )

    def compose_fields(self) -> ComposeResult:
        L = self.lang
        if self.case.status == "review" and self.steps == ["referred"]:
            yield Static("⚠ " + svc.executive_rule(L), classes="field-error", markup=False)
        yield FieldRow(
            _(L, "ขั้นตอนถัดไป *", "Next step *"),
            PlainSelect(
                [(m.step_label(s, L), s) for s in self.steps],
                value=self.steps[0] if self.steps else Select.NULL,
                allow_blank=not self.steps,
                id="f-step",
                compact=True,
            ),
            "step",
        )
        yield FieldRow(
            _(L, "วันที่ *", "Date *"),
            date_input(self, "date", date.today()),
            "date",
        )
        if self.case.status == "review":
            opts = [
                (_(L, "หลักฐานเพียงพอ", "enough evidence"), "enough"),
                (_(L, "หลักฐานไม่เพียงพอ", "not enough evidence"), "not_enough"),
            ]
            yield FieldRow(
                _(L, "หลักฐาน *", "Evidence *"),
                PlainSelect(opts, id="f-evidence", compact=True, prompt=self.t("choose")),
                "evidence",
            )
        yield FieldRow("", Input(id="f-extra", compact=True), "extra")
        yield FieldRow(_(L, "บันทึก", "Note"), Input(id="f-note", compact=True), "note")

    def on_mount(self) -> None:
        super().on_mount()
        self._label_extra()
        self.call_after_refresh(self.query_one("#f-step", Select).focus)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._label_extra()
        super().on_select_changed(event)

    def _label_extra(self) -> None:
        need = m.STEP_REQUIRES.get(self.select_value("step") or "")
        row = self.query_one("#row-extra", FieldRow)
        row.display = need is not None
        if need:
            row.query_one(".field-label").update(_(self.lang, need[1], need[2]) + " *")
            if need[0] == "body" and self.steps == ["referred"]:
                from textual.suggester import SuggestFromList

                from ethics_tui.service.complaints_bodies import body_names
                from ethics_tui.service.settings import get_settings

                names = body_names("th", get_settings(self.ctx).office_type)
                box = self.query_one("#f-extra", Input)
                box.suggester = SuggestFromList(names, case_sensitive=False)  # type a few letters: → completes
                box.value = box.value or names[0]

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        on = None
        try:
            on = parse_date(self.input_value("date"))
        except UserError as exc:
            errors["date"] = (exc.th, exc.en)
        step = self.select_value("step")
        if not step:
            errors["step"] = ("ไม่มีขั้นตอนถัดไป", "no next step")
        need = m.STEP_REQUIRES.get(step or "")
        extra = {need[0]: self.input_value("extra")} if need else {}
        if self.case.status == "review":
            extra["evidence"] = self.select_value("evidence") or ""
        return (step, on, extra), errors

    def save(self, value):
        step, on, extra = value
        try:
            return svc.advance(self.ctx, self.case.id, step, on, self.input_value("note"), rev=self.case.rev, **extra)
        except ValidationError as exc:
            keys = {f for f, *_x in m.STEP_REQUIRES.values()}
            raise ValidationError({("extra" if k in keys else k): v for k, v in exc.errors.items()}) from None


class InfoModal(GuardedModal[str | None]):
    """A read-only box of lines. Extra keys dismiss with their action name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "back"),
        Binding("enter", "close", "back", show=False),
    ]

    def __init__(self, title: str, body: str, keys: dict[str, str] | None = None, hint: str = "") -> None:
        super().__init__()
        self.title_text, self.body, self.keys, self.hint = title, body, keys or {}, hint
        for key, action in self.keys.items():
            self._bindings.bind(key, f"pick('{action}')", action, show=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Static(self.body, id="info-body", markup=False)
            yield Static(self.hint, classes="hint", markup=False)

    def action_pick(self, action: str) -> None:
        self.dismiss(action)

    def action_close(self) -> None:
        self.dismiss(None)


def receipt_text(c: Complaint, lang: str, digits: str = "arabic") -> str:
    """The receipt code as typed (never converted) with the number and due date in ``digits``."""
    code = "  ".join(c.code)
    no, due = apply_digits(f"{c.number}/{c.fiscal_year}", digits), format_date(c.due, "abbr", digits, lang)
    return _(
        lang,
        f"รหัสรับเรื่อง (อ่านให้ผู้ร้องฟัง หรือพิมพ์ใบรับเรื่อง):\n\n      {code}\n\n"
        f"เลขรับ {no} · {m.step_label(c.status)} · "
        f"กำหนดตรวจสอบเบื้องต้น {due}",
        f"Receipt code (read it out, or print the receipt):\n\n      {code}\n\nNo. {no} · preliminary review due {due}",
    )


def case_text(ctx, c: Complaint, ident: Identity, lang: str, digits: str = "arabic") -> str:
    """The case as the complaints officer sees it (identity included: the caller logs it).
    Dates and the case number follow ``digits``; the receipt code and typed texts stay as typed."""
    d = digits
    from ethics_tui.service.people import full_name, staff_doc

    staff = staff_doc(ctx, ident.accused_staff_id)
    accused = ", ".join(x for x in (staff and full_name(staff), ident.accused_text) if x) or "-"
    ev = {"enough": _(lang, "เพียงพอ", "enough"), "not_enough": _(lang, "ไม่เพียงพอ", "not enough")}
    lines = [
        f"{_(lang, 'รหัส', 'Code')}: {c.code}    {_(lang, 'เลขรับ', 'No.')} {apply_digits(f'{c.number}/{c.fiscal_year}', d)}",
        (
            f"{_(lang, 'รับเมื่อ', 'Received')}: {format_date(c.received_date, 'abbr', d, lang)} {apply_digits(c.received.strftime('%H:%M'), d)}"
            f" · {m.channel_label(c.channel, lang)} · {m.kind_label(c.kind, lang)}"
        ),
        f"{_(lang, 'เรื่อง', 'Subject')}: {c.subject}",
        f"{_(lang, 'รายละเอียด', 'Details')}: {ident.details or '-'}",
        f"{_(lang, 'ผู้ร้อง', 'Complainant')}: "
        + (
            _(lang, "ไม่ประสงค์ออกนาม", "anonymous")
            if c.anonymous
            else f"{ident.complainant_name} · {ident.complainant_contact or '-'}"
        ),
        f"{_(lang, 'ผู้ถูกร้อง', 'Accused')}: {accused}",
    ]
    if ident.executive_accused:
        lines.append("⚠ " + svc.executive_rule(lang))
    lines.append(f"{_(lang, 'หลักฐาน', 'Evidence')}: {ev.get(c.evidence, '-')}")
    flag = " ⚠ " + _(lang, "เกินกำหนด", "OVERDUE") if c.overdue(date.today()) else ""
    due = f" · {_(lang, 'กำหนด', 'due')} {format_date(c.due, 'abbr', d, lang)}{flag}" if c.due else ""
    lines += [
        f"{_(lang, 'สถานะ', 'Status')}: {m.step_label(c.status, lang)}{due}",
        f"{_(lang, 'เก็บถึง', 'Keep until')}: {format_date(c.retention_until, 'abbr', d, lang)}",
        "",
        _(lang, "ประวัติ:", "History:"),
    ]
    for h in c.history:
        extra = "; ".join(f"{v}" for k, v in (h.get("extra") or {}).items() if k != "evidence")
        bits = [
            format_date(h["date"], "abbr", d, lang),
            m.step_label(h["step"], lang),
            h["actor"],
            extra,
            h.get("note", ""),
        ]
        lines.append("  " + " · ".join(b for b in bits if b))
    return "\n".join(lines)
