"""PDPA (issue 14): the privacy notice at intake and on the receipt, and the record of
processing (CLI and TUI)."""

from __future__ import annotations

import io
import json
import sys

from ethics_tui.cli import main
from ethics_tui.pdf.textlayer import pdftotext, squash
from ethics_tui.service import privacy
from ethics_tui.service.context import Context


def test_notice_says_what_why_how_long_who_and_whom_to_ask(demo_ctx):
    text = privacy.complaint_notice(demo_ctx)
    for part in (
        "เก็บ",
        "เพื่อพิจารณา",
        "10 ปี",
        "เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน",
        demo_ctx.store.load()["settings"]["1"]["phone"],
    ):
        assert part in text, part
    assert "10 years" in privacy.complaint_notice(demo_ctx, "en")


def test_receipt_carries_the_notice(demo_ctx, tmp_path):
    from ethics_tui.service import complaints as cp
    from ethics_tui.service.complaints_docs import export_pdf
    from ethics_tui.service.demo import demo_sign_in

    officer = demo_sign_in(Context(store=demo_ctx.store), "complaints")
    case = cp.list_cases(officer)[0]
    out = export_pdf(officer, "receipt", tmp_path / "r.pdf", case_id=case.id)
    from ethics_tui.pdf.textlayer import pages

    text = squash(pdftotext(out))
    assert squash("ข้อมูลส่วนบุคคล") in text and squash("ปีนับแต่ยุติเรื่องแล้วลบ") in text
    assert len(pages(out)) == 1


def test_record_of_processing_cli_json_and_pdf(demo_ctx, tmp_path, monkeypatch, capsys):
    data = str(demo_ctx.store.dir)
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", data, "--user", "admin", "privacy", "record", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 8 and all(r["purpose"] and r["retention"] and r["readers"] for r in rows)
    assert any("ผู้ร้องเรียน" in r["category"] and "10 ปี" in r["retention"] for r in rows)
    out = tmp_path / "ropa.pdf"
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", data, "--user", "admin", "privacy", "record", "-o", str(out)]) == 0
    assert squash("บันทึกรายการกิจกรรมการประมวลผล") in squash(pdftotext(out))
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", data, "--user", "viewer", "privacy", "record", "--json"]) == 1
