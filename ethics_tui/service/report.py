"""The yearly measures 6-7 report (ITA evidence) and the readiness checklist.

Columns 2-4 (steps, responsible unit, period) are editable text stored per fiscal year; the
summary and results columns are generated from the registers (service/report_sources.py) and
the officer may add a sentence after them. Generated figures stay generated.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.report import (
    ACTIVITIES,
    ITA_PASS_MARK,
    MEASURE_TITLES,
    PERIOD_DEFAULT,
    Check,
    Facts,
    RowTexts,
    ita_level,
)
from ethics_tui.service.access import ALL, register_permissions, require
from ethics_tui.service.context import Context
from ethics_tui.service.settings import get_settings
from ethics_tui.service.year_docs import save_year_doc, year_doc
from ethics_tui.thai.digits import apply_digits

register_permissions(
    {"report.read": ALL, "report.write": ("hr", "executive")},
    {
        "report.read": ("ดูรายงานผลมาตรการ", "view the measures report"),
        "report.write": ("แก้ไขข้อความในรายงาน", "edit the report texts"),
    },
)

TEXTS = "report_texts"
TITLE = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
COLUMNS = (
    "มาตรการ/กิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "ขั้นตอน/วิธีการปฏิบัติ",
    "หน่วยงานผู้รับผิดชอบ",
    "ระยะเวลาดำเนินการ",
    "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
    "ผลลัพธ์หรือความสำเร็จในการดำเนินการ",
)


def _doc(ctx: Context, fy: int) -> dict:
    return year_doc(ctx, TEXTS, fy)


def texts(ctx: Context, fy: int) -> dict[str, RowTexts]:
    """The editable texts of every activity for ``fy`` (defaults where never edited)."""
    require(ctx, "report.read")
    stored = _doc(ctx, fy).get("rows", {})
    out = {}
    for act in ACTIVITIES:
        row = RowTexts(**{k: v for k, v in stored.get(act.key, {}).items() if k in RowTexts.__dataclass_fields__})
        row.steps = row.steps or act.steps
        row.unit = row.unit or act.unit
        row.period = row.period or PERIOD_DEFAULT
        out[act.key] = row
    return out


def ita_score(ctx: Context, fy: int) -> float | None:
    value = _doc(ctx, fy).get("ita_score")
    return float(value) if value is not None else None


def _save(ctx: Context, fy: int, change, fields: list[str]) -> None:
    def copy_then_change(data: dict) -> None:
        data["rows"] = {k: dict(v) for k, v in data.get("rows", {}).items()}
        change(data)

    save_year_doc(ctx, TEXTS, fy, copy_then_change, fields, kind="report_texts", empty={"rows": {}})


def save_row_texts(ctx: Context, fy: int, key: str, row: RowTexts) -> None:
    require(ctx, "report.write")
    if key not in {a.key for a in ACTIVITIES}:
        raise ValidationError({"activity": (f"ไม่รู้จักกิจกรรม {key}", f"unknown activity {key}")})
    for name, value in asdict(row).items():
        if len(value) > 4000:
            raise ValidationError({name: ("ข้อความยาวเกิน 4,000 ตัวอักษร", "text longer than 4,000 characters")})
    act = next(a for a in ACTIVITIES if a.key == key)
    clean = asdict(row)
    # keep defaults out of storage, so improved defaults reach offices that never edited them
    for name, default in (("steps", act.steps), ("unit", act.unit), ("period", PERIOD_DEFAULT)):
        if clean[name].strip() == default.strip():
            clean[name] = ""

    def change(data):
        data["rows"][key] = clean

    _save(ctx, fy, change, [f"{key}.{n}" for n in clean])


def set_ita_score(ctx: Context, fy: int, score: float | None) -> None:
    """The year's ITA score (0-100), printed in the report's opening paragraph."""
    require(ctx, "report.write")
    if score is not None and not (0 <= float(score) <= 100):
        raise ValidationError({"ita_score": ("คะแนน ITA ต้องอยู่ระหว่าง 0 ถึง 100", "the ITA score must be 0-100")})

    def change(data):
        data["ita_score"] = None if score is None else round(float(score), 2)

    _save(ctx, fy, change, ["ita_score"])


def facts(ctx: Context, fy: int) -> dict[str, Facts]:
    """What the registers show for each activity (one pass over each register's data)."""
    require(ctx, "report.read")
    from ethics_tui.service import report_sources

    return report_sources.collect(ctx, fy)


def readiness(ctx: Context, fy: int) -> list[Check]:
    out: list[Check] = []
    for f in facts(ctx, fy).values():
        out.extend(f.checks)
    return out


def intro(ctx: Context, fy: int) -> str:
    s = get_settings(ctx)
    score = ita_score(ctx, fy)
    office = s.office_name or "หน่วยงาน"
    if score is None:
        first = ""
    else:
        level = ita_level(score, ITA_PASS_MARK)
        first = (
            f"จากการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            f"ประจำปีงบประมาณ พ.ศ. {fy} {office}ได้คะแนน {score:.2f} อยู่ในระดับ{level} "
        )
    so_far = as_of(fy)
    text = (
        first + f"{office}ขอรายงานผลการดำเนินการตามมาตรการที่ 6 และมาตรการที่ 7 "
        f"ประจำปีงบประมาณ พ.ศ. {fy} ซึ่งสรุปจากข้อมูลที่บันทึกไว้ในทะเบียนของหน่วยงาน" + (f" {so_far[0]}" if so_far else "") + " ดังนี้"
    )
    return apply_digits(text, s.digits)


def as_of(fy: int, on: date | None = None) -> tuple[str, str] | None:
    """(Thai, English) "figures up to <day>, the year has not ended" while ``fy`` is not over
    on ``on`` (today), else None: a report made mid-year must not read as the whole year's."""
    from ethics_tui.thai.dates import fiscal_year_range, format_date, today

    on = on or today()
    start, end = fiscal_year_range(fy)
    if on > end or on < start:
        return None
    return (
        f"(ข้อมูลถึงวันที่ {format_date(on, 'full')} ปีงบประมาณยังไม่สิ้นสุด)",
        f"(figures up to {format_date(on, 'full', lang='en')}; the fiscal year has not ended)",
    )


def _cell(lines: list[str], extra: str) -> str:
    parts = [ln for ln in lines if ln]
    if extra.strip():
        parts.append(extra.strip())
    return "\n".join(parts)


def build(ctx: Context, fy: int) -> tuple[list[tuple[int, list[str]]], list[Check]]:
    """The table rows and the readiness checks, from one pass over the registers."""
    fx = facts(ctx, fy)
    return table_rows(ctx, fy, fx), [c for f in fx.values() for c in f.checks]


def table_rows(ctx: Context, fy: int, fx: dict[str, Facts] | None = None) -> list[tuple[int, list[str]]]:
    """(measure, six cells) per activity, generated + edited texts merged, digits applied."""
    digits = get_settings(ctx).digits
    tx = texts(ctx, fy)
    fx = facts(ctx, fy) if fx is None else fx
    rows = []
    for act in ACTIVITIES:
        t, f = tx[act.key], fx.get(act.key, Facts())
        cells = [
            act.title,
            t.steps,
            t.unit,
            t.period,
            _cell(f.summary, t.extra_summary),
            _cell(f.results, t.extra_results),
        ]
        rows.append((act.measure, [apply_digits(c, digits) for c in cells]))
    return rows


def export_pdf(ctx: Context, fy: int, path: Path | str) -> Path:
    from ethics_tui.pdf.models import ReportDoc, ReportGroup, ReportRow
    from ethics_tui.pdf.report import render_report

    require(ctx, "report.read")
    groups: dict[int, list[ReportRow]] = {}
    for measure, cells in table_rows(ctx, fy):
        groups.setdefault(measure, []).append(ReportRow(*cells))
    settings = get_settings(ctx)
    doc = ReportDoc(
        title=TITLE,
        fiscal_year_be=fy,
        groups=[
            ReportGroup(apply_digits(MEASURE_TITLES[m], settings.digits), rows) for m, rows in sorted(groups.items())
        ],
        intro=intro(ctx, fy),
        as_of=apply_digits((as_of(fy) or ("",))[0], settings.digits),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    render_report(doc, path, settings, names=_names(ctx))
    _record(ctx, path, "report-measures", fy)
    return path


def export_xlsx(ctx: Context, fy: int, path: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from ethics_tui.service.sheets import append_row

    require(ctx, "report.read")
    wb = Workbook()
    ws = wb.active
    ws.title = f"ปีงบ {fy}"
    append_row(ws, [f"{TITLE} ประจำปีงบประมาณ พ.ศ. {fy}"])
    append_row(ws, [get_settings(ctx).office_name])
    append_row(ws, [intro(ctx, fy)])
    append_row(ws, list(COLUMNS))
    for cell in ws[4]:
        cell.font = Font(bold=True)
    current = None
    for measure, cells in table_rows(ctx, fy):
        if measure != current:
            append_row(ws, [MEASURE_TITLES[measure]])
            ws.cell(ws.max_row, 1).font = Font(bold=True)
            current = measure
        append_row(ws, cells)
    for col, width in zip("ABCDEF", (30, 40, 20, 16, 50, 50)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    import io

    from ethics_tui.store.atomic import atomic_write_bytes

    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(path, buf.getvalue())
    ctx.store.log_event("export", "report-measures-xlsx", fy, note=path.name, actor=ctx.actor)
    return path


def _names(ctx: Context) -> tuple[str, ...]:
    """Proper names that must never be split in the PDF (office and divisions)."""
    from ethics_tui.service.settings import list_divisions

    s = get_settings(ctx)
    return tuple(n for n in [s.office_name, s.executive_name, *[d.name for d in list_divisions(ctx)]] if n)


def _record(ctx: Context, path: Path, kind: str, ref) -> None:
    from ethics_tui.service.exports import record_export

    record_export(ctx, path, kind, ref)


def default_fy(today=None) -> int:
    """The year a report is usually about: in the first quarter of a fiscal year (Oct-Dec)
    the year that just ended, otherwise the current one."""
    from datetime import date

    from ethics_tui.thai.dates import fiscal_quarter, fiscal_year

    today = today or date.today()
    return fiscal_year(today) - (1 if fiscal_quarter(today) == 1 else 0)


def parse_fy(text: str) -> int:
    """A fiscal year typed by the user (B.E., Thai or Arabic digits), checked."""
    from ethics_tui.thai.digits import to_arabic_digits

    try:
        fy = int(to_arabic_digits(str(text).strip()))
    except ValueError:
        raise UserError(f"ปีงบประมาณ “{text}” ไม่ถูกต้อง", f"Invalid fiscal year '{text}'") from None
    return check_fy(fy)


def check_fy(fy: int) -> int:
    if not isinstance(fy, int) or not 2500 <= fy <= 2700:
        raise UserError(
            f"ปีงบประมาณ {fy} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2568)", f"Invalid fiscal year {fy} (use B.E., e.g. 2568)"
        )
    return fy
