"""The document gallery: every kind of document the office prints, rendered to PDF and PNG.

``ethics-tui --data D pdf gallery -o DIR [--stress N]`` writes, for the office in ``D``,
every document kind (samples of each layout, announcements, circulars in both forms,
sign-off sheets, committee orders, appraisal notices / summary / criteria, training memos
and report, complaint receipt / case file / statistics, the measures report and the ITA
evidence set) into ``DIR``, and each page as a PNG under ``DIR/png`` for the eye.
``--stress N`` first builds a stress office in ``D`` (empty folder): the demo office with
the longest real positions, long names and ``N`` staff.

The gallery tests read every page back (:mod:`ethics_tui.pdf.pagecheck`).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.service.context import Context

#: the longest real posts and names an office prints
LONG_POSITIONS = (
    "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม",
    "หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล",
    "นักวิชาการตรวจสอบภายในชำนาญการพิเศษ",
    "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม",
    "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัยชำนาญงาน",
    "ผู้ช่วยเจ้าพนักงานธุรการ (พนักงานจ้างตามภารกิจ)",
)
LONG_FIRST = ("ประภัสสราภรณ์", "ธนพัฒน์", "กิตติศักดิ์ศรี", "วรรณวิภาวดี", "ศุภวัฒน์ชัย")
LONG_LAST = ("เจริญรุ่งเรืองกิจ", "ศรีสุวรรณวัฒนากุล", "พงศ์พิพัฒน์ไพบูลย์", "ธนาวิวัฒน์วงศ์สกุล")


def build_stress_office(ctx: Context, staff: int = 1000) -> Context:
    """The demo office, then ``staff`` people in all with long names and the longest posts."""
    from ethics_tui.service.demo import demo_sign_in, demo_staff, load_demo
    from ethics_tui.service.people import division_docs, staff_docs

    load_demo(ctx)
    divs = [int(k) for k in division_docs(ctx)]
    have = len(staff_docs(ctx))
    extra = []
    while len(extra) < staff - have:
        extra.extend(demo_staff(divs, seed=len(extra)))
    with ctx.store.transaction() as tx:
        rows = []
        for i, s in enumerate(extra[: max(0, staff - have)]):
            s.code = f"S{i:05d}"
            s.first_name = LONG_FIRST[i % len(LONG_FIRST)]
            s.last_name = LONG_LAST[(i // len(LONG_FIRST)) % len(LONG_LAST)]
            s.position = LONG_POSITIONS[i % len(LONG_POSITIONS)]
            rows.append(s.to_dict())
        tx.table("staff").insert_multiple(rows)
    return demo_sign_in(Context(store=ctx.store, lang=ctx.lang), "admin")


def _jobs(ctx: Context, out: Path, cctx: Context, skipped: list[str]) -> list[tuple[str, Callable[[Path], object]]]:
    """(file stem, writer) for every document kind the office's records can give."""
    from ethics_tui.pdf import SAMPLE_KINDS, write_sample
    from ethics_tui.service import (
        appraisal,
        committee,
        complaints,
        documents,
        notices,
        report,
        report_evidence,
        training,
    )
    from ethics_tui.service.settings import get_settings

    settings = get_settings(ctx)
    fy = report.default_fy()
    jobs: list[tuple[str, Callable[[Path], object]]] = []
    for kind in SAMPLE_KINDS:
        jobs.append((f"sample-{kind}", lambda p, k=kind: write_sample(k, p, settings)))

    def doc(kind: str, c: Context = ctx, **params) -> Callable[[Path], object]:
        """A job writing the document ``kind`` (the register specs' documents table)."""
        return lambda p: documents.write(c, kind, p, **params)

    for n in notices.list_notices(ctx, current_only=True):
        if n.kind == "announcement":
            jobs.append((f"announcement-{n.id}", doc("announcement", id=n.id)))
        elif n.number:
            jobs.append((f"circular-{n.id}", doc("circular", id=n.id, form="external")))
            jobs.append((f"circular-memo-{n.id}", doc("circular", id=n.id, form="memo")))
        if n.status != "draft":
            jobs.append((f"signoff-{n.id}", doc("signoff", id=n.id)))
    jobs.append(("notices-coverage", doc("notices-coverage")))
    for o in committee.list_orders(ctx)[:2]:
        jobs.append((f"order-{o.id}", doc("order", id=o.id)))
        jobs.append((f"order-signoff-{o.id}", doc("order-signoff", id=o.id)))
    for r in appraisal.list_rounds(ctx)[:2]:
        for kind in ("appraisal-criteria", "appraisal-summary", "appraisal-notices"):
            jobs.append((f"{kind}-{r.id}", doc(kind, round_id=r.id)))
    for o in training.list_opportunities(ctx)[:3]:
        jobs.append((f"training-memo-{o.id}", doc("training-memo", id=o.id)))
    jobs.append((f"training-report-{fy}", doc("training-report", fy=fy)))
    try:
        cases = complaints.list_cases(cctx)[:2]
    except UserError as exc:  # complaints are for the complaints officer only
        cases = []
        skipped.append(f"complaint receipts and files: {exc.en}")
    for c in cases:
        jobs.append((f"complaint-receipt-{c.id}", doc("complaint-receipt", cctx, id=c.id)))
        jobs.append((f"complaint-file-{c.id}", doc("complaint-file", cctx, id=c.id)))
    jobs.append((f"complaint-stats-{fy}", doc("complaint-stats", cctx, fy=fy)))
    jobs.append((f"report-{fy}", doc("report", fy=fy)))
    jobs.append(("evidence", lambda p: report_evidence.write_evidence(ctx, fy, p.parent / "evidence")))
    return jobs


