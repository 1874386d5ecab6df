"""Issue 17, the second tour (hr 80x24, executive/viewer 100x30 and 120x40, ...): what it found."""

from __future__ import annotations

from test_tour_fixes import signed_in
from tui_helpers import settle

from demo_cache import fast_demo

SMALL = (80, 24)


async def test_the_score_grid_keeps_staff_codes_in_arabic_digits(make_app, ctx):
    """The demo office writes Thai digits; a staff code is an identifier and stays 0010 in the
    score grid as in the staff list, the tick-off and the entry line under the grid."""
    from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "a", size=SMALL) as (app, pilot):
        await pilot.press("enter")  # the newest round
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AppraisalResultsScreen)
        table = screen.table
        codes = [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]
        assert codes and all(c.isascii() and c.isdigit() for c in codes), codes[:3]


async def test_the_training_year_view_keeps_its_figures_whole_at_80x24(make_app, ctx):
    """The bars are decoration: at 80 columns they shrink (or go) before a figure is cut
    ("๑๘/…" hid how many of the division had an opportunity)."""
    from snapshot_helpers import screen_text

    from ethics_tui.service import training_stats
    from ethics_tui.thai.digits import apply_digits
    from ethics_tui.tui.screens.training_views import TrainingYearScreen

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "f", "y", size=SMALL) as (app, pilot):
        year = app.screen
        assert isinstance(year, TrainingYearScreen)
        text = screen_text(app)
        st = training_stats.stats(year.ctx, year.fy)
        for g in st.by_division[:4]:
            pct = 100 * g.participants / g.staff if g.staff else 0
            share = apply_digits(f"{g.participants}/{g.staff} {pct:.0f}%", "thai")
            assert share in text, (share, text)
            assert apply_digits(f"{g.cost:,.0f}", "thai") in text


async def test_the_staff_accounts_screen_shows_its_title_and_count_at_80x24(make_app, ctx):
    """58 rows pushed the title and "มีบัญชีแล้ว … คน" off the top: the table takes what is left;
    the count is in the office's digits."""
    from snapshot_helpers import screen_text

    from ethics_tui.tui.screens.staff_accounts import StaffAccountsScreen

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "y", size=SMALL) as (app, pilot):
        assert isinstance(app.screen, StaffAccountsScreen)
        text = screen_text(app)
        assert "บัญชีบุคลากรสำหรับรับทราบเอกสารด้วยตนเอง" in text, text
        assert "มีบัญชีแล้ว ๐ คน จาก ๕๘ คน" in text, text  # the office writes Thai digits


async def test_the_order_form_names_the_order_it_replaces_in_the_offices_digits(make_app, ctx):
    """The list says ๑/๒๕๖๙; the "แทนคำสั่ง" choice said 1/2569 (01/10/2569 – …)."""
    from textual.widgets import Select

    from ethics_tui.tui.screens.committee_form import OrderFormModal

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "c", "n", size=SMALL) as (app, pilot):
        form = app.screen
        assert isinstance(form, OrderFormModal)
        labels = [str(label) for label, _value in form.query_one("#f-supersedes", Select)._options[1:]]
        assert labels and all("/" in x and not any("0" <= c <= "9" for c in x) for x in labels), labels


async def test_the_report_title_is_in_the_offices_digits(make_app, ctx):
    """Home says "รายงานผลมาตรการ ๖–๗"; the report's own title said "มาตรการ 6–7 … ๒๕๖๙"."""
    from textual.widgets import Static
    from tui_helpers import text_of

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "executive", "m", size=SMALL) as (app, pilot):
        title = text_of(app.screen.query_one("#rp-title", Static))
        assert "มาตรการ ๖–๗" in title and not any("0" <= c <= "9" for c in title), title


async def test_the_tick_off_names_no_writing_keys_to_a_reader(make_app, ctx):
    """The executive may open the tick-off to look, but space, f3–f5 and ctrl+z are refused:
    the hint under the list offered them all the same."""
    from textual.widgets import Static
    from tui_helpers import text_of

    from ethics_tui.tui.screens.notices_ticks import TickOffScreen

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "executive", "o", "k", size=SMALL) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, TickOffScreen)
        for keys in (("n", "a"), ("enter",)):  # while a search is typed, and after
            await pilot.press(*keys)
            await settle(pilot)
            shown = " ".join(text_of(w) for w in screen.query(Static))
            assert "space" not in shown and "f3" not in shown and "ctrl+z" not in shown, shown
    async with signed_in(make_app, ctx, "hr", "o", "k", size=SMALL) as (app, pilot):
        shown = " ".join(text_of(w) for w in app.screen.query(Static))
        assert "space" in shown and "f3" in shown, shown  # the officer keeps them


