from __future__ import annotations

import hashlib

from ethics_tui.pdf import SAMPLE_KINDS, sha256_file


def test_sha256_file_matches_and_detects_change(samples, tmp_path):
    path = samples["slip"]
    data = path.read_bytes()
    assert sha256_file(path) == hashlib.sha256(data).hexdigest()
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(data.replace(b"/Author", b"/Auth0r", 1))
    assert sha256_file(altered) != sha256_file(path)


def test_sample_kinds():
    assert SAMPLE_KINDS == ("order", "announcement", "circular", "signoff", "report", "slip", "memo")
