"""คำสั่ง (order): emblem, "คำสั่ง<office>", "ที่ N/YYYY", เรื่อง, body, สั่ง ณ วันที่, signature."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import OrderDoc


def render_order(doc: OrderDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()) -> Path:
    def effective(pdf: ThaiPDF) -> None:
        if doc.effective:
            pdf.paragraph(doc.effective)

    return common.render_official(
        path,
        settings,
        first=f"คำสั่ง{settings.office_name}",
        number_line=f"ที่ {doc.number}/{doc.year_be}",
        subject=doc.subject,
        blocks=doc.body,
        signer=doc.signer,
        dated=("สั่ง ณ วันที่", doc.signed_on),
        names=names,
        middle=effective,
    )
