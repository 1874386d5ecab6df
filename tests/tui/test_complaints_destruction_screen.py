"""The สารบรรณ destruction procedure driven from the complaints screen at 80×24 (complaints role)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, TextArea
from tui_helpers import notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.model.complaints import Complaint, Identity
from ethics_tui.pdf.textlayer import pdftotext, squash
from ethics_tui.service import complaints as svc
from ethics_tui.service import complaints_destruction as dx
from ethics_tui.service.context import Context
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import format_date
from ethics_tui.thai.digits import apply_digits
from ethics_tui.tui.screens.complaints import ComplaintsScreen
from ethics_tui.tui.screens.complaints_destruction import (
    ApproveModal,
    CommitteeModal,
    DestroyModal,
    DestructionScreen,
)
from ethics_tui.tui.widgets.confirm import ConfirmModal

SMALL = (80, 24)
SECRET = "นางสาวผู้ร้อง ลับมาก"
SUBJECT = "เรื่องเก่าที่ต้องไม่ปรากฏ"


@pytest.fixture
def office(ctx, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # exports go to ./exports
    fast_demo(ctx)  # the demo office, built once per process
    return ctx


def officer(ctx) -> Context:
    return demo_sign_in(Context(store=ctx.store), "complaints")


def closed_case(o):
    c = svc.intake(
        o,
        Complaint("2014-01-15T09:30", "มาด้วยตนเอง", "corruption", SUBJECT),
        Identity(anonymous=False, complainant_name=SECRET),
    )
    day = c.received_date
    for step, extra in (
        ("review", {}),
        ("not_accepted", {"evidence": "not_enough", "reason": "x"}),
        ("notified", {"method": "โทร"}),
        ("closed", {}),
    ):
        day += timedelta(days=1)
        c = svc.advance(o, c.id, step, day, **extra)
    return c


async def test_list_committee_approve_destroy_export(make_app, office):
    o = officer(office)
    old = closed_case(o)
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "complaints")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ComplaintsScreen)
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DestructionScreen)
        assert "กด n" in text_of(screen.query_one("#dx-info"))  # nothing listed yet: what to do
        await pilot.press("c")  # a step out of order: a Thai warning, no crash
        await pilot.pause()
        assert any("ยังไม่มีบัญชี" in n for n in notifications(app))
        await pilot.press("n")
        await pilot.pause()
        row = dx.rounds(o)[0]
        n = len(row["entries"])
        D = lambda x: apply_digits(str(x), get_settings(office).digits)
        assert old.id in [e["case_id"] for e in row["entries"]]
        entries = screen.query_one("#dx-entries", DataTable)
        assert entries.row_count == n
        shown = " ".join(str(c) for r in range(n) for c in entries.get_row_at(r))
        assert old.code in shown and SUBJECT not in shown and SECRET not in shown
        await pilot.press("ctrl+d")  # not approved yet: refused with the reason
        await pilot.pause()
        assert isinstance(app.screen, DestructionScreen)
        assert any("ยังทำลายไม่ได้" in x for x in notifications(app))

        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CommitteeModal)
        digits = get_settings(o).digits
        assert form.title_text == apply_digits(f"คณะกรรมการทำลายหนังสือ (บัญชีเลขที่ {row['id']})", digits)
        form.query_one("#f-order", Input).value = "ที่ 12/2569"
        form.query_one("#f-members", TextArea).text = "นายหนึ่ง\nนายสอง"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # two members: the service's reason shown at the field
        assert "อย่างน้อย 3 คน" in text_of(form.query_one("#err-members"))
        form.query_one("#f-members", TextArea).text = "นายหนึ่ง\nนายสอง\nนางสาม"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and dx.get(o, row["id"])["status"] == "committee"

        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApproveModal)
        assert form.title_text == apply_digits(f"อนุมัติให้ทำลาย (บัญชีเลขที่ {row['id']})", digits)
        form.query_one("#f-approver", Input).value = "นายกองค์การบริหารส่วนตำบล"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dx.get(o, row["id"])["approved_on"] == date.today().isoformat()
        assert "ctrl+d" in text_of(screen.query_one("#dx-info"))

        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DestroyModal)
        n = len(dx.get(o, row["id"])["entries"])
        assert app.screen.title_text == apply_digits(f"ทำลายเรื่องตามบัญชีเลขที่ {row['id']} ({n} เรื่อง)", digits)
        await pilot.press("ctrl+s")  # today
        await pilot.pause()
        ask = app.screen
        assert isinstance(ask, ConfirmModal)
        assert f"ทำลายเรื่องร้องเรียน {D(n)} เรื่อง" in ask.question
        await pilot.press("n")  # changed their mind: nothing deleted
        await pilot.pause()
        assert svc.get(o, old.id) and dx.get(o, row["id"])["status"] == "approved"
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert dx.get(o, row["id"])["status"] == "destroyed"
        assert str(old.id) not in office.store.load()["complaints"]
        assert any(f"ทำลายแล้ว {D(n)} เรื่อง" in x for x in notifications(app))

        await pilot.press("e")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        pdf = next(x for x in notifications(app) if x.endswith(".pdf"))
        csv = next(x for x in notifications(app) if x.endswith(".csv"))
        text = squash(pdftotext(pdf))
        assert old.code in text and squash(D("ที่ 12/2569")) in text and SECRET not in text
        body = open(csv, encoding="utf-8-sig").read()
        assert old.code in body and SUBJECT not in body and format_date(old.received_date, "abbr") in body
        footer = {b.binding.key: b.binding.description for b in app.active_bindings.values() if b.binding.show}
        for key, label in (("n", "จัดทำบัญชี"), ("c", "คณะกรรมการ"), ("a", "อนุมัติ"), ("ctrl+d", "ทำลาย")):
            assert footer[key] == label


async def test_palette_entry_opens_it(make_app, office):
    app = make_app(office.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot, "complaints")
        await app.run_action("app.open_register('complaints', 'destruction')")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DestructionScreen)
        assert isinstance(app.screen_stack[-2], ComplaintsScreen)
    from ethics_tui.tui.registers import find

    titles = [c[0] for c in find("complaints").commands]
    assert any(t.startswith("เรื่องร้องเรียน: ทำลาย") for t in titles)
