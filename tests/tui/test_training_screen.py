"""Training selection through the real app: nominate (HR) → approve (executive) → attended (HR)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select
from tui_helpers import SIZE, notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.model.training import ATTENDED, Opportunity
from ethics_tui.service import demo, training_stats
from ethics_tui.service import training as svc
from ethics_tui.tui.screens.training import TrainingScreen
from ethics_tui.tui.screens.training_forms import NominationFormModal, OutcomeModal, RejectModal
from ethics_tui.tui.screens.training_views import TrainingQuestionsScreen, TrainingYearScreen
from ethics_tui.tui.widgets.confirm import ConfirmModal
from ethics_tui.tui.widgets.person_search import PersonSearch


@pytest.fixture
def office(ctx, monkeypatch):
    fast_demo(ctx)
    hr = demo.demo_sign_in(ctx, "hr")
    fy = svc.fiscal_years(hr)[-1]
    opp = svc.save_opportunity(
        hr,
        Opportunity(
            "ฝึกอบรม",
            "การเขียนหนังสือราชการ",
            f"{fy - 543}-09-30",
            "DOC-1",
            "สถาบันพัฒนาบุคลากรท้องถิ่น",
            cost_registration=1000.0,
            seats=1,
        ),
    )
    return hr, opp


def shown(widget) -> str:
    """What a Static holding a Rich table shows, as plain text."""
    from rich.console import Console

    console = Console(width=200, record=True, file=None)
    with console.capture() as cap:
        console.print(widget.content)
    return cap.get()


async def open_training(pilot, opp_id: int) -> TrainingScreen:
    await pilot.press("f")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrainingScreen)
    table = screen.query_one("#tr-opps", DataTable)
    table.move_cursor(row=table.get_row_index(str(opp_id)))
    await pilot.pause()
    return screen


async def test_nominate_approve_attend(make_app, office):
    hr, opp = office
    staff = sorted(svc.staff_map(hr).values(), key=lambda s: s.id)
    person = staff[20]
    director = next(s for s in staff if s.position.startswith("ผู้อำนวยการกอง"))
    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:  # HR nominates
        await start(pilot, "hr")
        screen = await open_training(pilot, opp.id)
        assert "3,600.00" in text_of(screen.query_one("#tr-budget")).translate(
            str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
        )
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NominationFormModal)
        await pilot.press("ctrl+s")  # nothing chosen: errors at the fields, not dismissed
        await pilot.pause()
        assert app.screen is form and text_of(form.query_one("#err-rationale")) == "ต้องกรอก"
        form.query_one("#f-staff_id", PersonSearch).value = person.id
        form.query_one("#f-nominated_by", Select).value = director.id
        form.query_one("#f-rationale", Input).value = "รับผิดชอบงานสารบรรณของกอง"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        [nom] = svc.list_nominations(hr, opp.id)
        assert (nom.staff_id, nom.nominated_by, nom.decision) == (person.id, director.id, "")
        assert str(nom.id) in {k.value for k in screen.query_one("#tr-noms", DataTable).rows}
        checks = text_of(screen.query_one("#tr-checks"))
        assert "มัธยฐานของกอง" in checks
        await pilot.press("w")  # forward to the executive
        await pilot.pause()
        assert svc.get_nomination(hr, nom.id).forwarded_on == date.today().isoformat()
        await pilot.press("a")  # HR may not approve: a Thai refusal, nothing changes
        await pilot.pause()
        assert any("ไม่มีสิทธิ์" in m for m in notifications(app))
        assert svc.get_nomination(hr, nom.id).decision == ""

    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:  # the executive approves
        await start(pilot, "executive")
        screen = await open_training(pilot, opp.id)
        screen.query_one("#tr-noms", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert svc.get_nomination(hr, nom.id).decision == "approved"
        assert "อนุมัติ" in text_of(screen.query_one("#tr-checks"))

    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:  # HR records the attendance
        await start(pilot, "hr")
        screen = await open_training(pilot, opp.id)
        screen.query_one("#tr-noms", DataTable).focus()
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OutcomeModal)
        form.query_one("#f-outcome", Select).value = ATTENDED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert svc.get_nomination(hr, nom.id).outcome == ATTENDED
        assert training_stats.budget_lines(hr, opp.fiscal_year)[0].spent == 44400.0 + 1000.0


async def test_rejection_without_a_reason_is_refused_on_screen(make_app, office):
    hr, opp = office
    staff = sorted(svc.staff_map(hr).values(), key=lambda s: s.id)
    nom = svc.nominate(hr, opp.id, staff[30].id, staff[29].id, "งานเอกสาร", date.today())
    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "executive")
        screen = await open_training(pilot, opp.id)
        screen.query_one("#tr-noms", DataTable).focus()
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RejectModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert text_of(form.query_one("#err-reject_code")) == "การไม่อนุมัติต้องระบุเหตุผล"
        assert svc.get_nomination(hr, nom.id).decision == ""
        form.query_one("#f-reject_code", Select).value = "not_relevant"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        saved = svc.get_nomination(hr, nom.id)
        assert (saved.decision, saved.reject_code) == ("rejected", "not_relevant")
        assert any("ไม่เกี่ยวข้องกับตำแหน่ง" in m for m in notifications(app))


async def test_year_end_view_questions_and_memo_export(make_app, office, tmp_path, monkeypatch):
    hr, _opp = office
    monkeypatch.chdir(tmp_path)  # exports/ goes to the working folder
    app = make_app(hr.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        screen = await open_training(pilot, _opp.id)
        table = screen.query_one("#tr-opps", DataTable)
        visit = next(o for o in svc.list_opportunities(hr) if o.kind == "ศึกษาดูงาน")
        table.move_cursor(row=table.get_row_index(str(visit.id)))
        await pilot.pause()
        statuses = [str(c) for c in screen.query_one("#tr-noms", DataTable).get_column("status")]
        assert statuses.count("ไม่อนุมัติ") == 2 and statuses.count("เข้าร่วมแล้ว") == 2
        await pilot.press("ctrl+e")
        await settle(pilot)
        from ethics_tui.service.exports import export_folder

        pdf = export_folder(app.ctx) / f"training-memo-{visit.id}.pdf"
        assert pdf.is_file() and any(str(pdf.name) in m for m in notifications(app))
        await pilot.press("y")
        await pilot.pause()
        year = app.screen
        assert isinstance(year, TrainingYearScreen)
        never = shown(year.query_one("#ty-never"))
        st = training_stats.stats(hr, year.fy)
        assert st.never_selected[0][0] in never
        assert "งบประมาณไม่เพียงพอ" in shown(year.query_one("#ty-rejections"))
        assert "█" in shown(year.query_one("#ty-div"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        questions = app.screen
        assert isinstance(questions, TrainingQuestionsScreen)
        assert "ยังไม่ได้ตอบ 1" in text_of(questions.query_one("#tq-title")).translate(str.maketrans("๐๑", "01"))
