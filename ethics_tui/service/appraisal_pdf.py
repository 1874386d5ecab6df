"""Appraisal documents: the result notices (one page per person), the round summary (counts
only) and the criteria announcement. Each checks the role, builds the plain document data for
the PDF engine's layouts, writes the file and records the export (so ``verify-pdf`` knows it).
The CLI (``pdf appraisal-*``) and the TUI call these.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.pdf.names import position_with_level
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date


def default_pdf_path(ctx: Context, name: str) -> Path:
    """``<exports folder>/<name>`` (service.exports.export_folder)."""
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx) / name


def period_text(rnd, style: str = "full") -> str:
    start, end = rnd.period()
    return f"ปีงบประมาณ {rnd.fiscal_year} รอบที่ {rnd.round_no} ({format_date(start, style)} - {format_date(end, style)})"


def _day(iso: str) -> date | None:
    return date.fromisoformat(iso) if iso else None


def write_notices(ctx: Context, round_id: int, path: Path | None = None, codes: list[str] | None = None) -> Path:
    """Each person's result notice, one page per person, ordered by division; with the
    appraiser's, the appraisee's and the witness's blocks (filled in where recorded)."""
    from ethics_tui.model.appraisal import COMPONENT_LABELS, fmt
    from ethics_tui.pdf.appraisal_notice import render_appraisal_notices
    from ethics_tui.pdf.models import AppraisalNoticeDoc, Signer, SlipField
    from ethics_tui.service.exports import record_export

    require(ctx, "pdf.export")
    require(ctx, "appraisal.scores")
    rnd = svc.get_round(ctx, round_id)
    every = svc.list_results(ctx, round_id)
    rows = [r for r in every if r.scores is not None and (not codes or r.staff.code in codes)]
    if any(r.hidden for r in every) and not rows:
        raise UserError("คุณไม่มีกุญแจข้อมูลลับของงานบุคคล (hr) จึงพิมพ์แบบแจ้งผลไม่ได้", "You do not hold the hr key")
    if not rows:
        raise UserError("ยังไม่มีผลการประเมินที่ให้คะแนนแล้วในรอบนี้", "No scored result in this round yet")
    docs = []
    for row in rows:
        r, s = row.result, row.scores
        fields = [
            SlipField("ชื่อ - สกุล", row.staff.full_name),
            SlipField("ตำแหน่ง", position_with_level(row.staff.position, row.staff.level, other_levels=True)),
            SlipField("สังกัด", row.division),
        ]
        for c in ("results", "competency"):
            if getattr(s, c) is not None:
                fields.append(SlipField(COMPONENT_LABELS[c][0], f"{fmt(getattr(s, c))} คะแนน (เต็ม {rnd.weights[c]})"))
        fields += [SlipField("คะแนนรวม", f"{fmt(s.total)} คะแนน (เต็ม 100)"), SlipField("ระดับผลการประเมิน", s.level)]
        if s.comment:
            fields.append(SlipField("ความเห็นของผู้ประเมิน", s.comment[:400]))
        ap = row.appraiser
        refused = r.ack == "refused"
        docs.append(
            AppraisalNoticeDoc(
                period=period_text(rnd, "abbr"),
                fields=fields,
                appraiser=Signer(ap.full_name, ap.position) if ap else Signer(),
                appraisee=Signer(row.staff.full_name, row.staff.position),
                grievance_days=rnd.grievance_days,
                notified_on=_day(r.notified_on),
                signed_on=_day(r.ack_on) if r.ack == "signed" else None,
                refused_on=_day(r.ack_on) if refused else None,
                refusal_note=r.ack_note if refused else "",
                witness=Signer(r.witness_name, r.witness_position) if refused else Signer(),
            )
        )
    out = Path(path) if path else default_pdf_path(ctx, f"appraisal-notices-{rnd.fiscal_year}-{rnd.round_no}.pdf")
    render_appraisal_notices(docs, out, get_settings(ctx), title=f"แบบแจ้งผลการประเมินผลการปฏิบัติงาน {rnd.title}")
    record_export(ctx, out, "appraisal-notices", round_id)
    return out


