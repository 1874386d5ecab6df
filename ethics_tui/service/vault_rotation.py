"""Rotation of a vault's data key when a holder loses it (role revoked, account disabled).

The revoked user's password still opens any *older* copy of the data folder, and with it the
old data key. So revoking makes a new key (a new generation, ``g`` in each sealed value),
wraps it to the remaining holders and to the recovery key, and, in the same transaction,
re-encrypts every value of that vault when the revoking user holds the keys to do it. When
they do not (an administrator revoking a committee member), the remaining holders keep the
older key as an *old grant* and the values are re-encrypted at the next sign-in of a holder;
meanwhile every new value is sealed under the new key. Either way an old copy opens only what
it already held.
"""

from __future__ import annotations

from datetime import datetime

from ethics_tui.model.user import User
from ethics_tui.service.context import Context
from ethics_tui.store import crypto

#: table -> record kind, for the associated data of values sealed before boxes carried it
TABLE_KINDS = {
    "complaint_identities": "complaint",
    "complaints": "complaint",
    "consultations": "consultation",
    "appraisal_grievances": "appraisal_grievance",
    "appraisal_results": "appraisal_result",
    "training_questions": "training_question",
}
SKIP_TABLES = ("users", "vault", "_meta")


def wrap(key: bytes, public: str, vault: str, gen: int) -> dict:
    box = crypto.wrap_to_public(key, public, vault)
    if gen:
        box["g"] = gen
    return box


def grant_boxes(ctx: Context, vault: str, public: str) -> tuple[dict, dict]:
    """(current grant, older grants) of ``ctx``'s keys of ``vault`` wrapped to ``public``."""
    gen = ctx.key_gens.get(vault, 0)
    old = {str(g): wrap(k, public, vault, g) for (v, g), k in ctx.keyring.items() if v == vault and g != gen}
    return wrap(ctx.keys[vault], public, vault, gen), old


def _visit(obj, name: str, table: str, fn):
    """``obj`` with ``fn(box, aad)`` applied to each sealed value (a new object if changed)."""
    if crypto.is_encrypted(obj):
        return fn(obj, obj.get("a") or (f"{TABLE_KINDS[table]}:{name}" if table in TABLE_KINDS else None))
    if isinstance(obj, dict):
        out = {k: _visit(v, k, table, fn) for k, v in obj.items()}
        return out if any(out[k] is not obj[k] for k in obj) else obj
    if isinstance(obj, list):
        out = [_visit(v, name, table, fn) for v in obj]
        return out if any(a is not b for a, b in zip(out, obj)) else obj
    return obj


def _tables(tx) -> list[str]:
    return [t for t in sorted(tx.db.tables()) if t not in SKIP_TABLES]


def _can_reencrypt(tx, vault: str, keyring: dict) -> bool:
    ok = True

    def check(box, aad):
        nonlocal ok
        if box.get("$enc") == vault and (aad is None or (vault, int(box.get("g", 0))) not in keyring):
            ok = False
        return box

    for t in _tables(tx):
        for doc in tx.table(t).all():
            _visit(dict(doc), "", t, check)
    return ok


def _reencrypt(tx, vault: str, keyring: dict, key: bytes, gen: int) -> int:
    n = 0

    def again(box, aad):
        nonlocal n
        if box.get("$enc") != vault or int(box.get("g", 0)) == gen:
            return box
        plain = crypto.decrypt_value(keyring[(vault, int(box.get("g", 0)))], box, aad)
        n += 1
        return crypto.encrypt_value(key, plain, vault, aad, gen)

    for t in _tables(tx):
        for doc in tx.table(t).all():
            new = _visit(dict(doc), "", t, again)
            if new != dict(doc):
                tx.put(t, doc.doc_id, new)
    return n


def rotate(ctx: Context, tx, vault: str, vault_doc: dict, revoked: User) -> None:
    """Inside the caller's transaction: a new data key for ``vault`` after ``revoked`` lost it
    (the caller stores ``revoked`` and ``vault_doc`` afterwards)."""
    revoked.grants.pop(vault, None)
    revoked.old_grants.pop(vault, None)
    if vault not in vault_doc["vaults"]:
        return
    old_gen = int(vault_doc["vaults"][vault].get("gen", 0))
    gen, key = old_gen + 1, crypto.new_data_key()
    eager = _can_reencrypt(tx, vault, ctx.keyring)
    n = _reencrypt(tx, vault, ctx.keyring, key, gen) if eager else 0
    for doc in tx.table("users").all():
        if doc.doc_id == revoked.id:
            continue
        u = User.from_doc(doc.doc_id, doc)
        if vault not in u.grants and vault not in u.old_grants:
            continue
        if eager:
            u.old_grants.pop(vault, None)
        elif vault in u.grants:
            u.old_grants.setdefault(vault, {})[str(old_gen)] = u.grants[vault]
        if vault in u.grants:
            u.grants[vault] = wrap(key, u.keypair["public"], vault, gen)
        tx.put("users", u.id, u.to_dict())
    rec = vault_doc.get("recovery") or {}
    if rec.get("public"):
        grants = rec.setdefault("grants", {})
        if eager:
            rec.get("old", {}).pop(vault, None)
        elif vault in grants:
            rec.setdefault("old", {}).setdefault(vault, {})[str(old_gen)] = grants[vault]
        grants[vault] = wrap(key, rec["public"], vault, gen)
    vault_doc["vaults"][vault].update(gen=gen, rotated=datetime.now().astimezone().isoformat(timespec="seconds"))
    if vault in ctx.keys:
        ctx.keys[vault], ctx.key_gens[vault] = key, gen
        ctx.keyring[(vault, gen)] = key
    done = f"{n} value(s) re-encrypted" if eager else "older values re-encrypted at a holder's next sign-in"
    tx.log("rotate", "vault", vault, note=f"new key (generation {gen}) after revoking {revoked.username}; {done}")


def finish_pending(ctx: Context) -> int:
    """At a holder's sign-in: re-encrypt values still under an older key of a vault this user
    holds (left by a rotation its maker could not complete), then drop the old grants. Writes
    nothing when there is nothing to do. Returns the number of values re-encrypted."""
    data = ctx.store.load()
    users = data.get("users", {}).values()
    rec = (data.get("vault", {}).get("1") or {}).get("recovery") or {}
    todo = [v for v in ctx.keys if any(v in (u.get("old_grants") or {}) for u in users) or v in (rec.get("old") or {})]
    n = 0
    for vault in todo:
        from ethics_tui.service.vault import refresh

        refresh(ctx, vault)
        if vault not in ctx.keys:
            continue
        gen = ctx.key_gens.get(vault, 0)
        with ctx.store.transaction(actor=ctx.actor) as tx:
            if not _can_reencrypt(tx, vault, ctx.keyring):
                continue
            n += _reencrypt(tx, vault, ctx.keyring, ctx.keys[vault], gen)
            for doc in tx.table("users").all():
                if vault in (doc.get("old_grants") or {}):
                    u = User.from_doc(doc.doc_id, doc)
                    u.old_grants.pop(vault)
                    tx.put("users", u.id, u.to_dict())
            vdoc = dict(tx.table("vault").get(doc_id=1) or {})
            if vault in ((vdoc.get("recovery") or {}).get("old") or {}):
                vdoc["recovery"] = dict(vdoc["recovery"])
                vdoc["recovery"]["old"] = {k: v for k, v in vdoc["recovery"]["old"].items() if k != vault}
                tx.put("vault", 1, vdoc)
            tx.log("rotate", "vault", vault, note=f"older values re-encrypted under generation {gen}")
    return n
