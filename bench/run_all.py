"""`make bench`: every benchmark, each printing ratios against a baseline from the same run."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# bench_growth.py: the growth table (sizes from ETHICS_BENCH_SIZES, default 100,1000,10000;
# add 30000 for the largest offices: about five more minutes)
for name in (
    "bench_store.py",
    "bench_startup.py",
    "bench_pdf.py",
    "bench_notices.py",
    "bench_report.py",
    "bench_acks_open.py",
    "bench_growth.py",
):
    path = HERE / name
    if path.exists():
        print(f"\n### {name}", flush=True)
        try:
            runpy.run_path(str(path), run_name="__main__")
        except SystemExit as exc:  # a benchmark's own exit code must not stop the others
            if exc.code not in (0, None):
                print(f"{name} exited with {exc.code}")
