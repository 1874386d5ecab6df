"""ประกาศ (announcement), with a clear two-part list: ควรปฏิบัติ and ไม่ควรปฏิบัติ."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import INDENT_MM, ThaiPDF
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
    def lists_and_closing(pdf: ThaiPDF) -> None:
        if doc.dos:
            _two_part(pdf, DOS_TITLE, doc.dos, "")
        if doc.donts:
            _two_part(pdf, DONTS_TITLE, doc.donts, "")
        for text in doc.closing:
            pdf.paragraph(text)

    return common.render_official(
        path,
        settings,
        first=f"ประกาศ{settings.office_name}",
        number_line="",
        subject=doc.subject,
        blocks=doc.body,
        signer=doc.signer,
        dated=("ประกาศ ณ วันที่", doc.announced_on),
        names=names,
        middle=lists_and_closing,
    )
