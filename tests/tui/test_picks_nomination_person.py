"""The training nomination forms (new, and edit) pick the person by typing part of a name, code
or division, as the committee member dialog does (widgets/person_search.py), keyboard only, at
80x24: a plain list of every staff member (58 in the demo, hundreds in a เทศบาล) had no search."""

from __future__ import annotations

from test_training_changes_screen import nominated, on_nomination, press_for  # noqa: F401 - fixture
from test_training_screen import office  # noqa: F401 - the fixture
from textual.widgets import Input, Select, Static
from tui_helpers import notifications, settle, type_text

from ethics_tui.service import staff as staff_svc
from ethics_tui.service import training as svc
from ethics_tui.tui.screens.training_changes import NominationEditModal
from ethics_tui.tui.screens.training_forms import NominationFormModal
from ethics_tui.tui.widgets.person_search import PersonSearch


async def finish(pilot, form, screen) -> None:
    """The other fields filled in, ctrl+s: back on the training screen."""
    by = form.query_one("#f-nominated_by", Select)
    if by.is_blank():
        by.value = form.directors[0].id
    form.query_one("#f-rationale", Input).value = "ปฏิบัติงานด้านนี้โดยตรง"
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert pilot.app.screen is screen, notifications(pilot.app)


async def test_new_nomination_finds_the_person_by_code_and_by_name(make_app, office):  # noqa: F811
    hr, opp = office
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        person = staff_svc.search(hr, "สมชาย")[-1].staff
        form = await press_for(pilot, "m", NominationFormModal)
        await pilot.press("ctrl+s")  # nobody picked: refused at the person's field
        await settle(pilot)
        assert app.screen is form and str(form.query_one("#err-staff_id", Static).render()) == "ต้องกรอก"
        assert app.focused is form.query_one("#f-search", Input)  # the first error: its search box
        await type_text(pilot, "สมชาย")
        await settle(pilot)
        for _ in range(6):  # into the list and past its last match: stays on the last one
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        search = form.query_one("#f-staff_id", PersonSearch)
        assert search.value == person.id
        assert f"เลือกแล้ว: {person.full_name}" in str(search.query_one(".person-chosen", Static).render())
        assert app.focused is form.query_one("#f-nominated_by")  # on to the next field
        await finish(pilot, form, screen)
        [nom] = svc.list_nominations(hr, opp.id)
        assert nom.staff_id == person.id


async def test_enter_in_the_search_box_picks_the_first_match_of_a_code(make_app, office):  # noqa: F811
    hr, opp = office
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        person = staff_svc.search(hr, "")[-1].staff
        form = await press_for(pilot, "m", NominationFormModal)
        await type_text(pilot, person.code)
        await pilot.press("enter")
        await settle(pilot)
        await finish(pilot, form, screen)
        assert [n.staff_id for n in svc.list_nominations(hr, opp.id)] == [person.id]


async def test_edit_shows_the_person_and_changes_them_by_search(make_app, nominated):  # noqa: F811
    hr, opp, nom = nominated
    async with on_nomination(make_app, hr, opp.id, "hr") as (app, pilot, screen):
        form = await press_for(pilot, "u", NominationEditModal)
        search = form.query_one("#f-staff_id", PersonSearch)
        before = staff_svc.get(hr, nom.staff_id).full_name
        assert f"เลือกแล้ว: {before}" in str(search.query_one(".person-chosen", Static).render())
        other = next(r.staff for r in staff_svc.search(hr, "") if r.staff.id != nom.staff_id)
        await type_text(pilot, other.code)
        await pilot.press("enter")
        await settle(pilot)
        await finish(pilot, form, screen)
        assert svc.get_nomination(hr, nom.id).staff_id == other.id
