"""Issue 17, left from the tour: what the officer must see at 80x24 before and after an action."""

from __future__ import annotations

from datetime import date

from test_tour_fixes import signed_in
from tui_helpers import settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.service import committee as svc
from ethics_tui.service import demo
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import BE_OFFSET
from ethics_tui.thai.digits import apply_digits

SMALL = (80, 24)


def admin_of(ctx) -> Context:
    fast_demo(ctx)
    return demo.demo_sign_in(Context(store=ctx.store), "admin")


async def test_the_issue_question_names_the_number_and_the_order_it_replaces(make_app, ctx):
    from ethics_tui.tui.screens.committee_dialogs import IssueModal
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    admin = admin_of(ctx)
    (old,) = [o for o in svc.list_orders(admin) if o.status == "issued"][:1]
    draft = svc.successor(admin, old.id)
    year = date.today().year + BE_OFFSET
    nxt = svc.next_order_number(admin, year)
    async with signed_in(make_app, ctx, "committee", size=SMALL) as (app, pilot):
        app.push_screen(IssueModal(draft))
        await settle(pilot)
        assert str(app.screen.query_one("#save").label).startswith("ออกคำสั่ง")  # not "บันทึก"
        await pilot.press("ctrl+s")
        await settle(pilot)
        ask = app.screen
        assert isinstance(ask, ConfirmModal)
        shown = text_of(ask.query_one("#question"))
        digits = lambda s: apply_digits(s, "thai")  # the demo office writes Thai digits
        assert digits(f"{nxt}/{year}") in shown, shown
        assert digits(old.ref) in shown and "แทน" in shown, shown
        await pilot.press("n")  # nothing issued
        await settle(pilot)
    assert svc.get_order(admin, draft.id).status == "draft"


async def test_restore_shows_the_whole_backup_path_at_80x24(make_app, ctx):
    from textual.widgets import Input, Static

    from ethics_tui.tui.widgets.prompt import TextPromptModal

    admin_of(ctx)
    async with signed_in(make_app, ctx, "admin", "r", size=SMALL) as (app, pilot):
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        path = prompt.query_one("#f-text", Input).value
        assert len(path) > 40 and path.endswith(".zip")  # longer than the field at 80 columns
        full = prompt.query_one("#path-full", Static)
        assert text_of(full) == path
        box = full.content_region
        assert box.bottom <= SMALL[1] and box.width * box.height >= len(path)  # wrapped, not cut
        await pilot.press("ctrl+a", "ctrl+k")  # typing another path shows it as typed
        await pilot.press(*"/x/y.zip")
        assert text_of(full) == "/x/y.zip"


async def test_the_report_shows_its_results_whole(make_app, ctx):
    from snapshot_helpers import mask, screen_text
    from textual.widgets import DataTable

    from ethics_tui.tui.screens.report import ReportScreen
    from ethics_tui.tui.widgets.thai_text import WrappedStatic

    admin_of(ctx)
    for size in ((100, 30), SMALL):
        async with signed_in(make_app, ctx, "admin", "m", size=size) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, ReportScreen)
            rows = screen.query_one("#rp-rows", DataTable)
            shown = screen_text(app)
            assert "ผลลัพธ์" in shown.splitlines()[rows.region.y], shown  # the column is on screen
            assert rows.region.right <= size[0] and sum(c.get_render_width(rows) for c in rows.columns.values()) <= (
                rows.region.width
            )
            rows.focus()
            await pilot.press("down", "down", "down")  # the appraisal row: its result takes 4+ lines at 120
            await settle(pilot)
            key = rows.coordinate_to_cell_key(rows.cursor_coordinate).row_key.value
            detail = screen.query_one("#rp-detail", WrappedStatic)
            flat = lambda s: "".join(s.split())
            assert flat(screen.results[key]) in flat(text_of(detail)) and len(screen.results[key]) > 100
            assert detail.region.bottom <= size[1] - 1  # above the footer
            lines = screen_text(app).splitlines()[detail.region.y : detail.region.bottom]
            assert flat("".join(lines)).endswith(flat(mask(screen.results[key]))[-20:]), "\n".join(lines)


