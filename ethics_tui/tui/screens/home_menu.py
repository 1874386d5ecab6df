"""The home screen's parts for small terminals: the menu in two columns and the list of all
alerts (when the home screen shows only the first ones)."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.widgets.thai_text import WrappedStatic


def crop(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut with "…" (whole clusters: Thai marks stay on their
    letter). An entry's badge ("c  label  ⚠ เกินกำหนด 3") shrinks first to its mark and number."""
    if cell_len(text) <= width:
        return text
    if text.count("  ") >= 2:  # after the hotkey's two spaces, the badge's
        label, badge = text.rsplit("  ", 1)
        short = "".join(ch for ch in badge if ch == "⚠" or ch.isdigit())
        if short and cell_len(f"{label} {short}") <= width:
            return f"{label} {short}"
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    while out and cell_len(out[-1]) == 0:  # do not end on a mark whose letter was cut
        out = out[:-1]
    return out.rstrip() + "…"


class MenuGrid(Widget, can_focus=True):
    """The home menu in two columns, read top to bottom then the second column; arrows move,
    enter opens (a :class:`MenuGrid.Selected` with the entry's id)."""

    DEFAULT_CSS = """
    MenuGrid { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("enter", "select", show=False),
    ]

    highlighted: reactive[int] = reactive(0)

    class Selected(Message):
        def __init__(self, entry_id: str) -> None:
            super().__init__()
            self.entry_id = entry_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[tuple[str, str]] = []

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        self.entries = entries
        self.highlighted = min(self.highlighted, max(0, len(entries) - 1))
        self.refresh(layout=True)

    @property
    def rows(self) -> int:
        return (len(self.entries) + 1) // 2

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, self.rows)

    def _place(self, index: int) -> tuple[int, int]:
        return index % self.rows, index // self.rows

    def render(self) -> Text:
        col = max(4, (self.content_size.width - 1) // 2)
        lines = [Text() for _ in range(self.rows)]
        for i, (_id, label) in enumerate(self.entries):
            row, c = self._place(i)
            shown = crop(label, col - 1)
            cell = Text(shown + " " * (col - cell_len(shown)))
            if i == self.highlighted:
                cell.stylize("reverse" if self.has_focus else "bold")
            if c:
                lines[row].append(" ")
            lines[row].append_text(cell)
        return Text("\n").join(lines)

    def action_move(self, dy: int, dx: int) -> None:
        if not self.entries:
            return
        row, c = self._place(self.highlighted)
        if dx:
            target = (row, 1 - c) if 0 <= c + dx <= 1 else (row, c)
            index = target[1] * self.rows + target[0]
        else:
            index = self.highlighted + dy
        if 0 <= index < len(self.entries):
            self.highlighted = index

    def action_select(self) -> None:
        if self.entries:
            self.post_message(self.Selected(self.entries[self.highlighted][0]))

    def on_click(self, event) -> None:
        col = max(4, (self.content_size.width - 1) // 2)
        index = (event.x // (col + 1)) * self.rows + event.y
        if 0 <= event.y < self.rows and 0 <= index < len(self.entries):
            self.highlighted = index
            self.action_select()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class AlertsModal(GuardedModal[None]):
    """Every alert of the home screen, scrollable; escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "close")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(id="all-alerts"):
                yield WrappedStatic("\n".join(self.lines), markup=False)
            yield Static(self.t("home_all_alerts_keys"), classes="hint dialog-keys")

    def action_close(self) -> None:
        self.dismiss(None)
