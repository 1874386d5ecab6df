"""แบบแจ้งผลการประเมินผลการปฏิบัติงาน: one A4 page per person (no page numbers: each page is
a document of its own), with the appraiser's, the appraisee's and the witness's blocks."""

from __future__ import annotations

from pathlib import Path

from fpdf.enums import XPos, YPos

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import AppraisalNoticeDoc

WITNESS_NOTE = "(ในกรณีที่ผู้รับการประเมินไม่ยอมลงลายมือชื่อรับทราบผลการประเมิน)"
DOTS = "." * 30


class _NoticePDF(ThaiPDF):
    def header(self) -> None:  # each page is a document of its own: no page numbers
        pass


def _fields(pdf: ThaiPDF, fields: list[tuple[str, str]]) -> None:
    pdf.style("B")
    lw = max(pdf.word_width(pdf.tx(label).replace("\u200b", "")) for label, _ in fields) + 6
    for label, value in fields:
        pdf.style("B")
        pdf.set_x(pdf.l_margin)
        pdf.text_line(pdf.tx(label), lw)
        pdf.style("")
        lines = pdf.wrap(pdf.tx(value), pdf.epw - lw)[:4] if value else [""]
        for ln in lines:
            pdf.set_x(pdf.l_margin + lw)
            pdf.text_line(ln or pdf.tx("." * 60), pdf.epw - lw, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _centred_lines(pdf: ThaiPDF, text: str, x_center: float, width: float) -> None:
    for ln in pdf.wrap(pdf.tx(text), width - 2 * pdf.c_margin):
        pdf.set_x(x_center - width / 2)
        pdf.text_line(ln, width, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _page(pdf: ThaiPDF, doc: AppraisalNoticeDoc, settings: OfficeSettings) -> None:
    day = lambda d: common.be_date(d, pdf.digits) if d else DOTS
    pdf.add_page()
    pdf.centered(doc.title, "B", 18)
    pdf.centered(settings.office_name)
    pdf.centered(doc.period)
    pdf.ln(3)
    notified = common.be_date(doc.notified_on, pdf.digits) if doc.notified_on else ""
    _fields(pdf, [(f.label, f.value) for f in doc.fields] + [("วันที่แจ้งผล", notified)])
    pdf.ln(2)
    pdf.style("", 14)
    pdf.paragraph(
        f"หากไม่เห็นด้วยกับผลการประเมิน ผู้รับการประเมินมีสิทธิ์ร้องทุกข์ได้ภายใน {doc.grievance_days} วัน นับแต่วันที่ได้รับทราบผลการประเมิน"
    )
    pdf.style("")
    col_w = pdf.epw / 2 - 4  # two columns that cannot meet: each line wraps within its half
    left, right = pdf.l_margin + pdf.epw * 0.25, pdf.l_margin + pdf.epw * 0.75
    y0 = pdf.get_y() + 3
    pdf.set_y(y0)
    ap = common.resolve_signer(doc.appraiser, settings)
    pdf.signature_block(ap.name, ap.position, x_center=left, lead=pdf.sign_line("ผู้ประเมิน"), gap=0, width=col_w)
    _centred_lines(pdf, "วันที่ " + day(doc.notified_on), left, col_w)
    y_left = pdf.get_y()
    pdf.set_y(y0)
    _centred_lines(pdf, "ได้รับทราบผลการประเมินแล้ว", right, col_w)
    pdf.signature_block(
        doc.appraisee.name,
        doc.appraisee.position,
        x_center=right,
        lead=pdf.sign_line("ผู้รับการประเมิน"),
        gap=0,
        width=col_w,
    )
    _centred_lines(pdf, "วันที่ " + day(doc.signed_on), right, col_w)
    pdf.set_y(max(y_left, pdf.get_y()))
    pdf.ln(6)
    pdf.centered(WITNESS_NOTE, "B", 14)
    pdf.paragraph(
        f"ได้แจ้งผลการประเมินตามแบบนี้แก่ผู้รับการประเมินแล้ว เมื่อวันที่ {day(doc.refused_on)} "
        "แต่ผู้รับการประเมินไม่ยอมลงลายมือชื่อรับทราบผลการประเมิน",
        indent=0,
    )
    if doc.refused_on and doc.refusal_note:
        pdf.paragraph("หมายเหตุ " + doc.refusal_note[:300], indent=0)
    pdf.ln(2)
    witness = doc.witness if doc.refused_on else None
    pdf.signature_block(
        witness.name if witness else "",
        (witness.position if witness else "") or "ตำแหน่ง" + DOTS,
        x_center=right,
        lead=pdf.sign_line("พยาน"),
        gap=0,
        width=pdf.epw / 2 - 4,
    )


def render_appraisal_notices(
    docs: list[AppraisalNoticeDoc],
    path: str | Path,
    settings: OfficeSettings,
    *,
    title: str = "แบบแจ้งผลการประเมินผลการปฏิบัติงาน",
    names: tuple[str, ...] = (),
) -> Path:
    """One page per notice, in the order given."""
    people = [n for d in docs for n in (d.appraisee.name, d.appraiser.name, d.witness.name) if n]
    people += {p for d in docs for p in (d.appraisee.position, d.appraiser.position, d.witness.position) if p}
    pdf = _NoticePDF(settings, title=title, subject=title, names=(*names, *people))
    pdf.set_auto_page_break(False)
    for doc in docs:
        _page(pdf, doc, settings)
    return pdf.save(path)
