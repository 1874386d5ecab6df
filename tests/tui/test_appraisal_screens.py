"""The appraisal register driven through the real app: fast score entry by keyboard, a refusal
with a witness, and the executive's view (counts, sealed scores)."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Select, Static, TextArea
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.model.appraisal import AppraisalRound, round_of
from ethics_tui.service import appraisal as svc
from ethics_tui.service import appraisal_review
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.tui.screens.appraisal import AppraisalScreen
from ethics_tui.tui.screens.appraisal_forms import RefusalModal
from ethics_tui.tui.screens.appraisal_results import AppraisalResultsScreen


def new_round(ctx, n=4):
    people = [r.staff.id for r in staff_svc.search(ctx)][:n]
    return svc.create_round(ctx, AppraisalRound(*round_of(date.today())), staff_ids=people)


async def open_round(pilot) -> AppraisalResultsScreen:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AppraisalScreen)
    await pilot.press("enter")  # the newest round is the first row
    await pilot.pause()
    assert isinstance(pilot.app.screen, AppraisalResultsScreen)
    return pilot.app.screen


async def test_enter_scores_by_keyboard_then_record_a_refusal(make_app, demo_ctx):
    new_round(demo_ctx)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_round(pilot)
        ids = [int(k.value) for k in screen.table.rows]
        await pilot.press("enter")  # start on the first row
        assert app.focused is screen.query_one("#in-results", Input)
        await pilot.press(*"60.5", "enter", *"25", "enter")  # saved; the next row is ready
        assert app.focused is screen.query_one("#in-results", Input)
        assert screen.editing == ids[1]
        await pilot.press(*"๖๓", "enter", *"27", "enter")  # Thai digits too
        await pilot.press(*"80", "enter", *"10", "enter")  # over the weight: refused, kept
        await pilot.pause()
        assert screen.editing == ids[2]
        # the refusal names the field in Thai, in the office's digits, and selects the bad value
        assert any("ผลสัมฤทธิ์ของงาน: คะแนนต้องอยู่ระหว่าง ๐ ถึง ๗๐" in n for n in notifications(app)), notifications(app)
        assert not any(n.startswith("results:") for n in notifications(app))
        box = screen.query_one("#in-results", Input)
        assert app.focused is box and box.selected_text == "80"
        from ethics_tui.thai.digits import to_thai_digits

        fy, no = round_of(date.today())
        assert to_thai_digits(f"{fy}/{no}") in text_of(screen.query_one("#ap-res-title", Static))  # Thai digits (demo)
        await pilot.press("escape")  # typed scores not saved: asked first (QA1 5), y drops them
        from ethics_tui.tui.widgets.confirm import ConfirmModal

        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert app.focused is screen.table
        assert box.value == "" and screen.query_one("#in-competency", Input).value == ""  # nothing stale
        first = svc.get_result(app.ctx, ids[0])
        assert (str(first.scores.total), first.scores.level) == ("85.50", "ดีมาก")
        assert str(svc.get_result(app.ctx, ids[1]).scores.total) == "90.00"
        assert not svc.get_result(app.ctx, ids[2]).result.scored
        assert "ดีมาก" in str(screen.table.get_cell(str(ids[0]), "level"))
        assert "90.00" in str(screen.table.get_cell(str(ids[1]), "total")) or "๙๐.๐๐" in str(
            screen.table.get_cell(str(ids[1]), "total")
        )

        appraisal_review.mark_notified(app.ctx, ids[0], date.today())
        screen.table.move_cursor(row=0)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RefusalModal)
        form.query_one("#f-note", TextArea).text = "ไม่เห็นด้วยกับคะแนน"
        await pilot.press("ctrl+s")  # no witness: refused at the field
        await pilot.pause()
        assert app.screen is form
        assert "พยาน" in text_of(form.query_one("#err-witness"))
        witness = staff_svc.search(app.ctx, "นิติกร")[0].staff
        form.query_one("#f-witness", Select).value = witness.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        r = svc.get_result(app.ctx, ids[0]).result
        assert (r.ack, r.witness_id, r.witness_name, r.ack_note) == (
            "refused",
            witness.id,
            witness.full_name,
            "ไม่เห็นด้วยกับคะแนน",
        )
        assert "ไม่ยอมลงนาม" in str(screen.table.get_cell(str(ids[0]), "stage"))
        await pilot.press("enter")  # a locked result cannot be typed over
        await pilot.pause()
        assert app.focused is screen.table
        assert any("ล็อก" in n for n in notifications(app))


async def test_executive_sees_counts_and_sealed_scores(make_app, demo_ctx):
    from ethics_tui.service import users as users_svc

    # an executive whose hr key was never approved (created by an admin who holds no hr key)
    users_svc.set_roles(demo_ctx, "executive", ["viewer"])  # drops the hr key
    users_svc.set_roles(demo_ctx, "admin", ["admin"])  # the admin no longer holds it either
    admin = Context(store=demo_ctx.store)
    users_svc.sign_in(admin, "admin", "demo1234")
    users_svc.set_roles(admin, "executive", ["executive"])  # pending: nobody signed in holds the key
    assert ("executive", "hr") in users_svc.pending_grants(admin)
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "executive")
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AppraisalScreen)
        dash = text_of(screen.query_one("#ap-dashboard", Static))
        d = appraisal_review.dashboard(app.ctx, screen.selected_id())
        assert "การกระจายตามระดับ" in dash and "ไม่ยอมลงนาม" in dash
        assert "คำร้องทุกข์ค้างพิจารณา ๑ เรื่อง" in dash
        assert d.levels["ดีมาก"] > 0
        assert "n" not in screen.active_bindings  # the executive cannot open a round: key hidden
        await pilot.press("n")  # ...and refused before any form opens
        await pilot.pause()
        assert app.screen is screen
        assert any("ไม่มีสิทธิ์" in n for n in notifications(app))
        await pilot.press("enter")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, AppraisalResultsScreen)
        table = results.query_one(DataTable)
        first = next(iter(table.rows))
        assert "ปกปิด" in str(table.get_cell(first, "total"))
        assert not results.query_one("#ap-entry").display


async def test_round_form_with_bands_and_weights(make_app, demo_ctx):
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-fiscal_year", Input).value = "2572"
        form.query_one("#f-round_no", Input).value = "2"
        form.query_one("#f-bands", Input).value = "ดีเด่น=95, ดีมาก=80, ดี=60, ต้องปรับปรุง=10"
        form.query_one("#f-weights", Input).value = "80/30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "0" in text_of(form.query_one("#err-bands"))
        assert "100" in text_of(form.query_one("#err-weights"))
        form.query_one("#f-bands", Input).value = "ดีเด่น=95, ดีมาก=80, ดี=60, ต้องปรับปรุง=0"
        form.query_one("#f-weights", Input).value = "๘๐/๒๐"
        form.query_one("#f-criteria_published", Input).value = "01/04/2572"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AppraisalScreen)
        rnd = svc.find_round(app.ctx, 2572, 2)
        assert rnd.bands[0] == ["ดีเด่น", "95.00"] and rnd.weights == {"results": 80, "competency": 20}
        assert rnd.criteria_published == "2029-04-01"
        assert len(svc.list_results(app.ctx, rnd.id)) == staff_svc.count(app.ctx)


async def test_notify_then_sign_ask_the_date_and_update_the_row(make_app, demo_ctx):
    """m and s on a result: a date prompt offering today, then the result and its row change."""
    rnd = new_round(demo_ctx)
    rows = svc.list_results(demo_ctx, rnd.id)
    rid = rows[0].result.id
    svc.set_scores(demo_ctx, rid, results="60", competency="25")
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_round(pilot)
        screen.table.move_cursor(row=screen.table.get_row_index(str(rid)))
        await pilot.press("m")
        await settle(pilot)
        assert app.screen is not screen  # the date prompt, today filled in
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert svc.get_result(app.ctx, rid).result.notified_on == date.today().isoformat()
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        r = svc.get_result(app.ctx, rid).result
        assert (r.ack, r.ack_on) == ("signed", date.today().isoformat())
        assert any(rows[0].staff.full_name in n for n in notifications(app))


async def test_the_revision_form_refuses_a_future_date_at_its_field(make_app, demo_ctx):
    """u on an upheld grievance (80x24): a new notified date after today is refused under the
    date, in Thai, and nothing is revised; today's date is saved."""
    from datetime import timedelta

    from tui_helpers import signed_in

    from ethics_tui.tui.screens.appraisal_forms import ReviseModal
    from ethics_tui.tui.screens.appraisal_grievances import AppraisalGrievancesScreen

    rnd = svc.list_rounds(demo_ctx)[0]  # the demo's notified round, one grievance open
    g = appraisal_review.list_grievances(demo_ctx, rnd.id)[0]
    appraisal_review.decide_grievance(demo_ctx, g.id, "upheld", date.today(), "ให้ทบทวน")
    async with signed_in(make_app, demo_ctx, "hr", "a", "g", "u") as (app, pilot):
        form = app.screen
        assert isinstance(form, ReviseModal)
        form.query_one("#f-results", Input).value = "60"
        form.query_one("#f-competency", Input).value = "25"
        later = date.today() + timedelta(days=3)
        form.query_one("#f-on", Input).value = f"{later.day}/{later.month}/{later.year + 543}"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and "อนาคต" in text_of(form.query_one("#err-on"))
        assert appraisal_review.history(app.ctx, g.result_id) == []
        today = date.today()
        form.query_one("#f-on", Input).value = f"{today.day}/{today.month}/{today.year + 543}"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AppraisalGrievancesScreen)
        assert svc.get_result(app.ctx, g.result_id).result.notified_on == today.isoformat()
