"""``report evidence --fy``: every file of every item of the year's table, named after the item
and the year, and an index (HTML, CSV, XLSX) opened in a real headless Chromium."""

import re
from datetime import date
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ethics_tui.pdf.authenticity import sha256_file
from ethics_tui.service import ita_items, report_evidence
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.service.exports import find_export
from ethics_tui.thai.dates import fiscal_year

YEAR = fiscal_year(date.today()) - 1  # the demo's report year
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def browser_rows(index: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """(item code, status) of every row, as the browser's DOM has them after loading the page."""
    profile = tmp_path / f"chromium-{index.parent.name}"
    run = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            index.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert '<table id="items">' in dom and "หลักฐานการประเมิน ITA" in dom
    return [(code, status) for status, code in re.findall(r'<tr class="item (\w+)[^"]*" data-code="([^"]+)"', dom)]


def test_evidence_folder_has_every_file_and_an_index(demo_ctx, tmp_path):
    out = tmp_path / "ita-2569"
    paths = report_evidence.write_evidence(demo_ctx, YEAR, out, base_url="https://example.go.th/ita2569/")
    table = ita_items.load(demo_ctx, YEAR)
    expected = [
        (i, item, name, ita_items.period(rule, YEAR))
        for i, item in enumerate(table.items, 1)
        for name, rule in item.uses()
    ]
    pdfs = [p for p in paths if p.suffix == ".pdf"]
    assert len(pdfs) == len(expected)
    for i, item, name, p in expected:
        f = out / report_evidence.file_name(item, i, name, p)
        assert f.is_file() and f in pdfs and str(p.fy) in f.name
        assert f.name.startswith(item.file_code(i))
        assert find_export(demo_ctx.store, sha256_file(f)) is not None  # verify-pdf knows it
    rows = report_evidence.entries_of(out / "index.csv")
    assert [r["ข้อ"] for r in rows] == [item.code for _i, item, _n, _p in expected]
    for r in rows:
        assert r["SHA-256"] == sha256_file(out / r["ไฟล์"])
        assert r["URL"] == "https://example.go.th/ita2569/" + r["ไฟล์"]
    ws = load_workbook(out / "index.xlsx").active
    assert [c.value for c in ws[1]][:6] == ["ลำดับ", "ข้อ", "ชื่อรายการ", "ไฟล์", "SHA-256", "URL"]
    assert [ws.cell(n, 4).value for n in range(2, ws.max_row + 1)] == [r["ไฟล์"] for r in rows]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{r["ไฟล์"]}"' in html for r in rows)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does it)")
def test_index_in_headless_chromium_and_a_removed_record_turns_its_item_red(demo_ctx, tmp_path):
    from ethics_tui.service import committee

    codes = [item.code for item in ita_items.load(demo_ctx, YEAR).items for _ in item.uses()]
    before_dir = tmp_path / "before"
    report_evidence.write_evidence(demo_ctx, YEAR, before_dir)
    before = browser_rows(before_dir / "index.html", tmp_path)
    assert [c for c, _s in before] == codes  # every item present, in the table's order
    assert "red" not in {s for _c, s in before}
    # remove the committee (ethics working group) order: the ethics item turns red
    with demo_ctx.store.transaction(actor="test") as tx:
        tx.table(committee.ORDERS).truncate()
    after_dir = tmp_path / "after"
    report_evidence.write_evidence(demo_ctx, YEAR, after_dir)
    after = dict(browser_rows(after_dir / "index.html", tmp_path))
    assert after["O15"] == "red"
    # items that do not report the committee keep their colour (O26 reports measure 6.1 itself)
    b = dict(before)
    for code in ("O13", "O16", "O17", "O18", "ITAS"):
        assert after[code] == b[code]
    assert {c for c, s in after.items() if s == "red"} <= {"O15", "O26"}


def test_a_file_that_cannot_be_made_is_listed_red_with_the_reason(demo_ctx, tmp_path):
    viewer = demo_sign_in(Context(store=demo_ctx.store), "viewer")
    out = tmp_path / "viewer"
    report_evidence.write_evidence(viewer, YEAR, out)
    rows = {r["ข้อ"]: r for r in report_evidence.entries_of(out / "index.csv")}
    excellent = rows["ข้อมูลข่าวสาร"]
    assert excellent["ไฟล์"] == "" and excellent["สถานะ"] == "ขาด" and "จัดทำไฟล์ไม่ได้" in excellent["หมายเหตุ"]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="item red missing" data-code="ข้อมูลข่าวสาร"' in html


def test_cli_evidence(demo_ctx, tmp_path, monkeypatch, capsys):
    import io
    import sys

    from ethics_tui.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    out = tmp_path / "cli"
    assert (
        main(
            [
                "--data",
                str(demo_ctx.store.dir),
                "--user",
                "admin",
                "report",
                "evidence",
                "--fy",
                str(YEAR),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert (out / "index.html").is_file() and (out / f"O15-ethics-pack-{YEAR}.pdf").is_file()
    assert "index.html" in capsys.readouterr().out
