"""The code that the notices register's spec (notices.toml) names: PDF writer adapters and file-name fields."""

from __future__ import annotations


def write_announcement(ctx, out, id: int):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_announcement(ctx, id, out)


def write_circular(ctx, out, id: int, form: str | None = None):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_circular(ctx, id, out, form=form)


def write_signoff(ctx, out, id: int, progress=None):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_signoff(ctx, id, out, progress)[0]


def write_coverage(ctx, out, id: int | None = None):
    from ethics_tui.service import notices_pdf

    return notices_pdf.export_coverage(ctx, out, id)


def coverage_suffix(ctx, id: int | None = None) -> dict:
    return {"suffix": f"-{id}" if id else ""}
