"""Key custody: the office recovery key, recovery, and the guard against losing a key for good
(issue 14). Split from :mod:`ethics_tui.service.users`, which re-exports these names.

- ``reset_loss``: what a password reset would make unreadable for good (the user is the last
  active holder of a vault key and the recovery key does not hold it): vault -> sealed values.
- A reset that would lose values is refused unless the administrator confirms by typing their
  number (``users passwd USER --confirm-loss N``; the TUI asks for it).
- ``home_alerts``: the administrator is reminded until the office has a recovery code.
"""

from __future__ import annotations

from ethics_tui.errors import UserError, found
from ethics_tui.model.user import User
from ethics_tui.service.access import can, require
from ethics_tui.service.context import Context
from ethics_tui.service.users import USERS, VAULT, _find, _now, _vault_doc, _wrap_recovery
from ethics_tui.service.vault_rotation import SKIP_TABLES, wrap
from ethics_tui.store import crypto


class KeyLossError(UserError):
    """A reset would make ``lost`` sealed values unreadable for good."""

    def __init__(self, th: str, en: str, lost: int):
        super().__init__(th, en)
        self.lost = lost


def count_sealed(data: dict, vault: str) -> int:
    """How many values of ``vault`` are sealed in the data (every table, nested values too)."""
    n = 0

    def walk(obj) -> None:
        nonlocal n
        if crypto.is_encrypted(obj):
            n += obj.get("$enc") == vault
        elif isinstance(obj, dict):
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    for name, table in data.items():
        if name not in SKIP_TABLES:
            walk(table)
    return n


def recovery_exists(ctx: Context) -> bool:
    return bool(((ctx.store.load().get(VAULT, {}).get("1") or {}).get("recovery") or {}).get("public"))


def reset_loss(ctx: Context, username: str) -> dict[str, int]:
    """vault -> sealed values that only ``username`` can open (no other active holder, not held
    by the recovery key): what resetting their password would lose."""
    data = ctx.store.load()
    users = [User.from_doc(int(k), v) for k, v in data.get(USERS, {}).items()]
    me = next((u for u in users if u.username == username), None)
    if me is None:
        return {}
    rec = (data.get(VAULT, {}).get("1") or {}).get("recovery") or {}
    out = {}
    for vault in me.grants:
        others = any(u.active and u.username != username and vault in u.grants for u in users)
        if others or vault in (rec.get("grants") or {}):
            continue
        n = count_sealed(data, vault)
        if n:
            out[vault] = n
    return out


def check_reset_loss(ctx: Context, username: str, confirm_loss: int | None) -> None:
    lost = reset_loss(ctx, username)
    total = sum(lost.values())
    if not total or confirm_loss == total:
        return
    vaults = ", ".join(sorted(lost))
    raise KeyLossError(
        f"{username} เป็นผู้ถือกุญแจข้อมูลลับ ({vaults}) คนสุดท้าย และรหัสกู้คืนไม่มีกุญแจนี้: ถ้าตั้งรหัสผ่านใหม่ "
        f"ข้อมูลลับ {total} รายการจะอ่านไม่ได้อีกตลอดไป — ให้ {username} เข้าสู่ระบบแล้วอนุมัติกุญแจให้ผู้มีสิทธิ์อีกคน "
        f"หรือสร้างรหัสกู้คืนขณะที่ {username} ยังเข้าสู่ระบบได้ หากยอมรับการสูญเสีย ให้ยืนยันด้วยจำนวน {total}",
        f"{username} is the last holder of the {vaults} key and the recovery key does not hold it: a reset makes "
        f"{total} sealed value(s) unreadable for good. Have {username} sign in and approve the key for another "
        f"entitled user, or create the recovery code while {username} can still sign in. To accept the loss, "
        f"confirm with the number {total}.",
        total,
    )


