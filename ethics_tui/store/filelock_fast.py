"""The store's cross-process lock: ``flock`` on a descriptor kept open, ``filelock`` elsewhere.

A save at 30k staff spends most of its time in Python, and ``filelock.FileLock`` costs ~0.25 ms
a save (it opens the lock file, tracks forks and threads, closes it again). On POSIX this lock
keeps ``.ethics.lock`` open for the life of the store and takes ``flock(LOCK_EX)`` on that one
descriptor: the same lock ``filelock`` takes (``fcntl.flock`` on the same file), so a process of
this version and a process that uses ``filelock`` (an older version, the tests' lock holder)
exclude each other. After each acquire the descriptor must still be the file at the path (a lock
file removed and made again would not exclude a process that opened the new one); a process
forked while the descriptor was open opens its own (a lock on the inherited one would be the
parent's). Windows, a file system without ``flock`` (a share that answers ENOSYS/ENOLCK) and a
lock file that cannot be opened for writing use ``filelock``, as before.

A wait that runs out raises ``filelock.Timeout`` (the TUI's "the database is busy" message
looks for it). Re-entrant: the store calls it under its own thread lock (``Store._wlock``).
"""

from __future__ import annotations

import errno
import os
import time
import weakref
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: errors that mean "another process holds it" (some file systems answer EACCES)
_BUSY = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK})
#: errors that mean "no flock here": use filelock (which has a fallback of its own)
_NO_FLOCK = frozenset({errno.ENOSYS, errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL})
POLL_S = 0.05  # as filelock's default poll interval


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


class StoreLock:
    def __init__(self, path: Path | str):
        self.path = str(path)
        self._fd: int | None = None
        self._pid = 0
        self._finalizer = None
        self._native = fcntl is not None
        self._fallback = None  # filelock.FileLock, made when the native lock cannot be used
        self._depth = 0
        self._depth_pid = 0
        self._held_native = False

    def acquire(self, timeout: float) -> None:
        """Take the lock, waiting up to ``timeout`` seconds (< 0: no limit). Raises
        ``filelock.Timeout`` when it stays busy, OSError when the file cannot be locked."""
        if self._depth and self._depth_pid == os.getpid():
            self._depth += 1
            return
        self._depth, self._held_native = 0, False  # (a forked child holds nothing of its parent's)
        if self._native and self._acquire_native(timeout):
            self._held_native = True
        else:
            from filelock import FileLock

            if self._fallback is None:
                self._fallback = FileLock(self.path, timeout=timeout)
            self._fallback.timeout = timeout
            self._fallback.acquire()
            self._held_native = False
        self._depth, self._depth_pid = 1, os.getpid()

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth:
            return
        if self._held_native:
            self._held_native = False
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            except OSError:
                self._drop()  # closing the descriptor releases the lock
        else:
            self._fallback.release()

    def _open(self) -> int:
        if self._fd is not None and self._pid == os.getpid():
            return self._fd
        if self._fd is not None:  # inherited across fork: never unlock the parent's lock
            self._finalizer.detach()
            _close_quietly(self._fd)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        self._fd = os.open(self.path, flags, 0o644)
        self._pid = os.getpid()
        self._finalizer = weakref.finalize(self, _close_quietly, self._fd)
        return self._fd

    def _drop(self) -> None:
        if self._fd is not None:
            self._finalizer.detach()
            if self._pid == os.getpid():
                _close_quietly(self._fd)
            self._fd = None

    def _acquire_native(self, timeout: float) -> bool:
        """True with the lock held; False when this file system or folder needs filelock."""
        deadline = None if timeout < 0 else time.monotonic() + timeout
        for _attempt in range(1000):  # a lock file replaced on each attempt: give up, below
            try:
                fd = self._open()
            except OSError:
                self._native = False  # read-only folder, odd file: filelock says what is wrong
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in _BUSY:
                    if deadline is not None and time.monotonic() >= deadline:
                        from filelock import Timeout

                        raise Timeout(self.path) from None
                    time.sleep(POLL_S)
                    continue
                self._drop()
                if exc.errno in _NO_FLOCK:
                    self._native = False
                    return False
                raise
            if self._is_the_file(fd):
                return True
            fcntl.flock(fd, fcntl.LOCK_UN)  # the lock file was replaced: lock the one at the path
            self._drop()
        self._native = False
        return False

    def _is_the_file(self, fd: int) -> bool:
        try:
            here, mine = os.stat(self.path), os.fstat(fd)
        except OSError:
            return False
        return (here.st_ino, here.st_dev) == (mine.st_ino, mine.st_dev)
