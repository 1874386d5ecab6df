"""Restore a backup as one switch, and put a folder's files in place the same way (demo).

1. **Check** the backup (zip, manifest, safe names, hashes, every database parses as a dict of
   tables at a schema this version knows) and **stage** its owned files (databases, audit log,
   ``files/``) in ``<data>/.stage-XXXX/``. Then run ``verify`` on the staged folder; any
   problem refuses the restore. Nothing in the office has changed yet.
2. **Journal**: ``<data>/.switch-journal.json`` lists the entries to move out and in.
3. **Switch**: the office's owned entries move to ``<data>/.old-XXXX/``, the staged ones move
   in (renames in one folder). Then the journal is removed and the two folders deleted.

A process killed during step 1 leaves a ``.stage-*`` folder that the next open deletes. Killed
during step 3, the next :meth:`Store.open` finds the journal and completes the switch. So the
office always holds either the old or the restored files, never a mix. ``backups/``, ``logs/``
and files the app does not own are never touched.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.store.atomic import _fsync_dir, atomic_write_bytes
from ethics_tui.store.backup import create_backup, files_to_save, owned_top_level, scan_backup
from ethics_tui.store.backup_limits import refuse as _bad

STAGE_PREFIX = ".stage-"
OLD_PREFIX = ".old-"
JOURNAL = ".switch-journal.json"


def new_stage(folder: Path) -> Path:
    stage = Path(folder) / f"{STAGE_PREFIX}{secrets.token_hex(6)}"
    stage.mkdir()
    return stage


def leftovers(folder: Path) -> bool:
    """Whether a killed restore or demo left work for the next open (cheap, no lock)."""
    folder = Path(folder)
    if (folder / JOURNAL).exists():
        return True
    try:
        return any(p.name.startswith((STAGE_PREFIX, OLD_PREFIX)) for p in folder.iterdir() if p.is_dir())
    except OSError:
        return False


def finish_interrupted(folder: Path) -> bool:
    """Complete a switch that a killed process started; remove stale stage folders.
    Caller holds the write lock. Returns True if a switch was completed."""
    folder = Path(folder)
    journal = folder / JOURNAL
    done = False
    if journal.exists():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
            _check_plan(plan)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise UserError(
                f"พบบันทึกการกู้คืนที่ค้างอยู่แต่อ่านไม่ได้: {journal} — โปรดติดต่อผู้ดูแล อย่าลบโฟลเดอร์ .stage-/.old-",
                f"An interrupted restore left a journal that cannot be read: {journal}; "
                "ask your administrator and do not delete the .stage-/.old- folders",
            ) from exc
        _switch(folder, plan)
        done = True
    for p in folder.iterdir():
        if p.is_dir() and not p.is_symlink() and p.name.startswith((STAGE_PREFIX, OLD_PREFIX)):
            shutil.rmtree(p, ignore_errors=True)
    return done


def _check_plan(plan: dict) -> None:
    for key in ("stage", "old"):
        name = plan[key]
        if not isinstance(name, str) or "/" in name or "\\" in name or not name.startswith((STAGE_PREFIX, OLD_PREFIX)):
            raise ValueError(f"bad {key}")
    for key in ("out", "in"):
        if not all(isinstance(n, str) and owned_top_level(n) for n in plan[key]):
            raise ValueError(f"bad {key} list")


def switch_in(folder: Path, stage: Path) -> None:
    """Replace ``folder``'s owned entries with ``stage``'s, as one journalled switch.
    Caller holds the write lock."""
    folder = Path(folder)
    plan = {
        "stage": stage.name,
        "old": f"{OLD_PREFIX}{stage.name[len(STAGE_PREFIX) :]}",
        "out": sorted(p.name for p in folder.iterdir() if owned_top_level(p.name)),
        "in": sorted(p.name for p in stage.iterdir() if owned_top_level(p.name)),
    }
    atomic_write_bytes(folder / JOURNAL, json.dumps(plan).encode("utf-8"))
    _switch(folder, plan)
    for name in (plan["stage"], plan["old"]):
        shutil.rmtree(folder / name, ignore_errors=True)


def _switch(folder: Path, plan: dict) -> None:
    """Idempotent: run again after a crash at any point, it finishes the same switch."""
    stage, old = folder / plan["stage"], folder / plan["old"]
    old.mkdir(exist_ok=True)
    for name in plan["out"]:
        if not (old / name).exists() and (folder / name).exists():
            os.replace(folder / name, old / name)
    for name in plan["in"]:
        if (stage / name).exists():
            os.replace(stage / name, folder / name)
    _fsync_dir(folder)
    (folder / JOURNAL).unlink(missing_ok=True)
    _fsync_dir(folder)


def _verify_staged(stage: Path, path: Path) -> None:
    """Run ``verify`` on the staged files; an older schema is fine (migrated on open)."""
    from ethics_tui.service.verify import verify
    from ethics_tui.store import migrations
    from ethics_tui.store.database import Store

    staged = Store(stage)
    older = any(migrations.schema_of(staged.load(n)) < min(migrations.READABLE) for n in staged.db_names())
    problems = [p for p in verify(staged) if not (older and "schema" in p[1])]
    if problems:
        shown = problems[:5]
        more = f" (+{len(problems) - 5})" if len(problems) > 5 else ""
        raise _bad(
            path,
            "ตรวจสอบแล้วพบปัญหา: " + "; ".join(p[0] for p in shown) + more,
            "verify finds problems: " + "; ".join(p[1] for p in shown) + more,
        )


def _stamp_staged(stage: Path, source: Path, actor: str | None) -> None:
    """Log the restore in the staged audit log and point every staged database at it."""
    from ethics_tui.store.database import META_TABLE, Store

    staged = Store(stage)
    staged.audit_only("restore", "database", None, note=f"from {source.name}", actor=actor)
    head = staged.audit.head()
    for name in staged.db_names():
        data = staged._read_fresh(name)  # the root: its table files stay as they are
        meta = dict(data.get(META_TABLE, {}).get("1", {}))
        meta["audit_head"] = {"seq": head.seq, "hash": head.hash}
        data[META_TABLE] = {"1": meta}
        staged._write(name, data)


def restore_backup(store, path: Path, actor: str | None = None) -> Path | None:
    """Replace the office's files with a backup's, after checking it as ``verify`` would.
    Saves the current state first and returns that backup (None for an empty folder)."""
    path = Path(path)
    scan_backup(path)  # cheap refusal before any write
    with store.locked():
        finish_interrupted(store.dir)
        stage = new_stage(store.dir)
        try:
            try:
                scan_backup(path, extract_to=stage)
            except OSError as exc:
                raise _bad(path, f"แตกไฟล์ไม่ได้ ({exc.strerror})", f"cannot extract ({exc.strerror})") from None
            _verify_staged(stage, path)
            saved = None
            if not store.is_empty():
                try:
                    saved = create_backup(store, reason="pre-restore", locked=True)
                except Exception:
                    saved = _raw_copy(store)
            _stamp_staged(stage, path, actor)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        switch_in(store.dir, stage)
        store._cache.clear()
        store.audit._head = None
    return saved


def _raw_copy(store) -> Path:
    """Copy the current files byte for byte (used when they cannot be read as a backup)."""
    import zipfile
    from datetime import datetime

    from ethics_tui.store.atomic import atomic_writer

    store.backups_dir.mkdir(exist_ok=True)
    target = store.backups_dir / f"raw-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}-pre-restore.zip"
    with atomic_writer(target) as f, zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in files_to_save(store):
            zf.write(p, p.relative_to(store.dir).as_posix())
    return target
