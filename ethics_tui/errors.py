"""Errors that reach the user carry a Thai and an English message.

Everything the user can cause (bad input, a corrupt file, a full disk) is raised as a
:class:`UserError` subclass; the CLI and the TUI print ``err.message(lang)`` and never a
traceback.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


class UserError(Exception):
    """An error explained to the user in Thai (default) or English."""

    def __init__(self, th: str, en: str | None = None):
        super().__init__(th)
        self.th = th
        self.en = en or th

    def message(self, lang: str = "th") -> str:
        return self.en if lang == "en" else self.th

    def __str__(self) -> str:  # pragma: no cover - repr helper
        return self.th


class ValidationError(UserError):
    """One or more fields are invalid. ``errors`` maps field name -> (th, en)."""

    def __init__(self, errors: dict[str, tuple[str, str]]):
        self.errors = dict(errors)
        # the reasons only: internal field names mean nothing to the officer
        th = "; ".join(v[0] for v in self.errors.values())
        en = "; ".join(v[1] for v in self.errors.values())
        super().__init__(th, en)


class NotFoundError(UserError):
    pass


def found(record: T | None, th: str, en: str) -> T:
    """``record``, or :class:`NotFoundError` (th, en) when it is None (a missing id)."""
    if record is None:
        raise NotFoundError(th, en)
    return record


class ConflictError(UserError):
    """Another user saved the same record since it was read (revision mismatch)."""


class StorageError(UserError):
    """The database could not be read or written (read-only folder, disk full...)."""


class CorruptDatabaseError(StorageError):
    """A database file does not parse. It is never overwritten."""

    def __init__(self, path, detail: str, backup=None):
        self.path = path
        self.detail = detail
        self.backup = backup
        hint_th = f" สำเนาสำรองล่าสุดที่ใช้ได้: {backup} (กู้คืนด้วยคำสั่ง restore)" if backup else " ไม่พบสำเนาสำรองที่ใช้ได้"
        hint_en = f" Newest good backup: {backup} (use the restore command)" if backup else " No good backup was found."
        super().__init__(
            # the parser's own words (English) only in the English text: f2 shows them
            f"ไฟล์ฐานข้อมูล {path} เสียหายหรืออ่านไม่ได้ โปรแกรมจะไม่เขียนทับไฟล์นี้" + hint_th,
            f"Database file {path} is corrupt or unreadable ({detail}). It will not be overwritten." + hint_en,
        )
