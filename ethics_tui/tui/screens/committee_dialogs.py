"""Small committee dialogs: issue an order (next or typed number), revoke it, edit the
office's template (preamble + duties) or the consultation categories."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static, TextArea

from ethics_tui.errors import ValidationError
from ethics_tui.model.committee import Order
from ethics_tui.service import committee as svc
from ethics_tui.thai.dates import BE_OFFSET
from ethics_tui.tui.screens.committee_form import FORM_CSS, be, read_date
from ethics_tui.tui.widgets.fields import date_input
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.validators import Required, ThaiDate


def office_digits(ctx, text: str) -> str:
    """``text`` in the office's digits (an order's number in a title or a question)."""
    from ethics_tui.service.settings import get_settings
    from ethics_tui.thai.digits import apply_digits

    return apply_digits(text, get_settings(ctx).digits)


class _OrderForm(FormModal[Order | None]):
    """A dialog about one order, titled by the text ``TITLE`` with the order's reference; its
    button says what it does (the text ``SUBMIT``)."""

    TITLE = ""
    SUBMIT = ""

    def __init__(self, order: Order) -> None:
        super().__init__()
        self.order = order
        self.title_text = self.t(self.TITLE, ref=office_digits(self.ctx, order.ref))
        self.submit_label = self.t(self.SUBMIT)


class IssueModal(_OrderForm):
    """Issue a draft: the order date and, optionally, a number typed by hand."""

    TITLE = "cm_issue_title"
    SUBMIT = "cm_issue_do"

    def compose_fields(self) -> ComposeResult:
        day = self.order.order_date or date.today().isoformat()
        year = date.fromisoformat(day).year + BE_OFFSET
        nxt = svc.next_order_number(self.ctx, year)
        yield FieldRow(
            self.t("cm_f_order_date") + " *",
            Input(
                be(day), id="f-order_date", compact=True, validators=[Required(self.t("required")), ThaiDate(self.lang)]
            ),
            "order_date",
        )
        yield FieldRow(
            self.t("cm_f_number"),
            Input(id="f-number", compact=True, placeholder=self.t("cm_number_ph", next=nxt, year=year)),
            "number",
        )

    def collect(self):
        errors: dict = {}
        day = read_date(self, "order_date", errors, required=True)
        if not errors:
            # the draft checked as issuing will check it, before the final question: "issue it?
            # it cannot be changed" was asked, and only after y came "the draft lacks ..."
            try:
                replace(self.order, order_date=day).validate(for_issue=True)
            except ValidationError as exc:
                errors = {
                    "draft": (
                        "ร่างคำสั่งยังไม่ครบ (กด esc แล้วแก้ร่างด้วย e ก่อนออกคำสั่ง):",
                        "The draft is not complete (esc, then e to edit it, before issuing):",
                    )
                }
                errors.update(exc.errors)
        return (day, self.input_value("number")), errors

    def confirm_before_save(self, value) -> str:
        """Names what issuing does: the number the order gets and the order it replaces."""
        day, number = value
        year = date.fromisoformat(day).year + BE_OFFSET
        try:  # a number typed by hand is checked again (and claimed) by the save
            n = svc.parse_number(number, year) or svc.next_order_number(self.ctx, year)
        except ValidationError:
            n = svc.next_order_number(self.ctx, year)
        replaces = ""
        if self.order.supersedes:
            old = svc.get_order(self.ctx, self.order.supersedes)
            replaces = "\n" + self.t("cm_issue_replaces", ref=old.ref)
        text = self.t("cm_issue_final", draft=self.order.ref, ref=f"{n}/{year}", replaces=replaces)
        return office_digits(self.ctx, text)

    def save(self, value) -> Order:
        day, number = value
        return svc.issue(self.ctx, self.order.id, number or None, date.fromisoformat(day))


class RevokeModal(_OrderForm):
    TITLE = "cm_revoke_title"
    SUBMIT = "cm_revoke_do"

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(
            self.t("cm_f_revoked_on") + " *",
            date_input(self, "revoked_on", date.today()),
            "revoked_on",
        )
        yield FieldRow(
            self.t("cm_f_reason") + " *",
            Input(id="f-reason", compact=True, validators=[Required(self.t("required"))]),
            "reason",
        )

    def collect(self):
        errors: dict = {}
        day = read_date(self, "revoked_on", errors, required=True)
        if not self.input_value("reason"):
            errors["reason"] = ("ต้องระบุเหตุผลที่ยกเลิก", "give the reason")
        return (day, self.input_value("reason")), errors

    def save(self, value) -> Order:
        return svc.revoke(self.ctx, self.order.id, date.fromisoformat(value[0]), value[1])


class TemplateModal(FormModal[dict | None]):
    """Edit lists/texts of the office template: ``fields`` among preamble, duties, categories."""

    DEFAULT_CSS = FORM_CSS

    def __init__(self, fields: tuple[str, ...], title_key: str) -> None:
        super().__init__()
        self.fields = fields
        self.template = svc.get_template(self.ctx)
        self.title_text = self.t(title_key)

    def compose_fields(self) -> ComposeResult:
        labels = {"preamble": "cm_f_preamble", "duties": "cm_f_duties", "categories": "cs_f_category"}
        for name in self.fields:
            value = self.template[name]
            text = value if isinstance(value, str) else "\n".join(value)
            area = TextArea(text, id=f"f-{name}", compact=True)
            if name != "preamble":
                area.styles.height = 8
            yield FieldRow(self.t(labels[name]), area, name)
        if "preamble" in self.fields:
            yield Static(self.t("cm_preamble_hint"), classes="hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(TextArea).focus()

    def collect(self):
        values = {}
        for name in self.fields:
            text = self.query_one(f"#f-{name}", TextArea).text
            values[name] = text.strip() if name == "preamble" else [x.strip() for x in text.splitlines() if x.strip()]
        return values, {}

    def save(self, value: dict) -> dict:
        return svc.save_template(self.ctx, self.template["rev"], **value)
