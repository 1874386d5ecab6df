"""The first rows of a checked staff import exactly as they will be saved (issue 17 item 9).

A row is matched to the stored person as the import matches it (service/staff_match.py: the code,
else the name). An update keeps the values of the columns the file does not have (``ImportPlan.present``), as
``staff_io.import_file`` does, so the preview merges each row with the stored record the same
way and says whether it adds, updates or leaves the person unchanged."""

from __future__ import annotations

from dataclasses import dataclass

from ethics_tui.service.context import Context

PREVIEW_ROWS = 10


@dataclass
class PreviewRow:
    row: int  # row number in the file
    action: str  # "add", "update" or "same"
    code: str
    name: str
    position: str
    level: str
    division: str
    staff_type: str
    start_date: str  # ISO date or ""
    active: bool


def preview_rows(ctx: Context, plan, limit: int = PREVIEW_ROWS) -> list[PreviewRow]:
    """The first ``limit`` records of ``plan`` (a checked ImportPlan) as they will be saved."""
    from ethics_tui.service.people import division_docs, staff_docs
    from ethics_tui.service.staff_match import Ambiguous, Matcher

    div_names = {int(k): d.get("name", "") for k, d in division_docs(ctx).items()}
    matcher = Matcher(staff_docs(ctx), div_names)
    out = []
    for rownum, rec in plan.rows[:limit]:
        try:
            found, _how = matcher.find(rec)
        except Ambiguous:  # an error of the plan: no preview is shown
            found = None
        division = rec.get("division", "")
        if found is not None:
            merged, changed = matcher.update(found, rec, plan.present)
            division = div_names.get(merged.get("division_id")) or division  # a new division: by name
            action = "update" if changed else "same"
        else:
            merged, action = rec, "add"
        name = f"{merged.get('prefix', '')}{merged.get('first_name', '')} {merged.get('last_name', '')}".strip()
        out.append(
            PreviewRow(
                rownum,
                action,
                merged.get("code", ""),
                name,
                merged.get("position", ""),
                merged.get("level", ""),
                division,
                merged.get("staff_type", ""),
                merged.get("start_date", ""),
                bool(merged.get("active", True)),
            )
        )
    return out
