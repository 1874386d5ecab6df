"""One process, many staff saves on one office, each followed by an append + fsync of the record.

    python bench/save_loop.py DATA_DIR [N] [--profile]

Prints medians and quartiles of the save's wall time and CPU time (``time.process_time``, less
noisy on a busy machine), of the append+fsync, and of their ratio round by round. DATA_DIR is an
office built by ``bench_growth.py --build DATA_DIR 30000`` (the saves change one phone number).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def quartiles(xs: list[float]) -> str:
    q = statistics.quantiles(xs, n=4)
    return f"{q[0]:.3f} / {statistics.median(xs):.3f} / {q[2]:.3f}"


def main() -> None:
    from ethics_tui.service import staff as staff_svc
    from ethics_tui.service.context import Context
    from ethics_tui.service.users import sign_in

    data = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 40
    ctx = Context.open(data, actor="bench")
    sign_in(ctx, "hr", "demo1234")
    ctx.store.compact_in_background = False
    ids = sorted(int(k) for k in ctx.store.load()["staff"])
    target = ids[len(ids) // 2]
    floor = data / "floor.bin"
    wall, cpu, app, ratio = [], [], [], []
    prof = None

    def one() -> None:
        s = staff_svc.get(ctx, target)
        s.phone = f"08{time.time_ns() % 10**8:08d}"
        t, c = time.perf_counter(), time.process_time()
        if prof is not None:
            prof.enable()
        staff_svc.update(ctx, s)
        if prof is not None:
            prof.disable()
        w = time.perf_counter() - t
        wall.append(w * 1000)
        cpu.append((time.process_time() - c) * 1000)
        line = (json.dumps(s.to_dict(), ensure_ascii=False) + "\n").encode()
        t = time.perf_counter()
        with open(floor, "ab") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        a = time.perf_counter() - t
        app.append(a * 1000)
        ratio.append(w / a)

    for _ in range(3):
        one()  # warm: the transaction's cache holds the staff table
    wall.clear(), cpu.clear(), app.clear(), ratio.clear()
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        for _ in range(n):
            one()
        stats = pstats.Stats(prof).sort_stats(os.environ.get("SORT", "tottime"))
        stats.print_stats(int(os.environ.get("TOP", "30")))
        if os.environ.get("CALLERS"):
            stats.print_callers(os.environ["CALLERS"])
    else:
        for _ in range(n):
            one()
    os.remove(floor)
    if os.environ.get("SAVE_LOOP_JSON"):  # raw figures, for a driver that interleaves trees
        with open(os.environ["SAVE_LOOP_JSON"], "a") as f:
            f.write(json.dumps({"wall": wall, "cpu": cpu, "append": app, "ratio": ratio}) + "\n")
    print(f"n={n}  quartiles (ms)")
    print(f"save wall       {quartiles(wall)}")
    print(f"save cpu        {quartiles(cpu)}")
    print(f"append+fsync    {quartiles(app)}")
    print(f"ratio per round {quartiles(ratio)}")


if __name__ == "__main__":
    main()
