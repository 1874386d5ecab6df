"""The store's lock on a descriptor kept open (store/filelock_fast.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from filelock import FileLock, Timeout

from ethics_tui.errors import StorageError
from ethics_tui.store import filelock_fast
from ethics_tui.store.database import LOCK_FILE, Store
from ethics_tui.store.filelock_fast import StoreLock

HOLD = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_excludes_and_is_excluded_by_filelock(tmp_path):
    path = tmp_path / LOCK_FILE
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        lock = StoreLock(path)
        with pytest.raises(Timeout):
            lock.acquire(0.1)
    finally:
        holder.communicate("\n")
    _filelock_is_shut_out(lock, path, wait=5)
    other = FileLock(str(path), timeout=1)
    other.acquire()
    other.release()


def _filelock_is_shut_out(lock, path, wait: float = 1) -> None:
    """``lock`` taken: filelock's own lock on the same file times out (one lock, two APIs)."""
    lock.acquire(wait)
    try:
        with pytest.raises(Timeout):
            FileLock(str(path), timeout=0.05).acquire()
    finally:
        lock.release()


def test_re_entrant_and_kept_open(tmp_path):
    lock = StoreLock(tmp_path / LOCK_FILE)
    lock.acquire(1)
    lock.acquire(1)
    fd = lock._fd
    lock.release()
    with pytest.raises(Timeout):  # still held once
        FileLock(str(tmp_path / LOCK_FILE), timeout=0.05).acquire()
    lock.release()
    lock.acquire(1)
    assert lock._fd == fd  # the same descriptor: no open per save
    lock.release()


def test_a_replaced_lock_file_is_locked_afresh(tmp_path):
    path = tmp_path / LOCK_FILE
    lock = StoreLock(path)
    lock.acquire(1)
    lock.release()
    path.unlink()  # removed (and made again by another process) while the descriptor is open
    path.write_bytes(b"")
    _filelock_is_shut_out(lock, path)


def test_without_fcntl_filelock_is_used(tmp_path, monkeypatch):
    monkeypatch.setattr(filelock_fast, "fcntl", None)
    lock = StoreLock(tmp_path / LOCK_FILE)
    assert not lock._native
    lock.acquire(1)
    assert lock._fallback is not None and lock._fallback.is_locked
    lock.release()
    assert not lock._fallback.is_locked


def test_a_busy_store_says_so(tmp_path):
    store = Store(tmp_path, lock_timeout=0.1).open(daily_backup=False)
    other = FileLock(str(tmp_path / LOCK_FILE))
    other.acquire()
    try:
        with pytest.raises(StorageError) as err, store.locked():
            pass
        assert isinstance(err.value.__cause__, Timeout)  # what the TUI's busy message looks for
    finally:
        other.release()
    with store.locked():
        pass


def test_a_forked_child_takes_the_lock_for_itself(tmp_path):
    if not hasattr(os, "fork"):
        pytest.skip("no fork")
    path = tmp_path / LOCK_FILE
    lock = StoreLock(path)
    lock.acquire(1)
    pid = os.fork()
    if pid == 0:  # the child: the parent's hold is not its own, so it must wait (and time out)
        try:
            lock.acquire(0.1)
            os._exit(1)
        except Timeout:
            os._exit(0)
        except BaseException:
            os._exit(2)
    try:
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        with pytest.raises(Timeout):  # the parent still holds it
            FileLock(str(path), timeout=0.05).acquire()
    finally:
        lock.release()
