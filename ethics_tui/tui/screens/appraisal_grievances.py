"""A round's grievances (ร้องทุกข์): filing deadline, late flag, status and days left to
decide; decide one (e / enter), revise the score after an upheld one (u)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ethics_tui.errors import UserError
from ethics_tui.model import appraisal as m
from ethics_tui.registers.spec import Action
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.appraisal import round_label
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells

COLUMNS = (("code", 6), ("name", 24), ("filed", 13), ("deadline", 16), ("stage", 20), ("due", 16))


class AppraisalGrievancesScreen(
    ListScreen,
    table_id="ap-griev",
    columns=COLUMNS,
    flex="name",
    min_flex=14,
    priority=("code", "stage", "due", "filed", "deadline"),
    column_label="ap_col_{}",
    enter_action="decide",
):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("e", "decide", "ap_decide", "appraisal.write"),
        Action("u", "revise", "ap_revise", "appraisal.write"),
        Action("h", "history", "ap_history", "appraisal.people"),
    )

    def __init__(self, round_id: int, then: str | None = None) -> None:
        super().__init__(then)
        self.round_id = round_id
        self.rnd = svc.get_round(self.ctx, round_id)
        self.load_digits()  # the title, composed before mount, shows the round in them

    def recreate(self) -> AppraisalGrievancesScreen:
        return AppraisalGrievancesScreen(self.round_id)

    @property
    def items(self) -> dict[int, m.Grievance]:
        return self.rows

    def title_text(self) -> str:
        return self.t("ap_griev_title", round=round_label(self.rnd, self.digits))

    def compose_bottom(self) -> ComposeResult:
        yield Static("", id="ap-griev-detail", markup=False)

    def records(self):
        self.results = {r.result.id: r for r in svc.list_results(self.ctx, self.round_id)}
        return appraisal_review.list_grievances(self.ctx, self.round_id)

    def row_cells(self, g: m.Grievance) -> list:
        row = self.results.get(g.result_id)
        filing_due = row.due if row else None
        deadline = self.date(filing_due, empty="")
        if g.late:
            deadline += f" ({self.t('ap_late')})"
        if g.open:
            left = m.days_left(appraisal_review.grievance_due(g, self.rnd), date.today())
            due = self.t("ap_days", n=self.d(left)) if left >= 0 else self.t("ap_overdue", n=self.d(-left))
        else:
            due = self.date(g.decided_on)
        values = [
            row.staff.code if row else "",
            row.staff.full_name if row else "?",
            self.date(g.filed_on),
            deadline,
            pick(m.GRIEVANCE_LABELS[g.status], self.lang),
            due,
        ]
        return cells(values, "bold" if g.open else "dim")

    def after_reload(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        box = self.query_one("#ap-griev-detail", Static)
        g = self.items.get(self.selected_id())
        if g is None:
            box.update("")
            return
        lines = [
            f"{self.t('ap_f_addressed_to').rstrip(' *')}: {g.addressed_to}",
            f"{self.t('ap_f_grounds')}: {g.grounds}",
        ]
        if g.outcome:
            lines.append(f"{self.t('ap_f_outcome')}: {g.outcome}")
        box.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def action_decide(self) -> None:
        from ethics_tui.tui.screens.appraisal_forms import DecisionModal

        g = self.selected()
        if g is not None:
            self.app.push_screen(DecisionModal(g), lambda v: v is not None and self.reload())

    def action_revise(self) -> None:
        from ethics_tui.tui.screens.appraisal_forms import ReviseModal

        g = self.selected()
        if g is None:
            return
        if g.status != "upheld":
            raise UserError("แก้คะแนนได้เมื่อคำร้องทุกข์ฟังขึ้นเท่านั้น", "Only an upheld grievance can revise the score")
        self.app.push_screen(ReviseModal(g, self.rnd), lambda v: v is not None and self.reload())

    def action_history(self) -> None:
        from ethics_tui.tui.screens.appraisal_history import AppraisalHistoryScreen

        g = self.selected()
        if g is not None:
            self.app.push_screen(AppraisalHistoryScreen(g.result_id))
