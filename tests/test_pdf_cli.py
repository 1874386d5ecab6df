import io
import json
import sys

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.service.context import Context


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 20))


def test_pdf_sample_is_audited_and_verify_pdf_tells_altered_from_unaltered(tmp_path, capsys):
    data = tmp_path / "data"
    fast_demo(Context.open(data, actor="tester"))
    out = tmp_path / "slip.pdf"
    assert main(["--data", str(data), "--user", "viewer", "pdf", "sample", "slip", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    entry = [json.loads(x) for x in (data / "audit.jsonl").read_text(encoding="utf-8").splitlines()][-1]
    assert entry["action"] == "export-pdf" and entry["kind"] == "sample-slip"
    from ethics_tui.pdf.authenticity import sha256_file
    from ethics_tui.service.exports import find_export

    record = find_export(Context.open(data).store, sha256_file(out))
    assert record["kind"] == "sample-slip" and record["user"] == "viewer" and record["at"]
    assert record["sha256"] == sha256_file(out) and "note" not in record
    capsys.readouterr()
    assert main(["--data", str(data), "--user", "viewer", "verify-pdf", str(out)]) == 0
    said = capsys.readouterr().out
    assert "ต้นฉบับถูกต้อง" in said
    assert "แบบอักษร: Sarabun (bundled) scaled 0.683" in said  # the font used, from the PDF's metadata
    assert main(["--data", str(data), "verify"]) == 0
    assert "แบบอักษรเอกสาร: Sarabun" in capsys.readouterr().out
    altered = tmp_path / "altered.pdf"
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    altered.write_bytes(bytes(raw))
    assert main(["--data", str(data), "--user", "viewer", "verify-pdf", str(altered)]) == 1
    assert "ไม่ใช่เอกสาร" in capsys.readouterr().err
    assert main(["--data", str(data), "--user", "viewer", "verify-pdf", str(tmp_path / "missing.pdf")]) == 1
    # another office's folder does not know this file
    other = tmp_path / "other"
    assert main(["--data", str(other), "demo"]) == 0
    assert main(["--data", str(other), "pdf", "sample", "slip", "-o", str(tmp_path / "x.pdf")]) == 1
    assert main(["--data", str(other), "--user", "viewer", "verify-pdf", str(out)]) == 1


def test_verify_pdf_cannot_be_fooled_by_a_file_name(tmp_path, capsys):
    """Issue 14: exporting any PDF to a file named ``x sha256:<hash of a forgery>.pdf`` made
    ``verify-pdf forgery.pdf`` answer "unaltered export" (the hash was searched in the note)."""
    import hashlib

    data = tmp_path / "data"
    fast_demo(Context.open(data, actor="tester"))
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(b"%PDF-1.4 forged order\n")
    digest = hashlib.sha256(forged.read_bytes()).hexdigest()
    trap = tmp_path / f"x sha256:{digest}.pdf"
    assert main(["--data", str(data), "--user", "viewer", "pdf", "sample", "slip", "-o", str(trap)]) == 0
    capsys.readouterr()
    assert main(["--data", str(data), "--user", "viewer", "verify-pdf", str(forged)]) == 1
    assert "ไม่ใช่เอกสาร" in capsys.readouterr().err
    assert main(["--data", str(data), "--user", "viewer", "verify-pdf", str(trap)]) == 0


def test_export_records_are_signed_with_the_office_key(tmp_path, capsys):
    from ethics_tui.service.exports import EXPORTS_DB

    data = tmp_path / "data"
    fast_demo(Context.open(data, actor="tester"))
    out = tmp_path / "slip.pdf"
    assert main(["--data", str(data), "--user", "viewer", "pdf", "sample", "slip", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["--data", str(data), "--user", "hr", "verify-pdf", str(out)]) == 0
    said = capsys.readouterr().out
    assert "ต้นฉบับถูกต้อง" in said and "ลงนามด้วยกุญแจของสำนักงาน" in said
    store = Context.open(data).store
    signing = store.load(EXPORTS_DB)["signing"]["1"]
    users = {d["username"] for d in store.load()["users"].values()}
    assert set(signing["grants"]) == users  # wrapped to every active user, never stored in clear
    assert all("c" in box and "epk" in box for box in signing["grants"].values())
    # someone edits the record in the file (who made it): the signature no longer matches
    with store.transaction(EXPORTS_DB, actor="intruder") as tx:
        rec = next(iter(tx.table("exports").all()))
        tx.put("exports", rec.doc_id, {**rec, "user": "admin"})
    assert main(["--data", str(data), "--user", "hr", "verify-pdf", str(out)]) == 1
    assert "ถูกแก้ไข" in capsys.readouterr().err
