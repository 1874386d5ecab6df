"""Small helpers shared by the register tables (tables are keyed by record id)."""

from __future__ import annotations

from textual.widgets import DataTable


def cursor_id(table: DataTable) -> int | None:
    """The record id of the highlighted row, or None when the table is empty."""
    if table.row_count == 0:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
    return int(key.value) if key.value is not None else None


def plan_columns(columns, total: int, flex: str, min_flex: int, priority) -> list[tuple[int, int]]:
    """The columns that fit a terminal ``total`` cells wide, most important first
    (``priority``: keys, best first); the ``flex`` column (a title, a name) takes what is left,
    at least ``min_flex``. Columns keep their order. Returns (index in ``columns``, width) of
    each column shown; nothing is added to a table (see :func:`fit_columns`)."""
    widths = dict(columns)
    room = total - 4  # the scrollbar and the screen's edges
    chosen = {flex}
    used = min_flex + 2  # each cell has one space of padding either side
    for key in priority:
        if key != flex and used + widths[key] + 2 <= room:
            chosen.add(key)
            used += widths[key] + 2
    flex_width = max(min_flex, room - (used - min_flex))
    return [(i, flex_width if key == flex else width) for i, (key, width) in enumerate(columns) if key in chosen]


def fit_columns(table: DataTable, columns, label, total: int, flex: str, min_flex: int, priority) -> list[int]:
    """Add the columns of :func:`plan_columns` to ``table``. Returns the indices of the columns
    added: pass each row's cells through :func:`kept`."""
    plan = plan_columns(columns, total, flex, min_flex, priority)
    for i, width in plan:
        table.add_column(label(columns[i][0]), key=columns[i][0], width=width)
    return [i for i, _w in plan]


def kept(cells, indices: list[int]) -> list:
    return [cells[i] for i in indices]
