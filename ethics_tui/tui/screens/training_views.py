"""Year-end view (who went where, participation and cost by division / staff type / level as
bar charts, rejections by reason, never selected) and the non-selection questions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ethics_tui.model.staff import type_label
from ethics_tui.registers.spec import Action
from ethics_tui.service import training as svc
from ethics_tui.service import training_stats
from ethics_tui.service.access import require
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.registers import keys
from ethics_tui.tui.screens.training_forms import AnswerModal, QuestionFormModal
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.list_screen import DigitsMixin, ListScreen
from ethics_tui.tui.widgets.record_table import cell

BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(value: float, top: float, width: int = 24) -> str:
    """A horizontal bar of ``value`` against ``top`` in ``width`` cells (eighth-cell steps)."""
    if top <= 0 or value <= 0:
        return ""
    eighths = round(min(value / top, 1.0) * width * 8)
    return "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")


class TrainingYearScreen(DigitsMixin, GuardedScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "report", "tr_report"),
        Binding("x", "xlsx", "tr_xlsx"),
        Binding("left_square_bracket", "fy(-1)", "tr_prev"),
        Binding("right_square_bracket", "fy(1)", "tr_next"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, fy: int) -> None:
        super().__init__()
        self.fy = fy

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="ty-title", classes="screen-title", markup=False)
        with VerticalScroll(id="ty-body"):
            for part in ("share", "div", "type", "level", "rejections", "went", "never"):
                yield Static("", id=f"ty-{part}", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_digits()
        self.query_one("#ty-body").styles.height = "1fr"
        self.refresh_view()
        self.query_one("#ty-body").focus()

    def groups(self, title: str, first: str, groups) -> Table:
        """Participation (share with an opportunity), selections and committed cost, as bars.
        The bars are decoration: on a narrow terminal they shrink, then go, then the names are
        cut, so that a figure is never cut (at 80 columns "๑๘/…" hid the share)."""
        width = self.app.size.width - 3  # the body's scrollbar and margin
        for bars in (16, 12, 8, 4, 0):
            table = self._groups(title, first, groups, bars)
            wide = Measurement.get(self.app.console, self.app.console.options, table).maximum
            if wide <= width:
                return table
        names = max((cell_len(g.name) for g in groups), default=0)
        return self._groups(title, first, groups, 0, name_width=max(8, names - (wide - width)))

    def _groups(self, title: str, first: str, groups, bars: int, name_width: int | None = None) -> Table:
        table = Table(title=title, title_justify="left", expand=False, show_edge=False)
        table.add_column(first, no_wrap=True, overflow="ellipsis", max_width=name_width)
        for col, is_bar in (("trc_share", False), ("", True), ("trc_selections", False)):
            if not (is_bar and bars == 0):
                table.add_column(self.t(col) if col else "", justify="left" if is_bar else "right", no_wrap=True)
        table.add_column(self.t("trc_cost_total"), justify="right", no_wrap=True)
        if bars:
            table.add_column("", no_wrap=True)
        top = max((g.cost for g in groups), default=0)
        for g in groups:
            pct = 100 * g.participants / g.staff if g.staff else 0
            row = [g.name, self.d(f"{g.participants}/{g.staff} {pct:.0f}%")]
            row += [Text(bar(pct, 100, bars), "green")] if bars else []
            row += [self.d(g.selections), self.d(f"{g.cost:,.0f}")]
            row += [Text(bar(g.cost, top, bars), "cyan")] if bars else []
            table.add_row(*row)
        return table

    def on_resize(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        st = training_stats.stats(self.ctx, self.fy, self.lang)
        self.query_one("#ty-title", Static).update(self.d(self.t("tr_year_title", fy=self.fy)))
        self.query_one("#ty-share", Static).update(
            self.d(
                self.t(
                    "tr_share",
                    n=st.with_opportunity,
                    m=st.staff_total,
                    pct=f"{100 * st.share:.1f}",
                    q=st.open_questions,
                )
            )
        )
        self.query_one("#ty-div", Static).update(
            self.groups(self.t("tr_by_division"), self.t("trc_division"), st.by_division)
        )
        self.query_one("#ty-type", Static).update(
            self.groups(
                self.t("tr_by_type"),
                self.t("trf_staff_type"),
                [replace(g, name=type_label(g.name, self.lang)) for g in st.by_type],
            )
        )
        self.query_one("#ty-level", Static).update(self.groups(self.t("tr_by_level"), self.t("trf_level"), st.by_level))
        rej = Table(title=self.t("tr_rejections"), title_justify="left", show_edge=False)
        rej.add_column(self.t("trf_reject_code"))
        rej.add_column("", justify="right")
        rej.add_column("")
        top = max(st.rejections.values(), default=0)
        for label, n in st.rejections.items():
            rej.add_row(label, self.d(n), Text(bar(n, top, 16), "red"))
        for name, title, reason in st.rejection_list:
            rej.add_row(Text(f"  {name} · {title}", style="dim"), "", Text(reason, style="dim"))
        self.query_one("#ty-rejections", Static).update(rej)
        went = Table(title=self.t("tr_went"), title_justify="left", show_edge=False)
        for key in ("name", "division", "title", "kind", "status"):
            went.add_column(self.t(f"trc_{key}"), overflow="ellipsis", max_width=40 if key == "title" else None)
        for row in st.went:
            went.add_row(*row)
        self.query_one("#ty-went", Static).update(went)
        never = Table(title=self.t("tr_never", n=self.d(len(st.never_selected))), title_justify="left", show_edge=False)
        for key in ("name", "title", "division"):
            never.add_column(self.t(f"trc_{key}") if key != "title" else "")
        for row in st.never_selected:
            never.add_row(*row)
        self.query_one("#ty-never", Static).update(never)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_fy(self, step: int) -> None:
        self.fy += step
        self.refresh_view()

    def action_report(self) -> None:
        from ethics_tui.service import documents

        self._export("pdf", documents.default_path(self.ctx, "training-report", fy=self.fy))

    def action_xlsx(self) -> None:
        from ethics_tui.service.training_docs import default_path

        self._export("xlsx", default_path(self.ctx, f"training-{self.fy}.xlsx", self.fy))

    def _export(self, kind: str, path: Path) -> None:
        from ethics_tui.service import documents
        from ethics_tui.service.training_docs import write_xlsx

        fy = self.fy

        def job(progress):
            return (
                documents.write(self.ctx, "training-report", path, fy=fy)
                if kind == "pdf"
                else write_xlsx(self.ctx, fy, path)
            )

        run_export(self, job, "tr_exported", replaces=path)


class TrainingQuestionsScreen(
    ListScreen,
    table_id="tq-table",
    columns=(("asked", 12), ("name", 24), ("question", 40), ("answer", 36)),
    flex="question",
    min_flex=16,
    priority=("name", "answer", "asked"),
    column_label="trc_{}",
    enter_action="answer",
):
    """Questions from staff who were not selected; unanswered ones first."""

    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("n", "new", "tr_ask", "training.write"),
        Action("e", "answer", "tr_answer", "training.write"),
    )

    @property
    def questions(self) -> dict:
        return self.rows

    def compose_top(self) -> ComposeResult:
        yield Static("", id="tq-title", classes="screen-title", markup=False)

    def records(self):
        self.staff = svc.staff_map(self.ctx)
        return svc.list_questions(self.ctx)

    def row_cells(self, q) -> list:
        who = self.staff[q.staff_id].full_name if q.staff_id in self.staff else "-"
        ans = cell(q.answer) if q.answered else cell(self.t("tr_open"), "bold yellow")
        return [self.date(q.asked_on, empty=""), who, q.question, ans]

    def after_reload(self) -> None:
        open_n = sum(not q.answered for q in self.questions.values())
        self.query_one("#tq-title", Static).update(self.d(self.t("tr_questions_title", n=open_n)))

    def action_back(self) -> None:
        self.dismiss(None)

    def _staff(self) -> list:
        return sorted((s for s in svc.staff_map(self.ctx).values() if s.active), key=lambda s: (s.division_id, s.id))

    def action_new(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        self.app.push_screen(
            QuestionFormModal(self._staff(), svc.list_opportunities(self.ctx)),
            lambda q: q and self.reload(select_id=q.id),
        )

    def action_answer(self) -> None:
        require(self.ctx, "training.write")  # refused before the form is filled, not at save
        q = self.questions.get(self.selected_id())
        if q is None:
            return

        def done(saved) -> None:
            if saved is not None:
                self.reload(select_id=saved.id)
                self.notify(self.t("tr_answered"))

        self.app.push_screen(AnswerModal(q, self._staff()), done)
