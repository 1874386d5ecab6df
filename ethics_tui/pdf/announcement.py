"""ประกาศ (announcement), with a clear two-part list: ควรปฏิบัติ and ไม่ควรปฏิบัติ."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import INDENT_MM, ThaiPDF, render_flow
from ethics_tui.pdf.models import AnnouncementDoc

DOS_TITLE = "สิ่งที่ควรปฏิบัติ (Dos)"
DONTS_TITLE = "สิ่งที่ไม่ควรปฏิบัติ (Don'ts)"


def _two_part(pdf: ThaiPDF, title: str, items: list[str], mark: str) -> None:
    pdf.heading(title, left=INDENT_MM, after=0)  # kept with the first item
    for n, item in enumerate(items, 1):
        pdf.labelled(f"{mark}{n}.", item, left=INDENT_MM, label_w=11)
    pdf.ln(2)


def render_announcement(
    doc: AnnouncementDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()
) -> Path:
    signer = common.resolve_signer(doc.signer, settings)
    title = f"ประกาศ{settings.office_name} เรื่อง {doc.subject}"
    all_names = (*names, signer.name, signer.position, *common.names_in(doc.body))

    def draw(pdf: ThaiPDF) -> None:
        pdf.add_page()
        pdf.emblem()
        common.heading(pdf, f"ประกาศ{settings.office_name}", "", doc.subject)
        common.body(pdf, doc.body)
        if doc.dos:
            _two_part(pdf, DOS_TITLE, doc.dos, "")
        if doc.donts:
            _two_part(pdf, DONTS_TITLE, doc.donts, "")
        for text in doc.closing:
            pdf.paragraph(text)
        pdf.mark_closing()
        common.dated_line(pdf, "ประกาศ ณ วันที่", doc.announced_on)
        pdf.signature_block(signer.name, signer.position)

    return render_flow(lambda: ThaiPDF(settings, title=title, subject=doc.subject, names=all_names), draw, path)
