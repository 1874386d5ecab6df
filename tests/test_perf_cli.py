"""Command-line details of issue 20: exit codes, a closed pipe, and read-only commands' imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], close_stdout: bool = False, stdin: bytes = b"demo1234\n") -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "ethics_tui", *args], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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
