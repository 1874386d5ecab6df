"""What every service call needs: the store, who is acting, and the UI language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ethics_tui.store.database import Store, default_actor


@dataclass
class Context:
    store: Store
    actor: str = field(default_factory=default_actor)
    lang: str = "th"

    @classmethod
    def open(cls, data_dir: Path | str, lang: str = "th", actor: str | None = None) -> Context:
        store = Store(data_dir).open()
        return cls(store=store, actor=actor or default_actor(), lang=lang)

    def msg(self, th: str, en: str) -> str:
        return en if self.lang == "en" else th
