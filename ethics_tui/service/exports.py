"""The record of every PDF export, so that ``verify-pdf`` can tell whether a file is an
unaltered export of this office.

Each export is a structured record of its own in ``exports.json`` (table ``exports``): the exact
SHA-256 of the file's bytes, the kind, the record reference, the time and the user, and for a
confidential export its place in the data folder. ``verify-pdf`` matches the hash field exactly;
file names and free-text notes play no part (issue 14: a file named ``x sha256:<hash>.pdf``
once fooled a search through the audit notes). The audit log keeps an ``export-pdf`` event too,
for the history.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

EXPORT_ACTION = "export-pdf"
EXPORTS_DB = "exports"
TABLE = "exports"
#: where confidential exports go (the case file, anything marked ลับ): inside the data folder
CONFIDENTIAL_DIR = "confidential-exports"


SIGNING = "signing"  # table of exports.json, doc 1: the office's Ed25519 key (public + wrapped)
SIGNED_FIELDS = ("sha256", "kind", "ref", "at", "user", "confidential", "file")


def _signed_bytes(record: dict) -> bytes:
    import json

    return json.dumps({k: record.get(k) for k in SIGNED_FIELDS}, sort_keys=True, ensure_ascii=False).encode()


def _office_key(ctx, tx):
    """The office's Ed25519 signing key for this user, or None (setup mode, or not yet wrapped to
    them). Made by the first signed-in exporter; its private half is stored only wrapped to each
    active user's public key (like the data keys), and re-wrapped here to any active user who
    lacks it (a new user, a reset key pair). Disabled users' wraps are dropped."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ethics_tui.store import crypto

    if ctx.user is None or ctx.private_key is None:
        return None
    doc = dict(tx.table(SIGNING).get(doc_id=1) or {})
    if not doc.get("public"):
        key = Ed25519PrivateKey.generate()
        doc = {
            "public": crypto.b64(key.public_key().public_bytes_raw()),
            "grants": {},
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
    else:
        box = (doc.get("grants") or {}).get(ctx.user.username)
        try:
            key = Ed25519PrivateKey.from_private_bytes(crypto.unwrap_with_private(box, ctx.private_key, "sign"))
        except (crypto.CryptoError, TypeError, ValueError, KeyError):
            return None
    raw, grants = key.private_bytes_raw(), dict(doc.get("grants") or {})
    users = {d.get("username"): d for d in ctx.store.load().get("users", {}).values()}
    for name in list(grants):
        if name not in users or not users[name].get("active", True):
            grants.pop(name)
    for name, u in users.items():
        public = (u.get("keypair") or {}).get("public")
        if u.get("active", True) and public and (grants.get(name) or {}).get("to") != public:
            grants[name] = {**crypto.wrap_to_public(raw, public, "sign"), "to": public}
    if grants != doc.get("grants"):
        tx.put(SIGNING, 1, {**doc, "grants": grants})
    return key


def signature_state(store, record: dict) -> str:
    """ "signed" (the office key's signature checks out), "unsigned" (recorded without one: setup
    mode, or a user the key had not reached yet) or "bad" (the record was altered)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ethics_tui.store import crypto

    if not record.get("sig"):
        return "unsigned"
    doc = store.load(EXPORTS_DB).get(SIGNING, {}).get("1") or {}
    try:
        Ed25519PublicKey.from_public_bytes(crypto.unb64(doc["public"])).verify(
            crypto.unb64(record["sig"]), _signed_bytes(record)
        )
    except (InvalidSignature, KeyError, ValueError, TypeError):
        return "bad"
    return "signed"


def record_export(ctx, path: Path, kind: str, ref=None, *, confidential: bool = False) -> str:
    """Record an exported PDF (hash, kind, reference, time, user), signed with the office key
    when this user holds it. Returns the hash."""
    from ethics_tui.pdf.authenticity import sha256_file

    digest = sha256_file(path)
    record = {
        "sha256": digest,
        "kind": kind,
        "ref": "" if ref is None else str(ref),
        "at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "user": ctx.actor,
    }
    if confidential:
        record["confidential"] = True
        try:
            record["file"] = Path(path).resolve().relative_to(ctx.store.dir.resolve()).as_posix()
        except ValueError:
            record["file"] = ""
        _owner_only(ctx, Path(path))
    with ctx.store.transaction(EXPORTS_DB, actor=ctx.actor) as tx:
        key = _office_key(ctx, tx)
        if key is not None:
            from ethics_tui.store import crypto

            record["sig"] = crypto.b64(key.sign(_signed_bytes(record)))
        rid = tx.table(TABLE).insert(record)
        tx.log(EXPORT_ACTION, kind, ref, ["sha256", "kind", "ref"], note=f"export record {rid}")
    return digest


def _owner_only(ctx, path: Path) -> None:
    """A confidential export in ``confidential-exports/`` is made 0600 (POSIX): the PDF writer
    creates it under the umask (0644 mostly). A file the user placed elsewhere (``-o``) keeps the
    mode of its place, the user's choice."""
    import os

    folder = confidential_dir(ctx).resolve()
    if os.name == "posix" and folder in path.resolve().parents:
        try:
            path.chmod(0o600)
        except OSError as exc:
            from ethics_tui.store.atomic import os_error

            raise os_error(exc, path, "ปิดสิทธิ์อ่านไฟล์เอกสารลับ", "make the confidential file private") from None


def find_export(store, digest: str) -> dict | None:
    """The export record whose SHA-256 is exactly ``digest`` (hex), or None."""
    digest = (digest or "").strip().lower()
    if len(digest) != 64:
        return None
    for doc in store.load(EXPORTS_DB).get(TABLE, {}).values():
        if doc.get("sha256") == digest:
            return doc
    return None


def confidential_dir(ctx) -> Path:
    return ctx.store.dir / CONFIDENTIAL_DIR


# -- the one export folder (issue 17 item 11) ----------------------------------------------
def exports_base(ctx) -> Path:
    """The office's exports folder: the ``exports_dir`` setting (a relative one is taken beside
    the data folder), else beside the data folder: ``exports/`` for a data folder named ``data``
    (the default), ``<name>-exports/`` for any other name, so that two offices side by side (the
    demo beside the real one) never mix their files in one folder. Always a full path."""
    import os

    from ethics_tui.service.input_files import normalize_path
    from ethics_tui.service.settings import get_settings

    data = Path(os.path.abspath(ctx.store.dir))
    text = (get_settings(ctx).exports_dir or "").strip()
    if not text:
        return data.parent / ("exports" if data.name == "data" else f"{data.name}-exports")
    beside = data.parent
    folder = normalize_path(text)
    return folder if folder.is_absolute() else beside / folder


def new_file_problem(ctx, text: str) -> tuple[str, str] | None:
    """Why the file typed (or pasted) for an export cannot be written there, in (Thai, English),
    or None. Inside the office's exports folder any missing folder is made; elsewhere one new
    folder in an existing one, not named like a file: a mangled path (one pasted after a
    pre-filled one, ``…/order-1.pdf/tmp/exports/…``) would make a chain of stray folders."""
    import os

    from ethics_tui.service.input_files import normalize_path

    target = Path(os.path.abspath(normalize_path(text)))
    if target.is_dir():
        return (f"{target} เป็นโฟลเดอร์ — พิมพ์ชื่อไฟล์ต่อท้าย", f"{target} is a folder; add a file name")
    folder, base = target.parent, Path(os.path.abspath(exports_base(ctx)))
    if folder.is_dir() or folder == base or base in folder.parents:
        return None
    looks_like_a_file = folder.suffix.lower() in (".pdf", ".xlsx", ".xls", ".csv", ".zip", ".docx", ".doc")
    if folder.parent.is_dir() and not looks_like_a_file:
        return None
    return (
        f"ไม่มีโฟลเดอร์ {folder} — พิมพ์โฟลเดอร์ที่มีอยู่ หรือกด f2 เลือก",
        f"No folder {folder}; type one that exists or press f2 to choose",
    )


def export_folder(ctx, fy: int | None = None) -> Path:
    """The folder every export goes to, TUI and CLI alike: the exports folder, and in it the
    fiscal year's subfolder (``exports/2569/``) unless the office chose one folder for all
    (setting ``exports_layout``). ``fy`` is the year the document belongs to (the report, the ITA
    set); without one, the current fiscal year. Not created here: the writers create it."""
    from ethics_tui.service.settings import get_settings

    base = exports_base(ctx)
    if get_settings(ctx).exports_layout == "flat":
        return base
    if fy is None:
        from ethics_tui.thai.dates import fiscal_year, today

        fy = fiscal_year(today())
    return base / str(int(fy))


def export_file(ctx, name: str, fy: int | None = None) -> Path:
    """``export_folder(ctx, fy) / name``."""
    return export_folder(ctx, fy) / name


def can_open_folders() -> bool:
    """Whether a folder can be shown in the desktop's file manager from here: not under
    ``ethics-tui serve`` (the user's browser is on another PC) and, on Linux, only with a
    desktop session (DISPLAY / WAYLAND_DISPLAY) and xdg-open."""
    import os
    import shutil
    import sys

    if os.environ.get("ETHICS_TUI_SERVE"):
        return False
    if sys.platform == "win32":
        return True
    if sys.platform == "darwin":
        return shutil.which("open") is not None
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and shutil.which("xdg-open") is not None


def open_folder(path: Path) -> bool:
    """Show ``path``'s folder (or ``path`` itself when it is one) in the file manager. False when
    that cannot be done here (see :func:`can_open_folders`) or failed: then say the path."""
    import os
    import subprocess
    import sys

    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    if not can_open_folders() or not folder.is_dir():
        return False
    try:
        if sys.platform == "win32":
            os.startfile(str(folder))  # type: ignore[attr-defined]
        else:
            cmd = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen(
                [cmd, str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except OSError:
        return False
    return True


# -- confidential exports ------------------------------------------------------------------
#: kind of a confidential export -> the permission needed to list or remove it
CONFIDENTIAL_KINDS = {"complaint-casefile": "complaints.read", "complaint-receipt": "complaints.read"}


def stamped_names(folder: Path, stem: str, suffix: str = ".pdf"):
    """``<stem>-<YYYYmmdd-HHMMSS><suffix>`` in ``folder`` (now, to the second), then the same with
    ``-2``, ``-3``, ... before the suffix: the names to try, in order, for a file made now."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    yield Path(folder) / f"{stem}-{stamp}{suffix}"
    n = 2
    while True:
        yield Path(folder) / f"{stem}-{stamp}-{n}{suffix}"
        n += 1


def reserve_new_file(folder: Path, stem: str, suffix: str = ".pdf") -> Path:
    """The first of :func:`stamped_names` no file has, created empty at once (exclusively: two
    programs at the same moment get two names), for the writer to fill; nothing is ever replaced.
    A writer that fails removes it again."""
    import os

    Path(folder).mkdir(parents=True, exist_ok=True)
    names = stamped_names(folder, stem, suffix)
    while True:
        path = next(names)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return path
        except FileExistsError:
            pass


def private_folder(folder: Path) -> Path:
    """``folder``, made if need be, open to this account only (0700) on POSIX, a folder made
    0755 by an older version included. On Windows it keeps the ACL it inherits from the data
    folder (docs/confidentiality.md). Raises StorageError."""
    import os

    from ethics_tui.store.atomic import os_error

    folder = Path(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix" and folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    except OSError as exc:
        raise os_error(exc, folder, "เตรียมโฟลเดอร์เอกสารลับ", "prepare the confidential folder") from None
    return folder


def confidential_path(ctx, stem: str) -> Path:
    """A fresh file in ``confidential-exports/`` (inside the data folder, never backed up): the
    name says what it is and when, never a receipt code or a person. The folder is made 0700
    (another account cannot open what is written in it) and :func:`record_export` makes the
    file 0600."""
    return next(p for p in stamped_names(private_folder(confidential_dir(ctx)), stem) if not p.exists())


def list_confidential(ctx) -> list[dict]:
    """The confidential exports still on disk that this user may see, newest first: each with
    ``id``, ``kind``, ``ref``, ``at``, ``user`` (who made it) and ``file``."""
    from ethics_tui.service.access import can

    out = []
    for k, doc in ctx.store.load(EXPORTS_DB).get(TABLE, {}).items():
        perm = CONFIDENTIAL_KINDS.get(doc.get("kind", ""), "users.manage")
        if (
            doc.get("confidential")
            and doc.get("file")
            and not doc.get("removed")
            and can(ctx, perm)
            and (ctx.store.dir / doc["file"]).is_file()
        ):
            out.append({**doc, "id": int(k)})
    return sorted(out, key=lambda d: (d.get("at", ""), d["id"]), reverse=True)


def remove_confidential(ctx, export_id: int) -> None:
    """Delete a confidential export's file (its record stays, so a copy can still be verified)."""
    from ethics_tui.errors import NotFoundError, UserError
    from ethics_tui.service.access import require

    doc = ctx.store.load(EXPORTS_DB).get(TABLE, {}).get(str(export_id))
    if doc is None or not doc.get("confidential") or not doc.get("file") or doc.get("removed"):
        raise NotFoundError(f"ไม่พบเอกสารลับที่ส่งออกรหัส {export_id}", f"No confidential export {export_id}")
    require(ctx, CONFIDENTIAL_KINDS.get(doc.get("kind", ""), "users.manage"))
    path = (ctx.store.dir / doc["file"]).resolve()
    if confidential_dir(ctx).resolve() not in path.parents:
        raise UserError("ไฟล์นี้ไม่อยู่ในโฟลเดอร์เอกสารลับ", "This file is not in the confidential exports folder")
    with ctx.store.transaction(EXPORTS_DB, actor=ctx.actor) as tx:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise UserError(f"ลบไฟล์ไม่ได้ ({exc.strerror})", f"Cannot delete the file ({exc.strerror})") from None
        tx.put(
            TABLE,
            export_id,
            {**doc, "removed": datetime.now().astimezone().isoformat(timespec="seconds"), "removed_by": ctx.actor},
        )
        tx.log("remove-export", doc.get("kind", ""), doc.get("ref"), ["file"])
