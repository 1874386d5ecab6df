"""หลักฐาน ITA รายข้อ: the year's ITA item table with each item's readiness, its files, the
officer-written texts, and the evidence folder. Reached from the report screen (``a``), the
home menu (``i``) and the palette ("หลักฐาน ITA: …")."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ethics_tui.errors import UserError
from ethics_tui.service import ita_texts
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.i18n import pick
from ethics_tui.tui.registers import spec_keys
from ethics_tui.tui.screens.fiscal_year import YEAR_BINDINGS, FiscalYearScreen
from ethics_tui.tui.widgets.export import ask_before_writing_into, run_export
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.form import FieldRow, FormModal, too_long
from ethics_tui.tui.widgets.plain import PlainDataTable, PlainOptionList
from ethics_tui.tui.widgets.thai_text import cell, height

MARK = {"green": ("✓", "green"), "amber": ("!", "yellow"), "red": ("✗", "red")}


class SectionPickModal(GuardedModal[str | None]):
    """Choose which officer-written text to edit."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "back")]

    def __init__(self, fy: int) -> None:
        super().__init__()
        self.fy = fy

    def compose(self) -> ComposeResult:
        yield Static(self.t("ita_pick", fy=self.fy), classes="dialog-title", markup=False)
        lang = self.app.lang
        opts = PlainOptionList(
            *[Option(pick(v[:2], lang), id=k) for k, v in ita_texts.SECTIONS.items()], id="ita-sections"
        )
        opts.styles.max_height = 16
        yield opts

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SectionTextModal(FormModal[str | None]):
    def __init__(self, fy: int, key: str) -> None:
        super().__init__()
        self.fy, self.key = fy, key
        name = pick(ita_texts.SECTIONS[key][:2], self.lang)
        self.title_text = self.t("ita_edit", name=name, fy=fy)

    def compose_fields(self) -> ComposeResult:
        fy = 0 if self.key == "complaint_unit" else self.fy
        area = TextArea(ita_texts.get(self.ctx, fy, self.key), id="f-text", soft_wrap=True)
        area.styles.height = 8
        yield FieldRow("", area, "text")

    def collect(self):
        text = self.query_one("#f-text", TextArea).text.strip()
        return text, too_long({"text": text})

    def save(self, value: str) -> str:
        ita_texts.save(self.ctx, 0 if self.key == "complaint_unit" else self.fy, self.key, value)
        return value


