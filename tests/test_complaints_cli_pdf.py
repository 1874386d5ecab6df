"""Complaints from the command line, and the PDFs read back with pdftotext."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.pdf.textlayer import pages, pdftotext, squash
from ethics_tui.service import complaints as svc
from ethics_tui.service.complaints_docs import export_pdf
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.digits import to_arabic_digits


@pytest.fixture
def data(tmp_path, monkeypatch):
    from ethics_tui.service import demo

    monkeypatch.setattr(demo, "REGISTERS", ("complaints",))
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 50))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    fast_demo(Context.open(folder, actor="tester"))  # the demo command itself: test_cli.py
    return folder


def officer(folder) -> Context:
    return demo_sign_in(Context.open(folder), "complaints")


def cli(folder, *args) -> int:
    return main(["--data", str(folder), *args])


def secrets_of(ctx) -> list[str]:
    out = []
    for c in svc.list_cases(ctx):
        ident = svc.identity(ctx, c.id)
        out += [x for x in (ident.complainant_name, ident.complainant_contact, ident.accused_text, ident.details) if x]
    return out


def test_stats_cli_json_and_text(data, capsys):
    o = officer(data)
    fy = svc.list_cases(o)[0].fiscal_year
    capsys.readouterr()
    assert cli(data, "--user", "viewer", "complaints", "stats", "--fy", str(fy), "--json") == 0
    got = json.loads(capsys.readouterr().out)
    s = svc.stats(o, fy)
    assert (got["received"], got["finished"], got["in_progress"]) == (s.received, s.finished, s.in_progress)
    assert got["received"] >= 4 and set(got["by_kind"]) == {"corruption", "grievance"}
    assert cli(data, "--user", "viewer", "complaints", "stats", "--fy", "2540", "--half") == 0
    out = capsys.readouterr().out
    assert "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in out and "รอบ 6 เดือนแรก" in out
    for s in secrets_of(o):
        assert s not in out


def test_status_cli_shows_only_status_and_dates(data, capsys):
    o = officer(data)
    c = next(c for c in svc.list_cases(o) if c.status == "referred")
    capsys.readouterr()
    assert cli(data, "--user", "viewer", "complaints", "status", c.code.lower()) == 0
    out = capsys.readouterr().out
    assert c.code in out and "ส่งเรื่องให้หน่วยงานอื่น" in out
    assert c.subject not in out and "ดำรงธรรม" not in out
    for s in secrets_of(o):
        assert s not in out
    assert cli(data, "--user", "viewer", "complaints", "status", "ZZZZ-ZZZZ-ZZ") == 1


def test_list_and_destruction_cli(data, capsys, tmp_path):
    assert cli(data, "--user", "viewer", "complaints", "list") == 1  # refused: not the complaints role
    assert cli(data, "--user", "complaints", "complaints", "list", "--overdue") == 0
    assert "!" in capsys.readouterr().out
    n = len(svc.list_cases(officer(data)))
    assert cli(data, "--user", "admin", "complaints", "purge") == 1  # replaced: says how, deletes nothing
    assert "destruction" in capsys.readouterr().err
    assert cli(data, "--user", "admin", "complaints", "destruction", "prepare") == 0
    assert "1 เรื่อง" in capsys.readouterr().out
    assert len(svc.list_cases(officer(data))) == n
    today = date.today().strftime("%d/%m/") + str(date.today().year + 543)
    assert cli(data, "--user", "admin", "complaints", "destruction", "destroy", "1", "--on", today) == 1  # not approved
    assert (
        cli(
            data,
            "--user",
            "admin",
            "complaints",
            "destruction",
            "committee",
            "1",
            "--order",
            "ที่ 5/2569",
            "--member",
            "นายหนึ่ง",
            "--member",
            "นายสอง",
            "--member",
            "นายสาม",
        )
        == 0
    )
    assert (
        cli(data, "--user", "admin", "complaints", "destruction", "approve", "1", "--on", today, "--by", "นายก อบต.")
        == 0
    )
    assert cli(data, "--user", "admin", "complaints", "destruction", "destroy", "1", "--on", today) == 0
    assert len(svc.list_cases(officer(data))) == n - 1
    assert cli(data, "--user", "admin", "complaints", "destruction", "export", "1", "-o", str(tmp_path / "l.csv")) == 0
    assert "รหัสรับเรื่อง" in (tmp_path / "l.csv").read_text(encoding="utf-8-sig")
    assert cli(data, "--user", "viewer", "complaints", "destruction", "list") == 1


def test_receipt_pdf_has_the_code_and_no_identity(data, tmp_path):
    o = officer(data)
    secrets = secrets_of(o)
    for c in svc.list_cases(o):
        out = tmp_path / f"r{c.id}.pdf"
        assert cli(data, "--user", "complaints", "pdf", "complaint-receipt", str(c.id), "-o", str(out)) == 0
        assert len(pages(out)) == 1
        text = squash(pdftotext(out))
        assert c.code in text  # Arabic digits, as it is typed back
        assert squash(c.subject) in text and squash(c.channel) in text
        assert "ใบรับเรื่องร้องเรียน" in text and "ขั้นตอนต่อไป" in text and "สอบถามสถานะ" in text
        for s in secrets:
            assert squash(s) not in text
        assert cli(data, "--user", "viewer", "verify-pdf", str(out)) == 0
    assert cli(data, "--user", "viewer", "pdf", "receipt", "1", "-o", str(tmp_path / "no.pdf")) == 1


def test_case_file_is_secret_and_complete(data, tmp_path):
    o = officer(data)
    c = next(c for c in svc.list_cases(o) if c.status == "closed" and c.fiscal_year > 2560)
    out = export_pdf(o, "casefile", tmp_path / "file.pdf", case_id=c.id)
    text = squash(pdftotext(out))
    assert text.startswith("ลับเลขที่") and "ลับ" in text  # the classification mark comes first
    ident = svc.identity(o, c.id)
    assert squash(ident.complainant_name) in text and squash(ident.details) in text
    for h in c.history:
        assert squash(h["actor"]) in text
    assert squash("ปรับตารางเก็บขยะ") in text and squash("โทรศัพท์แจ้งผู้ร้อง") in text
    assert cli(data, "--user", "executive", "pdf", "complaint-file", str(c.id), "-o", str(tmp_path / "x.pdf")) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_stats_pdf_half_and_year(data, tmp_path):
    o = officer(data)
    fy = svc.list_cases(o)[0].fiscal_year
    secrets = secrets_of(o)
    for half in (False, True):
        out = tmp_path / f"s{half}.pdf"
        args = ["--user", "viewer", "pdf", "complaint-stats", "--fy", str(fy), "-o", str(out)]
        assert cli(data, *args, *(["--half"] if half else [])) == 0
        text = to_arabic_digits(squash(pdftotext(out)))  # the office prints Thai digits
        assert squash(svc.statement(svc.stats(o, fy, half))) in text
        assert ("รอบ6เดือน" in text) == half
        # the title names its fiscal year (it read "… ประจำปี" with no year)
        title = to_arabic_digits(squash(pdftotext(out).split("\n\n")[0]))
        assert (f"รอบ6เดือนแรกปีงบประมาณพ.ศ.{fy}" if half else f"ประจำปีงบประมาณพ.ศ.{fy}") in title, title
        for s in secrets:
            assert squash(s) not in text
    empty = export_pdf(o, "stats", tmp_path / "empty.pdf", fy=2540)
    assert squash("ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ") in squash(pdftotext(empty))


def test_confidential_exports_stay_in_the_data_folder_listed_and_removable(data, tmp_path, capsys, monkeypatch):
    """Issue 14: the case file was written to the shared exports/ folder and left there; the
    receipt's file name carried the receipt code."""
    monkeypatch.chdir(tmp_path)
    o = officer(data)
    c = svc.list_cases(o)[0]
    capsys.readouterr()
    assert cli(data, "--user", "complaints", "pdf", "complaint-file", str(c.id)) == 0
    assert cli(data, "--user", "complaints", "pdf", "complaint-receipt", str(c.id)) == 0
    folder = Path(data) / "confidential-exports"
    made = sorted(p.name for p in folder.iterdir())
    assert len(made) == 2 and not (tmp_path / "exports").exists()
    assert not any(c.code in name or c.code.replace("-", "") in name for name in made)
    capsys.readouterr()
    assert cli(data, "--user", "complaints", "complaints", "exports") == 0
    listed = capsys.readouterr().out
    assert listed.count("complaints") >= 2 and "complaint-casefile" in listed
    assert cli(data, "--user", "viewer", "complaints", "exports") == 0  # not theirs: nothing listed
    assert "complaint-casefile" not in capsys.readouterr().out
    from ethics_tui.service import exports

    rows = exports.list_confidential(o)
    assert {r["user"] for r in rows} == {"complaints"}
    assert cli(data, "--user", "complaints", "complaints", "exports", "--remove", str(rows[0]["id"])) == 0
    assert len(list(folder.iterdir())) == 1
    assert len(exports.list_confidential(o)) == 1
    # the backup does not carry them
    from ethics_tui.store.backup import build_backup_bytes

    names = zipfile.ZipFile(io.BytesIO(build_backup_bytes(o.store))).namelist()
    assert not any("confidential-exports" in n for n in names)


def test_case_file_is_marked_secret_at_the_top_and_bottom_of_every_page(data, tmp_path):
    from ethics_tui.pdf.pagecheck import read_pages

    o = officer(data)
    c = next(c for c in svc.list_cases(o) if c.history)
    out = export_pdf(o, "casefile", tmp_path / "file.pdf", case_id=c.id)
    for page in read_pages(out):
        marks = [ln for ln in page.lines if ln.text.strip() == "ลับ"]
        assert any(ln.y1 < 20 * 72 / 25.4 for ln in marks), page.number  # top
        assert any(ln.y0 > page.height - 20 * 72 / 25.4 for ln in marks), page.number  # bottom


def test_receipt_number_says_which_year_it_counts(data, tmp_path):
    o = officer(data)
    c = svc.list_cases(o)[0]
    out = export_pdf(o, "receipt", tmp_path / "r.pdf", case_id=c.id)
    text = squash(pdftotext(out))
    assert squash(f"{c.number}/{c.fiscal_year} (ลำดับในปีงบประมาณ พ.ศ. {c.fiscal_year})") in text
