"""Authenticity helpers (pure functions). The audit-log record and ``verify-pdf`` live in
the service layer; they call :func:`sha256_file`."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 16


def sha256_file(path: str | Path) -> str:
    """Hex SHA-256 of the file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
