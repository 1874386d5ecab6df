"""The appraisal results list at 80x24 shows each person's status (told / signed / refused):
at 80 columns the level (which the total already says) gives way; at 120 every column shows."""

from __future__ import annotations

from test_appraisal_screens import new_round, open_round
from tui_helpers import start

from ethics_tui.service import appraisal as svc


def headers(screen) -> list[str]:
    return [str(c.label) for c in screen.table.columns.values()]


async def test_status_column_at_80x24_and_every_column_at_120(make_app, demo_ctx):
    rnd = new_round(demo_ctx)
    rid = svc.list_results(demo_ctx, rnd.id)[0].result.id
    svc.set_scores(demo_ctx, rid, results="60", competency="25")
    for size, shown in (((80, 24), "รหัส ชื่อ - สกุล ผลงาน สมรรถนะ รวม สถานะ"), ((120, 40), None)):
        app = make_app(demo_ctx.store.dir)
        async with app.run_test(size=size) as pilot:
            await start(pilot, "hr")
            screen = await open_round(pilot)
            if shown:
                assert " ".join(headers(screen)) == shown
                row = [str(c) for c in screen.table.get_row(str(rid))]
                assert row[-1] == "ยังไม่แจ้งผล", row
            else:
                assert len(headers(screen)) == 9, headers(screen)
