"""Typed form modals of the appraisal register: round (bands, weights, criteria), refusal with
a witness, grievance, grievance decision, and score revision."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, TextArea

from ethics_tui.errors import ValidationError
from ethics_tui.model import appraisal as m
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service import staff as staff_svc
from ethics_tui.thai.digits import to_arabic_digits
from ethics_tui.tui.widgets.fields import date_input, people_options, read_date
from ethics_tui.tui.widgets.form import FieldRow, FormModal
from ethics_tui.tui.widgets.plain import PlainSelect
from ethics_tui.tui.widgets.validators import Required

AREA_CSS = "{cls} TextArea {{ height: 4; width: 1fr; }}"


def bands_text(bands: list) -> str:
    return ", ".join(f"{lvl}={low.removesuffix('.00')}" for lvl, low in bands)


def parse_bands(text: str) -> list:
    out = []
    for part in to_arabic_digits(text).replace(";", ",").split(","):
        if part.strip():
            level, _, low = part.partition("=")
            out.append([level.strip(), low.strip() or "x"])
    return out


class _DateForm(FormModal):
    def date_field(self, name: str, value: date | str | None = None) -> Input:
        return date_input(self, name, value)

    def read_date(self, name: str, errors: dict, required: bool = True) -> date | None:
        return read_date(self, name, errors, required)


class RoundFormModal(_DateForm):
    """New or edited round; a new one starts from the office defaults (bands 90/80/70/60, 70/30)."""

    DEFAULT_CSS = AREA_CSS.format(cls="RoundFormModal")

    def __init__(self, rnd: m.AppraisalRound | None) -> None:
        super().__init__()
        self.original = rnd
        self.title_text = self.t("ap_form_edit" if rnd else "ap_form_new")

    def compose_fields(self) -> ComposeResult:
        r = self.original
        if r is None:
            d = svc.get_defaults(self.ctx)
            fy, no = m.round_of(date.today())
            r = m.AppraisalRound(
                fy,
                no,
                bands=d["bands"],
                weights=d["weights"],
                grievance_days=d["grievance_days"],
                decision_days=d["decision_days"],
            )
        edit = self.original is not None
        yield FieldRow(
            self.t("ap_f_fiscal_year"),
            Input(str(r.fiscal_year), id="f-fiscal_year", compact=True, disabled=edit),
            "fiscal_year",
        )
        yield FieldRow(
            self.t("ap_f_round_no"), Input(str(r.round_no), id="f-round_no", compact=True, disabled=edit), "round_no"
        )
        yield FieldRow(self.t("ap_f_bands"), Input(bands_text(r.bands), id="f-bands", compact=True), "bands")
        yield FieldRow(
            self.t("ap_f_weights"),
            Input(f"{r.weights['results']}/{r.weights['competency']}", id="f-weights", compact=True),
            "weights",
        )
        yield FieldRow(
            self.t("ap_f_grievance_days"),
            Input(str(r.grievance_days), id="f-grievance_days", compact=True),
            "grievance_days",
        )
        yield FieldRow(
            self.t("ap_f_decision_days"),
            Input(str(r.decision_days), id="f-decision_days", compact=True),
            "decision_days",
        )
        yield FieldRow(
            self.t("ap_f_criteria_published"),
            self.date_field("criteria_published", r.criteria_published),
            "criteria_published",
        )
        yield FieldRow(
            self.t("ap_f_criteria_channels"),
            Input(", ".join(r.criteria_channels), id="f-criteria_channels", compact=True),
            "criteria_channels",
        )
        yield FieldRow(
            self.t("ap_f_criteria_file"), Input(r.criteria_file, id="f-criteria_file", compact=True), "criteria_file"
        )
        yield FieldRow(
            self.t("ap_f_criteria_text"),
            TextArea(r.criteria_text, id="f-criteria_text", soft_wrap=True),
            "criteria_text",
        )
        yield FieldRow("", Checkbox(self.t("ap_f_make_default"), id="f-make_default", compact=True), "make_default")

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}

        def integer(name: str) -> int:
            try:
                return int(to_arabic_digits(self.input_value(name)))
            except ValueError:
                errors[name] = ("ต้องเป็นตัวเลข", "must be a number")
                return 0

        weights = to_arabic_digits(self.input_value("weights")).replace(" ", "").split("/")
        published = self.read_date("criteria_published", errors, required=False)
        base = self.original or m.AppraisalRound(integer("fiscal_year"), integer("round_no"))
        rnd = m.AppraisalRound(
            base.fiscal_year,
            base.round_no,
            bands=parse_bands(self.input_value("bands")),
            weights=dict(zip(m.COMPONENTS, weights)) if len(weights) == 2 else {},
            grievance_days=integer("grievance_days"),
            decision_days=integer("decision_days"),
            criteria_text=self.query_one("#f-criteria_text", TextArea).text.strip(),
            criteria_published=published.isoformat() if published else "",
            criteria_channels=[c.strip() for c in self.input_value("criteria_channels").split(",") if c.strip()],
            criteria_file=self.input_value("criteria_file"),
            status=base.status,
            tally=base.tally,
            id=base.id,
            rev=base.rev,
        )
        if not errors:
            try:
                rnd.validate()
            except ValidationError as exc:
                errors.update(exc.errors)
        return rnd, errors

    def save(self, rnd: m.AppraisalRound) -> m.AppraisalRound:
        if self.query_one("#f-make_default", Checkbox).value:
            svc.save_defaults(self.ctx, rnd.bands, rnd.weights, rnd.grievance_days, rnd.decision_days)
        return svc.update_round(self.ctx, rnd) if self.original else svc.create_round(self.ctx, rnd)


def staff_options(ctx) -> list[tuple[str, int]]:
    return people_options(r.staff for r in staff_svc.search(ctx))


class _ResultForm(_DateForm):
    """A form about one appraisee's result row, titled by the text ``TITLE`` with their name."""

    TITLE = ""

    def __init__(self, row: svc.ResultRow) -> None:
        super().__init__()
        self.row = row
        self.title_text = self.t(self.TITLE, name=row.staff.full_name)


