"""Tick-off: record who signed the returned sign-off sheets, fast, from the keyboard.

Type to filter (name, code, position or division); while a search is being typed a space
goes into it (Thai names contain one), and enter or an arrow key ends the typing; then space
ticks or unticks the highlighted person with the tick date (taking back an acknowledgement
recorded before this sitting asks first); F3 sets that date, F4 the method, F5 ticks a whole printed page;
ctrl+z undoes the last change. Every tick is saved at once (one atomic write of this
document's acknowledgement file) and the row is updated in place.

The writes go through the screen's ordered write queue (widgets/write_queue.py): a space shows
the tick at once (marked "⋯" until it is stored) and moves on, so typed-ahead keys are never
lost, even while another PC holds the database; the writes land in the order typed, an undo
after the write it undoes. A write that fails puts its row and every row changed after it back
to what is stored and says so in Thai (nothing from the failed key on was saved).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from ethics_tui.model.notices import METHODS
from ethics_tui.registers.spec import Action
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.service.access import can
from ethics_tui.service.notices_acks import Person
from ethics_tui.thai.dates import format_date, parse_date, today
from ethics_tui.thai.digits import apply_digits, to_arabic_digits
from ethics_tui.tui.i18n import th_en
from ethics_tui.tui.registers import keys
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.list_screen import ListScreen
from ethics_tui.tui.widgets.prompt import TextPromptModal
from ethics_tui.tui.widgets.record_table import cell, cells
from ethics_tui.tui.widgets.write_queue import write_queue

COLUMNS = (("code", 6), ("name", 28), ("position", 30), ("division", 24), ("ack", 22))
PAGE = 300  # rows shown at once; typing narrows the list
PENDING_MARK = "⋯ "  # before the status of a row whose change is not stored yet


@dataclass(eq=False)
class Change:
    """One undoable change: the people it changes (what the write changed, once stored) and
    how they were shown before it."""

    ids: list[int]
    before: dict[int, Person] = field(default_factory=dict)
    stored: bool = False


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
        self.undo_stack: list[Change] = []
        self.predicted: dict[int, Person] = {}  # rows as they will be once the queued writes land
        self.pending: Counter[int] = Counter()  # queued writes per staff id
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
        # a reader (the executive) may look: the keys that write are refused, so not offered
        yield Static(self.t("nt_tick_keys" if self.writer else "nt_tick_keys_view"), classes="hint", markup=False)

    @property
    def writer(self) -> bool:
        return can(self.ctx, "notices.write")

    def prepare(self) -> None:
        n = svc.get(self.ctx, self.notice_id)
        head = svc.number_text(self.ctx, n) or n.title
        self.query_one("#tick-title", Static).update(
            self.d(self.t("nt_tick_title", title=f"{head} {n.title if head != n.title else ''}"))
        )

    # -- view ------------------------------------------------------------------------------
    def _status_cell(self, p: Person) -> Text:
        mark = PENDING_MARK if p.staff_id in self.pending else ""
        if p.done:
            return cell(self.d(f"{mark}✓ {format_date(p.date, 'abbr', lang=self.lang)}"), "green")
        return cell(mark + self.t("nt_pending"), "yellow")

    def records(self):
        rows = acks.people(self.ctx, self.notice_id, self.filter)[:PAGE]
        return [self.predicted.get(p.staff_id, p) for p in rows]

    def record_id(self, p: Person) -> int:
        return p.staff_id

    def row_cells(self, p: Person) -> list:
        return [
            *cells((p.code, p.name, p.position, p.division), "" if p.active else "dim strike"),
            self._status_cell(p),
        ]

    def after_reload(self) -> None:
        caret = "▏" if self.typing or not self.filter else ""
        self.query_one("#tick-filter", Static).update(
            self.t("nt_tick_filter", text=self.filter + caret)
            + (self.t("nt_tick_typing") if self.typing and self.writer else "")
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
            date=format_date(self.tick_date, "abbr", lang=self.lang),
            method=METHODS[self.method][pick],
        )
        self.query_one("#tick-status", Static).update(self.d(text))

    def _refresh_rows(self, ids: list[int]) -> None:
        """Re-read the changed people and update their status cells in place."""
        fresh = {p.staff_id: p for p in acks.people(self.ctx, self.notice_id) if p.staff_id in set(ids)}
        for sid in ids:
            if sid in self.people and sid in fresh:
                self._show(fresh[sid])
        self.refresh_status()

    def _show(self, p: Person) -> None:
        self.people[p.staff_id] = p
        self.table.update_record(p.staff_id, self.row_cells(p))

    # -- the ordered writes ----------------------------------------------------------------
    def _queue(self, ids: list[int], after: dict[int, Person], work, stored, dropped, what: str = "") -> None:
        """Show ``after`` at once (pending) and queue ``work``; ``stored(result)`` when it lands,
        ``dropped()`` when it (or a write before it) failed."""
        for sid in ids:
            self.pending[sid] += 1
        for sid, p in after.items():
            self.predicted[sid] = p
            if sid in self.people:
                self._show(p)

        def landed() -> None:
            for sid in ids:
                self.pending[sid] -= 1
                if self.pending[sid] <= 0:
                    del self.pending[sid]
                    self.predicted.pop(sid, None)
            self._refresh_rows([sid for sid in ids if sid not in self.pending])

        def done(result) -> None:
            landed()
            stored(result)

        def undo() -> None:
            dropped()
            landed()

        if not what:
            names = [p.name for p in after.values()]
            what = names[0] if len(names) == 1 else self.d(th_en(self.lang, f"{len(ids)} คน", f"{len(ids)} people"))
        write_queue(self).put(work, done, undo, what)

    def _set(self, ids: list[int], done: bool) -> tuple[Change, dict[int, Person]]:
        """The change setting ``ids`` acknowledged (on the tick date) or pending, as shown."""
        change = Change(list(ids))
        after = {}
        for sid in ids:
            p = self.predicted.get(sid) or self.people.get(sid)
            if p is not None:
                change.before[sid] = p
                status, on, how = (
                    (acks.ACKED, self.tick_date.isoformat(), self.method) if done else (acks.PENDING, "", "")
                )
                after[sid] = p if p.done == done else replace(p, status=status, date=on, method=how)
        return change, after

    def _record(self, change: Change, after: dict[int, Person], work, then=None, what: str = "") -> None:
        """Queue an undoable change; ``then(changed)`` once it is stored."""
        self.undo_stack.append(change)

        def stored(changed: list[int]) -> None:
            change.ids, change.stored = list(changed), True
            if not changed and change in self.undo_stack:  # nothing changed: nothing to undo
                self.undo_stack.remove(change)
            if then is not None:
                then(changed)

        def dropped() -> None:
            if change in self.undo_stack:
                self.undo_stack.remove(change)

        self._queue(list(change.ids), after, work, stored, dropped, what)

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
                if yes:
                    self._untick(sid)

            when = format_date(p.date, "abbr", self.digits, self.lang) if p.date else ""
            self.app.push_screen(ConfirmModal(self.t("nt_confirm_untick", name=p.name, date=when)), answer)
            return
        if p.done:
            self._untick(sid)
            return
        ctx, nid, on, method = self.ctx, self.notice_id, self.tick_date, self.method
        change, after = self._set([sid], True)
        self.sitting.add(sid)  # a second space takes it back without asking
        self._record(change, after, lambda: acks.acknowledge(ctx, nid, [sid], on=on, method=method))
        self._next_row()

    def _untick(self, sid: int) -> None:
        ctx, nid = self.ctx, self.notice_id
        change, after = self._set([sid], False)
        self._record(change, after, lambda: acks.unacknowledge(ctx, nid, [sid]))
        self._next_row()

    def _next_row(self) -> None:
        row = self.table.cursor_row
        if row < self.table.row_count - 1:
            self.table.move_cursor(row=row + 1)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify(self.t("nt_nothing_undo"), severity="warning")
            return
        change = self.undo_stack.pop()
        ids = list(change.ids)
        ctx, nid = self.ctx, self.notice_id

        def stored(changed: list[int]) -> None:
            self.notify(apply_digits(self.t("nt_undone", n=len(changed)), self.digits))

        def dropped() -> None:  # the undo was not saved: it can be asked for again
            if change.stored:
                self.undo_stack.append(change)

        # change.ids is read when the undo runs: after the write it undoes has stored its ids
        undo = lambda: acks.undo(ctx, nid, change.ids)
        self._queue(ids, dict(change.before), undo, stored, dropped, self.t("nt_undo"))
        if len(ids) == 1 and ids[0] in self.people:
            self.table.move_cursor(row=self.table.get_row_index(str(ids[0])))

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
            if page not in pages:
                acks.mark_page(self.ctx, self.notice_id, page)  # raises the "no page N" message
            return page

        def done(page: int | None) -> None:
            if page is None:
                return
            ctx, nid, on, method = self.ctx, self.notice_id, self.tick_date, self.method

            def told(changed: list[int]) -> None:
                self.notify(apply_digits(self.t("nt_page_done", page=page, n=len(changed)), self.digits))

            change, after = self._set(pages[page], True)
            work = lambda: acks.mark_page(ctx, nid, page, on=on, method=method)
            self._record(change, after, work, told, self.d(th_en(self.lang, f"หน้า {page}", f"page {page}")))

        if not pages:
            acks.mark_page(self.ctx, self.notice_id, 1)  # raises the "no sheet printed" message
        prompt = TextPromptModal(self.t("nt_page"), self.t("nt_page_prompt", n=len(pages)), on_save=parse)
        self.app.push_screen(prompt, done)
