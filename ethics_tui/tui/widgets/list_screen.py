"""The base of the register list screens: one :class:`RecordTable` of records and what every
such screen did for itself (columns for the terminal width, digits, cells, an optional
filter-as-you-type box, the cursor kept across reloads, back, reload on resume, the selection).

A subclass declares its table in the class statement (keywords of ``__init_subclass__``, the
lower-case names of the class attributes below)::

    class NoticesScreen(ListScreen, table_id="nt-table", columns=COLUMNS, flex="title",
                        priority=("status", "date"), column_label="nt_col_{}", title_key="nt_title"):

and defines :meth:`records` and :meth:`row_cells`; :meth:`after_reload` refreshes its other widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input, Static

from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.crash import GuardedScreen
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.form import SEARCH_BOX_MAX
from ethics_tui.tui.widgets.record_table import RecordTable


class DigitsMixin:
    """``self.digits`` from the office settings and the helpers that apply it."""

    digits: str = "arabic"

    def load_digits(self) -> None:
        self.digits = get_settings(self.ctx).digits  # type: ignore[attr-defined]

    def d(self, value: object) -> str:
        """``value`` as text in the office's digits."""
        return apply_digits("" if value is None else str(value), self.digits)

    def date(self, iso: str | None, style: str = "abbr", empty: str = "-") -> str:
        """A stored ISO date as a B.E. date in the office's digits, the month named in the UI
        language (``1 ต.ค. 2569`` / ``1 Oct 2569``; ``empty`` when unset)."""
        return format_date(iso, style, self.digits, self.lang) if iso else empty  # type: ignore[attr-defined]

    def pick(self, pair: Sequence[str]) -> str:
        """The (Thai, English) label for the UI language."""
        return pair[1] if self.lang == "en" else pair[0]  # type: ignore[attr-defined]


