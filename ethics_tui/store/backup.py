"""Backups: zip files holding every database file, the audit log, the attachments and a
manifest of SHA-256s.

- Automatic backups (``auto-*.zip``: before a migration, before a restore, once a day) rotate:
  only the newest ``store.backup_keep`` are kept.
- Manual backups (``manual-*.zip`` in ``backups/``, or ``backup -o FILE``) are never rotated.
- A backup is written streaming (file by file, never whole files in memory) to a temp file
  that our writer names ``NAME.tmp-PID-XXXXXXXX``; a killed backup's temp file is removed on
  the next open.
- :func:`check_backup` refuses a backup whose zip, manifest, member names, hashes or databases
  do not check out. Restoring is in :mod:`ethics_tui.store.restore`.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath

from ethics_tui.errors import UserError
from ethics_tui.store.atomic import TEMP_RE, atomic_writer, os_error
from ethics_tui.store.audit import AUDIT_FILE
from ethics_tui.store.backup_limits import FILES_DIR, check_sizes, member_limit, open_backup
from ethics_tui.store.backup_limits import refuse as _bad

MANIFEST = "manifest.json"
AUTO_PREFIX = "auto-"
MANUAL_PREFIX = "manual-"
FORMAT = "ethics-tui-backup/1"
CHUNK = 1 << 20
_STAMP_RE = re.compile(r"^(?:auto|manual)-(\d{8}-\d{6}(?:-\d{6})?)")  # older manual names lack -%f


# -- what the app owns ----------------------------------------------------------------------
def is_db_file(name: str) -> bool:
    """A database root (``main.json``), one of its table files (``main.staff.<hex>.json``) or
    their journals (``main.staff.<hex>.jsonl``)."""
    from ethics_tui.store.database import DB_NAME_RE
    from ethics_tui.store.journal import JOURNAL_FILE_RE
    from ethics_tui.store.tables import TABLE_FILE_RE

    if JOURNAL_FILE_RE.match(name):
        return True
    return name.endswith(".json") and (bool(DB_NAME_RE.match(name[:-5])) or bool(TABLE_FILE_RE.match(name)))


def owned_top_level(name: str) -> bool:
    """A top-level entry of the data folder that backups carry and restore replaces."""
    return name in (AUDIT_FILE, FILES_DIR) or is_db_file(name)


def safe_member(rel: object) -> bool:
    """A relative POSIX path with no drive, root, backslash, '.', '..' or control character,
    read as both a POSIX and a Windows path (a backup made here may be restored on the other)."""
    if not isinstance(rel, str) or not rel or len(rel) > 400:
        return False
    if "\\" in rel or ":" in rel or any(ord(c) < 32 or ord(c) == 127 for c in rel):
        return False
    for p in (PurePosixPath(rel), PureWindowsPath(rel)):
        if p.is_absolute() or p.drive or p.root or p.anchor:
            return False
    return all(part not in ("", ".", "..") for part in rel.split("/"))


def owned_member(rel: str) -> bool:
    """A backup member that restore writes: a database file, the audit log, an attachment."""
    parts = rel.split("/")
    if len(parts) == 1:
        return parts[0] != FILES_DIR and owned_top_level(parts[0])
    return parts[0] == FILES_DIR


def files_to_save(store) -> list[Path]:
    from ethics_tui.store.tables import files_in

    files = [store.path(n) for n in store.db_names()] + files_in(store.dir)
    audit = store.dir / AUDIT_FILE
    if audit.is_file():
        files.append(audit)
    attachments = store.dir / FILES_DIR
    if attachments.is_dir():
        files.extend(
            p
            for p in sorted(attachments.rglob("*"))
            if p.is_file() and not p.is_symlink() and not TEMP_RE.match(p.name)
        )
    return files


_files_to_save = files_to_save  # old name


# -- writing --------------------------------------------------------------------------------
def write_backup(store, out) -> dict:
    """Stream every owned file into the open binary file ``out`` as a zip. Returns the manifest."""
    manifest = {"format": FORMAT, "created": datetime.now().isoformat(timespec="seconds"), "files": {}}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files_to_save(store):
            rel = path.relative_to(store.dir).as_posix()
            info = zipfile.ZipInfo(rel, date_time=datetime.now().timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            digest = hashlib.sha256()
            try:
                with open(path, "rb") as src:
                    big = src.seek(0, 2) > (1 << 30)
                    src.seek(0)
                    with zf.open(info, "w", force_zip64=big) as dst:
                        while chunk := src.read(CHUNK):
                            digest.update(chunk)
                            dst.write(chunk)
            except OSError as exc:
                raise os_error(exc, path, "อ่านไฟล์เพื่อสำรอง", "read a file to back up") from exc
            manifest["files"][rel] = digest.hexdigest()
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def build_backup_bytes(store) -> bytes:
    """The backup as bytes (small folders and tests only; backups on disk stream)."""
    import io

    buf = io.BytesIO()
    write_backup(store, buf)
    return buf.getvalue()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def manual_backup_name() -> str:
    """The file name a manual backup made now gets (``manual-<stamp>.zip``), wherever it goes."""
    return f"{MANUAL_PREFIX}{_stamp()}.zip"


def create_backup(store, out: Path | None = None, reason: str = "auto", locked: bool = False) -> Path:
    """Write a backup. ``out=None`` puts it in ``backups/``: ``manual-*`` when ``reason`` is
    "manual" (never rotated), else ``auto-*`` (rotated)."""

    def work() -> Path:
        target = out
        if target is None:
            prefix = MANUAL_PREFIX if reason == "manual" else AUTO_PREFIX
            suffix = "" if reason == "manual" else f"-{reason}"
            target = store.backups_dir / f"{prefix}{_stamp()}{suffix}.zip"
        target = Path(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error(exc, target.parent, "สร้างโฟลเดอร์สำรอง", "create the backup folder") from exc
        with atomic_writer(target) as f:
            write_backup(store, f)
        if out is None and reason != "manual":
            rotate(store)
        return target

    if locked:
        return work()
    with store.locked():
        return work()


def auto_backups(store) -> list[Path]:
    if not store.backups_dir.is_dir():
        return []
    return sorted(p for p in store.backups_dir.glob(f"{AUTO_PREFIX}*.zip") if p.is_file())


def manual_backups(store) -> list[Path]:
    if not store.backups_dir.is_dir():
        return []
    return sorted(p for p in store.backups_dir.glob(f"{MANUAL_PREFIX}*.zip") if p.is_file())


def all_backups(store) -> list[Path]:
    """Automatic and manual backups in ``backups/``, oldest first."""

    def key(p: Path):
        m = _STAMP_RE.match(p.name)
        return (m.group(1) if m else "", p.name)

    return sorted(auto_backups(store) + manual_backups(store), key=key)


def rotate(store) -> None:
    """Delete the oldest automatic backups beyond ``store.backup_keep`` (manual ones never)."""
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


# -- checking -------------------------------------------------------------------------------
def check_database(rel: str, raw: bytes | bytearray, path) -> dict:
    """The checks ``Store`` and ``verify`` make of a database file, on a backup member."""
    from ethics_tui.store import migrations

    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise _bad(path, f"ไฟล์ {rel} อ่านไม่ได้", f"{rel} is not valid JSON") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise _bad(path, f"ไฟล์ {rel} ไม่ใช่ฐานข้อมูล (ตาราง)", f"{rel} is not a database (dict of tables)")
    try:
        version = migrations.schema_of(data)
    except Exception:
        raise _bad(path, f"ไฟล์ {rel} มีข้อมูลรุ่น (schema) เสียหาย", f"{rel} has a damaged schema") from None
    if not isinstance(version, int) or version > max(migrations.READABLE):
        raise _bad(
            path,
            f"ไฟล์ {rel} สร้างโดยโปรแกรมรุ่นใหม่กว่า (schema {version}) — โปรดอัปเดตโปรแกรมก่อน",
            f"{rel} was written by a newer version (schema {version}); upgrade ethics-tui first",
        )
    return data


def scan_backup(path: Path, extract_to: Path | None = None) -> list[str]:
    """Check a backup member by member (streaming) and, with ``extract_to``, write the owned
    members there. Sizes and compression ratios are checked before any member is unpacked.
    Returns the owned member names. Raises UserError explaining the damage."""
    path = Path(path)
    try:
        with open_backup(path) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            if MANIFEST not in infos:
                raise _bad(path, "ไม่มีรายการไฟล์ (manifest)", "it has no manifest")
            if infos[MANIFEST].file_size > 50 << 20:
                raise _bad(path, "รายการไฟล์ใหญ่ผิดปกติ", "its manifest is too large")
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise _bad(path, "ไม่ใช่ไฟล์สำรองของ ethics-tui", "it is not an ethics-tui backup")
            listed = manifest.get("files")
            if not isinstance(listed, dict):
                raise _bad(path, "รายการไฟล์เสียหาย", "its manifest is damaged")
            for rel in listed:
                if not safe_member(rel):
                    raise _bad(path, f"ชื่อไฟล์ไม่ปลอดภัย {rel!r}", f"unsafe file name {rel!r}")
            if "main.json" not in listed:
                raise _bad(path, "ไม่มีฐานข้อมูลหลัก main.json", "it holds no main.json")
            owned = [rel for rel in listed if owned_member(rel)]
            for rel in owned:
                if rel not in infos:
                    raise _bad(path, f"ขาดไฟล์ {rel}", f"{rel} is missing")
            room = None
            if extract_to is not None:
                import shutil

                room = shutil.disk_usage(extract_to).free
            check_sizes([infos[rel] for rel in owned], path, room)
            for rel in owned:
                _copy_member(zf, infos[rel], listed[rel], extract_to, path)
    except UserError:
        raise
    except FileNotFoundError:
        raise _bad(path, "ไม่พบไฟล์", "file not found") from None
    except IsADirectoryError:
        raise _bad(path, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "it is a folder") from None
    except MemoryError:
        raise _bad(path, "หน่วยความจำไม่พอสำหรับตรวจไฟล์", "not enough memory to check it") from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        KeyError,
        UnicodeDecodeError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise _bad(path, f"ไฟล์เสียหาย ({exc})", f"damaged file ({exc})") from None
    return owned


def _copy_member(zf, info, digest: str, extract_to: Path | None, path: Path) -> None:
    """Stream one member (hashing it) into ``extract_to``; a database member is also kept, at
    most DB_MEMBER_MAX bytes (checked again while reading), and parsed."""
    rel = info.filename
    limit = member_limit(rel)
    h = hashlib.sha256()
    is_db = "/" not in rel and is_db_file(rel) and rel.endswith(".json")  # journals: verify reads them
    buf = bytearray() if is_db else None
    out = None
    if extract_to is not None:
        target = extract_to / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        out = open(target, "xb")
    read = 0
    try:
        with zf.open(info) as src:
            while chunk := src.read(CHUNK):
                read += len(chunk)
                if read > limit:
                    raise _bad(path, f"ไฟล์ {rel} ใหญ่ผิดปกติ", f"{rel} is far too large")
                h.update(chunk)
                if buf is not None:
                    buf += chunk
                if out is not None:
                    out.write(chunk)
    finally:
        if out is not None:
            out.close()
    if h.hexdigest() != digest:
        raise _bad(path, f"ไฟล์ {rel} ถูกแก้ไขหรือเสียหาย", f"{rel} is damaged (hash mismatch)")
    if buf is not None:
        check_database(rel, buf, path)


def check_backup(path: Path) -> list[str]:
    """Validate a backup file (zip, manifest, names, hashes, databases). Returns the owned
    member names. Raises UserError explaining the damage."""
    return scan_backup(path)


def newest_good_backup(store) -> Path | None:
    for path in reversed(all_backups(store)):
        try:
            check_backup(path)
            return path
        except UserError:
            continue
    return None


def restore_backup(store, path: Path, actor: str | None = None) -> Path | None:
    from ethics_tui.store.restore import restore_backup as run

    return run(store, path, actor=actor)
