"""Where a manual backup goes (issue 17 item 10): the program's ``backups/`` folder, a USB drive
or another disk found now, or any folder (F2 picks one). Dismisses the chosen folder or None; the
app writes the backup in a worker and shows the zip's full path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ethics_tui.service.input_files import removable_drives
from ethics_tui.tui.crash import GuardedModal
from ethics_tui.tui.widgets.file_picker import PathInput
from ethics_tui.tui.widgets.form import FieldRow
from ethics_tui.tui.widgets.plain import PlainOptionList


def _(lang: str, th: str, en: str) -> str:
    return en if lang == "en" else th


class BackupModal(GuardedModal[Path | None]):
    DEFAULT_CSS = """
    BackupModal #bk-places { height: auto; max-height: 6; }
    BackupModal #bk-note { height: auto; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write", "backup_write", priority=True),
        Binding("f2", "pick", "pick_folder"),
        Binding("escape", "cancel", "cancel"),
    ]

    def __init__(self, backups_dir: Path) -> None:
        super().__init__()
        self.backups_dir = Path(os.path.abspath(backups_dir))
        self.places: list[Path] = [self.backups_dir, *removable_drives()]

    def compose(self) -> ComposeResult:
        L = self.lang
        with Vertical(id="dialog"):
            yield Static(_(L, "สำรองข้อมูลไปที่", "Back up to"), classes="dialog-title")
            options = [
                Option(_(L, f"โฟลเดอร์สำรองของโปรแกรม {self.backups_dir}", f"the program's backups {self.backups_dir}"))
            ]
            options += [Option(_(L, f"ไดรฟ์ {p}", f"drive {p}")) for p in self.places[1:]]
            yield PlainOptionList(*options, id="bk-places", compact=True)
            yield FieldRow(
                _(L, "โฟลเดอร์ (f2 เลือก)", "Folder (f2 picks)"),
                PathInput(str(self.backups_dir), id="bk-folder", mode="folder"),
                "folder",
            )
            note = _(
                L,
                "ไม่พบไดรฟ์ USB — เสียบไดรฟ์แล้วเปิดหน้านี้ใหม่ หรือกด f2 เลือกโฟลเดอร์",
                "No USB drive found: plug one in and open this again, or press f2 for a folder",
            )
            if len(self.places) > 1:
                note = _(
                    L,
                    "ไฟล์ชื่อ manual-<วันเวลา>.zip เขียนลงไฟล์ชั่วคราวก่อน แล้วจึงเปลี่ยนชื่อ",
                    "The file manual-<time>.zip is written to a temp file first, then renamed",
                )
            yield Static(note, id="bk-note", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_(L, "สำรอง (enter)", "Back up (enter)"), id="bk-write", variant="primary", compact=True)
                yield Button(self.t("cancel") + " (esc)", id="bk-cancel", compact=True)
            # the keys inside the dialog, under its buttons, as every form names them
            keys = (
                "enter สำรอง · ↑↓ เลือกที่เก็บ · f2 เลือกโฟลเดอร์ · esc ยกเลิก",
                "enter backs up · ↑↓ choose where · f2 picks a folder · esc cancel",
            )
            yield Static(_(L, *keys), classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(FieldRow).set_error(None)
        self.query_one("#bk-places", OptionList).highlighted = 0
        self.query_one("#bk-places", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.query_one("#bk-folder", Input).value = str(self.places[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#bk-folder", Input).value = str(self.places[event.option_index])
        self.action_write()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write() if event.button.id == "bk-write" else self.action_cancel()

    def action_pick(self) -> None:
        self.query_one("#bk-folder", PathInput).action_pick()

    def action_write(self) -> None:
        text = self.query_one("#bk-folder", Input).value
        if not text.strip():
            self.query_one(FieldRow).set_error(self.t("path_missing"))
            return
        from ethics_tui.service.input_files import normalize_path

        self.dismiss(normalize_path(text))

    def action_cancel(self) -> None:
        self.dismiss(None)
