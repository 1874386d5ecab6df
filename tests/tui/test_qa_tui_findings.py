"""QA findings of 30 Nov shown as failing Pilot tests (xfail, strict): each one passes once the
finding is fixed, and then the xfail mark must go."""

from __future__ import annotations

import pytest
from test_tour_fixes import signed_in
from tui_helpers import notifications


@pytest.mark.xfail(
    strict=True,
    reason="QA: ctrl+l from a register screen pops it, home resumes with nobody signed in and "
    "refresh_counts raises 'ต้องเข้าสู่ระบบก่อนจึงจะดูทะเบียนบุคลากรได้' as a toast on sign-in",
)
async def test_signing_out_from_a_register_shows_no_sign_in_error(make_app, ctx):
    from ethics_tui.tui.screens.sign_in import SignInScreen

    async with signed_in(make_app, ctx, "hr", "s", "ctrl+l") as (app, pilot):
        assert isinstance(app.screen, SignInScreen)
        left = notifications(app)
        assert not [n for n in left if "ต้องเข้าสู่ระบบ" in n], left


@pytest.mark.xfail(
    strict=True,
    reason="QA: ctrl+l (and ctrl+q) with a form holding typed, unsaved data signs out (quits) at "
    "once; escape asks 'ทิ้งข้อมูลที่กรอกไว้…' first (widgets/form.py action_cancel)",
)
async def test_signing_out_from_a_form_with_typed_data_asks_first(make_app, ctx):
    from tui_helpers import settle, type_text

    from ethics_tui.tui.screens.sign_in import SignInScreen

    async with signed_in(make_app, ctx, "hr", "s", "n") as (app, pilot):
        await type_text(pilot, "นาง")
        await pilot.press("tab")
        await type_text(pilot, "ข้อมูลที่พิมพ์ไว้")
        await settle(pilot)
        form = app.screen
        assert form._field_values() != form._initial  # escape here would ask before discarding
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert not isinstance(app.screen, SignInScreen), "typed data dropped without a question"


async def test_the_committee_list_fits_again_after_the_terminal_shrinks(make_app, ctx):
    from tui_helpers import settle

    async with signed_in(make_app, ctx, "hr", "c", size=(120, 40)) as (app, pilot):
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        table = app.screen.table
        assert table.virtual_size.width <= table.size.width, (table.virtual_size, table.size)
