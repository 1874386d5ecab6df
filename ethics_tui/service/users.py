"""User accounts: sign-in with lockout, passwords, roles, and vault key grants.

See store/crypto.py for the key scheme. In short: a confidential role's data key is stored only
wrapped to each entitled user's public key. A role given to a user who has no wrapped key yet
is a *pending grant*: any signed-in user who holds that key approves it (``approve_grants``),
which wraps the key to the new user. Nobody else, the administrator included, can read it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ethics_tui.errors import ConflictError, NotFoundError, UserError, ValidationError, found
from ethics_tui.model.labels import pick
from ethics_tui.model.user import ROLE_LABELS, VAULT_ROLES, User, check_password
from ethics_tui.service.access import require, setup_mode
from ethics_tui.service.context import Context
from ethics_tui.service.vault import refresh as _refresh
from ethics_tui.service.vault_rotation import grant_boxes, rotate, wrap
from ethics_tui.store import crypto

USERS = "users"
VAULT = "vault"  # doc 1: {"vaults": {name: {"created": ts}}, "recovery": {"public", "grants"}}
MAX_FAILED = 5
LOCK_MINUTES = 5


def _now() -> datetime:
    return datetime.now().astimezone()


def _find(tx_or_data, username: str):
    rows = tx_or_data.table(USERS).all() if hasattr(tx_or_data, "table") else None
    for doc in rows or []:
        if doc.get("username") == username:
            return doc
    return None


def list_users(ctx: Context) -> list[User]:
    require(ctx, "users.manage")
    return _all(ctx)


def _all(ctx: Context) -> list[User]:
    rows = ctx.store.load().get(USERS, {})
    return sorted((User.from_doc(int(k), v) for k, v in rows.items()), key=lambda u: u.username)


def get_user(ctx: Context, username: str) -> User:
    for u in _all(ctx):
        if u.username == username:
            return u
    raise NotFoundError(f"ไม่พบผู้ใช้ {username}", f"No user {username}")


def _vault_doc(tx) -> dict:
    return dict(tx.table(VAULT).get(doc_id=1) or {"vaults": {}, "recovery": {}})


def _grant_new_roles(ctx: Context, tx, user: User, vault_doc: dict) -> list[str]:
    """Wrap the data keys this user's vault roles need, where possible. Returns pending vaults."""
    pending = []
    for vault in VAULT_ROLES:
        if not user.entitled(vault) or vault in user.grants:
            continue
        if vault not in vault_doc["vaults"]:
            # first holder of this role: a new data key (nothing is encrypted under it yet)
            key = crypto.new_data_key()
            vault_doc["vaults"][vault] = {"created": _now().isoformat(timespec="seconds")}
            _wrap_recovery(vault_doc, vault, key)
            user.grants[vault] = crypto.wrap_to_public(key, user.keypair["public"], vault)
            tx.log("grant", "vault", vault, note=f"new key for {vault}, granted to {user.username}")
        elif vault in ctx.keys and (_refresh(ctx, vault) or vault in ctx.keys):
            _give(ctx, user, vault)
            tx.log("grant", "vault", vault, note=f"granted to {user.username}")
        else:
            pending.append(vault)
    return pending


def _give(ctx: Context, user: User, vault: str) -> None:
    """Wrap ``ctx``'s keys of ``vault`` (current and older generations) to ``user``."""
    user.grants[vault], old = grant_boxes(ctx, vault, user.keypair["public"])
    if old:
        user.old_grants[vault] = {**user.old_grants.get(vault, {}), **old}


def _wrap_recovery(vault_doc: dict, vault: str, key: bytes, gen: int = 0) -> None:
    rec = vault_doc.get("recovery") or {}
    cur = int((vault_doc.get("vaults") or {}).get(vault, {}).get("gen", 0))
    if rec.get("public") and gen == cur and int((rec.get("grants", {}).get(vault) or {"g": -1}).get("g", 0)) != cur:
        rec.setdefault("grants", {})[vault] = wrap(key, rec["public"], vault, gen)
        vault_doc["recovery"] = rec


