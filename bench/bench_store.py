"""Storage benchmarks, as ratios against stock TinyDB measured in the same run.

    python bench/bench_store.py

- a single staff save at 100 / 1,000 / 10,000 staff: ours (service checks + lock + atomic
  write to a temp file + fsync of file and folder + audit entry) against stock TinyDB 4.9
  ``JSONStorage`` doing the same update on the same data (it rewrites the file in place and
  fsyncs it, without a temp file, folder fsync, lock or audit). Ours and stock alternate,
  one save each in turn, so that machine noise hits both alike;
- import of 5,000 rows: time, and how many times the database file is written (target: 1).
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_staff
from ethics_tui.service.staff_io import import_file

REPEATS = 15


def _fill(ctx: Context, n: int) -> None:
    with ctx.store.transaction() as tx:
        ids = tx.table("divisions").insert_multiple({"name": f"กอง{i}", "active": True, "rev": 1} for i in range(8))
        people = []
        while len(people) < n:
            people.extend(demo_staff(ids, seed=len(people)))
        rows = []
        for i, p in enumerate(people[:n]):
            p.code = f"{i:06d}"
            rows.append(p.to_dict())
        tx.table("staff").insert_multiple(rows)


def _interleaved(*fns) -> list[float]:
    """Median time of each function, run in turns (a, b, a, b, ...)."""
    times: list[list[float]] = [[] for _ in fns]
    for i in range(REPEATS):
        for fn, out in zip(fns, times):
            t = time.perf_counter()
            fn(i)
            out.append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]


def bench_single_save(n: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as d:
        ctx = Context.open(Path(d) / "ours", actor="bench")
        _fill(ctx, n)
        raw = ctx.store.load()
        # stock TinyDB on the same data
        stock_path = Path(d) / "stock.json"
        stock = TinyDB(stock_path)
        stock.storage.write({k: v for k, v in raw.items()})
        stock_table = stock.table("staff")
        target = 1 + n // 2

        def ours(i: int) -> None:
            s = staff_svc.get(ctx, target)
            s.phone = f"08{i:08d}"
            staff_svc.update(ctx, s)

        def theirs(i: int) -> None:
            stock_table.update({"phone": f"08{i:08d}"}, doc_ids=[target])

        t_ours, t_stock = _interleaved(ours, theirs)
        stock.close()
        return t_ours, t_stock


def bench_import(rows: int = 5000) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "staff.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["รหัส", "คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "กอง", "ประเภทบุคลากร", "วันที่เริ่มงาน"])
            for i in range(rows):
                w.writerow(
                    [f"{i:05d}", "นาย", f"สมชาย{i}", "ใจดี", "นักวิชาการ", f"กอง{i % 8}", "พนักงานส่วนตำบล", "01/10/2560"]
                )
        ctx = Context.open(Path(d) / "data", actor="bench")
        writes = []
        real = ctx.store._commit  # every save of a database file goes through _commit
        ctx.store._commit = lambda name, *a, **k: (writes.append(name), real(name, *a, **k))
        t = time.perf_counter()
        plan = import_file(ctx, path)
        elapsed = time.perf_counter() - t
        assert plan.ok and plan.added == rows
        return elapsed, len(writes)


def bench_size(n: int = 1000) -> tuple[int, int]:
    """Bytes of the staff data as we write it (UTF-8) and as stock TinyDB does (\\u escapes)."""
    import json

    with tempfile.TemporaryDirectory() as d:
        ctx = Context.open(Path(d) / "data", actor="bench")
        _fill(ctx, n)
        staff = ctx.store.load()["staff"]
        return len(json.dumps(staff, ensure_ascii=False).encode()), len(json.dumps(staff).encode())


def main() -> None:
    print("== storage ==")
    print(f"{'staff':>7} {'ours (ms)':>10} {'stock TinyDB (ms)':>18} {'ratio':>7}  (target <= 1.5 at 10,000)")
    for n in (100, 1000, 10000):
        ours, stock = bench_single_save(n)
        print(f"{n:>7} {ours * 1000:>10.2f} {stock * 1000:>18.2f} {ours / stock:>7.2f}")
    ours_b, stock_b = bench_size()
    print(
        f"1,000 staff records: {ours_b:,} bytes as UTF-8 vs {stock_b:,} with \\u escapes "
        f"({100 * (1 - ours_b / stock_b):.0f}% smaller)"
    )
    elapsed, writes = bench_import()
    print(f"import 5,000 rows: {elapsed:.2f} s, database file written {writes} time(s) (target 1)")


if __name__ == "__main__":
    main()
