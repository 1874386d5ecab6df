"""The crash log, ``<data>/logs/ethics-tui.log``: readable by this account only.

The TUI (tui/crash.py) and the CLI (cli/__init__.py) append tracebacks to it. A traceback may
quote a value from the record being handled, so the folder is 0700 and the file 0600 on POSIX,
one made by an older version tightened; on Windows they keep the ACL of the data folder
(docs/confidentiality.md)."""

from __future__ import annotations

import os
from pathlib import Path

LOG_NAME = "ethics-tui.log"


def open_log(folder: Path) -> Path:
    """Make ``folder`` and the log file in it, for this account only; the file's path. Raises
    OSError (the caller falls back or gives up on logging)."""
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    if os.name == "posix":
        for item, mode in ((folder, 0o700), (path, 0o600)):
            if item.stat().st_mode & 0o077:
                item.chmod(mode)
    return path
