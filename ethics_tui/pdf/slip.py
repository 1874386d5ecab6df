"""A one-page form or slip (receipts, notices): title, labelled fields, signature or
witness block."""

from __future__ import annotations

from pathlib import Path

from fpdf.enums import XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import SlipDoc

LABEL_W = 48.0


def render_slip(doc: SlipDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()) -> Path:
    signer_names = tuple(s.name for _, s in doc.signatures if s.name)
    one_line = " ".join(doc.title.split("\n"))  # a title may be set on two lines
    pdf = ThaiPDF(settings, title=one_line, subject=one_line, names=(*names, *signer_names))
    pdf.classification = doc.classification
    pdf.add_page()
    if doc.number:
        pdf.set_x(pdf.l_margin)
        pdf.text_line(pdf.tx(f"เลขที่ {doc.number}"), pdf.epw, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.centered(doc.title, "B", 18)
    pdf.centered(settings.office_name)
    if doc.dated:
        pdf.centered(f"วันที่ {common.be_date(doc.dated, pdf.digits)}")
    pdf.ln(4)
    pdf.style("B")
    label_w = max([LABEL_W] + [pdf.word_width(pdf.tx(f.label).replace("\u200b", "")) + 7 for f in doc.fields])
    pdf.style("")
    value_w = pdf.epw - label_w
    for f in doc.fields:
        lines = pdf.wrap(pdf.tx(f.value), value_w) if f.value else []
        pdf.style("B")
        pdf.set_x(pdf.l_margin)
        pdf.text_line(pdf.tx(f.label), label_w)
        pdf.style("")
        if not lines:  # a dotted blank to fill in by hand
            y = pdf.get_y() + pdf.line_h - 1.5
            pdf.set_dash_pattern(dash=0.4, gap=0.8)
            pdf.line(pdf.l_margin + label_w, y, pdf.l_margin + pdf.epw, y)
            pdf.set_dash_pattern()
            pdf.ln(pdf.line_h)
        for _i, ln in enumerate(lines):
            pdf.set_x(pdf.l_margin + label_w)
            pdf.text_line(ln, value_w, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
    if doc.text:
        pdf.ln(2)
        pdf.paragraph(doc.text)
    # Signature / witness blocks side by side, two per band.
    sigs = doc.signatures
    pdf.ln(6)
    for start in range(0, len(sigs), 2):
        band = sigs[start : start + 2]
        y0 = pdf.get_y()
        bottom = y0
        for k, (caption, signer) in enumerate(band):
            centre = pdf.l_margin + pdf.epw * (0.25 + 0.5 * k if len(band) == 2 else 0.62)
            pdf.set_y(y0)
            pdf.signature_block(
                signer.name, signer.position, x_center=centre, lead=pdf.sign_line(caption), gap=0, width=78
            )
            bottom = max(bottom, pdf.get_y())
        pdf.set_y(bottom + 6)
    return pdf.save(path)
