"""Pieces shared by the official layouts (ระเบียบงานสารบรรณ)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from fpdf.enums import XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf.base import BODY_PT, INDENT_MM, ThaiPDF, render_flow
from ethics_tui.pdf.models import Block, Heading, Members, NumberedList, Signer
from ethics_tui.thai.dates import format_date


def be_date(d: date, digits: str, *, with_be: bool = True) -> str:
    """``25 พฤศจิกายน พ.ศ. 2568`` (with ``with_be``) or ``25 พฤศจิกายน 2568``."""
    text = format_date(d, "full", digits)
    if not with_be:
        return text
    day, month, year = text.split(" ")
    return f"{day} {month} พ.ศ. {year}"


def resolve_signer(signer: Signer | None, settings: OfficeSettings) -> Signer:
    signer = signer or Signer()
    return Signer(
        name=signer.name or settings.executive_name,
        position=signer.position or settings.executive_title,
    )


def names_in(blocks: Iterable[Block]) -> list[str]:
    """Proper names found in member lists (kept unbroken by the line breaker)."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Members):
            out += [m.name for m in b.members] + [m.position for m in b.members if m.position]
    return out


def heading(pdf: ThaiPDF, first: str, number_line: str = "", subject: str = "") -> None:
    """Centred "คำสั่ง<office>" / "ที่ ..." / "เรื่อง ..." and a short separator."""
    pdf.centered(first, "B", pdf.title_pt)  # the title size is an office setting
    if number_line:
        pdf.centered(number_line, "B")
    if subject:
        pdf.centered(f"เรื่อง {subject}", "B")
    y = pdf.get_y() + 2
    mid = pdf.l_margin + pdf.epw / 2
    pdf.set_line_width(0.3)
    pdf.line(mid - 30, y, mid + 30, y)
    pdf.set_line_width(0.2)
    pdf.set_y(y + 4)


#: a numbered heading in a body ("6.", "๖. การฝึกอบรม", "2.1 ผลการดำเนินการ")
_NUMBERED_HEADING = re.compile(r"^[0-9๐-๙]+(\.[0-9๐-๙]+)*\.?\s+\S")


def is_heading(pdf: ThaiPDF, block: object) -> bool:
    """A :class:`Heading`, or a short numbered paragraph that fits on one line."""
    if isinstance(block, Heading):
        return True
    if not isinstance(block, str) or not _NUMBERED_HEADING.match(block) or len(block) > 120:
        return False
    return len(pdf.wrap(pdf.tx(block), pdf.epw - INDENT_MM)) == 1


def _short(pdf: ThaiPDF, text: str) -> bool:
    """A heading or a lead-in of at most two lines (kept with the table under it)."""
    return is_heading(pdf, text) or len(pdf.wrap(pdf.tx(text), pdf.epw - INDENT_MM)) <= 2


def body(pdf: ThaiPDF, blocks: Iterable[Block], *, then: float = 0.0) -> None:
    """Paragraphs, numbered lists and member lists. Headings (and list titles) are kept with
    what follows them (the engine's keep-with-next rule), never left at a page foot. ``then``
    (mm): the room of what comes after the blocks (a table's header and first rows): a last
    block that is a heading or a short lead-in ("… ดังนี้") keeps with it."""
    blocks = list(blocks)
    for k, block in enumerate(blocks):
        last = k == len(blocks) - 1
        if isinstance(block, str) and last and then and _short(pdf, block):
            pdf.paragraph(block, after=1, keep_next=then)
        elif isinstance(block, str) and not last and is_heading(pdf, block):
            pdf.paragraph(block, after=1, keep_next=2 * pdf.line_h)
        elif isinstance(block, str):
            pdf.paragraph(block, after=1)
        elif isinstance(block, NumberedList):
            if block.title:
                pdf.paragraph(block.title, keep_next=2 * pdf.line_h)
            pdf.numbered(block.items, left=INDENT_MM)
            pdf.ln(1)
        elif isinstance(block, Members):
            members(pdf, block)
            pdf.ln(1)


def members(pdf: ThaiPDF, block: Members) -> None:
    """Numbered members: the name, its position on the next line, the role at the right."""
    left = pdf.l_margin + 8
    num_w, role_w = 9.0, 45.0
    text_w = pdf.epw - (left - pdf.l_margin) - num_w - role_w
    for n, m in enumerate(block.members, 1):
        person = pdf.wrap(pdf.tx(m.name), text_w - 1)
        person += pdf.wrap(pdf.tx(f"ตำแหน่ง {m.position}"), text_w - 6) if m.position else []
        role = pdf.wrap(pdf.tx(m.role), role_w)
        rows = max(len(person), len(role))
        pdf.ensure_space(rows * pdf.line_h)
        y0 = pdf.get_y()
        pdf.set_xy(left, y0)
        pdf.text_line(pdf.tx(f"{n}."), num_w)
        for i, ln in enumerate(person):
            pdf.set_xy(left + num_w + (5 if i else 0), y0 + i * pdf.line_h)
            pdf.text_line(ln, text_w)
        for i, ln in enumerate(role):
            pdf.set_xy(left + num_w + text_w, y0 + i * pdf.line_h)
            pdf.text_line(ln, role_w)
        pdf.set_xy(pdf.l_margin, y0 + rows * pdf.line_h)


def dated_line(pdf: ThaiPDF, prefix: str, d: date) -> None:
    """ "สั่ง ณ วันที่ ๒๕ พฤศจิกายน พ.ศ. ๒๕๖๘", starting near the middle of the page."""
    pdf.ln(2)
    pdf.ensure_space(pdf.line_h * 6)
    pdf.set_x(pdf.l_margin + INDENT_MM + 25)
    text = f"{prefix} {be_date(d, pdf.digits)}"
    pdf.text_line(pdf.tx(text), 0, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render_official(
    path: str | Path,
    settings: OfficeSettings,
    *,
    first: str,
    number_line: str,
    subject: str,
    blocks: list[Block],
    signer: Signer | None,
    dated: tuple[str, date],
    names: tuple[str, ...] = (),
    middle: Callable[[ThaiPDF], None] | None = None,
) -> Path:
    """An official one-signature document (คำสั่ง, ประกาศ): emblem, :func:`heading`, the body
    ``blocks``, what ``middle`` draws, the closing mark, the dated line ``dated`` = (prefix,
    day) and the signature."""
    who = resolve_signer(signer, settings)
    title = " ".join(x for x in (first, number_line) if x) + f" เรื่อง {subject}"
    all_names = (*names, who.name, who.position, *names_in(blocks))

    def draw(pdf: ThaiPDF) -> None:
        pdf.add_page()
        pdf.emblem()
        heading(pdf, first, number_line, subject)
        body(pdf, blocks)
        if middle is not None:
            middle(pdf)
        pdf.mark_closing()
        dated_line(pdf, *dated)
        pdf.signature_block(who.name, who.position)

    return render_flow(lambda: ThaiPDF(settings, title=title, subject=subject, names=all_names), draw, path)


def finish(pdf: ThaiPDF) -> None:
    pdf.style("", BODY_PT)
