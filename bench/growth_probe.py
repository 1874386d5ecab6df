"""One measured operation in a fresh interpreter, for bench_growth.py (not run by itself).

    python bench/growth_probe.py OP DATA_DIR [ARG]

Prints one JSON line: ``op_s`` (seconds of the operation itself, when the probe can isolate
it), ``bytes`` (bytes written to the data folder by the operation), ``rss_kib`` (current RSS,
for the screen probes). The parent measures the whole process's wall time and peak RSS.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the tree whose code is measured: this one, or (the "[before]" rows) ETHICS_BENCH_CODE, an older
#: checkout that has no bench of its own; this probe and the bench stay the same for both
CODE = Path(os.environ.get("ETHICS_BENCH_CODE") or ROOT).resolve()
sys.path.insert(0, str(CODE))
PASSWORD = "demo1234"
KEYS = ["น", "า", "ย", "backspace", "backspace", "backspace"]


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for p in folder.rglob("*"):
        try:
            st = p.stat()
        except OSError:
            continue
        if p.is_file():
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


def bytes_written(before: dict, after: dict) -> int:
    """Bytes the change wrote: a whole new or replaced file counts whole, an appended log its growth."""
    total = 0
    for name, (size, mtime) in after.items():
        old = before.get(name)
        if old == (size, mtime):
            continue
        if old and name.endswith(".jsonl") and size >= old[0]:
            total += size - old[0]
        else:
            total += size
    return total


def rss_kib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _signed_in(data: Path, user: str = "admin"):
    from ethics_tui.service.context import Context
    from ethics_tui.service.users import sign_in

    ctx = Context.open(data, actor="bench")
    sign_in(ctx, user, PASSWORD)
    return ctx


#: saves per process for "one staff save" (median): the same count as the append+fsync floor in
#: bench_growth.py, so that a process's one-time costs (its first fsync, the code index) weigh the
#: same on both sides
SAVES = 9


def op_save(data: Path) -> dict:
    from ethics_tui.service import staff as staff_svc

    ctx = _signed_in(data, "hr")
    ids = sorted(int(k) for k in ctx.store.load()["staff"])
    target = ids[len(ids) // 2]
    times, written = [], 0
    for _i in range(SAVES):
        s = staff_svc.get(ctx, target)
        s.phone = f"08{time.time_ns() % 10**8:08d}"
        before = folder_state(data)  # per save: a file replaced by each save counts each time
        t = time.perf_counter()
        staff_svc.update(ctx, s)
        times.append(time.perf_counter() - t)
        written += bytes_written(before, folder_state(data))
    return {"op_s": sorted(times)[SAVES // 2], "bytes": written // SAVES}


def op_small_save(data: Path) -> dict:
    """A save that changes no staff record: rename a division (a small table), median of 3."""
    from ethics_tui.service import settings as settings_svc

    ctx = _signed_in(data, "admin")
    div = settings_svc.list_divisions(ctx)[0]
    times, written = [], 0
    for i in range(3):
        before = folder_state(data)
        t = time.perf_counter()
        settings_svc.rename_division(ctx, div.id, f"{div.name} {i}")
        times.append(time.perf_counter() - t)
        written += bytes_written(before, folder_state(data))
    settings_svc.rename_division(ctx, div.id, div.name)
    return {"op_s": sorted(times)[1], "bytes": written // 3}


def op_sign_in(data: Path) -> dict:
    from ethics_tui.service.context import Context
    from ethics_tui.service.users import sign_in

    ctx = Context.open(data, actor="bench")
    before = folder_state(data)
    t = time.perf_counter()
    sign_in(ctx, "admin", PASSWORD)
    return {"op_s": time.perf_counter() - t, "bytes": bytes_written(before, folder_state(data))}


async def _keys(pilot, settle_workers: bool) -> dict:
    """The worst key-to-repaint of KEYS (wall seconds), the CPU seconds of the process (all
    threads) over all of them (the work done, which other processes on the machine disturb
    less) and those of the main thread (the event loop's share)."""
    from textual.widgets import Input

    worst = 0.0
    cpu, loop = time.process_time(), time.thread_time()
    box = pilot.app.screen.query_one("#filter", Input)
    assert box.has_focus, "the filter must have the focus"
    for key in KEYS:
        t = time.perf_counter()
        await pilot.press(key)
        if settle_workers:
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        worst = max(worst, time.perf_counter() - t)
        if key == "ย":
            assert box.value == "นาย", box.value
    assert box.value == ""
    return {"op_s": worst, "cpu_s": time.process_time() - cpu, "loop_cpu_s": time.thread_time() - loop}


def op_filter(data: Path) -> dict:
    sys.path.insert(0, str(CODE / "tests" / "tui"))
    import asyncio

    from tui_helpers import start

    from ethics_tui.tui.app import EthicsApp

    async def main():
        app = EthicsApp(data, "th")
        async with app.run_test(size=(120, 40)) as pilot:
            await start(pilot)
            await pilot.press("s")
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            return await _keys(pilot, True)

    return asyncio.run(main())


def op_bare_filter(data: Path) -> dict:
    """A bare DataTable app over the same rows: filter a list of tuples (search text made once),
    show the first PAGE of them (the staff screen's page size), as plain strings."""
    import asyncio

    from textual.app import App
    from textual.widgets import DataTable, Input

    raw = json.loads((data / "main.json").read_text("utf-8"))
    for table, entry in raw.get("_meta", {}).get("1", {}).get("tables", {}).items():  # schema 2: table files
        raw[table] = json.loads((data / entry["file"]).read_text("utf-8"))
    divs = {k: v.get("name", "") for k, v in raw["divisions"].items()}
    try:
        from ethics_tui.tui.screens.staff import PAGE
    except ImportError:
        PAGE = 500
    rows = []
    for _k, s in raw["staff"].items():
        if not s.get("active", True):
            continue
        name = f"{s.get('prefix', '')}{s.get('first_name', '')} {s.get('last_name', '')}"
        rows.append(
            (
                s.get("code", ""),
                name,
                s.get("position", ""),
                s.get("level", ""),
                divs.get(str(s.get("division_id")), ""),
                s.get("staff_type", ""),
            )
        )
    rows.sort(key=lambda r: (r[4], r[1]))
    rows = [(" ".join(r).casefold(), r) for r in rows]

    class Bare(App):
        def compose(self):
            yield Input(id="filter")
            yield DataTable(cursor_type="row")

        def on_mount(self):
            t = self.query_one(DataTable)
            t.add_columns("code", "name", "position", "level", "division", "type")
            self.fill("")

        def fill(self, text):
            words = [w.casefold() for w in text.split()]
            found = [r for hay, r in rows if all(w in hay for w in words)]
            t = self.query_one(DataTable)
            t.clear()
            t.add_rows(found[:PAGE])

        def on_input_changed(self, event):
            self.fill(event.value)

    async def main():
        app = Bare()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            return await _keys(pilot, False)

    return asyncio.run(main())


def op_home_rss(data: Path) -> dict:
    sys.path.insert(0, str(CODE / "tests" / "tui"))
    import asyncio

    from tui_helpers import settle, start

    from ethics_tui.tui.app import EthicsApp

    async def main():
        app = EthicsApp(data, "th")
        async with app.run_test(size=(120, 40)) as pilot:
            await start(pilot)
            await settle(pilot)
            assert type(app.screen).__name__ == "HomeScreen", app.screen
            return rss_kib()

    return {"rss_kib": asyncio.run(main())}


def op_empty_rss(data: Path) -> dict:
    import asyncio

    from textual.app import App

    async def main():
        async with App().run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            return rss_kib()

    return {"rss_kib": asyncio.run(main())}


OPS = {
    "save": op_save,
    "small_save": op_small_save,
    "sign_in": op_sign_in,
    "filter": op_filter,
    "bare_filter": op_bare_filter,
    "home_rss": op_home_rss,
    "empty_rss": op_empty_rss,
}

if __name__ == "__main__":
    os.environ.pop("ETHICS_TUI_EXIT_ON_READY", None)  # the screen probes drive the app past its first screen
    op, data = sys.argv[1], Path(sys.argv[2])
    result = OPS[op](data)
    print("PROBE " + json.dumps(result), flush=True)
    try:
        from sitecustomize import report_peak  # bench/hwm, when run by bench_growth.py

        report_peak()
    except ImportError:
        pass
    os._exit(0)  # skip interpreter teardown: the parent times the work, not the exit
