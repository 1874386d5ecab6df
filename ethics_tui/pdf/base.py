"""The base document: Sarabun, shaping, A4, official margins, page numbers, metadata.

Every layout draws through :class:`ThaiPDF`. It does its own Thai line breaking (word
widths are measured once per distinct word and cached), draws each line itself, and wraps
every line in ``/ActualText`` marked content so that copying text out of the PDF gives the
original Unicode even though HarfBuzz reorders and decomposes Thai marks (see docs/pdf.md).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import PDFResourceType, XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import fonts
from ethics_tui.pdf.fonts import font_dir  # noqa: F401 - kept importable from here
from ethics_tui.pdf.names import office_names
from ethics_tui.pdf.shaping import install_shaping_cache, release, shaped_segments
from ethics_tui.thai.digits import apply_digits
from ethics_tui.thai.wordbreak import NBSP, ZWSP, insert_breaks, name_set, split_long

FAMILY = "Sarabun"  # the bundled fallback; see fonts.py for the font actually used
BODY_PT = 16  # every size in the layouts is a nominal TH Sarabun size (see fonts.py)
PT = 25.4 / 72  # mm per point
LINE_FACTOR = 1.2  # line pitch = 1.2 × the nominal size (16 pt → 6.8 mm), as in the office's Word letters
INDENT_MM = 25.0
SIGN_LINE_MM = 40.0  # the dotted line to sign on ("ลงชื่อ……"), as long as in the office's Word forms
MARGIN_LEFT = 30.0
MARGIN_RIGHT = 20.0
MARGIN_TOP = 20.0
MARGIN_BOTTOM = 20.0


#: identifiers are printed exactly as stored (issue 13 item 8): a run of Latin letters and
#: digits with at least one letter (complaint codes "DFEX-YAJ7-FH", staff codes "A0066"),
#: e-mail addresses and web addresses
_IDENT = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+|https?://\S+|www\.\S+"
    r"|\b(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b"
)


_BRACKET_BREAK = re.compile(r"(?<=[(\[])\u200b|\u200b(?=[)\]])")


def office_digits(text: str, digits: str) -> str:
    """The office's digits for numbers in prose; identifiers are left exactly as typed."""
    if digits != "thai" or not any(c.isdigit() for c in text):
        return apply_digits(text, digits)
    out, pos = [], 0
    for m in _IDENT.finditer(text):
        out.append(apply_digits(text[pos : m.start()], digits))
        out.append(m.group(0))
        pos = m.end()
    out.append(apply_digits(text[pos:], digits))
    return "".join(out)


#: warnings of the documents written since the last :func:`take_warnings` (each once), for the
#: CLI to print after an export and the TUI to show as a notification
_PENDING: dict[tuple[str, str], None] = {}
_PENDING_LOCK = threading.Lock()


def take_warnings() -> list[tuple[str, str]]:
    """(Thai, English) warnings of the PDFs saved since the last call (e.g. no emblem file)."""
    with _PENDING_LOCK:
        out = list(_PENDING)
        _PENDING.clear()
    return out


