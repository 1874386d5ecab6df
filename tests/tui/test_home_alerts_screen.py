"""Pilot: the home screen's alert area and the complaints badge, per demo account."""

from __future__ import annotations

from textual.widgets import OptionList
from tui_helpers import SIZE, settle, start, text_of

from ethics_tui.service import complaints, notices_acks
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.screens.home import HomeScreen


def nav_labels(screen) -> list[str]:
    nav = screen.query_one("#nav", OptionList)
    return [str(nav.get_option_at_index(i).prompt) for i in range(nav.option_count)]


async def test_complaints_officer_sees_the_overdue_count_and_badge(make_app, demo_ctx):
    officer = demo_sign_in(Context(store=demo_ctx.store), "complaints")
    n = complaints.overdue_count(officer)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        assert isinstance(app.screen, HomeScreen)
        alerts = text_of(app.screen.query_one("#home-alerts"))  # the demo office uses Thai digits
        assert apply_digits(f"⚠ เรื่องร้องเรียนการทุจริตเกินกำหนด {n} เรื่อง", "thai") in alerts
        assert "อีก ๒๑ วัน" in alerts  # the committee's term, from another register
        badge = apply_digits(f"เรื่องร้องเรียนการทุจริต  ⚠ เกินกำหนด {n}", "thai")
        assert any(badge in x for x in nav_labels(app.screen))


async def test_viewer_gets_no_complaint_count(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        alerts = text_of(app.screen.query_one("#home-alerts"))
        assert "เรื่องร้องเรียน" not in alerts and "การประเมินผล" not in alerts and "รับทราบ" in alerts
        assert not any("เกินกำหนด" in x for x in nav_labels(app.screen))


async def test_alerts_refresh_when_coming_back_home(make_app, demo_ctx):
    hr = demo_sign_in(Context(store=demo_ctx.store), "hr")
    cov = notices_acks.below_full(hr)[0]
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        home = app.screen
        assert apply_digits(f"รับทราบ {cov.done}/{cov.total} คน", "thai") in text_of(home.query_one("#home-alerts"))
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is not home
        pending = next(p for p in notices_acks.people(hr, cov.notice.id) if not p.done and p.active)
        notices_acks.acknowledge(hr, cov.notice.id, [pending.staff_id])
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home
        assert apply_digits(f"รับทราบ {cov.done + 1}/{cov.total} คน", "thai") in text_of(home.query_one("#home-alerts"))


async def test_digits_follow_the_settings_and_english(make_app, demo_ctx):
    from dataclasses import replace

    from ethics_tui.service import settings as settings_svc

    s = settings_svc.get_settings(demo_ctx)
    settings_svc.save_settings(demo_ctx, replace(s, digits="arabic"))
    app = make_app(demo_ctx.store.dir, "en")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        alerts = text_of(app.screen.query_one("#home-alerts"))
        assert "(21 days)" in alerts and "awaiting acknowledgement" in alerts


def test_register_labels_refuses_a_key_taken_with_another_text():
    import pytest

    from ethics_tui.tui.i18n import TEXT, register_labels

    register_labels({"back": TEXT["back"]})  # the same text again is fine
    with pytest.raises(ValueError, match="back"):
        register_labels({"back": ("ย้อน", "Return")})
    with pytest.raises(TypeError):
        register_labels({"zz_home_test": "ไม่ใช่คู่"})
    assert TEXT["back"] == ("กลับ", "Back") and "zz_home_test" not in TEXT