async def test_the_previous_users_toasts_do_not_greet_the_next_one(make_app, ctx):
    from tui_helpers import notifications

    from ethics_tui.tui.screens.sign_in import SignInScreen

    admin_of(ctx)
    async with signed_in(make_app, ctx, "admin", "ctrl+l", size=SMALL) as (app, pilot):
        assert isinstance(app.screen, SignInScreen)
        # an export or save of the signed-out user that fails after sign-out
        app.notify("บันทึกไม่สำเร็จ (ของผู้ใช้ก่อน)", severity="error")
        app.notify("ส่งออกไม่สำเร็จ (ของผู้ใช้ก่อน)", severity="error")
        await start(pilot, "hr")
        assert not isinstance(app.screen, SignInScreen)
        left = notifications(app)
        assert not [n for n in left if "ผู้ใช้ก่อน" in n or "ออกจากระบบ" in n], left


async def test_the_header_shows_the_users_name_at_80_columns(make_app, ctx):
    from snapshot_helpers import screen_text

    from ethics_tui.service.users import get_user

    admin = admin_of(ctx)
    for role in ("admin", "committee", "viewer"):
        name = get_user(admin, role).display_name
        async with signed_in(make_app, ctx, role, size=SMALL) as (app, pilot):
            top = screen_text(app).splitlines()[0]
            assert name in top and "…" not in top, top
            await pilot.resize_terminal(120, 40)  # wider: the office comes back
            await settle(pilot)
            top = screen_text(app).splitlines()[0]
            assert name in top and "องค์การบริหารส่วนตำบล" in top, top


async def test_the_view_only_staff_form_reads_the_start_date_in_the_offices_digits(make_app, ctx):
    from textual.widgets import Input

    from ethics_tui.tui.screens.staff_form import StaffFormModal

    admin_of(ctx)
    async with signed_in(make_app, ctx, "viewer", "s", "e", size=SMALL) as (app, pilot):
        form = app.screen
        assert isinstance(form, StaffFormModal) and form.view_only
        shown = form.query_one("#f-start_date", Input).value
        assert shown and not any(c.isascii() and c.isdigit() for c in shown), shown  # ๑/๔/๒๕๖๐
        assert form.query_one("#f-code", Input).value.isascii()  # an identifier keeps its digits
        title = text_of(form.query_one(".dialog-title"))
        assert title.startswith("ข้อมูลบุคลากร") and "แก้ไข" not in title, title  # looked at, not edited
        assert "ปิด" in str(form.query_one("#cancel").label)


async def test_the_notices_id_column_keeps_arabic_digits(make_app, ctx):
    from textual.widgets import DataTable

    from ethics_tui.tui.screens.notices import NoticesScreen

    admin_of(ctx)
    async with signed_in(make_app, ctx, "admin", "o", size=(120, 40)) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, NoticesScreen)
        table = screen.query_one("#nt-table", DataTable)
        ids = [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]
        assert ids and all(x.isascii() and x.isdigit() for x in ids), ids
        assert any(not c.isascii() for c in str(table.get_row_at(0)[-1])), "the counts stay in Thai digits"


async def test_deciding_a_grievance_starts_on_the_status_and_refuses_a_future_date(make_app, ctx):
    from datetime import timedelta

    from textual.widgets import Input, Select

    from ethics_tui.tui.screens.appraisal_forms import DecisionModal
    from ethics_tui.tui.screens.appraisal_grievances import AppraisalGrievancesScreen

    admin_of(ctx)
    async with signed_in(make_app, ctx, "admin", "a", "g", "e", size=SMALL) as (app, pilot):
        form = app.screen
        assert isinstance(form, DecisionModal), app.screen
        assert isinstance(app.focused, Select) and app.focused.id == "f-status", app.focused
        form.query_one("#f-status", Select).value = "dismissed"
        form.query_one("#f-decided_on", Input).value = be_date(date.today() + timedelta(days=3))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "วันนี้" in text_of(form.query_one("#err-decided_on"))
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, AppraisalGrievancesScreen)


