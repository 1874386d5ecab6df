"""Appraisal rounds: the list, the round form (bands, weights, criteria) and the round
dashboard: progress, grievances with their days left, and the distribution by level."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from ethics_tui.model import appraisal as m
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service.access import can
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.widgets.export import export_documents
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.saving import confirm_write, run_write

COLUMNS = (("round", 9), ("status", 12), ("period", 28), ("audience", 5), ("done", 8))
BAR = 16  # the dashboard beside the table has about 44 cells at 120 columns


def round_label(rnd: m.AppraisalRound, digits: str) -> str:
    return apply_digits(f"{rnd.fiscal_year}/{rnd.round_no}", digits)


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (Thai marks take no cell, so ``:<`` is wrong)."""
    return text + " " * max(0, width - cell_len(text))


def late_line(screen, rnd: m.AppraisalRound, late=None) -> str:
    """⚠ the round's criteria notice is dated after the round starts (or missing once started),
    as the ITA checklist says; "" when in time. ``late``: the round's LateCriteria, if known."""
    if late is None:
        from ethics_tui.service.ita_hr import late_criteria

        late = next((x for x in late_criteria(screen.ctx, rnd.fiscal_year) if x.round_no == rnd.round_no), None)
        if late is None:
            return ""
    head = screen.t("ap_late_head", round=round_label(rnd, screen.digits))
    return apply_digits(f"⚠ {head} {late.message(screen.lang).split(': ', 1)[-1]}", screen.digits)


