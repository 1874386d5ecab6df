from __future__ import annotations

import os
from pathlib import Path

import pytest

from demo_cache import fast_demo
from ethics_tui.service.context import Context

# documents in the bundled Sarabun whatever fonts this machine has (see pdf/fonts.py)
os.environ.setdefault("ETHICS_TUI_BUNDLED_FONT", "1")


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    """An opened, empty data folder."""
    return Context.open(tmp_path / "data", actor="tester")


@pytest.fixture
def demo_ctx(ctx: Context) -> Context:
    """The demo office, signed in as the demo admin (roles admin + hr)."""
    from ethics_tui.service.demo import demo_sign_in

    fast_demo(ctx)
    return demo_sign_in(ctx, "admin")
