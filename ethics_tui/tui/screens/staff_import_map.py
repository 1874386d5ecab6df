"""Staff import by column mapping (a file from LHR or the office's own Excel register).

Opened with ctrl+o (or the "จับคู่คอลัมน์" button) in the staff import dialog. The file's headers
are read and a mapping is guessed (column → field); each column has a Select to change it; a
column of national ID numbers is shown as skipped and has no Select (never stored). A saved
preset ("ชุดการจับคู่") can be chosen at the top, and the current mapping saved under a name for
next year (through the modal's ordered write queue, widgets/write_queue.py: the preset is
listed at once and stored in the background, also while another PC holds the database; a save
that fails takes it out of the list again and says why in Thai). ctrl+r previews the first rows
as they will be saved and checks the whole file;
ctrl+s imports all or nothing (``service.staff_mapping.import_mapped``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from ethics_tui.errors import UserError
from ethics_tui.service import staff_mapping as sm
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.i18n import th_en as _
from ethics_tui.tui.screens.staff_import import IMPORT_SUFFIXES, plan_warnings, ready_text
from ethics_tui.tui.widgets.file_picker import PathInput
from ethics_tui.tui.widgets.form import SEARCH_BOX_MAX, capped
from ethics_tui.tui.widgets.list_screen import DigitsMixin
from ethics_tui.tui.widgets.plain import PlainDataTable, PlainSelect
from ethics_tui.tui.widgets.write_queue import write_queue

PREVIEW_ROWS = 10


class StaffMapModal(DigitsMixin, GuardedModal[object]):
    """Dismisses the ImportPlan of a finished import, or None."""

    DEFAULT_CSS = """
    StaffMapModal #dialog { height: 100%; max-height: 100%; }
    StaffMapModal #map-cols { height: 1fr; min-height: 4; }
    StaffMapModal .map-line { height: 1; }
    StaffMapModal .map-head { width: 24; }
    StaffMapModal .map-line Select { width: 1fr; }
    StaffMapModal #map-preview { height: auto; max-height: 8; }
    StaffMapModal #map-status { height: auto; max-height: 4; }
    StaffMapModal .buttons { height: 1; }
    """
    BUTTONS: ClassVar[dict[str, str]] = {"map-check": "check", "map-save": "save_preset", "map-import": "do_import"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "check", "check", priority=True),
        Binding("ctrl+s", "do_import", "import", priority=True),
        Binding("escape", "cancel", "cancel"),
    ]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.path_text = path
        self.table: list[list[object]] = []
        self.headers: list[str] = []
        self.ids: set[int] = set()
        self.checked = None  # the dry-run plan of the current mapping
        self.bad = None  # ...when it has errors
        self.gen = 0  # bumped each time the file is (re)read: fresh widget ids
        self.selects: dict[int, Select] = {}  # column index -> its field Select (not for ID columns)

    def compose(self) -> ComposeResult:
        L = self.lang
        with Vertical(id="dialog", classes="wide"):
            yield Static(
                _(L, "นำเข้าบุคลากรโดยจับคู่คอลัมน์ (ไฟล์ของสำนักงานเองหรือจากระบบอื่น)", "Import staff by column mapping"),
                classes="dialog-title",
            )
            with Horizontal(classes="map-line"):
                yield Label(_(L, "ไฟล์ (f2 เลือก)", "File (f2 picks)"), classes="map-head")
                yield PathInput(self.path_text, id="map-path", suffixes=IMPORT_SUFFIXES)
            with Horizontal(classes="map-line"):
                yield Label(_(L, "ชุดที่บันทึกไว้", "Saved preset"), classes="map-head")
                yield PlainSelect([], id="map-preset", compact=True, prompt=_(L, "(ไม่ใช้)", "(none)"))
            yield VerticalScroll(id="map-cols")
            with Horizontal(classes="map-line"):
                yield Label(_(L, "บันทึกชุดชื่อ", "Save preset as"), classes="map-head")
                name = Input(id="map-name", compact=True, placeholder=_(L, "เช่น LHR ประจำปี", "e.g. LHR yearly"))
                yield capped(name, SEARCH_BOX_MAX)  # a preset's name: short, as a search
            yield PlainDataTable(id="map-preview", zebra_stripes=True, cursor_type="row")
            yield Static("", id="map-status", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_(L, "ตรวจ (ctrl+r)", "Check (ctrl+r)"), id="map-check", compact=True)
                yield Button(_(L, "บันทึกชุด", "Save preset"), id="map-save", compact=True)
                yield Button(
                    _(L, "นำเข้า (ctrl+s)", "Import (ctrl+s)"),
                    id="map-import",
                    variant="primary",
                    compact=True,
                    disabled=True,
                )
                yield Button(self.t("cancel") + " (esc)", id="map-cancel", compact=True)

    def on_mount(self) -> None:
        self.load_digits()
        self.query_one("#map-preview", DataTable).display = False
        try:
            presets = sm.presets(self.ctx)
        except UserError as exc:
            presets = []
            self._status(exc.message(self.lang), error=True)
        self.presets = {p.name: p for p in presets}
        self.query_one("#map-preset", Select).set_options([(p.name, p.name) for p in presets])
        if self.path_text.strip():
            self.read_file()
        else:
            self.query_one("#map-path", Input).focus()

    # -- the file and the mapping ------------------------------------------------------------
    def read_file(self) -> None:
        from ethics_tui.service.staff_io import read_table
        from ethics_tui.tui.screens.staff_import import resolve_path

        text = self.query_one("#map-path", Input).value
        if not text.strip():
            self._status(self.t("path_missing"), error=True)
            return
        try:
            self.table = read_table(resolve_path(text))
        except UserError as exc:
            self.table = []
            self._status(exc.message(self.lang), error=True)
            return
        except OSError as exc:
            self.table = []
            self._status(f"{text}: {exc.strerror or exc}", error=True)
            return
        at = sm.header_row(self.table) if self.table else 0
        self.headers = [str(h or "").lstrip("\ufeff").strip() for h in sm.header_cells(self.table)]
        self.ids = sm.id_columns(self.table, at)
        self.fill_columns(sm.suggest(self.headers))
        rows, cols = sum(1 for r in self.table[at + 1 :] if any(str(c or "").strip() for c in r)), len(self.headers)
        rows, cols, row = self.d(rows), self.d(cols), self.d(at + 1)
        where = _(self.lang, f" (หัวตารางแถวที่ {row})", f" (header in row {row})") if at else ""
        self._status(
            _(
                self.lang,
                f"อ่านแล้ว {rows} แถว {cols} คอลัมน์{where} ตรวจการจับคู่ แล้วกด ctrl+r ดูตัวอย่าง",
                f"Read {rows} rows, {cols} columns{where}; check the mapping, then ctrl+r",
            )
        )

    def fill_columns(self, columns: dict[str, str]) -> None:
        """One line per column of the file: its header and a Select of the app's fields."""
        self.gen += 1
        box = self.query_one("#map-cols", VerticalScroll)
        box.remove_children()
        options = [(self.t(f"map_field_{f}"), f) for f in sm.FIELDS]
        self.selects: dict[int, Select] = {}
        by_header = {sm._squash(h): f for f, h in columns.items()}
        lines = []
        for i, h in enumerate(self.headers):
            if i in self.ids:
                right = Static(
                    Text(
                        _(self.lang, "เลขประจำตัวประชาชน: ข้าม ไม่เก็บ (จับคู่ไม่ได้)", "national ID: skipped, never stored"),
                        style="bold yellow",
                    ),
                    classes="map-skip",
                )
            else:
                right = self.selects[i] = PlainSelect(
                    options,
                    value=by_header.get(sm._squash(h), Select.NULL),
                    id=f"map-col-{self.gen}-{i}",
                    compact=True,
                    prompt=_(self.lang, "(ไม่นำเข้า)", "(not imported)"),
                )
            lines.append(
                Horizontal(
                    Label(Text(h or "-", no_wrap=True, overflow="ellipsis"), classes="map-head"),
                    right,
                    classes="map-line",
                )
            )
        box.mount_all(lines)
        self._changed()

    def set_mapping(self, columns: dict[str, str]) -> None:
        by_header = {sm._squash(h): f for f, h in columns.items()}
        for i, sel in self.selects.items():
            sel.value = by_header.get(sm._squash(self.headers[i]), Select.NULL)
        self._changed()

    def mapping(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for i, h in enumerate(self.headers):
            if i in self.ids:
                continue
            sel = self.selects.get(i)
            if sel is not None and sel.value != Select.NULL and sel.value not in out:
                out[str(sel.value)] = h
        return out

    def preset(self) -> sm.Preset:
        name = self.query_one("#map-name", Input).value.strip()
        chosen = self.query_one("#map-preset", Select).value
        values = self.presets[chosen].values if chosen in self.presets else {}
        return sm.Preset(name or "ชั่วคราว", self.mapping(), dict(values))

    def _changed(self) -> None:
        self.checked = None
        self.bad = None  # the dry-run plan with errors of the current mapping
        self.query_one("#map-import", Button).disabled = True

    def on_select_changed(self, event: Select.Changed) -> None:
        sel = event.select
        if sel.id == "map-preset":
            p = self.presets.get(sel.value) if sel.value != Select.NULL else None
            if p is not None and self.headers:
                self.query_one("#map-name", Input).value = p.name
                self.set_mapping(p.columns)
            return
        if sel in self.selects.values() and sel.value != Select.NULL:
            for other in self.selects.values():  # a field comes from one column only
                if other is not sel and other.value == sel.value:
                    other.value = Select.NULL
        self._changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "map-path":
            self.read_file()
        elif event.input.id == "map-name":
            self.action_save_preset()

    # -- actions ---------------------------------------------------------------------------
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save_preset(self) -> None:
        p = self.preset()
        if not self.query_one("#map-name", Input).value.strip():
            self._status(_(self.lang, "ตั้งชื่อชุดการจับคู่ก่อนบันทึก", "Name the preset first"), error=True)
            self.query_one("#map-name", Input).focus()
            return
        try:
            p.validate()  # a bad mapping is refused at once, before anything is queued
        except UserError as exc:
            self._status(self._reason(exc), error=True)
            return
        old = self.presets.get(p.name)
        self._list_preset(p.name, p)
        self._status(_(self.lang, f"กำลังบันทึกชุดการจับคู่ “{p.name}”…", f"Saving the preset '{p.name}'…"))

        def stored(_result) -> None:
            self._status("")
            self.notify(
                _(self.lang, f"บันทึกชุดการจับคู่ “{p.name}” แล้ว ปีหน้าเลือกชุดนี้ได้เลย", f"Saved the preset '{p.name}'"),
                markup=False,
            )

        queue = write_queue(self)
        queue.failed = lambda text: self._status(text, error=True)
        ctx = self.ctx
        queue.put(lambda: sm.save_preset(ctx, p), stored, lambda: self._list_preset(p.name, old), p.name)

    def _list_preset(self, name: str, preset: sm.Preset | None) -> None:
        """Put ``preset`` in the list under ``name`` (None: take it out); the choice stays."""
        if preset is None:
            self.presets.pop(name, None)
        else:
            self.presets[name] = preset
        select = self.query_one("#map-preset", Select)
        chosen = select.value
        select.set_options([(n, n) for n in sorted(self.presets)])
        if chosen in self.presets:
            select.value = chosen

    def _reason(self, exc: UserError) -> str:
        errors = getattr(exc, "errors", None)
        if errors:
            pick = 1 if self.lang == "en" else 0
            return "\n".join(v[pick] for v in errors.values())
        return exc.message(self.lang)

    def action_check(self) -> None:
        if not self.table:
            self.read_file()
            if not self.table:
                return
        p = self.preset()
        try:
            p.validate()
            mapped = sm.apply(self.table, p)
        except UserError as exc:
            self._status(self._reason(exc), error=True)
            return
        if not any(mapped.table[mapped.at + 1 :]):
            self.query_one("#map-preview", DataTable).display = False
        self._status(self.t("import_checking"))
        self._run(p, dry_run=True)

    def action_do_import(self) -> None:
        if self.bad is not None:  # the mapping checked gives errors: say so, save nothing
            text = self.t("import_cannot", n=self.d(len(self.bad.errors)), check="ctrl+r")
            self._status(text, error=True)
            self.notify(text, severity="error", markup=False)
            return
        if self.checked is None or not self.checked.ok:
            self.action_check()
            return
        self._status(self.t("working"))
        self.query_one("#map-import", Button).disabled = True
        self._run(self.preset(), dry_run=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="map-import")
    def _run(self, preset: sm.Preset, dry_run: bool) -> None:
        from ethics_tui.tui.screens.staff_import import resolve_path

        path = resolve_path(self.query_one("#map-path", Input).value)
        try:
            plan, _mapped = sm.import_mapped(self.ctx, path, preset, dry_run=dry_run)
        except UserError as exc:
            self.app.call_from_thread(self._status, self._reason(exc), True)
            return
        self.app.call_from_thread(self._show_plan, plan, dry_run)

    def _show_plan(self, plan, dry_run: bool) -> None:
        from ethics_tui.service.staff_preview import preview_rows
        from ethics_tui.tui.screens.staff_import import fill_errors, fill_preview

        preview = self.query_one("#map-preview", DataTable)
        preview.display = True
        if not plan.ok:
            self.bad, self.checked = plan, None
            fill_errors(preview, plan.errors, self.lang, min(self.app.size.width - 10, 104), self.digits)
            text = self.t("import_errors", n=self.d(len(plan.errors)))
            self._status(text + plan_warnings(plan, self.lang, self.digits), error=True)
            return
        fill_preview(preview, preview_rows(self.ctx, plan, PREVIEW_ROWS), self.lang, self.digits)
        if not dry_run:
            self.dismiss(plan)
            return
        self.checked, self.bad = plan, None  # a check that passes clears the last one's errors
        text = ready_text(self, plan)
        skipped = [self.headers[i] for i in sorted(self.ids)]
        if skipped:
            text += _(
                self.lang,
                f" · ข้ามคอลัมน์เลขประจำตัวประชาชน: {', '.join(skipped)}",
                f" · skipped national ID column(s): {', '.join(skipped)}",
            )
        self._status(text + plan_warnings(plan, self.lang, self.digits))
        button = self.query_one("#map-import", Button)
        button.disabled = False
        button.focus()

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#map-status", Static)
        status.update(text)
        status.set_class(error, "error")


def open_map(modal, path: str) -> None:
    """From the import dialog: the mapping modal; a finished import closes both."""

    def done(plan) -> None:
        if plan is not None:
            modal.dismiss(plan)
        else:  # esc: typing goes on in the path (the error list had the focus before ctrl+o)
            modal.query_one("#f-path").focus()

    modal.app.push_screen(StaffMapModal(path), done)
