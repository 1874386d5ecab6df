"""The code that the complaints register's spec (complaints.toml) names: PDF writer adapters and file-name fields."""

from __future__ import annotations


def write_receipt(ctx, out, id: int):
    from ethics_tui.service import complaints_docs

    return complaints_docs.export_pdf(ctx, "receipt", out, case_id=id)


def write_casefile(ctx, out, id: int):
    from ethics_tui.service import complaints_docs

    return complaints_docs.export_pdf(ctx, "casefile", out, case_id=id)


def write_stats(ctx, out, fy: int, half: bool = False):
    from ethics_tui.service import complaints_docs

    return complaints_docs.export_pdf(ctx, "stats", out, fy=fy, half=half)


def half_suffix(ctx, fy: int, half: bool = False) -> dict:
    return {"h1": "-h1" if half else ""}
