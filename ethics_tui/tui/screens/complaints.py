"""เรื่องร้องเรียนการทุจริต: the complaints officer's case list with deadlines in view.

n new complaint (then the receipt code, p to print the slip) · enter open (confidential, the view
is logged) · m next step · p receipt PDF · ctrl+e case file PDF · l look up a code · t statistics ·
s channels and deadlines (complaints_settings.py) · d the destruction of expired records
(complaints_destruction.py).
Roles without the complaints role get the public statistics (counts only) instead.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Input, Static

from ethics_tui.errors import UserError
from ethics_tui.model import complaints as m
from ethics_tui.model.complaints import Complaint
from ethics_tui.service import complaints as svc
from ethics_tui.service.access import can
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.registers import spec_bindings, spec_permissions
from ethics_tui.tui.screens.complaints_forms import InfoModal, IntakeModal, StepModal, case_text, receipt_text
from ethics_tui.tui.screens.complaints_settings import open_settings
from ethics_tui.tui.screens.complaints_stats import ComplaintStatsScreen, ask_lookup
from ethics_tui.tui.widgets.tables import cursor_id

COLUMNS = (("no", 9), ("code", 12), ("received", 12), ("channel", 15), ("status", 21), ("due", 14), ("subject", 24))
HEADS = {
    "no": ("เลขรับ", "No."),
    "code": ("รหัส", "Code"),
    "received": ("รับเมื่อ", "Received"),
    "channel": ("ช่องทาง", "Channel"),
    "status": ("ขั้นตอน", "Step"),
    "due": ("กำหนด", "Due"),
    "subject": ("เรื่อง", "Subject"),
}


class ComplaintsScreen(GuardedScreen):
    DEFAULT_CSS = """
    #cp-filter { margin: 0 1; }
    #cp-summary { padding: 0 2; height: 1; color: $text-muted; }
    #cp-table { height: 1fr; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    ACTION_PERMISSIONS: ClassVar[dict[str, str]] = spec_permissions("complaints")
    BINDINGS: ClassVar[list[BindingType]] = [
        *spec_bindings("complaints"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.open_only = False
        self.digits = "arabic"
        self.rows: dict[int, Complaint] = {}

    def recreate(self) -> ComplaintsScreen:
        return type(self)()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_(self.lang, "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "Corruption complaints"), classes="screen-title")
        yield Input(
            placeholder=_(self.lang, "ค้นหา: รหัส เลขรับ เรื่อง ช่องทาง ขั้นตอน", "filter: code, no., subject, step"),
            id="cp-filter",
        )
        yield Static("", id="cp-summary", markup=False)
        yield DataTable(id="cp-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        if not can(self.ctx, "complaints.read"):  # everyone else gets the public statistics
            stats = ComplaintStatsScreen(then=self.then if self.then in ("lookup",) else None)
            self.app.switch_screen(stats)
            if self.then == "complaint_settings":  # the administrator may change the settings
                self.app.call_later(open_settings, stats)
            elif self.then == "destruction" and can(self.ctx, "complaints.purge"):  # the administrator too
                from ethics_tui.tui.screens.complaints_destruction import DestructionScreen

                self.app.call_later(self.app.push_screen, DestructionScreen())
            return
        self.digits = get_settings(self.ctx).digits
        table = self.table
        for key, width in COLUMNS:
            table.add_column(_(self.lang, *HEADS[key]), key=key, width=width)
        self.reload()
        table.focus()
        self.run_then()

    @property
    def table(self) -> DataTable:
        return self.query_one("#cp-table", DataTable)

    def _cells(self, c: Complaint) -> list[Text]:
        late = c.overdue(date.today())
        due = (format_date(c.due, "abbr") + (" ⚠" if late else "")) if c.due else "-"
        d = self.digits  # the office's digits, except in the code (typed back as printed)
        values = [
            apply_digits(f"{c.number}/{c.fiscal_year}", d),
            c.code,
            format_date(c.received_date, "abbr", d),
            c.channel,
            m.step_label(c.status, self.lang),
            apply_digits(due, d),
            c.subject,
        ]
        style = "dim" if c.status == "closed" else ""
        out = [Text(v, style=style, no_wrap=True, overflow="ellipsis", end="") for v in values]
        if late:
            out[5].stylize("bold red")
        return out

    def reload(self, select_id: int | None = None) -> None:
        cases = svc.list_cases(self.ctx, self.query_one("#cp-filter", Input).value, open_only=self.open_only)
        keep = select_id if select_id is not None else self.selected_id()
        table = self.table
        table.clear()
        self.rows = {}
        for c in cases:
            self.rows[c.id] = c
            table.add_row(*self._cells(c), key=str(c.id))
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        late = svc.overdue_count(self.ctx)
        open_n = sum(1 for c in cases if c.status != "closed")
        text = _(
            self.lang,
            f"{len(cases)} เรื่อง · ค้างดำเนินการ {open_n} · เกินกำหนด {late}",
            f"{len(cases)} cases · open {open_n} · overdue {late}",
        )
        if self.open_only:
            text += _(self.lang, " · เฉพาะเรื่องค้าง (o)", " · open only (o)")
        self.query_one("#cp-summary", Static).update(apply_digits(text, self.digits))

    def selected_id(self) -> int | None:
        return cursor_id(self.table)

    def _selected(self) -> int | None:
        case_id = self.selected_id()
        if case_id is None:
            self.notify(self.t("no_selection"), severity="warning")
        return case_id

    def _update_row(self, c: Complaint) -> None:
        self.rows[c.id] = c
        for (key, _w), value in zip(COLUMNS, self._cells(c)):
            self.table.update_cell(str(c.id), key, value)

    # -- events ----------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "cp-filter":
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    # -- actions ---------------------------------------------------------------------------
    def action_focus_filter(self) -> None:
        self.query_one("#cp-filter", Input).focus()

    def action_back(self) -> None:
        box = self.query_one("#cp-filter", Input)
        if box.has_focus and box.value:
            box.value = ""
            return
        self.app.pop_screen()

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self.reload()

    def action_new(self) -> None:
        self.app.push_screen(IntakeModal(), self._added)

    def _added(self, c: Complaint | None) -> None:
        if c is None:
            return
        self.query_one("#cp-filter", Input).value = ""
        self.reload(select_id=c.id)
        self.table.focus()
        self._show_receipt(c)

    def _show_receipt(self, c: Complaint) -> None:
        def done(choice: str | None) -> None:
            if choice == "print":
                self.export("receipt", c.id)

        hint = _(self.lang, "p พิมพ์ใบรับเรื่อง (PDF) · esc ปิด", "p print the receipt (PDF) · esc close")
        self.app.push_screen(
            InfoModal(
                _(self.lang, "รับเรื่องแล้ว", "Complaint registered"),
                receipt_text(c, self.lang, self.digits),
                {"p": "print"},
                hint,
            ),
            done,
        )

    def action_open(self) -> None:
        case_id = self._selected()
        if case_id is None:
            return
        c = svc.get(self.ctx, case_id)
        ident = svc.identity(self.ctx, case_id)  # logged as a view of a confidential record

        def done(choice: str | None) -> None:
            if choice == "step":
                self.action_step()
            elif choice == "print":
                self.export("receipt", case_id)
            elif choice == "file":
                self.export("casefile", case_id)

        hint = _(
            self.lang,
            "m ขั้นตอนถัดไป · p ใบรับเรื่อง · f แฟ้มลับ PDF · esc ปิด",
            "m next step · p receipt · f case file PDF · esc close",
        )
        title = _(self.lang, "เรื่องร้องเรียน (ลับ)", "Complaint (confidential)")
        self.app.push_screen(
            InfoModal(
                title,
                case_text(self.ctx, c, ident, self.lang, self.digits),
                {"m": "step", "p": "print", "f": "file"},
                hint,
            ),
            done,
        )

    def action_step(self) -> None:
        case_id = self._selected()
        if case_id is None:
            return
        c = svc.get(self.ctx, case_id)
        if not svc.next_steps(self.ctx, c):
            self.notify(_(self.lang, "เรื่องนี้ปิดแล้ว", "This case is closed"), severity="warning")
            return

        def done(saved: Complaint | None) -> None:
            if saved is not None:
                self._update_row(saved)
                self.reload(select_id=saved.id)
                self.notify(f"{saved.code}: {m.step_label(saved.status, self.lang)}", markup=False)

        self.app.push_screen(StepModal(c), done)

    def action_receipt(self) -> None:
        case_id = self._selected()
        if case_id is not None:
            self.export("receipt", case_id)

    def action_casefile(self) -> None:
        case_id = self._selected()
        if case_id is not None:
            self.export("casefile", case_id)

    def action_confidential_exports(self) -> None:
        from ethics_tui.tui.screens.confidential_exports import ConfidentialExportsModal

        self.app.push_screen(ConfidentialExportsModal())

    def action_lookup(self) -> None:
        ask_lookup(self)

    def action_complaint_settings(self) -> None:
        open_settings(self)

    def action_destruction(self) -> None:
        from ethics_tui.tui.screens.complaints_destruction import DestructionScreen

        if not can(self.ctx, "complaints.purge"):
            self.notify(
                _(self.lang, "ไม่มีสิทธิ์ทำลายเรื่องร้องเรียน", "Not allowed to destroy complaint records"), severity="warning"
            )
            return
        self.app.push_screen(DestructionScreen())

    def action_stats(self) -> None:
        self.app.push_screen(ComplaintStatsScreen())

    def export(self, what: str, case_id: int) -> None:
        self.notify(self.t("working"))
        self._export(what, case_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="cp-export")
    def _export(self, what: str, case_id: int) -> None:
        from ethics_tui.service import documents

        try:
            out = documents.write(
                self.ctx, {"receipt": "complaint-receipt", "casefile": "complaint-file"}[what], id=case_id
            )
        except UserError as exc:
            self.app.call_from_thread(self.notify, exc.message(self.lang), severity="error", markup=False)
            return
        from ethics_tui.tui.export_notice import export_done, full

        self.app.call_from_thread(export_done, self.app, str(full(out)), out, title="PDF")


def overdue_badge(ctx, lang: str) -> str:
    """The home menu badge: the overdue count, for the complaints officer only."""
    late = svc.overdue_count(ctx) if ctx is not None else 0
    return _(lang, f"⚠ เกินกำหนด {late}", f"⚠ {late} overdue") if late else ""
