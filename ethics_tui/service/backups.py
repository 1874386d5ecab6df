"""Backup and restore with role checks (the store layer does the work)."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.errors import CorruptDatabaseError
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.store import backup


def backup_now(ctx: Context, out: Path | None = None) -> Path:
    require(ctx, "backup.create")
    path = backup.create_backup(ctx.store, Path(out) if out else None, reason="manual")
    ctx.store.log_event("backup", "database", None, note=path.name, actor=ctx.actor)
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
