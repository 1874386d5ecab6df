"""คัดเลือกฝึกอบรม/ศึกษาดูงาน/ทุน: opportunities of a fiscal year, their nominations with the
rule checks, HR forwarding, the executive's approve / reject-with-reason, outcomes, in-house
attendance, the budget, the memo PDF; ``y`` opens the year-end view, ``q`` the questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ethics_tui.errors import UserError
from ethics_tui.model.labels import label
from ethics_tui.model.training import KIND_LABELS, REJECTED, STATUS_LABELS, Nomination, Opportunity
from ethics_tui.service import training as svc
from ethics_tui.service import training_stats
from ethics_tui.service.access import require
from ethics_tui.service.settings import list_divisions
from ethics_tui.thai.dates import fiscal_year, format_date
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.training_changes import DIRECTORS, NominationChanges
from ethics_tui.tui.screens.training_forms import (
    AttendanceModal,
    BudgetModal,
    NominationFormModal,
    OpportunityFormModal,
    OutcomeModal,
    RejectModal,
)
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import RecordTable, cell
from ethics_tui.tui.widgets.saving import confirm_write, run_write

OPP_COLS = (("date", 12), ("kind", 10), ("title", 46), ("cost", 12), ("seats", 6), ("noms", 8), ("flags", 19))
NOM_COLS = (("name", 26), ("division", 24), ("status", 18), ("checks", 44))
CHECK_STYLE = {"warn": "bold red", "hint": "yellow", "ok": "green"}


def money(v: float | None) -> str:
    return "-" if v is None else f"{v:,.2f}"


class TrainingScreen(
    NominationChanges,
    ListScreen,
    table_id="tr-opps",
    columns=OPP_COLS,
    flex="title",
    min_flex=16,
    priority=("date", "noms", "seats", "cost", "flags", "kind"),
    column_label="trc_{}",
    title_key="tr_title",
):
    DEFAULT_CSS = """
    TrainingScreen #tr-opps { height: 12; }
    TrainingScreen #tr-noms { height: 1fr; }
    TrainingScreen #tr-budget, TrainingScreen #tr-opp-info, TrainingScreen #tr-checks { padding: 0 1; }
    TrainingScreen #tr-checks { height: 6; }
    TrainingScreen.-short #tr-opps { height: 7; }
    TrainingScreen.-short #tr-checks { height: 3; }
    """
    #: 80x24: both tables keep rows on screen, nothing scrolls off (again after a resize)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys(
        "training",
        Binding("left_square_bracket", "fy(-1)", "tr_prev", show=False),
        Binding("right_square_bracket", "fy(1)", "tr_next", show=False),
        after_back=("year",),  # the year-end summary after esc: at 80x24 q and esc have room
    )

    def __init__(self, then: str | None = None) -> None:
        super().__init__(then)
        self.fy = fiscal_year(date.today())
        self.noms: dict[int, Nomination] = {}

    @property
    def opps(self) -> dict[int, Opportunity]:
        return self.rows

    def compose_top(self) -> ComposeResult:
        yield Static("", id="tr-budget", markup=False)

    def compose_bottom(self) -> ComposeResult:
        yield Static("", id="tr-opp-info", markup=False)
        yield RecordTable(NOM_COLS, flex="checks", min_flex=20, priority=("name", "status", "division"), id="tr-noms")
        yield Static("", id="tr-checks", markup=False)

    def prepare(self) -> None:
        years = svc.fiscal_years(self.ctx)
        if years and self.fy not in years:
            self.fy = max(y for y in years if y <= self.fy) if any(y <= self.fy for y in years) else years[0]

    # -- data ------------------------------------------------------------------------------
    @property
    def opp_table(self) -> RecordTable:
        return self.table

    @property
    def nom_table(self) -> RecordTable:
        return self.query_one("#tr-noms", RecordTable)

    def records(self):
        self.title = self.t("tr_fy", fy=self.d(self.fy))
        self.counts: dict[int, int] = {}
        for n in svc.list_nominations(self.ctx, fy=self.fy):
            self.counts[n.opportunity_id] = self.counts.get(n.opportunity_id, 0) + (not n.withdrawn)
        return svc.list_opportunities(self.ctx, self.fy)

    def row_cells(self, o: Opportunity) -> list:
        flags = " ".join(
            x for x in (self.t("tr_in_house") if o.in_house else "", self.t("tr_ethics") if o.ethics else "") if x
        )
        return [
            self.date(o.start_date, empty=""),
            label(KIND_LABELS, o.kind, self.lang),
            self.d(o.title),
            self.d(money(o.cost_per_person)),
            self.d(o.seats or "-"),
            self.d(len(o.attendees) if o.in_house else self.counts.get(o.id, 0)),
            flags,
        ]

    def after_reload(self) -> None:
        self.show_budget()
        self.show_nominations()

    def show_budget(self) -> None:
        lines = training_stats.budget_lines(self.ctx, self.fy)
        known = [b for b in lines if b.amount is not None]
        if not known:
            text = self.hint_text("tr_no_budget", "tr_no_budget_read", "budget")
        else:
            text = self.t(
                "tr_budget",
                amount=money(sum(b.amount for b in known)),
                committed=money(sum(b.committed for b in known)),
                spent=money(sum(b.spent for b in known)),
                remaining=money(sum(b.remaining for b in known)),
            )
        self.query_one("#tr-budget", Static).update(self.d(self.t("tr_fy", fy=self.fy) + " · " + text))

    def show_nominations(self, keep: int | None = None) -> None:
        opp = self.opps.get(self.opp_table.record_id or 0)
        table = self.nom_table
        self.noms = {}
        info = self.query_one("#tr-opp-info", Static)
        if opp is None:
            table.load([])
            info.update(self.t("tr_none"))
            self.query_one("#tr-checks", Static).update("")
            return
        place = f"{opp.organizer} · {opp.location}".strip(" ·")
        if opp.in_house:
            place += " · " + self.hint_text(
                "tr_attendance", "tr_attendance_read", "attendance", staff=len(opp.attendees), outside=opp.outside_count
            )
        info.update(self.d(f"{opp.title} — {place}"))
        staff = svc.staff_map(self.ctx)
        divs = {d.id: d.name for d in list_divisions(self.ctx)}
        rows = []
        for n in svc.list_nominations(self.ctx, opp.id):
            self.noms[n.id] = n
            s = staff.get(n.staff_id)
            checks = [c for c in training_stats.checks(self.ctx, n) if c.level != "ok"]
            summary = Text()
            for c in checks:
                summary.append("● ", style=CHECK_STYLE[c.level])
            summary.append(self.d("; ".join(c.text(self.lang) for c in checks)) or n.withdraw_reason(self.lang) or "✓")
            style = "red" if n.decision == REJECTED and not n.withdrawn else "dim" if n.withdrawn else ""
            status = cell(self.pick(STATUS_LABELS[n.status]), style)
            rows.append((n.id, [s.full_name if s else "-", divs.get(s.division_id, "") if s else "", status, summary]))
        table.load(rows, keep=keep)
        self.show_checks()

    def show_checks(self) -> None:
        box = self.query_one("#tr-checks", Static)
        n = self.noms.get(self.nom_table.record_id or 0)
        if n is None:
            box.update(self.t("tr_checks_none") if self.opps else "")
            return
        staff = svc.staff_map(self.ctx)
        by = staff.get(n.nominated_by)
        out = Text()
        if n.withdrawn:  # first: the panel is 3 lines at 80x24
            day = format_date(n.withdrawn_on, "abbr", self.digits, self.lang)
            out.append(
                self.d(self.t("tr_withdrawn_line", date=day, reason=n.withdraw_reason(self.lang))) + "\n", "bold"
            )
        out.append(
            self.d(
                f"{self.t('tr_nominated_by')}: {by.full_name if by else '-'} · {self.t('tr_rationale')}: {n.rationale}\n"  # noqa: E501 - one message
            )
        )
        if n.cost is not None:
            out.append(self.d(self.t("tr_own_cost", cost=money(n.cost))) + "\n")
        for c in training_stats.checks(self.ctx, n):
            out.append("● ", style=CHECK_STYLE[c.level])
            out.append(self.d(c.text(self.lang)) + "\n")
        if n.decision:
            out.append(
                self.d(
                    f"{self.t('tr_decision')}: {STATUS_LABELS[n.decision][1 if self.lang == 'en' else 0]} "
                    f"{format_date(n.decided_on, 'abbr', self.digits, self.lang)} {n.reject_reason(self.lang)}\n"
                )
            )
        if n.outcome_note:
            out.append(self.d(self.t("tr_outcome_note", note=n.outcome_note)))
        box.update(out)

    # -- events ----------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "tr-opps":
            self.show_nominations()
        else:
            self.show_checks()

    # -- helpers ---------------------------------------------------------------------------
    def need_opp(self) -> Opportunity | None:
        opp = self.opps.get(self.opp_table.record_id or 0)
        if opp is None:
            self.notify(self.t("tr_pick_opp"), severity="warning")
        return opp

    def need_nom(self) -> Nomination | None:
        n = self.noms.get(self.nom_table.record_id or 0)
        if n is None:
            self.notify(self.t("tr_pick_nom"), severity="warning")
        return n

    def name_of(self, staff_id: int) -> str:
        s = svc.staff_map(self.ctx).get(staff_id)
        return s.full_name if s else str(staff_id)

    def active_staff(self):
        return sorted((s for s in svc.staff_map(self.ctx).values() if s.active), key=lambda s: (s.division_id, s.id))

    # -- actions ---------------------------------------------------------------------------
    def action_fy(self, step: int) -> None:
        self.fy += step
        self.reload()

    def action_new(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        self.app.push_screen(OpportunityFormModal(None), self._opp_saved)

    def action_edit(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        if self.nom_table.has_focus:  # e on a nomination edits the nomination
            return self.action_edit_nomination()
        opp = self.need_opp()
        if opp is not None:
            self.app.push_screen(OpportunityFormModal(svc.get_opportunity(self.ctx, opp.id)), self._opp_saved)

    def _opp_saved(self, opp: Opportunity | None) -> None:
        if opp is None:
            return
        self.fy = opp.fiscal_year
        self.reload(select_id=opp.id)
        self.notify(self.t("tr_saved", title=opp.title), markup=False)

    def action_nominate(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        opp = self.need_opp()
        if opp is None:
            return
        staff = self.active_staff()
        directors = [s for s in staff if s.position.startswith(DIRECTORS)] or staff

        def done(n: Nomination | None) -> None:
            if n is not None:
                self.reload()
                self.show_nominations(keep=n.id)
                self.nom_table.focus()
                self.notify(self.t("tr_nominated", name=self.name_of(n.staff_id)), markup=False)

        self.app.push_screen(NominationFormModal(opp, staff, directors), done)

    def action_forward(self) -> None:
        waiting = [n.id for n in self.noms.values() if not n.forwarded_on and not n.withdrawn]

        def forwarded(n: int) -> None:
            self.show_nominations()
            self.notify(self.t("tr_forwarded", n=self.d(n)))

        run_write(self, lambda: svc.forward(self.ctx, waiting, date.today()), forwarded)

    def action_approve(self) -> None:
        require(self.ctx, "training.decide")  # a refusal becomes a Thai notification
        n = self.need_nom()
        if n is None:
            return
        name, title = self.name_of(n.staff_id), self.opps[n.opportunity_id].title
        _decided_for_good(n)
        if n.decision == REJECTED:  # never reverse a rejection silently (one seat, two approved)
            from ethics_tui.tui.i18n import t

            raise UserError(
                t("tr_approve_rejected", "th", name=name, title=title),
                t("tr_approve_rejected", "en", name=name, title=title),
            )

        def approved(_result) -> None:
            self.reload()
            self.show_nominations(keep=n.id)
            self.notify(self.t("tr_approved", name=name), markup=False)

        question = self.t("tr_approve_q", name=name, title=title)
        confirm_write(self, question, lambda: svc.decide(self.ctx, n.id, True, date.today()), approved, danger=False)

    def action_reject(self) -> None:
        require(self.ctx, "training.decide")
        n = self.need_nom()
        if n is None:
            return
        _decided_for_good(n)
        name = self.name_of(n.staff_id)

        def done(saved: Nomination | None) -> None:
            if saved is not None:
                self.reload()
                self.show_nominations(keep=saved.id)
                self.notify(self.t("tr_rejected", name=name, reason=saved.reject_reason(self.lang)), markup=False)

        self.app.push_screen(RejectModal(n.id, name), done)

    def action_outcome(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        n = self.need_nom()
        if n is None:
            return
        opp = self.opps[n.opportunity_id]
        _decided_for_good(n, outcome=False)

        def done(saved: Nomination | None) -> None:
            if saved is not None:
                self.reload()
                self.show_nominations(keep=saved.id)

        self.app.push_screen(OutcomeModal(n, self.name_of(n.staff_id), opp.kind == "ทุนการศึกษา"), done)

    def action_attendance(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        opp = self.need_opp()
        if opp is None:
            return
        if not opp.in_house:
            self.notify(self.t("tr_not_in_house"), severity="warning")
            return
        self.app.push_screen(AttendanceModal(opp, self.active_staff()), lambda o: o and self.reload(select_id=o.id))

    def action_budget(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        divs = [(d.name, d.id) for d in list_divisions(self.ctx, include_inactive=False)]
        current = {
            b.division_id: b.amount for b in training_stats.budget_lines(self.ctx, self.fy) if b.amount is not None
        }
        self.app.push_screen(BudgetModal(self.fy, divs, current), lambda b: b and self.reload())

    def action_memo(self) -> None:
        opp = self.need_opp()
        if opp is not None:
            from ethics_tui.service import documents

            self._memo(opp.id, documents.default_path(self.ctx, "training-memo", id=opp.id))

    def _memo(self, opp_id: int, path: Path) -> None:
        from ethics_tui.service import documents

        job = lambda progress: documents.write(self.ctx, "training-memo", path, id=opp_id)
        run_export(self, job, "tr_exported", replaces=path)

    def action_year(self) -> None:
        from ethics_tui.tui.screens.training_views import TrainingYearScreen

        self.app.push_screen(TrainingYearScreen(self.fy))

    def action_questions(self) -> None:
        from ethics_tui.tui.screens.training_views import TrainingQuestionsScreen

        self.app.push_screen(TrainingQuestionsScreen(), lambda _r: self.reload())


def _decided_for_good(n: Nomination, outcome: bool = True) -> None:
    """Refused before the question (not after y): the nomination is withdrawn, or the outcome
    is recorded (``outcome``; as svc.decide says)."""
    if n.withdrawn:
        raise UserError(
            "ถอนการเสนอชื่อนี้แล้ว จึงพิจารณาหรือบันทึกผลไม่ได้ หากต้องการให้ผู้นี้เข้าร่วม ให้เสนอชื่อใหม่",
            "This nomination was withdrawn; nominate the person again if they are to go.",
        )
    if outcome and n.outcome:
        raise UserError(
            "บันทึกผลการเข้าร่วมแล้ว เปลี่ยนผลการพิจารณาไม่ได้",
            "the outcome is recorded; the decision can no longer change",
        )