class ListScreen(DigitsMixin, GuardedScreen):
    """A register list screen (see the module docstring)."""

    TABLE_ID: ClassVar[str] = "records"
    COLUMNS: ClassVar[Sequence[tuple[str, int]]] = ()
    FLEX: ClassVar[str | None] = None
    MIN_FLEX: ClassVar[int] = 12
    PRIORITY: ClassVar[Sequence[str]] = ()
    COLUMN_LABEL: ClassVar[str] = "{}"
    TITLE_KEY: ClassVar[str] = ""
    TITLE_ID: ClassVar[str | None] = None
    #: an Input above the table that filters the rows as the user types
    FILTER: ClassVar[bool] = False
    FILTER_ID: ClassVar[str] = "filter"
    #: record ids are ints (False: strings, e.g. user names)
    INT_KEYS: ClassVar[bool] = True
    #: the action enter on a row runs ("" for none)
    ENTER_ACTION: ClassVar[str] = "edit"
    #: the warning when an action needs a row and none is highlighted
    NO_SELECTION: ClassVar[str] = "no_selection"

    _SPEC_KEYS = (
        "table_id",
        "columns",
        "flex",
        "min_flex",
        "priority",
        "column_label",
        "title_key",
        "title_id",
        "filter",
        "filter_id",
        "int_keys",
        "enter_action",
        "no_selection",
    )

    def __init_subclass__(cls, **kwargs) -> None:
        for key in ListScreen._SPEC_KEYS:
            if key in kwargs:
                setattr(cls, key.upper(), kwargs.pop(key))
        super().__init_subclass__(**kwargs)

    def __init__(self, then: str | None = None) -> None:
        super().__init__()
        self.then = then
        self.rows: dict[Any, Any] = {}

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        title = self.title_text()
        if title:
            yield Static(title, classes="screen-title", markup=False, id=self.TITLE_ID)
        if self.FILTER:
            yield Input(placeholder=self.filter_placeholder(), id=self.FILTER_ID, max_length=SEARCH_BOX_MAX)
        yield from self.compose_top()
        yield from self.compose_table()
        yield from self.compose_bottom()
        yield Footer()

    def title_text(self) -> str:
        return self.t(self.TITLE_KEY) if self.TITLE_KEY else ""

    def filter_placeholder(self) -> str:
        return self.t("filter_ph")

    def compose_top(self) -> ComposeResult:
        """Widgets between the title (and filter box) and the table."""
        yield from ()

    def compose_table(self) -> ComposeResult:
        """The table (override to put it in a container with a panel beside it)."""
        yield self.make_table()

    def compose_bottom(self) -> ComposeResult:
        """Widgets between the table and the footer."""
        yield from ()

    def make_table(self) -> RecordTable:
        return RecordTable(
            self.COLUMNS,
            flex=self.FLEX,
            min_flex=self.MIN_FLEX,
            priority=self.PRIORITY,
            int_keys=self.INT_KEYS,
            id=self.TABLE_ID,
        )

    def column_label(self, key: str) -> str:
        return self.t(self.COLUMN_LABEL.format(key))

    # Textual calls a message handler of every class in the MRO: subclasses override these
    # hooks, not ``on_mount`` / ``on_screen_resume`` / ``on_data_table_row_selected``.
    def on_mount(self) -> None:
        self.load_digits()
        for table in self.query(RecordTable):
            table.setup(self.column_label, self.app.size.width)
        self.prepare()
        self.reload()
        self.first_focus().focus()
        self.run_then()

    def prepare(self) -> None:
        """Once, after the columns are set up and before the first load."""

    def first_focus(self):
        return self.table

    def on_screen_resume(self) -> None:
        if self.is_current:  # not while sign-out clears the stack (nobody is signed in)
            self.resumed()

    def resumed(self) -> None:
        """The screen is shown again (a form or a screen on top closed): reload."""
        self.reload()

    @property
    def table(self) -> RecordTable:
        return self.query_one(f"#{self.TABLE_ID}", RecordTable)

    # -- data ------------------------------------------------------------------------------
    def records(self) -> Iterable[Any]:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def row_cells(self, record: Any) -> Sequence[object]:  # pragma: no cover
        raise NotImplementedError

    def record_id(self, record: Any) -> Any:
        return record.id

    def reload(self, select_id: Any = None) -> None:
        """Load the records again; the highlighted one (or ``select_id``) stays highlighted."""
        records = list(self.records())
        self.rows = {self.record_id(r): r for r in records}
        self.table.load(((self.record_id(r), self.row_cells(r)) for r in records), keep=select_id)
        self.after_reload()

    def after_reload(self) -> None:
        """Refresh the screen's other widgets (counts, summaries) after a reload."""

    def selected_id(self):
        return self.table.record_id

    def selected(self) -> Any:
        """The highlighted record (as loaded), or None with a warning."""
        rid = self.selected_id()
        if rid is None or rid not in self.rows:
            self.notify(self.t(self.NO_SELECTION), severity="warning")
            return None
        return self.rows[rid]

    # -- events ----------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == self.TABLE_ID and self.ENTER_ACTION:
            getattr(self, f"action_{self.ENTER_ACTION}")()
        else:
            self.row_chosen(event.data_table)

    def row_chosen(self, table: DataTable) -> None:
        """Enter on a row of another table of the screen."""

    @property
    def filter_text(self) -> str:
        return self.query_one(f"#{self.FILTER_ID}", Input).value if self.FILTER else ""

    def filter_changed(self, text: str) -> None:
        """The filter box changed: filter the rows loaded (a screen that searches reloads)."""
        self.table.set_filter(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.FILTER and event.input.id == self.FILTER_ID:
            self.filter_changed(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.FILTER and event.input.id == self.FILTER_ID:
            self.table.focus()

    def action_focus_filter(self) -> None:
        self.query_one(f"#{self.FILTER_ID}", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        """Escape: clear a filter being typed and go back to the table (so that a command key
        typed next, such as ``n``, is a command again, not more search text), else close the
        screen."""
        if self.FILTER:
            box = self.query_one(f"#{self.FILTER_ID}", Input)
            if box.has_focus and box.value:
                box.value = ""
                self.table.focus()
                return
        self.app.pop_screen()
