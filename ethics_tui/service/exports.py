"""The record of every PDF export: the audit log keeps its SHA-256, kind and record reference,
so that ``verify-pdf`` can tell whether a file is an unaltered export of this office."""

from __future__ import annotations

from pathlib import Path

EXPORT_ACTION = "export-pdf"


def record_export(ctx, path: Path, kind: str, ref=None) -> str:
    """Audit an exported PDF: its hash, kind and record reference. Returns the hash."""
    from ethics_tui.pdf.authenticity import sha256_file

    digest = sha256_file(path)
    ctx.store.log_event(EXPORT_ACTION, kind, ref, note=f"sha256:{digest} {Path(path).name}", actor=ctx.actor)
    return digest


def find_export(store, digest: str) -> dict | None:
    """The audit entry of the export with this hash, or None."""
    for entry in store.audit.entries():
        if entry.get("action") == EXPORT_ACTION and f"sha256:{digest}" in (entry.get("note") or ""):
            return entry
    return None


def export_path(data_dir: Path | str, *parts: str) -> Path:
    """Where exports go: ``exports/`` beside the data folder when it exists (the repository
    layout, ``make run``), else ``exports/`` in the folder the program was started from."""
    sibling = Path(data_dir).resolve().parent / "exports"
    return (sibling if sibling.is_dir() else Path.cwd() / "exports").joinpath(*parts)
