"""A damaged last audit line: the problem screen offers the guided repair (issue 15, item 8)."""

from __future__ import annotations

from tui_helpers import SIZE, settle, start, text_of

from ethics_tui.service.verify import verify
from ethics_tui.store.database import Store
from ethics_tui.tui.screens.problem import DatabaseProblemScreen
from ethics_tui.tui.screens.sign_in import SignInScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal


async def test_damaged_audit_line_is_repaired_from_the_problem_screen(make_app, demo_ctx):
    data = demo_ctx.store.dir
    log = data / "audit.jsonl"
    raw = log.read_bytes()
    log.write_bytes(raw[:-30] + b"\n")  # the last line cut and garbled
    app = make_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, DatabaseProblemScreen)
        assert "verify --repair" in text_of(app.screen.query_one("#problem-message"))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)  # everyone can work again
    kept = list(data.glob("audit-damaged-*.jsonl"))
    assert kept and kept[0].read_bytes().startswith(raw[raw.rfind(b"\n", 0, len(raw) - 1) + 1 :][:20])
    assert verify(Store(data)) == []
    assert any(e.get("action") == "repair" for e in Store(data).audit.entries())
