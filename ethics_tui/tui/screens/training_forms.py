"""Form modals of the training-selection register: opportunity, nomination, rejection,
outcome, budget, attendance, and a non-selection question with its answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList, Static

from ethics_tui.model.staff import Staff
from ethics_tui.model.training import (
    ABSENT,
    KIND_LABELS,
    KINDS,
    OUTCOMES,
    REJECT_REASONS,
    STATUS_LABELS,
    Opportunity,
    Question,
)
from ethics_tui.service import training as svc
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.widgets.fields import (
    choice_options,
    choice_select,
    people_options,
    read_iso,
    read_yes_no,
    yes_no_select,
)
from ethics_tui.tui.widgets.form import FieldRow, FormModal, model_errors
from ethics_tui.tui.widgets.person_search import MatchList, PersonSearch
from ethics_tui.tui.widgets.plain import PlainSelectionList
from ethics_tui.tui.widgets.validators import Required, ThaiDate

REQ = ("ต้องกรอก", "required")


def _required(errors: dict, **values) -> None:
    """Mark each empty value's field as required (in the order given)."""
    errors.update({field: REQ for field, v in values.items() if not v})


def _date(form: FormModal, field: str, errors: dict, required: bool = False) -> str:
    return read_iso(form, field, errors, required, ("ต้องกรอกวันที่", "date required"))


def _number(form: FormModal, field: str, errors: dict, cast=float):
    typed = form.input_value(field).replace(",", "")
    from ethics_tui.thai.digits import to_arabic_digits

    try:
        return cast(to_arabic_digits(typed)) if typed else cast(0)
    except ValueError:
        errors[field] = ("ต้องเป็นตัวเลข", "must be a number")
        return cast(0)


class _Form(FormModal):
    """Rows from (field, widget); labels are the trf_<field> labels."""

    def row(self, field: str, widget, required: bool = False) -> FieldRow:
        return FieldRow(self.t(f"trf_{field}") + (" *" if required else ""), widget, field)

    def inp(self, field: str, value: str = "", required: bool = False, is_date: bool = False) -> FieldRow:
        validators = [Required(self.t("required"))] if required else []
        if is_date:
            validators.append(ThaiDate(self.lang))
        ph = self.t("date_ph") if is_date else ""
        return self.row(
            field, Input(value, id=f"f-{field}", compact=True, validators=validators, placeholder=ph), required
        )

    def on_mount(self) -> None:
        """Start on the first field, top to bottom (the base form focuses the first text box,
        which skips a person to choose above it: enter then walks past the choice to save)."""
        fields = self.query("Select, Input, SelectionList")
        if fields:  # after the base class has focused its text box (Textual runs both handlers)
            self.call_after_refresh(fields.first().focus)

    def person(self, field: str, value: int | None = None, required: bool = True) -> FieldRow:
        """A person from the staff register, found by typing part of a name, code or division
        (widgets/person_search.py): a plain list of every staff member had no search."""
        search = PersonSearch(
            self.ctx,
            placeholder=self.t("tr_person_ph"),
            chosen=self.t("tr_person_chosen"),
            value=value,
            lines=5,
            id=f"f-{field}",
        )
        return self.row(field, search, required)

    def person_value(self, field: str) -> int | None:
        return self.query_one(f"#f-{field}", PersonSearch).value

    def on_person_search_picked(self, event: PersonSearch.Picked) -> None:
        """A person picked: on to the next field (the search box itself is not a value)."""
        event.stop()
        self._revalidate()
        self.focus_next()
        if isinstance(self.focused, MatchList):  # from the search box, the list is next
            self.focus_next()

    def extra_values(self) -> tuple:
        return tuple(w.value for w in self.query(PersonSearch))

    def sel(self, field: str, options, value=None, required: bool = False) -> FieldRow:
        """A choice: no blank line while it shows a value (fields.choice_select)."""
        return self.row(field, choice_select(self, field, options, value), required)


