"""รายงานผลมาตรการ 6-7: readiness checklist, the six-column rows, texts, exports."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input, Static, TextArea

from ethics_tui.errors import ValidationError
from ethics_tui.model.report import ACTIVITIES, RowTexts
from ethics_tui.service import documents
from ethics_tui.service import report as report_svc
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.fiscal_year import YEAR_BINDINGS, FiscalYearScreen
from ethics_tui.tui.widgets.export import run_export
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.form import FieldRow, FormModal, too_long
from ethics_tui.tui.widgets.plain import PlainDataTable
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.thai_text import WrappedStatic, cell, height

WIDTHS = (30, 44, 40)  # the activity rows at 120 columns: activity, summary, results (scaled)
MARK = {"green": ("✓", "green"), "amber": ("!", "yellow"), "red": ("✗", "red")}


class OptionalPromptModal(TextPromptModal):
    """A one-line prompt that accepts an empty value (the ITA score: empty = clear)."""

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(self.label, Input(self.value, id="f-text", compact=True), "text")

    def collect(self):
        return self.input_value("text"), {}


def parse_ita(text: str) -> float | None:
    """An ITA score as typed (Arabic or Thai digits); empty = none."""
    from ethics_tui.thai.digits import to_arabic_digits

    text = to_arabic_digits((text or "").strip())
    if not text:
        return None
    try:
        score = float(text)
    except ValueError:
        score = float("nan")
    if not 0 <= score <= 100:  # also nan / inf
        raise ValidationError(
            {"text": (f"คะแนน ITA “{text}” ต้องเป็นตัวเลข 0 ถึง 100", f"ITA score '{text}' must be a number from 0 to 100")}
        )
    return score


class ReportTextsModal(FormModal[RowTexts | None]):
    def __init__(self, fy: int, key: str, texts: RowTexts) -> None:
        super().__init__()
        self.fy, self.key, self.texts = fy, key, texts
        title = next(a.title for a in ACTIVITIES if a.key == key)
        self.title_text = self.t("rp_form_title", name=title)

    def compose_fields(self) -> ComposeResult:
        for name in ("steps", "unit", "period", "extra_summary", "extra_results"):
            area = TextArea(getattr(self.texts, name), id=f"f-{name}", soft_wrap=True)
            area.styles.height = 6 if name in ("steps", "extra_summary", "extra_results") else 3
            yield FieldRow(self.t(f"rp_{name}"), area, name)

    def collect(self):
        values = {n: self.query_one(f"#f-{n}", TextArea).text.strip() for n in RowTexts.__dataclass_fields__}
        return RowTexts(**values), too_long(values)

    def save(self, value: RowTexts) -> RowTexts:
        report_svc.save_row_texts(self.ctx, self.fy, self.key, value)
        return value


class ReportScreen(FiscalYearScreen):
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    #: the report's own keys first, the year keys after them: at 80 columns the key line keeps
    #: the exports (x, v) and leaves out year keys (in f1 and the palette)
    BINDINGS, ACTION_PERMISSIONS = spec_keys("report", *YEAR_BINDINGS, back="app.pop_screen")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="rp-title", classes="screen-title", markup=False)
        yield Static("", id="rp-ita", markup=False)
        yield Static(self.t("rp_checks"), classes="hint")
        yield PlainDataTable(id="rp-checks", cursor_type="row")
        yield Static(self.t("rp_rows"), classes="hint")
        yield PlainDataTable(id="rp-rows", cursor_type="row", zebra_stripes=True)
        # the highlighted row's result, whole (the table cuts it at three lines)
        yield WrappedStatic("", id="rp-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        checks = self.query_one("#rp-checks", DataTable)
        self.msg_width = self._msg_width(self.size.width)
        checks.add_column("", key="mark", width=2)
        checks.add_column("", key="msg", width=self.msg_width)
        checks.styles.height = self._checks_height(self.size.height)
        rows = self.query_one("#rp-rows", DataTable)
        rows.styles.height = "1fr"  # the screen never scrolls: its title and year stay in view
        detail = self.query_one("#rp-detail", WrappedStatic)
        detail.styles.padding = (0, 1)
        detail.styles.max_height = 4 if self.size.height < 30 else 6  # again on resize
        self.row_widths = self._row_widths(self.size.width)
        self._row_columns()
        self.reload()
        checks.focus()
        self.run_then()

    @staticmethod
    def _msg_width(width: int) -> int:
        """The check message column: the screen less the mark, the cell padding and a scrollbar."""
        return max(30, min(110, width - 2 - 4 - 2 - 2))

    @staticmethod
    def _row_widths(width: int) -> tuple[int, ...]:
        """The three row columns share the screen (less the cells' padding and a scrollbar) as
        they share 120 columns, so that ผลลัพธ์ is never cut off at the right."""
        room = max(60, width - 2 * len(WIDTHS) - 2)
        first, second = (room * w // sum(WIDTHS) for w in WIDTHS[:2])
        return first, second, room - first - second

    def _row_columns(self) -> None:
        rows = self.query_one("#rp-rows", DataTable)
        rows.clear(columns=True)
        for key, width in zip(("activity", "summary", "results"), self.row_widths):
            rows.add_column(self.t(f"rp_col_{key}"), key=key, width=width)

    @staticmethod
    def _checks_height(height: int) -> int:
        """The readiness checks: 10 lines, fewer on a short terminal (5 at 24 lines), so that the
        report rows and the highlighted row's result keep room below them."""
        return max(4, min(10, height - 19))

    def on_resize(self, event) -> None:
        self.query_one("#rp-checks", DataTable).styles.height = self._checks_height(event.size.height)
        self.query_one("#rp-detail", WrappedStatic).styles.max_height = 4 if event.size.height < 30 else 6
        width = self._msg_width(event.size.width)
        if getattr(self, "msg_width", None) not in (None, width):
            self.msg_width = width
            checks = self.query_one("#rp-checks", DataTable)
            checks.clear(columns=True)
            checks.add_column("", key="mark", width=2)
            checks.add_column("", key="msg", width=width)
            self.reload()
        widths = self._row_widths(event.size.width)
        if getattr(self, "row_widths", None) not in (None, widths):
            self.row_widths = widths
            self._row_columns()
            self.reload()

    def reload(self) -> None:
        from ethics_tui.service.settings import get_settings

        ctx, fy = self.ctx, self.fy
        self.digits = d = get_settings(ctx).digits
        so_far = report_svc.as_of(fy)
        title = self.t("rp_title", fy=fy) + (f"\n{so_far[self.app.lang == 'en']}" if so_far else "")
        self.query_one("#rp-title", Static).update(apply_digits(title, d))
        score = report_svc.ita_score(ctx, fy)
        self.query_one("#rp-ita", Static).update(
            self.t("rp_ita", score=apply_digits(f"{score:.2f}", d))
            if score is not None
            else self.hint_text("rp_ita_none", "rp_ita_none_read", "ita")
        )
        table_rows, self.checks = report_svc.build(ctx, fy)
        table = self.query_one("#rp-checks", DataTable)
        table.clear()
        for n, c in enumerate(self.checks):
            mark, colour = MARK.get(c.status, ("?", "white"))
            msg = cell(apply_digits(c.message(self.lang), d), self.msg_width)
            table.add_row(Text(mark, style=f"bold {colour}"), msg, key=str(n), height=height(msg))
        rows = self.query_one("#rp-rows", DataTable)
        rows.clear()
        self.results = {}
        for act, (_m, cells) in zip(ACTIVITIES, table_rows):
            shown = [text.replace("\n", " · ") for text in (cells[0], cells[4], cells[5])]
            self.results[act.key] = shown[2]
            rows.add_row(*(cell(text, w, 3) for text, w in zip(shown, self.row_widths)), key=act.key, height=3)
        self._show_detail()

    def _show_detail(self) -> None:
        rows = self.query_one("#rp-rows", DataTable)
        text = ""
        if rows.row_count:
            key = rows.coordinate_to_cell_key(rows.cursor_coordinate).row_key.value
            text = f"{self.t('rp_col_results')}: {self.results.get(key, '')}"
        self.query_one("#rp-detail", WrappedStatic).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "rp-rows":
            self._show_detail()

    # -- actions ---------------------------------------------------------------------------
    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "rp-checks":
            check = self.checks[int(event.row_key.value)]
            if check.register:
                await self.app.run_action(f"open_register('{check.register}')")
        elif event.data_table.id == "rp-rows":
            self.action_edit()

    def action_edit(self) -> None:
        rows = self.query_one("#rp-rows", DataTable)
        if rows.row_count == 0:
            return
        key = rows.coordinate_to_cell_key(rows.cursor_coordinate).row_key.value
        texts = report_svc.texts(self.ctx, self.fy)[key]
        self.app.push_screen(ReportTextsModal(self.fy, key, texts), lambda saved: saved and self.reload())

    def action_ita(self) -> None:
        current = report_svc.ita_score(self.ctx, self.fy)

        def save(text: str) -> bool:  # a bad score keeps the prompt open with the reason
            report_svc.set_ita_score(self.ctx, self.fy, parse_ita(text))
            return True

        def chosen(saved: bool | None) -> None:
            if saved:
                self.reload()

        d = self.digits
        prompt = OptionalPromptModal(
            self.t("rp_score"),
            self.t("rp_score_prompt", fy=apply_digits(self.fy, d)),
            apply_digits(f"{current:.2f}", d) if current is not None else "",
            on_save=save,
        )
        self.app.push_screen(prompt, chosen)

    def _out(self, name: str) -> Path:
        from ethics_tui.service.exports import export_folder

        return export_folder(self.ctx, self.fy) / name

    def action_ita_items(self) -> None:
        from ethics_tui.tui.screens.report_ita import ItaItemsScreen

        self.app.push_screen(ItaItemsScreen(fy=self.fy))

    def action_export_pdf(self) -> None:
        self._export("pdf")

    def action_export_xlsx(self) -> None:
        self._export("xlsx")

    def action_evidence(self) -> None:
        import ethics_tui.tui.screens.report_ita  # noqa: F401 - its labels (the folder notices)

        self.notify(self.t("ita_working"), markup=False)
        self._export("evidence")

    def _export(self, kind: str) -> None:
        ctx, fy = self.ctx, self.fy
        if kind == "evidence":
            from ethics_tui.tui.screens.report_ita import export_evidence

            export_evidence(self)
            return
        if kind == "pdf":
            out = documents.default_path(ctx, "report", fy=fy)
            job = lambda progress: documents.write(ctx, "report", out, fy=fy)
        else:
            out = self._out(f"report-measures-6-7-{fy}.xlsx")
            job = lambda progress: report_svc.export_xlsx(ctx, fy, out)
        # the name is fixed (one per year): a file already there is replaced only if the user says so
        run_export(self, job, "rp_done", group="report-export", replaces=out)
