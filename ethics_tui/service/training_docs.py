"""The training register's documents: the memo to the executive, the yearly report PDF and
the XLSX export. Used by the CLI and the TUI; every PDF is recorded with record_export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ethics_tui.errors import UserError


def default_path(ctx, name: str, fy: int | None = None) -> Path:
    """``<exports folder>/<name>`` (service.exports.export_folder)."""
    from ethics_tui.service.exports import export_folder

    return export_folder(ctx, fy) / name


def _m(v: float) -> str:
    return f"{v:,.2f}"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "0.0"


# -- the memo -------------------------------------------------------------------------------
def write_memo(ctx, opp_id: int, path: Path | str, today: date | None = None) -> tuple[Path, str]:
    """The บันทึกข้อความ proposing the nominations of ``opp_id`` (layout: :mod:`ethics_tui.pdf.memo`)."""
    from ethics_tui.model.training import STATUS_LABELS
    from ethics_tui.pdf.common import be_date
    from ethics_tui.pdf.memo import render_memo
    from ethics_tui.pdf.models import DecisionBox, MemoColumn, MemoDoc, MemoTable, Signer
    from ethics_tui.service import training as svc
    from ethics_tui.service import training_stats
    from ethics_tui.service.access import require
    from ethics_tui.service.exports import record_export
    from ethics_tui.service.settings import get_settings

    require(ctx, "pdf.export")
    opp = svc.get_opportunity(ctx, opp_id)
    every = training_stats.memo_rows(ctx, opp_id)
    rows = [r for r in every if not r.nomination.withdrawn]  # withdrawn: a line after the table
    if opp.in_house:
        raise UserError(
            "โครงการที่หน่วยงานจัดเองไม่มีการเสนอชื่อ จึงไม่มีบันทึกเสนอผู้บริหาร",
            "An in-house project has no nominations, so there is no memo",
        )
    if not every:
        raise UserError("ยังไม่มีการเสนอชื่อสำหรับโอกาสนี้", "No nominations for this opportunity yet")
    if not rows:
        raise UserError(
            "การเสนอชื่อทุกรายของโอกาสนี้ถอนแล้ว จึงไม่มีรายที่ต้องเสนอผู้บริหาร",
            "Every nomination for this opportunity was withdrawn; there is nothing to propose",
        )
    s = get_settings(ctx)

    def day(iso: str) -> str:
        return be_date(date.fromisoformat(iso), s.digits or "thai", with_be=False)

    when = day(opp.start_date)
    if opp.end_date and opp.end_date != opp.start_date:
        when = f"ระหว่างวันที่ {when} ถึงวันที่ {day(opp.end_date)}"
    else:
        when = f"ในวันที่ {when}"
    ref = ""
    if opp.invite_no or opp.invite_date:
        ref = f" ตามหนังสือ {opp.invite_no}" + (f" ลงวันที่ {day(opp.invite_date)}" if opp.invite_date else "")
    invitation = (
        f"ด้วย{opp.organizer or s.office_name}{ref} แจ้งการจัด{opp.kind} {opp.title} {when}"
        + (f" ณ {opp.location}" if opp.location else "")
        + (f" จำนวน {opp.seats} ที่" if opp.seats else "")
        + f" ค่าใช้จ่ายคนละ {_m(opp.cost_per_person)} บาท (ค่าลงทะเบียน {_m(opp.cost_registration)} บาท "
        f"ค่าเดินทาง {_m(opp.cost_travel)} บาท ค่าเบี้ยเลี้ยงและที่พัก {_m(opp.cost_allowance)} บาท)"
        + (f" คุณสมบัติผู้เข้าร่วม: {opp.eligibility}" if opp.eligibility else "")
    )
    cells = []
    for i, r in enumerate(rows, 1):
        found = [c.th for c in r.checks if c.level != "ok"] or ["ผ่านหลักเกณฑ์"]
        n = r.nomination
        verdict = STATUS_LABELS[n.decision][0] if n.decision else ""
        if n.decision == "rejected":
            verdict += f": {n.reject_reason()}"
        cells.append(
            [
                str(i),
                f"{r.name}\n{r.position}\n{r.division}",
                f"{r.nominated_by}: {n.rationale}"
                + ("" if n.cost is None else f"\nค่าใช้จ่ายรายนี้ {_m(n.cost_for(opp))} บาท"),
                "\n".join(f"- {t}" for t in found),
                verdict,
            ]
        )
    total = sum(r.nomination.cost_for(opp) for r in rows if r.nomination.decision != "rejected")
    after = [
        f"ถอนการเสนอชื่อ {r.name}{' หลังได้รับอนุมัติ' if r.nomination.decision == 'approved' else ''} "
        f"({r.nomination.withdraw_reason(text=False)})"
        for r in every
        if r.nomination.withdrawn
    ]
    line = training_stats.budget_lines(ctx, opp.fiscal_year)
    if len(line) == 1 and line[0].amount is not None:
        b = line[0]
        after.append(
            f"งบประมาณค่าใช้จ่ายในการฝึกอบรม ปีงบประมาณ {opp.fiscal_year} ตั้งไว้ {_m(b.amount)} บาท "
            f"อนุมัติแล้ว {_m(b.committed)} บาท คงเหลือ {_m(b.remaining)} บาท"
        )
    after.append(
        "ตามหลักเกณฑ์การคัดเลือก ผู้บริหารอาจไม่อนุมัติได้ในกรณีผู้ได้รับการเสนอชื่อเคยเข้ารับการอบรมหลักสูตร"
        "เดียวกันในปีงบประมาณเดียวกันแล้ว หรืองบประมาณไม่เพียงพอ โดยระบุเหตุผลทุกราย"
    )
    doc = MemoDoc(
        unit="สำนักปลัด งานการเจ้าหน้าที่",
        subject=f"ขออนุมัติให้บุคลากรเข้ารับการ{opp.kind} {opp.title}",
        to=s.executive_title or "ผู้บริหาร",
        body=[
            invitation,
            ("ผู้อำนวยการกองได้เสนอชื่อบุคลากรตามตำแหน่งและหน้าที่ที่ได้รับมอบหมาย งานการเจ้าหน้าที่ได้ตรวจสอบตามหลักเกณฑ์การคัดเลือกแล้ว ดังนี้"),
        ],
        dated=today or date.today(),
        table=MemoTable(
            [
                MemoColumn("ลำดับ", 11, "C"),
                MemoColumn("ชื่อ-สกุล / ตำแหน่ง / กอง", 42),
                MemoColumn("ผู้เสนอ / เหตุผลความเกี่ยวข้องกับหน้าที่", 47),
                MemoColumn("ผลการตรวจสอบ", 38),
                MemoColumn("ผลการพิจารณา", 22),
            ],
            cells,
            note=f"ค่าใช้จ่ายรวม (ไม่รวมรายที่ไม่อนุมัติ) {_m(total)} บาท",
        ),
        after_table=after,
        signer=Signer("", "เจ้าหน้าที่งานการเจ้าหน้าที่"),
        decision=DecisionBox(
            [
                "( ) อนุมัติทุกราย",
                "( ) อนุมัติเฉพาะลำดับที่ ..............................",
                "( ) ไม่อนุมัติลำดับที่ ............... เหตุผล ............................................................",
            ]
        ),
    )
    out = render_memo(doc, path, s, names=tuple({r.name for r in every} | {r.nominated_by for r in rows}))
    return out, record_export(ctx, out, "training-memo", opp_id)


# -- the yearly report ----------------------------------------------------------------------
def write_report(ctx, fy: int, path: Path | str) -> tuple[Path, str]:
    from ethics_tui.pdf.base import ThaiPDF
    from ethics_tui.pdf.table import Column, TableWriter
    from ethics_tui.service import training as svc
    from ethics_tui.service import training_stats
    from ethics_tui.service.access import require
    from ethics_tui.service.exports import record_export
    from ethics_tui.service.settings import get_settings

    require(ctx, "pdf.export")
    st = training_stats.stats(ctx, fy)
    s = get_settings(ctx)
    title = "รายงานผลการคัดเลือกบุคลากรเข้ารับการฝึกอบรม ศึกษาดูงาน และทุนการศึกษา"
    names = tuple({w[0] for w in st.went} | {n[0] for n in st.never_selected} | {w[0] for w in st.withdrawals})
    pdf = ThaiPDF(s, title=f"{title} ปีงบประมาณ {fy}", subject=title, names=names)
    pdf.add_page()
    pdf.centered(title, "B", 18)
    pdf.centered(f"ประจำปีงบประมาณ พ.ศ. {fy}", "B")
    pdf.centered(s.office_name, "B")
    pdf.ln(2)
    opps = svc.list_opportunities(ctx, fy)
    budget = (
        "; ".join(
            f"วงเงิน {_m(b.amount)} บาท อนุมัติ {_m(b.committed)} บาท ใช้จริง {_m(b.spent)} บาท"
            for b in st.budget
            if b.amount is not None
        )
        or "ไม่ได้บันทึกวงเงินงบประมาณฝึกอบรม"
    )
    pdf.paragraph(
        f"ปีงบประมาณ {fy} มีโอกาสฝึกอบรม ศึกษาดูงาน และทุนการศึกษา {len(opps)} รายการ (โครงการที่หน่วยงานจัดเอง "
        f"{sum(o.in_house for o in opps)} โครงการ) บุคลากร {st.staff_total} คน ได้รับโอกาสอย่างน้อยหนึ่งครั้ง "
        f"{st.with_opportunity} คน คิดเป็นร้อยละ {_pct(st.with_opportunity, st.staff_total)} "
        f"งบประมาณ: {budget} คำถามเรื่องการไม่ได้รับคัดเลือกที่ยังไม่ได้ตอบ {st.open_questions} เรื่อง",
        after=2,
    )

    def section(heading: str, columns: list, rows: list[list[str]], empty: str = "ไม่มี") -> None:
        t = TableWriter(pdf, columns, size=13).autofit(rows) if rows else None
        # the engine keeps a heading with the table's header and first row (or its "none" line)
        pdf.heading(heading, keep=t.start_height() if t else pdf.line_h)
        if t is None:
            pdf.paragraph(empty, indent=10, after=2)
            return
        t.start()
        for r in rows:
            t.row(r)
        pdf.ln(3)

    grp_cols = lambda first: [
        Column(first, 52),
        Column("บุคลากร", 18, "R"),
        Column("ได้รับโอกาส", 20, "R"),
        Column("ร้อยละ", 16, "R"),
        Column("ครั้งที่ได้รับคัดเลือก", 24, "R"),
        Column("ค่าใช้จ่าย (บาท)", 30, "R"),
    ]
    grp_rows = lambda gs: [
        [g.name, str(g.staff), str(g.participants), _pct(g.participants, g.staff), str(g.selections), _m(g.cost)]
        for g in gs
    ]
    section("1. การได้รับโอกาสและค่าใช้จ่าย จำแนกตามกอง", grp_cols("กอง"), grp_rows(st.by_division))
    section("2. จำแนกตามประเภทบุคลากร", grp_cols("ประเภทบุคลากร"), grp_rows(st.by_type))
    section("3. จำแนกตามระดับตำแหน่ง", grp_cols("ระดับ"), grp_rows(st.by_level))
    section(
        "4. ผู้ได้รับอนุมัติ (ใครไปที่ไหน)",
        [
            Column("ชื่อ-สกุล", 42, fit=True),
            Column("กอง", 34),
            Column("หลักสูตร/โครงการ", 56),
            Column("ประเภท", 16),
            Column("ผล", 12),
        ],
        [list(w) for w in st.went],
    )
    section(
        "5. การไม่อนุมัติ จำแนกตามเหตุผล",
        [Column("เหตุผล", 130), Column("จำนวน", 30, "R")],
        [[k, str(v)] for k, v in st.rejections.items()],
    )
    section(
        "6. รายละเอียดการไม่อนุมัติ",
        [Column("ชื่อ-สกุล", 42, fit=True), Column("หลักสูตร/โครงการ", 58), Column("เหตุผล", 60)],
        [list(r) for r in st.rejection_list],
    )
    section(
        "7. การถอนการเสนอชื่อ (ไม่ใช้ที่นั่งและงบประมาณ)",
        [Column("ชื่อ-สกุล", 42, fit=True), Column("หลักสูตร/โครงการ", 52), Column("เมื่อ", 24), Column("เหตุผล", 44)],
        [list(w) for w in st.withdrawals],
    )
    section(
        "8. การฝึกอบรมด้านจริยธรรมและการป้องกันการทุจริต",
        [Column("หลักสูตร/โครงการ", 100), Column("วันที่", 26), Column("บุคลากร", 17, "R"), Column("บุคคลภายนอก", 17, "R")],
        [[t, _d(d), str(n), str(o)] for t, d, n, o in st.ethics_events],
        "ไม่มีการฝึกอบรมด้านจริยธรรมในปีนี้",
    )
    section(
        f"9. ผู้ไม่ได้รับคัดเลือกในปีงบประมาณ {fy} ({len(st.never_selected)} คน)",
        [Column("ชื่อ-สกุล", 50, fit=True), Column("ตำแหน่ง", 62), Column("กอง", 48)],
        [list(n) for n in st.never_selected],
    )
    out = pdf.save(path)
    return out, record_export(ctx, out, "training-report", fy)


def _d(iso: str) -> str:
    from ethics_tui.thai.dates import format_date

    return format_date(iso, "abbr")


def _stats_sheets(ctx, fy: int) -> list[tuple[str, list[tuple]]]:
    """The statistics as (sheet title, rows): the workbook's sheets, the CSV's sections."""
    from ethics_tui.service import training_stats

    st = training_stats.stats(ctx, fy)
    summary = [
        ("ปีงบประมาณ", fy),
        ("บุคลากร", st.staff_total),
        ("ได้รับโอกาสอย่างน้อยหนึ่งครั้ง", st.with_opportunity),
        ("ร้อยละ", round(100 * st.share, 1)),
        ("คำถามที่ยังไม่ได้ตอบ", st.open_questions),
    ]
    summary += [("วงเงิน/อนุมัติ/ใช้จริง", b.amount, b.committed, b.spent) for b in st.budget]
    sheets = [("สรุป", summary)]
    head = ("กลุ่ม", "บุคลากร", "ได้รับโอกาส", "ครั้งที่ได้รับคัดเลือก", "ค่าใช้จ่าย", "ใช้จริง")
    for title, groups in (("รายกอง", st.by_division), ("ประเภทบุคลากร", st.by_type), ("ระดับตำแหน่ง", st.by_level)):
        sheets.append(
            (title, [head] + [(g.name, g.staff, g.participants, g.selections, g.cost, g.spent) for g in groups])
        )
    for title, header, rows in (
        ("ผู้ได้รับอนุมัติ", ("ชื่อ-สกุล", "กอง", "หลักสูตร", "ประเภท", "ผล"), st.went),
        ("ไม่อนุมัติ", ("ชื่อ-สกุล", "หลักสูตร", "เหตุผล"), st.rejection_list),
        ("ถอนการเสนอชื่อ", ("ชื่อ-สกุล", "หลักสูตร", "เมื่อ", "เหตุผล"), st.withdrawals),
        ("ไม่เคยได้รับคัดเลือก", ("ชื่อ-สกุล", "ตำแหน่ง", "กอง"), st.never_selected),
    ):
        sheets.append((title, [header] + [tuple(r) for r in rows]))
    return sheets


def write_csv(ctx, fy: int, path: Path | str) -> Path:
    """The statistics as one CSV: each table of the workbook under its title, a blank row between."""
    from ethics_tui.service.sheets import csv_bytes
    from ethics_tui.store.atomic import atomic_write_bytes

    rows: list[tuple] = []
    for title, table in _stats_sheets(ctx, fy):
        rows += [*([()] if rows else []), (title,), *table]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, csv_bytes(rows))
    ctx.store.log_event("export", "training-stats-csv", fy, note=path.name, actor=ctx.actor)
    return path


def write_xlsx(ctx, fy: int, path: Path | str) -> Path:
    from openpyxl import Workbook

    from ethics_tui.service.sheets import append_row
    from ethics_tui.store.atomic import atomic_writer

    wb = Workbook()
    for i, (title, rows) in enumerate(_stats_sheets(ctx, fy)):
        sheet = wb.active if i == 0 else wb.create_sheet(title)
        sheet.title = title
        for row in rows:
            append_row(sheet, row)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as f:
        wb.save(f)
    ctx.store.log_event("export", "training-stats-xlsx", fy, note=path.name, actor=ctx.actor)  # as report XLSX
    return path


# -- commands -------------------------------------------------------------------------------
