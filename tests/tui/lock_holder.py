"""Another process holding the store's lock file (.ethics.lock), for the tests of writes that
wait for it (tests/tui/test_saves_worker.py, test_keyboard_writes.py). The holder keeps the lock
until the test lets go, so no test depends on how long anything takes."""

from __future__ import annotations

import json
import subprocess
import sys

from ethics_tui.store.database import AUDIT_FILE, LOCK_FILE

# holds the lock until a line arrives on stdin (or 60 s pass), then exits
HOLDER = """
import sys, threading
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
t = threading.Thread(target=sys.stdin.readline, daemon=True)
t.start()
t.join(60)
lock.release()
"""


def hold_lock(data_dir) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir / LOCK_FILE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def let_go(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    proc.wait(timeout=30)


def lock_timeout(app, seconds: float) -> None:
    """Make the app's next write wait at most ``seconds`` for the lock."""
    app.ctx.store.lock_timeout = seconds
    app.ctx.store._flock = None  # made again with this timeout on the next write


async def wait_while(pilot, busy, steps: int = 600) -> None:
    """Pause until ``busy()`` is false: a bound, not a timing (writes end when the lock is free)."""
    for _ in range(steps):
        if not busy():
            break
        await pilot.pause(0.05)
    await pilot.pause()


def audit_entries(data_dir) -> list[dict]:
    lines = (data_dir / AUDIT_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def audit_lines(data_dir) -> int:
    return len(audit_entries(data_dir))
