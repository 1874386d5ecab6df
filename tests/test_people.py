"""The staff/division read API (service/people.py): the other registers read the two tables
through it, so that only the owning services know how the tables are stored."""

from __future__ import annotations

import re
from pathlib import Path

from ethics_tui.service import people, settings, staff
from ethics_tui.service.people import full_name

PKG = Path(__file__).resolve().parents[1] / "ethics_tui"
#: the services that own the two tables (and the store and verify, which read files whole)
OWNERS = {"service/staff.py", "service/settings.py", "service/people.py", "service/verify.py"}
TABLE = r"""(["'](staff|divisions)["']|STAFF|DIVISIONS)"""
#: ``store.load().get("staff")``, ``data["divisions"]``, ``_rows(data, "staff", ...)``
RAW_READ = re.compile(rf"(load\([^)]*\)|\bdata)\s*(\.get\(|\[)\s*{TABLE}|\(data, {TABLE}")


def test_reads_match_the_staff_register(demo_ctx):
    docs = people.staff_docs(demo_ctx)
    everyone = staff.search(demo_ctx, include_inactive=True)
    assert set(map(int, docs)) == {r.staff.id for r in everyone}
    one = everyone[0].staff
    assert people.staff_doc(demo_ctx, one.id)["code"] == one.code
    assert people.staff_doc(demo_ctx, str(one.id)) == people.staff_doc(demo_ctx, one.id)
    assert people.staff_doc(demo_ctx, None) is None and people.staff_doc(demo_ctx, 999999) is None
    assert people.staff_by_id(demo_ctx)[one.id] == one
    assert people.staff_ids_by_code(demo_ctx)[one.code] == one.id
    assert full_name(people.staff_doc(demo_ctx, one.id)) == one.full_name
    names = {int(k): d["name"] for k, d in people.division_docs(demo_ctx).items()}
    assert names == settings.division_names(demo_ctx)


def test_full_name_of_a_sparse_document():
    assert full_name({"first_name": "สมชาย"}) == "สมชาย"
    assert full_name({"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี"}) == "นายสมชาย ใจดี"


def test_only_the_owners_read_the_staff_and_division_tables_raw():
    found = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        if rel.startswith("store/") or rel in OWNERS:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if RAW_READ.search(line) and "tx." not in line:
                found.append(f"{rel}:{n}: {line.strip()}")
    assert not found, "read staff/divisions through service/people.py:\n" + "\n".join(found)
