"""Issue 17: the office at the keyboard on a default 80×24 terminal (tick-off, committee form,
restore, typed-ahead keys)."""

from __future__ import annotations

import pytest
from tui_helpers import settle, start, text_of, type_text

from demo_cache import fast_demo
from ethics_tui.service import demo
from ethics_tui.service import notices as svc
from ethics_tui.service import notices_acks as acks
from ethics_tui.tui.screens.notices import NoticesScreen
from ethics_tui.tui.screens.notices_ticks import TickOffScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)


@pytest.fixture
def office(ctx):
    fast_demo(ctx)  # the demo office, built once per process
    return demo.demo_sign_in(ctx, "admin")


async def open_ticks(pilot, notice_id: int) -> TickOffScreen:
    await pilot.press("o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NoticesScreen)
    screen.table.move_cursor(row=screen.table.get_row_index(str(notice_id)))
    await pilot.press("k")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TickOffScreen)
    return pilot.app.screen


def acked_circular(ctx):
    for n in svc.list_notices(ctx):
        if n.kind == "circular" and n.published:
            done = [p for p in acks.people(ctx, n.id) if p.done and " " in p.name]
            if done:
                return n, done[0]
    raise AssertionError("the demo has an acknowledged circular")


async def test_space_while_searching_goes_into_the_search(make_app, office):
    n, person = acked_circular(office)
    before = acks.coverage(office, n.id).done
    first = person.name.split(" ")[0]
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        ticks = await open_ticks(pilot, n.id)
        await type_text(pilot, f"{first} {person.name.split(' ')[1][:2]}")
        assert ticks.filter == f"{first} {person.name.split(' ')[1][:2]}"
        assert acks.coverage(app.ctx, n.id).done == before  # nothing toggled
        assert ticks.selected_id() == person.staff_id
        assert "✓" in str(ticks.table.get_cell(str(person.staff_id), "ack"))
        await pilot.press("enter", "space")  # enter ends the search; space on an earlier tick asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert acks.coverage(app.ctx, n.id).done == before
        await pilot.press("space", "y")
        await pilot.pause()
        assert acks.coverage(app.ctx, n.id).done == before - 1
        await pilot.press("up", "space")  # ticked in this sitting: no question
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert acks.coverage(app.ctx, n.id).done == before
        await pilot.press("up", "space")  # ...and taken back again without one
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert acks.coverage(app.ctx, n.id).done == before - 1


async def test_order_form_asks_before_discarding_members(make_app, office):
    from textual.widgets import Input, OptionList, Select

    from ethics_tui.tui.screens.committee_form import MemberModal, OrderFormModal

    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "hr")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OrderFormModal)
        await pilot.press("ctrl+n")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MemberModal)
        modal.query_one("#f-search", Input).value = "ปลัด"
        await pilot.pause()
        modal.query_one("#staff-pick", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        modal.query_one("#f-role", Select).value = "ประธาน"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and len(form.members) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)  # not thrown away without a word
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form and len(form.members) == 1


async def test_restore_offers_the_newest_backup_and_says_what_it_holds(make_app, office):
    from ethics_tui.store.backup import create_backup
    from ethics_tui.tui.widgets.prompt import TextPromptModal

    create_backup(office.store)  # an older automatic backup
    staff_n = len(office.store.load()["staff"])
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "admin")
        await pilot.press("b")  # a manual backup, after the automatic one
        await pilot.pause()
        await pilot.press("enter")  # to the program's backups/ folder, offered first
        await settle(pilot)
        manual = sorted(office.store.backups_dir.glob("manual-*.zip"))
        assert len(manual) == 1
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        from textual.widgets import Input

        assert prompt.query_one("#f-text", Input).value == str(manual[0])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        question = text_of(app.screen.query_one("#question"))
        assert "สำรองเมื่อ" in question and "KB" in question
        assert str(manual[0]) in question  # the path keeps its own digits
        from ethics_tui.thai.digits import to_arabic_digits

        plain = to_arabic_digits(question)
        assert f"บุคลากร {staff_n} คน" in plain and "การรับทราบ" in plain
        await pilot.press("n")
        await pilot.pause()
