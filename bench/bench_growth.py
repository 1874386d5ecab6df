"""The growth table: what each operation costs as the office grows.

    python bench/bench_growth.py
    ETHICS_BENCH_SIZES=100,1000,10000,30000 ETHICS_BENCH_RUNS=3 python bench/bench_growth.py

For each size (staff) it builds a demo office scaled to that many staff, with one more circular
issued to everyone (its sign-off sheet lists all N people). Every measurement runs in a fresh
interpreter; the rounds are interleaved (round 1: every size and operation, then round 2 ...),
so machine noise hits every cell alike. Per operation and size it prints the median time,
the peak RSS of the process (ru_maxrss) and the bytes written to the data folder (a new or
replaced file counts whole, an appended log its growth). Ratios are against baselines measured
in the same run:

- staff list (CLI, ``--user``, ``--json``): whole process ÷ ``python -c "import json; json.load(main.json)"``
- one staff save (in process, median of 9): ÷ an append of that one record (~450 bytes) to a file
  + fsync (the limit the issue names); the row below it is the floor of a whole-database rewrite
  (``json.dumps`` of all of main's tables + write + fsync), what the store did before schema 2
- one division rename (in process, median of 3): a save that changes no staff record; against the
  100-staff figure (growth)
- sign-in (in process): reported as is (scrypt dominates; the ratio is against the 100-staff figure)
- first paint (process start to the first screen's on_ready): ÷ a bare Textual app with an empty DataTable
- staff filter key (worst of 6 keys, key press to settled repaint): ÷ a bare DataTable app over the same rows
- home RSS: ÷ an empty Textual app's RSS
- report evidence, sign-off sheet for N (CLI): against the 100-staff figure (growth)

Environment: ETHICS_BENCH_SIZES (default 100,1000,10000), ETHICS_BENCH_RUNS (default 3),
ETHICS_BENCH_HEAVY_MAX (largest size for the PDF operations, default 10000), ETHICS_BENCH_OPS
(only the operations whose name contains one of these comma-separated words),
ETHICS_BENCH_NOISY_RUNS (default 7: the staff filter and its bare DataTable run at least this
many interleaved rounds; the table then also prints the spread of the per-round ratios),
ETHICS_BENCH_BEFORE (a checkout of an older tree, e.g. ``git worktree add --detach /tmp/old OLD``:
each operation that runs the project's code also runs with that tree's ethics_tui, as the row
"... [before]", in the same rounds, against the same baseline; it has no bench of its own: this
bench and its probe drive it. Its offices are built by its own code (an older tree reads only its
own file layout), with the same recipe and sizes).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from growth_probe import bytes_written, folder_state  # noqa: E402

SIZES = [int(x) for x in os.environ.get("ETHICS_BENCH_SIZES", "100,1000,10000").split(",") if x.strip()]
RUNS = int(os.environ.get("ETHICS_BENCH_RUNS", "3"))
HEAVY_MAX = int(os.environ.get("ETHICS_BENCH_HEAVY_MAX", "10000"))
#: only the operations whose name contains one of these (comma-separated), e.g. "save,append"
ONLY = [x for x in os.environ.get("ETHICS_BENCH_OPS", "").split(",") if x.strip()]
ENV = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench' / 'hwm'}", "ETHICS_TUI_EXIT_ON_READY": "1"}
# an installed program has its bytecode compiled; a process that recompiles every module (as
# PYTHONDONTWRITEBYTECODE=1 makes it) would be charged ~0.1 s that users never pay
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
PY = sys.executable
BEFORE = Path(os.environ["ETHICS_BENCH_BEFORE"]).resolve() if os.environ.get("ETHICS_BENCH_BEFORE") else None
#: noisy rows (a key's repaint on a busy machine): at least NOISY_RUNS rounds
NOISY = ("staff filter key (worst)", "  baseline: bare DataTable")
NOISY_RUNS = int(os.environ.get("ETHICS_BENCH_NOISY_RUNS", "7"))


BARE_PAINT = """
from textual.app import App
from textual.widgets import DataTable
import os
class Bare(App):
    def compose(self):
        yield DataTable()
    def on_ready(self):
        os.write(1, b"READY\\n")
        self.exit()
Bare().run(headless=True)
"""
OUR_PAINT = """
import os, sys
from pathlib import Path
from ethics_tui.tui.app import EthicsApp
real = EthicsApp.on_ready
def on_ready(self):
    os.write(1, b"READY\\n")
    real(self)
