"""A pytest plugin that runs only the tests named in a file: the like-for-like test-time check
of issue 16 (the same tests on two commits, same machine, same options).

    git worktree add --detach ../old <commit>
    (cd ../old && .venv/bin/python -m pytest --collect-only -q | grep :: > /tmp/old.txt)
    .venv/bin/python -m pytest --collect-only -q | grep :: > /tmp/new.txt
    comm -12 <(sort /tmp/old.txt) <(sort /tmp/new.txt) > /tmp/both.txt
    ONLY_IDS=/tmp/both.txt PYTHONPATH=bench .venv/bin/python -m pytest -n 2 --dist worksteal -q -p only_ids
    (and the same in ../old with PYTHONPATH=$PWD/bench)

Stop 25: ef8cbae's 413 tests that still exist took 2 min 16 s there and 37 s on main.
"""

from __future__ import annotations

import os


def pytest_collection_modifyitems(config, items) -> None:
    path = os.environ.get("ONLY_IDS")
    if not path:
        return
    with open(path, encoding="utf-8") as f:
        keep = set(f.read().split("\n"))
    chosen = [i for i in items if i.nodeid in keep or i.nodeid.encode("unicode_escape").decode() in keep]
    config.hook.pytest_deselected(items=[i for i in items if i not in chosen])
    items[:] = chosen
