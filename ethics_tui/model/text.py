"""Control characters are refused at the model boundary.

A name with NUL, ESC or BEL breaks the XLSX export for the whole office and lets ``staff list``
send escape sequences to the terminal. Every model's ``validate()`` (through :class:`TextChecked`,
a base of :class:`~ethics_tui.model.record.Record`) first checks every text field, nested lists
and dicts included:

- refused everywhere: C0 controls (U+0000–U+001F, ESC among them), DEL (U+007F), C1 (U+0080–U+009F);
- except that multi-line fields (all but the class's ``SINGLE_LINE``) allow tab, newline and CR+LF.

:func:`printable` makes any text safe to print on a terminal (for data saved before this check).
"""

from __future__ import annotations

import functools
import re
from dataclasses import fields, is_dataclass
from datetime import date

from ethics_tui.errors import ValidationError

_SINGLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MULTI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def bad_char(value: str, multiline: bool = False) -> str | None:
    """The first forbidden character of ``value`` (None when it is clean)."""
    m = (_MULTI if multiline else _SINGLE).search(value)
    return m.group(0) if m else None


def _find(value, multiline: bool, depth: int = 0) -> str | None:
    if isinstance(value, str):
        return bad_char(value, multiline)
    if depth > 4:
        return None
    if isinstance(value, dict):
        items = list(value.keys()) + list(value.values())
    elif isinstance(value, (list, tuple)):
        items = value
    elif is_dataclass(value) and not isinstance(value, type):
        items = [getattr(value, f.name) for f in fields(value)]
    else:
        return None
    for item in items:
        found = _find(item, multiline, depth + 1)
        if found is not None:
            return found
    return None


def text_errors(obj) -> dict[str, tuple[str, str]]:
    """{field: (th, en)} for every field of a dataclass holding a forbidden character."""
    single = getattr(obj, "SINGLE_LINE", ())
    errors = {}
    for f in fields(obj):
        found = _find(getattr(obj, f.name, None), f.name not in single)
        if found is not None:
            code = f"U+{ord(found):04X}"
            errors[f.name] = (
                f"มีอักขระควบคุมที่ไม่อนุญาต ({code}) — ลบออกแล้วลองใหม่",
                f"contains a control character that is not allowed ({code}); remove it",
            )
    return errors


class TextChecked:
    """Mixin: each subclass's own ``validate`` refuses control characters first."""

    #: fields that must be one line (tab and newline refused too)
    SINGLE_LINE: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("validate")
        if own is None or getattr(own, "_text_checked", False):
            return

        @functools.wraps(own)
        def validate(self, *args, **kw):
            text = text_errors(self)
            try:
                own(self, *args, **kw)
            except ValidationError as exc:
                if text:
                    raise ValidationError({**exc.errors, **text}) from None
                raise
            if text:
                raise ValidationError(text)

        validate._text_checked = True  # type: ignore[attr-defined]
        cls.validate = validate  # type: ignore[method-assign]


def check_text(
    errors: dict, name: str, value: object, th: str, en: str, *, required: bool = False, limit: int = 300
) -> None:
    """Add a (th, en) message for the text field ``name`` to ``errors``: not text, missing
    (when ``required``; blank counts as missing), or longer than ``limit`` characters."""
    if not isinstance(value, str):
        errors[name] = (f"{th}ไม่ถูกต้อง", f"invalid {en}")
    elif required and not value.strip():
        errors[name] = (f"ต้องกรอก{th}", f"{en} is required")
    elif len(value) > limit:
        errors[name] = (f"{th}ยาวเกิน {limit} ตัวอักษร", f"{en} is longer than {limit} characters")


def check_date(
    errors: dict, name: str, value: str, th: str, en: str, *, required: bool = False, missing_th: str = "ต้องกรอก"
) -> date | None:
    """The ISO date in ``value`` (None when empty or bad); a (th, en) message for the field
    ``name`` goes into ``errors`` when it is bad, or empty and ``required``."""
    if not value:
        if required:
            errors[name] = (f"{missing_th}{th}", f"{en} is required")
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        errors[name] = (f"{th}ไม่ถูกต้อง", f"invalid {en}")
        return None


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: None is "", 12.0 is "12" (XLSX numbers), others stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """``text`` with control characters shown as ``\\x1b`` etc., never sent raw to a terminal."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group(0)):02x}", str(text))
