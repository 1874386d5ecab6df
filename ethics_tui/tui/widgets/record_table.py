"""RecordTable: the one table of the register screens (rows keyed by record id).

* columns chosen by priority for the terminal width (:func:`~.tables.plan_columns`), the flex
  column taking what is left; chosen again when the terminal's width changes (:meth:`refit`);
* cells that never wrap: a value wider than its column is shown cut between Thai words and
  marked "…" (Rich would cut "ให้คำปรึก"), see :func:`fit_cell`; the stored cell stays whole;
* filter-as-you-type (:meth:`RecordTable.set_filter`) over the plain text of the row;
* the highlighted record kept across reloads (by id);
* rows whose cells did not change are left alone: a reload that changes one count updates that
  cell in place instead of clearing and rebuilding the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text

from ethics_tui.thai.wrap import wrap_spans
from ethics_tui.tui.widgets.plain import PlainDataTable
from ethics_tui.tui.widgets.tables import plan_columns

Columns = Sequence[tuple[str, int]]


def cell(value: object, style: str = "") -> Text:
    """A one-line table cell (the no-wrap cell builder the screens shared)."""
    if isinstance(value, Text):
        value.no_wrap, value.overflow, value.end = True, "ellipsis", ""
        if style:
            value.stylize(style)
        return value
    return Text("" if value is None else str(value), style=style, no_wrap=True, overflow="ellipsis", end="")


def cells(values: Iterable[object], style: str = "") -> list[Text]:
    return [cell(v, style) for v in values]


def fit_cell(text: Text, width: int) -> Text:
    """``text`` cut at the last Thai word boundary that leaves room for "…" in ``width`` cells
    (unchanged when it fits). Styles are kept."""
    plain = text.plain
    if width <= 1 or cell_len(plain) <= width or "\n" in plain:
        return text
    spans = wrap_spans(plain, width - 1)
    end = spans[0][1] if spans else 0
    out = text[:end]
    out.rstrip()
    out.append("…")
    out.no_wrap, out.overflow, out.end = True, "crop", ""
    return out


_BLANK = Text("")  # stands for a cell whose width is not measured (see _update_dimensions)

#: (plain, style, width) -> fit_cell's result, for cells of one style: made by a worker
#: (``RecordTable.prepare``) and found when painting; a filter's next page mostly holds the
#: same cells, made afresh (bounded: emptied when full)
_FITTED: dict[tuple[str, str, int], Text] = {}
_FITTED_MAX = 20000


def _fit_cell_cached(text: Text, width: int) -> Text:
    """:func:`fit_cell`, the cut cells of one style kept in ``_FITTED`` (a cell that fits is
    returned as it is, never kept: no two rows share a cell object that is theirs)."""
    plain = text.plain
    if text.spans or not isinstance(text.style, str) or width <= 1 or cell_len(plain) <= width:
        return fit_cell(text, width)
    key = (plain, text.style, width)
    out = _FITTED.get(key)
    if out is None:
        if len(_FITTED) >= _FITTED_MAX:
            _FITTED.clear()
        out = _FITTED[key] = fit_cell(text, width)
    return out


def _signature(row: Sequence[Text]) -> tuple:
    return tuple((c.plain, str(c.style), tuple(c.spans)) for c in row)


def _shape(rows: list[tuple[str, list[Text]]]) -> tuple[list[tuple[str, tuple]], list[int]]:
    """(key, signature) and the height in lines of each row."""
    shown = [(k, _signature(cs)) for k, cs in rows]
    heights = [max(1, *(c.plain.count("\n") + 1 for c in cs)) if cs else 1 for _k, cs in rows]
    return shown, heights


class Prepared(NamedTuple):
    """What :meth:`RecordTable.load` works out before it touches the table (see ``prepare``)."""

    rows: list[tuple[str, list[Text]]]  # the cells of the columns shown
    shown: list[tuple[str, tuple]]  # (key, signature) of each row
    heights: list[int]
    full: list[list[Text]]  # each row's cells of every column (for another fit)
    indices: tuple[int, ...]  # the columns ``rows`` were made for


class RecordTable(PlainDataTable):
    """A row-cursor DataTable of records keyed by id (see the module docstring).

    ``columns``: (key, width) pairs in display order; ``label(key)`` their headings; ``flex``: the
    column that takes the room left (at least ``min_flex``); ``priority``: the other keys, most
    important first (those that do not fit are left out). Without ``flex`` every column shows."""

    def __init__(
        self,
        columns: Columns = (),
        *,
        flex: str | None = None,
        min_flex: int = 12,
        priority: Sequence[str] = (),
        int_keys: bool = True,
        **kwargs,
    ) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.spec = tuple(columns)
        self.flex = flex
        self.min_flex = min_flex
        self.priority = tuple(priority) or tuple(k for k, _ in self.spec)
        self.int_keys = int_keys
        self.indices: list[int] = []  # which of ``spec`` are shown
        self.widths: list[int] = []
        self.filter_text = ""
        self._rows: list[tuple[str, list[Text]]] = []  # every row loaded (before the filter)
        self._full: list[list[Text]] = []  # the cells of every column of each of ``_rows``
        self._label: Callable[[str], str] | None = None
        self.fitted_width: int | None = None  # the terminal width the columns were chosen for
        self._shown: list[tuple[str, tuple]] = []  # (key, signature) of the rows on show
        #: (the record a filter hid, the row the cursor went to instead): brought back when the
        #: filter shows it again and the user has not moved meanwhile
        self._hidden: tuple[str, str | None] | None = None
        self._measuring = False  # in _update_dimensions: fixed-width cells are left out

    # -- columns ---------------------------------------------------------------------------
    def setup(self, label: Callable[[str], str], width: int) -> None:
        """Add the columns that fit ``width`` (the terminal width)."""
        self._label = label
        self._add_columns(self._plan(width))
        self.fitted_width = width

    def _plan(self, width: int) -> list[tuple[int, int | None]]:
        if self.flex is None:
            return [(i, w) for i, (_key, w) in enumerate(self.spec)]
        return plan_columns(self.spec, width, self.flex, self.min_flex, self.priority)

    def _add_columns(self, plan: list[tuple[int, int | None]]) -> None:
        assert self._label is not None
        for i, w in plan:
            self.add_column(self._label(self.spec[i][0]), key=self.spec[i][0], width=w)
        self.indices = [i for i, _w in plan]
        self.widths = [w or 0 for _i, w in plan]  # auto-width columns (width None) are never cut

    def on_resize(self) -> None:
        self.refit(self.app.size.width)

    def refit(self, width: int) -> None:
        """Choose the columns again for a terminal ``width`` cells wide (after a resize): the
        table then shows what it would had it been set up at that width, the highlighted
        record and the filter kept. Nothing is done while the width stays the same; when only
        the flex column's width changes no row is made again or measured; otherwise the rows
        loaded are shown again from their stored cells (no reload, no fixed-width column
        measured: :meth:`_update_dimensions`)."""
        if self.flex is None or self._label is None or width == self.fitted_width:
            return
        self.fitted_width = width
        plan = self._plan(width)
        if [i for i, _w in plan] == self.indices:
            for column, (_i, w) in zip(self.columns.values(), plan):
                column.width = w or 0
            self.widths = [w or 0 for _i, w in plan]
            self._clear_caches()
            self._require_update_dimensions = True
            self.check_idle()
            return
        cursor, hidden = self.cursor_key(), self._hidden
        self.clear(columns=True)
        self._add_columns(plan)
        self._rows = [(k, self._pick(full, self.indices)) for (k, _cs), full in zip(self._rows, self._full)]
        self._shown, self._hidden = [], hidden
        self._refresh_rows(None, cursor=cursor)

    def shows(self, key: str) -> bool:
        return any(self.spec[i][0] == key for i in self.indices)

    # -- rows ------------------------------------------------------------------------------
    def _pick(self, full: list[Text], indices: Sequence[int]) -> list[Text]:
        """The cells of the columns ``indices`` (all of them when the row is not one per column
        of ``spec``)."""
        return [full[i] for i in indices] if indices and len(full) == len(self.spec) else full

    def _compute_row_renderables(self, row_index: int):
        """Cut each one-line cell between Thai words to its column (the stored cell stays
        whole: ``get_row`` and a later wider column see all of it). The cuts of the rows on
        screen were made by :meth:`prepare` (in a worker, for the staff filter)."""
        out = super()._compute_row_renderables(row_index)
        if row_index < 0 or len(self.widths) != len(out.cells):
            return out
        if self._measuring:  # a fixed-width column's content width is never used: not measured
            last = max((i for i, w in enumerate(self.widths) if not w), default=-1)
            return out._replace(cells=[_BLANK if w else c for c, w in zip(out.cells[: last + 1], self.widths)])
        fitted = [_fit_cell_cached(c, w) if isinstance(c, Text) and w else c for c, w in zip(out.cells, self.widths)]
        return out._replace(cells=fitted)

    def _update_dimensions(self, new_rows) -> None:
        """DataTable measures every new row's cells, for its auto-width columns: the cells of
        fixed-width columns (all the cut ones) are left out (their measure is never used; the
        cells after the last auto-width column are not even passed: with no auto-width column,
        500 rows of a filter are neither cut nor measured on the event loop), and the
        renderables made for it are dropped: the rows on screen are made again when painted."""
        if not any(self.widths):
            return super()._update_dimensions(new_rows)
        self._measuring = True
        try:
            super()._update_dimensions(new_rows)
        finally:
            self._measuring = False
            self._row_renderable_cache.clear()

    def load(self, rows: Iterable[tuple[object, Sequence[object]]], keep: int | None = None) -> None:
        """Show ``rows`` ((record id, cells for every column of ``spec``)); the highlighted
        record (or ``keep``) stays highlighted when it is still there."""
        self.load_prepared(self.prepare(rows), keep)

    def prepare(self, rows: Iterable[tuple[object, Sequence[object]]], warm: int = 0) -> Prepared:
        """The part of :meth:`load` that touches no widget, for a thread worker: the cells of
        the columns shown, each row's signature and height; and the first ``warm`` rows' cells
        cut to their columns (Thai word breaking), so that painting them does none of it on
        the event loop (rows further down are cut when they are first shown)."""
        indices, widths = tuple(self.indices), list(self.widths)  # (a resize may change them)
        full: list[list[Text]] = []
        out: list[tuple[str, list[Text]]] = []
        for rid, values in rows:
            full.append(cs := [cell(v) for v in values])
            out.append((str(rid), self._pick(cs, indices)))
        shown, heights = _shape(out)
        for _k, cs in out[:warm] if len(widths) == len(indices) else ():
            for c, w in zip(cs, widths):
                if w and isinstance(c, Text):
                    _fit_cell_cached(c, w)  # made now, found when painted
        return Prepared(out, shown, heights, full, indices)

    def load_prepared(self, prepared: Prepared, keep: int | None = None) -> None:
        """Show rows made by :meth:`prepare` (on the event loop)."""
        if prepared.indices != tuple(self.indices):  # fitted again since (a resize)
            rows = [(k, self._pick(full, self.indices)) for (k, _cs), full in zip(prepared.rows, prepared.full)]
            prepared = Prepared(rows, *_shape(rows), prepared.full, tuple(self.indices))
        self._rows, self._full = prepared.rows, prepared.full
        self._refresh_rows(keep, None if self.filter_text.strip() else prepared)

    def update_record(self, record_id: object, values: Sequence[object]) -> None:
        """Change one record's cells in place (after a save that touched only it)."""
        key, full = str(record_id), [cell(v) for v in values]
        self._full = [full if k == key else f for (k, _cs), f in zip(self._rows, self._full)]
        self._rows = [(k, self._pick(full, self.indices) if k == key else cs) for k, cs in self._rows]
        self._refresh_rows(None)

    def set_filter(self, text: str) -> None:
        """Show only the rows whose text contains ``text`` (case-insensitive; "" shows all)."""
        self.filter_text = text.strip()
        self._refresh_rows(None)

    def _visible(self) -> list[tuple[str, list[Text]]]:
        needle = self.filter_text.casefold()
        if not needle:
            return self._rows
        return [(k, cs) for k, cs in self._rows if needle in " ".join(c.plain for c in cs).casefold()]

    def _refresh_rows(self, keep: int | None, prepared: Prepared | None = None, cursor: str | None = None) -> None:
        """Show the rows the filter lets through; ``keep`` (or the highlighted record, or
        ``cursor`` when the table was just cleared) stays highlighted."""
        keep_key = str(keep) if keep is not None else cursor or self.cursor_key()
        if keep is None and self._hidden is not None and self._hidden[1] == keep_key:
            keep_key = self._hidden[0]
        self._hidden = None
        if prepared is not None:  # all rows shown (no filter in the table): worked out already
            rows, shown, heights = prepared.rows, prepared.shown, prepared.heights
        else:
            rows = self._visible()
            shown, heights = _shape(rows)
        if [k for k, _ in shown] == [k for k, _ in self._shown] and all(h == 1 for h in heights):
            # the same records in the same order: change only the cells that differ
            col_keys = list(self.columns.keys())
            for (key, sig), (_k, old), (_k2, cs) in zip(shown, self._shown, rows):
                if sig != old:
                    for n, (new_cell, old_cell) in enumerate(zip(sig, old)):
                        if new_cell != old_cell:
                            self.update_cell(key, col_keys[n], cs[n])
        else:
            self.clear()
            for (key, cs), h in zip(rows, heights):
                self.add_row(*cs, key=key, height=h)
        self._shown = shown
        if keep_key is not None and keep_key in self._row_keys():
            self.move_cursor(row=self.get_row_index(keep_key))
        elif keep_key is not None:
            self._hidden = (keep_key, self.cursor_key())

    def _row_keys(self) -> set[str]:
        return {k for k, _ in self._shown}

    # -- cursor ----------------------------------------------------------------------------
    def cursor_key(self) -> str | None:
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    @property
    def record_id(self):
        """The id of the highlighted record (None when the table is empty): an int, or the
        key as it is for a table made with ``int_keys=False`` (user names)."""
        key = self.cursor_key()
        if key is None or not self.int_keys:
            return key
        return int(key) if key.lstrip("-").isdigit() else None
