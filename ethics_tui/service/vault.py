"""Confidential fields: encrypted at rest, readable only with the role's data key.

A model lists its confidential fields and the vault (role) that guards them, e.g.
``CONFIDENTIAL = {"requester": "committee"}``. Services call :func:`seal_fields` before saving
and :func:`reveal` when showing; without the key the value reads "ปกปิด" and nothing is lost.
Opening a confidential record is logged with :func:`log_view` (who, which record, never values).
"""

from __future__ import annotations

from ethics_tui.errors import UserError
from ethics_tui.service.context import Context
from ethics_tui.store import crypto

HIDDEN_TH = "ปกปิด"
HIDDEN_EN = "(confidential)"


def hidden(ctx: Context) -> str:
    return HIDDEN_EN if ctx.lang == "en" else HIDDEN_TH


def has_key(ctx: Context, vault: str) -> bool:
    return vault in ctx.keys


def current_gen(store, vault: str) -> int:
    """The generation of ``vault``'s data key now in force (0 before any rotation)."""
    doc = store.load().get("vault", {}).get("1") or {}
    return int((doc.get("vaults") or {}).get(vault, {}).get("gen", 0))


def refresh(ctx: Context, vault: str) -> None:
    """Bring ``ctx``'s key of ``vault`` up to the generation in force (after a rotation made by
    someone else while this session was open): re-open the user's grant from the store."""
    if vault not in ctx.keys or ctx.key_gens.get(vault, 0) == current_gen(ctx.store, vault):
        return
    ctx.keys.pop(vault, None)
    if ctx.user is None or ctx.private_key is None:
        return
    for doc in ctx.store.load().get("users", {}).values():
        if doc.get("username") == ctx.user.username and doc.get("active", True):
            box = (doc.get("grants") or {}).get(vault)
            try:
                if box:
                    key = crypto.unwrap_with_private(box, ctx.private_key, vault)
                    ctx.keys[vault], ctx.key_gens[vault] = key, int(box.get("g", 0))
                    ctx.keyring[(vault, int(box.get("g", 0)))] = key
            except crypto.CryptoError:
                pass


def seal(ctx: Context, vault: str, value: str, aad: str) -> dict | str:
    """Encrypt ``value`` for ``vault`` under its current key. Empty values stay empty."""
    if value in ("", None):
        return ""
    refresh(ctx, vault)
    key = ctx.keys.get(vault)
    if key is None:
        raise UserError(
            f"คุณไม่มีกุญแจของข้อมูลลับ ({vault}) จึงบันทึกข้อมูลนี้ไม่ได้ — ขอให้ผู้มีสิทธิ์อนุมัติกุญแจให้ก่อน",
            f"You do not hold the {vault} key, so this confidential value cannot be saved; "
            "ask an entitled user to approve your key first",
        )
    return crypto.encrypt_value(key, str(value), vault, aad, ctx.key_gens.get(vault, 0))


def reveal(ctx: Context, value: object, aad: str) -> str:
    """Plaintext if the user holds the key, else "ปกปิด". Plain strings pass through."""
    if not crypto.is_encrypted(value):
        return "" if value is None else str(value)
    name, gen = value["$enc"], int(value.get("g", 0))
    key = ctx.keyring.get((name, gen))
    if key is None and ctx.key_gens.get(name, 0) == gen:
        key = ctx.keys.get(name)
    if key is None:
        return hidden(ctx)
    try:
        return crypto.decrypt_value(key, value, aad)
    except crypto.CryptoError:
        return "⚠ " + ("ถอดรหัสไม่ได้" if ctx.lang != "en" else "cannot decrypt")


def seal_fields(ctx: Context, kind: str, record: dict, confidential: dict[str, str]) -> dict:
    """A copy of ``record`` with each confidential field sealed (already sealed ones kept)."""
    out = dict(record)
    for name, vault in confidential.items():
        value = out.get(name)
        if value not in ("", None) and not crypto.is_encrypted(value):
            out[name] = seal(ctx, vault, value, f"{kind}:{name}")
    return out


def reveal_fields(ctx: Context, kind: str, record: dict, confidential: dict[str, str]) -> dict:
    out = dict(record)
    for name in confidential:
        out[name] = reveal(ctx, out.get(name), f"{kind}:{name}")
    return out


def log_view(ctx: Context, kind: str, record_id) -> None:
    """Audit that the signed-in user opened a confidential record."""
    ctx.store.log_event("view", kind, record_id, actor=ctx.actor)
