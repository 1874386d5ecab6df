import io
import json
import sys

import pytest

from ethics_tui.cli import main


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 20))


def test_pdf_sample_is_audited_and_verify_pdf_tells_altered_from_unaltered(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data", str(data), "demo"]) == 0
    out = tmp_path / "slip.pdf"
    assert main(["--data", str(data), "--user", "viewer", "pdf", "sample", "slip", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    entry = [json.loads(x) for x in (data / "audit.jsonl").read_text(encoding="utf-8").splitlines()][-1]
    assert entry["action"] == "export-pdf" and entry["kind"] == "sample-slip" and "sha256:" in entry["note"]
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