class AppraisalScreen(
    ListScreen,
    table_id="ap-rounds",
    columns=COLUMNS,
    column_label="ap_col_{}",
    title_key="ap_title",
    enter_action="open",
):
    """ประเมินผลการปฏิบัติงาน: rounds on the left, the selected round's summary on the right."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys("appraisal")

    def __init__(self, then: str | None = None) -> None:
        super().__init__(then)
        self.late: dict[int, object] = {}  # round id -> ita_hr.LateCriteria (criteria announced late)

    @property
    def rounds(self) -> dict[int, m.AppraisalRound]:
        return self.rows

    def compose_top(self) -> ComposeResult:
        yield Static("", id="ap-late", markup=False)

    def compose_table(self) -> ComposeResult:
        with Horizontal(id="ap-main"):
            yield self.make_table()
            yield Static("", id="ap-dashboard", markup=False)

    def prepare(self) -> None:
        dash = self.query_one("#ap-dashboard")
        dash.styles.padding = (0, 2)
        dash.styles.width = "1fr"
        late = self.query_one("#ap-late", Static)
        late.styles.color = "yellow"
        late.styles.text_style = "bold"
        late.styles.padding = (0, 1)
        late.display = False
        self.arrange_for(self.size.width)

    def arrange_for(self, width: int) -> None:
        """Beside the table from 110 columns; below it on a narrower terminal (80×24), where
        beside it the summary was a strip a few cells wide."""
        wide = width >= 110
        main, table = self.query_one("#ap-main"), self.table
        main.styles.layout = "horizontal" if wide else "vertical"
        table.styles.height = "1fr" if wide else "auto"
        table.styles.max_height = None if wide else 8

    def on_resize(self, event) -> None:
        self.arrange_for(event.size.width)

    def records(self):
        rounds = svc.list_rounds(self.ctx)
        self.late = self.late_rounds(rounds)
        return rounds

    def row_cells(self, rnd: m.AppraisalRound) -> list:
        d = appraisal_review.dashboard(self.ctx, rnd.id)
        start, end = rnd.period()
        done = d.stages["signed"] + d.stages["refused"]
        return [
            round_label(rnd, self.digits) + (" ⚠" if rnd.id in self.late else ""),
            pick(m.ROUND_STATUS_LABELS[rnd.status], self.lang),
            f"{self.date(start.isoformat())} - {self.date(end.isoformat())}",
            self.d(d.audience),
            self.d(f"{done}/{d.audience}"),
        ]

    def after_reload(self) -> None:
        self.show_dashboard()

    def _selected(self) -> m.AppraisalRound | None:
        return self.selected()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_dashboard()

    def dashboard_text(self, d: appraisal_review.Dashboard) -> str:
        n = lambda v: apply_digits(v, self.digits)
        rnd = d.round
        lines = [
            f"{self.t('ap_dash')} {round_label(rnd, self.digits)} · {pick(m.ROUND_STATUS_LABELS[rnd.status], self.lang)}",  # noqa: E501 - one message
            "",
        ]
        for key in m.STAGES:
            lines.append(f"  {_pad(pick(m.STAGE_LABELS[key], self.lang), 28)}{n(d.stages[key]):>5}")
        lines += ["", self.t("ap_levels")]
        top = max(d.levels.values(), default=0) or 1
        for level, count in d.levels.items():
            name = level if self.lang != "en" else m.LEVELS_EN.get(level, level)
            lines.append(f"  {_pad(name, 14)}{n(count):>4} {'█' * round(BAR * count / top)}")
        lines += ["", self.t("ap_griev_open", n=n(len(d.grievances_open)))]
        if d.grievances_open:
            lines.append("  " + self.t("ap_griev_days", days=", ".join(n(x) for x in d.grievances_open)))
        if d.grievances_late:
            lines.append("  " + self.t("ap_griev_late", n=n(d.grievances_late)))
        lines.append(self.t("ap_filing_open", n=n(d.filing_open)))
        if rnd.criteria_published:
            lines += [
                "",
                f"{self.t('ap_f_criteria_published')}: {self.date(rnd.criteria_published)}"
                + (f" ({', '.join(rnd.criteria_channels)})" if rnd.criteria_channels else ""),
            ]
        return "\n".join(lines)

    def late_rounds(self, rounds) -> dict[int, object]:
        """The rounds whose criteria notice is dated after the round starts (or missing once it has
        started): the same rule as the ITA checklist (service/ita_hr.py)."""
        from ethics_tui.service.ita_hr import late_criteria

        by_no = {(r.fiscal_year, r.round_no): r.id for r in rounds}
        out = {}
        for fy in {r.fiscal_year for r in rounds}:
            for x in late_criteria(self.ctx, fy):
                if (fy, x.round_no) in by_no:
                    out[by_no[(fy, x.round_no)]] = x
        return out

    def late_text(self, rid: int | None) -> str:
        x = self.late.get(rid) if rid is not None else None
        return late_line(self, self.rounds[rid], x) if x is not None else ""

    def show_dashboard(self) -> None:
        box = self.query_one("#ap-dashboard", Static)
        rid = self.selected_id()
        warning = self.late_text(rid)
        late = self.query_one("#ap-late", Static)
        late.update(warning)
        late.display = bool(warning)
        if rid is None:
            box.update(self.hint_text("ap_no_rounds", "ap_no_rounds_read", "new"))
            return
        box.update(self.dashboard_text(appraisal_review.dashboard(self.ctx, rid)))

    # -- actions ---------------------------------------------------------------------------
    def action_new(self) -> None:
        from ethics_tui.tui.screens.appraisal_forms import RoundFormModal

        self.app.push_screen(RoundFormModal(None), self._saved)

    def action_edit(self) -> None:
        from ethics_tui.tui.screens.appraisal_forms import RoundFormModal

        rnd = self._selected()
        if rnd is not None:
            self.app.push_screen(RoundFormModal(svc.get_round(self.ctx, rnd.id)), self._saved)

    def _saved(self, rnd: m.AppraisalRound | None) -> None:
        if rnd is None:
            return
        self.reload(select_id=rnd.id)
        self.notify(self.t("ap_round_saved", round=round_label(rnd, self.digits)), markup=False)
        if rnd.id in self.late:
            self.notify(self.late_text(rnd.id), severity="warning", markup=False, timeout=10)

    def action_open(self) -> None:
        from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

        rnd = self._selected()
        if rnd is None:
            return
        if not can(self.ctx, "appraisal.people"):
            svc.list_results(self.ctx, rnd.id)  # raises the Thai refusal
        self.app.push_screen(AppraisalResultsScreen(rnd.id))

    def action_grievances(self) -> None:
        from ethics_tui.tui.screens.appraisal_grievances import AppraisalGrievancesScreen

        rnd = self._selected()
        if rnd is not None:
            appraisal_review.list_grievances(self.ctx, rnd.id)  # checks the role first
            self.app.push_screen(AppraisalGrievancesScreen(rnd.id))

    def action_notify_round(self) -> None:
        rnd = self._selected()
        if rnd is None:
            return

        def done(text: str | None) -> None:
            if text:
                from ethics_tui.thai.dates import parse_date

                on = parse_date(text)
                run_write(
                    self,
                    lambda: svc.set_round_status(self.ctx, rnd.id, "notified", on=on),
                    lambda _r: self.reload(select_id=rnd.id),
                )

        today = format_date(date.today(), "numeric")
        self.app.push_screen(TextPromptModal(self.t("ap_notify_round"), self.t("ap_notify_round_date"), today), done)

    def action_close_round(self) -> None:
        rnd = self._selected()
        if rnd is None:
            return

        confirm_write(
            self,
            self.t("ap_close_confirm", round=round_label(rnd, self.digits)),
            lambda: svc.set_round_status(self.ctx, rnd.id, "closed"),
            lambda _r: self.reload(select_id=rnd.id),
        )

    def action_audience(self) -> None:
        from ethics_tui.service.appraisal_audience import check_audience_open
        from ethics_tui.tui.screens.appraisal_audience import AudienceModal

        rnd = self._selected()
        if rnd is None:
            return
        check_audience_open(rnd)  # a notified or closed round: refused before the form opens

        def done(size: int | None) -> None:
            if size is not None:
                self.reload(select_id=rnd.id)
                self.notify(self.t("ap_aud_saved", round=round_label(rnd, self.digits), n=self.d(size)), markup=False)

        self.app.push_screen(AudienceModal(rnd), done)

    def action_export(self) -> None:
        rnd = self._selected()
        if rnd is not None:
            self._export("summary", rnd.id)

    def action_criteria(self) -> None:
        rnd = self._selected()
        if rnd is not None:
            self._export("criteria", rnd.id)

    def _export(self, kind: str, round_id: int) -> None:
        export_documents(self, [(f"appraisal-{kind}", {"round_id": round_id})], "ap_exported")
