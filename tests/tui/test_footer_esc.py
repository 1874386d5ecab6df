"""The way back is always on the key line: at 80 columns the list screens' last key (esc) was
the first to be left out, so a newcomer at 80x24 saw no way back from staff, notices,
appraisal, report, users or complaints (widgets/footer.py keeps it and fits the rest)."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey
from tui_helpers import footer_problems, signed_in


@pytest.mark.parametrize(
    ("role", "key"),
    [("admin", "s"), ("admin", "o"), ("admin", "a"), ("admin", "m"), ("admin", "u"), ("complaints", "p")],
)
async def test_esc_stays_on_the_key_line_at_80_columns(make_app, ctx, role, key):
    async with signed_in(make_app, ctx, role, key, size=(80, 24)) as (app, pilot):
        shown = [k.key for k in app.screen.query(FooterKey)]
        assert "escape" in shown, shown
        assert footer_problems(app, (80, 24)) == []
