"""The code that the appraisal register's spec (appraisal.toml) names: PDF writer adapters and file-name fields."""

from __future__ import annotations


def write_notices(ctx, out, round_id: int, codes: list[str] | None = None):
    from ethics_tui.service import appraisal_pdf

    return appraisal_pdf.write_notices(ctx, round_id, out, codes)


def write_summary(ctx, out, round_id: int):
    from ethics_tui.service import appraisal_pdf

    return appraisal_pdf.write_summary(ctx, round_id, out)


def write_criteria(ctx, out, round_id: int):
    from ethics_tui.service import appraisal_pdf

    return appraisal_pdf.write_criteria(ctx, round_id, out)


def round_fields(ctx, round_id: int, codes: list[str] | None = None) -> dict:
    """ "<fiscal year>-<round no>" of the round, and "-<code>" for one person's notice."""
    from ethics_tui.service import appraisal

    rnd = appraisal.get_round(ctx, round_id)
    return {"round": f"{rnd.fiscal_year}-{rnd.round_no}", "who": "".join(f"-{c}" for c in codes or ())}
