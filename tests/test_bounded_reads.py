"""Files the user names are read bounded, regular files only (service/input_files.py), and a
refusal writes nothing (QA2, harden): the restore limits beyond QA2's findings (compression
ratio, free disk space), verify-pdf's chunked font note, the criteria file, the training
export's suffix, a font file that is a FIFO, a preset name on one line."""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from datetime import date

import pytest

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.service import backups


def _audit_but_logins(folder) -> list[str]:
    lines = (folder / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if '"action":"login"' not in ln]


def _snapshot(folder) -> dict:
    """Every file the office owns (not backups/ or logs/), with its bytes."""
    skip = ("backups", "logs")
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in skip
    }


def _with_attachment(ctx, tmp_path, rel: str, data: bytes):
    """A real backup of the office with one more attachment (its hash in the manifest)."""
    import hashlib

    good = backups.backup_now(ctx, out=tmp_path / "good.zip")
    out = tmp_path / "crafted.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        manifest = json.loads(src.read("manifest.json"))
        for info in src.infolist():
            if info.filename != "manifest.json":
                zf.writestr(info, src.read(info))
        zf.writestr(rel, data)
        manifest["files"][rel] = hashlib.sha256(data).hexdigest()
        zf.writestr("manifest.json", json.dumps(manifest))
    return out


def test_restore_refuses_a_member_compressed_like_a_zip_bomb_and_changes_nothing(demo_ctx, tmp_path):
    """10 MB of zeros (under the 50 MB enclosure limit) packed 1000:1 is refused before any
    member is unpacked: the office, its audit log and its files/ stay as they were."""
    folder = demo_ctx.store.dir
    path = _with_attachment(demo_ctx, tmp_path, "files/notices/zeros.pdf", b"\0" * (10 << 20))
    before, audit = _snapshot(folder), _audit_but_logins(folder)
    with pytest.raises(UserError) as exc:
        backups.restore(demo_ctx, path)
    assert "บีบอัดมากผิดปกติ" in exc.value.th and "ไม่ได้กู้คืน" in exc.value.th
    assert "zip bomb" in exc.value.en
    assert _snapshot(folder) == before and _audit_but_logins(folder) == audit
    assert not [p for p in folder.iterdir() if p.name.startswith(".stage-")]


def test_restore_refuses_a_backup_larger_than_the_free_disk_space(demo_ctx, tmp_path, monkeypatch):
    import shutil
    from collections import namedtuple

    path = backups.backup_now(demo_ctx, out=tmp_path / "good.zip")
    before = _snapshot(demo_ctx.store.dir)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10**9, 10**9 - 1000, 1000))
    with pytest.raises(UserError, match="พื้นที่ว่างในดิสก์ไม่พอ"):
        backups.restore(demo_ctx, path)
    assert _snapshot(demo_ctx.store.dir) == before


def test_the_font_note_is_found_in_chunks_wherever_it_is():
    """verify-pdf reads the file in chunks (never whole): the note at the end, across a chunk
    boundary far from the end, or missing."""
    from ethics_tui.pdf.fonts import font_note_of

    note = b"/Keywords (font: Sarabun \\(bundled\\))"
    at_end = io.BytesIO(b"%PDF-1.7\n" + b"x" * (3 << 20) + note + b"\n%%EOF")
    across = io.BytesIO(b"x" * ((1 << 20) - 10) + note + b"y" * (200 << 10))  # cut by the first chunk
    assert font_note_of(at_end) == "font: Sarabun (bundled)"
    assert font_note_of(across) == "font: Sarabun (bundled)"
    assert font_note_of(io.BytesIO(b"%PDF-1.7\n" + b"z" * 100_000)) == ""


def _cli(folder, monkeypatch, *args: str) -> int:
    from ethics_tui.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    return main(["--data", str(folder), *args])


def test_the_criteria_file_is_read_as_utf8_text(demo_ctx, tmp_path, monkeypatch, capsys):
    from ethics_tui.service import appraisal

    good = tmp_path / "criteria.txt"
    good.write_text("\ufeffหลักเกณฑ์การประเมิน รอบที่ ๑\n", encoding="utf-8")
    args = ["--user", "hr", "appraisal", "new", "--fy", "2575", "--round", "1", "--criteria"]
    assert _cli(demo_ctx.store.dir, monkeypatch, *args, str(good)) == 0
    rnd = next(r for r in appraisal.list_rounds(demo_ctx) if r.fiscal_year == 2575)
    assert rnd.criteria_text == "หลักเกณฑ์การประเมิน รอบที่ ๑"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("critères".encode("latin-1"))
    args[5] = "2576"
    assert _cli(demo_ctx.store.dir, monkeypatch, *args, str(latin1)) == 1
    assert "ไม่ใช่ข้อความ UTF-8" in capsys.readouterr().err
    assert not [r for r in appraisal.list_rounds(demo_ctx) if r.fiscal_year == 2576]


def test_training_export_writes_what_the_name_says(demo_ctx, tmp_path, monkeypatch, capsys):
    from openpyxl import load_workbook

    from ethics_tui.thai.dates import fiscal_year

    fy = str(fiscal_year(date.today()))
    for name in ("stats.csv", "stats.xlsx"):
        assert (
            _cli(
                demo_ctx.store.dir,
                monkeypatch,
                "--user",
                "hr",
                "training",
                "export",
                "--fy",
                fy,
                "-o",
                str(tmp_path / name),
            )
            == 0
        )
    text = (tmp_path / "stats.csv").read_bytes().decode("utf-8-sig")
    book = load_workbook(tmp_path / "stats.xlsx", read_only=True)
    for title in book.sheetnames:  # every sheet of the workbook is a titled section of the CSV
        assert f"\r\n{title}\r\n" in "\r\n" + text
    assert f"ปีงบประมาณ,{fy}" in text
    out = tmp_path / "stats.pdf"
    assert _cli(demo_ctx.store.dir, monkeypatch, "--user", "hr", "training", "export", "--fy", fy, "-o", str(out)) == 1
    assert ".xlsx" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("kind", ["fifo", "3 GB"])
def test_a_font_file_that_is_a_fifo_or_huge_is_not_used(tmp_path, kind):
    """The settings' font file is read whole by fpdf2: a FIFO, a device or a huge file is
    passed over for the bundled font instead of hanging every export or exhausting memory."""
    from ethics_tui.pdf import fonts

    font = tmp_path / "THSarabunNew.ttf"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(font)
    else:
        with open(font, "wb") as f:
            f.truncate(3 << 30)  # sparse: nothing is written
    assert fonts.choose.__wrapped__(str(font)).source != "settings"


def test_a_preset_name_is_one_line(demo_ctx):
    from ethics_tui.service import staff_mapping

    preset = staff_mapping.Preset("ชุดที่ ๑\nบรรทัดสอง", {"code": "รหัส", "full_name": "ชื่อ-สกุล"})
    with pytest.raises(ValidationError) as exc:
        staff_mapping.save_preset(demo_ctx, preset)
    assert "อักขระควบคุม" in exc.value.errors["name"][0]
