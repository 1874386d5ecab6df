"""Every register, declared once: ``ethics_tui/registers/<key>.py`` holds ``SPEC`` (see
:mod:`ethics_tui.registers.spec`). Discovery imports these small modules on first use; it
never imports a screen, so the core stays free of Textual.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec, resolve

__all__ = [
    "Action",
    "Document",
    "Param",
    "RegisterSpec",
    "documents",
    "find",
    "find_document",
    "load_services",
    "resolve",
    "specs",
]

_FOUND: list[RegisterSpec] | None = None


def specs() -> list[RegisterSpec]:
    """All register specs, in home-menu order (``order``, then ``key``)."""
    global _FOUND
    if _FOUND is None:
        found = []
        # a directory listing (pkgutil would import inspect: a share of a short command's start)
        names = sorted({f.stem for folder in __path__ for f in Path(folder).glob("*.py")})
        for name in names:
            if name == "spec" or name.startswith("_"):
                continue
            spec = getattr(importlib.import_module(f"{__name__}.{name}"), "SPEC", None)
            if isinstance(spec, RegisterSpec):
                found.append(spec)
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
    """Discover again on next use (tests that add a spec module)."""
    global _FOUND
    _FOUND = None


def find(key: str) -> RegisterSpec | None:
    return next((s for s in specs() if s.key == key), None)


def documents() -> list[tuple[RegisterSpec, Document]]:
    """Every document kind of every register, in register order."""
    return [(s, d) for s in specs() for d in s.documents]


def find_document(kind: str) -> tuple[RegisterSpec, Document] | None:
    return next(((s, d) for s, d in documents() if kind == d.kind or kind in d.aliases), None)
