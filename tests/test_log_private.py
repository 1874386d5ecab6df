"""The crash log (logfile.py) is readable by this account only: a traceback may quote a value
of the record being handled. The TUI's log and the CLI's crash log alike; an older log made
0644 in a 0755 folder is tightened."""

from __future__ import annotations

import os
import stat

import pytest

from ethics_tui.logfile import open_log

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_log_and_its_folder_are_private(tmp_path):
    path = open_log(tmp_path / "logs")
    assert (_mode(path), _mode(path.parent)) == (0o600, 0o700)


def test_an_older_open_log_is_tightened_and_kept(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    old = folder / "ethics-tui.log"
    old.write_text("earlier lines\n")
    old.chmod(0o644)
    path = open_log(folder)
    assert (_mode(path), _mode(folder)) == (0o600, 0o700)
    assert path.read_text() == "earlier lines\n"


def test_the_tui_and_the_cli_write_their_logs_private(tmp_path, demo_ctx, monkeypatch, capsys):
    from ethics_tui.cli import main
    from ethics_tui.tui.crash import setup_logging

    tui_log = setup_logging(tmp_path / "a")
    assert _mode(tui_log) == 0o600

    import ethics_tui.service.staff as staff_svc

    def boom(*a, **k):
        raise ZeroDivisionError("x")

    data = demo_ctx.store.dir
    monkeypatch.setattr(staff_svc, "search", boom)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("demo1234\n"))
    assert main(["--data", str(data), "--user", "viewer", "staff", "list"]) == 1
    log = data / "logs" / "ethics-tui.log"
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert (_mode(log), _mode(log.parent)) == (0o600, 0o700)