def _d(iso: str) -> str:
    return format_date(iso, "numeric") if iso else ""


def _money(v: float) -> str:
    return f"{v:g}" if v else ""


class OpportunityFormModal(_Form):
    def __init__(self, opp: Opportunity | None) -> None:
        super().__init__()
        self.original = opp
        self.title_text = self.t("tr_opp_edit" if opp else "tr_opp_new")

    def compose_fields(self) -> ComposeResult:
        o = self.original
        yield self.sel("kind", choice_options(KIND_LABELS, self.lang), o.kind if o else KINDS[0], True)
        yield self.inp("title", o.title if o else "", True)
        yield self.inp("course_key", o.course_key if o else "")
        yield self.inp("organizer", o.organizer if o else "")
        yield self.inp("invite_no", o.invite_no if o else "")
        yield self.inp("invite_date", _d(o.invite_date) if o else "", is_date=True)
        yield self.inp("start_date", _d(o.start_date) if o else "", True, True)
        yield self.inp("end_date", _d(o.end_date) if o else "", is_date=True)
        yield self.inp("location", o.location if o else "")
        for f in ("cost_registration", "cost_travel", "cost_allowance"):
            yield self.inp(f, _money(getattr(o, f)) if o else "")
        yield self.inp("seats", str(o.seats) if o and o.seats else "")
        yield self.inp("eligibility", o.eligibility if o else "")
        # ethics: answered each time (it decides the readiness check); in-house: mostly not,
        # and the form shows so
        yield self.row("ethics", yes_no_select(self, "ethics", o.ethics if o else None), True)
        yield self.row("in_house", yes_no_select(self, "in_house", o.in_house if o else None, default=False))
        yield self.inp("project_budget", _money(o.project_budget) if o else "")

    def collect(self):
        errors: dict = {}
        values = {
            f: self.input_value(f) for f in ("title", "course_key", "organizer", "invite_no", "location", "eligibility")
        }
        dates = {f: _date(self, f, errors, f == "start_date") for f in ("invite_date", "start_date", "end_date")}
        money = {
            f: _number(self, f, errors)
            for f in ("cost_registration", "cost_travel", "cost_allowance", "project_budget")
        }
        base = self.original or Opportunity(KINDS[0], "", "")
        opp = replace(
            base,
            **values,
            **dates,
            **money,
            seats=_number(self, "seats", errors, int),
            kind=self.select_value("kind") or "",
            ethics=read_yes_no(self, "ethics", errors),
            in_house=read_yes_no(self, "in_house", errors),
        )
        if not errors.get("start_date") and opp.start_date:
            errors = model_errors(errors, opp.validate)
        return opp, errors

    def save(self, value: Opportunity) -> Opportunity:
        return svc.save_opportunity(self.ctx, value)


class NominationFormModal(_Form):
    def __init__(self, opp: Opportunity, staff: list[Staff], directors: list[Staff]) -> None:
        super().__init__()
        self.opp, self.staff, self.directors = opp, staff, directors
        self.title_text = self.t("tr_nom_title", title=opp.title)

    def compose_fields(self) -> ComposeResult:
        yield self.person("staff_id")
        yield self.sel("nominated_by", people_options(self.directors), required=True)
        yield self.inp("rationale", "", True)
        yield self.inp("nominated_on", format_date(date.today(), "numeric"), True, True)

    def collect(self):
        errors: dict = {}
        day = _date(self, "nominated_on", errors, True)
        value = (self.person_value("staff_id"), self.select_value("nominated_by"), self.input_value("rationale"), day)
        _required(errors, **dict(zip(("staff_id", "nominated_by", "rationale"), value)))
        return value, errors

    def save(self, value):
        staff_id, by, rationale, day = value
        return svc.nominate(self.ctx, self.opp.id, staff_id, by, rationale, day)


