"""Small helpers shared by the register tables (tables are keyed by record id)."""

from __future__ import annotations

from textual.widgets import DataTable


def cursor_id(table: DataTable) -> int | None:
    """The record id of the highlighted row, or None when the table is empty."""
    if table.row_count == 0:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
    return int(key.value) if key.value is not None else None
