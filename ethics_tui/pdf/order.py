"""คำสั่ง (order): emblem, "คำสั่ง<office>", "ที่ N/YYYY", เรื่อง, body, สั่ง ณ วันที่, signature."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF, render_flow
from ethics_tui.pdf.models import OrderDoc


def render_order(doc: OrderDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()) -> Path:
    signer = common.resolve_signer(doc.signer, settings)
    title = f"คำสั่ง{settings.office_name} ที่ {doc.number}/{doc.year_be} เรื่อง {doc.subject}"
    all_names = (*names, signer.name, signer.position, *common.names_in(doc.body))

    def draw(pdf: ThaiPDF) -> None:
        pdf.add_page()
        pdf.emblem()
        common.heading(pdf, f"คำสั่ง{settings.office_name}", f"ที่ {doc.number}/{doc.year_be}", doc.subject)
        common.body(pdf, doc.body)
        if doc.effective:
            pdf.paragraph(doc.effective)
        pdf.mark_closing()
        common.dated_line(pdf, "สั่ง ณ วันที่", doc.signed_on)
        pdf.signature_block(signer.name, signer.position)

    return render_flow(lambda: ThaiPDF(settings, title=title, subject=doc.subject, names=all_names), draw, path)