class ReasonForm(_Form):
    """A decision with a reason: a standard one (``REASONS``) or free text, one of them
    required ("other" needs the text), and the date. Subclasses name the three fields
    (``FIELDS``: code, text, date), the two messages and an optional hint line above."""

    REASONS: dict[str, tuple[str, str]] = {}
    FIELDS = ("code", "text", "day")
    NEEDS_REASON = ("", "")
    TYPE_REASON = ("", "")
    hint_key = ""

    def compose_fields(self) -> ComposeResult:
        code, text, day = self.FIELDS
        pick = 1 if self.lang == "en" else 0
        if self.hint_key:
            yield Static(self.t(self.hint_key), classes="hint", markup=False)
        yield self.sel(code, [(v[pick], k) for k, v in self.REASONS.items()], required=True)
        yield self.inp(text)
        yield self.inp(day, format_date(date.today(), "numeric"), True, True)

    def collect(self):
        errors: dict = {}
        code_field, text_field, day_field = self.FIELDS
        day = _date(self, day_field, errors, True)
        code, text = self.select_value(code_field) or "", self.input_value(text_field)
        if not code and not text:
            errors[code_field] = self.NEEDS_REASON
        if code == "other" and not text:
            errors[text_field] = self.TYPE_REASON
        return (code, text, day), errors


class RejectModal(ReasonForm):
    """The executive's rejection: a standard reason or free text (one of them is required)."""

    REASONS = REJECT_REASONS
    FIELDS = ("reject_code", "reject_text", "decided_on")
    NEEDS_REASON = ("การไม่อนุมัติต้องระบุเหตุผล", "a rejection needs a reason")
    TYPE_REASON = ("ต้องพิมพ์เหตุผลที่ไม่อนุมัติ", "type the reason for the rejection")

    def __init__(self, nom_id: int, name: str) -> None:
        super().__init__()
        self.nom_id = nom_id
        self.title_text = self.t("tr_reject_title", name=name)

    def save(self, value):
        code, text, day = value
        return svc.decide(self.ctx, self.nom_id, False, date.fromisoformat(day), code, text)


class OutcomeModal(_Form):
    def __init__(self, nom, name: str, scholarship: bool) -> None:
        super().__init__()
        self.nom, self.scholarship = nom, scholarship
        self.title_text = self.t("tr_outcome_title", name=name)

    def compose_fields(self) -> ComposeResult:
        n, pick = self.nom, 1 if self.lang == "en" else 0
        yield self.sel("outcome", [(STATUS_LABELS[o][pick], o) for o in OUTCOMES if o], n.outcome or None, True)
        yield self.inp("certificate_date", _d(n.certificate_date), is_date=True)
        yield self.inp("absent_reason", n.absent_reason)
        if self.scholarship:
            yield self.inp("conditions", n.conditions)
            yield self.inp("bond_months", str(n.bond_months or ""))
        if n.outcome:  # a correction, never a silent rewrite: why (kept on the record)
            yield self.inp("outcome_note", "", True)

    def collect(self):
        errors: dict = {}
        outcome = self.select_value("outcome") or ""
        _required(errors, outcome=outcome)
        cert = _date(self, "certificate_date", errors)
        reason = self.input_value("absent_reason")
        if outcome == ABSENT and not reason:
            errors["absent_reason"] = ("ต้องระบุเหตุผลที่ไม่ได้เข้าร่วม", "give the reason for not attending")
        cond = self.input_value("conditions") if self.scholarship else ""
        bond = _number(self, "bond_months", errors, int) if self.scholarship else 0
        note = self.input_value("outcome_note") if self.nom.outcome else ""
        if self.nom.outcome and not note:
            errors["outcome_note"] = ("การแก้ไขผลที่บันทึกแล้วต้องระบุเหตุผล", "a correction needs a reason")
        return (outcome, cert, reason, cond, bond, note), errors

    def save(self, value):
        *fields, note = value
        return svc.record_outcome(self.ctx, self.nom.id, *fields, note=note)


