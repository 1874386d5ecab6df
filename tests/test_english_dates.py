"""English texts give the date the Thai text gives (B.E., the month in English), never ISO."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from ethics_tui.errors import ValidationError
from ethics_tui.model.complaints import Stats, period_label
from ethics_tui.service import appraisal, appraisal_review
from ethics_tui.service.ita_hr import LateCriteria
from ethics_tui.thai.dates import format_date
from ethics_tui.tui.screens.home import home_alerts

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_home_alert_of_the_committee_term_gives_the_thai_date_in_english(demo_ctx):
    th = [x for x in home_alerts(demo_ctx, "th") if "วาระคณะที่ปรึกษาจริยธรรม" in x]
    en = [x for x in home_alerts(demo_ctx, "en") if "ethics committee's term" in x]
    assert th and en
    end = date.today() + timedelta(days=21)  # the demo's term ends in 21 days
    assert format_date(end, "abbr") in th[0]
    assert f"ends {format_date(end, 'abbr', lang='en')} (21 days)" in en[0]
    assert not any(ISO.search(x) for x in home_alerts(demo_ctx, "en"))


def test_late_criteria_messages():
    late = LateCriteria(1, date(2026, 10, 1), date(2026, 10, 5))
    want = "Round 1: the criteria notice (5 Oct 2569) is dated after the round started (1 Oct 2569)"
    assert late.message("en") == want
    assert "round starts 1 Oct 2569" in LateCriteria(2, date(2026, 10, 1), None).message("en")
    assert "1 ต.ค. 2569" in LateCriteria(2, date(2026, 10, 1), None).message("th")


def test_complaint_period_label():
    s = Stats(fiscal_year=2569, start=date(2025, 10, 1), end=date(2026, 3, 31), as_of=date(2026, 3, 31), half=True)
    assert period_label(s, "en") == "first six months of FY 2569 B.E. (1 Oct 2568 to 31 Mar 2569)"


def test_notified_before_the_round_starts_names_the_start_in_english(demo_ctx):
    rnd = next(r for r in appraisal.list_rounds(demo_ctx) if r.status != "closed")
    start = rnd.period()[0]
    res = next(r.result for r in appraisal.list_results(demo_ctx, rnd.id) if r.result.scored and not r.result.locked)
    with pytest.raises(ValidationError) as e:
        appraisal_review.mark_notified(demo_ctx, res.id, start - timedelta(days=1))
    text = e.value.message("en")
    assert format_date(start, "abbr", lang="en") in text and not ISO.search(text)