class ItaItemsScreen(FiscalYearScreen):
    #: the evidence files need only report.read (every role); writing the officer's texts is hr's
    BINDINGS, ACTION_PERMISSIONS = spec_keys("ita", back="app.pop_screen", first=YEAR_BINDINGS)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="ita-title", classes="screen-title", markup=False)
        yield Static("", id="ita-note", classes="hint", markup=False)
        yield PlainDataTable(id="ita-items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="ita-detail", markup=False)
        yield Static(self.t("ita_hint"), classes="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#ita-items", DataTable)
        self.add_columns(self.size.width)
        table.styles.height = "1fr"  # the title, the note and the hint stay on an 80×24 screen
        detail = self.query_one("#ita-detail", Static)  # the selected item in full: the cells are cut short
        detail.styles.height = "auto"
        detail.styles.max_height = 6
        detail.styles.padding = (0, 1)
        detail.styles.border_top = ("solid", "grey")
        self.reload()
        table.focus()
        self.run_then()

    @staticmethod
    def widths(width: int) -> tuple[int, int, int]:
        """(code, title, state) columns: fixed at 80 columns, the state taking the rest when wider."""
        if width < 110:
            return 6, 28, 32
        return 12, 40, max(32, width - 12 - 1 - 40 - 8 - 3)

    def add_columns(self, width: int) -> None:
        table = self.query_one("#ita-items", DataTable)
        self.col_widths = self.widths(width)
        code, title, state = self.col_widths
        table.clear(columns=True)
        table.add_column(self.t("ita_col_code"), key="code", width=code)
        table.add_column("", key="mark", width=1)
        table.add_column(self.t("ita_col_title"), key="title", width=title)
        table.add_column(self.t("ita_col_state"), key="state", width=state)

    def on_resize(self, event) -> None:
        if getattr(self, "col_widths", None) not in (None, self.widths(event.size.width)):
            self.add_columns(event.size.width)
            self.reload()

    def reload(self) -> None:
        from ethics_tui.service import ita_items
        from ethics_tui.service.settings import get_settings

        self.digits = d = get_settings(self.ctx).digits
        self.query_one("#ita-title", Static).update(self.t("ita_title", fy=apply_digits(self.fy, d)))
        try:
            table = ita_items.load(self.ctx, self.fy)
            self.checks = ita_items.checklist(self.ctx, self.fy)
        except UserError as exc:  # a broken item table: its reason, and no rows of another year
            self.checks = []
            self.query_one("#ita-note", Static).update(exc.message(self.app.lang))
            self.query_one("#ita-items", DataTable).clear()
            self.show_detail()
            return
        self.query_one("#ita-note", Static).update(apply_digits(note_for(table.note, self.app.lang), d))
        rows = self.query_one("#ita-items", DataTable)
        keep = rows.cursor_row  # the same item stays selected after a year's files are written
        rows.clear()
        _code, tw, sw = self.col_widths
        for n, c in enumerate(self.checks):
            mark, colour = MARK.get(c.status, ("?", "white"))
            lines = [ln for ln in c.lines if ln[0] == c.status] or c.lines
            state = "; ".join(ln[2] if self.app.lang == "en" else ln[1] for ln in lines)
            title, state = (cell(apply_digits(text, d), w) for text, w in ((c.item.title, tw), (state, sw)))
            rows.add_row(
                Text(c.item.code, no_wrap=True, overflow="ellipsis"),
                Text(mark, style=f"bold {colour}"),
                title,
                state,
                key=str(n),
                height=height(title, state),
            )
        if rows.row_count:
            rows.move_cursor(row=min(keep, rows.row_count - 1))
        self.show_detail()

    def detail_text(self, c) -> str:
        """The selected item: code and title, what it must show, and each output's state with its period."""
        from ethics_tui.service import ita_items

        en = self.app.lang == "en"
        d = self.digits
        parts = [f"{c.item.code} {apply_digits(c.item.title, d)}"]  # the code as in ITAS (O13), never Thai digits
        uses = c.item.uses()
        for n, (status, th, en_text) in enumerate(c.lines):
            when = ""
            if len({r for _n, r in uses}) > 1 and n < len(uses):  # files of two periods (O18: half year, last year)
                when = ita_items.period(uses[n][1], self.fy).label() + ": "
            parts.append(apply_digits(f"{MARK.get(status, ('?', ''))[0]} {when}{en_text if en else th}", d))
        if c.item.shows:
            parts.append(apply_digits(f"{self.t('ita_shows')}: {c.item.shows}", d))
        return "\n".join(parts)

    def show_detail(self) -> None:
        c = self._current()
        self.query_one("#ita-detail", Static).update(self.detail_text(c) if c is not None else "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def _current(self):
        rows = self.query_one("#ita-items", DataTable)
        if not self.checks or rows.row_count == 0:
            return None
        return self.checks[int(rows.coordinate_to_cell_key(rows.cursor_coordinate).row_key.value)]

    # -- actions ---------------------------------------------------------------------------
    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        check = self.checks[int(event.row_key.value)]
        await self.app.run_action(f"open_register('{check.register}')")

    def action_write(self) -> None:
        def picked(key: str | None) -> None:
            if key:
                self.app.push_screen(SectionTextModal(self.fy, key), lambda saved: saved is not None and self.reload())

        self.app.push_screen(SectionPickModal(self.fy), picked)

    def action_generate(self) -> None:
        check = self._current()
        if check is not None:
            self.notify(self.t("ita_working"), markup=False)
            self._write(check.item.code)

    def action_folder(self) -> None:
        self.notify(self.t("ita_working"), markup=False)
        self._write(None)

    def action_output(self, name: str) -> None:
        """Palette: make one output for this year (the first item that uses it)."""
        for c in self.checks:
            if name in {n for n, _r in c.item.uses()}:
                self._write(c.item.code, only=name)
                return
        self.notify(self.t("ita_done", path="-"), severity="warning")

    def _write(self, code: str | None, only: str | None = None) -> None:
        from ethics_tui.service import ita_items, report_evidence
        from ethics_tui.service.exports import export_folder
        from ethics_tui.service.ita_outputs import outputs

        if code is None:
            export_evidence(self, after=lambda _paths: self.reload())
            return
        ctx, fy = self.ctx, self.fy
        out = export_folder(ctx, fy) / f"ita-{fy}"
        todo = []  # (output, period, path): the names are fixed, known before anything is written
        for i, item in enumerate(ita_items.load(ctx, fy).items, 1):
            if item.code != code:
                continue
            for name, rule in item.uses():
                if only and name != only:
                    continue
                p = ita_items.period(rule, fy)
                todo.append((name, p, out / report_evidence.file_name(item, i, name, p)))

        def job(progress) -> list:
            return [outputs()[name].write(ctx, p, path) for name, p, path in todo]

        paths = [path for _name, _p, path in todo]
        run_export(self, job, "ita_done", group="ita-export", after=lambda _paths: self.reload(), replaces=paths)


def export_evidence(screen, after=None) -> None:
    """The year's ITA evidence folder (report and ITA item screens), with a progress bar per item."""
    from ethics_tui.service.exports import export_folder
    from ethics_tui.service.report_evidence import write_evidence

    ctx, fy = screen.ctx, screen.fy
    out = export_folder(ctx, fy) / f"ita-{fy}"
    # one folder per year (its index links to the files beside it): ask before writing over a set
    ask_before_writing_into(
        screen,
        out,
        lambda: run_export(
            screen,
            lambda progress: write_evidence(ctx, fy, out, progress=progress),
            lambda paths: screen.t("ita_folder_done", fy=screen.d(fy), n=screen.d(len(paths)), dir=out.absolute()),
            group="ita-export",
            timeout=20,
            min_steps=1,
            after=after,
        ),
    )


def note_for(note: str, lang: str) -> str:
    """The table's note (data: "ตรวจสอบกับคู่มือ ITAS … (check against the year's ITAS manual)")
    without its English gloss in the Thai UI."""
    import re

    return re.sub(r"\s*\((?=[^)]*[A-Za-z])[\x20-\x7e]*\)$", "", note) if lang == "th" else note