def create_user(
    ctx: Context,
    username: str,
    display_name: str,
    roles: list[str],
    password: str,
    staff_id: int | None = None,
    must_change: bool = True,
) -> tuple[User, list[str]]:
    """Add a user (admin only; in setup mode the first user must be an admin).

    Returns the user and the vaults still waiting for approval by an entitled user.
    """
    first = setup_mode(ctx)
    if first:
        if "admin" not in roles:
            raise ValidationError({"roles": ("ผู้ใช้คนแรกต้องเป็นผู้ดูแลระบบ (admin)", "the first user must be an admin")})
        must_change = False
    else:
        require(ctx, "users.manage")
    user = User(
        username=(username or "").strip().lower(),
        display_name=(display_name or "").strip(),
        roles=sorted(set(roles)),
        staff_id=staff_id,
        must_change=must_change,
    )
    user.validate()
    check_password(password)
    user.pw, kek = crypto.new_password_record(password)
    user.keypair, private = crypto.new_keypair(kek, user.username)
    user.rev = 1
    with ctx.store.transaction(actor=ctx.actor if not first else user.username) as tx:
        if _find(tx, user.username) is not None:
            raise ValidationError({"username": ("มีชื่อผู้ใช้นี้แล้ว", "this username exists")})
        vault_doc = _vault_doc(tx)
        pending = _grant_new_roles(ctx, tx, user, vault_doc)
        tx.put(VAULT, 1, vault_doc)
        user.id = tx.table(USERS).insert(user.to_dict())
        tx.log("create", "user", user.id, ["username", "display_name", "roles", "staff_id", "password"])
    return user, pending


#: a password record no one can match: an unknown username costs the same scrypt as a known one
_DUMMY = {
    "kdf": "scrypt",
    "n": crypto.SCRYPT_N,
    "r": crypto.SCRYPT_R,
    "p": crypto.SCRYPT_P,
    "salt": crypto.b64(b"ethics-tui dummy"),
    "verifier": crypto.b64(bytes(32)),
}


def _refused() -> UserError:
    """One message for an unknown user, a wrong password, a locked and a disabled account (it
    must not tell which usernames exist)."""
    return UserError(
        f"เข้าสู่ระบบไม่ได้: ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ใส่รหัสผ่านผิด {MAX_FAILED} ครั้ง บัญชีจะถูกล็อก "
        f"{LOCK_MINUTES} นาที; บัญชีที่ถูกระงับเข้าสู่ระบบไม่ได้) — หากเข้าไม่ได้ ติดต่อผู้ดูแลระบบ",
        f"Cannot sign in: wrong username or password ({MAX_FAILED} wrong passwords lock an account for "
        f"{LOCK_MINUTES} min; a disabled account cannot sign in). Ask the administrator if it persists.",
    )


