"""Text snapshots of screens (an equivalent of pytest-textual-snapshot, which needs pytest<9).

``screen_text(app)`` is what the terminal shows, as plain text: the compositor's lines (the
current screen over the screens under it, as ``export_screenshot`` draws them) without styles,
with volatile parts masked (dates, times, Buddhist-era years, the data folder and temp paths).
``Snapshots`` compares each shot with ``tests/snapshots/<name>-<W>x<H>.txt`` and collects the
differences, so one walk reports every changed screen; ``UPDATE_SNAPSHOTS=1`` (``make
snapshots``) writes the files instead. A missing file fails with the command that writes it.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from pathlib import Path

from ethics_tui.thai.dates import MONTHS_ABBR, MONTHS_FULL

SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS", "") not in ("", "0")
REGENERATE = "make snapshots  (or: UPDATE_SNAPSHOTS=1 pytest tests/tui/test_snapshots.py)"

_D = "[0-9๐-๙]"
_MONTHS = "|".join(re.escape(m) for m in sorted(MONTHS_FULL + MONTHS_ABBR, key=len, reverse=True))
_MONTHS_EN = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_MASKS = [
    # 30 พ.ย. 2569 · 1 ตุลาคม 2568 · 30 Nov 2026 (the year may be cut by the column)
    (re.compile(r"(?<![0-9])20[0-9]{6}-[0-9]{6}(?:-[0-9]+)?"), "<stamp>"),  # backup file names
    (re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}\b"), "<code>"),  # random receipt codes
    (re.compile(rf"{_D}{{1,2}} ?(?:{_MONTHS}|{_MONTHS_EN}) ?(?:{_D}{{2,4}})?"), "<date>"),
    (re.compile(rf"(?:{_MONTHS}) ?{_D}{{2,4}}"), "<date>"),  # พ.ย. 69 / ตุลาคม 2568
    (re.compile(rf"{_D}{{1,2}}/{_D}{{1,2}}/{_D}{{2,4}}"), "<date>"),
    (re.compile(rf"{_D}{{4}}-{_D}{{2}}-{_D}{{2}}(?:[T ]{_D}{{2}}:{_D}{{2}}(?::{_D}{{2}})?)?"), "<date>"),
    (re.compile(rf"\b{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?\b|(?<!{_D}){_D}{{1,2}}[:.]{_D}{{2}} น\."), "<time>"),
    (re.compile(rf"(?<!{_D})(?:25|๒๕){_D}{{2}}(?!{_D})"), "<year>"),  # fiscal and calendar B.E. years
]


def mask(text: str, *paths: str, secrets: tuple[str, ...] = ()) -> str:
    # random values (receipt codes), also where a dialog covers their end: same width, "X"s
    for value in secrets:  # (and the start or the end alone, where a dialog or a field cuts it)
        for k in range(len(value), 2, -1):
            for part, pattern in ((value[:k], r"{}(?![A-Za-z0-9_])"), (value[-k:], r"(?<![A-Za-z0-9_]){}")):
                text = re.sub(pattern.format(re.escape(part)), re.sub(r"[A-Za-z0-9_]", "X", part), text)
    named = {p: "<data>" if "data" in Path(p).name else "<tmp>" for p in paths if p}
    named[os.getcwd()] = "<cwd>"  # default export folders follow the working folder
    for p in sorted(named, key=len, reverse=True):
        text = text.replace(p, named[p])
    text = re.sub(rf"{re.escape(tempfile.gettempdir())}/[^\s│┃▏▕|]*", "<tmp>", text)
    for pattern, token in _MASKS:
        text = pattern.sub(token, text)
    return text


def screen_text(app, secrets: tuple[str, ...] = ()) -> str:
    """The screen as plain text lines (no styles), trailing spaces removed, volatile parts masked."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    lines = []
    for line in update.strips:
        lines.append("".join(seg.text for strip in line for seg in strip if not seg.control).rstrip())
    data = str(getattr(app, "data_dir", "") or "")
    return mask("\n".join(lines).rstrip("\n") + "\n", data, str(Path(data).resolve()) if data else "", secrets=secrets)


class Snapshots:
    """Compare (or, with UPDATE_SNAPSHOTS=1, write) the shots of one walk."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.suffix = f"{size[0]}x{size[1]}"
        self.problems: list[str] = []
        self.names: list[str] = []

    def path(self, name: str) -> Path:
        return SNAPSHOT_DIR / f"{name}-{self.suffix}.txt"

    def check(self, name: str, text: str) -> None:
        if name in self.names:
            raise AssertionError(f"two shots named {name!r}")
        self.names.append(name)
        path = self.path(name)
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            self.problems.append(
                f"missing snapshot {path.relative_to(SNAPSHOT_DIR.parent.parent)}: "
                f"write it with `{REGENERATE}`, review it and commit it"
            )
            return
        old = path.read_text(encoding="utf-8")
        if old != text:
            diff = difflib.unified_diff(
                old.splitlines(), text.splitlines(), f"{path.name} (stored)", f"{path.name} (now)", lineterm="", n=1
            )
            self.problems.append("\n".join(list(diff)[:60]))

    def verdict(self) -> None:
        if self.problems:
            raise AssertionError(
                f"{len(self.problems)} screen(s) differ from tests/snapshots (if the change is meant, "
                f"run `{REGENERATE}` and review the diff):\n\n" + "\n\n".join(self.problems)
            )
