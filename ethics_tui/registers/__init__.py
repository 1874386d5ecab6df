"""Every register, declared once: ``ethics_tui/registers/<name>.toml`` is its spec (read into a
``RegisterSpec`` by :func:`ethics_tui.registers.spec.load_spec`); ``<name>.py``, where there is
one, holds the code the spec names. Discovery reads the TOML files on first use; it imports no
module of a register, let alone a screen, so the core stays free of Textual.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec, SpecError, load_spec, resolve

__all__ = [
    "Action",
    "Document",
    "Param",
    "RegisterSpec",
    "SpecError",
    "documents",
    "find",
    "find_document",
    "load_services",
    "load_spec",
    "resolve",
    "specs",
]

_FOUND: list[RegisterSpec] | None = None


def specs() -> list[RegisterSpec]:
    """All register specs, in home-menu order (``order``, then ``key``)."""
    global _FOUND
    if _FOUND is None:
        files = sorted((f for folder in __path__ for f in Path(folder).glob("*.toml")), key=lambda f: f.name)
        found = [load_spec(f) for f in files if not f.name.startswith("_")]
        keys = [s.key for s in found]
        if len(set(keys)) != len(keys):
            raise ValueError(f"two register specs share a key: {sorted(keys)}")
        _FOUND = sorted(found, key=lambda s: (s.order, s.key))
    return _FOUND


def load_services() -> None:
    """Import every register's service modules, so that their permissions exist
    (``access.register_permissions`` runs at import) before anyone asks ``can``."""
    for spec in specs():
        for name in spec.services:
            importlib.import_module(name)


def forget() -> None:
    """Discover again on next use (tests that add a spec file)."""
    global _FOUND
    _FOUND = None


def find(key: str) -> RegisterSpec | None:
    return next((s for s in specs() if s.key == key), None)


def documents() -> list[tuple[RegisterSpec, Document]]:
    """Every document kind of every register, in register order."""
    return [(s, d) for s in specs() for d in s.documents]


def find_document(kind: str) -> tuple[RegisterSpec, Document] | None:
    return next(((s, d) for s, d in documents() if kind == d.kind or kind in d.aliases), None)