def home_alerts(ctx: Context) -> list[tuple[str, str]]:
    """The administrator's reminder until the office has a recovery code."""
    if ctx.user is None or not can(ctx, "users.manage") or recovery_exists(ctx):
        return []
    return [
        (
            "ยังไม่มีรหัสกู้คืนของสำนักงาน: ถ้าผู้ถือกุญแจลืมรหัสผ่าน ข้อมูลลับจะอ่านไม่ได้อีก — สร้างที่ ผู้ใช้ → k แล้วพิมพ์เก็บไว้ในที่ปลอดภัย",
            "The office has no recovery code: if a key holder forgets their password, confidential data "
            "is lost. Create it under Users → k and lock the printout away.",
        )
    ]


def extend_demo(ctx: Context) -> None:
    """The demo office gets a recovery code too (every vault key wrapped to it); its code is
    left in ``store.notices`` for ``demo`` to print."""
    from ethics_tui.service.demo import demo_sign_in

    code = create_recovery_key(ctx)
    for holder in ("committee", "complaints"):  # their sign-in wraps their keys to the recovery key
        demo_sign_in(Context(store=ctx.store, lang=ctx.lang), holder)
    ctx.store.notices.append(
        (
            f"รหัสกู้คืนของสำนักงานตัวอย่าง: {code} (เก็บไว้ใช้เมื่อผู้ถือกุญแจลืมรหัสผ่าน)",
            f"Recovery code of the demo office: {code} (for when a key holder forgets their password)",
        )
    )


def create_recovery_key(ctx: Context) -> str:
    """Admin: make the office recovery key and return its code, to print once and lock away.

    Every vault key that this admin holds is wrapped to it now; keys held by others are added
    the next time one of their holders signs in.
    """
    require(ctx, "users.manage")
    private = crypto.X25519PrivateKey.generate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        vault_doc = _vault_doc(tx)
        vault_doc["recovery"] = {
            "public": crypto.public_of(private),
            "grants": {},
            "created": _now().isoformat(timespec="seconds"),
        }
        for vault, key in ctx.keys.items():
            _wrap_recovery(vault_doc, vault, key, ctx.key_gens.get(vault, 0))
            for (v, g), k in ctx.keyring.items():
                if v == vault and g != ctx.key_gens.get(vault, 0):
                    vault_doc["recovery"].setdefault("old", {}).setdefault(vault, {})[str(g)] = wrap(
                        k, vault_doc["recovery"]["public"], vault, g
                    )
        tx.put(VAULT, 1, vault_doc)
        tx.log("create", "recovery-key", None, note="recovery key created (code shown once)")
    return crypto.private_to_recovery_code(private)


def recover(ctx: Context, code: str, username: str) -> list[str]:
    """Admin: use the recovery code to grant the vault keys it holds to ``username``."""
    require(ctx, "users.manage")
    try:
        private = crypto.recovery_code_to_private(code)
    except crypto.CryptoError:
        raise UserError("รหัสกู้คืนไม่ถูกต้อง", "The recovery code is not valid") from None
    doc = ctx.store.load().get(VAULT, {}).get("1") or {}
    rec = doc.get("recovery") or {}
    if not rec.get("public") or crypto.public_of(private) != rec["public"]:
        raise UserError("รหัสกู้คืนไม่ตรงกับสำนักงานนี้", "This recovery code does not belong to this office")
    keys, olds = {}, {}
    for vault, box in rec.get("grants", {}).items():
        keys[vault] = crypto.unwrap_with_private(box, private, vault)
    for vault, boxes in (rec.get("old") or {}).items():
        olds[vault] = dict(boxes)
    granted = []
    with ctx.store.transaction(actor=ctx.actor) as tx:
        udoc = found(_find(tx, username), f"ไม่พบผู้ใช้ {username}", f"No user {username}")
        user = User.from_doc(udoc.doc_id, udoc)
        for vault, key in keys.items():
            if user.entitled(vault):
                box = rec["grants"][vault]
                user.grants[vault] = wrap(key, user.keypair["public"], vault, int(box.get("g", 0)))
                if olds.get(vault):
                    user.old_grants[vault] = {
                        g: wrap(crypto.unwrap_with_private(b, private, vault), user.keypair["public"], vault, int(g))
                        for g, b in olds[vault].items()
                    }
                granted.append(vault)
                tx.log("grant", "vault", vault, note=f"recovered for {username}")
        user.rev += 1
        tx.put(USERS, user.id, user.to_dict())
    return granted
