"""Coverage: per document (counts by division and the pending people) and per person
(documents they have not acknowledged yet). Plus a small choice modal used by the list."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedModal, GuardedScreen

CSS = """
CoverageScreen #cov-divisions { height: auto; max-height: 12; margin-bottom: 1; }
CoverageScreen #cov-pending { height: 1fr; }
PersonCoverageScreen #person-table { height: 1fr; }
PersonCoverageScreen #person-pending { height: auto; min-height: 3; padding: 0 1; border: round $accent; }
"""


class CoverageScreen(GuardedScreen):
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
        yield DataTable(id="cov-divisions", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="cov-pending", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        div_table = self.query_one("#cov-divisions", DataTable)
        for key, width in (("division", 40), ("total", 10), ("done", 10), ("pct", 10)):
            div_table.add_column(self.t(f"nt_col_{key}"), key=key, width=width)
        pending = self.query_one("#cov-pending", DataTable)
        for key, width in (("division", 30), ("code", 6), ("name", 30), ("position", 36)):
            pending.add_column(self.t(f"nt_col_{key}"), key=key, width=width)
        self.reload()
        pending.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        d = get_settings(self.ctx).digits
        cov = acks.coverage(self.ctx, self.notice_id)
        n = cov.notice
        title = f"{svc.number_text(self.ctx, n)} {n.title}".strip()
        self.query_one("#cov-title", Static).update(apply_digits(self.t("nt_cov_title", title=title), d))
        self.query_one("#cov-summary", Static).update(
            apply_digits(
                self.t(
                    "nt_cov_summary",
                    done=cov.done,
                    total=cov.total,
                    pct=f"{cov.percent:.1f}",
                    pending=cov.pending_count,
                    left=cov.left,
                ),
                d,
            )
        )
        div_table = self.query_one("#cov-divisions", DataTable)
        div_table.clear()
        for division, total, done in acks.by_division(self.ctx, self.notice_id):
            pct = 100.0 * done / total if total else 100.0
            style = "" if done == total else "yellow"
            cells = [division, str(total), str(done), f"{pct:.0f}"]
            div_table.add_row(*[Text(apply_digits(c, d), style=style) for c in cells], key=division)
        pending = self.query_one("#cov-pending", DataTable)
        pending.clear()
        for division, people in cov.pending:
            for p in people:
                pending.add_row(division, apply_digits(p.code, d), p.name, p.position, key=str(p.staff_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_ticks(self) -> None:
        from ethics_tui.tui.screens.notices_ticks import TickOffScreen

        self.app.push_screen(TickOffScreen(self.notice_id))

    def action_report(self) -> None:
        self.export()

    @work(thread=True, exclusive=True, exit_on_error=False, group="notices-pdf")
    def export(self) -> None:
        from ethics_tui.tui.screens.notices import export_pdfs

        export_pdfs(self, self.notice_id, "report")


class PersonCoverageScreen(GuardedScreen):
    """Type a name; the box below lists what the highlighted person has not acknowledged."""

    DEFAULT_CSS = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back"),
        Binding("down", "focus_table", show=False),
        # "/" searches on every list: here it goes to the search box, never into it
        Binding("slash", "focus_filter", "filter", priority=True),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()

    def recreate(self) -> PersonCoverageScreen:
        return PersonCoverageScreen()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("nt_person_title"), classes="screen-title")
        yield Input(placeholder=self.t("filter_ph"), id="person-filter")
        yield DataTable(id="person-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="person-pending", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#person-table", DataTable)
        for key, width in (("code", 6), ("name", 30), ("position", 36), ("division", 30)):
            table.add_column(self.t(f"nt_col_{key}"), key=key, width=width)
        self.reload()
        self.query_one("#person-filter", Input).focus()

    def reload(self) -> None:
        d = get_settings(self.ctx).digits
        table = self.query_one("#person-table", DataTable)
        table.clear()
        for row in staff_svc.search(self.ctx, self.query_one("#person-filter", Input).value, limit=300):
            s = row.staff
            table.add_row(apply_digits(s.code, d), s.full_name, s.position, row.division, key=str(s.id))
        self.show_pending()

    def show_pending(self) -> None:
        table = self.query_one("#person-table", DataTable)
        box = self.query_one("#person-pending", Static)
        if table.row_count == 0:
            box.update("")
            return
        sid = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        docs = acks.person_pending(self.ctx, sid)
        if not docs:
            box.update(self.t("nt_person_none"))
            return
        names = "\n".join(f"• {svc.number_text(self.ctx, n)} {n.title}".replace("•  ", "• ") for n in docs)
        box.update(
            apply_digits(self.t("nt_person_pending", n=len(docs), docs="\n" + names), get_settings(self.ctx).digits)
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#person-table", DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_pending()

    def action_focus_table(self) -> None:
        self.query_one("#person-table", DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#person-filter", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()


class ChoiceModal(GuardedModal[str | None]):
    """Pick one of a few options with the arrows and enter; escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*[Option(label, id=key) for label, key in self.options], id="choice")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
