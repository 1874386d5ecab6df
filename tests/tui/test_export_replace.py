"""No TUI export replaces an existing file without asking (80x24): each screen's export to a
fixed name, driven by the one driver tui_helpers.check_asks_before_replacing (n and escape keep
the earlier file byte for byte, y replaces it). The report screen's own files:
test_report_screen.py."""

from __future__ import annotations

import pytest
from tui_helpers import check_asks_before_replacing, signed_in

SMALL = (80, 24)

CASES = {
    # name: (user, keys that open the screen, the export key)
    "appraisal-summary": ("hr", ["a"], "ctrl+e"),
    "appraisal-criteria": ("hr", ["a"], "p"),
    "notice-and-signoff": ("hr", ["o"], "ctrl+e"),
    "complaint-stats": ("complaints", ["p", "t"], "ctrl+e"),
    "ita-evidence-folder": ("hr", ["m"], "v"),
    "notices-coverage": ("hr", ["o"], "x"),
    "training-memo": ("hr", ["f"], "ctrl+e"),
    "pdpa-record": ("admin", ["u"], "o"),
    "training-year-pdf": ("hr", ["f", "y"], "ctrl+e"),
    "training-year-xlsx": ("hr", ["f", "y"], "x"),
    "appraisal-notices": ("hr", ["a", "enter"], "ctrl+e"),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_export_asks_before_replacing(case, make_app, demo_ctx, tmp_path, monkeypatch):
    user, keys, export_key = CASES[case]
    monkeypatch.chdir(tmp_path)  # the exports folder ("exports", relative) is here
    async with signed_in(make_app, demo_ctx, user, *keys, size=SMALL) as (_app, pilot):
        assert await check_asks_before_replacing(pilot, export_key, tmp_path / "exports")
