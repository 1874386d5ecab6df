"""The CLI prints what a document wants the user to know after an export (issue 13: no
emblem file is set), once, in the chosen language; a document with nothing to say prints nothing."""

import io
import sys

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.service.context import Context


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 20))


def test_missing_emblem_is_printed_after_the_export(tmp_path, capsys):
    data = tmp_path / "data"
    fast_demo(Context.open(data, actor="tester"))
    capsys.readouterr()
    assert main(["--data", str(data), "--user", "viewer", "pdf", "sample", "order", "-o", str(tmp_path / "o.pdf")]) == 0
    err = capsys.readouterr().err
    assert err.count("คำเตือน:") == 1 and "ตราครุฑ" in err
    args = [
        "--data",
        str(data),
        "--lang",
        "en",
        "--user",
        "viewer",
        "pdf",
        "sample",
        "announcement",
        "-o",
        str(tmp_path / "a.pdf"),
    ]
    assert main(args) == 0
    assert "Warning: No emblem image is set" in capsys.readouterr().err
    assert main(["--data", str(data), "--user", "viewer", "pdf", "sample", "slip", "-o", str(tmp_path / "s.pdf")]) == 0
    assert "คำเตือน" not in capsys.readouterr().err  # a slip has no emblem
