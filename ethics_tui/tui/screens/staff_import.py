"""Staff import: check the file first (dry run), show every bad row, then import all or nothing."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Static

from ethics_tui.errors import UserError
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.widgets.file_picker import PathInput, path_label
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.form import FieldRow
from ethics_tui.tui.widgets.list_screen import DigitsMixin
from ethics_tui.tui.widgets.plain import PlainDataTable

IMPORT_SUFFIXES = (".csv", ".xlsx")
_QUOTED = re.compile(r"(“[^”]*”|'[^'\s][^']*')")


def in_digits(text: str, digits: str) -> str:
    """A message of the import in the office's digits ("เพิ่ม ๙ คน", "แถว ๕"); what the file
    holds, quoted (“…”), stays as written."""
    parts = _QUOTED.split(text)
    return "".join(p if i % 2 else apply_digits(p, digits) for i, p in enumerate(parts))


def plan_warnings(plan, lang: str, digits: str) -> str:
    """The plan's warnings, one bullet line each."""
    pick = 1 if lang == "en" else 0
    return "".join("\n• " + in_digits(warning[pick], digits) for warning in plan.warnings)


def fill_preview(table: DataTable, rows, lang: str, digits: str = "arabic") -> None:
    """``rows`` (service.staff_preview.PreviewRow) in ``table``: one line each, as saved."""
    from ethics_tui.thai.dates import format_date
    from ethics_tui.tui.i18n import t

    # the widths are given: filled again after F2 picked a file, the table kept only its
    # headings' widths ("เพิ่ 000 นายสมช" for "เพิ่ม 0001 นายสมชาย …")
    keys = ("pv_action", "pv_code", "pv_name", "pv_position", "pv_level", "pv_division", "pv_type", "pv_start")
    lines = []
    for r in rows:
        start = format_date(date.fromisoformat(r.start_date), "numeric", digits) if r.start_date else ""
        name = r.name + ("" if r.active else f" ({t('pv_inactive', lang)})")
        lines.append((t(f"pv_{r.action}", lang), r.code, name, r.position, r.level, r.division, r.staff_type, start))
    table.clear(columns=True)
    for n, key in enumerate(keys):
        label = t(key, lang)
        table.add_column(label, key=key, width=max([cell_len(label)] + [cell_len(line[n]) for line in lines]))
    for i, line in enumerate(lines):
        table.add_row(line[0], *(Text(v, no_wrap=True) for v in line[1:]), key=str(i))


def fill_errors(table: DataTable, errors, lang: str, width: int, digits: str = "arabic") -> None:
    """Every bad row; a long reason wraps between Thai words and is shown whole."""
    from ethics_tui.tui.i18n import t
    from ethics_tui.tui.widgets.thai_text import cell, height

    table.clear(columns=True)
    table.add_column(t("col_row", lang), key="row")
    col_width = max(8, min(18, max((len(e.column) for e in errors), default=8)))
    reason_width = max(20, width - col_width - 12)
    table.add_column(t("col_column", lang), key="column", width=col_width)
    table.add_column(t("col_reason", lang), key="reason", width=reason_width)
    for i, err in enumerate(errors):
        column = cell(err.column, col_width, max_lines=3)
        reason = cell(in_digits(err.en if lang == "en" else err.th, digits), reason_width, max_lines=12)
        table.add_row(apply_digits(err.row, digits), column, reason, key=str(i), height=height(column, reason))


def ready_text(screen, plan) -> str:
    """ "ไฟล์ถูกต้อง: จะเพิ่ม ๙ คน …" in the office's digits; the people the file matches but
    does not change (the same sheet imported again) are counted apart, as the preview shows them."""
    from ethics_tui.service.staff_preview import preview_rows

    n = screen.d
    actions = Counter(r.action for r in preview_rows(screen.ctx, plan, limit=len(plan.rows)))
    names = " (" + ", ".join(plan.divisions_created) + ")" if plan.divisions_created else ""
    return screen.t(
        "import_ready",
        added=n(actions["add"]),
        updated=n(actions["update"]),
        same=same_text(screen, actions["same"]),
        divs=n(len(plan.divisions_created)),
        names=names,
    )


def same_text(screen, count: int) -> str:
    """ " ไม่เปลี่ยน ๔ คน" ("" for none)."""
    return screen.t("import_same", n=screen.d(count)) if count else ""


def resolve_path(text: str) -> Path:
    """A typed, pasted or dropped path (service.input_files.normalize_path)."""
    from ethics_tui.service.input_files import normalize_path

    return normalize_path(text)