EthicsApp.on_ready = on_ready
EthicsApp(Path(sys.argv[1]), "th").run(headless=True)
"""
# all of main's data: main.json and, since schema 2, the table files its _meta names
LOAD_MAIN = """
import json, os, sys, time
def load_main(folder):
    data = json.load(open(os.path.join(folder, "main.json"), encoding="utf-8"))
    for t, e in data.get("_meta", {}).get("1", {}).get("tables", {}).items():
        data[t] = json.load(open(os.path.join(folder, e["file"]), encoding="utf-8"))
    return data
"""
PARSE = LOAD_MAIN + "load_main(sys.argv[1])"
WRITE_FLOOR = (
    LOAD_MAIN
    + """
data = load_main(sys.argv[1])
t = time.perf_counter()
payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
floor = os.path.join(sys.argv[1], "floor.tmp")
with open(floor, "wb") as f:
    f.write(payload); f.flush(); os.fsync(f.fileno())
print("PROBE " + json.dumps({"op_s": time.perf_counter() - t}))
os.remove(floor)
"""
)
# the limit the issue names: append the changed record (one staff document) to a log and fsync
APPEND_FLOOR = (
    LOAD_MAIN
    + """
data = load_main(sys.argv[1])
staff = data["staff"]
doc = staff[sorted(staff, key=int)[len(staff) // 2]]
line = json.dumps({"table": "staff", "doc": doc}, ensure_ascii=False, separators=(",", ":")).encode() + b"\\n"
floor = os.path.join(sys.argv[1], "floor.tmp")
times = []
with open(floor, "ab") as f:
    for _ in range(9):  # as many as growth_probe.op_save's saves (SAVES)
        t = time.perf_counter()
        f.write(line); f.flush(); os.fsync(f.fileno())
        times.append(time.perf_counter() - t)
print("PROBE " + json.dumps({"op_s": sorted(times)[4], "bytes": len(line)}))
os.remove(floor)
"""
)


def build(folder: Path, n: int) -> int:
    """A demo office with n staff and a circular issued to all of them; returns its id."""
    from ethics_tui.model.notices import Notice
    from ethics_tui.service import notices
    from ethics_tui.service.context import Context
    from ethics_tui.service.demo import demo_sign_in, demo_staff, load_demo

    ctx = Context.open(folder)
    load_demo(ctx)
    data = ctx.store.load()
    divs = [int(k) for k in data["divisions"]]
    have = len(data["staff"])
    with ctx.store.transaction() as tx:
        extra = []
        while len(extra) < n - have:
            extra.extend(demo_staff(divs, seed=len(extra)))
        for i, s in enumerate(extra[: max(0, n - have)]):
            s.code = f"G{i:06d}"
        tx.table("staff").insert_multiple(s.to_dict() for s in extra[: max(0, n - have)])
    hr = demo_sign_in(Context(store=ctx.store), "admin")
    c = notices.save_draft(
        hr, Notice(kind="circular", title="แจ้งเวียนทดสอบ", to="ทุกท่าน", body="ทดสอบ", dated="2025-01-01")
    )
    notices.publish(hr, c.id)
    return c.id


def build_in_child(folder: Path, n: int, code: Path = ROOT) -> tuple[int, int]:
    """Build in a child process (with ``code``'s ethics_tui), so that this parent stays small."""
    out = subprocess.run(
        [PY, __file__, "--build", str(folder), str(n)],
        env=code_env(code),
        cwd=code,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[-2]), int(out[-1])


def code_env(code: Path) -> dict:
    """The environment of a process that runs ``code``'s ethics_tui (this tree or BEFORE)."""
    if code == ROOT:
        return ENV
    return {**ENV, "PYTHONPATH": f"{code}{os.pathsep}{ROOT / 'bench' / 'hwm'}", "ETHICS_BENCH_CODE": str(code)}


def run(argv: list[str], data: Path, stdin: bytes = b"", code: Path = ROOT) -> dict:
    """Run a process; its wall time, peak RSS, bytes written to the data folder, probe output."""
    before = folder_state(data)
    with tempfile.TemporaryFile() as fin, tempfile.TemporaryFile() as ferr:
        fin.write(stdin)
        fin.seek(0)
        t = time.perf_counter()
        # cwd = the measured tree: ``python -m`` / ``-c`` put the working folder first on sys.path
        proc = subprocess.Popen(argv, env=code_env(code), cwd=code, stdin=fin, stdout=subprocess.PIPE, stderr=ferr)
        ready, chunks = None, []
        while chunk := os.read(proc.stdout.fileno(), 65536):
            chunks.append(chunk)
            if ready is None and b"READY\n" in chunk:
                ready = time.perf_counter() - t  # the first screen is painted
        _pid, status, _usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.stdout.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        ferr.seek(0)
        out, err = b"".join(chunks), ferr.read()
    if proc.returncode != 0:
        raise SystemExit(f"{argv[:6]} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    hwm = [int(x.split()[1]) for x in err.decode(errors="replace").splitlines() if x.startswith("HWM_KIB ")]
    res = {"wall": wall, "rss_mib": (hwm[-1] if hwm else 0) / 1024, "bytes": bytes_written(before, folder_state(data))}
    for line in out.decode(errors="replace").splitlines():
        if line.startswith("PROBE "):
            res.update(json.loads(line[6:]))
    if ready is not None:
        res["op_s"] = ready
    return res


def ops_for(n: int, data: Path, notice_id: int, fy: int, out: Path) -> dict[str, tuple[list[str], bytes]]:
    cli = [PY, "-m", "ethics_tui", "--data", str(data)]
    probe = [PY, str(ROOT / "bench" / "growth_probe.py")]
    pw = b"demo1234\n"
    ops = {
        "staff list": (cli + ["--user", "viewer", "staff", "list", "--json"], pw),
        "  baseline: parse main's files": ([PY, "-c", PARSE, str(data)], b""),
        "one staff save": (probe + ["save", str(data)], b""),
        "  baseline: append+fsync": ([PY, "-c", APPEND_FLOOR, str(data)], b""),
        "whole-db dumps+write+fsync": ([PY, "-c", WRITE_FLOOR, str(data)], b""),
        "one division rename": (probe + ["small_save", str(data)], b""),
        "sign-in": (probe + ["sign_in", str(data)], b""),
        "first paint": ([PY, "-c", OUR_PAINT, str(data)], b""),
        "  baseline: bare Textual": ([PY, "-c", BARE_PAINT], b""),
        "staff filter key (worst)": (probe + ["filter", str(data)], b""),
        "  baseline: bare DataTable": (probe + ["bare_filter", str(data)], b""),
        "home screen RSS": (probe + ["home_rss", str(data)], b""),
        "  baseline: empty app RSS": (probe + ["empty_rss", str(data)], b""),
    }
    if n <= HEAVY_MAX:
        ops["report evidence"] = (
            cli + ["--user", "admin", "report", "evidence", "--fy", str(fy), "-o", str(out / "ev")],
            pw,
        )
        ops["sign-off sheet for N"] = (
            cli + ["--user", "admin", "pdf", "signoff", str(notice_id), "-o", str(out / "signoff.pdf")],
            pw,
        )
    if ONLY:
        ops = {k: v for k, v in ops.items() if any(o in k for o in ONLY)}
    return ops


def ours(argv: list[str]) -> bool:
    """Whether ``argv`` runs the project's code (not a baseline's plain Python or bare Textual)."""
    return (
        argv[1:3] == ["-m", "ethics_tui"]
        or str(ROOT / "bench") in " ".join(argv[1:2])
        or (argv[1:2] == ["-c"] and "ethics_tui" in argv[2])
    )


def with_before(ops: dict, old_ops: dict | None) -> dict:
    """Each operation that runs the project's code, again as "NAME [before]": the same argv on the
    office BEFORE's code built (``old_ops``), run with BEFORE's ethics_tui (and this bench)."""
    out = {}
    for name, (argv, stdin) in ops.items():
        out[name] = (argv, stdin, ROOT)
        if old_ops is not None and not name.startswith("  ") and ours(argv):
            old_argv, old_stdin = old_ops[name]
            out[f"{name} [before]"] = (old_argv, old_stdin, BEFORE)
    return out


def fmt_bytes(b: float) -> str:
    return f"{b / 1e6:.2f} MB" if b >= 1e6 else (f"{b / 1e3:.1f} kB" if b >= 1e3 else f"{b:.0f} B")


def main() -> None:
    for code in (ROOT, BEFORE) if BEFORE else (ROOT,):
        subprocess.run([PY, "-m", "compileall", "-q", str(code / "ethics_tui")], env=ENV, check=False)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        offices, old_offices = {}, {}
        for n in SIZES:
            t = time.perf_counter()
            offices[n] = (root / f"d{n}", *build_in_child(root / f"d{n}", n))
            if BEFORE:  # the older tree reads its own layout: its own office, built by its code
                old_offices[n] = (root / f"b{n}", *build_in_child(root / f"b{n}", n, BEFORE))
            print(f"built {n:,} staff in {time.perf_counter() - t:.1f} s", flush=True)
        os.sync()
        results: dict[tuple[str, int], list[dict]] = {}
        names: list[str] = []
        noisy = any(name in NOISY for name in ops_for(SIZES[0], *offices[SIZES[0]], root / "out"))
        rounds = max(RUNS, NOISY_RUNS) if noisy else RUNS
        for r in range(rounds):
            for n in SIZES:
                ops = ops_for(n, *offices[n], root / "out")
                old_ops = ops_for(n, *old_offices[n], root / "old-out") if BEFORE else None
                for name, (argv, stdin, code) in with_before(ops, old_ops).items():
                    if r >= RUNS and name.split(" [before]")[0] not in NOISY:
                        continue  # the extra rounds of the noisy rows
                    if name not in names:
                        names.append(name)
                    data = old_offices[n][0] if code != ROOT else offices[n][0]
                    results.setdefault((name, n), []).append(run(argv, data, stdin, code))
            print(f"round {r + 1}/{rounds} done", flush=True)
    print_table(names, results)


def value(res: list[dict], name: str) -> float:
    if "RSS" in name:
        return statistics.median(x["rss_kib"] for x in res) / 1024
    return statistics.median(x.get("op_s", x["wall"]) for x in res)


def print_table(names: list[str], results: dict) -> None:
    print(
        f"\n== growth table (median of {RUNS} interleaved runs, {NOISY_RUNS} for the staff filter; time, peak RSS "
        "of the process, bytes written to the data folder; ratio vs the baseline row below it, or vs 100 staff) =="
    )
    print(f"{'operation':<30} {'staff':>7} {'time / RSS':>11} {'peak RSS':>9} {'written':>10} {'ratio':>7}")
    first = SIZES[0]
    spreads = []
    for name in names:
        later = names[names.index(name) + 1 :]
        base_name = next((b for b in later if b.startswith("  ") or " [before]" not in b), "")
        for n in SIZES:
            res = results.get((name, n))
            if not res:
                continue
            v = value(res, name)
            shown = f"{v:.0f} MiB" if "RSS" in name else f"{v * 1000:.0f} ms"
            peak = statistics.median(x["rss_mib"] for x in res)
            written = statistics.median(x.get("bytes", 0) for x in res)
            if name.startswith("  "):
                ratio = ""
            elif base_name.startswith("  ") and results.get((base_name, n)):
                ratio = f"{v / value(results[(base_name, n)], base_name):.2f}"
                if len(res) >= NOISY_RUNS and "RSS" not in name:  # paired: op and baseline of one round
                    pairs = list(zip(res, results[(base_name, n)]))
                    per = sorted(value([a], name) / value([b], base_name) for a, b in pairs)
                    line = (
                        f"{name:<30} {n:>7,}  n={len(per)}  min {per[0]:.2f}  median "
                        f"{statistics.median(per):.2f}  max {per[-1]:.2f}"
                    )
                    if all("loop_cpu_s" in a and "loop_cpu_s" in b for a, b in pairs):
                        cpu = [a["cpu_s"] / b["cpu_s"] for a, b in pairs]
                        loop = [a["loop_cpu_s"] / b["loop_cpu_s"] for a, b in pairs]
                        line += (
                            f"  | CPU of the keys: process {statistics.median(cpu):.2f}, "
                            f"event loop {statistics.median(loop):.2f}"
                        )
                    spreads.append(line)
            elif (name, first) in results:
                ratio = f"{v / value(results[(name, first)], name):.2f}*"
            else:
                ratio = ""
            print(f"{name:<30} {n:>7,} {shown:>11} {peak:>6.0f} MiB {fmt_bytes(written):>10} {ratio:>7}")
    print("* ratio against the same operation at the smallest size (growth); others against the baseline row")
    if spreads:
        print(
            "\nratio of each round (the operation and its baseline measured one after the other; CPU: "
            "CPU seconds over all the keys, of the process and of its main thread, the event loop; "
            "median of the ratios of each round):"
        )
        print("\n".join(spreads))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        from ethics_tui.service.report import default_fy

        print(build(Path(sys.argv[2]), int(sys.argv[3])), default_fy())
    else:
        main()
