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


def record_export(ctx, path: Path, kind: str, ref=None, *, confidential: bool = False) -> str:
    """Record an exported PDF (hash, kind, reference, time, user). Returns the hash."""
    from ethics_tui.pdf.authenticity import sha256_file

    digest = sha256_file(path)
    record = {"sha256": digest, "kind": kind, "ref": "" if ref is None else str(ref),
              "at": datetime.now().astimezone().isoformat(timespec="seconds"), "user": ctx.actor}
    if confidential:
        record["confidential"] = True
        try:
            record["file"] = Path(path).resolve().relative_to(ctx.store.dir.resolve()).as_posix()
        except ValueError:
            record["file"] = ""
    with ctx.store.transaction(EXPORTS_DB, actor=ctx.actor) as tx:
        rid = tx.table(TABLE).insert(record)
        tx.log(EXPORT_ACTION, kind, ref, ["sha256", "kind", "ref"], note=f"export record {rid}")
    return digest


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


def export_path(data_dir: Path | str, *parts: str) -> Path:
    """Where exports go: ``exports/`` beside the data folder when it exists (the repository
    layout, ``make run``), else ``exports/`` in the folder the program was started from."""
    sibling = Path(data_dir).resolve().parent / "exports"
    return (sibling if sibling.is_dir() else Path.cwd() / "exports").joinpath(*parts)


# -- confidential exports ------------------------------------------------------------------
#: kind of a confidential export -> the permission needed to list or remove it
CONFIDENTIAL_KINDS = {"complaint-casefile": "complaints.read", "complaint-receipt": "complaints.read"}


def confidential_path(ctx, stem: str) -> Path:
    """A fresh file in ``confidential-exports/`` (inside the data folder, never backed up): the
    name says what it is and when, never a receipt code or a person."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = confidential_dir(ctx)
    out, n = folder / f"{stem}-{stamp}.pdf", 1
    while out.exists():
        n += 1
        out = folder / f"{stem}-{stamp}-{n}.pdf"
    return out


def list_confidential(ctx) -> list[dict]:
    """The confidential exports still on disk that this user may see, newest first: each with
    ``id``, ``kind``, ``ref``, ``at``, ``user`` (who made it) and ``file``."""
    from ethics_tui.service.access import can

    out = []
    for k, doc in ctx.store.load(EXPORTS_DB).get(TABLE, {}).items():
        perm = CONFIDENTIAL_KINDS.get(doc.get("kind", ""), "users.manage")
        if doc.get("confidential") and doc.get("file") and not doc.get("removed") and can(ctx, perm):
            if (ctx.store.dir / doc["file"]).is_file():
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
        tx.put(TABLE, export_id, {**doc, "removed": datetime.now().astimezone().isoformat(timespec="seconds"),
                                  "removed_by": ctx.actor})
        tx.log("remove-export", doc.get("kind", ""), doc.get("ref"), ["file"])
