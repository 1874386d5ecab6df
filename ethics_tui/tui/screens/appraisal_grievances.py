"""A round's grievances (ร้องทุกข์): filing deadline, late flag, status and days left to
decide; decide one (e / enter), revise the score after an upheld one (u)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.errors import UserError
from ethics_tui.model import appraisal as m
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.screens.appraisal import round_label

COLUMNS = (("code", 6), ("name", 24), ("filed", 13), ("deadline", 16), ("stage", 20), ("due", 16))


class AppraisalGrievancesScreen(GuardedScreen):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = {"decide": "appraisal.write", "revise": "appraisal.write"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "decide", "ap_decide"),
        Binding("u", "revise", "ap_revise"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, round_id: int, then: str | None = None) -> None:
        super().__init__()
        self.round_id = round_id
        self.rnd = svc.get_round(self.ctx, round_id)
        self.items: dict[int, m.Grievance] = {}
        self.digits = get_settings(self.ctx).digits

    def recreate(self) -> AppraisalGrievancesScreen:
        return AppraisalGrievancesScreen(self.round_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("ap_griev_title", round=round_label(self.rnd, self.digits)), classes="screen-title")
        yield DataTable(id="ap-griev", cursor_type="row", zebra_stripes=True)
        yield Static("", id="ap-griev-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        for key, width in COLUMNS:
            self.table.add_column(self.t(f"ap_col_{key}"), key=key, width=width)
        self.reload()
        self.table.focus()

    @property
    def table(self) -> DataTable:
        return self.query_one("#ap-griev", DataTable)

    def _cells(self, g: m.Grievance, row: svc.ResultRow | None) -> list[Text]:
        n = lambda v: apply_digits(v, self.digits)
        filing_due = row.due if row else None
        deadline = format_date(filing_due, "abbr", self.digits) if filing_due else ""
        if g.late:
            deadline += f" ({self.t('ap_late')})"
        if g.open:
            left = m.days_left(appraisal_review.grievance_due(g, self.rnd), date.today())
            due = self.t("ap_days", n=n(left)) if left >= 0 else self.t("ap_overdue", n=n(-left))
        else:
            due = format_date(g.decided_on, "abbr", self.digits)
        values = [
            n(row.staff.code) if row else "",
            row.staff.full_name if row else "?",
            format_date(g.filed_on, "abbr", self.digits),
            deadline,
            pick(m.GRIEVANCE_LABELS[g.status], self.lang),
            due,
        ]
        style = "bold" if g.open else "dim"
        return [Text(v, style=style, no_wrap=True, overflow="ellipsis") for v in values]

    def reload(self) -> None:
        rows = {r.result.id: r for r in svc.list_results(self.ctx, self.round_id)}
        self.results = rows
        self.table.clear()
        self.items = {}
        for g in appraisal_review.list_grievances(self.ctx, self.round_id):
            self.items[g.id] = g
            self.table.add_row(*self._cells(g, rows.get(g.result_id)), key=str(g.id))
        self.show_detail()

    def selected(self) -> m.Grievance | None:
        if self.table.row_count == 0:
            self.notify(self.t("no_selection"), severity="warning")
            return None
        return self.items[int(self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key.value)]

    def show_detail(self) -> None:
        box = self.query_one("#ap-griev-detail", Static)
        if self.table.row_count == 0:
            box.update("")
            return
        g = self.items[int(self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key.value)]
        lines = [
            f"{self.t('ap_f_addressed_to').rstrip(' *')}: {g.addressed_to}",
            f"{self.t('ap_f_grounds')}: {g.grounds}",
        ]
        if g.outcome:
            lines.append(f"{self.t('ap_f_outcome')}: {g.outcome}")
        box.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_decide()

    def action_back(self) -> None:
        self.app.pop_screen()

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
