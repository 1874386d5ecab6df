"""What every service call needs: the store, who is acting, and the UI language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ethics_tui.store.database import Store, default_actor

if TYPE_CHECKING:
    from ethics_tui.model.user import User


@dataclass
class Context:
    store: Store
    actor: str = field(default_factory=default_actor)
    lang: str = "th"
    #: the signed-in user (None before sign-in, and in setup mode before any user exists)
    user: User | None = None
    #: vault name -> data key, unwrapped at sign-in for the roles this user is entitled to
    keys: dict[str, bytes] = field(default_factory=dict, repr=False)
    #: (vault, generation) -> data key: the current keys and any older generation still needed
    keyring: dict[tuple[str, int], bytes] = field(default_factory=dict, repr=False)
    #: vault -> generation of the key in ``keys``
    key_gens: dict[str, int] = field(default_factory=dict, repr=False)
    #: the signed-in user's private key (kept in memory only, to change the password)
    private_key: Any = field(default=None, repr=False)

    @classmethod
    def open(cls, data_dir: Path | str, lang: str = "th", actor: str | None = None) -> Context:
        store = Store(data_dir).open()
        return cls(store=store, actor=actor or default_actor(), lang=lang)

    def msg(self, th: str, en: str) -> str:
        return en if self.lang == "en" else th
