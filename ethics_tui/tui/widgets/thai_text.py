"""Rich text wrapped between Thai words (see :mod:`ethics_tui.thai.wrap`).

Rich wraps only at spaces, so Thai text is cut inside words. These helpers return a
:class:`~rich.text.Text` with explicit newlines at word boundaries for a given width (styles
kept), and a Text marked ``no_wrap`` so Rich does not wrap it again; re-call them when the
width changes (on resize)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ethics_tui.thai.wrap import wrap_spans, wrap_thai


def wrapped(text: str | Text, width: int, indent: int = 0) -> Text:
    """``text`` broken into lines of at most ``width`` cells between words; continuation lines
    start with ``indent`` spaces (and are wrapped ``indent`` cells narrower)."""
    t = Text(text) if isinstance(text, str) else text
    plain = t.plain
    first = wrap_spans(plain, width)
    spans = first
    if indent and len(first) > 1:
        s0, e0 = first[0]
        rest = wrap_spans(plain[e0:].lstrip(" "), max(1, width - indent))
        off = len(plain) - len(plain[e0:].lstrip(" "))
        spans = [(s0, e0), *((off + s, off + e) for s, e in rest)]
    out = Text(no_wrap=True, overflow="crop", end="")
    for n, (s, e) in enumerate(spans):
        if n:
            out.append("\n" + " " * indent)
        out.append_text(t[s:e])
    return out


def line_count(text: str, width: int) -> int:
    """How many lines ``text`` takes at ``width`` (for a DataTable row height)."""
    return len(wrap_spans(text, width))


def cell(text: str, width: int, max_lines: int = 4) -> Text:
    """A table cell wrapped between Thai words (Rich would cut "ทรัพยาก|รบุคคล"): at most
    ``max_lines`` lines, the last marked "…" when more was cut. Row height: its line count."""
    lines = wrap_thai(text, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = wrap_thai(lines[-1], max(1, width - 1))[0]  # whole words, then the ellipsis
        lines[-1] = last + "…"
    return Text("\n".join(lines), no_wrap=True, overflow="crop", end="")


def height(*cells: Text) -> int:
    """The row height that shows every line of ``cells``."""
    return max(1, *(c.plain.count("\n") + 1 for c in cells))


class WrappedStatic(Static):
    """A Static whose text (str or Text) wraps between Thai words at whatever width it has."""

    def _plain(self) -> Text | None:
        c = self.content
        if isinstance(c, str):
            return Text(c)
        return c if isinstance(c, Text) else None

    def get_content_height(self, container, viewport, width: int) -> int:
        t = self._plain()
        if t is None or not width:
            return super().get_content_height(container, viewport, width)
        return len(wrap_spans(t.plain, width)) if t.plain else 0

    def render(self):
        t = self._plain()
        width = self.content_size.width
        if t is None or width <= 0:
            return super().render()
        return wrapped(t, width)
