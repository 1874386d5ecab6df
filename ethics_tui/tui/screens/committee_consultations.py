"""Consultations (committee role only): a filterable list, the form, and a counts-only summary.

The list never shows who asked: only whether it was staff, an outsider or anonymous. The name
is shown in the form, whose opening the service logs as a view of a confidential record.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ethics_tui.model import committee as m
from ethics_tui.model.committee import Consultation
from ethics_tui.model.labels import label
from ethics_tui.service import committee_consultations
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.committee_consult_form import ConsultationFormModal
from ethics_tui.tui.screens.committee_dialogs import TemplateModal
from ethics_tui.tui.screens.committee_summary import SummaryModal
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells

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


class ConsultationsScreen(
    ListScreen,
    table_id="cs-table",
    columns=COLUMNS,
    flex="question",
    min_flex=16,
    priority=("date", "status", "category", "channel", "requester", "follow", "by"),
    column_label="cs_col_{}",
    title_key="cs_title",
    filter=True,
    filter_id="cs-filter",
):
    DEFAULT_CSS = """
    #cs-count { padding: 0 2; color: $text-muted; height: 1; }
    #cs-table { height: 1fr; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys("consultations", Binding("down", "focus_table", show=False))

    def __init__(self, then: str | None = None) -> None:
        super().__init__(then)
        self.status: str | None = None

    def filter_placeholder(self) -> str:
        return self.t("cs_filter_ph")

    def compose_top(self) -> ComposeResult:
        yield Static("", id="cs-count", markup=False)

    def records(self):
        return committee_consultations.list_consultations(self.ctx, self.filter_text, status=self.status)

    def row_cells(self, c: Consultation) -> list:
        values = [
            self.date(c.consulted_on, empty=""),
            pick(m.CHANNELS[c.channel], self.lang),
            label(m.CATEGORY_LABELS, c.category, self.lang),
            pick(m.REQUESTER_KINDS[c.requester_kind], self.lang),
            c.question,
            ", ".join(c.handled_by),
            pick(m.CONSULT_STATUSES[c.status], self.lang),
            self.date(c.follow_up, empty=""),
        ]
        return cells(values, "dim" if c.status == "closed" else "")

    def filter_changed(self, text: str) -> None:
        self.reload()

    def after_reload(self) -> None:
        status = pick(m.CONSULT_STATUSES[self.status], self.lang) if self.status else self.t("cs_all")
        self.query_one("#cs-count", Static).update(self.t("cs_showing", n=self.d(len(self.rows)), status=status))

    # -- actions ---------------------------------------------------------------------------
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
