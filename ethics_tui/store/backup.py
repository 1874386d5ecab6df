"""Backups: zip files holding every database file, the audit log and a manifest of SHA-256s.

Automatic backups (before a migration, before a restore, once a day) rotate: only the newest
``store.backup_keep`` are kept. Manual backups (``backup -o FILE``) are never rotated.
A restore refuses a backup whose manifest, hashes or JSON do not check out.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.store.atomic import atomic_write_bytes, os_error
from ethics_tui.store.audit import AUDIT_FILE

MANIFEST = "manifest.json"
AUTO_PREFIX = "auto-"
FORMAT = "ethics-tui-backup/1"


def _files_to_save(store) -> list[Path]:
    files = [store.path(n) for n in store.db_names()]
    audit = store.dir / AUDIT_FILE
    if audit.exists():
        files.append(audit)
    attachments = store.dir / "files"
    if attachments.is_dir():
        files.extend(p for p in sorted(attachments.rglob("*")) if p.is_file())
    return files


def build_backup_bytes(store) -> bytes:
    buf = io.BytesIO()
    manifest = {"format": FORMAT, "created": datetime.now().isoformat(timespec="seconds"), "files": {}}
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in _files_to_save(store):
            rel = path.relative_to(store.dir).as_posix()
            data = path.read_bytes()
            manifest["files"][rel] = hashlib.sha256(data).hexdigest()
            zf.writestr(rel, data)
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return buf.getvalue()


def create_backup(store, out: Path | None = None, reason: str = "manual", locked: bool = False) -> Path:
    """Write a backup. ``out=None`` puts an automatic, rotating one in ``backups/``."""

    def work() -> Path:
        target = out
        if target is None:
            store.backups_dir.mkdir(exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            target = store.backups_dir / f"{AUTO_PREFIX}{stamp}-{reason}.zip"
        target = Path(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error(exc, target.parent, "สร้างโฟลเดอร์สำรอง", "create the backup folder") from exc
        atomic_write_bytes(target, build_backup_bytes(store))
        if out is None:
            rotate(store)
        return target

    if locked:
        return work()
    with store.locked():
        return work()


def auto_backups(store) -> list[Path]:
    if not store.backups_dir.is_dir():
        return []
    return sorted(store.backups_dir.glob(f"{AUTO_PREFIX}*.zip"))


def rotate(store) -> None:
    backups = auto_backups(store)
    for old in backups[: max(0, len(backups) - store.backup_keep)]:
        try:
            old.unlink()
        except OSError:
            pass


def has_backup_today(store) -> bool:
    today = date.today().strftime("%Y%m%d")
    return any(p.name.startswith(f"{AUTO_PREFIX}{today}") for p in auto_backups(store))


def daily_backup(store) -> Path | None:
    """Take today's automatic backup if there is none yet (caller holds the lock)."""
    if has_backup_today(store):
        return None
    return create_backup(store, reason="daily", locked=True)


def check_backup(path: Path) -> dict[str, bytes]:
    """Validate a backup file and return its files. Raises UserError explaining the damage."""
    path = Path(path)

    def bad(th: str, en: str) -> UserError:
        return UserError(
            f"ไฟล์สำรอง {path} ใช้ไม่ได้: {th} — ไม่ได้กู้คืนข้อมูลใด ๆ",
            f"Backup {path} cannot be used: {en}. Nothing was restored.",
        )

    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if MANIFEST not in names:
                raise bad("ไม่มีรายการไฟล์ (manifest)", "it has no manifest")
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if manifest.get("format") != FORMAT:
                raise bad("ไม่ใช่ไฟล์สำรองของ ethics-tui", "it is not an ethics-tui backup")
            files: dict[str, bytes] = {}
            for rel, digest in manifest.get("files", {}).items():
                if rel.startswith("/") or ".." in Path(rel).parts:
                    raise bad(f"ชื่อไฟล์ไม่ปลอดภัย {rel}", f"unsafe file name {rel}")
                if rel not in names:
                    raise bad(f"ขาดไฟล์ {rel}", f"{rel} is missing")
                data = zf.read(rel)
                if hashlib.sha256(data).hexdigest() != digest:
                    raise bad(f"ไฟล์ {rel} ถูกแก้ไขหรือเสียหาย", f"{rel} is damaged (hash mismatch)")
                if rel.endswith(".json") and "/" not in rel:
                    try:
                        json.loads(data.decode("utf-8"))
                    except (ValueError, UnicodeDecodeError):
                        raise bad(f"ไฟล์ {rel} อ่านไม่ได้", f"{rel} is not valid JSON") from None
                files[rel] = data
    except UserError:
        raise
    except FileNotFoundError:
        raise bad("ไม่พบไฟล์", "file not found") from None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise bad(f"ไฟล์เสียหาย ({exc})", f"damaged file ({exc})") from None
    if not any(rel.endswith(".json") for rel in files):
        raise bad("ไม่มีฐานข้อมูลในไฟล์", "it holds no database")
    return files


def newest_good_backup(store) -> Path | None:
    for path in reversed(auto_backups(store)):
        try:
            check_backup(path)
            return path
        except UserError:
            continue
    return None


def restore_backup(store, path: Path, actor: str | None = None) -> Path:
    """Replace the data with a backup's. Saves the current state first; returns that backup."""
    files = check_backup(path)
    with store.locked():
        saved = None
        if not store.is_empty():
            try:
                saved = create_backup(store, reason="pre-restore", locked=True)
            except Exception:  # noqa: BLE001 - current files may be corrupt: save them raw
                saved = _raw_copy(store)
        current = {p.relative_to(store.dir).as_posix() for p in _files_to_save(store)}
        for rel, data in files.items():
            target = store.dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
        for rel in current - set(files):
            if rel.endswith(".json") and "/" not in rel:
                (store.dir / rel).unlink(missing_ok=True)
        store._cache.clear()
        store.audit._head = None
        store.audit_only("restore", "database", None, note=f"from {Path(path).name}", actor=actor)
        # stamp the restored main file's audit head so verify stays consistent
        for name in store.db_names():
            data = store.load(name)
            meta = dict(data.get("_meta", {}).get("1", {}))
            head = store.audit.head()
            meta["audit_head"] = {"seq": head.seq, "hash": head.hash}
            new = dict(data)
            new["_meta"] = {"1": meta}
            store._write(name, new)
    return saved


def _raw_copy(store) -> Path:
    """Copy the current files byte for byte (used when they cannot be read as a backup)."""
    store.backups_dir.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = store.backups_dir / f"raw-{stamp}-pre-restore.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in _files_to_save(store):
            zf.write(p, p.relative_to(store.dir).as_posix())
    atomic_write_bytes(target, buf.getvalue())
    return target
