"""Benchmark of acknowledgements (issue 6): the cost of one tick at 1 / 30 / 300 documents x
1,000 staff, 1,000 ticks in a row, issuing to 1,000 staff, and coverage at 1,000 x 20.

Baseline, measured in the same run: the naive layout, every acknowledgement of every document
in one file that is rewritten whole (atomically, fsynced, like ours) on each tick.

    .venv/bin/python bench/bench_notices.py [--ticks 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ethics_tui.model.notices import Notice
from ethics_tui.service import notices, notices_acks
from ethics_tui.service.context import Context
from ethics_tui.store import database

STAFF = 1000


def office(folder: Path, n_docs: int) -> tuple[Context, list[int]]:
    """1,000 staff in 8 divisions and ``n_docs`` published circulars (setup mode: no users)."""
    ctx = Context.open(folder, actor="bench")
    with ctx.store.transaction(actor="bench") as tx:
        divs = tx.table("divisions").insert_multiple({"name": f"กอง {i}", "active": True, "rev": 1} for i in range(8))
        tx.table("staff").insert_multiple(
            {
                "prefix": "นาย",
                "first_name": f"ทดสอบ{i}",
                "last_name": "ใจดี",
                "position": "เจ้าพนักงาน",
                "division_id": divs[i % 8],
                "staff_type": "พนักงานส่วนตำบล",
                "code": f"{i:05d}",
                "active": True,
                "rev": 1,
            }
            for i in range(STAFF)
        )
        ids = tx.table("notices").insert_multiple(
            Notice(
                kind="circular",
                title=f"หนังสือเวียน {k}",
                to="ทุกท่าน",
                body="x",
                status="published",
                number=k + 1,
                issued_on="2025-01-01",
                dated="2025-01-01",
                audience_size=STAFF,
                rev=1,
            ).to_dict()
            for k in range(n_docs)
        )
    audience = [(int(k), s["division_id"]) for k, s in ctx.store.load()["staff"].items()]
    for nid in ids:
        notices_acks.create_sheet(ctx, nid, audience, date(2025, 1, 1))
    return ctx, ids


def time_ticks(ctx: Context, notice_id: int, n: int) -> list[float]:
    people = [p.staff_id for p in notices_acks.people(ctx, notice_id)][:n]
    out = []
    for sid in people:
        t0 = time.perf_counter()
        notices_acks.acknowledge(ctx, notice_id, [sid])
        out.append(time.perf_counter() - t0)
    return out


def naive_ticks(folder: Path, n_docs: int, n: int) -> list[float]:
    """Every acknowledgement in one file ("acks-0.json"), rewritten whole per tick."""
    ctx = Context.open(folder, actor="bench")
    docs = {
        d * STAFF + s + 1: {"notice": d, "staff_id": s, "status": "pending", "date": "", "method": "", "by": ""}
        for d in range(n_docs)
        for s in range(STAFF)
    }
    with ctx.store.transaction("acks-0", actor="bench") as tx:
        tx.table("acks")._update_table(lambda t: t.update(docs))
    out = []
    for k in range(n):
        t0 = time.perf_counter()
        with ctx.store.transaction("acks-0", actor="bench") as tx:
            doc = dict(ctx.store.load("acks-0")["acks"][str(k + 1)])
            doc.update(status="acknowledged", date="2025-01-02", method="sheet", by="bench")
            tx.put("acks", k + 1, doc)
            tx.log("acknowledge", "acks", f"0:{k}", ["status", "date", "method", "by"])
        out.append(time.perf_counter() - t0)
    return out


def count_writes(func) -> tuple[object, int]:
    calls = 0
    real = database.atomic_write_bytes

    def counting(path, data, **options):
        nonlocal calls
        calls += 1
        real(path, data, **options)

    database.atomic_write_bytes = counting
    try:
        return func(), calls
    finally:
        database.atomic_write_bytes = real


def ms(xs: list[float]) -> float:
    return statistics.median(xs) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ticks", type=int, default=200, help="ticks timed per case")
    ap.add_argument("--naive-ticks", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = {}
        for n_docs in (1, 30, 300):
            t0 = time.perf_counter()
            cases[n_docs] = office(root / f"o{n_docs}", n_docs)
            print(f"set up {n_docs:>3} documents x {STAFF} staff in {time.perf_counter() - t0:.1f} s")
        os.sync()  # let the disk absorb the set-up writes before timing fsynced ticks
        time.sleep(1)
        # interleaved rounds, so that machine noise hits every case alike
        queues = {n: [p.staff_id for p in notices_acks.people(c[0], c[1][-1])] for n, c in cases.items()}
        times: dict[int, list[float]] = {n: [] for n in cases}
        for k in range(args.ticks):
            for n_docs, (ctx, ids) in cases.items():
                t0 = time.perf_counter()
                notices_acks.acknowledge(ctx, ids[-1], [queues[n_docs][k]])
                times[n_docs].append(time.perf_counter() - t0)
        rows = []
        for n_docs, ticks in times.items():
            rows.append((n_docs, ms(ticks)))
            print(
                f"{n_docs:>4} documents x {STAFF} staff: one tick median {ms(ticks):.2f} ms "
                f"(p90 {sorted(ticks)[int(len(ticks) * 0.9)] * 1000:.2f} ms)"
            )
        ctx, ids = cases[30]
        t0 = time.perf_counter()
        done = time_ticks(ctx, ids[0], STAFF)
        total = time.perf_counter() - t0
        print(f"1,000 ticks in a row on one document (30 documents): {total:.2f} s ({ms(done):.2f} ms median)")
        draft = notices.save_draft(
            ctx, Notice(kind="circular", title="ออกใหม่", to="ทุกท่าน", body="x", dated="2025-01-01")
        )
        t0 = time.perf_counter()
        _, writes = count_writes(lambda: notices.publish(ctx, draft.id))
        print(
            f"issuing a circular to {STAFF} staff: {(time.perf_counter() - t0) * 1000:.0f} ms, {writes} file writes "
            "(its acknowledgement file + main.json)"
        )
        naive = naive_ticks(root / "naive", 300, args.naive_ticks)
        print(f"naive one-file layout at 300 documents: one tick median {ms(naive):.1f} ms")
        base = rows[0][1]
        for n_docs, t in rows:
            print(f"ratio {n_docs:>3} docs / 1 doc: {t / base:.2f}x")
        print(f"ratio naive / ours at 300 docs: {ms(naive) / rows[-1][1]:.1f}x")
        ctx, ids = office(root / "cov", 20)
        for nid in ids:
            notices_acks.acknowledge(ctx, nid, [p.staff_id for p in notices_acks.people(ctx, nid)][: STAFF * 7 // 10])
        ctx.store._cache.clear()
        t0 = time.perf_counter()
        covs = notices_acks.coverage_all(ctx)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        notices_acks.coverage_all(ctx)
        warm = time.perf_counter() - t0
        t0 = time.perf_counter()
        detail = notices_acks.coverage(ctx, ids[0])
        one = time.perf_counter() - t0
        assert len(covs) == 20 and all(c.done == 700 for c in covs) and detail.pending_count == 300
        print(
            f"coverage of 20 documents x {STAFF} staff: cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms; "
            f"one document with pending list by division {one * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
