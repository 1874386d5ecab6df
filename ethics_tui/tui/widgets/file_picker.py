"""One file picker for every path field (issue 17 item 8), keyboard first.

``FilePickerModal`` lists one folder: "..", its subfolders, then only the regular files of the
accepted types (a FIFO, a device or a hidden file is never offered), and the places to jump to
(the home folder, USB drives and other disks). Typing filters the list, the arrows move, enter
opens a folder or picks a file, backspace on an empty filter goes up, escape cancels. In folder
mode the first line picks the folder shown. It starts in the folder of the field's current
value, else the last folder used in this session, else the home folder.

``PathInput`` is the Input for a path: F2 opens the picker and puts its choice in the field; a
typed or pasted path is read by ``service.input_files.normalize_path`` (quotes from a drop, ``~``,
``file://``, escaped spaces).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ethics_tui.service.input_files import normalize_path, removable_drives
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.i18n import localize_bindings
from ethics_tui.tui.widgets.form import SEARCH_BOX_MAX
from ethics_tui.tui.widgets.plain import PlainOptionList

PICK_KEY = "f2"
_LAST: dict[str, Path] = {}  # "file" / "folder" -> the last folder used (this session)


def _(lang: str, th: str, en: str) -> str:
    return en if lang == "en" else th


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1 << 20 else f"{n / (1 << 20):,.1f} MB"


def start_folder(value: str, mode: str) -> Path:
    """Where the picker opens: the folder of ``value`` if it exists, else the last folder used,
    else the home folder."""
    if value.strip():
        p = normalize_path(value)
        for candidate in (p, p.parent):
            if candidate.is_dir():
                return Path(os.path.abspath(candidate))
    last = _LAST.get(mode)
    if last is not None and last.is_dir():
        return last
    return Path.home()


def list_folder(folder: Path, suffixes: tuple[str, ...], folders_only: bool) -> tuple[list[Path], list[Path], str]:
    """(subfolders, regular files of the accepted types, error) of ``folder``, hidden ones left out."""
    dirs: list[Path] = []
    files: list[Path] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir():
                        dirs.append(Path(entry.path))
                    elif (
                        not folders_only and entry.is_file() and (not suffixes or entry.name.lower().endswith(suffixes))
                    ):
                        files.append(Path(entry.path))
                except OSError:
                    continue
    except OSError as exc:
        return [], [], exc.strerror or str(exc)
    key = lambda p: p.name.lower()
    return sorted(dirs, key=key), sorted(files, key=key), ""


class FilePickerModal(GuardedModal[Path | None]):
    """Dismisses the chosen file (or folder, in folder mode), or None."""

    DEFAULT_CSS = """
    FilePickerModal #dialog { height: auto; max-height: 100%; }
    FilePickerModal #fp-where { height: auto; max-height: 2; color: $text-muted; }
    FilePickerModal #fp-list { height: 16; min-height: 3; }
    FilePickerModal #fp-error { height: auto; color: $error; }
    FilePickerModal #fp-dialog { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
        Binding("enter", "choose", "pick_choose", priority=True),
    ]

    def __init__(
        self, start: Path | None = None, suffixes: tuple[str, ...] = (), *, folder: bool = False, title: str = ""
    ) -> None:
        super().__init__()
        self.mode = "folder" if folder else "file"
        self.folder_mode = folder
        self.suffixes = tuple(s.lower() for s in suffixes)
        self.cwd = Path(os.path.abspath(start or start_folder("", self.mode)))
        self.title_text = title
        self.targets: list[Path] = []

    def compose(self) -> ComposeResult:
        L = self.lang
        title = self.title_text or self.t("pick_folder" if self.folder_mode else "pick_file")
        if self.suffixes:
            title += " (" + " ".join(self.suffixes) + ")"
        with Vertical(id="dialog", classes="wide"):
            yield Static(title, classes="dialog-title", markup=False)
            yield Static("", id="fp-where", markup=False)
            yield Input(
                id="fp-filter",
                compact=True,
                placeholder=_(L, "พิมพ์เพื่อกรองชื่อ", "type to filter"),
                max_length=SEARCH_BOX_MAX,
            )
            yield PlainOptionList(id="fp-list")
            yield Static("", id="fp-error", markup=False)
            yield Static(
                _(
                    L,
                    "enter เปิดโฟลเดอร์/เลือก · ↑↓ เลื่อน · backspace ขึ้นไป · esc ยกเลิก",
                    "enter opens/picks · ↑↓ move · backspace up · esc cancel",
                ),
                classes="hint",  # the keys inside the dialog, as every form names them
                markup=False,
            )

    def on_resize(self) -> None:
        # as many lines as the terminal leaves (the dialog fits 80×24), at most 20
        self.query_one("#fp-list", OptionList).styles.height = max(3, min(20, self.app.size.height - 14))

    def on_mount(self) -> None:
        self.on_resize()
        self.show(self.cwd)
        self.query_one("#fp-filter", Input).focus()

    # -- the listing -------------------------------------------------------------------------
    def show(self, folder: Path) -> None:
        self.cwd = folder
        self.query_one("#fp-filter", Input).value = ""
        self.refill()

    def refill(self) -> None:
        L = self.lang
        needle = self.query_one("#fp-filter", Input).value.strip().lower()
        dirs, files, error = list_folder(self.cwd, self.suffixes, self.folder_mode)
        self.query_one("#fp-where", Static).update(str(self.cwd))
        self.query_one("#fp-error", Static).update(
            _(L, f"เปิดโฟลเดอร์นี้ไม่ได้: {error}", f"Cannot open this folder: {error}") if error else ""
        )
        options: list[Option] = []
        self.targets = []

        def add(label: str | Text, target: Path) -> None:
            options.append(Option(label))
            self.targets.append(target)

        if self.folder_mode and not needle:
            add(Text(_(L, f"✓ เลือกโฟลเดอร์นี้: {self.cwd}", f"✓ choose this folder: {self.cwd}"), style="bold"), self.cwd)
        if self.cwd.parent != self.cwd and not needle:
            add(_(L, ".. (ขึ้นไป)", ".. (up)"), self.cwd.parent)
        for d in dirs:
            if needle in d.name.lower():
                add(Text(d.name + os.sep, style="bold"), d)
        for f in files:
            if needle in f.name.lower():
                try:
                    size = _size(f.stat().st_size)
                except OSError:
                    size = "?"
                add(Text.assemble(f.name, ("  " + size, "dim")), f)
        if not needle:
            for label, place in self.places():
                if place != self.cwd:
                    add(Text(label, style="italic"), place)
        box = self.query_one("#fp-list", OptionList)
        box.clear_options()
        box.add_options(options)
        if options:
            box.highlighted = 0

    def places(self) -> list[tuple[str, Path]]:
        L = self.lang
        out = [(_(L, f"⌂ โฟลเดอร์หลัก {Path.home()}", f"⌂ home {Path.home()}"), Path.home())]
        out += [(_(L, f"⏏ ไดรฟ์ {p}", f"⏏ drive {p}"), p) for p in removable_drives()]
        return out

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refill()

    def on_key(self, event) -> None:
        if event.key == "backspace" and not self.query_one("#fp-filter", Input).value:
            event.stop()
            event.prevent_default()
            self.action_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.activate(event.option_index)

    # -- actions -----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        box = self.query_one("#fp-list", OptionList)
        if not self.targets:
            return
        now = box.highlighted if box.highlighted is not None else -1
        box.highlighted = max(0, min(len(self.targets) - 1, now + step))

    def action_choose(self) -> None:
        box = self.query_one("#fp-list", OptionList)
        if box.highlighted is not None:
            self.activate(box.highlighted)

    def action_up(self) -> None:
        if self.cwd.parent != self.cwd:
            self.show(self.cwd.parent)

    def activate(self, index: int) -> None:
        if not 0 <= index < len(self.targets):
            return
        target = self.targets[index]
        if self.folder_mode and target == self.cwd and index == 0:
            self.done(target)
        elif target.is_dir():
            self.show(target)
        else:
            self.done(target)

    def done(self, path: Path) -> None:
        _LAST[self.mode] = path if path.is_dir() else path.parent
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathInput(Input):
    """An Input for a path with F2 to pick it. ``mode``: "open" (an existing file of
    ``suffixes``; the choice is submitted as if enter were pressed), "save" (a folder: the
    file name typed so far is kept) or "folder"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding(PICK_KEY, "pick", "pick_file")]

    def __init__(
        self,
        value: str = "",
        *,
        mode: str = "open",
        suffixes: tuple[str, ...] = (),
        submit_on_pick: bool = True,
        **kwargs,
    ) -> None:
        kwargs.setdefault("compact", True)
        if not kwargs.get("placeholder"):  # an empty compact field is otherwise invisible
            kwargs["placeholder"] = "พิมพ์ วาง หรือลากไฟล์มาวาง · f2 เลือก" if mode == "open" else "f2 เลือก"
        super().__init__(value, **kwargs)
        self.mode = mode
        self.suffixes = suffixes
        self.submit_on_pick = submit_on_pick and mode == "open"

    def on_mount(self) -> None:
        localize_bindings(self, getattr(self.app, "lang", "th"))  # "f2 เลือกไฟล์", not "pick_file"

    def action_pick(self) -> None:
        folder = self.mode in ("save", "folder")
        start = start_folder(self.value, "folder" if folder else "file")

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if self.mode == "save":
                name = normalize_path(self.value).name if self.value.strip() else ""
                if name and not normalize_path(self.value).is_dir():
                    path = path / name
            self.value = str(path)
            self.cursor_position = len(self.value)
            self.focus()
            if self.submit_on_pick:
                self.post_message(self.Submitted(self, self.value))

        self.app.push_screen(FilePickerModal(start, self.suffixes, folder=folder), chosen)


def path_label(label: str, lang: str) -> str:
    """A path field's label with the picker key: "ไฟล์ (f2 เลือก)"."""
    return label + _(lang, " (f2 เลือก)", " (f2 picks)")


class PathLinesArea(TextArea):
    """A TextArea of ``title | file`` lines (enclosures): F2 picks a file and adds its line."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding(PICK_KEY, "pick", "pick_file")]

    def on_mount(self) -> None:
        localize_bindings(self, getattr(self.app, "lang", "th"))  # "f2 เลือกไฟล์", not "pick_file"

    def action_pick(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            text = self.text.rstrip("\n")
            self.text = (text + "\n" if text else "") + f"{path.stem} | {path}"
            self.move_cursor((self.document.line_count - 1, 0))
            self.focus()

        self.app.push_screen(FilePickerModal(start_folder("", "file")), chosen)
