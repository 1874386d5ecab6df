"""Coverage: per document (counts by division and the pending people) and per person
(documents they have not acknowledged yet)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Input, Static

from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service import staff as staff_svc
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.dialogs import ChoiceModal  # noqa: F401 - its old home
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.list_screen import DigitsMixin, ListScreen
from ethics_tui.tui.widgets.record_table import RecordTable, cells

CSS = """
CoverageScreen #cov-divisions { height: auto; max-height: 12; margin-bottom: 1; }
CoverageScreen #cov-pending { height: 1fr; }
PersonCoverageScreen #person-table { height: 1fr; }
PersonCoverageScreen #person-pending { height: auto; min-height: 3; padding: 0 1; border: round $accent; }
"""


class CoverageScreen(DigitsMixin, GuardedScreen):
    """One document: acknowledged count and %, counts by division, the pending people."""

    DEFAULT_CSS = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "ticks", "nt_ticks"),
        Binding("ctrl+e", "report", "nt_report"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, notice_id: int, then: str | None = None) -> None:
        super().__init__()
        self.notice_id = notice_id

    def recreate(self) -> CoverageScreen:
        return CoverageScreen(self.notice_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="cov-title", classes="screen-title", markup=False)
        yield Static("", id="cov-summary", markup=False)
        yield RecordTable(
            (("division", 40), ("total", 10), ("done", 10), ("pct", 10)),
            flex="division",
            priority=("total", "done", "pct"),
            id="cov-divisions",
        )
        yield RecordTable(
            (("division", 30), ("code", 6), ("name", 30), ("position", 36)),
            flex="name",
            priority=("code", "division", "position"),
            id="cov-pending",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.load_digits()
        for table in self.query(RecordTable):
            table.setup(lambda k: self.t(f"nt_col_{k}"), self.app.size.width)
        self.reload()
        self.query_one("#cov-pending").focus()

    def on_screen_resume(self) -> None:
        if self.is_current:  # not while sign-out clears the stack (nobody is signed in)
            self.reload()

    def reload(self) -> None:
        cov = acks.coverage(self.ctx, self.notice_id)
        n = cov.notice
        title = f"{svc.number_text(self.ctx, n)} {n.title}".strip()
        self.query_one("#cov-title", Static).update(self.d(self.t("nt_cov_title", title=title)))
        self.query_one("#cov-summary", Static).update(
            self.d(
                self.t(
                    "nt_cov_summary",
                    done=cov.done,
                    total=cov.total,
                    pct=f"{cov.percent:.1f}",
                    pending=cov.pending_count,
                    left=cov.left,
                )
            )
        )
        rows = []
        for division, total, done in acks.by_division(self.ctx, self.notice_id):
            pct = 100.0 * done / total if total else 100.0
            style = "" if done == total else "yellow"
            rows.append((division, cells([self.d(c) for c in (division, total, done, f"{pct:.0f}")], style)))
        self.query_one("#cov-divisions", RecordTable).load(rows)
        self.query_one("#cov-pending", RecordTable).load(
            (p.staff_id, (division, p.code, p.name, p.position)) for division, people in cov.pending for p in people
        )

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_ticks(self) -> None:
        from ethics_tui.tui.screens.notices_ticks import TickOffScreen

        self.app.push_screen(TickOffScreen(self.notice_id))

    def action_report(self) -> None:
        from ethics_tui.tui.screens.notices import export_pdfs

        export_pdfs(self, self.notice_id, "report")


class PersonCoverageScreen(
    ListScreen,
    table_id="person-table",
    columns=(("code", 6), ("name", 30), ("position", 36), ("division", 30)),
    flex="name",
    priority=("code", "position", "division"),
    column_label="nt_col_{}",
    title_key="nt_person_title",
    filter=True,
    filter_id="person-filter",
    enter_action="",
):
    """Type a name; the box below lists what the highlighted person has not acknowledged."""

    DEFAULT_CSS = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back"),
        Binding("down", "focus_table", show=False),
        # "/" searches on every list: here it goes to the search box, never into it
        Binding("slash", "focus_filter", "filter", priority=True),
    ]

    def compose_bottom(self) -> ComposeResult:
        yield Static("", id="person-pending", markup=False)

    def first_focus(self):
        return self.query_one("#person-filter", Input)

    def resumed(self) -> None:
        pass  # nothing this screen shows changes while another screen is on top

    def records(self):
        return staff_svc.search(self.ctx, self.filter_text, limit=300)

    def record_id(self, row) -> int:
        return row.staff.id

    def row_cells(self, row) -> list:
        s = row.staff
        return [s.code, s.full_name, s.position, row.division]

    def filter_changed(self, text: str) -> None:
        self.reload()

    def after_reload(self) -> None:
        self.show_pending()

    def show_pending(self) -> None:
        box = self.query_one("#person-pending", Static)
        sid = self.selected_id()
        if sid is None:
            box.update("")
            return
        docs = acks.person_pending(self.ctx, sid)
        if not docs:
            box.update(self.t("nt_person_none"))
            return
        names = "\n".join(f"• {svc.number_text(self.ctx, n)} {n.title}".replace("•  ", "• ") for n in docs)
        box.update(self.d(self.t("nt_person_pending", n=len(docs), docs="\n" + names)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_pending()

    def action_back(self) -> None:
        self.app.pop_screen()
