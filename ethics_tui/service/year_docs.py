"""One document per fiscal year in a table (the report's row texts, the ITA officer's texts)."""

from __future__ import annotations

from collections.abc import Callable

from ethics_tui.service.context import Context


def year_doc(ctx: Context, table: str, fy: int) -> dict:
    """The stored document of ``fy`` in ``table`` ({} when there is none yet)."""
    for doc in ctx.store.load().get(table, {}).values():
        if doc.get("fy") == fy:
            return doc
    return {}


def save_year_doc(
    ctx: Context, table: str, fy: int, change: Callable[[dict], None], fields: list[str], *, kind: str, empty: dict
) -> None:
    """Apply ``change`` to the document of ``fy`` (created from ``empty`` when missing) in one
    audited transaction; ``fields`` are the changed field names logged under ``kind``."""
    with ctx.store.transaction(actor=ctx.actor) as tx:
        rows = tx.table(table)
        doc = next((d for d in rows.all() if d.get("fy") == fy), None)
        data = dict(doc) if doc else {"fy": fy, **empty, "rev": 0}
        change(data)
        data["rev"] = int(data.get("rev", 0)) + 1
        if doc is None:
            doc_id = rows.insert(data)
        else:
            doc_id = doc.doc_id
            tx.put(table, doc_id, data)
        tx.log("update", kind, doc_id, fields, note=f"FY {fy}")
