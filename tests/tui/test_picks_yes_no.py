"""Yes/no choices in forms (QA 30 Nov, a new HR officer): the opportunity form's blank
"— เลือก —" line was saved as ไม่ใช่, so her ethics course was stored as not one. Now a choice
has a blank line only while it shows no value, and a blank is refused at its field
(widgets/fields.choice_select, read_choice), at 80x24."""

from __future__ import annotations

from textual.widgets import Input, Select, Static
from tui_helpers import notifications, settle, signed_in

from ethics_tui.service import training as svc
from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_forms import BudgetModal, OpportunityFormModal
from ethics_tui.tui.widgets.form import FieldRow


def options(select: Select) -> list:
    return [v for _p, v in select._options]


async def test_a_new_opportunity_asks_yes_or_no_for_ethics_and_shows_no_for_in_house(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "f", "n") as (app, pilot):
        form = app.screen
        assert isinstance(form, OpportunityFormModal)
        ethics, in_house = form.query_one("#f-ethics", Select), form.query_one("#f-in_house", Select)
        assert ethics.is_blank() and Select.NULL in options(ethics)  # to be answered
        assert in_house.value is False and Select.NULL not in options(in_house)  # a default she sees
        assert Select.NULL not in options(form.query_one("#f-kind", Select))
        assert form.query_one("#row-ethics", FieldRow).label.endswith("*")
        form.query_one("#f-title", Input).value = "หลักสูตรจริยธรรมสำหรับบุคลากรท้องถิ่น"
        form.query_one("#f-start_date", Input).value = "15/01/2570"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # refused at the field, nothing stored
        assert str(form.query_one("#err-ethics", Static).render()) == "เลือก ใช่ หรือ ไม่ใช่"
        assert app.focused is ethics
        assert not [o for o in svc.list_opportunities(app.ctx) if o.title.startswith("หลักสูตรจริยธรรม")]
        await pilot.press("enter")  # open the list: ไม่ใช่, ใช่ under the blank line
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert ethics.value is True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TrainingScreen), notifications(app)
        [saved] = [o for o in svc.list_opportunities(app.ctx) if o.title.startswith("หลักสูตรจริยธรรม")]
        assert (saved.ethics, saved.in_house) == (True, False)
        # editing it: the stored answer is shown and there is no blank line to pick any more
        app.push_screen(OpportunityFormModal(saved))
        await settle(pilot)
        shown = app.screen.query_one("#f-ethics", Select)
        assert shown.value is True and Select.NULL not in options(shown)


async def test_the_budget_division_has_no_blank_to_become_the_whole_office(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "f", "b") as (app, _pilot):
        form = app.screen
        assert isinstance(form, BudgetModal)
        division = form.query_one("#f-division", Select)
        assert division.value == 0 and Select.NULL not in options(division)


async def test_a_question_about_no_particular_course_says_so(make_app, ctx):
    from ethics_tui.tui.screens.training_forms import QuestionFormModal

    async with signed_in(make_app, ctx, "hr", "f", "q") as (app, pilot):
        app.push_screen(QuestionFormModal([], []))
        await settle(pilot)
        about = app.screen.query_one("#f-opportunity_id", Select)
        assert about.value == 0 and Select.NULL not in options(about)
        assert str(about.query_one("SelectCurrent Static").render()) == "คำถามทั่วไป (ไม่เจาะจงหลักสูตร)"
