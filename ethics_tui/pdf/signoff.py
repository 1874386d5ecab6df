"""ใบลงชื่อรับทราบ (sign-off sheet): everyone targeted, grouped by division, a blank
signature column, the header repeated on every page, and a total at the end."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import common
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.models import SignoffDoc, SignoffPerson
from ethics_tui.pdf.table import Column, TableWriter

#: ลำดับ, ชื่อ-สกุล and ตำแหน่ง are fitted to their content (TableWriter.autofit); the blank
#: columns that people write in keep the room the form gives them (``fixed``)
COLUMNS = (
    Column("ลำดับ", 12, "C"),
    Column("ชื่อ-สกุล", 55, fit=True),
    Column("ตำแหน่ง", 43),
    Column("ลายมือชื่อ", 28, fixed=True),
    Column("วันที่", 19, "C", fixed=True),
    Column("หมายเหตุ", 18, fixed=True),
)
WIDTH = 175.0  # the table's width on A4 with the sheet's margins
MARGINS = (20.0, 20.0, 15.0, 15.0)  # an attachment: narrower margins leave room to sign
ROW_HEIGHT = 10.0  # room to sign


def group_people(doc: SignoffDoc) -> list[tuple[str, list[SignoffPerson]]]:
    order = list(doc.divisions)
    for p in doc.people:
        if p.division not in order:
            order.append(p.division)
    groups = [(d, [p for p in doc.people if p.division == d]) for d in order]
    return [(d, ps) for d, ps in groups if ps]


def render_signoff(doc: SignoffDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = ()) -> Path:
    return render_signoff_pages(doc, path, settings, names=names)[0]


def render_signoff_pages(
    doc: SignoffDoc, path: str | Path, settings: OfficeSettings, *, names: tuple[str, ...] = (), progress=None
) -> tuple[Path, dict[int, list[int]]]:
    """Like :func:`render_signoff`; also returns, for each page number, the indexes (in
    ``doc.people``) of the people printed on it (to tick a whole signed page later).
    ``progress(done, total)``, when given, is called after each person's row."""
    divisions = group_people(doc)
    pdf = ThaiPDF(
        settings,
        title=f"{doc.heading} {doc.document_title}",
        subject=doc.heading,
        margins=MARGINS,
        names=(*names, *(p.name for p in doc.people), *{p.position for p in doc.people}, *(d for d, _ in divisions)),
    )
    pdf.running_title = doc.running_title or f"{doc.heading} {doc.document_title}"  # on every page from 2
    index = {id(p): i for i, p in enumerate(doc.people)}
    pdf.add_page()
    pdf.centered(doc.heading, "B", 18)
    pdf.centered(doc.document_title, "B")
    pdf.centered(settings.office_name)
    if doc.dated:
        pdf.centered(f"{doc.date_label} {common.be_date(doc.dated, pdf.digits)}")
    pdf.ln(3)
    table = TableWriter(pdf, [replace(c) for c in COLUMNS], size=14)
    n_all = len(doc.people)
    table.autofit([[str(n_all), p.name, p.position, "", "", p.note] for p in doc.people], WIDTH)
    table.start()
    pages: dict[int, list[int]] = {}
    n = 0
    for division, people in divisions:
        table.group(division)
        for k, p in enumerate(people, 1):
            n += 1
            # the division's total (and, after the last division, the grand total) stay with the last row
            last = k == len(people)
            keep = table.note_height() * ((2 if division == divisions[-1][0] else 1) if last else 0)
            table.row([str(n), p.name, p.position, "", "", p.note], min_height=ROW_HEIGHT, keep=keep)
            pages.setdefault(pdf.page_no(), []).append(index[id(p)])
            if progress is not None:
                progress(n, n_all)
        table.note(f"รวม{division} {len(people)} คน", style="")
        table.end_group()
    table.note(f"รวมทั้งสิ้น {n} คน")
    return pdf.save(path), pages