class RefusalModal(_ResultForm):
    """The appraisee refused to sign: date, witness (picker or free text), note."""

    DEFAULT_CSS = AREA_CSS.format(cls="RefusalModal")
    TITLE = "ap_refuse_title"

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(self.t("ap_f_on"), self.date_field("on", date.today()), "on")
        yield FieldRow(
            self.t("ap_f_witness"),
            PlainSelect(staff_options(self.ctx), prompt=self.t("choose"), id="f-witness", compact=True),
            "witness",
        )
        yield FieldRow(self.t("ap_f_witness_name"), Input(id="f-witness_name", compact=True), "witness_name")
        yield FieldRow(
            self.t("ap_f_witness_position"), Input(id="f-witness_position", compact=True), "witness_position"
        )
        yield FieldRow(self.t("ap_f_note"), TextArea(id="f-note", soft_wrap=True), "note")

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        on = self.read_date("on", errors)
        value = {
            "on": on,
            "witness_id": self.select_value("witness"),
            "witness_name": self.input_value("witness_name"),
            "witness_position": self.input_value("witness_position"),
            "note": self.query_one("#f-note", TextArea).text,
        }
        if value["witness_id"] is None and not value["witness_name"]:
            errors["witness"] = (
                "กรณีไม่ยอมลงนาม ต้องมีพยาน (เลือกบุคลากร หรือพิมพ์ชื่อ)",
                "a refusal needs a witness (pick or type)",
            )
        return value, errors

    def save(self, v: dict):
        return appraisal_review.refuse(
            self.ctx, self.row.result.id, v["on"], v["witness_id"], v["witness_name"], v["witness_position"], v["note"]
        )


