"""PDF documents of the notices register: the ประกาศ, the circular letter, the sign-off sheet
(pending people only, with the document's number and title on every page) and the coverage
report. Each export is recorded with service.exports.record_export so that verify-pdf knows it.
fpdf2 and pythainlp are imported only here, inside the functions.
"""

from __future__ import annotations

from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.model.notices import KIND_LABELS, Notice
from ethics_tui.service import notices, notices_acks
from ethics_tui.service.access import can, require
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import format_date, today


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def _item(i: dict) -> str:
    return f"{i['text']} ({i['note']})" if i.get("note") else i["text"]


def doc_title(ctx: Context, n: Notice) -> str:
    """ "ที่ อด 79901/ว 3 เรื่อง ..." for a circular, "ประกาศ เรื่อง ..." for an announcement."""
    number = notices.number_text(ctx, n)
    head = number if number else KIND_LABELS[n.kind][0]
    version = f" (ฉบับที่ {n.version})" if n.version > 1 else ""
    return f"{head} เรื่อง {n.title}{version}"


def _settings(ctx: Context):
    from ethics_tui.service.settings import get_settings

    return get_settings(ctx)


def _record(ctx: Context, path: Path, kind: str, ref) -> Path:
    from ethics_tui.service.exports import record_export

    record_export(ctx, path, kind, ref)
    return path


def export_announcement(ctx: Context, notice_id: int, out: Path) -> Path:
    from ethics_tui.pdf.announcement import render_announcement
    from ethics_tui.pdf.models import AnnouncementDoc, Signer

    require(ctx, "pdf.export")
    n = notices.get(ctx, notice_id)
    if n.kind != "announcement":
        raise UserError(f"เอกสารรหัส {notice_id} ไม่ใช่ประกาศ", f"Document {notice_id} is not an announcement")
    doc = AnnouncementDoc(
        subject=n.title,
        body=_paragraphs(n.intro),
        announced_on=n.date() or today(),
        dos=[_item(i) for i in n.dos],
        donts=[_item(i) for i in n.donts],
        signer=Signer(n.signer_name, n.signer_position),
    )
    render_announcement(doc, out, _settings(ctx))
    return _record(ctx, Path(out), "announcement", notice_id)


def export_circular(ctx: Context, notice_id: int, out: Path, *, form: str | None = None) -> Path:
    """The circular as a PDF, in its own form (``Notice.form``) unless ``form`` says otherwise:
    "external" (หนังสือภายนอก) or "memo" (บันทึกข้อความ to the office's own staff)."""
    from ethics_tui.pdf.circular import render_circular
    from ethics_tui.pdf.models import CircularDoc, Signer

    require(ctx, "pdf.export")
    n = notices.get(ctx, notice_id)
    if n.kind != "circular":
        raise UserError(f"เอกสารรหัส {notice_id} ไม่ใช่หนังสือเวียน", f"Document {notice_id} is not a circular")
    if not n.number:
        raise UserError(
            "หนังสือเวียนยังไม่ได้ออกเลข — ออกหนังสือก่อน (ปุ่ม p)", "The circular has no number yet; issue it first (key p)"
        )
    doc = CircularDoc(
        number=n.number,
        subject=n.title,
        to=n.to,
        body=_paragraphs(n.body),
        dated=n.date() or today(),
        references=list(n.references),
        enclosures=[e["title"] for e in n.enclosures],
        signer=Signer(n.signer_name, n.signer_position),
        unit=n.unit or "สำนักปลัด",
        form=form or getattr(n, "form", "external") or "external",
    )
    render_circular(doc, out, _settings(ctx))
    return _record(ctx, Path(out), "circular", notice_id)


