"""Atomic file replacement and friendly OS error messages.

A write goes to a temp file in the same folder, is flushed and fsynced, then moved over the
target with ``os.replace`` and the folder is fsynced. A process killed at any moment leaves
either the old or the new file, plus at worst a stale temp file that
:func:`cleanup_temp_files` removes on the next start (under the lock).
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ethics_tui.errors import StorageError

TEMP_MARK = ".tmp-"
#: The exact name of our writer's temp files: ``<target name>.tmp-<pid>-<8 hex digits>``.
#: Cleanup deletes only names that match this, never another file with ".tmp-" in its name.
TEMP_RE = re.compile(r"^.+\.tmp-\d{1,10}-[0-9a-f]{8}\Z")
#: How long to keep retrying os.replace on Windows while another process holds the file.
REPLACE_RETRY_SECONDS = 2.0
IS_WINDOWS = os.name == "nt"


def os_error(exc: OSError, path: Path | str, doing_th: str, doing_en: str) -> StorageError:
    """Translate an OSError into a clear Thai/English StorageError."""
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        th, en = "พื้นที่ดิสก์เต็ม", "the disk is full"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
        th, en = "ไม่มีสิทธิ์เขียน หรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว", "permission denied or read-only folder"
    elif code == errno.ENOENT:
        th, en = "ไม่พบไฟล์หรือโฟลเดอร์", "file or folder not found"
    else:
        th, en = f"ข้อผิดพลาดของระบบ ({exc.strerror or exc})", f"system error ({exc.strerror or exc})"
    return StorageError(
        f"{doing_th}ไม่สำเร็จ: {th} — {path} (ข้อมูลเดิมไม่ถูกแก้ไข)",
        f"Could not {doing_en}: {en} — {path} (existing data was not changed)",
    )


def _fsync_dir(folder: Path) -> None:
    if IS_WINDOWS:  # directories cannot be opened for fsync on Windows
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_path(path: Path) -> None:
    other = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(other)
    finally:
        os.close(other)


#: the most threads kept for a commit's fsyncs besides the caller's (journals + the audit log)
FSYNC_THREADS = 4
_syncers_lock = threading.Lock()
_syncers: dict = {}  # pid -> (job queue, threads): a forked child has none of its parent's threads


def _fsync_worker(jobs) -> None:
    while True:
        path, errors, done = jobs.get()
        try:
            _fsync_path(path)
        except BaseException as exc:  # handed to the caller, which raises it
            errors.append(exc)
        finally:
            done.release()


def _fsync_jobs(wanted: int):
    """The queue of this process's fsync threads, with up to ``wanted`` of them started (daemon
    threads: idle ones never hold up the exit, and a caller always waits for its own jobs)."""
    import queue

    with _syncers_lock:
        pid = os.getpid()
        if pid not in _syncers:
            _syncers.clear()
            _syncers[pid] = (queue.SimpleQueue(), [])
        jobs, threads = _syncers[pid]
        while len(threads) < min(wanted, FSYNC_THREADS):
            t = threading.Thread(target=_fsync_worker, args=(jobs,), name="ethics-fsync", daemon=True)
            t.start()
            threads.append(t)
        return jobs


def fsync_together(fd: int, paths: tuple[Path, ...] = ()) -> None:
    """fsync ``fd`` and each of ``paths`` at once (on threads kept for it: starting one per file
    cost more CPU than the rest of a save's Python): all are on disk when it returns. Raises
    the first OSError."""
    if not paths:
        os.fsync(fd)
        return
    errors: list[BaseException] = []
    done = threading.Semaphore(0)
    try:
        jobs = _fsync_jobs(len(paths))
    except RuntimeError:  # no thread could be started: one after another, here
        jobs = None
    if jobs is not None:
        for p in paths:
            jobs.put((p, errors, done))
    try:
        os.fsync(fd)
    finally:
        if jobs is None:
            for p in paths:
                try:
                    _fsync_path(p)
                except OSError as exc:
                    errors.append(exc)
        else:
            for _p in paths:
                done.acquire()
    if errors:
        raise errors[0]


def _replace_with_retry(src: str, dst: Path) -> None:
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            # Windows: the target is open in another process (antivirus, a second PC).
            if not IS_WINDOWS or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def temp_path(path: Path) -> Path:
    """Where our writer puts ``path``'s new content before the switch (matches TEMP_RE)."""
    path = Path(path)
    return path.parent / f"{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"


@contextmanager
def atomic_writer(path: Path) -> Iterator:
    """Write ``path`` through a binary file object, streaming; it replaces ``path`` atomically
    when the block ends, and is removed if the block raises. Raises StorageError."""
    path = Path(path)
    tmp = temp_path(path)
    try:
        f = open(tmp, "xb")
    except OSError as exc:
        raise os_error(exc, path, "บันทึกไฟล์", "write the file") from exc
    try:
        try:
            yield f
            f.flush()
            os.fsync(f.fileno())
        finally:
            f.close()
        _replace_with_retry(str(tmp), path)
    except BaseException as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise os_error(exc, path, "บันทึกไฟล์", "write the file") from exc
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes, also_sync: tuple[Path, ...] = ()) -> None:
    """Replace ``path`` with ``data`` atomically. Raises StorageError; never truncates.

    ``also_sync``: files written (not yet fsynced) that must be on disk before ``path`` is
    replaced (a commit's journal lines and audit entries): fsynced together with the new content,
    so the disk can take them in one flush."""
    path = Path(path)
    folder = path.parent
    tmp = temp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            fsync_together(fd, also_sync)
        finally:
            os.close(fd)
        _replace_with_retry(str(tmp), path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise os_error(exc, path, "บันทึกข้อมูล", "save data") from exc
    _fsync_dir(folder)


def stale_temp_files(folder: Path) -> list[Path]:
    """Temp files our writer left in ``folder`` (exact name pattern, regular files only)."""
    try:
        return [p for p in Path(folder).glob(f"*{TEMP_MARK}*") if TEMP_RE.match(p.name) and p.is_file()]
    except OSError:
        return []


def cleanup_temp_files(folder: Path) -> list[Path]:
    """Remove temp files left by a killed writer. Call only while holding the write lock."""
    removed = []
    for p in stale_temp_files(folder):
        if not p.is_symlink():
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def unencodable(where: str) -> StorageError:
    """The error for text that cannot be saved (lone surrogates from a mis-decoded file name)."""
    return StorageError(
        f"บันทึกไม่ได้: ข้อความใน {where} มีอักขระที่เข้ารหัสไม่ได้ (เช่น ชื่อไฟล์จากระบบภาษาอื่น) — โปรดพิมพ์ข้อความนั้นใหม่ (ข้อมูลเดิมไม่ถูกแก้ไข)",
        f"Not saved: the text in {where} holds characters that cannot be encoded (e.g. a file name "
        "from another system's code page); please type it again (existing data was not changed)",
    )


def encode_json(data, path) -> bytes:
    """Compact UTF-8 JSON; text that cannot be encoded becomes a StorageError naming the record."""
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        raise unencodable(_where_unencodable(data) or Path(path).name) from None


def _where_unencodable(value, path: tuple = ()) -> str | None:
    """A readable location (``staff #5 first_name``) of the first text with lone surrogates."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            parts = [str(p) for p in path]
            if len(parts) > 1:
                parts[1] = f"#{parts[1]}"
            return " ".join(parts) or "?"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        found = _where_unencodable(k, path) if isinstance(k, str) else None
        found = found or _where_unencodable(v, (*path, k))
        if found:
            return found
    return None