def _hex_utf16(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


class ThaiPDF(FPDF):
    """A4 document in Sarabun with Thai shaping and the office's digits preference."""

    def __init__(
        self,
        settings: OfficeSettings | None = None,
        *,
        orientation: str = "P",
        title: str = "",
        subject: str = "",
        names: Iterable[str] = (),
        margins: tuple[float, float, float, float] | None = None,
        creation_date: datetime | None = None,
        actual_text: bool = True,
        fast_text: bool = True,
    ) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.settings = settings or OfficeSettings()
        self.digits = self.settings.digits or "thai"
        self.actual_text = actual_text
        self.fast_text = fast_text
        all_names = [*office_names(self.settings), *names]
        self.names = name_set(all_names)  # sorted and compiled once per document
        self.font_choice = fonts.choose(getattr(self.settings, "font_path", "") or "")
        for style, file in self.font_choice.files.items():
            self.add_font(self.font_choice.family, style, file)
        self.nominal_pt = float(BODY_PT)
        self.set_text_shaping(True)
        install_shaping_cache(self)
        left, top, right, bottom = margins or (MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM)
        self.set_margins(left, top, right)
        self.set_auto_page_break(True, bottom)
        self.style("", BODY_PT)
        self.set_keywords(self.font_choice.note)
        self.set_title(title)
        self.set_subject(subject)
        self.set_author(self.settings.office_name or "ethics-tui")
        self.set_creator("ethics-tui")
        self.set_lang("th")
        self.set_creation_date(creation_date or datetime.now().astimezone())
        self._width_cache: dict[tuple[str, str, float], float] = {}
        self.warnings = []

    # ------------------------------------------------------------------ text prep
    def tx(self, text: object, *, digits: bool = True) -> str:
        """Prepare text for layout: office digits, U+200B between words, names kept whole."""
        s = "" if text is None else str(text)
        if digits:
            s = office_digits(s, self.digits)
        out = insert_breaks(s, self.names)
        if ZWSP in out and ("(" in out or ")" in out):  # a bracket stays with its word: never "( | งาน"
            out = _BRACKET_BREAK.sub("", out)
        return out

    def num(self, value: object) -> str:
        return office_digits(str(value), self.digits)

    @property
    def line_h(self) -> float:
        return self.nominal_pt * PT * LINE_FACTOR

    def style(self, style: str = "", size: float = BODY_PT) -> None:
        """Set the font by its nominal TH Sarabun size (Sarabun is scaled to match)."""
        self.nominal_pt = float(size)
        self.set_font(self.font_choice.family, style, round(size * self.font_choice.scale, 2))

    @property
    def title_pt(self) -> float:
        """Size of a document's title line (คำสั่ง…, ประกาศ…): a setting, 16 pt by default."""
        return float(getattr(self.settings, "title_pt", 0) or BODY_PT)

    # ------------------------------------------------------------------ measuring
    def word_width(self, word: str) -> float:
        """Width of ``word`` (mm) in the current font, shaped once and cached."""
        key = (self.current_font.fontkey, word, self.font_size_pt)
        w = self._width_cache.get(key)
        if w is None:
            _, w_pt = self.current_font.get_text_width(word.replace(NBSP, " "), self.font_size_pt, self.text_shaping)
            w = w_pt / self.k
            self._width_cache[key] = w
        return w

    def wrap(self, text: str, width: float, first_width: float | None = None) -> list[str]:
        """Break prepared text (see :meth:`tx`) into lines at spaces and U+200B only.

        A token wider than the line is cut by characters (the only case where a line can
        end inside a word). Returned lines keep their U+200B; :meth:`line` drops them.
        """
        lines: list[str] = []
        for para in text.split("\n"):
            self._wrap_para(para, width, first_width if not lines else width, lines)
        return lines

    def _wrap_para(self, para: str, width: float, first: float | None, out: list[str]) -> None:
        limit = (first if first is not None else width) + 0.01
        tokens: list[str] = []
        buf = ""
        for ch in para:  # tokens: words, single spaces, ZWSP separators dropped
            if ch == " " or ch == ZWSP:
                if buf:
                    tokens.append(buf)
                    buf = ""
                if ch == " ":
                    tokens.append(" ")
                else:
                    tokens.append(ZWSP)
            else:
                buf += ch
        if buf:
            tokens.append(buf)
        line: list[str] = []
        cur = 0.0
        space_w = self.word_width(" ")
        for tok in tokens:
            if tok == ZWSP:
                if line:
                    line.append(ZWSP)
                continue
            w = space_w if tok == " " else self.word_width(tok)
            if tok == " ":
                if line:
                    line.append(tok)
                    cur += w
                continue
            if cur + w <= limit or not line:
                if w > limit and not line:  # word longer than a line: cut by characters
                    for part in self._cut(tok, limit, width + 0.01):
                        if line:
                            out.append("".join(line).rstrip(" " + ZWSP))
                            limit = width + 0.01
                        line, cur = [part], self.word_width(part)
                    continue
                line.append(tok)
                cur += w
                continue
            out.append("".join(line).rstrip(" " + ZWSP))
            limit = width + 0.01
            if w > limit:
                line, cur = [], 0.0
                for part in self._cut(tok, limit, limit):
                    if line:
                        out.append("".join(line))
                    line, cur = [part], self.word_width(part)
            else:
                line, cur = [tok], w
        out.append("".join(line).rstrip(" " + ZWSP))

    def _cut(self, word: str, first: float, rest: float) -> list[str]:
        """Cut a word wider than the line: first into sub-words, then by characters."""
        pieces: list[str] = []
        stack = [word]
        while stack:  # expand pieces that are still too wide
            piece = stack.pop(0)
            if self.word_width(piece) <= rest:
                pieces.append(piece)
                continue
            sub = split_long(piece)
            if len(sub) > 1:
                stack[:0] = list(sub)
            else:
                pieces.extend(self._cut_chars(piece, rest))
        parts, cur, limit = [], "", first
        for piece in pieces:
            if cur and self.word_width(cur + piece) > limit:
                parts.append(cur)
                cur, limit = "", rest
            cur += piece
        parts.append(cur)
        return parts

    def _cut_chars(self, word: str, limit: float) -> list[str]:
        parts, cur = [], ""
        for ch in word:
            if cur and self.word_width(cur + ch) > limit and not _is_mark(ch):
                parts.append(cur)
                cur = ""
            cur += ch
        parts.append(cur)
        return parts

    # ------------------------------------------------------------------ drawing
    def text_line(
        self,
        text: str,
        w: float = 0,
        h: float | None = None,
        align: str = "L",
        new_x: XPos = XPos.RIGHT,
        new_y: YPos = YPos.TOP,
    ) -> None:
        """Draw one prepared line in a cell of width ``w`` at the current position.

        Like ``FPDF.cell`` without border or fill, but the shaped glyph runs of each
        distinct line are computed once and written straight into the content stream,
        wrapped in ``/ActualText`` marked content that carries the original text.
        """
        h = h or self.line_h
        if w == 0:
            w = self.w - self.r_margin - self.x
        visible = text.replace(ZWSP, "")
        x, y = self.x, self.y
        if visible.strip() and not self.in_footer and self.page_no() > 1:
            self._note_first_word(visible)
        if visible.strip():
            if self.fast_text:
                self._emit(visible, x, y, w, h, align)
            else:
                self._cell_with_actual_text(visible, w, h, align)
        if new_x == XPos.LMARGIN:
            self.x = self.l_margin
        elif new_x == XPos.LEFT:
            self.x = x
        else:
            self.x = x + w
        self.y = y + h if new_y == YPos.NEXT else y

    def _cell_with_actual_text(self, visible: str, w: float, h: float, align: str) -> None:
        x, y = self.x, self.y
        if self.actual_text:
            self._out(f"/Span <</ActualText <{_hex_utf16(visible.replace(NBSP, ' '))}>>> BDC")
        self.cell(w, h, visible, align=align)
        if self.actual_text:
            self._out("EMC")
        self.set_xy(x, y)

    def _emit(self, visible: str, x: float, y: float, w: float, h: float, align: str) -> None:
        font = self.current_font
        size = self.font_size_pt
        width = self.word_width(visible)
        if align == "R":
            dx = w - self.c_margin - width
        elif align == "C":
            dx = (w - width) / 2
        else:
            dx = self.c_margin
        k = self.k
        x0 = x + dx
        base = y + 0.5 * h + 0.5 * self.font_choice.xh * self.font_size  # consonants centred
        segs = shaped_segments(font, visible, size, self.text_shaping, k)
        ops = [f"/F{font.i} {size:.2f} Tf", self.text_color.serialize().lower()]
        for sx, sy, glyphs in segs:
            ops.append(f"1 0 0 1 {(x0 + sx) * k:.2f} {(self.h - base - sy) * k:.2f} Tm ({glyphs}) Tj")
        if self.actual_text:
            # The marked content sits inside BT … ET: at EMC poppler still has the font and
            # text state, so the line gets its real box (-bbox-layout) and reading order.
            actual = _hex_utf16(visible.replace(NBSP, " "))
            body = f"q BT /Span <</ActualText <{actual}>>> BDC " + " ".join(ops) + " EMC ET Q"
        else:
            body = "q BT " + " ".join(ops) + " ET Q"
        self._out(body)
        self._resource_catalog.add(PDFResourceType.FONT, font.i, self.page)
        font.biggest_size_pt = max(font.biggest_size_pt, size)

    # ------------------------------------------------------------------ page flow
    # Every block that layouts draw asks for its room with ensure_space: one "flow unit"
    # (a line of a paragraph, a member row, a signature block, a table row). The engine numbers them and
    # remembers each one's page, so that a document can be laid out again with a forced
    # break (see render_flow): the closing and signature never stand alone on a page.
    _break_at: int | None = None
    #: letters: the first word of each page, printed "/word..." at the foot of the page before
    next_words: dict[int, str] | None = None

    def ensure_space(self, h: float) -> None:
        flow = self.__dict__.setdefault("_flow_pages", [])
        if self.flow_break_due() or self.get_y() + h > self.page_break_trigger:
            self.add_page()
        flow.append(self.page_no())

    def flow_break_due(self) -> bool:
        """Whether render_flow asks for a page break before the next flow unit."""
        flow = self.__dict__.setdefault("_flow_pages", [])
        return self._break_at is not None and len(flow) == self._break_at and self.get_y() > self.t_margin + 1

    def flow_unit(self, page: int) -> None:
        """Count a flow unit that placed itself (a table row, starting on ``page``): body
        before a closing, and a place where render_flow may break (see TableWriter.row)."""
        self.__dict__.setdefault("_flow_pages", []).append(page)

    def mark_closing(self) -> None:
        """The closing (closing paragraph, date line, signature) starts here."""
        self._closing_at = len(self.__dict__.setdefault("_flow_pages", []))

    def lonely_closing(self) -> int | None:
        """The flow unit to break before if the closing stands with fewer than two body lines."""
        flow = self.__dict__.get("_flow_pages", [])
        at = getattr(self, "_closing_at", None)
        if at is None or at >= len(flow) or at < 2:
            return None
        page = flow[at]
        if page == 1 or sum(1 for p in flow[:at] if p == page) >= 2:
            return None
        brk = at - 2
        head, first = self.__dict__.get("_para_start", {}).get(brk, (brk, brk))
        if brk - first == 1:  # never one line of a paragraph left behind: the whole one moves
            brk = head
        return brk

    def footer(self) -> None:
        """สารบรรณ continuation: "/<first word of the next page>..." at the foot, right."""
        if self.classification:
            auto, self.auto_page_break = self.auto_page_break, False
            self._classification_mark(self.h - 14)
            self.auto_page_break = auto
        word = (self.next_words or {}).get(self.page_no() + 1)
        if not word:
            return
        saved = (self.font_style, self.nominal_pt)
        self.style("", BODY_PT)
        auto, self.auto_page_break = self.auto_page_break, False
        self.set_xy(self.l_margin, self.h - self.b_margin + 1)
        self.text_line(self.tx(f"/{word}...", digits=False), self.epw, align="R")
        self.auto_page_break = auto
        self.style(*saved)

    def first_words(self) -> dict[int, str]:
        return dict(self.__dict__.get("_first_words", {}))

    def _note_first_word(self, visible: str) -> None:
        words = self.__dict__.setdefault("_first_words", {})
        page = self.page_no()
        if page not in words and self.y >= self.t_margin - 0.5 and self.y < self.page_break_trigger:
            # the first token with a letter or digit: a dotted blank "(……)" or "( )" is no word
            first = [t for t in visible.replace(NBSP, " ").split() if any(c.isalnum() for c in t)]
            if first:
                from ethics_tui.thai.wordbreak import words as thai_words

                head = next((w for w in thai_words(first[0]) if any(c.isalnum() for c in w)), first[0])
                words[page] = head

    def paragraph(
        self,
        text: str,
        *,
        indent: float = INDENT_MM,
        left: float = 0.0,
        hanging: float = 0.0,
        align: str = "L",
        after: float = 0.0,
        prepared: bool = False,
        keep_next: float = 0.0,
    ) -> None:
        """A body paragraph: first line indented by ``indent`` from ``left`` (mm into the
        text block); other lines start at ``left + hanging``. ``keep_next`` (mm): room that
        what follows needs on the same page (a heading keeps its first lines, see :meth:`heading`)."""
        body = text if prepared else self.tx(text)
        x0 = self.l_margin + left
        full = self.epw - left - hanging
        first = self.epw - left - indent
        lines = self.wrap(body, full, first)
        flow = self.__dict__.setdefault("_flow_pages", [])
        head = len(flow)  # the paragraph's first flow unit (its keep, or its first line)
        if keep_next and lines:  # the whole paragraph and what it keeps, or a new page
            self.ensure_space(len(lines) * self.line_h + after + keep_next)
        start = len(flow)  # its first line's unit
        n = len(lines)
        for i, ln in enumerate(lines):
            # widow/orphan control (Word's default): the first two lines go together (a paragraph
            # of three, whole), and so do the last two
            keep = n if i == 0 and n <= 3 else 2 if (i == 0 or i == n - 2) and n > 1 else 1
            self.ensure_space(keep * self.line_h)
            self.set_x(x0 + (indent if i == 0 else hanging))
            self.text_line(ln, first if i == 0 else full, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        starts = self.__dict__.setdefault("_para_start", {})
        for unit in range(start, len(flow)):  # each line's unit knows where its paragraph starts
            starts[unit] = (head, start)
        if after:
            self.ln(after)

    def heading(
        self,
        text: str,
        *,
        keep: float | None = None,
        style: str = "B",
        indent: float = 0.0,
        left: float = 0.0,
        after: float = 1.0,
    ) -> None:
        """A heading or a table's title. Page-flow rule (issue 13 item 4): it never stands at a
        page foot; it keeps ``keep`` mm of what follows on its page (default two body lines;
        before a table, pass ``TableWriter.start_height()``), or moves to the next page."""
        saved = self.font_style
        self.style(style, self.nominal_pt)
        self.paragraph(text, indent=indent, left=left, after=after, keep_next=2 * self.line_h if keep is None else keep)
        self.style(saved, self.nominal_pt)

    def numbered(self, items: Iterable[str], *, left: float = INDENT_MM, label_w: float = 8.0, start: int = 1) -> None:
        """A numbered list with hanging indent: "๑. text"."""
        for n, item in enumerate(items, start):
            self.labelled(f"{n}.", item, left=left, label_w=label_w)

    def labelled(self, label: str, text: str, *, left: float = 0.0, label_w: float = 8.0) -> None:
        lines = self.wrap(self.tx(text), self.epw - left - label_w)
        for i, ln in enumerate(lines):
            self.ensure_space(self.line_h)
            self.set_x(self.l_margin + left)
            if i == 0:
                self.text_line(self.tx(label), label_w)
            else:
                self.set_x(self.l_margin + left + label_w)
            self.text_line(ln, self.epw - left - label_w, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def centered(self, text: str, style: str = "", size: float = BODY_PT) -> None:
        self.style(style, size)
        for ln in self.wrap(self.tx(text), self.epw - 10):
            self.ensure_space(self.line_h)
            self.set_x(self.l_margin)
            self.text_line(ln, self.epw, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.style()

    def _signature_lines(
        self, name: str, position: str, x_center: float | None, lead: str, width: float
    ) -> tuple[float, float, list[str], list[str]]:
        x_center = x_center if x_center is not None else self.l_margin + self.epw * 0.62
        half = min(width / 2, x_center - self.l_margin, self.l_margin + self.epw - x_center)
        texts = [f"({name})" if name else "(" + "." * 40 + ")"]
        texts += [p for p in position.split("\n") if p]
        lines = [ln for t in texts for ln in self.wrap(self.tx(t), 2 * half - 2 * self.c_margin)]
        lead_lines = self.wrap(self.tx(lead), 2 * half - 2 * self.c_margin) if lead else []
        return x_center, half, lines, lead_lines

    def signature_height(
        self, name: str, position: str, *, gap: float = 18.0, lead: str = "", width: float = 90.0
    ) -> float:
        """The room :meth:`signature_block` asks for (for a closing kept with it)."""
        _x, _half, lines, lead_lines = self._signature_lines(name, position, None, lead, width)
        return gap + self.line_h * (len(lines) + len(lead_lines) + 1)

    def sign_line(self, caption: str = "", mm: float = SIGN_LINE_MM) -> str:
        """ "ลงชื่อ……<caption>" with a dotted line about ``mm`` long in the current font: room
        for a handwritten signature."""
        return f"ลงชื่อ{'.' * max(1, round(mm / self.word_width('.')))}{caption}"

    def signature_block(
        self,
        name: str,
        position: str,
        *,
        x_center: float | None = None,
        gap: float = 18.0,
        lead: str = "",
        width: float = 90.0,
    ) -> None:
        """Space to sign, then "(full name)" and the position, centred on ``x_center``.

        Every line wraps within ``width`` (between words; names whole), and the column is
        kept inside the margins, so two blocks side by side never run into each other."""
        x_center, half, lines, lead_lines = self._signature_lines(name, position, x_center, lead, width)
        width = 2 * half
        self.ensure_space(gap + self.line_h * (len(lines) + len(lead_lines) + 1))
        for ln in lead_lines:
            self.set_x(x_center - half)
            self.text_line(ln, width, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)
        for ln in lines:
            self.set_x(x_center - half)
            self.text_line(ln, width, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    #: (Thai, English) notes for the person exporting, e.g. that no emblem file is set
    warnings: list[tuple[str, str]]

    def emblem(self, height: float = 30.0, *, left: bool = False) -> None:
        """The Garuda (ตราครุฑ) or office emblem: 3 cm high and centred on orders,
        announcements and external letters; 1.5 cm at the top left of a memo (``left``).

        It is a state emblem and none is shipped: without an image file in settings the space
        holds a faint hint saying so (and ``warnings`` says it too), never a silent blank."""
        path = self.settings.emblem_path
        top = self.get_y()
        box = height if left else height * 2  # the image is fitted into the box, aspect kept
        # centred on the text column, the axis of the centred heading under it (Word centres the
        # emblem's paragraph between the margins: 11 cm from the left edge, not 10.5)
        x = self.l_margin if left else self.l_margin + self.epw / 2 - box / 2
        if path and Path(path).is_file():
            from ethics_tui.errors import UserError
            from ethics_tui.pdf.images import image_problem

            problem = image_problem(path)  # set before the pixel-size check: refused before decoding
            if problem:
                raise UserError(
                    f"ใช้ไฟล์ตราสัญลักษณ์ {path} ไม่ได้: {problem[0]} — เลือกไฟล์ภาพใหม่ในหน้าตั้งค่า",
                    f"Cannot use the emblem image {path}: {problem[1]}; choose another in settings",
                )
            try:
                self.image(path, x=x, y=top, w=box, h=height, keep_aspect_ratio=True)
            except Exception as exc:
                raise UserError(
                    f"อ่านไฟล์ตราสัญลักษณ์ {path} ไม่ได้ — ตรวจสอบไฟล์ภาพในหน้าตั้งค่า",
                    f"Cannot read the emblem image {path} ({type(exc).__name__}); check it in settings",
                ) from None
        else:
            self._emblem_hint(x, top, box, height)
        if not left:
            self.set_y(top + height + 2)

    def _emblem_hint(self, x: float, y: float, w: float, h: float) -> None:
        size = "๑.๕ ซม." if h < 20 else "๓ ซม."
        path = self.settings.emblem_path
        self.warnings.append(
            (
                f"ไม่พบไฟล์ภาพตรา {path} ที่ตั้งค่าไว้ — เอกสารพิมพ์ช่องว่างพร้อมข้อความแจ้งแทน (เลือกไฟล์ใหม่ที่หน้าตั้งค่า)",
                f"The emblem image set in settings ({path}) is not there: the document shows a hint in its place",
            )
            if path
            else (
                "ยังไม่ได้ตั้งค่าไฟล์ภาพตราครุฑ/ตราสัญลักษณ์ — เอกสารพิมพ์ช่องว่างพร้อมข้อความแจ้งแทน (ตั้งค่าได้ที่หน้าตั้งค่า)",
                "No emblem image is set: the document shows a hint in its place (set one in settings)",
            )
        )
        saved = (self.font_style, self.nominal_pt)
        self.set_draw_color(190, 190, 190)
        self.set_dash_pattern(dash=1, gap=1)
        self.rect(x, y, w, h)
        self.set_dash_pattern()
        self.set_draw_color(0, 0, 0)
        self.set_text_color(150, 150, 150)
        self.style("", 8 if h < 20 else 10)
        lines = (
            [f"ตราครุฑ {size}", "ระบุไฟล์ภาพ", "ในหน้าตั้งค่า"]
            if h < 20
            else [f"ที่ของตราครุฑ สูง {size}", "ยังไม่ได้ระบุไฟล์ภาพตรา", "ระบุได้ในหน้าตั้งค่า"]
        )
        lh = min(self.line_h, h / len(lines))
        for i, text in enumerate(lines):
            self.set_xy(x, y + (h - lh * len(lines)) / 2 + i * lh)
            self.text_line(self.tx(text), w, lh, align="C")
        self.set_text_color(0, 0, 0)
        self.style(*saved)

    # ------------------------------------------------------------------ page furniture
    #: printed with the page number at the top of every page from page 2 ("<title>  หน้า N"),
    #: e.g. a sign-off sheet's document number and subject; empty: "- N -" only
    running_title: str = ""

    #: a security classification (ชั้นความลับ, e.g. "ลับ") printed at the top and the bottom
    #: of every page, as the สารบรรณ rules require for classified documents
    classification: str = ""

    def _classification_mark(self, y: float) -> None:
        saved = (self.font_style, self.nominal_pt)
        self.style("B", 20)
        self.set_text_color(200, 0, 0)
        self.set_xy(self.l_margin, y)
        self.text_line(self.tx(self.classification), self.epw, 8, align="C")
        self.set_text_color(0, 0, 0)
        self.style(*saved)

    def header(self) -> None:
        if self.classification:
            self._classification_mark(5)
        if self.page_no() < 2:
            if self.classification:
                self.set_y(self.t_margin)
            return
        saved = (self.font_style, self.nominal_pt)
        if self.running_title:
            text = self.tx(f"{self.running_title}  หน้า {self.page_no()}")
            size = 12.0
            self.style("", size)
            while size > 8 and self.word_width(text.replace("\u200b", "")) > self.epw:
                size -= 1  # a long title gets a smaller font, never cut
                self.style("", size)
            self.set_xy(self.l_margin, 6)
            self.text_line(text, self.epw, align="C")
        else:
            self.set_y(13 if self.classification else 8)
            self.style("", BODY_PT)
            self.set_x(self.l_margin)
            self.text_line(f"- {self.num(self.page_no())} -", self.epw, align="C")
        self.style(*saved)
        self.set_y(self.t_margin)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.output(str(path))
        finally:
            release(self)
        with _PENDING_LOCK:
            _PENDING.update(dict.fromkeys(self.warnings))
        return path


_MARKS = {chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))}


def _is_mark(ch: str) -> bool:
    return ch in _MARKS


def render_flow(make, draw, path: str | Path, *, continuation: bool = True) -> Path:
    """Lay out a letter with the engine's page-flow rules and write it to ``path``.

    ``make()`` returns a fresh :class:`ThaiPDF`; ``draw(pdf)`` lays the document out (calling
    ``pdf.mark_closing()`` where the closing begins). If the closing would stand on a page
    with fewer than two body lines, the document is laid out again with a break two flow
    units earlier. A letter of several pages gets the continuation word at each page foot."""
    pdf = make()
    draw(pdf)
    brk = pdf.lonely_closing()
    if brk is None and (not continuation or pdf.page_no() < 2):
        return pdf.save(path)
    if brk is not None:
        release(pdf)
        pdf = make()
        pdf._break_at = brk
        draw(pdf)
    if continuation and pdf.page_no() > 1:
        words = pdf.first_words()
        release(pdf)
        pdf = make()
        pdf._break_at = brk
        pdf.next_words = words
        draw(pdf)
    return pdf.save(path)
