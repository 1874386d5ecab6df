"""The round audience editor at 80x24 (a on the rounds screen, or the palette): search, tick and
untick, save with the service's rules and its refusals at the field; a notified round is refused
before the form opens."""

from __future__ import annotations

from textual.widgets import Input, SelectionList
from tui_helpers import footer_problems, notifications, settle, signed_in, text_of

from appraisal_cases import round_today
from ethics_tui.service import appraisal as svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.appraisal_audience import audience
from ethics_tui.tui.screens.appraisal import AppraisalScreen
from ethics_tui.tui.screens.appraisal_audience import AudienceModal

SMALL = (80, 24)


async def test_search_tick_and_save_the_audience(make_app, demo_ctx):
    rnd = round_today(demo_ctx, 3)
    first = svc.list_results(demo_ctx, rnd.id)[0]
    svc.set_scores(demo_ctx, first.result.id, "50", "20")
    newcomer = next(r.staff for r in staff_svc.search(demo_ctx) if r.staff.id not in audience(demo_ctx, rnd.id))
    # the rounds screen, then its audience key (on the newest round)
    async with signed_in(make_app, demo_ctx, "hr", "a", "a") as (app, pilot):
        form = app.screen
        assert isinstance(form, AudienceModal)
        assert footer_problems(app, SMALL) == []
        assert app.focused is form.query_one("#f-search", Input)
        box = form.query_one("#f-audience", SelectionList)
        scored = next(
            box.get_option_at_index(i)
            for i in range(box.option_count)
            if box.get_option_at_index(i).value == first.staff.id
        )
        assert scored.disabled and first.staff.id in box.selected  # a scored person stays in
        await pilot.press(*newcomer.code, "enter")  # search by code; enter goes to the list
        await settle(pilot)
        assert app.focused is box and box.option_count == 1
        await pilot.press("space")
        assert "เพิ่ม ๑" in text_of(form.query_one("#ap-aud-count"))  # the demo office's digits
        form.query_one("#f-search", Input).value = ""
        await settle(pilot)
        assert newcomer.id in box.selected  # a tick survives a new search
        leaving = svc.list_results(demo_ctx, rnd.id)[1].staff
        box.deselect(leaving.id)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AppraisalScreen)
        now = audience(app.ctx, rnd.id)
        assert newcomer.id in now and leaving.id not in now and len(now) == 3
        assert any("๓ คน" in n for n in notifications(app))
        entry = [e for e in app.ctx.store.audit.entries() if e.get("action") == "audience"][-1]
        assert (entry["note"], entry["actor"]) == ("+1 -1", "hr")


async def test_a_person_scored_meanwhile_is_refused_at_the_list(make_app, demo_ctx):
    rnd = round_today(demo_ctx, 3)
    second = svc.list_results(demo_ctx, rnd.id)[1]
    async with signed_in(make_app, demo_ctx, "hr", "a", "a") as (app, pilot):
        form = app.screen
        form.query_one("#f-audience", SelectionList).deselect(second.staff.id)
        svc.set_scores(demo_ctx, second.result.id, "50", "20")  # another PC scores them meanwhile
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # the form stays, the reason at the list, in Thai
        error = text_of(form.query_one("#err-audience"))
        assert "ได้คะแนนแล้ว" in error and second.staff.full_name in error
        assert second.staff.id in audience(app.ctx, rnd.id)


async def test_a_notified_round_is_refused_before_the_form_opens(make_app, demo_ctx):
    async with signed_in(make_app, demo_ctx, "hr", "a", "a") as (app, pilot):  # the newest round is notified
        assert isinstance(app.screen, AppraisalScreen)
        assert any("เฉพาะรอบที่ยังเปิดอยู่" in n for n in notifications(app))