class BudgetModal(_Form):
    def __init__(self, fy: int, divisions: list[tuple[str, int]], current: dict[int, float]) -> None:
        super().__init__()
        self.fy, self.divisions, self.current = fy, divisions, current
        self.title_text = self.t("tr_budget_title", fy=fy)

    def compose_fields(self) -> ComposeResult:
        yield self.sel("division", [(self.t("tr_office_wide"), 0)] + self.divisions, 0)
        yield self.inp("amount", _money(self.current.get(0, 0.0)), True)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "f-division" and isinstance(event.value, int):
            self.query_one("#f-amount", Input).value = _money(self.current.get(event.value, 0.0))
        super().on_select_changed(event)

    def collect(self):
        errors: dict = {}
        amount = _number(self, "amount", errors)
        return (amount, self.select_value("division") or 0), errors

    def save(self, value):
        amount, div = value
        return svc.set_budget(self.ctx, self.fy, amount, div)


class AttendanceModal(_Form):
    """Who of the staff attended an in-house project, plus the count of outside participants."""

    def __init__(self, opp: Opportunity, staff: list[Staff]) -> None:
        super().__init__()
        self.opp, self.staff = opp, staff
        self.title_text = self.t("tr_attend_title", title=opp.title)

    def compose_fields(self) -> ComposeResult:
        chosen = set(self.opp.attendees)
        box = PlainSelectionList(
            *[(f"{s.full_name} · {s.position}", s.id, s.id in chosen) for s in self.staff], id="f-attendees"
        )
        box.styles.height = 14
        yield box
        yield self.inp("outside_count", str(self.opp.outside_count))

    def collect(self):
        errors: dict = {}
        outside = _number(self, "outside_count", errors, int)
        return (list(self.query_one("#f-attendees", SelectionList).selected), outside), errors

    def save(self, value):
        return svc.set_attendance(self.ctx, self.opp.id, *value)


class QuestionFormModal(_Form):
    def __init__(self, staff: list[Staff], opps: list[Opportunity]) -> None:
        super().__init__()
        self.staff, self.opps = staff, opps
        self.title_text = self.t("tr_question_title")

    def compose_fields(self) -> ComposeResult:
        yield self.sel("staff_id", people_options(self.staff), required=True)
        general = [(self.t("tr_about_general"), 0)]  # what a blank meant, said (and shown) as such
        yield self.sel("opportunity_id", general + [(o.title, o.id) for o in self.opps], 0)
        yield self.inp("question", "", True)
        yield self.inp("asked_on", format_date(date.today(), "numeric"), True, True)

    def collect(self):
        errors: dict = {}
        day = _date(self, "asked_on", errors, True)
        staff_id, text = self.select_value("staff_id"), self.input_value("question")
        _required(errors, staff_id=staff_id, question=text)
        return (staff_id, text, day, self.select_value("opportunity_id") or 0), errors

    def save(self, value) -> Question:
        staff_id, text, day, opp = value
        return svc.ask(self.ctx, staff_id, text, date.fromisoformat(day), opp)


class AnswerModal(_Form):
    def __init__(self, q: Question, answerers: list[Staff]) -> None:
        super().__init__()
        self.q, self.answerers = q, answerers
        self.title_text = self.t("tr_answer_title")

    def compose_fields(self) -> ComposeResult:
        yield self.sel("answered_by", people_options(self.answerers), self.q.answered_by or None, True)
        yield self.inp("answer", self.q.answer, True)
        yield self.inp("answered_on", _d(self.q.answered_on) or format_date(date.today(), "numeric"), True, True)

    def collect(self):
        errors: dict = {}
        day = _date(self, "answered_on", errors, True)
        by, text = self.select_value("answered_by"), self.input_value("answer")
        _required(errors, answered_by=by, answer=text)
        return (by, text, day), errors

    def save(self, value) -> Question:
        by, text, day = value
        return svc.answer(self.ctx, self.q.id, by, text, date.fromisoformat(day))
