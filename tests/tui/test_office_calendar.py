"""Issue 17 item 4: the home screen reports the current fiscal year, says which, and judges each
check against its own calendar (80×24)."""

from __future__ import annotations

from datetime import date

import pytest
from tui_helpers import start, text_of

from demo_cache import fast_demo
from ethics_tui.service import demo, ita_hr, ita_items, report_sources
from ethics_tui.thai.dates import fiscal_year, today
from ethics_tui.thai.digits import to_arabic_digits

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
    return demo.demo_sign_in(ctx, "admin")


async def test_home_reports_the_current_fiscal_year_and_says_so(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        title = to_arabic_digits(text_of(app.screen.query_one("#readiness-title")))
        flat = "".join(title.split())  # the title is wrapped between words to the panel's width
        assert f"ปีงบประมาณปัจจุบัน{fiscal_year(today())}" in flat
        assert "ต.ค." in title and "ก.ย." in title  # the year's dates, not just a number


def test_round_two_is_not_expected_before_april(office):
    fy = fiscal_year(today()) + 1  # a year the demo holds no round of
    november = date(fy - 543 - 1, 11, 15)
    p = ita_items.period("current_fy", fy, november)
    status, th, _en = ita_hr.check_excellent(office, p, today=november)
    assert status == "red" and "รอบที่ 1" in th and "รอบที่ 2" not in th, th  # round 1 began in October
    facts = report_sources.appraisal(office, fy, november)
    keys = [c.key for c in facts.checks]
    assert "appraisal-1" in keys and "appraisal-2" not in keys, facts.checks
    status, th, _en = ita_hr.check_excellent(office, p, today=date(fy - 543, 4, 2))
    assert "รอบที่ 2" in th  # from April, round 2 is expected
