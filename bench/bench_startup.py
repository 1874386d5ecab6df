"""App start to first screen, against a bare Textual app showing an empty DataTable.

    python bench/bench_startup.py

Each app runs headless in a fresh interpreter and exits as soon as its first screen is ready
(ours via ETHICS_TUI_EXIT_ON_READY=1), on a demo office. Median wall time of several runs,
and the ratio (target <= 1.5).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

BARE = """
from textual.app import App
from textual.widgets import DataTable
class Bare(App):
    def compose(self):
        yield DataTable()
    def on_ready(self):
        self.exit()
Bare().run(headless=True)
"""

OURS = """
import sys
from pathlib import Path
from ethics_tui.tui.app import EthicsApp
EthicsApp(Path(sys.argv[1]), "th").run(headless=True)
"""


def _time(code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ETHICS_TUI_EXIT_ON_READY": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled, as installed (bench_growth.py says why)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"app failed to start:\n{proc.stderr[-2000:]}")
    return elapsed


def main() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ethics_tui")], check=False)
    with tempfile.TemporaryDirectory() as d:
        data = Path(d) / "data"
        subprocess.run(
            [sys.executable, "-m", "ethics_tui", "--data", str(data), "demo"],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        _time(BARE), _time(OURS, str(data))  # warm the OS file cache
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine noise
            bare.append(_time(BARE))
            ours.append(_time(OURS, str(data)))
    b, o = statistics.median(bare), statistics.median(ours)
    print("== start-up (process start to first screen, headless, demo office) ==")
    print(
        f"bare Textual + DataTable: {b * 1000:.0f} ms; ethics-tui: {o * 1000:.0f} ms; ratio {o / b:.2f} (target <= 1.5)"
    )


if __name__ == "__main__":
    main()