def sign_in(ctx: Context, username: str, password: str) -> User:
    """Check the password, with lockout after 5 failures. Sets ctx.user, ctx.actor, ctx.keys.

    Constant work whatever the outcome (one scrypt, also for an unknown username) and one
    message for every refusal. A successful sign-in writes nothing to the database: it is
    recorded in the audit log only; the user record is written only when its failure count or
    lock changes.
    """
    username = (username or "").strip().lower()
    found = next(
        ((int(k), d) for k, d in ctx.store.load().get(USERS, {}).items() if d.get("username") == username), None
    )
    doc = found[1] if found else None
    kek = crypto.check_password(doc.get("pw", {}) if doc else _DUMMY, password or "")
    if doc is None:
        if not ctx.store.load().get(USERS):  # no accounts at all: a deleted main.json is not a new office
            from ethics_tui.store import integrity

            integrity.check_main_present(ctx.store)
        ctx.store.log_event("login-failed", "user", None, note="unknown username", actor=username or "?")
        raise _refused()
    user = User.from_doc(found[0], doc)
    now = _now()
    locked = bool(user.locked_until) and datetime.fromisoformat(user.locked_until) > now
    if locked or not user.active:
        ctx.store.log_event("login-refused", "user", user.id, note="locked" if locked else "disabled", actor=username)
        raise _refused()
    if kek is None:
        with ctx.store.transaction(actor=username) as tx:
            fresh = _find(tx, username)
            user = User.from_doc(fresh.doc_id, fresh)
            user.failed += 1
            if user.failed >= MAX_FAILED:
                user.locked_until = (now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds")
                user.failed = 0
                tx.log("lock", "user", user.id, ["locked_until"])
            tx.put(USERS, user.id, user.to_dict())
            tx.log("login-failed", "user", user.id, ["failed"])
        raise _refused()
    if user.failed or user.locked_until:
        with ctx.store.transaction(actor=username) as tx:
            fresh = _find(tx, username)
            user = User.from_doc(fresh.doc_id, fresh)
            user.failed, user.locked_until = 0, ""
            tx.put(USERS, user.id, user.to_dict())
            tx.log("login", "user", user.id, ["failed", "locked_until"])
    else:
        ctx.store.log_event("login", "user", user.id, actor=username)
    private = crypto.open_private_key(kek, user.keypair, user.username)
    ctx.user, ctx.actor, ctx.private_key = user, user.username, private
    _open_keys(ctx, user, private)
    _backfill_recovery(ctx)
    from ethics_tui.service.vault_rotation import finish_pending

    finish_pending(ctx)  # values left under an older key by a rotation (writes only then)
    from ethics_tui.service.vault_backfill import backfill

    backfill(ctx)  # free text stored in clear by an older version (writes only when there is some)
    return user


def _open_keys(ctx: Context, user: User, private) -> None:
    """Unwrap the user's grants (current and older generations) into ``ctx``."""
    ctx.keys, ctx.keyring, ctx.key_gens = {}, {}, {}
    boxes = [(v, b) for v, b in user.grants.items()]
    boxes += [(v, b) for v, olds in user.old_grants.items() for b in olds.values()]
    for vault, box in boxes:
        try:
            key = crypto.unwrap_with_private(box, private, vault)
        except (crypto.CryptoError, TypeError, AttributeError):
            continue  # a damaged grant: the value shows as ปกปิด, nothing is lost
        ctx.keyring[(vault, int(box.get("g", 0)))] = key
        if box is user.grants.get(vault):
            ctx.keys[vault], ctx.key_gens[vault] = key, int(box.get("g", 0))


def _backfill_recovery(ctx: Context) -> None:
    """Wrap held keys to the recovery key where it lacks them (after a new vault was created)."""
    doc = ctx.store.load().get(VAULT, {}).get("1") or {}
    rec = doc.get("recovery") or {}
    cur = {v: int(d.get("gen", 0)) for v, d in (doc.get("vaults") or {}).items()}
    if not rec.get("public") or all(
        int((rec.get("grants", {}).get(v) or {"g": -1}).get("g", 0)) == cur.get(v, 0)
        or ctx.key_gens.get(v) != cur.get(v, 0)
        for v in ctx.keys
    ):
        return
    with ctx.store.transaction(actor=ctx.actor) as tx:
        vault_doc = _vault_doc(tx)
        for vault, key in ctx.keys.items():
            _wrap_recovery(vault_doc, vault, key, ctx.key_gens.get(vault, 0))
        tx.put(VAULT, 1, vault_doc)


def sign_out(ctx: Context) -> None:
    ctx.user, ctx.keys, ctx.private_key, ctx.keyring, ctx.key_gens = None, {}, None, {}, {}


def change_password(ctx: Context, old: str, new: str) -> None:
    """The signed-in user changes their own password (also after an admin reset)."""
    if ctx.user is None or ctx.private_key is None:
        raise UserError("ต้องเข้าสู่ระบบก่อน", "Sign in first")
    check_password(new)
    if new == old:
        raise ValidationError({"password": ("รหัสผ่านใหม่ต้องไม่ซ้ำรหัสเดิม", "the new password must differ")})
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = _find(tx, ctx.user.username)
        user = User.from_doc(doc.doc_id, doc)
        if crypto.check_password(user.pw, old or "") is None:
            raise UserError("รหัสผ่านเดิมไม่ถูกต้อง", "The current password is wrong")
        user.pw, kek = crypto.new_password_record(new)
        # keep the same key pair (and so every grant): re-encrypt the private key under the new KEK
        user.keypair = crypto.reseal_keypair(kek, ctx.private_key, user.username)
        user.must_change = False
        user.rev += 1
        tx.put(USERS, user.id, user.to_dict())
        tx.log("update", "user", user.id, ["password"])
    ctx.user = user


def reset_password(ctx: Context, username: str, temp_password: str, confirm_loss: int | None = None) -> list[str]:
    """Admin: set a temporary password; the user must choose a new one at next sign-in.

    The user's old private key is unrecoverable, so a new key pair is made and vault keys are
    re-granted by this admin where they hold them; the rest become pending grants (returned),
    which any other holder approves. Resetting the *last* holder of a key that the recovery key
    does not hold either would make its sealed values unreadable for good: refused
    (:class:`KeyLossError`) unless ``confirm_loss`` equals the number of those values.
    """
    from ethics_tui.service.users_custody import check_reset_loss

    require(ctx, "users.manage")
    check_password(temp_password)
    check_reset_loss(ctx, username, confirm_loss)
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(_find(tx, username), f"ไม่พบผู้ใช้ {username}", f"No user {username}")
        user = User.from_doc(doc.doc_id, doc)
        user.pw, kek = crypto.new_password_record(temp_password)
        user.keypair, _ = crypto.new_keypair(kek, user.username)
        user.grants, user.old_grants = {}, {}
        user.must_change, user.failed, user.locked_until = True, 0, ""
        vault_doc = _vault_doc(tx)
        pending = _grant_new_roles(ctx, tx, user, vault_doc)
        user.rev += 1
        tx.put(USERS, user.id, user.to_dict())
        tx.log("update", "user", user.id, ["password", "must_change"], note="reset by administrator")
    return pending


def set_roles(ctx: Context, username: str, roles: list[str], expected_rev: int | None = None) -> list[str]:
    """Admin: change a user's roles. Returns vaults waiting for approval."""
    require(ctx, "users.manage")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(_find(tx, username), f"ไม่พบผู้ใช้ {username}", f"No user {username}")
        user = User.from_doc(doc.doc_id, doc)
        if expected_rev is not None and expected_rev != user.rev:
            raise ConflictError("มีผู้อื่นแก้ไขผู้ใช้นี้ไปก่อนแล้ว", "Someone else changed this user meanwhile")
        old = set(user.roles)
        user.roles = sorted(set(roles))
        user.validate()
        if user.id == (ctx.user.id if ctx.user else None) and "admin" not in user.roles:
            raise ValidationError({"roles": ("ถอดบทบาทผู้ดูแลระบบของตนเองไม่ได้", "you cannot remove your own admin role")})
        _ensure_an_admin_remains(tx, user)
        _vd = _vault_doc(tx)
        for vault in sorted(set(user.grants) | set(user.old_grants)):
            if not user.entitled(vault):
                tx.log("revoke", "vault", vault, note=f"revoked from {username}")
                rotate(ctx, tx, vault, _vd, user)  # the wrapped key is deleted and the key replaced
        pending = _grant_new_roles(ctx, tx, user, _vd)
        tx.put(VAULT, 1, _vd)
        user.rev += 1
        tx.put(USERS, user.id, user.to_dict())
        tx.log("update", "user", user.id, ["roles"], note=f"{sorted(old)} -> {user.roles}")
    return pending


def _ensure_an_admin_remains(tx, changed: User) -> None:
    for doc in tx.table(USERS).all():
        if doc.doc_id == changed.id:
            if changed.active and "admin" in changed.roles:
                return
        elif doc.get("active", True) and "admin" in doc.get("roles", []):
            return
    raise ValidationError({"roles": ("ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน", "at least one active admin must remain")})


def set_active(ctx: Context, username: str, active: bool) -> None:
    """Admin: disable (or re-enable) an account. Disabling drops its vault grants."""
    require(ctx, "users.manage")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(_find(tx, username), f"ไม่พบผู้ใช้ {username}", f"No user {username}")
        user = User.from_doc(doc.doc_id, doc)
        if ctx.user and user.id == ctx.user.id and not active:
            raise UserError("ระงับบัญชีของตนเองไม่ได้", "You cannot disable your own account")
        user.active = active
        _ensure_an_admin_remains(tx, user)
        if not active and (user.grants or user.old_grants):
            tx.log("revoke", "vault", None, note=f"all keys revoked from {username}")
            vault_doc = _vault_doc(tx)
            for vault in sorted(set(user.grants) | set(user.old_grants)):
                rotate(ctx, tx, vault, vault_doc, user)
            tx.put(VAULT, 1, vault_doc)
        user.rev += 1
        tx.put(USERS, user.id, user.to_dict())
        tx.log("reactivate" if active else "deactivate", "user", user.id, ["active"])


def pending_grants(ctx: Context) -> list[tuple[str, str]]:
    """(username, vault) pairs: the role is assigned but the key not yet granted."""
    out = []
    for u in _all(ctx):
        for vault in VAULT_ROLES:
            if u.active and u.entitled(vault) and vault not in u.grants:
                out.append((u.username, vault))
    return out


def approve_grants(ctx: Context) -> list[tuple[str, str]]:
    """The signed-in user grants the keys they hold to users waiting for them."""
    if ctx.user is None:
        raise UserError("ต้องเข้าสู่ระบบก่อน", "Sign in first")
    done = []
    with ctx.store.transaction(actor=ctx.actor) as tx:
        for doc in tx.table(USERS).all():
            user = User.from_doc(doc.doc_id, doc)
            changed = False
            for vault in VAULT_ROLES:
                if user.active and user.entitled(vault) and vault not in user.grants and vault in ctx.keys:
                    _refresh(ctx, vault)
                    if vault not in ctx.keys:
                        continue
                    _give(ctx, user, vault)
                    tx.log("grant", "vault", vault, note=f"granted to {user.username}")
                    done.append((user.username, vault))
                    changed = True
            if changed:
                user.rev += 1
                tx.put(USERS, user.id, user.to_dict())
    return done


def role_names(roles: list[str], lang: str = "th") -> str:
    return ", ".join(pick(ROLE_LABELS[r], lang) for r in roles if r in ROLE_LABELS)


# -- register hooks (demo.REGISTERS): defined in the split modules, which import this one -------
def extend_demo(ctx):
    """Demo records (demo.load_demo calls it): see :mod:`ethics_tui.service.users_custody`."""
    from ethics_tui.service.users_custody import extend_demo as hook

    return hook(ctx)


def home_alerts(ctx):
    """Home-screen alerts (the home screen calls it): see :mod:`ethics_tui.service.users_custody`."""
    from ethics_tui.service.users_custody import home_alerts as hook

    return hook(ctx)
