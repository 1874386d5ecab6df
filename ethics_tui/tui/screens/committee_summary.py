"""Consultations per month and per category for a fiscal year: counts only, never people."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from ethics_tui.model import committee as m
from ethics_tui.model.labels import label
from ethics_tui.service import committee_consultations
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import MONTHS_ABBR, MONTHS_ABBR_EN, fiscal_year
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.widgets.plain import PlainDataTable


class SummaryModal(GuardedModal[None]):
    DEFAULT_CSS = """
    SummaryModal #dialog { width: 100; }
    SummaryModal #cs-months { width: 30; height: 16; }
    SummaryModal #cs-cats { width: 1fr; height: 16; }
    SummaryModal #cs-status { height: auto; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "year(-1)", show=False),
        Binding("right", "year(1)", show=False),
        Binding("escape", "close", "back"),
    ]

    def __init__(self, fy: int | None = None) -> None:
        super().__init__()
        self.fy = fy or fiscal_year(date.today())

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("", id="cs-summary-title", classes="dialog-title", markup=False)
            with Horizontal(classes="summary-tables"):
                yield PlainDataTable(id="cs-months", cursor_type="none", zebra_stripes=True)
                yield PlainDataTable(id="cs-cats", cursor_type="none", zebra_stripes=True)
            yield Static("", id="cs-status", markup=False)
            yield Static(self.t("cs_summary_keys"), classes="hint")

    def on_mount(self) -> None:
        self.digits = get_settings(self.ctx).digits
        self.query_one("#cs-months", DataTable).add_columns(self.t("cs_month"), self.t("cs_count"))
        self.query_one("#cs-cats", DataTable).add_columns(self.t("cs_col_category"), self.t("cs_count"))
        self.show()

    def show(self) -> None:
        s = committee_consultations.stats(self.ctx, self.fy)
        d = lambda v: apply_digits(v, self.digits)
        self.query_one("#cs-summary-title", Static).update(d(self.t("cs_summary_title", fy=self.fy, n=s["total"])))
        months = self.query_one("#cs-months", DataTable)
        months.clear()
        names = MONTHS_ABBR_EN if self.lang == "en" else MONTHS_ABBR
        for mo, n in s["months"]:
            months.add_row(names[mo - 1], d(n))
        cats = self.query_one("#cs-cats", DataTable)
        cats.clear()
        for name, n in s["categories"].items():
            cats.add_row(label(m.CATEGORY_LABELS, name, self.lang), d(n))
        statuses = " · ".join(f"{pick(m.CONSULT_STATUSES[k], self.lang)} {n}" for k, n in s["statuses"].items())
        channels = " · ".join(f"{pick(m.CHANNELS[k], self.lang)} {n}" for k, n in s["channels"].items())
        self.query_one("#cs-status", Static).update(d(f"{statuses}\n{channels}"))

    def action_year(self, step: int) -> None:
        self.fy += step
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
