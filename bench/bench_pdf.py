"""Benchmark: our report table and sign-off sheet against raw fpdf2 (shaping on).

Run: ``python bench/bench_pdf.py [--staff 1000] [--repeat 3]``. The baseline produces the
same output: every line of text, rule and fill our engine drew (recorded in an untimed run)
is replayed with raw fpdf2 ``FPDF.cell()`` with shaping on, so both sides have the same line
breaks, the same pages and the same words. Ratios are baseline time divided by our time
(> 1 means we are faster), measured in the same run. No assertions: this prints figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["ETHICS_TUI_BUNDLED_FONT"] = "1"  # both sides in the bundled Sarabun

from fpdf import FPDF

from ethics_tui.model.settings import DEFAULT_DIVISIONS
from ethics_tui.pdf import report, seed_text, signoff
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.fonts import bundled
from ethics_tui.pdf.models import ReportDoc, ReportGroup, ReportRow, SignoffDoc
from ethics_tui.pdf.samples import sample_people, sample_settings
from ethics_tui.pdf.textlayer import intact_words, pdftotext
from ethics_tui.thai.digits import apply_digits
from ethics_tui.thai.wordbreak import NBSP, ZWSP, warm_up

SIZE = 14


class Recorder:
    """Records every line of text, rule and fill our engine draws, to replay it with raw fpdf2.

    The baseline must produce the same output: the same lines (our line breaks, since raw
    fpdf2 breaks Thai mid-word), at the same places, on the same pages. Replaying them with
    plain ``FPDF.cell()`` (shaping on) times what raw fpdf2 needs to draw that document.
    """

    def __init__(self) -> None:
        self.ops: list[tuple] = []

    def __enter__(self) -> Recorder:
        ops = self.ops
        self._saved = {n: getattr(ThaiPDF, n) for n in ("text_line", "rect", "line", "add_page", "set_fill_color")}
        saved = self._saved

        def text_line(pdf, text, w=0, h=None, align="L", *a, **k):
            vis = text.replace(ZWSP, "").replace(NBSP, " ")
            if vis.strip():
                ww = w or pdf.w - pdf.r_margin - pdf.x
                ops.append(("text", pdf.font_style, pdf.font_size_pt, pdf.x, pdf.y, ww, h or pdf.line_h, align, vis))
            return saved["text_line"](pdf, text, w, h, align, *a, **k)

        def rect(pdf, x, y, w, h, style=None, *a, **k):
            ops.append(("rect", x, y, w, h, style))
            return saved["rect"](pdf, x, y, w, h, style, *a, **k)

        def line(pdf, x1, y1, x2, y2):
            ops.append(("line", x1, y1, x2, y2))
            return saved["line"](pdf, x1, y1, x2, y2)

        def add_page(pdf, *a, **k):
            ops.append(("page", pdf.cur_orientation if pdf.page else pdf.def_orientation))
            return saved["add_page"](pdf, *a, **k)

        def set_fill_color(pdf, *a):
            ops.append(("fill", *a))
            return saved["set_fill_color"](pdf, *a)

        for n, f in (
            ("text_line", text_line),
            ("rect", rect),
            ("line", line),
            ("add_page", add_page),
            ("set_fill_color", set_fill_color),
        ):
            setattr(ThaiPDF, n, f)
        return self

    def __exit__(self, *exc) -> None:
        for n, f in self._saved.items():
            setattr(ThaiPDF, n, f)


def replay(ops: list[tuple], path: Path) -> int:
    """Draw the recorded lines with raw fpdf2: ``FPDF.cell()`` per line, shaping on."""
    pdf = FPDF(unit="mm", format="A4")
    for style, file in bundled().files.items():
        pdf.add_font("Sarabun", style, file)
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for op in ops:
        kind = op[0]
        if kind == "text":
            _, style, size, x, y, w, h, align, text = op
            pdf.set_font("Sarabun", style, size)
            pdf.set_xy(x, y)
            pdf.cell(w, h, text, align=align)
        elif kind == "page":
            pdf.add_page(orientation=op[1])
        elif kind == "rect":
            pdf.rect(*op[1:5], style=op[5])
        elif kind == "line":
            pdf.line(*op[1:])
        elif kind == "fill":
            pdf.set_fill_color(*op[1:])
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

    rdoc = ReportDoc(
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        2568,
        [ReportGroup(t, [ReportRow(*r) for r in rows]) for _ in range(args.repeat) for t, rows in seed_text.GROUPS],
    )
    people = sample_people(args.staff)
    sdoc = SignoffDoc("เรื่อง แจ้งเวียนประมวลจริยธรรม", people, list(DEFAULT_DIVISIONS))

    def ours_report():
        report.render_report(rdoc, out / "report.pdf", settings, size=SIZE)
        return out / "report.pdf"

    def ours_signoff():
        signoff.render_signoff(sdoc, out / "signoff.pdf", settings)
        return out / "signoff.pdf"

    cases = [("report table", ours_report, "report"), (f"sign-off sheet, {args.staff} staff", ours_signoff, "signoff")]
    print("baseline = the same lines, rules and pages replayed with raw fpdf2 FPDF.cell(), Sarabun, shaping on")
    print(f"(output in {out})\n")
    print(f"{'case':34} {'ours s':>8} {'pages':>6} {'p/s':>7} {'raw s':>8} {'pages':>6} {'p/s':>7} {'time ratio':>11}")
    for name, ours, stem in cases:
        with Recorder() as rec:  # recording run: not timed
            ours()
        t_raw, p_raw = timed(lambda ops=rec.ops, stem=stem: replay(ops, out / f"raw_{stem}.pdf"))
        t_ours, path = timed(ours)
        p_ours = len(pdftotext(path).split("\f")) - 1
        print(
            f"{name:34} {t_ours:8.2f} {p_ours:6d} {p_ours / t_ours:7.1f} {t_raw:8.2f} "
            f"{p_raw:6d} {p_raw / t_raw:7.1f} {t_raw / t_ours:10.2f}x"
        )

    print("\ntext layer (distinct Thai words intact in pdftotext output):")
    src = [c for g in rdoc.groups for r in g.rows for c in (r.measure, r.steps, r.unit, r.period, r.summary, r.outcome)]
    for label, path in (("ours (ActualText)", out / "report.pdf"), ("raw fpdf2 replay", out / "raw_report.pdf")):
        ok, total = intact_words(pdftotext(path), [apply_digits(s, "arabic") for s in src])
        print(f"  report, {label:18} {ok}/{total} = {100 * ok / total:.1f}%")


if __name__ == "__main__":
    main()
