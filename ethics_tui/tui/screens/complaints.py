"""เรื่องร้องเรียนการทุจริต: the complaints officer's case list with deadlines in view.

n new complaint (then the receipt code, p to print the slip) · enter open (confidential, the view
is logged) · m next step · p receipt PDF · ctrl+e case file PDF · l look up a code · t statistics ·
s channels and deadlines (complaints_settings.py) · d the destruction of expired records
(complaints_destruction.py).
Roles without the complaints role get the public statistics (counts only) instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from ethics_tui.model import complaints as m
from ethics_tui.model.complaints import Complaint
from ethics_tui.service import complaints as svc
from ethics_tui.service.access import can
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.complaints_forms import InfoModal, IntakeModal, StepModal, case_text, receipt_text
from ethics_tui.tui.screens.complaints_settings import open_settings
from ethics_tui.tui.screens.complaints_stats import ComplaintStatsScreen, ask_lookup
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.record_table import cells

COLUMNS = (("no", 9), ("code", 12), ("received", 12), ("channel", 15), ("status", 21), ("due", 14), ("subject", 24))


class ComplaintsScreen(
    ListScreen,
    table_id="cp-table",
    columns=COLUMNS,
    flex="subject",
    min_flex=14,
    priority=("no", "status", "due", "code", "received", "channel"),
    column_label="cp_col_{}",
    filter=True,
    filter_id="cp-filter",
    enter_action="open",
):
    DEFAULT_CSS = """
    #cp-filter { margin: 0 1; }
    #cp-summary { padding: 0 2; height: 1; color: $text-muted; }
    #cp-table { height: 1fr; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = spec_keys("complaints")

    def __init__(self, then: str | None = None) -> None:
        super().__init__(then)
        self.open_only = False

    def title_text(self) -> str:
        return _(self.lang, "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "Corruption complaints")

    def filter_placeholder(self) -> str:
        return _(self.lang, "ค้นหา: รหัส เลขรับ เรื่อง ช่องทาง ขั้นตอน", "filter: code, no., subject, step")

    def compose_top(self) -> ComposeResult:
        yield Static("", id="cp-summary", markup=False)

    def on_mount(self, event) -> None:
        if not can(self.ctx, "complaints.read"):  # everyone else gets the public statistics
            event.prevent_default()  # no table to fill (the list screen's on_mount does not run)
            stats = ComplaintStatsScreen(then=self.then if self.then in ("lookup",) else None)
            self.app.switch_screen(stats)
            if self.then == "complaint_settings":  # the administrator may change the settings
                self.app.call_later(open_settings, stats)
            elif self.then == "destruction" and can(self.ctx, "complaints.purge"):  # the administrator too
                from ethics_tui.tui.screens.complaints_destruction import DestructionScreen

                self.app.call_later(self.app.push_screen, DestructionScreen())

    def records(self):
        return svc.list_cases(self.ctx, self.filter_text, open_only=self.open_only)

    def row_cells(self, c: Complaint) -> list[Text]:
        late = c.overdue(date.today())
        due = (format_date(c.due, "abbr", lang=self.lang) + (" ⚠" if late else "")) if c.due else "-"
        values = [
            self.d(f"{c.number}/{c.fiscal_year}"),
            c.code,  # the code as printed (typed back)
            self.date(c.received_date),
            c.channel,
            m.step_label(c.status, self.lang),
            self.d(due),
            c.subject,
        ]
        out = cells(values, "dim" if c.status == "closed" else "")
        if late:
            out[5].stylize("bold red")
        return out

    def filter_changed(self, text: str) -> None:
        self.reload()

    def after_reload(self) -> None:
        late = svc.overdue_count(self.ctx)
        cases = self.rows.values()
        open_n = sum(1 for c in cases if c.status != "closed")
        text = _(
            self.lang,
            f"{len(cases)} เรื่อง · ค้างดำเนินการ {open_n} · เกินกำหนด {late}",
            f"{len(cases)} cases · open {open_n} · overdue {late}",
        )
        if self.open_only:
            text += _(self.lang, " · เฉพาะเรื่องค้าง (o)", " · open only (o)")
        self.query_one("#cp-summary", Static).update(self.d(text))

    def _selected(self) -> int | None:
        c = self.selected()
        return None if c is None else c.id

    def _selected_case(self) -> Complaint | None:
        """The selected case as stored now (read again: the row may be older)."""
        case_id = self._selected()
        return None if case_id is None else svc.get(self.ctx, case_id)

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

    def _show(self, title: str, text: str, hint: str, keys: dict[str, tuple[str, Callable[[], object]]]) -> None:
        """A box of text; a key of ``keys`` (key -> (name, what it runs)) closes it and runs its function."""
        run = dict(keys.values())
        names = {key: name for key, (name, _fn) in keys.items()}
        self.app.push_screen(InfoModal(title, text, names, hint), lambda name: name in run and run[name]())

    def _show_receipt(self, c: Complaint) -> None:
        self._show(
            _(self.lang, "รับเรื่องแล้ว", "Complaint registered"),
            receipt_text(c, self.lang, self.digits),
            _(self.lang, "p พิมพ์ใบรับเรื่อง (PDF) · esc ปิด", "p print the receipt (PDF) · esc close"),
            {"p": ("print", lambda: self.export("receipt", c.id))},
        )

    def action_open(self) -> None:
        c = self._selected_case()
        if c is None:
            return
        ident = svc.identity(self.ctx, c.id)  # logged as a view of a confidential record
        self._show(
            _(self.lang, "เรื่องร้องเรียน (ลับ)", "Complaint (confidential)"),
            case_text(self.ctx, c, ident, self.lang, self.digits),
            _(
                self.lang,
                "m ขั้นตอนถัดไป · p ใบรับเรื่อง · f แฟ้มลับ PDF · esc ปิด",
                "m next step · p receipt · f case file PDF · esc close",
            ),
            {
                "m": ("step", self.action_step),
                "p": ("print", lambda: self.export("receipt", c.id)),
                "f": ("file", lambda: self.export("casefile", c.id)),
            },
        )

    def action_step(self) -> None:
        c = self._selected_case()
        if c is None:
            return
        if not svc.next_steps(self.ctx, c):
            self.notify(_(self.lang, "เรื่องนี้ปิดแล้ว", "This case is closed"), severity="warning")
            return

        def done(saved: Complaint | None) -> None:
            if saved is not None:
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
        from ethics_tui.service import documents

        kind = {"receipt": "complaint-receipt", "casefile": "complaint-file"}[what]
        job = lambda progress: documents.write(self.ctx, kind, id=case_id)
        run_export(self, job, lambda paths: str(paths[0]), title="PDF", group="cp-export", announce=True)


def overdue_badge(ctx, lang: str) -> str:
    """The home menu badge: the overdue count, for the complaints officer only."""
    late = svc.overdue_count(ctx) if ctx is not None else 0
    return _(lang, f"⚠ เกินกำหนด {late}", f"⚠ {late} overdue") if late else ""