def export_signoff(ctx: Context, notice_id: int, out: Path) -> tuple[Path, dict[int, list[int]]]:
    """The sign-off sheet of everyone still pending, by division, with the document's number
    and title on every page. Returns the path and who is on each page (remembered for "mark
    this sheet page" when the user may record ticks)."""
    from ethics_tui.pdf.models import SignoffDoc, SignoffPerson
    from ethics_tui.pdf.signoff import render_signoff_pages

    require(ctx, "pdf.export")
    n = notices.get(ctx, notice_id)
    cov = notices_acks.coverage(ctx, notice_id)
    title = doc_title(ctx, n)
    everyone = [p for _, ps in cov.pending for p in ps]
    if not everyone:
        raise UserError(
            "ทุกคนรับทราบเอกสารนี้แล้ว ไม่มีรายชื่อที่ต้องลงชื่อ", "Everyone has acknowledged this document; no one is left to sign"
        )
    doc = SignoffDoc(
        document_title=title,
        people=[SignoffPerson(p.name, p.position, p.division) for p in everyone],
        divisions=[d for d, _ in cov.pending],
        dated=today(),
        date_label="พิมพ์เมื่อ",
        running_title=f"ใบลงชื่อรับทราบ {title}",
    )
    path, by_index = render_signoff_pages(doc, out, _settings(ctx))
    pages = {page: [everyone[i].staff_id for i in idx] for page, idx in by_index.items()}
    if can(ctx, "notices.write"):
        notices_acks.record_sheet(ctx, notice_id, pages)
    return _record(ctx, Path(path), "signoff", notice_id), pages


def export_coverage(ctx: Context, out: Path, notice_id: int | None = None) -> Path:
    """Coverage of every current document; with ``notice_id``, also its pending people."""
    from ethics_tui.pdf.table import Column, TableWriter

    require(ctx, "pdf.export")
    settings = _settings(ctx)
    rows = notices_acks.coverage_all(ctx)
    detail = notices_acks.coverage(ctx, notice_id) if notice_id else None
    from ethics_tui.pdf.base import ThaiPDF

    pdf = ThaiPDF(
        settings, title="รายงานการรับทราบประกาศและหนังสือเวียน", subject="การรับทราบ", margins=(20.0, 18.0, 15.0, 15.0)
    )
    pdf.running_title = "รายงานการรับทราบประกาศและหนังสือเวียน"
    pdf.add_page()
    pdf.centered("รายงานการรับทราบประกาศและหนังสือเวียน", "B", 18)
    pdf.centered(settings.office_name)
    pdf.centered(f"ข้อมูล ณ วันที่ {format_date(today(), 'full', pdf.digits)}")
    pdf.ln(3)
    cols = (
        Column("เอกสาร", 85),
        Column("กลุ่มเป้าหมาย", 24, "C"),
        Column("รับทราบแล้ว", 24, "C"),
        Column("ร้อยละ", 18, "C"),
        Column("ยังไม่รับทราบ", 24, "C"),
    )
    cells = [
        [doc_title(ctx, c.notice), str(c.total), str(c.done), f"{c.percent:.1f}", str(c.pending_count)] for c in rows
    ]
    table = TableWriter(pdf, cols, size=14).autofit(cells)  # widths from content, numbers right-aligned
    table.start()
    for i, r in enumerate(cells):
        table.row(r, keep=table.note_height() if i == len(cells) - 1 else 0)  # the total stays with the table
    table.note(f"รวม {len(rows)} ฉบับ")
    if detail is not None:
        pdf.ln(4)
        pdf.centered(f"รายชื่อผู้ยังไม่รับทราบ: {doc_title(ctx, detail.notice)}", "B")
        people_table = TableWriter(
            pdf, (Column("ลำดับ", 15, "C"), Column("ชื่อ-สกุล", 70, fit=True), Column("ตำแหน่ง", 90)), size=14
        )
        people_table.start()
        k = 0
        for d, (division, people) in enumerate(detail.pending):
            people_table.group(f"{division} ({len(people)} คน)")
            for j, p in enumerate(people):
                k += 1
                last = d == len(detail.pending) - 1 and j == len(people) - 1
                people_table.row([str(k), p.name, p.position], keep=people_table.note_height() if last else 0)
            people_table.end_group()
        people_table.note(f"ยังไม่รับทราบรวม {k} คน จาก {detail.total} คน")
    path = pdf.save(out)
    return _record(ctx, Path(path), "notices-coverage", notice_id)


def default_folder(ctx: Context) -> Path:
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx)
