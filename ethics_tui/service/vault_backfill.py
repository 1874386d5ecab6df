"""Seal free text stored in clear by an older version (issue 14).

A schema migration runs before anyone signs in, so it holds no data key and cannot encrypt.
Instead, the first sign-in of a user who holds a register's key seals that register's plain
free text in one transaction (nothing is written when there is nothing to seal, so an
ordinary sign-in stays read-only). Until then an old value simply reads as it was.
"""

from __future__ import annotations

from ethics_tui.service.context import Context


def _plain(value) -> bool:
    return isinstance(value, str) and value != ""


def _complaint_todo(ctx: Context, data: dict) -> dict[int, dict]:
    from ethics_tui.model.complaints import Complaint
    from ethics_tui.service import complaints as cp
    from ethics_tui.service.complaints_seal import PLAIN_EXTRA, _sealed_doc

    out = {}
    for k, doc in data.get(cp.CASES, {}).items():
        texts = [doc.get("subject")]
        for h in doc.get("history", []):
            texts.append(h.get("note"))
            texts += [v for n, v in (h.get("extra") or {}).items() if n not in PLAIN_EXTRA]
        if any(_plain(t) for t in texts):
            out[int(k)] = _sealed_doc(ctx, Complaint.from_doc(int(k), doc))
    return out


def _fields_todo(ctx: Context, docs: dict, kind: str, fields: dict[str, str]) -> dict[int, dict]:
    from ethics_tui.service import vault

    return {
        int(k): vault.seal_fields(ctx, kind, doc, fields)
        for k, doc in docs.items()
        if any(_plain(doc.get(f)) for f in fields)
    }


def _plans(ctx: Context, data: dict) -> list[tuple[str, dict[int, dict]]]:
    plans: list[tuple[str, dict[int, dict]]] = []
    if "complaints" in ctx.keys:
        from ethics_tui.service import complaints as cp

        plans.append((cp.CASES, _complaint_todo(ctx, data)))
    if "committee" in ctx.keys:
        from ethics_tui.model import committee as cmm
        from ethics_tui.service.committee import CONSULTATIONS, KIND_CONSULT

        plans.append((CONSULTATIONS, _fields_todo(ctx, data.get(CONSULTATIONS, {}), KIND_CONSULT, cmm.ALL_SEALED)))
    if "hr" in ctx.keys:
        from ethics_tui.service.appraisal import G_CONFIDENTIAL, GRIEVANCES

        plans.append((GRIEVANCES, _fields_todo(ctx, data.get(GRIEVANCES, {}), "appraisal_grievance", G_CONFIDENTIAL)))
        from ethics_tui.service.training import Q_KIND, Q_SEALED, QUESTIONS

        plans.append((QUESTIONS, _fields_todo(ctx, data.get(QUESTIONS, {}), Q_KIND, Q_SEALED)))
    return [(t, docs) for t, docs in plans if docs]


def backfill(ctx: Context) -> int:
    """Seal the plain free text of every register whose key ``ctx`` holds. Returns the count of
    records sealed (0: nothing written)."""
    if not ctx.keys or not _plans(ctx, ctx.store.load()):
        return 0
    n = 0
    with ctx.store.transaction(actor=ctx.actor) as tx:
        names = {"complaints", "consultations", "appraisal_grievances", "training_questions"}
        current = {t: {str(d.doc_id): dict(d) for d in tx.table(t).all()} for t in names}
        for table, docs in _plans(ctx, current):
            for doc_id, doc in docs.items():
                tx.put(table, doc_id, doc)
                n += 1
            tx.log("seal", "vault", None, note=f"{len(docs)} record(s) of {table} sealed (stored in clear before)")
    return n
