"""Tick-off: record who signed the returned sign-off sheets, fast, from the keyboard.

Type to filter (name, code, position or division); while a search is being typed a space
goes into it (Thai names contain one), and enter or an arrow key ends the typing; then space
ticks or unticks the highlighted person with the tick date (taking back an acknowledgement
recorded before this sitting asks first); F3 sets that date, F4 the method, F5 ticks a whole printed page;
ctrl+z undoes the last change. Every tick is saved at once (one atomic write of this
document's acknowledgement file) and the row is updated in place.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from ethics_tui.model.notices import METHODS
from ethics_tui.registers.spec import Action
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service.notices_acks import Person
from ethics_tui.thai.dates import format_date, parse_date, today
from ethics_tui.thai.digits import apply_digits, to_arabic_digits
from ethics_tui.tui.registers import keys
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.record_table import cell, cells
from ethics_tui.tui.widgets.saving import run_write

COLUMNS = (("code", 6), ("name", 28), ("position", 30), ("division", 24), ("ack", 22))
PAGE = 300  # rows shown at once; typing narrows the list


class TickOffScreen(
    ListScreen,
    table_id="tick-table",
    columns=COLUMNS,
    flex="name",
    min_flex=20,
    priority=("ack", "code", "position", "division"),
    column_label="nt_col_{}",
    enter_action="",
):
    DEFAULT_CSS = """
    TickOffScreen #tick-table { height: 1fr; }
    TickOffScreen #tick-status, TickOffScreen #tick-filter { height: auto; padding: 0 1; }
    """
    #: actions that need a permission: hidden for other roles and refused in Thai if pressed
    BINDINGS, ACTION_PERMISSIONS = keys(
        Action("space", "toggle", "nt_toggle", "notices.write"),
        Action("f3", "set_date", "nt_set_date", "notices.write"),
        Action("f4", "method", "nt_method", "notices.write"),
        Action("f5", "page", "nt_page", "notices.write"),
        Action("ctrl+z", "undo", "nt_undo", "notices.write"),
    )

    # at 80 columns: the name and whether they acknowledged come first (columns by priority)

    def __init__(self, notice_id: int, then: str | None = None) -> None:
        super().__init__(then)
        self.notice_id = notice_id
        self.filter = ""
        self.tick_date: date = today()
        self.method = "sheet"
        self.undo_stack: list[tuple[str, list[int]]] = []  # (what was done, staff ids)
        self.typing = False  # a search is being typed: space goes into it
        self.sitting: set[int] = set()  # staff ticked on this screen since it opened

    def recreate(self) -> TickOffScreen:
        return TickOffScreen(self.notice_id)

    @property
    def people(self) -> dict[int, Person]:
        return self.rows

    def compose_top(self) -> ComposeResult:
        yield Static("", id="tick-title", classes="screen-title", markup=False)
        yield Static("", id="tick-status", markup=False)
        yield Static("", id="tick-filter", markup=False)

    def compose_bottom(self) -> ComposeResult:
        yield Static(self.t("nt_tick_keys"), classes="hint", markup=False)

    def prepare(self) -> None:
        n = svc.get(self.ctx, self.notice_id)
        head = svc.number_text(self.ctx, n) or n.title
        self.query_one("#tick-title", Static).update(
            self.d(self.t("nt_tick_title", title=f"{head} {n.title if head != n.title else ''}"))
        )

    # -- view ------------------------------------------------------------------------------
    def _status_cell(self, p: Person) -> Text:
        if p.done:
            return cell(self.d(f"✓ {format_date(p.date, 'abbr')}"), "green")
        return cell(self.t("nt_pending"), "yellow")

    def records(self):
        return acks.people(self.ctx, self.notice_id, self.filter)[:PAGE]

    def record_id(self, p: Person) -> int:
        return p.staff_id

    def row_cells(self, p: Person) -> list:
        return [
            *cells((self.d(p.code), p.name, p.position, p.division), "" if p.active else "dim strike"),
            self._status_cell(p),
        ]

    def after_reload(self) -> None:
        caret = "▏" if self.typing or not self.filter else ""
        self.query_one("#tick-filter", Static).update(
            self.t("nt_tick_filter", text=self.filter + caret) + (self.t("nt_tick_typing") if self.typing else "")
        )
        self.refresh_status()

    def refresh_status(self) -> None:
        cov = acks.coverage(self.ctx, self.notice_id)
        pick = 1 if self.lang == "en" else 0
        text = self.t(
            "nt_tick_status",
            done=cov.done,
            total=cov.total,
            pct=f"{cov.percent:.1f}",
            date=format_date(self.tick_date, "abbr"),
            method=METHODS[self.method][pick],
        )
        self.query_one("#tick-status", Static).update(self.d(text))

    def _refresh_rows(self, ids: list[int]) -> None:
        """Re-read the changed people and update their status cells in place."""
        fresh = {p.staff_id: p for p in acks.people(self.ctx, self.notice_id) if p.staff_id in set(ids)}
        for sid in ids:
            if sid in self.people and sid in fresh:
                self.people[sid] = fresh[sid]
                self.table.update_record(sid, self.row_cells(fresh[sid]))
        self.refresh_status()

    # -- typing filters --------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        if event.key == "backspace":
            if self.filter:
                self.filter = self.filter[:-1]
                self.typing = bool(self.filter)
                self.reload()
            event.stop()
            event.prevent_default()
            return
        if event.key == "enter" and self.typing:  # ends the search; the next space ticks
            self.typing = False
            self.reload()
            event.stop()
            event.prevent_default()
            return
        ch = event.character
        printable = ch and len(ch) == 1 and ch.isprintable() and not event.key.startswith(("ctrl+", "alt+"))
        if printable and (ch != " " or (self.typing and self.filter)):
            self.filter += ch
            self.typing = True
            self.reload()
            event.stop()
            event.prevent_default()
            return
        if ch != " " and self.typing:  # an arrow, a function key...: the search is no longer being typed
            self.typing = False
            self.reload()

    # -- actions ---------------------------------------------------------------------------
    def action_back(self) -> None:
        if self.filter:
            self.filter = ""
            self.typing = False
            self.reload()
            return
        self.app.pop_screen()

    def action_toggle(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        p = self.people[sid]
        if p.done and sid not in self.sitting:  # recorded earlier: ask before taking it back

            def answer(yes: bool | None) -> None:
                if yes:  # off the event loop, like every confirmed write (widgets/saving.py)
                    run_write(self, lambda: acks.unacknowledge(self.ctx, self.notice_id, [sid]), self._unticked)

            when = apply_digits(format_date(p.date, "abbr"), self.digits) if p.date else ""
            self.app.push_screen(ConfirmModal(self.t("nt_confirm_untick", name=p.name, date=when)), answer)
            return
        if p.done:
            self._untick(sid)
            return
        changed = acks.acknowledge(self.ctx, self.notice_id, [sid], on=self.tick_date, method=self.method)
        if changed:
            self.sitting.update(changed)
            self.undo_stack.append(("toggle", changed))
            self._refresh_rows(changed)
        self._next_row()

    def _untick(self, sid: int) -> None:
        self._unticked(acks.unacknowledge(self.ctx, self.notice_id, [sid]))

    def _unticked(self, changed: list[int]) -> None:
        if changed:
            self.undo_stack.append(("toggle", changed))
            self._refresh_rows(changed)
        self._next_row()

    def _next_row(self) -> None:
        row = self.table.cursor_row
        if row < self.table.row_count - 1:
            self.table.move_cursor(row=row + 1)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify(self.t("nt_nothing_undo"), severity="warning")
            return
        _what, ids = self.undo_stack.pop()
        changed = acks.undo(self.ctx, self.notice_id, ids)
        self._refresh_rows(changed)
        if len(ids) == 1 and ids[0] in self.people:
            self.table.move_cursor(row=self.table.get_row_index(str(ids[0])))
        self.notify(apply_digits(self.t("nt_undone", n=len(changed)), self.digits))

    def action_set_date(self) -> None:
        def parse(text: str) -> date:
            from ethics_tui.errors import UserError, ValidationError

            try:
                return acks.check_date(self.ctx, self.notice_id, parse_date(text))
            except ValidationError:
                raise
            except UserError as exc:  # an impossible date: shown at the field, not as a toast
                raise ValidationError({"text": (exc.th, exc.en)}) from None

        def done(value: date | None) -> None:
            if value is not None:
                self.tick_date = value
                self.refresh_status()

        self.app.push_screen(
            TextPromptModal(
                self.t("nt_set_date"), self.t("nt_date_prompt"), format_date(self.tick_date, "numeric"), on_save=parse
            ),
            done,
        )

    def action_method(self) -> None:
        keys = list(METHODS)
        self.method = keys[(keys.index(self.method) + 1) % len(keys)]
        self.refresh_status()

    def action_page(self) -> None:
        pages = acks.sheet_pages(self.ctx, self.notice_id)

        def parse(text: str) -> list[int]:
            try:
                page = int(to_arabic_digits(text.strip()))
            except ValueError:
                from ethics_tui.errors import ValidationError

                raise ValidationError({"text": ("ต้องเป็นตัวเลข", "digits only")}) from None
            changed = acks.mark_page(self.ctx, self.notice_id, page, on=self.tick_date, method=self.method)
            return [page, changed]

        def done(result) -> None:
            if result:
                page, changed = result
                if changed:
                    self.undo_stack.append(("page", changed))
                self._refresh_rows(changed)
                self.notify(apply_digits(self.t("nt_page_done", page=page, n=len(changed)), self.digits))

        if not pages:
            acks.mark_page(self.ctx, self.notice_id, 1)  # raises the "no sheet printed" message
        prompt = TextPromptModal(self.t("nt_page"), self.t("nt_page_prompt", n=len(pages)), on_save=parse)
        self.app.push_screen(prompt, done)
