"""At 80×24 the home ITA readiness panel, the ITA items table and the report's check table
break their Thai lines between words (issue 17 item 6: "พั|ฒนา", "ทรัพยาก|รบุคคล")."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.cells import cell_len
from textual.widgets import DataTable, OptionList
from tui_helpers import settle, start

sys.path.insert(0, str(Path(__file__).parent.parent))
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.screens.report import ReportScreen
from ethics_tui.tui.screens.report_ita import ItaItemsScreen
from wrap_check import assert_between_words

SMALL = (80, 24)


def _shown(text: str) -> list[str]:
    """A cell's or option's lines without the hanging indent (a cut last line: without its "…")."""
    return [ln.strip().removesuffix("…") for ln in text.split("\n")]


async def test_home_readiness_panel_wraps_between_words(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    # 80 columns and tall enough for the one-column menu: the checklist beside it is narrow
    # (at 80x24 the menu takes two columns and the checklist shows only its title, test_home_small)
    async with app.run_test(size=(80, 40)) as pilot:
        await start(pilot, "admin")
        await settle(pilot)
        screen = app.screen
        box = screen.query_one("#readiness", OptionList)
        width = box.content_region.width
        wrapped_any = False
        for n, check in enumerate(screen._readiness):
            prompt = box.get_option_at_index(n).prompt.plain
            assert all(cell_len(line) <= width for line in prompt.split("\n")), prompt
            message = prompt[2:].replace("\n", " ")  # as shown, digits applied
            lines = _shown(prompt[2:])
            wrapped_any |= len(lines) > 1
            original = apply_digits(check.message(app.lang), screen._readiness_digits)
            assert_between_words(original, lines)
            assert message  # something shown
        assert wrapped_any  # the panel is narrow at 80 columns: the checks do wrap
        alerts = screen.query_one("#home-alerts")
        shown = str(alerts.render()).split("\n")
        assert all(cell_len(line) <= alerts.content_size.width for line in shown)
        assert_between_words(alerts.content, shown)  # the warnings above it too
        # a wider terminal re-wraps the panel (fewer lines), still between words
        before = [box.get_option_at_index(n).prompt.plain for n in range(box.option_count)]
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        wider = box.content_region.width
        assert wider > width and [box.get_option_at_index(n).prompt.plain for n in range(box.option_count)] != before
        for n, check in enumerate(screen._readiness):
            prompt = box.get_option_at_index(n).prompt.plain
            assert all(cell_len(line) <= wider for line in prompt.split("\n")), prompt
            assert_between_words(apply_digits(check.message(app.lang), screen._readiness_digits), _shown(prompt[2:]))


async def test_ita_items_and_report_tables_wrap_between_words(make_app, demo_ctx, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "admin")
        await pilot.press("m")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        checks = report.query_one("#rp-checks", DataTable)
        for n, c in enumerate(report.checks):
            shown = str(checks.get_row_at(n)[1])
            assert all(cell_len(line) <= report.msg_width for line in shown.split("\n"))
            assert_between_words(apply_digits(c.message(app.lang), report.digits), _shown(shown))
        assert checks.virtual_size.width <= checks.region.width  # the messages are not cut at the right
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ItaItemsScreen)
        table = screen.query_one("#ita-items", DataTable)
        _code, tw, sw = screen.col_widths
        tall = 0
        for n, c in enumerate(screen.checks):
            row = table.get_row_at(n)
            title = str(row[2])
            assert all(cell_len(line) <= tw for line in title.split("\n"))
            assert_between_words(apply_digits(c.item.title, screen.digits), _shown(title))
            assert all(cell_len(line) <= sw for line in str(row[3]).split("\n"))
            tall = max(tall, title.count("\n") + 1)
        assert tall > 1  # some titles take two lines or more, whole words each


async def test_home_survives_a_narrow_terminal(make_app, demo_ctx):
    # at 60 columns the readiness panel shrank to nothing and Rich's wrap divided by zero
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "admin")
        await settle(pilot)
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        assert app.screen.query_one("#readiness", OptionList).option_count
