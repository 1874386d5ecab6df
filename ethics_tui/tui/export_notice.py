"""The message at the end of every export (issue 17 item 11): the full path of what was written
and the key that opens its folder (``ctrl+o``, the app's ``open_exports`` action). Under
``ethics-tui serve`` or without a desktop the folder cannot be opened from here, so the key
then says the folder's path instead of trying."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

OPEN_KEY = "ctrl+o"


def full(path: Path | str) -> Path:
    return Path(os.path.abspath(path))


def export_done(app, text: str, paths: Path | str | Iterable[Path | str] | None = None, **notify) -> None:
    """Notify ``text`` (which names the file(s) in full) with the open-folder key in the title;
    the last path is the one ``ctrl+o`` opens. Call on the UI thread (``call_from_thread`` from a worker)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [full(p) for p in (paths or [])]
    if paths:
        app.last_export = paths[-1]
    if paths:  # the key goes in the title: the message stays the path(s) and what was made
        hint = "ctrl+o: open the folder" if app.lang == "en" else "กด ctrl+o เปิดโฟลเดอร์"
        notify["title"] = f"{notify['title']} · {hint}" if notify.get("title") else hint
    notify.setdefault("timeout", 12)
    notify.setdefault("markup", False)
    app.notify(text, **notify)


def open_exports(app) -> None:
    """Show the folder of the last export (else the exports folder) in the file manager, or say
    its path where that cannot be done."""
    from ethics_tui.service.exports import export_folder, open_folder

    target = getattr(app, "last_export", None)
    if target is not None:
        folder = target if target.is_dir() else target.parent
    elif app.ctx is not None:
        folder = export_folder(app.ctx)
    else:
        return
    if not app.is_web and folder.is_dir() and open_folder(folder):
        app.notify(("Opened " if app.lang == "en" else "เปิดโฟลเดอร์แล้ว: ") + str(folder), markup=False)
        return
    app.notify(
        ("The files are in the folder " if app.lang == "en" else "ไฟล์อยู่ในโฟลเดอร์ ") + str(folder),
        timeout=15,
        markup=False,
    )
