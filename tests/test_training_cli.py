"""training stats / export and the two PDFs, read back with pdftotext."""

from __future__ import annotations

import io
import json
import sys

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.pdf.textlayer import pages, squash
from ethics_tui.service import demo, training_stats
from ethics_tui.service import training as svc
from ethics_tui.service.context import Context


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 50))
    monkeypatch.setattr(demo, "REGISTERS", ("training",))
    folder = tmp_path / "data"
    fast_demo(Context.open(folder, actor="tester"))  # the demo command itself: test_cli.py
    return folder


def viewer(folder):
    return demo.demo_sign_in(Context.open(folder), "viewer")


def test_stats_json_matches_the_service(data, capsys):
    ctx = viewer(data)
    fy = svc.fiscal_years(ctx)[-1]
    capsys.readouterr()
    assert main(["--data", str(data), "--user", "viewer", "training", "stats", "--fy", str(fy), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    st = training_stats.stats(ctx, fy)
    assert out["fiscal_year"] == fy and out["staff_total"] == st.staff_total == 58
    assert out["rejections_by_reason"]["งบประมาณไม่เพียงพอ"] == 1
    assert len(out["never_selected"]) == len(st.never_selected) > 0
    assert out["budget"][0]["amount"] == 48000.0 and out["budget"][0]["remaining"] == 3600.0
    assert main(["--data", str(data), "training", "stats", "--fy", str(fy)]) == 1  # needs a signed-in user
    assert "ต้องเข้าสู่ระบบ" in capsys.readouterr().err


def test_memo_pdf_reads_back_with_the_nominations_and_checks(data, tmp_path, capsys):
    ctx = viewer(data)
    fy = svc.fiscal_years(ctx)[-1]
    visit = next(o for o in svc.list_opportunities(ctx, fy) if o.kind == "ศึกษาดูงาน")
    out = tmp_path / "memo.pdf"
    assert main(["--data", str(data), "--user", "hr", "pdf", "training-memo", str(visit.id), "-o", str(out)]) == 0
    text = squash("".join(pages(out)))
    for expected in (
        "บันทึกข้อความ",
        "ส่วนราชการ",
        "เรื่อง",
        "เรียนนายกองค์การบริหารส่วนตำบลบ้านดอนแก้ว",
        squash(visit.title),
        "จึงเรียนมาเพื่อโปรดพิจารณา",
        "ความเห็นและคำสั่งของผู้บริหาร",
    ):
        assert expected in text, expected
    rows = training_stats.memo_rows(ctx, visit.id)
    for r in rows:
        assert squash(r.name) in text
    assert "เกินงบคงเหลือ" in text and "งบประมาณไม่เพียงพอ" in text  # a check and a recorded reason
    capsys.readouterr()
    assert main(["--data", str(data), "--user", "viewer", "verify-pdf", str(out)]) == 0
    assert "training-memo" in capsys.readouterr().out
    house = next(o for o in svc.list_opportunities(ctx, fy) if o.in_house)
    assert main(["--data", str(data), "--user", "hr", "pdf", "training-memo", str(house.id), "-o", str(out)]) == 1


def test_report_pdf_and_xlsx(data, tmp_path):
    from openpyxl import load_workbook

    ctx = viewer(data)
    fy = svc.fiscal_years(ctx)[-1]
    out = tmp_path / "report.pdf"
    assert (
        main(["--data", str(data), "--user", "viewer", "pdf", "training-report", "--fy", str(fy), "-o", str(out)]) == 0
    )
    got = pages(out)
    assert len(got) >= 2
    text = squash("".join(got))
    st = training_stats.stats(ctx, fy)
    assert squash(f"ประจำปีงบประมาณ พ.ศ. {fy}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))) in text
    for expected in ("จำแนกตามกอง", "ใครไปที่ไหน", "จำแนกตามเหตุผล", "ผู้ไม่ได้รับคัดเลือก", "ด้านจริยธรรมและการป้องกันการทุจริต"):
        assert expected in text, expected
    assert squash(st.never_selected[0][0]) in text and squash(st.went[0][0]) in text
    xlsx = tmp_path / "t.xlsx"
    assert main(["--data", str(data), "--user", "viewer", "training", "export", "--fy", str(fy), "-o", str(xlsx)]) == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["สรุป", "รายกอง"]
    audit = (data / "audit.jsonl").read_text(encoding="utf-8")  # exported, as the PDFs are
    assert '"training-stats-xlsx"' in audit and "t.xlsx" in audit
    never = wb["ไม่เคยได้รับคัดเลือก"]
    assert never.max_row - 1 == len(st.never_selected)
