"""Benchmark: our report table and sign-off sheet against raw fpdf2 (shaping on).

Run: ``python bench/bench_pdf.py [--staff 1000] [--repeat 3]``. Both sides render the same
rows with the same font, size and column widths, in the same run; ratios are baseline time
divided by our time (> 1 means we are faster). No assertions: this prints figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fpdf import FPDF
from fpdf.fonts import FontFace

from ethics_tui.model.settings import DEFAULT_DIVISIONS
from ethics_tui.pdf import report, seed_text, signoff
from ethics_tui.pdf.base import font_dir
from ethics_tui.pdf.models import ReportDoc, ReportGroup, ReportRow, SignoffDoc
from ethics_tui.pdf.samples import sample_people, sample_settings
from ethics_tui.pdf.textlayer import intact_words, pdftotext
from ethics_tui.thai.digits import apply_digits
from ethics_tui.thai.wordbreak import warm_up

SIZE = 14


def report_rows(repeat: int) -> list[tuple[str, list[tuple[str, ...]]]]:
    """Seed rows cut into page-sized rows (raw fpdf2 tables cannot split a row)."""
    groups = []
    for _ in range(repeat):
        for title, rows in seed_text.GROUPS:
            out = []
            for row in rows:
                parts = [c.split("\n") for c in row]
                n = max(len(p) for p in parts)
                for i in range(n):
                    cells = [p[i] if i < len(p) else "" for p in parts]
                    if i:
                        cells[2] = cells[3] = ""
                    out.append(tuple(cells if i == 0 else ["", *cells[1:]]))
            groups.append((title, out))
    return groups


def raw_pdf(orientation: str) -> FPDF:
    pdf = FPDF(orientation=orientation, format="A4")
    for style, stem in (("", "Regular"), ("B", "Bold")):
        pdf.add_font("Sarabun", style, str(font_dir() / f"Sarabun-{stem}.ttf"))
    pdf.set_text_shaping(True)
    pdf.set_font("Sarabun", size=SIZE)
    return pdf


def raw_table(pdf: FPDF, columns, groups, path: Path, min_h: float = 0) -> int:
    pdf.add_page()
    head = FontFace(emphasis="BOLD", fill_color=(215, 215, 215))
    with pdf.table(
        col_widths=[c.width for c in columns],
        width=sum(c.width for c in columns),
        text_align="LEFT",
        headings_style=head,
        repeat_headings=1,
        line_height=SIZE * 0.44,
    ) as table:
        header = table.row()
        for c in columns:
            header.cell(c.title)
        for title, rows in groups:
            table.row().cell(title, colspan=len(columns))
            for r in rows:
                row = table.row(min_height=min_h) if min_h else table.row()
                for cell in r:
                    row.cell(cell)
    pdf.output(str(path))
    return pdf.pages_count


def timed(fn):
    t0 = time.perf_counter()
    pages = fn()
    return time.perf_counter() - t0, pages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--staff", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2, help="copies of the seed measures")
    args = ap.parse_args()
    warm_up()  # pythainlp's one-off load is start-up cost, not layout cost
    settings = sample_settings("arabic")
    out = Path(tempfile.mkdtemp(prefix="bench_pdf_"))

    groups = report_rows(args.repeat)
    rdoc = ReportDoc(
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        2568,
        [ReportGroup(t, [ReportRow(*r) for r in rows]) for t, rows in groups],
    )
    people = sample_people(args.staff)
    sdoc = SignoffDoc("เรื่อง แจ้งเวียนประมวลจริยธรรม", people, list(DEFAULT_DIVISIONS))
    sgroups = [(d, [("", p.name, p.position, "", "", p.note) for p in ps]) for d, ps in signoff.group_people(sdoc)]

    def ours_report():
        report.render_report(rdoc, out / "report.pdf", settings, size=SIZE)
        return out / "report.pdf"

    def ours_signoff():
        signoff.render_signoff(sdoc, out / "signoff.pdf", settings)
        return out / "signoff.pdf"

    cases = [
        ("report table", ours_report, lambda: raw_table(raw_pdf("L"), report.COLUMNS, groups, out / "raw_report.pdf")),
        (
            f"sign-off sheet, {args.staff} staff",
            ours_signoff,
            lambda: raw_table(raw_pdf("P"), signoff.COLUMNS, sgroups, out / "raw_signoff.pdf", 10),
        ),
    ]
    print(f"fpdf2 raw baseline = FPDF + Sarabun + set_text_shaping(True) + FPDF.table()\n(output in {out})\n")
    print(f"{'case':34} {'ours s':>8} {'pages':>6} {'p/s':>7} {'raw s':>8} {'pages':>6} {'p/s':>7} {'time ratio':>11}")
    for name, ours, raw in cases:
        t_raw, p_raw = timed(raw)
        t_ours, path = timed(ours)
        p_ours = len(pdftotext(path).split("\f")) - 1
        print(
            f"{name:34} {t_ours:8.2f} {p_ours:6d} {p_ours / t_ours:7.1f} {t_raw:8.2f} "
            f"{p_raw:6d} {p_raw / t_raw:7.1f} {t_raw / t_ours:10.2f}x"
        )

    print("\ntext layer (distinct Thai words intact in pdftotext output):")
    src = [c for _, rows in groups for r in rows for c in r]
    for label, path in (("ours (ActualText)", out / "report.pdf"), ("raw fpdf2", out / "raw_report.pdf")):
        ok, total = intact_words(pdftotext(path), [apply_digits(s, "arabic") for s in src])
        print(f"  report, {label:18} {ok}/{total} = {100 * ok / total:.1f}%")


if __name__ == "__main__":
    main()
