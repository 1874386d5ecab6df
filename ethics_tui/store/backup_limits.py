"""How much a backup may hold, checked before restore unpacks anything.

A backup is read through the one reader of user-given files (``service/input_files``): a
regular file only (a FIFO or ``/dev/zero`` is refused, never opened blocking). Its members'
sizes, as the zip declares them, are checked before the first one is unpacked: no member may be
larger than anything this program writes (an enclosure, a database, the audit log), compressed
suspiciously much, or together need more than the free disk space. zipfile never unpacks more
than a member declares, and the copy counts again while streaming.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.store.audit import AUDIT_FILE

FILES_DIR = "files"
#: Largest backup file read (it is streamed: this only bounds what is worth trying).
BACKUP_MAX_BYTES = 32 << 30
#: Largest database file (or table journal) and audit log a backup may hold, unpacked: a
#: database is checked in memory, so a bigger member is refused before anything is written.
DB_MEMBER_MAX = 256 << 20
AUDIT_MEMBER_MAX = 1 << 30
#: A member larger than 1 MB unpacked may not be compressed more than this (a zip bomb).
MEMBER_MAX_RATIO = 200


def refuse(path, th: str, en: str) -> UserError:
    """A backup that cannot be used: the message says nothing was restored."""
    return UserError(
        f"ไฟล์สำรอง {path} ใช้ไม่ได้: {th} — ไม่ได้กู้คืนข้อมูลใด ๆ",
        f"Backup {path} cannot be used: {en}. Nothing was restored.",
    )


def open_backup(path: Path) -> zipfile.ZipFile:
    """The backup as a zip over a regular file of at most BACKUP_MAX_BYTES."""
    from ethics_tui.service.input_files import open_regular

    try:
        f, _size = open_regular(path, BACKUP_MAX_BYTES, "ไฟล์สำรอง", "backup file")
    except UserError as exc:
        raise UserError(f"{exc.th} — ไม่ได้กู้คืนข้อมูลใด ๆ", f"{exc.en}. Nothing was restored.") from None
    try:
        return zipfile.ZipFile(f)
    except BaseException:
        f.close()
        raise


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB"


def member_limit(rel: str) -> int:
    """The most bytes an owned member ``rel`` may unpack to."""
    if rel.startswith(FILES_DIR + "/"):
        from ethics_tui.service.input_files import ENCLOSURE_MAX_BYTES

        return ENCLOSURE_MAX_BYTES  # an enclosure (the emblem's limit is smaller still)
    return AUDIT_MEMBER_MAX if rel == AUDIT_FILE else DB_MEMBER_MAX


def check_sizes(infos: list, path: Path, room: int | None = None) -> None:
    """Refuse a member larger than anything this program writes, one compressed suspiciously
    much, or members together larger than ``room`` (the free disk space)."""
    total = 0
    for info in infos:
        rel, size = info.filename, info.file_size
        limit = member_limit(rel)
        if size > limit:
            raise refuse(
                path,
                f"ไฟล์ {rel} ใหญ่ผิดปกติ ({_mb(size)} เมื่อแตกไฟล์ — ไม่เกิน {_mb(limit)})",
                f"{rel} is far too large ({_mb(size)} unpacked; the limit is {_mb(limit)})",
            )
        if size > (1 << 20) and size > MEMBER_MAX_RATIO * max(info.compress_size, 1):
            raise refuse(
                path,
                f"ไฟล์ {rel} ถูกบีบอัดมากผิดปกติ (อาจเป็นไฟล์อันตราย)",
                f"{rel} is compressed suspiciously much (a zip bomb?)",
            )
        total += size
    if room is not None and total > room:
        raise refuse(
            path,
            f"พื้นที่ว่างในดิสก์ไม่พอ (ต้องใช้ {_mb(total)} มีว่าง {_mb(room)})",
            f"not enough free disk space ({_mb(total)} needed, {_mb(room)} free)",
        )
