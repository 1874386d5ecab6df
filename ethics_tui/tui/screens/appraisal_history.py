"""One appraisal result's history (h on a row of the results or grievances screen), read only:
each notification, signature or refusal, reopening, revision and grievance, oldest first, with
the highlighted event's details below. The scores, the refusal note and the grievances' sealed
fields show only for who may see them (service/appraisal_history.py); dates are B.E. in the
office's digits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ethics_tui.model import appraisal as m
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_history
from ethics_tui.service.appraisal_history import Event
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.appraisal import round_label
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells

COLUMNS = (("date", 13), ("event", 26), ("scores", 24))
SCORED = ("notified", "reopened", "revised")  # the events whose row shows the scores


class AppraisalHistoryScreen(
    ListScreen,
    table_id="ap-hist",
    columns=COLUMNS,
    flex="event",
    min_flex=14,
    priority=("date", "event", "scores"),
    column_label="ap_col_{}",
    title_id="ap-hist-title",
    enter_action="",
):
    BINDINGS, ACTION_PERMISSIONS = keys()  # read only: escape goes back

    def __init__(self, result_id: int, then: str | None = None) -> None:
        super().__init__(then)
        self.result_id = result_id
        self.history = appraisal_history.result_history(self.ctx, result_id)  # checks the role first
        self.rnd = svc.get_round(self.ctx, self.history.row.result.round_id)
        self.load_digits()  # the title, composed before mount, shows the round in them

    def recreate(self) -> AppraisalHistoryScreen:
        return AppraisalHistoryScreen(self.result_id)

    def title_text(self) -> str:
        name = self.history.row.staff.full_name
        return self.t("ap_hist_title", round=round_label(self.rnd, self.digits), name=name)

    def compose_top(self) -> ComposeResult:
        yield Static("", id="ap-hist-now", markup=False)

    def compose_bottom(self) -> ComposeResult:
        yield Static("", id="ap-hist-detail", markup=False)

    def prepare(self) -> None:
        for part in ("#ap-hist-now", "#ap-hist-detail"):
            self.query_one(part).styles.padding = (0, 1)
        self.table.styles.height = "1fr"
        self.query_one("#ap-hist-detail").styles.height = "auto"
        self.query_one("#ap-hist-detail").styles.max_height = 8

    def resumed(self) -> None:
        pass  # nothing on top of this screen changes the result

    # -- the table -------------------------------------------------------------------------
    def records(self):
        self.history = appraisal_history.result_history(self.ctx, self.result_id)
        return list(enumerate(self.history.events))

    def record_id(self, record: tuple[int, Event]) -> int:
        return record[0]

    def row_cells(self, record: tuple[int, Event]) -> list:
        e = record[1]
        return cells([self.date(e.on), self.event_name(e), self.scores_cell(e)], "" if e.kind in SCORED else "dim")

    def event_name(self, e: Event) -> str:
        return appraisal_history.event_name(e, self.lang)

    def score_text(self, s: m.Scores | None) -> str:
        if s is None:
            return self.t("ap_hidden") if self.history.hidden else "-"
        level = s.level if self.lang != "en" else m.LEVELS_EN.get(s.level, s.level)
        return f"{self.d(m.fmt(s.total))} ({level})"

    def scores_cell(self, e: Event) -> str:
        if e.kind not in SCORED:
            return ""
        if e.kind != "notified" and not self.history.hidden and e.before != e.scores:
            return f"{self.d(m.fmt(e.before.total)) if e.before else '-'} → {self.score_text(e.scores)}"
        return self.score_text(e.scores)

    # -- the panels ------------------------------------------------------------------------
    def after_reload(self) -> None:
        row = self.history.row
        now = [
            " · ".join(x for x in (row.staff.code, row.staff.full_name, row.staff.position, row.division) if x),
            self.t("ap_hist_now", stage=pick(m.STAGE_LABELS[row.result.stage], self.lang))
            + (f" · {self.score_text(row.scores)}" if row.result.scored else ""),
        ]
        self.query_one("#ap-hist-now", Static).update("\n".join(now))
        self.show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        box = self.query_one("#ap-hist-detail", Static)
        rid = self.selected_id()
        if rid is None or rid not in self.rows:
            box.update(self.t("ap_hist_empty"))
            return
        box.update("\n".join(self.detail_lines(self.rows[rid][1])))

    def detail_lines(self, e: Event) -> list[str]:
        lines = [f"{self.date(e.on)} {self.event_name(e)}"]
        if e.by:
            lines[0] += f" · {self.t('ap_hist_by', by=e.by)}"
        if e.kind in SCORED:
            lines.append(self.t("ap_hist_scores", scores=self.full_scores(e)))
        if e.reason:
            lines.append(f"{self.t('ap_hist_reason')}: {e.reason}")
        if e.witness:
            lines.append(f"{self.t('ap_hist_witness')}: {e.witness}")
        if e.note:
            lines.append(f"{self.t('ap_f_note')}: {e.note}")
        g = e.grievance
        if g is not None and e.kind == "revised":
            lines.append(self.t("ap_hist_after_grievance", filed=self.date(g.filed_on)))
        elif g is not None:
            lines.append(f"{self.t('ap_f_addressed_to').rstrip(' *')}: {g.addressed_to}")
            if e.kind == "filed":
                lines.append(f"{self.t('ap_f_grounds')}: {g.grounds or '-'}")
                lines.append(f"{self.t('ap_hist_status')}: {pick(m.GRIEVANCE_LABELS[g.status], self.lang)}")
            if e.kind == "decided" and g.outcome:
                lines.append(f"{self.t('ap_f_outcome')}: {g.outcome}")
        return lines

    def full_scores(self, e: Event) -> str:
        """The components, total and level (before → after when a change altered them)."""

        def one(s: m.Scores | None) -> str:
            if s is None:
                return self.score_text(None)
            parts = [
                f"{pick(m.COMPONENT_LABELS[c], self.lang)} {self.d(m.fmt(getattr(s, c)))}/{self.d(self.rnd.weights[c])}"
                for c in m.COMPONENTS
                if getattr(s, c) is not None
            ]
            return " · ".join([*parts, f"{self.t('ap_col_total')} {self.score_text(s)}"])

        if e.kind != "notified" and not self.history.hidden and e.before != e.scores:
            return f"{one(e.before)} → {one(e.scores)}"
        return one(e.scores)