async def test_the_viewer_is_not_offered_the_appraisal_keys_it_is_refused(make_app, ctx):
    """The viewer's appraisal footer showed "g ร้องทุกข์" and the palette "ประเมินผล: กรอกคะแนน":
    both open lists of people, which the viewer may not see (they answered with a refusal)."""
    from snapshot_helpers import screen_text

    from ethics_tui.tui.commands import available
    from ethics_tui.tui.screens.appraisal import AppraisalScreen

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "viewer", "a", size=SMALL) as (app, pilot):
        assert isinstance(app.screen, AppraisalScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "ร้องทุกข์" not in footer and "ส่งออก PDF" in footer, footer
        titles = [title for title, _action in available(app)]
        assert "ประเมินผล: กรอกคะแนน" not in titles and "ประเมินผล: ส่งออกสรุป PDF" in titles, titles
        await pilot.press("g")  # still refused in Thai if pressed
        await settle(pilot)
        assert isinstance(app.screen, AppraisalScreen)
    async with signed_in(make_app, ctx, "hr", "a", size=SMALL) as (app, pilot):
        assert "g ร้องทุกข์" in screen_text(app).splitlines()[-1]
        assert "ประเมินผล: กรอกคะแนน" in [t for t, _a in available(app)]


async def test_the_staff_count_after_a_search_says_how_many_of_everyone(make_app, ctx):
    """After a search the count read "แสดง ๒ จาก ๒ คน" (the matches twice): it says how many
    the search found out of everyone listed."""
    from textual.widgets import Input, Static

    from ethics_tui.service import staff as staff_svc
    from ethics_tui.thai.digits import apply_digits

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "s", size=SMALL) as (app, pilot):
        screen = app.screen
        everyone = staff_svc.count(screen.ctx)
        one = staff_svc.search(screen.ctx, "")[0].staff
        await pilot.press("slash")
        screen.query_one("#filter", Input).value = one.first_name  # as typed (or pasted)
        await settle(pilot)
        found = len(staff_svc.search(screen.ctx, one.first_name))
        label = str(screen.query_one("#staff-count", Static).render())
        assert label.startswith(f"พบ {apply_digits(str(found), 'thai')} จาก {apply_digits(str(everyone), 'thai')} คน")
        await pilot.press("escape")  # the search cleared: the plain count again
        await settle(pilot)
        label = str(screen.query_one("#staff-count", Static).render())
        assert label.startswith("แสดง ")


async def test_long_forms_keep_their_buttons_and_key_line_on_screen_at_80x24(make_app, ctx):
    """The order form and the new-round form ran their buttons and the "ctrl+s บันทึก" line off
    the bottom of the dialog at 80x24: the body scrolls, the buttons and key line stay."""
    from textual.widgets import Button, Static

    fast_demo(ctx)
    for keys in (("c", "n"), ("a", "n")):
        async with signed_in(make_app, ctx, "admin", *keys, size=SMALL) as (app, pilot):
            dialog = app.screen.query_one("#dialog")
            inside = dialog.content_region
            for part in (app.screen.query_one("#save", Button), app.screen.query_one(".hint", Static)):
                assert part.region.height > 0 and inside.contains_region(part.region), (keys, part, inside)


async def test_escape_in_a_search_clears_it_and_a_command_key_works_next(make_app, ctx):
    """Escape cleared the search but left the focus in it, so the `n` typed next went into the
    search instead of opening the new-record form."""
    from textual.widgets import DataTable, Input

    from ethics_tui.tui.screens.staff_form import StaffFormModal

    fast_demo(ctx)
    async with signed_in(make_app, ctx, "hr", "s", size=SMALL) as (app, pilot):
        screen = app.screen
        await pilot.press("slash")
        screen.query_one("#filter", Input).value = "กอง"
        await settle(pilot)
        await pilot.press("escape", "n")
        await settle(pilot)
        assert screen.query_one("#filter", Input).value == ""
        assert isinstance(app.screen, StaffFormModal)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and isinstance(app.focused, DataTable)
