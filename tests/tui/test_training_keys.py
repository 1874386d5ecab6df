"""Training at 80x24: the workflow's keys come first on the key line (w "send to the executive"
is shown, before the less used y and q), and a hint names only keys the role can use."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, Static
from textual.widgets._footer import FooterKey
from tui_helpers import footer_problems, notifications, settle, signed_in, text_of

from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_forms import NominationFormModal
from ethics_tui.tui.widgets.footer import Footer
from ethics_tui.tui.widgets.person_search import PersonSearch

SMALL = (80, 24)


def footer_keys(screen) -> list[str]:
    return [k.key for k in screen.query_one(Footer).query(FooterKey) if not k.has_class("-command-palette")]


async def test_after_nominating_the_next_step_is_on_the_key_line(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "f", "m") as (app, pilot):
        form = app.screen
        assert isinstance(form, NominationFormModal)
        form.query_one("#f-staff_id", PersonSearch).value = form.staff[-1].id
        form.query_one("#f-nominated_by", Select).value = form.directors[0].id
        form.query_one("#f-rationale", Input).value = "ปฏิบัติงานด้านนี้โดยตรง"
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen), notifications(app)
        assert any(n.staff_id == form.staff[-1].id and not n.forwarded_on for n in screen.noms.values())
        keys = footer_keys(screen)
        assert keys[:3] == ["n", "m", "w"], keys  # the workflow first, the next step on the line
        assert footer_problems(app, SMALL) == []
        shown = {k.key: k.description for k in screen.query_one(Footer).query(FooterKey)}
        assert shown["w"] == "ส่งผู้บริหาร"


async def test_the_executive_sees_its_decisions_first(make_app, ctx):
    async with signed_in(make_app, ctx, "executive", "f") as (app, _pilot):
        keys = footer_keys(app.screen)
        assert keys[:2] == ["a", "r"], keys
        assert "w" not in keys and "n" not in keys


@pytest.mark.parametrize(("role", "hinted"), [("executive", False), ("hr", True)])
async def test_no_budget_hint_names_b_only_for_who_may_use_it(make_app, ctx, role, hinted):
    async with signed_in(make_app, ctx, role, "f") as (app, pilot):
        for _ in range(6):  # back to a year without a budget
            await pilot.press("left_square_bracket")
            await settle(pilot)
        text = text_of(app.screen.query_one("#tr-budget", Static))
        assert "ยังไม่ได้บันทึกงบฝึกอบรม" in text
        assert ("กด b" in text) == hinted, text


@pytest.mark.parametrize("key", ["tr_no_budget", "tr_attendance", "cm_none", "ap_no_rounds", "rp_ita_none"])
def test_each_key_hint_has_a_text_without_the_key(key):
    from ethics_tui.tui.i18n import t

    for lang, press in (("th", "กด"), ("en", "press")):
        hinted, plain = t(key, lang), t(f"{key}_read", lang)
        assert press in hinted and press not in plain and plain != f"{key}_read"


@pytest.mark.parametrize(("role", "hinted"), [("executive", False), ("hr", True)])
async def test_attendance_hint_names_t_only_for_who_may_use_it(make_app, ctx, role, hinted):
    from textual.widgets import DataTable

    from demo_cache import fast_demo
    from ethics_tui.model.training import Opportunity
    from ethics_tui.service import demo
    from ethics_tui.service import training as svc

    fast_demo(ctx)
    hr = demo.demo_sign_in(ctx, "hr")
    fy = svc.fiscal_years(hr)[-1]
    opp = svc.save_opportunity(
        hr, Opportunity("ฝึกอบรม", "อบรมจริยธรรมภายใน", f"{fy - 543}-09-30", "", "อบต.", in_house=True)
    )
    async with signed_in(make_app, ctx, role, "f") as (app, pilot):
        table = app.screen.query_one("#tr-opps", DataTable)
        table.move_cursor(row=table.get_row_index(str(opp.id)))
        await settle(pilot)
        text = text_of(app.screen.query_one("#tr-opp-info", Static))
        assert "ผู้เข้าร่วม: บุคลากร" in text
        assert ("กด t" in text) == hinted, text


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("role", ["hr", "executive"])
async def test_the_way_out_stays_on_the_key_line_at_80_columns(make_app, ctx, role, lang):
    """QA stop 24: once w was shown, q and esc had no room at 80x24. The year-end summary (y,
    once a year) comes after esc: shown when there is room, else in the palette and the help."""
    from ethics_tui.tui.commands import available

    async with signed_in(make_app, ctx, role, "f", lang=lang) as (app, pilot):
        keys = footer_keys(app.screen)
        assert "escape" in keys and "q" in keys, keys
        assert footer_problems(app, SMALL) == []
        assert ("ฝึกอบรม: สรุปปลายปี" if lang == "th" else "Training: year-end summary") in [
            title for title, _action in available(app)
        ]
        await pilot.press("f1")
        await settle(pilot)
        import re

        assert re.search(r"^ +y +\S", text_of(app.screen.query_one("#help-text")), re.M)  # y in the help
