"""The key line at the bottom of every screen, showing only the keys that fit whole.

Textual's Footer lays every shown key out in one scrolling row; at 80 columns a Thai screen's
keys run past the edge and the last one is cut inside a word ("x ส่งออ"). This footer keeps the
screen's order (the most used keys first), leaves out the keys that do not fit whole, always
keeps the way back (esc) where the screen has one, and always keeps the command palette key
(ctrl+p) on the right: every key left out is in the
palette and in the help (f1). It lays itself out again when the terminal is resized.
Under a dialog its keys are hidden, the row kept (``crash.cover_key_lines``).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Footer as _TextualFooter
from textual.widgets._footer import FooterKey

#: cells a key takes besides its key and label: " k " + "label " (the footer's default padding)
KEY_PADDING = 3
#: the command palette key: its border on the left and its padding
PALETTE_PADDING = 4


def key_width(key: FooterKey) -> int:
    return cell_len(key.key_display) + cell_len(key.description) + KEY_PADDING


def fitting(keys: list[FooterKey], width: int, reserved: int = 0, always: tuple[str, ...] = ()) -> list[FooterKey]:
    """The keys, in order, that fit whole in ``width`` cells after ``reserved`` ones; a key in
    ``always`` (escape: the way back) is kept and its room taken first."""
    kept = [k for k in keys if k.key in always]
    used, out = reserved + sum(key_width(k) for k in kept), []
    for key in keys:
        if key in kept:
            out.append(key)
            continue
        need = key_width(key)
        if used + need <= width:
            out.append(key)
            used += need
    return out


class Footer(_TextualFooter):
    """Textual's footer, but a key that does not fit whole is left out instead of cut, and the
    keys are built again only when what they show changes (Textual rebuilds them after every
    focus move: a dozen widgets mounted and styled per key press)."""

    DEFAULT_CSS = """
    Footer.-covered > * { visibility: hidden; }
    """

    _shown: tuple | None = None

    def _content(self) -> tuple:
        """What the keys show: every shown binding with its state, the palette key, the width."""
        if not self._bindings_ready:
            return ()
        shown = tuple(
            (b.key, b.action, b.description, b.key_display, b.show, b.group, enabled, tooltip)
            for (_, b, enabled, tooltip) in self.screen.active_bindings.values()
        )
        return (shown, self.size.width or self.app.size.width, self.show_command_palette, self.compact)

    async def recompose(self) -> None:
        if self.children and self._content() == self._shown:
            return
        await super().recompose()

    def compose(self):
        self._shown = self._content()
        items = list(super().compose())
        if not all(isinstance(item, FooterKey) for item in items):  # binding groups: as Textual does
            yield from items
            return
        palette = [k for k in items if k.has_class("-command-palette")]
        keys = [k for k in items if k not in palette]
        width = self.size.width or self.app.size.width
        reserved = sum(key_width(k) + PALETTE_PADDING - KEY_PADDING for k in palette)
        yield from fitting(keys, width, reserved, always=("escape",))
        yield from palette

    def on_resize(self) -> None:
        if self.is_attached:
            self.call_after_refresh(self.recompose)
