"""บันทึกข้อความ (internal memo): the title, ส่วนราชการ / ที่ + วันที่ / เรื่อง with bold labels,
a rule, เรียน, the body, an optional table and more paragraphs, the closing, the signature of
the officer who prepared it, and optionally the executive's decision box."""

from __future__ import annotations

from pathlib import Path

from fpdf.enums import XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF, render_flow
from ethics_tui.pdf.models import DecisionBox, MemoDoc, MemoTable, Signer
from ethics_tui.pdf.table import Column, TableWriter
from ethics_tui.thai.digits import apply_digits

HEAD_LH = 7.5  # line height of the head values (16 pt)


def _head(pdf: ThaiPDF, label: str, value: str, x: float, width: float, y: float) -> float:
    """A bold label and its wrapped value from (x, y); returns the y below it."""
    pdf.style("B", 20)  # แบบที่ 26: the labels bold 20 pt, the values 16 pt
    lw = pdf.word_width(label) + 3
    pdf.set_xy(x, y)
    pdf.text_line(label, lw, 9)
    pdf.style("", 16)
    lines = pdf.wrap(pdf.tx(value), width - lw) or [""]
    for i, ln in enumerate(lines):
        pdf.set_xy(x + lw, y + i * HEAD_LH + 0.8)
        pdf.text_line(ln, width - lw, HEAD_LH)
    return y + len(lines) * HEAD_LH + 1.5


def _table_writer(pdf: ThaiPDF, t: MemoTable) -> TableWriter:
    table = TableWriter(pdf, [Column(c.title, c.width, c.align) for c in t.columns], size=t.size)
    return table.autofit(t.rows, min(pdf.epw, sum(c.width for c in t.columns)))


def _table(pdf: ThaiPDF, t: MemoTable, table: TableWriter) -> None:
    table.start()
    for row in t.rows:
        table.row(row)
    if t.note:
        table.note(t.note)
    pdf.ln(2)


def _decision(pdf: ThaiPDF, box: DecisionBox, settings: OfficeSettings) -> None:
    signer = common.resolve_signer(box.signer, settings)
    pdf.ln(4)
    pdf.ensure_space(pdf.line_h * (len(box.choices) + 6))
    pdf.heading(box.heading, after=0)
    for choice in box.choices:
        pdf.paragraph(choice, indent=10)
    pdf.signature_block(signer.name, signer.position, gap=12)


def render_memo(doc: MemoDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()) -> Path:
    decision_signer = common.resolve_signer(doc.decision.signer, settings) if doc.decision else Signer()
    phone = apply_digits(f"โทร. {settings.phone}", settings.digits or "thai") if settings.phone else ""

    def make() -> ThaiPDF:
        return ThaiPDF(
            settings,
            title=f"บันทึกข้อความ {doc.subject}",
            subject="บันทึกข้อความ",
            names=(
                *names,
                doc.signer.name,
                decision_signer.name,
                phone,
                *common.names_in(doc.body),
            ),  # phone kept whole
        )

    def draw(pdf: ThaiPDF) -> None:
        pdf.add_page()
        top = pdf.get_y()
        pdf.emblem(height=15, left=True)  # แบบที่ 26: 1.5 cm at the top left
        pdf.style("B", getattr(settings, "memo_title_pt", 0) or 29)
        pdf.set_xy(pdf.l_margin, top + 7.5 - pdf.line_h / 2)  # the title centred on the emblem's band
        pdf.text_line(pdf.tx("บันทึกข้อความ"), pdf.epw, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(max(pdf.get_y(), top + 15))
        half = pdf.epw / 2
        unit = " ".join(x for x in (doc.unit, settings.office_name) if x)
        if settings.phone:
            unit += f" โทร. {settings.phone}"
        y = _head(pdf, "ส่วนราชการ", unit, pdf.l_margin, pdf.epw, pdf.get_y() + 2)
        number = f"{settings.letter_prefix}/{doc.number}" if settings.letter_prefix else doc.number
        y = max(
            _head(pdf, "ที่", number, pdf.l_margin, half, y),
            _head(pdf, "วันที่", common.be_date(doc.dated, pdf.digits, with_be=False), pdf.l_margin + half, half, y),
        )
        y = _head(pdf, "เรื่อง", doc.subject, pdf.l_margin, pdf.epw, y) + 1
        pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
        pdf.set_y(y + 3)
        pdf.style("")
        pdf.paragraph(f"เรียน {doc.to}", indent=0, after=2)
        table = _table_writer(pdf, doc.table) if doc.table is not None else None
        # the body's last line (the table's heading or "… ดังนี้") keeps with the table's start
        common.body(pdf, doc.body, then=table.start_height() + 1 if table else 0.0)
        if doc.table is not None and table is not None:
            pdf.ln(1)
            _table(pdf, doc.table, table)
        common.body(pdf, doc.after_table)
        pdf.mark_closing()
        if doc.closing:  # the closing keeps with the signature under it
            keep = pdf.signature_height(doc.signer.name, doc.signer.position, gap=12)
            pdf.paragraph(doc.closing, after=2, keep_next=keep)
        pdf.signature_block(doc.signer.name, doc.signer.position, gap=12)
        if doc.decision is not None:
            _decision(pdf, doc.decision, settings)

    return render_flow(make, draw, path)
