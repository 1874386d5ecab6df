"""Appraisal rounds: the list, the round form (bands, weights, criteria) and the round
dashboard: progress, grievances with their days left, and the distribution by level."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Static

from ethics_tui.errors import UserError
from ethics_tui.model import appraisal as m
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service.access import can
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.tables import cursor_id

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


class AppraisalScreen(GuardedScreen):
    """ประเมินผลการปฏิบัติงาน: rounds on the left, the selected round's summary on the right."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("appraisal")
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("appraisal"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.digits = "arabic"
        self.rounds: dict[int, m.AppraisalRound] = {}
        self.late: dict[int, object] = {}  # round id -> ita_hr.LateCriteria (criteria announced late)

    def recreate(self) -> AppraisalScreen:
        return AppraisalScreen()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("ap_title"), classes="screen-title")
        yield Static("", id="ap-late", markup=False)
        with Horizontal(id="ap-main"):
            yield DataTable(id="ap-rounds", cursor_type="row", zebra_stripes=True)
            yield Static("", id="ap-dashboard", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        table = self.table
        dash = self.query_one("#ap-dashboard")
        dash.styles.padding = (0, 2)
        dash.styles.width = "1fr"
        late = self.query_one("#ap-late", Static)
        late.styles.color = "yellow"
        late.styles.text_style = "bold"
        late.styles.padding = (0, 1)
        late.display = False
        for key, width in COLUMNS:
            table.add_column(self.t(f"ap_col_{key}"), key=key, width=width)
        self.arrange_for(self.size.width)
        self.reload()
        table.focus()
        self.run_then()

    @property
    def table(self) -> DataTable:
        return self.query_one("#ap-rounds", DataTable)

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

    def _cells(self, rnd: m.AppraisalRound, d: appraisal_review.Dashboard) -> list[Text]:
        start, end = rnd.period()
        done = d.stages["signed"] + d.stages["refused"]
        values = [
            round_label(rnd, self.digits) + (" ⚠" if rnd.id in self.late else ""),
            pick(m.ROUND_STATUS_LABELS[rnd.status], self.lang),
            f"{format_date(start, 'abbr', self.digits)} - {format_date(end, 'abbr', self.digits)}",
            apply_digits(d.audience, self.digits),
            apply_digits(f"{done}/{d.audience}", self.digits),
        ]
        return [Text(v, no_wrap=True, overflow="ellipsis") for v in values]

    def reload(self, select_id: int | None = None) -> None:
        table = self.table
        keep = select_id if select_id is not None else self.selected_id()
        table.clear()
        self.rounds = {r.id: r for r in svc.list_rounds(self.ctx)}
        self.late = self.late_rounds()
        for rnd in self.rounds.values():
            table.add_row(*self._cells(rnd, appraisal_review.dashboard(self.ctx, rnd.id)), key=str(rnd.id))
        if keep in self.rounds:
            table.move_cursor(row=table.get_row_index(str(keep)))
        self.show_dashboard()

    def selected_id(self) -> int | None:
        return cursor_id(self.table)

    def _selected(self) -> m.AppraisalRound | None:
        rid = self.selected_id()
        if rid is None:
            self.notify(self.t("no_selection"), severity="warning")
        return self.rounds.get(rid) if rid is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_dashboard()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def dashboard_text(self, d: appraisal_review.Dashboard) -> str:
        n = lambda v: apply_digits(v, self.digits)
        rnd = d.round
        lines = [
            f"{self.t('ap_dash')} {round_label(rnd, self.digits)} · {pick(m.ROUND_STATUS_LABELS[rnd.status], self.lang)}",
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
                f"{self.t('ap_f_criteria_published')}: {format_date(rnd.criteria_published, 'abbr', self.digits)}"
                + (f" ({', '.join(rnd.criteria_channels)})" if rnd.criteria_channels else ""),
            ]
        return "\n".join(lines)

    def late_rounds(self) -> dict[int, object]:
        """The rounds whose criteria notice is dated after the round starts (or missing once it has
        started): the same rule as the ITA checklist (service/ita_hr.py)."""
        from ethics_tui.service.ita_hr import late_criteria

        by_no = {(r.fiscal_year, r.round_no): r.id for r in self.rounds.values()}
        out = {}
        for fy in {r.fiscal_year for r in self.rounds.values()}:
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
            box.update(self.t("ap_no_rounds"))
            return
        box.update(self.dashboard_text(appraisal_review.dashboard(self.ctx, rid)))

    # -- actions ---------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

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

    def on_screen_resume(self) -> None:
        self.reload()

    def action_notify_round(self) -> None:
        rnd = self._selected()
        if rnd is None:
            return

        def done(text: str | None) -> None:
            if text:
                from ethics_tui.thai.dates import parse_date

                svc.set_round_status(self.ctx, rnd.id, "notified", on=parse_date(text))
                self.reload(select_id=rnd.id)

        today = format_date(date.today(), "numeric")
        self.app.push_screen(TextPromptModal(self.t("ap_notify_round"), self.t("ap_notify_round_date"), today), done)

    def action_close_round(self) -> None:
        rnd = self._selected()
        if rnd is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                svc.set_round_status(self.ctx, rnd.id, "closed")
                self.reload(select_id=rnd.id)

        self.app.push_screen(ConfirmModal(self.t("ap_close_confirm", round=round_label(rnd, self.digits))), done)

    def action_export(self) -> None:
        rnd = self._selected()
        if rnd is not None:
            self._export("summary", rnd.id)

    def action_criteria(self) -> None:
        rnd = self._selected()
        if rnd is not None:
            self._export("criteria", rnd.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, kind: str, round_id: int) -> None:
        from ethics_tui.service import documents

        try:
            path: Path = documents.write(self.ctx, f"appraisal-{kind}", round_id=round_id)
        except (UserError, OSError) as exc:
            msg = exc.message(self.lang) if isinstance(exc, UserError) else str(exc)
            self.app.call_from_thread(self.notify, msg, severity="error", markup=False)
            return
        from ethics_tui.tui.export_notice import export_done, full

        self.app.call_from_thread(export_done, self.app, self.t("ap_exported", path=full(path)), path)
