"""The complaints register driven through the real app (demo office, demo accounts)."""

from __future__ import annotations

import re

import pytest
from demo_cache import fast_demo
from textual.widgets import Checkbox, DataTable, Input, Select
from tui_helpers import SIZE, notifications, settle, start, text_of

from ethics_tui.pdf.textlayer import pdftotext, squash
from ethics_tui.service import complaints as svc
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.digits import to_thai_digits
from ethics_tui.tui.screens.complaints import ComplaintsScreen
from ethics_tui.tui.screens.complaints_forms import InfoModal, IntakeModal, StepModal
from ethics_tui.tui.screens.complaints_stats import ComplaintStatsScreen


@pytest.fixture
def office(ctx, monkeypatch, tmp_path):
    """The demo office with only this register's demo cases (other registers are not ours)."""
    from ethics_tui.service import demo

    monkeypatch.chdir(tmp_path)  # PDFs go to ./exports
    fast_demo(ctx)
    return ctx


def officer(ctx) -> Context:
    return demo_sign_in(Context(store=ctx.store), "complaints")


async def test_intake_then_receipt(make_app, office):
    before = {c.id for c in svc.list_cases(officer(office))}
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComplaintsScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, IntakeModal)
        assert app.focused is form.query_one("#f-channel")
        notice = text_of(form.query_one("#privacy-notice"))  # PDPA: what is kept, why, how long, who sees
        assert "การคุ้มครองข้อมูลส่วนบุคคล" in notice and "ปี" in notice and "เฉพาะเจ้าหน้าที่" in notice
        form.query_one("#f-channel", Select).value = "Line OA"
        await pilot.press("tab", "tab")
        assert app.focused is form.query_one("#f-subject")
        form.query_one("#f-subject", Input).value = "ขอให้ตรวจสอบการจ้างเหมาขุดลอกคลอง"
        form.query_one("#f-complainant_name", Input).value = "นายทดสอบ ลับมาก"
        form.query_one("#f-complainant_contact", Input).value = "0899999999"
        form.query_one("#f-accused", Input).value = "ผู้รับเหมารายหนึ่ง"
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = [c for c in svc.list_cases(officer(office)) if c.id not in before]
        assert len(new) == 1
        c = new[0]
        assert (c.channel, c.kind, c.status, c.anonymous) == ("Line OA", "corruption", "received", False)
        receipt = app.screen
        assert isinstance(receipt, InfoModal)
        body = text_of(receipt.query_one("#info-body"))
        assert "  ".join(c.code) in body  # the code as printed (Arabic), the rest in Thai digits
        assert to_thai_digits(f"{c.number}/{c.fiscal_year}") in body and f"{c.number}/{c.fiscal_year}" not in body
        await pilot.press("p")  # print the receipt
        await settle(pilot)
        assert app.screen is screen
        assert str(c.id) in {k.value for k in screen.query_one(DataTable).rows}
        pdfs = [n for n in notifications(app) if n.endswith(".pdf")]
        assert pdfs, notifications(app)
        text = squash(pdftotext(pdfs[-1]))
        assert c.code in text and squash(c.subject) in text
        for secret in ("นายทดสอบ", "0899999999", "ผู้รับเหมา"):
            assert secret not in text
        ident = svc.identity(officer(office), c.id)
        assert (ident.complainant_name, ident.accused_text) == ("นายทดสอบ ลับมาก", "ผู้รับเหมารายหนึ่ง")


async def test_intake_refuses_a_named_complaint_without_a_name(make_app, office):
    n = len(svc.list_cases(officer(office)))
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        await pilot.press("p", "n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-subject", Input).value = "เรื่องทดสอบ"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "ไม่ประสงค์ออกนาม" in text_of(form.query_one("#err-complainant_name"))
        form.query_one("#f-anonymous", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InfoModal)
    assert len(svc.list_cases(officer(office))) == n + 1


async def test_step_with_deadline_and_lookup(make_app, office):
    c = next(c for c in svc.list_cases(officer(office)) if c.status == "received")
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(c.id)))
        await pilot.press("m")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, StepModal)
        assert "กำหนด" in modal.title_text  # the deadline is in view
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert svc.get(officer(office), c.id).status == "review"
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#f-text", Input).value = c.code.lower().replace("-", " ")
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen
        assert isinstance(box, InfoModal)
        body = text_of(box.query_one("#info-body"))
        assert "ตรวจสอบเบื้องต้น" in body and c.subject not in body
        assert not re.search("[0-9]", body), body  # dates in the office's Thai digits


async def test_viewer_gets_the_public_statistics(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComplaintStatsScreen)
        assert "๖ เดือนแรก (๑ ต.ค.-๓๑ มี.ค.)" in str(screen.query_one("#cp-half", Checkbox).label)
        assert not re.search("[0-9]", screen.query_one("#cp-fy", Input).value)
        screen.query_one("#cp-fy", Input).value = "2540"
        await pilot.pause()
        assert "ไม่มีเรื่องร้องเรียน" in text_of(screen.query_one("#cp-statement"))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (ComplaintsScreen, ComplaintStatsScreen))


async def test_confidential_exports_listed_and_deleted_from_the_screen(make_app, office):
    from ethics_tui.service import exports
    from ethics_tui.service.complaints_docs import export_pdf
    from ethics_tui.tui.screens.confidential_exports import ConfidentialExportsModal
    from ethics_tui.tui.widgets.confirm import ConfirmModal

    o = officer(office)
    out = export_pdf(o, "casefile", case_id=svc.list_cases(o)[0].id)
    assert out.parent == office.store.dir / "confidential-exports"
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ConfidentialExportsModal)
        table = modal.query_one("#cx-table", DataTable)
        assert table.row_count == 1 and "complaints" in [str(c) for c in table.get_row_at(0)]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert not out.exists() and exports.list_confidential(o) == []


async def test_executive_accused_step_offers_the_receiving_bodies(make_app, office):
    from datetime import date

    from ethics_tui.model.complaints import Complaint, Identity

    o = officer(office)
    c = svc.intake(
        o,
        Complaint("2024-01-15T09:30", "มาด้วยตนเอง", "corruption", "เรื่องผู้บริหาร"),
        Identity(anonymous=True, accused_text="นายก อบต."),
    )
    svc.advance(o, c.id, "review", date(2024, 1, 16))
    app = make_app(office.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "complaints")
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(c.id)))
        await pilot.press("m")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, StepModal)
        warning = " ".join(text_of(s) for s in modal.query(".field-error"))
        assert "นายอำเภอ" in warning and "ป.ป.ช." in warning and "ป.ป.ท." in warning
        box = modal.query_one("#f-extra", Input)
        assert box.value.startswith("นายอำเภอ") and box.suggester is not None
        box.value = "ศูนย์ดำรงธรรมจังหวัด"
        modal.query_one("#f-evidence", Select).value = "enough"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert svc.get(o, c.id).status == "referred"
