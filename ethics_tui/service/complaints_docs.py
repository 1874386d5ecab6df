"""The complaint register's documents and settings helpers, shared by the CLI and the TUI:
the receipt slip (no identity, no accused), the case file (ลับ), the statistics report;
channel and due-day parsing for the settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ethics_tui.errors import UserError

# -- documents ----------------------------------------------------------------------------


def default_pdf_path(ctx, name: str) -> Path:
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx) / name


def expected_steps(ctx) -> str:
    from ethics_tui.service import complaints as svc

    d = svc.get_settings(ctx).due_days
    return (
        f"เจ้าหน้าที่จะตรวจสอบเบื้องต้นภายใน {d['received']} วัน และพิจารณาว่าจะรับไว้ดำเนินการ ส่งต่อหน่วยงานที่มี"
        f"อำนาจ หรือไม่รับไว้พิจารณา ภายใน {d['review']} วัน หากต้องแสวงหาข้อเท็จจริงจะใช้เวลาไม่เกิน "
        f"{d['fact_finding']} วัน แล้วแจ้งผลให้ผู้ร้องเรียนทราบภายใน {d['concluded']} วันนับแต่ได้ข้อยุติ"
    )


def status_contact(ctx) -> str:
    from ethics_tui.service import complaints as svc
    from ethics_tui.service.settings import get_settings

    custom = svc.get_settings(ctx).status_contact.strip()
    if custom:
        return custom
    office = get_settings(ctx)
    how = " ".join(x for x in (office.phone and f"โทร {office.phone}", office.email and f"อีเมล {office.email}") if x)
    return (
        f"แจ้งรหัสรับเรื่องนี้กับเจ้าหน้าที่รับเรื่องร้องเรียน{office.office_name} {how} หรือมาด้วยตนเอง "
        "เจ้าหน้าที่จะแจ้งเฉพาะสถานะและวันที่ของเรื่อง"
    ).strip()


def receipt_doc(ctx, case_id: int):
    """The receipt slip: no identity, no accused, no details."""
    from ethics_tui.model.complaints import kind_label
    from ethics_tui.pdf.models import Signer, SlipDoc, SlipField
    from ethics_tui.service import complaints as svc
    from ethics_tui.service.privacy import complaint_notice
    from ethics_tui.thai.dates import format_date

    c = svc.get(ctx, case_id)
    when = f"{format_date(c.received_date, 'full')} เวลา {c.received.strftime('%H.%M')} น."
    return SlipDoc(
        title="ใบรับเรื่องร้องเรียน",
        # the running number restarts each fiscal year: say so (a slip dated in calendar 2569
        # may carry a number of fiscal year 2570)
        number=f"{c.number}/{c.fiscal_year} (ลำดับในปีงบประมาณ พ.ศ. {c.fiscal_year})",
        dated=c.received_date,
        fields=[
            SlipField("รหัสรับเรื่อง", c.code),
            SlipField("วันเวลาที่รับ", when),
            SlipField("ช่องทาง", c.channel),
            SlipField("ประเภท", kind_label(c.kind)),
            SlipField("เรื่อง", c.subject),
            SlipField("ขั้นตอนต่อไป", expected_steps(ctx)),
            SlipField("สอบถามสถานะ", status_contact(ctx)),
        ],
        text=(
            "โปรดเก็บรหัสรับเรื่องไว้ ใช้สอบถามสถานะได้โดยไม่ต้องแจ้งชื่อ ชื่อผู้ร้องและผู้ถูกร้องไม่ปรากฏในเอกสารนี้ "
            + complaint_notice(ctx, short=True)
        ),
        signatures=[("ผู้รับเรื่อง", Signer("", "เจ้าหน้าที่รับเรื่องร้องเรียน"))],
    )


def casefile_doc(ctx, case_id: int):
    """The confidential case file (complaints role; opening it is logged)."""
    from ethics_tui.model.complaints import kind_label, step_label
    from ethics_tui.pdf.models import SlipDoc, SlipField
    from ethics_tui.service import complaints as svc
    from ethics_tui.service.people import full_name, staff_doc
    from ethics_tui.thai.dates import format_date

    c = svc.get(ctx, case_id)
    ident = svc.identity(ctx, case_id)
    staff = staff_doc(ctx, ident.accused_staff_id)
    accused = (
        ", ".join(x for x in (staff and f"{full_name(staff)} ({staff['position']})", ident.accused_text) if x) or "-"
    )
    evidence = {"enough": "เพียงพอ", "not_enough": "ไม่เพียงพอ"}.get(c.evidence, "ยังไม่ได้ประเมิน")
    fields = [
        SlipField("ชั้นความลับ", "ลับ — เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน"),
        SlipField("รหัสรับเรื่อง", c.code),
        SlipField("รับเมื่อ", f"{format_date(c.received_date, 'full')} เวลา {c.received.strftime('%H.%M')} น."),
        SlipField("ช่องทาง / ประเภท", f"{c.channel} / {kind_label(c.kind)}"),
        SlipField("เรื่อง", c.subject),
        SlipField("รายละเอียด", ident.details or "-"),
        SlipField("ผู้ร้องเรียน", "ไม่ประสงค์ออกนาม" if c.anonymous else ident.complainant_name),
        SlipField("ช่องทางติดต่อ", ident.complainant_contact or "-"),
        SlipField("ผู้ถูกร้องเรียน", accused + (" (ผู้บริหารท้องถิ่น: ส่งศูนย์ดำรงธรรม)" if ident.executive_accused else "")),
        SlipField("หลักฐาน", evidence),
        SlipField("สถานะ", step_label(c.status) + (f" กำหนด {format_date(c.due, 'abbr')}" if c.due else "")),
        SlipField("เก็บถึง", format_date(c.retention_until, "full")),
    ]
    labels = {"reason": "เหตุผล", "body": "หน่วยงาน", "finding": "ผล", "method": "วิธีแจ้ง", "evidence": "หลักฐาน"}
    for h in c.history:
        extra = "; ".join(f"{labels.get(k, k)}: {v}" for k, v in (h.get("extra") or {}).items() if k != "evidence")
        text = " · ".join(x for x in (step_label(h["step"]), f"โดย {h['actor']}", extra, h.get("note", "")) if x)
        fields.append(SlipField(format_date(h["date"], "abbr"), text))
    return SlipDoc(
        title="ลับ — แฟ้มเรื่องร้องเรียน",
        number=f"{c.number}/{c.fiscal_year} (ปีงบประมาณ พ.ศ. {c.fiscal_year})",
        fields=fields,
        dated=date.today(),
        classification="ลับ",
        text="เอกสารลับ ห้ามเผยแพร่หรือทำสำเนาให้ผู้ไม่มีหน้าที่เกี่ยวข้อง",
    )


def stats_doc(ctx, fy: int, half: bool = False):
    """Counts only, with the explicit ITA statement when there were none."""
    from ethics_tui.model.complaints import kind_label
    from ethics_tui.pdf.models import Signer, SlipDoc, SlipField
    from ethics_tui.service import complaints as svc

    s = svc.stats(ctx, fy, half)
    fields = [
        SlipField("ช่วงเวลา", svc.period_label(s)),
        SlipField("รับเรื่องทั้งหมด", f"{s.received} เรื่อง"),
        SlipField("ดำเนินการแล้วเสร็จ", f"{s.finished} เรื่อง"),
        SlipField("อยู่ระหว่างดำเนินการ", f"{s.in_progress} เรื่อง"),
    ]
    fields += [
        SlipField(kind_label(k), f"{n} เรื่อง (แล้วเสร็จ {s.finished_by_kind.get(k, 0)})") for k, n in s.by_kind.items()
    ]
    fields += [SlipField(f"ช่องทาง {ch}", f"{n} เรื่อง") for ch, n in s.by_channel.items()]
    # the title names its year, as the ITA item does ("… ประจำปี" alone left the year out)
    when = f"รอบ 6 เดือนแรก ปีงบประมาณ พ.ศ. {fy}" if half else f"ประจำปีงบประมาณ พ.ศ. {fy}"
    title = f"สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\n{when}"  # two centred lines, as the report's
    return SlipDoc(
        title=title,
        fields=fields,
        text=svc.statement(s),
        dated=date.today(),
        signatures=[("ผู้รายงาน", Signer("", "เจ้าหน้าที่รับเรื่องร้องเรียน"))],
    )


def export_pdf(
    ctx, what: str, path: Path | None = None, *, case_id: int | None = None, fy: int = 0, half: bool = False
) -> Path:
    """Write ``receipt`` / ``casefile`` / ``stats`` and record the export. Returns the path."""
    from ethics_tui.pdf.slip import render_slip
    from ethics_tui.service.access import require
    from ethics_tui.service.exports import confidential_path, record_export
    from ethics_tui.service.settings import get_settings

    settings = get_settings(ctx)
    confidential = what in ("receipt", "casefile")
    if what == "receipt":
        require(ctx, "complaints.read")
        doc, ref = receipt_doc(ctx, case_id), str(case_id)
        # the code is typed back by the complainant: print it (and the slip) in Arabic digits
        settings = replace(settings, digits="arabic")
    elif what == "casefile":
        require(ctx, "complaints.read")
        doc, ref = casefile_doc(ctx, case_id), str(case_id)
    else:
        doc = stats_doc(ctx, fy, half)
        ref, name = f"{fy}{'-H1' if half else ''}", f"complaint-stats-{fy}{'-h1' if half else ''}.pdf"
    if path:
        out = Path(path)
    elif confidential:  # the receipt carries the code, the case file every identity: not the shared exports/
        out = confidential_path(ctx, f"complaint-{what}-{case_id}")
    else:
        out = default_pdf_path(ctx, name)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        render_slip(doc, out, settings)
    except OSError as exc:
        raise UserError(f"เขียนไฟล์ {out} ไม่ได้ ({exc.strerror})", f"Cannot write {out} ({exc.strerror})") from None
    record_export(ctx, out, f"complaint-{what}", ref, confidential=confidential)
    return out


# -- settings: channels, due days, retention (shared by the CLI and the settings modal) ---
CHANNEL_MAX = 60


def parse_positive(text: str, th_what: str, en_what: str, *, most: int) -> int:
    """A whole number 1..most as typed (Thai digits allowed), or a UserError saying why not."""
    from ethics_tui.thai.digits import to_arabic_digits

    raw = to_arabic_digits(str(text or "")).strip()
    if not raw:
        raise UserError(f"ต้องกรอก{th_what} เป็นจำนวนเต็มบวก", f"{en_what} is required (a positive whole number)")
    if not raw.isdecimal() or int(raw) < 1:
        raise UserError(
            f"{th_what} ต้องเป็นจำนวนเต็มบวก เช่น 15 (ได้รับ '{text}')",
            f"{en_what} must be a positive whole number such as 15 (got '{text}')",
        )
    if int(raw) > most:
        raise UserError(f"{th_what} ต้องไม่เกิน {most}", f"{en_what} must be at most {most}")
    return int(raw)


def add_channel(channels: list[str], name: str) -> list[str]:
    """The list with ``name`` appended; refuses an empty, too long or duplicate name."""
    name = " ".join(str(name or "").split())
    if not name:
        raise UserError("ชื่อช่องทางว่าง", "The channel name is empty")
    if len(name) > CHANNEL_MAX:
        raise UserError(
            f"ชื่อช่องทางยาวเกิน {CHANNEL_MAX} ตัวอักษร", f"The channel name is longer than {CHANNEL_MAX} characters"
        )
    if name.casefold() in {c.casefold() for c in channels}:
        raise UserError(f'มีช่องทาง "{name}" อยู่แล้ว', f'The channel "{name}" is already listed')
    return [*channels, name]


def remove_channel(channels: list[str], name: str) -> list[str]:
    """The list without ``name`` (any case); refuses an unknown name and the last channel."""
    key = " ".join(str(name or "").split()).casefold()
    kept = [c for c in channels if c.casefold() != key]
    if len(kept) == len(channels):
        raise UserError(
            f'ไม่มีช่องทาง "{name}" ในรายการ (มี: {", ".join(channels)})',
            f'No channel "{name}" in the list (listed: {", ".join(channels)})',
        )
    if not kept:
        raise UserError("ต้องเหลือช่องทางอย่างน้อยหนึ่งช่องทาง", "At least one channel must remain")
    return kept


#: shown after removing a channel (CLI and TUI)
REMOVED_NOTE = (
    "เรื่องที่รับไว้แล้วด้วยช่องทางนี้ยังคงบันทึกช่องทางเดิมไว้ และยังนับในสถิติ แต่จะเลือกช่องทางนี้ในการรับเรื่องใหม่ไม่ได้",
    (
        "Cases already registered through it keep their channel and are still counted; new intakes "
        "can no longer choose it"
    ),
)
#: shown after changing due days or retention
TIMES_NOTE = (
    "กำหนดวันและอายุการเก็บใหม่ใช้กับขั้นตอนที่บันทึกหลังจากนี้ เรื่องเดิมคงวันกำหนดที่คำนวณไว้แล้ว",
    ("New due days and retention apply to steps recorded from now on; existing cases keep the dates already computed"),
)


def due_step(text: str) -> str:
    """The due-days key for what was typed: ``review``, ``fact-finding`` or the Thai step label."""
    from ethics_tui.model.complaints import DEFAULT_DUE_DAYS, STEP_LABELS

    key = str(text or "").strip().lower().replace("-", "_")
    for step in DEFAULT_DUE_DAYS:
        if key == step or str(text).strip() == STEP_LABELS[step][0]:
            return step
    known = ", ".join(f"{s} ({STEP_LABELS[s][0]})" for s in DEFAULT_DUE_DAYS)
    raise UserError(f'ไม่รู้จักขั้นตอน "{text}" ใช้ได้: {known}', f'Unknown step "{text}"; use one of: {known}')


def settings_lines(s, lang: str = "th") -> list[str]:
    from ethics_tui.model.complaints import step_label

    en = lang == "en"
    lines = [("Channels" if en else "ช่องทางรับเรื่อง") + f" ({len(s.channels)}):"]
    lines += [f"  {i}. {c}" for i, c in enumerate(s.channels, 1)]
    lines.append("Days allowed in each step (--due STEP DAYS):" if en else "จำนวนวันในแต่ละขั้นตอน (--due STEP DAYS):")
    lines += [f"  {k:<13} {step_label(k, lang)}: {v} {'days' if en else 'วัน'}" for k, v in s.due_days.items()]
    lines.append(
        f"Retention after closing: {s.retention_years} years" if en else f"อายุการเก็บเรื่องหลังปิด: {s.retention_years} ปี"
    )
    if s.status_contact:
        lines.append(("Status enquiries: " if en else "สอบถามสถานะ: ") + s.status_contact)
    return lines


# -- commands -----------------------------------------------------------------------------