class GrievanceModal(_ResultForm):
    DEFAULT_CSS = AREA_CSS.format(cls="GrievanceModal")
    TITLE = "ap_griev_new"

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(self.t("ap_f_filed_on"), self.date_field("filed_on", date.today()), "filed_on")
        yield FieldRow(
            self.t("ap_f_addressed_to"),
            Input(
                self.ctx.msg("นายกองค์การบริหารส่วนตำบล", "the chief executive"),
                id="f-addressed_to",
                compact=True,
                validators=[Required(self.t("required"))],
            ),
            "addressed_to",
        )
        yield FieldRow(self.t("ap_f_grounds"), TextArea(id="f-grounds", soft_wrap=True), "grounds")

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        on = self.read_date("filed_on", errors)
        if not self.input_value("addressed_to"):
            errors["addressed_to"] = ("ต้องระบุผู้รับคำร้องทุกข์", "say to whom it is addressed")
        return {
            "on": on,
            "to": self.input_value("addressed_to"),
            "grounds": self.query_one("#f-grounds", TextArea).text,
        }, errors

    def save(self, v: dict):
        return appraisal_review.file_grievance(self.ctx, self.row.result.id, v["on"], v["to"], v["grounds"])


class DecisionModal(_DateForm):
    DEFAULT_CSS = AREA_CSS.format(cls="DecisionModal")

    def __init__(self, g: m.Grievance) -> None:
        super().__init__()
        self.g = g
        self.title_text = self.t("ap_decide_title")

    def compose_fields(self) -> ComposeResult:
        k = 1 if self.lang == "en" else 0
        options = [(m.GRIEVANCE_LABELS[s][k], s) for s in m.GRIEVANCE_STATUSES]
        yield FieldRow(
            self.t("ap_f_status"),
            PlainSelect(options, value=self.g.status, id="f-status", compact=True, allow_blank=False),
            "status",
        )
        yield FieldRow(
            self.t("ap_f_decided_on"), self.date_field("decided_on", self.g.decided_on or date.today()), "decided_on"
        )
        outcome = self.g.outcome if isinstance(self.g.outcome, str) else ""
        yield FieldRow(self.t("ap_f_outcome"), TextArea(outcome, id="f-outcome", soft_wrap=True), "outcome")

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        status = self.select_value("status")
        on = self.read_date("decided_on", errors, required=status not in m.GRIEVANCE_OPEN)
        return {"status": status, "on": on, "outcome": self.query_one("#f-outcome", TextArea).text}, errors

    def save(self, v: dict):
        return appraisal_review.decide_grievance(self.ctx, self.g.id, v["status"], v["on"], v["outcome"])


class ReviseModal(_DateForm):
    """New scores after an upheld grievance (the old ones stay in the history)."""

    def __init__(self, g: m.Grievance, rnd: m.AppraisalRound) -> None:
        super().__init__()
        self.g = g
        self.rnd = rnd
        self.title_text = self.t("ap_revise_title")

    def compose_fields(self) -> ComposeResult:
        w = self.rnd.weights
        yield FieldRow(self.t("ap_entry_results", w=w["results"]), Input(id="f-results", compact=True), "results")
        yield FieldRow(
            self.t("ap_entry_competency", w=w["competency"]), Input(id="f-competency", compact=True), "competency"
        )
        yield FieldRow(self.t("ap_f_on"), self.date_field("on", date.today()), "on")

    def collect(self):
        errors: dict[str, tuple[str, str]] = {}
        on = self.read_date("on", errors)
        value = {"results": self.input_value("results"), "competency": self.input_value("competency"), "on": on}
        for name in ("results", "competency"):
            try:
                m.parse_score(value[name], name, self.rnd.weights[name])
            except ValidationError as exc:
                errors.update(exc.errors)
        return value, errors

    def save(self, v: dict):
        return appraisal_review.revise_after_grievance(
            self.ctx, self.g.id, v["results"], v["competency"], None, v["on"]
        )