def render_gallery(
    ctx: Context, out: Path | str, *, png: bool = True, dpi: int = 60, complaints_ctx: Context | None = None
) -> tuple[list[Path], list[str]]:
    """Write every document kind into ``out`` (PNG pages under ``out/png``). Returns the PDFs
    written and the kinds skipped, each with its reason (e.g. a circular not yet issued, or
    complaints when ``ctx`` is not the complaints officer and no ``complaints_ctx`` is given)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    skipped: list[str] = []
    for stem, job in _jobs(ctx, out, complaints_ctx or ctx, skipped):
        path = out / f"{stem}.pdf"
        try:
            result = job(path)
        except UserError as exc:
            skipped.append(f"{stem}: {exc.en}")
            continue
        if stem == "evidence":
            written += sorted((out / "evidence").glob("*.pdf"))
        elif path.exists():
            written.append(path)
        elif isinstance(result, (str, Path)) and Path(result).exists():
            written.append(Path(result))
    if png and shutil.which("pdftoppm"):
        pngs = out / "png"
        pngs.mkdir(exist_ok=True)
        for pdf in written:
            subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pngs / pdf.stem)], check=True)
    return written, skipped


HEADER_WORDS = ("ลำดับ", "หมายเหตุ", "บุคลากร", "ค่าใช้จ่าย", "ตำแหน่ง", "ลายมือชื่อ", "ชื่อ-สกุล")


def known_names(ctx: Context) -> list[str]:
    """Every name the office knows: staff full names and positions, divisions, the office's own."""
    from ethics_tui.pdf.names import office_names
    from ethics_tui.service.people import division_docs, full_name, staff_docs
    from ethics_tui.service.settings import get_settings

    names = set(office_names(get_settings(ctx)))
    for s in staff_docs(ctx).values():
        names.add(full_name(s))
        names.add(str(s.get("position", "")))
    names |= {str(v.get("name", "")) for v in division_docs(ctx).values()}
    return sorted(n for n in names if len(n) > 3)


def check_gallery(ctx: Context, pdfs: list[Path]) -> list[str]:
    """Every page of every PDF read back: overlaps, margins, lonely pages, broken words/names."""
    from ethics_tui.pdf.pagecheck import problems

    names = known_names(ctx)
    found = []
    for pdf in pdfs:
        found += [f"{pdf.name} {p}" for p in problems(pdf, names=names, header_words=list(HEADER_WORDS))]
    return found
