"""A writer killed at random moments never leaves an unreadable or half-written database,
and two processes writing at once lose nothing."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.store import atomic, tables
from ethics_tui.store.database import Store

ROOT = Path(__file__).resolve().parents[1]

WRITER = r"""
import sys
from ethics_tui.store import tables
from ethics_tui.store.database import Store
tables.SPLIT_AT = int(sys.argv[2])  # 0: the bulk table in its own file (store/tables.py)
store = Store(sys.argv[1]).open(daily_backup=False)
payload = [{"first_name": "สมชาย" * 5, "position": "นักวิชาการ" * 5, "n": i} for i in range(6000)]
gen = int(store.meta().get("gen", 0))
while True:
    gen += 1
    with store.transaction() as tx:
        tx.put("bulk", 1, {"gen": gen, "rows": payload})
        meta = tx.table("_meta").get(doc_id=1) or {}
        tx.put("_meta", 1, {**meta, "gen": gen})
        tx.log("update", "bulk", 1, ["gen"])
    print(gen, flush=True)
"""


def _main_tables(folder: Path) -> dict:
    """main.json's tables and those of the table files it names."""
    data = json.loads((folder / "main.json").read_text(encoding="utf-8"))
    for table, entry in data["_meta"]["1"].get("tables", {}).items():
        data[table] = json.loads((folder / entry["file"]).read_text(encoding="utf-8"))
    return data


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("split_at", [200, 0])
def test_sigkill_during_large_saves_leaves_old_or_new_state(tmp_path, split_at):
    rng = random.Random(1234)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    last_confirmed = 0
    killed_mid_write = 0
    for trial in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(split_at)], stdout=subprocess.PIPE, env=env, text=True
        )
        # wait until it has written at least once, then kill at a random moment
        first = proc.stdout.readline()
        assert first.strip(), "writer did not start"
        time.sleep(rng.uniform(0.0, 0.35))
        proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        printed = [int(x) for x in (first + rest).split()]
        last_confirmed = printed[-1]
        data = _main_tables(tmp_path)  # always readable
        gen = data["bulk"]["1"]["gen"]
        assert gen in (last_confirmed, last_confirmed + 1), (trial, gen, last_confirmed)
        assert data["_meta"]["1"]["gen"] == gen
        assert len(data["bulk"]["1"]["rows"]) == 6000
        killed_mid_write += gen == last_confirmed + 1 or bool(list(tmp_path.glob(f"*{atomic.TEMP_MARK}*")))
        # the next start removes temp files and repairs a torn audit line
        Store(tmp_path).open(daily_backup=False)
        assert not list(tmp_path.glob(f"*{atomic.TEMP_MARK}*"))
        named = {
            e["file"]
            for e in json.loads((tmp_path / "main.json").read_bytes())["_meta"]["1"].get("tables", {}).values()
        }
        assert {p.name for p in tables.files_in(tmp_path)} == named  # leftovers removed, none missing
        assert bool(named) == (split_at == 0)
    from ethics_tui.service.verify import verify

    print("killed mid-write:", killed_mid_write)
    problems = verify(Store(tmp_path))
    assert problems == [], problems


IMPORTER = r"""
import sys
from ethics_tui.service.context import Context
from ethics_tui.service.staff_io import import_file
from ethics_tui.service import staff as staff_svc, settings as settings_svc
from ethics_tui.model.staff import Staff
ctx = Context.open(sys.argv[1], actor=sys.argv[3])
plan = import_file(ctx, sys.argv[2])
assert plan.ok, [e.message() for e in plan.errors]
div = settings_svc.list_divisions(ctx)[0].id
for i in range(25):
    staff_svc.add(ctx, Staff(prefix="นาย", first_name=f"{sys.argv[3]}{i}", last_name="ทดสอบ", position="คนงาน",
                             division_id=div, staff_type="พนักงานจ้างทั่วไป"))
print("ok")
"""


def test_two_processes_importing_at_once_lose_nothing(tmp_path):
    data = tmp_path / "data"
    Context.open(data)
    files = []
    for who in ("a", "b"):
        lines = ["code,prefix,first_name,last_name,position,division,staff_type"]
        lines += [f"{who}{i},นาย,{who}{i},สกุล,คนงาน,กอง{who},พนักงานจ้างทั่วไป" for i in range(300)]
        path = tmp_path / f"{who}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append((who, path))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(data), str(p), who],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who, p in files
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-2000:]
    ctx = Context.open(data)
    assert staff_svc.count(ctx) == 2 * 300 + 2 * 25
    from ethics_tui.service.verify import verify

    assert verify(ctx.store) == []
    actors = {e["actor"] for e in ctx.store.audit.entries()}
    assert {"a", "b"} <= actors
