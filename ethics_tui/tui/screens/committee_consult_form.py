"""Record or edit a consultation. The requester is confidential: shown only here, to the
committee, and the opening is logged by the service (get_consultation)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, SelectionList, TextArea

from ethics_tui.model import committee as m
from ethics_tui.model.committee import Consultation
from ethics_tui.model.labels import label
from ethics_tui.service import committee as svc
from ethics_tui.service import committee_consultations
from ethics_tui.service import staff as staff_svc
from ethics_tui.tui.i18n import TEXT, pick
from ethics_tui.tui.screens.committee_form import FORM_CSS, be, read_date
from ethics_tui.tui.widgets.form import FieldRow, FormModal, model_errors
from ethics_tui.tui.widgets.plain import PlainSelect, PlainSelectionList
from ethics_tui.tui.widgets.validators import Required, ThaiDate

CSS = (
    FORM_CSS
    + """
#f-handled_by { height: 6; width: 1fr; }
#f-advice, #f-question { height: 4; }
"""
)


class ConsultationFormModal(FormModal[Consultation | None]):
    DEFAULT_CSS = CSS

    def __init__(self, consultation: Consultation | None) -> None:
        super().__init__()
        self.original = consultation
        self.title_text = self.t("cs_edit_title" if consultation else "cs_new_title")
        self.staff_names = {r.staff.full_name: r.staff.id for r in staff_svc.search(self.ctx, include_inactive=True)}
        self.members_on = ""

    def compose_fields(self) -> ComposeResult:
        c = self.original
        day = c.consulted_on if c else date.today().isoformat()
        yield FieldRow(
            self.t("cs_f_consulted_on") + " *",
            Input(
                be(day),
                id="f-consulted_on",
                compact=True,
                validators=[Required(self.t("required")), ThaiDate(self.lang)],
            ),
            "consulted_on",
        )
        yield self._select(
            "channel", [(pick(v, self.lang), k) for k, v in m.CHANNELS.items()], c.channel if c else None
        )
        cats = svc.get_template(self.ctx)["categories"]
        if c and c.category not in cats:
            cats = [*cats, c.category]
        yield self._select(
            "category", [(label(m.CATEGORY_LABELS, x, self.lang), x) for x in cats], c.category if c else None
        )
        kinds = [(pick(v, self.lang), k) for k, v in m.REQUESTER_KINDS.items()]
        yield self._select("requester_kind", kinds, c.requester_kind if c else "staff")
        yield FieldRow(
            self.t("cs_f_requester"),
            Input(
                c.requester if c else "",
                id="f-requester",
                compact=True,
                suggester=SuggestFromList(list(self.staff_names)),
            ),
            "requester",
        )
        yield FieldRow(
            self.t("cs_f_question") + " *", TextArea(c.question if c else "", id="f-question", compact=True), "question"
        )
        yield FieldRow(self.t("cs_f_advice"), TextArea(c.advice if c else "", id="f-advice", compact=True), "advice")
        yield FieldRow(
            self.t("cs_f_handled_by") + " *", PlainSelectionList(id="f-handled_by", compact=True), "handled_by"
        )
        yield self._select(
            "status", [(pick(v, self.lang), k) for k, v in m.CONSULT_STATUSES.items()], c.status if c else "open"
        )
        yield FieldRow(
            self.t("cs_f_follow_up"),
            Input(
                be(c.follow_up) if c else "",
                id="f-follow_up",
                compact=True,
                placeholder=self.t("date_ph"),
                validators=[ThaiDate(self.lang)],
            ),
            "follow_up",
        )
        yield FieldRow(self.t("cs_f_dos_ref"), Input(c.dos_ref if c else "", id="f-dos_ref", compact=True), "dos_ref")

    def _select(self, name: str, options: list, value) -> FieldRow:
        value = value if any(v == value for _, v in options) else Select.NULL
        box = PlainSelect(options, value=value, prompt=self.t("choose"), id=f"f-{name}", compact=True)
        return FieldRow(self.t(f"cs_f_{name}") + " *", box, name)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_members(self.original.handled_by if self.original else [])

    def refresh_members(self, chosen: list[str]) -> None:
        """Offer the members of the committee in force on the typed date."""
        errors: dict = {}
        day = read_date(self, "consulted_on", errors) or date.today().isoformat()
        if day == self.members_on:
            return
        self.members_on = day
        box = self.query_one("#f-handled_by", SelectionList)
        keep = set(chosen) | set(box.selected)
        box.clear_options()
        members = svc.current_committee(self.ctx, date.fromisoformat(day))
        for x in members:
            box.add_option((f"{x.name} ({label(m.ROLE_LABELS, x.role, self.lang)})", x.name, x.name in keep))
        box.border_subtitle = "" if members else self.t("cs_no_members")
        # the compact list has no border, so say it on the field's own line too
        if not self.submitted_once:
            row = self.query_one("#row-handled_by", FieldRow)
            # after the form's own mount handler, which clears every error line
            self.call_after_refresh(row.set_error, None if members else self.t("cs_no_members"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-consulted_on":
            self.refresh_members([])
        super().on_input_changed(event)

    def collect(self):
        errors: dict = {}
        day = read_date(self, "consulted_on", errors, required=True)
        follow = read_date(self, "follow_up", errors)
        kind = self.select_value("requester_kind") or ""
        name = self.input_value("requester") if kind != "anonymous" else ""
        sid = self.staff_names.get(name) if kind == "staff" else None
        base = self.original or Consultation("", "", "", "")
        c = replace(
            base,
            consulted_on=day,
            channel=self.select_value("channel") or "",
            category=self.select_value("category") or "",
            requester_kind=kind,
            requester=name,
            requester_staff_id=str(sid) if sid else "",
            question=self.query_one("#f-question", TextArea).text.strip(),
            advice=self.query_one("#f-advice", TextArea).text.strip(),
            handled_by=list(self.query_one("#f-handled_by", SelectionList).selected),
            status=self.select_value("status") or "",
            follow_up=follow,
            dos_ref=self.input_value("dos_ref"),
        )
        if not self.query_one("#f-handled_by", SelectionList).option_count:
            errors["handled_by"] = TEXT["cs_no_members"]
        if kind == "staff" and name and sid is None:
            errors["requester"] = (
                "ไม่พบชื่อนี้ในทะเบียนบุคลากร (เลือกจากคำแนะนำ หรือเลือกบุคคลภายนอก)",
                "not in the staff register (pick a suggestion, or choose outsider)",
            )
        categories = svc.get_template(self.ctx)["categories"] + ([base.category] if base.category else [])
        return c, model_errors(errors, lambda: c.validate(categories))

    def save(self, value: Consultation) -> Consultation:
        return committee_consultations.save_consultation(self.ctx, value)
