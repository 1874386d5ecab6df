"""Command-line details of issue 20: exit codes, a closed pipe, and read-only commands' imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], close_stdout: bool = False, stdin: bytes = b"demo1234\n") -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ethics_tui", *args],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if close_stdout:
        proc.stdout.close()  # the reader is gone before the first line is printed (`| head -0`)
    _out, err = proc.communicate(stdin, timeout=120) if not close_stdout else (None, None)
    if close_stdout:
        proc.stdin.write(stdin)
        proc.stdin.close()
        err = proc.stderr.read()
        proc.wait(timeout=120)
    return proc.returncode, err.decode()


def test_a_closed_pipe_is_not_an_unexpected_error(demo_ctx):
    data = demo_ctx.store.dir
    rc, err = _run(["--data", str(data), "--user", "viewer", "staff", "list", "--json"], close_stdout=True)
    assert rc == 141
    assert err == ""
    assert not (data / "logs" / "ethics-tui.log").exists()  # nothing logged as a crash


HEAVY = (
    "textual",
    "tinydb",
    "fpdf",
    "cryptography",
    "pythainlp",
    "openpyxl",
    "filelock",
    "ethics_tui.store",
    "ethics_tui.service.complaints_docs",
    "ethics_tui.service.training_docs",
)

PROBE = """
import contextlib, io, sys
from ethics_tui.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(" ".join(sorted(sys.modules)))
"""


def _modules_after(args: list[str], stdin: str = "") -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return set(out.splitlines()[-1].split())


def test_help_imports_no_storage_pdf_or_screen_code():
    mods = _modules_after(["--help"])
    assert "ethics_tui.cli" in mods
    assert not [m for m in mods if m.split(".")[0] in HEAVY or m in HEAVY or m.startswith(HEAVY)]


def test_a_read_only_listing_imports_no_pdf_spreadsheet_or_screen_code(demo_ctx):
    mods = _modules_after(
        ["--data", str(demo_ctx.store.dir), "--user", "viewer", "staff", "list", "--json"], "demo1234\n"
    )
    assert "ethics_tui.service.staff" in mods
    assert not [
        m
        for m in mods
        if m.startswith(
            (
                "textual",
                "fpdf",
                "pythainlp",
                "openpyxl",
                "ethics_tui.pdf.base",
                "ethics_tui.tui",
                "ethics_tui.service.complaints_docs",
                "ethics_tui.service.training_docs",
            )
        )
    ]
