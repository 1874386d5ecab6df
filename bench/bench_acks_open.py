"""`staff list` with 300 circulars against with 1 (issue 20, item 3: acknowledgement files are
read only when needed). 1,000 staff; each circular has its acknowledgement file of 1,000 rows.

    python bench/bench_acks_open.py

Whole-process wall time and peak RSS of ``ethics-tui staff list --json`` (setup mode: no
sign-in), median of 5 interleaved runs; the ratio 300 ÷ 1 (target <= 1.2).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_growth import ENV, PY, ROOT, run  # noqa: E402

RUNS = 5


def main() -> None:
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "ethics_tui")], env=ENV, check=False)
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for n_docs in (1, 300):
            folder = Path(tmp) / f"o{n_docs}"
            t = time.perf_counter()
            subprocess.run(
                [
                    PY,
                    "-c",
                    f"import sys; sys.path.insert(0, {str(HERE)!r}); import bench_notices as b; "
                    f"from pathlib import Path; b.office(Path({str(folder)!r}), {n_docs})",
                ],
                check=True,
                env={**os.environ, "PYTHONPATH": str(HERE.parent)},
            )
            folders[n_docs] = folder
            print(f"set up {n_docs} circular(s) x 1,000 staff in {time.perf_counter() - t:.1f} s", flush=True)
        res: dict[int, list[dict]] = {1: [], 300: []}
        for _ in range(RUNS):
            for n_docs, folder in folders.items():
                res[n_docs].append(
                    run([PY, "-m", "ethics_tui", "--data", str(folder), "staff", "list", "--json"], folder)
                )
    t = {n: statistics.median(x["wall"] for x in r) for n, r in res.items()}
    m = {n: statistics.median(x["rss_mib"] for x in r) for n, r in res.items()}
    print("== staff list, 1,000 staff: 1 circular vs 300 circulars ==")
    for n in (1, 300):
        print(f"{n:>4} circular(s): {t[n] * 1000:.0f} ms, peak RSS {m[n]:.0f} MiB")
    print(f"ratio 300 / 1: time {t[300] / t[1]:.2f} (target <= 1.2), memory {m[300] / m[1]:.2f}")


if __name__ == "__main__":
    main()
