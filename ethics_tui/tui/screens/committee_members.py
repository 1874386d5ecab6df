"""The order form's members: the table (role, name, position as the width allows) and its row,
with the member buttons in the label column beside the table."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Label, Static

from ethics_tui.tui.widgets.form import FieldRow
from ethics_tui.tui.widgets.plain import PlainDataTable
from ethics_tui.tui.widgets.record_table import fit_cell

#: the members table's columns (catalog keys of their headings), and the fewest cells the
#: position column is shown in
MEMBER_COLUMNS = ("cm_f_role", "cm_f_name", "cm_f_position")
POSITION_MIN = 10
#: the table's rows at least: beside the label and the three member buttons
MIN_ROWS = 4


class MembersRow(FieldRow):
    """The members: the label with the member buttons under it (the rows the label column
    leaves empty beside the table; they were a row of their own under the table, cut at 80
    columns), the table to the right."""

    def __init__(self, label: str, table: DataTable, buttons: list[Button]) -> None:
        super().__init__(label, table, "members")
        self.buttons = buttons

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-line"):
            with Vertical(classes="member-side"):
                yield Label(self.label, classes="field-label")
                for button in self.buttons:
                    button.can_focus = False  # tab goes to the table: ctrl+n, enter, delete there
                    yield button
            yield self.widget
        yield Static("", classes="field-error", id=f"err-{self.field}", markup=False)


class MembersTable(PlainDataTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit_member", show=False),
        Binding("delete", "screen.remove_member", show=False),
    ]

    #: the width the rows were last cut for
    cut_for: int | None = None

    def show(self, rows: list[tuple[str, str, str]], heads: list[str], cursor: int | None = None) -> None:
        """(role, name, position) rows: role and name, and the position while the width leaves
        it ``POSITION_MIN`` cells, the last column cut between words (at 80 columns the table
        has 48 cells: the position is in the member's dialog)."""
        widths = [max([cell_len(head)] + [cell_len(row[i]) for row in rows]) for i, head in enumerate(heads)]
        self.cut_for = width = self.size.width
        room = width - sum(w + 2 for w in widths[:2]) - 2  # a space either side of a cell; the scrollbar
        shown = 3 if not width or room >= POSITION_MIN else 2
        self.clear(columns=True)
        for key, head in zip(MEMBER_COLUMNS[:shown], heads, strict=False):
            self.add_column(head, key=key)
        last = room if shown == 3 else room + widths[1] + 2
        for i, row in enumerate(rows):
            cells: list = list(row[:shown])
            if width:
                cells[-1] = fit_cell(Text(cells[-1]), last)
            self.add_row(*cells, key=str(i))
        if cursor is not None and rows:
            self.move_cursor(row=max(0, min(cursor, len(rows) - 1)))

    def fit(self, room: int) -> None:
        """As tall as its rows, at least ``MIN_ROWS``, at most ``room`` (what the form's body
        shows): every member in view once the table has the focus."""
        self.styles.height = max(MIN_ROWS, min(self.row_count + 1, room))
