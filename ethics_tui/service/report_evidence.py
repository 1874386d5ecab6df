"""The ITA evidence set of a fiscal year: PDFs in one folder (exports/<fy>/), each recorded
in the audit log so that ``verify-pdf`` recognises it.

- complaint statistics, half year and year (counts only);
- the ethics-promotion summary: committee, Dos & Don'ts, codes of ethics, ethics training;
- the training-selection summary (who went where, cost by division, never selected, reasons).
"""

from __future__ import annotations

from pathlib import Path

from ethics_tui.model.report import Facts
from ethics_tui.service import report
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.digits import apply_digits

PROMOTION_TITLE = "สรุปผลการส่งเสริมคุณธรรมและจริยธรรม"


def _promotion(ctx: Context, fy: int, path: Path) -> Path:
    from ethics_tui.model.report import ACTIVITIES
    from ethics_tui.pdf.models import ReportDoc, ReportGroup, ReportRow
    from ethics_tui.pdf.report import render_report

    settings = get_settings(ctx)
    texts = report.texts(ctx, fy)
    facts = report.facts(ctx, fy)
    rows = []
    for act in ACTIVITIES:
        if act.key not in ("committee", "dos_donts", "codes", "training"):
            continue
        f: Facts = facts[act.key]
        summary, results = f.summary, f.results
        if act.key == "training":  # only the ethics / anti-corruption part belongs here
            summary = [s for s in f.summary if "จริยธรรม" in s or "ทุจริต" in s] or ["ไม่มีการอบรมด้านจริยธรรมในปีงบประมาณนี้"]
            results = [c.th for c in f.checks if c.key == "ethics-training"]
        t = texts[act.key]
        cells = [act.title, t.steps, t.unit, t.period, "\n".join(summary), "\n".join(results)]
        rows.append(ReportRow(*[apply_digits(c, settings.digits) for c in cells]))
    doc = ReportDoc(title=PROMOTION_TITLE, fiscal_year_be=fy,
                    groups=[ReportGroup("การส่งเสริมคุณธรรม จริยธรรม และการป้องกันการทุจริต", rows)],
                    intro=apply_digits(f"สรุปจากทะเบียนของ{settings.office_name} ประจำปีงบประมาณ พ.ศ. {fy}", settings.digits))
    render_report(doc, path, settings, names=report._names(ctx))
    report._record(ctx, path, "evidence-ethics-promotion", fy)
    return path


def write_evidence(ctx: Context, fy: int, out_dir: Path | str) -> list[Path]:
    """Write the evidence PDFs of ``fy`` into ``out_dir``. Returns their paths."""
    from ethics_tui.service.complaints_docs import export_pdf as complaints_pdf
    from ethics_tui.service.training_docs import write_report as training_report

    require(ctx, "report.read")
    report.check_fy(fy)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [
        complaints_pdf(ctx, "stats", out / f"complaint-stats-{fy}-half-year.pdf", fy=fy, half=True),
        complaints_pdf(ctx, "stats", out / f"complaint-stats-{fy}-year.pdf", fy=fy, half=False),
        _promotion(ctx, fy, out / f"ethics-promotion-{fy}.pdf"),
        training_report(ctx, fy, out / f"training-selection-{fy}.pdf")[0],
    ]
    return paths