def be_date(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year + BE_OFFSET}"


def test_thai_digits_leave_latin_codes_alone():
    assert apply_digits("O13 ปี 2569 (v2) K7QM-3XPA-9D ที่ 1/2569", "thai") == "O13 ปี ๒๕๖๙ (v2) K7QM-3XPA-9D ที่ ๑/๒๕๖๙"
    assert apply_digits("O๑๓ ๒๕๖๙", "arabic") == "O13 2569"


async def test_home_readiness_keeps_the_ita_item_codes(make_app, ctx):
    from snapshot_helpers import screen_text

    admin_of(ctx)
    async with signed_in(make_app, ctx, "hr", size=(100, 30)) as (app, pilot):
        shown = screen_text(app)
        assert "O13" in shown and "O๑" not in shown, shown


async def test_the_import_footer_names_ctrl_o_once(make_app, ctx):
    from snapshot_helpers import screen_text

    admin_of(ctx)
    async with signed_in(make_app, ctx, "hr", "s", "i", size=(100, 30)) as (app, pilot):
        footer = screen_text(app).splitlines()[-1]
        assert "^o จับคู่คอลัมน์" in footer and "(ctrl+o)" not in footer, footer


async def test_settings_name_their_keys_only_to_who_may_use_them(make_app, ctx):
    from snapshot_helpers import screen_text

    admin_of(ctx)
    shown = {}
    for role in ("admin", "hr", "complaints"):
        async with signed_in(make_app, ctx, role, "t", size=SMALL) as (app, pilot):
            shown[role] = screen_text(app)
    assert "(e)" in shown["admin"] and "(n / r / d)" in shown["admin"]
    assert "(e)" not in shown["hr"] and "(n / r / d)" in shown["hr"]  # hr keeps the divisions
    assert "(e)" not in shown["complaints"] and "(n / r / d)" not in shown["complaints"]


async def test_the_complaint_privacy_notice_uses_the_offices_digits(make_app, ctx):
    from textual.widgets import Static

    admin_of(ctx)
    async with signed_in(make_app, ctx, "complaints", "p", "n", size=SMALL) as (app, pilot):
        notice = text_of(app.screen.query_one("#privacy-notice", Static))
        assert "๑๐ ปี" in notice and "10 ปี" not in notice, notice


async def test_approving_a_nomination_with_an_outcome_is_refused_before_the_question(make_app, ctx):
    from tui_helpers import notifications

    from ethics_tui.tui.screens.training import TrainingScreen
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    admin_of(ctx)
    async with signed_in(make_app, ctx, "executive", "f", "tab", size=SMALL) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        nom = screen.noms[screen.nom_table.record_id]
        assert nom.outcome  # the demo's first course: attended
        await pilot.press("a")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal)
        assert any("บันทึกผลการเข้าร่วมแล้ว" in n for n in notifications(app))


async def test_making_staff_accounts_says_how_many_and_where_the_slips_go(make_app, ctx):
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    admin_of(ctx)
    async with signed_in(make_app, ctx, "hr", "y", "n", size=SMALL) as (app, pilot):
        ask = app.screen
        assert isinstance(ask, ConfirmModal)
        shown = text_of(ask.query_one("#question")).replace("\n", "")
        assert "๕๘ คน" in shown and "exports" in shown, shown
        await pilot.press("n")


async def test_the_ita_note_has_no_english_gloss_in_the_thai_ui(make_app, ctx):
    from textual.widgets import Static

    admin_of(ctx)
    async with signed_in(make_app, ctx, "hr", "i", size=SMALL) as (app, pilot):
        note = text_of(app.screen.query_one("#ita-note", Static))
        assert "ITAS" in note and "check against" not in note, note
