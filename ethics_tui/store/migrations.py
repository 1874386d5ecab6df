"""Schema versions of the database files and the steps between them.

``CURRENT_SCHEMA`` is what this program writes. Opening an older file runs each step in
``MIGRATIONS`` in order, after a backup. To change the schema: bump ``CURRENT_SCHEMA`` and add
``MIGRATIONS[old] = function(data) -> data`` (pure; no I/O).
"""

from __future__ import annotations

from collections.abc import Callable

CURRENT_SCHEMA = 2
#: the schema of a root while any of its table files has a journal (store/journal.py): an older
#: program, which would read the table files without their journals, refuses it; a root whose
#: journals were all folded in goes back to ``CURRENT_SCHEMA``
JOURNAL_SCHEMA = 3
#: schemas read as they are: 2 keeps large tables of main in their own files (store/tables.py),
#: 1 holds every table in one file; the first save stamps 2 (audited as a migration)
READABLE = (1, 2, JOURNAL_SCHEMA)
META = "_meta"

MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


def schema_of(data: dict) -> int:
    if not data:
        return CURRENT_SCHEMA
    meta = data.get(META, {}).get("1", {})
    try:
        return int(meta.get("schema", 0))
    except (TypeError, ValueError):
        return 0


def new_database() -> dict:
    return {META: {"1": {"schema": CURRENT_SCHEMA}}}


def migrate(data: dict) -> dict:
    version = schema_of(data)
    while version < CURRENT_SCHEMA:
        step = MIGRATIONS.get(version)
        if step is None:
            raise RuntimeError(f"no migration from schema {version}")
        data = step(data)
        version += 1
        meta = dict(data.get(META, {}).get("1", {}))
        meta["schema"] = version
        data[META] = {"1": meta}
    return data


def _v0_to_v1(data: dict) -> dict:
    """Files written before schema numbers existed: records get a ``rev`` field."""
    out = {}
    for name, table in data.items():
        if name == META:
            out[name] = table
            continue
        out[name] = {k: {"rev": 0, **v} for k, v in table.items()}
    return out


def _v1_to_v2(data: dict) -> dict:
    """Same tables: the save that writes schema 2 moves large tables to their own files."""
    return data


MIGRATIONS[0] = _v0_to_v1
MIGRATIONS[1] = _v1_to_v2
