"""The code that the report register's spec (report.toml) names: PDF writer adapters."""

from __future__ import annotations


def write_report(ctx, out, fy: int):
    from ethics_tui.service import report

    return report.export_pdf(ctx, fy, out)