class StaffImportModal(DigitsMixin, GuardedModal[object]):
    """Ask for a CSV/XLSX path, preview the import, then import. Dismisses the ImportPlan."""

    # at 80×24 a file with many errors pushed the buttons off the dialog: both lists are capped
    DEFAULT_CSS = """
    StaffImportModal #import-status { height: auto; max-height: 4; }
    StaffImportModal DataTable { height: auto; max-height: 12; }
    """

    BUTTONS: ClassVar[dict[str, str]] = {"check": "check", "import": "do_import", "map": "map_columns"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "do_import", "import", priority=True),
        Binding("ctrl+o", "map_columns", "map_open_key", priority=True),
        Binding("f2", "pick", "pick_file"),  # from the buttons or the lists too
        Binding("escape", "cancel", "cancel"),
    ]

    def __init__(self, default_path: str = "") -> None:
        super().__init__()
        self.default_path = default_path
        self.plan = None
        self.checked_path: Path | None = None
        self.wants_import = False  # ctrl+s pressed: say why nothing can be saved, if so

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="wide"):
            yield Static(self.t("import_title"), classes="dialog-title")
            yield FieldRow(
                path_label(self.t("import_path"), self.lang),
                PathInput(self.default_path, id="f-path", suffixes=IMPORT_SUFFIXES),
                "path",
            )
            yield Static("", id="import-status", markup=False)
            yield PlainDataTable(id="import-errors", cursor_type="row", zebra_stripes=True)
            yield PlainDataTable(id="import-preview", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="buttons"):
                yield Button(self.t("import_check"), id="check", compact=True)
                yield Button(self.t("import_do"), id="import", variant="primary", compact=True, disabled=True)
                yield Button(self.t("map_open"), id="map", compact=True)
                yield Button(self.t("cancel") + " (esc)", id="cancel", compact=True)
        yield Footer()  # F2 (pick a file), ctrl+s, ctrl+o, esc

    def on_mount(self) -> None:
        self.load_digits()
        for button in self.query(".buttons Button").results(Button):
            # four buttons in 80 columns: app.tcss's gap of 2 and a button's least width of 16
            # cut "ยกเลิก (esc)" to "ยกเลิก (" (the app's CSS wins over DEFAULT_CSS)
            button.styles.margin = (0, 1, 0, 0)
            button.styles.min_width = 0
        self.query_one(FieldRow).set_error(None)
        self.query_one("#import-errors", DataTable).display = False
        self.query_one("#import-preview", DataTable).display = False
        self.fit_tables()

    def on_resize(self) -> None:
        self.fit_tables()

    def fit_tables(self) -> None:
        """The lists take what the terminal leaves (the buttons stay inside at 80×24)."""
        for table in self.query(DataTable):
            table.styles.max_height = max(3, min(12, self.app.size.height - 18))
        self.query_one("#f-path", Input).focus()

    # -- events ----------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_check()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # the error list takes the focus; enter there re-checks the (corrected) file, as the
        # "check (enter)" button says (the preview's enter imports, as its button says)
        event.stop()
        if event.data_table.id == "import-preview":
            self.action_do_import()
        else:
            self.action_check()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.checked_path is not None and resolve_path(event.value) != self.checked_path:
            self.plan = None
            self.query_one("#import", Button).disabled = True

    # -- actions ---------------------------------------------------------------------------
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_pick(self) -> None:
        self.query_one("#f-path", PathInput).action_pick()

    def action_map_columns(self) -> None:
        """A file from another system (LHR, an Excel register): map its columns first."""
        from ethics_tui.tui.screens.staff_import_map import open_map

        open_map(self, self.query_one("#f-path", Input).value)

    def action_check(self, wants_import: bool = False) -> None:
        self.wants_import = wants_import
        text = self.query_one("#f-path", Input).value
        row = self.query_one(FieldRow)
        if not text.strip():
            row.set_error(self.t("path_missing"))
            return
        row.set_error(None)
        self._status(self.t("import_checking"))
        self.query_one("#import", Button).disabled = True
        self._run(resolve_path(text), dry_run=True)

    def action_do_import(self) -> None:
        path = resolve_path(self.query_one("#f-path", Input).value)
        if self.plan is not None and not self.plan.ok and self.checked_path == path:
            self._cannot(self.plan)  # a bad file: say so, do not just check it again
            return
        if self.plan is None or not self.plan.ok or self.checked_path is None:
            self.action_check(wants_import=True)
            return
        self._status(self.t("working"))
        self.query_one("#import", Button).disabled = True
        self._run(self.checked_path, dry_run=False)

    # -- work ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def _run(self, path: Path, dry_run: bool) -> None:
        from ethics_tui.service.staff_io import import_file

        try:
            plan = import_file(self.ctx, path, dry_run=dry_run)
        except UserError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._show_plan, path, plan, dry_run)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(text)
        status.set_class(error, "error")

    def _failed(self, exc: UserError) -> None:
        self.plan = None
        self.query_one("#import-errors", DataTable).display = False
        self.query_one("#import-preview", DataTable).display = False
        self._status(exc.message(self.lang), error=True)
        if self.wants_import:
            self.notify(exc.message(self.lang), severity="error", markup=False)

    def _cannot(self, plan) -> None:
        text = self.t("import_cannot", n=self.d(len(plan.errors)), check="enter")
        self._status(text, error=True)
        self.notify(text, severity="error", markup=False)

    def _show_plan(self, path: Path, plan, dry_run: bool) -> None:
        table = self.query_one("#import-errors", DataTable)
        preview = self.query_one("#import-preview", DataTable)
        self.plan = plan
        self.checked_path = path
        if not plan.ok:
            preview.display = False
            fill_errors(table, plan.errors, self.lang, min(self.app.size.width - 10, 104), self.digits)
            table.display = True
            text = self.t("import_errors", n=self.d(len(plan.errors))) + plan_warnings(plan, self.lang, self.digits)
            if any(e.row == plan.header_row for e in plan.errors):  # the header is not the app's own
                text = self.t("import_map_hint") + "\n" + text
            self._status(text, error=True)
            table.focus()
            if self.wants_import:
                self._cannot(plan)
            return
        table.display = False
        if not dry_run:
            self.dismiss(plan)
            return
        text = ready_text(self, plan)
        from ethics_tui.service.staff_preview import preview_rows

        rows = preview_rows(self.ctx, plan)
        fill_preview(preview, rows, self.lang, self.digits)
        preview.display = bool(rows)
        shown = ""  # the preview shows every row: no line to say so (the status holds 4 lines)
        if len(rows) < len(plan.rows):
            shown = "\n" + self.t("import_preview", n=self.d(len(rows)), total=self.d(len(plan.rows)))
        self._status(text + plan_warnings(plan, self.lang, self.digits) + shown)
        button = self.query_one("#import", Button)
        button.disabled = False
        button.focus()
