"""หนังสือเวียน (circular letter): "ที่ <prefix>/ว N" left, office address right, date,
เรื่อง / เรียน / อ้างถึง / สิ่งที่ส่งมาด้วย, body, closing, signature, issuing unit."""

from __future__ import annotations

from pathlib import Path

from fpdf.enums import XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF, render_flow
from ethics_tui.pdf.models import CircularDoc

LABEL_W = 30.0


def _labelled(pdf: ThaiPDF, label: str, items: list[str]) -> None:
    """ "อ้างถึง  ..." with the text aligned after the label; several items are numbered."""
    label_w = max(LABEL_W, pdf.word_width(pdf.tx(label).replace("\u200b", "")) + 4)
    texts = items if len(items) == 1 else [f"{n}. {t}" for n, t in enumerate(items, 1)]
    for i, text in enumerate(texts):
        lines = pdf.wrap(pdf.tx(text), pdf.epw - label_w)
        for j, ln in enumerate(lines):
            pdf.ensure_space(pdf.line_h)
            pdf.set_x(pdf.l_margin)
            if i == 0 and j == 0:
                pdf.text_line(pdf.tx(label), label_w)
            else:
                pdf.set_x(pdf.l_margin + label_w)
            pdf.text_line(ln, pdf.epw - label_w, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render_circular(
    doc: CircularDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()
) -> Path:
    if doc.form == "memo":
        return _as_memo(doc, path, settings, names)
    signer = common.resolve_signer(doc.signer, settings)
    number = f"ที่ {settings.letter_prefix}/ว {doc.number}".replace("ที่ /", "ที่ ")
    all_names = (*names, signer.name, signer.position, *common.names_in(doc.body))

    def make() -> ThaiPDF:
        return ThaiPDF(settings, title=f"หนังสือเวียน {number} เรื่อง {doc.subject}", subject=doc.subject, names=all_names)

    def draw(pdf: ThaiPDF) -> None:
        pdf.add_page()
        pdf.emblem(height=30)  # หนังสือภายนอก: 3 cm, centred
        # Number at the left, office name and address at the right, on the same band.
        y0 = pdf.get_y()
        pdf.set_x(pdf.l_margin)
        pdf.text_line(pdf.tx(number), 70)
        # Wide enough for the office name on one line (a name is never split).
        right_w = min(pdf.epw * 0.6, max(pdf.epw * 0.45, pdf.word_width(settings.office_name) + 3))
        right_x = pdf.l_margin + pdf.epw - right_w
        address = [settings.office_name, *[a for a in settings.address.split("\n") if a.strip()]]
        pdf.set_y(y0)
        for part in address:
            for ln in pdf.wrap(pdf.tx(part), right_w):
                pdf.set_x(right_x)
                pdf.text_line(ln, right_w, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        pdf.set_x(pdf.l_margin + pdf.epw * 0.45)
        pdf.text_line(
            pdf.tx(common.be_date(doc.dated, pdf.digits, with_be=False)), 0, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.ln(2)
        _labelled(pdf, "เรื่อง", [doc.subject])
        _labelled(pdf, "เรียน", [doc.to])
        if doc.references:
            _labelled(pdf, "อ้างถึง", doc.references)
        if doc.enclosures:
            _labelled(pdf, "สิ่งที่ส่งมาด้วย", doc.enclosures)
        pdf.ln(2)
        common.body(pdf, doc.body)
        pdf.mark_closing()
        contact = [doc.unit]
        if settings.phone:
            contact.append(f"โทร. {settings.phone}")
        # the signature and the issuing unit go together (the unit never stands alone), and the
        # closing paragraph keeps with them
        together = 16 + 6 + pdf.line_h * (4 + len(signer.position.split("\n")) + len(contact) + 1)
        if doc.closing:
            pdf.paragraph(doc.closing, keep_next=4 + together)
        pdf.ln(4)
        pdf.ensure_space(together)
        pdf.signature_block(signer.name, signer.position, lead=doc.sign_off, gap=16)
        # Issuing unit with phone and e-mail at the bottom left.
        pdf.ln(6)
        pdf.ensure_space(pdf.line_h * (len(contact) + 1))
        for text in contact:
            pdf.set_x(pdf.l_margin)
            pdf.text_line(pdf.tx(text), 0, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if settings.email:
            pdf.set_x(pdf.l_margin)
            pdf.text_line(pdf.tx("ไปรษณีย์อิเล็กทรอนิกส์ ") + settings.email, 0, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    return render_flow(make, draw, path)


def _as_memo(doc: CircularDoc, path: str | Path, settings: OfficeSettings, names: tuple[str, ...]) -> Path:
    """The same circular in the บันทึกข้อความ form, for the office's own staff."""
    from ethics_tui.pdf.memo import render_memo
    from ethics_tui.pdf.models import MemoDoc

    body = list(doc.body)
    if doc.references:
        body.insert(0, "อ้างถึง " + " ".join(doc.references))
    if doc.enclosures:
        body.insert(0, "สิ่งที่ส่งมาด้วย " + " ".join(doc.enclosures))
    signer = common.resolve_signer(doc.signer, settings)
    memo = MemoDoc(
        unit=doc.unit,
        subject=doc.subject,
        to=doc.to,
        body=body,
        dated=doc.dated,
        number=f"ว {doc.number}",
        closing=doc.closing,
        signer=signer,
    )
    return render_memo(memo, path, settings, names=names)
