"""The code that the training register's spec (training.toml) names: PDF writer adapters."""

from __future__ import annotations


def write_memo(ctx, out, id: int):
    from ethics_tui.service import training_docs

    return training_docs.write_memo(ctx, id, out)[0]


def write_report(ctx, out, fy: int):
    from ethics_tui.service import training_docs

    return training_docs.write_report(ctx, fy, out)[0]
