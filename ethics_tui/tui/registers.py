"""The registers that plug into the TUI: home navigation, hot keys and palette entries.

A register screen module ``ethics_tui/tui/screens/<name>.py`` declares itself with a
module-level ``REGISTER = Register(...)``. Discovery imports the screen modules once, when the
home screen is first shown (after start-up, so it costs no start-up time).
The app opens a register with ``app.open_register(key, then)``; the permission is checked
there (with a Thai refusal) and again by every service call.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Register:
    key: str  # e.g. "committee"
    label_th: str  # home menu label, e.g. "คณะที่ปรึกษาทางจริยธรรม"
    label_en: str
    screen: type  # a GuardedScreen subclass taking (then: str | None = None)
    permission: str  # needed to open it, e.g. "orders.read"
    hotkey: str = ""  # a free key on the home screen (s, t, b, r, u are taken)
    order: int = 100  # position in the home menu
    #: palette entries: (Thai title "group: verb", English title, ``then`` passed to the screen)
    commands: tuple[tuple[str, str, str | None], ...] = field(default_factory=tuple)
    #: optional short status shown after the label on the home menu, e.g. "⚠ 2 เกินกำหนด";
    #: called with (ctx, lang) each time the home screen is shown
    badge: Callable[[object, str], str] | None = None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_th


_FOUND: list[Register] | None = None


def registers() -> list[Register]:
    global _FOUND
    if _FOUND is None:
        from ethics_tui.tui import screens

        found = []
        for mod in pkgutil.iter_modules(screens.__path__):
            module = importlib.import_module(f"ethics_tui.tui.screens.{mod.name}")
            reg = getattr(module, "REGISTER", None)
            if isinstance(reg, Register):
                found.append(reg)
        _FOUND = sorted(found, key=lambda r: (r.order, r.key))
    return _FOUND


def find(key: str) -> Register | None:
    return next((r for r in registers() if r.key == key), None)
