"""Write any register's document by its kind (the ``documents`` table of the register specs).

One verb for every PDF: ``write(ctx, kind, out=None, **params) -> Path``. The default file
name comes from the spec, so the CLI (``pdf KIND``) and the TUI name the same document the same
way; where the file goes is :func:`service.exports.export_folder`'s rule (the office's exports folder,
per fiscal year unless the office chose one folder).
"""

from __future__ import annotations

from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.registers import Document, find_document, load_services, resolve


def document(kind: str) -> Document:
    found = find_document(kind)
    if found is None:
        raise UserError(f"ไม่รู้จักเอกสารชนิด {kind}", f"Unknown document kind {kind}")
    load_services()  # the permissions it names exist
    return found[1]


def default_name(ctx, kind: str, **params) -> str:
    """The document's default file name."""
    doc = document(kind)
    fields = dict(params)
    if doc.name_fields:
        fields.update(resolve(doc.name_fields)(ctx, **params))
    return doc.file_name.format(**fields)


def default_path(ctx, kind: str, **params) -> Path:
    """Where the document goes when the user names no file."""
    from ethics_tui.service import exports

    name = default_name(ctx, kind, **params)
    if document(kind).confidential:  # inside the data folder, with a time stamp; never exports/
        return exports.confidential_path(ctx, name.removesuffix(".pdf"))
    return exports.export_folder(ctx, params.get("fy")) / name


def write(ctx, kind: str, out: Path | str | None = None, *, progress=None, **params) -> Path:
    """Write the document ``kind`` to ``out`` (default: :func:`default_path`); returns the path.
    The writer checks the permissions and records the export (``exports.record_export``).
    ``progress(done, total)``: passed on to a writer that reports its steps (the sign-off sheet)."""
    from ethics_tui.service.access import require

    doc = document(kind)
    require(ctx, doc.permission)
    path = Path(out) if out else default_path(ctx, kind, **params)
    extra = {"progress": progress} if progress is not None and doc.progress else {}
    return Path(resolve(doc.writer)(ctx, path, **params, **extra))
