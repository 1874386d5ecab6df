"""A ruled table that breaks across pages the way Thai official reports do.

- The header row repeats on every page.
- Group rows (e.g. a measure, or a division) span the table; the current group row is
  repeated under the header on a new page.
- A row too long for the rest of the page is split between lines: the rest continues on
  the next page in a continuation row whose first cell reads "(ต่อ)" + its text again.
- Columns marked ``repeat`` (short ones such as the responsible unit) show their text
  again on continuation rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf.enums import XPos, YPos

from ethics_tui.pdf.base import LINE_FACTOR, PT, ThaiPDF
from ethics_tui.thai.wordbreak import ZWSP

CONTINUED = "(ต่อ) "
_NUMBER = re.compile(r"^[\d\u0e50-\u0e59][\d\u0e50-\u0e59,.\s%/-]*$")


def _tokens(prepared: str) -> list[str]:
    """The unbreakable pieces of prepared text (names and number groups are one piece)."""
    return [t for t in prepared.replace(ZWSP, " ").split(" ") if t]


def _header_words(pdf: ThaiPDF, title: str) -> list[str]:
    """A header's unbreakable pieces: each short word between spaces stays whole ("ลำดับ",
    "หมายเหตุ", "ค่าใช้จ่าย", "(บาท)"), a long run ("มาตรการ/กิจกรรมที่…") breaks between its words."""
    out = []
    for piece in title.split():
        out += [piece] if len(piece) <= 12 else _tokens(pdf.tx(piece))
    return out


@dataclass
class Column:
    title: str
    width: float  # mm
    align: str = "L"
    repeat: bool = False
    fit: bool = False  # shrink the font so that no word (or name) has to be cut
    fixed: bool = False  # autofit keeps this width (a blank column to write or sign in), header words whole


class TableWriter:
    """Draw rows one by one with :meth:`group` and :meth:`row`; call :meth:`start` first."""

    def __init__(
        self,
        pdf: ThaiPDF,
        columns: Sequence[Column],
        *,
        size: float = 14,
        pad: float = 1.6,  # keeps text off the cell rules
        min_split_lines: int = 2,
        group_fill: tuple[int, int, int] = (235, 235, 235),
        header_fill: tuple[int, int, int] = (215, 215, 215),
    ) -> None:
        self.pdf = pdf
        self.columns = list(columns)
        self.size = size
        self.pad = pad
        self.min_split_lines = min_split_lines
        self.group_fill = group_fill
        self.header_fill = header_fill
        self._caller_font = (pdf.font_style, pdf.nominal_pt)  # restored after each piece drawn
        self.current_group: str | None = None
        self._group_pending = False  # a group row waits to be drawn with its first row
        self._row_page = 0  # the page the row being drawn starts on
        self.pages_with_header: list[int] = []

    @property
    def width(self) -> float:
        return sum(c.width for c in self.columns)

    @property
    def lh(self) -> float:
        return self.size * PT * LINE_FACTOR  # nominal size: marks of adjacent lines never touch

    def _wrap(self, text: str, col: Column, style: str = "") -> list[str]:
        return self._wrap_sized(text, col, style)[0]

    def _wrap_sized(self, text: str, col: Column, style: str = "") -> tuple[list[str], float]:
        """Lines of a cell, and the font size they are set in (smaller for ``fit``)."""
        pdf = self.pdf
        size = self.size
        pdf.style(style, size)
        if not text:
            return [], size
        prepared = pdf.tx(text)
        avail = col.width - 2 * self.pad
        if col.fit:
            longest = max(prepared.replace("\u200b", " ").split(" "), key=pdf.word_width)
            while size > 9 and pdf.word_width(longest) > avail:
                size -= 0.5
                pdf.style(style, size)
        lines = pdf.wrap(prepared, avail)
        pdf.style(style, self.size)
        return lines, size

    # ------------------------------------------------------------------ automatic layout
    def autofit(self, rows: Sequence[Sequence[str]], width: float | None = None) -> TableWriter:
        """Column widths from content (issue 13 item 5): each column at least as wide as its
        widest unbreakable word or protected name (header included), the rest of ``width``
        shared by natural width; columns holding only numbers are right-aligned."""
        pdf = self.pdf
        width = width or pdf.epw
        extra = 2 * self.pad + 0.6
        mins, nats, hards = [], [], []
        for k, col in enumerate(self.columns):
            pdf.style("B", self.size)
            head = pdf.tx(col.title)
            head_min = max((pdf.word_width(t) for t in _header_words(pdf, col.title)), default=0.0)
            nat = pdf.word_width(head.replace(ZWSP, ""))
            pdf.style("", self.size)
            if col.fixed:  # its own width, but never narrower than its header's longest word
                col.width = max(col.width, head_min + extra)
                width -= col.width
                continue
            mn, widest = head_min, ""
            numeric = True
            for r in rows:
                text = str(r[k]) if k < len(r) and r[k] is not None else ""
                if not text:
                    continue
                numeric = numeric and bool(_NUMBER.match(text))
                prepared = pdf.tx(text)
                for line in prepared.split("\n"):
                    total = pdf.word_width(" ") * line.count(" ")  # measured by its words (cached)
                    for t in _tokens(line):
                        total += (w := pdf.word_width(t))
                        if w > mn:
                            mn, widest = w, t
                    nat = max(nat, total)
            if numeric and col.align == "L" and any(k < len(r) and r[k] for r in rows):
                col.align = "R"
            mins.append(mn + extra)
            nats.append(max(min(nat, width * 0.6) + extra, mn + extra))
            hards.append((k, head_min, widest))
        free = [k for k, _h, _w in hards]
        if sum(nats) <= width:
            widths = [n + (width - sum(nats)) * n / sum(nats) for n in nats]
        elif sum(mins) <= width:
            spare = sum(n - m for n, m in zip(nats, mins)) or 1.0
            widths = [m + (width - sum(mins)) * (n - m) / spare for n, m in zip(nats, mins)]
        else:  # a long name wider than its share: it may break between its own words, never inside one
            hard = [max(h, self._widest_word(w)) + extra for _k, h, w in hards]
            if sum(hard) <= width:
                spare = sum(m - h for m, h in zip(mins, hard)) or 1.0
                widths = [h + (width - sum(hard)) * (m - h) / spare for m, h in zip(mins, hard)]
            else:  # even the words do not fit: share by them (fit columns shrink their font)
                widths = [h * width / sum(hard) for h in hard]
        for k, w in zip(free, widths):
            self.columns[k].width = w
        pdf.style(*self._caller_font)
        return self

    def _widest_word(self, token: str) -> float:
        """The widest word of a protected name (names break between their words only)."""
        from ethics_tui.thai.wordbreak import NBSP, words

        return max(
            (self.pdf.word_width(w) for part in token.split(NBSP) for w in words(part) if w.strip()), default=0.0
        )

    def start_height(self) -> float:
        """Room :meth:`start` keeps on a page: the header and three lines of the first row."""
        h = self._header_height() + 3 * self.lh
        self.pdf.style(*self._caller_font)  # measuring leaves the caller's font as it was
        return h

    # ------------------------------------------------------------------ pieces
    def start(self) -> None:
        if self.pdf.get_y() + self._header_height() + 3 * self.lh > self.pdf.page_break_trigger:
            self.pdf.add_page()
        self._draw_header()
        self.pdf.style(*self._caller_font)

    def _header_height(self) -> float:
        n = max(len(self._wrap(c.title, c, "B")) for c in self.columns)
        return n * self.lh + 2 * self.pad

    def _draw_header(self) -> None:
        cells = [self._wrap(c.title, c, "B") for c in self.columns]
        h = max(len(c) for c in cells) * self.lh + 2 * self.pad
        self._draw_cells(cells, h, style="B", fill=self.header_fill, align="C", valign=True)
        self.pages_with_header.append(self.pdf.page_no())

    def _new_page(self) -> None:
        self.pdf.add_page()
        self._draw_header()
        if self.current_group is not None:
            self._draw_group(self.current_group)
        self._group_pending = False

    def _draw_cells(
        self,
        cells: list[list[str]],
        h: float,
        *,
        style: str = "",
        fill: tuple[int, int, int] | None = None,
        align: str | None = None,
        valign: bool = False,
        sizes: list[float] | None = None,
    ) -> None:
        pdf = self.pdf
        x0 = pdf.l_margin + (pdf.epw - self.width) / 2
        y0 = pdf.get_y()
        pdf.style(style, self.size)
        x = x0
        for k, (col, lines) in enumerate(zip(self.columns, cells)):
            if fill:
                pdf.set_fill_color(*fill)
                pdf.rect(x, y0, col.width, h, style="DF")
            else:
                pdf.rect(x, y0, col.width, h)
            top = y0 + self.pad
            if valign:
                top = y0 + (h - len(lines) * self.lh) / 2
            size = sizes[k] if sizes else self.size
            if size != self.size:
                pdf.style(style, size)
            for i, ln in enumerate(lines):
                pdf.set_xy(x + self.pad, top + i * self.lh)
                pdf.text_line(ln, col.width - 2 * self.pad, self.lh, align=align or col.align)
            if size != self.size:
                pdf.style(style, self.size)
            x += col.width
        pdf.set_xy(pdf.l_margin, y0 + h)
        pdf.style("", self.size)

    def _draw_group(self, text: str) -> None:
        pdf = self.pdf
        pdf.style("B", self.size)
        lines = pdf.wrap(pdf.tx(text), self.width - 2 * self.pad)
        h = len(lines) * self.lh + 2 * self.pad
        x0 = pdf.l_margin + (pdf.epw - self.width) / 2
        y0 = pdf.get_y()
        pdf.set_fill_color(*self.group_fill)
        pdf.rect(x0, y0, self.width, h, style="DF")
        for i, ln in enumerate(lines):
            pdf.set_xy(x0 + self.pad, y0 + self.pad + i * self.lh)
            pdf.text_line(ln, self.width - 2 * self.pad, self.lh)
        pdf.set_xy(pdf.l_margin, y0 + h)
        pdf.style("", self.size)

    def _space(self) -> float:
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def _page_room(self) -> float:
        """Room on a fresh page under the header (and the repeated group row)."""
        return self.pdf.page_break_trigger - self.pdf.t_margin - self._header_height() - 2 * self.lh - 2 * self.pad

    # ------------------------------------------------------------------ public
    def group(self, text: str) -> None:
        """A full-width group row. It is drawn with the first piece of the next row, so it is
        never left alone at a page foot when that row moves to the next page."""
        self._flush_group()
        self.current_group = text
        self._group_pending = True

    def _group_height(self) -> float:
        """Height of the group row still waiting for its first row (0 when none)."""
        if not self._group_pending or self.current_group is None:
            return 0.0
        self.pdf.style("B", self.size)
        n = len(self.pdf.wrap(self.pdf.tx(self.current_group), self.width - 2 * self.pad))
        self.pdf.style("", self.size)
        return n * self.lh + 2 * self.pad

    def _flush_group(self, *, here: bool = False) -> None:
        """Draw the waiting group row: ``here`` (its row follows on this page), else on a new
        page when it and two lines do not fit."""
        if not self._group_pending or self.current_group is None:
            self._group_pending = False
            return
        if not here and self._group_height() + self.min_split_lines * self.lh + 2 * self.pad > self._space():
            self._new_page()  # draws the group row under the header
        else:
            self._draw_group(self.current_group)
        self._group_pending = False

    def end_group(self) -> None:
        self._flush_group()  # a group without rows still shows
        self.current_group = None
        self.pdf.style(*self._caller_font)

    def note_height(self) -> float:
        return self.lh + 2

    def row(self, cells: Sequence[str], *, min_height: float = 0.0, keep: float = 0.0) -> None:
        """One row, split across pages if it must be. ``keep``: height (mm) of what must
        follow the row on the same page, e.g. ``note_height()`` for the total under the last
        row, so that a total never stands alone at the top of a page. The font is left as
        the caller had it (text after a table is never set in the table's size)."""
        try:
            if self.pdf.flow_break_due():  # render_flow breaks here: the closing keeps two rows
                self._new_page()
            self._row_page = 0
            self._row(cells, min_height=min_height, keep=keep)
            self.pdf.flow_unit(self._row_page or self.pdf.page_no())  # the page the row starts on
        finally:
            self.pdf.style(*self._caller_font)

    def _row(self, cells: Sequence[str], *, min_height: float, keep: float) -> None:
        cols = self.columns
        texts = [str(c) if c is not None else "" for c in cells]
        texts += [""] * (len(cols) - len(texts))
        wrapped = [self._wrap_sized(t, c) for t, c in zip(texts, cols)]
        lines = [w[0] for w in wrapped]
        self._sizes = [w[1] for w in wrapped]
        pos = [0] * len(cols)
        continued = False
        first = self._wrap(f"{CONTINUED}{texts[0]}", cols[0]) if texts and texts[0] else []
        whole_first = first if len(first) <= 6 else []  # a longer first cell continues where it was cut
        while True:
            chunk: list[list[str]] = []
            for i, (col, ls) in enumerate(zip(cols, lines)):
                rest = ls[pos[i] :]
                # a continued row reads "(ต่อ) <its first cell>" whole, as in the seed report,
                # even when that short cell (a measure's name) was itself cut at the page foot
                if continued and i == 0 and whole_first:
                    rest = whole_first
                elif continued and not rest and (col.repeat or i == 0) and texts[i]:
                    label = f"{CONTINUED}{texts[i]}" if i == 0 else texts[i]
                    rest = self._wrap(label, col)
                chunk.append(rest)
            progress = [len(ls) - p for ls, p in zip(lines, pos)]
            n_total = max(len(c) for c in chunk) if chunk else 0
            need = max(n_total * self.lh + 2 * self.pad, 0 if continued else min_height)
            space = self._space() - self._group_height()  # a waiting group row goes first
            if need + keep <= space + 1e-6:
                self._flush_group(here=True)
                self._row_page = self._row_page or self.pdf.page_no()
                self._draw_cells(chunk, need, sizes=self._sizes)
                return
            if keep and need <= space + 1e-6 and need + keep <= self._page_room():
                self._new_page()  # the row and what must follow it go together
                continue
            fit = int((space - 2 * self.pad) / self.lh + 1e-6)
            rest = max(progress) - fit
            if 0 < rest < self.min_split_lines:  # the continued row never holds one lone line
                fit -= self.min_split_lines - rest
            fresh_page_fits = need <= self.pdf.page_break_trigger - self.pdf.t_margin - 40
            if fit < self.min_split_lines or (fresh_page_fits and fit < n_total // 3):
                self._new_page()  # (a waiting group row goes with it)
                continue
            cut = [c[:fit] for c in chunk]
            self._flush_group(here=True)
            self._row_page = self._row_page or self.pdf.page_no()
            self._draw_cells(cut, fit * self.lh + 2 * self.pad, sizes=self._sizes)
            for i in range(len(cols)):
                if progress[i] > 0:
                    pos[i] += min(fit, progress[i])
            if whole_first and any(p < len(ls) for p, ls in zip(pos[1:], lines[1:])):
                pos[0] = len(lines[0])  # the first cell is printed whole again on the continuation
            if all(p >= len(ls) for p, ls in zip(pos, lines)):
                return
            continued = True
            self._new_page()

    def note(self, text: str, style: str = "B") -> None:
        """A line of text right under the table (e.g. a total)."""
        pdf = self.pdf
        self._flush_group()
        if pdf.get_y() + self.note_height() > pdf.page_break_trigger:
            self._new_page()  # a continued table repeats its header above the total
        pdf.style(style, self.size)
        pdf.ln(1)
        pdf.set_x(pdf.l_margin)
        pdf.text_line(pdf.tx(text), pdf.epw, self.lh + 1, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.style(*self._caller_font)
