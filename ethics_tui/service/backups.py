"""Backup and restore with role checks (the store layer does the work)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ethics_tui.errors import CorruptDatabaseError, UserError
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.store import backup, tables
from ethics_tui.store.backup_limits import open_backup


def backup_now(ctx: Context, out: Path | None = None, to_dir: Path | str | None = None) -> Path:
    """A manual backup: to ``out``, else ``manual-<stamp>.zip`` in the folder ``to_dir`` (a USB
    drive, another disk), else in ``backups/``. Streamed to a temp file and renamed, so a full
    or read-only target leaves no partial file (a Thai StorageError says which). Returns the
    full path of the zip."""
    import os

    require(ctx, "backup.create")
    if to_dir is not None and str(to_dir).strip():
        from ethics_tui.service.input_files import normalize_path

        folder = normalize_path(str(to_dir))
        own = os.path.abspath(folder) == os.path.abspath(ctx.store.backups_dir)
        if not own and not folder.is_dir():  # the program's own folder is made on its first backup
            raise UserError(
                f"ไม่พบโฟลเดอร์ {os.path.abspath(folder)} — เสียบไดรฟ์ USB หรือเลือกโฟลเดอร์ที่มีอยู่",
                f"No folder {os.path.abspath(folder)}; plug in the USB drive or choose a folder that exists",
            )
        if not own:
            out = folder / backup.manual_backup_name()
    path = backup.create_backup(ctx.store, Path(out) if out else None, reason="manual")
    path = Path(os.path.abspath(path))
    note = path.name if path.parent == Path(os.path.abspath(ctx.store.backups_dir)) else str(path)
    ctx.store.log_event("backup", "database", None, note=note, actor=ctx.actor)
    return path


def database_readable(store) -> bool:
    from ethics_tui.store.integrity import MissingFileError, check_main_present

    try:
        for name in store.db_names():
            store.load(name)
        check_main_present(store)  # a deleted main.json: nobody can sign in, restore is open
        return True
    except (CorruptDatabaseError, MissingFileError):
        return False


def restore(ctx: Context, path: Path) -> Path | None:
    """Restore a backup (admin). When the database cannot be read at all, nobody can sign in,
    so restoring it is allowed to whoever runs the program on this folder."""
    if database_readable(ctx.store):
        require(ctx, "backup.restore")
    return backup.restore_backup(ctx.store, Path(path), actor=ctx.actor)


@dataclass
class BackupSummary:
    """What a backup holds, shown before a restore replaces the data with it (counts only)."""

    path: Path
    created: datetime | None
    size: int  # bytes
    staff: int
    documents: int  # orders and notices
    acks: int  # acknowledgements recorded


def newest_backup(ctx: Context) -> Path | None:
    """The newest backup in ``backups/`` that checks out, manual or automatic."""
    require(ctx, "backup.restore")
    return backup.newest_good_backup(ctx.store)


def describe(ctx: Context, path: Path) -> BackupSummary:
    """Check a backup and count what it holds. Raises UserError (Thai/English) when it is
    missing, damaged or not ours."""
    if database_readable(ctx.store):
        require(ctx, "backup.restore")
    return summarize(path)


def summarize(path: Path) -> BackupSummary:
    """:func:`describe` without the role check: for the damaged-database screen, where nobody
    can sign in."""
    path = Path(path)
    if not path.exists():  # a typed name: say where it was looked for
        from ethics_tui.service.input_files import where_looked

        raise UserError(
            f"ไม่พบไฟล์สำรอง {path.name} ในโฟลเดอร์ {where_looked(path)} — ไม่ได้กู้คืนข้อมูลใด ๆ",
            f"Backup {path.name} not found in the folder {where_looked(path)}. Nothing was restored.",
        )
    owned = backup.check_backup(path)
    try:
        with open_backup(path) as zf:  # a regular file, as check_backup just found
            manifest = json.loads(zf.read(backup.MANIFEST).decode("utf-8"))
            main = json.loads(zf.read("main.json").decode("utf-8"))
            acks = 0
            for rel in owned:
                if "/" not in rel and rel.startswith("acks-") and rel.endswith(".json"):
                    table = json.loads(zf.read(rel).decode("utf-8")).get("acks", {})
                    acks += sum(1 for a in table.values() if isinstance(a, dict) and a.get("status") == "acknowledged")
        size = path.stat().st_size
    except (OSError, ValueError, KeyError, AttributeError, zipfile.BadZipFile) as exc:
        raise UserError(f"อ่านไฟล์สำรอง {path} ไม่ได้ ({exc})", f"Cannot read the backup {path} ({exc})") from None
    try:
        created = datetime.fromisoformat(str(manifest.get("created", "")))
    except ValueError:
        created = None

    def count(name: str) -> int:
        table = main.get(name)
        if isinstance(table, dict):
            return len(table)
        entry = tables.entries(main).get(name)  # a table in its own file: the root has its count
        return entry["count"] if entry and isinstance(entry.get("count"), int) else 0

    return BackupSummary(path, created, size, count("staff"), count("orders") + count("notices"), acks)
