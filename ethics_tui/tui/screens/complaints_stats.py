"""Public complaint statistics (counts only) for every role, and the lookup by receipt code."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Checkbox, Header, Input, Label, Static

from ethics_tui.errors import UserError
from ethics_tui.model import complaints as m
from ethics_tui.service import complaints as svc
from ethics_tui.thai.dates import fiscal_year, format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.screens.complaints_forms import InfoModal
from ethics_tui.tui.widgets.export import export_documents
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.prompt import TextPromptModal


def lookup_text(v: svc.StatusView, lang: str, digits: str = "arabic") -> str:
    lines = [f"{_(lang, 'สถานะ', 'Status')}: {m.step_label(v.status, lang)}", ""]
    lines += [f"  {format_date(d, 'abbr', digits, lang)}  {m.step_label(s, lang)}" for s, d in v.steps]
    if v.due:
        lines += ["", f"{_(lang, 'ขั้นตอนถัดไปภายใน', 'Next step due')} {format_date(v.due, 'abbr', digits, lang)}"]
    return "\n".join(lines)


def ask_lookup(screen) -> None:
    """Prompt for a receipt code, then show only its status and dates."""
    from ethics_tui.service.settings import get_settings

    lang, digits = screen.lang, get_settings(screen.ctx).digits

    def done(view) -> None:
        if view is not None:
            screen.app.push_screen(InfoModal(view.code, lookup_text(view, lang, digits), hint="esc / enter"))

    modal = TextPromptModal(
        _(lang, "ตรวจสอบสถานะด้วยรหัสรับเรื่อง", "Look up a receipt code"),
        _(lang, "รหัสรับเรื่อง", "Receipt code"),
        placeholder="K7QM-3XPA-9D",
        on_save=lambda code: svc.lookup(screen.ctx, code),
    )
    screen.app.push_screen(modal, done)


class ComplaintStatsScreen(GuardedScreen):
    """Counts per fiscal year or its first half; ctrl+e writes the statistics report PDF."""

    DEFAULT_CSS = """
    #cp-stats-bar { height: auto; padding: 0 1; }
    #cp-stats-bar Label { padding: 0 1; }
    #cp-fy { width: 12; }
    #cp-statement { padding: 1 2; height: auto; text-style: bold; }
    #cp-counts { padding: 0 2; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "toggle_half", "cp_half"),
        Binding("l", "lookup", "cp_lookup"),
        Binding("ctrl+e", "export", "cp_pdf"),
        Binding("escape", "back", "back"),
    ]

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then

    def recreate(self) -> ComplaintStatsScreen:
        return type(self)()

    def compose(self) -> ComposeResult:
        from datetime import date

        digits = self._digits()
        yield Header()
        yield Static(
            _(self.lang, "สถิติเรื่องร้องเรียน (จำนวนเท่านั้น)", "Complaint statistics (counts only)"), classes="screen-title"
        )
        with Horizontal(id="cp-stats-bar"):
            yield Label(_(self.lang, "ปีงบประมาณ พ.ศ.", "Fiscal year (B.E.)"))
            yield Input(
                apply_digits(fiscal_year(date.today()), digits),
                id="cp-fy",
                compact=True,
                restrict=r"[0-9๐-๙]*",
                max_length=4,
            )
            yield Checkbox(
                apply_digits(_(self.lang, "6 เดือนแรก (1 ต.ค.-31 มี.ค.)", "first six months (1 Oct-31 Mar)"), digits),
                id="cp-half",
                compact=True,
            )
        yield Static("", id="cp-statement", markup=False)
        yield Static("", id="cp-counts", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_stats()
        self.query_one("#cp-half", Checkbox).focus()  # letters stay free for h / l
        self.run_then()

    def _fy(self) -> int | None:
        from ethics_tui.thai.digits import to_arabic_digits

        text = to_arabic_digits(self.query_one("#cp-fy", Input).value.strip())
        return int(text) if text.isdigit() and len(text) == 4 else None

    def refresh_stats(self) -> None:
        fy = self._fy()
        statement = self.query_one("#cp-statement", Static)
        counts = self.query_one("#cp-counts", Static)
        if fy is None:
            statement.update(
                apply_digits(
                    _(self.lang, "พิมพ์ปีงบประมาณ พ.ศ. 4 หลัก เช่น 2568", "Type a 4-digit B.E. fiscal year"), self._digits()
                )
            )
            counts.update("")
            return
        try:
            s = svc.stats(self.ctx, fy, self.query_one("#cp-half", Checkbox).value)
        except UserError as exc:
            statement.update(exc.message(self.lang))
            counts.update("")
            return
        L = self.lang
        rows = [
            (_(L, "รับเรื่องทั้งหมด", "Received"), s.received),
            (_(L, "ดำเนินการแล้วเสร็จ", "Finished"), s.finished),
            (_(L, "อยู่ระหว่างดำเนินการ", "In progress"), s.in_progress),
            ("", None),
        ]
        rows += [(m.kind_label(k, L), n) for k, n in s.by_kind.items()] + [("", None)]
        rows += [(m.channel_label(ch, L), n) for ch, n in s.by_channel.items()]
        digits = self._digits()
        statement.update(apply_digits(svc.statement(s, L), digits))
        counts.update(
            "\n".join(
                label + " " * (34 - cell_len(label)) + apply_digits(f"{n:>5}", digits) if n is not None else ""
                for label, n in rows
            )
        )

    def _digits(self) -> str:
        from ethics_tui.service.settings import get_settings

        return get_settings(self.ctx).digits

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_stats()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.refresh_stats()

    def action_toggle_half(self) -> None:
        box = self.query_one("#cp-half", Checkbox)
        box.value = not box.value

    def action_lookup(self) -> None:
        ask_lookup(self)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        fy = self._fy()
        if fy is None:
            self.notify(_(self.lang, "ปีงบประมาณไม่ถูกต้อง", "Invalid fiscal year"), severity="warning")
            return
        half = self.query_one("#cp-half", Checkbox).value
        export_documents(
            self,
            [("complaint-stats", {"fy": fy, "half": half})],
            lambda paths: str(paths[0]),
            title="PDF",
            group="cp-export",
            announce=True,
        )