def write_summary(ctx: Context, round_id: int, path: Path | None = None) -> Path:
    """Round summary: counts by level and by acknowledgement status (never people)."""
    from ethics_tui.model.appraisal import STAGE_LABELS
    from ethics_tui.pdf.models import Signer, SlipDoc, SlipField
    from ethics_tui.pdf.slip import render_slip
    from ethics_tui.service.exports import record_export

    require(ctx, "pdf.export")
    d = appraisal_review.dashboard(ctx, round_id)
    rnd = d.round
    scored = sum(d.levels.values()) or 1
    bands = {lvl: low for lvl, low in rnd.bands}
    fields = [SlipField("ผู้รับการประเมิน", f"{d.audience} คน")]
    for lvl, n in d.levels.items():
        fields.append(
            SlipField(f"ระดับ{lvl} (ตั้งแต่ {bands[lvl].removesuffix('.00')})", f"{n} คน (ร้อยละ {n * 100 / scored:.1f})")
        )
    for key, (th, _en) in STAGE_LABELS.items():
        fields.append(SlipField(th, f"{d.stages[key]} คน"))
    fields.append(
        SlipField(
            "คำร้องทุกข์",
            f"ทั้งหมด {d.grievances_total} เรื่อง ค้างพิจารณา {len(d.grievances_open)} เรื่อง "
            f"ยื่นเกินกำหนด {d.grievances_late} เรื่อง",
        )
    )
    doc = SlipDoc(
        title="สรุปผลการประเมินผลการปฏิบัติงาน",
        fields=fields,
        text=period_text(rnd) + " — ข้อมูลสรุปเป็นจำนวนนับเท่านั้น ไม่แสดงรายบุคคล",
        signatures=[("ผู้รายงาน", Signer("", "เจ้าหน้าที่งานการเจ้าหน้าที่"))],
        dated=date.today(),
    )
    out = Path(path) if path else default_pdf_path(ctx, f"appraisal-summary-{rnd.fiscal_year}-{rnd.round_no}.pdf")
    render_slip(doc, out, get_settings(ctx))
    record_export(ctx, out, "appraisal-summary", round_id)
    return out


def write_criteria(ctx: Context, round_id: int, path: Path | None = None) -> Path:
    """The criteria announcement (ประกาศหลักเกณฑ์) of a round."""
    from ethics_tui.model.appraisal import COMPONENT_LABELS
    from ethics_tui.pdf.announcement import render_announcement
    from ethics_tui.pdf.models import AnnouncementDoc, NumberedList
    from ethics_tui.service.exports import record_export

    require(ctx, "pdf.export")
    rnd = svc.get_round(ctx, round_id)
    tops = [low for _lvl, low in rnd.bands]
    bands = [
        f"ระดับ{lvl} คะแนนตั้งแต่ {low.removesuffix('.00')}"
        + (f" แต่ไม่ถึง {tops[i - 1].removesuffix('.00')}" if i else " ขึ้นไป")
        for i, (lvl, low) in enumerate(rnd.bands)
    ]
    parts = [f"{COMPONENT_LABELS[c][0]} {rnd.weights[c]} คะแนน" for c in rnd.weights]
    body = [
        rnd.criteria_text or "เพื่อให้การประเมินผลการปฏิบัติงานเป็นไปอย่างเป็นธรรม โปร่งใส และตรวจสอบได้ จึงประกาศหลักเกณฑ์ดังนี้",
        "การประเมินผลการปฏิบัติงาน " + period_text(rnd) + " ประกอบด้วย " + " และ ".join(parts) + " รวม 100 คะแนน",
        NumberedList(bands, title="ระดับผลการประเมินแบ่งเป็น"),
        f"ผู้รับการประเมินที่ไม่เห็นด้วยกับผลการประเมิน มีสิทธิ์ร้องทุกข์ได้ภายใน {rnd.grievance_days} วัน นับแต่วันที่ได้รับทราบผล",
    ]
    if rnd.criteria_channels:
        body.append("ทั้งนี้ ได้เผยแพร่ประกาศนี้ทาง " + " ".join(rnd.criteria_channels))
    when = date.fromisoformat(rnd.criteria_published) if rnd.criteria_published else date.today()
    doc = AnnouncementDoc(
        subject=f"หลักเกณฑ์การประเมินผลการปฏิบัติงาน ปีงบประมาณ {rnd.fiscal_year} รอบที่ {rnd.round_no}",
        body=body,
        announced_on=when,
    )
    out = Path(path) if path else default_pdf_path(ctx, f"appraisal-criteria-{rnd.fiscal_year}-{rnd.round_no}.pdf")
    render_announcement(doc, out, get_settings(ctx))
    record_export(ctx, out, "appraisal-criteria", round_id)
    return out
