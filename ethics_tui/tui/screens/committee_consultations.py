"""Consultations (committee role only): a filterable list, the form, and a counts-only summary.

The list never shows who asked: only whether it was staff, an outsider or anonymous. The name
is shown in the form, whose opening the service logs as a view of a confidential record.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Input, Static

from ethics_tui.model import committee as m
from ethics_tui.model.committee import Consultation
from ethics_tui.service import committee_consultations
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.screens.committee_consult_form import ConsultationFormModal
from ethics_tui.tui.screens.committee_dialogs import TemplateModal
from ethics_tui.tui.screens.committee_summary import SummaryModal
from ethics_tui.tui.widgets.tables import cursor_id

COLUMNS = (
    ("date", 13),
    ("channel", 11),
    ("category", 22),
    ("requester", 12),
    ("question", 26),
    ("by", 16),
    ("status", 13),
    ("follow", 11),
)
STATUS_CYCLE = (None, *m.CONSULT_STATUSES)


class ConsultationsScreen(GuardedScreen):
    DEFAULT_CSS = """
    #cs-count { padding: 0 2; color: $text-muted; height: 1; }
    #cs-table { height: 1fr; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("consultations")
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("consultations"),
        Binding("escape", "back", "back"),
        Binding("down", "focus_table", show=False),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.status: str | None = None
        self.digits = "arabic"
        self.rows: dict[int, Consultation] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("cs_title"), classes="screen-title")
        yield Input(placeholder=self.t("cs_filter_ph"), id="cs-filter")
        yield Static("", id="cs-count", markup=False)
        yield DataTable(id="cs-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        for key, width in COLUMNS:
            self.table.add_column(self.t(f"cs_col_{key}"), key=key, width=width)
        self.reload()
        self.table.focus()
        self.run_then()

    @property
    def table(self) -> DataTable:
        return self.query_one("#cs-table", DataTable)

    def _cells(self, c: Consultation) -> list[Text]:
        d = lambda iso: format_date(iso, "abbr", self.digits) if iso else ""
        values = [
            d(c.consulted_on),
            pick(m.CHANNELS[c.channel], self.lang),
            c.category,
            pick(m.REQUESTER_KINDS[c.requester_kind], self.lang),
            c.question,
            ", ".join(c.handled_by),
            pick(m.CONSULT_STATUSES[c.status], self.lang),
            d(c.follow_up),
        ]
        style = "dim" if c.status == "closed" else ""
        return [Text(v, style=style, no_wrap=True, overflow="ellipsis", end="") for v in values]

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        text = self.query_one("#cs-filter", Input).value
        found = committee_consultations.list_consultations(self.ctx, text, status=self.status)
        table = self.table
        table.clear()
        self.rows = {c.id: c for c in found}
        for c in found:
            table.add_row(*self._cells(c), key=str(c.id))
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        status = pick(m.CONSULT_STATUSES[self.status], self.lang) if self.status else self.t("cs_all")
        self.query_one("#cs-count", Static).update(
            self.t("cs_showing", n=apply_digits(len(found), self.digits), status=status)
        )

    def selected_id(self) -> int | None:
        return cursor_id(self.table)

    # -- events ----------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "cs-filter":
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    # -- actions ---------------------------------------------------------------------------
    def action_focus_filter(self) -> None:
        self.query_one("#cs-filter", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        box = self.query_one("#cs-filter", Input)
        if box.has_focus and box.value:
            box.value = ""
            return
        self.app.pop_screen()

    def action_cycle_status(self) -> None:
        self.status = STATUS_CYCLE[(STATUS_CYCLE.index(self.status) + 1) % len(STATUS_CYCLE)]
        self.reload()

    def _saved(self, c: Consultation | None) -> None:
        if c is not None:
            self.reload(select_id=c.id)
            self.notify(self.t("cs_saved"))

    def action_new(self) -> None:
        self.app.push_screen(ConsultationFormModal(None), self._saved)

    def action_edit(self) -> None:
        cid = self.selected_id()
        if cid is None:
            self.notify(self.t("no_selection"), severity="warning")
            return
        self.app.push_screen(
            ConsultationFormModal(committee_consultations.get_consultation(self.ctx, cid)), self._saved
        )

    def action_summary(self) -> None:
        self.app.push_screen(SummaryModal())

    def action_categories(self) -> None:
        self.app.push_screen(TemplateModal(("categories",), "cs_categories_title"))
