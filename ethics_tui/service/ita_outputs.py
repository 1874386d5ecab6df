"""The app's ITA outputs, by name: what each writes and how ready it is.

The item table (service/ita_items.py) names these outputs; ``report evidence`` writes them.
Each output has ``write(ctx, period, path) -> Path`` and ``check(ctx, period) -> (status, th, en)``.
The figures come from the registers' own services (see ita_hr, ita_ethics, ita_complaints).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ethics_tui.service.context import Context


@dataclass(frozen=True)
class Output:
    key: str
    title: str  # Thai, shown in the index and the report screen
    en: str
    write: Callable
    check: Callable
    register: str = "report"  # the TUI register that fixes what is missing


def section(block) -> list:
    """A titled NumberedList as memo blocks: a single item becomes the heading and a paragraph
    (no "๑." under "1."), several stay a numbered list."""
    if len(block.items) == 1 and block.title:
        return [block.title, block.items[0]]
    return [block]


def render_memo(
    ctx: Context,
    path: Path,
    subject: str,
    body: list,
    *,
    table=None,
    after=(),
    kind: str,
    ref,
    to: str = "",
    closing: str = "จึงเรียนมาเพื่อโปรดทราบ และอนุญาตให้เผยแพร่บนเว็บไซต์ของหน่วยงาน",
) -> Path:
    """A บันทึกข้อความ from งานการเจ้าหน้าที่ to the executive, recorded as an export."""
    from ethics_tui.pdf.memo import render_memo as draw
    from ethics_tui.pdf.models import MemoDoc, Signer
    from ethics_tui.service.exports import record_export
    from ethics_tui.service.report import _names
    from ethics_tui.service.settings import get_settings

    s = get_settings(ctx)
    doc = MemoDoc(
        unit="สำนักปลัด",
        subject=subject,
        to=to or s.executive_title or "นายกองค์การบริหารส่วนตำบล",
        body=list(body),
        dated=date.today(),
        table=table,
        after_table=list(after),
        closing=closing,
        signer=Signer("", "เจ้าหน้าที่ผู้รับผิดชอบ"),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    draw(doc, path, s, names=_names(ctx))
    record_export(ctx, path, kind, ref)
    return path


def render_announcement(ctx: Context, path: Path, subject: str, body: list, *, kind: str, ref) -> Path:
    from ethics_tui.pdf.announcement import render_announcement as draw
    from ethics_tui.pdf.models import AnnouncementDoc
    from ethics_tui.service.exports import record_export
    from ethics_tui.service.report import _names
    from ethics_tui.service.settings import get_settings

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    draw(
        AnnouncementDoc(subject=subject, body=list(body), announced_on=date.today()),
        path,
        get_settings(ctx),
        names=_names(ctx),
    )
    record_export(ctx, path, kind, ref)
    return path


def _measures_write(ctx, p, path):
    from ethics_tui.service import report

    return report.export_pdf(ctx, p.fy, path)


def _measures_check(ctx, p):
    from ethics_tui.service import report

    checks = report.readiness(ctx, p.fy)
    bad = [c for c in checks if c.status != "green"]
    if not bad:
        return ("green", "ทุกกิจกรรมของมาตรการ 6-7 มีข้อมูลครบ", "every measure 6-7 activity is complete")
    worst = "red" if any(c.status == "red" for c in bad) else "amber"
    return (
        worst,
        f"รายการตรวจความพร้อมของรายงานยังไม่ครบ {len(bad)} รายการ",
        f"{len(bad)} readiness check(s) of the report are not green",
    )


def _training_write(ctx, p, path):
    from ethics_tui.service.training_docs import write_report

    return write_report(ctx, p.fy, path)[0]


def _training_check(ctx, p):
    from ethics_tui.service import training

    noms = training.list_nominations(ctx, fy=p.fy)
    if not noms:
        return ("amber", f"ไม่มีการคัดเลือกเข้ารับการฝึกอบรมในปีงบประมาณ {p.fy}", f"no training selection in FY {p.fy}")
    undecided = sum(1 for n in noms if not n.decision)
    if undecided:
        return ("amber", f"รอผู้บริหารพิจารณา {undecided} ราย", f"{undecided} nomination(s) undecided")
    return ("green", f"การคัดเลือก {len(noms)} รายมีผลพิจารณาพร้อมเหตุผล", f"{len(noms)} reasoned decisions")


def _outputs() -> dict[str, Output]:
    from ethics_tui.service import ita_complaints as c
    from ethics_tui.service import ita_ethics as e
    from ethics_tui.service import ita_hr as h

    items = [
        Output(
            "hr-criteria-plan",
            "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
            "HR criteria and plan",
            h.write_criteria_plan,
            h.check_criteria_plan,
            "appraisal",
        ),
        Output(
            "hr-annual-report",
            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
            "HR annual report",
            h.write_annual_report,
            h.check_annual_report,
            "training",
        ),
        Output(
            "training-selection",
            "รายงานผลการคัดเลือกบุคลากรเข้ารับการฝึกอบรม ศึกษาดูงาน และทุนการศึกษา",
            "training selection report",
            _training_write,
            _training_check,
            "training",
        ),
        Output(
            "ethics-pack",
            "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
            "ethics item pack",
            e.write_pack,
            e.check_pack,
            "notices",
        ),
        Output(
            "complaint-guideline",
            "แนวปฏิบัติการจัดการเรื่องร้องเรียน",
            "complaint-handling guideline",
            c.write_guideline,
            c.check_guideline,
            "complaints",
        ),
        Output(
            "complaint-channels",
            "ช่องทางแจ้งเรื่องร้องเรียน",
            "complaint channels",
            c.write_channels,
            c.check_channels,
            "complaints",
        ),
        Output(
            "complaint-stats",
            "สถิติเรื่องร้องเรียน รายเดือน รายไตรมาส ครึ่งปี และทั้งปี",
            "complaint statistics",
            c.write_stats,
            c.check_stats,
            "complaints",
        ),
        Output(
            "measures-report",
            "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            "internal integrity measures report",
            _measures_write,
            _measures_check,
            "report",
        ),
        Output(
            "ethics-annual-report",
            "รายงานผลการดำเนินการด้านจริยธรรมประจำปี",
            "annual ethics report",
            e.write_annual,
            e.check_annual,
            "report",
        ),
        Output(
            "itas-headcount",
            "จำนวนบุคลากรที่ปฏิบัติงานครบ 1 ปี (ITAS)",
            "ITAS headcount",
            h.write_headcount,
            h.check_headcount,
            "staff",
        ),
        Output(
            "appraisal-excellent",
            "ประกาศรายชื่อผู้มีผลการประเมินระดับดีเด่นและดีมาก",
            "excellent / very good list",
            h.write_excellent,
            h.check_excellent,
            "appraisal",
        ),
    ]
    return {o.key: o for o in items}


@functools.cache
def outputs() -> dict[str, Output]:
    """Output name -> Output, built on first use (so importing this module, which the item table
    does, does not import every register's service)."""
    return _outputs()
